// Fingerprints: a finding's identity across runs, for baselines and GitHub code scanning
// (SARIF partialFingerprints). A fingerprint is a hash of the finding's STRUCTURE and never of a value:
//
//   sha256( version, rule id, file, message id, code shape, PHI kinds ) + occurrence of that tuple
//
// The code shape is the flagged code as tokens with every literal replaced by its type: a string is
// `S`, a number `N`, a template's text `T`, a regular expression `R`, JSX text `X`, a comment `C`
// (a suppression directive keeps its keyword and the rule ids it names); identifiers are kept unless
// they look like a value (`patient_287654321` → `…`, see value-mask.ts), JSON keys unless they are not
// plain keys. A flagged literal alone (`'287-65-4321'`) is told apart by the name it is assigned to
// (`ssn: …`), a JSON value by its key path. So a fingerprint cannot be brute-forced back to a date of
// birth or an SSN (an unsalted hash of the literal, as before, could be in seconds): whatever value
// is planted, the fingerprint is the same. It stays stable when lines are added above and when
// whitespace or comments around the code change; two findings of the same shape in one file are told
// apart by their order (the occurrence).
import { createHash } from 'node:crypto';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys as visitorKeysExport } from '@typescript-eslint/visitor-keys';
import type { Node as JsonNode } from 'jsonc-parser';
import { lineEnd, REGEX_AFTER, REGEX_KEYWORDS } from './lexing';
import { isKeyShaped, MASK, maskRuleId, maskValues } from './value-mask';
// Read once: the bundle reaches a CommonJS package's export through a getter, and the walks below ask per node.
const visitorKeys = visitorKeysExport;

/** Bumped when the shape changes, so old and new fingerprints never collide by accident. */
const VERSION = 'phi-guard-fingerprint/2';
/** Tokens of shape per finding: enough to tell code apart, bounded for huge flagged ranges. */
const MAX_TOKENS = 256;
const SEPARATOR = '\u0000';

export interface FingerprintSubject {
  ruleId: string;
  messageId: string;
  /** Sorted PHI kind ids. */
  kinds: readonly string[];
  start: number;
  end: number;
  node?: TSESTree.Node | TSESTree.Token;
  jsonNode?: JsonNode;
}

/** Fingerprints for the findings of one file, in report order (the occurrence counts per shape). */
export class Fingerprints {
  private readonly occurrences = new Map<string, number>();

  constructor(
    private readonly file: string,
    private readonly text: string,
  ) {}

  next(subject: FingerprintSubject): string {
    const base = [VERSION, subject.ruleId, this.file, subject.messageId, this.shape(subject), subject.kinds.join(',')].join(SEPARATOR);
    const occurrence = (this.occurrences.get(base) ?? 0) + 1;
    this.occurrences.set(base, occurrence);
    return createHash('sha256').update(`${base}${SEPARATOR}${occurrence}`).digest('hex').slice(0, 16);
  }

  private shape(subject: FingerprintSubject): string {
    if (subject.jsonNode) return jsonShape(subject.jsonNode);
    if (subject.node) return codeNodeShape(subject.node);
    return lexicalShape(this.text, subject.start, subject.end);
  }
}

// ── code, from the syntax tree ─────────────────────────────────────────────────────────────────

type AnyNode = TSESTree.Node | TSESTree.Token;

/** Primitive properties that are structure, not values (`operator: '+'`, `kind: 'const'`). */
const STRUCTURAL_PROPERTIES = ['operator', 'kind', 'computed', 'optional', 'prefix', 'static', 'async', 'generator', 'shorthand', 'method', 'delegate'] as const;

/** The shape of a node: its subtree's tokens; a literal alone also names what holds it. */
export function codeNodeShape(node: AnyNode): string {
  const tokens: string[] = [];
  let named = false;
  const stack: AnyNode[] = [node];
  while (stack.length > 0 && tokens.length < MAX_TOKENS) {
    const current = stack.pop()!;
    const token = leafToken(current);
    if (token.named) named = true;
    tokens.push(token.text);
    const keys = visitorKeys[current.type as keyof typeof visitorKeys] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (current as unknown as Record<string, unknown>)[keys[k]];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) if (isNode(child[i])) stack.push(child[i] as AnyNode);
      } else if (isNode(child)) stack.push(child as AnyNode);
    }
  }
  if (!named) tokens.push('@', anchorOf(node));
  return tokens.join(' ');
}

function isNode(value: unknown): boolean {
  return !!value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
}

function leafToken(node: AnyNode): { text: string; named: boolean } {
  switch (node.type) {
    case 'Identifier':
    case 'JSXIdentifier':
    case 'PrivateIdentifier':
      return { text: maskName('name' in node ? node.name : node.value), named: true };
    case 'Literal':
      return { text: literalToken(node.value, 'regex' in node && !!node.regex), named: false };
    case 'TemplateElement':
      return { text: 'T', named: false };
    case 'JSXText':
      return { text: 'X', named: false };
    // tokens (a rule may report one)
    case 'String':
      return { text: 'S', named: false };
    case 'Numeric':
      return { text: 'N', named: false };
    case 'Template':
      return { text: 'T', named: false };
    case 'RegularExpression':
      return { text: 'R', named: false };
    case 'Boolean':
    case 'Null':
    case 'Keyword':
    case 'Punctuator':
      return { text: String(node.value), named: false };
    case 'Block':
    case 'Line':
      return { text: 'C', named: false };
    default: {
      let text: string = node.type;
      const record = node as unknown as Record<string, unknown>;
      for (const property of STRUCTURAL_PROPERTIES) {
        const value = record[property];
        if (typeof value === 'string' && value.length <= 12 && !/[\p{L}\p{N}]{13,}/u.test(value)) text += `:${value}`;
        else if (value === true) text += `:${property}`;
      }
      return { text, named: false };
    }
  }
}

function literalToken(value: unknown, isRegex: boolean): string {
  if (isRegex) return 'R';
  if (typeof value === 'string') return 'S';
  if (typeof value === 'number') return 'N';
  if (typeof value === 'bigint') return 'B';
  if (typeof value === 'boolean') return String(value);
  return 'null';
}

function maskName(name: string): string {
  return maskValues(name) === name ? name : MASK;
}

/** What holds a flagged literal: the key, variable, assignment target, attribute, callee or element. */
function anchorOf(node: AnyNode): string {
  let current: AnyNode | undefined = node;
  for (let depth = 0; depth < 4 && current; depth++) {
    const parent: TSESTree.Node | undefined = (current as { parent?: TSESTree.Node }).parent;
    if (!parent) break;
    switch (parent.type) {
      case 'Property':
      case 'PropertyDefinition':
      case 'MethodDefinition':
      case 'TSPropertySignature':
        return `key:${keyText(parent.key)}`;
      case 'VariableDeclarator':
        return `var:${parent.id.type === 'Identifier' ? maskName(parent.id.name) : parent.id.type}`;
      case 'AssignmentExpression':
        return `assign:${shortShape(parent.left)}`;
      case 'JSXAttribute':
        return `attr:${parent.name.type === 'JSXIdentifier' ? maskName(parent.name.name) : MASK}`;
      case 'CallExpression':
      case 'NewExpression':
        return `call:${shortShape(parent.callee)}`;
      case 'JSXElement':
        return `element:${shortShape(parent.openingElement.name)}`;
    }
    current = parent;
  }
  return '';
}

function keyText(key: TSESTree.Node): string {
  if (key.type === 'Identifier') return maskName(key.name);
  if (key.type === 'Literal') return typeof key.value === 'string' && isKeyShaped(key.value) ? key.value : MASK;
  return key.type;
}

/** A callee or target's names only (`axios.get`, `localStorage.x`), bounded. */
function shortShape(node: TSESTree.Node): string {
  const names: string[] = [];
  const stack: TSESTree.Node[] = [node];
  while (stack.length > 0 && names.length < 8) {
    const current = stack.pop()!;
    if (current.type === 'Identifier' || current.type === 'JSXIdentifier' || current.type === 'PrivateIdentifier') names.push(maskName(current.name));
    else if (current.type === 'MemberExpression') {
      stack.push(current.property, current.object);
    } else if (current.type === 'JSXMemberExpression') {
      stack.push(current.property, current.object);
    } else if (current.type === 'ThisExpression') names.push('this');
    else if (current.type === 'Literal') names.push(literalToken(current.value, false));
    else names.push(current.type);
  }
  return names.join('.');
}

// ── JSON ──────────────────────────────────────────────────────────────────────────────────────

/** A JSON node's shape: its key path (plain keys only) and its subtree with values as types. */
export function jsonShape(node: JsonNode): string {
  const path: string[] = [];
  for (let current = node.parent; current && path.length < 16; current = current.parent) {
    if (current.type === 'property') {
      const key = current.children?.[0];
      path.push(key && typeof key.value === 'string' && isKeyShaped(key.value) ? key.value : MASK);
    } else if (current.type === 'array') path.push('[]');
  }
  const tokens: string[] = [];
  const stack: JsonNode[] = [node];
  while (stack.length > 0 && tokens.length < MAX_TOKENS) {
    const current = stack.pop()!;
    switch (current.type) {
      case 'string':
        tokens.push('S');
        break;
      case 'number':
        tokens.push('N');
        break;
      case 'boolean':
      case 'null':
        tokens.push(String(current.value));
        break;
      case 'property': {
        const [key, value] = current.children ?? [];
        tokens.push(`${key && typeof key.value === 'string' && isKeyShaped(key.value) ? key.value : MASK}:`);
        if (value) stack.push(value);
        break;
      }
      default: {
        tokens.push(current.type);
        const children = current.children ?? [];
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
      }
    }
  }
  return `${path.reverse().join('/')} ${tokens.join(' ')}`;
}

// ── code, from the text (reports by offsets: suppression comments, cross-file arguments) ─────────


/** The shape of a range of code by a small lexer: literals by type, comments as `C` or the directive they hold. */
export function lexicalShape(text: string, start: number, end: number): string {
  const tokens: string[] = [];
  let previous = '';
  let previousWord = '';
  let i = start;
  const limit = Math.min(end, text.length);
  while (i < limit && tokens.length < MAX_TOKENS) {
    const char = text[i];
    const code = text.charCodeAt(i);
    if (code <= 0x20 || code === 0xa0 || code === 0xfeff || code === 0x2028 || code === 0x2029) {
      i++;
    } else if (char === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const close = text[i + 1] === '/' ? lineEnd(text, i, limit) : Math.min(limit, indexOrEnd(text, '*/', i + 2) + 2);
      tokens.push(commentShape(text.slice(i + 2, close)));
      i = close;
    } else if (char === '"' || char === "'") {
      i = skipQuoted(text, i, limit);
      tokens.push('S');
      previous = 'a';
    } else if (char === '`') {
      i = skipTemplate(text, i, limit);
      tokens.push('T');
      previous = 'a';
    } else if (char === '/' && (previous === '' || REGEX_AFTER.has(previous) || (previous === 'a' && REGEX_KEYWORDS.has(previousWord)))) {
      i = skipRegex(text, i, limit);
      tokens.push('R');
      previous = 'a';
    } else if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < limit && /[\w.]/.test(text[j])) j++;
      tokens.push('N');
      previous = 'a';
      previousWord = '';
      i = j;
    } else if (/[\p{L}_$]/u.test(char) || code > 0x7f) {
      let j = i + 1;
      while (j < limit && (/[\p{L}\p{N}_$]/u.test(text[j]) || text.charCodeAt(j) > 0x7f)) j++;
      previousWord = text.slice(i, j);
      tokens.push(maskName(previousWord));
      previous = 'a';
      i = j;
    } else {
      tokens.push(char);
      previous = char;
      i++;
    }
  }
  return tokens.join(' ');
}

/** `C`, or for a suppression directive its keyword and the rule ids it names (masked unless shaped like one). */
function commentShape(body: string): string {
  const text = body.replace(/\*\/$/, '').replace(/(^|[\r\n])[ \t]*\*+/g, '$1').replace(/\s+/g, ' ').trim();
  const match = /^phi-guard-(disable-next-line|disable-line|disable)(?![\w-])(.*)$/.exec(text);
  if (!match) return 'C';
  const separator = match[2].indexOf('--');
  const head = separator === -1 ? match[2] : match[2].slice(0, separator);
  const words = head.split(/[\s,]+/).filter((word) => word !== '');
  const untilAt = words.indexOf('until');
  const ids = words.filter((_, index) => untilAt === -1 || (index !== untilAt && index !== untilAt + 1)).map(maskRuleId);
  return `C:${match[1]}(${ids.join(',')})`;
}

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at === -1 ? text.length : at;
}

function skipQuoted(text: string, start: number, limit: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < limit) {
    const char = text[i];
    if (char === '\\') i += 2;
    else if (char === quote) return i + 1;
    else if (char === '\n' || char === '\r') return i;
    else i++;
  }
  return limit;
}

/** Past the closing backtick, over nested `${ … }` (their braces counted, their strings skipped). */
function skipTemplate(text: string, start: number, limit: number): number {
  let i = start + 1;
  let depth = 0;
  while (i < limit) {
    const char = text[i];
    if (char === '\\') i += 2;
    else if (depth === 0 && char === '`') return i + 1;
    else if (char === '$' && text[i + 1] === '{') {
      depth++;
      i += 2;
    } else if (depth > 0 && char === '}') {
      depth--;
      i++;
    } else if (depth > 0 && char === '{') {
      depth++;
      i++;
    } else if (depth > 0 && (char === '"' || char === "'")) i = skipQuoted(text, i, limit);
    else if (depth > 0 && char === '`') i = skipTemplate(text, i, limit);
    else i++;
  }
  return limit;
}

function skipRegex(text: string, start: number, limit: number): number {
  let inClass = false;
  let i = start + 1;
  while (i < limit) {
    const char = text[i];
    if (char === '\\') i += 2;
    else if (char === '\n' || char === '\r') return i;
    else if (char === '/' && !inClass) {
      i++;
      while (i < limit && /[a-z]/i.test(text[i])) i++;
      return i;
    } else {
      if (char === '[') inClass = true;
      else if (char === ']') inClass = false;
      i++;
    }
  }
  return limit;
}
