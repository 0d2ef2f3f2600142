// In-source suppressions: `// phi-guard-disable-next-line <rule>[, <rule>] [until YYYY-MM-DD] -- <reason>`,
// `phi-guard-disable-line …` and file-level `phi-guard-disable …`.
//
// Only real comments count. In code files the comments are found exactly from the syntax tree the
// analysis parsed anyway: a `//` or `/*` is a comment unless it lies inside a string, template, regular
// expression or JSX text node (so `<p>// phi-guard-disable -- see docs</p>` is text, not a directive).
// Only the nodes around a `/` pair are visited, and only in files that mention `phi-guard-disable`; asking
// the parser for every comment would cost about 3× the parse. JSON files use jsonc-parser's scanner. Without
// a syntax tree (a file that does not parse) a small scanner that knows strings, templates and regular
// expressions approximates it.
//
// Policy (a security reviewer's): a suppression hides a possible PHI leak from everyone who reads the
// report later, so it has to carry its justification. A directive without a meaningful reason (none, or a
// placeholder such as `reason`, `TODO`, `x`, `...`, `<why …>`), with a malformed `until` date or past its
// `until` date suppresses NOTHING and is itself reported (rule `valid-suppression`). An `until` further
// ahead than the horizon (one year by default) and a whole-file disable of every rule are reported but
// hold. Suppressed findings are kept and marked, never dropped. `valid-suppression` findings cannot be
// suppressed by comments, or the audit trail could be switched off from the code.
//
// Everything here is linear in the file: directives are evaluated once, findings are matched through an
// index by line and rule, and the problems handed to `valid-suppression` are capped per file (with a
// count of the rest), so a file of 100,000 broken directives yields a screenful, not 100,000 warnings.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys as visitorKeysExport } from '@typescript-eslint/visitor-keys';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { computeLineStarts, positionAt, rangeFromOffsets } from '../core/text-range';
import type { Finding, Range } from '../core/types';
import type { SuppressionPolicy, SuppressionProblem } from '../rule-api';
import { didYouMean } from './did-you-mean';
import { lineEnd, REGEX_AFTER, REGEX_KEYWORDS } from './lexing';
import { maskRuleId, maskValues } from './value-mask';
// Read once: the bundle reaches a CommonJS package's export through a getter, and the walks below ask per node.
const visitorKeys = visitorKeysExport;

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

export interface CommentToken {
  start: number;
  end: number;
  bodyStart: number;
  bodyEnd: number;
}

const DIRECTIVE = /^phi-guard-(disable-next-line|disable-line|disable)(?![\w-])/;
const KIND_BY_KEYWORD = { 'disable-next-line': 'next-line', 'disable-line': 'line', disable: 'file' } as const;

/** Where the comments of a file come from (see the top of this file). */
export interface CommentSource {
  language?: 'code' | 'json';
  /** The code file's syntax tree: comments are then exact. */
  program?: TSESTree.Program;
}

export function findSuppressions(text: string, source: CommentSource = {}): SuppressionDirective[] {
  // Cheap exit: most files have no directive at all.
  if (!text.includes('phi-guard-disable')) return [];
  const lineStarts = computeLineStarts(text);
  const directives: SuppressionDirective[] = [];
  const comments = source.language === 'json' ? jsonComments(text) : source.program ? codeComments(text, source.program) : scanComments(text);
  for (const comment of comments) {
    if (!text.slice(comment.bodyStart, comment.bodyEnd).includes('phi-guard-disable')) continue;
    const directive = parseDirective(text, comment, lineStarts);
    if (directive) directives.push(directive);
  }
  return directives;
}

// ---------------------------------------------------------------------------------------------------
// Exact comments: from the syntax tree (code) and from jsonc-parser's scanner (JSON).

/** Nodes whose text may hold `//` or `/*` that is not a comment. */
function isOpaque(node: TSESTree.Node): boolean {
  return node.type === 'TemplateElement' || node.type === 'JSXText' || (node.type === 'Literal' && (typeof node.value === 'string' || 'regex' in node));
}

/**
 * The comments of a parsed code file. Every `//` and `/*` outside string, template, regular-expression
 * and JSX-text nodes starts a comment (nothing else in JavaScript can); only the subtrees that contain such
 * a pair are walked, so the cost is the `/` pairs of the file, not its nodes.
 */
export function codeComments(text: string, program: TSESTree.Program): CommentToken[] {
  const candidates: number[] = [];
  const firstLine = text.startsWith('#!') ? lineEnd(text, 0) : 0;
  for (let i = text.indexOf('/', firstLine); i !== -1; i = text.indexOf('/', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next === 0x2f || next === 0x2a) candidates.push(i);
  }
  if (candidates.length === 0) return [];
  const opaque: Array<[number, number]> = [];
  const holdsCandidate = (range: readonly [number, number]) => {
    const at = firstAtOrAfter(candidates, range[0]);
    return at < candidates.length && candidates[at] < range[1];
  };
  const stack: TSESTree.Node[] = [program];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isOpaque(node)) {
      opaque.push([node.range[0], node.range[1]]);
      continue;
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'range' in item && holdsCandidate((item as TSESTree.Node).range)) stack.push(item as TSESTree.Node);
      }
    }
  }
  opaque.sort((a, b) => a[0] - b[0]);
  const comments: CommentToken[] = [];
  let position = 0;
  let next = 0;
  for (const start of candidates) {
    if (start < position) continue; // inside the previous comment
    while (next < opaque.length && opaque[next][1] <= start) next++;
    if (next < opaque.length && opaque[next][0] <= start) continue; // inside a string, template, regex or JSX text
    if (text.charCodeAt(start + 1) === 0x2f) {
      const end = lineEnd(text, start);
      comments.push({ start, end, bodyStart: start + 2, bodyEnd: end });
      position = end;
    } else {
      const close = text.indexOf('*/', start + 2);
      const end = close === -1 ? text.length : close + 2;
      comments.push({ start, end, bodyStart: start + 2, bodyEnd: close === -1 ? text.length : close });
      position = end;
    }
  }
  return comments;
}

/** Index of the first sorted value ≥ target. */
function firstAtOrAfter(sorted: readonly number[], target: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

function jsonComments(text: string): CommentToken[] {
  const comments: CommentToken[] = [];
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind !== SyntaxKind.LineCommentTrivia && kind !== SyntaxKind.BlockCommentTrivia) continue;
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    const closed = kind === SyntaxKind.BlockCommentTrivia && text.startsWith('*/', end - 2) && end - start >= 4;
    comments.push({ start, end, bodyStart: start + 2, bodyEnd: closed ? end - 2 : end });
  }
  return comments;
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
// The approximate comment scanner, for code without a syntax tree (a file that does not parse).


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
  /** False when the directive suppresses nothing (no meaningful reason, bad or past date, only unknown rules). */
  effective: boolean;
  /** Known rule ids it covers; undefined means all rules. */
  covers?: ReadonlySet<string>;
  /** What is wrong with it regardless of policy, in the order reported (suggestions are added later). */
  problems: SuppressionProblem[];
  /** Days from today to a valid `until` date. */
  untilDays?: number;
}

export const DEFAULT_SUPPRESSION_POLICY: Required<SuppressionPolicy> = { untilHorizonDays: 365, maxProblems: 20 };

/**
 * Checks each directive: a meaningful reason, a valid and unexpired `until` date, known rule ids. What is
 * wrong becomes a problem for the `valid-suppression` rule to report (through the normal finding path, so
 * its configured severity holds); a directive with a problem of the first kinds suppresses nothing.
 */
export function evaluateSuppressions(directives: readonly SuppressionDirective[], context: SuppressionContext): EvaluatedDirective[] {
  return directives.map((directive) => evaluateDirective(directive, context));
}

/**
 * The problems to report for a file, in file order: at most `maxProblems`, then one `more-problems`
 * entry with the count of the rest. `until-too-far` and `file-wide` depend on the policy and are added
 * here; suggestions for unknown rule ids are computed only for the problems reported.
 */
export function suppressionProblems(evaluated: readonly EvaluatedDirective[], knownRuleIds: ReadonlySet<string>, policy: SuppressionPolicy = {}): SuppressionProblem[] {
  const horizon = policy.untilHorizonDays ?? DEFAULT_SUPPRESSION_POLICY.untilHorizonDays;
  const max = Math.max(1, policy.maxProblems ?? DEFAULT_SUPPRESSION_POLICY.maxProblems);
  const reported: SuppressionProblem[] = [];
  let omitted = 0;
  let firstOmitted: SuppressionProblem | undefined;
  const add = (problem: SuppressionProblem) => {
    if (reported.length < max) reported.push(problem);
    else {
      omitted++;
      firstOmitted ??= problem;
    }
  };
  for (const entry of evaluated) {
    for (const problem of entry.problems) add(problem);
    const { directive } = entry;
    const offsets: [number, number] = [directive.range.startOffset, directive.range.endOffset];
    const subject = subjectOf(directive);
    if (entry.untilDays !== undefined && entry.untilDays > horizon) add({ kind: 'until-too-far', offsets, subject, detail: String(horizon) });
    if (entry.effective && directive.kind === 'file' && directive.ruleIds.length === 0) add({ kind: 'file-wide', offsets, subject });
  }
  const known = [...knownRuleIds];
  const withSuggestions = reported.map((problem) => {
    if (problem.kind !== 'unknown-rule' || problem.detail === undefined) return problem;
    const suggestion = didYouMean(problem.detail, known);
    return suggestion ? { ...problem, suggestion } : problem;
  });
  if (firstOmitted) withSuggestions.push({ kind: 'more-problems', offsets: firstOmitted.offsets, subject: firstOmitted.subject, detail: String(omitted) });
  return withSuggestions;
}

/**
 * Marks the findings that an effective directive covers as suppressed (keeping them). Findings of
 * `unsuppressible` rules (the suppression audit trail itself) are never suppressed by comments. The
 * first directive in the file that covers a finding gives the justification.
 */
export function applySuppressions(findings: Finding[], evaluated: readonly EvaluatedDirective[], unsuppressible: ReadonlySet<string>): Finding[] {
  const effective = evaluated.filter((entry) => entry.effective);
  if (effective.length === 0) return findings;
  const index = new DirectiveIndex(effective);
  return findings.map((finding) => {
    if (finding.suppressed || unsuppressible.has(finding.ruleId)) return finding;
    const match = index.match(finding.range.start.line, finding.ruleId);
    if (!match) return finding;
    const { directive } = match;
    // The reason is the developer's prose, kept for the audit trail with value shapes masked (value-mask.ts).
    const suppressed: Finding['suppressed'] = { kind: 'inSource', justification: maskValues(directive.reason ?? ''), range: directive.range };
    if (directive.until !== undefined) suppressed.until = directive.until;
    return { ...finding, suppressed };
  });
}

interface Coverage {
  /** The first directive covering every rule. */
  all?: EvaluatedDirective;
  /** The first directive naming each rule. */
  byRule: Map<string, EvaluatedDirective>;
}

/** Effective directives by the line they cover (file-level ones apart) and by rule: one lookup per finding. */
class DirectiveIndex {
  private readonly file: Coverage = { byRule: new Map() };
  private readonly lines = new Map<number, Coverage>();

  constructor(effective: readonly EvaluatedDirective[]) {
    for (const entry of effective) {
      const { directive } = entry;
      let coverage = this.file;
      if (directive.kind !== 'file') {
        const line = directive.appliesToLine ?? directive.line;
        coverage = this.lines.get(line) ?? { byRule: new Map() };
        this.lines.set(line, coverage);
      }
      if (!entry.covers) coverage.all ??= entry;
      else for (const ruleId of entry.covers) if (!coverage.byRule.has(ruleId)) coverage.byRule.set(ruleId, entry);
    }
  }

  match(line: number, ruleId: string): EvaluatedDirective | undefined {
    const lineCoverage = this.lines.get(line);
    const candidates = [lineCoverage?.all, lineCoverage?.byRule.get(ruleId), this.file.all, this.file.byRule.get(ruleId)];
    let first: EvaluatedDirective | undefined;
    for (const candidate of candidates) {
      if (candidate && (!first || candidate.directive.range.startOffset < first.directive.range.startOffset)) first = candidate;
    }
    return first;
  }
}

/** Rule ids named in a message about one directive; more are counted. */
const SUBJECT_IDS = 5;

/** `all rules`, or the ids it names as they may be shown: a comment is code, but anything can be written in it. */
function subjectOf(directive: SuppressionDirective): string {
  const { ruleIds } = directive;
  if (ruleIds.length === 0) return 'all rules';
  const shown = ruleIds.slice(0, SUBJECT_IDS).map(maskRuleId).join(', ');
  return ruleIds.length > SUBJECT_IDS ? `${shown} and ${ruleIds.length - SUBJECT_IDS} more rules` : shown;
}

function evaluateDirective(directive: SuppressionDirective, context: SuppressionContext): EvaluatedDirective {
  const problems: SuppressionProblem[] = [];
  const offsets: [number, number] = [directive.range.startOffset, directive.range.endOffset];
  const subject = subjectOf(directive);
  let effective = true;
  const reason = reasonProblem(directive.reason);
  if (reason) {
    effective = false;
    problems.push({ kind: reason, offsets, subject });
  }
  let untilDays: number | undefined;
  if (directive.until !== undefined) {
    const until = parseDate(directive.until);
    if (until === undefined) {
      effective = false;
      problems.push({ kind: 'invalid-until', offsets, subject });
    } else if (directive.until < context.today) {
      effective = false;
      problems.push({ kind: 'expired', offsets, subject });
    } else {
      const today = parseDate(context.today);
      if (today !== undefined) untilDays = Math.round((until - today) / 86_400_000);
    }
  }
  const unknown = new Set(directive.ruleIds.filter((candidate) => !context.knownRuleIds.has(candidate)));
  for (const id of unknown) problems.push({ kind: 'unknown-rule', offsets, subject, detail: maskRuleId(id) });
  const result: EvaluatedDirective = { directive, effective, problems };
  if (untilDays !== undefined) result.untilDays = untilDays;
  if (directive.ruleIds.length === 0) return result;
  const known = directive.ruleIds.filter((id) => context.knownRuleIds.has(id));
  result.effective = effective && known.length > 0;
  result.covers = new Set(known);
  return result;
}

/** Midnight UTC of a YYYY-MM-DD date in ms, or undefined when it is not a real date. */
function parseDate(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date.getTime() : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Reasons.

/** Words that stand in for a reason: a reason made only of them (and of `<…>` placeholders) is none. */
const PLACEHOLDER_WORDS = new Set([
  'reason', 'reasons', 'why', 'todo', 'tbd', 'tbc', 'tba', 'fixme', 'xxx', 'hack', 'wip', 'tmp', 'temp', 'na', 'none', 'nothing', 'null',
  'undefined', 'placeholder', 'justification', 'justify', 'explanation', 'explain', 'describe', 'description', 'comment', 'note', 'here',
  'add', 'insert', 'write', 'enter', 'your', 'the', 'a', 'an', 'some', 'later', 'ok', 'okay', 'fine', 'whatever', 'because',
  'foo', 'bar', 'baz', 'asdf', 'qwerty', 'lorem', 'ipsum', 'disable', 'disabled', 'suppress', 'suppressed', 'ignore', 'ignored',
]);

/**
 * `missing-reason` for none, `placeholder-reason` for one that says nothing: fewer than two words of two or
 * more letters besides placeholder words and `<…>`/`${…}` placeholders. A ticket (`SEC-12`, `#123`) or a
 * link is a reason on its own.
 */
export function reasonProblem(reason: string | undefined): 'missing-reason' | 'placeholder-reason' | undefined {
  const text = (reason ?? '').trim();
  if (text === '') return 'missing-reason';
  const withoutPlaceholders = text.replace(/<[^<>]*>/g, ' ').replace(/\$\{[^}]*\}/g, ' ');
  if (/\b[A-Z][A-Z0-9]+-\d+\b|(?:^|\s)#\d+\b|https?:\/\/\S+/.test(withoutPlaceholders)) return undefined;
  const words = withoutPlaceholders
    .toLowerCase()
    .split(/[^\p{L}\p{N}/'’]+/u)
    .filter((word) => /\p{L}.*\p{L}/u.test(word) && !PLACEHOLDER_WORDS.has(word) && !PLACEHOLDER_WORDS.has(word.replace(/s$/, '')));
  return words.length >= 2 ? undefined : 'placeholder-reason';
}
