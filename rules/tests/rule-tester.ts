// Table tests for rules, in the manner of ESLint's RuleTester: `valid` code must produce no finding of
// the rule, each `invalid` case exactly the listed findings (line, column, optionally message text,
// kinds) and, when `output` is given, the text after applying every finding's first fix.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { isReportedInRole } from '../../server/src/engine/roles';
import { RULES } from '../../server/test/helpers/rules';
import { analyzeFile } from '../../server/src/engine/analyze';
import { resolveConfig } from '../../server/src/engine/config';
import type { PhiGuardConfigFile } from '../../server/src/core/config-types';
import type { Finding } from '../../server/src/core/types';
import { WorkspaceIndex } from '../../server/src/engine/workspace-index';

export interface ExpectedFinding {
  line: number;
  column: number;
  /** Defaults to the rule under test. */
  ruleId?: string;
  /** A substring the message must contain. */
  message?: string;
  /** Exactly these PHI kinds. */
  kinds?: string[];
  severity?: Finding['severity'];
}

export interface ValidCase {
  code: string;
  /** Decides the language: .ts (default), .tsx, .js, .json … */
  filename?: string;
  config?: PhiGuardConfigFile;
  /** Other workspace files (types declared elsewhere), path → text. */
  workspace?: Record<string, string>;
  /** The environment the repository ships (env files, compose, Dockerfile, run scripts): variable → values set. */
  environment?: Record<string, string[]>;
  /** Console methods the file's app replaces with no-ops in its entry page or entry module. */
  silencedConsole?: string[];
  name?: string;
  /** Report findings in every file role (as `--include-tests`); by default tests, mocks… are not reported, as for users. */
  allRoles?: boolean;
  /** The engine may leave the file unanalysed (for `unanalysed-file`); otherwise a skip fails the test. */
  allowSkip?: boolean;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** Text after applying each finding's first fix; null asserts that no finding has a fix. */
  output?: string | null;
}

export interface RuleTestTable {
  valid: Array<string | ValidCase>;
  invalid: InvalidCase[];
}

const WORKSPACE = path.resolve('/virtual-workspace');

export function runCase(testCase: ValidCase): Finding[] {
  const filename = testCase.filename ?? 'src/example.ts';
  const index = new WorkspaceIndex();
  for (const [file, text] of Object.entries(testCase.workspace ?? {})) index.addFile(file, text);
  index.addFile(filename, testCase.code);
  const resolved = resolveConfig(testCase.config ?? {}, undefined, WORKSPACE);
  const environmentConfig = testCase.environment ? { ...resolved, shippedEnvironment: testCase.environment } : resolved;
  const config = testCase.silencedConsole ? { ...environmentConfig, silencedConsole: testCase.silencedConsole } : environmentConfig;
  const result = analyzeFile({ absPath: path.join(WORKSPACE, filename), relPath: filename, text: testCase.code, config, index, today: '2026-11-29', rules: RULES });
  if (result.skipped && !testCase.allowSkip) throw new Error(`test code was skipped: ${result.skipped.reason} ${result.skipped.detail}`);
  if (result.ruleErrors.length) throw new Error(`rule error: ${result.ruleErrors.map((error) => `${error.ruleId}: ${error.message}`).join('; ')}`);
  return result.findings.filter((finding) => isReportedInRole(finding, RULES.get(finding.ruleId)?.meta.roles, testCase.allRoles ? 'all' : undefined));
}

/** Applies the first fix of every finding, last edit first (edits of one file never overlap). */
export function applyFirstFixes(text: string, findings: Finding[]): string {
  const edits = findings.flatMap((finding) => finding.fixes[0]?.edits ?? []).sort((a, b) => b.range.startOffset - a.range.startOffset);
  let output = text;
  for (const edit of edits) output = output.slice(0, edit.range.startOffset) + edit.text + output.slice(edit.range.endOffset);
  return output;
}

function describeFindings(findings: Finding[]): string {
  return findings.map((finding) => `${finding.range.start.line}:${finding.range.start.column} ${finding.ruleId} [${finding.phiKinds.join(',')}] ${finding.message}`).join('\n    ') || '(none)';
}

function title(testCase: ValidCase): string {
  return testCase.name ?? testCase.code.replace(/\s+/g, ' ').trim().slice(0, 90);
}

export function runRuleTests(ruleId: string, table: RuleTestTable): void {
  describe(ruleId, () => {
    describe('valid', () => {
      for (const entry of table.valid) {
        const testCase = typeof entry === 'string' ? { code: entry } : entry;
        it(title(testCase), () => {
          const findings = runCase(testCase).filter((finding) => finding.ruleId === ruleId);
          assert.equal(findings.length, 0, `expected no ${ruleId} finding, got:\n    ${describeFindings(findings)}`);
        });
      }
    });
    describe('invalid', () => {
      for (const testCase of table.invalid) {
        it(title(testCase), () => {
          const ruleIds = new Set(testCase.errors.map((error) => error.ruleId ?? ruleId));
          const findings = runCase(testCase).filter((finding) => ruleIds.has(finding.ruleId));
          const summary = `got:\n    ${describeFindings(findings)}`;
          assert.equal(findings.length, testCase.errors.length, `expected ${testCase.errors.length} finding(s), ${summary}`);
          testCase.errors.forEach((expected, i) => {
            const actual = findings[i];
            assert.equal(actual.ruleId, expected.ruleId ?? ruleId, summary);
            assert.deepEqual([actual.range.start.line, actual.range.start.column], [expected.line, expected.column], `position of finding ${i + 1}, ${summary}`);
            if (expected.message) assert.ok(actual.message.includes(expected.message), `message "${actual.message}" should contain "${expected.message}"`);
            if (expected.kinds) assert.deepEqual(actual.phiKinds, [...expected.kinds].sort(), `kinds of finding ${i + 1}, ${summary}`);
            if (expected.severity) assert.equal(actual.severity, expected.severity, summary);
          });
          if (testCase.output === null) {
            assert.ok(findings.every((finding) => finding.fixes.length === 0), 'expected no fix');
          } else if (testCase.output !== undefined) {
            assert.equal(applyFirstFixes(testCase.code, findings), testCase.output);
          }
        });
      }
    });
  });
}
