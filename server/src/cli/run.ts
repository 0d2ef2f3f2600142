// Dispatches `phi-guard <command>` and turns every failure into a message and an exit code.
import { UsageError, parseArgs } from './args';
import { GLOBAL_OPTIONS } from './commands';
import type { CliDeps } from './deps';
import { EXIT_ERROR, EXIT_OK, describeError, isDebug } from './errors';
import { COMMAND_HELP, globalHelp } from './help';
import { writeAll, type CliIo } from './io';
import { runExplain } from './explain-command';
import { runInit } from './init-command';
import { runLsp } from './lsp-command';
import { runRules } from './rules-command';
import { runScan } from './scan-command';
import { TOOL_VERSION } from '../report/tool-info';

const COMMANDS: Record<string, (args: readonly string[], io: CliIo, deps: CliDeps) => Promise<number | undefined>> = {
  scan: runScan,
  rules: runRules,
  explain: runExplain,
  init: runInit,
  lsp: runLsp,
  help: runHelp,
};

/**
 * Runs the CLI. Resolves to the exit code, or to undefined when a long-running command (the
 * language server) now owns the process.
 */
export async function run(argv: readonly string[], io: CliIo, deps: CliDeps): Promise<number | undefined> {
  try {
    return await dispatch(argv, io, deps);
  } catch (error) {
    const report = describeError(error, io.cwd, isDebug(io.env));
    await writeAll(io.stderr, report.text).catch(() => undefined);
    return report.exitCode;
  }
}

async function dispatch(argv: readonly string[], io: CliIo, deps: CliDeps): Promise<number | undefined> {
  const commandIndex = argv.findIndex((arg) => !arg.startsWith('-'));
  const globalArgs = commandIndex === -1 ? argv : argv.slice(0, commandIndex);
  const global = parseArgs(globalArgs, GLOBAL_OPTIONS, '');
  if (global.flags.has('version')) {
    await writeAll(io.stdout, `${TOOL_VERSION}\n`);
    return EXIT_OK;
  }
  if (global.flags.has('help')) {
    await writeAll(io.stdout, globalHelp());
    return EXIT_OK;
  }
  if (commandIndex === -1) {
    await writeAll(io.stderr, globalHelp());
    return EXIT_ERROR;
  }
  const name = argv[commandIndex]!;
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`Unknown command '${name}' (commands: scan, rules, explain, init, lsp, help).`, '');
  return command(argv.slice(commandIndex + 1), io, deps);
}

async function runHelp(args: readonly string[], io: CliIo): Promise<number> {
  const topic = args[0];
  if (topic === undefined) {
    await writeAll(io.stdout, globalHelp());
    return EXIT_OK;
  }
  const help = COMMAND_HELP[topic];
  if (!help) throw new UsageError(`No help for unknown command '${topic}'.`, '');
  await writeAll(io.stdout, help());
  return EXIT_OK;
}
