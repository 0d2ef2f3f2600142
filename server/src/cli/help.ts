// Help texts, built from the option tables in commands.ts.
import type { OptionSpec } from './args';
import { EXPLAIN_OPTIONS, GLOBAL_OPTIONS, INIT_OPTIONS, LSP_OPTIONS, RULES_OPTIONS, SCAN_OPTIONS } from './commands';
import { TOOL_VERSION } from '../report/tool-info';

function formatOptions(specs: readonly OptionSpec[]): string {
  const rows = specs.map((spec) => {
    const names = [spec.short ? `-${spec.short}, ` : '    ', `--${spec.name}`, spec.valueName ? ` ${spec.valueName}` : ''].join('');
    return { names, description: spec.description };
  });
  const width = Math.max(...rows.map((row) => row.names.length));
  return rows.map((row) => `  ${row.names.padEnd(width)}  ${row.description}`).join('\n');
}

export function globalHelp(): string {
  return `PHI Guard ${TOOL_VERSION} — finds protected health information leaking into logs, storage, URLs,
third parties and insecure transport in TypeScript/JavaScript/JSON workspaces.

Usage:
  phi-guard scan [paths…] [options]   Scan files or folders (default: the current folder)
  phi-guard rules [--format json]     List the rules
  phi-guard explain [kind|rule]       What a PHI kind or a rule means and why it matters
  phi-guard init [--force]            Write a starter .phi-guard.json here
  phi-guard lsp --stdio | --node-ipc  Run the language server for an editor
  phi-guard help [command]            Show help for a command

Options:
${formatOptions(GLOBAL_OPTIONS)}

Run 'phi-guard <command> --help' for a command's options.
`;
}

export function scanHelp(): string {
  return `Usage: phi-guard scan [paths…] [options]

Scans the given files and folders (default: the current folder). Configuration comes from the
nearest .phi-guard.json above each file, or from --config.

Options:
${formatOptions(SCAN_OPTIONS)}

Exit codes:
  0  no unsuppressed finding at or above --fail-on
  1  at least one such finding
  2  usage error, configuration error or internal error

Examples:
  phi-guard scan
  phi-guard scan src --format sarif --output phi-guard.sarif
  phi-guard scan --fail-on error --quiet
`;
}

export function rulesHelp(): string {
  return `Usage: phi-guard rules [options]

Lists every rule with its default severity, CWE, HIPAA references and description.

Options:
${formatOptions(RULES_OPTIONS)}
`;
}

export function lspHelp(): string {
  return `Usage: phi-guard lsp --stdio | --node-ipc

Runs the PHI Guard language server. Editors start it; it is not meant to be run by hand.

Options:
${formatOptions(LSP_OPTIONS)}
`;
}

export function explainHelp(): string {
  return `Usage: phi-guard explain [kind|rule] [options]

Explains a PHI kind (ssn, date-of-birth, mrn, diagnosis, …: its HIPAA Safe Harbor identifier,
sensitivity and the names that carry it) or a rule (why it matters, CWE, HIPAA). Without an
argument, lists the kinds and the rules.

Options:
${formatOptions(EXPLAIN_OPTIONS)}
`;
}

export function initHelp(): string {
  return `Usage: phi-guard init [--force]

Writes a starter .phi-guard.json (JSON with comments) into the current folder.

Options:
${formatOptions(INIT_OPTIONS)}
`;
}

export const COMMAND_HELP: Record<string, () => string> = {
  scan: scanHelp,
  rules: rulesHelp,
  explain: explainHelp,
  init: initHelp,
  lsp: lspHelp,
};
