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
  /** Why rules are told the file was not analysed; none for a plain skip (a `.json` file that is not JSON by design). */
  problem?: AnalysisProblem;
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

/** What a JSON value can start with: an object, an array, a string, a number, `true`, `false`, `null`. */
const JSON_VALUE_START = /^[[{"\-0-9tfn]/;
/** Placeholders of configuration templates: `${VAR}`, `<%= value %>`, `{{ value }}`, `{% tag %}`. */
const TEMPLATE_PLACEHOLDER = /\$\{|<%|\{\{|\{%/;

/**
 * Why a `.json` file that failed to parse is not JSON by design, or undefined when it is broken JSON.
 * A file whose first significant token cannot start a JSON value is another format under a `.json`
 * name (an HCL server config, a script); a file that fails exactly at a template placeholder written
 * outside a string (`"port": ${PORT}`) is a configuration template filled in at deploy time. Neither
 * is data the JSON rules could read, so they are plain skips with their reason; JSON that is merely
 * malformed (a missing comma, a stray byte) stays an `unanalysed-file` finding.
 */
export function notJsonByDesign(text: string, errorOffset: number): string | undefined {
  const start = firstSignificantOffset(text);
  if (start < text.length && !JSON_VALUE_START.test(text.slice(start, start + 1))) {
    return 'not JSON: the content starts with something no JSON value starts with (another format under a .json name)';
  }
  if (TEMPLATE_PLACEHOLDER.test(text.slice(Math.max(0, errorOffset - 1), errorOffset + 2))) {
    return 'not JSON: a configuration template with a placeholder outside a string';
  }
  return undefined;
}

/** The offset of the first character that is not a byte order mark, white space or a comment. */
function firstSignificantOffset(text: string): number {
  let at = 0;
  for (;;) {
    while (at < text.length && /[\s\uFEFF]/.test(text[at])) at++;
    if (text.startsWith('//', at)) {
      const end = text.indexOf('\n', at);
      at = end === -1 ? text.length : end + 1;
    } else if (text.startsWith('/*', at)) {
      const end = text.indexOf('*/', at + 2);
      at = end === -1 ? text.length : end + 2;
    } else {
      return at;
    }
  }
}
