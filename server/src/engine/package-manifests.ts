// What the nearest package manifest says about the files below it: who the app's users are (app-users.ts),
// whether the package only supports tests (test-support-packages.ts), whether the whole application is a simulation
// (simulated-patients.ts, root manifest only). One parser and one nearest-manifest walk, cached per question.
import * as path from 'node:path';
import { PACKAGE_MANIFEST_NAME } from '../shared/file-kinds';
import { readSmallTextFile } from './read';

/** Manifests larger than this are not package descriptions worth reading. */
export const MAX_MANIFEST_BYTES = 256 * 1024;

/** The manifest's fields, or undefined for text that is not a JSON object. */
export function parsePackageManifest(manifestText: string): Record<string, unknown> | undefined {
  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestText);
  } catch {
    return undefined;
  }
  return manifest && typeof manifest === 'object' && !Array.isArray(manifest) ? (manifest as Record<string, unknown>) : undefined;
}

/** The nearest package manifest of a folder: the folder that holds it and what was read from it. */
export interface NearestManifest<T> {
  /** The manifest's folder, in the form the folder was asked in (absolute, or relative to the base). */
  folder: string;
  value: T;
}

/**
 * Walks from a folder up to (and including) a base folder to the nearest package manifest and reads it once. The
 * nearest manifest decides even when it says nothing (a staff package inside a patient-app monorepo is the staff's, a
 * test-support package inside a product monorepo does not hide the product). Cached per folder; `clear()` forgets.
 */
export class NearestManifestReader<T> {
  private readonly byFolder = new Map<string, NearestManifest<T> | undefined>();

  /** `folderPath(folder)` is where the folder is on disk (identity for absolute folders). */
  constructor(
    private readonly read: (manifestText: string) => T,
    private readonly folderPath: (folder: string) => string = (folder) => folder,
  ) {}

  /** The nearest manifest of `folder`, looking no higher than `base` (both in the same form: absolute, or posix relative with '' the root). */
  nearest(folder: string, base: string): NearestManifest<T> | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    const text = readSmallTextFile(path.join(this.folderPath(folder), PACKAGE_MANIFEST_NAME), MAX_MANIFEST_BYTES);
    let found: NearestManifest<T> | undefined;
    if (text !== undefined) found = { folder, value: this.read(text) };
    else if (folder !== base) {
      const parent = folder === '' || folder === '.' ? undefined : parentFolder(folder);
      if (parent !== undefined && parent !== folder) found = this.nearest(parent, base);
    }
    this.byFolder.set(folder, found);
    return found;
  }

  clear(): void {
    this.byFolder.clear();
  }
}

/** The parent of an absolute folder, or of a posix folder relative to the root ('' for a top-level folder). */
function parentFolder(folder: string): string {
  if (path.isAbsolute(folder)) return path.dirname(folder);
  const parent = path.posix.dirname(folder);
  return parent === '.' ? '' : parent;
}

/**
 * Finds, per folder, the nearest package manifest from a file's folder up to (and including) a base folder and
 * what `evidenceOf` reads in it, as evidence prefixed with the manifest's path.
 */
export class NearestManifestFinder {
  private readonly manifests: NearestManifestReader<string | undefined>;

  constructor(evidenceOf: (manifestText: string) => string | undefined) {
    this.manifests = new NearestManifestReader(evidenceOf);
  }

  /** Evidence for the file's package, prefixed with the manifest's path, e.g. `package.json: package name "…"`. */
  evidenceFor(absPath: string, baseDir: string): string | undefined {
    const base = path.resolve(baseDir);
    const folder = path.dirname(path.resolve(absPath));
    if (folder !== base && !folder.startsWith(base + path.sep)) return undefined;
    const manifest = this.manifests.nearest(folder, base);
    if (!manifest?.value) return undefined;
    const manifestPath = path.relative(base, path.join(manifest.folder, PACKAGE_MANIFEST_NAME)).split(path.sep).join('/');
    return `${manifestPath || PACKAGE_MANIFEST_NAME}: ${manifest.value}`;
  }

  clear(): void {
    this.manifests.clear();
  }
}
