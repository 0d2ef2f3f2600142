// Pieces of the small JavaScript lexers that read code without a syntax tree: the suppression-comment scanner
// (a file that does not parse), finding fingerprints, and the script blocks of single-file components.

/** \n, \r, U+2028 and U+2029 end a line (and a line comment). */
export function isLineTerminator(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/** The offset of the line terminator at or after `from`, or `limit` (the text's end) when there is none before it. */
export function lineEnd(text: string, from: number, limit = text.length): number {
  let i = from;
  while (i < limit && !isLineTerminator(text.charCodeAt(i))) i++;
  return i;
}

/** After these keywords a `/` starts a regular expression, after other words it divides. */
export const REGEX_KEYWORDS: ReadonlySet<string> = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

/** After these punctuators a `/` starts a regular expression. Not after `<`: that is a JSX closing tag. */
export const REGEX_AFTER: ReadonlySet<string> = new Set('(,=:[!&|?{};+-*%>~^'.split(''));
