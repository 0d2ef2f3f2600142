// Summaries that say which value reaches the sink: the field of a parameter a sink reads (`definition.name`),
// rest parameters mapped to the arguments they gather, parameters declared as validation schemas, and
// branches guarded by type tests no person's data passes (`typeof x === 'function'`, `x instanceof ZodEffects`).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allRules } from '../../../rules';
import { scanWorkspace } from '../../src/api';
import { Project } from '../../src/engine';
import type { Finding } from '../../src/core/types';
import { parseProbeKind, probeKind } from '../../src/engine/summaries';
import { declaresSchemaParameter, namesWithoutDataInBranch } from '../../src/engine/type-guards';
import { parse } from '@typescript-eslint/typescript-estree';

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-summary-paths-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const brief = (finding: Finding) => `${finding.file}:${finding.range.start.line}:${finding.range.start.column}:${finding.ruleId}`;

describe('summaries: which value reaches the sink', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  async function scan(files: Record<string, string>): Promise<string[]> {
    dir = workspace(files);
    const result = await scanWorkspace({ paths: [dir], cwd: dir });
    return result.findings.map(brief);
  }

  it('probe kinds carry the parameter, a rest marker and the field read of it', () => {
    assert.equal(probeKind({ parameter: 1 }), 'param:1');
    assert.equal(probeKind({ parameter: 2, rest: true, path: 'name' }), 'param:2*.name');
    assert.deepEqual(parseProbeKind('param:1.name'), { parameter: 1, path: 'name' });
    assert.deepEqual(parseProbeKind('param:0*'), { parameter: 0, rest: true });
    assert.equal(parseProbeKind('ssn'), undefined);
  });

  it('reports a caller only when its argument carries PHI at the field the helper logs', async () => {
    const findings = await scan({
      'src/endpoints.ts': `export function compose(definition: { name: string }, args: unknown[]) {
  console.debug({ endpoint: definition.name, args });
}
export function remember(entry: { details: string }) {
  console.info(entry.details);
}
`,
      'src/caller.ts': `import { compose, remember } from './endpoints';
declare const patient: { ssn: string; diagnosis: string };
compose({ name: 'visits.create', draft: patient.diagnosis }, []);
compose({ name: 'visits.create' }, [patient.diagnosis]);
remember(patient);
const definition = { name: 'visits.update', draft: patient.diagnosis };
compose(definition, []);
`,
    });
    // The definition's name is a constant (silent, lines 3 and 7); the arguments list (line 4) and a patient's
    // field (line 5: nothing says what \`details\` holds of it) carry the caller's PHI.
    assert.deepEqual(findings, ['src/caller.ts:4:36:no-phi-in-logs', 'src/caller.ts:5:10:no-phi-in-logs']);
  });

  it("follows a field named for presentation (`title`) of a caller's argument into the sink, and reports only callers that put PHI there", async () => {
    const findings = await scan({
      'package.json': '{ "dependencies": { "web-push": "3" } }',
      'src/push.js': `const webpush = require('web-push');
const notify = async ({ subscription, title, body, data = {}, count }) => {
  await webpush.sendNotification(subscription, JSON.stringify({ title, body, data }));
  console.log(count);
};
module.exports = { notify };
`,
      'src/chat.js': `const { notify } = require('./push');
export function onMessage(message, sub) {
  notify({ subscription: sub, title: \`New message about \${message.patientName}\`, body: 'Open the app', data: { ...message, url: '/chat' } });
  notify({ subscription: sub, title: 'New message', body: 'Open the app', data: { url: '/chat' } });
}
`,
    });
    // Line 4 puts only constants in the title, body and data: silent.
    assert.deepEqual(findings, ['src/chat.js:3:10:no-phi-to-third-party']);
  });

  it("does not follow other metadata-named fields (`type`, `key`) of a caller's argument: they name what a field is", async () => {
    const findings = await scan({
      'src/checks.js': `export const requireFields = (params, rules) => {
  rules.forEach((rule) => {
    if (!params[rule.key]) throw new Error(\`\${rule.key} is missing, expected \${rule.type}\`);
  });
};
export const describe = (record) => console.log(\`record of type \${record.type}\`);
`,
      'src/caller.js': `import { requireFields, describe } from './checks';
export function book(body, patient) {
  const rules = [{ key: 'patientName', type: 'string' }, { key: patient.lastName, type: 'string' }];
  requireFields(body, rules);
  describe(patient);
}
`,
    });
    assert.deepEqual(findings, []);
  });

  it('maps a rest parameter to every argument it gathers, and only those', async () => {
    const findings = await scan({
      'src/audit.ts': `export function audit(action: string, ...details: unknown[]) {
  console.log(details);
}
`,
      'src/caller.ts': `import { audit } from './audit';
declare const patient: { ssn: string };
audit('viewed', 'chart', patient.ssn);
audit(patient.ssn, 'chart');
`,
    });
    assert.deepEqual(findings, ['src/caller.ts:3:26:no-phi-in-logs']);
  });

  it('follows a rest parameter of a helper of the same file to its later arguments', async () => {
    const findings = await scan({
      'src/visit.ts': `declare const patient: { ssn: string };
function audit(action: string, ...details: unknown[]) {
  console.log(details);
}
audit('viewed', 'chart', patient.ssn);
`,
    });
    assert.deepEqual(findings, ['src/visit.ts:3:15:no-phi-in-logs']);
  });

  it('does not pass PHI into a parameter declared as a validation schema', async () => {
    const findings = await scan({
      'src/schemas.ts': `import { z } from 'zod';
import type { PatientSchema } from './types';
export function describeSchema<T extends z.ZodTypeAny>(schema: T) {
  console.debug({ schema });
}
export function describeAny(schema: z.ZodTypeAny | undefined) {
  console.debug({ schema });
}
export function describeValue(value: PatientSchema) {
  console.debug({ value });
}
`,
      'src/caller.ts': `import { describeSchema, describeAny, describeValue } from './schemas';
declare const patientRecord: { ssn: string };
describeSchema(patientRecord);
describeAny(patientRecord);
describeValue(patientRecord);
`,
    });
    // \`PatientSchema\` is the app's own type (often the data a schema infers): still reported.
    assert.deepEqual(findings, ['src/caller.ts:5:15:no-phi-in-logs']);
  });

  it('does not carry PHI into branches guarded by type tests no person data passes', async () => {
    const findings = await scan({
      'src/inspect.ts': `import { z, ZodEffects } from 'zod';
export function inspect(value: unknown) {
  if (typeof value === 'function') console.debug(value);
  if (value instanceof ZodEffects) console.debug(value);
  if (value instanceof z.ZodObject && typeof value !== 'undefined') console.debug(value);
  if (typeof value !== 'symbol') return;
  else console.debug(value);
}
export function inspectKind(value: { _def: { typeName: string } }) {
  if (value._def.typeName === 'ZodEffects') console.debug(value);
}
export function inspectData(value: unknown) {
  if (typeof value === 'object') console.debug(value);
}
export function inspectOther(value: unknown) {
  if (!(value instanceof ZodEffects)) console.debug(value);
}
export function inspectPatient(value: unknown) {
  if (value instanceof Patient) console.debug(value);
}
`,
      'src/caller.ts': `import { inspect, inspectKind, inspectData, inspectOther, inspectPatient } from './inspect';
declare const patient: { ssn: string; _def: { typeName: string } };
inspect(patient);
inspectKind(patient);
inspectData(patient);
inspectOther(patient);
inspectPatient(patient);
`,
    });
    assert.deepEqual(findings, ['src/caller.ts:5:13:no-phi-in-logs', 'src/caller.ts:6:14:no-phi-in-logs', 'src/caller.ts:7:16:no-phi-in-logs']);
  });

  it('narrows in helpers of the same file too, and a narrowed callback stays callable', async () => {
    const findings = await scan({
      'src/visit.ts': `declare const patient: { ssn: string };
function show(value: unknown) {
  if (typeof value === 'function') console.debug(value);
}
show(patient);
const done = (value: unknown) => console.log(value);
if (typeof done === 'function') done(patient);
`,
    });
    assert.deepEqual(findings, ['src/visit.ts:6:46:no-phi-in-logs']);
  });

  describe('a helper several files pass PHI to whole', () => {
    /** Two production files that hand `runEndpoint` (imported from `module`) a patient's data whole. */
    const callersOf = (module: string) => ({
      'src/schedule.ts': `import { runEndpoint } from '${module}';
declare const patient: { ssn: string };
runEndpoint('visits.schedule', [patient]);
`,
      'src/reschedule.ts': `import { runEndpoint } from '${module}';
declare const diagnosis: string;
runEndpoint('visits.reschedule', [diagnosis]);
`,
    });
    const RUNNER = `export function runEndpoint(name: string, args: unknown[]) {
  try {
    validate(args);
  } catch (error) {
    console.debug({ name, args, error });
  }
}
declare function validate(args: unknown[]): void;
`;

    it('is reported once at its sink, with the callers as related locations', async () => {
      dir = workspace({
        'src/run.ts': RUNNER,
        ...callersOf('./run'),
      });
      const result = await scanWorkspace({ paths: [dir], cwd: dir });
      assert.deepEqual(result.findings.map(brief), ['src/run.ts:5:19:no-phi-in-logs']);
      const [finding] = result.findings;
      assert.match(finding.message, /what 2 files pass to `runEndpoint\(\)`/);
      assert.deepEqual(finding.related?.map((location) => `${location.file}:${location.range.start.line}`), ['src/reschedule.ts:3', 'src/schedule.ts:3']);
      // The fingerprint is the sink's: the same whatever the callers pass.
      fs.writeFileSync(path.join(dir, 'src/reschedule.ts'), `import { runEndpoint } from './run';
declare const patientNotes: string;
runEndpoint('visits.reschedule', [patientNotes]);
`);
      const again = await scanWorkspace({ paths: [dir], cwd: dir });
      assert.equal(again.findings[0]?.fingerprint, finding.fingerprint);
    });

    it('stays at the callers when the helper is not production code (a mock)', async () => {
      const findings = await scan({
        'src/__mocks__/run.ts': RUNNER,
        ...callersOf('./__mocks__/run'),
      });
      assert.deepEqual(findings, ['src/reschedule.ts:3:34:no-phi-in-logs', 'src/schedule.ts:3:32:no-phi-in-logs']);
    });

    it('shows the same in the editor after a scan: in the helper (opened alone) while unchanged, not at the callers', async () => {
      dir = workspace({
        'src/run.ts': RUNNER,
        ...callersOf('./run'),
      });
      const project = new Project({ root: dir, rules: allRules });
      const [run, schedule] = ['src/run.ts', 'src/schedule.ts'].map((file) => path.join(dir!, file));
      // Before any scan a caller alone cannot know the others: it reports its own call.
      assert.deepEqual(project.analyze(schedule, fs.readFileSync(schedule, 'utf8')).findings.map(brief), ['src/schedule.ts:3:32:no-phi-in-logs']);
      const scanned = await project.scan({ paths: [dir] });
      assert.deepEqual(scanned.findings.map(brief), ['src/run.ts:5:19:no-phi-in-logs']);
      assert.deepEqual(project.analyze(schedule, fs.readFileSync(schedule, 'utf8')).findings.map(brief), []);
      const helperText = fs.readFileSync(run, 'utf8');
      assert.deepEqual(project.analyze(run, helperText).findings.map((finding) => finding.fingerprint), scanned.findings.map((finding) => finding.fingerprint));
      // Edited, the helper shows what its own text says until the next scan.
      assert.deepEqual(project.analyze(run, `// edited\n${helperText}`).findings.map(brief), []);
    });

    describe('a storage adapter: every caller keeps a record of its own on the device', () => {
      const STORE = `function save<T>(key: string, value: T): void {
  window.localStorage.setItem(key, JSON.stringify(value));
}
export default { save };
`;
      const CALLERS = {
        'src/intake.ts': `import storage from './store';
interface IntakeForm { firstName: string; phoneNumber: string }
export function keep(form: IntakeForm) {
  storage.save('intake', form);
}
`,
        'src/visit.ts': `import storage from './store';
interface Visit { diagnosis: string; medications: string[] }
export function keep(visit: Visit) {
  storage.save<Visit>('visit', visit);
}
`,
      };

      it('is reported at each caller besides the adapter, whose generic value the workspace instantiates with a patient type', async () => {
        const findings = await scan({ 'src/store.ts': STORE, ...CALLERS });
        assert.deepEqual(findings, ['src/store.ts:2:36:no-phi-in-browser-storage', 'src/intake.ts:4:26:no-phi-in-browser-storage', 'src/visit.ts:4:32:no-phi-in-browser-storage']);
      });

      it('leaves a record only guessed from a name with the adapter\'s one finding', async () => {
        const findings = await scan({
          'src/store.ts': STORE.replace('value: T', 'value: unknown').replace('save<T>', 'save'),
          'src/a.ts': `import storage from './store';\ndeclare function loadPatientSummary(): unknown;\nstorage.save('a', loadPatientSummary());\n`,
          'src/b.ts': `import storage from './store';\ndeclare function fetchPatientOverview(): unknown;\nstorage.save('b', fetchPatientOverview());\n`,
        });
        assert.deepEqual(findings, ['src/store.ts:2:36:no-phi-in-browser-storage']);
      });

      it('is reported at each caller and once in the adapter when nothing instantiates its generic', async () => {
        // (the visit spelled inline: an editor's Project reads declared interfaces from its background index)
        const visitCaller = `import storage from './store';\nexport function keep(visit: { diagnosis: string }) {\n  storage.save('visit', visit.diagnosis);\n}\n`;
        dir = workspace({ 'src/store.ts': STORE.replace('value: T', 'value: unknown').replace('save<T>', 'save'), ...CALLERS, 'src/visit.ts': visitCaller });
        const project = new Project({ root: dir, rules: allRules });
        const scanned = await project.scan({ paths: [dir] });
        assert.deepEqual(scanned.findings.map(brief), ['src/intake.ts:4:26:no-phi-in-browser-storage', 'src/visit.ts:3:25:no-phi-in-browser-storage', 'src/store.ts:2:36:no-phi-in-browser-storage']);
        assert.match(scanned.findings[2].message, /what 2 files pass to `storage\.save\(\)`/);
        // The editor agrees: a caller opened after the scan still reports its own record.
        const visit = path.join(dir, 'src/visit.ts');
        assert.deepEqual(project.analyze(visit, fs.readFileSync(visit, 'utf8')).findings.map(brief), ['src/visit.ts:3:25:no-phi-in-browser-storage']);
      });
    });

    it('stays at the caller with one production caller, a test beside it, or a field of the argument logged', async () => {
      const findings = await scan({
        'src/run.ts': RUNNER,
        'src/label.ts': `export function label(entry: { details: string }) {
  console.info(entry.details);
}
`,
        'src/schedule.ts': `import { runEndpoint } from './run';
import { label } from './label';
declare const patient: { ssn: string };
runEndpoint('visits.schedule', [patient]);
label(patient);
`,
        'src/reschedule.ts': `import { label } from './label';
declare const patient: { ssn: string };
label(patient);
`,
        'src/schedule.test.ts': `import { runEndpoint } from './run';
declare const patient: { ssn: string };
runEndpoint('visits.schedule', [patient]);
`,
      });
      assert.deepEqual(findings, ['src/reschedule.ts:3:7:no-phi-in-logs', 'src/schedule.ts:4:32:no-phi-in-logs', 'src/schedule.ts:5:7:no-phi-in-logs']);
    });
  });

  it('reads type guards and schema declarations from the tree', () => {
    const program = parse(`function f<T extends Zod.ZodTypeAny>(a: T, b: Schema, c: PatientSchema, d: string) {}
if (x instanceof Foo.ZodEffects && typeof y === 'function') {}
if (!(x instanceof RegExp) || typeof y !== 'boolean') {}
`);
    const fn = program.body[0] as import('@typescript-eslint/typescript-estree').TSESTree.FunctionDeclaration;
    assert.deepEqual(fn.params.map((param) => declaresSchemaParameter(fn, param)), [true, true, false, false]);
    const [first, second] = program.body.slice(1) as import('@typescript-eslint/typescript-estree').TSESTree.IfStatement[];
    assert.deepEqual(namesWithoutDataInBranch(first.test, 'consequent'), ['x', 'y']);
    assert.deepEqual(namesWithoutDataInBranch(first.test, 'alternate'), []);
    assert.deepEqual(namesWithoutDataInBranch(second.test, 'consequent'), []);
    assert.deepEqual(namesWithoutDataInBranch(second.test, 'alternate'), ['x', 'y']);
  });
});
