#!/usr/bin/env node
// Replays a failing `lsp` input with the inputs the same server saw before it (messages.json of a
// failure folder) against a fresh server, then asks for a hover and reports what happened.
//   node bench/fuzz/replay-lsp.mjs <failure folder> [--skip N,M…]  (N: position in the flattened list)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Server, frame, initializeServer, writeWorkspace } from './target-lsp.mjs';

const [folder, ...rest] = process.argv.slice(2);
const skip = new Set((rest[rest.indexOf('--skip') + 1] ?? '').split(',').filter(Boolean).map(Number));
const recorded = JSON.parse(fs.readFileSync(path.join(folder, 'messages.json'), 'utf8'));
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-replay-'));
writeWorkspace(workspace);
const retarget = (text) => text.split(recorded.workspace).join(workspace);
const flat = [...recorded.sameServerBefore.flatMap((entry) => entry.messages), ...recorded.input];
const cli = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../dist/phi-guard.js');
const ctx = { cli, workspace, budgetMs: 30_000, nextId: 1 };
const server = new Server(cli, workspace);
await initializeServer(server, ctx);
const hover = async (label) => {
  const id = `hover-${ctx.nextId++}`;
  const since = server.messages.length;
  const started = performance.now();
  server.write(frame({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri: pathToFileURL(path.join(workspace, 'src', 'lab.ts')).href }, position: { line: 1, character: 16 } } }));
  const answer = await server.waitFor((m) => m.id === id, since, Number(process.env.REPLAY_TIMEOUT_MS ?? 30_000));
  console.log(`${label}: hover ${typeof answer === 'string' ? answer : 'answered'} after ${Math.round(performance.now() - started)} ms`);
};
let position = 0;
for (const entry of [...recorded.sameServerBefore, { index: 'failing', messages: recorded.input }]) {
  for (const message of entry.messages) {
    if (skip.has(position++)) continue;
    if (message.framing) server.write(Buffer.from(retarget(message.bytes), 'latin1'));
    else server.write(frame(retarget(JSON.stringify(message))));
  }
  // --step: a hover after each input, as the fuzz run probes.
  if (rest.includes('--step')) await hover(`after #${entry.index}`);
}
const started = performance.now();
const since = server.messages.length;
server.write(frame({ jsonrpc: '2.0', id: 'hover', method: 'textDocument/hover', params: { textDocument: { uri: pathToFileURL(path.join(workspace, 'src', 'lab.ts')).href }, position: { line: 1, character: 16 } } }));
const answer = await server.waitFor((m) => m.id === 'hover', since, 30_000);
console.log(`${flat.length} messages replayed; hover: ${typeof answer === 'string' ? answer : 'answered'} after ${Math.round(performance.now() - started)} ms; exit ${JSON.stringify(server.exit)}`);
console.log(server.stderr.slice(-2000));
for (const message of server.messages.filter((m) => m.method === 'window/logMessage' || m.error)) console.log(JSON.stringify(message).slice(0, 300));
server.kill();
fs.rmSync(workspace, { recursive: true, force: true });
