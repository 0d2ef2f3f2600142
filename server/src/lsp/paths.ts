// URI ↔ path helpers and the workspace folders a file belongs to (multi-root).
// Internal maps are keyed by absolute file path, never by URI string: clients encode URIs differently
// (VS Code writes `%40` for `@`, others do not), while paths compare reliably.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function pathToUri(absPath: string): string {
  return pathToFileURL(absPath).href;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Whether `child` is `parent` or inside it. */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export interface Folder {
  uri: string;
  name: string;
  /** Absolute path. */
  path: string;
}

export class WorkspaceFolderSet {
  private folders: Folder[] = [];

  all(): readonly Folder[] {
    return this.folders;
  }

  set(folders: ReadonlyArray<{ uri: string; name?: string }>): void {
    this.folders = [];
    for (const folder of folders) this.add(folder);
  }

  add(folder: { uri: string; name?: string }): void {
    const folderPath = uriToPath(folder.uri);
    if (!folderPath || this.folders.some((f) => f.path === folderPath)) return;
    this.folders.push({ uri: folder.uri, name: folder.name ?? path.basename(folderPath), path: folderPath });
    // Longest path first, so the innermost folder wins for nested roots.
    this.folders.sort((a, b) => b.path.length - a.path.length);
  }

  remove(uri: string): void {
    const folderPath = uriToPath(uri);
    this.folders = this.folders.filter((f) => f.path !== folderPath);
  }

  /** The innermost workspace folder containing the file, if any. */
  folderOf(absPath: string): Folder | undefined {
    return this.folders.find((folder) => isInside(folder.path, absPath));
  }

  /**
   * The path findings use for the file: POSIX, relative to its workspace folder (or, outside every
   * folder, its base name — the folder of the file then acts as the root).
   */
  relPath(absPath: string): string {
    const folder = this.folderOf(absPath);
    return folder ? toPosix(path.relative(folder.path, absPath)) : path.basename(absPath);
  }

  /** The folder relative paths are resolved against. */
  rootOf(absPath: string): string {
    return this.folderOf(absPath)?.path ?? path.dirname(absPath);
  }
}
