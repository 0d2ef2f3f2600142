// The "looks like a value" filter: what the engine puts into a message, a related-location label, a
// suppression's justification or a skip detail may name code (a variable, a property path, a rule id),
// never a value that could be PHI. Everything built from the workspace's text passes through here where
// it is rendered:
//
// - `maskValues` for prose: value shapes (SSN, dates, phone and e-mail shapes, IP addresses, runs of
//   five or more digits) become `…`;
// - `maskCode` for a code reference (what a template puts between backticks or double quotes): the value
//   shapes, plus string contents that are not a plain key (`db['Margaret Thornbury']` → `db['…']`),
//   key-path segments that are not one word (`Margaret Thornbury 287-65-4321.labUrl` → `….labUrl`) and
//   capitalised words side by side, which code never writes (`Margaret Thornbury`);
// - `maskLabel` for an engine label: backtick spans as code, the rest as prose;
// - `renderTemplate` for a rule's message: the template is the rule author's and kept, each `{{data}}`
//   value is masked as code inside backticks or quotes, as prose elsewhere;
// - `maskParserMessage` for a parser's message, which quotes the source it choked on: every quoted
//   span but punctuation and keywords becomes `…` (what failed to parse may be data, not code).
//
// A heuristic, and it errs on the side of masking: a single capitalised word (`Margaret`) cannot be told
// from a class name and is kept, two of them in a row are not code and are masked; lowercase words
// side by side (`the request’s Origin`) are prose a rule wrote and are kept.

export const MASK = '…';

const VALUE_SHAPES: readonly RegExp[] = [
  // e-mail addresses
  /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu,
  // dates: 1985-03-14, 1985/3/14, 03/14/1985, 14-03-85, 14.03.1985, March 14, 1985, 14 Mar 1985
  /(?<![\p{N}])\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?![\p{N}])/gu,
  /(?<![\p{N}])\d{1,2}[-/]\d{1,2}[-/](?:\d{4}|\d{2})(?![\p{N}])/gu,
  /(?<![\p{N}])\d{1,2}\.\d{1,2}\.\d{4}(?![\p{N}])/gu,
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b/giu,
  /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b/giu,
  // SSN shapes: 287-65-4321, 287 65 4321
  /(?<![\p{N}])\d{3}[-\s.]\d{2}[-\s.]\d{4}(?![\p{N}])/gu,
  // phone shapes: (287) 654-3210, 287.654.3210, +1 287 654 3210
  /(?<![\p{N}])(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}(?![\p{N}])/gu,
  // IPv4 addresses
  /(?<![\p{N}.])(?:\d{1,3}\.){3}\d{1,3}(?![\p{N}])/gu,
  // any other run of five or more digits: MRNs, account and member numbers, ZIP codes, unformatted SSNs
  /\d{5,}/gu,
];

/** Value shapes in prose become `…`. */
export function maskValues(text: string): string {
  if (!/\d|@/.test(text)) return text;
  let out = text;
  for (const shape of VALUE_SHAPES) out = out.replace(shape, MASK);
  return out;
}

/** JavaScript and TypeScript words that may stand next to another word in code (`new URL`, `typeof x`). */
const CODE_KEYWORDS = new Set(
  (
    'abstract as async await break case catch class const continue debugger declare default delete do else enum export extends ' +
    'false finally for from function get if implements import in infer instanceof interface is keyof let new null of package ' +
    'private protected public readonly return satisfies set static super switch this throw true try type typeof undefined ' +
    'unique var void while with yield'
  ).split(' '),
);

/** A key as code writes it: `ssn`, `labUrl`, `log-level`, `LOG_LEVEL`, `$ref`, `0` — one word, not a value. */
export function isKeyShaped(text: string): boolean {
  return text.length > 0 && text.length <= 60 && /^[\p{L}_$][\p{L}\p{N}_$-]*$|^\d{1,3}$/u.test(text) && maskValues(text) === text;
}

/** A rule id as written in a suppression comment: lowercase words joined by hyphens. */
export function isRuleIdShaped(text: string): boolean {
  return text.length <= 60 && /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(text) && maskValues(text) === text;
}

/** A rule id as it may be shown: itself when it is shaped like one, else `…`. */
export function maskRuleId(text: string): string {
  return isRuleIdShaped(text) ? text : MASK;
}

const EXPRESSION_CHARACTERS = /[()[\]{},;=<>+*/?!&|'"`]/;

/** A code reference: a name, a property path, a JSON key path, a short expression. */
export function maskCode(text: string): string {
  if (text === '') return text;
  // String contents: kept only when they are a plain key (`db['ssn']`), else `…` (an unterminated
  // quote masks to the end).
  let out = text.replace(/(['"`])((?:\\.|(?!\1)[^\\])*)(\1|$)/gu, (_whole, quote: string, body: string, close: string) =>
    `${quote}${isKeyShaped(body) ? body : MASK}${close}`,
  );
  out = maskValues(out);
  // A key path (`a.b.c`, nothing that makes it an expression): every segment must be one word.
  if (out.includes('.') && !EXPRESSION_CHARACTERS.test(out)) {
    out = out
      .split('.')
      .map((segment) => (segment === '' || segment === MASK || /^[\p{L}\p{N}_$:@-]+(?:…)?$/u.test(segment.trim()) ? segment : MASK))
      .join('.');
  }
  // Capitalised words side by side with only spaces between are a person's name, not code
  // (`Margaret Thornbury`); a keyword (`new URL`) or lowercase words (`<a href>`) are not.
  out = out.replace(/[\p{L}\p{N}_$’-]+(?:[ \t]+[\p{L}\p{N}_$’-]+)+/gu, (run) => {
    const capitalised = run.split(/[ \t]+/).filter((word) => !CODE_KEYWORDS.has(word) && /^\p{Lu}/u.test(word));
    return capitalised.length >= 2 ? MASK : run;
  });
  return collapse(out);
}

/** An engine label: code between backticks, prose around it. */
export function maskLabel(text: string): string {
  if (text === '') return text;
  const parts = text.split('`');
  return parts.map((part, index) => (index % 2 === 1 ? maskCode(part) : maskValues(part))).join('`');
}

/**
 * A rule's message template with its data: the template is kept; each value is masked as code when the
 * template puts it between backticks or double quotes, as prose elsewhere. `fill` supplies values the
 * engine computes itself (the kinds' labels), which are not masked.
 */
export function renderTemplate(template: string, data: Record<string, string> | undefined, fill: (key: string) => string | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string, offset: number) => {
    const own = fill(key);
    if (own !== undefined) return own;
    const value = data?.[key];
    if (value === undefined) return whole;
    const before = template.slice(0, offset);
    const inCode = count(before, '`') % 2 === 1 || count(before, '"') % 2 === 1;
    return inCode ? maskCode(String(value)) : maskValues(String(value));
  });
}

/** Punctuation and keywords a parser quotes (`';' expected`) are kept; any other quoted source text is masked. */
export function maskParserMessage(text: string): string {
  const quoted = text.replace(/(['"`])([^'"`\n]*)(\1|$)/gu, (_whole, quote: string, body: string, close: string) => {
    const keep = /^[^\p{L}\p{N}]*$/u.test(body) || CODE_KEYWORDS.has(body);
    return `${quote}${keep ? body : MASK}${close}`;
  });
  return maskValues(quoted);
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++;
  return n;
}

function collapse(text: string): string {
  return text.replace(/…(?:[ \t.]*…)+/gu, MASK);
}

/** An exception's message (a rule that threw): quoted plain keys kept, other quoted text and value shapes masked. */
export function maskErrorMessage(text: string): string {
  const quoted = text.replace(/(['"`])([^'"`\n]*)(\1|$)/gu, (_whole, quote: string, body: string, close: string) => `${quote}${isKeyShaped(body) || /^[^\p{L}\p{N}]*$/u.test(body) ? body : MASK}${close}`);
  return maskValues(quoted);
}
