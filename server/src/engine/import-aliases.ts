// Which module a non-relative import names inside the workspace, the way TypeScript resolves it: the
// `paths` of the nearest tsconfig.json/jsconfig.json above the importer (`"@/*": ["./src/*"]`, following a
// relative `extends`), and bare specifiers under its `baseUrl` (`src/lib/store`). Packages stay unresolved.
// One lookup per folder and per config per scan (or while the Project lives): no file is read twice.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { moduleFileCandidates, moduleKey, resolveRelativeImport, type ModuleResolver } from './cross-file';

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
/** A file whose change may move what an import names: a tsconfig/jsconfig, or one it extends (`tsconfig.base.json`). */
const IMPORT_CONFIG_FILE = /^(?:tsconfig|jsconfig)[\w.-]*\.json$/i;

export function isImportConfigFile(absPath: string): boolean {
  return IMPORT_CONFIG_FILE.test(path.basename(absPath));
}
/** How many `extends` a config may follow to find its `paths`. */
const MAX_EXTENDS = 4;

interface PathRule {
  prefix: string;
  suffix: string;
  /** `*` stands for what the specifier's wildcard matched; absolute. */
  targets: string[];
  wildcard: boolean;
}

interface ImportConfig {
  baseUrl?: string;
  rules: PathRule[];
}

export class ImportAliases {
  private readonly configByFolder = new Map<string, ImportConfig | null>();
  private readonly configByFile = new Map<string, ImportConfig | null>();
  private readonly resolved = new Map<string, string | null>();

  /**
   * `root`: the workspace; configs above it are not read. `exists`: whether a module file exists (the
   * Project's own view: open documents and the disk).
   */
  constructor(
    private readonly root: string,
    private readonly exists: (absPath: string) => boolean = fs.existsSync,
  ) {}

  readonly resolve: ModuleResolver = (fromFile, specifier) => {
    const relative = resolveRelativeImport(fromFile, specifier);
    if (relative) return relative;
    if (specifier.startsWith('node:') || specifier.startsWith('/')) return undefined;
    const config = this.configFor(path.dirname(fromFile));
    if (!config) return undefined;
    const id = `${this.idOf(config)}|${specifier}`;
    const known = this.resolved.get(id);
    if (known !== undefined) return known ?? undefined;
    const found = this.throughPaths(config, specifier) ?? (config.baseUrl ? this.existingKey(path.resolve(config.baseUrl, specifier)) : undefined);
    this.resolved.set(id, found ?? null);
    return found;
  };

  /** A module file appeared or went away: what a specifier names is looked up again (the configs stay read). */
  forgetModules(): void {
    this.resolved.clear();
  }

  private readonly ids = new Map<ImportConfig, number>();
  private idOf(config: ImportConfig): number {
    let id = this.ids.get(config);
    if (id === undefined) this.ids.set(config, (id = this.ids.size));
    return id;
  }

  private throughPaths(config: ImportConfig, specifier: string): string | undefined {
    // TypeScript prefers the pattern with the longest prefix before its `*`.
    let best: { rule: PathRule; match: string } | undefined;
    for (const rule of config.rules) {
      if (!rule.wildcard) {
        if (specifier === rule.prefix && (!best || rule.prefix.length > best.rule.prefix.length)) best = { rule, match: '' };
        continue;
      }
      if (specifier.length < rule.prefix.length + rule.suffix.length || !specifier.startsWith(rule.prefix) || !specifier.endsWith(rule.suffix)) continue;
      if (!best || rule.prefix.length > best.rule.prefix.length) best = { rule, match: specifier.slice(rule.prefix.length, specifier.length - rule.suffix.length) };
    }
    if (!best) return undefined;
    for (const target of best.rule.targets) {
      const key = this.existingKey(best.rule.wildcard ? target.replace('*', best.match) : target);
      if (key) return key;
    }
    return undefined;
  }

  /** The module key of a path when one of its files exists (`x.ts`, `x/index.tsx`, or `x` itself with its extension). */
  private existingKey(absPath: string): string | undefined {
    const key = moduleKey(absPath);
    if (moduleFileCandidates(key).some((candidate) => this.exists(candidate))) return key;
    return key !== absPath && this.exists(absPath) ? key : undefined;
  }

  /** The nearest config above a folder, within the workspace. */
  private configFor(folder: string): ImportConfig | undefined {
    const known = this.configByFolder.get(folder);
    if (known !== undefined) return known ?? undefined;
    let config: ImportConfig | null = null;
    const file = CONFIG_NAMES.map((name) => path.join(folder, name)).find((candidate) => this.exists(candidate));
    if (file) config = this.readConfig(file, 0) ?? null;
    else if (folder !== this.root && isInside(this.root, folder) && path.dirname(folder) !== folder) config = this.configFor(path.dirname(folder)) ?? null;
    this.configByFolder.set(folder, config);
    return config ?? undefined;
  }

  private readConfig(file: string, depth: number): ImportConfig | undefined {
    const known = this.configByFile.get(file);
    if (known !== undefined) return known ?? undefined;
    this.configByFile.set(file, null);
    let json: { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | undefined;
    try {
      json = parseJsonc(fs.readFileSync(file, 'utf8'));
    } catch {
      json = undefined;
    }
    if (!json || typeof json !== 'object') return undefined;
    const dir = path.dirname(file);
    const inherited = typeof json.extends === 'string' && json.extends.startsWith('.') && depth < MAX_EXTENDS ? this.readConfig(resolveExtends(dir, json.extends), depth + 1) : undefined;
    const options = json.compilerOptions ?? {};
    const baseUrl = typeof options.baseUrl === 'string' ? path.resolve(dir, options.baseUrl) : inherited?.baseUrl;
    let rules = inherited?.rules ?? [];
    if (options.paths && typeof options.paths === 'object') {
      // Targets are relative to baseUrl, or to the config that declares them when it has none.
      const base = typeof options.baseUrl === 'string' ? baseUrl! : dir;
      rules = Object.entries(options.paths as Record<string, unknown>).flatMap(([pattern, targets]) => {
        if (!Array.isArray(targets)) return [];
        const star = pattern.indexOf('*');
        const absolute = targets.filter((target): target is string => typeof target === 'string').map((target) => path.resolve(base, target));
        return [{ prefix: star < 0 ? pattern : pattern.slice(0, star), suffix: star < 0 ? '' : pattern.slice(star + 1), targets: absolute, wildcard: star >= 0 }];
      });
    }
    const config: ImportConfig = { ...(baseUrl ? { baseUrl } : {}), rules };
    this.configByFile.set(file, config);
    return config;
  }
}

function resolveExtends(dir: string, specifier: string): string {
  const target = path.resolve(dir, specifier);
  return target.endsWith('.json') ? target : `${target}.json`;
}

function isInside(root: string, folder: string): boolean {
  const relative = path.relative(root, folder);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
