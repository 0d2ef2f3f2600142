// How the CLI turns failures into one clear line and an exit code. Stack traces only on request
// (PHI_GUARD_DEBUG=1): users should see what went wrong, not our internals.
import path from 'node:path';
import { ConfigError } from '../engine';
import { UsageError } from './args';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;
/** 128 + SIGINT, what shells report for Ctrl-C. */
export const EXIT_INTERRUPTED = 130;

/** An expected failure with a message for the user (e.g. the report file cannot be written). */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

interface ConfigErrorLike {
  file: string;
  line: number;
  column: number;
  reason: string;
}

function asConfigError(error: unknown): ConfigErrorLike | undefined {
  if (!(error instanceof ConfigError)) return undefined;
  return { file: error.file, line: error.line, column: error.column, reason: error.reason };
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** A path relative to `cwd` when it is inside it, else as given. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

export interface ErrorReport {
  text: string;
  exitCode: number;
}

export function describeError(error: unknown, cwd: string, debug: boolean): ErrorReport {
  if (error instanceof UsageError) {
    const help = error.command ? `phi-guard ${error.command} --help` : 'phi-guard --help';
    return { text: `phi-guard: ${error.message}\nRun '${help}' for usage.\n`, exitCode: EXIT_ERROR };
  }
  const configError = asConfigError(error);
  if (configError) {
    const where = `${displayPath(configError.file, cwd)}:${configError.line}:${configError.column}`;
    return { text: `${where} ${oneLine(configError.reason)}\n`, exitCode: EXIT_ERROR };
  }
  if (isAbortError(error)) return { text: 'phi-guard: scan cancelled\n', exitCode: EXIT_INTERRUPTED };
  if (error instanceof CliError) return { text: `phi-guard: ${oneLine(error.message)}\n`, exitCode: EXIT_ERROR };
  const message = error instanceof Error ? `${error.name}: ${oneLine(error.message)}` : oneLine(String(error));
  const detail =
    debug && error instanceof Error && error.stack
      ? `${error.stack}\n`
      : 'Set PHI_GUARD_DEBUG=1 to see the stack trace, and please report this bug.\n';
  return { text: `phi-guard: internal error: ${message}\n${detail}`, exitCode: EXIT_ERROR };
}

export function isDebug(env: Record<string, string | undefined>): boolean {
  const value = env.PHI_GUARD_DEBUG;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}
