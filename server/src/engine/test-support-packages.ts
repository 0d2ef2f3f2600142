// Packages that exist only to support the test suites: a lambda the regression tests call to fake a clock or clear
// sessions, deployed beside the product but never handling a patient. Their package manifest says so in its
// description ("… for test purposes", "helpers for regression testing"); everything in such a package is `test`.
// The nearest manifest decides, so a test-support package inside a product monorepo does not hide the product.
import { NearestManifestFinder, parsePackageManifest } from './package-manifests';

const TEST_KIND = '(?:regression |integration |automated |e2e |end-to-end |acceptance )?';
const TEST_SUPPORT_DESCRIPTIONS: readonly RegExp[] = [
  // "Lambda to clear sessions for test purposes", "fake timer for regression testing purposes"
  new RegExp(`\\bfor ${TEST_KIND}test(?:ing)? purposes\\b`, 'i'),
  // "helpers for regression tests", "a harness for end-to-end testing"
  /\b(?:support|helpers?|utilit(?:y|ies)|tools?|harness|stubs?) for (?:regression|integration|automated|e2e|end-to-end|acceptance) test(?:s|ing)?\b/i,
];

/** What in a package manifest's text says the package only supports tests ("package description"), or undefined. */
export function testSupportEvidence(manifestText: string): string | undefined {
  const description = parsePackageManifest(manifestText)?.description;
  return typeof description === 'string' && TEST_SUPPORT_DESCRIPTIONS.some((pattern) => pattern.test(description)) ? 'package description says it supports tests' : undefined;
}

/** The nearest package manifest's word on whether the package only supports tests. */
export class TestSupportFinder extends NearestManifestFinder {
  constructor() {
    super(testSupportEvidence);
  }
}
