// What the CLI needs from the rest of the server. main.ts passes the real engine and language server;
// tests pass stand-ins so the CLI's behaviour can be checked without them.
import type { ScanOptions } from '../engine/index';
import type { Rule } from '../rule-api';
import type { ScanResult } from '../core/types';

export type LspTransport = 'stdio' | 'ipc';

export interface CliDeps {
  scanWorkspace(options: ScanOptions): Promise<ScanResult>;
  getRules(): readonly Rule[];
  startLanguageServer(options: { transport: LspTransport }): void;
}
