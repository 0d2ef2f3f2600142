// `phiGuard.scanWorkspace`: scans every workspace folder exactly like `phi-guard scan <folder>` would,
// with work-done progress (cancellable), and keeps the results so they can be shown for files that are
// not open, kept after a file is closed, updated when files change on disk, and exported as SARIF.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type ProgressToken,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import type { AnyRule, Finding, ScanResult } from '../engine';
import { formatSarif } from '../report/sarif';
import { activeFindings, countBySeverity } from '../report/summary';
import type { ExportSarifResult, ScanWorkspaceResult } from '../shared/protocol';
import type { PhiGuardSettings } from '../shared/settings';
import { asConfigProblem, type FileAnalyzer } from './analyzer';
import { isInside, toPosix, type Folder, type WorkspaceFolderSet } from './paths';

export interface StoredFile {
  root: string;
  relPath: string;
  /** All findings, suppressed ones included, as the engine reported them. */
  findings: Finding[];
}

export interface ScanHost {
  log(message: string): void;
  warn(message: string): void;
  progress(percentage: number): void;
  began(): void;
  ended(): void;
  /** Rule errors and unparsable files of the scan (already logged). */
  problems(summary: string): void;
}

export class WorkspaceScanner {
  /** The last completed scan per folder path, as the engine returned it (for SARIF). */
  private readonly lastScan = new Map<string, ScanResult>();
  /** What is known about files on disk since the last scan (kept current by file change events). */
  readonly files = new Map<string, StoredFile>();
  private running: Promise<ScanWorkspaceResult> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly folders: WorkspaceFolderSet,
    private readonly analyzer: FileAnalyzer,
    private readonly rules: readonly AnyRule[],
    private readonly settingsOf: (folderUri: string) => Promise<PhiGuardSettings>,
    private readonly host: ScanHost,
  ) {}

  hasScan(): boolean {
    return this.lastScan.size > 0;
  }

  /** Whether a file belongs to a scanned folder (so disk changes should update the stored results). */
  covers(absPath: string): boolean {
    return [...this.lastScan.keys()].some((folder) => isInside(folder, absPath));
  }

  /**
   * Runs the scan (one at a time: a second request while one runs gets the same result).
   * `onDone` receives the paths whose stored findings changed (to publish them).
   */
  scan(
    workDoneToken: ProgressToken | undefined,
    requestToken: CancellationToken,
    onDone: (changedPaths: string[]) => Promise<void>,
  ): Promise<ScanWorkspaceResult> {
    if (!this.running) {
      this.running = this.run(workDoneToken, requestToken, onDone).finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private async run(
    workDoneToken: ProgressToken | undefined,
    requestToken: CancellationToken,
    onDone: (changedPaths: string[]) => Promise<void>,
  ): Promise<ScanWorkspaceResult> {
    const folders = [...this.folders.all()].sort((a, b) => a.path.localeCompare(b.path));
    if (folders.length === 0) {
      throw new ResponseError(ErrorCodes.InvalidRequest, 'PHI Guard: no workspace folder is open, nothing to scan.');
    }
    const controller = new AbortController();
    let reporter: WorkDoneProgressReporter;
    if (workDoneToken !== undefined) {
      reporter = this.connection.window.attachWorkDoneProgress(workDoneToken);
    } else {
      const created = await this.connection.window.createWorkDoneProgress();
      created.token.onCancellationRequested(() => controller.abort());
      reporter = created;
    }
    requestToken.onCancellationRequested(() => controller.abort());
    reporter.begin('PHI Guard: scanning workspace', 0, folders.length > 1 ? folders[0].name : 'Discovering files…', true);
    this.host.began();
    const started = performance.now();
    const results: Array<{ folder: Folder; result: ScanResult }> = [];
    let lastReported = -1;
    let lastReportAt = 0;
    try {
      for (const [index, folder] of folders.entries()) {
        if (controller.signal.aborted) throw abortError();
        this.host.log(`scan ${folder.path}`);
        // The folder's Project with the folder's settings: the CLI's scan of that folder, plus the overlay.
        const settings = await this.settingsOf(folder.uri);
        const result = await this.analyzer.scanFolder(folder.path, settings, {
          signal: controller.signal,
          onProgress: ({ done, total, file }) => {
            const percentage = Math.min(100, Math.floor(((index + (total > 0 ? done / total : 1)) / folders.length) * 100));
            const now = performance.now();
            if (percentage === lastReported && now - lastReportAt < 200) return;
            lastReported = percentage;
            lastReportAt = now;
            const where = folders.length > 1 ? `${folder.name}: ${file}` : file;
            reporter.report(percentage, `${where} (${done}/${total})`);
            this.host.progress(percentage);
          },
        });
        results.push({ folder, result });
      }
    } catch (error) {
      reporter.done();
      this.host.ended();
      if (isAbort(error) || controller.signal.aborted) {
        this.host.log('scan cancelled; the previous results stay');
        return { completed: false, filesScanned: 0, counts: { error: 0, warning: 0, note: 0 }, suppressed: 0, skipped: 0, ruleErrors: 0, durationMs: performance.now() - started };
      }
      const problem = asConfigProblem(error);
      if (problem) {
        const message = `invalid config ${problem.file}:${problem.line}:${problem.column} ${problem.reason}`;
        this.host.problems(message);
        throw new ResponseError(ErrorCodes.InvalidRequest, `PHI Guard: ${message}`);
      }
      throw error;
    }

    // Replace the stored results with the new scan.
    const changed = new Set<string>(this.files.keys());
    this.files.clear();
    this.lastScan.clear();
    const problems: string[] = [];
    for (const { folder, result } of results) {
      this.lastScan.set(folder.path, result);
      for (const finding of result.findings) {
        const absPath = path.resolve(result.root, finding.file);
        let stored = this.files.get(absPath);
        if (!stored) {
          stored = { root: result.root, relPath: finding.file, findings: [] };
          this.files.set(absPath, stored);
        }
        stored.findings.push(finding);
        changed.add(absPath);
      }
      for (const error of result.ruleErrors) {
        this.host.warn(`rule ${error.ruleId} failed on ${error.file}: ${truncate(error.message)}`);
        problems.push(`rule ${error.ruleId} failed on ${error.file}`);
      }
      for (const skip of result.skipped) {
        if (skip.reason === 'parse-error' || skip.reason === 'analysis-error') {
          this.host.warn(`skipped ${skip.file} (${skip.reason}): ${truncate(skip.detail)}`);
          problems.push(`could not analyse ${skip.file} (${skip.reason})`);
        }
      }
    }
    const all = results.flatMap(({ result }) => result.findings);
    const active = activeFindings(all);
    const summary: ScanWorkspaceResult = {
      completed: true,
      filesScanned: results.reduce((sum, { result }) => sum + result.filesScanned, 0),
      counts: countBySeverity(active),
      suppressed: all.length - active.length,
      skipped: results.reduce((sum, { result }) => sum + result.skipped.length, 0),
      ruleErrors: results.reduce((sum, { result }) => sum + result.ruleErrors.length, 0),
      durationMs: Math.round(performance.now() - started),
    };
    this.host.log(
      `scan done: ${summary.filesScanned} files, ${active.length} findings (${summary.suppressed} suppressed), ${summary.skipped} skipped, ${summary.ruleErrors} rule errors in ${summary.durationMs} ms`,
    );
    if (problems.length > 0) this.host.problems(problems.length === 1 ? problems[0] : `${problems[0]} (and ${problems.length - 1} more problems, see the output)`);
    try {
      await onDone([...changed]);
    } finally {
      reporter.done();
      this.host.ended();
    }
    return summary;
  }

  /** Updates the stored findings of one file (after it changed on disk or was saved). */
  update(absPath: string, root: string, relPath: string, findings: Finding[] | undefined): void {
    if (!findings || findings.length === 0) this.files.delete(absPath);
    else this.files.set(absPath, { root, relPath, findings });
  }

  /** Writes the last scan as SARIF (what `phi-guard scan <folder> --format sarif` writes) and returns the path. */
  exportSarif(target: string | undefined): ExportSarifResult {
    if (this.lastScan.size === 0) {
      throw new ResponseError(ErrorCodes.InvalidRequest, 'PHI Guard: no workspace scan yet; run "PHI Guard: Scan Workspace" first.');
    }
    const results = [...this.lastScan.values()];
    const merged = results.length === 1 ? results[0] : mergeResults(results);
    const firstFolder = [...this.lastScan.keys()].sort()[0];
    const file = path.resolve(firstFolder, target ?? 'phi-guard.sarif');
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, formatSarif(merged, this.rules));
    } catch (error) {
      // The target is the client's choice (a folder, a read-only place): its failure, said plainly, not
      // an internal error (found by the fuzz harness: a folder as target answered −32603).
      const code = (error as NodeJS.ErrnoException).code;
      throw new ResponseError(LSPErrorCodes.RequestFailed, `PHI Guard: cannot write the SARIF file ${file}${code ? ` (${code})` : ''}.`);
    }
    return { path: file, results: merged.findings.length };
  }
}

/** Several folders as one result relative to their common ancestor (like `phi-guard scan a b` from there). */
function mergeResults(results: readonly ScanResult[]): ScanResult {
  let root = results[0].root;
  for (const result of results) while (!isInside(root, result.root)) root = path.dirname(root);
  const rebase = (resultRoot: string, file: string): string => toPosix(path.relative(root, path.resolve(resultRoot, file)));
  return {
    root,
    filesScanned: results.reduce((sum, r) => sum + r.filesScanned, 0),
    bytesScanned: results.reduce((sum, r) => sum + r.bytesScanned, 0),
    findings: results.flatMap((r) =>
      r.findings.map((finding) => ({
        ...finding,
        file: rebase(r.root, finding.file),
        related: finding.related.map((related) => ({ ...related, file: rebase(r.root, related.file) })),
      })),
    ),
    skipped: results.flatMap((r) => r.skipped.map((skip) => ({ ...skip, file: rebase(r.root, skip.file) }))),
    ruleErrors: results.flatMap((r) => r.ruleErrors.map((error) => ({ ...error, file: rebase(r.root, error.file) }))),
    durationMs: results.reduce((sum, r) => sum + r.durationMs, 0),
    configFiles: results.flatMap((r) => r.configFiles.map((file) => rebase(r.root, file))),
  };
}

function abortError(): Error {
  const error = new Error('The scan was cancelled.');
  error.name = 'AbortError';
  return error;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || (error as { code?: string }).code === 'ABORT_ERR');
}

export function truncate(text: string, max = 200): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
