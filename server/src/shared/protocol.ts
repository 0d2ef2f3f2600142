// Protocol additions shared by the VS Code extension (client/) and the language server (server/src/lsp).
// Plain types and constants only: no vscode or vscode-languageserver imports.

/** Command ids. The server handles the first two via `workspace/executeCommand`; the client the rest. */
export const Commands = {
  /** Server: scan every workspace folder (the files the CLI would scan); returns `ScanWorkspaceResult`. */
  scanWorkspace: 'phiGuard.scanWorkspace',
  /** Server: write the last workspace scan as SARIF; argument `ExportSarifParams`, returns `ExportSarifResult`. */
  exportSarif: 'phiGuard.exportSarif',
  /** Client: restart the language server. */
  restartServer: 'phiGuard.restartServer',
  /** Client: show the PHI Guard output channel. */
  showOutput: 'phiGuard.showOutput',
  /** Client: open a rule's documentation; arguments `[ShowRuleDocumentationArgs]`. */
  showRuleDocumentation: 'phiGuard.showRuleDocumentation',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

/** Commands the server executes (announced in `executeCommandProvider.commands`). */
export const SERVER_COMMANDS: readonly string[] = [Commands.scanWorkspace, Commands.exportSarif];

/** The code action kind of "fix all safe PHI Guard fixes in this file". */
export const FIX_ALL_CODE_ACTION_KIND = 'source.fixAll.phiGuard';

/** Diagnostic `source`. */
export const DIAGNOSTIC_SOURCE = 'PHI Guard';

// ---------------------------------------------------------------------------------------------------
// Status notification (server → client)

export const STATUS_NOTIFICATION = 'phiGuard/status';

export type ServerState = 'idle' | 'analyzing' | 'scanning' | 'error';

export interface SeverityCounts {
  error: number;
  warning: number;
  note: number;
}

export interface StatusParams {
  state: ServerState;
  /** Unsuppressed findings currently shown, by severity (open documents plus the last workspace scan). */
  counts: SeverityCounts;
  /** Suppressed findings (not shown as diagnostics). */
  suppressed: number;
  /** 0–100 while `state` is "scanning". */
  scanProgress?: number;
  /**
   * The last file whose analysis exceeded `timeBudgetMs` (or was stopped at `analysisTimeoutMs`), until
   * a later analysis of it is within the budget or it is closed.
   */
  slowFile?: SlowFile;
  /** Open documents that are not analysed, and why (over the size limit). */
  notAnalysed?: NotAnalysedFile[];
  /** The last error (a rule that threw, a file that could not be parsed, a config error). */
  lastError?: string;
}

/** Workspace-relative paths, never content. */
export interface SlowFile {
  file: string;
  ms: number;
  /** The analysis ran into `analysisTimeoutMs` and was stopped: the file is analysed on save only. */
  stopped?: boolean;
}

export interface NotAnalysedFile {
  file: string;
  /** Why, e.g. "5.0 MB exceeds the 1.0 MB limit (maxFileSize)". */
  reason: string;
}

// ---------------------------------------------------------------------------------------------------
// Export SARIF (client → server, via workspace/executeCommand with command `Commands.exportSarif`,
// or directly as the request below)

export const EXPORT_SARIF_REQUEST = 'phiGuard/exportSarif';

export interface ExportSarifParams {
  /** Absolute target path. Default: `phi-guard.sarif` in the first workspace folder. */
  target?: string;
}

export interface ExportSarifResult {
  /** Absolute path of the file written. */
  path: string;
  /** Number of results written. */
  results: number;
}

// ---------------------------------------------------------------------------------------------------
// Scan workspace result (returned by `workspace/executeCommand` `Commands.scanWorkspace`)

export interface ScanWorkspaceResult {
  /** False when the scan was cancelled. */
  completed: boolean;
  filesScanned: number;
  counts: SeverityCounts;
  suppressed: number;
  skipped: number;
  ruleErrors: number;
  durationMs: number;
}

/** Arguments of `Commands.showRuleDocumentation`. */
export interface ShowRuleDocumentationArgs {
  ruleId: string;
  url: string;
}
