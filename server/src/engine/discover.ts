// Finds the files a scan looks at. Walks the roots, honours .gitignore files and the config's `ignore`
// globs, skips dependency/build folders, lockfiles, special files and files over the size limit, and
// records every skip with a reason. It only stats and lists: reading (binary, encoding, minified) is
// read.ts's job. It never throws for what a workspace contains, only when aborted.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { ResolvedConfig } from '../core/config-types';
import { languageOfPath, LOCKFILES, SKIPPED_FOLDERS } from '../shared/file-kinds';
import { describeFileType, describeFsError, sizeLimitDetail } from './read';
import type { SkippedFile } from '../core/types';

export interface DiscoverOptions {
  /** Absolute path findings are relative to. */
  root: string;
  /**
   * Config of the folder that holds `absPath` (a file or a folder): its `ignore` globs and size limit
   * apply to that entry. ConfigResolver.forFile fits.
   */
  configFor(absPath: string): ResolvedConfig;
  signal?: AbortSignal;
}

export interface DiscoveredFile {
  absPath: string;
  /** POSIX path relative to `root`. */
  relPath: string;
  size: number;
  language: 'code' | 'json';
}

export interface DiscoveryResult {
  files: DiscoveredFile[];
  skipped: SkippedFile[];
}

const PARALLEL_STATS = 64;

export { languageOfPath as languageOf };

/** The rules of one .gitignore file, which apply to paths relative to its folder. */
interface GitignoreLayer {
  dir: string;
  matcher: Ignore;
}

interface WalkState {
  options: DiscoverOptions;
  files: Map<string, DiscoveredFile>;
  skipped: Map<string, SkippedFile>;
  /** Compiled config `ignore` globs, per config (keyed by baseDir and globs). */
  configMatchers: Map<string, Ignore>;
}

export async function discoverFiles(roots: string[], options: DiscoverOptions): Promise<DiscoveryResult> {
  const state: WalkState = { options, files: new Map(), skipped: new Map(), configMatchers: new Map() };
  const root = path.resolve(options.root);
  for (const requested of roots) {
    throwIfAborted(options.signal);
    await discoverRoot(path.resolve(root, requested), root, state);
  }
  return {
    files: [...state.files.values()].sort((a, b) => compareStrings(a.relPath, b.relPath)),
    skipped: [...state.skipped.values()].sort((a, b) => compareStrings(a.file, b.file)),
  };
}

async function discoverRoot(absPath: string, root: string, state: WalkState): Promise<void> {
  let stats: fs.Stats;
  try {
    stats = await fs.promises.stat(absPath);
  } catch (error) {
    recordStatError(absPath, error, state, false);
    return;
  }
  if (stats.isDirectory()) {
    let layers = await ancestorGitignores(absPath, root);
    // A folder named explicitly is scanned even when an ancestor .gitignore ignores it: the user asked
    // for it (`phi-guard scan generated/`). What is ignored inside it still is.
    if (layers.some((layer) => layerIgnores(layer, absPath))) layers = [];
    await walkDirectory(absPath, layers, new Set(), state);
    return;
  }
  // An explicitly named file is scanned even if an ignore glob matches it: the user asked for it.
  if (languageOfPath(absPath) === undefined) {
    skip(absPath, 'ignored', 'not a TypeScript, JavaScript or JSON file', state, false);
    return;
  }
  considerFile(absPath, stats, state);
}

async function walkDirectory(dir: string, parentLayers: GitignoreLayer[], ancestors: Set<string>, state: WalkState): Promise<void> {
  throwIfAborted(state.options.signal);
  let realDir: string;
  let entries: fs.Dirent[];
  try {
    realDir = await fs.promises.realpath(dir);
    // Only the folders on the current path matter: the same folder reached twice through different
    // links is not a loop, a folder reached again from inside itself is.
    if (ancestors.has(realDir)) {
      skip(dir, 'symlink-loop', 'symbolic link leads back to a folder that contains it', state, true);
      return;
    }
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch (error) {
    recordStatError(dir, error, state, true);
    return;
  }
  const onPath = new Set(ancestors).add(realDir);
  const layers = await withGitignore(dir, entries, parentLayers);
  // Folders one after another (bounded open handles), the entries of one folder in parallel batches
  // (one stat each). Order does not matter: results are sorted at the end.
  const folders = entries.filter((entry) => entry.isDirectory());
  const others = entries.filter((entry) => !entry.isDirectory());
  for (let start = 0; start < others.length; start += PARALLEL_STATS) {
    const batch = others.slice(start, start + PARALLEL_STATS);
    await Promise.all(batch.map((entry) => visitEntry(path.join(dir, entry.name), entry, layers, onPath, state)));
  }
  for (const entry of folders) {
    await visitEntry(path.join(dir, entry.name), entry, layers, onPath, state);
  }
}

async function visitEntry(absPath: string, entry: fs.Dirent, layers: GitignoreLayer[], ancestors: Set<string>, state: WalkState): Promise<void> {
  const name = entry.name;
  const folderReason = SKIPPED_FOLDERS.get(name);
  if (folderReason !== undefined && (entry.isDirectory() || entry.isSymbolicLink())) {
    skip(absPath, 'ignored', folderReason, state, true);
    return;
  }
  // Links are followed: what they point at decides whether they are a folder or a file.
  let stats: fs.Stats | undefined;
  if (entry.isSymbolicLink()) {
    stats = await statOrRecord(absPath, state);
    if (!stats) return;
  }
  const isDirectory = stats ? stats.isDirectory() : entry.isDirectory();
  if (!isDirectory && LOCKFILES.has(name)) {
    skip(absPath, 'ignored', 'lockfile', state, false);
    return;
  }
  // Other files (images, markdown, …) are not what we scan; listing each of them would only add noise.
  if (!isDirectory && languageOfPath(name) === undefined) return;
  const ignoredBy = ignoreMatch(absPath, isDirectory, layers, state);
  if (ignoredBy !== undefined) {
    skip(absPath, 'ignored', ignoredBy, state, isDirectory);
    return;
  }
  if (isDirectory) {
    await walkDirectory(absPath, layers, ancestors, state);
    return;
  }
  stats ??= await statOrRecord(absPath, state);
  if (stats) considerFile(absPath, stats, state);
}

async function statOrRecord(absPath: string, state: WalkState): Promise<fs.Stats | undefined> {
  try {
    return await fs.promises.stat(absPath);
  } catch (error) {
    recordStatError(absPath, error, state, false);
    return undefined;
  }
}

function considerFile(absPath: string, stats: fs.Stats, state: WalkState): void {
  const language = languageOfPath(absPath);
  if (language === undefined) return;
  if (!stats.isFile()) {
    // A FIFO would block the reader forever; sockets and devices are no source code either.
    skip(absPath, 'unreadable', `not a regular file (${describeFileType(stats)})`, state, false);
    return;
  }
  const maxFileSize = state.options.configFor(absPath).maxFileSize;
  if (stats.size > maxFileSize) {
    skip(absPath, 'too-large', sizeLimitDetail(stats.size, maxFileSize), state, false);
    return;
  }
  const relPath = toRelPath(absPath, state.options.root);
  state.files.set(absPath, { absPath, relPath, size: stats.size, language });
}

/** Why the entry is ignored by a .gitignore or the config's globs, or undefined. */
function layerIgnores(layer: GitignoreLayer, absPath: string): boolean {
  const relative = relativeForMatcher(layer.dir, absPath, true);
  return relative !== undefined && layer.matcher.test(relative).ignored;
}

function ignoreMatch(absPath: string, isDirectory: boolean, layers: GitignoreLayer[], state: WalkState): string | undefined {
  const config = state.options.configFor(absPath);
  const configRule = matchConfigIgnore(absPath, isDirectory, config, state);
  if (configRule !== undefined) {
    return `matches ignore glob \`${configRule}\` in ${config.configFile ? path.basename(config.configFile) : 'the configuration'}`;
  }
  // The deepest .gitignore that has an opinion wins, like git: a nested `!keep.ts` re-includes.
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i];
    const relative = relativeForMatcher(layer.dir, absPath, isDirectory);
    if (relative === undefined) continue;
    const result = layer.matcher.test(relative);
    if (result.unignored) return undefined;
    if (result.ignored) {
      const gitignore = toRelPath(path.join(layer.dir, '.gitignore'), state.options.root);
      return `matches \`${result.rule?.pattern ?? '?'}\` in ${gitignore}`;
    }
  }
  return undefined;
}

function matchConfigIgnore(absPath: string, isDirectory: boolean, config: ResolvedConfig, state: WalkState): string | undefined {
  if (config.ignore.length === 0) return undefined;
  const relative = relativeForMatcher(config.baseDir, absPath, isDirectory);
  if (relative === undefined) return undefined;
  const key = `${config.baseDir}\0${config.ignore.join('\0')}`;
  let matcher = state.configMatchers.get(key);
  if (!matcher) {
    matcher = ignore().add(config.ignore);
    state.configMatchers.set(key, matcher);
  }
  const result = matcher.test(relative);
  return result.ignored ? (result.rule?.pattern ?? '?') : undefined;
}

/** Path in the form the `ignore` package wants (relative, POSIX, trailing slash for folders), if inside `base`. */
function relativeForMatcher(base: string, absPath: string, isDirectory: boolean): string | undefined {
  const relative = path.relative(base, absPath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const posix = relative.split(path.sep).join('/');
  return isDirectory ? `${posix}/` : posix;
}

async function withGitignore(dir: string, entries: fs.Dirent[], layers: GitignoreLayer[]): Promise<GitignoreLayer[]> {
  if (!entries.some((entry) => entry.name === '.gitignore')) return layers;
  const layer = await loadGitignore(dir);
  return layer ? [...layers, layer] : layers;
}

/** .gitignore files between the scan root and a folder given as a path: `scan src/` still honours ./.gitignore. */
async function ancestorGitignores(dir: string, root: string): Promise<GitignoreLayer[]> {
  const relative = path.relative(root, dir);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return [];
  const folders: string[] = [];
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    folders.unshift(current);
    if (current === root || current === path.dirname(current)) break;
  }
  const layers: GitignoreLayer[] = [];
  for (const folder of folders) {
    const layer = await loadGitignore(folder);
    if (layer) layers.push(layer);
  }
  return layers;
}

async function loadGitignore(dir: string): Promise<GitignoreLayer | undefined> {
  try {
    const text = await fs.promises.readFile(path.join(dir, '.gitignore'), 'utf8');
    return { dir, matcher: ignore().add(text) };
  } catch {
    // A .gitignore we cannot read ignores nothing; scanning more is the safe side.
    return undefined;
  }
}

function recordStatError(absPath: string, error: unknown, state: WalkState, isDirectory: boolean): void {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ELOOP') {
    skip(absPath, 'symlink-loop', 'symbolic links point at each other', state, isDirectory);
    return;
  }
  skip(absPath, 'unreadable', describeFsError(error), state, isDirectory);
}

function skip(absPath: string, reason: SkippedFile['reason'], detail: string, state: WalkState, isDirectory: boolean): void {
  const relPath = toRelPath(absPath, state.options.root);
  const file = isDirectory ? `${relPath}/` : relPath;
  if (!state.skipped.has(file)) state.skipped.set(file, { file, reason, detail });
}

function toRelPath(absPath: string, root: string): string {
  const relative = path.relative(path.resolve(root), absPath);
  return (relative === '' ? path.basename(absPath) : relative).split(path.sep).join('/');
}

/** Code-unit order: the same on every machine and locale, unlike localeCompare. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new DOMException('The file discovery was aborted', 'AbortError');
  }
}
