// The editor's limits on one file's analysis (issue 10, defect 9): text over `maxFileSize` is skipped
// as the scan skips such a file (and not indexed), and an analysis past its deadline stops with
// DeadlineExceeded — also in the middle of the walk, not only between phases. No wall-clock limits
// are asserted: the deadline test makes the time pass inside a rule, deterministically.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../../rules';
import { DeadlineExceeded, Project } from '../../src/engine';
import { createRule, type TSESTree } from '../../src/rule-api';
import { testRuleMeta } from '../helpers/test-rule-meta';

const LEAK = "export function f(patient: { ssn: string }) {\n  console.log(patient.ssn);\n}\n";

/** A rule that moves `clock` forward at the first call it sees (a slow rule on a big file), and counts calls. */
function clockMovingRule(clock: { now: number }, seen: { calls: number }) {
  return createRule({
    meta: testRuleMeta('test-clock-moving-rule', 'Lets time pass during the walk (tests only).', 'Exercises the deadline inside the walk.'),
    defaultOptions: {},
    create() {
      return {
        CallExpression(_node: TSESTree.CallExpression) {
          if (seen.calls++ === 0) clock.now += 10_000;
        },
      };
    },
  });
}

describe('editor limits of one analysis', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-editor-limits-'));
    fs.mkdirSync(path.join(dir, 'src'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('skips an open document over maxFileSize as the scan skips the file (only the unanalysed-file finding, the sizes in the reason)', () => {
    const project = new Project({ root: dir, rules: allRules });
    const file = path.join(dir, 'src', 'big.ts');
    const big = LEAK.repeat(Math.ceil((5 * 1024 * 1024) / LEAK.length));
    const analysis = project.analyze(file, big);
    assert.deepEqual(analysis.findings.map((finding) => [finding.ruleId, finding.message]), [['unanalysed-file', 'Not analysed, 5.0 MB exceeds the 1.0 MB limit (`maxFileSize`): PHI leaks in this file are not reported']]);
    assert.equal(analysis.skipped?.reason, 'too-large');
    assert.equal(analysis.skipped?.detail, '5.0 MB exceeds the 1.0 MB limit');
    // Under the limit, the same code is analysed.
    assert.deepEqual(project.analyze(file, LEAK).findings.map((finding) => finding.ruleId), ['no-phi-in-logs']);
  });

  it('counts UTF-8 bytes against the limit, as the file on disk is counted', () => {
    fs.writeFileSync(path.join(dir, '.phi-guard.json'), JSON.stringify({ maxFileSize: 1000 }));
    try {
      const project = new Project({ root: dir, rules: allRules });
      const file = path.join(dir, 'src', 'notes.ts');
      // 400 characters, 1,200 bytes in UTF-8: over a 1,000-byte limit although shorter than it.
      const text = `export const s = '${'€'.repeat(400)}';\n`;
      assert.equal(project.analyze(file, text).skipped?.reason, 'too-large');
      assert.equal(project.analyze(file, `export const s = '${'e'.repeat(400)}';\n`).skipped, undefined);
    } finally {
      fs.rmSync(path.join(dir, '.phi-guard.json'));
    }
  });

  it('stops an analysis past its deadline with DeadlineExceeded (between phases and inside the walk)', () => {
    const file = path.join(dir, 'src', 'app.ts');
    const project = new Project({ root: dir, rules: allRules });
    assert.throws(() => project.analyze(file, LEAK, { deadline: performance.now() - 1 }), DeadlineExceeded);
    // Inside the walk: a fake clock that only the rule moves, at the first call; a check within the
    // next nodes sees the deadline passed and stops the walk.
    const clock = { now: 0 };
    const seen = { calls: 0 };
    const slow = new Project({ root: dir, rules: [...allRules, clockMovingRule(clock, seen)] });
    const calls = Array.from({ length: 400 }, (_, i) => `  log(${i});`).join('\n');
    const text = `declare function log(x: unknown): void;\nexport function f() {\n${calls}\n}\n`;
    const realNow = performance.now;
    performance.now = () => clock.now;
    try {
      assert.throws(() => slow.analyze(file, text, { deadline: 5_000 }), DeadlineExceeded);
      assert.ok(seen.calls > 1 && seen.calls < 400, `stopped inside the walk (after ${seen.calls} of 400 calls)`);
      // Without a deadline (the CLI) nothing is stopped.
      seen.calls = 0;
      assert.equal(slow.analyze(file, text).skipped, undefined);
      assert.equal(seen.calls, 400);
    } finally {
      performance.now = realNow;
    }
  });
});
