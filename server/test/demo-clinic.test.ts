// The demo workspace is the main job's target and the README shows its output: every intended mistake
// (`// expect: <rule>` markers and EXPECTED.md's JSON rows) is reported, nothing else is, and no line
// marked `// safe:` is flagged.
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { allRules } from '../../rules';
import { buildCli, runCli } from './helpers/run-cli';
import { scanWorkspace } from '../src/api';

const DEMO = path.resolve(__dirname, '../../test-fixtures/demo-clinic');

interface Expectations {
  readExpectations(dir: string): Array<{ file: string; line: number; ruleId: string }>;
  readTraps(dir: string): Array<{ file: string; line: number }>;
  compareFindings(
    expectations: unknown[],
    findings: unknown[],
    options: { traps: unknown[] },
  ): { matched: unknown[]; missing: unknown[]; unexpected: unknown[]; trapHits: unknown[] };
  verifyExpectedMd(dir: string): unknown;
}

describe('demo-clinic workspace', () => {
  let expectations: Expectations;
  before(async () => {
    expectations = (await import(path.resolve(__dirname, '../../bench/expectations.mjs'))) as Expectations;
  });

  it('reports exactly the intended findings and no trap', async () => {
    const result = await scanWorkspace({ paths: [DEMO], cwd: DEMO });
    assert.deepEqual(result.skipped, []);
    assert.deepEqual(result.ruleErrors, []);
    const expected = expectations.readExpectations(DEMO);
    const comparison = expectations.compareFindings(expected, result.findings, { traps: expectations.readTraps(DEMO) });
    assert.deepEqual({ missing: comparison.missing, unexpected: comparison.unexpected, trapHits: comparison.trapHits }, { missing: [], unexpected: [], trapHits: [] });
    assert.ok(comparison.matched.length >= 12, 'the demo shows at least a dozen mistakes');
  });

  it('shows every rule at least once', () => {
    const shown = new Set(expectations.readExpectations(DEMO).map((entry) => entry.ruleId));
    // Rules about the scan itself (suppression comments, files that could not be analysed) are not PHI leaks to show.
    const missing = allRules.filter((rule) => rule.meta.category !== 'meta').map((rule) => rule.meta.id).filter((id) => !shown.has(id));
    assert.deepEqual(missing, []);
  });
});

describe('README', () => {
  it('shows the demo scan output as the CLI prints it today (but for the timing)', async () => {
    await buildCli();
    const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    const block = /<!-- demo-output:start -->\n```text\n\$ npm run scan\n([\s\S]*?)\n```/.exec(readme);
    assert.ok(block, 'README has the demo output block');
    const result = await runCli(['scan', 'test-fixtures/demo-clinic', '--no-color'], { cwd: path.resolve(__dirname, '../..') });
    const withoutTiming = (text: string) => text.replace(/ in [\d.]+ m?s$/m, ' in N ms').trimEnd();
    assert.equal(withoutTiming(block[1]), withoutTiming(result.stdout + result.stderr), 'run `node dist/phi-guard.js scan test-fixtures/demo-clinic --no-color` and paste the output into README.md');
  });
});
