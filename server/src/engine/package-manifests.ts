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

/**
 * Finds, per folder, the nearest package manifest from a file's folder up to (and including) a base folder and
 * what `evidenceOf` reads in it. The nearest manifest decides: a staff package inside a patient-app monorepo is
 * the staff's, a test-support package inside a product monorepo does not hide the product. Cached per folder;
 * `clear()` forgets (a manifest changed).
 */
export class NearestManifestFinder {
  private readonly byFolder = new Map<string, string | undefined>();

  constructor(private readonly evidenceOf: (manifestText: string) => string | undefined) {}

  /** Evidence for the file's package, prefixed with the manifest's path, e.g. `package.json: package name "…"`. */
  evidenceFor(absPath: string, baseDir: string): string | undefined {
    const base = path.resolve(baseDir);
    const folder = path.dirname(path.resolve(absPath));
    if (folder !== base && !folder.startsWith(base + path.sep)) return undefined;
    return this.forFolder(folder, base);
  }

  clear(): void {
    this.byFolder.clear();
  }

  private forFolder(folder: string, base: string): string | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    const manifest = path.join(folder, PACKAGE_MANIFEST_NAME);
    const text = readSmallTextFile(manifest, MAX_MANIFEST_BYTES);
    let evidence: string | undefined;
    if (text !== undefined) {
      const found = this.evidenceOf(text);
      evidence = found ? `${path.relative(base, manifest).split(path.sep).join('/') || PACKAGE_MANIFEST_NAME}: ${found}` : undefined;
    } else if (folder !== base && path.dirname(folder) !== folder) {
      evidence = this.forFolder(path.dirname(folder), base);
    }
    this.byFolder.set(folder, evidence);
    return evidence;
  }
}
