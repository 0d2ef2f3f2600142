// valid-suppression findings come from the engine's suppression pass (server/src/engine/suppressions.ts),
// not from visitors. runCase analyses with today = 2026-11-29, so dates below are relative to that day.
import * as assert from 'node:assert/strict';
import { runCase, runRuleTests } from './rule-tester';

const LEAK = 'declare const patient: any;\n';

runRuleTests('valid-suppression', {
  valid: [
    `${LEAK}// phi-guard-disable-next-line no-phi-in-logs -- audit sink is inside the HIPAA boundary (SEC-12)\nconsole.log(patient.ssn);`,
    `${LEAK}console.log(patient.ssn); // phi-guard-disable-line no-phi-in-logs -- audit sink (SEC-12)`,
    `/* phi-guard-disable no-phi-in-logs -- test fixture with synthetic patients */\n${LEAK}console.log(patient.ssn);`,
    `${LEAK}// phi-guard-disable-next-line no-phi-in-logs, no-cleartext-transport -- sandbox lab, synthetic data\nconsole.log(patient.ssn, fetch('http://lab.acme-health.com'));`,
    // an until date in the future, and one that ends today (valid through its day)
    `${LEAK}// phi-guard-disable-next-line no-phi-in-logs until 2027-03-31 -- vendor fix pending (LAB-7)\nconsole.log(patient.ssn);`,
    `${LEAK}// phi-guard-disable-next-line no-phi-in-logs until 2026-11-29 -- last day\nconsole.log(patient.ssn);`,
    // all rules, with a reason
    `${LEAK}// phi-guard-disable-next-line -- generated fixture\nconsole.log(patient.ssn);`,
    // JSDoc-style block comment with the reason on its own line
    `${LEAK}/**\n * phi-guard-disable-next-line no-phi-in-logs\n *   -- audit sink (SEC-12)\n */\nconsole.log(patient.ssn);`,
    // a directive inside a string or template is not a comment
    "const help = '// phi-guard-disable-next-line no-phi-in-logs';\nconst doc = `/* phi-guard-disable */`;",
    // a valid directive with nothing to suppress is fine
    '// phi-guard-disable-next-line no-phi-in-logs -- kept while the logger is refactored\nconst x = 1;',
    // other comments that mention the tool
    '// see phi-guard docs for suppressions\nconst y = 2;',
    // an until date within the horizon (365 days by default), and one within a configured horizon
    `${LEAK}// phi-guard-disable-next-line no-phi-in-logs until 2027-11-29 -- vendor fix pending (LAB-7)\nconsole.log(patient.ssn);`,
    {
      name: 'a longer horizon in the options',
      code: `${LEAK}// phi-guard-disable-next-line no-phi-in-logs until 2028-06-30 -- vendor contract runs to mid-2028 (LAB-7)\nconsole.log(patient.ssn);`,
      config: { rules: { 'valid-suppression': ['warning', { untilHorizonDays: 730 }] } },
    },
    // a ticket or a link is a reason on its own
    `${LEAK}// phi-guard-disable-next-line no-phi-in-logs -- SEC-12\nconsole.log(patient.ssn);`,
    // directive text in JSX text, JSX attributes and templates is not a comment
    {
      name: 'JSX text that shows the syntax',
      filename: 'src/Help.tsx',
      code: 'export const Help = () => (\n  <p>// phi-guard-disable -- see docs</p>\n);\nexport const Tip = () => <code title="/* phi-guard-disable */">x</code>;',
    },
    {
      name: 'JSON with comments',
      filename: 'config/production.jsonc',
      code: '{\n  // phi-guard-disable-next-line no-cleartext-transport -- partner has no TLS yet (LAB-7)\n  "labUrl": "http://lab.acme-health.com"\n}',
    },
  ],
  invalid: [
    {
      name: 'no reason',
      code: `${LEAK}// phi-guard-disable-next-line no-phi-in-logs\nconsole.log(patient.ssn);`,
      errors: [{ line: 2, column: 1, message: 'Suppression of no-phi-in-logs has no reason: add `-- <why>`', severity: 'warning' }],
      output: null,
    },
    {
      name: 'an empty reason',
      code: `${LEAK}// phi-guard-disable-next-line no-phi-in-logs --\nconsole.log(patient.ssn);`,
      errors: [{ line: 2, column: 1, message: 'has no reason' }],
    },
    {
      name: 'no reason on a same-line directive, reported where the comment starts',
      code: `${LEAK}console.log(patient.ssn); // phi-guard-disable-line no-phi-in-logs`,
      errors: [{ line: 2, column: 27, message: 'has no reason' }],
    },
    {
      name: 'no reason on a file-level directive for all rules',
      code: `/* phi-guard-disable */\n${LEAK}console.log(patient.ssn);`,
      errors: [{ line: 1, column: 1, message: 'Suppression of all rules has no reason' }],
    },
    {
      name: 'expired',
      code: `${LEAK}// phi-guard-disable-next-line no-phi-in-logs until 2020-01-01 -- vendor fix pending\nconsole.log(patient.ssn);`,
      errors: [{ line: 2, column: 1, message: 'has expired' }],
    },
    {
      name: 'expired yesterday',
      code: `${LEAK}// phi-guard-disable-next-line no-phi-in-logs until 2026-11-28 -- vendor fix pending\nconsole.log(patient.ssn);`,
      errors: [{ line: 2, column: 1, message: 'has expired' }],
    },
    {
      name: 'expired and without a reason: two findings',
      code: `${LEAK}// phi-guard-disable-next-line no-phi-in-logs until 2020-01-01\nconsole.log(patient.ssn);`,
      errors: [
        { line: 2, column: 1, message: 'has no reason' },
        { line: 2, column: 1, message: 'has expired' },
      ],
    },
    {
      name: 'a malformed date',
      code: `${LEAK}// phi-guard-disable-next-line no-phi-in-logs until 01/02/2027 -- vendor fix pending\nconsole.log(patient.ssn);`,
      errors: [{ line: 2, column: 1, message: 'has an invalid `until` date: write it as YYYY-MM-DD' }],
    },
    {
      name: 'an impossible date',
      code: `${LEAK}// phi-guard-disable-next-line no-phi-in-logs until 2027-02-30 -- vendor fix pending\nconsole.log(patient.ssn);`,
      errors: [{ line: 2, column: 1, message: 'invalid `until` date' }],
    },
    {
      name: 'until without a date',
      code: `${LEAK}// phi-guard-disable-next-line no-phi-in-logs until -- vendor fix pending\nconsole.log(patient.ssn);`,
      errors: [{ line: 2, column: 1, message: 'invalid `until` date' }],
    },
    {
      name: 'an unknown rule id, with a suggestion',
      code: `${LEAK}// phi-guard-disable-next-line no-phi-in-log -- audit sink\nconsole.log(patient.ssn);`,
      errors: [{ line: 2, column: 1, message: 'Suppression names unknown rule "no-phi-in-log"; did you mean "no-phi-in-logs"?' }],
    },
    {
      name: 'an unknown rule id beside a known one',
      code: `${LEAK}// phi-guard-disable-next-line no-phi-in-logs, no-such-rule -- audit sink\nconsole.log(patient.ssn);`,
      errors: [{ line: 2, column: 1, message: 'unknown rule "no-such-rule"' }],
    },
    {
      name: 'valid-suppression cannot be suppressed from the code',
      code: '// phi-guard-disable-next-line valid-suppression -- hide the next one\n// phi-guard-disable-next-line no-phi-in-logs\nconsole.log(1);',
      errors: [{ line: 2, column: 1, message: 'has no reason' }],
    },
    {
      name: 'a placeholder for a reason (what the quick fix inserts, left as it is)',
      code: `${LEAK}// phi-guard-disable-next-line no-phi-in-logs -- <why this is not a PHI leak>\nconsole.log(patient.ssn);`,
      errors: [{ line: 2, column: 1, message: 'Suppression of no-phi-in-logs has a placeholder for a reason: write why the finding is safe to ignore after `--`', severity: 'warning' }],
    },
    { name: 'the word reason', code: `${LEAK}// phi-guard-disable-next-line no-phi-in-logs -- reason\nconsole.log(patient.ssn);`, errors: [{ line: 2, column: 1, message: 'placeholder for a reason' }] },
    { name: 'TODO', code: `${LEAK}// phi-guard-disable-next-line no-phi-in-logs -- TODO: reason\nconsole.log(patient.ssn);`, errors: [{ line: 2, column: 1, message: 'placeholder for a reason' }] },
    { name: 'one character', code: `/* phi-guard-disable -- x */\n${LEAK}console.log(patient.ssn);`, errors: [{ line: 1, column: 1, message: 'Suppression of all rules has a placeholder for a reason' }] },
    { name: 'an ellipsis', code: `${LEAK}console.log(patient.ssn); // phi-guard-disable-line -- ...`, errors: [{ line: 2, column: 27, message: 'placeholder for a reason' }] },
    { name: 'one word', code: `${LEAK}// phi-guard-disable-next-line no-phi-in-logs -- tbd\nconsole.log(patient.ssn);`, errors: [{ line: 2, column: 1, message: 'placeholder for a reason' }] },
    {
      name: 'an until date further ahead than the horizon',
      code: `${LEAK}// phi-guard-disable-next-line no-phi-in-logs until 9999-12-31 -- vendor fix pending (LAB-7)\nconsole.log(patient.ssn);`,
      errors: [{ line: 2, column: 1, message: 'Suppression of no-phi-in-logs runs until a date more than 365 days ahead: give a nearer `until` date, or none for a lasting decision', severity: 'warning' }],
    },
    {
      name: 'an until date one day beyond a configured horizon',
      code: `${LEAK}// phi-guard-disable-next-line no-phi-in-logs until 2026-12-30 -- vendor fix pending (LAB-7)\nconsole.log(patient.ssn);`,
      config: { rules: { 'valid-suppression': ['warning', { untilHorizonDays: 30 }] } },
      errors: [{ line: 2, column: 1, message: 'more than 30 days ahead' }],
    },
    {
      name: 'a whole-file disable of every rule, with a reason: a note',
      code: `/* phi-guard-disable -- generated from the OpenAPI schema on every build */\n${LEAK}console.log(patient.ssn);`,
      errors: [{ line: 1, column: 1, message: 'Suppression of every rule in the whole file: check that the reason covers all of them, or name the rules', severity: 'note' }],
    },
    {
      name: 'an unknown rule id that is not shaped like one is not echoed',
      code: `${LEAK}// phi-guard-disable-next-line Margaret Thornbury -- audit sink (SEC-12)\nconsole.log(patient.ssn);`,
      // two masked ids read the same: one finding
      errors: [{ line: 2, column: 1, message: 'Suppression names unknown rule "…"' }],
    },
    {
      name: 'at most maxPerFile problems, then one that counts the rest',
      code: '// phi-guard-disable-line a b\n// phi-guard-disable-line c\n// phi-guard-disable-line d\n',
      config: { rules: { 'valid-suppression': ['warning', { maxPerFile: 2 }] } },
      errors: [
        { line: 1, column: 1, message: 'Suppression of a, b has no reason' },
        { line: 1, column: 1, message: 'unknown rule "a"' },
        { line: 1, column: 1, message: '5 more suppression problems in this file are not listed: fix the ones above and scan again' },
      ],
    },
    {
      name: 'JSON with comments: no reason',
      filename: 'config/production.jsonc',
      code: '{\n  // phi-guard-disable-next-line no-cleartext-transport\n  "labUrl": "http://lab.acme-health.com"\n}',
      errors: [{ line: 2, column: 3, message: 'Suppression of no-cleartext-transport has no reason' }],
    },
  ],
});

describe('valid-suppression: effect on the suppressed findings', () => {
  const findingsOf = (code: string, filename?: string) => runCase({ code, filename });
  const only = (code: string, ruleId: string, filename?: string) => findingsOf(code, filename).filter((finding) => finding.ruleId === ruleId);

  it('a valid suppression keeps the finding and marks it suppressed, with its reason', () => {
    const findings = only(`${LEAK}// phi-guard-disable-next-line no-phi-in-logs -- audit sink (SEC-12)\nconsole.log(patient.ssn);`, 'no-phi-in-logs');
    assert.equal(findings.length, 1, 'the finding is kept, not dropped');
    assert.deepEqual(findings[0].suppressed && { kind: findings[0].suppressed.kind, justification: findings[0].suppressed.justification, line: findings[0].suppressed.range.start.line }, {
      kind: 'inSource',
      justification: 'audit sink (SEC-12)',
      line: 2,
    });
  });

  it('the until date is carried on the suppression', () => {
    const [finding] = only(`${LEAK}// phi-guard-disable-next-line no-phi-in-logs until 2027-03-31 -- vendor fix (LAB-7)\nconsole.log(patient.ssn);`, 'no-phi-in-logs');
    assert.equal(finding.suppressed?.until, '2027-03-31');
  });

  for (const [problem, directive] of [
    ['no reason', '// phi-guard-disable-next-line no-phi-in-logs'],
    ['an expired date', '// phi-guard-disable-next-line no-phi-in-logs until 2020-01-01 -- vendor fix'],
    ['a malformed date', '// phi-guard-disable-next-line no-phi-in-logs until 2027/01/01 -- vendor fix'],
    ['only unknown rules', '// phi-guard-disable-next-line no-phi-in-log -- typo'],
  ] as const) {
    it(`a directive with ${problem} suppresses nothing`, () => {
      const findings = only(`${LEAK}${directive}\nconsole.log(patient.ssn);`, 'no-phi-in-logs');
      assert.equal(findings.length, 1);
      assert.equal(findings[0].suppressed, undefined);
    });
  }

  it('a directive naming a known and an unknown rule still suppresses the known one', () => {
    const [finding] = only(`${LEAK}// phi-guard-disable-next-line no-phi-in-logs, no-such-rule -- audit sink\nconsole.log(patient.ssn);`, 'no-phi-in-logs');
    assert.ok(finding.suppressed);
  });

  it('next-line covers only the next line; disable-line only its own; a file-level directive the whole file', () => {
    const nextLine = only(`${LEAK}// phi-guard-disable-next-line no-phi-in-logs -- audit sink\nconsole.log(patient.ssn);\nconsole.log(patient.dob);`, 'no-phi-in-logs');
    assert.deepEqual(nextLine.map((finding) => [finding.range.start.line, !!finding.suppressed]), [[3, true], [4, false]]);
    const sameLine = only(`${LEAK}console.log(patient.ssn); // phi-guard-disable-line no-phi-in-logs -- audit sink\nconsole.log(patient.dob);`, 'no-phi-in-logs');
    assert.deepEqual(sameLine.map((finding) => [finding.range.start.line, !!finding.suppressed]), [[2, true], [3, false]]);
    const file = only(`/* phi-guard-disable no-phi-in-logs -- synthetic fixture */\n${LEAK}console.log(patient.ssn);\nconsole.log(patient.dob);`, 'no-phi-in-logs');
    assert.deepEqual(file.map((finding) => [finding.range.start.line, !!finding.suppressed]), [[3, true], [4, true]]);
  });

  it('a suppression names its rules: other rules on the line are not suppressed', () => {
    const findings = findingsOf(`${LEAK}// phi-guard-disable-next-line no-cleartext-transport -- sandbox lab\nfetch('http://lab.acme-health.com/' + patient.ssn); console.log(patient.ssn);`);
    const byRule = new Map(findings.map((finding) => [finding.ruleId, !!finding.suppressed]));
    assert.equal(byRule.get('no-cleartext-transport'), true);
    assert.equal(byRule.get('no-phi-in-logs'), false);
  });

  it('suppresses JSON findings from a JSONC comment', () => {
    const findings = only('{\n  // phi-guard-disable-next-line no-cleartext-transport -- partner has no TLS yet (LAB-7)\n  "labUrl": "http://lab.acme-health.com"\n}', 'no-cleartext-transport', 'config/production.jsonc');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].suppressed?.justification, 'partner has no TLS yet (LAB-7)');
  });

  it('the problem findings are never themselves suppressed', () => {
    const findings = only('// phi-guard-disable-next-line valid-suppression -- hide the next one\n// phi-guard-disable-next-line no-phi-in-logs\nconsole.log(1);', 'valid-suppression');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].suppressed, undefined);
  });
});
