import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { analyzeFile } from '../../src/engine/analyze';
import { resolveConfig } from '../../src/engine/config';
import { parse } from '@typescript-eslint/typescript-estree';
import { applySuppressions, codeComments, evaluateSuppressions, findSuppressions, reasonProblem, type SuppressionDirective } from '../../src/engine/suppressions';
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
  return analyzed(text, config).filter((item) => item.ruleId === 'valid-suppression');
}

/** Every finding of a file analysed by the engine (suppressions found from its syntax tree). */
function analyzed(text: string, config: PhiGuardConfigFile = {}, file = 'src/a.ts'): Finding[] {
  const root = path.resolve('/virtual');
  const result = analyzeFile({ absPath: path.join(root, file), relPath: file, text, config: resolveConfig(config, undefined, root), rules: RULES, today: TODAY });
  assert.equal(result.skipped, undefined, result.skipped?.detail);
  return result.findings;
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
    const text = 'log(x); // phi-guard-disable-line -- synthetic fixture\nlog(y);\n/* phi-guard-disable no-phi-in-url -- test server */\nfetch(u);';
    const result = apply(text, [finding('no-phi-in-logs', 1), finding('no-phi-in-url', 1), finding('no-phi-in-logs', 2), finding('no-phi-in-url', 4)]);
    assert.deepEqual(suppressedLines(result), ['no-phi-in-logs@1', 'no-phi-in-url@1', 'no-phi-in-url@4']);
  });

  it('is valid through the until day itself', () => {
    const result = apply(`// phi-guard-disable-next-line no-phi-in-logs until ${TODAY} -- last day of the pilot\nlog(x);`, [finding('no-phi-in-logs', 2)]);
    assert.deepEqual(suppressedLines(result), ['no-phi-in-logs@2']);
  });

  const problemCases: Array<{ name: string; comment: string; messages: RegExp[]; suppresses: boolean }> = [
    { name: 'no reason', comment: '// phi-guard-disable-next-line no-phi-in-logs', messages: [/^Suppression of no-phi-in-logs has no reason: add `-- <why>`$/], suppresses: false },
    { name: 'no reason, all rules', comment: '// phi-guard-disable-next-line', messages: [/^Suppression of all rules has no reason/], suppresses: false },
    { name: 'an expired date', comment: '// phi-guard-disable-next-line no-phi-in-logs until 2025-01-31 -- vendor workaround', messages: [/^Suppression of no-phi-in-logs has expired/], suppresses: false },
    { name: 'a malformed date', comment: '// phi-guard-disable-next-line no-phi-in-logs until 31/01/2026 -- vendor workaround', messages: [/invalid `until` date: write it as YYYY-MM-DD/], suppresses: false },
    { name: 'an impossible date', comment: '// phi-guard-disable-next-line no-phi-in-logs until 2026-02-30 -- vendor workaround', messages: [/invalid `until` date/], suppresses: false },
    { name: 'an unknown rule next to a known one', comment: '// phi-guard-disable-next-line no-phi-in-log, no-phi-in-logs -- audit sink', messages: [/^Suppression names unknown rule "no-phi-in-log"; did you mean "no-phi-in-logs"\?$/], suppresses: true },
    { name: 'only an unknown rule', comment: '// phi-guard-disable-next-line bogus -- audit sink', messages: [/^Suppression names unknown rule "bogus"$/], suppresses: false },
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
    const text = '/* phi-guard-disable -- generated from the schema */\n// phi-guard-disable-line no-phi-in-logs\n';
    const result = apply(text, [finding('no-phi-in-logs', 3, { suppressed: earlier })]);
    assert.equal(result[0].suppressed, earlier);
    const problemsFound = reported(text);
    assert.deepEqual(problemsFound.map((item) => [item.severity, item.message.split(':')[0]]), [
      ['note', 'Suppression of every rule in the whole file'],
      ['warning', 'Suppression of no-phi-in-logs has no reason'],
    ]);
    assert.ok(problemsFound.every((item) => item.suppressed === undefined), 'not even by a file-wide disable of every rule');
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

describe('suppressions: only real comments count (defect 7)', () => {
  const LEAK = 'declare const patient: any;\n';
  const logsSuppressed = (findings: Finding[]) => findings.filter((item) => item.ruleId === 'no-phi-in-logs').map((item) => !!item.suppressed);

  const notComments: Array<[string, string]> = [
    ['JSX text', `${LEAK}export const Help = () => <p>// phi-guard-disable -- see the docs for details</p>;\nconsole.log(patient.ssn);`],
    ['JSX text of a block comment', `${LEAK}export const Help = () => <div>/* phi-guard-disable -- see the docs for details */</div>;\nconsole.log(patient.ssn);`],
    ['a multi-line JSX text', `${LEAK}export const Help = () => (\n  <section>\n    To silence it, write\n    /* phi-guard-disable -- reviewed by the privacy office */\n  </section>\n);\nconsole.log(patient.ssn);`],
    ['a JSX attribute', `${LEAK}export const Help = () => <input placeholder="// phi-guard-disable-line -- reviewed by the privacy office" value={console.log(patient.ssn)} />;`],
    ['a string after a URL', `${LEAK}const help = 'http://x // phi-guard-disable-line -- reviewed by the privacy office'; console.log(patient.ssn);`],
    ['a template with a substitution', `${LEAK}const help = \`\${patient.id} // phi-guard-disable-line -- reviewed by the privacy office\`; console.log(patient.ssn);`],
    ['a regular expression after a parenthesis', `${LEAK}if (help) /\\/\\/ phi-guard-disable-line -- reviewed by the privacy office/.test(help); console.log(patient.ssn);`],
    ['a type-level template literal', `${LEAK}type Help = \`// phi-guard-disable-line -- reviewed by the privacy office\`; console.log(patient.ssn);`],
  ];
  for (const [name, text] of notComments) {
    it(`ignores a directive in ${name}`, () => {
      const findings = analyzed(text, {}, 'src/help.tsx');
      assert.deepEqual(logsSuppressed(findings), findings.filter((item) => item.ruleId === 'no-phi-in-logs').map(() => false));
      assert.ok(findings.some((item) => item.ruleId === 'no-phi-in-logs'), 'the leak is reported');
      assert.deepEqual(findings.filter((item) => item.ruleId === 'valid-suppression'), []);
    });
  }

  const comments: Array<[string, string]> = [
    ['after JSX text with an apostrophe', `${LEAK}export const Note = () => <p>Don't log it</p>; console.log(patient.ssn); // phi-guard-disable-line no-phi-in-logs -- reviewed by the privacy office`],
    ['inside a JSX expression container', `${LEAK}export const Row = () => (\n  <td>\n    {/* phi-guard-disable-next-line no-phi-in-logs -- reviewed by the privacy office */}\n    {console.log(patient.ssn)}\n  </td>\n);`],
    ['inside a template substitution', `${LEAK}const line = \`\${/* phi-guard-disable-line no-phi-in-logs -- reviewed by the privacy office */ console.log(patient.ssn)}\`;`],
    ['after a string holding //', `${LEAK}const url = 'https://lab.example.com/a//b'; console.log(patient.ssn); // phi-guard-disable-line no-phi-in-logs -- reviewed by the privacy office`],
    ['after a decorator with a string argument', `${LEAK}declare const route: any;\nclass C {\n  @route('//x')\n  m() {\n    // phi-guard-disable-next-line no-phi-in-logs -- reviewed by the privacy office\n    console.log(patient.ssn);\n  }\n}`],
    ['after a shebang', `#!/usr/bin/env node\n${LEAK}// phi-guard-disable-next-line no-phi-in-logs -- reviewed by the privacy office\nconsole.log(patient.ssn);`],
  ];
  for (const [name, text] of comments) {
    it(`finds a directive ${name}`, () => {
      const findings = analyzed(text, {}, 'src/help.tsx');
      assert.deepEqual(logsSuppressed(findings), [true]);
      assert.deepEqual(findings.filter((item) => item.ruleId === 'valid-suppression'), []);
    });
  }

  it('finds exactly the comments typescript-estree finds (which costs it about a second parse)', () => {
    const tricky = [
      'const a = b / c; // one\nconst r = /\\/\\/ not a comment/g; /* two */ const q = /[/*]/;',
      'const t = `//${/* three */ x}//` + `/*`; // four',
      'export const V = () => (\n  <div title="// no" data-x=\'/* no */\'>\n    // no, JSX text /* no */\n    {/* five */}\n    <a href="http://x">http://y</a> {x /* six */}\n  </div>\n); // seven',
      'type T = `//${string}/*`; // eight\nclass C { @d(\'//\') m() {} } /** nine */',
      '#!/usr/bin/env node\n// ten\nlet x = 1 /*eleven*/ / 2 // twelve',
      'const s = "\\"//" + \'\\\'/*\'; // thirteen',
    ];
    for (const text of tricky) {
      const truth = parse(text, { range: true, comment: true, jsx: true }).comments!.map((comment) => comment.range);
      const program = parse(text, { range: true, jsx: true });
      assert.deepEqual(codeComments(text, program).map((comment) => [comment.start, comment.end]), truth, text);
    }
  });

  it('JSON files: only comments, from the JSON scanner', () => {
    const text = '{\n  "help": "// phi-guard-disable-next-line no-cleartext-transport -- reviewed by the privacy office",\n  "labUrl": "http://lab.acme-health.com"\n}';
    const findings = analyzed(text, {}, 'config/production.jsonc');
    assert.deepEqual(findings.map((item) => [item.ruleId, !!item.suppressed]), [['no-cleartext-transport', false]]);
    const commented = analyzed(text.replace('"help": "// phi', '/* a */ // phi').replace('office",\n', 'office\n'), {}, 'config/production.jsonc');
    assert.deepEqual(commented.map((item) => [item.ruleId, !!item.suppressed]), [['no-cleartext-transport', true]]);
  });
});

describe('suppressions: meaningful reasons, a horizon for until, whole-file disables (defect 7)', () => {
  const LEAK = 'declare const patient: any;\n';
  const placeholders = ['reason', 'TODO: reason', 'todo', 'x', '...', '…', 'tbd', 'TBD', 'n/a', '-', '?', 'fixme later', 'demo', 'ok', 'because', '<why this is not a PHI leak>', '<reason>', '${1:reason}', 'add reason here', 'x y z'];
  for (const reason of placeholders) {
    it(`does not accept ${JSON.stringify(reason)} as a reason`, () => {
      assert.equal(reasonProblem(reason), 'placeholder-reason');
      const findings = analyzed(`${LEAK}// phi-guard-disable-next-line no-phi-in-logs -- ${reason}\nconsole.log(patient.ssn);`);
      assert.deepEqual(findings.map((item) => [item.ruleId, !!item.suppressed]), [['valid-suppression', false], ['no-phi-in-logs', false]]);
      assert.match(findings[0].message, /^Suppression of no-phi-in-logs has a placeholder for a reason/);
    });
  }
  for (const reason of ['audit sink (SEC-12)', 'SEC-12', 'see #412', 'https://wiki.example.com/phi/decisions/12', 'not PHI', 'test fixture', 'synthetic data only', 'x — the logger redacts every field']) {
    it(`accepts ${JSON.stringify(reason)}`, () => assert.equal(reasonProblem(reason), undefined));
  }
  it('reports no reason as before', () => {
    assert.equal(reasonProblem(undefined), 'missing-reason');
    assert.equal(reasonProblem('   '), 'missing-reason');
  });

  it('reports an until date further ahead than the horizon (365 days by default); it still suppresses', () => {
    const within = analyzed(`${LEAK}// phi-guard-disable-next-line no-phi-in-logs until 2026-06-15 -- vendor fix pending (LAB-7)\nconsole.log(patient.ssn);`);
    assert.deepEqual(within.map((item) => [item.ruleId, !!item.suppressed]), [['no-phi-in-logs', true]]);
    for (const until of ['2026-06-16', '9999-12-31']) {
      const beyond = analyzed(`${LEAK}// phi-guard-disable-next-line no-phi-in-logs until ${until} -- vendor fix pending (LAB-7)\nconsole.log(patient.ssn);`);
      assert.deepEqual(beyond.map((item) => [item.ruleId, item.severity, !!item.suppressed]), [['valid-suppression', 'warning', false], ['no-phi-in-logs', 'error', true]]);
      assert.equal(beyond[0].message, 'Suppression of no-phi-in-logs runs until a date more than 365 days ahead: give a nearer `until` date, or none for a lasting decision');
    }
  });

  it('takes the horizon from the valid-suppression options', () => {
    const text = `${LEAK}// phi-guard-disable-next-line no-phi-in-logs until 2025-08-01 -- vendor fix pending (LAB-7)\nconsole.log(patient.ssn);`;
    assert.deepEqual(reported(text, { rules: { 'valid-suppression': ['warning', { untilHorizonDays: 30 }] } }).map((item) => item.message.split(':')[0]), [
      'Suppression of no-phi-in-logs runs until a date more than 30 days ahead',
    ]);
    assert.deepEqual(reported(text, { rules: { 'valid-suppression': ['warning', { untilHorizonDays: 60 }] } }), []);
  });

  it('a whole-file disable of every rule needs a real reason, and is reported at note level when it has one', () => {
    const weak = analyzed(`/* phi-guard-disable -- x */\n${LEAK}console.log(patient.ssn);`);
    assert.deepEqual(weak.map((item) => [item.ruleId, item.severity, !!item.suppressed]), [['valid-suppression', 'warning', false], ['no-phi-in-logs', 'error', false]]);
    const reasoned = analyzed(`/* phi-guard-disable -- generated from the OpenAPI schema, regenerated on build */\n${LEAK}console.log(patient.ssn);`);
    assert.deepEqual(reasoned.map((item) => [item.ruleId, item.severity, !!item.suppressed]), [['valid-suppression', 'note', false], ['no-phi-in-logs', 'error', true]]);
    assert.match(reasoned[0].message, /^Suppression of every rule in the whole file/);
    const named = analyzed(`/* phi-guard-disable no-phi-in-logs -- generated from the OpenAPI schema */\n${LEAK}console.log(patient.ssn);`);
    assert.deepEqual(named.map((item) => item.ruleId), ['no-phi-in-logs'], 'naming the rules is not reported');
  });
});

describe('suppressions: bounded output and linear evaluation (defect 8)', () => {
  it('caps the problems per file and counts the rest in one summary finding', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `// phi-guard-disable-line r${i}a r${i}b r${i}c r${i}d`);
    const problems = reported(lines.join('\n'));
    assert.equal(problems.length, 21);
    assert.deepEqual(problems.slice(0, 4).map((item) => [item.range.start.line, item.message.split(':')[0]]), [
      [1, 'Suppression of r0a, r0b, r0c, r0d has no reason'],
      [1, 'Suppression names unknown rule "r0a"'],
      [1, 'Suppression names unknown rule "r0b"'],
      [1, 'Suppression names unknown rule "r0c"'],
    ]);
    // 500 directives × (no reason + 4 unknown rules) = 2,500 problems: 20 listed, 2,480 counted.
    assert.equal(problems[20].message, '2480 more suppression problems in this file are not listed: fix the ones above and scan again');
    assert.equal(problems[20].range.start.line, 5);
    assert.deepEqual(reported(lines.join('\n'), { rules: { 'valid-suppression': ['warning', { maxPerFile: 3 }] } }).map((item) => item.message.split(' ')[0]), ['Suppression', 'Suppression', 'Suppression', '2497']);
  });

  it('names at most five rules of one directive in a message', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `rule-${i}`).join(', ');
    const [missingReason] = reported(`/**\n * phi-guard-disable-next-line ${ids}\n */\nlog(x);`);
    assert.equal(missingReason.message, 'Suppression of rule-0, rule-1, rule-2, rule-3, rule-4 and 4995 more rules has no reason: add `-- <why>`');
  });

  it('matches findings through an index: each finding asks one line and the file, whatever the number of directives', () => {
    const directives = Array.from({ length: 2000 }, (_, i) => `// phi-guard-disable-next-line no-phi-in-logs -- audit sink number ${i} (SEC-12)\nlog(x${i});`).join('\n');
    const text = `/* phi-guard-disable no-phi-in-url -- sandbox host for the lab simulator */\n${directives}`;
    const evaluated = evaluateSuppressions(findSuppressions(text), { today: TODAY, knownRuleIds: KNOWN });
    const findings = Array.from({ length: 2000 }, (_, i) => finding(i % 2 ? 'no-phi-in-logs' : 'no-phi-in-url', 2 * i + 3));
    const result = applySuppressions(findings, evaluated, new Set());
    assert.equal(result.filter((item) => item.suppressed).length, 2000);
    assert.ok(result.filter((item) => item.ruleId === 'no-phi-in-logs').every((item) => item.suppressed?.justification.startsWith('audit sink number')));
    assert.ok(result.filter((item) => item.ruleId === 'no-phi-in-url').every((item) => item.suppressed?.justification === 'sandbox host for the lab simulator'));
  });
});
