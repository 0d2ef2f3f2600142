// The `lsp` target: the built language server (`phi-guard lsp --stdio`) over real JSON-RPC framing.
// Each input is one to four messages — well-formed ones with mutated params (missing fields, wrong
// types, null, huge or deeply nested values), out-of-order notifications (a change before an open, a
// version going back, a close twice), documents from the `sources` mutators (planted PHI values, deep
// nesting, over the size limit) — or bytes that break the framing. After each input the server must
// still answer (a hover request); every 20 inputs it must still analyse a document. It may close the
// connection only on a framing error, with exit code 1 and a log line. No output — diagnostics, logs,
// error responses, hovers, stderr — may carry a planted value.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { indexesOf, newStats, noteTime } from './fuzz.mjs';
import { PLANTED, echoesIn } from './planted.mjs';
import { Random } from './random.mjs';
import { loadSeeds, makeSourceInput } from './sources.mjs';

const INTERNAL_ERROR = -32603;
const STACK_FRAME = /^\s+at .+[:(]/m;
const LEAK = 'export function show(patient: { ssn: string }) {\n  console.log(patient.ssn);\n}\n';
const DOC_LIMITS = { maxDepth: 2_000, maxLongLine: 20_000, maxHugeString: 1_200_000, maxLines: 2_000 };

/** A value nested `depth` arrays deep, written into the frame's text (JSON.stringify would overflow). */
const DEEP = /"__deep_(\d+)__"/g;

export function frame(body) {
  const text = typeof body === 'string' ? body : JSON.stringify(body).replace(DEEP, (_, depth) => `${'['.repeat(Number(depth))}${']'.repeat(Number(depth))}`);
  return Buffer.concat([Buffer.from(`Content-Length: ${Buffer.byteLength(text)}\r\n\r\n`), Buffer.from(text)]);
}

/** A raw JSON-RPC peer of the server: writes bytes, reads frames, answers the server's requests. */
export class Server {
  constructor(cli, workspace, nodeArgs = []) {
    this.workspace = workspace;
    this.proc = spawn(process.execPath, [...nodeArgs, cli, 'lsp', '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdin.on('error', () => undefined);
    this.messages = [];
    this.stderr = '';
    this.buffer = Buffer.alloc(0);
    this.listeners = [];
    this.exit = undefined;
    this.proc.stdout.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end === -1) break;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1]);
        if (this.buffer.length < end + 4 + length) break;
        const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
        this.buffer = this.buffer.subarray(end + 4 + length);
        let message;
        try {
          message = JSON.parse(body);
        } catch {
          message = { unparseable: body };
        }
        this.messages.push(message);
        if (message.method && message.id !== undefined) this.answer(message);
      }
      this.wake();
    });
    this.proc.stderr.on('data', (chunk) => (this.stderr += chunk));
    this.proc.on('error', (error) => {
      this.stderr += `could not run the server: ${error.message}\n`;
      this.exit ??= { code: null, signal: null, error: error.message };
      this.wake();
    });
    this.proc.on('exit', (code, signal) => {
      this.exit = { code, signal };
      this.wake();
    });
  }

  answer(request) {
    const result = request.method === 'workspace/configuration' ? (request.params?.items ?? []).map(() => ({})) : null;
    this.write(frame({ jsonrpc: '2.0', id: request.id, result }));
  }

  write(bytes) {
    if (!this.exit && this.proc.stdin.writable) this.proc.stdin.write(bytes);
  }

  wake() {
    for (const listener of this.listeners.splice(0)) listener();
  }

  /** The first message from `since` on matching `predicate`; 'exit' or 'timeout' otherwise. */
  waitFor(predicate, since, timeoutMs) {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), timeoutMs);
      const check = () => {
        for (let i = since; i < this.messages.length; i++) {
          if (predicate(this.messages[i])) {
            clearTimeout(timer);
            return resolve(this.messages[i]);
          }
        }
        if (this.exit) {
          clearTimeout(timer);
          return resolve('exit');
        }
        this.listeners.push(check);
      };
      check();
    });
  }

  waitForExit(timeoutMs) {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      const check = () => {
        if (this.exit) {
          clearTimeout(timer);
          resolve(this.exit);
        } else this.listeners.push(check);
      };
      check();
    });
  }

  kill() {
    if (!this.exit) this.proc.kill('SIGKILL');
  }
}

// ---- messages ---------------------------------------------------------------------------------------

function oddValue(random) {
  return random.pick([
    null, undefined, 0, -1, 1.5, 2 ** 53, '', 'x', true, [], {}, [null], { uri: 5 },
    'x'.repeat(random.size(200_000)),
    `__deep_${random.size(200_000)}__`,
    // (Paths are not planted: the tool names files by their paths, by design.)
    PLANTED.ssn, `${PLANTED.name} ${PLANTED.dob}`,
  ]);
}

/** Drops, retypes or replaces fields of a message's params at random depths. */
function mutateParams(random, params) {
  if (random.chance(0.1)) return oddValue(random);
  const copy = params === undefined ? undefined : JSON.parse(JSON.stringify(params));
  const objects = [];
  const collect = (node, depth) => {
    if (node && typeof node === 'object' && depth < 6) {
      objects.push(node);
      for (const value of Object.values(node)) collect(value, depth + 1);
    }
  };
  collect(copy, 0);
  for (let n = random.int(1, 3); n > 0 && objects.length; n--) {
    const node = random.pick(objects);
    const keys = Object.keys(node);
    const key = keys.length && random.chance(0.8) ? random.pick(keys) : random.pick(['extra', '__proto__', 'constructor', '0']);
    if (random.chance(0.3)) delete node[key];
    else Object.defineProperty(node, key, { value: oddValue(random), enumerable: true, configurable: true, writable: true });
  }
  return copy;
}

export function makeLspInput(random, ctx) {
  const messages = [];
  const uri = () =>
    random.weighted([
      [8, ctx.docUris[random.int(0, ctx.docUris.length - 1)]],
      [1, random.pick(['untitled:Untitled-1', 'http://example.com/a.ts', 'file://', 'file:///%', '%%%', 'file:///../../etc/passwd', `file://${ctx.workspace}/../outside.ts`, `file://${ctx.workspace}/${'a/'.repeat(200)}x.ts`, 'vscode-notebook-cell:/x.ipynb#a'])],
    ]);
  const documentText = () => {
    if (random.chance(0.2)) return LEAK;
    const input = makeSourceInput(random, ctx.seeds, DOC_LIMITS);
    return input.bytes.toString('utf8');
  };
  const range = () => {
    const pos = () => ({ line: random.pick([0, 1, 3, 100, -1, 2 ** 31, 1.5]), character: random.pick([0, 2, 80, -5, 2 ** 31]) });
    return { start: pos(), end: pos() };
  };
  const version = () => random.pick([1, 2, 3, 10, 0, -1, 2 ** 31, 1.5]);
  const templates = [
    [6, () => ({ method: 'textDocument/didOpen', params: { textDocument: { uri: uri(), languageId: random.pick(['typescript', 'typescriptreact', 'javascript', 'json', 'jsonc', 'markdown', 'plaintext', '']), version: version(), text: documentText() } } })],
    [6, () => ({ method: 'textDocument/didChange', params: { textDocument: { uri: uri(), version: version() }, contentChanges: random.chance(0.5) ? [{ text: documentText() }] : [{ range: range(), text: random.pick(['x', '\n', '', `'${PLANTED.ssn}'`, '{', 'console.log(patient.ssn);']) }] } })],
    [3, () => ({ method: 'textDocument/didClose', params: { textDocument: { uri: uri() } } })],
    [2, () => ({ method: 'textDocument/didSave', params: { textDocument: { uri: uri() }, ...(random.chance(0.5) ? { text: documentText() } : {}) } })],
    [1, () => ({ method: 'textDocument/willSave', params: { textDocument: { uri: uri() }, reason: random.pick([1, 2, 3, 9]) } })],
    [4, () => ({ id: true, method: 'textDocument/codeAction', params: { textDocument: { uri: uri() }, range: range(), context: { diagnostics: [], only: random.chance(0.5) ? ['quickfix'] : ['source.fixAll.phiGuard'] } } })],
    [3, () => ({ id: true, method: 'textDocument/hover', params: { textDocument: { uri: uri() }, position: range().start } })],
    [2, () => ({ id: true, method: 'textDocument/diagnostic', params: { textDocument: { uri: uri() }, previousResultId: random.pick([undefined, 'x', '1']) } })],
    [1, () => ({ id: true, method: 'workspace/executeCommand', params: { command: random.pick(['phiGuard.scanWorkspace', 'phiGuard.exportSarif', 'phiGuard.restartServer', 'nope', '']), arguments: random.pick([[], [{ target: path.join(ctx.workspace, 'out', 'r.sarif') }], [{ target: 5 }], [null], undefined]) } })],
    [1, () => ({ id: true, method: 'phiGuard/exportSarif', params: { target: random.pick([path.join(ctx.workspace, 'out', 'r.sarif'), path.join(ctx.workspace, 'missing', 'dir', 'r.sarif'), ctx.workspace, 5, null, '']) } })],
    [2, () => ({ method: 'workspace/didChangeConfiguration', params: { settings: { phiGuard: { enable: random.pick([true, false, 'yes']), run: random.pick(['onType', 'onSave', 'never', 3]), severityOverrides: random.pick([{ 'no-phi-in-logs': 'off' }, { [PLANTED.ssn]: 'error' }, 'x', null]), exclude: random.pick([['**'], [PLANTED.name], 'x', [5]]), sanitizers: random.pick([['scrub'], null, 5]), redactor: random.pick([{ name: 'redact' }, { name: 5 }, 'x', null]), timeBudgetMs: random.pick([1, 0, -5, 'x', 1e9]), analysisTimeoutMs: random.pick([1, 0, 'x', 1e9]) } } } })],
    [2, () => ({ method: 'workspace/didChangeWatchedFiles', params: { changes: [{ uri: uri(), type: random.pick([1, 2, 3, 0, 9]) }, { uri: pathToFileURL(path.join(ctx.workspace, '.phi-guard.json')).href, type: random.pick([1, 2, 3]) }] } })],
    [1, () => ({ method: 'workspace/didChangeWorkspaceFolders', params: { event: { added: random.pick([[], [{ uri: pathToFileURL(path.join(ctx.workspace, 'src')).href, name: 'src' }], [{ uri: 'file:///nonexistent/folder', name: 'x' }], [{ uri: 5 }]]), removed: random.pick([[], [{ uri: pathToFileURL(ctx.workspace).href, name: 'ws' }], [{ uri: 'untitled:x', name: 'x' }]]) } } })],
    [1, () => ({ method: '$/cancelRequest', params: { id: random.pick([1, 'x', null, ctx.nextId - 1]) } })],
    [1, () => ({ method: '$/setTrace', params: { value: random.pick(['off', 'messages', 'verbose', 'loud', 5]) } })],
    [1, () => ({ id: true, method: random.pick(['initialize', 'shutdownx', 'textDocument/completion', 'phiGuard/nope', 'rpc.test', '']), params: random.pick([{}, null, [1], { processId: 'x', capabilities: 5 }]) })],
    [1, () => ({ method: random.pick(['initialized', 'window/workDoneProgress/cancel', '$/progress', 'notebookDocument/didOpen', 'exitt']), params: random.pick([{}, null, { token: 'x' }]) })],
  ];
  for (let n = random.weighted([[5, 1], [3, 2], [2, 4]]); n > 0; n--) {
    const template = random.weighted(templates)();
    const isRequest = template.id === true;
    let params = template.params;
    if (random.chance(0.5)) params = mutateParams(random, params);
    const message = { jsonrpc: '2.0', method: template.method };
    if (isRequest) message.id = random.chance(0.9) ? ctx.nextId++ : random.pick([null, 'x', 1.5, { a: 1 }, -1]);
    if (params !== undefined || random.chance(0.5)) message.params = params;
    if (random.chance(0.05)) delete message.jsonrpc;
    if (random.chance(0.03)) message.jsonrpc = '1.0';
    messages.push({ kind: 'message', body: message });
  }
  if (random.chance(0.1)) messages.push({ kind: 'framing', ...framingError(random) });
  return messages;
}

/**
 * Bytes that break the base protocol; `closes` when the server may end the connection for it. (No value
 * is planted in an id: ids are the client's own tokens, which responses and logs name by design.)
 */
function framingError(random) {
  const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didClose', params: { textDocument: { uri: 'file:///x.ts' } } });
  return random.pick([
    { name: 'not JSON', bytes: frame('{"jsonrpc": "2.0", "id": 5, "method": '), closes: false },
    { name: 'JSON, not a message', bytes: frame(random.pick(['null', '[]', '[1,2]', '42', '"x"', '{}', '{"id": "x-1"}', `{"note": "${PLANTED.ssn}"}`])), closes: false },
    { name: 'a batch', bytes: frame(`[${body},${body}]`), closes: false },
    { name: 'split in pieces', bytes: frame(body), split: true, closes: false },
    { name: 'Content-Length not a number', bytes: Buffer.from(`Content-Length: abc\r\n\r\n${body}`), closes: true },
    { name: 'negative Content-Length', bytes: Buffer.from(`Content-Length: -5\r\n\r\n${body}`), closes: true },
    { name: 'no Content-Length', bytes: Buffer.from(`Content-Type: application/json\r\n\r\n${body}`), closes: true },
    { name: 'garbage', bytes: Buffer.from(`${PLANTED.name} ${PLANTED.ssn}\r\n\r\n`), closes: true },
    { name: 'endless header', bytes: Buffer.from('x'.repeat(20_000)), closes: true },
    { name: 'Content-Length too small', bytes: Buffer.concat([Buffer.from(`Content-Length: ${body.length - 10}\r\n\r\n`), Buffer.from(body)]), closes: true },
    { name: 'Content-Length too large', bytes: Buffer.concat([Buffer.from(`Content-Length: ${body.length + 40}\r\n\r\n`), Buffer.from(body)]), closes: true },
    { name: 'bare newlines', bytes: Buffer.from(`Content-Length: ${body.length}\n\n${body}`), closes: true },
    { name: 'odd charset', bytes: Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\nContent-Type: application/vscode-jsonrpc; charset=${random.pick(['latin1', 'utf-16', 'x'])}\r\n\r\n`), Buffer.from(body)]), closes: true },
    { name: 'NUL bytes in the header', bytes: Buffer.from(`Content-Length: 2\u0000\r\n\r\n{}`), closes: true },
  ]);
}

// ---- the run ----------------------------------------------------------------------------------------

export function writeWorkspace(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'out'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'lab.ts'), LEAK);
  fs.writeFileSync(path.join(dir, 'src', 'planted.ts'), `export const record = { name: '${PLANTED.name}', ssn: '${PLANTED.ssn}', dateOfBirth: '${PLANTED.dob}' };\nconsole.log(record.ssn);\n`);
  fs.writeFileSync(path.join(dir, '.phi-guard.json'), '{ "rules": { "no-phi-literal": "warning" } }\n');
}

async function startServer(ctx, initialize = true) {
  // Starting node on a loaded machine can take long: three tries with a generous budget before the lane gives up.
  for (let attempt = 1; ; attempt++) {
    const server = new Server(ctx.cli, ctx.workspace);
    if (!initialize) return server;
    try {
      await initializeServer(server, ctx, ctx.budgetMs * 3);
      return server;
    } catch (error) {
      server.kill();
      if (attempt === 3) throw error;
    }
  }
}

export async function initializeServer(server, ctx, timeoutMs = ctx.budgetMs) {
  const id = `init-${ctx.nextId++}`;
  const since = server.messages.length;
  server.write(frame({ jsonrpc: '2.0', id, method: 'initialize', params: { processId: null, rootUri: pathToFileURL(ctx.workspace).href, workspaceFolders: [{ uri: pathToFileURL(ctx.workspace).href, name: 'ws' }], capabilities: { workspace: { workspaceEdit: { documentChanges: false } }, textDocument: { synchronization: { didSave: true }, publishDiagnostics: { relatedInformation: true, versionSupport: true }, hover: { contentFormat: ['markdown', 'plaintext'] } } } } }));
  const answer = await server.waitFor((m) => m.id === id, since, timeoutMs);
  if (answer === 'timeout' || answer === 'exit') throw new Error(`the language server did not initialize (${answer}): ${server.stderr.slice(-2000)}`);
  server.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
}

/** Liveness: a hover request answered. Analysis (every `deepEvery` inputs): a new document's leak reported. */
async function probe(server, ctx, deep, timeoutMs = ctx.budgetMs) {
  const since = server.messages.length;
  const id = `probe-${ctx.nextId++}`;
  if (deep) {
    // Earlier inputs may have switched analysis off or excluded everything: back to the defaults first.
    server.write(frame({ jsonrpc: '2.0', method: 'workspace/didChangeConfiguration', params: { settings: { phiGuard: {} } } }));
    const uri = pathToFileURL(path.join(ctx.workspace, 'src', `probe-${ctx.nextId}.ts`)).href;
    server.write(frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'typescript', version: 1, text: LEAK } } }));
    const published = await server.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri && m.params.diagnostics?.some((d) => d.code === 'no-phi-in-logs'), since, ctx.budgetMs);
    server.write(frame({ jsonrpc: '2.0', method: 'textDocument/didClose', params: { textDocument: { uri } } }));
    if (typeof published === 'string') return published;
  }
  server.write(frame({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri: pathToFileURL(path.join(ctx.workspace, 'src', 'lab.ts')).href }, position: { line: 1, character: 16 } } }));
  const answer = await server.waitFor((m) => m.id === id, since, timeoutMs);
  return typeof answer === 'string' ? answer : 'ok';
}

/** What the server said that must not carry a planted value (code action edits are the document's own text). */
function outputText(messages, stderr) {
  const said = messages.map((message) => {
    if (message.result !== undefined && message.id !== undefined && Array.isArray(message.result)) return '';
    // A document's URI is the client's name for it (like a path, never planted on purpose): diagnostics name it.
    if (message.method === 'textDocument/publishDiagnostics') return JSON.stringify({ ...message, params: { ...message.params, uri: '' } });
    return JSON.stringify(message);
  });
  return `${said.join('\n')}\n${stderr}`;
}

export async function runLsp({ options, dist, tempDir, recordFailure, log, repo }) {
  const stats = newStats();
  stats.info = { messages: 0, framingErrors: 0, closedOnFramingError: 0, restarts: 0, invalidParamsAnswers: 0, analysisProbes: 0 };
  const seeds = loadSeeds(repo);
  const indexes = indexesOf(options);
  const lanes = Math.min(options.jobs, indexes.length);
  let next = 0;
  const lane = async (laneIndex) => {
    const workspace = path.join(tempDir, `lsp-ws-${laneIndex}`);
    writeWorkspace(workspace);
    const ctx = { cli: dist.cli, workspace, seeds, budgetMs: options.budgetMs, nextId: 1, docUris: [0, 1, 2, 3].map((k) => pathToFileURL(path.join(workspace, 'src', `doc${k}.${['ts', 'tsx', 'js', 'json'][k]}`)).href) };
    let server = await startServer(ctx);
    let checked = 0;
    let history = [];
    try {
      while (next < indexes.length && !options.stopping?.()) {
        const index = indexes[next++];
        stats.inputs++;
        const random = new Random(options.seed, 'lsp', index);
        const preInitialize = random.chance(0.01);
        const input = makeLspInput(random, ctx);
        const what = input.map((m) => (m.kind === 'framing' ? `framing: ${m.name}` : m.body.method)).join(', ');
        const asData = (messages) => messages.map((m) => (m.kind === 'framing' ? { framing: m.name, bytes: m.bytes.toString('latin1') } : m.body));
        history.push({ index, messages: asData(input) });
        if (history.length > 200) history.shift();
        const fail = (kind, detail) => {
          const key = { crash: 'crashes', hang: 'hangs', drop: 'drops', echo: 'echoes' }[kind] ?? 'other';
          stats[key]++;
          // The server keeps state: the inputs before this one on the same server are part of the failure.
          recordFailure({ target: 'lsp', index, kind, detail: `${detail}\ninput: ${what}`, what, messages: { workspace, input: asData(input), sameServerBefore: history.slice(0, -1) } });
        };
        if (preInitialize) {
          server.kill();
          server = await startServer(ctx, false);
          stats.info.restarts++;
        }
        const since = server.messages.length;
        const started = performance.now();
        let framing;
        for (const message of input) {
          stats.info.messages++;
          if (message.kind === 'framing') {
            framing = message;
            stats.info.framingErrors++;
            if (message.split) for (let at = 0; at < message.bytes.length; at += 7) server.write(message.bytes.subarray(at, at + 7));
            else server.write(message.bytes);
          } else server.write(frame(message.body));
        }
        if (preInitialize) await initializeServer(server, ctx).catch(() => undefined);
        // After bytes that may leave the server waiting for more, a short wait: then its input is closed.
        let outcome = await probe(server, ctx, !framing && index % 20 === 0, framing?.closes ? 2000 : ctx.budgetMs);
        if (!framing && index % 20 === 0) stats.info.analysisProbes++;
        if (outcome === 'timeout' && !framing) {
          // On a loaded machine a slow answer is not a hang: wait twice as long again before calling it one.
          const late = await server.waitFor((m) => typeof m.id === 'string' && m.id.startsWith('probe-'), since, ctx.budgetMs * 2);
          if (late !== 'timeout' && late !== 'exit') {
            outcome = 'ok';
            stats.info.slowButFinished = (stats.info.slowButFinished ?? 0) + 1;
          }
        }
        if (outcome === 'timeout' && framing?.closes) {
          // The server is waiting for bytes the broken frame promised: closing its input must end it.
          server.proc.stdin.end();
          outcome = (await server.waitForExit(ctx.budgetMs)) ? 'exit' : 'timeout';
        }
        const ms = performance.now() - started;
        noteTime(stats, index, ms, what);
        const said = server.messages.slice(since);
        for (const message of said) {
          if (message.error?.code === INTERNAL_ERROR) fail('internal-error', `answered with InternalError (−32603): ${JSON.stringify(message.error).slice(0, 300)}`);
          if (message.error?.code === -32602) stats.info.invalidParamsAnswers++;
        }
        for (const echo of echoesIn(outputText(said, server.stderr))) fail('echo', `the server's output echoes the planted ${echo.what}: …${echo.context}…`);
        if (STACK_FRAME.test(server.stderr)) fail('crash', `the server printed a stack trace: ${server.stderr.slice(-1500)}`);
        if (outcome === 'timeout') fail('hang', `no answer to the probe after ${Math.round(ms)} ms`);
        if (outcome === 'exit') {
          const exit = server.exit ?? (await server.waitForExit(2000));
          const documented = framing?.closes && exit?.code === 1 && /closing the connection/.test(server.stderr);
          if (documented) stats.info.closedOnFramingError++;
          else fail('crash', `the server exited (${JSON.stringify(exit)})${framing ? ` after a framing error (${framing.name})` : ''}: ${server.stderr.slice(-1500)}`);
        }
        if (outcome !== 'ok') {
          server.kill();
          server = await startServer(ctx);
          stats.info.restarts++;
          history = [];
        } else {
          server.stderr = '';
          server.messages.length = 0;
        }
        if (++checked % 500 === 0) log(`  lsp (lane ${laneIndex}): ${checked} inputs, ${stats.crashes + stats.hangs + stats.echoes + stats.other} failures`);
      }
    } finally {
      server.kill();
    }
  };
  // A lane that cannot go on (its server does not even initialize) is a failure, not the end of the others.
  const settled = await Promise.allSettled(Array.from({ length: lanes }, (_, laneIndex) => lane(laneIndex)));
  for (const [laneIndex, outcome] of settled.entries()) {
    if (outcome.status === 'rejected') {
      stats.crashes++;
      recordFailure({ target: 'lsp', index: `lane-${laneIndex}`, kind: 'crash', detail: String(outcome.reason?.stack ?? outcome.reason) });
    }
  }
  return stats;
}
