// Transports and modes: Node IPC, run onSave, multi-root workspaces (time and size limits: limits.test.ts).
import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IPCMessageReader, IPCMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { FIXTURES, TestClient, buildServerOnce, copyFixture, pushCapabilities, uriOf, withTimeout } from './harness';

const BASIC = path.join(FIXTURES, 'basic');
const LAB = path.join(BASIC, 'src', 'lab.ts');

describe('language server: transports and modes', function () {
  this.timeout(60_000);
  let client: TestClient | undefined;
  const temps: string[] = [];

  before(() => buildServerOnce());
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });
  after(() => {
    for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('speaks LSP over Node IPC (`lsp --node-ipc`)', async function () {
    if (process.env.PHI_GUARD_LSP_SERVER) this.skip();
    const child = fork(buildServerOnce(), ['lsp', '--node-ipc'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    let stdout = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published = new Promise<any>((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
    connection.onNotification(() => undefined);
    connection.onRequest(() => null);
    connection.listen();
    try {
      const result: any = await withTimeout(
        connection.sendRequest('initialize', { processId: process.pid, rootUri: uriOf(BASIC), capabilities: pushCapabilities() }),
        'initialize over IPC',
      );
      assert.equal(result.capabilities.textDocumentSync.change, 2);
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: uriOf(LAB), languageId: 'typescript', version: 1, text: fs.readFileSync(LAB, 'utf8') },
      });
      const diagnostics = await withTimeout(published, 'diagnostics over IPC');
      assert.equal(diagnostics.diagnostics.length, 2);
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await withTimeout(new Promise((resolve) => child.on('exit', resolve)), 'server exit');
      assert.equal(stdout, '', 'nothing written to stdout');
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  it('with run: onSave, analyses on open and save only', async () => {
    client = await TestClient.start({
      workspaceFolders: [BASIC],
      capabilities: { ...pushCapabilities(), workspace: { configuration: true } },
      settings: { run: 'onSave' },
    });
    const uri = client.open(LAB);
    await client.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length === 2);
    // Once the folder's index is built, open documents are analysed again (any version, in any mode):
    // let that happen before the change, or it may analyse version 2 before the save.
    await client.waitFor('window/logMessage', (p) => /indexed \d+ files/.test(p.message), { since: 0 });
    const indexed = client.received.findIndex((m) => m.method === 'window/logMessage' && /indexed \d+ files/.test(m.params.message));
    await client.waitForDiagnostics(uri, (p) => p.version === 1, indexed);
    const since = client.mark();
    const text = fs.readFileSync(LAB, 'utf8').replace('http://', 'https://');
    await client.notifyServer('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    // A request answered after the change has been processed: with onSave, no analysis of version 2 yet.
    await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    const started = client;
    const version2Publishes = () => started.received.slice(since).filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === 2);
    assert.equal(version2Publishes().length, 0, 'no analysis before the save');
    await client.notifyServer('textDocument/didSave', { textDocument: { uri } });
    // A late publish of version 1 (settings arriving after the open) may come first; wait for version 2.
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 2, since);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['no-phi-in-logs']);
    assert.equal(version2Publishes().length, 1);
  });

  it('handles several workspace folders: paths relative to each folder, its own config, one scan over all', async () => {
    const first = copyFixture('basic');
    const second = copyFixture('cross-file');
    temps.push(first, second);
    // The second folder turns the logs rule into a warning.
    fs.writeFileSync(path.join(second, '.phi-guard.json'), JSON.stringify({ rules: { 'no-phi-in-logs': 'warning' } }));
    client = await TestClient.start({ workspaceFolders: [first, second], capabilities: pushCapabilities() });
    const audit = client.open(path.join(second, 'src', 'audit.ts'));
    const auditDiagnostics = await client.waitForDiagnostics(audit, (p) => p.diagnostics.length > 0);
    assert.deepEqual(auditDiagnostics.diagnostics.map((d) => [d.code, d.severity]), [['no-phi-in-logs', 2]]);

    const result = await client.request('workspace/executeCommand', { command: 'phiGuard.scanWorkspace' });
    assert.equal(result.completed, true);
    assert.deepEqual(result.counts, { error: 2, warning: 1, note: 0 });
    const lab = await client.waitForDiagnostics(uriOf(path.join(first, 'src', 'lab.ts')), (p) => p.diagnostics.length === 2, 0);
    assert.ok(lab.diagnostics.every((d) => d.severity === 1));
    const sarifPath = path.join(first, 'all.sarif');
    const exported = await client.request('workspace/executeCommand', { command: 'phiGuard.exportSarif', arguments: [{ target: sarifPath }] });
    assert.equal(exported.results, 3);
    const sarif = JSON.parse(fs.readFileSync(sarifPath, 'utf8'));
    const files = sarif.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri).sort();
    assert.deepEqual(files, [`${path.basename(first)}/src/lab.ts`, `${path.basename(first)}/src/lab.ts`, `${path.basename(second)}/src/audit.ts`].sort());
    // Found by the fuzz harness (bench/fuzz): a folder as the target was an InternalError (−32603).
    await assert.rejects(
      client.request('workspace/executeCommand', { command: 'phiGuard.exportSarif', arguments: [{ target: first }] }),
      (error: { code: number; message: string }) => error.code === -32803 && /cannot write the SARIF file .* \(EISDIR\)/.test(error.message),
    );
  });
});
