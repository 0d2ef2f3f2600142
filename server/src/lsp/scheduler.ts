// Analysis of open documents: one analysis per (document version, configuration generation), cached;
// stale work is dropped; typing is debounced where analysis is expensive.
//
// When a document changes, its next analysis is scheduled:
// - cheap documents (analysis takes < EXPENSIVE_MS, as a moving average so that one GC pause does not
//   switch modes): after COALESCE_MS, just long enough
//   for changes already queued behind this one to be applied, so one analysis covers a burst. Waiting
//   longer would cost more latency than re-analysing costs CPU; and since analysis is synchronous,
//   changes typed during an analysis simply queue up and are covered by the next one.
// - expensive documents: a classic debounce, DEBOUNCE_MS after the last change.
// A result computed for a version that is no longer current (a change arrived while the settings
// were being fetched) is dropped; the change that outdated it has scheduled another run.
// An analysis that runs past `analysisTimeoutMs` is stopped (its outcome says `timedOut`) and gives no
// result: what was shown stays, and the document is then analysed like in onSave mode (on save, and
// when the configuration changes), so typing in it never holds up the other documents again. The first
// analysis that finishes in time makes it an ordinary document again.
import type { Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PhiGuardSettings } from '../shared/settings';
import type { AnalysisOutcome } from './analyzer';

export const DEBOUNCE_MS = 150;
// A 2,000-line file averages 50–60 ms but spikes past 100 ms under GC or load; at 100 ms it flipped to
// the debounce often enough to double the p95 latency (measured with bench/lsp-latency.mjs).
export const EXPENSIVE_MS = 150;
export const COALESCE_MS = 2;

export interface AnalysisEntry {
  uri: string;
  version: number;
  generation: number;
  outcome: AnalysisOutcome;
  diagnostics: Diagnostic[];
  /** For pull diagnostics: equal ids mean unchanged results. */
  resultId: string;
  settings: PhiGuardSettings;
}

export interface SchedulerHost {
  documents: TextDocuments<TextDocument>;
  settingsFor(uri: string): Promise<PhiGuardSettings>;
  /** Whether pull clients will ask with result ids (then unchanged results keep their id). */
  readonly tracksResultIds: () => boolean;
  /** Analyses the text (sync) and converts to diagnostics; never throws (errors become an outcome). */
  analyze(doc: TextDocument, settings: PhiGuardSettings): { outcome: AnalysisOutcome; diagnostics: Diagnostic[] };
  /** A fresh result for the current version: publish (push clients), status, logs. */
  analysed(entry: AnalysisEntry): void;
}

interface DocState {
  timer?: NodeJS.Timeout;
  /** Moving average of the analysis time of this document. */
  averageMs: number;
  analyses: number;
  result?: AnalysisEntry;
  /** `diagnosticsKey` of `result.diagnostics` (pull clients only), so it is not recomputed on every change. */
  resultKey?: string;
  waiters: Array<() => void>;
  /** Run mode from the settings seen last (changes are ignored in onSave mode). */
  run: PhiGuardSettings['run'];
  /** The version and generation whose analysis was stopped at the deadline (until one finishes in time). */
  timedOut?: { version: number; generation: number };
}

export class AnalysisScheduler {
  private readonly states = new Map<string, DocState>();
  private generation = 0;
  private resultCounter = 0;

  constructor(private readonly host: SchedulerHost) {}

  /** Latest finished analysis of an open document (any version). */
  latest(uri: string): AnalysisEntry | undefined {
    return this.states.get(uri)?.result;
  }

  openUris(): string[] {
    return [...this.states.keys()];
  }

  opened(uri: string): void {
    this.state(uri);
    this.schedule(uri, 0);
  }

  changed(uri: string): void {
    const state = this.state(uri);
    if (state.run === 'onSave' || state.timedOut) return;
    if (state.averageMs >= EXPENSIVE_MS) this.schedule(uri, DEBOUNCE_MS, true);
    else this.schedule(uri, COALESCE_MS);
  }

  /**
   * A file this document's cross-file findings were joined from changed: its result is outdated although
   * its own version is not, so the cached result is marked stale and the document analysed again.
   */
  dependencyChanged(uri: string): void {
    const state = this.states.get(uri);
    if (!state || state.run === 'onSave' || state.timedOut) return;
    if (state.result) state.result = { ...state.result, version: -1 };
    if (state.averageMs >= EXPENSIVE_MS) this.schedule(uri, DEBOUNCE_MS, true);
    else this.schedule(uri, COALESCE_MS);
  }

  saved(uri: string): void {
    const state = this.state(uri);
    if (state.run === 'onSave' || state.timedOut) this.schedule(uri, 0);
  }

  closed(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    if (state.timer) clearTimeout(state.timer);
    this.states.delete(uri);
    this.wake(state);
  }

  /** Settings or config changed: every cached result is outdated; re-analyse every open document. */
  invalidateAll(reanalyse: boolean): void {
    this.generation += 1;
    if (reanalyse) for (const uri of this.states.keys()) this.schedule(uri, 0);
  }

  /**
   * The result to report for the document now (pull diagnostics): the current version's (waiting for
   * a scheduled run), or in onSave mode the last one of the current configuration.
   */
  async current(uri: string, isCancelled: () => boolean): Promise<AnalysisEntry | undefined> {
    for (let attempt = 0; attempt < 20 && !isCancelled(); attempt++) {
      const doc = this.host.documents.get(uri);
      const state = this.states.get(uri);
      if (!doc || !state) return undefined;
      const result = state.result;
      if (result && result.generation === this.generation && (result.version === doc.version || state.run === 'onSave')) {
        return result;
      }
      // Too slow for this configuration: what was shown stays (a save or a configuration change runs it again).
      if (state.timedOut?.generation === this.generation && !state.timer) return result;
      if (state.timer) {
        await new Promise<void>((resolve) => state.waiters.push(resolve));
        continue;
      }
      const entry = await this.run(uri);
      if (entry) return entry;
    }
    return this.states.get(uri)?.result;
  }

  /**
   * A result for exactly the current version (code actions need edits for the text the client has).
   * In onSave mode this may analyse unsaved text; that result is returned but not published.
   */
  async exact(uri: string): Promise<AnalysisEntry | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const doc = this.host.documents.get(uri);
      const state = this.states.get(uri);
      if (!doc || !state) return undefined;
      const result = state.result;
      if (result && result.generation === this.generation && result.version === doc.version) return result;
      // Edits must fit the text the client has; a document too slow to analyse gets none until a save.
      if (state.timedOut?.generation === this.generation) return undefined;
      if (state.run === 'onSave') {
        const settings = await this.host.settingsFor(uri);
        const now = this.host.documents.get(uri);
        if (!now || now.version !== doc.version) continue;
        const { outcome, diagnostics } = this.host.analyze(now, settings);
        return this.entry(uri, now.version, outcome, diagnostics, settings);
      }
      if (state.timer) {
        clearTimeout(state.timer);
        state.timer = undefined;
      }
      const entry = await this.run(uri);
      if (entry) return entry;
    }
    return undefined;
  }

  private state(uri: string): DocState {
    let state = this.states.get(uri);
    if (!state) {
      state = { averageMs: -1, analyses: 0, waiters: [], run: 'onType' };
      this.states.set(uri, state);
    }
    return state;
  }

  /** `restart`: debounce (a pending run is pushed back); otherwise a pending run is kept. */
  private schedule(uri: string, delayMs: number, restart = false): void {
    const state = this.states.get(uri);
    if (!state) return;
    if (state.timer) {
      // A run is coming; it analyses whatever version is current then.
      if (delayMs > 0 && !restart) return;
      clearTimeout(state.timer);
    }
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.run(uri);
    }, delayMs);
  }

  private wake(state: DocState): void {
    const waiters = state.waiters.splice(0);
    for (const wake of waiters) wake();
  }

  private entry(uri: string, version: number, outcome: AnalysisOutcome, diagnostics: Diagnostic[], settings: PhiGuardSettings): AnalysisEntry {
    this.resultCounter += 1;
    return { uri, version, generation: this.generation, outcome, diagnostics, settings, resultId: `${this.generation}.${version}.${this.resultCounter}` };
  }

  private async run(uri: string): Promise<AnalysisEntry | undefined> {
    const state = this.states.get(uri);
    const doc = this.host.documents.get(uri);
    if (!state || !doc) {
      if (state) this.wake(state);
      return undefined;
    }
    const version = doc.version;
    const generation = this.generation;
    try {
      if (state.result?.version === version && state.result.generation === generation) return state.result;
      const settings = await this.host.settingsFor(uri);
      state.run = settings.run;
      const now = this.host.documents.get(uri);
      // Outdated while the settings were fetched: drop; the change or refresh scheduled another run.
      if (this.states.get(uri) !== state || !now || now.version !== version || this.generation !== generation) return undefined;
      if (state.result?.version === version && state.result.generation === generation) return state.result;
      const { outcome, diagnostics } = this.host.analyze(now, settings);
      if (outcome.timedOut) {
        state.timedOut = { version, generation };
        return undefined;
      }
      state.timedOut = undefined;
      // The first analysis of a document (on open) runs cold (JIT warm-up): it does not count.
      if (state.analyses++ > 0) state.averageMs = state.averageMs < 0 ? outcome.durationMs : 0.7 * state.averageMs + 0.3 * outcome.durationMs;
      const entry = this.entry(uri, version, outcome, diagnostics, settings);
      if (this.host.tracksResultIds()) {
        const key = diagnosticsKey(diagnostics);
        if (state.result && state.resultKey === key) entry.resultId = state.result.resultId;
        state.resultKey = key;
      }
      state.result = entry;
      this.host.analysed(entry);
      return entry;
    } finally {
      this.wake(state);
    }
  }
}

/** Equal keys mean the same diagnostics: `data.version` differs between versions by design; everything else counts. */
function diagnosticsKey(list: readonly Diagnostic[]): string {
  return JSON.stringify(list.map((d) => ({ ...d, data: { ...(d.data as object), version: undefined } })));
}
