// The `phiGuard/status` notification: state, counts, scan progress, slow-file warning, open documents
// not analysed, last error.
import type { Connection } from 'vscode-languageserver/node';
import { STATUS_NOTIFICATION, type NotAnalysedFile, type ServerState, type SeverityCounts, type SlowFile, type StatusParams } from '../shared/protocol';

export interface CountsSource {
  counts(): { counts: SeverityCounts; suppressed: number };
}

export class StatusReporter {
  private state: ServerState = 'idle';
  private scanProgress: number | undefined;
  /** The last slow file, with the key (absolute path) a later analysis or a close clears it by. */
  private slowFile: { key: string; file: SlowFile } | undefined;
  /** Open documents not analysed (over the size limit), by absolute path. */
  private readonly notAnalysed = new Map<string, NotAnalysedFile>();
  private lastError: string | undefined;
  private analyzing = 0;
  private scanning = false;
  private pending: NodeJS.Immediate | undefined;
  private last = '';

  constructor(
    private readonly connection: Connection,
    private readonly source: CountsSource,
  ) {}

  beginAnalysis(): void {
    this.analyzing += 1;
    this.update();
  }

  endAnalysis(): void {
    this.analyzing = Math.max(0, this.analyzing - 1);
    this.update();
  }

  beginScan(): void {
    this.scanning = true;
    this.scanProgress = 0;
    this.update();
  }

  scanProgressed(percentage: number): void {
    this.scanProgress = percentage;
    this.update();
  }

  endScan(): void {
    this.scanning = false;
    this.scanProgress = undefined;
    this.update();
  }

  /** `stopped`: the analysis ran into the deadline and was stopped. */
  slow(key: string, file: string, ms: number, stopped = false): void {
    this.slowFile = { key, file: stopped ? { file, ms: Math.round(ms), stopped } : { file, ms: Math.round(ms) } };
    this.update();
  }

  /** The file is no longer slow (analysed within the budget, or closed). */
  clearSlow(key: string): void {
    if (this.slowFile?.key !== key) return;
    this.slowFile = undefined;
    this.update();
  }

  /** Records why an open document is not analysed (undefined: it is again). Returns whether that changed. */
  setNotAnalysed(key: string, entry: NotAnalysedFile | undefined): boolean {
    const previous = this.notAnalysed.get(key);
    if (!entry) {
      if (!previous) return false;
      this.notAnalysed.delete(key);
    } else {
      this.notAnalysed.set(key, entry);
      if (previous?.file === entry.file) return false;
    }
    this.update();
    return true;
  }

  error(message: string): void {
    this.lastError = message;
    this.update();
  }

  /** Clears the error state (e.g. after a config problem was fixed). */
  clearError(): void {
    if (this.lastError === undefined) return;
    this.lastError = undefined;
    this.update();
  }

  /** Counts changed. Coalesced: at most one notification per turn of the event loop. */
  update(): void {
    if (this.pending) return;
    this.pending = setImmediate(() => {
      this.pending = undefined;
      this.send();
    });
  }

  current(): StatusParams {
    this.state = this.scanning ? 'scanning' : this.analyzing > 0 ? 'analyzing' : this.lastError ? 'error' : 'idle';
    const { counts, suppressed } = this.source.counts();
    const params: StatusParams = { state: this.state, counts, suppressed };
    if (this.scanning && this.scanProgress !== undefined) params.scanProgress = this.scanProgress;
    if (this.slowFile) params.slowFile = this.slowFile.file;
    if (this.notAnalysed.size > 0) params.notAnalysed = [...this.notAnalysed.values()];
    if (this.lastError) params.lastError = this.lastError;
    return params;
  }

  private send(): void {
    const params = this.current();
    const key = JSON.stringify(params);
    if (key === this.last) return;
    this.last = key;
    void this.connection.sendNotification(STATUS_NOTIFICATION, params).catch(() => undefined);
  }
}
