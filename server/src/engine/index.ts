// Public face of the engine, used by the CLI, the language server, the reporters and the tests.
import type { ResolvedConfig } from './config-types';
import type { Rule } from './rule-api';
import type { FileResult, ScanResult } from './types';
import type { WorkspaceIndex } from './workspace-index';

export * from './types';
export * from './config-types';
export type { Rule, RuleMeta } from './rule-api';

export interface ScanOptions {
  /** Files or folders to scan (absolute, or relative to `cwd`). Default: [cwd]. */
  paths: string[];
  cwd: string;
  /** An explicit config file (`--config`): applies to every file instead of the nearest one. */
  configFile?: string;
  /** Called as files are analysed. */
  onProgress?: (progress: { done: number; total: number; file: string }) => void;
  /** Cancels the scan; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
}

export interface AnalyzeInput {
  /** Absolute path (used for the language and for config lookup). */
  absPath: string;
  /** Workspace-relative POSIX path used in findings. */
  relPath: string;
  text: string;
  config: ResolvedConfig;
  /** Cross-file knowledge (types with PHI fields). Optional: a file can be analysed alone. */
  index?: WorkspaceIndex;
  /** "today" for suppression expiry, YYYY-MM-DD. Defaults to the current date. */
  today?: string;
}

export declare function scanWorkspace(options: ScanOptions): Promise<ScanResult>;
export declare function analyzeFile(input: AnalyzeInput): FileResult;
export declare const rules: readonly Rule[];
