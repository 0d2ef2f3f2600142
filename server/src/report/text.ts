// The human report (shaped like ESLint's "stylish"): findings grouped by file, then a summary.
// It prints rule messages, which name kinds of data and never values, and never any source text.
import type { Rule } from '../rule-api';
import type { Finding, ScanResult, Severity, SkippedFile } from '../core/types';
import {
  SEVERITIES,
  activeFindings,
  formatBytes,
  formatDuration,
  isSuppressed,
  plural,
  sortFindings,
  summarize,
  type ScanSummary,
} from './summary';

export interface TextReportOptions {
  color: boolean;
  /** List suppressed findings too (they are always counted). */
  showSuppressed?: boolean;
  /** List every skipped file with its detail. */
  verbose?: boolean;
  /** Findings only: no summary. */
  quiet?: boolean;
}

/** ANSI styling that collapses to plain text when colour is off. */
export interface Styles {
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

export function createStyles(color: boolean): Styles {
  const wrap = (open: number, close: number) => (text: string) =>
    color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    green: wrap(32, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
    underline: wrap(4, 24),
  };
}

/**
 * File names and messages come from the workspace; a crafted file name could carry terminal escape
 * sequences or line breaks that rewrite the report, so control characters are neutralised.
 */
export function sanitizeForTerminal(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => (char === '\t' ? ' ' : '?'));
}

export function formatText(result: ScanResult, _rules: readonly Rule[], options: TextReportOptions): string {
  const styles = createStyles(options.color);
  const listed = options.showSuppressed ? result.findings : activeFindings(result.findings);
  const sections = formatFileGroups(sortFindings(listed), styles);
  if (!options.quiet) sections.push(formatSummary(result, styles, options.verbose ?? false));
  return sections.length === 0 ? '' : `${sections.join('\n\n')}\n`;
}

function formatFileGroups(findings: readonly Finding[], styles: Styles): string[] {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = byFile.get(finding.file) ?? [];
    group.push(finding);
    byFile.set(finding.file, group);
  }
  return [...byFile].map(([file, group]) => formatFileGroup(file, group, styles));
}

function formatFileGroup(file: string, findings: readonly Finding[], styles: Styles): string {
  const rows = findings.map((finding) => ({
    position: `${finding.range.start.line}:${finding.range.start.column}`,
    severity: isSuppressed(finding) ? 'suppressed' : finding.severity,
    message: sanitizeForTerminal(finding.message) + suppressionNote(finding),
    ruleId: finding.ruleId,
    rawSeverity: finding.severity,
  }));
  const positionWidth = Math.max(...rows.map((row) => row.position.length));
  const severityWidth = Math.max(...rows.map((row) => row.severity.length));
  const messageWidth = Math.max(...rows.map((row) => row.message.length));
  const lines = rows.map((row) => {
    const severity = colorSeverity(row.severity.padEnd(severityWidth), row.rawSeverity, row.severity === 'suppressed', styles);
    return `  ${styles.dim(row.position.padEnd(positionWidth))}  ${severity}  ${row.message.padEnd(messageWidth)}  ${styles.dim(row.ruleId)}`;
  });
  return [styles.underline(sanitizeForTerminal(file)), ...lines].join('\n');
}

function suppressionNote(finding: Finding): string {
  if (!finding.suppressed) return '';
  const reason = finding.suppressed.justification.trim();
  return reason ? ` (suppressed: ${sanitizeForTerminal(reason)})` : ' (suppressed)';
}

function colorSeverity(text: string, severity: Severity, suppressed: boolean, styles: Styles): string {
  if (suppressed) return styles.dim(text);
  if (severity === 'error') return styles.red(text);
  if (severity === 'warning') return styles.yellow(text);
  return styles.cyan(text);
}

function formatSummary(result: ScanResult, styles: Styles, verbose: boolean): string {
  const summary = summarize(result);
  const lines = [formatFindingsLine(summary, styles), formatFilesLine(summary)];
  if (summary.hidden.total > 0) lines.push(styles.dim(formatHiddenLine(summary)));
  if (verbose) lines.push(...result.skipped.map(formatSkippedFile), ...(result.notes ?? []).map((note) => `  note ${sanitizeForTerminal(note.file)}: ${sanitizeForTerminal(note.detail)}`));
  if (result.ruleErrors.length > 0) {
    lines.push(styles.red(`${plural(result.ruleErrors.length, 'rule error')} (the scan went on without them):`));
    for (const error of result.ruleErrors) {
      lines.push(`  ${sanitizeForTerminal(error.file)}  ${error.ruleId}  ${sanitizeForTerminal(error.message)}`);
    }
  }
  return lines.join('\n');
}

/** "3 findings (1 error, 2 warnings, 0 notes)" */
function formatFindingCounts(counts: ScanSummary['findingsBySeverity']): { total: number; text: string } {
  const total = SEVERITIES.reduce((sum, severity) => sum + counts[severity], 0);
  const bySeverity = SEVERITIES.map((severity) => plural(counts[severity], severity)).join(', ');
  return { total, text: `${plural(total, 'finding')} (${bySeverity})` };
}

function formatFindingsLine(summary: ScanSummary, styles: Styles): string {
  const counts = summary.findingsBySeverity;
  const { total, text } = formatFindingCounts(counts);
  const suppressed = summary.suppressed > 0 ? `, ${summary.suppressed} suppressed` : '';
  if (total === 0) return styles.green(`✔ No findings${suppressed}`);
  const line = `✖ ${text}${suppressed}`;
  return styles.bold(counts.error > 0 ? styles.red(line) : styles.yellow(line));
}

function formatFilesLine(summary: ScanSummary): string {
  const scanned = `Scanned ${plural(summary.filesScanned, 'file')} (${formatBytes(summary.bytesScanned)}) in ${formatDuration(summary.durationMs)}`;
  return summary.skipped === 0 ? scanned : `${scanned}; ${formatSkippedCounts(summary)}`;
}

/** "Not shown: 12 findings in tests, mocks and fixtures (9 test, 3 fixture); --include-tests lists them" */
export function formatHiddenLine(summary: ScanSummary): string {
  const byRole = Object.entries(summary.hidden.byRole)
    .sort(([, a], [, b]) => (b ?? 0) - (a ?? 0))
    .map(([role, count]) => `${count} ${role}`);
  return `Not shown: ${plural(summary.hidden.total, 'finding')} in test, sample and other non-production code (${byRole.join(', ')}); --include-tests or --roles lists them`;
}

/** "2 skipped: 1 too-large, 1 parse-error" */
export function formatSkippedCounts(summary: ScanSummary): string {
  const reasons = Object.entries(summary.skippedByReason)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([reason, count]) => `${count} ${reason}`);
  return `${summary.skipped} skipped: ${reasons.join(', ')}`;
}

function formatSkippedFile(skip: SkippedFile): string {
  return `  skipped ${sanitizeForTerminal(skip.file)} (${skip.reason}): ${sanitizeForTerminal(skip.detail)}`;
}

/** The one line printed to stderr when the report itself went to a file. */
export function formatOneLineSummary(result: ScanResult): string {
  const summary = summarize(result);
  const parts = [formatFindingCounts(summary.findingsBySeverity).text];
  if (summary.suppressed > 0) parts.push(`${summary.suppressed} suppressed`);
  if (summary.hidden.total > 0) parts.push(`${summary.hidden.total} in non-production code not shown`);
  parts.push(`${plural(summary.filesScanned, 'file')} scanned`);
  if (summary.skipped > 0) parts.push(formatSkippedCounts(summary));
  if (summary.ruleErrors > 0) parts.push(plural(summary.ruleErrors, 'rule error'));
  return parts.join(', ');
}
