// The commands' option tables; the parser and `--help` both read them, so help never drifts.
import type { OptionSpec } from './args';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type ReportFormat = (typeof FORMATS)[number];
export const FAIL_ON = ['error', 'warning', 'note', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

const HELP: OptionSpec = { name: 'help', short: 'h', kind: 'flag', description: 'Show this help.' };

export const SCAN_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', kind: 'value', choices: FORMATS, valueName: 'FORMAT', description: 'Report format: text (default), json or sarif.' },
  { name: 'output', short: 'o', kind: 'value', valueName: 'FILE', description: 'Write the report to FILE; a one-line summary goes to stderr.' },
  {
    name: 'fail-on',
    kind: 'value',
    choices: FAIL_ON,
    valueName: 'LEVEL',
    description: 'Exit 1 when an unsuppressed finding is at or above LEVEL: error, warning (default), note or none.',
  },
  { name: 'config', short: 'c', kind: 'value', valueName: 'FILE', description: 'Use this config file for every file instead of the nearest .phi-guard.json.' },
  {
    name: 'roles',
    kind: 'value',
    valueName: 'ROLES',
    description: 'Report findings in files of these roles (comma-separated: production, script, development, unreachable, simulation, test, mock, fixture, story, e2e, generated, vendored, docs) or all. Default: each rule\'s own (production and scripts; real identifiers in tests too).',
  },
  {
    name: 'follow-external-links',
    kind: 'flag',
    description: 'Follow symbolic links that lead outside the scanned folders (default: skip them with a reason).',
  },
  { name: 'include-tests', kind: 'flag', description: 'Report findings in every file whatever its role (same as --roles all).' },
  { name: 'quiet', short: 'q', kind: 'flag', description: 'Print findings only: no summary, no progress.' },
  { name: 'verbose', kind: 'flag', description: 'List every skipped file with the reason.' },
  { name: 'show-suppressed', kind: 'flag', description: 'List suppressed findings in the text report (they are always counted).' },
  { name: 'no-color', kind: 'flag', description: 'No colours (also NO_COLOR=1, or when stdout is not a terminal; FORCE_COLOR=1 forces them).' },
  HELP,
];

export const RULES_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', kind: 'value', choices: ['text', 'json'], valueName: 'FORMAT', description: 'text (default) or json.' },
  { name: 'no-color', kind: 'flag', description: 'Accepted for symmetry with scan; the rule list has no colours.' },
  HELP,
];

export const LSP_OPTIONS: readonly OptionSpec[] = [
  { name: 'stdio', kind: 'flag', description: 'Talk LSP over stdin/stdout (any editor).' },
  { name: 'node-ipc', kind: 'flag', description: 'Talk LSP over Node IPC (VS Code starting the server as a Node module).' },
  // vscode-languageclient appends this to the server's arguments; the server watches that process.
  { name: 'clientProcessId', kind: 'value', valueName: 'PID', description: 'Exit when the editor process with this id ends.' },
  HELP,
];

export const EXPLAIN_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', kind: 'value', choices: ['text', 'json'], valueName: 'FORMAT', description: 'text (default) or json.' },
  HELP,
];

export const INIT_OPTIONS: readonly OptionSpec[] = [
  { name: 'force', kind: 'flag', description: 'Overwrite an existing .phi-guard.json.' },
  HELP,
];

export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  HELP,
  { name: 'version', short: 'v', kind: 'flag', description: 'Print the version.' },
];
