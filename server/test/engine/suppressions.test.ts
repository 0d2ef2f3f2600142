import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { analyzeFile } from '../../src/engine/analyze';
import { resolveConfig } from '../../src/engine/config';
import { applySuppressions, evaluateSuppressions, findSuppressions, type SuppressionDirective } from '../../src/engine/suppressions';
import { computeLineStarts, positionAt, rangeFromOffsets } from '../../src/core/text-range';
import type { PhiGuardConfigFile } from '../../src/core/config-types';
import type { Finding } from '../../src/core/types';
import { RULES } from '../helpers/rules';

const KNOWN = new Set(['no-phi-in-logs', 'no-phi-in-url', 'valid-suppression']);
const TODAY = '2025-06-15';

type Summary = Pick<SuppressionDirective, 'kind' | 'ruleIds' | 'reason' | 'until' | 'line' | 'appliesToLine'>;

function summarize(text: string): Summary[] {
  return findSuppressions(text).map(({ kind, ruleIds, reason, until, line, appliesToLine }) => {
    const summary: Summary = { kind, ruleIds, line };
    if (reason !== undefined) summary.reason = reason;
    if (until !== undefined) summary.until = until;
    if (appliesToLine !== undefined) summary.appliesToLine = appliesToLine;
    return summary;
  });
}

describe('findSuppressions', () => {
  const cases: Array<{ name: string; text: string; expected: Summary[] }> = [
    {
      name: 'a next-line directive with rules, date and reason',
      text: 'a();\n// phi-guard-disable-next-line no-phi-in-logs, no-phi-in-url until 2025-12-31 -- redacted upstream\nlog(x);',
      expected: [{ kind: 'next-line', ruleIds: ['no-phi-in-logs', 'no-phi-in-url'], until: '2025-12-31', reason: 'redacted upstream', line: 2, appliesToLine: 3 }],
    },
    {
      name: 'a same-line directive after code',
      text: 'log(x); /* phi-guard-disable-line no-phi-in-logs -- test data only */',
      expected: [{ kind: 'line', ruleIds: ['no-phi-in-logs'], reason: 'test data only', line: 1, appliesToLine: 1 }],
    },
    {
      name: 'a file-level block comment without rules (all rules)',
      text: '/* phi-guard-disable -- generated fixtures */\nlog(x);',
      expected: [{ kind: 'file', ruleIds: [], reason: 'generated fixtures', line: 1 }],
    },
    {
      name: 'a JSDoc-style multi-line block; next-line counts from the comment end',
      text: '/**\n * phi-guard-disable-next-line no-phi-in-logs\n * -- audited by the privacy office\n */\nlog(x);',
      expected: [{ kind: 'next-line', ruleIds: ['no-phi-in-logs'], reason: 'audited by the privacy office', line: 1, appliesToLine: 5 }],
    },
    {
      name: 'a directive inside JSX braces',
      text: 'const v = (\n  <div>\n    {/* phi-guard-disable-next-line no-phi-in-logs -- demo */}\n    <Span>{p.ssn}</Span>\n  </div>\n);',
      expected: [{ kind: 'next-line', ruleIds: ['no-phi-in-logs'], reason: 'demo', line: 3, appliesToLine: 4 }],
    },
    {
      name: 'a directive after a JSX closing tag on the same line',
      text: 'const v = <p>{p.ssn}</p>; // phi-guard-disable-line no-phi-in-logs -- demo',
      expected: [{ kind: 'line', ruleIds: ['no-phi-in-logs'], reason: 'demo', line: 1, appliesToLine: 1 }],
    },
    {
      name: 'a directive in a JSONC file',
      text: '{\n  // phi-guard-disable-next-line no-phi-in-url -- sandbox host\n  "url": "http://x"\n}',
      expected: [{ kind: 'next-line', ruleIds: ['no-phi-in-url'], reason: 'sandbox host', line: 2, appliesToLine: 3 }],
    },
    {
      name: 'a directive without a reason',
      text: '// phi-guard-disable-next-line no-phi-in-logs\nlog(x);',
      expected: [{ kind: 'next-line', ruleIds: ['no-phi-in-logs'], line: 1, appliesToLine: 2 }],
    },
    {
      name: 'an empty reason counts as none, and `until` without a date is kept as ""',
      text: '// phi-guard-disable-line no-phi-in-logs until --   ',
      expected: [{ kind: 'line', ruleIds: ['no-phi-in-logs'], until: '', line: 1, appliesToLine: 1 }],
    },
    {
      name: 'CRLF line endings',
      text: 'a();\r\n// phi-guard-disable-next-line no-phi-in-logs -- r\r\nlog(x);\r\n',
      expected: [{ kind: 'next-line', ruleIds: ['no-phi-in-logs'], reason: 'r', line: 2, appliesToLine: 3 }],
    },
  ];
  for (const testCase of cases) {
    it(`finds ${testCase.name}`, () => assert.deepEqual(summarize(testCase.text), testCase.expected));
  }

  const notDirectives: Array<[string, string]> = [
    ['a double-quoted string', 'const s = "// phi-guard-disable-next-line no-phi-in-logs -- nope";'],
    ['a single-quoted string', "const s = '/* phi-guard-disable -- nope */';"],
    ['a template literal', 'const s = `line\n// phi-guard-disable -- nope\n`;'],
    ['a template substitution holding a string', 'const s = `${a ? "}" : `// phi-guard-disable -- nope`}`;'],
    ['a regular expression literal', 'const r = /\\/\\/ phi-guard-disable -- nope/; const q = /[/*]/;\nconst s = "*/ phi-guard-disable -- nope";'],
    ['a comment that merely mentions the directive', '// see the phi-guard-disable-next-line docs -- nope'],
    ['a longer word', '// phi-guard-disabled no-phi-in-logs -- nope'],
  ];
  for (const [name, text] of notDirectives) {
    it(`ignores a directive in ${name}`, () => assert.deepEqual(findSuppressions(text), []));
  }

  it('still finds comments after division, strings with escapes and a shebang', () => {
    const text = '#!/usr/bin/env node\nconst a = b / c; const s = "\\"// x"; const t = \'it\\\'s\';\n// phi-guard-disable-next-line no-phi-in-logs -- ok\nlog(x);';
    assert.deepEqual(summarize(text), [{ kind: 'next-line', ruleIds: ['no-phi-in-logs'], reason: 'ok', line: 3, appliesToLine: 4 }]);
  });

  it('gives the comment token as range', () => {
    const text = 'x;\n  // phi-guard-disable-line no-phi-in-logs -- r\n';
    const [directive] = findSuppressions(text);
    const start = text.indexOf('//');
    assert.deepEqual(directive.range, rangeFromOffsets(computeLineStarts(text), start, text.indexOf('\n', start)));
    assert.equal(directive.comment, '// phi-guard-disable-line no-phi-in-logs -- r');
  });

  it('does not hang on unterminated strings, templates, regexes and comments', () => {
    for (const text of ['"abc', '`abc ${', '/[abc', '/* phi-guard-disable -- x', "'", '`${`${`']) {
      findSuppressions(`${text} phi-guard-disable`);
    }
    assert.equal(findSuppressions('/* phi-guard-disable -- x').length, 1);
  });
});

function finding(ruleId: string, line: number, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    severity: 'error',
    message: 'Date of birth flows into a log',
    file: 'src/a.ts',
    range: { start: { line, column: 1 }, end: { line, column: 5 }, startOffset: 0, endOffset: 4 },
    related: [],
    phiKinds: ['date-of-birth'],
    hipaa: { identifiers: [3], safeguards: ['164.312(b)'] },
    cwe: ['CWE-532'],
    fingerprint: `${ruleId}-${line}`,
    fixes: [],
    precision: 'high',
    ...extra,
  };
}

function apply(text: string, findings: Finding[]): Finding[] {
  return applySuppressions(findings, evaluateSuppressions(findSuppressions(text), { today: TODAY, knownRuleIds: KNOWN }), new Set(['valid-suppression']));
}

/** What the engine reports for a file's suppression comments: the valid-suppression rule's findings, through analyzeFile. */
function reported(text: string, config: PhiGuardConfigFile = {}): Finding[] {
  const root = path.resolve('/virtual');
  const result = analyzeFile({ absPath: path.join(root, 'src/a.ts'), relPath: 'src/a.ts', text, config: resolveConfig(config, undefined, root), rules: RULES, today: TODAY });
  assert.equal(result.skipped, undefined);
  return result.findings.filter((item) => item.ruleId === 'valid-suppression');
}

const problems = (text: string) => reported(text).map((item) => item.message);
const suppressedLines = (result: Finding[]) => result.filter((item) => item.suppressed).map((item) => `${item.ruleId}@${item.range.start.line}`);

describe('applySuppressions', () => {
  it('marks covered findings as suppressed, keeps them, and leaves others alone', () => {
    const text = 'a;\n// phi-guard-disable-next-line no-phi-in-logs until 2025-12-31 -- redacted by the logger\nlog(x);\nlog(y);';
    const result = apply(text, [finding('no-phi-in-logs', 3), finding('no-phi-in-url', 3), finding('no-phi-in-logs', 4)]);
    assert.equal(result.length, 3);
    assert.deepEqual(suppressedLines(result), ['no-phi-in-logs@3']);
    const [directive] = findSuppressions(text);
    assert.deepEqual(result[0].suppressed, { kind: 'inSource', justification: 'redacted by the logger', until: '2025-12-31', range: directive.range });
    assert.deepEqual(problems(text), []);
  });

  it('applies same-line, file-level and all-rules directives', () => {
    const text = 'log(x); // phi-guard-disable-line -- fixture\nlog(y);\n/* phi-guard-disable no-phi-in-url -- test server */\nfetch(u);';
    const result = apply(text, [finding('no-phi-in-logs', 1), finding('no-phi-in-url', 1), finding('no-phi-in-logs', 2), finding('no-phi-in-url', 4)]);
    assert.deepEqual(suppressedLines(result), ['no-phi-in-logs@1', 'no-phi-in-url@1', 'no-phi-in-url@4']);
  });

  it('is valid through the until day itself', () => {
    const result = apply(`// phi-guard-disable-next-line no-phi-in-logs until ${TODAY} -- r\nlog(x);`, [finding('no-phi-in-logs', 2)]);
    assert.deepEqual(suppressedLines(result), ['no-phi-in-logs@2']);
  });

  const problemCases: Array<{ name: string; comment: string; messages: RegExp[]; suppresses: boolean }> = [
    { name: 'no reason', comment: '// phi-guard-disable-next-line no-phi-in-logs', messages: [/^Suppression of no-phi-in-logs has no reason: add `-- <why>`$/], suppresses: false },
    { name: 'no reason, all rules', comment: '// phi-guard-disable-next-line', messages: [/^Suppression of all rules has no reason/], suppresses: false },
    { name: 'an expired date', comment: '// phi-guard-disable-next-line no-phi-in-logs until 2025-01-31 -- temporary', messages: [/^Suppression of no-phi-in-logs has expired/], suppresses: false },
    { name: 'a malformed date', comment: '// phi-guard-disable-next-line no-phi-in-logs until 31/01/2026 -- temporary', messages: [/invalid `until` date: write it as YYYY-MM-DD/], suppresses: false },
    { name: 'an impossible date', comment: '// phi-guard-disable-next-line no-phi-in-logs until 2026-02-30 -- temporary', messages: [/invalid `until` date/], suppresses: false },
    { name: 'an unknown rule next to a known one', comment: '// phi-guard-disable-next-line no-phi-in-log, no-phi-in-logs -- r', messages: [/^Suppression names unknown rule "no-phi-in-log"; did you mean "no-phi-in-logs"\?$/], suppresses: true },
    { name: 'only an unknown rule', comment: '// phi-guard-disable-next-line bogus -- r', messages: [/^Suppression names unknown rule "bogus"$/], suppresses: false },
    { name: 'no reason and an unknown rule', comment: '// phi-guard-disable-next-line because it is fine', messages: [/has no reason/, /unknown rule "because"/, /unknown rule "it"/, /unknown rule "is"/, /unknown rule "fine"/], suppresses: false },
  ];
  for (const testCase of problemCases) {
    it(`reports a suppression with ${testCase.name}${testCase.suppresses ? '' : ', which then suppresses nothing'}`, () => {
      const text = `${testCase.comment}\nlog(x);`;
      const result = apply(text, [finding('no-phi-in-logs', 2)]);
      const messages = problems(text);
      assert.equal(messages.length, testCase.messages.length, messages.join('\n'));
      testCase.messages.forEach((pattern, index) => assert.match(messages[index], pattern));
      assert.equal(result[0].suppressed !== undefined, testCase.suppresses);
    });
  }

  it('builds valid-suppression findings through the rule, with the documented shape and distinct stable fingerprints', () => {
    const comment = '// phi-guard-disable-next-line bogus';
    const text = `x;\n${comment}\nlog(x);`;
    const result = reported(text);
    assert.equal(result.length, 2);
    const [missingReason, unknownRule] = result;
    const { fingerprint, ...shape } = missingReason;
    assert.deepEqual(shape, {
      ruleId: 'valid-suppression',
      severity: 'warning',
      message: 'Suppression of bogus has no reason: add `-- <why>`',
      file: 'src/a.ts',
      range: rangeFromOffsets(computeLineStarts(text), 3, 3 + comment.length),
      related: [],
      phiKinds: [],
      hipaa: { identifiers: [], safeguards: ['164.308(a)(1)(ii)(D)'] },
      cwe: [],
      fixes: [],
      precision: 'very-high',
      role: 'production',
    });
    assert.match(unknownRule.message, /unknown rule "bogus"/);
    assert.notEqual(fingerprint, unknownRule.fingerprint);
    const shifted = reported(`\n\n${text}`);
    assert.deepEqual(shifted.map((item) => item.fingerprint), result.map((item) => item.fingerprint), 'stable when lines are added above');
  });

  it('separates identical directives in one file', () => {
    const result = reported('// phi-guard-disable-line no-phi-in-logs\n// phi-guard-disable-line no-phi-in-logs');
    assert.equal(result.length, 2);
    assert.equal(new Set(result.map((item) => item.fingerprint)).size, 2);
  });

  it('honours the configured severity of valid-suppression, and off', () => {
    const text = '// phi-guard-disable-next-line no-phi-in-logs\nlog(x);';
    assert.deepEqual(reported(text, { rules: { 'valid-suppression': 'error' } }).map((item) => item.severity), ['error']);
    assert.deepEqual(reported(text, { rules: { 'valid-suppression': 'note' } }).map((item) => item.severity), ['note']);
    assert.deepEqual(reported(text, { rules: { 'valid-suppression': 'off' } }), []);
  });

  it('never suppresses valid-suppression findings or re-marks suppressed ones', () => {
    const earlier = { kind: 'inSource' as const, justification: 'baseline', range: finding('x', 1).range };
    const text = '/* phi-guard-disable -- everything */\n// phi-guard-disable-line no-phi-in-logs\n';
    const result = apply(text, [finding('no-phi-in-logs', 3, { suppressed: earlier })]);
    assert.equal(result[0].suppressed, earlier);
    const problemsFound = reported(text);
    assert.equal(problemsFound.length, 1);
    assert.equal(problemsFound[0].suppressed, undefined);
  });
});

describe('text-range', () => {
  it('computes line starts for \\n, \\r\\n and \\r', () => {
    assert.deepEqual(computeLineStarts('a\nb\r\nc\rd'), [0, 2, 5, 7]);
    assert.deepEqual(computeLineStarts(''), [0]);
  });

  it('maps offsets to 1-based positions, end exclusive', () => {
    const lineStarts = computeLineStarts('ab\ncd\n');
    assert.deepEqual(positionAt(lineStarts, 0), { line: 1, column: 1 });
    assert.deepEqual(positionAt(lineStarts, 2), { line: 1, column: 3 });
    assert.deepEqual(positionAt(lineStarts, 3), { line: 2, column: 1 });
    assert.deepEqual(positionAt(lineStarts, 6), { line: 3, column: 1 });
    assert.deepEqual(rangeFromOffsets(lineStarts, 1, 4), { start: { line: 1, column: 2 }, end: { line: 2, column: 2 }, startOffset: 1, endOffset: 4 });
  });
});
