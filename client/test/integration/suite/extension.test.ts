// Runs inside VS Code's extension host with the demo workspace open: the extension activates, the bundled
// server publishes PHI Guard diagnostics, a quick fix edits the document, Scan Workspace reports files that
// were never opened and Export SARIF writes a log.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands, DIAGNOSTIC_SOURCE, type ExportSarifResult, type ScanWorkspaceResult } from '../../../../server/src/shared/protocol';

const EXTENSION_ID = 'phi-guard.phi-guard';

async function waitFor<T>(what: string, timeoutMs: number, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    // Wake up on the next diagnostics change, or after a short interval at the latest.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, 200);
      const listener = vscode.languages.onDidChangeDiagnostics(done);
      function done() {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      }
    });
  }
}

function phiGuardDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** A file of the demo marked `// expect: <rule>` on a line containing `needle`. */
async function markedFile(rule: string, needle: string): Promise<vscode.Uri> {
  for (const uri of await vscode.workspace.findFiles('src/**/*.{ts,tsx}')) {
    const text = readFileSync(uri.fsPath, 'utf8');
    if (text.split('\n').some((line) => line.includes(`// expect: ${rule}`) && line.includes(needle))) return uri;
  }
  throw new Error(`no file marked "expect: ${rule}" with ${needle}`);
}

describe('PHI Guard extension (VS Code extension host)', () => {
  let opened: vscode.Uri;

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    await extension.activate();
  });

  it('publishes PHI Guard diagnostics for an opened file', async () => {
    opened = await markedFile('no-cleartext-transport', 'http://');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(opened));
    const diagnostics = await waitFor('PHI Guard diagnostics', 30_000, () => {
      const found = phiGuardDiagnostics(opened);
      return found.length ? found : undefined;
    });
    assert.ok(diagnostics.some((d) => ruleOf(d) === 'no-cleartext-transport'));
  });

  it('offers a quick fix that turns http:// into https://', async () => {
    const document = await vscode.workspace.openTextDocument(opened);
    const diagnostic = phiGuardDiagnostics(opened).find((d) => ruleOf(d) === 'no-cleartext-transport');
    assert.ok(diagnostic);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      opened,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => /https/i.test(a.title) && a.edit);
    assert.ok(fix, `no https fix among ${actions.map((a) => a.title).join(', ')}`);
    const line = diagnostic.range.start.line;
    assert.match(document.lineAt(line).text, /http:\/\//);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(document.lineAt(line).text, /https:\/\//);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('Scan Workspace reports findings in files that were never opened', async () => {
    const result = await vscode.commands.executeCommand<ScanWorkspaceResult | undefined>(Commands.scanWorkspace);
    assert.ok(result?.completed, 'the scan did not complete');
    assert.ok(result.filesScanned > 1);
    const openPaths = new Set(vscode.workspace.textDocuments.map((d) => d.uri.fsPath));
    const neverOpened = vscode.languages
      .getDiagnostics()
      .filter(([uri, diagnostics]) => !openPaths.has(uri.fsPath) && diagnostics.some((d) => d.source === DIAGNOSTIC_SOURCE));
    assert.ok(neverOpened.length > 0, 'no diagnostics for files that were never opened');
  });

  it('Export SARIF writes a SARIF 2.1.0 log', async () => {
    const target = path.join(process.env.PHI_GUARD_TEST_SCRATCH ?? tmpdir(), 'phi-guard.sarif');
    const result = await vscode.commands.executeCommand<ExportSarifResult | undefined>(Commands.exportSarif, { target });
    assert.ok(result, 'no export result');
    assert.ok(existsSync(result.path));
    const log = JSON.parse(readFileSync(result.path, 'utf8'));
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0].results.length, result.results);
  });
});
