// Finds the files a scan looks at. Walks the roots, honours .gitignore files and the config's `ignore`
// globs, skips dependency/build folders, lockfiles, special files and files over the size limit, and
// records every skip with a reason. It only stats and lists: reading (binary, encoding, minified) is
// read.ts's job. It never throws for what a workspace contains, only when aborted.
//
// Symbolic links cannot make it explode or wander off: every folder is visited once, by its real path
// (folders `d0…d20` each holding two links to the next are 21 folders, not 2^20 paths); the real tree is
// walked first and links afterwards, so a file reached both directly and through a link is scanned once,
// at its own path, and the alias is a skip that says which path it duplicates. A link whose target lies
// outside the scanned roots is not followed unless `followExternalLinks` says so.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ResolvedConfig } from '../core/config-types';
import { languageOfPath, LOCKFILES, SKIPPED_FOLDERS } from '../shared/file-kinds';
import { IgnoreMatcher } from './ignore-rules';
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
  /** Follow symbolic links whose target lies outside the scanned roots (default: skip them with a reason). */
  followExternalLinks?: boolean;
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
  /** Folders listed (each real folder once), for tests and diagnostics. */
  foldersVisited: number;
  /**
   * Files of kinds not scanned that import code (`.astro`, `.mdx`, `.marko`), absolute paths: what
   * they import is read for what the workspace uses (reachability.ts).
   */
  unreadImporters: string[];
}

/** Component and document formats that import TypeScript/JavaScript modules but are not scanned. */
const UNREAD_IMPORTER = /\.(?:astro|mdx|marko|riot)$/i;

const PARALLEL_STATS = 64;
/** A .gitignore larger than this is read up to here (a megabyte of patterns is already absurd). */
const MAX_GITIGNORE_BYTES = 1024 * 1024;

export { languageOfPath as languageOf };

/** The rules of one .gitignore file, which apply to paths relative to its folder. */
interface GitignoreLayer {
  dir: string;
  matcher: IgnoreMatcher;
}

/** A folder to list: the path it is reached by, and its real path (what makes it the same folder). */
interface FolderVisit {
  absPath: string;
  realPath: string;
  layers: GitignoreLayer[];
  /** Reached through a symbolic link (its files are aliases when also reached directly). */
  viaLink: boolean;
}

/** A link to a folder, followed once the real tree has been walked. */
interface PendingLink {
  absPath: string;
  realPath: string;
  layers: GitignoreLayer[];
  /** Real path of the folder that holds the link (a target above it is a loop). */
  parentReal: string;
}

/** One path to a file; several paths can lead to the same real file. */
interface FileCandidate {
  absPath: string;
  relPath: string;
  stats: fs.Stats;
  viaLink: boolean;
}

interface WalkState {
  options: DiscoverOptions;
  skipped: Map<string, SkippedFile>;
  /** Compiled config `ignore` globs, per config (keyed by baseDir and globs). */
  configMatchers: Map<string, IgnoreMatcher>;
  /** Real paths of the requested roots: links may lead anywhere inside them. */
  rootReals: string[];
  /** Real folder → the path it was listed by. */
  visited: Map<string, string>;
  /** Real file → the paths that lead to it. */
  candidates: Map<string, FileCandidate[]>;
  links: PendingLink[];
  unreadImporters: string[];
}

export async function discoverFiles(roots: string[], options: DiscoverOptions): Promise<DiscoveryResult> {
  const state: WalkState = {
    options,
    skipped: new Map(),
    configMatchers: new Map(),
    rootReals: [],
    visited: new Map(),
    candidates: new Map(),
    links: [],
    unreadImporters: [],
  };
  const root = path.resolve(options.root);
  const resolved: Array<{ absPath: string; stats?: fs.Stats; realPath?: string }> = [];
  for (const requested of roots) {
    const absPath = path.resolve(root, requested);
    try {
      const stats = await fs.promises.stat(absPath);
      const realPath = await fs.promises.realpath(absPath);
      state.rootReals.push(realPath);
      resolved.push({ absPath, stats, realPath });
    } catch (error) {
      recordStatError(absPath, error, state, false);
    }
  }
  // The real tree first, links afterwards: a file's own path wins over an alias through a link.
  for (const entry of resolved) {
    throwIfAborted(options.signal);
    if (entry.stats && entry.realPath) await discoverRoot(entry.absPath, entry.stats, entry.realPath, root, state);
  }
  while (state.links.length > 0) {
    throwIfAborted(options.signal);
    await followLink(state.links.shift()!, state);
  }
  return {
    files: chooseFiles(state),
    skipped: [...state.skipped.values()].sort((a, b) => compareStrings(a.file, b.file)),
    foldersVisited: state.visited.size,
    unreadImporters: state.unreadImporters,
  };
}

async function discoverRoot(absPath: string, stats: fs.Stats, realPath: string, root: string, state: WalkState): Promise<void> {
  if (stats.isDirectory()) {
    let layers = await ancestorGitignores(absPath, root, state);
    // A folder named explicitly is scanned even when an ancestor .gitignore ignores it: the user asked
    // for it (`phi-guard scan generated/`). What is ignored inside it still is.
    if (layers.some((layer) => layerIgnores(layer, absPath))) layers = [];
    await walkDirectory({ absPath, realPath, layers, viaLink: false }, state);
    return;
  }
  // An explicitly named file is scanned even if an ignore glob matches it: the user asked for it.
  if (languageOfPath(absPath) === undefined) {
    skip(absPath, 'ignored', 'not a TypeScript, JavaScript or JSON file', state, false);
    return;
  }
  addCandidate(realPath, { absPath, relPath: toRelPath(absPath, state.options.root), stats, viaLink: false }, state);
}

interface PreparedEntry {
  entry: fs.Dirent;
  absPath: string;
  /** What the entry is (links followed), when it matters; or why that could not be found out. */
  stats?: fs.Stats;
  realPath?: string;
  error?: unknown;
}

async function walkDirectory(visit: FolderVisit, state: WalkState): Promise<void> {
  throwIfAborted(state.options.signal);
  const seenAs = state.visited.get(visit.realPath);
  if (seenAs !== undefined) {
    // Overlapping roots (`scan . src`) reach a folder twice by the same path: nothing to say.
    if (seenAs !== visit.absPath) skip(visit.absPath, 'duplicate', `same folder as ${toRelPath(seenAs, state.options.root)}/`, state, true);
    return;
  }
  state.visited.set(visit.realPath, visit.absPath);
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(visit.absPath, { withFileTypes: true });
  } catch (error) {
    recordStatError(visit.absPath, error, state, true);
    return;
  }
  entries.sort((a, b) => compareStrings(a.name, b.name));
  const layers = await withGitignore(visit.absPath, entries, visit.layers, state);
  // The entries of one folder are stat'ed in parallel batches, then handled in name order, so what is
  // found does not depend on which stat came back first. Sub-folders are walked one after another
  // (bounded open handles).
  const folders: FolderVisit[] = [];
  for (let start = 0; start < entries.length; start += PARALLEL_STATS) {
    const batch = entries.slice(start, start + PARALLEL_STATS);
    const prepared = await Promise.all(batch.map((entry) => prepareEntry(path.join(visit.absPath, entry.name), entry)));
    for (const item of prepared) {
      const folder = handleEntry(item, visit, layers, state);
      if (folder) folders.push(folder);
    }
  }
  for (const folder of folders) await walkDirectory(folder, state);
}

/** The I/O an entry needs: links are followed (stat and real path), source files stat'ed (type, size). */
async function prepareEntry(absPath: string, entry: fs.Dirent): Promise<PreparedEntry> {
  const isLink = entry.isSymbolicLink();
  if (SKIPPED_FOLDERS.has(entry.name) && (isLink || entry.isDirectory())) return { entry, absPath };
  if (!isLink && (entry.isDirectory() || languageOfPath(entry.name) === undefined)) return { entry, absPath };
  try {
    const stats = await fs.promises.stat(absPath);
    if (!isLink || (!stats.isDirectory() && languageOfPath(entry.name) === undefined)) return { entry, absPath, stats };
    return { entry, absPath, stats, realPath: await fs.promises.realpath(absPath) };
  } catch (error) {
    return { entry, absPath, error };
  }
}

/** Decides what one entry is; returns the folder to walk, if it is one. */
function handleEntry(item: PreparedEntry, parent: FolderVisit, layers: GitignoreLayer[], state: WalkState): FolderVisit | undefined {
  const { entry, absPath } = item;
  const name = entry.name;
  const isLink = entry.isSymbolicLink();
  const folderReason = SKIPPED_FOLDERS.get(name);
  if (folderReason !== undefined && (entry.isDirectory() || isLink)) {
    skip(absPath, 'ignored', folderReason, state, true);
    return undefined;
  }
  if (item.error !== undefined) {
    recordStatError(absPath, item.error, state, false, isLink);
    return undefined;
  }
  const isDirectory = isLink ? item.stats!.isDirectory() : entry.isDirectory();
  if (!isDirectory && LOCKFILES.has(name)) {
    skip(absPath, 'ignored', 'lockfile', state, false);
    return undefined;
  }
  // Other files (images, markdown, …) are not what we scan; listing each of them would only add noise.
  if (!isDirectory && languageOfPath(name) === undefined) {
    if (UNREAD_IMPORTER.test(name) && ignoreMatch(absPath, false, layers, state) === undefined) state.unreadImporters.push(absPath);
    return undefined;
  }
  const ignoredBy = ignoreMatch(absPath, isDirectory, layers, state);
  if (ignoredBy !== undefined) {
    skip(absPath, 'ignored', ignoredBy, state, isDirectory);
    return undefined;
  }
  if (isLink) {
    const realPath = item.realPath!;
    if (!state.options.followExternalLinks && !state.rootReals.some((rootReal) => isInside(rootReal, realPath))) {
      skip(absPath, 'external-link', 'symbolic link to a place outside the scanned folders; --follow-external-links follows it', state, isDirectory);
      return undefined;
    }
    if (isDirectory) state.links.push({ absPath, realPath, layers, parentReal: parent.realPath });
    else addCandidate(realPath, { absPath, relPath: toRelPath(absPath, state.options.root), stats: item.stats!, viaLink: true }, state);
    return undefined;
  }
  const realPath = path.join(parent.realPath, name);
  if (isDirectory) return { absPath, realPath, layers, viaLink: parent.viaLink };
  addCandidate(realPath, { absPath, relPath: toRelPath(absPath, state.options.root), stats: item.stats!, viaLink: parent.viaLink }, state);
  return undefined;
}

async function followLink(link: PendingLink, state: WalkState): Promise<void> {
  const seenAs = state.visited.get(link.realPath);
  if (seenAs !== undefined) {
    if (isInside(link.realPath, link.parentReal)) {
      skip(link.absPath, 'symlink-loop', 'symbolic link leads back to a folder that contains it', state, true);
    } else {
      skip(link.absPath, 'duplicate', `symbolic link to a folder scanned as ${toRelPath(seenAs, state.options.root)}/`, state, true);
    }
    return;
  }
  await walkDirectory({ absPath: link.absPath, realPath: link.realPath, layers: link.layers, viaLink: true }, state);
}

function addCandidate(realPath: string, candidate: FileCandidate, state: WalkState): void {
  const list = state.candidates.get(realPath);
  if (!list) state.candidates.set(realPath, [candidate]);
  else if (!list.some((other) => other.absPath === candidate.absPath)) list.push(candidate);
}

/**
 * One path per real file: the one not through a link, else the shortest; the others are skips that
 * name it. Then the chosen file's type and size limit.
 */
function chooseFiles(state: WalkState): DiscoveredFile[] {
  const files: DiscoveredFile[] = [];
  for (const list of state.candidates.values()) {
    const [chosen, ...aliases] = [...list].sort(
      (a, b) => Number(a.viaLink) - Number(b.viaLink) || a.relPath.length - b.relPath.length || compareStrings(a.relPath, b.relPath),
    );
    for (const alias of aliases) skip(alias.absPath, 'duplicate', `same file as ${chosen.relPath}`, state, false);
    const file = considerFile(chosen, state);
    if (file) files.push(file);
  }
  return files.sort((a, b) => compareStrings(a.relPath, b.relPath));
}

function considerFile(candidate: FileCandidate, state: WalkState): DiscoveredFile | undefined {
  const { absPath } = candidate;
  const language = languageOfPath(absPath);
  if (language === undefined) return undefined;
  const { stats } = candidate;
  if (!stats.isFile()) {
    // A FIFO would block the reader forever; sockets and devices are no source code either.
    skip(absPath, 'unreadable', `not a regular file (${describeFileType(stats)})`, state, false);
    return undefined;
  }
  const maxFileSize = state.options.configFor(absPath).maxFileSize;
  if (stats.size > maxFileSize) {
    skip(absPath, 'too-large', sizeLimitDetail(stats.size, maxFileSize), state, false);
    return undefined;
  }
  return { absPath, relPath: candidate.relPath, size: stats.size, language };
}

/** Whether an explicitly named folder is ignored by an ancestor's .gitignore (itself or a parent of it). */
function layerIgnores(layer: GitignoreLayer, absPath: string): boolean {
  const relative = relativeForMatcher(layer.dir, absPath);
  return relative !== undefined && layer.matcher.ignores(relative, true);
}

/** Why the entry is ignored by a .gitignore or the config's globs, or undefined. */
function ignoreMatch(absPath: string, isDirectory: boolean, layers: GitignoreLayer[], state: WalkState): string | undefined {
  const config = state.options.configFor(absPath);
  const configRule = matchConfigIgnore(absPath, isDirectory, config, state);
  if (configRule !== undefined) {
    return `matches ignore glob \`${configRule}\` in ${config.configFile ? path.basename(config.configFile) : 'the configuration'}`;
  }
  // The deepest .gitignore that has an opinion wins, like git: a nested `!keep.ts` re-includes.
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i];
    const relative = relativeForMatcher(layer.dir, absPath);
    if (relative === undefined) continue;
    const result = layer.matcher.test(relative, isDirectory);
    if (result.unignored) return undefined;
    if (result.ignored) {
      const gitignore = toRelPath(path.join(layer.dir, '.gitignore'), state.options.root);
      return `matches \`${result.rule?.pattern ?? '?'}\` in ${gitignore}${result.rule?.line ? `:${result.rule.line}` : ''}`;
    }
  }
  return undefined;
}

function matchConfigIgnore(absPath: string, isDirectory: boolean, config: ResolvedConfig, state: WalkState): string | undefined {
  if (config.ignore.length === 0) return undefined;
  const relative = relativeForMatcher(config.baseDir, absPath);
  if (relative === undefined) return undefined;
  const key = `${config.baseDir}\0${config.ignore.join('\0')}`;
  let matcher = state.configMatchers.get(key);
  if (!matcher) {
    matcher = new IgnoreMatcher(config.ignore);
    state.configMatchers.set(key, matcher);
  }
  const result = matcher.test(relative, isDirectory);
  return result.ignored ? (result.rule?.pattern ?? '?') : undefined;
}

/** Path relative to `base` (POSIX), if inside it. */
function relativeForMatcher(base: string, absPath: string): string | undefined {
  const relative = path.relative(base, absPath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

async function withGitignore(dir: string, entries: fs.Dirent[], layers: GitignoreLayer[], state: WalkState): Promise<GitignoreLayer[]> {
  if (!entries.some((entry) => entry.name === '.gitignore')) return layers;
  const layer = await loadGitignore(dir, state);
  return layer ? [...layers, layer] : layers;
}

/** .gitignore files between the scan root and a folder given as a path: `scan src/` still honours ./.gitignore. */
async function ancestorGitignores(dir: string, root: string, state: WalkState): Promise<GitignoreLayer[]> {
  const relative = path.relative(root, dir);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return [];
  const folders: string[] = [];
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    folders.unshift(current);
    if (current === root || current === path.dirname(current)) break;
  }
  const layers: GitignoreLayer[] = [];
  for (const folder of folders) {
    const layer = await loadGitignore(folder, state);
    if (layer) layers.push(layer);
  }
  return layers;
}

/**
 * A folder's .gitignore, read without blocking (a FIFO named .gitignore must not hang the scan) and
 * up to a bound. One we cannot read ignores nothing: scanning more is the safe side.
 */
async function loadGitignore(dir: string, state: WalkState): Promise<GitignoreLayer | undefined> {
  const file = path.join(dir, '.gitignore');
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stats = await handle.stat();
    if (!stats.isFile()) {
      skip(file, 'unreadable', `not a regular file (${describeFileType(stats)}); its patterns are not applied`, state, false);
      return undefined;
    }
    const length = Math.min(stats.size, MAX_GITIGNORE_BYTES);
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return { dir, matcher: new IgnoreMatcher(buffer.subarray(0, bytesRead).toString('utf8')) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') skip(file, 'unreadable', `${describeFsError(error)}; its patterns are not applied`, state, false);
    return undefined;
  } finally {
    await handle?.close();
  }
}

function recordStatError(absPath: string, error: unknown, state: WalkState, isDirectory: boolean, isLink = false): void {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ELOOP') {
    skip(absPath, 'symlink-loop', 'symbolic links point at each other', state, isDirectory);
    return;
  }
  if (isLink && code === 'ENOENT') {
    skip(absPath, 'unreadable', 'broken symbolic link: its target does not exist', state, isDirectory);
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

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
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
