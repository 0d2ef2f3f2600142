// A workspace scan: resolve configs, discover files, read them, index the types they declare, then
// analyse each file. Every file that cannot be read or parsed ends as a skip with its reason; the
// scan goes on.
import * as path from 'node:path';
import { analyzeFile, crossFileFindings, knownRuleIds, todayIso, type CrossFileMatch } from './analyze';
import { ConfigResolver } from './config';
import { discoverFiles, type DiscoveredFile } from './discover';
import type { ScanOptions } from './index';
import { readSourceFile } from './read';
import type { CrossFileFlows, ExportedSink, Finding, RuleError, ScanResult, SkippedFile } from './types';
import { WorkspaceIndex } from './workspace-index';

/** Files analysed between yields to the event loop, so progress and cancellation stay responsive. */
const FILES_PER_SLICE = 25;

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('The scan was cancelled', 'AbortError');
}

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function commonAncestor(paths: string[]): string {
  let ancestor = paths[0];
  for (const candidate of paths.slice(1)) {
    while (!isInside(ancestor, candidate)) ancestor = path.dirname(ancestor);
  }
  return ancestor;
}

/** Findings are relative to the working directory (what CI and GitHub expect), or to the scanned paths' common folder when they lie outside it. */
export function scanRoot(absolutePaths: string[], cwd: string): string {
  if (absolutePaths.every((candidate) => isInside(cwd, candidate))) return cwd;
  return commonAncestor(absolutePaths);
}

interface LoadedFile {
  file: DiscoveredFile;
  text: string;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function scanWorkspace(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const cwd = path.resolve(options.cwd);
  const roots = (options.paths.length ? options.paths : [cwd]).map((candidate) => path.resolve(cwd, candidate));
  const root = scanRoot(roots, cwd);
  const resolver = new ConfigResolver({ knownRuleIds, explicitConfigFile: options.configFile, fallbackBaseDir: root });
  if (options.configFile) resolver.forFile(path.join(root, '.'));
  const discovery = await discoverFiles(roots, { root, configFor: (candidate) => resolver.forFile(candidate), signal: options.signal });
  const skipped: SkippedFile[] = [...discovery.skipped];
  const index = new WorkspaceIndex();
  const loaded: LoadedFile[] = [];
  let bytesScanned = 0;
  for (const file of discovery.files) {
    const config = resolver.forFile(file.absPath);
    const read = readSourceFile(file.absPath, config.maxFileSize);
    if (!read.ok) {
      skipped.push({ file: file.relPath, reason: read.reason, detail: read.detail });
      continue;
    }
    bytesScanned += read.bytes;
    if (file.language === 'code') index.addFile(file.relPath, read.text);
    loaded.push({ file, text: read.text });
  }
  throwIfAborted(options.signal);

  const findings: Finding[] = [];
  const ruleErrors: RuleError[] = [];
  const flows = new Map<LoadedFile, CrossFileFlows>();
  const today = todayIso();
  let filesScanned = 0;
  for (let i = 0; i < loaded.length; i++) {
    if (i % FILES_PER_SLICE === 0 && i > 0) {
      await yieldToEventLoop();
      throwIfAborted(options.signal);
    }
    const { file, text } = loaded[i];
    const result = analyzeFile({ absPath: file.absPath, relPath: file.relPath, text, config: resolver.forFile(file.absPath), index, today, collectFlows: true });
    ruleErrors.push(...result.ruleErrors);
    if (result.skipped) skipped.push(result.skipped);
    else {
      filesScanned++;
      findings.push(...result.findings);
      if (result.flows) flows.set(loaded[i], result.flows);
    }
    options.onProgress?.({ done: i + 1, total: loaded.length, file: file.relPath });
  }
  throwIfAborted(options.signal);
  // Cross-file pass: summarise only the exports other files call with PHI, then join.
  const byKey = new Map(loaded.map((entry) => [moduleKey(entry.file.absPath), entry]));
  for (const [target, exportNames] of wantedExports(flows)) {
    const entry = byKey.get(target);
    if (!entry) continue;
    const result = analyzeFile({ absPath: entry.file.absPath, relPath: entry.file.relPath, text: entry.text, config: resolver.forFile(entry.file.absPath), index, today, probeExports: [...exportNames] });
    if (result.flows?.exports.length) flows.set(entry, { exports: result.flows.exports, calls: flows.get(entry)?.calls ?? [] });
  }
  for (const { file, text, matches } of joinCrossFileFlows(flows)) {
    findings.push(...crossFileFindings({ absPath: file.absPath, relPath: file.relPath, text, config: resolver.forFile(file.absPath), index, today }, matches));
  }
  skipped.sort((a, b) => a.file.localeCompare(b.file));
  return {
    root,
    filesScanned,
    bytesScanned,
    findings,
    skipped,
    ruleErrors,
    durationMs: Math.round(performance.now() - started),
    configFiles: resolver.configFiles().map((configFile) => path.relative(root, configFile).split(path.sep).join('/')),
  };
}

const MODULE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** The path of a module without its extension (`/ws/src/lib/store`), the key relative imports resolve to. */
function moduleKey(absPath: string): string {
  const extension = path.extname(absPath);
  const bare = MODULE_EXTENSIONS.includes(extension) ? absPath.slice(0, -extension.length) : absPath;
  return bare.endsWith(`${path.sep}index`) ? bare.slice(0, -'/index'.length) : bare;
}

/** `./store`, `../lib/store.js` (TypeScript's ESM spelling of store.ts), `./store/index`. */
function resolveRelativeImport(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return moduleKey(path.resolve(path.dirname(fromFile), specifier));
}

/** Module key → the export names that some file calls with PHI arguments. */
function wantedExports(flows: ReadonlyMap<LoadedFile, CrossFileFlows>): Map<string, Set<string>> {
  const wanted = new Map<string, Set<string>>();
  for (const [loaded, fileFlows] of flows) {
    for (const call of fileFlows.calls) {
      const target = resolveRelativeImport(loaded.file.absPath, call.module);
      if (!target) continue;
      const names = wanted.get(target) ?? new Set<string>();
      names.add(call.exportName);
      wanted.set(target, names);
    }
  }
  return wanted;
}

/**
 * Joins the calls each file makes to imported functions with PHI arguments against the parameters of
 * those exports that reach a sink: the cross-file half of the taint analysis, one level deep.
 */
function joinCrossFileFlows(flows: ReadonlyMap<LoadedFile, CrossFileFlows>): Array<{ file: DiscoveredFile; text: string; matches: CrossFileMatch[] }> {
  const sinksByExport = new Map<string, ExportedSink[]>();
  for (const [loaded, fileFlows] of flows) {
    for (const sink of fileFlows.exports) {
      const key = `${moduleKey(loaded.file.absPath)}#${sink.exportName}`;
      sinksByExport.set(key, [...(sinksByExport.get(key) ?? []), sink]);
    }
  }
  if (sinksByExport.size === 0) return [];
  const results: Array<{ file: DiscoveredFile; text: string; matches: CrossFileMatch[] }> = [];
  for (const [loaded, fileFlows] of flows) {
    const matches: CrossFileMatch[] = [];
    for (const call of fileFlows.calls) {
      const target = resolveRelativeImport(loaded.file.absPath, call.module);
      const sinks = target ? sinksByExport.get(`${target}#${call.exportName}`) : undefined;
      if (!sinks) continue;
      for (const argument of call.arguments) {
        for (const sink of sinks) if (sink.parameter === argument.index) matches.push({ call, argument, sink });
      }
    }
    if (matches.length) results.push({ file: loaded.file, text: loaded.text, matches });
  }
  return results;
}
