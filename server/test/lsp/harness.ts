// Test harness: spawns the built language server (`node dist/phi-guard.js lsp --stdio`) and talks
// JSON-RPC to it. Never sleeps a fixed time: every wait is for a message, with a timeout that fails.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const REPO = path.resolve(__dirname, '../../..');
export const FIXTURES = path.join(REPO, 'test-fixtures', 'lsp');
const DEFAULT_TIMEOUT_MS = 20_000;

let built: string | undefined;
/**
 * Builds dist/phi-guard.js once per test run (or uses PHI_GUARD_LSP_SERVER, a prebuilt server) and
 * returns a private copy of it: other work in the same tree may rebuild dist/ while tests run, and the
 * server and the CLI a test compares must be the same build.
 */
export function buildServerOnce(): string {
  const override = process.env.PHI_GUARD_LSP_SERVER;
  if (override) return override;
  if (!built) {
    if (!process.env.PHI_GUARD_SKIP_BUILD) {
      const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`node esbuild.mjs failed:\n${result.stderr}${result.stdout}`);
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-lsp-build-'));
    built = path.join(dir, 'phi-guard.js');
    fs.copyFileSync(path.join(REPO, 'dist', 'phi-guard.js'), built);
    const map = path.join(REPO, 'dist', 'phi-guard.js.map');
    if (fs.existsSync(map)) fs.copyFileSync(map, `${built}.map`);
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  return built;
}

const builtEntries = new Map<string, string>();
/**
 * Bundles a test's own server entry (a composition root with other rules) once per test run, as
 * esbuild.mjs bundles the real one, and returns the bundle's path.
 */
export function buildServerEntry(entry: string): string {
  let bundle = builtEntries.get(entry);
  if (!bundle) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-lsp-entry-'));
    bundle = path.join(dir, `${path.basename(entry, '.ts')}.js`);
    const script = `require('esbuild').buildSync({ entryPoints: [${JSON.stringify(entry)}], outfile: ${JSON.stringify(bundle)}, bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'error' })`;
    const result = spawnSync(process.execPath, ['-e', script], { cwd: REPO, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`bundling ${entry} failed:\n${result.stderr}${result.stdout}`);
    builtEntries.set(entry, bundle);
    const cleanup = dir;
    process.on('exit', () => fs.rmSync(cleanup, { recursive: true, force: true }));
  }
  return bundle;
}

/** The server command: `node <server> lsp --stdio` (a bare entry without the `lsp` subcommand for overrides). */
export function serverArgs(server: string): string[] {
  return process.env.PHI_GUARD_LSP_SERVER ? [server, '--stdio'] : [server, 'lsp', '--stdio'];
}

export function uriOf(absPath: string): string {
  return pathToFileURL(absPath).href;
}

export function withTimeout<T>(promise: Promise<T>, what: string, ms = DEFAULT_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}

/** Copies a fixture workspace to a fresh temp folder (tests change files; fixtures stay untouched). */
export function copyFixture(name: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), `phi-guard-lsp-${name}-`));
  fs.cpSync(path.join(FIXTURES, name), target, { recursive: true });
  return target;
}

export interface Received {
  method: string;
  params: any;
}

export interface StartOptions {
  capabilities?: ClientCapabilities;
  workspaceFolders?: string[];
  /** Returned for `workspace/configuration` requests (section phiGuard). */
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  initializationOptions?: unknown;
  /** A test's own server entry (bundled by buildServerEntry) instead of the built CLI's `lsp`. */
  serverEntry?: string;
  /** Arguments of `serverEntry` (default `--stdio`; a CLI entry needs `lsp --stdio`). */
  entryArgs?: string[];
}

/** Capabilities of a VS Code-like client: pull diagnostics, documentChanges, progress, config. */
export function pullCapabilities(extra: Partial<{ snippets: boolean }> = {}): ClientCapabilities {
  return {
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceFolders: true,
      diagnostics: { refreshSupport: true },
      workspaceEdit: { documentChanges: true, ...(extra.snippets ? { snippetEditSupport: true } : {}) } as any,
    },
    window: { workDoneProgress: true },
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
    },
  };
}

/** Capabilities of a minimal push client (like Neovim 0.7): no pull, no configuration, plain `changes`. */
export function pushCapabilities(): ClientCapabilities {
  return {
    workspace: { workspaceEdit: { documentChanges: false } },
    textDocument: {
      synchronization: { didSave: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
    },
  };
}

export class TestClient {
  readonly received: Received[] = [];
  readonly registrations: any[] = [];
  readonly stderr: string[] = [];
  settings: Record<string, unknown>;
  private listeners: Array<() => void> = [];
  private exited = false;
  initializeResult!: InitializeResult;

  private constructor(
    readonly proc: ChildProcess,
    readonly connection: MessageConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
    proc.stderr!.setEncoding('utf8');
    proc.stderr!.on('data', (chunk: string) => this.stderr.push(chunk));
    proc.on('exit', () => {
      this.exited = true;
      this.notify();
    });
    connection.onNotification((method: string, params: unknown) => {
      this.received.push({ method, params });
      this.notify();
    });
    // `$/progress` does not reach the star handler: vscode-jsonrpc routes it to progress handlers.
    connection.onUnhandledProgress((params) => {
      this.received.push({ method: '$/progress', params });
      this.notify();
    });
    connection.onRequest((method: string, params: any) => {
      this.received.push({ method, params });
      this.notify();
      switch (method) {
        case 'workspace/configuration':
          return (params.items as unknown[]).map(() => this.settings);
        case 'client/registerCapability':
          this.registrations.push(...params.registrations);
          return null;
        default:
          return null; // workDoneProgress/create, diagnostic refresh, …
      }
    });
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const args = options.serverEntry ? [buildServerEntry(options.serverEntry), ...(options.entryArgs ?? ['--stdio'])] : serverArgs(buildServerOnce());
    const proc = spawn(process.execPath, args, {
      cwd: REPO,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    const connection = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    connection.onError(() => undefined);
    connection.listen();
    const client = new TestClient(proc, connection, options);
    const folders = options.workspaceFolders ?? [];
    client.initializeResult = await withTimeout(
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: folders[0] ? uriOf(folders[0]) : null,
        workspaceFolders: folders.map((folder) => ({ uri: uriOf(folder), name: path.basename(folder) })),
        capabilities: options.capabilities ?? pushCapabilities(),
        initializationOptions: options.initializationOptions,
      }) as Promise<InitializeResult>,
      'initialize',
    );
    await connection.sendNotification('initialized', {});
    return client;
  }

  private notify(): void {
    for (const listener of this.listeners.splice(0)) listener();
  }

  isAlive(): boolean {
    return !this.exited;
  }

  /** Waits until a message (received from now on, or already, if `since` is given) matches. */
  waitFor(method: string, predicate: (params: any) => boolean = () => true, options: { since?: number; timeoutMs?: number } = {}): Promise<any> {
    let index = options.since ?? this.received.length;
    const found = new Promise<any>((resolve, reject) => {
      const check = (): void => {
        for (; index < this.received.length; index++) {
          const message = this.received[index];
          if (message.method === method && predicate(message.params)) {
            resolve(message.params);
            return;
          }
        }
        if (this.exited) {
          reject(new Error(`server exited while waiting for ${method}; stderr:\n${this.stderr.join('')}`));
          return;
        }
        this.listeners.push(check);
      };
      check();
    });
    return withTimeout(found, method, options.timeoutMs);
  }

  /** Mark for `waitFor(..., { since })`: only messages after this point count. */
  mark(): number {
    return this.received.length;
  }

  waitForDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, since?: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => p.uri === uri && predicate(p), { since });
  }

  open(absPath: string, text = fs.readFileSync(absPath, 'utf8'), version = 1, languageId = languageOf(absPath)): string {
    const uri = uriOf(absPath);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return uri;
  }

  request<T = any>(method: string, params: unknown, timeoutMs?: number): Promise<T> {
    return withTimeout(this.connection.sendRequest(method, params) as Promise<T>, method, timeoutMs);
  }

  notifyServer(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async pull(uri: string, previousResultId?: string): Promise<{ kind: string; items?: Diagnostic[]; resultId?: string }> {
    return this.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await withTimeout(this.connection.sendRequest('shutdown'), 'shutdown', 5000);
        await this.connection.sendNotification('exit');
      } catch {
        // fall through to kill
      }
      await withTimeout(
        new Promise<void>((resolve) => (this.exited ? resolve() : this.proc.on('exit', () => resolve()))),
        'server exit',
        5000,
      ).catch(() => this.proc.kill('SIGKILL'));
    }
    this.connection.dispose();
  }
}

/** One LSP base-protocol frame: `Content-Length` header and the body as given (a string is sent as is). */
export function frame(body: unknown): Buffer {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return Buffer.concat([Buffer.from(`Content-Length: ${Buffer.byteLength(text)}\r\n\r\n`), Buffer.from(text)]);
}

/**
 * A client that writes raw bytes to the server's stdin and reads its frames itself: for messages a
 * well-behaved JSON-RPC library never sends (null params, garbage, broken headers).
 */
export class RawClient {
  readonly messages: any[] = [];
  readonly stderr: string[] = [];
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private buffer = Buffer.alloc(0);
  private listeners: Array<() => void> = [];

  private constructor(readonly proc: ChildProcess) {
    proc.stdout!.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end === -1) break;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1]);
        if (this.buffer.length < end + 4 + length) break;
        this.messages.push(JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')));
        this.buffer = this.buffer.subarray(end + 4 + length);
      }
      this.wake();
    });
    proc.stderr!.setEncoding('utf8');
    proc.stderr!.on('data', (chunk: string) => this.stderr.push(chunk));
    proc.on('exit', (code, signal) => {
      this.exit = { code, signal };
      this.wake();
    });
  }

  /** Starts the built server and, unless `initialize` is false, initializes it as a push client. */
  static async start(options: { workspaceFolders?: string[]; initialize?: boolean } = {}): Promise<RawClient> {
    const proc = spawn(process.execPath, serverArgs(buildServerOnce()), { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'], env: process.env });
    const client = new RawClient(proc);
    if (options.initialize !== false) {
      const folders = options.workspaceFolders ?? [];
      client.write(
        frame({
          jsonrpc: '2.0',
          id: 'init',
          method: 'initialize',
          params: {
            processId: null,
            rootUri: folders[0] ? uriOf(folders[0]) : null,
            workspaceFolders: folders.map((folder) => ({ uri: uriOf(folder), name: path.basename(folder) })),
            capabilities: pushCapabilities(),
          },
        }),
      );
      await client.waitFor((m) => m.id === 'init', 'the initialize response');
      client.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
    }
    return client;
  }

  write(bytes: Buffer | string): void {
    this.proc.stdin!.write(bytes);
  }

  /** Sends a request frame with exactly these params (`undefined` leaves `params` out) and waits for its response. */
  request(id: number | string, method: string, params?: unknown): Promise<any> {
    this.write(frame(params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params }));
    return this.waitFor((m) => m.id === id && !('method' in m), `the response to ${method} (id ${id})`);
  }

  /** Sends a notification frame with exactly these params. */
  notification(method: string, params: unknown): void {
    this.write(frame({ jsonrpc: '2.0', method, params }));
  }

  private wake(): void {
    for (const listener of this.listeners.splice(0)) listener();
  }

  waitFor(predicate: (message: any) => boolean, what: string, since = 0): Promise<any> {
    const found = new Promise<any>((resolve, reject) => {
      const check = (): void => {
        const message = this.messages.slice(since).find(predicate);
        if (message) return resolve(message);
        if (this.exit) return reject(new Error(`server exited (${JSON.stringify(this.exit)}) while waiting for ${what}; stderr:\n${this.stderr.join('')}`));
        this.listeners.push(check);
      };
      check();
    });
    return withTimeout(found, what);
  }

  waitForExit(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      const check = (): void => {
        if (this.exit) resolve(this.exit);
        else this.listeners.push(check);
      };
      check();
    });
    return withTimeout(exited, 'the server to exit');
  }

  /** Logs the server sent to the client (window/logMessage). */
  logs(): string[] {
    return this.messages.filter((m) => m.method === 'window/logMessage').map((m) => String(m.params?.message));
  }

  kill(): void {
    if (!this.exit) this.proc.kill('SIGKILL');
  }
}

export function languageOf(absPath: string): string {
  if (/\.vue$/.test(absPath)) return 'vue';
  if (/\.svelte$/.test(absPath)) return 'svelte';
  if (/\.tsx$/.test(absPath)) return 'typescriptreact';
  if (/\.[cm]?ts$/.test(absPath)) return 'typescript';
  if (/\.jsx$/.test(absPath)) return 'javascriptreact';
  if (/\.json$/.test(absPath)) return 'json';
  return 'javascript';
}

export function severityName(diagnostic: Diagnostic): string {
  return ['', 'error', 'warning', 'information', 'hint'][diagnostic.severity ?? 0];
}
