// Which loggers a module creates, and what decides which of their lines are written (read from its text, cheaply):
// - the `debug` package: `const debug = require('debug')('app:mailer')` writes only when the DEBUG environment
//   variable enables the namespace `app:mailer` (`debug.extend('smtp')` makes `app:mailer:smtp`);
// - logger factories with a level: `winston.createLogger({ level: 'info' })`, `pino({ level: process.env.LOG_LEVEL
//   || 'info' })`, `bunyan.createLogger({ name, level: 'warn' })`, Powertools `new Logger({ logLevel: 'INFO' })`,
//   a module-level `log.setLevel('warn')` or `logger.level = 'info'`; pino, winston and bunyan write from `info`
//   when their options name no level. A child logger (`logger.child({ … })`) has its parent's level.
// The logging rules use these to leave out calls below the level a repository's production visibly runs with.
// What the reading cannot tell (a level from a config object, a ternary, a variable) stays unknown: the call counts.

import type { LoggerDefinition } from '../core/types';

export type { LoggerDefinition };

export interface ModuleLoggers {
  /** Module-level name → the logger it holds. */
  locals: Map<string, LoggerDefinition>;
  /** Export name (`default` for `export default`/`module.exports =`) → the logger it exports. */
  exports: Map<string, LoggerDefinition>;
  /** Module-level name → the logger it derives from a name the module does not define (`const log = logger.child({…})` of an imported `logger`), with the namespace suffix an `extend` adds. */
  derived?: Map<string, { parent: string; extend?: string }>;
  /** Names of loggers this module imports from another module and changes the level of (`logger.level = 'debug'`). */
  relevelledImports?: Array<{ specifier: string; imported: string }>;
  /** The module turns debug namespaces on in code (`debug.enable('app:*')`): the DEBUG variable is not all that decides. */
  enablesDebug?: boolean;
}

const LEVEL_LIBRARIES = /^(?:winston|pino|bunyan|loglevel|log4js|@aws-lambda-powertools\/logger)$/;
/** Factories whose options take `level` and that write from `info` when they name none. */
const DEFAULT_INFO_FACTORIES = /^(?:winston\.createLogger|bunyan\.createLogger|pino|Pino|createLogger)$/;
const NO_LOGGERS: ModuleLoggers = { locals: new Map(), exports: new Map() };

/** The text between the `(` at `open` and its matching `)`, or undefined. Strings and comments are skipped roughly. */
function argumentsText(text: string, open: number): string | undefined {
  let depth = 0;
  for (let i = open; i < text.length && i < open + 20000; i++) {
    const char = text[i];
    if (char === '"' || char === "'" || char === '`') {
      const close = text.indexOf(char, i + 1);
      if (close < 0) return undefined;
      i = close;
      continue;
    }
    if (char === '(' || char === '{' || char === '[') depth++;
    else if (char === ')' || char === '}' || char === ']') {
      depth--;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  return undefined;
}

/** The value text of a top-level `level:`/`logLevel:` property of an object literal's text (`{ … }`), '' when the object has none, undefined when it is not an object literal. */
function topLevelLevel(objectText: string, key = /^["']?(?:level|logLevel)["']?\s*:/): string | undefined {
  const trimmed = objectText.trim();
  if (!trimmed.startsWith('{')) return undefined;
  let depth = 0;
  let start = -1;
  for (let i = 0; i < trimmed.length; i++) {
    const char = trimmed[i];
    if (char === '"' || char === "'" || char === '`') {
      const close = trimmed.indexOf(char, i + 1);
      if (close < 0) return undefined;
      i = close;
      continue;
    }
    if (char === '(' || char === '{' || char === '[') {
      depth++;
      continue;
    }
    if (char === ')' || char === '}' || char === ']') {
      depth--;
      if (depth === 0 && start >= 0) return trimmed.slice(start, i).trim();
      continue;
    }
    if (depth === 1 && char === ',' && start >= 0) return trimmed.slice(start, i).trim();
    if (depth === 1 && start < 0 && /[\s{,]/.test(trimmed[i - 1] ?? '{')) {
      const found = key.exec(trimmed.slice(i));
      if (found) {
        start = i + found[0].length;
        i = start - 1;
      } else if (/^\.\.\./.test(trimmed.slice(i))) {
        return undefined; // `{ ...options }`: the level may come from the spread object
      }
    }
  }
  return '';
}

/** `'info'`, `process.env.LOG_LEVEL || 'info'`, `process.env.LOG_LEVEL ?? "warn"`, `process.env.LOG_LEVEL`. */
export function levelOfText(value: string): { level?: string; envVar?: string; otherwiseThanProduction?: string } | undefined {
  const literal = /^(['"`])(\w+)\1$/.exec(value);
  if (literal) return { level: literal[2].toLowerCase() };
  // `process.env.NODE_ENV === 'production' ? 'info' : 'debug'`: the production branch's level, and the other's
  const byEnvironment = /^\(?\s*process\.env\.NODE_ENV\s*(===|==|!==|!=)\s*(['"`])(\w+)\2\s*\)?\s*\?\s*(['"`])(\w+)\4\s*:\s*(['"`])(\w+)\6$/.exec(value);
  if (byEnvironment) {
    const [, operator, , environment, , consequent, , alternate] = byEnvironment;
    const isProduction = environment === 'production' || environment === 'prod';
    if (!isProduction && !/^(?:development|dev|test|local)$/.test(environment)) return undefined;
    const productionFirst = (operator.startsWith('!') ? !isProduction : isProduction);
    const [production, other] = productionFirst ? [consequent, alternate] : [alternate, consequent];
    return { level: production.toLowerCase(), otherwiseThanProduction: other.toLowerCase() };
  }
  const fromEnv = /^process\.env(?:\.([A-Za-z_]\w*)|\[\s*(['"])([A-Za-z_]\w*)\2\s*\])(?:\s*(?:\|\||\?\?)\s*(['"`])(\w+)\4)?$/.exec(value);
  if (fromEnv) return { envVar: fromEnv[1] ?? fromEnv[3], level: fromEnv[5]?.toLowerCase() };
  return undefined;
}

/** The names a module binds to a library (`import x from 'm'`, `import * as x`, `const x = require('m')`, `import { createLogger } from 'winston'`). */
function namesBoundTo(text: string, library: RegExp): Map<string, string> {
  const names = new Map<string, string>();
  for (const found of text.matchAll(/import\s+(?:(\w+)\s*,?\s*)?(?:\*\s+as\s+(\w+)|\{([^}]*)\})?\s*from\s*['"]([^'"]+)['"]/g)) {
    if (!library.test(found[4])) continue;
    if (found[1]) names.set(found[1], found[4]);
    if (found[2]) names.set(found[2], found[4]);
    for (const part of (found[3] ?? '').split(',')) {
      const specifier = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
      if (specifier) names.set(specifier[2] ?? specifier[1], `${found[4]}.${specifier[1]}`);
    }
  }
  for (const found of text.matchAll(/(?:const|let|var)\s+(\w+)\s*=\s*require\(\s*['"]([^'"]+)['"]\s*\)\s*[;\n]/g)) if (library.test(found[2])) names.set(found[1], found[2]);
  for (const found of text.matchAll(/(?:const|let|var)\s+\{([^}]*)\}\s*=\s*require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    if (!library.test(found[2])) continue;
    for (const part of found[1].split(',')) {
      const specifier = /^\s*(\w+)(?:\s*:\s*(\w+))?\s*$/.exec(part);
      if (specifier) names.set(specifier[2] ?? specifier[1], `${found[2]}.${specifier[1]}`);
    }
  }
  return names;
}

/** The logger an initializer's text creates, given the module's bindings; undefined when it is not one we read. */
function definitionOfInitializer(text: string, at: number, debugFactories: Map<string, string>, levelNames: Map<string, string>, locals: Map<string, LoggerDefinition>, onDerived?: (parent: string, extend?: string) => void): LoggerDefinition | undefined {
  const rest = text.slice(at, at + 400);
  // require('debug')('app:x'), debug('app:x'), createDebug(`app:x`)
  const debugCall = /^(?:require\(\s*['"]debug['"]\s*\)|(\w+))\s*\(\s*(['"`])([^'"`$\\]+)\2\s*\)/.exec(rest);
  if (debugCall && (!debugCall[1] || debugFactories.has(debugCall[1]))) return { kind: 'debug', namespace: debugCall[3] };
  // parent.extend('sub'), parent.child({ … })
  const derived = /^(\w+)\.(extend|child)\s*\(\s*(?:(['"`])([^'"`$\\]+)\3)?/.exec(rest);
  if (derived) {
    const parent = locals.get(derived[1]);
    if (!parent) {
      if (derived[2] === 'child' || derived[4]) onDerived?.(derived[1], derived[2] === 'extend' ? derived[4] : undefined);
      return undefined;
    }
    if (derived[2] === 'extend') return parent.kind === 'debug' && derived[4] ? { kind: 'debug', namespace: `${parent.namespace}:${derived[4]}` } : undefined;
    return parent.kind === 'level' ? parent : undefined;
  }
  // winston.createLogger({ … }), pino({ … }), new Logger({ logLevel: 'INFO' })
  // `require('pino')({ … })`, `require('winston').createLogger({ … })`: the library required in place
  const required = /^(new\s+)?\(?\s*require\(\s*['"]([^'"]+)['"]\s*\)\s*\)?(?:\.([\w$]+))?\s*\(/.exec(rest);
  const factory = required ? [required[0], required[1], `__required${required[3] ? `.${required[3]}` : ''}`] : /^(new\s+)?([\w$]+(?:\.[\w$]+)?)\s*\(/.exec(rest);
  if (!factory) return undefined;
  const [root, member] = factory[2].split('.');
  const library = required ? (LEVEL_LIBRARIES.test(required[2]) ? required[2] : undefined) : levelNames.get(root);
  if (!library) return undefined;
  const qualified = member ? `${library.replace(/^.*\//, '').replace(/\..*$/, '')}.${member}` : library.replace(/^.*\//, '');
  const args = argumentsText(text, at + factory[0].length - 1);
  if (args === undefined) return undefined;
  const trimmedArgs = args.trim();
  const inner = trimmedArgs.startsWith('{') ? argumentsText(trimmedArgs, 0) : undefined;
  if (trimmedArgs !== '' && inner === undefined) return undefined;
  const options = inner === undefined ? '' : `{${inner}}`;
  const levelText = options === '' ? '' : topLevelLevel(options);
  if (levelText === undefined) return undefined;
  const defaultInfo = DEFAULT_INFO_FACTORIES.test(qualified) || /^(?:winston|pino|bunyan)(?:\.createLogger)?$/.test(qualified);
  const level = levelText === '' ? (defaultInfo ? { level: 'info' } : undefined) : levelOfText(levelText);
  if (!level) return undefined;
  // winston's transports and bunyan's streams may log below the logger's level with their own
  if (/^(?:winston|bunyan)\b/.test(qualified) || (qualified === 'createLogger' && /^(?:winston|bunyan)/.test(library))) {
    const outputs = options === '' ? '' : topLevelLevel(options, /^["']?(?:transports|streams)["']?\s*:/);
    if (outputs === undefined) return undefined;
    if (outputs !== '') {
      const verbose = mostVerboseOutputLevel(outputs);
      if (verbose === null) return undefined;
      if (verbose !== undefined && level.level !== undefined && !level.envVar && rankOf(verbose) < rankOf(level.level)) return { kind: 'level', level: verbose };
      if (verbose !== undefined && (level.envVar || level.level === undefined)) return undefined;
    }
  }
  return { kind: 'level', ...level };
}

const OUTPUT_LEVEL_ORDER = ['silly', 'trace', 'debug', 'verbose', 'http', 'info', 'warn', 'error', 'fatal'];
function rankOf(level: string): number {
  const rank = OUTPUT_LEVEL_ORDER.indexOf(level.toLowerCase());
  return rank < 0 ? OUTPUT_LEVEL_ORDER.length : rank;
}

/**
 * The most verbose literal level among an array of transports/streams (`[new winston.transports.Console({ level:
 * 'debug' }), { level: 'info', stream }]`): undefined when none sets one (they inherit the logger's), null when one
 * cannot be read (a variable, a spread, a level that is not a literal).
 */
function mostVerboseOutputLevel(arrayText: string): string | undefined | null {
  const trimmed = arrayText.trim();
  if (!trimmed.startsWith('[')) return null;
  const body = argumentsText(trimmed, 0);
  if (body === undefined) return null;
  let verbose: string | undefined;
  // top-level elements of the array
  let depth = 0;
  let start = 0;
  const elements: string[] = [];
  for (let i = 0; i <= body.length; i++) {
    const char = body[i];
    if (char === '"' || char === "'" || char === '`') {
      const close = body.indexOf(char, i + 1);
      if (close < 0) return null;
      i = close;
      continue;
    }
    if (char === '(' || char === '{' || char === '[') depth++;
    else if (char === ')' || char === '}' || char === ']') depth--;
    else if ((char === ',' && depth === 0) || i === body.length) {
      elements.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  for (const element of elements) {
    if (element === '') continue;
    if (!/^(?:new\s|\{)/.test(element)) return null;
    for (const found of element.matchAll(/\blevel\s*:\s*([^,}\n]+)/g)) {
      const literal = /^(['"`])(\w+)\1\s*$/.exec(found[1].trim());
      if (!literal) return null;
      if (verbose === undefined || rankOf(literal[2]) < rankOf(verbose)) verbose = literal[2].toLowerCase();
    }
  }
  return verbose;
}

/** The loggers a module defines at its top level and exports. */
export function extractModuleLoggers(text: string): ModuleLoggers {
  const mentionsDebug = /['"]debug['"]/.test(text);
  const mentionsLevelLibrary = /['"](?:winston|pino|bunyan|loglevel|log4js|@aws-lambda-powertools\/logger)['"]/.test(text);
  // (a `require('pino')(…)` in place binds no name: definitionOfInitializer reads it directly)
  if (!mentionsDebug && !mentionsLevelLibrary && !/\.(?:child|extend|setLevel)\s*\(|\.level\s*=[^=]/.test(text)) return NO_LOGGERS;
  const debugFactories = mentionsDebug ? namesBoundTo(text, /^debug$/) : new Map<string, string>();
  const levelNames = mentionsLevelLibrary ? namesBoundTo(text, LEVEL_LIBRARIES) : new Map<string, string>();
  const locals = new Map<string, LoggerDefinition>();
  const ambiguous = new Set<string>();
  // loglevel and log4js loggers are the imported module itself or `getLogger()`; they count only with a level set below.
  const derived = new Map<string, { parent: string; extend?: string }>();
  const fromLibrary = new Set<string>();
  for (const found of text.matchAll(/^(?:export\s+)?(?:const|let|var)\s+(\w+)(?:\s*:\s*[\w.<>]+)?\s*=\s*/gm)) {
    const name = found[1];
    const at = (found.index ?? 0) + found[0].length;
    const definition = definitionOfInitializer(text, at, debugFactories, levelNames, locals, (parent, extend) => derived.set(name, { parent, extend }));
    // `const logger = log4js.getLogger('app')`: a library's logger whose level a later `logger.level = 'info'` may set
    const root = /^(?:new\s+)?(\w+)/.exec(text.slice(at, at + 80))?.[1];
    if (!definition && root && levelNames.has(root)) fromLibrary.add(name);
    if (!definition) continue;
    if (locals.has(name)) ambiguous.add(name);
    locals.set(name, definition);
  }
  // class fields and constructor assignments: `private readonly logger = pino({ level: 'info' })`, `this.log = debug('app:x')`,
  // read as `this.logger` (every class of the module that sets the field must agree)
  const fields = new Map<string, LoggerDefinition | null>();
  for (const found of text.matchAll(/^[ \t]+(?:(?:private|protected|public|readonly|static)\s+)+(\w+)(?:\s*:\s*[\w.<>]+)?\s*=\s*|\bthis\.(\w+)\s*=\s*(?!=)/gm)) {
    const key = `this.${found[1] ?? found[2]}`;
    const definition = definitionOfInitializer(text, (found.index ?? 0) + found[0].length, debugFactories, levelNames, locals);
    const known = fields.get(key);
    if (!definition || (known !== undefined && (known === null || JSON.stringify(known) !== JSON.stringify(definition)))) fields.set(key, null);
    else fields.set(key, definition);
  }
  for (const [key, definition] of fields) if (definition) locals.set(key, definition);
  // module-level `log.setLevel('warn')`, `logger.level = 'info'`: the level of a logger defined or imported here
  const setLevels = new Map<string, Set<string>>();
  for (const found of text.matchAll(/^(\w+)\.(?:setLevel|setDefaultLevel)\(\s*(['"`])(\w+)\2\s*\)|^(\w+)\.level\s*=\s*(['"`])(\w+)\5/gm)) {
    const name = found[1] ?? found[4];
    const levels = setLevels.get(name) ?? new Set<string>();
    levels.add((found[3] ?? found[6]).toLowerCase());
    setLevels.set(name, levels);
  }
  for (const [name, levels] of setLevels) {
    const known = locals.get(name);
    if (known?.kind === 'debug' || (!known && !levelNames.has(name) && !fromLibrary.has(name))) continue;
    if (levels.size > 1) ambiguous.add(name);
    else locals.set(name, { kind: 'level', level: [...levels][0] });
  }
  // a level changed at run time (`logger.level = config.level` in a function, `log.setLevel(level)` at start-up,
  // bunyan's `log.level('debug')`): the level read above is not the one production runs with
  const relevelled = new Set<string>();
  for (const found of text.matchAll(/(?:^[ \t]+|[;{][ \t]*)(?:this\.)?(\w+)\.(?:level\s*=(?!=)|setLevel\s*\(|setDefaultLevel\s*\(|level\s*\(\s*[^)\s]|enableAll\s*\()/gm)) relevelled.add(found[1]);
  for (const name of relevelled) {
    locals.delete(name);
    locals.delete(`this.${name}`);
  }
  for (const name of ambiguous) locals.delete(name);
  const exports = new Map<string, LoggerDefinition>();
  const exportName = (exported: string, local: string) => {
    const definition = locals.get(local);
    if (definition) exports.set(exported, definition);
  };
  for (const found of text.matchAll(/^export\s+(?:const|let|var)\s+(\w+)/gm)) exportName(found[1], found[1]);
  for (const found of text.matchAll(/^export\s+default\s+(\w+)\s*;?\s*$/gm)) exportName('default', found[1]);
  for (const found of text.matchAll(/^module\.exports\s*=\s*(\w+)\s*;?\s*$/gm)) exportName('default', found[1]);
  for (const found of text.matchAll(/^(?:module\.)?exports\.(\w+)\s*=\s*(\w+)\s*;?\s*$/gm)) exportName(found[1], found[2]);
  for (const found of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of found[1].split(',')) {
      const specifier = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
      if (specifier) exportName(specifier[2] ?? specifier[1], specifier[1]);
    }
  }
  for (const found of text.matchAll(/^module\.exports\s*=\s*\{([^}]*)\}/gm)) {
    for (const part of found[1].split(',')) {
      const specifier = /^\s*(\w+)(?:\s*:\s*(\w+))?\s*$/.exec(part);
      if (specifier) exportName(specifier[1], specifier[2] ?? specifier[1]);
    }
  }
  for (const found of text.matchAll(/^(?:export\s+default|module\.exports\s*=)\s*/gm)) {
    const definition = definitionOfInitializer(text, (found.index ?? 0) + found[0].length, debugFactories, levelNames, locals);
    if (definition) exports.set('default', definition);
  }
  const enablesDebug = mentionsDebug && (/require\(\s*['"]debug['"]\s*\)\.enable\s*\(/.test(text) || [...debugFactories.keys()].some((name) => new RegExp(`^[^/\\n]*\\b${name}\\.enable\\s*\\(`, 'm').test(text)));
  // the same for a logger imported from a relative module: that module's export no longer has the level it sets
  const relevelledImports: Array<{ specifier: string; imported: string }> = [];
  for (const name of text.match(/\b(\w+)\.(?:level\s*=(?!=)|setLevel\s*\(|level\s*\(\s*[^)\s])/g)?.map((found) => found.replace(/\..*$/, '')) ?? []) {
    if (locals.has(name)) continue;
    const source = importSourceOf(text, name);
    if (source && !relevelledImports.some((known) => known.specifier === source.specifier && known.imported === source.imported)) relevelledImports.push(source);
  }
  return locals.size || exports.size || enablesDebug || derived.size || relevelledImports.length ? { locals, exports, enablesDebug, derived, relevelledImports } : NO_LOGGERS;
}

/** Where a module imports a name from (`import x from './log'`, `import { log as x } from '@app/shared'`, `const x = require('./log')`). */
function importSourceOf(text: string, name: string): { specifier: string; imported: string } | undefined {
  for (const found of text.matchAll(/import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s*['"]([^'"]+)['"]/g)) {
    if (found[1] === name) return { specifier: found[3], imported: 'default' };
    for (const part of (found[2] ?? '').split(',')) {
      const specifier = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
      if (specifier && (specifier[2] ?? specifier[1]) === name) return { specifier: found[3], imported: specifier[1] };
    }
  }
  const required = new RegExp(`(?:const|let|var)\\s+${name}\\s*=\\s*require\\(\\s*['"]([^'"]+)['"]\\s*\\)`).exec(text);
  if (required) return { specifier: required[1], imported: 'default' };
  const destructured = new RegExp(`(?:const|let|var)\\s*\\{([^}]*\\b${name}\\b[^}]*)\\}\\s*=\\s*require\\(\\s*['"]([^'"]+)['"]\\s*\\)`).exec(text);
  if (destructured) {
    for (const part of destructured[1].split(',')) {
      const specifier = /^\s*(\w+)(?:\s*:\s*(\w+))?\s*$/.exec(part);
      if (specifier && (specifier[2] ?? specifier[1]) === name) return { specifier: destructured[2], imported: specifier[1] };
    }
  }
  return undefined;
}
