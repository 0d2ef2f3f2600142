// The machine-readable report. Stable shape (`version: 1`); suppressed findings are included and
// carry their `suppressed` record so nothing is silently dropped.
import type { Rule } from '../rule-api';
import type { FileNote, Finding, RuleError, ScanResult, SkippedFile } from '../core/types';
import { TOOL_NAME, TOOL_VERSION } from './tool-info';
import { sortFindings, summarize, type ScanSummary } from './summary';

/**
 * Fix edits are left out on purpose: a replacement text can repeat a string literal of the workspace
 * (e.g. the URL a transport fix rewrites), and reports must never carry source text.
 */
export interface JsonFix {
  description: string;
}

export interface JsonFinding extends Omit<Finding, 'fixes'> {
  fixes: JsonFix[];
}

export interface JsonReport {
  version: 1;
  tool: { name: string; version: string };
  root: string;
  summary: ScanSummary;
  configFiles: string[];
  findings: JsonFinding[];
  skipped: SkippedFile[];
  ruleErrors: RuleError[];
  /** Files analysed after being read in an unusual way (not UTF-8: read as Windows-1252). */
  notes: FileNote[];
}

export function buildJsonReport(result: ScanResult, _rules: readonly Rule[]): JsonReport {
  return {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    root: result.root,
    summary: summarize(result),
    configFiles: [...result.configFiles],
    findings: sortFindings(result.findings).map(toJsonFinding),
    skipped: [...result.skipped].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    ruleErrors: [...result.ruleErrors],
    notes: [...(result.notes ?? [])].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
  };
}

function toJsonFinding(finding: Finding): JsonFinding {
  return { ...finding, fixes: finding.fixes.map((fix) => ({ description: fix.description })) };
}

export function formatJson(result: ScanResult, rules: readonly Rule[]): string {
  return `${JSON.stringify(buildJsonReport(result, rules), null, 2)}\n`;
}
