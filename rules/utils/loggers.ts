// Which calls write a log line: the logging rules (no-phi-in-logs, no-body-logging) share these predicates.
import type { RuleContext, TSESTree } from '../../server/src/rule-api';
import { CONSOLE_LABEL_METHODS, LOG_METHODS, LOGGER_NAME_WORDS } from '../../server/src/rule-api';
import { dottedName, lastSegment, memberCall, splitWords, type Node } from './ast';

const logMethods = new Set(LOG_METHODS);
const consoleLabelMethods = new Set(CONSOLE_LABEL_METHODS);
const loggerNameWords = new Set(LOGGER_NAME_WORDS);

export function isConsole(object: Node): boolean {
  const name = dottedName(object);
  return name === 'console' || name === 'window.console' || name === 'globalThis.console';
}

function endsWithLoggerWord(name: string): boolean {
  const words = splitWords(name);
  return words.length > 0 && loggerNameWords.has(words[words.length - 1]);
}

/** `logger`, `this.log`, `req.log`, `auditLogger`, `winston`: named like a logger (the last word decides). */
export function isNamedLikeLogger(object: Node, extraNames: readonly string[] = []): boolean {
  const name = lastSegment(object);
  if (!name) return false;
  return extraNames.includes(name) || endsWithLoggerWord(name);
}

/** `log`, `logger`, `logStream`, `writeLog`: the name's first or last word is a logger word. */
export function isLoggerFunctionName(name: string, extraNames: readonly string[] = []): boolean {
  if (extraNames.includes(name) || endsWithLoggerWord(name)) return true;
  const words = splitWords(name);
  return words[0] === 'log' && words.length <= 2 && words[1] !== 'event' && words[1] !== 'in' && words[1] !== 'out';
}

/** `console`, an object the analysis tagged as a logger, or one named like a logger. */
export function isLogger(context: RuleContext, object: Node, extraNames: readonly string[] = []): boolean {
  return isConsole(object) || context.hasTag(object, 'logger') || isNamedLikeLogger(object, extraNames);
}

/**
 * `logger.info(…)`, `console.log(…)`: a log method on a logger; or a call of a function the analysis
 * tagged as a logger (`const debugLog = debug('clinic:api'); debugLog(…)`).
 */
export function isLogLineCall(context: RuleContext, node: TSESTree.CallExpression, extraNames: readonly string[] = []): boolean {
  const call = memberCall(node);
  if (call) return (logMethods.has(call.method) && isLogger(context, call.object, extraNames)) || (consoleLabelMethods.has(call.method) && isConsole(call.object)) || isFunctionContextLog(call.object, call.method);
  return node.callee.type === 'Identifier' && context.hasTag(node.callee, 'logger');
}

/**
 * Azure Functions' `context.log(…)` (and `context.warn/error/…` of v4's InvocationContext): the function
 * runtime's logger, whose lines go to Application Insights.
 */
function isFunctionContextLog(object: Node, method: string): boolean {
  return lastSegment(object) === 'context' && (method === 'log' || method === 'trace' || method === 'warn' || method === 'error');
}
