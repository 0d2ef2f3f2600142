// Code actions of the built server: quick fixes, wrap with the redactor, suppress (snippet or plain
// text), show documentation, and source.fixAll.phiGuard. Every edit is applied to the text and checked.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIXTURES, TestClient, buildServerOnce, pullCapabilities, pushCapabilities } from './harness';

const BASIC = path.join(FIXTURES, 'basic');
const LAB = path.join(BASIC, 'src', 'lab.ts');
const LAB_TEXT = fs.readFileSync(LAB, 'utf8');

/** Applies a workspace edit for one document; checks the version when it names one. */
function applyEdit(doc: TextDocument, edit: WorkspaceEdit | undefined): string {
  assert.ok(edit, 'the action has an edit');
  let edits: TextEdit[] = [];
  if (edit.documentChanges) {
    for (const change of edit.documentChanges) {
      assert.ok('textDocument' in change);
      assert.equal(change.textDocument.uri, doc.uri);
      assert.equal(change.textDocument.version, doc.version, 'the edit names the document version');
      edits.push(
        ...change.edits.map((e) =>
          'snippet' in e ? { range: e.range, newText: (e as { snippet: { value: string } }).snippet.value } : (e as TextEdit),
        ),
      );
    }
  } else {
    edits = edit.changes?.[doc.uri] ?? [];
  }
  return TextDocument.applyEdits(doc, edits);
}

async function actionsFor(client: TestClient, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
}

describe('language server: code actions', function () {
  this.timeout(60_000);
  let client: TestClient | undefined;

  before(() => buildServerOnce());
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('offers the finding fix as the preferred quick fix, versioned (documentChanges), and it applies', async () => {
    client = await TestClient.start({ workspaceFolders: [BASIC], capabilities: pullCapabilities() });
    const uri = client.open(LAB);
    const report = await client.pull(uri);
    const cleartext = report.items!.find((d) => d.code === 'no-cleartext-transport')!;
    const actions = await actionsFor(client, uri, [cleartext]);
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, `a preferred fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.diagnostics?.map((d) => d.code), ['no-cleartext-transport']);
    const fixed = applyEdit(TextDocument.create(uri, 'typescript', 1, LAB_TEXT), fix.edit);
    assert.match(fixed, /axios\.get\(`https:\/\/api\.example-lab\.com\/orders\/\$\{orderId\}`\)/);
    assert.equal(fixed.replace('https://', 'http://'), LAB_TEXT, 'nothing else changed');
    const docs = actions.find((a) => a.command?.command === 'phiGuard.showRuleDocumentation');
    assert.deepEqual(docs?.command?.arguments, [
      { ruleId: 'no-cleartext-transport', url: 'https://github.com/phi-guard/phi-guard/blob/main/rules/docs/no-cleartext-transport.md' },
    ]);
    assert.equal(docs?.title, 'Show documentation for no-cleartext-transport');
  });

  it('computes edits for the current version even when the diagnostic is from an older one', async () => {
    client = await TestClient.start({ workspaceFolders: [BASIC], capabilities: pullCapabilities() });
    const uri = client.open(LAB);
    const old = (await client.pull(uri)).items!.find((d) => d.code === 'no-cleartext-transport')!;
    const doc = TextDocument.create(uri, 'typescript', 1, LAB_TEXT);
    const insert = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// moved\n' };
    TextDocument.update(doc, [insert], 2);
    await client.notifyServer('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [insert] });
    const moved = { ...old, range: { start: { line: old.range.start.line + 1, character: old.range.start.character }, end: { line: old.range.end.line + 1, character: old.range.end.character } } };
    const actions = await actionsFor(client, uri, [moved]);
    const fix = actions.find((a) => a.isPreferred)!;
    const fixed = applyEdit(doc, fix.edit);
    assert.ok(fixed.startsWith('// moved\n'));
    assert.match(fixed, /`https:\/\/api\.example-lab\.com/);
  });

  it('suppresses for the line with matching indentation: plain text for clients without snippet edits; the placeholder is no reason', async () => {
    client = await TestClient.start({ workspaceFolders: [BASIC], capabilities: pushCapabilities() });
    const uri = client.open(LAB);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const logs = published.diagnostics.find((d) => d.code === 'no-phi-in-logs')!;
    assert.ok(logs, 'no-phi-in-logs is reported');
    const actions = await actionsFor(client, uri, [logs]);
    const suppress = actions.find((a) => a.title === 'Suppress no-phi-in-logs for this line');
    assert.ok(suppress, actions.map((a) => a.title).join(' | '));
    assert.ok(suppress.edit?.changes, 'plain `changes` for a client without documentChanges');
    const doc = TextDocument.create(uri, 'typescript', 1, LAB_TEXT);
    const text = applyEdit(doc, suppress.edit);
    const lines = text.split('\n');
    const at = lines.findIndex((line) => line.includes('phi-guard-disable-next-line'));
    assert.equal(lines[at], '    // phi-guard-disable-next-line no-phi-in-logs -- <why this is not a PHI leak>');
    assert.match(lines[at + 1], /^    console\.log\('patient', patient\.ssn\);$/);

    // The placeholder is not a reason: left as inserted, the finding stays and the comment is reported.
    await client.notifyServer('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    const placeholder = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.ok(placeholder.diagnostics.some((d) => d.code === 'no-phi-in-logs'), 'not suppressed by the placeholder');
    assert.ok(placeholder.diagnostics.some((d) => d.code === 'valid-suppression' && /placeholder/.test(String(d.message))));

    // The server agrees once a reason is written: the finding is suppressed (not shown) and counted as such.
    const reasoned = text.replace('<why this is not a PHI leak>', 'lab integration test account, synthetic data');
    await client.notifyServer('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: reasoned }] });
    const after = await client.waitForDiagnostics(uri, (p) => p.version === 3);
    assert.ok(!after.diagnostics.some((d) => d.code === 'no-phi-in-logs' || d.code === 'valid-suppression'));
    await client.waitFor('phiGuard/status', (p) => p.suppressed === 1, { since: 0 });
  });

  it('suppresses with a snippet placeholder for the reason when the client supports snippet edits (a placeholder that is no reason)', async () => {
    client = await TestClient.start({ workspaceFolders: [BASIC], capabilities: pullCapabilities({ snippets: true }) });
    const uri = client.open(LAB);
    const logs = (await client.pull(uri)).items!.find((d) => d.code === 'no-phi-in-logs')!;
    const actions = await actionsFor(client, uri, [logs]);
    const suppress = actions.find((a) => a.title === 'Suppress no-phi-in-logs for this line')!;
    const change = suppress.edit!.documentChanges![0] as { edits: Array<{ snippet?: { kind: string; value: string } }> };
    assert.deepEqual(change.edits[0].snippet, { kind: 'snippet', value: '    // phi-guard-disable-next-line no-phi-in-logs -- ${1:<why this is not a PHI leak>}\n' });
  });

  it('wraps a logged value with the configured redactor and adds its import', async () => {
    client = await TestClient.start({ workspaceFolders: [BASIC], capabilities: pullCapabilities() });
    const uri = client.open(LAB);
    const logs = (await client.pull(uri)).items!.find((d) => d.code === 'no-phi-in-logs')!;
    const actions = await actionsFor(client, uri, [logs]);
    const wrap = actions.find((a) => a.title === 'Wrap with `redact(…)`');
    assert.ok(wrap, actions.map((a) => a.title).join(' | '));
    const text = applyEdit(TextDocument.create(uri, 'typescript', 1, LAB_TEXT), wrap.edit);
    assert.match(text, /^import axios from 'axios';\nimport \{ redact \} from '\.\/redact';\n/);
    assert.match(text, /console\.log\('patient', redact\(patient\.ssn\)\);/);

    // Wrapped, the value no longer counts as PHI (redact is a built-in sanitizer).
    await client.notifyServer('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    const after = await client.pull(uri);
    assert.ok(!after.items!.some((d) => d.code === 'no-phi-in-logs'));
    // Not offered for a rule outside logging/storage/third-party.
    const cleartext = after.items!.find((d) => d.code === 'no-cleartext-transport')!;
    assert.ok(!(await actionsFor(client, uri, [cleartext])).some((a) => a.title.startsWith('Wrap with')));
  });

  it('takes the redactor from the settings over .phi-guard.json', async () => {
    client = await TestClient.start({
      workspaceFolders: [BASIC],
      capabilities: pullCapabilities(),
      settings: { redactor: { name: 'scrub', module: '@acme/phi' } },
    });
    const uri = client.open(LAB);
    const logs = (await client.pull(uri)).items!.find((d) => d.code === 'no-phi-in-logs')!;
    const wrap = (await actionsFor(client, uri, [logs])).find((a) => a.title === 'Wrap with `scrub(…)`')!;
    const text = applyEdit(TextDocument.create(uri, 'typescript', 1, LAB_TEXT), wrap.edit);
    assert.match(text, /import \{ scrub \} from '@acme\/phi';/);
    assert.match(text, /scrub\(patient\.ssn\)/);
  });

  it('fixes all safe problems of the file in one edit (source.fixAll.phiGuard)', async () => {
    client = await TestClient.start({ workspaceFolders: [BASIC], capabilities: pushCapabilities() });
    const text = `${LAB_TEXT}\nfetch('http://mirror.example-lab.com/feed');\nvoid fetch(\`http://api.example-lab.com/v2\`);\n`;
    const file = path.join(BASIC, 'src', 'lab-many.ts');
    const uri = client.open(file, text);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.filter((d) => d.code === 'no-cleartext-transport').length === 3);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.phiGuard']);
    const fixed = applyEdit(TextDocument.create(uri, 'typescript', 1, text), actions[0].edit);
    assert.doesNotMatch(fixed, /http:\/\//);
    assert.equal((fixed.match(/https:\/\//g) ?? []).length, 3);
  });
});
