// Single-file components in a workspace scan: a .vue file's imports of workspace modules are followed (cross-file
// flows, the type index), it is imported as a component, it has a role like any code file, and a malformed one is
// a skip with a reason, never a failed scan.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scanWorkspace } from '../../src/api';

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-sfc-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('single-file components in a workspace scan', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('follows a .vue file\'s imports: a workspace helper that logs, and a type declared in another module', async () => {
    dir = workspace({
      'src/lib/audit.ts': 'export function audit(event: string, details: unknown): void {\n  console.log(event, details);\n}\n',
      'src/types.ts': 'export interface Patient { id: string; firstName: string; dateOfBirth: string }\n',
      'src/components/PatientCard.vue': [
        '<template>',
        '  <button @click="open(item)">{{ item.firstName }}</button>',
        '</template>',
        '<script setup lang="ts">',
        "import { audit } from '../lib/audit';",
        "import type { Patient } from '../types';",
        'defineProps<{ item: Patient }>();',
        'function open(item: Patient) {',
        "  audit('opened', { born: item.dateOfBirth });",
        "  sessionStorage.setItem('last', JSON.stringify(item));",
        '}',
        '</script>',
        '',
      ].join('\n'),
      'src/App.vue': "<template><PatientCard :patient=\"p\"/></template>\n<script>\nimport PatientCard from './components/PatientCard.vue';\nexport default { components: { PatientCard } };\n</script>\n",
      'src/components/PatientCard.spec.ts': "import { describe, it, expect } from 'vitest';\nimport PatientCard from './PatientCard.vue';\ndescribe('card', () => { it('renders', () => { expect(PatientCard).toBeTruthy(); }); });\n",
    });
    const result = await scanWorkspace({ paths: [dir], cwd: dir });
    const found = result.findings.map((finding) => `${finding.file}:${finding.range.start.line}:${finding.range.start.column}:${finding.ruleId}:${finding.phiKinds.join(',')}`).sort();
    assert.deepEqual(found, [
      // the kinds come from the type declared in src/types.ts (the prop's name says nothing)
      'src/components/PatientCard.vue:10:34:no-phi-in-browser-storage:date-of-birth,name',
      // reported at the argument, through the helper of src/lib/audit.ts
      'src/components/PatientCard.vue:9:19:no-phi-in-logs:date-of-birth',
    ]);
    const logged = result.findings.find((finding) => finding.ruleId === 'no-phi-in-logs')!;
    assert.ok(logged.related.some((related) => related.file === 'src/lib/audit.ts' && related.range.start.line === 2), 'the helper\'s sink is related');
    assert.equal(result.skipped.filter((skip) => skip.file.endsWith('.vue')).length, 0);
    assert.equal(result.filesScanned, 5);
  });

  it('gives a .vue or .svelte file a role like any code file and reports a malformed one as skipped, with the place', async () => {
    dir = workspace({
      'src/stories/PatientCard.stories.vue': "<template><p/></template>\n<script setup>\nconsole.log({ ssn: '123-45-6789' }.ssn);\n</script>\n",
      // stories written as components (Histoire, Storybook's Svelte CSF) beside the component: stories by name
      'src/components/Card.story.vue': '<template><Story><Card/></Story></template>\n<script setup>\nconst patient = { ssn: "123-45-6789" };\nconsole.log(patient.ssn);\n</script>\n',
      'src/components/Card.stories.svelte': '<script>\n  const patient = { ssn: "123-45-6789" };\n  console.log(patient.ssn);\n</script>\n<Story name="x"/>\n',
      'src/Broken.vue': '<template><p/></template>\n\n<script lang="ts">\nconsole.log(1);\n',
      // a suppression comment in a component's script applies to its next line
      'src/Suppressed.vue': "<template><p/></template>\n<script setup lang=\"ts\">\ndeclare const patient: { ssn: string };\n// phi-guard-disable-next-line no-phi-in-logs -- masked by the app's console shim (SEC-1)\nconsole.log(patient.ssn);\n</script>\n",
      'src/Widget.svelte': '<script>\n  export let patient;\n  console.log(patient.ssn);\n</script>\n<p>{patient.firstName}</p>\n',
    });
    const result = await scanWorkspace({ paths: [dir], cwd: dir });
    const broken = result.skipped.find((skip) => skip.file === 'src/Broken.vue');
    assert.ok(broken, JSON.stringify(result.skipped));
    assert.equal(broken.reason, 'parse-error');
    assert.match(broken.detail, /^3:1 component file: the <script> block opened here has no closing <\/script> tag/);
    assert.ok(result.findings.some((finding) => finding.file === 'src/Broken.vue' && finding.ruleId === 'unanalysed-file'));
    assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'no-phi-in-logs').map((finding) => `${finding.file}:${finding.range.start.line}${finding.suppressed ? ':suppressed' : ''}`).sort(), ['src/Suppressed.vue:5:suppressed', 'src/Widget.svelte:3']);
  });
});
