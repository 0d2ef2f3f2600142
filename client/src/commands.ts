// The PHI Guard commands. Scan Workspace and Export SARIF run in the server (workspace/executeCommand;
// the server reports window/workDoneProgress for the scan, which VS Code shows with a Cancel button); the
// others are client-side. No command talks to the network: Show Documentation opens the rule's doc that
// ships in the extension in the Markdown preview (only a rule without a bundled doc is handed to the
// user's browser, vscode.env.openExternal).
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import {
  Commands,
  DIAGNOSTIC_SOURCE,
  type ExportSarifParams,
  type ExportSarifResult,
  type ScanWorkspaceResult,
  type ShowRuleDocumentationArgs,
} from '../../server/src/shared/protocol';
import { bundledDoc } from './docs';
import { formatCounts } from './status-text';

export interface CommandContext {
  extensionContext: vscode.ExtensionContext;
  outputChannel: vscode.LogOutputChannel;
  /** The current client (a restart may replace nothing, but the getter keeps handlers honest). */
  client(): LanguageClient;
  /** Resolves when the client's start attempt has settled. */
  started(): Promise<void>;
  restart(): Promise<void>;
}

async function runningClient(ctx: CommandContext): Promise<LanguageClient | undefined> {
  await ctx.started();
  const client = ctx.client();
  if (client.isRunning()) return client;
  const choice = await vscode.window.showErrorMessage(
    'The PHI Guard server is not running.',
    'Restart Server',
    'Show Output',
  );
  if (choice === 'Restart Server') await ctx.restart();
  if (choice === 'Show Output') ctx.outputChannel.show(true);
  return undefined;
}

async function executeOnServer<T>(client: LanguageClient, command: string, args: unknown[]): Promise<T> {
  return (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args })) as T;
}

async function scanWorkspace(ctx: CommandContext): Promise<ScanWorkspaceResult | undefined> {
  const client = await runningClient(ctx);
  if (!client) return undefined;
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('PHI Guard: open a folder to scan a workspace.');
    return undefined;
  }
  try {
    const result = await executeOnServer<ScanWorkspaceResult | null>(client, Commands.scanWorkspace, []);
    if (!result) return undefined;
    const seconds = (result.durationMs / 1000).toFixed(1);
    const extra = [
      result.suppressed ? `${result.suppressed} suppressed` : '',
      result.skipped ? `${result.skipped} files skipped` : '',
      result.ruleErrors ? `${result.ruleErrors} rule errors` : '',
    ].filter(Boolean);
    const message = result.completed
      ? `PHI Guard scanned ${result.filesScanned} files in ${seconds} s: ${formatCounts(result.counts)}` +
        (extra.length ? ` (${extra.join(', ')})` : '') +
        '.'
      : `PHI Guard: the workspace scan was cancelled after ${result.filesScanned} files.`;
    ctx.outputChannel.info(message);
    void vscode.window.showInformationMessage(message, 'Show Problems').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return result;
  } catch (error) {
    reportFailure(ctx, 'Scan Workspace', error);
    return undefined;
  }
}

/** Arguments: none (asks for a path), a path string, or `ExportSarifParams` (used by tests). */
async function exportSarif(ctx: CommandContext, arg?: unknown): Promise<ExportSarifResult | undefined> {
  const client = await runningClient(ctx);
  if (!client) return undefined;
  let target: string | undefined;
  if (typeof arg === 'string') target = arg;
  else if (arg && typeof arg === 'object' && typeof (arg as ExportSarifParams).target === 'string') {
    target = (arg as ExportSarifParams).target;
  } else {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const uri = await vscode.window.showSaveDialog({
      title: 'Export PHI Guard findings as SARIF',
      saveLabel: 'Export',
      defaultUri: folder ? vscode.Uri.joinPath(folder.uri, 'phi-guard.sarif') : undefined,
      filters: { SARIF: ['sarif', 'sarif.json', 'json'] },
    });
    if (!uri) return undefined;
    target = uri.fsPath;
  }
  try {
    const params: ExportSarifParams = { target };
    const result = await executeOnServer<ExportSarifResult>(client, Commands.exportSarif, [params]);
    const message = `PHI Guard wrote ${result.results} results to ${result.path}.`;
    ctx.outputChannel.info(message);
    void vscode.window.showInformationMessage(message, 'Open').then((choice) => {
      if (choice) void vscode.window.showTextDocument(vscode.Uri.file(result.path));
    });
    return result;
  } catch (error) {
    reportFailure(ctx, 'Export SARIF', error);
    return undefined;
  }
}

interface RuleDocTarget {
  ruleId: string;
  url?: string;
}

/** Rule ids (and their documentation URLs) of the PHI Guard diagnostics VS Code currently shows. */
function rulesInDiagnostics(): RuleDocTarget[] {
  const byRule = new Map<string, RuleDocTarget>();
  const add = (diagnostics: readonly vscode.Diagnostic[]) => {
    for (const d of diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE || d.code === undefined) continue;
      const code = d.code;
      const ruleId = typeof code === 'object' ? String(code.value) : String(code);
      const url = typeof code === 'object' ? code.target.toString(true) : undefined;
      if (!byRule.has(ruleId) || (url && !byRule.get(ruleId)?.url)) byRule.set(ruleId, { ruleId, url });
    }
  };
  // Rules at the cursor first, then the rest of the active file, then everything else.
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const all = vscode.languages.getDiagnostics(editor.document.uri);
    add(all.filter((d) => d.range.contains(editor.selection.active)));
    add(all);
  }
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) add(diagnostics);
  return [...byRule.values()];
}

/** The rule documentation shipped inside the extension (rules/docs/<rule-id>.md), if present. */
function localDoc(ctx: CommandContext, ruleId: string): vscode.Uri | undefined {
  const file = bundledDoc(ctx.extensionContext.extensionPath, ruleId);
  return file ? vscode.Uri.file(file) : undefined;
}

async function showRuleDocumentation(ctx: CommandContext, arg?: unknown): Promise<void> {
  let target: RuleDocTarget | undefined;
  if (arg && typeof arg === 'object' && typeof (arg as ShowRuleDocumentationArgs).ruleId === 'string') {
    const a = arg as Partial<ShowRuleDocumentationArgs>;
    target = { ruleId: a.ruleId!, url: typeof a.url === 'string' ? a.url : undefined };
  } else if (typeof arg === 'string') {
    target = { ruleId: arg };
  } else {
    const rules = rulesInDiagnostics();
    if (rules.length === 0) {
      void vscode.window.showInformationMessage('PHI Guard: no findings to show documentation for.');
      return;
    }
    const picked = await vscode.window.showQuickPick(
      rules.map((r) => ({ label: r.ruleId, description: r.url, rule: r })),
      { title: 'PHI Guard: Show Documentation for Rule', placeHolder: 'Rule' },
    );
    if (!picked) return;
    target = picked.rule;
  }
  // The doc that ships with the extension, in the Markdown preview: offline, and the version that matches.
  const doc = localDoc(ctx, target.ruleId);
  if (doc) {
    await vscode.commands.executeCommand('markdown.showPreview', doc);
    return;
  }
  if (target.url && /^https?:\/\//.test(target.url)) {
    await vscode.env.openExternal(vscode.Uri.parse(target.url, true));
    return;
  }
  void vscode.window.showWarningMessage(`PHI Guard: no documentation found for rule ${target.ruleId}.`);
}

function reportFailure(ctx: CommandContext, what: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  ctx.outputChannel.error(`[${what}] ${message}`);
  void vscode.window.showErrorMessage(`PHI Guard ${what} failed: ${message}`, 'Show Output').then((choice) => {
    if (choice) ctx.outputChannel.show(true);
  });
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Commands.scanWorkspace, () => scanWorkspace(ctx)),
    vscode.commands.registerCommand(Commands.exportSarif, (arg?: unknown) => exportSarif(ctx, arg)),
    vscode.commands.registerCommand(Commands.restartServer, () => ctx.restart()),
    vscode.commands.registerCommand(Commands.showOutput, () => ctx.outputChannel.show(true)),
    vscode.commands.registerCommand(Commands.showRuleDocumentation, (arg?: unknown) => showRuleDocumentation(ctx, arg)),
  ];
}
