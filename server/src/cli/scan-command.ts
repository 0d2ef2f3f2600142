// `phi-guard scan [paths…]`: run the engine, write the report, pick the exit code.
import { lstatSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { didYouMean, FILE_ROLES, type AnyRule as Rule, type FileRole, type ScanResult } from '../engine';
import { formatJson } from '../report/json';
import { formatSarif } from '../report/sarif';
import { hasFailingFinding } from '../report/summary';
import { formatOneLineSummary, formatText } from '../report/text';
import { UsageError, parseArgs } from './args';
import { SCAN_OPTIONS, type FailOn, type ReportFormat } from './commands';
import type { CliDeps } from './deps';
import { CliError, EXIT_FINDINGS, EXIT_OK, displayPath } from './errors';
import { scanHelp } from './help';
import { shouldUseColor, writeAll, type CliIo } from './io';
import { createProgress } from './progress';

export interface ScanCommandOptions {
  paths: string[];
  format: ReportFormat;
  output?: string;
  failOn: FailOn;
  configFile?: string;
  quiet: boolean;
  verbose: boolean;
  showSuppressed: boolean;
  noColor: boolean;
  /** The roles whose findings are reported; undefined: each rule's own. */
  reportRoles?: 'all' | FileRole[];
  followExternalLinks: boolean;
}

export function parseScanOptions(args: readonly string[], cwd: string): ScanCommandOptions | 'help' {
  const parsed = parseArgs(args, SCAN_OPTIONS, 'scan');
  if (parsed.flags.has('help')) return 'help';
  const paths = (parsed.positionals.length > 0 ? parsed.positionals : ['.']).map((given) => {
    const absolute = path.resolve(cwd, given);
    if (!exists(absolute)) throw new UsageError(`Path not found: '${given}'.`, 'scan');
    return absolute;
  });
  const config = parsed.values.get('config');
  const configFile = config === undefined ? undefined : path.resolve(cwd, config);
  // Something that is not a regular file (a folder, a FIFO, a dangling link) is the engine's to report:
  // a configuration error naming it (exit 2), never a config silently left out.
  if (configFile !== undefined && !existsAtAll(configFile)) throw new UsageError(`Config file not found: '${config}'.`, 'scan');
  const output = parsed.values.get('output');
  return {
    paths,
    format: (parsed.values.get('format') ?? 'text') as ReportFormat,
    output: output === undefined ? undefined : path.resolve(cwd, output),
    failOn: (parsed.values.get('fail-on') ?? 'warning') as FailOn,
    configFile,
    quiet: parsed.flags.has('quiet'),
    verbose: parsed.flags.has('verbose'),
    showSuppressed: parsed.flags.has('show-suppressed'),
    noColor: parsed.flags.has('no-color'),
    reportRoles: parsed.flags.has('include-tests') ? 'all' : parseRoles(parsed.values.get('roles')),
    followExternalLinks: parsed.flags.has('follow-external-links'),
  };
}

/** `--roles test,production` or `--roles all`; an unknown role is a usage error with a suggestion. */
function parseRoles(given: string | undefined): 'all' | FileRole[] | undefined {
  if (given === undefined) return undefined;
  if (given.trim() === 'all') return 'all';
  const roles = given.split(',').map((role) => role.trim()).filter((role) => role !== '');
  for (const role of roles) {
    if (!(FILE_ROLES as readonly string[]).includes(role)) {
      const suggestion = didYouMean(role, FILE_ROLES);
      throw new UsageError(`Unknown role '${role}' for '--roles'${suggestion ? `; did you mean '${suggestion}'?` : ''} (roles: ${FILE_ROLES.join(', ')}, or all).`, 'scan');
    }
  }
  if (roles.length === 0) throw new UsageError(`'--roles' needs at least one role (${FILE_ROLES.join(', ')}) or all.`, 'scan');
  return roles as FileRole[];
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

function existsAtAll(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

export async function runScan(args: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  const options = parseScanOptions(args, io.cwd);
  if (options === 'help') {
    await writeAll(io.stdout, scanHelp());
    return EXIT_OK;
  }
  const result = await scanWithProgress(options, io, deps);
  const rules = deps.getRules();
  if (options.output !== undefined) {
    writeReportFile(options.output, renderReport(result, rules, options, false));
    if (!options.quiet) {
      await writeAll(io.stderr, `phi-guard: ${formatOneLineSummary(result)}; report written to ${displayPath(options.output, io.cwd)}\n`);
    }
  } else {
    const color = options.format === 'text' && shouldUseColor(options.noColor, io.env, io.stdout);
    await writeAll(io.stdout, renderReport(result, rules, options, color));
    // JSON/SARIF on stdout is for machines; the person watching still gets the gist on stderr.
    if (options.format !== 'text' && !options.quiet) await writeAll(io.stderr, `phi-guard: ${formatOneLineSummary(result)}\n`);
  }
  return hasFailingFinding(result, options.failOn) ? EXIT_FINDINGS : EXIT_OK;
}

async function scanWithProgress(options: ScanCommandOptions, io: CliIo, deps: CliDeps): Promise<ScanResult> {
  const progress = createProgress(io.stderr, !options.quiet);
  try {
    return await deps.scanWorkspace({
      paths: options.paths,
      cwd: io.cwd,
      configFile: options.configFile,
      reportRoles: options.reportRoles,
      followExternalLinks: options.followExternalLinks,
      onProgress: ({ done, total }) => progress.update(done, total),
      signal: io.signal,
    });
  } finally {
    progress.clear();
  }
}

export function renderReport(result: ScanResult, rules: readonly Rule[], options: ScanCommandOptions, color: boolean): string {
  switch (options.format) {
    case 'json':
      return formatJson(result, rules);
    case 'sarif':
      return formatSarif(result, rules);
    case 'text':
      return formatText(result, rules, {
        color,
        quiet: options.quiet,
        verbose: options.verbose,
        showSuppressed: options.showSuppressed,
      });
  }
}

function writeReportFile(file: string, report: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, report);
  } catch (error) {
    throw new CliError(`Cannot write the report to '${file}': ${(error as Error).message}`);
  }
}
