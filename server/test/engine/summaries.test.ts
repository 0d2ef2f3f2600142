// Deeper summaries: methods of classes and object literals, chains of calls across files (depth limit,
// cycle guard), state that handlers set and effects store, and the editor's summaries kept current.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allRules } from '../../../rules';
import { scanWorkspace } from '../../src/api';
import { Project } from '../../src/engine';
import type { Finding } from '../../src/core/types';

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-summaries-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const brief = (finding: Finding) => `${finding.file}:${finding.range.start.line}:${finding.range.start.column}:${finding.ruleId}:${finding.phiKinds.join(',')}`;

async function scan(files: Record<string, string>): Promise<{ dir: string; findings: Finding[] }> {
  const dir = workspace(files);
  const result = await scanWorkspace({ paths: [dir], cwd: dir });
  return { dir, findings: result.findings };
}

const ARCHIVE = `export class VisitArchive {
  keep(entry: unknown) {
    console.info(entry);
  }
  size(entry: string) {
    return entry.length;
  }
  static keepAll(entries: unknown[]) {
    console.info(entries);
  }
}
`;

describe('deeper summaries', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  describe('methods', () => {
    it('reports PHI passed to a method of an imported class through new, typed, injected and declared instances', async () => {
      const scanned = await scan({
        'src/archive.ts': ARCHIVE,
        'src/intake.ts': `import { VisitArchive } from './archive';
import { inject } from '@angular/core';
declare const patient: { ssn: string; dateOfBirth: string; id: string };
new VisitArchive().keep(patient.ssn);
const archive = new VisitArchive();
archive.keep(patient.dateOfBirth);
export function store(target: VisitArchive) {
  target.keep(patient.ssn);
}
VisitArchive.keepAll([patient.ssn]);
export class IntakeService {
  private declared: VisitArchive;
  private injected = inject(VisitArchive);
  constructor(private readonly archive: VisitArchive) {}
  save() {
    this.archive.keep(patient.ssn);
    this.declared.keep(patient.ssn);
    this.injected.keep(patient.dateOfBirth);
    this.archive.size(patient.ssn);
    this.archive.keep(patient.id);
  }
}
`,
      });
      dir = scanned.dir;
      assert.deepEqual(scanned.findings.map(brief), [
        'src/intake.ts:4:25:no-phi-in-logs:ssn',
        'src/intake.ts:6:14:no-phi-in-logs:date-of-birth',
        'src/intake.ts:8:15:no-phi-in-logs:ssn',
        'src/intake.ts:10:22:no-phi-in-logs:ssn',
        'src/intake.ts:16:23:no-phi-in-logs:ssn',
        'src/intake.ts:17:24:no-phi-in-logs:ssn',
        'src/intake.ts:18:24:no-phi-in-logs:date-of-birth',
      ]);
      const first = scanned.findings[0];
      assert.match(first.message, /through `VisitArchive\.keep\(\)`, src\/archive\.ts:3\)$/);
      assert.ok(first.related.some((related) => related.file === 'src/archive.ts' && related.range.start.line === 3 && /inside `VisitArchive\.keep`/.test(related.message)));
    });

    it('follows default-exported classes and methods of exported object literals', async () => {
      const scanned = await scan({
        'src/archive.ts': `export default class Archive {\n  keep(entry: unknown) {\n    console.info(entry);\n  }\n}\n`,
        'src/api.ts': `export const visits = {\n  record(entry: unknown) {\n    console.warn('visit', entry);\n  },\n};\n`,
        'src/page.ts': `import Archive from './archive';\nimport { visits } from './api';\ndeclare const patient: { ssn: string };\nnew Archive().keep(patient.ssn);\nvisits.record(patient.ssn);\n`,
      });
      dir = scanned.dir;
      assert.deepEqual(scanned.findings.map(brief), ['src/page.ts:4:20:no-phi-in-logs:ssn', 'src/page.ts:5:15:no-phi-in-logs:ssn']);
    });

    it('follows methods of a class of the same file, called through this, an instance or statically', async () => {
      const scanned = await scan({
        'src/page.ts': `class Archive {
  keep(entry: unknown) {
    console.info(entry);
  }
  static keepAll(entries: unknown) {
    console.info(entries);
  }
  count(entry: string) {
    return entry.length;
  }
}
declare const patient: { ssn: string; id: string };
new Archive().keep(patient.ssn);
Archive.keepAll(patient.ssn);
new Archive().count(patient.ssn);
`,
      });
      dir = scanned.dir;
      assert.deepEqual(scanned.findings.map(brief), ['src/page.ts:3:18:no-phi-in-logs:ssn', 'src/page.ts:6:18:no-phi-in-logs:ssn']);
    });

    it('follows methods of an object literal of the same file', async () => {
      const scanned = await scan({
        'src/page.ts': `const visits = {
  record(entry: unknown) {
    console.info('visit', entry);
  },
  count(entry: string) {
    return entry.length;
  },
};
declare const patient: { ssn: string; id: string };
visits.record(patient.ssn);
visits.count(patient.ssn);
visits.record(patient.id);
function shadowed(visits: { record(entry: unknown): void }) {
  visits.record(patient.ssn);
}
`,
      });
      dir = scanned.dir;
      assert.deepEqual(scanned.findings.map(brief), ['src/page.ts:3:27:no-phi-in-logs:ssn']);
    });

    it('stays silent for classes of packages, unknown receivers and a test calling production code', async () => {
      const scanned = await scan({
        'src/archive.ts': ARCHIVE,
        'src/page.ts': `import { VisitArchive as PackageArchive } from 'archive-lib';
declare const patient: { ssn: string };
declare const somewhere: any;
new PackageArchive().keep(patient.ssn);
somewhere.archive.keep(patient.ssn);
`,
        'src/archive.test.ts': `import { VisitArchive } from './archive';\nconst patient = { ssn: '123-45-6789' };\nnew VisitArchive().keep(patient.ssn);\n`,
      });
      dir = scanned.dir;
      assert.deepEqual(scanned.findings.map(brief), []);
    });
  });

  describe('chains across files', () => {
    it('reports at the first caller with each onward call as a related location', async () => {
      const scanned = await scan({
        'src/c.ts': 'export function keep(entry: unknown) {\n  console.info(entry);\n}\n',
        'src/b.ts': "import { keep } from './c';\nexport function record(label: string, entry: unknown) {\n  keep(entry);\n}\n",
        'src/a.ts': "import { record } from './b';\ndeclare const patient: { ssn: string; id: string };\nrecord('visit', patient.ssn);\nrecord(patient.ssn, patient.id);\n",
      });
      dir = scanned.dir;
      assert.deepEqual(scanned.findings.map(brief), ['src/a.ts:3:17:no-phi-in-logs:ssn']);
      const [finding] = scanned.findings;
      assert.match(finding.message, /through `record\(\)` → `keep\(\)`, src\/c\.ts:2\)$/);
      assert.deepEqual(
        finding.related.filter((related) => related.file !== 'src/a.ts').map((related) => `${related.file}:${related.range.start.line}`),
        ['src/b.ts:3', 'src/c.ts:2'],
      );
    });

    it('follows chains through class methods and local helpers, and stops at the depth limit', async () => {
      const files: Record<string, string> = {
        'src/sink.ts': 'export class Journal {\n  write(entry: unknown) {\n    console.info(entry);\n  }\n}\n',
        'src/middle.ts': "import { Journal } from './sink';\nconst journal = new Journal();\nfunction forward(value: unknown) {\n  journal.write(value);\n}\nexport function note(value: unknown) {\n  forward(value);\n}\n",
        'src/page.ts': "import { note } from './middle';\ndeclare const patient: { ssn: string };\nnote(patient.ssn);\n",
        // f1 → f2 → … → f6 → console: deeper than the limit
        'deep/f6.ts': 'export function f6(v: unknown) {\n  console.info(v);\n}\n',
      };
      for (let level = 5; level >= 1; level--) files[`deep/f${level}.ts`] = `import { f${level + 1} } from './f${level + 1}';\nexport function f${level}(v: unknown) {\n  f${level + 1}(v);\n}\n`;
      files['deep/start.ts'] = "import { f1 } from './f1';\nimport { f3 } from './f3';\ndeclare const patient: { ssn: string };\nf1(patient.ssn);\nf3(patient.ssn);\n";
      const scanned = await scan(files);
      dir = scanned.dir;
      assert.deepEqual(scanned.findings.map(brief), ['deep/start.ts:5:4:no-phi-in-logs:ssn', 'src/page.ts:3:6:no-phi-in-logs:ssn']);
    });

    it('does not follow a chain through values only derived from the parameter', async () => {
      const scanned = await scan({
        'src/c.ts': "export function definitionUrl(order: { canonical?: string[] }) {\n  const url = order.canonical?.[0].split('|')[0];\n  console.info('definition', url);\n  return url;\n}\n",
        'src/b.ts': "import { definitionUrl } from './c';\nexport function loadDefinitions(orders: Array<{ canonical?: string[] }>) {\n  return orders.map((order) => definitionUrl(order));\n}\nexport function keepFirst(bundle: { entry: unknown[] }) {\n  definitionUrl(bundle.entry[0] as never);\n}\n",
        'src/a.ts': "import { loadDefinitions, keepFirst } from './b';\ndeclare const patient: { ssn: string };\ndeclare const serviceRequests: Array<{ canonical?: string[]; patientName: string; diagnosis: string }>;\nloadDefinitions(serviceRequests);\nkeepFirst({ entry: [patient] });\n",
      });
      dir = scanned.dir;
      assert.deepEqual(scanned.findings.map(brief), []);
    });

    it('ends on a cycle of files calling each other', async () => {
      const scanned = await scan({
        'src/ping.ts': "import { pong } from './pong';\nexport function ping(v: unknown, n: number): void {\n  if (n > 0) pong(v, n - 1);\n}\n",
        'src/pong.ts': "import { ping } from './ping';\nexport function pong(v: unknown, n: number): void {\n  ping(v, n);\n  console.info(v);\n}\n",
        'src/page.ts': "import { ping } from './ping';\ndeclare const patient: { ssn: string };\nping(patient.ssn, 3);\n",
      });
      dir = scanned.dir;
      assert.deepEqual(scanned.findings.map(brief), ['src/page.ts:3:6:no-phi-in-logs:ssn']);
    });
  });

  describe('state and effects', () => {
    it('reports state that handlers set and an effect stores', async () => {
      const scanned = await scan({
        'src/Draft.tsx': `import { useEffect, useReducer, useState } from 'react';
function draftReducer(state: object, action: { payload: object }) {
  return { ...state, ...action.payload };
}
export function Draft({ patient }: { patient: { ssn: string; dateOfBirth: string; id: string } }) {
  const [draft, setDraft] = useState(null);
  useEffect(() => {
    localStorage.setItem('draft', JSON.stringify(draft));
  }, [draft]);
  const [form, setForm] = useState({});
  useEffect(() => sessionStorage.setItem('form', JSON.stringify(form)), [form]);
  const [state, dispatch] = useReducer(draftReducer, {});
  useEffect(() => localStorage.setItem('state', JSON.stringify(state)), [state]);
  const onLoad = () => setDraft(patient.ssn);
  const onBirthDate = () => setForm((previous) => ({ ...previous, birth: patient.dateOfBirth }));
  const onRestore = () => dispatch({ type: 'restore', payload: patient });
  return null;
}
`,
      });
      dir = scanned.dir;
      assert.deepEqual(scanned.findings.map(brief), [
        'src/Draft.tsx:8:35:no-phi-in-browser-storage:ssn',
        'src/Draft.tsx:11:50:no-phi-in-browser-storage:date-of-birth',
        'src/Draft.tsx:13:49:no-phi-in-browser-storage:patient-record',
      ]);
    });

    it('stays silent for ids and counts set into stored state', async () => {
      const scanned = await scan({
        'src/Picker.tsx': `import { useEffect, useState } from 'react';
export function Picker({ patient }: { patient: { id: string; ssn: string } }) {
  const [selected, setSelected] = useState('');
  useEffect(() => localStorage.setItem('selected', selected), [selected]);
  const [count, setCount] = useState(0);
  useEffect(() => localStorage.setItem('count', String(count)), [count]);
  const onPick = () => setSelected(patient.id);
  const onMore = () => setCount(count + 1);
  return null;
}
`,
      });
      dir = scanned.dir;
      assert.deepEqual(scanned.findings.map(brief), []);
    });

    it('reports PHI passed to a custom hook of another file whose effect stores it', async () => {
      const scanned = await scan({
        'src/hooks/useAutosave.ts': "import { useEffect } from 'react';\nexport function useAutosave(key: string, value: unknown) {\n  useEffect(() => {\n    localStorage.setItem(key, JSON.stringify(value));\n  }, [key, value]);\n}\n",
        'src/Registration.tsx': "import { useAutosave } from './hooks/useAutosave';\nexport function Registration({ patient }: { patient: { dateOfBirth: string; id: string } }) {\n  useAutosave('dob', patient.dateOfBirth);\n  useAutosave('id', patient.id);\n  return null;\n}\n",
      });
      dir = scanned.dir;
      assert.deepEqual(scanned.findings.map(brief), ['src/Registration.tsx:3:22:no-phi-in-browser-storage:date-of-birth']);
    });
  });

  describe('the editor', () => {
    it('keeps cross-file findings current when a called file changes, down a chain too', () => {
      dir = workspace({
        'src/c.ts': 'export function keep(entry: unknown) {\n  console.info(entry);\n}\n',
        'src/b.ts': "import { keep } from './c';\nexport function record(entry: unknown) {\n  keep(entry);\n}\n",
        'src/a.ts': "import { record } from './b';\ndeclare const patient: { ssn: string };\nrecord(patient.ssn);\n",
      });
      const open = new Map<string, string>();
      const project = new Project({ root: dir, rules: allRules, readOpen: (absPath) => open.get(absPath) });
      const a = path.join(dir, 'src/a.ts');
      const b = path.join(dir, 'src/b.ts');
      const c = path.join(dir, 'src/c.ts');
      const textOfA = fs.readFileSync(a, 'utf8');
      const found = () => project.analyze(a, textOfA).findings.map(brief);
      assert.deepEqual(found(), ['src/a.ts:3:8:no-phi-in-logs:ssn']);
      // The sink at the end of the chain is edited away in the editor (not saved).
      open.set(c, 'export function keep(entry: unknown) {\n  return entry !== undefined;\n}\n');
      project.fileChanged(c, open.get(c));
      assert.deepEqual(found(), []);
      // Closed again: the disk's text is back.
      open.delete(c);
      project.fileChanged(c);
      assert.deepEqual(found(), ['src/a.ts:3:8:no-phi-in-logs:ssn']);
      // The middle of the chain stops passing the value on (saved to disk).
      fs.writeFileSync(b, "import { keep } from './c';\nexport function record(entry: unknown) {\n  keep(typeof entry);\n}\n");
      project.fileChanged(b);
      assert.deepEqual(found(), []);
    });

    it('resolves path aliases anew when a tsconfig changes or an aliased module appears', () => {
      dir = workspace({
        'tsconfig.json': '{ "compilerOptions": { "paths": { "@lib/*": ["./src/lib/*"] } } }\n',
        'src/lib/keep.ts': 'export function keep(entry: unknown) {\n  console.info(entry);\n}\n',
        'src/a.ts': "import { keep } from '@lib/keep';\nimport { store } from '@lib/store';\ndeclare const patient: { ssn: string };\nkeep(patient.ssn);\nstore(patient.ssn);\n",
      });
      const project = new Project({ root: dir, rules: allRules });
      const a = path.join(dir, 'src/a.ts');
      const textOfA = fs.readFileSync(a, 'utf8');
      const found = () => project.analyze(a, textOfA).findings.map(brief);
      assert.deepEqual(found(), ['src/a.ts:4:6:no-phi-in-logs:ssn']);
      // The alias now points elsewhere: \`@lib/keep\` names no module any more.
      const tsconfig = path.join(dir, 'tsconfig.json');
      fs.writeFileSync(tsconfig, '{ "compilerOptions": { "paths": { "@lib/*": ["./vendor/*"] } } }\n');
      project.fileChanged(tsconfig);
      assert.deepEqual(found(), []);
      // Back, and a module the alias names is created on disk after the import was first looked up.
      fs.writeFileSync(tsconfig, '{ "compilerOptions": { "paths": { "@lib/*": ["./src/lib/*"] } } }\n');
      project.fileChanged(tsconfig);
      const storeFile = path.join(dir, 'src/lib/store.ts');
      fs.writeFileSync(storeFile, "export function store(value: string) {\n  localStorage.setItem('k', value);\n}\n");
      project.fileChanged(storeFile);
      assert.deepEqual(found().sort(), ['src/a.ts:4:6:no-phi-in-logs:ssn', 'src/a.ts:5:7:no-phi-in-browser-storage:ssn']);
      // Deleted again.
      fs.rmSync(storeFile);
      project.fileDeleted(storeFile);
      assert.deepEqual(found(), ['src/a.ts:4:6:no-phi-in-logs:ssn']);
    });

    it('says which analysed files joined a summary of a file, down a chain too', () => {
      dir = workspace({
        'src/c.ts': 'export function keep(entry: unknown) {\n  console.info(entry);\n}\n',
        'src/b.ts': "import { keep } from './c';\nexport function record(entry: unknown) {\n  keep(entry);\n}\n",
        'src/a.ts': "import { record } from './b';\ndeclare const patient: { ssn: string };\nrecord(patient.ssn);\n",
        'src/other.ts': "import { record } from './b';\nrecord('static text');\n",
      });
      const project = new Project({ root: dir, rules: allRules });
      const [a, b, c, other] = ['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/other.ts'].map((file) => path.join(dir!, file));
      for (const file of [a, other]) project.analyze(file, fs.readFileSync(file, 'utf8'));
      assert.deepEqual(project.dependantsOf(c), [a]);
      assert.deepEqual(project.dependantsOf(b), [a]);
      assert.deepEqual(project.dependantsOf(a), []);
    });
  });
});
