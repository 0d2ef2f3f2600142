// Public face of the engine, used by the CLI, the language server, the reporters and the tests.
import type { ResolvedConfig } from '../core/config-types';
import type { WorkspaceIndex } from './workspace-index';

export * from '../core/types';
export * from '../core/config-types';
export type { Rule, RuleMeta } from '../rule-api';
export { docsUrl } from '../rule-api';
export { allRules as rules } from '../../../rules';
export { analyzeFile, knownRuleIds, parseSource } from './analyze';
export { scanWorkspace, scanRoot } from './scan';
export { ConfigResolver, parseConfigText, CONFIG_FILE_NAME } from './config';
export { WorkspaceIndex } from './workspace-index';
export { describeKinds, kindLabel, NameClassifier, PHI_KIND_BY_ID } from '../vocabulary/classify';

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
  /**
   * Also record which calls pass PHI to imported functions (FileResult.flows.calls), for the
   * workspace scan's cross-file pass.
   */
  collectFlows?: boolean;
  /** Exports whose parameters to summarise (FileResult.flows.exports): the cross-file pass asks for the ones other files call with PHI. */
  probeExports?: readonly string[];
}
