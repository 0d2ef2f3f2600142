// Single-file components (`.vue`, `.svelte`): the code the engine analyses is their `<script>` blocks.
// `componentScripts` keeps those blocks' text where it stands and blanks out everything else (template,
// style, custom blocks, the `<script …>` tags themselves) character for character: newlines stay, every
// other UTF-16 unit becomes a space. So an offset, line and column in the result is the same in the
// component file, and findings, related locations and quick fixes need no mapping.
//
// A small scanner, not a compiler: top-level blocks are found the way Vue's and Svelte's own parsers find
// them (a block's raw text ends at its closing tag); a `</script>` inside a string, template literal or
// comment of the script does not end the block when a closing tag follows it. Template expressions are
// not analysed (their words still count as names the component uses, for reachability). A block with
// `src="…"` has nothing inline; a block in another language (`lang="coffee"`) is not read. A block whose
// closing tag is missing is a problem: the file is reported as not analysed, with where the block opened.
//
// The result of a component is itself "script-shaped" (it neither opens with markup nor has a block tag at
// a line start), so applying it again changes nothing: every entry point (analysis, the workspace index, a
// parse) may call it.

import { computeLineStarts, positionAt } from '../core/text-range';
import { isLineTerminator, lineEnd, REGEX_KEYWORDS } from './lexing';

/** `.vue` and `.svelte` files. */
export const COMPONENT_FILE = /\.(?:vue|svelte)$/i;

export function isComponentPath(fileName: string): boolean {
  return COMPONENT_FILE.test(fileName);
}

export interface ScriptBlock {
  /** Offset of the first character of the block's content (just after the opening tag's `>`). */
  start: number;
  /** Offset just after the content (where `</script>` starts). */
  end: number;
  /** The `lang` attribute, lower-case; '' when absent. */
  lang: string;
  setup: boolean;
  /** Content analysed: false for `src="…"` blocks and languages other than JavaScript/TypeScript. */
  analysed: boolean;
}

export interface ComponentProblem {
  message: string;
  /** Offset in the file, its line (1-based) and column (0-based), as a parser error gives them. */
  index: number;
  lineNumber: number;
  column: number;
}

export interface ComponentScripts {
  /** The file's text with everything but the analysed script content blanked. */
  code: string;
  /** The file's text with the script blocks (tags included) blanked instead: its template, styles, custom blocks. */
  markup: string;
  blocks: ScriptBlock[];
  problem?: ComponentProblem;
}

const ANALYSED_LANGS = new Set(['', 'js', 'javascript', 'ts', 'typescript', 'jsx', 'tsx', 'mjs', 'cjs', 'mts', 'cts']);
/** `type` attributes of scripts that are code (not `application/ld+json`, not a template). */
const SCRIPT_TYPES = /^(?:module|(?:text|application)\/(?:java|type|ecma)script|text\/babel|ts|tsx|jsx)$/;
/** Raw-text elements: their content is not markup (a `<script` inside a style is text). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

/**
 * The code to analyse of a file: for a component's text (see `isComponentText`), its script blocks with the rest
 * blanked; any other text (a component's code already extracted) as it is.
 */
export function componentCode(fileName: string, text: string): string {
  if (!isComponentPath(fileName) || !isComponentText(text)) return text;
  return componentScripts(text).code;
}

/** Why a component's scripts could not be found whole, or undefined (also for text that is not a component's). */
export function componentProblem(fileName: string, text: string): ComponentProblem | undefined {
  if (!isComponentPath(fileName) || !isComponentText(text)) return undefined;
  return componentScripts(text).problem;
}

/** A component's template, styles and custom blocks (its scripts blanked), or undefined for other files. */
export function componentMarkup(fileName: string, text: string): string | undefined {
  if (!isComponentPath(fileName) || !isComponentText(text)) return undefined;
  return componentScripts(text).markup;
}

/** A block tag at the start of a line: how Vue's blocks (and Svelte's scripts and styles) stand in a component. */
const BLOCK_AT_LINE_START = /^<(?:template|script|style)[\s>/]/m;

/**
 * Whether a text is a component as written rather than the code extracted from one: it opens with markup (`<`,
 * or a Svelte `{#if}` block), or has a block tag at the start of a line after a leading comment or text (Vue
 * ignores what stands between blocks: `// Generated file` above `<template>`). Extracted code opens with the
 * script's own first token, and its lines start with script code; a code text just produced is also remembered.
 */
function isComponentText(text: string): boolean {
  if (produced.has(text)) return false;
  return opensWithMarkup(text) || BLOCK_AT_LINE_START.test(text);
}

function opensWithMarkup(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // space, tab, CR, LF, form feed, vertical tab, NBSP, BOM, line/paragraph separators
    if (code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0xfeff || code === 0x2028 || code === 0x2029) continue;
    return code === 60 /* < */ || code === 123 /* { */;
  }
  return false;
}

/** The code texts produced last (bounded): handing one back is a no-op whatever it looks like. */
const produced = new Set<string>();
const PRODUCED_SIZE = 32;

function remember(code: string): void {
  produced.delete(code);
  produced.add(code);
  if (produced.size > PRODUCED_SIZE) produced.delete(produced.values().next().value as string);
}

// One analysis is asked for by several entry points (analysis, the index, the role, the parse): the last few are kept.
const cache: Array<{ text: string; result: ComponentScripts }> = [];
const CACHE_SIZE = 8;

/** The script blocks of a component's text (Vue and Svelte alike). Never throws. */
export function componentScripts(text: string): ComponentScripts {
  for (const entry of cache) if (entry.text === text) return entry.result;
  const result = scan(text);
  if (result.code !== text) remember(result.code);
  cache.unshift({ text, result });
  if (cache.length > CACHE_SIZE) cache.pop();
  return result;
}

function scan(text: string): ComponentScripts {
  const blocks: ScriptBlock[] = [];
  let problem: ComponentProblem | undefined;
  const fail = (message: string, index: number) => {
    problem ??= { message, index, ...lineAndColumn(text, index) };
  };
  const tagRanges: Array<[number, number]> = [];
  let pos = 0;
  while (pos < text.length && !problem) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      pos = close < 0 ? text.length : close + 3;
      continue;
    }
    if (text.charCodeAt(lt + 1) === 47 /* / */) {
      // A closing tag of markup (Svelte's top level is markup): step over it.
      const gt = text.indexOf('>', lt);
      pos = gt < 0 ? text.length : gt + 1;
      continue;
    }
    const name = /^<([A-Za-z][\w:.-]*)/.exec(text.slice(lt, lt + 64))?.[1];
    if (!name) {
      pos = lt + 1;
      continue;
    }
    const lower = name.toLowerCase();
    const tag = openingTag(text, lt, name.length + 1);
    if (!tag) {
      if (lower === 'script') {
        fail('component file: the opening <script> tag is not closed with `>`', lt);
        break;
      }
      pos = lt + 1;
      continue;
    }
    if (tag.selfClosing) {
      pos = tag.end;
      continue;
    }
    if (lower === 'script') {
      const end = scriptEnd(text, tag.end);
      if (end < 0) {
        fail('component file: the <script> block opened here has no closing </script> tag', lt);
        break;
      }
      const lang = (tag.attributes.get('lang') ?? '').toLowerCase();
      const type = (tag.attributes.get('type') ?? '').toLowerCase();
      const analysed = !tag.attributes.has('src') && ANALYSED_LANGS.has(lang) && (type === '' || SCRIPT_TYPES.test(type));
      blocks.push({ start: tag.end, end, lang, setup: tag.attributes.has('setup'), analysed });
      const closeEnd = text.indexOf('>', end);
      tagRanges.push([lt, tag.end], [end, closeEnd < 0 ? text.length : closeEnd + 1]);
      pos = closeEnd < 0 ? text.length : closeEnd + 1;
      continue;
    }
    if (lower === 'svelte:head') {
      // What a Svelte component puts in the document's head (`<script src>` of a third party) is not its code.
      const close = closingTag(text, tag.end, lower, false);
      pos = close < 0 ? tag.end : close;
      continue;
    }
    if (RAW_TEXT.has(lower) || isTopLevelBlock(text, lt)) {
      // Vue's blocks (template, style, custom blocks), a Svelte file's top-level elements and raw-text elements:
      // skipped to their closing tag. An element whose closing tag cannot be found is stepped into instead
      // (HTML leaves some open), except a template or style, whose end decides where the next block starts.
      const close = closingTag(text, tag.end, lower, RAW_TEXT.has(lower));
      if (close < 0) {
        if (lower === 'template' || lower === 'style') fail(`component file: the <${lower}> block opened here has no closing </${lower}> tag`, lt);
        pos = tag.end;
        continue;
      }
      pos = close;
      continue;
    }
    pos = tag.end;
  }
  const code = blankExcept(text, blocks.filter((block) => block.analysed).map((block) => [block.start, block.end] as [number, number]));
  const markup = blankRanges(text, [...blocks.map((block) => [block.start, block.end] as [number, number]), ...tagRanges]);
  return problem ? { code, markup, blocks, problem } : { code, markup, blocks };
}

/**
 * Whether a tag stands where a top-level block does: at the start of a line (Vue's blocks are at the top level
 * of the file, unindented; a Svelte file's elements nested in others are indented).
 */
function isTopLevelBlock(text: string, lt: number): boolean {
  return lt === 0 || text.charCodeAt(lt - 1) === 10 || text.charCodeAt(lt - 1) === 13 || text.charCodeAt(lt - 1) === 0xfeff;
}

interface OpeningTag {
  /** Offset just after `>`. */
  end: number;
  selfClosing: boolean;
  attributes: Map<string, string>;
}

/** The opening tag at `lt` (its name `nameLength` long, `<` included), with its attributes; undefined when it has no `>`. */
function openingTag(text: string, lt: number, nameLength: number): OpeningTag | undefined {
  const attributes = new Map<string, string>();
  let i = lt + nameLength;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '>') return { end: i + 1, selfClosing: text[i - 1] === '/', attributes };
    if (/\s|\//.test(ch)) {
      i++;
      continue;
    }
    const name = /^[^\s=>/"']+/.exec(text.slice(i, i + 256))?.[0];
    if (!name) {
      // A stray quote: step over it.
      i++;
      continue;
    }
    i += name.length;
    let j = i;
    while (j < text.length && /\s/.test(text[j])) j++;
    let value = '';
    if (text[j] === '=') {
      j++;
      while (j < text.length && /\s/.test(text[j])) j++;
      const quote = text[j];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, j + 1);
        if (close < 0) return undefined;
        value = text.slice(j + 1, close);
        j = close + 1;
      } else {
        const unquoted = /^[^\s>]*/.exec(text.slice(j, j + 256))?.[0] ?? '';
        value = unquoted;
        j += unquoted.length;
      }
      i = j;
    }
    attributes.set(name.toLowerCase(), value);
  }
  return undefined;
}

const CLOSE_SCRIPT = /<\/script\s*>/gi;

/**
 * Where a script block's content ends (the offset of its `</script>`), or -1. The first closing tag outside
 * the script's strings, template literals and comments; when the script cannot be followed that way (a
 * regular expression read as a division…), the first closing tag at all, as an HTML parser takes it.
 */
function scriptEnd(text: string, start: number): number {
  const lexical = lexicalScriptEnd(text, start);
  if (lexical >= 0) return lexical;
  CLOSE_SCRIPT.lastIndex = start;
  const first = CLOSE_SCRIPT.exec(text);
  return first ? first.index : -1;
}

function lexicalScriptEnd(text: string, start: number): number {
  // Template literal nesting: each entry is the brace depth at which a `${` opened.
  const templates: number[] = [];
  let braces = 0;
  let previous = ''; // the last significant character outside strings and comments
  let i = start;
  const n = text.length;
  const inTemplate = () => templates.length > 0 && templates[templates.length - 1] === braces;
  while (i < n) {
    const ch = text[i];
    if (ch === '<' && text.startsWith('</', i) && /^<\/script\s*>/i.test(text.slice(i, i + 20)) && templates.length === 0) return i;
    if (ch === '/' && text[i + 1] === '/') {
      const eol = lineEnd(text, i);
      // A `</script>` in a line comment ends the block in HTML and in the frameworks: so here too.
      const close = text.slice(i, eol).search(/<\/script\s*>/i);
      if (close >= 0) return i + close;
      i = eol;
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return -1;
      i = close + 2;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const end = stringEnd(text, i, ch);
      if (end < 0) return -1;
      i = end;
      previous = ch;
      continue;
    }
    if (ch === '`' || (ch === '}' && inTemplate())) {
      if (ch === '}') templates.pop();
      // Inside a template literal's text: up to its end or the next `${`.
      let j = i + 1;
      for (; j < n; j++) {
        const c = text[j];
        if (c === '\\') j++;
        else if (c === '`') break;
        else if (c === '$' && text[j + 1] === '{') break;
      }
      if (j >= n) return -1;
      if (text[j] === '`') {
        i = j + 1;
        previous = '`';
      } else {
        templates.push(braces);
        i = j + 2;
        previous = '{';
      }
      continue;
    }
    if (ch === '/' && regexMayStart(previous)) {
      const end = regexEnd(text, i);
      if (end < 0) return -1;
      i = end;
      previous = '/';
      continue;
    }
    if (/[\w$]/.test(ch)) {
      let j = i + 1;
      while (j < n && /[\w$]/.test(text[j])) j++;
      previous = text.slice(i, j);
      i = j;
      continue;
    }
    if (ch === '{') braces++;
    else if (ch === '}') braces--;
    if (!/\s/.test(ch)) previous = ch;
    i++;
  }
  return -1;
}

/** After these a `/` starts a regular expression literal; after a value (a name, `)`, `]`) it divides. */
function regexMayStart(previous: string): boolean {
  if (previous === '') return true;
  if (/^[\w$]+$/.test(previous)) return REGEX_KEYWORDS.has(previous);
  return !/[)\]}'"`]/.test(previous);
}

function stringEnd(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === quote) return i + 1;
    else if (c === '\n' || c === '\r') return -1;
  }
  return -1;
}

function regexEnd(text: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '\n' || c === '\r') return -1;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      let j = i + 1;
      while (j < text.length && /[a-z]/i.test(text[j])) j++;
      return j;
    }
  }
  return -1;
}

/**
 * The offset just after the closing tag of an element named `name` whose content starts at `from`; -1 when
 * there is none. Raw-text elements end at the first closing tag; others count nested elements of the same
 * name (`<template v-if>` inside a Vue template), comments stepped over.
 */
function closingTag(text: string, from: number, name: string, raw: boolean): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (raw) {
    const close = new RegExp(`</${escaped}\\s*>`, 'ig');
    close.lastIndex = from;
    const match = close.exec(text);
    return match ? match.index + match[0].length : -1;
  }
  const pattern = new RegExp(`<!--|<(/?)${escaped}(?=[\\s/>])`, 'ig');
  pattern.lastIndex = from;
  let depth = 1;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] === '<!--') {
      const end = text.indexOf('-->', pattern.lastIndex);
      if (end < 0) return -1;
      pattern.lastIndex = end + 3;
      continue;
    }
    const gt = text.indexOf('>', pattern.lastIndex);
    if (gt < 0) return -1;
    if (match[1]) {
      if (--depth === 0) return gt + 1;
    } else if (text[gt - 1] !== '/') depth++;
    pattern.lastIndex = gt + 1;
  }
  return -1;
}

/** The text with every character outside `keep` (sorted, disjoint ranges) replaced by a space; line breaks stay. */
function blankExcept(text: string, keep: Array<[number, number]>): string {
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of keep) {
    parts.push(blank(text, at, start), text.slice(start, end));
    at = end;
  }
  parts.push(blank(text, at, text.length));
  return parts.join('');
}

/** The text with every character inside `ranges` replaced by a space; line breaks stay. */
function blankRanges(text: string, ranges: Array<[number, number]>): string {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    if (start < at) continue;
    parts.push(text.slice(at, start), blank(text, start, end));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function blank(text: string, start: number, end: number): string {
  let out = '';
  let run = start;
  for (let i = start; i < end; i++) {
    if (isLineTerminator(text.charCodeAt(i))) {
      out += ' '.repeat(i - run) + text[i];
      run = i + 1;
    }
  }
  return out + ' '.repeat(Math.max(0, end - run));
}

/** 1-based line and 0-based column of an offset, as a parser error gives them. */
function lineAndColumn(text: string, index: number): { lineNumber: number; column: number } {
  const { line, column } = positionAt(computeLineStarts(text), index);
  return { lineNumber: line, column: column - 1 };
}
