// Request helpers that call request helpers: a service function `getPatient(id)` that calls the api module's generic
// `get(url)`, which calls axios, returns the response of the route it names, at the outer call and across files.
// Our own synthetic code.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scanWorkspace } from '../../src/api';

const API = "import axios from 'axios';\nexport function get(url: string) {\n  return axios.get(url).then((res) => res.data);\n}\n";
const SERVICE = `import { get } from './api';
export function getPatient(id: string) {
  return get(\`/patients/\${id}\`);
}
export function getSettings() {
  return get('/settings');
}
export function fetchVisits(id: string) {
  return getPatient(id);
}
export default {
  loadChart(id: string) {
    return get(\`/patients/\${id}/chart\`);
  },
};
`;

describe('request helpers that call request helpers', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function workspace(files: Record<string, string>): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-helpers-'));
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    return root;
  }

  const cases: Array<{ name: string; body: string; expected: boolean }> = [
    { name: 'a named import of the service function', body: 'const x = await getPatient(id);\n  console.log(x);', expected: true },
    { name: 'a function of the service calling another of its functions', body: 'const v = await fetchVisits(id);\n  console.log(v);', expected: true },
    { name: "a namespace import's function", body: 'const x = await service.getPatient(id);\n  console.log(x);', expected: true },
    { name: "a default-exported object's method", body: 'const c = await chart.loadChart(id);\n  console.log(c);', expected: true },
    // near misses
    { name: 'the same chain to a settings route', body: 'const s = await getSettings();\n  console.log(s);', expected: false },
    { name: 'a field of the response that is a count', body: 'const x = await getPatient(id);\n  console.log(x.length);', expected: false },
  ];
  for (const { name, body, expected } of cases) {
    it(`${name}${expected ? '' : ' (near miss)'}`, async () => {
      dir = workspace({
        'src/api.ts': API,
        'src/patientService.ts': SERVICE,
        'src/page.ts': `import chart, { getPatient, getSettings, fetchVisits } from './patientService';\nimport * as service from './patientService';\nexport async function show(id: string) {\n  ${body}\n}\nexport const used = [chart, service, getPatient, getSettings, fetchVisits];\n`,
      });
      const result = await scanWorkspace({ paths: [dir], cwd: dir });
      const found = result.findings.filter((finding) => finding.file === 'src/page.ts').map((finding) => `${finding.ruleId}:${finding.range.start.line}`);
      assert.deepEqual(found, expected ? ['no-phi-in-logs:5'] : []);
    });
  }
});
