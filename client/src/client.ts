// Creates the LanguageClient that runs the bundled PHI Guard server (dist/phi-guard.js) over Node IPC.
import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type DynamicFeature,
  type LanguageClientOptions,
  type RegistrationData,
  type ServerOptions,
  type StaticFeature,
} from 'vscode-languageclient/node';
import { Commands, DIAGNOSTIC_SOURCE } from '../../server/src/shared/protocol';
import { SETTINGS_SECTION, normalizeSettings } from '../../server/src/shared/settings';
import { bundledDoc, replaceDocLinks, ruleIdOfDocLink, showDocumentationLink } from './docs';
import { CONFIG_FILE_GLOB, documentSelector } from './languages';

/** The LanguageClient id: VS Code reads `phiGuard.trace.server` for it. */
export const CLIENT_ID = SETTINGS_SECTION;
export const CLIENT_NAME = 'PHI Guard';

/** Command ids this extension registers itself (with UI around them: save dialog, result messages). */
export const CLIENT_COMMANDS: ReadonlySet<string> = new Set(Object.values(Commands));

type ExecuteCommandRegistration = RegistrationData<{ commands?: string[] }>;

/**
 * The LanguageClient registers a VS Code command for every command the server announces in
 * `executeCommandProvider`. The extension registers `phiGuard.scanWorkspace` and `phiGuard.exportSarif`
 * itself (so they exist, with a helpful message, even while the server is down, and so Export SARIF can ask
 * for a path first) and sends them to the server with `workspace/executeCommand`; registering the same id
 * twice throws. So the automatic registration skips the ids the extension owns; any other server command
 * (for example one used by a code action) is still registered the usual way.
 */
class PhiGuardLanguageClient extends LanguageClient {
  override registerFeature(feature: StaticFeature | DynamicFeature<any>): void {
    const dynamic = feature as Partial<DynamicFeature<any>>;
    if (dynamic.registrationType?.method === 'workspace/executeCommand' && typeof dynamic.register === 'function') {
      const register = dynamic.register.bind(feature) as (data: ExecuteCommandRegistration) => void;
      dynamic.register = (data: ExecuteCommandRegistration) =>
        register({
          ...data,
          registerOptions: {
            ...data.registerOptions,
            commands: (data.registerOptions.commands ?? []).filter((command) => !CLIENT_COMMANDS.has(command)),
          },
        });
    }
    super.registerFeature(feature);
  }
}

export function createClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/phi-guard.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, args: ['lsp', '--node-ipc'] },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      args: ['lsp', '--node-ipc'],
      options: { execArgv: ['--nolazy', '--inspect=6011'] },
    },
  };

  const docs = new BundledDocLinks(context.extensionPath);
  const clientOptions: LanguageClientOptions = {
    // Hovers may run one command: opening a rule's documentation (links rewritten by BundledDocLinks).
    markdown: { isTrusted: { enabledCommands: [Commands.showRuleDocumentation] } },
    documentSelector: documentSelector(),
    diagnosticCollectionName: 'phiGuard',
    outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    synchronize: {
      // Pushes `phiGuard.*` changes with workspace/didChangeConfiguration; the server also pulls them
      // (workspace/configuration) per resource.
      configurationSection: SETTINGS_SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB),
    },
    middleware: {
      // Documentation links open the doc that ships with the extension, offline (docs.ts).
      handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map((diagnostic) => docs.withBundledDoc(diagnostic))),
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        if (report?.kind === 'full') report.items = report.items.map((diagnostic) => docs.withBundledDoc(diagnostic));
        return report;
      },
      provideHover: async (document, position, token, next) => docs.withDocCommands(await next(document, position, token)),
      workspace: {
        // Hand the server complete, well-typed settings (defaults for anything missing or mistyped).
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value, index) =>
            params.items[index]?.section === SETTINGS_SECTION ? normalizeSettings(value) : value,
          );
        },
      },
    },
  };

  const client = new PhiGuardLanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  return client;
}

/**
 * The server links each finding to its documentation on the web (any client can open that, and SARIF
 * says the same). In VS Code the doc ships inside the extension: the rule id in Problems and in the
 * diagnostic hover opens the bundled Markdown file, the hover's "documentation" link its preview.
 */
class BundledDocLinks {
  private readonly found = new Map<string, string | undefined>();

  constructor(private readonly extensionPath: string) {}

  private doc(ruleId: string): string | undefined {
    if (!this.found.has(ruleId)) this.found.set(ruleId, bundledDoc(this.extensionPath, ruleId));
    return this.found.get(ruleId);
  }

  withBundledDoc(diagnostic: vscode.Diagnostic): vscode.Diagnostic {
    const code = diagnostic.code;
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !code || typeof code !== 'object') return diagnostic;
    const ruleId = ruleIdOfDocLink(code.target.toString(true));
    const file = ruleId && this.doc(ruleId);
    if (file) diagnostic.code = { value: code.value, target: vscode.Uri.file(file) };
    return diagnostic;
  }

  withDocCommands(hover: vscode.Hover | null | undefined): vscode.Hover | null | undefined {
    if (!hover) return hover;
    for (const content of hover.contents) {
      if (!(content instanceof vscode.MarkdownString)) continue;
      content.value = replaceDocLinks(content.value, (ruleId) => (this.doc(ruleId) ? showDocumentationLink(ruleId) : undefined));
    }
    return hover;
  }
}
