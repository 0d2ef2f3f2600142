// Workspace-level features of the built server: scan with progress and cancellation, results for files
// that are not open (kept after close, updated on disk changes), .phi-guard.json changes, SARIF export.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient, buildServerOnce, copyFixture, pullCapabilities, pushCapabilities, uriOf } from './harness';

describe('language server: workspace', function () {
  this.timeout(90_000);
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

  function workspace(): string {
    const dir = copyFixture('basic');
    temps.push(dir);
    return dir;
  }

  it('scans the workspace with progress and publishes results for files that are not open', async () => {
    const root = workspace();
    client = await TestClient.start({ workspaceFolders: [root], capabilities: pullCapabilities() });
    const lab = uriOf(path.join(root, 'src', 'lab.ts'));
    const result = await client.request('workspace/executeCommand', { command: 'phiGuard.scanWorkspace', arguments: [] });
    assert.equal(result.completed, true);
    assert.equal(result.counts.error, 2);
    assert.ok(result.filesScanned >= 3);

    const create = client.received.find((m) => m.method === 'window/workDoneProgress/create');
    assert.ok(create, 'the server creates a progress token');
    const progress = client.received.filter((m) => m.method === '$/progress' && m.params.token === create.params.token).map((m) => m.params.value);
    assert.equal(progress[0].kind, 'begin');
    assert.equal(progress[0].cancellable, true);
    assert.ok(progress.some((p) => p.kind === 'report' && typeof p.percentage === 'number' && /src\//.test(p.message)));
    assert.equal(progress.at(-1).kind, 'end');

    const published = await client.waitForDiagnostics(lab, (p) => p.diagnostics.length === 2, 0);
    assert.deepEqual(published.diagnostics.map((d) => d.code).sort(), ['no-cleartext-transport', 'no-phi-in-logs']);
    await client.waitFor('phiGuard/status', (p) => p.state === 'scanning', { since: 0 });
    await client.waitFor('phiGuard/status', (p) => p.state === 'idle' && p.counts.error === 2, { since: 0 });

    // Opening the file hands it over to pull diagnostics (the pushed ones are cleared: no duplicates);
    // closing it pushes the scan's findings again instead of clearing them.
    let since = client.mark();
    client.open(path.join(root, 'src', 'lab.ts'));
    await client.waitForDiagnostics(lab, (p) => p.diagnostics.length === 0, since);
    assert.equal((await client.pull(lab)).items!.length, 2);
    since = client.mark();
    await client.notifyServer('textDocument/didClose', { textDocument: { uri: lab } });
    await client.waitForDiagnostics(lab, (p) => p.diagnostics.length === 2, since);

    // A fix on disk (file change event) clears that file's results.
    since = client.mark();
    const file = path.join(root, 'src', 'lab.ts');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('http://', 'https://'));
    await client.notifyServer('workspace/didChangeWatchedFiles', { changes: [{ uri: lab, type: 2 }] });
    const updated = await client.waitForDiagnostics(lab, (p) => p.diagnostics.length < 2, since);
    assert.deepEqual(updated.diagnostics.map((d) => d.code), ['no-phi-in-logs']);
  });

  it('a scanned file saved while open shows its saved findings after it closes, push and pull', async () => {
    for (const capabilities of [pushCapabilities(), pullCapabilities()]) {
      const root = workspace();
      client = await TestClient.start({ workspaceFolders: [root], capabilities, settings: { trace: { server: 'verbose' } } });
      const file = path.join(root, 'src', 'lab.ts');
      const lab = uriOf(file);
      await client.request('workspace/executeCommand', { command: 'phiGuard.scanWorkspace', arguments: [] });
      await client.waitForDiagnostics(lab, (p) => p.diagnostics.length === 2, 0);
      client.open(file);

      // Fixed in the editor and saved: the disk and the save's file event say the file changed.
      const fixedText = fs.readFileSync(file, 'utf8').replace('http://', 'https://');
      await client.notifyServer('textDocument/didChange', { textDocument: { uri: lab, version: 2 }, contentChanges: [{ text: fixedText }] });
      fs.writeFileSync(file, fixedText);
      const saved = client.mark();
      await client.notifyServer('textDocument/didSave', { textDocument: { uri: lab } });
      await client.notifyServer('workspace/didChangeWatchedFiles', { changes: [{ uri: lab, type: 2 }] });
      if (capabilities.textDocument?.diagnostic) assert.equal((await client.pull(lab)).items!.length, 1);
      else await client.waitForDiagnostics(lab, (p) => p.version === 2, 0);

      const since = client.mark();
      await client.notifyServer('textDocument/didClose', { textDocument: { uri: lab } });
      const shown = await client.waitForDiagnostics(lab, (p) => p.diagnostics.length === 1, since);
      assert.deepEqual(shown.diagnostics.map((d) => d.code), ['no-phi-in-logs']);
      const published = client.received.slice(since).filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === lab);
      assert.ok(!published.some((m) => m.params.diagnostics.length === 2), 'the findings from before the save are not shown again');
      if (capabilities.workspace?.configuration) {
        // (Verbose trace needs workspace/configuration.) The disk is analysed once, when the file closes:
        // not for the save and again for its file event while the document's own analysis is shown.
        const diskAnalyses = client.received.slice(saved).filter((m) => m.method === 'window/logMessage' && /analysed src\/lab\.ts in /.test(m.params.message));
        assert.equal(diskAnalyses.length, 1);
      }
      await client.stop();
      client = undefined;
    }
  });

  it('cancels a scan when the client cancels the progress, and keeps serving', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-lsp-many-'));
    temps.push(root);
    for (let i = 0; i < 400; i++) {
      fs.writeFileSync(
        path.join(root, `file${i}.ts`),
        `export function log${i}(patient: { ssn: string }) {\n  console.log(patient.ssn);\n  return fetch('http://api.example-lab.com/${i}');\n}\n`,
      );
    }
    client = await TestClient.start({ workspaceFolders: [root], capabilities: pullCapabilities() });
    const cancelled = client.waitFor('$/progress', (p) => p.value.kind === 'begin').then((p) =>
      client!.notifyServer('window/workDoneProgress/cancel', { token: p.token }),
    );
    const result = await client.request('workspace/executeCommand', { command: 'phiGuard.scanWorkspace' });
    await cancelled;
    assert.equal(result.completed, false);
    await client.waitFor('$/progress', (p) => p.value.kind === 'end', { since: 0 });
    assert.ok(!client.received.some((m) => m.method === 'textDocument/publishDiagnostics' && m.params.diagnostics.length > 0), 'nothing published');
    await assert.rejects(client.request('workspace/executeCommand', { command: 'phiGuard.exportSarif' }), /no workspace scan yet/);

    // The server still answers, and a scan that is not cancelled completes.
    const full = await client.request('workspace/executeCommand', { command: 'phiGuard.scanWorkspace' });
    assert.equal(full.completed, true);
    assert.equal(full.filesScanned, 400);
  });

  it('re-analyses open documents when .phi-guard.json changes (didChangeWatchedFiles), push and pull', async () => {
    for (const capabilities of [pushCapabilities(), pullCapabilities()]) {
      const root = workspace();
      const config = path.join(root, '.phi-guard.json');
      client = await TestClient.start({ workspaceFolders: [root], capabilities });
      const isPull = !!capabilities.textDocument?.diagnostic;
      const uri = client.open(path.join(root, 'src', 'lab.ts'));
      if (isPull) assert.equal((await client.pull(uri)).items!.length, 2);
      else await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 2);

      const since = client.mark();
      fs.writeFileSync(config, JSON.stringify({ rules: { 'no-cleartext-transport': 'off' } }));
      await client.notifyServer('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 2 }] });
      if (isPull) {
        await client.waitFor('workspace/diagnostic/refresh', () => true, { since });
        assert.deepEqual((await client.pull(uri)).items!.map((d) => d.code), ['no-phi-in-logs']);
      } else {
        // (A publish from before the change may still arrive first: wait for the expected one.)
        await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1 && p.diagnostics[0].code === 'no-phi-in-logs', since);
      }

      // An invalid config: reported on the config file and in the status; fixed, it goes away.
      const broken = client.mark();
      fs.writeFileSync(config, '{ "rules": { "no-such-rule": "error" } }');
      await client.notifyServer('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 2 }] });
      if (isPull) await client.pull(uri);
      const problem = await client.waitForDiagnostics(uriOf(config), (p) => p.diagnostics.length === 1, broken);
      assert.match(String(problem.diagnostics[0].message), /no-such-rule/);
      await client.waitFor('phiGuard/status', (p) => p.state === 'error' && /invalid config/.test(p.lastError), { since: broken });
      const fixed = client.mark();
      fs.rmSync(config);
      await client.notifyServer('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 3 }] });
      await client.waitForDiagnostics(uriOf(config), (p) => p.diagnostics.length === 0, fixed);
      if (isPull) assert.equal((await client.pull(uri)).items!.length, 2);
      else await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 2, fixed);
      await client.stop();
      client = undefined;
    }
  });

  it('re-analyses open documents when a package.json changes who signs in (appUsers from the manifest)', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-lsp-app-users-'));
    temps.push(root);
    const actions = path.join(root, 'src', 'store', 'user', 'actions.js');
    fs.mkdirSync(path.dirname(actions), { recursive: true });
    fs.writeFileSync(actions, "import AsyncStorage from '@react-native-async-storage/async-storage';\nexport const savePhone = async (phone) => {\n  await AsyncStorage.setItem('auth', JSON.stringify({ phone }));\n};\n");
    const manifest = path.join(root, 'package.json');
    fs.writeFileSync(manifest, JSON.stringify({ name: 'clinic-console' }));
    client = await TestClient.start({ workspaceFolders: [root], capabilities: pushCapabilities() });
    const uri = client.open(actions);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    const since = client.mark();
    fs.writeFileSync(manifest, JSON.stringify({ name: '@clinic/patient-app' }));
    await client.notifyServer('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(manifest), type: 2 }] });
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1 && p.diagnostics[0].code === 'no-phi-in-browser-storage', since);
  });

  it('re-analyses open documents when a tsconfig moves what a path alias names', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-lsp-aliases-'));
    temps.push(root);
    const tsconfig = path.join(root, 'tsconfig.json');
    fs.writeFileSync(tsconfig, '{ "compilerOptions": { "paths": { "@lib/*": ["./src/quiet/*"] } } }\n');
    for (const [folder, body] of [['quiet', 'return entry !== undefined;'], ['loud', 'console.info(entry);']]) {
      fs.mkdirSync(path.join(root, 'src', folder), { recursive: true });
      fs.writeFileSync(path.join(root, 'src', folder, 'keep.ts'), `export function keep(entry: unknown) {\n  ${body}\n}\n`);
    }
    const page = path.join(root, 'src', 'page.ts');
    fs.writeFileSync(page, "import { keep } from '@lib/keep';\ndeclare const patient: { ssn: string };\nkeep(patient.ssn);\n");
    client = await TestClient.start({ workspaceFolders: [root], capabilities: pushCapabilities() });
    const uri = client.open(page);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    // Nothing else is pending: only the tsconfig's change can bring the document's analysis back.
    await client.waitFor('phiGuard/status', (p) => p.state === 'idle', { since: 0 });
    // Long after the server went quiet (it once passed only when the change raced the first analysis): the change
    // alone must bring the document's analysis back.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const since = client.mark();
    fs.writeFileSync(tsconfig, '{ "compilerOptions": { "paths": { "@lib/*": ["./src/loud/*"] } } }\n');
    await client.notifyServer('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(tsconfig), type: 2 }] });
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1 && p.diagnostics[0].code === 'no-phi-in-logs', since);
  });

  it('exports the last scan as SARIF identical to the CLI output (but for timing)', async () => {
    const root = workspace();
    client = await TestClient.start({ workspaceFolders: [root], capabilities: pushCapabilities() });
    await client.request('workspace/executeCommand', { command: 'phiGuard.scanWorkspace' });
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-lsp-sarif-'));
    temps.push(outDir);
    const target = path.join(outDir, 'editor.sarif');
    const exported = await client.request('workspace/executeCommand', { command: 'phiGuard.exportSarif', arguments: [target] });
    assert.deepEqual(exported, { path: target, results: 2 });
    const viaRequest = await client.request('phiGuard/exportSarif', { target: path.join(outDir, 'request.sarif') });
    assert.equal(viaRequest.results, 2);

    const cliOut = path.join(outDir, 'cli.sarif');
    const cli = spawnSync(process.execPath, [buildServerOnce(), 'scan', '.', '--format', 'sarif', '--output', cliOut], { cwd: root, encoding: 'utf8' });
    assert.ok(cli.status === 0 || cli.status === 1, cli.stderr);
    const normalize = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8').replace(/"durationMs":\s*\d+/g, '"durationMs":0'));
    assert.deepEqual(normalize(target), normalize(cliOut));
  });

  it('applies the editor settings to the workspace scan exactly as to open files (sanitizers, severities)', async () => {
    const root = workspace();
    const scrubbed = path.join(root, 'src', 'scrubbed.ts');
    fs.writeFileSync(scrubbed, "declare function tidyUp(value: string): string;\nexport function show(patient: { ssn: string }): void {\n  const ssn = tidyUp(patient.ssn);\n  console.log(ssn);\n}\n");
    const cli = spawnSync(process.execPath, [buildServerOnce(), 'scan', '.', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    const cliFindings: Array<{ file: string; ruleId: string }> = JSON.parse(cli.stdout).findings;
    assert.ok(cliFindings.some((finding) => finding.file === 'src/scrubbed.ts'), 'without the setting, the CLI reports the scrubbed value');

    client = await TestClient.start({
      workspaceFolders: [root],
      capabilities: pullCapabilities(),
      settings: { sanitizers: ['tidyUp'], severityOverrides: { 'no-cleartext-transport': 'note' } },
    });
    const result = await client.request('workspace/executeCommand', { command: 'phiGuard.scanWorkspace' });
    assert.equal(result.completed, true);
    const lab = await client.waitForDiagnostics(uriOf(path.join(root, 'src', 'lab.ts')), (p) => p.diagnostics.length === 2, 0);
    const cleartext = lab.diagnostics.find((d) => d.code === 'no-cleartext-transport');
    assert.equal(cleartext?.severity, 3, 'the severity override applies to scan results');
    assert.equal(result.counts.note, 1);
    assert.equal(client.received.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uriOf(scrubbed) && m.params.diagnostics.length > 0).length, 0, 'the sanitizer setting applies to scan results');
    const uri = client.open(scrubbed);
    assert.deepEqual((await client.pull(uri)).items, [], 'and to the open document, the same');
  });

  it('does not take .json5 (or any other kind) for code: such documents are not analysed', async () => {
    const root = workspace();
    client = await TestClient.start({ workspaceFolders: [root], capabilities: pushCapabilities() });
    const json5 = client.open(path.join(root, 'settings.json5'), "{ endpoint: 'http://api.example-lab.com', // JSON5\n}\n");
    const lab = client.open(path.join(root, 'src', 'lab.ts'));
    await client.waitForDiagnostics(lab, (p) => p.diagnostics.length > 0);
    assert.equal(client.received.some((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === json5 && m.params.diagnostics.length > 0), false);
    assert.equal(client.received.some((m) => m.method === 'window/logMessage' && /settings\.json5/.test(m.params.message)), false, 'not parsed (no parse error logged)');
  });
});
