// Findings in branches that run only in development take the `development` role: hidden by default like a
// test's, listed with --roles development; a call there that reaches a sink in another file too.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allRules } from '../../../rules';
import { Project } from '../../src/engine/project';

/** One logged field per line, each under the guard named in the table; line numbers are the table's. */
const GUARDED: ReadonlyArray<{ guard: string; developmentOnly: boolean }> = [
  { guard: "if (process.env.NODE_ENV !== 'production') console.log(patient.ssn);", developmentOnly: true },
  { guard: "if (process.env.NODE_ENV === 'development') { console.log(patient.ssn); }", developmentOnly: true },
  { guard: "if ('production' != process.env['NODE_ENV']) console.log(patient.ssn);", developmentOnly: true },
  { guard: "if (process.env.NODE_ENV === 'test') console.log(patient.ssn);", developmentOnly: true },
  { guard: 'if (__DEV__) console.log(patient.ssn);', developmentOnly: true },
  { guard: 'if (import.meta.env.DEV) console.log(patient.ssn);', developmentOnly: true },
  { guard: 'if (!import.meta.env.PROD) console.log(patient.ssn);', developmentOnly: true },
  { guard: 'if (isDevMode()) console.log(patient.ssn);', developmentOnly: true },
  { guard: 'if (!environment.production) console.log(patient.ssn);', developmentOnly: true },
  { guard: 'isDev && console.log(patient.ssn);', developmentOnly: true },
  { guard: 'isProduction || console.log(patient.ssn);', developmentOnly: true },
  { guard: "if (process.env.NODE_ENV === 'production') { send(); } else { console.log(patient.ssn); }", developmentOnly: true },
  { guard: 'const shown = __DEV__ ? console.log(patient.ssn) : undefined;', developmentOnly: true },
  { guard: "if (isDev && process.env.VERBOSE) console.log(patient.ssn);", developmentOnly: true },
  { guard: 'if (isLocal(environment.name)) console.log(patient.ssn);', developmentOnly: true },
  { guard: 'isProductionEnvironment() || console.log(patient.ssn);', developmentOnly: true },
  // Not only in development: either side of an `or`, a staging check, a debug flag, the production branch.
  { guard: "if (process.env.NODE_ENV !== 'production' || verbose) console.log(patient.ssn);", developmentOnly: false },
  { guard: "if (process.env.NODE_ENV !== 'development') console.log(patient.ssn);", developmentOnly: false },
  { guard: "if (process.env.NODE_ENV === 'staging') console.log(patient.ssn);", developmentOnly: false },
  { guard: 'if (process.env.DEBUG) console.log(patient.ssn);', developmentOnly: false },
  { guard: 'if (environment.production) console.log(patient.ssn);', developmentOnly: false },
  { guard: 'if (isDev) { send(); } else { console.log(patient.ssn); }', developmentOnly: false },
  { guard: 'console.log(patient.ssn);', developmentOnly: false },
  { guard: 'if (isLocalized(patient)) console.log(patient.ssn);', developmentOnly: false },
  { guard: 'if (isProductionEnvironment()) console.log(patient.ssn);', developmentOnly: false },
];

describe('development-only code', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-development-'));
    const declarations = 'declare const patient: any; declare const isDev: boolean; declare const isProduction: boolean; declare const verbose: boolean;\n'
      + 'declare const __DEV__: boolean; declare const environment: any; declare function isDevMode(): boolean; declare function send(): void;\n'
      + 'declare function isLocal(name: string): boolean; declare function isProductionEnvironment(): boolean; declare function isLocalized(value: unknown): boolean;\n';
    const files: Record<string, string> = {
      'src/guards.ts': declarations + GUARDED.map(({ guard }) => `export function f${GUARDED.findIndex((entry) => entry.guard === guard)}() { ${guard} }`).join('\n') + '\n',
      'src/early-exit.ts': "declare const patient: any;\nexport function trace() {\n  if (process.env.NODE_ENV === 'production') return;\n  console.log(patient.dateOfBirth);\n}\nexport function always() {\n  if (process.env.NODE_ENV === 'production') console.info('starting');\n  console.log(patient.dateOfBirth);\n}\n",
      'src/journal.ts': 'export function write(entry: unknown) {\n  console.log(entry);\n}\n',
      'src/session.ts': "declare function isLocal(environment: string): boolean;\ndeclare const config: { environment: string };\nexport function remember(key: string, value: unknown) {\n  if (isLocal(config.environment)) console.info(`saving ${key}: ${JSON.stringify(value)}`);\n}\nexport function audit(key: string, value: unknown) {\n  console.info(`saving ${key}: ${JSON.stringify(value)}`);\n}\n",
      'src/session-caller.ts': "import { audit, remember } from './session';\ndeclare const patient: any;\nexport function c() {\n  remember('patient', patient.ssn);\n  audit('patient', patient.ssn);\n}\n",
      'src/caller.ts': "import { write } from './journal';\ndeclare const patient: any;\nexport function a() { if (process.env.NODE_ENV !== 'production') write(patient.ssn); }\nexport function b() { write(patient.ssn); }\n",
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives findings under each development-only guard the development role, and keeps the others production', async () => {
    const result = await new Project({ root: dir, rules: allRules, reportRoles: 'all' }).scan();
    const roleByLine = new Map(result.findings.filter((finding) => finding.file === 'src/guards.ts' && finding.ruleId === 'no-phi-in-logs').map((finding) => [finding.range.start.line, finding.role]));
    GUARDED.forEach(({ guard, developmentOnly }, index) => {
      const line = index + 4;
      assert.equal(roleByLine.get(line), developmentOnly ? 'development' : 'production', `line ${line}: ${guard}`);
    });
  });

  it('treats what follows `if (production) return;` as development code, and not after a guard that does not leave', async () => {
    const result = await new Project({ root: dir, rules: allRules, reportRoles: 'all' }).scan();
    const roles = result.findings.filter((finding) => finding.file === 'src/early-exit.ts').map((finding) => [finding.range.start.line, finding.role]);
    assert.deepEqual(roles, [[4, 'development'], [8, 'production']]);
  });

  it("does not carry a caller's PHI into a helper's sink that runs only in development", async () => {
    const result = await new Project({ root: dir, rules: allRules }).scan();
    const lines = result.findings.filter((finding) => finding.file === 'src/session-caller.ts' && finding.ruleId === 'no-phi-in-logs').map((finding) => finding.range.start.line);
    assert.deepEqual(lines, [5]);
  });

  it('hides development findings by default and counts them, including a cross-file call under a guard', async () => {
    const result = await new Project({ root: dir, rules: allRules }).scan();
    const shown = result.findings.map((finding) => `${finding.file}:${finding.range.start.line}:${finding.role}`);
    assert.ok(shown.includes('src/caller.ts:4:production'), 'the unguarded call is reported');
    assert.ok(!shown.some((entry) => entry.startsWith('src/caller.ts:3')), 'the guarded call is not');
    assert.ok(shown.every((entry) => entry.endsWith(':production')));
    assert.ok((result.hidden?.byRole.development ?? 0) >= 16, `hidden: ${JSON.stringify(result.hidden)}`);
    const listed = await new Project({ root: dir, rules: allRules, reportRoles: ['development'] }).scan();
    assert.ok(listed.findings.some((finding) => finding.file === 'src/caller.ts' && finding.range.start.line === 3 && finding.role === 'development'));
  });
});
