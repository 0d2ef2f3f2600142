// Files the engine could not analyse, and how they become findings instead of silent skips. A scan that
// skips a source file it could not parse, decode or read whole passes a CI gate without having looked at
// it; the `unanalysed-file` rule turns the engine's reason into a finding (warning by default), so the
// gate fails and says why. Binary, minified, generated and vendored files stay plain skips: nobody's
// code is in them.
import type { FileRole, SkippedFile, SkipReason } from '../core/types';
import type { AnalysisProblem } from '../rule-api';

/** A file that was not analysed: the skip the scan lists, and the problem rules are told about. */
export interface Unanalysed {
  skipped: SkippedFile;
  problem: AnalysisProblem;
  /** The tree was too deep as written: try again with long operator chains rebalanced. */
  retryBalanced?: boolean;
}

/** Roles whose files are nobody's code here: a file of theirs not analysed is a plain skip. */
export function isPlainSkipRole(role: FileRole | undefined): boolean {
  return role === 'generated' || role === 'vendored';
}

/** The problem a read failure is, or undefined when it is a plain skip (binary, minified, unreadable). */
export function problemOfReadFailure(reason: SkipReason, detail: string): AnalysisProblem | undefined {
  switch (reason) {
    case 'too-large':
      return { kind: 'size-limit', detail, offsets: [0, 0] };
    case 'invalid-encoding':
      return { kind: 'encoding', detail, offsets: [0, 0] };
    default:
      return undefined;
  }
}
