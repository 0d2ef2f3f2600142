import { createRule, RETRIEVAL_VERBS, splitWords, type RuleContext, type TSESTree } from '../server/src/rule-api';
import { memberCall, phiOfArguments } from './utils/ast';
import { HeaderMaps } from './utils/header-maps';
import { FailedRequests } from './utils/http-client-errors';
import { droppedInProduction } from './utils/log-levels';
import { isLogger, isLoggerFunctionName, isLogLineCall } from './utils/loggers';

const retrievalVerbs = new Set(RETRIEVAL_VERBS);

/**
 * `statusLog={createStatusLog(prescription, statuses)}`, `const entry = buildAuditLog(…)`: a function named for
 * getting or building a log (`create…Log`, `get…Log`, `format…Log`) whose result the code uses returns a record
 * called a log, it does not write a line. A logging function's result is not used (`writeLog(…);`, `log(…);`).
 */
function buildsALogRecord(context: RuleContext, node: TSESTree.CallExpression, name: string): boolean {
  const words = splitWords(name);
  if (words.length < 2 || !retrievalVerbs.has(words[0])) return false;
  const { parent } = resultUse(context, node);
  return parent !== undefined && parent.type !== 'ExpressionStatement';
}

/** Where a call's result goes: the first enclosing node past `await`, `?.` and `as` (`child` is what that node holds). */
function resultUse(context: RuleContext, node: TSESTree.CallExpression): { parent: TSESTree.Node | undefined; child: TSESTree.Node } {
  let child: TSESTree.Node = node;
  let parent = context.parentOf(node);
  while (parent && (parent.type === 'AwaitExpression' || parent.type === 'ChainExpression' || parent.type === 'TSAsExpression')) {
    child = parent;
    parent = context.parentOf(parent);
  }
  return { parent, child };
}

/**
 * `events: [addActivityEventLog({ message })]`, `eventLogs.push(addEventLog(…))`: a call of a function named like a
 * logger whose result is kept as an element of an array or a property of an object is building a log entry the code
 * hands on as data (a workflow platform's activity events returned to it), not writing a line: a logger's result is
 * nothing worth keeping. An entry kept in a variable (`const entry = addEventLog(…)`, often logged next) still counts.
 */
function keptAsData(context: RuleContext, node: TSESTree.CallExpression): boolean {
  const { parent, child } = resultUse(context, node);
  if (!parent) return false;
  if (parent.type === 'ArrayExpression') return true;
  if (parent.type === 'Property' && parent.value === child && context.parentOf(parent)?.type === 'ObjectExpression') return true;
  if (parent.type === 'CallExpression' && parent.arguments.includes(child as TSESTree.CallExpressionArgument)) {
    const call = memberCall(parent);
    return call !== undefined && (call.method === 'push' || call.method === 'unshift');
  }
  return false;
}

/** What kind of log sink a call is, if any. */
function logSink(context: RuleContext, node: TSESTree.CallExpression, extraNames: readonly string[]): 'line' | 'child' | undefined {
  // `logger.info(…)`, `console.log(…)`, `const debugLog = debug('clinic:api'); debugLog('%o', patient)`
  if (isLogLineCall(context, node, extraNames)) return 'line';
  const call = memberCall(node);
  if (call) return call.method === 'child' && isLogger(context, call.object, extraNames) ? 'child' : undefined;
  // `import { log } from './logger'; log('fhir audit', data)`: an imported function named like a logger.
  if (node.callee.type === 'Identifier' && context.importedFrom(node.callee.name) && isLoggerFunctionName(node.callee.name, extraNames)) {
    return buildsALogRecord(context, node, node.callee.name) || keptAsData(context, node) ? undefined : 'line';
  }
  return undefined;
}

export default createRule({
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
      headerMapInLog: 'Logging the whole request header map, whose headers carry {{kinds}} (this file reads them from it). Log the headers you need by name, without the identifying ones.',
      requestInClientError: 'Logging the whole HTTP client error writes the request it keeps (URL, query parameters and body), which carried {{kinds}}. Log `error.message` and the response status instead.',
    },
    schema: {
      type: 'object',
      properties: {
        loggerNames: { type: 'array', items: { type: 'string' }, description: 'Extra object names to treat as loggers.' },
        ipAddressesAlone: {
          type: 'boolean',
          description: 'Also report a log line whose only PHI is an IP address (connection and access logs). Off by default: an IP identifies a patient only together with health data, and security audit needs it.',
        },
      },
      additionalProperties: false,
    },
    languages: ['code'],
  },
  defaultOptions: { loggerNames: [] as string[], ipAddressesAlone: false },
  create(context, options) {
    const extraNames = options.loggerNames;
    const failedRequests = new FailedRequests(context);
    const headerMaps = new HeaderMaps(context);
    return {
      MemberExpression(node: TSESTree.MemberExpression) {
        headerMaps.onMember(node);
      },
      'Program:exit'() {
        for (const logged of headerMaps.findings()) context.report({ node: logged.node, messageId: 'headerMapInLog', taint: logged.taint, precision: 'medium' });
      },
      VariableDeclarator(node: TSESTree.VariableDeclarator) {
        failedRequests.onDeclarator(node);
      },
      CallExpression(node: TSESTree.CallExpression) {
        const sink = logSink(context, node, extraNames);
        if (!sink) {
          failedRequests.onCall(node);
          headerMaps.onCall(node);
          return;
        }
        // `debug('%o', patient)` in a namespace the shipped DEBUG setting leaves off, `logger.debug(patient)` through a
        // logger whose production level is `info`: the call writes nothing in production.
        if (sink === 'line' && droppedInProduction(context, node)) return;
        const phi = phiOfArguments(context, node.arguments);
        if (!phi) {
          if (sink === 'line') headerMaps.onLogged(node.arguments);
          // `catch (error) { logger.error('search failed', error) }` after `axios.get(url, { params: { nhsNumber } })`
          const failed = sink === 'line' ? failedRequests.loggedError(node) : undefined;
          if (failed?.request.taint) context.report({ node: failed.node, messageId: 'requestInClientError', taint: failed.request.taint, precision: failed.request.precision });
          return;
        }
        // `client connected from 10.1.2.3`: the access log a security audit needs, not a patient's record.
        if (!options.ipAddressesAlone && phi.taint.kinds.every((kind) => kind === 'ip-address')) return;
        context.report({ node: phi.node, messageId: sink === 'child' ? 'phiBoundToLogger' : 'phiInLog', taint: phi.taint });
      },
    };
  },
});
