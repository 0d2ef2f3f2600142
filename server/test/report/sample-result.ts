// Hand-made engine output for the reporter tests, so they do not depend on the engine or the rules.
import type { Rule, RuleMeta } from '../../src/rule-api';
import type { Finding, Range, ScanResult } from '../../src/core/types';

export function range(line: number, column: number, endLine: number, endColumn: number): Range {
  // Offsets are not used by the reporters; a rough value keeps the shape realistic.
  return { start: { line, column }, end: { line: endLine, column: endColumn }, startOffset: line * 100 + column, endOffset: endLine * 100 + endColumn };
}

function meta(overrides: Partial<RuleMeta> & Pick<RuleMeta, 'id'>): RuleMeta {
  return {
    description: 'Describes the rule',
    rationale: 'Explains why the rule matters',
    category: 'logging',
    defaultSeverity: 'error',
    cwe: [],
    hipaa: [],
    precision: 'high',
    securitySeverity: 5,
    messages: {},
    schema: {},
    languages: ['code'],
    ...overrides,
  };
}

function rule(ruleMeta: RuleMeta): Rule {
  return { meta: ruleMeta, defaultOptions: {}, create: () => ({}) };
}

export const sampleRules: readonly Rule[] = [
  rule(
    meta({
      id: 'no-phi-in-logs',
      description: 'PHI must not be written to logs',
      rationale: 'Log files are copied, shipped and kept far longer than the data they mention, and are rarely access controlled like the clinical record.',
      category: 'logging',
      defaultSeverity: 'error',
      cwe: ['CWE-532'],
      hipaa: ['164.312(b)', '164.502(b)'],
      precision: 'high',
      securitySeverity: 7.5,
    }),
  ),
  rule(
    meta({
      id: 'no-cleartext-transport',
      description: 'Data must not travel over http:// or ws://.',
      rationale: 'Unencrypted transport exposes PHI to anyone on the network path.',
      category: 'transport',
      defaultSeverity: 'warning',
      cwe: ['CWE-319'],
      hipaa: ['164.312(e)(1)'],
      precision: 'medium',
      securitySeverity: 6,
    }),
  ),
  rule(
    meta({
      id: 'no-tls-verification-disabled',
      description: 'TLS certificate verification must stay on',
      rationale: 'Turning verification off allows a machine in the middle to read and alter the traffic.',
      category: 'transport',
      defaultSeverity: 'error',
      cwe: ['CWE-295'],
      hipaa: ['164.312(e)(2)(ii)'],
      precision: 'very-high',
      securitySeverity: 8.1,
    }),
  ),
];

function finding(overrides: Partial<Finding> & Pick<Finding, 'ruleId' | 'file' | 'range'>): Finding {
  return {
    severity: 'error',
    message: 'SSN is written to a log',
    related: [],
    phiKinds: ['ssn'],
    hipaa: { identifiers: [7], safeguards: ['164.312(b)'] },
    cwe: ['CWE-532'],
    fingerprint: `fp-${overrides.ruleId}-${overrides.file}-${overrides.range.start.line}`,
    fixes: [],
    precision: 'high',
    ...overrides,
  };
}

/** A string literal value that appears in the (imaginary) source; no report may contain it. */
export const SECRET_LITERAL = '123-45-6789';

export function sampleScanResult(root = '/work/clinic app'): ScanResult {
  return {
    root,
    filesScanned: 4,
    bytesScanned: 5321,
    durationMs: 42,
    configFiles: ['.phi-guard.json'],
    findings: [
      finding({
        ruleId: 'no-phi-in-logs',
        file: 'src/report.ts',
        range: range(5, 15, 5, 26),
        message: 'SSN is written to a log',
        related: [{ file: 'src/patient.ts', range: range(2, 3, 2, 6), message: 'SSN read from `patient.ssn`' }],
        fixes: [
          {
            description: 'Wrap with redact()',
            edits: [{ range: range(5, 15, 5, 26), text: `redact('${SECRET_LITERAL}')` }],
          },
        ],
      }),
      finding({
        ruleId: 'no-cleartext-transport',
        file: 'src/report.ts',
        severity: 'warning',
        range: range(9, 16, 9, 52),
        message: 'Request sent over http://',
        phiKinds: [],
        hipaa: { identifiers: [], safeguards: ['164.312(e)(1)'] },
        cwe: ['CWE-319'],
        precision: 'medium',
      }),
      finding({
        ruleId: 'no-tls-verification-disabled',
        file: 'src/db client.ts',
        range: range(3, 3, 3, 28),
        message: 'TLS certificate verification is turned off',
        phiKinds: [],
        hipaa: { identifiers: [], safeguards: ['164.312(e)(2)(ii)'] },
        cwe: ['CWE-295'],
      }),
      finding({
        ruleId: 'no-phi-in-logs',
        file: 'src/audit.ts',
        severity: 'note',
        range: range(12, 5, 12, 30),
        message: 'Date of birth is written to a log',
        phiKinds: ['date-of-birth'],
        hipaa: { identifiers: [3], safeguards: ['164.312(b)'] },
        suppressed: { kind: 'inSource', justification: 'synthetic test data only', range: range(11, 1, 11, 70) },
      }),
      finding({
        // Not in the rule list: the engine's own check of suppression comments.
        ruleId: 'suppression-without-reason',
        file: 'src/audit.ts',
        severity: 'warning',
        range: range(20, 1, 20, 40),
        message: 'Suppression comment gives no reason',
        phiKinds: [],
        hipaa: { identifiers: [], safeguards: [] },
        cwe: [],
      }),
    ],
    skipped: [
      { file: 'vendor/big.js', reason: 'too-large', detail: '2.3 MB exceeds the 1 MB limit' },
      { file: 'src/broken.ts', reason: 'parse-error', detail: "3:7 ')' expected" },
    ],
    ruleErrors: [{ ruleId: 'no-phi-in-logs', file: 'src/weird.ts', message: 'Cannot read properties of undefined' }],
  };
}

export function emptyScanResult(root = '/work/clean'): ScanResult {
  return { root, filesScanned: 2, bytesScanned: 300, durationMs: 5, configFiles: [], findings: [], skipped: [], ruleErrors: [] };
}
