// Finding → LSP Diagnostic. Engine positions are 1-based line/column in UTF-16 code units; LSP's are
// 0-based (and UTF-16 is LSP's default position encoding).
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range as LspRange } from 'vscode-languageserver/node';
import { docsUrl, type Finding, type Range, type Severity } from '../engine';
import { DIAGNOSTIC_SOURCE } from '../shared/protocol';
import { splitMessage } from './diagnostic-text';
import { pathToUri } from './paths';

/** What a diagnostic carries in `data` for the code actions (they re-check it against a fresh analysis). */
export interface DiagnosticData {
  ruleId: string;
  fingerprint: string;
  /** Document version the finding was computed for (undefined for files that are not open). */
  version?: number;
  /** Number of fixes the finding offers; the edits themselves are recomputed for the current version. */
  fixes: number;
}

export function toLspRange(range: Range): LspRange {
  return {
    start: { line: Math.max(0, range.start.line - 1), character: Math.max(0, range.start.column - 1) },
    end: { line: Math.max(0, range.end.line - 1), character: Math.max(0, range.end.column - 1) },
  };
}

export function toLspSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    default:
      return DiagnosticSeverity.Information;
  }
}

/**
 * @param uri URI of the document the finding is in (the client's spelling for open documents).
 * @param root Folder the finding's workspace-relative paths are relative to (for related locations).
 */
export function toDiagnostic(finding: Finding, uri: string, root: string, version: number | undefined): Diagnostic {
  const relatedInformation: DiagnosticRelatedInformation[] = finding.related.map((related) => ({
    location: {
      uri: related.file === finding.file ? uri : pathToUri(path.resolve(root, related.file)),
      range: toLspRange(related.range),
    },
    message: related.message,
  }));
  const data: DiagnosticData = { ruleId: finding.ruleId, fingerprint: finding.fingerprint, version, fixes: finding.fixes.length };
  const diagnostic: Diagnostic = {
    range: toLspRange(finding.range),
    severity: toLspSeverity(finding.severity),
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    // What is wrong; the advice is in the hover (diagnostic-text.ts).
    message: splitMessage(finding.message).headline,
    data,
  };
  if (relatedInformation.length > 0) diagnostic.relatedInformation = relatedInformation;
  return diagnostic;
}

/** Whether an LSP position lies within a finding's range (both ends included, as editors show a squiggle). */
export function findingContains(finding: Finding, position: { line: number; character: number }): boolean {
  const { start, end } = toLspRange(finding.range);
  const after = position.line > start.line || (position.line === start.line && position.character >= start.character);
  const before = position.line < end.line || (position.line === end.line && position.character <= end.character);
  return after && before;
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as DiagnosticData).ruleId === 'string' &&
    typeof (value as DiagnosticData).fingerprint === 'string'
  );
}
