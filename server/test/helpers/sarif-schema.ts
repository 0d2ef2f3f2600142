// Validation of SARIF logs for tests: the official SARIF 2.1.0 JSON schema (ajv, draft 2020-12) and
// Microsoft's SARIF multitool with the SARIF and GitHub rule sets. Every SARIF log a test produces
// should go through `assertValidSarif`.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AssertionError } from 'node:assert';

const MULTITOOL_DIR = path.resolve(__dirname, '../../../node_modules/@microsoft/sarif-multitool-linux');
const SCHEMA_PATH = path.join(MULTITOOL_DIR, 'sarif-2.1.0.json');
const MULTITOOL_PATH = path.join(MULTITOOL_DIR, 'Sarif.Multitool');

let validator: ValidateFunction | undefined;

function sarifValidator(): ValidateFunction {
  if (!validator) {
    // strict: false — the published schema uses keywords/patterns ajv's strict mode rejects.
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);
  }
  return validator;
}

/** Throws an AssertionError listing every schema violation. */
export function assertValidSarif(log: unknown): void {
  const validate = sarifValidator();
  if (validate(log)) return;
  const problems = (validate.errors ?? [])
    .slice(0, 20)
    .map((error) => `  ${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
  throw new AssertionError({ message: `SARIF log does not match the SARIF 2.1.0 schema:\n${problems.join('\n')}` });
}

export interface MultitoolIssue {
  ruleId: string;
  level: string;
  message: string;
}

export interface MultitoolOutcome {
  /** Why the multitool could not run on this machine, when it could not. */
  unavailable?: string;
  errors: MultitoolIssue[];
  warnings: MultitoolIssue[];
  notes: MultitoolIssue[];
}

const MULTITOOL_ENV = {
  ...process.env,
  // The .NET runtime aborts without libicu; the multitool needs no culture data.
  DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1',
  DOTNET_CLI_TELEMETRY_OPTOUT: '1',
  DOTNET_NOLOGO: '1',
};

function ensureExecutable(): string | undefined {
  try {
    accessSync(MULTITOOL_PATH, constants.X_OK);
    return undefined;
  } catch {
    try {
      chmodSync(MULTITOOL_PATH, 0o755);
      return undefined;
    } catch (error) {
      return `cannot make ${MULTITOOL_PATH} executable: ${(error as Error).message}`;
    }
  }
}

/** Whether the multitool binary starts at all here; a reason string when it does not. */
export function multitoolUnavailableReason(): string | undefined {
  const notExecutable = ensureExecutable();
  if (notExecutable) return notExecutable;
  const probe = spawnSync(MULTITOOL_PATH, ['--version'], { env: MULTITOOL_ENV, encoding: 'utf8', timeout: 60_000 });
  if (probe.error) return `Sarif.Multitool cannot start: ${probe.error.message}`;
  if (probe.status !== 0) return `Sarif.Multitool --version exited ${probe.status}: ${probe.stderr || probe.stdout}`;
  return undefined;
}

interface ValidationRun {
  tool?: { driver?: { rules?: Array<{ id?: string; messageStrings?: Record<string, { text?: string }> }> } };
  results?: Array<{ ruleId?: string; ruleIndex?: number; level?: string; message?: { text?: string; id?: string; arguments?: string[] } }>;
}

interface ValidationLog {
  runs?: ValidationRun[];
}

/** The validator writes `message.id` + `arguments`; fill the rule's template so failures read well. */
function validationMessage(run: ValidationRun, result: NonNullable<ValidationRun['results']>[number]): string {
  const args = result.message?.arguments ?? [];
  const rule = run.tool?.driver?.rules?.[result.ruleIndex ?? -1];
  const template = result.message?.id ? rule?.messageStrings?.[result.message.id]?.text : undefined;
  if (template) return template.replace(/\{(\d+)\}/g, (_match, index: string) => args[Number(index)] ?? '');
  return [result.message?.text ?? '', ...args].join(' | ');
}

/**
 * Runs `Sarif.Multitool validate --rule-kind "Sarif;Gh" --level "Error;Warning;Note"` on the log and
 * sorts the validator's own results by level.
 */
export function validateWithMultitool(log: unknown): MultitoolOutcome {
  const unavailable = multitoolUnavailableReason();
  if (unavailable) return { unavailable, errors: [], warnings: [], notes: [] };
  const dir = mkdtempSync(path.join(tmpdir(), 'phi-guard-sarif-'));
  try {
    const input = path.join(dir, 'log.sarif');
    const output = path.join(dir, 'out.sarif');
    writeFileSync(input, JSON.stringify(log, null, 2));
    const run = spawnSync(
      MULTITOOL_PATH,
      ['validate', '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning;Note', input, '-o', output],
      { env: MULTITOOL_ENV, encoding: 'utf8', timeout: 120_000, cwd: dir },
    );
    if (run.error) throw new Error(`Sarif.Multitool validate failed to run: ${run.error.message}`);
    let validation: ValidationLog;
    try {
      validation = JSON.parse(readFileSync(output, 'utf8')) as ValidationLog;
    } catch (error) {
      throw new Error(
        `Sarif.Multitool wrote no readable out.sarif (exit ${run.status}): ${(error as Error).message}\n${run.stdout}\n${run.stderr}`,
      );
    }
    const issues = (validation.runs ?? []).flatMap((validationRun) =>
      (validationRun.results ?? []).map((result) => ({
        ruleId: result.ruleId ?? '?',
        level: result.level ?? 'warning',
        message: validationMessage(validationRun, result),
      })),
    );
    return {
      errors: issues.filter((issue) => issue.level === 'error'),
      warnings: issues.filter((issue) => issue.level === 'warning'),
      notes: issues.filter((issue) => issue.level === 'note'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatMultitoolIssues(issues: readonly MultitoolIssue[]): string {
  return issues.map((issue) => `  ${issue.level} ${issue.ruleId}: ${issue.message}`).join('\n');
}
