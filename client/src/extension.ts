// PHI Guard for VS Code: starts the bundled language server (dist/phi-guard.js, shipped inside the
// extension — nothing is downloaded), registers the commands and shows the server's status.
// No telemetry, no network access.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../../server/src/shared/protocol';
import { SETTINGS_SECTION } from '../../server/src/shared/settings';
import { createClient } from './client';
import { registerCommands } from './commands';
import { StatusController } from './status';
import type { ClientState } from './status-text';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel('PHI Guard', { log: true });
  const status = new StatusController();
  context.subscriptions.push(outputChannel, status);

  const languageClient = createClient(context, outputChannel);
  client = languageClient;

  const enabled = () => vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>('enable', true);
  const clientState = (state: State): ClientState => {
    if (state === State.Running) return enabled() ? 'running' : 'disabled';
    return state === State.Starting ? 'starting' : 'stopped';
  };
  context.subscriptions.push(
    languageClient.onDidChangeState((event) => status.setClientState(clientState(event.newState))),
    languageClient.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
      if (enabled()) status.update(params);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.enable`)) status.setClientState(clientState(languageClient.state));
    }),
  );

  let starting: Promise<void> = Promise.resolve();
  const start = (action: () => Promise<void>) => {
    starting = action().catch((error: unknown) => {
      outputChannel.error(`PHI Guard server failed to start: ${error instanceof Error ? error.message : String(error)}`);
      status.setClientState('stopped');
    });
    return starting;
  };

  context.subscriptions.push(
    ...registerCommands({
      extensionContext: context,
      outputChannel,
      client: () => languageClient,
      started: () => starting,
      restart: () =>
        start(async () => {
          outputChannel.info('Restarting the PHI Guard server…');
          if (languageClient.state === State.Running) await languageClient.restart();
          else await languageClient.start();
        }),
    }),
  );

  // Not awaited: activation finishes at once; commands wait for the start attempt themselves.
  void start(() => languageClient.start());
}

export async function deactivate(): Promise<void> {
  const current = client;
  client = undefined;
  if (current?.needsStop()) await current.stop();
}
