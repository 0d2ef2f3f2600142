// `phi-guard lsp --stdio | --node-ipc`: hand the process over to the language server.
import { UsageError, parseArgs } from './args';
import { LSP_OPTIONS } from './commands';
import type { CliDeps, LspTransport } from './deps';
import { EXIT_OK } from './errors';
import { lspHelp } from './help';
import { writeAll, type CliIo } from './io';

/** Returns undefined when the server runs: the process then lives as long as the connection. */
export async function runLsp(args: readonly string[], io: CliIo, deps: CliDeps): Promise<number | undefined> {
  const parsed = parseArgs(args, LSP_OPTIONS, 'lsp');
  if (parsed.flags.has('help')) {
    await writeAll(io.stdout, lspHelp());
    return EXIT_OK;
  }
  if (parsed.positionals.length > 0) throw new UsageError(`Unexpected argument '${parsed.positionals[0]}'.`, 'lsp');
  deps.startLanguageServer({ transport: chooseTransport(parsed.flags) });
  return undefined;
}

function chooseTransport(flags: ReadonlySet<string>): LspTransport {
  const stdio = flags.has('stdio');
  const ipc = flags.has('node-ipc');
  if (stdio && ipc) throw new UsageError("Choose one transport: '--stdio' or '--node-ipc', not both.", 'lsp');
  if (stdio) return 'stdio';
  if (ipc) return 'ipc';
  throw new UsageError("The language server needs a transport: '--stdio' or '--node-ipc'.", 'lsp');
}
