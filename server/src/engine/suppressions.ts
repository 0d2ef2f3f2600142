// In-source suppressions: `// phi-guard-disable-next-line <rule>[, <rule>] [until YYYY-MM-DD] -- <reason>`,
// `phi-guard-disable-line …` and file-level `phi-guard-disable …`.
//
// Comments are found with a small scanner over the text instead of asking the parser for them (that
// costs about 3× the parse). The scanner knows strings, template literals (with nested `${}`), regular
// expression literals and JSX closing tags well enough that a directive inside a string is not taken
// for a comment. It is deliberately approximate elsewhere: a mistake can only miss or find a directive,
// and every directive found is checked and reported when something about it is wrong.
//
// Policy (a security reviewer's): a suppression hides a possible PHI leak from everyone who reads the
// report later, so it has to carry its justification. A directive without a reason, with a malformed
// `until` date or past its `until` date suppresses NOTHING and is itself reported (rule
// `valid-suppression`). Suppressed findings are kept and marked, never dropped. `valid-suppression`
// findings cannot be suppressed by comments, or the audit trail could be switched off from the code.
import { computeLineStarts, positionAt, rangeFromOffsets } from '../core/text-range';
import type { Finding, Range } from '../core/types';
import type { SuppressionProblem } from '../rule-api';
import { didYouMean } from './did-you-mean';
import { maskRuleId, maskValues } from './value-mask';

export interface SuppressionDirective {
  kind: 'next-line' | 'line' | 'file';
  /** Empty means all rules. */
  ruleIds: string[];
  reason?: string;
  /** As written; may be malformed (reported by applySuppressions). */
  until?: string;
  /** 1-based line of the comment. */
  line: number;
  /** The line whose findings the directive covers (not set for 'file'). */
  appliesToLine?: number;
  /** The whole comment token. */
  range: Range;
  /** The comment's text, trimmed. */
  comment?: string;
}

export interface SuppressionContext {
  /** YYYY-MM-DD. A directive is valid through its `until` day and expired after it. */
  today: string;
  knownRuleIds: ReadonlySet<string>;
}

interface CommentToken {
  start: number;
  end: number;
  bodyStart: number;
  bodyEnd: number;
}

const DIRECTIVE = /^phi-guard-(disable-next-line|disable-line|disable)(?![\w-])/;
const KIND_BY_KEYWORD = { 'disable-next-line': 'next-line', 'disable-line': 'line', disable: 'file' } as const;

export function findSuppressions(text: string): SuppressionDirective[] {
  // Cheap exit: most files have no directive at all.
  if (!text.includes('phi-guard-disable')) return [];
  const lineStarts = computeLineStarts(text);
  const directives: SuppressionDirective[] = [];
  for (const comment of scanComments(text)) {
    const directive = parseDirective(text, comment, lineStarts);
    if (directive) directives.push(directive);
  }
  return directives;
}

function parseDirective(text: string, comment: CommentToken, lineStarts: number[]): SuppressionDirective | undefined {
  // Block comments may be written JSDoc-style, with a `*` starting each line.
  const body = text
    .slice(comment.bodyStart, comment.bodyEnd)
    .replace(/(^|[\r\n\u2028\u2029])[ \t]*\*+(?!\/)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const match = DIRECTIVE.exec(body);
  if (!match) return undefined;
  const kind = KIND_BY_KEYWORD[match[1] as keyof typeof KIND_BY_KEYWORD];
  const rest = body.slice(match[0].length);
  const separator = rest.indexOf('--');
  const head = separator === -1 ? rest : rest.slice(0, separator);
  const reason = separator === -1 ? undefined : rest.slice(separator + 2).trim() || undefined;
  const { ruleIds, until } = parseRuleList(head);
  const range = rangeFromOffsets(lineStarts, comment.start, comment.end);
  const endLine = positionAt(lineStarts, Math.max(comment.start, comment.end - 1)).line;
  const directive: SuppressionDirective = {
    kind,
    ruleIds,
    line: range.start.line,
    range,
    comment: text.slice(comment.start, comment.end).trim(),
  };
  if (reason !== undefined) directive.reason = reason;
  if (until !== undefined) directive.until = until;
  if (kind === 'next-line') directive.appliesToLine = endLine + 1;
  if (kind === 'line') directive.appliesToLine = range.start.line;
  return directive;
}

/** "a, b until 2025-01-01" → rules [a, b], until "2025-01-01". `until` without a date yields "". */
function parseRuleList(head: string): { ruleIds: string[]; until?: string } {
  const tokens = head.split(/[\s,]+/).filter((token) => token !== '');
  const untilIndex = tokens.indexOf('until');
  if (untilIndex === -1) return { ruleIds: tokens };
  const until = tokens[untilIndex + 1] ?? '';
  const ruleIds = tokens.filter((_, index) => index !== untilIndex && index !== untilIndex + 1);
  return { ruleIds, until };
}

// ---------------------------------------------------------------------------------------------------
// The comment scanner.

function isLineTerminator(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}
/** After these keywords a `/` starts a regular expression, after other words it divides. */
const REGEX_KEYWORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);
/** After these punctuators a `/` starts a regular expression. Not after `<`: that is a JSX closing tag. */
const REGEX_AFTER = new Set('(,=:[!&|?{};+-*%>~^'.split(''));

function scanComments(text: string): CommentToken[] {
  const comments: CommentToken[] = [];
  const length = text.length;
  // Open `${` substitutions of template literals, each with its count of unclosed `{` inside.
  const templateBraces: number[] = [];
  let previous = ''; // last significant character ('a' for a word or literal)
  let previousWord = '';
  let i = text.startsWith('#!') ? lineEnd(text, 0) : 0;
  while (i < length) {
    const char = text[i];
    if (char === '/' && text[i + 1] === '/') {
      const end = lineEnd(text, i);
      comments.push({ start: i, end, bodyStart: i + 2, bodyEnd: end });
      i = end;
    } else if (char === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close === -1 ? length : close + 2;
      comments.push({ start: i, end, bodyStart: i + 2, bodyEnd: close === -1 ? length : close });
      i = end;
    } else if (char === '/') {
      const startsRegex = previous === '' || REGEX_AFTER.has(previous) || (previous === 'a' && REGEX_KEYWORDS.has(previousWord));
      i = startsRegex ? skipRegex(text, i) : i + 1;
      previous = startsRegex ? 'a' : '/';
    } else if (char === '"' || char === "'") {
      i = skipQuoted(text, i);
      previous = 'a';
    } else if (char === '`') {
      i = skipTemplate(text, i + 1, templateBraces);
      previous = 'a';
    } else if (char === '}' && templateBraces.length > 0 && templateBraces[templateBraces.length - 1] === 0) {
      templateBraces.pop();
      i = skipTemplate(text, i + 1, templateBraces);
      previous = 'a';
    } else if (isWordChar(char)) {
      let end = i + 1;
      while (end < length && isWordChar(text[end])) end++;
      previousWord = text.slice(i, end);
      previous = 'a';
      i = end;
    } else {
      if (templateBraces.length > 0 && (char === '{' || char === '}')) {
        templateBraces[templateBraces.length - 1] += char === '{' ? 1 : -1;
      }
      if (!isWhitespace(char)) previous = char;
      i++;
    }
  }
  return comments;
}

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isLineTerminator(text.charCodeAt(i))) i++;
  return i;
}

// Character-code checks: this loop runs over every character of every file that has a directive.
function isWordChar(char: string): boolean {
  const code = char.charCodeAt(0);
  return (
    (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x24 || code > 0x7f
  );
}

function isWhitespace(char: string): boolean {
  const code = char.charCodeAt(0);
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0xfeff;
}

/** Past the closing quote; a quote string cannot span lines, which bounds damage from JSX text like `Don't`. */
function skipQuoted(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    const char = text[i];
    if (char === '\\') i += 2;
    else if (char === quote) return i + 1;
    else if (char === '\n' || char === '\r') return i;
    else i++;
  }
  return i;
}

/** From inside a template literal to past its end, or into a `${` substitution (pushed on the stack). */
function skipTemplate(text: string, from: number, templateBraces: number[]): number {
  let i = from;
  while (i < text.length) {
    const char = text[i];
    if (char === '\\') i += 2;
    else if (char === '`') return i + 1;
    else if (char === '$' && text[i + 1] === '{') {
      templateBraces.push(0);
      return i + 2;
    } else i++;
  }
  return i;
}

function skipRegex(text: string, start: number): number {
  let inClass = false;
  let i = start + 1;
  while (i < text.length) {
    const char = text[i];
    if (char === '\\') i += 2;
    else if (char === '\n' || char === '\r') return i; // not a regex after all; resume as code
    else if (char === '/' && !inClass) return i + 1;
    else {
      if (char === '[') inClass = true;
      else if (char === ']') inClass = false;
      i++;
    }
  }
  return i;
}

// ---------------------------------------------------------------------------------------------------
// Evaluating directives, and applying them to findings.

export interface EvaluatedDirective {
  directive: SuppressionDirective;
  /** False when the directive suppresses nothing (no reason, bad or past date, only unknown rules). */
  effective: boolean;
  /** Known rule ids it covers; undefined means all rules. */
  covers?: ReadonlySet<string>;
  problems: SuppressionProblem[];
}

/**
 * Checks each directive: a reason, a valid and unexpired `until` date, known rule ids. What is wrong
 * becomes a problem for the `valid-suppression` rule to report (through the normal finding path, so
 * its configured severity holds); a directive with a problem of the first kinds suppresses nothing.
 */
export function evaluateSuppressions(directives: readonly SuppressionDirective[], context: SuppressionContext): EvaluatedDirective[] {
  return directives.map((directive) => evaluateDirective(directive, context));
}

/**
 * Marks the findings that an effective directive covers as suppressed (keeping them). Findings of
 * `unsuppressible` rules (the suppression audit trail itself) are never suppressed by comments.
 */
export function applySuppressions(findings: Finding[], evaluated: readonly EvaluatedDirective[], unsuppressible: ReadonlySet<string>): Finding[] {
  const effective = evaluated.filter((entry) => entry.effective);
  if (effective.length === 0) return findings;
  return findings.map((finding) => {
    if (finding.suppressed || unsuppressible.has(finding.ruleId)) return finding;
    const match = effective.find((entry) => covers(entry, finding));
    if (!match) return finding;
    const { directive } = match;
    // The reason is the developer's prose, kept for the audit trail with value shapes masked (value-mask.ts).
    const suppressed: Finding['suppressed'] = { kind: 'inSource', justification: maskValues(directive.reason ?? ''), range: directive.range };
    if (directive.until !== undefined) suppressed.until = directive.until;
    return { ...finding, suppressed };
  });
}

function covers(entry: EvaluatedDirective, finding: Finding): boolean {
  const { directive } = entry;
  if (directive.kind !== 'file' && finding.range.start.line !== directive.appliesToLine) return false;
  return entry.covers === undefined || entry.covers.has(finding.ruleId);
}

function evaluateDirective(directive: SuppressionDirective, context: SuppressionContext): EvaluatedDirective {
  const problems: SuppressionProblem[] = [];
  const offsets: [number, number] = [directive.range.startOffset, directive.range.endOffset];
  // Rule ids are shown as written when they are shaped like one (a comment is code, but anything can be
  // written in it), else masked: `Margaret Thornbury` or an SSN is never echoed.
  const subject = directive.ruleIds.length === 0 ? 'all rules' : directive.ruleIds.map(maskRuleId).join(', ');
  let effective = true;
  if (directive.reason === undefined || directive.reason.trim() === '') {
    effective = false;
    problems.push({ kind: 'missing-reason', offsets, subject });
  }
  if (directive.until !== undefined) {
    if (!isValidDate(directive.until)) {
      effective = false;
      problems.push({ kind: 'invalid-until', offsets, subject });
    } else if (directive.until < context.today) {
      effective = false;
      problems.push({ kind: 'expired', offsets, subject, detail: directive.until });
    }
  }
  for (const id of directive.ruleIds.filter((candidate) => !context.knownRuleIds.has(candidate))) {
    problems.push({ kind: 'unknown-rule', offsets, subject, detail: maskRuleId(id), suggestion: didYouMean(id, [...context.knownRuleIds]) });
  }
  if (directive.ruleIds.length === 0) return { directive, effective, problems };
  const known = directive.ruleIds.filter((id) => context.knownRuleIds.has(id));
  return { directive, effective: effective && known.length > 0, covers: new Set(known), problems };
}

function isValidDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
