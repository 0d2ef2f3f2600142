import assert from 'node:assert/strict';
import { formatOneLineSummary, formatText, sanitizeForTerminal } from '../../src/report/text';
import { SECRET_LITERAL, emptyScanResult, range, sampleRules, sampleScanResult } from './sample-result';

const ESC = '\u001b[';

describe('text reporter', () => {
  it('groups findings by file, one `line:col  severity  message  rule-id` row each', () => {
    const text = formatText(sampleScanResult(), sampleRules, { color: false });
    const lines = text.split('\n');
    const reportHeader = lines.indexOf('src/report.ts');
    assert.ok(reportHeader >= 0, text);
    assert.match(lines[reportHeader + 1]!, /^ {2}5:15 {2}error {4}SSN is written to a log {2,}no-phi-in-logs$/);
    assert.match(lines[reportHeader + 2]!, /^ {2}9:16 {2}warning {2}Request sent over http:\/\/ {2,}no-cleartext-transport$/);
    assert.ok(lines.includes('src/db client.ts'));
    // Files in a stable order.
    assert.ok(text.indexOf('src/audit.ts') < text.indexOf('src/db client.ts'));
    assert.ok(text.indexOf('src/db client.ts') < text.indexOf('src/report.ts'));
  });

  it('counts suppressed findings but lists them only with showSuppressed', () => {
    const hidden = formatText(sampleScanResult(), sampleRules, { color: false });
    assert.doesNotMatch(hidden, /Date of birth is written to a log/);
    assert.match(hidden, /1 suppressed/);
    const shown = formatText(sampleScanResult(), sampleRules, { color: false, showSuppressed: true });
    assert.match(shown, /12:5 +suppressed +Date of birth is written to a log \(suppressed: synthetic test data only\) +no-phi-in-logs/);
  });

  it('summarises findings by severity, files, skips by reason, rule errors and time', () => {
    const text = formatText(sampleScanResult(), sampleRules, { color: false });
    assert.match(text, /✖ 4 findings \(2 errors, 2 warnings, 0 notes\), 1 suppressed/);
    assert.match(text, /Scanned 4 files \(5\.2 KB\) in 42 ms; 2 skipped: 1 parse-error, 1 too-large/);
    assert.match(text, /1 rule error \(the scan went on without them\):\n {2}src\/weird\.ts {2}no-phi-in-logs {2}Cannot read properties of undefined/);
    assert.doesNotMatch(text, /skipped vendor\/big\.js/);
  });

  it('lists each skipped file with its detail when verbose', () => {
    const text = formatText(sampleScanResult(), sampleRules, { color: false, verbose: true });
    assert.match(text, / {2}skipped vendor\/big\.js \(too-large\): 2\.3 MB exceeds the 1 MB limit/);
    assert.match(text, / {2}skipped src\/broken\.ts \(parse-error\): 3:7 '\)' expected/);
  });

  it('says how many findings the roles of their files kept out, and how to see them', () => {
    const result = { ...sampleScanResult(), hidden: { total: 14, byRole: { test: 9, fixture: 3, mock: 2 } } };
    const text = formatText(result, sampleRules, { color: false });
    assert.match(text, /\nNot shown: 14 findings in test, sample and other non-production code \(9 test, 3 fixture, 2 mock\); --include-tests or --roles lists them\n/);
    assert.match(formatOneLineSummary(result), /, 14 in non-production code not shown,/);
    assert.doesNotMatch(formatText(sampleScanResult(), sampleRules, { color: false }), /Not shown/);
  });

  it('prints only the findings when quiet', () => {
    const text = formatText(sampleScanResult(), sampleRules, { color: false, quiet: true });
    assert.doesNotMatch(text, /Scanned|finding|skipped/);
    assert.match(text, /no-phi-in-logs/);
    assert.equal(formatText(emptyScanResult(), sampleRules, { color: false, quiet: true }), '');
  });

  it('says so when there is nothing to report', () => {
    const text = formatText(emptyScanResult(), sampleRules, { color: false });
    assert.match(text, /^✔ No findings\nScanned 2 files \(300 B\) in 5 ms\n$/);
  });

  it('uses ANSI colours only when asked', () => {
    assert.ok(!formatText(sampleScanResult(), sampleRules, { color: false }).includes(ESC));
    const colored = formatText(sampleScanResult(), sampleRules, { color: true });
    assert.ok(colored.includes(`${ESC}31merror`), 'errors are red');
    assert.ok(colored.includes(`${ESC}33mwarning`), 'warnings are yellow');
  });

  it('neutralises control characters from file names and messages', () => {
    const result = emptyScanResult();
    result.findings.push({
      ruleId: 'no-phi-in-logs',
      severity: 'error',
      message: 'SSN\u001b[2J is logged\nFAKE LINE',
      file: 'src/evil\u001b[31m.ts',
      range: range(1, 1, 1, 2),
      related: [],
      phiKinds: ['ssn'],
      hipaa: { identifiers: [7], safeguards: [] },
      cwe: [],
      fingerprint: 'x',
      fixes: [],
      precision: 'high',
    });
    const text = formatText(result, sampleRules, { color: false });
    assert.ok(!text.includes('\u001b'), text);
    assert.ok(!text.includes('\nFAKE LINE'));
    assert.equal(sanitizeForTerminal('a\tb\u0007c'), 'a b?c');
  });

  it('never prints source text such as string literals', () => {
    const text = formatText(sampleScanResult(), sampleRules, { color: false, showSuppressed: true, verbose: true });
    assert.ok(!text.includes(SECRET_LITERAL));
  });

  it('has a one-line summary for stderr', () => {
    const line = formatOneLineSummary(sampleScanResult());
    assert.equal(
      line,
      '4 findings (2 errors, 2 warnings, 0 notes), 1 suppressed, 4 files scanned, 2 skipped: 1 parse-error, 1 too-large, 1 rule error',
    );
    assert.ok(!line.includes('\n'));
  });
});
