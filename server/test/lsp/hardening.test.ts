// The language server under malformed input (issue 10, defect 6): bad params are answered with
// InvalidParams or ignored with a log line, never an exit; a stray error does not end the process in
// language-server mode; a broken stream (bad Content-Length, garbage) is logged and the connection
// closed with exit code 1, never a crash. Raw frames are written to the real server's stdin.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STRAY_MARKER } from '../helpers/stray-error-rule';
import { FIXTURES, RawClient, TestClient, buildServerOnce, frame, pushCapabilities, uriOf } from './harness';

const BASIC = path.join(FIXTURES, 'basic');
const LAB = path.join(BASIC, 'src', 'lab.ts');
const LAB_TEXT = fs.readFileSync(LAB, 'utf8');
const INVALID_PARAMS = -32602;

/** After whatever came before, the server still analyses a document and publishes its diagnostics. */
async function stillServes(client: RawClient, version = 7): Promise<void> {
  client.notification('textDocument/didOpen', { textDocument: { uri: uriOf(LAB), languageId: 'typescript', version, text: LAB_TEXT } });
  const published = await client.waitFor(
    (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uriOf(LAB) && m.params.version === version,
    'diagnostics for lab.ts',
  );
  assert.ok(published.params.diagnostics.some((d: { code: string }) => d.code === 'no-cleartext-transport'));
  assert.equal(client.exit, undefined, 'the server is still running');
}

describe('language server: malformed messages', function () {
  this.timeout(60_000);
  let raw: RawClient | undefined;
  let client: TestClient | undefined;

  before(() => buildServerOnce());
  afterEach(async () => {
    raw?.kill();
    raw = undefined;
    await client?.stop();
    client = undefined;
  });

  it('answers requests with null or mistyped params with InvalidParams (−32602), not InternalError', async () => {
    raw = await RawClient.start({ workspaceFolders: [BASIC] });
    const requests: Array<[string, unknown]> = [
      ['textDocument/diagnostic', null],
      ['textDocument/codeAction', null],
      ['workspace/executeCommand', null],
      ['textDocument/codeAction', { textDocument: { uri: 5 }, range: {}, context: { diagnostics: [] } }],
      ['textDocument/codeAction', { textDocument: { uri: uriOf(LAB) }, range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }],
      ['workspace/executeCommand', { command: 42 }],
      ['phiGuard/exportSarif', { target: 7 }],
    ];
    let id = 100;
    for (const [method, params] of requests) {
      const response = await raw.request(id++, method, params);
      assert.equal(response.error?.code, INVALID_PARAMS, `${method} ${JSON.stringify(params)}: ${JSON.stringify(response)}`);
    }
    // `initialize` again with null params: refused the same way.
    assert.equal((await raw.request(id++, 'initialize', null)).error?.code, INVALID_PARAMS);
    assert.ok(raw.logs().some((line) => /refused an invalid message: textDocument\/codeAction: params\.textDocument\.uri must be a non-empty string/.test(line)));
    // Found by the fuzz harness (bench/fuzz): an unknown command's name was quoted back whatever it held.
    const unknownCommand = await raw.request(id++, 'workspace/executeCommand', { command: 'Margaret Thornbury 1985-03-14' });
    assert.equal(unknownCommand.error?.message, "PHI Guard does not handle the command '…'.");
    // … and the 10,000-input campaign: an SSN has the characters of a command id but not its shape.
    const ssnCommand = await raw.request(id++, 'workspace/executeCommand', { command: '287-65-4321' });
    assert.equal(ssnCommand.error?.message, "PHI Guard does not handle the command '…'.");
    assert.match((await raw.request(id++, 'workspace/executeCommand', { command: 'phiGuard.nope' })).error?.message, /the command 'phiGuard\.nope'/);
    await stillServes(raw);
  });

  it('ignores notifications with bad params (didOpen without version, non-string uri, null) and keeps serving', async () => {
    raw = await RawClient.start({ workspaceFolders: [BASIC] });
    const uri = uriOf(path.join(BASIC, 'src', 'x.ts'));
    raw.notification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', text: "fetch('http://a.example.com');" } });
    raw.notification('textDocument/didOpen', { textDocument: { uri: 42, languageId: 'typescript', version: 1, text: 'x' } });
    raw.notification('textDocument/didOpen', null);
    raw.notification('textDocument/didChange', { textDocument: { uri }, contentChanges: [{ text: 'y' }] });
    raw.notification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: 'a' }, text: 5 }] });
    raw.notification('textDocument/didClose', null);
    raw.notification('textDocument/didSave', { textDocument: {} });
    raw.notification('workspace/didChangeWatchedFiles', { changes: 5 });
    raw.notification('workspace/didChangeConfiguration', null);
    raw.notification('workspace/didChangeWorkspaceFolders', { event: null });
    await raw.waitFor((m) => m.method === 'window/logMessage' && /workspace\/didChangeWorkspaceFolders: params\.event must be an object/.test(m.params.message), 'the last refusal');
    const refusals = raw.logs().filter((line) => /refused an invalid message/.test(line));
    assert.equal(refusals.length, 10, refusals.join('\n'));
    assert.ok(refusals.some((line) => /textDocument\/didOpen: params\.textDocument\.version must be an integer \(notification ignored\)/.test(line)));
    // The version-less didOpen never reached the document store: nothing was published for it.
    assert.equal(raw.messages.some((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri), false);
    await stillServes(raw);
  });

  it('answers a well-framed body that is not JSON with ParseError (−32700) and keeps reading', async () => {
    raw = await RawClient.start({ workspaceFolders: [BASIC] });
    raw.write(frame('{"jsonrpc": "2.0", "id": 5, "method": '));
    raw.write(frame('null'));
    const parseError = await raw.waitFor((m) => m.error?.code === -32700, 'a ParseError response');
    assert.equal(parseError.id, null);
    await raw.waitFor((m) => m.error?.code === -32600, 'an InvalidRequest response to `null`');
    await stillServes(raw);
  });

  for (const [name, bytes, reason] of [
    ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}', /Content-Length header that is not a whole number/],
    ['a negative Content-Length', 'Content-Length: -5\r\n\r\n{}', /Content-Length header that is not a whole number/],
    ['a header without Content-Length', 'Content-Type: application/json\r\n\r\n{}', /header without Content-Length/],
    ['garbage instead of a header', 'hello world\r\n\r\n', /malformed message header/],
    ['endless garbage without a blank line', 'x'.repeat(20_000), /header longer than 8 KB/],
  ] as const) {
    it(`closes the connection cleanly (exit 1, logged) on ${name}`, async () => {
      raw = await RawClient.start({ workspaceFolders: [BASIC] });
      raw.write(bytes);
      const exit = await raw.waitForExit();
      assert.deepEqual(exit, { code: 1, signal: null });
      const stderr = raw.stderr.join('');
      assert.match(stderr, reason);
      assert.match(stderr, /closing the connection/);
      assert.doesNotMatch(stderr, /internal error|at .*\.js:\d+/, 'no crash report, no stack');
      assert.ok(raw.logs().some((line) => reason.test(line)), 'the client is told why in its log');
    });
  }

  // Found by the fuzz harness (bench/fuzz): vscode-jsonrpc logged a message it could not classify (an id
  // that is an object) as a JSON dump, params and all, so a planted value reached the client's log.
  it('refuses messages with a bad id or no kind, in words: nothing they carry reaches the log', async () => {
    raw = await RawClient.start({ workspaceFolders: [BASIC] });
    const planted = 'Margaret Thornbury 1985-03-14';
    const context = { diagnostics: [], only: [planted] };
    const codeAction = { textDocument: { uri: uriOf(LAB) }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, context };
    for (const id of [{ a: 1 }, true, [1], null]) raw.write(frame({ jsonrpc: '2.0', id, method: 'textDocument/codeAction', params: codeAction }));
    raw.write(frame({ jsonrpc: '2.0', note: planted }));
    raw.write(frame({ jsonrpc: '2.0', id: 77, note: planted })); // an answer without result: its id alone goes on
    raw.write(frame({ jsonrpc: '2.0', id: null, error: { code: 1, message: planted } }));
    await raw.waitFor((m) => m.method === 'window/logMessage' && /a response without an id \(ignored\)/.test(m.params.message), 'the last refusal');
    const invalidRequests = raw.messages.filter((m) => m.error?.code === -32600 && m.id === null);
    assert.equal(invalidRequests.length, 5, JSON.stringify(raw.messages));
    await stillServes(raw);
    const everything = JSON.stringify(raw.messages) + raw.stderr.join('');
    assert.ok(!everything.includes('Thornbury') && !everything.includes('1985-03-14'), everything.slice(0, 3000));
  });

  // Found by the fuzz harness (bench/fuzz): a Content-Length larger than the body, then the end of the
  // input, ended the server with exit code 0 and no word about the lost message.
  for (const [name, bytes, reason] of [
    ['a body shorter than its Content-Length', 'Content-Length: 100\r\n\r\n{"jsonrpc": "2.0"', /the end of the input inside a message cut short \(17 of the 100 bytes/],
    ['half a header', 'Content-Len', /the end of the input inside an unfinished message header/],
  ] as const) {
    it(`closes the connection with exit 1 and a log line when the input ends inside ${name}`, async () => {
      raw = await RawClient.start({ workspaceFolders: [BASIC] });
      raw.write(bytes);
      raw.proc.stdin!.end();
      const exit = await raw.waitForExit();
      assert.deepEqual(exit, { code: 1, signal: null });
      assert.match(raw.stderr.join(''), reason);
      assert.match(raw.stderr.join(''), /closing the connection/);
    });
  }

  it('exits with 0 when the input ends between messages (the client is gone)', async () => {
    raw = await RawClient.start({ workspaceFolders: [BASIC] });
    raw.proc.stdin!.end();
    assert.deepEqual(await raw.waitForExit(), { code: 0, signal: null });
    assert.doesNotMatch(raw.stderr.join(''), /closing the connection/);
  });

  it('keeps serving after a stray error: the CLI\'s exit-on-error handler is not installed in server mode', async () => {
    client = await TestClient.start({
      workspaceFolders: [BASIC],
      capabilities: pushCapabilities(),
      serverEntry: path.join(__dirname, 'stray-error-cli.ts'),
      entryArgs: ['lsp', '--stdio'],
    });
    const stray = client.open(path.join(BASIC, 'src', 'stray.ts'), `const marker = '${STRAY_MARKER}';\n`);
    await client.waitForDiagnostics(stray);
    await client.waitFor('window/logMessage', (p) => /uncaught exception failed: Error: stray test error/.test(p.message), { since: 0 });
    await client.waitFor('window/logMessage', (p) => /unhandled rejection failed: Error: stray test rejection/.test(p.message), { since: 0 });
    const uri = client.open(LAB);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.ok(published.diagnostics.some((d) => d.code === 'no-cleartext-transport'));
    assert.ok(client.isAlive());
  });
});
