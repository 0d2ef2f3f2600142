// The status shown in VS Code: a language status item (next to the language mode, for the languages PHI
// Guard analyses) and a status bar item (always visible, so a workspace scan's progress shows whatever
// file is active). Both open the output channel when clicked.
import * as vscode from 'vscode';
import { Commands, type StatusParams } from '../../server/src/shared/protocol';
import { documentSelector } from './languages';
import { describeStatus, type ClientState } from './status-text';

export class StatusController implements vscode.Disposable {
  private readonly languageItem: vscode.LanguageStatusItem;
  private readonly barItem: vscode.StatusBarItem;
  private status: StatusParams | undefined;
  private clientState: ClientState = 'starting';

  constructor() {
    this.languageItem = vscode.languages.createLanguageStatusItem('phiGuard.status', documentSelector());
    this.languageItem.name = 'PHI Guard';
    this.languageItem.command = { title: 'Show Output', command: Commands.showOutput };
    this.barItem = vscode.window.createStatusBarItem('phiGuard.status', vscode.StatusBarAlignment.Left, 10);
    this.barItem.name = 'PHI Guard';
    this.barItem.command = Commands.showOutput;
    this.render();
    this.barItem.show();
  }

  /** The last `phiGuard/status` notification. */
  get current(): StatusParams | undefined {
    return this.status;
  }

  update(status: StatusParams): void {
    this.status = status;
    this.render();
  }

  setClientState(state: ClientState): void {
    this.clientState = state;
    if (state !== 'running') this.status = undefined;
    this.render();
  }

  private render(): void {
    const view = describeStatus(this.status, this.clientState);
    const severity =
      view.level === 'error'
        ? vscode.LanguageStatusSeverity.Error
        : view.level === 'warning'
          ? vscode.LanguageStatusSeverity.Warning
          : vscode.LanguageStatusSeverity.Information;
    this.languageItem.text = view.shortText;
    this.languageItem.detail = view.detail.split('\n')[0];
    this.languageItem.severity = severity;
    this.languageItem.busy = view.busy;

    this.barItem.text = view.text;
    this.barItem.tooltip = view.detail;
    this.barItem.backgroundColor =
      view.level === 'error'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : view.level === 'warning'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
  }

  dispose(): void {
    this.languageItem.dispose();
    this.barItem.dispose();
  }
}
