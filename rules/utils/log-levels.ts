// Whether a log call writes anything in production, by its logger's level or debug namespace and the environment
// the repository ships (see the engine's logger-levels and shipped-environment). The rubric: a call through a logger
// at a level the repository's own production configuration visibly drops is no exposure; when the production level
// cannot be seen, it counts. The logging rules (no-phi-in-logs, no-body-logging) share this.
import type { LoggerDefinition, RuleContext, TSESTree } from '../../server/src/rule-api';
import { memberCall } from './ast';

/** Severity order of level names across winston, pino, bunyan, log4js, loglevel and Powertools (higher writes less). */
const LEVEL_RANK: Record<string, number> = {
  all: -1, silly: 0, trace: 1, debug: 2, verbose: 3, http: 4, info: 5, notice: 5.5, warn: 6, warning: 6, error: 7, critical: 8, crit: 8, fatal: 8, alert: 9, emerg: 9, silent: 99, off: 99, none: 99,
};
/** Methods that write below `info`; other methods (`log`, `info`, `warn`…) are never left out by level here. */
const BELOW_INFO_METHODS: ReadonlySet<string> = new Set(['silly', 'trace', 'debug', 'verbose', 'http']);

/** Whether a logger at `level` leaves out a call of `method`. */
function levelDrops(level: string, method: string): boolean {
  const threshold = LEVEL_RANK[level.toLowerCase()];
  const rank = LEVEL_RANK[method];
  return threshold !== undefined && rank !== undefined && BELOW_INFO_METHODS.has(method) && rank < threshold;
}

/** Whether a DEBUG setting (`app:*,-app:noisy`, `*`, space or comma lists) enables a namespace, as the debug package reads it. */
export function debugEnables(setting: string, namespace: string): boolean {
  let enabled = false;
  for (const part of setting.split(/[\s,]+/)) {
    if (!part) continue;
    const skip = part.startsWith('-');
    const pattern = new RegExp(`^${(skip ? part.slice(1) : part).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*?')}$`);
    if (!pattern.test(namespace)) continue;
    if (skip) return false;
    enabled = true;
  }
  return enabled;
}

/** A shipped value the reading cannot resolve (`${DEBUG}`, `$LOG_LEVEL`, `!Ref LogLevel`): it may say anything. */
function unresolved(value: string): boolean {
  return /[$!{]/.test(value);
}

/** Whether the shipped environment leaves a debug namespace off: DEBUG is shipped, and no shipped value enables it. */
function namespaceOff(context: RuleContext, namespace: string): boolean {
  // an empty `DEBUG=` in a template is a placeholder for the operator to fill in: it shows nothing
  const settings = context.config.shippedEnvironment?.DEBUG?.filter((setting) => setting.trim() !== '');
  if (!settings || settings.length === 0) return false;
  return settings.every((setting) => !unresolved(setting) && !debugEnables(setting, namespace));
}

/** The level a logger runs with in production, when the code and shipped environment show it. */
function productionLevel(context: RuleContext, definition: LoggerDefinition & { kind: 'level' }): string | undefined {
  // chosen by NODE_ENV: the production branch only where the shipped environment runs with NODE_ENV=production
  if (definition.otherwiseThanProduction !== undefined) {
    const environments = context.config.shippedEnvironment?.NODE_ENV;
    return environments?.length && environments.every((value) => value === 'production') ? definition.level : definition.otherwiseThanProduction;
  }
  if (!definition.envVar) return definition.level;
  // A repository that ships no environment at all leaves the variable to the operator: the default shows nothing.
  const environment = context.config.shippedEnvironment;
  if (!environment || Object.keys(environment).length === 0) return undefined;
  const shipped = environment[definition.envVar];
  if (!shipped || shipped.length === 0) return definition.level;
  // the most verbose level any shipped setting gives it; an unreadable or empty one may enable anything
  let lowest: string | undefined;
  for (const value of shipped) {
    const rank = LEVEL_RANK[value.toLowerCase()];
    if (unresolved(value) || rank === undefined) return undefined;
    if (lowest === undefined || rank < LEVEL_RANK[lowest]) lowest = value.toLowerCase();
  }
  return lowest;
}

/** `console`, `window.console`, `globalThis.console`, `self.console`. */
function isConsole(node: TSESTree.Node): boolean {
  if (node.type === 'Identifier') return node.name === 'console';
  return node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && node.property.name === 'console' && node.object.type === 'Identifier' && ['window', 'globalThis', 'self'].includes(node.object.name);
}

/**
 * `console.log(patient)` in an app whose shipped page or entry module runs `window.console.log = function () {};`
 * first (the engine's silenced-console reading): the call writes nothing. Other console methods still write.
 */
function silencedConsoleCall(context: RuleContext, node: TSESTree.CallExpression): boolean {
  const silenced = context.config.silencedConsole;
  if (!silenced?.length) return false;
  const call = memberCall(node);
  return !!call && silenced.includes(call.method) && isConsole(call.object);
}

/**
 * `console.warn(patient)` where the app replaces `console.warn` with a no-op before it runs;
 * `debug('patient %o', patient)` through `require('debug')('app:mailer')` when the shipped DEBUG setting does not
 * enable `app:mailer`; `logger.debug(patient)` through `winston.createLogger({ level: 'info' })` (here or in the module
 * it is imported from): the call writes nothing in production.
 */
export function droppedInProduction(context: RuleContext, node: TSESTree.CallExpression): boolean {
  if (silencedConsoleCall(context, node)) return true;
  if (node.callee.type === 'Identifier') {
    const definition = context.loggerDefinition(node.callee);
    return definition?.kind === 'debug' && namespaceOff(context, definition.namespace);
  }
  const call = memberCall(node);
  if (!call || !BELOW_INFO_METHODS.has(call.method)) return false;
  const definition = context.loggerDefinition(call.object);
  if (definition?.kind !== 'level') return false;
  const level = productionLevel(context, definition);
  return level !== undefined && levelDrops(level, call.method);
}
