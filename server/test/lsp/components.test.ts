// The built language server on single-file components: an open .vue or .svelte document gets diagnostics at
// the component's own lines and columns, and a quick fix edits the component at the right offsets.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIXTURES, TestClient, buildServerOnce, pullCapabilities, pushCapabilities } from './harness';

const COMPONENTS = path.join(FIXTURES, 'components');
const VUE = path.join(COMPONENTS, 'src', 'LabOrders.vue');
const VUE_TEXT = fs.readFileSync(VUE, 'utf8');
const SVELTE = path.join(COMPONENTS, 'src', 'Widget.svelte');

describe('language server: single-file components', function () {
  this.timeout(60_000);
  let client: TestClient | undefined;

  before(() => buildServerOnce());
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('pushes diagnostics for an open .vue document (languageId vue) at the component\'s lines, none from the template', async () => {
    client = await TestClient.start({ workspaceFolders: [COMPONENTS], capabilities: pushCapabilities() });
    const uri = client.open(VUE);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const found = published.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();
    // 0-based: line 10 of the file is 9; the template's http:// link and {{ patient.ssn }} are not analysed.
    assert.deepEqual(found, ['no-cleartext-transport@10:35', 'no-phi-in-logs@9:29']);
  });

  it('offers the quick fix for a .vue document and it edits the script, nothing else', async () => {
    client = await TestClient.start({ workspaceFolders: [COMPONENTS], capabilities: pullCapabilities() });
    const uri = client.open(VUE);
    const report = await client.pull(uri);
    const cleartext = report.items!.find((d) => d.code === 'no-cleartext-transport')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: cleartext.range, context: { diagnostics: [cleartext] } });
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix?.edit, `a preferred fix among ${actions.map((a) => a.title).join(' | ')}`);
    const edits: TextEdit[] = fix.edit.documentChanges
      ? fix.edit.documentChanges.flatMap((change) => ('edits' in change ? (change.edits as TextEdit[]) : []))
      : (fix.edit.changes?.[uri] ?? []);
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'vue', 1, VUE_TEXT), edits);
    assert.equal(fixed, VUE_TEXT.replace('http://api.example-lab.com', 'https://api.example-lab.com'));
  });

  it('pushes diagnostics for an open .svelte document', async () => {
    client = await TestClient.start({ workspaceFolders: [COMPONENTS], capabilities: pushCapabilities() });
    const uri = client.open(SVELTE);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(published.diagnostics.map((d) => `${d.code}@${d.range.start.line}`), ['no-phi-in-logs@2']);
  });
});
