// The library entry (bundled as dist/engine.js): the engine's public face together with the bundled
// rule pack, for the benchmark, tools and tests. Like the CLI and the language server it is a
// composition root: it hands the rules to the Project; the engine itself knows none.
import * as path from 'node:path';
import { allRules } from '../../rules';
import { Project, scanRoot, type AnyRule, type FileRole, type ScanResult } from './engine';

export * from './engine';
export { allRules as rules };

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
  /** The roles whose findings are reported: 'all', a list, or (default) each rule's own. */
  reportRoles?: 'all' | readonly FileRole[];
  /** Follow symbolic links that lead outside the scanned paths (default: skipped with a reason). */
  followExternalLinks?: boolean;
}

/**
 * `phi-guard scan <paths>` from `cwd`: findings relative to `cwd`, or to the paths' common folder
 * when they lie outside it.
 */
export function scanWorkspace(options: ScanOptions, rules: readonly AnyRule[] = allRules): Promise<ScanResult> {
  const cwd = path.resolve(options.cwd);
  const paths = (options.paths.length ? options.paths : [cwd]).map((candidate) => path.resolve(cwd, candidate));
  const project = new Project({ root: scanRoot(paths, cwd), rules, configFile: options.configFile, reportRoles: options.reportRoles, followExternalLinks: options.followExternalLinks });
  return project.scan({ paths, onProgress: options.onProgress, signal: options.signal });
}
