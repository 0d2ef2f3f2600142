// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Checked by the tests against the
// official schema and against Microsoft's SARIF multitool (`--rule-kind "Sarif;Gh"`).
// PHI safety: no code snippets, no fix replacement text, no artifact contents — only positions,
// rule messages (which name kinds of data, never values) and metadata.
import { pathToFileURL } from 'node:url';
import { docsUrl, type Rule, type RuleMeta } from '../rule-api';
import type { FileNote, Finding, Range, RelatedLocation, RuleError, ScanResult, Severity, SkippedFile } from '../core/types';
import { TOOL_INFORMATION_URI, TOOL_NAME, TOOL_VERSION } from './tool-info';
import { sortFindings } from './summary';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

// ---- The subset of the SARIF object model this reporter writes. ----

export interface SarifMessage {
  text: string;
  markdown?: string;
}

export interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface SarifLocation {
  id?: number;
  physicalLocation: { artifactLocation: SarifArtifactLocation; region?: SarifRegion };
  message?: SarifMessage;
}

export interface SarifReportingDescriptor {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help?: SarifMessage;
  helpUri?: string;
  defaultConfiguration: { level: Severity };
  properties?: Record<string, unknown>;
}

export interface SarifReportingDescriptorReference {
  id: string;
  index: number;
}

export interface SarifNotification {
  level: 'note' | 'warning';
  message: SarifMessage;
  descriptor: SarifReportingDescriptorReference;
  associatedRule?: SarifReportingDescriptorReference;
  locations?: SarifLocation[];
  properties?: Record<string, unknown>;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Severity;
  message: SarifMessage;
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown>;
  suppressions?: Array<{ kind: 'inSource'; justification: string }>;
}

export interface SarifRun {
  tool: {
    driver: {
      name: string;
      version: string;
      semanticVersion: string;
      informationUri: string;
      rules: SarifReportingDescriptor[];
      notifications: SarifReportingDescriptor[];
    };
  };
  invocations: Array<{
    executionSuccessful: boolean;
    toolExecutionNotifications: SarifNotification[];
  }>;
  originalUriBaseIds: Record<string, { uri: string }>;
  results: SarifResult[];
  columnKind: 'utf16CodeUnits';
  properties?: Record<string, unknown>;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

// ---- Rule metadata ----

/** "no-phi-in-logs" → "NoPhiInLogs" (SARIF's friendly rule name). */
export function pascalCaseName(ruleId: string): string {
  return ruleId
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** SARIF viewers show messages as sentences; the SARIF validator asks that they end with a period. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function cweNumber(cwe: string): string {
  return cwe.replace(/^CWE-/i, '');
}

function cweTag(cwe: string): string {
  return `external/cwe/cwe-${cweNumber(cwe)}`;
}

function cweLink(cwe: string): string {
  return `https://cwe.mitre.org/data/definitions/${cweNumber(cwe)}.html`;
}

function ruleHelp(meta: RuleMeta): SarifMessage {
  const docs = docsUrl(meta.id);
  const hipaa = meta.hipaa.length > 0 ? meta.hipaa.join(', ') : 'none';
  const cwe = meta.cwe.length > 0 ? meta.cwe.join(', ') : 'none';
  const text = [
    asSentence(meta.description),
    '',
    `Why: ${asSentence(meta.rationale)}`,
    `HIPAA: ${hipaa}`,
    `CWE: ${cwe}`,
    `Documentation: ${docs}`,
  ].join('\n');
  const cweMarkdown = meta.cwe.length > 0 ? meta.cwe.map((id) => `[${id}](${cweLink(id)})`).join(', ') : 'none';
  const markdown = [
    `**${asSentence(meta.description)}**`,
    '',
    `**Why:** ${asSentence(meta.rationale)}`,
    '',
    `- **HIPAA:** ${hipaa}`,
    `- **CWE:** ${cweMarkdown}`,
    '',
    `[Rule documentation](${docs})`,
  ].join('\n');
  return { text, markdown };
}

export function ruleDescriptor(meta: RuleMeta): SarifReportingDescriptor {
  return {
    id: meta.id,
    name: pascalCaseName(meta.id),
    shortDescription: { text: asSentence(meta.description) },
    fullDescription: { text: asSentence(meta.rationale) },
    help: ruleHelp(meta),
    helpUri: docsUrl(meta.id),
    defaultConfiguration: { level: meta.defaultSeverity },
    properties: {
      tags: ['security', 'hipaa', 'phi', ...meta.cwe.map(cweTag)],
      precision: meta.precision,
      'security-severity': meta.securitySeverity.toFixed(1),
      category: meta.category,
      hipaa: [...meta.hipaa],
    },
  };
}

/**
 * Findings whose rule is not in the rule list (e.g. the engine's own checks of suppression comments)
 * still need a descriptor: GitHub resolves every result through `ruleIndex`.
 */
function syntheticDescriptor(finding: Finding): SarifReportingDescriptor {
  return {
    id: finding.ruleId,
    name: pascalCaseName(finding.ruleId),
    shortDescription: { text: asSentence(`PHI Guard check ${finding.ruleId}`) },
    fullDescription: { text: asSentence(`Reported by PHI Guard's engine (${finding.ruleId})`) },
    help: {
      text: `See ${docsUrl(finding.ruleId)}`,
      markdown: `[Rule documentation](${docsUrl(finding.ruleId)})`,
    },
    helpUri: docsUrl(finding.ruleId),
    defaultConfiguration: { level: finding.severity },
    properties: {
      tags: ['security', 'hipaa', 'phi', ...finding.cwe.map(cweTag)],
      precision: finding.precision,
    },
  };
}

// ---- Notification descriptors (tool execution, not results) ----

const SKIPPED_FILE_NOTIFICATION = 'skipped-file';
const RULE_ERROR_NOTIFICATION = 'rule-error';
const FILE_NOTE_NOTIFICATION = 'file-note';

function notificationDescriptors(): SarifReportingDescriptor[] {
  return [
    {
      id: SKIPPED_FILE_NOTIFICATION,
      name: 'SkippedFile',
      shortDescription: { text: 'A file was not analysed.' },
      fullDescription: {
        text: 'The file was skipped (too large, minified, binary, not valid text, not parseable or unreadable); its findings, if any, are missing from this run.',
      },
      help: {
        text: 'Skipped files were not analysed. Make them parseable, raise maxFileSize in .phi-guard.json, or ignore them explicitly.',
        markdown: 'Skipped files were not analysed. Make them parseable, raise `maxFileSize` in `.phi-guard.json`, or ignore them explicitly.',
      },
      defaultConfiguration: { level: 'note' },
    },
    {
      id: RULE_ERROR_NOTIFICATION,
      name: 'RuleError',
      shortDescription: { text: 'A rule failed while analysing a file.' },
      fullDescription: {
        text: 'The rule threw an exception on the file; the scan went on, but that rule has no results for that file.',
      },
      help: {
        text: 'Report the rule error to the PHI Guard maintainers; the other rules still ran on the file.',
        markdown: 'Report the rule error to the PHI Guard maintainers; the other rules still ran on the file.',
      },
      defaultConfiguration: { level: 'warning' },
    },
    {
      id: FILE_NOTE_NOTIFICATION,
      name: 'FileNote',
      shortDescription: { text: 'A file was analysed after being read in an unusual way.' },
      fullDescription: {
        text: 'The file was not valid UTF-8 (read as Windows-1252) or was UTF-16 without a byte order mark; it was analysed, and its findings are in this run.',
      },
      help: {
        text: 'Save the file as UTF-8 so every tool reads it the same way.',
        markdown: 'Save the file as UTF-8 so every tool reads it the same way.',
      },
      defaultConfiguration: { level: 'note' },
    },
  ];
}

// ---- Locations ----

/** Encodes each path segment so spaces, `#` and `%` in file names give a valid relative URI. */
export function relativeUri(file: string): string {
  return file
    .split(/[\\/]/)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

export function rootUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function artifactLocation(file: string): SarifArtifactLocation {
  return { uri: relativeUri(file), uriBaseId: SRCROOT };
}

export function sarifRegion(range: Range): SarifRegion {
  const startLine = Math.max(1, range.start.line);
  const startColumn = Math.max(1, range.start.column);
  // SARIF rejects regions that end before they start; an engine bug must not break ingestion.
  const endsBeforeStart =
    range.end.line < startLine || (range.end.line === startLine && range.end.column < startColumn);
  return endsBeforeStart
    ? { startLine, startColumn, endLine: startLine, endColumn: startColumn }
    : { startLine, startColumn, endLine: range.end.line, endColumn: range.end.column };
}

function relatedLocation(related: RelatedLocation, index: number): SarifLocation {
  return {
    id: index + 1,
    physicalLocation: { artifactLocation: artifactLocation(related.file), region: sarifRegion(related.range) },
    message: { text: asSentence(related.message) },
  };
}

// ---- Results ----

function toResult(finding: Finding, ruleIndex: number): SarifResult {
  const result: SarifResult = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: finding.severity,
    message: { text: asSentence(finding.message) },
    locations: [
      { physicalLocation: { artifactLocation: artifactLocation(finding.file), region: sarifRegion(finding.range) } },
    ],
    partialFingerprints: {
      // GitHub's key: with it GitHub keeps our fingerprint instead of hashing the source line (which
      // would hash the flagged literal). v2: the hash of the code's shape, never of a value (fingerprint.ts).
      primaryLocationLineHash: finding.fingerprint,
      'phiGuard/v2': finding.fingerprint,
    },
    properties: {
      phiKinds: [...finding.phiKinds],
      hipaaIdentifiers: [...finding.hipaa.identifiers],
      hipaaSafeguards: [...finding.hipaa.safeguards],
      cwe: [...finding.cwe],
      precision: finding.precision,
      role: finding.role ?? 'production',
      ...(finding.roleReason ? { roleReason: finding.roleReason } : {}),
    },
  };
  if (finding.related.length > 0) result.relatedLocations = finding.related.map(relatedLocation);
  if (finding.suppressed) {
    const justification = finding.suppressed.justification.trim();
    result.suppressions = [{ kind: 'inSource', justification: justification || 'No reason given.' }];
  }
  return result;
}

function fileNoteNotification(note: FileNote): SarifNotification {
  return {
    level: 'note',
    message: { text: asSentence(`Read ${note.file}: ${note.detail}`) },
    descriptor: { id: FILE_NOTE_NOTIFICATION, index: 2 },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(note.file) } }],
  };
}

function skippedNotification(skip: SkippedFile): SarifNotification {
  return {
    level: 'note',
    message: { text: asSentence(`Skipped ${skip.file} (${skip.reason}): ${skip.detail}`) },
    descriptor: { id: SKIPPED_FILE_NOTIFICATION, index: 0 },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(skip.file) } }],
    properties: { reason: skip.reason },
  };
}

function ruleErrorNotification(error: RuleError, ruleIndexById: ReadonlyMap<string, number>): SarifNotification {
  const notification: SarifNotification = {
    level: 'warning',
    message: { text: asSentence(`Rule ${error.ruleId} failed on ${error.file}: ${error.message}`) },
    descriptor: { id: RULE_ERROR_NOTIFICATION, index: 1 },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(error.file) } }],
  };
  const ruleIndex = ruleIndexById.get(error.ruleId);
  if (ruleIndex !== undefined) notification.associatedRule = { id: error.ruleId, index: ruleIndex };
  return notification;
}

// ---- The log ----

export function buildSarifLog(result: ScanResult, rules: readonly Rule[]): SarifLog {
  const descriptors = rules.map((rule) => ruleDescriptor(rule.meta));
  const ruleIndexById = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));
  const indexFor = (finding: Finding): number => {
    const known = ruleIndexById.get(finding.ruleId);
    if (known !== undefined) return known;
    descriptors.push(syntheticDescriptor(finding));
    ruleIndexById.set(finding.ruleId, descriptors.length - 1);
    return descriptors.length - 1;
  };
  const results = sortFindings(result.findings).map((finding) => toResult(finding, indexFor(finding)));
  const notifications = [
    ...result.skipped.map(skippedNotification),
    ...result.ruleErrors.map((error) => ruleErrorNotification(error, ruleIndexById)),
    ...(result.notes ?? []).map(fileNoteNotification),
  ];
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: TOOL_INFORMATION_URI,
            rules: descriptors,
            notifications: notificationDescriptors(),
          },
        },
        // Skipped files and rule errors are reported, but the run itself completed.
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri(result.root) } },
        results,
        columnKind: 'utf16CodeUnits',
        // Findings the run found but does not report because of their file's role (tests, fixtures…).
        ...(result.hidden && result.hidden.total > 0 ? { properties: { hiddenByRole: { ...result.hidden.byRole } } } : {}),
      },
    ],
  };
}

export function formatSarif(result: ScanResult, rules: readonly Rule[]): string {
  return `${JSON.stringify(buildSarifLog(result, rules), null, 2)}\n`;
}
