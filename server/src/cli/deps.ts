// What the CLI needs from the rest of the server. main.ts passes the real engine (through a Project
// with the bundled rule pack) and language server; tests pass stand-ins so the CLI's behaviour can be
// checked without them.
import type { AnyRule, FileRole, ScanResult } from '../engine';

export type LspTransport = 'stdio' | 'ipc';

export interface ScanOptions {
  /** Files or folders to scan (absolute). */
  paths: string[];
  cwd: string;
  /** An explicit config file (`--config`): applies to every file instead of the nearest one. */
  configFile?: string;
  /** The roles whose findings are reported; undefined: each rule's own. */
  reportRoles?: 'all' | readonly FileRole[];
  /** Follow symbolic links that lead outside the scanned paths. */
  followExternalLinks?: boolean;
  onProgress?: (progress: { done: number; total: number; file: string }) => void;
  signal?: AbortSignal;
}

export interface CliDeps {
  scanWorkspace(options: ScanOptions): Promise<ScanResult>;
  getRules(): readonly AnyRule[];
  startLanguageServer(options: { transport: LspTransport }): void;
}
