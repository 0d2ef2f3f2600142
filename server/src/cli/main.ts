// Entry point of the `phi-guard` binary (bundled to dist/phi-guard.js): wires the real process,
// engine and language server to `run()`.
import { rules, scanWorkspace } from '../api';
import { startLanguageServer } from '../lsp/server';
import type { CliDeps } from './deps';
import { EXIT_ERROR, EXIT_INTERRUPTED, describeError, isDebug } from './errors';
import type { CliIo } from './io';
import { run } from './run';

// The composition root: the bundled rule pack goes to the scan and to the language server.
const deps: CliDeps = {
  scanWorkspace: (options) => scanWorkspace(options, rules),
  getRules: () => rules,
  startLanguageServer: (options) => startLanguageServer({ ...options, rules }),
};

/** Last line of defence: a stray async error still ends as one line and exit 2, never a raw stack. */
function exitOnStrayError(error: unknown): void {
  const report = describeError(error, process.cwd(), isDebug(process.env));
  process.stderr.write(report.text);
  process.exit(EXIT_ERROR);
}

/** Ctrl-C aborts the scan (which then reports "scan cancelled"); a second Ctrl-C exits at once. */
function abortOnInterrupt(controller: AbortController): void {
  process.on('SIGINT', () => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    controller.abort();
    setTimeout(() => process.exit(EXIT_INTERRUPTED), 2000).unref();
  });
}

function main(): void {
  process.on('uncaughtException', exitOnStrayError);
  process.on('unhandledRejection', exitOnStrayError);
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

main();
