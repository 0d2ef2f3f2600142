// The CLI in a real process: signals, stray errors, the exit code. main.ts hands it the rule pack;
// a test entry may hand it another one (server/test/lsp/stray-error-cli.ts).
import type { AnyRule, ScanResult } from '../engine';
import { startLanguageServer } from '../lsp/server';
import type { CliDeps, ScanOptions } from './deps';
import { EXIT_ERROR, EXIT_INTERRUPTED, describeError, isDebug } from './errors';
import type { CliIo } from './io';
import { run } from './run';

export interface CliComposition {
  rules: readonly AnyRule[];
  scanWorkspace(options: ScanOptions, rules: readonly AnyRule[]): Promise<ScanResult>;
}

/** Last line of defence of a CLI command: a stray async error still ends as one line and exit 2, never a raw stack. */
function exitOnStrayError(error: unknown): void {
  const report = describeError(error, process.cwd(), isDebug(process.env));
  process.stderr.write(report.text);
  process.exit(EXIT_ERROR);
}

function installStrayErrorHandlers(): void {
  process.on('uncaughtException', exitOnStrayError);
  process.on('unhandledRejection', exitOnStrayError);
}

/**
 * The language server has handlers of its own that log a stray error and keep serving: one bad
 * message must not end the editor's session, as the CLI's exit-on-error would.
 */
function removeStrayErrorHandlers(): void {
  process.off('uncaughtException', exitOnStrayError);
  process.off('unhandledRejection', exitOnStrayError);
}

/** Ctrl-C aborts the scan (which then reports "scan cancelled"); a second Ctrl-C exits at once. */
function abortOnInterrupt(controller: AbortController): void {
  process.on('SIGINT', () => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    controller.abort();
    setTimeout(() => process.exit(EXIT_INTERRUPTED), 2000).unref();
  });
}

export function startCli(composition: CliComposition): void {
  const { rules } = composition;
  // The composition root: the rule pack goes to the scan and to the language server.
  const deps: CliDeps = {
    scanWorkspace: (options) => composition.scanWorkspace(options, rules),
    getRules: () => rules,
    startLanguageServer: (options) => {
      removeStrayErrorHandlers();
      startLanguageServer({ ...options, rules });
    },
  };
  installStrayErrorHandlers();
  // `phi-guard scan | head` closes the pipe early; that is not an error worth a message.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    exitOnStrayError(error);
  });
  const controller = new AbortController();
  abortOnInterrupt(controller);
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), signal: controller.signal };
  run(process.argv.slice(2), io, deps).then((exitCode) => {
    // undefined: the language server now owns the process and ends it itself.
    if (exitCode !== undefined) process.exit(exitCode);
  }, exitOnStrayError);
}
