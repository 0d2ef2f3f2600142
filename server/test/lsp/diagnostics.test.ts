// The built language server over stdio: capabilities, push and pull diagnostics, incremental sync,
// error handling (bad requests, a throwing rule, an unparsable file).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIXTURES, TestClient, buildServerOnce, pullCapabilities, pushCapabilities, severityName, uriOf } from './harness';

const BASIC = path.join(FIXTURES, 'basic');
const LAB = path.join(BASIC, 'src', 'lab.ts');
const LAB_TEXT = fs.readFileSync(LAB, 'utf8');

describe('language server: diagnostics', function () {
  this.timeout(60_000);
  let client: TestClient | undefined;

  before(() => buildServerOnce());
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('announces incremental sync, code actions and its commands; pull only to pull clients', async () => {
    client = await TestClient.start({ workspaceFolders: [BASIC], capabilities: pushCapabilities() });
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.phiGuard']);
    assert.deepEqual(caps.executeCommandProvider?.commands, ['phiGuard.scanWorkspace', 'phiGuard.exportSarif']);
    assert.equal(caps.diagnosticProvider, undefined, 'no pull diagnostics for a client without the capability');
    assert.equal(client.initializeResult.serverInfo?.name, 'PHI Guard');
    await client.stop();

    client = await TestClient.start({ workspaceFolders: [BASIC], capabilities: pullCapabilities() });
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, {
      identifier: 'phiGuard',
      interFileDependencies: false,
      workspaceDiagnostics: false,
    });
    const registration = await client.waitFor('client/registerCapability', (p) =>
      p.registrations.some((r: { method: string }) => r.method === 'workspace/didChangeWatchedFiles'),
    );
    const watchers = registration.registrations.find((r: { method: string }) => r.method === 'workspace/didChangeWatchedFiles').registerOptions.watchers;
    assert.ok(watchers.some((w: { globPattern: string }) => w.globPattern === '**/.phi-guard.json'));
  });

  it('pushes diagnostics on open, with rule id, docs link, source, 0-based range and code action data', async () => {
    client = await TestClient.start({ workspaceFolders: [BASIC], capabilities: pushCapabilities() });
    const uri = client.open(LAB);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.equal(published.version, 1);
    const cleartext = published.diagnostics.find((d) => d.code === 'no-cleartext-transport');
    assert.ok(cleartext, `expected no-cleartext-transport in ${JSON.stringify(published.diagnostics.map((d) => d.code))}`);
    assert.equal(cleartext.source, 'PHI Guard');
    assert.equal(severityName(cleartext), 'error');
    assert.equal(cleartext.codeDescription?.href, 'https://github.com/phi-guard/phi-guard/blob/main/rules/docs/no-cleartext-transport.md');
    // Line 4 of the file (1-based) is line 3 in LSP; the range covers the http:// URL.
    assert.equal(cleartext.range.start.line, 3);
    const doc = TextDocument.create(uri, 'typescript', 1, LAB_TEXT);
    assert.match(doc.getText(cleartext.range), /http:\/\/api\.example-lab\.com/);
    const data = cleartext.data as { ruleId: string; fingerprint: string; version: number; fixes: number };
    assert.equal(data.ruleId, 'no-cleartext-transport');
    assert.equal(typeof data.fingerprint, 'string');
    assert.equal(data.version, 1);
    assert.ok(data.fixes >= 1);
    // Messages name the kind of data, never a value from the file.
    for (const diagnostic of published.diagnostics) assert.doesNotMatch(String(diagnostic.message), /example-lab/);
  });

  it('shows what is wrong in the message (at most ~100 characters) and the advice in the hover', async () => {
    client = await TestClient.start({ workspaceFolders: [BASIC], capabilities: pushCapabilities() });
    assert.equal(client.initializeResult.capabilities.hoverProvider, true);
    const uri = client.open(LAB);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    for (const diagnostic of published.diagnostics) assert.ok(String(diagnostic.message).length <= 100, String(diagnostic.message));
    const cleartext = published.diagnostics.find((d) => d.code === 'no-cleartext-transport')!;
    assert.equal(cleartext.message, 'Connection over http:// to a remote host: data, including any PHI, travels unencrypted.');
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: cleartext.range.start.line, character: cleartext.range.start.character + 3 } });
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /^\*\*Connection over http:\/\/ to a remote host: data, including any PHI, travels unencrypted\.\*\*\n\nUse https:\/\/\./);
    assert.match(hover.contents.value, /PHI Guard `no-cleartext-transport` · \[documentation\]\(https:\/\/github\.com\/phi-guard\/phi-guard\/blob\/main\/rules\/docs\/no-cleartext-transport\.md\)/);
    // Nowhere near a finding: no hover.
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
  });

  it('re-analyses after incremental edits and publishes for the new version', async () => {
    client = await TestClient.start({ workspaceFolders: [BASIC], capabilities: pushCapabilities() });
    const uri = client.open(LAB);
    const first = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const doc = TextDocument.create(uri, 'typescript', 1, LAB_TEXT);

    // Edit 1: insert two lines at the top: every diagnostic moves down by two lines.
    const insert = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// header\n// more\n' };
    TextDocument.update(doc, [insert], 2);
    await client.notifyServer('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [insert] });
    const second = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(
      second.diagnostics.map((d) => [d.code, d.range.start.line]),
      first.diagnostics.map((d) => [d.code, d.range.start.line + 2]),
    );

    // Edit 2: http:// → https:// by a small range edit: the cleartext finding goes away.
    const offset = doc.getText().indexOf('http://');
    const replace = { range: { start: doc.positionAt(offset), end: doc.positionAt(offset + 4) }, text: 'https' };
    TextDocument.update(doc, [replace], 3);
    await client.notifyServer('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [replace] });
    const third = await client.waitForDiagnostics(uri, (p) => p.version === 3);
    assert.ok(!third.diagnostics.some((d) => d.code === 'no-cleartext-transport'));
    assert.equal(third.diagnostics.length, second.diagnostics.length - 1);
  });

  it('coalesces a burst of edits: the last version is published, no outdated version after it', async () => {
    client = await TestClient.start({ workspaceFolders: [BASIC], capabilities: pushCapabilities() });
    const uri = client.open(LAB);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const since = client.mark();
    for (let version = 2; version <= 30; version++) {
      const change = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' };
      void client.notifyServer('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    }
    await client.waitForDiagnostics(uri, (p) => p.version === 30, since);
    const versions = client.received
      .slice(since)
      .filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri)
      .map((m) => m.params.version as number);
    assert.ok(versions.length < 29, `expected coalescing, got versions ${versions.join(',')}`);
    assert.deepEqual([...versions].sort((a, b) => a - b), versions, 'versions are published in order');
  });

  it('knows types declared in other files of the workspace folder, like the CLI scan', async () => {
    const root = path.join(FIXTURES, 'cross-file');
    client = await TestClient.start({ workspaceFolders: [root], capabilities: pushCapabilities() });
    const uri = client.open(path.join(root, 'src', 'audit.ts'));
    // Analysed at once without the index, then again once the folder's index is built.
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range.start.line]), [['no-phi-in-logs', 3]]);
    assert.match(String(published.diagnostics[0].message), /SSN/);
  });

  it('reports PHI passed to a function of another module that stores it, like the CLI scan', async () => {
    const root = path.join(FIXTURES, 'cross-module');
    client = await TestClient.start({ workspaceFolders: [root], capabilities: pushCapabilities() });
    const uri = client.open(path.join(root, 'src', 'page.ts'));
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range.start.line]), [['no-phi-in-browser-storage', 5]]);
    assert.match(String(published.diagnostics[0].message), /date of birth.*through `saveToStorage\(\)`/);
    const sink = published.diagnostics[0].relatedInformation?.find((related) => related.location.uri.endsWith('/src/lib/store.ts'));
    assert.equal(sink?.location.range.start.line, 2);
  });

  it('answers pull diagnostics (textDocument/diagnostic) with result ids, and never pushes for open files', async () => {
    client = await TestClient.start({ workspaceFolders: [BASIC], capabilities: pullCapabilities() });
    const uri = client.open(LAB);
    const report = await client.pull(uri);
    assert.equal(report.kind, 'full');
    assert.ok(report.items!.some((d) => d.code === 'no-cleartext-transport'));
    assert.ok(report.resultId);
    const again = await client.pull(uri, report.resultId);
    assert.deepEqual(again, { kind: 'unchanged', resultId: report.resultId });

    const change = { range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, text: '' };
    await client.notifyServer('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [change] });
    const after = await client.pull(uri, report.resultId);
    assert.equal(after.kind, 'full');
    assert.ok(!after.items!.some((d) => d.code === 'no-cleartext-transport'));
    assert.ok(!client.received.some((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.diagnostics.length > 0));
  });

  it('answers a malformed request and an unknown method with errors and keeps serving', async () => {
    client = await TestClient.start({ workspaceFolders: [BASIC], capabilities: pullCapabilities() });
    const uri = client.open(LAB);
    await assert.rejects(client.request('textDocument/codeAction', {}), (error: { code: number }) => error.code === -32602);
    await assert.rejects(client.request('textDocument/diagnostic', { textDocument: 42 }), (error: { code: number }) => error.code === -32602);
    await assert.rejects(client.request('workspace/executeCommand', { command: 'phiGuard.nope' }), (error: { code: number }) => error.code === -32602);
    await assert.rejects(client.request('phiGuard/noSuchMethod', {}), (error: { code: number }) => error.code === -32601);
    await assert.rejects(client.request('phiGuard/exportSarif', { target: 7 }), (error: { code: number }) => error.code === -32602);
    // A notification with garbage params is ignored.
    await client.notifyServer('textDocument/didChange', { textDocument: null, contentChanges: 'x' });
    await client.notifyServer('workspace/didChangeWatchedFiles', { changes: [{ uri: 5 }] });
    const report = await client.pull(uri);
    assert.equal(report.kind, 'full');
    assert.ok(report.items!.length > 0);
    assert.ok(client.isAlive());
  });

  it('survives a rule that throws and a file that does not parse, and reports both', async () => {
    client = await TestClient.start({
      workspaceFolders: [BASIC],
      capabilities: pushCapabilities(),
      serverEntry: path.join(__dirname, 'throwing-rule-server.ts'),
    });
    const throwing = path.join(BASIC, 'src', 'throwing.ts');
    const uri = client.open(throwing, `const marker = '__phi_guard_throw__';\nfetch('http://api.example-lab.com/x');\n`);
    const published = await client.waitForDiagnostics(uri);
    assert.ok(published.diagnostics.some((d) => d.code === 'no-cleartext-transport'), 'the other rules still report');
    await client.waitFor('window/logMessage', (p) => /failed on src\/throwing\.ts/.test(p.message), { since: 0 });
    await client.waitFor('phiGuard/status', (p) => /failed on src\/throwing\.ts/.test(p.lastError ?? ''), { since: 0 });

    const broken = path.join(BASIC, 'src', 'broken.ts');
    const brokenUri = client.open(broken, 'export const x = {{{ ;\nfetch(`http://api.example-lab.com`\n');
    const brokenPublished = await client.waitForDiagnostics(brokenUri);
    // A file that does not parse is not analysed, and says so where the parser stopped (issue 10).
    assert.deepEqual(brokenPublished.diagnostics.map((d) => d.code), ['unanalysed-file']);
    assert.match(String(brokenPublished.diagnostics[0].message), /^Not analysed, syntax error at 1:\d+ /);
    await client.waitFor('window/logMessage', (p) => /src\/broken\.ts \(parse-error\)/.test(p.message), { since: 0 });
    for (const message of client.received.filter((m) => m.method === 'window/logMessage')) {
      assert.doesNotMatch(message.params.message, /example-lab|__phi_guard_throw__/, 'logs never contain document text');
    }

    // Still serving: a clean file gets (empty) diagnostics.
    const clean = client.open(path.join(BASIC, 'src', 'clean.ts'));
    assert.deepEqual((await client.waitForDiagnostics(clean)).diagnostics, []);
    assert.ok(client.isAlive());
  });

  it('sends phiGuard/status with counts by severity', async () => {
    client = await TestClient.start({ workspaceFolders: [BASIC], capabilities: pushCapabilities() });
    const uri = client.open(LAB);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const errors = published.diagnostics.filter((d) => d.severity === 1).length;
    const status = await client.waitFor('phiGuard/status', (p) => p.state === 'idle' && p.counts.error === errors, { since: 0 });
    assert.equal(typeof status.counts.warning, 'number');
    assert.equal(typeof status.suppressed, 'number');
  });

  it('uses the settings from workspace/configuration: severity overrides and exclude', async () => {
    client = await TestClient.start({
      workspaceFolders: [BASIC],
      capabilities: { ...pushCapabilities(), workspace: { configuration: true } },
      settings: { severityOverrides: { 'no-cleartext-transport': 'note' } },
    });
    const uri = client.open(LAB);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const cleartext = published.diagnostics.find((d) => d.code === 'no-cleartext-transport');
    assert.equal(cleartext && severityName(cleartext), 'information');
    const request = client.received.find((m) => m.method === 'workspace/configuration');
    assert.equal(request?.params.items[0].section, 'phiGuard');
    assert.equal(request?.params.items[0].scopeUri, uri);

    client.settings = { exclude: ['src/lab.ts'] };
    const since = client.mark();
    await client.notifyServer('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, since);
    assert.equal(uriOf(LAB), uri);
  });
});
