// The editor keeps cross-file findings current: when a file that an open document calls into is edited
// (not saved), the document is analysed again and its findings through that file follow the edit.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient, buildServerOnce, pushCapabilities, uriOf } from './harness';

const SINK = 'export function keep(entry: unknown) {\n  console.info(entry);\n}\n';
const NO_SINK = 'export function keep(entry: unknown) {\n  return entry !== undefined;\n}\n';

describe('language server: cross-file findings', function () {
  this.timeout(90_000);
  let client: TestClient | undefined;
  let root: string | undefined;

  before(() => buildServerOnce());
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('re-analyses an open caller when a file down its chain is edited', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-lsp-xfile-'));
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src', 'c.ts'), SINK);
    fs.writeFileSync(path.join(root, 'src', 'b.ts'), "import { keep } from './c';\nexport function record(entry: unknown) {\n  keep(entry);\n}\n");
    fs.writeFileSync(path.join(root, 'src', 'a.ts'), "import { record } from './b';\ndeclare const patient: { ssn: string };\nrecord(patient.ssn);\n");
    client = await TestClient.start({ workspaceFolders: [root], capabilities: pushCapabilities() });
    const a = uriOf(path.join(root, 'src', 'a.ts'));
    const c = uriOf(path.join(root, 'src', 'c.ts'));

    let since = client.mark();
    client.open(path.join(root, 'src', 'a.ts'));
    const first = await client.waitForDiagnostics(a, (p) => p.diagnostics.length === 1, since);
    assert.equal(first.diagnostics[0].code, 'no-phi-in-logs');
    client.open(path.join(root, 'src', 'c.ts'));

    since = client.mark();
    await client.notifyServer('textDocument/didChange', { textDocument: { uri: c, version: 2 }, contentChanges: [{ text: NO_SINK }] });
    await client.waitForDiagnostics(a, (p) => p.diagnostics.length === 0, since);

    since = client.mark();
    await client.notifyServer('textDocument/didChange', { textDocument: { uri: c, version: 3 }, contentChanges: [{ text: SINK }] });
    await client.waitForDiagnostics(a, (p) => p.diagnostics.length === 1, since);

    // Closed with its edits unsaved: the disk's text (no sink) holds again.
    fs.writeFileSync(path.join(root, 'src', 'c.ts'), NO_SINK);
    since = client.mark();
    await client.notifyServer('textDocument/didClose', { textDocument: { uri: c } });
    await client.waitForDiagnostics(a, (p) => p.diagnostics.length === 0, since);

    // Changed on disk while not open (another tool, a git checkout): the watcher's event re-analyses the caller.
    fs.writeFileSync(path.join(root, 'src', 'c.ts'), SINK);
    since = client.mark();
    await client.notifyServer('workspace/didChangeWatchedFiles', { changes: [{ uri: c, type: 2 }] });
    await client.waitForDiagnostics(a, (p) => p.diagnostics.length === 1, since);
  });
});
