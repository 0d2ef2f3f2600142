// A workspace scan: resolve configs, discover files, read them, index the types they declare, then
// analyse each file. Every file that cannot be read or parsed ends as a skip with its reason; the
// scan goes on.
import * as path from 'node:path';
import { analyzeFile, crossFileFindings, knownRuleIds, todayIso } from './analyze';
import { matchCrossFileCalls, moduleKey, wantedExports } from './cross-file';
import { ConfigResolver } from './config';
import { discoverFiles, type DiscoveredFile } from './discover';
import type { AnalyzeInput, ScanOptions } from './index';
import { readSourceFile } from './read';
import type { CrossFileFlows, ExportedSink, Finding, RuleError, ScanResult, SkippedFile } from '../core/types';
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
  const inputOf = (entry: LoadedFile): AnalyzeInput => ({ absPath: entry.file.absPath, relPath: entry.file.relPath, text: entry.text, config: resolver.forFile(entry.file.absPath), index, today });
  let filesScanned = 0;
  for (let i = 0; i < loaded.length; i++) {
    if (i % FILES_PER_SLICE === 0 && i > 0) {
      await yieldToEventLoop();
      throwIfAborted(options.signal);
    }
    const { file } = loaded[i];
    const result = analyzeFile({ ...inputOf(loaded[i]), collectFlows: true });
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
  const sinksByExport = new Map<string, ExportedSink[]>();
  const callsByFile = [...flows].map(([entry, fileFlows]) => ({ entry, fromFile: entry.file.absPath, calls: fileFlows.calls }));
  for (const [target, exportNames] of wantedExports(callsByFile)) {
    const entry = byKey.get(target);
    if (!entry) continue;
    const result = analyzeFile({ ...inputOf(entry), probeExports: [...exportNames] });
    for (const sink of result.flows?.exports ?? []) {
      const key = `${target}#${sink.exportName}`;
      sinksByExport.set(key, [...(sinksByExport.get(key) ?? []), sink]);
    }
  }
  for (const { entry, fromFile, calls } of callsByFile) {
    const matches = matchCrossFileCalls(fromFile, calls, (target, exportName) => sinksByExport.get(`${target}#${exportName}`));
    if (matches.length === 0) continue;
    findings.push(...crossFileFindings(inputOf(entry), matches));
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

