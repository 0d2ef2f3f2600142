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

/**
 * Why the start of a file over the size limit shows a third-party library's distribution bundle, or undefined.
 * Libraries ship as one big file (`pdfkit.js`, `swagger-ui.js`) copied into an assets or lib folder: it opens
 * with a UMD, browserify or webpack wrapper, or with the library's release banner (`/*! name v1.2.3` or a
 * comment naming its `@version` and `@license`). Only oversized files are judged by this looser test: an application's
 * own modules under a licence header are within the limit and analysed. (A banner naming a release — `Name v1.2` with
 * a copyright and a licence — makes a file of any size vendored: roles.ts.)
 */
export function thirdPartyBundle(head: string): string | undefined {
  const start = head.slice(0, 2000);
  if (/typeof exports\s*===?\s*["']object["']\s*&&\s*typeof module\s*!==?\s*["']undefined["']|\bdefine\.amd\b/.test(start)) return 'a third-party bundle (UMD wrapper)';
  if (/^\s*(?:\/\*[\s\S]*?\*\/\s*)?(?:!\s*)?\(?function\s*e\s*\(\s*t\s*,\s*n\s*,\s*r\s*\)/.test(start)) return 'a third-party bundle (browserify prelude)';
  if (/^\s*\/\*{6}\/\s/m.test(start)) return 'a third-party bundle (webpack bootstrap)';
  const banner = /^\s*\/\*[\s\S]*?\*\//.exec(start)?.[0];
  if (banner && (/^\s*\/\*!\s*[\w@./-]+\s+v?\d+\.\d+/.test(banner) || (/@version\b|\bv\d+\.\d+\.\d+/.test(banner) && /@license\b|\blicen[cs]ed?\b|\(c\)|copyright/i.test(banner)))) {
    return 'a third-party bundle (release banner)';
  }
  return undefined;
}

/**
 * Why the start of a file over the size limit shows a bundler's build output rather than source: a webpack JSONP
 * chunk (`(window["webpackJsonp"]=window["webpackJsonp"]||[]).push(…)`, `(self.webpackChunkapp=…||[]).push(…)`) is
 * what a build made of modules the workspace or a package holds, not code anyone edits here.
 */
export function buildChunk(head: string): string | undefined {
  const start = head.slice(0, 500);
  return /^\s*(?:\/\*[\s\S]*?\*\/\s*)?\(\s*(?:window|self|this|globalThis)\s*(?:\[\s*["']webpack\w*["']\s*\]|\.webpack\w*)\s*=/.test(start) ? 'a build chunk (webpack JSONP chunk)' : undefined;
}

/** A data module's opening: a default export, a CommonJS export or an exported constant of an array or object literal. */
const DATA_MODULE_START = /^\s*(?:(?:\/\*[\s\S]*?\*\/|\/\/[^\n]*)\s*)*(?:export\s+default\s*|module\.exports\s*=\s*|exports\.[\w$]+\s*=\s*|export\s+(?:const|let|var)\s+[\w$]+\s*(?::[^=\n]{1,200})?=\s*)(?=[[{])/;
/** String literals (the last one may be cut off by the end of the head); a template literal only without `${`. */
const STRING_LITERALS = /"(?:[^"\\\n]|\\.)*(?:"|$)|'(?:[^'\\\n]|\\.)*(?:'|$)|`(?:[^`\\$]|\\.|\$(?!\{))*(?:`|$)/g;
/** What is left of pure data once its strings are gone: brackets, braces, colons, commas, keys, numbers, true/false/null. */
const DATA_ONLY = /^[\s[\]{}:,."\w+-]*;?\s*$/;

/**
 * Why the start of a file over the size limit shows a data module (a bundled code-system table, a word list), or
 * undefined. A module that exports one array or object literal and whose first bytes hold nothing but literal data —
 * no call, no function, no operator, no `${}` — runs no code: no flow in it reaches a sink, so skipping it hides none.
 */
export function dataModule(head: string): string | undefined {
  const start = DATA_MODULE_START.exec(head);
  if (!start) return undefined;
  const rest = head.slice(start[0].length).replace(STRING_LITERALS, '""');
  return DATA_ONLY.test(rest) ? 'a data module: one exported literal of data, no code' : undefined;
}

/** A statement that declares a type only: an interface, a type alias, a type-only import or export, an ambient declaration. */
const TYPE_STATEMENT = /^(?:export\s+)?(?:declare\s+)?(?:interface\s|type\s+[\w$]+|import\s+type\s|export\s+type\s*\{)/;
/** A namespace or module block opening; its body is judged like the file's (type statements only). */
const NAMESPACE_OPEN = /^(?:export\s+)?(?:declare\s+)?(?:namespace|module)\s+[\w$.]+\s*\{/;

/**
 * Why the start of a file over the size limit shows a module of type declarations only (generated FHIR or API types),
 * or undefined. Interfaces and type aliases are erased at compile time: a module whose first bytes hold nothing
 * but them (in namespaces or not) runs no code, so no flow in it reaches a sink and skipping it hides none.
 */
export function typeDeclarationModule(head: string): string | undefined {
  const text = head.replace(/\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\n]*/g, ' ').replace(STRING_LITERALS, '""');
  let at = 0;
  let namespaces = 0;
  let declarations = 0;
  for (;;) {
    while (at < text.length && /[\s;]/.test(text[at])) at++;
    if (at >= text.length) return declarations > 0 ? 'a type-declaration module: interfaces and type aliases only, no code' : undefined;
    const rest = text.slice(at, at + 300);
    if (text[at] === '}' && namespaces > 0) {
      namespaces--;
      at++;
      continue;
    }
    const namespace = NAMESPACE_OPEN.exec(rest);
    if (namespace) {
      namespaces++;
      at += namespace[0].length;
      continue;
    }
    if (!TYPE_STATEMENT.test(rest)) return undefined;
    declarations++;
    // To the statement's end: the closing brace of an interface body, or `;` / a new line at bracket depth 0.
    const isInterface = /^(?:export\s+)?(?:declare\s+)?interface\s/.test(rest);
    let depth = 0;
    let opened = false;
    for (; at < text.length; at++) {
      const char = text[at];
      if (char === '{' || char === '(' || char === '[') {
        depth++;
        opened = true;
      } else if (char === '}' || char === ')' || char === ']') {
        if (depth === 0) break; // a namespace's closing brace
        depth--;
        if (depth === 0 && isInterface && opened && char === '}') {
          at++;
          break;
        }
      } else if (depth === 0 && !isInterface && char === ';') {
        at++;
        break;
      } else if (depth === 0 && !isInterface && char === '\n' && !/^\s*(?:[|&?:=<>.,]|extends\b|keyof\b|typeof\b|infer\b|$)/.test(text.slice(at + 1, at + 200))) {
        break; // a type alias without `;`: the next line starts a new statement
      }
    }
  }
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

/** Names of code-generation templates: `.migrationTemplate.ts`, `component.template.ts`, `model.tmpl.js`, `templates/x.ts`. */
const TEMPLATE_FILE_NAME = /template|tmpl|tpl|skeleton|scaffold|boilerplate/i;
const TEMPLATE_FOLDER = /^(_?templates?|blueprints?|schematics|scaffolds?|generators?)$/i;
/** Placeholder tokens a generator replaces: `{MIGRATION_NAME}`, `{{name}}`, `<%= name %>`, `__NAME__`, `$NAME$`, `%NAME%`. */
const CODE_PLACEHOLDER = /\{\s*[A-Z][A-Z0-9_]*\s*\}|\{\{|<%|\b__[A-Za-z][A-Za-z0-9]*(?:@\w+)?__\b|\$[A-Z][A-Z0-9_]*\$|%[A-Z][A-Z0-9_]*%/;

/**
 * Why a code file that failed to parse is a code-generation template, or undefined when it is broken code.
 * A file named or placed as a template (`.migrationTemplate.ts`, `templates/`) whose syntax error is on a
 * line holding a placeholder token (`export class {NAME}{TIMESTAMP} …`) is filled in by a generator before it
 * is code: a plain skip, listed with its reason. Real source with a syntax error stays an `unanalysed-file` finding.
 */
export function codeTemplateByDesign(relPath: string, text: string, errorOffset: number): string | undefined {
  const segments = relPath.split('/');
  const fileName = segments[segments.length - 1];
  const namedTemplate = TEMPLATE_FILE_NAME.test(fileName) || segments.slice(0, -1).some((folder) => TEMPLATE_FOLDER.test(folder));
  if (!namedTemplate) return undefined;
  const lineStart = text.lastIndexOf('\n', Math.max(0, errorOffset - 1)) + 1;
  const lineEnd = text.indexOf('\n', errorOffset);
  const line = text.slice(lineStart, lineEnd === -1 ? Math.min(text.length, lineStart + 2000) : Math.min(lineEnd, lineStart + 2000));
  return CODE_PLACEHOLDER.test(line) ? 'a code-generation template: placeholder tokens a generator fills in' : undefined;
}
