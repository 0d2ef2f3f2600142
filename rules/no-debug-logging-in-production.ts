import { createRule, type FixDescriptor, type JsonPropertyInfo, type RuleContext, type TSESTree } from '../server/src/rule-api';
import { propertyKey, requiredModuleOf, type Node } from './utils/ast';
import { calleeText, codeConstant, enclosingCall, enclosingNames, environmentOfCode, environmentOfJson, environmentOfKey, jsonRange, jsonScalar, jsonSiblings, keyWords, namesHaveWord } from './utils/config-keys';

/** Log levels that write request details, payloads and variables: everything below `info`. */
const VERBOSE_LEVELS = new Set(['debug', 'trace', 'silly', 'verbose', 'all']);
/** Words that make a section or call a logging one. */
const LOG_WORDS = new Set(['log', 'logs', 'logger', 'loggers', 'logging', 'winston', 'pino', 'bunyan', 'log4js', 'loglevel', 'serilog', 'nlog', 'appenders', 'transports', 'categories', 'consola']);
/** Sections where `debug: true` is an application's debug mode. */
const DEBUG_MODE_SECTIONS = new Set(['app', 'application', 'server', 'api', 'express', 'fastify', 'nest', 'koa', 'hapi', 'http', 'web', 'service']);
/** .NET sections whose levels are `Trace`/`Debug`/`Information`; Serilog's `MinimumLevel`. */
const DOTNET_LEVEL_SECTIONS = new Set(['loglevel', 'minimumlevel']);

type LevelKey = 'level-key' | 'dotnet' | 'plain-level';

/**
 * How a key sets a log level: `logLevel`, `LOG_LEVEL`, `log.level`, `logging.level` always do;
 * `Default`/`Microsoft` under .NET `LogLevel` or Serilog `MinimumLevel` do; a bare `level` does when
 * the section it is in is a logging one.
 */
function levelKey(key: string, parentKeys: readonly string[]): LevelKey | undefined {
  const words = keyWords(key);
  const last = words[words.length - 1];
  const parent = parentKeys[0]?.toLowerCase();
  if (parent !== undefined && DOTNET_LEVEL_SECTIONS.has(parent)) return 'dotnet';
  if (key.toLowerCase() === 'minimumlevel') return 'dotnet';
  if (words.includes('loglevel')) return 'level-key';
  // `logLevel`, `LOG_LEVEL`, `pino.level`, Spring's `logging.level.root`
  for (let i = 1; i < words.length; i++) if (words[i] === 'level' && LOG_WORDS.has(words[i - 1])) return 'level-key';
  if (words.length === 1 && last === 'level') return 'plain-level';
  return undefined;
}

function isVerboseLevel(value: unknown): value is string {
  return typeof value === 'string' && VERBOSE_LEVELS.has(value.trim().toLowerCase());
}

/** `info` in the case the value was written in; .NET and Serilog spell it `Information`. */
function infoLevel(original: string, dotnet: boolean): string {
  if (dotnet) return 'Information';
  if (original === original.toUpperCase()) return 'INFO';
  if (original[0] === original[0].toUpperCase()) return 'Info';
  return 'info';
}

function hasLogWord(names: readonly string[]): boolean {
  return namesHaveWord(names, LOG_WORDS);
}

/** `DEBUG=*` or `DEBUG=app:*` for the `debug` package, or `DEBUG=true` for frameworks' debug mode. */
function isDebugEnvValue(value: unknown): boolean {
  if (value === true) return true;
  return typeof value === 'string' && (value.includes('*') || /^\s*(true|1|yes|on)\s*$/i.test(value));
}

export default createRule({
  meta: {
    id: 'no-debug-logging-in-production',
    description: 'Disallow debug, trace and verbose log levels and debug mode in production configuration.',
    rationale:
      'Debug and trace logging write request parameters, payloads, SQL statements with their bound values and whole objects to the log. In a health application those contain PHI, and the logs are shipped to aggregators, kept for months and read by people with no need to see patient data. Production should log at `info` or above; switch verbose logging on for a short, controlled investigation only.',
    category: 'config',
    defaultSeverity: 'warning',
    cwe: ['CWE-532', 'CWE-489'],
    hipaa: ['164.312(b)'],
    precision: 'high',
    securitySeverity: 5.3,
    messages: {
      verboseLevel: '`{{option}}` is set to a {{level}} level in a production config: debug and trace logs write request data, which in a health app includes PHI, to the log. Log at `info` or above in production.',
      debugMode: '`{{option}}` turns on debug mode in a production config: debug output includes request data and stack details that may carry PHI.',
      databaseDebug: '`debug: true` in the options of a {{driver}} connection: the driver prints every query with its values and every result row to the console, which in a health app are patients\' records. Leave driver debug off outside a developer\'s machine.',
      debugNamespaces: '`DEBUG` enables `debug` package output in a production config: those lines often include request data that may carry PHI.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: true,
    languages: ['code', 'json'],
  },
  defaultOptions: {},
  create(context) {
    return {
      Property(node: TSESTree.Property) {
        const option = propertyKey(node);
        if (option === undefined) return;
        // Runs for every property: its value is evaluated (a call, a read: the costly part) only under a key that can
        // be a finding, a log level's key or a debug switch; the key and the names around it are cheap to read.
        const names = enclosingNames(node);
        const kind = levelKey(option, names);
        if (!kind && option !== 'debug' && option !== 'DEBUG') return;
        const value = node.value as Node;
        const constant = codeConstant(context, value);
        if (isVerboseLevel(constant)) {
          if (kind) {
            if (kind === 'plain-level' && !isLoggingObject(node, names)) return;
            if (environmentOfCode(context, node) !== 'production') return;
            context.report({ node, messageId: 'verboseLevel', data: { option, level: constant.trim().toLowerCase() }, fix: codeLevelFix(value, constant, kind === 'dotnet') });
            return;
          }
        }
        // A driver's debug switch in code that ships: reported unless the code is a development or test environment's.
        const driver = option === 'debug' && constant === true ? databaseDriverName(context, node) : undefined;
        if (driver) {
          const environment = environmentOfCode(context, node);
          if (environment === undefined || environment === 'production') context.report({ node, messageId: 'databaseDebug', data: { driver } });
          return;
        }
        if (option === 'debug' && constant === true && isDebugModeSection(names) && environmentOfCode(context, node) === 'production') {
          context.report({ node, messageId: 'debugMode', data: { option } });
        } else if (option === 'DEBUG' && isDebugEnvValue(constant) && environmentOfCode(context, node) === 'production') {
          context.report({ node, messageId: 'debugNamespaces' });
        }
      },
      JsonProperty(property: JsonPropertyInfo) {
        const { key, valueNode, path } = property;
        const value = jsonScalar(valueNode);
        const parents = path.slice(0, -1).reverse();
        const kind = levelKey(key, parents);
        if (kind && isVerboseLevel(value) && valueNode?.type === 'string') {
          if (kind === 'plain-level' && !isLoggingSection(parents, [...jsonSiblings(property).keys()])) return;
          if (environmentOfJson(context.file, path, jsonSiblings(property)) !== 'production') return;
          const text = infoLevel(value.trim(), kind === 'dotnet');
          const [start, end] = jsonRange(valueNode);
          context.report({
            jsonNode: property.node,
            messageId: 'verboseLevel',
            data: { option: key, level: value.trim().toLowerCase() },
            fix: { description: `Set the level to "${text}"`, edits: [{ start, end, text: JSON.stringify(text) }] },
          });
          return;
        }
        if (key === 'debug' && value === true && isDebugModeSection(parents) && environmentOfJson(context.file, path, jsonSiblings(property)) === 'production') {
          context.report({ jsonNode: property.node, messageId: 'debugMode', data: { option: key } });
        } else if (key === 'DEBUG' && isDebugEnvValue(value) && environmentOfJson(context.file, path, jsonSiblings(property)) === 'production') {
          context.report({ jsonNode: property.node, messageId: 'debugNamespaces' });
        }
      },
    };
  },
});

/**
 * Database drivers whose `debug: true` option dumps protocol traffic (queries with their values, result rows) to the
 * console: mysql/mysql2 `createConnection`/`createPool`/`createPoolCluster`, and knex's factory.
 */
const DEBUGGABLE_DRIVERS: ReadonlyArray<{ module: RegExp; factories: ReadonlySet<string> | 'module' }> = [
  { module: /^mysql2?(\/promise)?$/, factories: new Set(['createConnection', 'createPool', 'createPoolCluster']) },
  { module: /^knex$/, factories: 'module' },
];

function debuggableDriver(module: string | undefined): (typeof DEBUGGABLE_DRIVERS)[number] | undefined {
  return module ? DEBUGGABLE_DRIVERS.find((candidate) => candidate.module.test(module)) : undefined;
}

/** The module of the driver whose factory the options object is handed to (`mysql.createPool({ … })`, `knex({ … })`). */
function databaseDriverName(context: RuleContext, property: TSESTree.Property): string | undefined {
  const call = enclosingCall(property);
  if (!call) return undefined;
  const callee = call.callee;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.object.type === 'Identifier') {
    const module = context.importedFrom(callee.object.name)?.module;
    const factories = debuggableDriver(module)?.factories;
    return factories && factories !== 'module' && factories.has(callee.property.name) ? module : undefined;
  }
  // `knex({ … })`, or `require('knex')({ … })`
  const module = callee.type === 'Identifier' ? context.importedFrom(callee.name)?.module : requiredModuleOf(callee);
  return debuggableDriver(module)?.factories === 'module' ? module : undefined;
}

/** A bare `level` belongs to a logger when its object is a logger's options or sits in a logging section. */
function isLoggingObject(node: TSESTree.Property, names: readonly string[]): boolean {
  if (hasLogWord(names)) return true;
  const callee = calleeText(enclosingCall(node));
  if (callee && hasLogWord([callee])) return true;
  // `{ production: { level: 'debug' } }`: the level of an environment's config.
  return names.length > 0 && environmentOfKey(names[0]) !== undefined;
}

/** A bare JSON `level` is a log level at the top of a config, in a logging or environment section, or next to `transports`. */
function isLoggingSection(parents: readonly string[], siblings: readonly string[]): boolean {
  const sections = parents.filter((name) => !/^\d+$/.test(name));
  if (sections.length === 0) return true;
  return hasLogWord(sections) || hasLogWord(siblings) || environmentOfKey(sections[0]) !== undefined;
}

/** `debug: true` at the top of a config or in an app/server/logging section. */
function isDebugModeSection(parents: readonly string[]): boolean {
  const sections = parents.filter((name) => !/^\d+$/.test(name));
  if (sections.length === 0) return true;
  const words = keyWords(sections[0]);
  if (words.some((word) => LOG_WORDS.has(word) || DEBUG_MODE_SECTIONS.has(word))) return true;
  // `{ "production": { "debug": true } }`
  return environmentOfKey(sections[0]) !== undefined;
}

/** Replaces a level literal with `info`, keeping its quotes; no fix when the level comes from elsewhere. */
function codeLevelFix(value: Node, level: string, dotnet: boolean): FixDescriptor | undefined {
  if (!(value.type === 'Literal' || (value.type === 'TemplateLiteral' && value.expressions.length === 0))) return undefined;
  const text = infoLevel(level.trim(), dotnet);
  return { description: `Set the level to '${text}'`, edits: [{ start: value.range[0] + 1, end: value.range[1] - 1, text }] };
}
