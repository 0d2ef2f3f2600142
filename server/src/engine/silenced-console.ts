// Console methods an app replaces with functions that do nothing before its code runs: `window.console.log =
// function () {};` in an inline <script> of the app's shipped page, `if (environment.production) { console.warn = noop; }`
// at the top of its entry module. A `console.log(…)` in that app writes nothing, so the logging rules leave it out
// (the rubric's "Log levels": a call the shipped application visibly drops is no exposure).
//
// Read per app folder (the nearest folder holding package.json or angular.json): the entry page (angular.json's
// `index`, else index.html at the app root, src/ or public/) and the entry module (angular.json's `main`, else
// src/main.ts, src/index.ts(x)/js(x), main.js, index.js). Only statements that surely run in production count: a
// script's or module's top-level statements and those inside `if (environment.production)` /
// `if (process.env.NODE_ENV === 'production')` blocks; assignments inside other conditions, functions or dev-only
// branches do not. The replacement must do nothing: an empty function or arrow, or the name of a top-level one.
// A page silences the browser code it loads (the app's src/, or the folder of angular.json's `main`), not a server
// that shares the package; an entry module silences the code of its own folder (the whole app at the app root).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { readSmallTextFile } from './read';

const MAX_BYTES = 512 * 1024;
const NONE: readonly string[] = Object.freeze([]);
const APP_MARKERS = ['package.json', 'angular.json'];
const ENTRY_PAGES = ['index.html', 'src/index.html', 'public/index.html'];
const ENTRY_MODULES = ['src/main.ts', 'src/main.js', 'src/index.ts', 'src/index.tsx', 'src/index.js', 'src/index.jsx', 'main.js', 'index.js'];
/** Methods a console has that a page may silence. */
const CONSOLE_METHODS = new Set(['log', 'debug', 'info', 'warn', 'error', 'trace', 'dir', 'table', 'group', 'groupCollapsed', 'time', 'timeLog', 'assert']);

function isEmptyFunction(node: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isFunctionExpression(node)) return node.body.statements.length === 0;
  if (ts.isArrowFunction(node)) return ts.isBlock(node.body) && node.body.statements.length === 0;
  return false;
}

/** `console`, `window.console`, `globalThis.console`, `self.console`. */
function isConsole(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return node.text === 'console';
  return ts.isPropertyAccessExpression(node) && node.name.text === 'console' && ts.isIdentifier(node.expression) && ['window', 'globalThis', 'self'].includes(node.expression.text);
}

/** `console.log`, `window.console['warn']`: the method name. */
function consoleMethod(node: ts.Expression): string | undefined {
  let name: string | undefined;
  let object: ts.Expression;
  if (ts.isPropertyAccessExpression(node)) {
    name = node.name.text;
    object = node.expression;
  } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
    name = node.argumentExpression.text;
    object = node.expression;
  } else return undefined;
  return name && CONSOLE_METHODS.has(name) && isConsole(object) ? name : undefined;
}

/** `environment.production`, `process.env.NODE_ENV === 'production'` (either side, `==` too). */
function isProductionCondition(node: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isPropertyAccessExpression(node)) return node.name.text === 'production' && ts.isIdentifier(node.expression) && /^env(?:ironment)?$/i.test(node.expression.text);
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken || node.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken)) {
    const isNodeEnv = (side: ts.Expression) => ts.isPropertyAccessExpression(side) && side.name.text === 'NODE_ENV' && side.expression.getText() === 'process.env';
    const isProduction = (side: ts.Expression) => ts.isStringLiteralLike(side) && side.text === 'production';
    return (isNodeEnv(node.left) && isProduction(node.right)) || (isNodeEnv(node.right) && isProduction(node.left));
  }
  return false;
}

/** Names of top-level functions that do nothing: `function noop() {}`, `const noop = () => {};`. */
function emptyFunctionNames(statements: readonly ts.Statement[], into: Set<string>): void {
  for (const statement of statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body && statement.body.statements.length === 0) into.add(statement.name.text);
    if (ts.isVariableStatement(statement) && statement.declarationList.flags & ts.NodeFlags.Const) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer && isEmptyFunction(declaration.initializer)) into.add(declaration.name.text);
      }
    }
  }
}

/** Silenced methods of statements that run whenever their block runs (top level, or a production-only block). */
function collect(statements: readonly ts.Statement[], noops: ReadonlySet<string>, into: Set<string>): void {
  const doesNothing = (value: ts.Expression) => isEmptyFunction(value) || (ts.isIdentifier(value) && noops.has(value.text));
  for (const statement of statements) {
    if (ts.isExpressionStatement(statement)) {
      // `console.log = console.warn = function () {};`
      const targets: string[] = [];
      let expression = statement.expression;
      while (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const method = consoleMethod(expression.left);
        if (!method) break;
        targets.push(method);
        expression = expression.right;
      }
      if (targets.length && !(ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) && doesNothing(expression)) {
        for (const target of targets) into.add(target);
      }
    } else if (ts.isIfStatement(statement) && isProductionCondition(statement.expression)) {
      collect(ts.isBlock(statement.thenStatement) ? statement.thenStatement.statements : [statement.thenStatement], noops, into);
    } else if (ts.isBlock(statement)) {
      collect(statement.statements, noops, into);
    }
  }
}

/** Console methods a script or module silences (see the file header). */
export function silencedInScript(text: string, fileName = 'entry.ts'): Set<string> {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : undefined);
  const noops = new Set<string>();
  emptyFunctionNames(source.statements, noops);
  const silenced = new Set<string>();
  collect(source.statements, noops, silenced);
  return silenced;
}

/** Console methods the inline scripts of an HTML page silence (scripts with `src`, or of a non-JavaScript type, are not read). */
export function silencedInHtml(html: string): Set<string> {
  const silenced = new Set<string>();
  for (const script of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = script[1];
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1].toLowerCase();
    if (type && !/^(?:text\/javascript|application\/javascript|module)$/.test(type)) continue;
    for (const method of silencedInScript(script[2], 'inline.js')) silenced.add(method);
  }
  return silenced;
}

/** angular.json's build `index` and `main` of its projects (relative to the app folder). */
function angularEntries(appFolder: string): { pages: string[]; modules: string[] } {
  const pages: string[] = [];
  const modules: string[] = [];
  const text = readSmallTextFile(path.join(appFolder, 'angular.json'), MAX_BYTES);
  if (text === undefined) return { pages, modules };
  try {
    const projects = (JSON.parse(text) as { projects?: Record<string, { architect?: { build?: { options?: Record<string, unknown> } } }> }).projects ?? {};
    for (const project of Object.values(projects)) {
      const options = project?.architect?.build?.options ?? {};
      const index = options.index as unknown;
      if (typeof index === 'string') pages.push(index);
      else if (index && typeof (index as { input?: unknown }).input === 'string') pages.push((index as { input: string }).input);
      for (const key of ['main', 'browser']) if (typeof options[key] === 'string') modules.push(options[key] as string);
    }
  } catch {
    // not readable JSON: the defaults only
  }
  return { pages, modules };
}

/** Methods silenced for the files below `scope` (an absolute folder). */
interface Silencing {
  scope: string;
  methods: ReadonlySet<string>;
}

/**
 * The folder whose code a page or entry module silences: a page's scripts run in the browser bundle it loads (the
 * app's `src/`, or the folder of angular.json's `main`), not in a server that shares the package; a module under `src/`
 * runs with that folder's code; a module at the app root with the whole app.
 */
function scopeOf(appFolder: string, entry: string, browserRoot: string | undefined, isPage: boolean): string {
  if (isPage) return browserRoot ?? (isFolder(path.join(appFolder, 'src')) ? path.join(appFolder, 'src') : appFolder);
  const folder = path.dirname(path.join(appFolder, entry));
  return folder === appFolder ? appFolder : folder;
}

/** What an app folder's entry pages and entry modules silence, each for the code it runs with. */
function silencingsOfApp(appFolder: string): Silencing[] {
  const angular = angularEntries(appFolder);
  const browserRoot = angular.modules.length ? path.dirname(path.join(appFolder, angular.modules[0])) : undefined;
  const silencings: Silencing[] = [];
  for (const page of new Set([...angular.pages, ...ENTRY_PAGES])) {
    const text = readSmallTextFile(path.join(appFolder, page), MAX_BYTES);
    const methods = text === undefined ? undefined : silencedInHtml(text);
    if (methods?.size) silencings.push({ scope: scopeOf(appFolder, page, browserRoot, true), methods });
  }
  for (const entry of new Set([...angular.modules, ...ENTRY_MODULES])) {
    const text = readSmallTextFile(path.join(appFolder, entry), MAX_BYTES);
    const methods = text === undefined ? undefined : silencedInScript(text, entry);
    if (methods?.size) silencings.push({ scope: scopeOf(appFolder, entry, browserRoot, false), methods });
  }
  return silencings;
}

function isFile(absPath: string): boolean {
  try {
    return fs.statSync(absPath).isFile();
  } catch {
    return false;
  }
}

function isFolder(absPath: string): boolean {
  try {
    return fs.statSync(absPath).isDirectory();
  } catch {
    return false;
  }
}

const within = (folder: string, scope: string) => folder === scope || folder.startsWith(scope + path.sep);

/** Per folder, the console methods its app silences for it (the nearest folder with package.json or angular.json, up to a base). Cached. */
export class SilencedConsoleFinder {
  /** folder → its app folder (undefined: none up to the base) */
  private readonly appOf = new Map<string, string | undefined>();
  private readonly byApp = new Map<string, Silencing[]>();
  private readonly byFolder = new Map<string, readonly string[]>();
  /** one array per distinct method set, so configs derived from it are shared */
  private readonly interned = new Map<string, readonly string[]>();

  silencedFor(absPath: string, baseDir: string): readonly string[] {
    const base = path.resolve(baseDir);
    const folder = path.dirname(path.resolve(absPath));
    if (!within(folder, base)) return NONE;
    const known = this.byFolder.get(folder);
    if (known) return known;
    const app = this.appFolder(folder, base);
    let silencings = app === undefined ? [] : this.byApp.get(app);
    if (!silencings) this.byApp.set(app!, (silencings = silencingsOfApp(app!)));
    const methods = new Set<string>();
    for (const silencing of silencings) if (within(folder, silencing.scope)) for (const method of silencing.methods) methods.add(method);
    const key = [...methods].sort().join(',');
    let result = methods.size ? this.interned.get(key) : NONE;
    if (!result) this.interned.set(key, (result = Object.freeze(key.split(','))));
    this.byFolder.set(folder, result);
    return result;
  }

  clear(): void {
    this.appOf.clear();
    this.byApp.clear();
    this.byFolder.clear();
    this.interned.clear();
  }

  private appFolder(folder: string, base: string): string | undefined {
    if (this.appOf.has(folder)) return this.appOf.get(folder);
    let app: string | undefined;
    if (APP_MARKERS.some((marker) => isFile(path.join(folder, marker)))) app = folder;
    else if (folder !== base && path.dirname(folder) !== folder) app = this.appFolder(path.dirname(folder), base);
    this.appOf.set(folder, app);
    return app;
  }
}
