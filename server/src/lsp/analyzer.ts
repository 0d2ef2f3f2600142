// Analyses one file (open document text or file on disk) with the nearest `.phi-guard.json` and the
// editor settings, and tells what to show. Pure engine calls; no LSP types here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WorkspaceIndex, analyzeFile, knownRuleIds, type AnalyzeInput } from '../engine';
import { crossFileFindings } from '../engine/analyze';
import { matchCrossFileCalls, moduleFileCandidates, wantedExports } from '../engine/cross-file';
import { ConfigResolver } from '../engine/config';
import { ConfigError, DEFAULT_MAX_FILE_SIZE, defaultConfig, type ResolvedConfig } from '../core/config-types';
import { discoverFiles } from '../engine/discover';
import { readSourceFile } from '../engine/read';
import type { CrossFileCall, ExportedSink, Finding, RuleError, SkippedFile } from '../core/types';
import type { PhiGuardSettings } from '../shared/settings';
import type { WorkspaceFolderSet } from './paths';
import { applySettings, isExcluded } from './settings';

export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  reason: string;
}

export interface AnalysisOutcome {
  absPath: string;
  /** Workspace-relative POSIX path (what findings use). */
  relPath: string;
  /** Folder `relPath` is relative to. */
  root: string;
  /** Every finding, suppressed ones included. */
  findings: Finding[];
  /** What is shown as diagnostics: unsuppressed findings. */
  active: Finding[];
  suppressed: number;
  skipped?: SkippedFile;
  ruleErrors: RuleError[];
  configProblem?: ConfigProblem;
  /** Not analysed: disabled in the settings or matched by `exclude`. */
  ignored?: 'disabled' | 'excluded';
  durationMs: number;
  config?: ResolvedConfig;
}

/** Files read per turn of the event loop while building an index in the background. */
const INDEX_FILES_PER_SLICE = 25;

export class FileAnalyzer {
  /** One resolver per workspace folder (its fallback base dir); cleared when a config file changes. */
  private readonly resolvers = new Map<string, ConfigResolver>();
  /**
   * Cross-file knowledge (declared types and the PHI their fields carry) per workspace folder, as the
   * CLI's scan builds it: built in the background from the files on disk, kept current with the text
   * of open documents and with file changes.
   */
  private readonly indexes = new Map<string, { index: WorkspaceIndex; abort: AbortController }>();

  /** Parameter-to-sink summaries of other files' exports, per file, valid while its text is the same. */
  private readonly exportSinks = new Map<string, { text: string; names: ReadonlySet<string>; sinks: ExportedSink[] }>();

  constructor(
    private readonly folders: WorkspaceFolderSet,
    /** An index finished building: results computed without it may differ. */
    private readonly onIndexReady: (folder: string, files: number) => void = () => undefined,
    private readonly isOpen: (absPath: string) => boolean = () => false,
    /** The text of an open document, which may differ from the disk. */
    private readonly openText: (absPath: string) => string | undefined = () => undefined,
  ) {}

  clearConfigs(): void {
    for (const resolver of this.resolvers.values()) resolver.clear();
    // The config's `ignore` globs decide which files the index holds: rebuild on next use.
    for (const { abort } of this.indexes.values()) abort.abort();
    this.indexes.clear();
  }

  /** The folder's index (started in the background on first use; partial until built). */
  private indexFor(absPath: string): WorkspaceIndex | undefined {
    const folder = this.folders.folderOf(absPath);
    if (!folder) return undefined;
    let entry = this.indexes.get(folder.path);
    if (!entry) {
      entry = { index: new WorkspaceIndex(), abort: new AbortController() };
      this.indexes.set(folder.path, entry);
      const { index, abort } = entry;
      void this.buildIndex(folder.path, index, abort.signal).then(
        (files) => {
          if (!abort.signal.aborted) this.onIndexReady(folder.path, files);
        },
        () => undefined, // aborted, or the folder vanished: analyses go on without cross-file knowledge
      );
    }
    return entry.index;
  }

  private async buildIndex(root: string, index: WorkspaceIndex, signal: AbortSignal): Promise<number> {
    const configFor = (candidate: string): ResolvedConfig => {
      try {
        return this.resolveConfig(candidate);
      } catch {
        return defaultConfig(root);
      }
    };
    const { files } = await discoverFiles([root], { root, configFor, signal });
    let count = 0;
    for (const file of files) {
      if (signal.aborted) break;
      if (file.language !== 'code' || this.isOpen(file.absPath)) continue;
      const read = readSourceFile(file.absPath, configFor(file.absPath).maxFileSize);
      if (read.ok) index.addFile(file.relPath, read.text);
      if (++count % INDEX_FILES_PER_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return count;
  }

  /** Keeps the index current with a file's text (open document or disk); `undefined` removes it. */
  updateIndex(absPath: string, text: string | undefined): void {
    const folder = this.folders.folderOf(absPath);
    const entry = folder && this.indexes.get(folder.path);
    if (!entry || !isCodeFile(absPath)) return;
    const relPath = this.folders.relPath(absPath);
    if (text === undefined) entry.index.removeFile(relPath);
    else entry.index.addFile(relPath, text);
  }

  /** Config files that applied so far (for the output). */
  configFiles(): string[] {
    return [...this.resolvers.values()].flatMap((resolver) => resolver.configFiles());
  }

  resolveConfig(absPath: string): ResolvedConfig {
    const root = this.folders.rootOf(absPath);
    let resolver = this.resolvers.get(root);
    if (!resolver) {
      resolver = new ConfigResolver({ knownRuleIds, fallbackBaseDir: root });
      this.resolvers.set(root, resolver);
    }
    return resolver.forFile(absPath);
  }

  analyzeText(absPath: string, text: string, settings: PhiGuardSettings): AnalysisOutcome {
    const relPath = this.folders.relPath(absPath);
    const root = this.folders.rootOf(absPath);
    const base = emptyOutcome(absPath, relPath, root);
    if (!settings.enable) return { ...base, ignored: 'disabled' };
    if (isExcluded(relPath, settings)) return { ...base, ignored: 'excluded' };
    let config: ResolvedConfig;
    try {
      config = applySettings(this.resolveConfig(absPath), settings);
    } catch (error) {
      const problem = asConfigProblem(error);
      if (problem) return { ...base, configProblem: problem };
      throw error;
    }
    const started = performance.now();
    const index = this.indexFor(absPath);
    if (index && isCodeFile(absPath)) index.addFile(relPath, text);
    const input: AnalyzeInput = { absPath, relPath, text, config, index };
    const result = analyzeFile({ ...input, collectFlows: true });
    const findings = [...result.findings, ...this.crossFileFindings(input, result.flows?.calls ?? [], settings)];
    const durationMs = performance.now() - started;
    const active = findings.filter((finding) => !finding.suppressed);
    return {
      ...base,
      findings,
      active,
      suppressed: findings.length - active.length,
      skipped: result.skipped,
      ruleErrors: result.ruleErrors,
      durationMs,
      config,
    };
  }

  /**
   * PHI this document passes to functions of other files that reach a sink there, as the workspace
   * scan reports it: the called files' exports are summarised (cached while their text is unchanged).
   */
  private crossFileFindings(input: AnalyzeInput, calls: readonly CrossFileCall[], settings: PhiGuardSettings): Finding[] {
    if (calls.length === 0) return [];
    const sinks = new Map<string, ExportedSink[]>();
    for (const [key, names] of wantedExports([{ fromFile: input.absPath, calls }])) {
      const target = moduleFileCandidates(key).find((candidate) => this.isOpen(candidate) || fs.existsSync(candidate));
      if (!target) continue;
      for (const sink of this.sinksOf(target, names, settings)) sinks.set(`${key}#${sink.exportName}`, [...(sinks.get(`${key}#${sink.exportName}`) ?? []), sink]);
    }
    const matches = matchCrossFileCalls(input.absPath, calls, (target, exportName) => sinks.get(`${target}#${exportName}`));
    return matches.length ? crossFileFindings(input, matches) : [];
  }

  private sinksOf(target: string, names: ReadonlySet<string>, settings: PhiGuardSettings): ExportedSink[] {
    const text = this.openText(target) ?? readText(target);
    if (text === undefined) return [];
    const cached = this.exportSinks.get(target);
    if (cached && cached.text === text && [...names].every((name) => cached.names.has(name))) return cached.sinks;
    const allNames = new Set([...names, ...(cached?.text === text ? cached.names : [])]);
    let config: ResolvedConfig;
    try {
      config = applySettings(this.resolveConfig(target), settings);
    } catch {
      return [];
    }
    const result = analyzeFile({ absPath: target, relPath: this.folders.relPath(target), text, config, index: this.indexFor(target), probeExports: [...allNames] });
    const sinks = result.flows?.exports ?? [];
    this.exportSinks.set(target, { text, names: allNames, sinks });
    return sinks;
  }

  /** Analyses the file as it is on disk (files that are not open). */
  analyzeDisk(absPath: string, settings: PhiGuardSettings): AnalysisOutcome {
    const relPath = this.folders.relPath(absPath);
    let maxFileSize = DEFAULT_MAX_FILE_SIZE;
    try {
      maxFileSize = this.resolveConfig(absPath).maxFileSize;
    } catch {
      // analyzeText reports the config problem.
    }
    const read = readSourceFile(absPath, maxFileSize);
    if (!read.ok) {
      return { ...emptyOutcome(absPath, relPath, this.folders.rootOf(absPath)), skipped: { file: relPath, reason: read.reason, detail: read.detail } };
    }
    return this.analyzeText(absPath, read.text, settings);
  }
}

/** An outcome with nothing to show; outside a workspace folder the file's folder is its root. */
export function emptyOutcome(absPath: string, relPath = path.basename(absPath), root = path.dirname(absPath)): AnalysisOutcome {
  return { absPath, relPath, root, findings: [], active: [], suppressed: 0, ruleErrors: [], durationMs: 0 };
}

function readText(absPath: string): string | undefined {
  const read = readSourceFile(absPath, DEFAULT_MAX_FILE_SIZE);
  return read.ok ? read.text : undefined;
}

/** A ConfigError from the resolver, as the position the editor shows it at. */
export function asConfigProblem(error: unknown): ConfigProblem | undefined {
  if (!(error instanceof ConfigError)) return undefined;
  return { file: error.file, line: error.line, column: error.column, reason: error.reason };
}

/** Applies the editor's severity overrides to findings computed without them (workspace scan). */
export function applyOverrides(findings: readonly Finding[], settings: PhiGuardSettings): Finding[] {
  const overrides = settings.severityOverrides;
  if (Object.keys(overrides).length === 0) return [...findings];
  const out: Finding[] = [];
  for (const finding of findings) {
    const override = overrides[finding.ruleId];
    if (override === 'off') continue;
    out.push(override ? { ...finding, severity: override } : finding);
  }
  return out;
}

export function isCodeFile(absPath: string): boolean {
  return /\.(?:[cm]?[jt]sx?)$/i.test(absPath);
}

export function isJsonFile(absPath: string): boolean {
  return /\.json[c5]?$/i.test(absPath) || path.basename(absPath) === '.phi-guard.json';
}
