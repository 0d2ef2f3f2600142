// Counting shared by the reporters and the CLI's exit code, so they can never disagree.
import type { Finding, HiddenFindings, ScanResult, Severity, SkipReason } from '../core/types';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

/** Higher is more severe; used for `--fail-on` comparisons. */
const SEVERITY_RANK: Record<Severity, number> = { note: 1, warning: 2, error: 3 };

export type SeverityCounts = Record<Severity, number>;

export interface ScanSummary {
  filesScanned: number;
  bytesScanned: number;
  skipped: number;
  skippedByReason: Partial<Record<SkipReason, number>>;
  /** Unsuppressed findings only: suppressed ones are counted in `suppressed`. */
  findingsBySeverity: SeverityCounts;
  suppressed: number;
  /** Findings not reported because of their file's role (tests, mocks, fixtures…). */
  hidden: HiddenFindings;
  ruleErrors: number;
  durationMs: number;
}

export function isSuppressed(finding: Finding): boolean {
  return finding.suppressed !== undefined;
}

export function activeFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => !isSuppressed(finding));
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, note: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

export function countSkippedByReason(result: ScanResult): Partial<Record<SkipReason, number>> {
  const counts: Partial<Record<SkipReason, number>> = {};
  for (const skip of result.skipped) counts[skip.reason] = (counts[skip.reason] ?? 0) + 1;
  return counts;
}

export function summarize(result: ScanResult): ScanSummary {
  const active = activeFindings(result.findings);
  return {
    filesScanned: result.filesScanned,
    bytesScanned: result.bytesScanned,
    skipped: result.skipped.length,
    skippedByReason: countSkippedByReason(result),
    findingsBySeverity: countBySeverity(active),
    suppressed: result.findings.length - active.length,
    hidden: { total: result.hidden?.total ?? 0, byRole: { ...(result.hidden?.byRole ?? {}) } },
    ruleErrors: result.ruleErrors.length,
    durationMs: result.durationMs,
  };
}

/** Whether `severity` is at or above `threshold` (`none` never fails). */
export function meetsThreshold(severity: Severity, threshold: Severity | 'none'): boolean {
  if (threshold === 'none') return false;
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

/** The CLI fails when an unsuppressed finding is at or above the threshold. */
export function hasFailingFinding(result: ScanResult, threshold: Severity | 'none'): boolean {
  return activeFindings(result.findings).some((finding) => meetsThreshold(finding.severity, threshold));
}

/** Findings in a stable order: by file, then position, then rule id. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.column - b.range.start.column ||
      compareStrings(a.ruleId, b.ruleId),
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
