// The editor's side of analysis: one Project per workspace folder (and per folder of a file opened
// outside the workspace), the editor settings turned into the Project's overlay, open documents'
// text handed to it, and the outcome shaped for diagnostics. Everything about PHI is the Project's.
import * as path from 'node:path';
import { ConfigError, DeadlineExceeded, Project, type AnyRule, type ConfigOverlay, type Finding, type ResolvedConfig, type RuleError, type ScanResult, type SkippedFile } from '../engine';
import type { PhiGuardSettings } from '../shared/settings';
import type { WorkspaceFolderSet } from './paths';
import { isExcluded } from './settings';

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
  /** The analysis ran past its deadline and was stopped: no result (durationMs says how long it ran). */
  timedOut?: boolean;
  durationMs: number;
  config?: ResolvedConfig;
}

export interface FileAnalyzerHost {
  /** A folder's index finished building: results computed without it may differ. */
  indexReady(folder: string, files: number): void;
  /** The text of an open document, which may differ from the disk; undefined when not open. */
  openText(absPath: string): string | undefined;
}

/** The part of the editor settings that changes what the engine finds. */
export function overlayOf(settings: PhiGuardSettings): ConfigOverlay {
  return {
    severities: { ...settings.severityOverrides },
    sanitizers: [...settings.sanitizers],
    redactor: settings.redactor ? { name: settings.redactor.name, module: settings.redactor.module || undefined } : undefined,
  };
}

export class FileAnalyzer {
  /** One Project per root (workspace folder, or the folder of a file outside every workspace folder). */
  private readonly projects = new Map<string, Project>();

  constructor(
    private readonly folders: WorkspaceFolderSet,
    private readonly rules: readonly AnyRule[],
    private readonly host: FileAnalyzerHost,
  ) {}

  /** The Project a file belongs to, with the settings' overlay. */
  projectFor(absPath: string, settings: PhiGuardSettings): Project {
    const root = this.folders.rootOf(absPath);
    let project = this.projects.get(root);
    if (!project) {
      const inFolder = this.folders.folderOf(absPath) !== undefined;
      project = new Project({
        root,
        rules: this.rules,
        overlay: overlayOf(settings),
        readOpen: (candidate) => this.host.openText(candidate),
        // Cross-file knowledge for workspace folders only: a lone file's folder may be anything (a home folder).
        backgroundIndex: inFolder,
        onIndexReady: (files) => this.host.indexReady(root, files),
      });
      this.projects.set(root, project);
    } else {
      project.setOverlay(overlayOf(settings));
    }
    return project;
  }

  /** Config files were created, changed or deleted, or folders changed: every Project starts afresh. */
  configChanged(): void {
    for (const project of this.projects.values()) project.configChanged();
  }

  /** Forgets the Projects of folders no longer open. */
  foldersChanged(): void {
    for (const root of [...this.projects.keys()]) {
      if (!this.folders.all().some((folder) => folder.path === root)) {
        this.projects.get(root)?.configChanged();
        this.projects.delete(root);
      }
    }
  }

  /** A file's text changed: in the editor (`text` given) or on disk (read again, or gone when `deleted`). */
  fileChanged(absPath: string, text: string | undefined, deleted = false): void {
    const project = this.projects.get(this.folders.rootOf(absPath));
    if (!project) return;
    if (deleted) project.fileDeleted(absPath);
    else project.fileChanged(absPath, text);
  }

  /** Files whose cross-file findings were joined from this file's summary (to analyse again when it changes). */
  dependantsOf(absPath: string): string[] {
    return this.projects.get(this.folders.rootOf(absPath))?.dependantsOf(absPath) ?? [];
  }

  /** Config files that applied so far (for the output). */
  configFiles(): string[] {
    return [...this.projects.values()].flatMap((project) => project.configFiles());
  }

  /** An open document's text; with `deadline` (a `performance.now()` time) a longer analysis is stopped (`timedOut`). */
  analyzeText(absPath: string, text: string, settings: PhiGuardSettings, deadline?: number): AnalysisOutcome {
    return this.outcome(absPath, settings, (project) => project.analyze(absPath, text, { deadline }));
  }

  /** Analyses the file as it is on disk (files that are not open). */
  analyzeDisk(absPath: string, settings: PhiGuardSettings): AnalysisOutcome {
    return this.outcome(absPath, settings, (project) => project.analyzeDisk(absPath));
  }

  /** The workspace scan of one folder, exactly as `phi-guard scan <folder>` with these settings. */
  scanFolder(folder: string, settings: PhiGuardSettings, request: Parameters<Project['scan']>[0]): Promise<ScanResult> {
    return this.projectFor(folder, settings).scan({ ...request, paths: [folder] });
  }

  private outcome(absPath: string, settings: PhiGuardSettings, analyze: (project: Project) => ReturnType<Project['analyze']>): AnalysisOutcome {
    const project = this.projectFor(absPath, settings);
    const relPath = project.relPath(absPath);
    const base = emptyOutcome(absPath, relPath, project.root);
    if (!settings.enable) return { ...base, ignored: 'disabled' };
    if (isExcluded(relPath, settings)) return { ...base, ignored: 'excluded' };
    let analysis: ReturnType<Project['analyze']>;
    const started = performance.now();
    try {
      analysis = analyze(project);
    } catch (error) {
      if (error instanceof DeadlineExceeded) return { ...base, timedOut: true, durationMs: performance.now() - started };
      const problem = asConfigProblem(error);
      if (problem) return { ...base, configProblem: problem };
      throw error;
    }
    const active = analysis.findings.filter((finding) => !finding.suppressed);
    return {
      ...base,
      findings: analysis.findings,
      active,
      suppressed: analysis.findings.length - active.length,
      skipped: analysis.skipped,
      ruleErrors: analysis.ruleErrors,
      durationMs: analysis.durationMs,
      config: analysis.config,
    };
  }
}

/** An outcome with nothing to show; outside a workspace folder the file's folder is its root. */
export function emptyOutcome(absPath: string, relPath = path.basename(absPath), root = path.dirname(absPath)): AnalysisOutcome {
  return { absPath, relPath, root, findings: [], active: [], suppressed: 0, ruleErrors: [], durationMs: 0 };
}

/** A ConfigError from the Project, as the position the editor shows it at. */
export function asConfigProblem(error: unknown): ConfigProblem | undefined {
  if (!(error instanceof ConfigError)) return undefined;
  return { file: error.file, line: error.line, column: error.column, reason: error.reason };
}
