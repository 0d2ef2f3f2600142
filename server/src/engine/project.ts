// A Project is one root folder and the rules it runs with (handed in by a composition root: the CLI,
// the language server, a test). It owns what both front ends used to build for themselves: config
// resolution (with an optional overlay of editor settings), the workspace type index, the export-sink
// summaries of the cross-file pass and their invalidation, the workspace scan, and the analysis of one
// file with its cross-file findings. The CLI and the editor go through the same object, so they agree.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigOverlay, ResolvedConfig } from '../core/config-types';
import { defaultConfig } from '../core/config-types';
import type { CrossFileCall, ExportedSink, FileNote, ForwardedCall, FileResult, FileRole, Finding, HiddenFindings, ReachFacts, RuleError, ScanResult, SkippedFile } from '../core/types';
import type { AnyRule } from '../rule-api';
import { MethodReturns } from './method-returns';
import { analyzeFile, crossFileFindings, sharedSinkFindings, todayIso, unanalysedFileResult, type AnalyzeInput, type SharedSink } from './analyze';
import { applyOverlay, ConfigResolver } from './config';
import { ImportAliases, isImportConfigFile } from './import-aliases';
import { chainedSinks, forwardTargets, matchCrossFileCalls, MAX_CHAIN_DEPTH, moduleFileCandidates, moduleKey, sharedSinks, sinkId, wantedExports, type ModuleSummary } from './cross-file';
import { languageOfPath as languageOf } from '../shared/file-kinds';
import { discoverFiles, type DiscoveredFile } from './discover';
import { readHead, readSmallTextFile, readSourceFile, sizeLimitDetail } from './read';
import { sizeOverLimit } from './text-size';
import { throwIfPastDeadline } from './deadline';
import { bundledNonEntryFiles } from './bundled-apps';
import { markUnfilledParameters, markUnreachable, opaqueReachFacts, parseReachFacts, templateReachFacts, unreachableEntities, withMarkupWords } from './reachability';
import { componentMarkup } from './components';
import { markUnloadedSentryConfigs } from './next-sentry-configs';
import { fileRole, isReportedInRole, roleByImporters, roleOfPath, TEST_ROLES, type RoleVerdict } from './roles';
import { RuleSet } from './rule-set';
import { buildChunk, dataModule, problemOfReadFailure, thirdPartyBundle, typeDeclarationModule } from './unanalysed';
import { WorkspaceIndex } from './workspace-index';

export interface ProjectOptions {
  /** Absolute folder that findings' paths are relative to and whose config applies by default. */
  root: string;
  /** The rules to run: the composition root decides (the engine knows none). */
  rules: readonly AnyRule[] | RuleSet;
  /** Settings laid over every `.phi-guard.json` (the editor's). */
  overlay?: ConfigOverlay;
  /** The text of a file open in an editor, which may differ from the disk; undefined when not open. */
  readOpen?: (absPath: string) => string | undefined;
  /** An explicit config file (`--config`): applies to every file instead of the nearest one. */
  configFile?: string;
  /**
   * Build the workspace type index in the background on the first `analyze()` (the editor), and say
   * when it is ready: analyses done before may lack cross-file knowledge.
   */
  backgroundIndex?: boolean;
  onIndexReady?: (files: number) => void;
  /**
   * The file roles whose findings are reported: 'all', a list, or (default) each rule's own roles —
   * production and scripts for PHI-flow, transport and config rules; tests and fixtures too for
   * real-looking identifiers. Findings in other roles are counted in `ScanResult.hidden`.
   */
  reportRoles?: 'all' | readonly FileRole[];
  /**
   * Follow symbolic links whose target lies outside the scanned folders (`--follow-external-links`).
   * Default: such links are skips with a reason; links inside are followed, each folder visited once.
   */
  followExternalLinks?: boolean;
}

export interface ScanRequest {
  /** Files or folders to scan (absolute). Default: the root. */
  paths?: readonly string[];
  /** Called as files are analysed. */
  onProgress?: (progress: { done: number; total: number; file: string }) => void;
  /** Cancels the scan; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
}

/** One file analysed on its own (in an editor): its findings, the cross-file ones included. */
export interface FileAnalysis {
  absPath: string;
  /** Root-relative POSIX path (what findings use). */
  relPath: string;
  /** Every finding, suppressed ones included. */
  findings: Finding[];
  skipped?: SkippedFile;
  ruleErrors: RuleError[];
  config: ResolvedConfig;
  durationMs: number;
  /** What the file is for, and findings its role keeps from being reported. */
  role: RoleVerdict;
  hidden: number;
}

/** Files analysed between yields to the event loop, so progress and cancellation stay responsive. */
const FILES_PER_SLICE = 25;

interface LoadedFile {
  file: DiscoveredFile;
  text: string;
  role: RoleVerdict;
}

interface ExportSummary {
  text: string;
  names: ReadonlySet<string>;
  summary: ModuleSummary;
}

export class Project {
  readonly root: string;
  readonly rules: RuleSet;
  private overlay: ConfigOverlay | undefined;
  private overlayKey: string;
  private readonly resolver: ConfigResolver;
  private readonly readOpen: (absPath: string) => string | undefined;
  private live: { index: WorkspaceIndex; abort: AbortController } | undefined;
  /**
   * Parameter-to-sink summaries of exports other files call, per file, valid while its text is the same.
   * A summary holds only what the file's own text says (its sinks, and which imported functions its
   * exports pass their parameters on to); chains are joined when asked, so a change of a file further
   * down a chain is seen without re-summarising the files above it.
   */
  private readonly summaries = new Map<string, ExportSummary>();
  /** Analysed file → the files whose summaries its cross-file findings were joined from (its dependencies). */
  private readonly summariesUsed = new Map<string, Set<string>>();
  /**
   * The last workspace scan's findings at helpers' shared sinks (`SharedSink`), by helper file with the text
   * they were found in, and the sinks they are about: the editor shows them in the helper while its text is
   * the same, and does not report those sinks again at each caller (a caller alone cannot see the others).
   */
  private sharedFromScan = { byHelper: new Map<string, { text: string; findings: Finding[] }>(), sinks: new Set<string>() };
  /** Path aliases of the workspace's tsconfig/jsconfig files (`@/lib/store`): read again at each scan. */
  private importAliases: ImportAliases;

  constructor(private readonly options: ProjectOptions) {
    this.root = path.resolve(options.root);
    this.rules = options.rules instanceof RuleSet ? options.rules : new RuleSet(options.rules);
    this.overlay = options.overlay;
    this.overlayKey = JSON.stringify(options.overlay ?? {});
    this.readOpen = options.readOpen ?? (() => undefined);
    this.resolver = new ConfigResolver({ rules: this.rules, explicitConfigFile: options.configFile, fallbackBaseDir: this.root });
    this.importAliases = new ImportAliases(this.root);
  }

  // ── configuration ──────────────────────────────────────────────────────────────────────────

  /** The config a file is analysed with. Throws ConfigError when its `.phi-guard.json` is invalid. */
  configFor(absPath: string): ResolvedConfig {
    return applyOverlay(this.resolver.forFile(absPath), this.overlay);
  }

  /** Config files that applied so far (absolute, valid ones). */
  configFiles(): string[] {
    return this.resolver.configFiles();
  }

  /** Replaces the overlay (the editor's settings changed). Returns whether anything changed. */
  setOverlay(overlay: ConfigOverlay | undefined): boolean {
    const key = JSON.stringify(overlay ?? {});
    if (key === this.overlayKey) return false;
    this.overlay = overlay;
    this.overlayKey = key;
    this.summaries.clear();
    return true;
  }

  /** A `.phi-guard.json` was created, changed or deleted: every config, the index and the summaries are stale. */
  configChanged(): void {
    this.resolver.clear();
    this.summaries.clear();
    this.importAliases = new ImportAliases(this.root);
    // The config's `ignore` globs decide which files the index holds: rebuild on next use.
    this.live?.abort.abort();
    this.live = undefined;
  }

  // ── files changing ─────────────────────────────────────────────────────────────────────────

  /** A file's text changed (an editor's text, or the disk's when `text` is omitted). */
  fileChanged(absPath: string, text?: string): void {
    this.summaries.delete(absPath);
    this.importsMayHaveMoved(absPath, text === undefined);
    if (!this.live || languageOf(absPath) !== 'code') return;
    const current = text ?? this.readDisk(absPath);
    if (current === undefined) this.live.index.removeFile(this.relPath(absPath));
    else this.live.index.addFile(this.relPath(absPath), current);
  }

  fileDeleted(absPath: string): void {
    this.summaries.delete(absPath);
    this.summariesUsed.delete(absPath);
    this.importsMayHaveMoved(absPath, true);
    if (this.live && languageOf(absPath) === 'code') this.live.index.removeFile(this.relPath(absPath));
  }

  /**
   * A tsconfig/jsconfig changed: its `paths` may name other modules, so aliases are read again and summaries (whose
   * chains were followed through them) are stale. A file appeared or went away on disk: an alias that named
   * nothing may name it now, and the other way round.
   */
  private importsMayHaveMoved(absPath: string, onDisk: boolean): void {
    if (isImportConfigFile(absPath)) {
      this.importAliases = new ImportAliases(this.root);
      this.summaries.clear();
    } else if (onDisk && languageOf(absPath) === 'code') this.importAliases.forgetModules();
  }

  /**
   * The files whose last analysis joined a summary of this file (directly or along a chain): their
   * cross-file findings may change with it, so an editor analyses them again.
   */
  dependantsOf(absPath: string): string[] {
    const dependants: string[] = [];
    for (const [caller, used] of this.summariesUsed) if (caller !== absPath && used.has(absPath)) dependants.push(caller);
    return dependants;
  }

  relPath(absPath: string): string {
    return path.relative(this.root, absPath).split(path.sep).join('/');
  }

  // ── one file ───────────────────────────────────────────────────────────────────────────────

  /**
   * Analyses a file's text (an open document): its findings and those of the PHI it passes to other files.
   * Text over the config's `maxFileSize` is skipped as the scan skips such a file (and not indexed).
   * With `deadline` (a `performance.now()` time) an analysis still running then throws DeadlineExceeded.
   */
  analyze(absPath: string, text: string, options: { deadline?: number } = {}): FileAnalysis {
    const started = performance.now();
    const relPath = this.relPath(absPath);
    const config = this.configFor(absPath);
    const language = languageOf(absPath);
    const size = sizeOverLimit(text, config.maxFileSize);
    if (language === undefined) {
      const skipped: SkippedFile = { file: relPath, reason: 'ignored', detail: 'not a TypeScript, JavaScript or JSON file' };
      return { absPath, relPath, findings: [], skipped, ruleErrors: [], config, durationMs: 0, role: { role: 'production', reason: 'default' }, hidden: 0 };
    }
    if (size !== undefined) {
      // As the scan reports the file on disk: a skip, and the `unanalysed-file` finding rules make of it.
      const skipped: SkippedFile = { file: relPath, reason: 'too-large', detail: sizeLimitDetail(size, config.maxFileSize) };
      const problem = problemOfReadFailure(skipped.reason, skipped.detail);
      const head = text.slice(0, 8192);
      const role = unreadFileRole(fileRole(absPath, relPath, head, language, config), head);
      const result = problem ? unanalysedFileResult({ absPath, relPath, text: head, config, rules: this.rules, role }, problem, skipped) : undefined;
      const all = result?.findings ?? [];
      const findings = all.filter((finding) => this.isReported(finding));
      return { absPath, relPath, findings, skipped, ruleErrors: result?.ruleErrors ?? [], config, durationMs: 0, role, hidden: all.length - findings.length };
    }
    const index = this.liveIndex();
    if (index && language === 'code') index.addFile(relPath, text);
    // Importers' roles by their paths: the editor has not read every importer's text.
    const role = roleByImporters(fileRole(absPath, relPath, text, language, config), text, (index?.importersOf(relPath) ?? []).map((file) => ({ file, role: roleOfPath(file)?.role ?? 'production' })));
    const input: AnalyzeInput = { absPath, relPath, text, config, index, rules: this.rules, role };
    const result = analyzeFile({ ...input, collectFlows: true, deadline: options.deadline, methodReturns: this.methodReturnsFor().provider });
    throwIfPastDeadline(options.deadline);
    const shared = this.sharedFromScan.byHelper.get(relPath);
    const all = [...result.findings, ...this.crossFileFindingsOf(input, result.flows?.calls ?? [], result.findings), ...(shared?.text === text ? shared.findings : [])];
    // The editor knows this file alone for sure: only a function its own live code never mentions (and
    // not exported) is judged unreachable; other files' uses are not looked for.
    if (result.reach) {
      const facts = new Map([[relPath, reachWithMarkup(result.reach, absPath, text)]]);
      markUnreachable(all, unreachableEntities(facts, { complete: false }));
      markUnfilledParameters(all, facts, () => text, { complete: false });
    }
    const findings = all.filter((finding) => this.isReported(finding));
    return { absPath, relPath, findings, skipped: result.skipped, ruleErrors: result.ruleErrors, config, durationMs: performance.now() - started, role, hidden: all.length - findings.length };
  }

  /**
   * The editor's summaries of what other files' methods return, read from open documents or the disk;
   * fresh for each analysis (a service edited since is read again), each file parsed once within it.
   */
  private methodReturnsFor(): MethodReturns {
    return new MethodReturns((candidate) => {
      const text = this.readOpen(candidate) ?? (fs.existsSync(candidate) ? this.readDisk(candidate) : undefined);
      if (text === undefined || languageOf(candidate) !== 'code') return undefined;
      const config = this.configWithinLimit(candidate, text);
      return config ? { absPath: candidate, relPath: this.relPath(candidate), text, config, index: this.liveIndex(), rules: this.rules } : undefined;
    });
  }

  /**
   * The config of another file the editor reads for what it exports or returns; undefined when its config is
   * broken or the text is over the size limit (an open document that large is not analysed either).
   */
  private configWithinLimit(absPath: string, text: string): ResolvedConfig | undefined {
    let config: ResolvedConfig;
    try {
      config = this.configFor(absPath);
    } catch {
      return undefined;
    }
    return sizeOverLimit(text, config.maxFileSize) === undefined ? config : undefined;
  }

  /** Whether a finding is reported given its file's role: the user's choice of roles, else the rule's. */
  isReported(finding: Finding): boolean {
    return isReportedInRole(finding, this.rules.get(finding.ruleId)?.meta.roles, this.options.reportRoles);
  }

  /**
   * Analyses a file as it is on disk; unreadable files end as a skip with the reason (and, when it is a
   * source file that could not be read whole or decoded, an `unanalysed-file` finding).
   */
  analyzeDisk(absPath: string): FileAnalysis {
    const config = this.configFor(absPath);
    const read = readSourceFile(absPath, config.maxFileSize);
    if (read.ok) return this.analyze(absPath, read.text);
    const relPath = this.relPath(absPath);
    const skipped: SkippedFile = { file: relPath, reason: read.reason, detail: read.detail };
    const unread = this.unreadFileResult(absPath, relPath, skipped, relPath, config);
    const role = unread?.role ?? { role: 'production', reason: 'default' };
    const all = unread?.result.findings ?? [];
    const findings = all.filter((finding) => this.isReported(finding));
    return { absPath, relPath, findings, skipped, ruleErrors: unread?.result.ruleErrors ?? [], config, durationMs: 0, role, hidden: all.length - findings.length };
  }

  /**
   * A source file that could not be read whole or decoded (over the size limit, undecodable): its
   * findings (`unanalysed-file`), its role judged by its path and its first bytes. Undefined for plain
   * skips (binary, minified, unreadable) and files of other types.
   */
  private unreadFileResult(absPath: string, relPath: string, skipped: SkippedFile, roleBasisPath: string, config: ResolvedConfig): { result: FileResult; role: RoleVerdict } | undefined {
    const problem = problemOfReadFailure(skipped.reason, skipped.detail);
    const language = languageOf(absPath);
    if (!problem || !language) return undefined;
    const head = readHead(absPath);
    const role = unreadFileRole(fileRole(absPath, roleBasisPath, head, language, config), head);
    const result = unanalysedFileResult({ absPath, relPath, text: head, config, rules: this.rules, role }, problem, skipped);
    return { result, role };
  }

  /**
   * PHI this file passes to functions of other files that reach a sink there, as the workspace scan
   * reports it: the called files' exports are summarised (cached while their text is unchanged).
   */
  private crossFileFindingsOf(input: AnalyzeInput, calls: readonly CrossFileCall[], ownFindings: readonly Finding[]): Finding[] {
    if (calls.length === 0) {
      this.summariesUsed.delete(input.absPath);
      return [];
    }
    const used = new Set<string>();
    this.summariesUsed.set(input.absPath, used);
    // Each called module is summarised once for every export this file calls; chains add names as they go.
    const resolve = this.importAliases.resolve;
    for (const [key, names] of wantedExports([{ fromFile: input.absPath, calls }], resolve)) this.moduleSummary(key, names, used);
    const summaryOf = (key: string, exportName: string) => this.moduleSummary(key, new Set([exportName]), used);
    const matches = matchCrossFileCalls(input.absPath, calls, (target, exportName) => chainedSinks(target, exportName, summaryOf, 1, new Set(), resolve), resolve).filter((match) => !this.sharedFromScan.sinks.has(sinkId(match.sink)) || (this.keepsCallers(match.sink.ruleId) && match.argument.confidence === 'high'));
    return matches.length ? crossFileFindings(input, matches, ownFindings) : [];
  }

  /** Whether a rule reports the callers of a shared helper's sink besides the helper (RuleMeta.reportsCallersOfSharedHelpers). */
  private readonly keepsCallers = (ruleId: string): boolean => this.rules.get(ruleId)?.meta.reportsCallersOfSharedHelpers === true;

  /** The summary of a module (by key) covering at least these exports: cached while its text is unchanged. */
  private moduleSummary(key: string, names: ReadonlySet<string>, used: Set<string>): ModuleSummary | undefined {
    const target = moduleFileCandidates(key).find((candidate) => this.readOpen(candidate) !== undefined || fs.existsSync(candidate));
    if (!target) return undefined;
    used.add(target);
    const text = this.readOpen(target) ?? this.readDisk(target);
    if (text === undefined) return undefined;
    const cached = this.summaries.get(target);
    if (cached && cached.text === text && [...names].every((name) => cached.names.has(name))) return cached.summary;
    const allNames = new Set([...names, ...(cached?.text === text ? cached.names : [])]);
    const config = this.configWithinLimit(target, text);
    if (!config) return undefined;
    const result = analyzeFile({ absPath: target, relPath: this.relPath(target), text, config, index: this.liveIndex(), rules: this.rules, probeExports: [...allNames] });
    const summary: ModuleSummary = { absPath: target, sinks: result.flows?.exports ?? [], forwards: result.flows?.forwards ?? [] };
    this.summaries.set(target, { text, names: allNames, summary });
    return summary;
  }

  private readDisk(absPath: string): string | undefined {
    let maxFileSize: number;
    try {
      maxFileSize = this.configFor(absPath).maxFileSize;
    } catch {
      maxFileSize = defaultConfig(this.root).maxFileSize;
    }
    const read = readSourceFile(absPath, maxFileSize);
    return read.ok ? read.text : undefined;
  }

  // ── the live index (editor) ────────────────────────────────────────────────────────────────

  /** The index analyses use: built in the background on first use when asked to, else none. */
  private liveIndex(): WorkspaceIndex | undefined {
    if (!this.options.backgroundIndex) return undefined;
    if (!this.live) {
      const live = { index: new WorkspaceIndex(), abort: new AbortController() };
      this.live = live;
      void this.buildIndex(live.index, live.abort.signal).then(
        (files) => {
          if (!live.abort.signal.aborted) this.options.onIndexReady?.(files);
        },
        () => undefined, // aborted, or the folder vanished: analyses go on without cross-file knowledge
      );
    }
    return this.live.index;
  }

  private async buildIndex(index: WorkspaceIndex, signal: AbortSignal): Promise<number> {
    const configFor = (candidate: string): ResolvedConfig => {
      try {
        return this.configFor(candidate);
      } catch {
        return defaultConfig(this.root);
      }
    };
    const { files } = await discoverFiles([this.root], { root: this.root, configFor, signal, followExternalLinks: this.options.followExternalLinks });
    let count = 0;
    for (const file of files) {
      if (signal.aborted) break;
      // Open documents are indexed with their editor text by analyze() and fileChanged().
      if (file.language !== 'code' || this.readOpen(file.absPath) !== undefined) continue;
      const read = readSourceFile(file.absPath, configFor(file.absPath).maxFileSize);
      if (read.ok) index.addFile(file.relPath, read.text);
      if (++count % FILES_PER_SLICE === 0) await yieldToEventLoop();
    }
    return count;
  }

  // ── the workspace scan ─────────────────────────────────────────────────────────────────────

  /**
   * Scans files and folders as they are on disk: discover, read, index the types they declare, analyse
   * each file, then the cross-file pass. Every file that cannot be read or parsed ends as a skip with
   * its reason; the scan goes on. The scan builds its own index from the disk, so its results do not
   * depend on what an editor has open.
   */
  async scan(request: ScanRequest = {}): Promise<ScanResult> {
    const started = performance.now();
    const roots = (request.paths?.length ? request.paths : [this.root]).map((candidate) => path.resolve(this.root, candidate));
    const configFor = (absPath: string) => this.configFor(absPath);
    // `--config`: a broken explicit config is reported before any file is looked at.
    if (this.options.configFile) configFor(path.join(this.root, '.'));
    const discovery = await discoverFiles(roots, { root: this.root, configFor, signal: request.signal, followExternalLinks: this.options.followExternalLinks });
    const skipped: SkippedFile[] = [...discovery.skipped];
    const findings: Finding[] = [];
    const ruleErrors: RuleError[] = [];
    const notes: FileNote[] = [];
    // A source file that could not be read whole or decoded is a finding (`unanalysed-file`), not only a
    // skip: a gate must not pass a file it never looked at.
    const unread = (absPath: string, relPath: string, skip: SkippedFile) => {
      const outcome = this.unreadFileResult(absPath, relPath, skip, roleBasis(roots, absPath) ?? relPath, configFor(absPath));
      if (!outcome) return;
      findings.push(...outcome.result.findings);
      ruleErrors.push(...outcome.result.ruleErrors);
    };
    for (const skip of discovery.skipped) {
      if (skip.reason === 'too-large') unread(path.resolve(this.root, skip.file), skip.file, skip);
    }
    const index = new WorkspaceIndex();
    const loaded: LoadedFile[] = [];
    let bytesScanned = 0;
    for (const file of discovery.files) {
      const read = readSourceFile(file.absPath, configFor(file.absPath).maxFileSize);
      if (!read.ok) {
        const skip: SkippedFile = { file: file.relPath, reason: read.reason, detail: read.detail };
        skipped.push(skip);
        unread(file.absPath, file.relPath, skip);
        continue;
      }
      if (read.note !== undefined) notes.push({ file: file.relPath, detail: read.note });
      bytesScanned += read.bytes;
      if (file.language === 'code') index.addFile(file.relPath, read.text);
      loaded.push({ file, text: read.text, role: fileRole(file.absPath, roleBasis(roots, file.absPath) ?? file.relPath, read.text, file.language, configFor(file.absPath)) });
    }
    throwIfAborted(request.signal);
    refineRolesByImporters(loaded, index);

    // Held until the passes after the per-file loop as JSON text (`packed`): while every file's tree is built
    // and dropped, what the heap keeps live sets how far it grows (V8 lets it reach a few times the live size).
    const callsOf = new Map<LoadedFile, Packed<CrossFileCall[]>>();
    const packedReachFacts = new Map<string, Packed<ReachFacts>>();
    const ownFindings = new Map<LoadedFile, Finding[]>();
    const today = todayIso();
    const inputOf = (entry: LoadedFile): AnalyzeInput => ({
      absPath: entry.file.absPath,
      relPath: entry.file.relPath,
      text: entry.text,
      config: configFor(entry.file.absPath),
      rules: this.rules,
      index,
      today,
      role: entry.role,
    });
    // What services' methods return (`this.orders.byPatient(id).subscribe(…)`), summarised on demand from the texts read.
    const loadedByPath = new Map(loaded.filter((entry) => entry.file.language === 'code').map((entry) => [entry.file.absPath, entry]));
    const methodReturns = new MethodReturns((absPath) => {
      const entry = loadedByPath.get(absPath);
      return entry ? inputOf(entry) : undefined;
    });
    let filesScanned = 0;
    for (let i = 0; i < loaded.length; i++) {
      if (i % FILES_PER_SLICE === 0 && i > 0) {
        await yieldToEventLoop();
        throwIfAborted(request.signal);
      }
      const { file } = loaded[i];
      const result = analyzeFile({ ...inputOf(loaded[i]), collectFlows: true, methodReturns: methodReturns.provider });
      ruleErrors.push(...result.ruleErrors);
      if (result.skipped) {
        skipped.push(result.skipped);
        // What the rules say about a file that could not be analysed (unanalysed-file).
        findings.push(...result.findings);
        // Whatever it imports counts as used whole: its code was not read.
        if (file.language === 'code') packedReachFacts.set(file.relPath, packed(opaqueReachFacts(loaded[i].text)));
      } else {
        filesScanned++;
        findings.push(...result.findings);
        if (result.reach) packedReachFacts.set(file.relPath, packed(reachWithMarkup(result.reach, file.absPath, loaded[i].text)));
        if (result.findings.length) ownFindings.set(loaded[i], result.findings);
        if (result.flows) callsOf.set(loaded[i], packed(result.flows.calls));
      }
      request.onProgress?.({ done: i + 1, total: loaded.length, file: file.relPath });
    }
    throwIfAborted(request.signal);
    // Cross-file pass: summarise only the exports other files call with PHI, then, level by level, the
    // exports those pass their parameters on to (each file once per level at most), then join.
    const byKey = new Map(loaded.map((entry) => [moduleKey(entry.file.absPath), entry]));
    const callsByFile = [...callsOf].map(([entry, calls]) => ({ entry, fromFile: entry.file.absPath, calls: unpacked(calls) }));
    callsOf.clear();
    const modules = new Map<string, { names: Set<string>; summary: { absPath: string; sinks: ExportedSink[]; forwards: ForwardedCall[] } }>();
    this.importAliases = new ImportAliases(this.root);
    const resolve = this.importAliases.resolve;
    let wanted = wantedExports(callsByFile, resolve);
    for (let level = 0; level < MAX_CHAIN_DEPTH && wanted.size > 0; level++) {
      const onward = new Map<string, Set<string>>();
      for (const [target, exportNames] of wanted) {
        const entry = byKey.get(target);
        const known = modules.get(target);
        const fresh = [...exportNames].filter((name) => !known?.names.has(name));
        if (!entry || fresh.length === 0) continue;
        const result = analyzeFile({ ...inputOf(entry), probeExports: fresh });
        const module = known ?? { names: new Set<string>(), summary: { absPath: entry.file.absPath, sinks: [], forwards: [] } };
        fresh.forEach((name) => module.names.add(name));
        module.summary.sinks.push(...(result.flows?.exports ?? []));
        module.summary.forwards.push(...(result.flows?.forwards ?? []));
        modules.set(target, module);
        forwardTargets(entry.file.absPath, result.flows?.forwards ?? [], onward, resolve);
      }
      wanted = onward;
    }
    const sinksByExport = new Map<string, ExportedSink[]>();
    const sinksOf = (target: string, exportName: string): ExportedSink[] => {
      const key = `${target}#${exportName}`;
      let sinks = sinksByExport.get(key);
      if (!sinks) sinksByExport.set(key, (sinks = chainedSinks(target, exportName, (module) => modules.get(module)?.summary, 1, new Set(), resolve)));
      return sinks;
    };
    const matchesByCaller = callsByFile.map(({ entry, fromFile, calls }) => ({ entry, file: entry.file.relPath, inProduct: isProductRole(entry.role?.role), matches: matchCrossFileCalls(fromFile, calls, sinksOf, resolve) }));
    // A helper's sink that several production files hand PHI to whole is reported once, in the helper.
    const loadedByRelPath = new Map(loaded.map((entry) => [entry.file.relPath, entry]));
    const { shared, isShared } = sharedSinks(matchesByCaller, (file) => isProductRole(loadedByRelPath.get(file)?.role?.role ?? 'test'), this.keepsCallers);
    for (const { entry, matches } of matchesByCaller) {
      const own = matches.filter((match) => !isShared(match));
      if (own.length) findings.push(...crossFileFindings(inputOf(entry), own, ownFindings.get(entry)));
    }
    const sharedByHelper = new Map<string, SharedSink[]>();
    for (const group of shared) sharedByHelper.set(group.sink.sink.file, [...(sharedByHelper.get(group.sink.sink.file) ?? []), group]);
    const sharedFromScan: typeof this.sharedFromScan = { byHelper: new Map(), sinks: new Set(shared.map((group) => sinkId(group.sink))) };
    for (const [helperFile, groups] of sharedByHelper) {
      const helper = loadedByRelPath.get(helperFile);
      if (!helper) continue;
      // A sink the helper's own analysis already reports (its `value: T` instantiated with a patient type) is that finding.
      const reported = new Set((ownFindings.get(helper) ?? []).map((finding) => `${finding.ruleId}:${finding.range.startOffset}`));
      const helperFindings = sharedSinkFindings(inputOf(helper), groups).filter((finding) => !reported.has(`${finding.ruleId}:${finding.range.startOffset}`));
      findings.push(...helperFindings);
      sharedFromScan.byHelper.set(helperFile, { text: helper.text, findings: helperFindings });
    }
    this.sharedFromScan = sharedFromScan;
    // What never runs: one fixpoint over every file's facts. Exports count as unused only when the
    // whole project was read (scanned from its root, no component files whose imports go unseen).
    const reachFacts = new Map([...packedReachFacts].map(([file, facts]) => [file, parseReachFacts(facts.toString())]));
    packedReachFacts.clear();
    let complete = roots.some((candidate) => path.resolve(candidate) === path.resolve(this.root));
    // Component files the scan does not analyse (`.astro`, `.mdx`…) still import code: what they import is used.
    for (const absPath of discovery.unreadImporters) {
      const text = readSmallTextFile(absPath, configFor(absPath).maxFileSize);
      if (text === undefined) {
        complete = false;
        continue;
      }
      reachFacts.set(this.relPath(absPath), opaqueReachFacts(text));
    }
    // Components' templates (`templateUrl`) call methods by name: their words are live member names. A template
    // that cannot be read (a path spelt in another case than the file on a case-sensitive disk is tried as such)
    // may call any member of what its component injects: those services are then not judged.
    if (complete) {
      for (const [file, facts] of [...reachFacts]) {
        for (const url of facts.templateUrls ?? []) {
          const templatePath = resolveCaseInsensitively(path.resolve(this.root, path.dirname(file), url));
          const templateFile = templatePath === undefined ? undefined : this.relPath(templatePath);
          if (templateFile !== undefined && reachFacts.has(templateFile)) continue;
          const text = templatePath === undefined ? undefined : readSmallTextFile(templatePath, configFor(templatePath).maxFileSize);
          if (text !== undefined) reachFacts.set(templateFile!, templateReachFacts(text));
          else facts.dynamicMembers = true;
        }
      }
    }
    const textByPath = new Map(loaded.map((entry) => [entry.file.relPath, entry.text]));
    // A bundled browser app runs only what its entries import: its other modules nobody imports never load.
    const bundledNonEntries = complete ? bundledNonEntryFiles(this.root, new Set(reachFacts.keys()), textByPath, skipped.map((skip) => skip.file)) : undefined;
    markUnreachable(findings, unreachableEntities(reachFacts, { complete, bundledNonEntries }));
    const testFiles = new Set(loaded.filter((entry) => TEST_ROLES.includes(entry.role.role)).map((entry) => entry.file.relPath));
    markUnfilledParameters(findings, reachFacts, (file) => textByPath.get(file), { complete, testFiles });
    markUnloadedSentryConfigs(findings, this.root, complete, textByPath);
    skipped.sort((a, b) => a.file.localeCompare(b.file));
    const hidden: HiddenFindings = { total: 0, byRole: {} };
    const reported = findings.filter((finding) => {
      if (this.isReported(finding)) return true;
      const role = finding.role ?? 'production';
      hidden.byRole[role] = (hidden.byRole[role] ?? 0) + 1;
      hidden.total++;
      return false;
    });
    return {
      root: this.root,
      filesScanned,
      bytesScanned,
      findings: reported,
      hidden,
      skipped,
      ruleErrors,
      durationMs: Math.round(performance.now() - started),
      configFiles: this.resolver.configFiles().map((configFile) => this.relPath(configFile)),
      ...(notes.length > 0 ? { notes } : {}),
    };
  }
}

/**
 * A value kept as its JSON text in UTF-8, outside the JavaScript heap: one flat buffer instead of many small
 * objects (a string would be two bytes a character as soon as one is not ASCII). Only for plain data: no
 * identity, no undefined that counts.
 */
type Packed<T> = Buffer & { readonly packedOf?: T };

function packed<T>(value: T): Packed<T> {
  return Buffer.from(JSON.stringify(value)) as Packed<T>;
}

function unpacked<T>(value: Packed<T>): T {
  return JSON.parse(value.toString()) as T;
}

/** A file's reach facts, a single-file component's with the words of its template (names it may call there). */
function reachWithMarkup(facts: ReachFacts, absPath: string, text: string): ReachFacts {
  const markup = componentMarkup(absPath, text);
  return markup === undefined ? facts : withMarkupWords(facts, markup);
}

function isProductRole(role: FileRole | undefined): boolean {
  return role === undefined || role === 'production' || role === 'script';
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('The scan was cancelled', 'AbortError');
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function commonAncestor(paths: readonly string[]): string {
  let ancestor = paths[0];
  for (const candidate of paths.slice(1)) {
    while (!isInside(ancestor, candidate)) ancestor = path.dirname(ancestor);
  }
  return ancestor;
}

/**
 * The path a scanned file's role is judged by: relative to the folder the user asked to scan, so that
 * `phi-guard scan test-fixtures/demo-clinic` judges `src/…` inside it, not the `test-fixtures/` above.
 */
function roleBasis(roots: readonly string[], absPath: string): string | undefined {
  let best: string | undefined;
  for (const root of roots) {
    if (root !== absPath && isInside(root, absPath) && (!best || root.length > best.length)) best = root;
  }
  return best === undefined ? undefined : path.relative(best, absPath).split(path.sep).join('/');
}

/** Findings are relative to the working directory (what CI and GitHub expect), or to the scanned paths' common folder when they lie outside it. */
export function scanRoot(absolutePaths: readonly string[], cwd: string): string {
  if (absolutePaths.every((candidate) => isInside(cwd, candidate))) return cwd;
  return commonAncestor(absolutePaths);
}

/**
 * Data modules that only tests import are test data (`roleByImporters`); a second pass catches modules that
 * only such test data imports. Roles decided by config, path or content are kept.
 */
function refineRolesByImporters(loaded: LoadedFile[], index: WorkspaceIndex): void {
  const byPath = new Map(loaded.map((entry) => [entry.file.relPath, entry]));
  for (let pass = 0; pass < 2; pass++) {
    let changed = false;
    for (const entry of loaded) {
      if (entry.role.reason !== 'default' || entry.file.language !== 'code') continue;
      const importers = index.importersOf(entry.file.relPath).map((file) => ({ file, role: byPath.get(file)?.role.role ?? 'production' }));
      const refined = roleByImporters(entry.role, entry.text, importers);
      if (refined !== entry.role) {
        entry.role = refined;
        changed = true;
      }
    }
    if (!changed) return;
  }
}

/**
 * The role of a file over the size limit, judged by its path and first bytes: one that opens as a library's
 * distribution bundle is vendored, a bundler's chunk or a module of literal data is generated (plain skips, still
 * listed), whatever folder it was copied into.
 */
function unreadFileRole(verdict: RoleVerdict, head: string): RoleVerdict {
  if ((verdict.role !== 'production' && verdict.role !== 'script') || verdict.reason.startsWith('config ')) return verdict;
  const bundle = thirdPartyBundle(head);
  if (bundle) return { role: 'vendored', reason: bundle };
  // A bundler's output chunk, a module of literal data only (a bundled code-system table) or of type declarations only
  // (generated FHIR types): nobody's code to analyse.
  const built = buildChunk(head) ?? dataModule(head) ?? typeDeclarationModule(head);
  return built ? { role: 'generated', reason: built } : verdict;
}

/** The path as written, or the one file of its folder whose name differs only in case (a project written on a case-insensitive disk). */
function resolveCaseInsensitively(absPath: string): string | undefined {
  if (fs.existsSync(absPath)) return absPath;
  const folder = path.dirname(absPath);
  const wanted = path.basename(absPath).toLowerCase();
  try {
    const matches = fs.readdirSync(folder).filter((name) => name.toLowerCase() === wanted);
    return matches.length === 1 ? path.join(folder, matches[0]) : undefined;
  } catch {
    return undefined;
  }
}
