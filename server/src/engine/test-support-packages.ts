// Packages that exist only to support the test suites: a lambda the regression tests call to fake a clock or clear
// sessions, deployed beside the product but never handling a patient. Their package manifest says so in its
// description ("… for test purposes", "helpers for regression testing"); everything in such a package is `test`.
// The nearest manifest decides, so a test-support package inside a product monorepo does not hide the product.
import * as path from 'node:path';
import { PACKAGE_MANIFEST_NAME } from '../shared/file-kinds';
import { readSmallTextFile } from './read';

const MAX_MANIFEST_BYTES = 256 * 1024;
const TEST_KIND = '(?:regression |integration |automated |e2e |end-to-end |acceptance )?';
const TEST_SUPPORT_DESCRIPTIONS: readonly RegExp[] = [
  // "Lambda to clear sessions for test purposes", "fake timer for regression testing purposes"
  new RegExp(`\\bfor ${TEST_KIND}test(?:ing)? purposes\\b`, 'i'),
  // "helpers for regression tests", "a harness for end-to-end testing"
  /\b(?:support|helpers?|utilit(?:y|ies)|tools?|harness|stubs?) for (?:regression|integration|automated|e2e|end-to-end|acceptance) test(?:s|ing)?\b/i,
];

/** What in a package manifest's text says the package only supports tests ("package description"), or undefined. */
export function testSupportEvidence(manifestText: string): string | undefined {
  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestText);
  } catch {
    return undefined;
  }
  if (!manifest || typeof manifest !== 'object') return undefined;
  const { description } = manifest as Record<string, unknown>;
  return typeof description === 'string' && TEST_SUPPORT_DESCRIPTIONS.some((pattern) => pattern.test(description)) ? 'package description says it supports tests' : undefined;
}

/** Per folder, the nearest manifest (up to a base folder) and whether it describes a test-support package. */
export class TestSupportFinder {
  private readonly byFolder = new Map<string, string | undefined>();

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
      const found = testSupportEvidence(text);
      evidence = found ? `${path.relative(base, manifest).split(path.sep).join('/') || PACKAGE_MANIFEST_NAME}: ${found}` : undefined;
    } else if (folder !== base && path.dirname(folder) !== folder) {
      evidence = this.forFolder(path.dirname(folder), base);
    }
    this.byFolder.set(folder, evidence);
    return evidence;
  }
}
