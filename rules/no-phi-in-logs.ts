import { defineRule, type RuleContext, type TSESTree } from '../server/src/engine/rule-api';
import { LOG_METHODS, LOGGER_NAME_WORDS } from './vocabulary/flows';
import { dottedName, lastSegment, memberCall, phiOfArguments, splitWords, type Node } from './utils/ast';

const logMethods = new Set(LOG_METHODS);
const loggerNameWords = new Set(LOGGER_NAME_WORDS);

function isConsole(object: Node): boolean {
  const name = dottedName(object);
  return name === 'console' || name === 'window.console' || name === 'globalThis.console';
}

/** `logger`, `this.log`, `req.log`, `auditLogger`, `winston`: named like a logger (the last word decides). */
function isNamedLikeLogger(object: Node, extraNames: readonly string[]): boolean {
  const name = lastSegment(object);
  if (!name) return false;
  if (extraNames.includes(name)) return true;
  const words = splitWords(name);
  return words.length > 0 && loggerNameWords.has(words[words.length - 1]);
}

/** `log`, `logger`, `logStream`, `writeLog`: the name's first or last word is a logger word. */
function isLoggerFunctionName(name: string, extraNames: readonly string[]): boolean {
  if (extraNames.includes(name)) return true;
  const words = splitWords(name);
  return words.length > 0 && (loggerNameWords.has(words[words.length - 1]) || (words[0] === 'log' && words.length <= 2 && words[1] !== 'event' && words[1] !== 'in' && words[1] !== 'out'));
}

function isLogger(context: RuleContext, object: Node, extraNames: readonly string[]): boolean {
  return isConsole(object) || context.hasTag(object, 'logger') || isNamedLikeLogger(object, extraNames);
}

/** What kind of log sink a call is, if any. */
function logSink(context: RuleContext, node: TSESTree.CallExpression, extraNames: readonly string[]): 'line' | 'child' | undefined {
  const call = memberCall(node);
  if (call) {
    if (call.method === 'child' && isLogger(context, call.object, extraNames)) return 'child';
    if (logMethods.has(call.method) && isLogger(context, call.object, extraNames)) return 'line';
    return undefined;
  }
  // `const debugLog = debug('clinic:api'); debugLog('%o', patient)`
  if (node.callee.type === 'Identifier' && context.hasTag(node.callee, 'logger')) return 'line';
  // `import { log } from './logger'; log('fhir audit', data)`: an imported function named like a logger.
  if (node.callee.type === 'Identifier' && context.importedFrom(node.callee.name) && isLoggerFunctionName(node.callee.name, extraNames)) return 'line';
  return undefined;
}

export default defineRule({
  meta: {
    id: 'no-phi-in-logs',
    description: 'Disallow protected health information in log output.',
    rationale:
      'Log lines are copied to files, log aggregators and monitoring vendors, kept for months and read by people who have no need to see patient data. HIPAA’s minimum-necessary standard and audit-control safeguard expect logs to record that PHI was accessed (who, when, which record id), not the PHI itself.',
    category: 'logging',
    defaultSeverity: 'error',
    cwe: ['CWE-532'],
    hipaa: ['164.312(b)', '164.502(b)'],
    precision: 'high',
    securitySeverity: 7.5,
    messages: {
      phiInLog: 'Logging {{kinds}}. Log an opaque id instead, or redact the value before logging.',
      phiBoundToLogger: 'Child logger binds {{kinds}} to every line it writes. Bind an opaque id instead.',
    },
    schema: {
      type: 'object',
      properties: {
        loggerNames: { type: 'array', items: { type: 'string' }, description: 'Extra object names to treat as loggers.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { loggerNames: [] },
    languages: ['code'],
  },
  create(context) {
    const extraNames = (context.options.loggerNames as string[] | undefined) ?? [];
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const sink = logSink(context, node, extraNames);
        if (!sink) return;
        const phi = phiOfArguments(context, node.arguments);
        if (!phi) return;
        context.report({ node: phi.node, messageId: sink === 'child' ? 'phiBoundToLogger' : 'phiInLog', taint: phi.taint });
      },
    };
  },
});
