// Editor settings: fetched per resource via `workspace/configuration` (section `phiGuard`) when the
// client supports it, else taken from `workspace/didChangeConfiguration` or the defaults. What changes
// findings goes to the Project as its overlay (analyzer.ts); `enable`, `exclude` and the redactor of
// the quick fix are the editor's own.
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { Connection } from 'vscode-languageserver/node';
import type { ResolvedConfig } from '../engine';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, normalizeSettings, type PhiGuardSettings } from '../shared/settings';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<PhiGuardSettings>>();
  /** Settings pushed by `workspace/didChangeConfiguration` (clients without `workspace/configuration`). */
  private pushed: PhiGuardSettings = DEFAULT_SETTINGS;

  constructor(
    private readonly connection: Connection,
    private readonly supportsConfiguration: () => boolean,
    private readonly onError: (message: string) => void,
  ) {}

  /** Settings for a resource (document or folder URI); cached until `clear()`. */
  get(scopeUri: string | undefined): Promise<PhiGuardSettings> {
    if (!this.supportsConfiguration()) return Promise.resolve(this.pushed);
    const key = scopeUri ?? '';
    let settings = this.cache.get(key);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri, section: SETTINGS_SECTION })
        .then((raw: unknown) => normalizeSettings(raw))
        .catch((error: unknown) => {
          this.onError(`workspace/configuration failed: ${error instanceof Error ? error.message : String(error)}`);
          this.cache.delete(key);
          return DEFAULT_SETTINGS;
        });
      this.cache.set(key, settings);
    }
    return settings;
  }

  /** Handles `workspace/didChangeConfiguration`: drops the cache; keeps pushed settings if given. */
  changed(rawSettings: unknown): void {
    this.cache.clear();
    if (rawSettings && typeof rawSettings === 'object' && SETTINGS_SECTION in rawSettings) {
      this.pushed = normalizeSettings((rawSettings as Record<string, unknown>)[SETTINGS_SECTION]);
    }
  }

  forget(scopeUri: string): void {
    this.cache.delete(scopeUri);
  }
}

const matcherCache = new Map<string, (relPath: string) => boolean>();

/** Whether the settings' `exclude` globs match a workspace-relative POSIX path. */
export function isExcluded(relPath: string, settings: PhiGuardSettings): boolean {
  if (settings.exclude.length === 0) return false;
  const key = JSON.stringify(settings.exclude);
  let matcher = matcherCache.get(key);
  if (!matcher) {
    const patterns = settings.exclude.flatMap((glob) => {
      // `dir/` and bare names match like gitignore entries: anywhere below as well.
      const trimmed = glob.replace(/\/+$/, '');
      return trimmed.includes('/') ? [trimmed, `${trimmed}/**`] : [trimmed, `**/${trimmed}`, `**/${trimmed}/**`];
    });
    matcher = picomatch(patterns, { dot: true });
    matcherCache.set(key, matcher);
  }
  return matcher(relPath);
}

/** The redactor the "Wrap with …" quick fix offers, with the folder its relative `module` is resolved from. */
export interface RedactorChoice {
  name: string;
  module?: string;
  baseDir: string;
}

export function redactorFor(config: ResolvedConfig, settings: PhiGuardSettings, workspaceRoot: string): RedactorChoice | undefined {
  if (settings.redactor) {
    return { name: settings.redactor.name, module: settings.redactor.module || undefined, baseDir: workspaceRoot };
  }
  if (config.redactor?.name) {
    const baseDir = config.configFile ? path.dirname(config.configFile) : config.baseDir;
    return { name: config.redactor.name, module: config.redactor.module, baseDir };
  }
  return undefined;
}
