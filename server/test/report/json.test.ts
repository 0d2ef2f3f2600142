import assert from 'node:assert/strict';
import { buildJsonReport, formatJson } from '../../src/report/json';
import { TOOL_VERSION } from '../../src/report/tool-info';
import { SECRET_LITERAL, emptyScanResult, sampleRules, sampleScanResult } from './sample-result';

describe('JSON reporter', () => {
  it('has the documented top-level shape', () => {
    const report = JSON.parse(formatJson(sampleScanResult(), sampleRules)) as Record<string, unknown>;
    assert.deepEqual(Object.keys(report), ['version', 'tool', 'root', 'summary', 'configFiles', 'findings', 'skipped', 'ruleErrors', 'notes']);
    assert.equal(report.version, 1);
    assert.deepEqual(report.tool, { name: 'PHI Guard', version: TOOL_VERSION });
    assert.equal(report.root, '/work/clinic app');
  });

  it('summarises counts, with suppressed findings counted apart', () => {
    const { summary } = buildJsonReport(sampleScanResult(), sampleRules);
    assert.deepEqual(summary, {
      filesScanned: 4,
      bytesScanned: 5321,
      skipped: 2,
      skippedByReason: { 'too-large': 1, 'parse-error': 1 },
      findingsBySeverity: { error: 2, warning: 2, note: 0 },
      suppressed: 1,
      hidden: { total: 0, byRole: {} },
      ruleErrors: 1,
      durationMs: 42,
    });
    const withHidden = buildJsonReport({ ...sampleScanResult(), hidden: { total: 3, byRole: { test: 2, mock: 1 } } }, sampleRules);
    assert.deepEqual(withHidden.summary.hidden, { total: 3, byRole: { test: 2, mock: 1 } });
  });

  it('includes suppressed findings, marked, in a stable order', () => {
    const { findings } = buildJsonReport(sampleScanResult(), sampleRules);
    assert.equal(findings.length, 5);
    const suppressed = findings.filter((finding) => finding.suppressed);
    assert.equal(suppressed.length, 1);
    assert.equal(suppressed[0]!.suppressed!.justification, 'synthetic test data only');
    assert.deepEqual(
      findings.map((finding) => `${finding.file}:${finding.range.start.line}`),
      ['src/audit.ts:12', 'src/audit.ts:20', 'src/db client.ts:3', 'src/report.ts:5', 'src/report.ts:9'],
    );
  });

  it('lists skipped files with reason and detail, and rule errors', () => {
    const report = buildJsonReport(sampleScanResult(), sampleRules);
    assert.deepEqual(report.skipped.map((skip) => skip.reason), ['parse-error', 'too-large']);
    assert.ok(report.skipped.every((skip) => skip.detail.length > 0));
    assert.equal(report.ruleErrors[0]!.ruleId, 'no-phi-in-logs');
  });

  it('keeps fix descriptions but not replacement text, which can repeat source literals', () => {
    const text = formatJson(sampleScanResult(), sampleRules);
    assert.ok(!text.includes(SECRET_LITERAL));
    const logFinding = buildJsonReport(sampleScanResult(), sampleRules).findings.find((finding) => finding.ruleId === 'no-phi-in-logs' && finding.file === 'src/report.ts');
    assert.deepEqual(logFinding!.fixes, [{ description: 'Wrap with redact()' }]);
  });

  it('reports a clean scan', () => {
    const report = buildJsonReport(emptyScanResult(), sampleRules);
    assert.deepEqual(report.findings, []);
    assert.deepEqual(report.summary.findingsBySeverity, { error: 0, warning: 0, note: 0 });
  });
});
