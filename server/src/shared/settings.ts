// Settings shared by the VS Code extension (client/) and the language server (server/src/lsp).
// Plain types and constants only: no vscode or vscode-languageserver imports, so both sides can use it.

/** The configuration section (`phiGuard.*` in VS Code settings, `workspace/configuration` section). */
export const SETTINGS_SECTION = 'phiGuard';

export type SeverityOverride = 'error' | 'warning' | 'note' | 'off';
export type RunMode = 'onType' | 'onSave';
export type TraceLevel = 'off' | 'messages' | 'verbose';

export interface RedactorSetting {
  /** The function the "Wrap with …" quick fix calls, e.g. "redact". */
  name: string;
  /** Where it is imported from, e.g. "./lib/redact" (relative to the workspace folder) or "@acme/phi". */
  module: string;
}

export interface PhiGuardSettings {
  /** Analyse files at all. */
  enable: boolean;
  /** Analyse while typing (debounced) or only when a file is opened or saved. */
  run: RunMode;
  /** Severity per rule id; merged over `.phi-guard.json` `rules`. */
  severityOverrides: Record<string, SeverityOverride>;
  /** Globs (relative to the workspace folder) of files the editor does not analyse. */
  exclude: string[];
  /** Extra sanitizer function names, added to the config's `sanitizers`. */
  sanitizers: string[];
  /** Overrides the config's `redactor` for the "Wrap with …" quick fix. */
  redactor: RedactorSetting | null;
  /**
   * A file whose analysis takes longer than this is reported as slow (status notification). The first
   * analysis of each language after the server starts runs cold (JIT warm-up) and is not judged.
   */
  timeBudgetMs: number;
  /**
   * An analysis of an open document still running after this long is stopped so other documents are
   * not held up; the file is reported as slow and analysed again when saved, not while typing.
   */
  analysisTimeoutMs: number;
  trace: { server: TraceLevel };
}

export const DEFAULT_SETTINGS: PhiGuardSettings = {
  enable: true,
  run: 'onType',
  severityOverrides: {},
  exclude: [],
  sanitizers: [],
  redactor: null,
  timeBudgetMs: 200,
  analysisTimeoutMs: 3000,
  trace: { server: 'off' },
};

/**
 * Fills missing or mistyped fields of a (partial, user-provided) settings object with the defaults.
 * Both sides use it: the client when it reads its configuration, the server on `workspace/configuration`.
 */
export function normalizeSettings(raw: unknown): PhiGuardSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  const severityOverrides: Record<string, SeverityOverride> = {};
  if (value.severityOverrides && typeof value.severityOverrides === 'object') {
    for (const [ruleId, severity] of Object.entries(value.severityOverrides as Record<string, unknown>)) {
      if (severity === 'error' || severity === 'warning' || severity === 'note' || severity === 'off') {
        severityOverrides[ruleId] = severity;
      }
    }
  }
  let redactor: RedactorSetting | null = null;
  const rawRedactor = value.redactor as Record<string, unknown> | null | undefined;
  if (rawRedactor && typeof rawRedactor === 'object' && typeof rawRedactor.name === 'string' && rawRedactor.name) {
    redactor = { name: rawRedactor.name, module: typeof rawRedactor.module === 'string' ? rawRedactor.module : '' };
  }
  const rawTrace = value.trace as Record<string, unknown> | undefined;
  const traceServer = rawTrace && typeof rawTrace === 'object' ? rawTrace.server : undefined;
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    run: value.run === 'onSave' || value.run === 'onType' ? value.run : DEFAULT_SETTINGS.run,
    severityOverrides,
    exclude: strings(value.exclude),
    sanitizers: strings(value.sanitizers),
    redactor,
    timeBudgetMs: positiveNumber(value.timeBudgetMs, DEFAULT_SETTINGS.timeBudgetMs),
    analysisTimeoutMs: positiveNumber(value.analysisTimeoutMs, DEFAULT_SETTINGS.analysisTimeoutMs),
    trace: {
      server: traceServer === 'messages' || traceServer === 'verbose' || traceServer === 'off' ? traceServer : 'off',
    },
  };
}

function positiveNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}
