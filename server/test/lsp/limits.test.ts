// Size and time in the editor (issue 10, defect 9, and the slow-file status): an open document over
// the size limit is not analysed and the status says why; an analysis past analysisTimeoutMs is
// stopped and the file is then analysed on save only; the first analysis after start, and an open
// document's first analysis with a freshly built cross-file index, are not judged slow; a slow file's status clears when a later analysis is within the budget. No wall-clock limit
// is asserted: budgets and deadlines are set so that any analysis exceeds them, or none does.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, TestClient, buildServerOnce, pushCapabilities } from './harness';

const BASIC = path.join(FIXTURES, 'basic');
const LAB = path.join(BASIC, 'src', 'lab.ts');
const CLEAN = path.join(BASIC, 'src', 'clean.ts');
const LAB_TEXT = fs.readFileSync(LAB, 'utf8');
/** A push client that answers workspace/configuration with `client.settings`. */
const CAPABILITIES = { ...pushCapabilities(), workspace: { configuration: true } };

describe('language server: size and time limits', function () {
  this.timeout(60_000);
  let client: TestClient | undefined;

  before(() => buildServerOnce());
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('does not analyse a 5 MB open document: only the unanalysed-file diagnostic, the status and the log say why; other documents go on', async () => {
    client = await TestClient.start({ workspaceFolders: [BASIC], capabilities: CAPABILITIES });
    const big = path.join(BASIC, 'src', 'big.ts');
    const text = LAB_TEXT.repeat(Math.ceil((5 * 1024 * 1024) / LAB_TEXT.length));
    const bigUri = client.open(big, text);
    const published = await client.waitForDiagnostics(bigUri);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['unanalysed-file'], 'leaks in it, but nothing analysed: the finding says so, as the CLI does');
    const status = await client.waitFor('phiGuard/status', (p) => p.notAnalysed?.length > 0, { since: 0 });
    assert.deepEqual(status.notAnalysed, [{ file: 'src/big.ts', reason: '5.0 MB exceeds the 1.0 MB limit (maxFileSize)' }]);
    await client.waitFor('window/logMessage', (p) => /not analysed src\/big\.ts while it is over the size limit: 5\.0 MB exceeds the 1\.0 MB limit/.test(p.message), { since: 0 });

    // Another document is analysed as usual.
    const labUri = client.open(LAB);
    const lab = await client.waitForDiagnostics(labUri, (p) => p.diagnostics.length > 0);
    assert.ok(lab.diagnostics.some((d) => d.code === 'no-cleartext-transport'));

    // Typing in the big document: still not analysed, and not logged again on every keystroke.
    const since = client.mark();
    const insert = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// edit\n' };
    await client.notifyServer('textDocument/didChange', { textDocument: { uri: bigUri, version: 2 }, contentChanges: [insert] });
    assert.deepEqual((await client.waitForDiagnostics(bigUri, (p) => p.version === 2, since)).diagnostics.map((d) => d.code), ['unanalysed-file']);
    assert.equal(client.received.slice(since).filter((m) => m.method === 'window/logMessage' && /big\.ts/.test(m.params.message)).length, 0);

    // Shrunk under the limit, it is analysed again; closed, it leaves the status.
    await client.notifyServer('textDocument/didChange', { textDocument: { uri: bigUri, version: 3 }, contentChanges: [{ text: LAB_TEXT }] });
    const shrunk = await client.waitForDiagnostics(bigUri, (p) => p.version === 3);
    assert.ok(shrunk.diagnostics.some((d) => d.code === 'no-cleartext-transport'));
    await client.waitFor('phiGuard/status', (p) => p.notAnalysed === undefined, { since });
    await client.notifyServer('textDocument/didChange', { textDocument: { uri: bigUri, version: 4 }, contentChanges: [{ text }] });
    await client.waitFor('phiGuard/status', (p) => p.notAnalysed?.length === 1, { since });
    await client.notifyServer('textDocument/didClose', { textDocument: { uri: bigUri } });
    await client.waitFor('phiGuard/status', (p) => p.notAnalysed === undefined && p.counts.error === 2, { since });
  });

  it('does not judge the first analysis after start (cold); warns about a slow one later and clears it when within budget', async () => {
    client = await TestClient.start({ workspaceFolders: [BASIC], capabilities: CAPABILITIES, settings: { timeBudgetMs: 0.001 } });
    const cleanUri = client.open(CLEAN);
    await client.waitForDiagnostics(cleanUri);
    // The first analysis's report is the cold note, not a slow warning (clean.ts is analysed again once
    // the folder's index is built: that one is not judged either, see below).
    await client.waitFor('window/logMessage', (p) => /src\/clean\.ts took \d+ ms/.test(p.message), { since: 0 });
    const first = client.received.find((m) => m.method === 'window/logMessage' && /src\/clean\.ts took \d+ ms/.test(m.params.message));
    assert.match(first!.params.message, /src\/clean\.ts took \d+ ms: the first analysis after start runs cold and is not judged/);

    client.open(LAB);
    const slow = await client.waitFor('phiGuard/status', (p) => p.slowFile?.file === 'src/lab.ts', { since: 0 });
    assert.equal(slow.slowFile.file, 'src/lab.ts');
    assert.equal(typeof slow.slowFile.ms, 'number');
    assert.equal(slow.slowFile.stopped, undefined);
    await client.waitFor('window/logMessage', (p) => /slow: src\/lab\.ts took \d+ ms \(budget 0\.001 ms\)/.test(p.message), { since: 0 });

    // A realistic budget: the configuration change re-analyses every open document, within it now.
    const since = client.mark();
    client.settings = { timeBudgetMs: 60_000 };
    await client.notifyServer('workspace/didChangeConfiguration', { settings: {} });
    await client.waitFor('phiGuard/status', (p) => p.slowFile === undefined, { since });
  });

  it('does not judge the first analysis with a freshly built cross-file index either (CI: 250 ms after the index build made the status amber); an edit afterwards is judged', async () => {
    client = await TestClient.start({ workspaceFolders: [BASIC], capabilities: CAPABILITIES, settings: { timeBudgetMs: 0.001 } });
    const cleanUri = client.open(CLEAN);
    await client.waitForDiagnostics(cleanUri);
    await client.waitFor('window/logMessage', (p) => /indexed \d+ files/.test(p.message), { since: 0 });
    await client.waitFor('window/logMessage', (p) => /src\/clean\.ts took \d+ ms: the first analysis with the folder's new cross-file index is not judged against phiGuard\.timeBudgetMs/.test(p.message), { since: 0 });
    const slowStatuses = () => client!.received.filter((m) => m.method === 'phiGuard/status' && m.params.slowFile !== undefined);
    assert.deepEqual(slowStatuses(), [], 'neither the cold first analysis nor the first one with the index is reported slow');
    assert.equal(client.received.some((m) => m.method === 'window/logMessage' && /slow: src\/clean\.ts/.test(m.params.message)), false);

    await client.notifyServer('textDocument/didChange', { textDocument: { uri: cleanUri, version: 2 }, contentChanges: [{ text: `${fs.readFileSync(CLEAN, 'utf8')}\n// typed\n` }] });
    const slow = await client.waitFor('phiGuard/status', (p) => p.slowFile?.file === 'src/clean.ts', { since: 0 });
    assert.equal(slow.slowFile.stopped, undefined);
  });

  it('stops an analysis past analysisTimeoutMs: the file is reported slow, typing does not analyse it, a save or a later analysis in time does', async () => {
    client = await TestClient.start({ workspaceFolders: [BASIC], capabilities: CAPABILITIES, settings: { analysisTimeoutMs: 0.001 } });
    const uri = client.open(LAB);
    const stopped = await client.waitFor('phiGuard/status', (p) => p.slowFile?.stopped === true, { since: 0 });
    assert.equal(stopped.slowFile.file, 'src/lab.ts');
    await client.waitFor('window/logMessage', (p) => /slow: analysis of src\/lab\.ts stopped after \d+ ms \(phiGuard\.analysisTimeoutMs 0\.001 ms\); it is analysed again when saved, not while typing/.test(p.message), { since: 0 });
    // The folder's index, once built, makes every open document be analysed again: stopped again.
    const indexed = await client.waitFor('window/logMessage', (p) => /indexed \d+ files/.test(p.message), { since: 0 }).then(() => client!.received.findIndex((m) => m.method === 'window/logMessage' && /indexed \d+ files/.test(m.params.message)));
    await client.waitFor('window/logMessage', (p) => /stopped after/.test(p.message), { since: indexed });
    assert.equal(client.received.some((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri), false, 'a stopped analysis publishes nothing');

    // Typing: no analysis (nothing published, no second "stopped" line) — checked after a request the
    // server answers once the change is processed.
    const since = client.mark();
    await client.notifyServer('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${LAB_TEXT}\n// more\n` }] });
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, [], 'no edits without an analysis of the current text');
    const stoppedLines = () => client!.received.slice(since).filter((m) => m.method === 'window/logMessage' && /stopped after/.test(m.params.message)).length;
    assert.equal(stoppedLines(), 0);
    assert.equal(client.received.slice(since).some((m) => m.method === 'textDocument/publishDiagnostics'), false);

    // Saving runs it again (stopped again with this deadline).
    await client.notifyServer('textDocument/didSave', { textDocument: { uri } });
    await client.waitFor('window/logMessage', (p) => /stopped after/.test(p.message), { since });

    // A deadline it meets: analysed, diagnostics for the current version, the slow status gone, and typing analyses again.
    client.settings = { analysisTimeoutMs: 60_000 };
    const later = client.mark();
    await client.notifyServer('workspace/didChangeConfiguration', { settings: {} });
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 2, later);
    assert.ok(published.diagnostics.some((d) => d.code === 'no-cleartext-transport'));
    await client.waitFor('phiGuard/status', (p) => p.slowFile === undefined, { since: later });
    await client.notifyServer('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: LAB_TEXT }] });
    await client.waitForDiagnostics(uri, (p) => p.version === 3, later);
  });
});
