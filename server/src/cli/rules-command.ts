// `phi-guard rules`: the rule catalogue as a table or JSON.
import { docsUrl, type AnyRule as Rule } from '../engine';
import { TOOL_NAME, TOOL_VERSION } from '../report/tool-info';
import { parseArgs } from './args';
import { RULES_OPTIONS } from './commands';
import type { CliDeps } from './deps';
import { EXIT_OK } from './errors';
import { rulesHelp } from './help';
import { writeAll, type CliIo } from './io';

export async function runRules(args: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  const parsed = parseArgs(args, RULES_OPTIONS, 'rules');
  if (parsed.flags.has('help')) {
    await writeAll(io.stdout, rulesHelp());
    return EXIT_OK;
  }
  const rules = [...deps.getRules()].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  const format = parsed.values.get('format') ?? 'text';
  await writeAll(io.stdout, format === 'json' ? formatRulesJson(rules) : formatRulesTable(rules));
  return EXIT_OK;
}

export function formatRulesJson(rules: readonly Rule[]): string {
  const list = rules.map(({ meta }) => ({
    id: meta.id,
    description: meta.description,
    rationale: meta.rationale,
    category: meta.category,
    defaultSeverity: meta.defaultSeverity,
    cwe: meta.cwe,
    hipaa: meta.hipaa,
    precision: meta.precision,
    securitySeverity: meta.securitySeverity,
    fixable: meta.fixable ?? false,
    languages: meta.languages,
    docsUrl: docsUrl(meta.id),
  }));
  return `${JSON.stringify({ version: 1, tool: { name: TOOL_NAME, version: TOOL_VERSION }, rules: list }, null, 2)}\n`;
}

export function formatRulesTable(rules: readonly Rule[]): string {
  const header = ['RULE', 'SEVERITY', 'CWE', 'HIPAA', 'DESCRIPTION'];
  const rows = rules.map(({ meta }) => [
    meta.id,
    meta.defaultSeverity,
    meta.cwe.join(', ') || '-',
    meta.hipaa.join(', ') || '-',
    meta.description,
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const formatRow = (row: string[]) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  const footer = `\n${rules.length} rules. Each rule's documentation: ${docsUrl('<rule>')}\n`;
  return `${[header, ...rows].map(formatRow).join('\n')}\n${footer}`;
}
