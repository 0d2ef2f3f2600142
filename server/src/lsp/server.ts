// The PHI Guard language server: wiring of documents, analysis scheduling, diagnostics (push and
// pull), code actions, settings, watched config files, workspace scan and status notifications.
//
// Diagnostics delivery:
// - Clients announcing `textDocument.diagnostic` (VS Code) pull diagnostics for open documents.
// - Clients without it (Neovim 0.7) get `textDocument/publishDiagnostics` for open documents.
// - Files that are not open (results of "Scan Workspace", kept after closing a file, updated when a
//   file changes on disk) are always pushed with `publishDiagnostics`: VS Code's Problems panel shows
//   them without the client having to pull for files it never opened. When such a file is opened in a
//   pull client, the pushed diagnostics are cleared (the pulled ones take over, no duplicates); when it
//   is closed, the stored findings are pushed again.
import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DiagnosticSeverity,
  ErrorCodes,
  FileChangeType,
  IPCMessageReader,
  IPCMessageWriter,
  LogMessageNotification,
  MarkupKind,
  MessageType,
  ProposedFeatures,
  ResponseError,
  StreamMessageWriter,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl, isImportConfigFile, type AnyRule, type Finding } from '../engine';
import { SEVERITIES, countBySeverity } from '../report/summary';
import { TOOL_NAME, TOOL_VERSION } from '../report/tool-info';
import {
  Commands,
  DIAGNOSTIC_SOURCE,
  EXPORT_SARIF_REQUEST,
  FIX_ALL_CODE_ACTION_KIND,
  SERVER_COMMANDS,
  type ExportSarifParams,
  type SeverityCounts,
} from '../shared/protocol';
import { CONFIG_FILE_GLOB, CONFIG_FILE_NAME, PACKAGE_MANIFEST_NAME, WATCHED_FILES_GLOB, isInSkippedFolder, languageOfPath } from '../shared/file-kinds';
import { DEFAULT_SETTINGS, type PhiGuardSettings } from '../shared/settings';
import { FileAnalyzer, emptyOutcome, type AnalysisOutcome, type ConfigProblem } from './analyzer';
import { computeCodeActions } from './code-actions';
import { FramedStreamReader, GuardedMessageReader } from './protocol-guard';
import { hoverMarkdown } from './diagnostic-text';
import { findingContains, toDiagnostic } from './diagnostics';
import { WorkspaceFolderSet, pathToUri, uriToPath } from './paths';
import { AnalysisScheduler, type AnalysisEntry } from './scheduler';
import { SettingsStore, isExcluded, redactorFor } from './settings';
import { StatusReporter } from './status';
import { WorkspaceScanner, truncate } from './workspace-scan';

export interface LanguageServerOptions {
  transport: 'stdio' | 'ipc';
  /** The rules to run, handed in by the composition root (the CLI's `lsp` command, a test). */
  rules: readonly AnyRule[];
}

export function startLanguageServer(options: LanguageServerOptions): void {
  const stdio = options.transport === 'stdio';
  const writer = stdio ? new StreamMessageWriter(process.stdout) : new IPCMessageWriter(process);
  let server: PhiGuardServer | undefined;
  // Every message is checked before vscode-languageserver sees it (protocol-guard.ts).
  const framed = stdio ? new FramedStreamReader(process.stdin) : undefined;
  const reader = new GuardedMessageReader(framed ?? new IPCMessageReader(process), writer, {
    refused: (problem) => server?.refused(problem),
    framingError: (what) => void closeOnTransportError(connection, what),
  });
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  if (stdio) {
    // stdin closing means the client is gone; in the middle of a message it is also a framing error.
    process.stdin.on('end', () => {
      const partial = framed?.partialMessage();
      if (partial) void closeOnTransportError(connection, `the end of the input inside ${partial}`);
      else process.exit(0);
    });
  }
  server = new PhiGuardServer(connection, options.rules);
  server.listen();
}

/**
 * The stream is out of step (a bad header, garbage) or broken: no later message can be trusted to be
 * read right, so the server says why (stderr and the client's log) and exits with 1, the code of an
 * exit without shutdown. Never a crash, never a silent hang.
 */
async function closeOnTransportError(connection: Connection, what: string): Promise<void> {
  const message = `[PHI Guard] closing the connection: received ${what}; the message stream cannot be read any further`;
  process.stderr.write(`${message}\n`);
  const logged = connection.sendNotification(LogMessageNotification.type, { type: MessageType.Error, message }).catch(() => undefined);
  await Promise.race([logged, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  process.exit(1);
}

/** Invalid messages logged one by one before the log only counts them. */
const REFUSED_LOGGED = 20;

interface Capabilities {
  pull: boolean;
  configuration: boolean;
  watchedFilesDynamic: boolean;
  configurationDynamic: boolean;
  documentChanges: boolean;
  snippets: boolean;
  refresh: boolean;
  workspaceFolders: boolean;
}

/**
 * A command id as editors write them (`phiGuard.scanWorkspace`, `editor.action.quickFix`): dotted names
 * that start with a letter. Anything else a client sends as a command (an SSN, a date) is not quoted back.
 */
function isCommandIdShaped(command: string): boolean {
  return command.length <= 100 && /^[A-Za-z_$][\w$-]*(?:[./][A-Za-z_$][\w$-]*)*$/.test(command);
}

function readCapabilities(caps: ClientCapabilities): Capabilities {
  const workspaceEdit = caps.workspace?.workspaceEdit as (NonNullable<ClientCapabilities['workspace']>['workspaceEdit'] & { snippetEditSupport?: boolean }) | undefined;
  return {
    pull: !!caps.textDocument?.diagnostic,
    configuration: !!caps.workspace?.configuration,
    watchedFilesDynamic: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    configurationDynamic: !!caps.workspace?.didChangeConfiguration?.dynamicRegistration,
    documentChanges: !!workspaceEdit?.documentChanges,
    snippets: !!workspaceEdit?.snippetEditSupport,
    refresh: !!caps.workspace?.diagnostics?.refreshSupport,
    workspaceFolders: !!caps.workspace?.workspaceFolders,
  };
}

export class PhiGuardServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly folders = new WorkspaceFolderSet();
  private readonly analyzer: FileAnalyzer;
  private readonly settings: SettingsStore;
  private readonly scheduler: AnalysisScheduler;
  private readonly scanner: WorkspaceScanner;
  private readonly status: StatusReporter;
  private readonly rulesById: ReadonlyMap<string, AnyRule>;
  private caps: Capabilities = {
    pull: false,
    configuration: false,
    watchedFilesDynamic: false,
    configurationDynamic: false,
    documentChanges: false,
    snippets: false,
    refresh: false,
    workspaceFolders: false,
  };
  /** Stored (scan) diagnostics currently pushed for files, keyed by path: URI used and the counts shown. */
  private readonly pushedStored = new Map<string, { uri: string; counts: SeverityCounts; suppressed: number }>();
  /** Config files with a problem diagnostic, by URI. */
  private readonly configProblemUris = new Set<string>();
  /** The URI spelling the client used for a path (so stored results are pushed under the same URI). */
  private readonly clientUris = new Map<string, string>();
  /** Scanned files that changed on disk (or were saved) while open: re-analysed from disk when they close. */
  private readonly changedWhileOpen = new Set<string>();
  private verbose = false;
  private refusedCount = 0;
  /** Languages ('code', 'json') analysed once since start: later analyses run warm. */
  private readonly warmLanguages = new Set<string>();
  /** Open documents analysed at least once since they were opened. */
  private readonly analysedOpen = new Set<string>();
  /**
   * Open documents analysed before a folder's cross-file index was built, whose next analysis is the
   * re-analysis the new index causes: it runs right after the index build's burst of work (and loads the
   * summaries it now reaches), so, like the first analysis after start, it is not judged against the
   * budget. A document first analysed after the index is ready is judged as usual.
   */
  private readonly firstWithIndex = new Set<string>();

  constructor(
    private readonly connection: Connection,
    rules: readonly AnyRule[],
  ) {
    this.rulesById = new Map(rules.map((rule) => [rule.meta.id, rule]));
    this.analyzer = new FileAnalyzer(this.folders, rules, {
      indexReady: (folder, files) => this.indexReady(folder, files),
      openText: (absPath) => this.openText(absPath),
    });
    this.settings = new SettingsStore(connection, () => this.caps.configuration, (message) => this.warn(message));
    this.status = new StatusReporter(connection, { counts: () => this.counts() });
    this.scheduler = new AnalysisScheduler({
      documents: this.documents,
      settingsFor: (uri) => this.settings.get(uri),
      tracksResultIds: () => this.caps.pull,
      analyze: (doc, settings) => this.analyzeDocument(doc, settings),
      analysed: (entry) => this.analysed(entry),
    });
    this.scanner = new WorkspaceScanner(connection, this.folders, this.analyzer, rules, (folderUri) => this.settings.get(folderUri), {
      log: (message) => this.log(message),
      warn: (message) => this.warn(message),
      progress: (percentage) => this.status.scanProgressed(percentage),
      began: () => this.status.beginScan(),
      ended: () => this.status.endScan(),
      problems: (summary) => this.status.error(summary),
    });
  }

  listen(): void {
    const { connection, documents } = this;
    // Nothing may write to stdout but the protocol: route stray console output to the client's log.
    console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
    console.info = console.log;
    console.debug = console.log;
    console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
    console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
    process.on('uncaughtException', (error) => this.internalError('uncaught exception', error));
    process.on('unhandledRejection', (error) => this.internalError('unhandled rejection', error));

    connection.onInitialize((params) => {
      this.caps = readCapabilities(params.capabilities ?? {});
      if (params.workspaceFolders && params.workspaceFolders.length > 0) this.folders.set(params.workspaceFolders);
      else if (params.rootUri) this.folders.set([{ uri: params.rootUri }]);
      else if (params.rootPath) this.folders.set([{ uri: pathToUri(path.resolve(params.rootPath)) }]);
      const result: InitializeResult = {
        capabilities: {
          textDocumentSync: {
            openClose: true,
            change: TextDocumentSyncKind.Incremental,
            save: { includeText: false },
          },
          codeActionProvider: {
            codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_CODE_ACTION_KIND],
            resolveProvider: false,
          },
          executeCommandProvider: { commands: [...SERVER_COMMANDS] },
          hoverProvider: true,
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
        serverInfo: { name: TOOL_NAME, version: TOOL_VERSION },
      };
      if (this.caps.pull) {
        result.capabilities.diagnosticProvider = { identifier: 'phiGuard', interFileDependencies: false, workspaceDiagnostics: false };
      }
      return result;
    });

    connection.onInitialized(() => {
      this.guardAsync('initialized', async () => {
        if (this.caps.configurationDynamic) {
          await connection.client.register(DidChangeConfigurationNotification.type, { section: 'phiGuard' });
        }
        if (this.caps.watchedFilesDynamic) {
          await connection.client.register(DidChangeWatchedFilesNotification.type, {
            watchers: [{ globPattern: CONFIG_FILE_GLOB }, { globPattern: WATCHED_FILES_GLOB }],
          });
        }
        if (this.caps.workspaceFolders) {
          connection.workspace.onDidChangeWorkspaceFolders((event) =>
            this.guard('workspace folders', () => {
              for (const removed of event.removed) this.folders.remove(removed.uri);
              for (const added of event.added) this.folders.add(added);
              this.analyzer.foldersChanged();
              this.configurationChanged();
            }),
          );
        }
        this.log(`started (${this.caps.pull ? 'pull' : 'push'} diagnostics; ${this.folders.all().length} workspace folder(s))`);
        this.status.update();
      });
    });

    documents.onDidOpen(({ document }) =>
      this.guard('didOpen', () => {
        const absPath = uriToPath(document.uri);
        if (absPath) {
          this.clientUris.set(absPath, document.uri);
          // The open document's own diagnostics replace what was pushed for the file on disk.
          const pushed = this.pushedStored.get(absPath);
          if (pushed && (this.caps.pull || pushed.uri !== document.uri)) connection.sendDiagnostics({ uri: pushed.uri, diagnostics: [] });
          this.pushedStored.delete(absPath);
        }
        this.scheduler.opened(document.uri);
      }),
    );
    documents.onDidChangeContent(({ document }) =>
      this.guard('didChange', () => {
        this.scheduler.changed(document.uri);
        this.dependantsChanged(document.uri);
      }),
    );
    documents.onDidSave(({ document }) =>
      this.guard('didSave', () => {
        this.scheduler.saved(document.uri);
        const absPath = uriToPath(document.uri);
        if (absPath) this.diskChanged(absPath, false);
        if (this.caps.pull && this.caps.refresh) {
          // onSave mode: the pull client re-asks once the saved version is analysed.
          void this.scheduler.current(document.uri, () => false).then(() => this.refreshPull());
        }
      }),
    );
    documents.onDidClose(({ document }) =>
      this.guard('didClose', () => {
        this.scheduler.closed(document.uri);
        const absPath = uriToPath(document.uri);
        if (absPath) {
          this.status.clearSlow(absPath);
          this.analysedOpen.delete(absPath);
          this.firstWithIndex.delete(absPath);
          this.status.setNotAnalysed(absPath, undefined);
          // The editor's text is gone: the disk's is what the cross-file index should know.
          this.analyzer.fileChanged(absPath, undefined);
          this.dependantsChanged(document.uri);
        }
        if (absPath && this.changedWhileOpen.delete(absPath)) {
          if (!this.caps.pull) connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
          this.diskChanged(absPath, false);
        } else if (absPath && this.scanner.files.has(absPath)) {
          void this.publishStored(absPath);
        } else if (!this.caps.pull) {
          connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
        }
        this.status.update();
      }),
    );

    connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
      return this.guardRequest('textDocument/diagnostic', async () => {
        const uri = params.textDocument.uri;
        if (!this.documents.get(uri)) {
          // Not open: its stored results are pushed (see the top of this file); nothing to pull.
          return { kind: 'full', items: [] };
        }
        const entry = await this.scheduler.current(uri, () => token.isCancellationRequested);
        if (!entry) return { kind: 'full', items: [] };
        if (params.previousResultId === entry.resultId) return { kind: 'unchanged', resultId: entry.resultId };
        return { kind: 'full', resultId: entry.resultId, items: entry.diagnostics };
      });
    });

    connection.onCodeAction(async (params) =>
      this.guardRequest('textDocument/codeAction', async () => {
        const uri = params.textDocument.uri;
        const doc = this.documents.get(uri);
        if (!doc) return [];
        const entry = await this.scheduler.exact(uri);
        const current = this.documents.get(uri);
        if (!entry || !current || current.version !== entry.version) return [];
        const outcome = entry.outcome;
        const redactor = outcome.config ? redactorFor(outcome.config, entry.settings, outcome.root) : undefined;
        return computeCodeActions({
          params,
          doc: current,
          outcome,
          redactor,
          rulesById: this.rulesById,
          supportsDocumentChanges: this.caps.documentChanges,
          supportsSnippets: this.caps.snippets,
        });
      }),
    );

    // The whole message with its advice (diagnostics show only the headline) and the doc link.
    connection.onHover(async (params) =>
      this.guardRequest('textDocument/hover', async () => {
        const findings = this.scheduler.latest(params.textDocument.uri)?.outcome.active.filter((finding) => findingContains(finding, params.position)) ?? [];
        if (findings.length === 0) return null;
        const value = findings.map((finding) => hoverMarkdown(finding.ruleId, finding.message, docsUrl(finding.ruleId))).join('\n\n---\n\n');
        return { contents: { kind: MarkupKind.Markdown, value } };
      }),
    );

    connection.onExecuteCommand(async (params, token) =>
      this.guardRequest('workspace/executeCommand', async () => {
        switch (params.command) {
          case Commands.scanWorkspace:
            return this.scanner.scan(params.workDoneToken, token, (changed) => this.scanDone(changed));
          case Commands.exportSarif: {
            const arg = params.arguments?.[0];
            const target = typeof arg === 'string' ? arg : arg && typeof arg === 'object' && typeof arg.target === 'string' ? arg.target : undefined;
            return this.exportSarif(target);
          }
          default:
            // The name is shown only when it is shaped like a command id: the error never carries a value.
            throw new ResponseError(ErrorCodes.InvalidParams, `PHI Guard does not handle the command '${isCommandIdShaped(params.command) ? params.command : '…'}'.`);
        }
      }),
    );

    connection.onRequest(EXPORT_SARIF_REQUEST, async (params: ExportSarifParams | undefined) =>
      this.guardRequest(EXPORT_SARIF_REQUEST, async () => {
        return this.exportSarif(params?.target ?? undefined);
      }),
    );

    connection.onDidChangeConfiguration((params) =>
      this.guard('didChangeConfiguration', () => {
        this.settings.changed(params?.settings);
        this.configurationChanged();
      }),
    );

    connection.onDidChangeWatchedFiles((params) =>
      this.guard('didChangeWatchedFiles', () => {
        let configChanged = false;
        let importConfigChanged = false;
        for (const change of params.changes) {
          const absPath = uriToPath(change.uri);
          if (!absPath) continue;
          if (path.basename(absPath) === CONFIG_FILE_NAME) {
            configChanged = true;
            this.log(`config ${FileChangeType.Deleted === change.type ? 'deleted' : 'changed'}: ${this.folders.relPath(absPath)}`);
          } else if (languageOfPath(absPath) !== undefined && !isInSkippedFolder(path.relative(this.folders.rootOf(absPath), absPath))) {
            // A package manifest says who signs in to its app when no config does (`appUsers`).
            if (path.basename(absPath) === PACKAGE_MANIFEST_NAME) configChanged = true;
            const deleted = change.type === FileChangeType.Deleted;
            // A tsconfig/jsconfig's `paths` decide where every import of its folder leads: what is on disk counts,
            // open in the editor or not, and no summary records it, so every open document is analysed again.
            const importConfig = isImportConfigFile(absPath);
            if (importConfig) importConfigChanged = true;
            if (!this.isOpen(absPath) || importConfig) {
              this.analyzer.fileChanged(absPath, undefined, deleted);
              this.dependantsChanged(change.uri);
            }
            this.diskChanged(absPath, deleted);
          }
        }
        if (configChanged) {
          this.analyzer.configChanged();
          this.configurationChanged();
        } else if (importConfigChanged) {
          this.scheduler.invalidateAll(!this.caps.pull);
          if (this.caps.pull) this.refreshPull();
        }
      }),
    );

    connection.onShutdown(() => {
      this.log('shutdown');
    });

    documents.listen(connection);
    connection.listen();
  }

  // ---- analysis -----------------------------------------------------------------------------------

  private analyzeDocument(doc: TextDocument, settings: PhiGuardSettings): { outcome: AnalysisOutcome; diagnostics: Diagnostic[] } {
    const absPath = uriToPath(doc.uri);
    if (!absPath || languageOfPath(absPath) === undefined) {
      return { outcome: emptyOutcome(absPath ?? doc.uri), diagnostics: [] };
    }
    this.verbose = settings.trace.server === 'verbose';
    this.status.beginAnalysis();
    let outcome: AnalysisOutcome;
    try {
      outcome = this.analyzer.analyzeText(absPath, doc.getText(), settings, performance.now() + settings.analysisTimeoutMs);
    } catch (error) {
      // The engine isolates rules; this is a bug in the engine itself. Keep serving.
      this.internalError(`analysis of ${this.folders.relPath(absPath)}`, error);
      outcome = emptyOutcome(absPath);
    } finally {
      this.status.endAnalysis();
    }
    this.report(outcome, settings, doc.version);
    if (outcome.durationMs > 0) this.analysedOpen.add(absPath);
    this.reportOpenDocument(outcome);
    const diagnostics = outcome.active.map((finding) => toDiagnostic(finding, doc.uri, outcome.root, doc.version));
    return { outcome, diagnostics };
  }

  /** Output and status for one analysis: rule errors, skipped files, config problems, slow files. */
  private report(outcome: AnalysisOutcome, settings: PhiGuardSettings, version: number | undefined): void {
    const where = outcome.relPath;
    if (this.verbose) {
      const v = version === undefined ? '' : ` v${version}`;
      this.log(`analysed ${where}${v} in ${Math.round(outcome.durationMs)} ms: ${outcome.active.length} findings, ${outcome.suppressed} suppressed${outcome.ignored ? ` (${outcome.ignored})` : ''}`);
    }
    for (const error of outcome.ruleErrors) {
      this.warn(`rule ${error.ruleId} failed on ${where}: ${truncate(error.message)}`);
      this.status.error(`rule ${error.ruleId} failed on ${where}`);
    }
    // An open document over the size limit is reported once (reportOpenDocument), not on every keystroke.
    if (outcome.skipped && !(version !== undefined && outcome.skipped.reason === 'too-large')) {
      this.warn(`not analysed ${where} (${outcome.skipped.reason}): ${truncate(outcome.skipped.detail)}`);
      if (outcome.skipped.reason === 'parse-error' || outcome.skipped.reason === 'analysis-error') {
        this.status.error(`could not analyse ${where} (${outcome.skipped.reason})`);
      }
    }
    if (outcome.configProblem) this.configProblem(outcome.configProblem);
    this.reportTime(outcome, settings);
  }

  /**
   * Slow files: an analysis stopped at the deadline, or over the budget — except the first analysis of
   * each language after start, which runs cold (JIT warm-up: about 220 ms for a 50 ms file). An analysis
   * within the budget clears the file's slow status.
   */
  private reportTime(outcome: AnalysisOutcome, settings: PhiGuardSettings): void {
    const where = outcome.relPath;
    const ms = Math.round(outcome.durationMs);
    if (outcome.timedOut) {
      this.warn(`slow: analysis of ${where} stopped after ${ms} ms (phiGuard.analysisTimeoutMs ${settings.analysisTimeoutMs} ms); it is analysed again when saved, not while typing`);
      this.status.slow(outcome.absPath, where, outcome.durationMs, true);
      return;
    }
    if (outcome.durationMs === 0 || outcome.skipped) return; // not analysed: says nothing about speed
    if (this.firstWithIndex.delete(outcome.absPath) && outcome.durationMs > settings.timeBudgetMs) {
      // Says nothing about typing speed either way: neither reported slow nor cleared.
      this.log(`${where} took ${ms} ms: the first analysis with the folder's new cross-file index is not judged against phiGuard.timeBudgetMs`);
      return;
    }
    const language = languageOfPath(outcome.absPath) ?? 'code';
    const cold = !this.warmLanguages.has(language);
    this.warmLanguages.add(language);
    if (outcome.durationMs > settings.timeBudgetMs && !cold) {
      this.warn(`slow: ${where} took ${ms} ms (budget ${settings.timeBudgetMs} ms)`);
      this.status.slow(outcome.absPath, where, outcome.durationMs);
      return;
    }
    if (outcome.durationMs > settings.timeBudgetMs) {
      this.log(`${where} took ${ms} ms: the first analysis after start runs cold and is not judged against phiGuard.timeBudgetMs`);
    }
    this.status.clearSlow(outcome.absPath);
  }

  /** Status for an open document: whether it is analysed at all (over the size limit it is not). */
  private reportOpenDocument(outcome: AnalysisOutcome): void {
    const tooLarge = outcome.skipped?.reason === 'too-large' ? outcome.skipped : undefined;
    const entry = tooLarge ? { file: outcome.relPath, reason: `${tooLarge.detail} (maxFileSize)` } : undefined;
    if (this.status.setNotAnalysed(outcome.absPath, entry) && entry) {
      this.warn(`not analysed ${entry.file} while it is over the size limit: ${entry.reason}; nothing of it is kept`);
    }
  }

  private analysed(entry: AnalysisEntry): void {
    if (!this.caps.pull) {
      this.connection.sendDiagnostics({ uri: entry.uri, version: entry.version, diagnostics: entry.diagnostics });
    }
    this.status.update();
  }

  private configProblem(problem: ConfigProblem): void {
    const relConfig = problem.file ? this.folders.relPath(problem.file) : '.phi-guard.json';
    this.warn(`invalid config ${relConfig}:${problem.line}:${problem.column} ${problem.reason}`);
    this.status.error(`invalid config ${relConfig}: ${problem.reason}`);
    if (!problem.file) return;
    const uri = this.clientUris.get(problem.file) ?? pathToUri(problem.file);
    if (this.configProblemUris.has(uri)) return;
    this.configProblemUris.add(uri);
    const position = { line: Math.max(0, problem.line - 1), character: Math.max(0, problem.column - 1) };
    this.connection.sendDiagnostics({
      uri,
      diagnostics: [
        { range: { start: position, end: position }, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, code: 'config', message: problem.reason },
      ],
    });
  }

  /** Settings, config files or workspace folders changed: everything shown is recomputed. */
  private configurationChanged(): void {
    for (const uri of this.configProblemUris) this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.configProblemUris.clear();
    this.status.clearError();
    this.scheduler.invalidateAll(!this.caps.pull);
    if (this.caps.pull) this.refreshPull();
    // Stored results of files that are not open: re-analyse from disk with the new configuration.
    if (this.scanner.hasScan()) {
      for (const absPath of [...this.scanner.files.keys()]) this.diskChanged(absPath, false);
    }
  }

  private refreshPull(): void {
    if (!this.caps.refresh) return;
    this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  /**
   * Open documents that call into the changed file (their cross-file findings were joined from its
   * summary) are analysed again, so a finding that goes through it appears or goes with the edit.
   */
  private dependantsChanged(uri: string): void {
    const absPath = uriToPath(uri);
    if (!absPath) return;
    let any = false;
    for (const dependant of this.analyzer.dependantsOf(absPath)) {
      const dependantUri = this.clientUris.get(dependant);
      if (!dependantUri || !this.isOpen(dependant)) continue;
      this.scheduler.dependencyChanged(dependantUri);
      any = true;
    }
    if (any && this.caps.pull) this.refreshPull();
  }

  /** A file changed on disk (or was saved): update the stored scan results and what is shown for it. */
  private diskChanged(absPath: string, deleted: boolean): void {
    if (!this.scanner.hasScan() || !this.scanner.covers(absPath)) return;
    const root = this.folders.rootOf(absPath);
    const relPath = this.folders.relPath(absPath);
    if (deleted) {
      this.changedWhileOpen.delete(absPath);
      this.scanner.update(absPath, root, relPath, undefined);
      void this.publishStored(absPath);
      return;
    }
    if (this.isOpen(absPath)) {
      // Its stored results are not shown while it is open (the document's analysis is): analysing the
      // disk now would only repeat that work, on every save (and again for the save's file event).
      this.changedWhileOpen.add(absPath);
      return;
    }
    void this.settings.get(this.folders.folderOf(absPath)?.uri).then((settings) =>
      this.guard('re-analyse changed file', () => {
        const outcome = this.analyzer.analyzeDisk(absPath, settings);
        this.report(outcome, settings, undefined);
        this.scanner.update(absPath, outcome.root, outcome.relPath, outcome.findings);
        return this.publishStored(absPath);
      }),
    );
  }

  /** A folder's cross-file index is built: what was analysed without it may change. */
  private indexReady(folder: string, files: number): void {
    this.log(`indexed ${files} files of ${folder}`);
    for (const doc of this.documents.all()) {
      const absPath = uriToPath(doc.uri);
      if (absPath && this.analysedOpen.has(absPath) && this.folders.rootOf(absPath) === folder) this.firstWithIndex.add(absPath);
    }
    this.scheduler.invalidateAll(!this.caps.pull);
    if (this.caps.pull) this.refreshPull();
  }

  // ---- stored (scan) results ----------------------------------------------------------------------

  private async scanDone(changed: string[]): Promise<void> {
    await Promise.all(changed.map((absPath) => this.publishStored(absPath)));
    this.status.update();
  }

  /** Pushes the stored findings of a file that is not open (or clears them). */
  private async publishStored(absPath: string): Promise<void> {
    const uri = this.clientUris.get(absPath) ?? pathToUri(absPath);
    if (this.isOpen(absPath)) return; // the open document's analysis is what is shown
    const stored = this.scanner.files.get(absPath);
    const folderUri = this.folders.folderOf(absPath)?.uri;
    const settings = stored ? await this.settings.get(folderUri) : DEFAULT_SETTINGS;
    if (this.isOpen(absPath)) return;
    let shown: Finding[] = [];
    let suppressed = 0;
    if (stored && settings.enable && !isExcluded(stored.relPath, settings)) {
      const active = stored.findings.filter((finding) => !finding.suppressed);
      suppressed = stored.findings.length - active.length;
      shown = active;
    }
    const previous = this.pushedStored.get(absPath);
    if (shown.length === 0 && suppressed === 0) this.pushedStored.delete(absPath);
    else this.pushedStored.set(absPath, { uri, counts: countBySeverity(shown), suppressed });
    if (shown.length === 0 && !previous && !stored) return;
    const root = stored?.root ?? this.folders.rootOf(absPath);
    this.connection.sendDiagnostics({ uri, diagnostics: shown.map((finding) => toDiagnostic(finding, uri, root, undefined)) });
    this.status.update();
  }

  /** The open document of a path, under the URI spelling the client used or the canonical one. */
  private openDocument(absPath: string): TextDocument | undefined {
    const uri = this.clientUris.get(absPath);
    return (uri !== undefined ? this.documents.get(uri) : undefined) ?? this.documents.get(pathToUri(absPath));
  }

  /** The editor's text of an open document (it may differ from the disk). */
  private openText(absPath: string): string | undefined {
    return this.openDocument(absPath)?.getText();
  }

  private isOpen(absPath: string): boolean {
    return this.openDocument(absPath) !== undefined;
  }

  private exportSarif(target: string | undefined) {
    const result = this.scanner.exportSarif(target);
    this.log(`exported SARIF (${result.results} results) to ${result.path}`);
    return result;
  }

  // ---- status ---------------------------------------------------------------------------------------

  /** Sent with every status update (each analysis): stored files' counts are kept, not recounted. */
  private counts(): { counts: SeverityCounts; suppressed: number } {
    const counts: SeverityCounts = { error: 0, warning: 0, note: 0 };
    let suppressed = 0;
    const add = (more: SeverityCounts, moreSuppressed: number): void => {
      for (const severity of SEVERITIES) counts[severity] += more[severity];
      suppressed += moreSuppressed;
    };
    const openPaths = new Set<string>();
    for (const uri of this.scheduler.openUris()) {
      const entry = this.scheduler.latest(uri);
      const absPath = uriToPath(uri);
      if (absPath) openPaths.add(absPath);
      if (entry) add(countBySeverity(entry.outcome.active), entry.outcome.suppressed);
    }
    for (const [absPath, pushed] of this.pushedStored) {
      if (!openPaths.has(absPath)) add(pushed.counts, pushed.suppressed);
    }
    return { counts, suppressed };
  }

  // ---- logging and error handling ---------------------------------------------------------------------
  // Only kinds, rule ids and paths are logged: never document text.

  /**
   * A message protocol-guard.ts refused (bad params, not JSON). Logged, but a client (or a fuzzer)
   * sending thousands must not flood the log: the first few one by one, then a count now and then.
   */
  refused(problem: string): void {
    this.refusedCount += 1;
    if (this.refusedCount <= REFUSED_LOGGED) this.warn(`refused an invalid message: ${problem}`);
    else if (this.refusedCount % 1000 === 0) this.warn(`refused ${this.refusedCount} invalid messages so far (only the first ${REFUSED_LOGGED} are logged one by one)`);
  }

  private log(message: string): void {
    this.connection.console.log(`[PHI Guard] ${message}`);
  }

  private warn(message: string): void {
    this.connection.console.warn(`[PHI Guard] ${message}`);
  }

  private internalError(what: string, error: unknown): void {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const stack = error instanceof Error && error.stack ? `\n${error.stack.split('\n').slice(1, 8).join('\n')}` : '';
    try {
      this.connection.console.error(`[PHI Guard] ${what} failed: ${truncate(message)}${stack}`);
      this.status.error(`${what} failed: ${truncate(message, 120)}`);
    } catch {
      // The connection itself is gone; nothing left to tell.
    }
  }

  private guard(what: string, action: () => unknown): void {
    try {
      const result = action();
      if (result instanceof Promise) result.catch((error: unknown) => this.internalError(what, error));
    } catch (error) {
      this.internalError(what, error);
    }
  }

  private guardAsync(what: string, action: () => Promise<unknown>): void {
    action().catch((error: unknown) => this.internalError(what, error));
  }

  /** Runs a request handler; any exception becomes a ResponseError (the process keeps serving). */
  private async guardRequest<T>(what: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      this.internalError(what, error);
      const message = error instanceof Error ? error.message : String(error);
      throw new ResponseError(ErrorCodes.InternalError, `PHI Guard: ${what} failed: ${truncate(message, 120)}`);
    }
  }
}
