import { createRule, isAccountContextName, subjectOfName, type JsonNode, type JsonPropertyInfo, type RuleContext, type TSESTree } from '../server/src/rule-api';
import { childNodes, dottedName, findInSubtree, keyName, lastSegment, memberCall, propertyKey, propertyName, requiredModuleOf, returnedExpression, type Node } from './utils/ast';
import { calleeText, codeConstant, enclosingCall, enclosingNames, isOnValue, jsonScalar, jsonSiblings, keyWords, namesHaveWord, siblingNames } from './utils/config-keys';
import { HeaderMaps } from './utils/header-maps';
import { LambdaEventLogging } from './utils/lambda-event-logging';
import { FailedRequests, inNonClientErrorBranch } from './utils/http-client-errors';
import { droppedInProduction } from './utils/log-levels';
import { isLogLineCall, isLoggerFunctionName } from './utils/loggers';

type MessageId = 'bodyLoggerPackage' | 'loggedCommand' | 'databaseDebug' | 'clientErrorPayload' | 'lambdaEventLogged' | 'bodySwitch' | 'captureBody' | 'whitelistBody' | 'bodyWhitelistFields' | 'morganFormat' | 'morganToken' | 'serializer' | 'loggedBody' | 'loggedPayload' | 'interceptor' | 'rpcLoggerLink';

/** Words that make a section, sibling or call a logging one. */
const LOG_CONTEXT_WORDS = new Set(['log', 'logs', 'logger', 'loggers', 'logging', 'morgan', 'winston', 'pino', 'bunyan', 'log4js', 'access', 'trace', 'tracing', 'apm', 'audit', 'debug', 'monitoring', 'observability', 'telemetry', 'sentry', 'datadog', 'newrelic', 'elastic']);
/** Words of a body: `logRequestBody`, `bodyLogging`, `logPayload`. */
const BODY_WORDS = new Set(['body', 'bodies', 'payload', 'payloads']);
/** Words that make a key a size limit, a redaction list or an opt-out rather than a switch. */
const NOT_A_SWITCH_WORDS = new Set(['no', 'not', 'skip', 'disable', 'disabled', 'omit', 'exclude', 'excluded', 'redact', 'redacted', 'mask', 'masked', 'max', 'min', 'limit', 'size', 'length', 'bytes', 'truncate', 'blacklist', 'denylist', 'ignore', 'ignored', 'strip', 'without', 'hide',
  // permissions to look at a body in a UI, not switches that log it (regression: `transaction-view-body-all` roles)
  'view', 'read', 'show', 'display', 'edit', 'access', 'permission', 'permissions', 'role', 'roles', 'can', 'allow', 'allowed']);
/** express-winston options that list what of each request/response goes into the log line. */
const WHITELIST_OPTIONS = new Set(['requestWhitelist', 'responseWhitelist', 'requestAllowlist', 'responseAllowlist']);
const BODY_WHITELIST_OPTIONS = new Set(['bodyWhitelist', 'bodyAllowlist', 'requestBodyWhitelist', 'responseBodyWhitelist']);
/** Serializer keys of pino/pino-http/bunyan. */
const SERIALIZED_OBJECTS = new Set(['req', 'request', 'res', 'response']);
/** Names of request/response objects whose `.body` is the payload. */
const HTTP_OBJECT_NAMES = new Set(['req', 'request', 'res', 'response', 'event', 'incoming', 'ctx', 'context', 'httpRequest', 'httpResponse']);
/** morgan tokens that write the body. */
const MORGAN_BODY_TOKEN = /:(?:req-?|request-?|res-?|response-?)?(?:body|payload)(?![\w-])/i;
/** Tokens every morgan format has one of. */
const MORGAN_TOKEN = /:(?:method|url|status|response-time|remote-addr|remote-user|date|http-version|referrer|user-agent|total-time|res\[|req\[)/;

type Precision = 'high' | 'medium';

/**
 * How a key turns body logging on when true: `logRequestBody`, `bodyLogging`, `LOG_PAYLOAD` name it
 * outright; `includeBody`, `requestBody`, `captureBody` only inside a logging section.
 */
function bodySwitch(key: string): { explicit: boolean } | undefined {
  const words = keyWords(key);
  if (!words.some((word) => BODY_WORDS.has(word))) return undefined;
  if (words.some((word) => NOT_A_SWITCH_WORDS.has(word))) return undefined;
  const explicit = words.some((word) => word === 'log' || word === 'logging' || word === 'logger');
  return { explicit };
}

function hasLogContext(names: readonly string[]): boolean {
  return namesHaveWord(names, LOG_CONTEXT_WORDS);
}

/** Elastic APM's `captureBody: 'all' | 'transactions' | 'errors' | 'off'`. */
function isCaptureBodyOn(key: string, value: unknown): boolean {
  return key === 'captureBody' && (value === true || (typeof value === 'string' && !/^\s*(off|false|none|)\s*$/i.test(value)));
}

function isBodyString(value: unknown): boolean {
  return typeof value === 'string' && value.trim().toLowerCase() === 'body';
}

function morganBodyToken(text: string, isMorganArgument: boolean): string | undefined {
  const match = MORGAN_BODY_TOKEN.exec(text);
  if (!match) return undefined;
  return isMorganArgument || MORGAN_TOKEN.test(text) ? match[0] : undefined;
}

function isMorgan(node: Node): boolean {
  const name = lastSegment(node);
  return name !== undefined && keyWords(name).includes('morgan');
}

/** `x.body` (not `x.body.field`, which names one field and is no-phi-in-logs' business). */
function isWholeBodyMember(node: Node, parent: Node | undefined): node is TSESTree.MemberExpression {
  if (node.type !== 'MemberExpression' || !['body', 'rawBody'].includes(propertyName(node) ?? '')) return false;
  return !(parent?.type === 'MemberExpression' && parent.object === node);
}

const WHOLE_VALUE_CALLS = new Set(['JSON.stringify', 'String', 'util.inspect', 'inspect', 'util.format', 'format']);
/** Wrappers that hand their operand on unchanged: `await x`, `x as T`, `x!`, `x satisfies T`, `<T>x`. */
const TRANSPARENT_TYPES = new Set(['AwaitExpression', 'TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'ChainExpression']);

/** Expressions that can hold a client's whole payload: a variable, a field, a call that returns one. */
const PAYLOAD_HOLDERS = new Set(['Identifier', 'MemberExpression', 'CallExpression']);

/** `JSON.stringify(x)`, `String(x)`: the report goes to `x` inside, which is what is logged. */
function isWholeValueCall(node: Node): boolean {
  return node.type === 'CallExpression' && WHOLE_VALUE_CALLS.has(dottedName(node.callee) ?? '');
}

/** Whether `child` reaches the value of `parent` whole (not a part, a count, a test or a sanitised form of it). */
function passesWhole(parent: Node, child: Node): boolean {
  switch (parent.type) {
    case 'Property':
      return parent.value === child;
    case 'ObjectExpression':
    case 'ArrayExpression':
    case 'SpreadElement':
    case 'TemplateLiteral':
      return true;
    case 'BinaryExpression':
      return parent.operator === '+';
    case 'ConditionalExpression':
      return parent.consequent === child || parent.alternate === child; // not the test: `req.body ? 'yes' : 'no'`
    case 'LogicalExpression':
      return parent.operator !== '&&' || parent.right === child; // `body || {}`, `body ?? {}`, `ok && body`; not `body && 'yes'`
    case 'CallExpression':
      return parent.arguments.includes(child as TSESTree.CallExpressionArgument) && WHOLE_VALUE_CALLS.has(dottedName(parent.callee) ?? '');
    default:
      return TRANSPARENT_TYPES.has(parent.type);
  }
}

/**
 * The first node under a log call's argument that `test` accepts and whose whole value reaches the log
 * line: the argument itself, a property value, a template part, a spread, a branch of a conditional,
 * the argument of JSON.stringify/String/inspect — not `body.field`, `Object.keys(body).length`,
 * `!!body`, `typeof body` or `redact(body)`, which log a part, a count, a boolean or a sanitised form.
 */
function findLoggedWhole(argument: Node, test: (node: Node, parent: Node | undefined) => boolean): Node | undefined {
  const stack: Array<{ node: Node; parent: Node | undefined }> = [{ node: argument, parent: undefined }];
  while (stack.length) {
    const { node, parent } = stack.pop()!;
    if (test(node, parent)) return node;
    // Below a node whose value is not logged whole, nothing is: `Object.keys(req.body)` stops here.
    if (/Function/.test(node.type)) continue;
    const children = childNodes(node).filter((child) => passesWhole(node, child));
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], parent: node });
  }
  return undefined;
}

function isHttpObject(node: Node): boolean {
  const name = lastSegment(node);
  return name !== undefined && HTTP_OBJECT_NAMES.has(name);
}

/** `axios.interceptors.request.use(fn)`, `api.interceptors.response.use(fn, onError)`. */
function interceptorKind(call: Node | undefined): 'request' | 'response' | undefined {
  if (call?.type !== 'CallExpression') return undefined;
  const name = dottedName(call.callee) ?? '';
  const match = /(?:^|\.)interceptors\.(request|response)\.use$/.exec(name);
  return match ? (match[1] as 'request' | 'response') : undefined;
}

/** The first parameter of the enclosing interceptor callback, when a log call sits in one. */
function interceptorParameter(node: Node): string | undefined {
  for (let current = node.parent as Node | undefined; current; current = current.parent as Node | undefined) {
    if (current.type !== 'ArrowFunctionExpression' && current.type !== 'FunctionExpression') continue;
    if (!interceptorKind(current.parent as Node | undefined)) continue;
    const first = current.params[0];
    return first?.type === 'Identifier' ? first.name : undefined;
  }
  return undefined;
}

export default createRule({
  meta: {
    id: 'no-body-logging',
    description: 'Disallow logging HTTP request and response bodies.',
    rationale:
      'The bodies a health API receives and returns are the PHI itself: registration forms, lab results, notes, insurance details. Body logging copies every one of them into access logs, log aggregators and APM vendors, in any environment. Log the method, route, status, timing and an opaque request id instead; when a payload is needed to debug, log an explicit allow-list of non-PHI fields.',
    category: 'config',
    defaultSeverity: 'error',
    cwe: ['CWE-532'],
    hipaa: ['164.312(b)', '164.502(b)'],
    precision: 'high',
    securitySeverity: 6.5,
    messages: {
      bodySwitch: '`{{option}}` turns on logging of request or response bodies: in a health API those bodies are PHI. Log the method, route, status and an opaque request id instead.',
      captureBody: '`captureBody` sends request bodies to the APM vendor with every {{what}}: in a health API those bodies are PHI. Set it to `off`.',
      whitelistBody: '`{{option}}` adds the {{what}} body to every logged request: in a health API those bodies are PHI. Log the method, route and status instead.',
      bodyWhitelistFields: '`{{option}}` copies body fields into every logged request. Make sure none of them is PHI, or remove the option.',
      morganFormat: 'This morgan format writes the body to the access log (`{{token}}`): in a health API the body is PHI.',
      morganToken: 'morgan token `{{token}}` writes the body into the access log: in a health API the body is PHI.',
      serializer: 'The `{{option}}` log serializer copies the body into every log line: in a health API the body is PHI.',
      loggedBody: 'Logging the whole `{{expression}}` writes the request or response body, which in a health API is PHI. Log an opaque id or an allow-list of non-PHI fields.',
      loggedPayload: 'Logging the whole `{{expression}}` writes the payload a client sent this handler (a request body, a serverless event, a queue message or a bucket object another system delivered, an RPC input or a socket message) or every response body it sends, which in a health API is PHI. Log an opaque id or an allow-list of non-PHI fields.',
      bodyLoggerPackage: '`{{name}}` (morgan-body) writes the request and response body of every call to the log: in a health API those bodies are PHI. Use morgan with a format of method, URL, status and timing, or turn `logRequestBody` and `logResponseBody` off.',
      loggedCommand: 'This {{hook}} logs every database command with its {{what}}: the documents written and the filters searched, which in a health app are patients\' records and search values. Log the command name, collection and duration only.',
      databaseDebug: '`{{call}}` turns on the driver\'s debug output outside development: every query and write is printed with its filter and documents, which in a health app are patients\' records. Enable it only in development.',
      rpcLoggerLink: 'tRPC `loggerLink` is on outside development{{when}}: it prints every operation{{which}} with its input to the console (and to whatever collects console output), and in a health app inputs are PHI. Enable it only in development: `enabled: () => process.env.NODE_ENV === \'development\'`.',
      lambdaEventLogged: '`{{logger}}` logs the whole Lambda {{what}} of every invocation, which for this handler holds {{kinds}}. Log the route, status and an opaque request id instead{{advice}}.',
      interceptor: 'This HTTP client interceptor logs the {{what}} payload: requests to and responses from a health API carry PHI. Log the method, URL path and status only.',
      clientErrorPayload: 'Logging the whole HTTP client error writes the request it keeps, whose body is the payload this code received (a request body or a consumed message) and passed on, which in a health API is PHI. Log `error.message` and the response status instead.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    languages: ['code', 'json'],
  },
  defaultOptions: {},
  create(context) {
    /**
     * A body-logging switch (Elastic APM's `captureBody` is one too). The value and the context are
     * asked for only once the key is a switch: this runs for every property.
     */
    const reportSwitch = (key: string, valueOf: () => unknown, inLogContext: () => boolean, report: (messageId: MessageId, data: Record<string, string>, precision?: Precision) => void) => {
      const bodyOption = bodySwitch(key);
      if (!bodyOption) return;
      const value = valueOf();
      if (isCaptureBodyOn(key, value)) {
        report('captureBody', { what: typeof value === 'string' && /^\s*errors\s*$/i.test(value) ? 'error' : 'transaction' });
        return;
      }
      if (!isOnValue(value)) return;
      if (bodyOption.explicit) {
        report('bodySwitch', { option: key });
      } else if (inLogContext()) {
        report('bodySwitch', { option: key }, 'medium');
      }
    };

    /** `morgan(':method :url :body')`, or a morgan-style format string written anywhere. */
    const checkFormatString = (node: Node, text: string) => {
      const parent = node.parent;
      const isMorganArgument = parent?.type === 'CallExpression' && parent.arguments[0] === node && isMorgan(parent.callee);
      const token = morganBodyToken(text, isMorganArgument);
      if (token) context.report({ node, messageId: 'morganFormat', data: { token } });
    };

    const headerMaps = new HeaderMaps(context);
    const lambdaEvents = new LambdaEventLogging(context, headerMaps);
    const failedRequests = new FailedRequests(context);
    const LOGGER_LABELS = { inputOutputLogger: 'inputOutputLogger', logEvent: 'logEvent: true', logEventIfEnabled: 'logEventIfEnabled' } as const;

    /** Local names of the morgan-body middleware (`import morganBody from 'morgan-body'`, `const mb = require('morgan-body')`). */
    const bodyLoggerNames = new Set<string>();

    return {
      ImportDeclaration(node: TSESTree.ImportDeclaration) {
        if (node.source.value !== BODY_LOGGER_PACKAGE) return;
        for (const specifier of node.specifiers) if (specifier.type !== 'ImportSpecifier') bodyLoggerNames.add(specifier.local.name);
      },
      FunctionDeclaration(node: TSESTree.FunctionDeclaration) {
        lambdaEvents.onFunctionDeclaration(node);
      },
      MemberExpression(node: TSESTree.MemberExpression) {
        headerMaps.onMember(node);
        lambdaEvents.onMember(node);
      },
      VariableDeclarator(node: TSESTree.VariableDeclarator) {
        if (node.id.type === 'Identifier' && requiredModuleOf(node.init) === BODY_LOGGER_PACKAGE) bodyLoggerNames.add(node.id.name);
        lambdaEvents.onDeclarator(node);
        failedRequests.onDeclarator(node);
      },
      ReturnStatement(node: TSESTree.ReturnStatement) {
        lambdaEvents.onReturn(node);
      },
      ArrowFunctionExpression(node: TSESTree.ArrowFunctionExpression) {
        lambdaEvents.onArrow(node);
      },
      'Program:exit'() {
        for (const finding of lambdaEvents.findings()) {
          context.report({
            node: finding.node,
            messageId: 'lambdaEventLogged',
            data: { logger: LOGGER_LABELS[finding.logger], what: finding.what, advice: finding.logger === 'inputOutputLogger' ? ', or list the PHI fields in `omitPaths`' : '' },
            taint: finding.taint,
            precision: finding.precision,
          });
        }
      },
      Property(node: TSESTree.Property) {
        const option = propertyKey(node);
        if (option === undefined) return;
        const value = node.value as Node;
        // Visited at every property: no named closure here (a bundle that keeps names pays for naming each one).
        if (WHITELIST_OPTIONS.has(option) && value.type === 'ArrayExpression') {
          const body = value.elements.find((element) => element && element.type !== 'SpreadElement' && isBodyString(codeConstant(context, element)));
          if (body) context.report({ node: body, messageId: 'whitelistBody', data: { option, what: option.startsWith('response') ? 'response' : 'request' } });
          return;
        }
        if (BODY_WHITELIST_OPTIONS.has(option) && value.type === 'ArrayExpression' && value.elements.length > 0) {
          context.report({ node, messageId: 'bodyWhitelistFields', data: { option }, precision: undefined });
          return;
        }
        if (SERIALIZED_OBJECTS.has(option) && isSerializersObject(node) && /Function/.test(value.type) && findInSubtree(value, isWholeBodyMember, true)) {
          context.report({ node, messageId: 'serializer', data: { option }, precision: undefined });
          return;
        }
        reportSwitch(
          option,
          () => codeConstant(context, value),
          () => {
            const callee = calleeText(enclosingCall(node));
            return hasLogContext(enclosingNames(node)) || hasLogContext(siblingNames(node)) || (callee !== undefined && hasLogContext([callee]));
          },
          (messageId, data, precision) => context.report({ node, messageId, data, precision }),
        );
      },
      CallExpression(node: TSESTree.CallExpression) {
        lambdaEvents.onCall(node);
        headerMaps.onCall(node);
        // morganBody(app, options): every request and response body to the log, unless both are turned off.
        if (node.callee.type === 'Identifier' && bodyLoggerNames.has(node.callee.name) && !bothBodiesOff(context, node.arguments[1] as Node | undefined)) {
          context.report({ node, messageId: 'bodyLoggerPackage', data: { name: node.callee.name } });
          return;
        }
        const call = memberCall(node);
        // expressWinston.requestWhitelist.push('body')
        if (call?.method === 'push') {
          const list = lastSegment(call.object);
          if (list && WHITELIST_OPTIONS.has(list)) {
            const body = node.arguments.find((argument) => isBodyString(codeConstant(context, argument)));
            if (body) context.report({ node, messageId: 'whitelistBody', data: { option: list, what: list.startsWith('response') ? 'response' : 'request' } });
          } else if (list && BODY_WHITELIST_OPTIONS.has(list) && node.arguments.length > 0) {
            context.report({ node, messageId: 'bodyWhitelistFields', data: { option: list } });
          }
          return;
        }
        // morgan.token('body', (req) => JSON.stringify(req.body))
        if (call?.method === 'token' && isMorgan(call.object) && node.arguments.length >= 2) {
          const name = codeConstant(context, node.arguments[0]);
          const callback = node.arguments[1];
          const namesBody = typeof name === 'string' && keyWords(name).some((word) => BODY_WORDS.has(word));
          if (namesBody || (/Function/.test(callback.type) && findInSubtree(callback, isWholeBodyMember, true))) {
            context.report({ node, messageId: 'morganToken', data: { token: typeof name === 'string' && /^[\w-]{1,40}$/.test(name) ? name : 'body' } });
          }
          return;
        }
        // morgan(format) with a format defined elsewhere (literals are checked where they are written)
        if (!call && isMorgan(node.callee) && node.arguments[0]) {
          const argument = node.arguments[0];
          if (argument.type === 'Literal' || argument.type === 'TemplateLiteral') return;
          const format = codeConstant(context, argument);
          const token = typeof format === 'string' && !morganBodyToken(format, false) ? morganBodyToken(format, true) : undefined;
          if (token) context.report({ node: argument, messageId: 'morganFormat', data: { token } });
          return;
        }
        // mongoose.set('debug', true): every query and write printed with its documents.
        if (isDatabaseDebugSwitch(context, node)) {
          context.report({ node, messageId: 'databaseDebug', data: { call: "mongoose.set('debug')" } });
          return;
        }
        if (isLoggerLink(node)) {
          const filter = loggerLinkFilter(context, node);
          if (filter !== 'development') {
            const errorsOnly = filter === 'errors';
            context.report({ node, messageId: 'rpcLoggerLink', data: { when: errorsOnly ? ' for failed operations' : '', which: errorsOnly ? ' that fails' : '' }, precision: errorsOnly ? 'medium' : 'high' });
          }
          return;
        }
        const logLine = isLogLineCall(context, node);
        // A database driver's command monitoring: `client.on('commandStarted', (event) => log(event))`, also through
        // the project's own log function (`logInfo('command', { event })`).
        if (logLine || (node.callee.type === 'Identifier' && isLoggerFunctionName(node.callee.name))) {
          const hook = commandHookOf(node);
          if (hook && !droppedInProduction(context, node)) {
            for (const argument of node.arguments) {
              const logged = findLoggedWhole(argument, (child, parent) => isCommandPayload(child, parent, hook));
              if (logged) {
                context.report({ node: logged, messageId: 'loggedCommand', data: { hook: hook.label, what: hook.what }, precision: 'medium' });
                return;
              }
            }
          }
        }
        if (!logLine) {
          failedRequests.onCall(node);
          return;
        }
        if (isBrowserReportHandler(context, node)) return;
        if (isAccountHandler(context, node)) return;
        // `logger.debug(req.body)` through a logger whose production level is `info`: nothing is written.
        if (droppedInProduction(context, node)) return;
        const parameter = interceptorParameter(node);
        for (const argument of node.arguments) {
          // `else if (error instanceof Error) logger.error(…, { error })` after `if (isAxiosError(error))`: not the client's error.
          if (parameter && !inNonClientErrorBranch(node, parameter)) {
            const payload = findLoggedWhole(argument, (child, parent) => isInterceptorPayload(child, parent, parameter));
            if (payload) {
              context.report({ node: payload, messageId: 'interceptor', data: { what: interceptorKind(enclosingInterceptorCall(node)) ?? 'request' }, precision: 'medium' });
              return;
            }
          }
          const body = findLoggedWhole(argument, (child, parent) => isWholeBodyMember(child, parent) && isHttpObject(child.object));
          if (body) {
            const text = context.getText(body);
            context.report({ node: body, messageId: 'loggedBody', data: { expression: text.length <= 40 ? text : 'body' } });
            return;
          }
          // `const answers = req.body; console.log(answers)`: a variable holding the whole body; and what the
          // engine knows as a client's whole payload: a serverless event, `await request.json()`, a tRPC
          // procedure's `input`, a socket message that writes a record, a parsed or validated copy of one, and
          // what a helper returns when it hands back its parameter's body (`getPayload(request)`).
          const alias = findLoggedWhole(argument, (child) => PAYLOAD_HOLDERS.has(child.type) && !isWholeValueCall(child) && context.hasTag(child, 'request-body'));
          if (alias) {
            const text = context.getText(alias);
            context.report({ node: alias, messageId: 'loggedPayload', data: { expression: text.length <= 40 ? text : 'payload' }, precision: 'medium' });
            return;
          }
        }
        // `catch (error) { logger.error({ error }) }` after `axios.post(url, req.body)`: the error keeps the forwarded
        // payload in `config.data`. A request whose values name PHI is no-phi-in-logs' business.
        const failed = failedRequests.loggedError(node);
        if (failed?.request.payload && !failed.request.taint) context.report({ node: failed.node, messageId: 'clientErrorPayload', precision: 'medium' });
      },
      Literal(node: TSESTree.Literal) {
        if (typeof node.value === 'string' && node.value.includes(':')) checkFormatString(node, node.value);
      },
      TemplateLiteral(node: TSESTree.TemplateLiteral) {
        checkFormatString(node, node.quasis.map((quasi) => quasi.value.cooked ?? '').join(' '));
      },
      JsonProperty(property: JsonPropertyInfo) {
        const { key, valueNode, path } = property;
        const report = (messageId: MessageId, data: Record<string, string>, precision?: Precision) => context.report({ jsonNode: property.node, messageId, data, precision });
        if (WHITELIST_OPTIONS.has(key) && valueNode?.type === 'array') {
          const body = (valueNode.children ?? []).find((element: JsonNode) => isBodyString(jsonScalar(element)));
          if (body) context.report({ jsonNode: body, messageId: 'whitelistBody', data: { option: key, what: key.startsWith('response') ? 'response' : 'request' } });
          return;
        }
        if (BODY_WHITELIST_OPTIONS.has(key) && valueNode?.type === 'array' && (valueNode.children ?? []).length > 0) {
          report('bodyWhitelistFields', { option: key });
          return;
        }
        if (valueNode?.type === 'string' && typeof valueNode.value === 'string') {
          const token = morganBodyToken(valueNode.value, keyWords(key).includes('morgan') || path.some((segment) => keyWords(segment).includes('morgan')));
          if (token) {
            context.report({ jsonNode: valueNode, messageId: 'morganFormat', data: { token } });
            return;
          }
        }
        reportSwitch(key, () => jsonScalar(valueNode), () => hasLogContext(path.slice(0, -1).reverse()) || hasLogContext([...jsonSiblings(property).keys()]), report);
      },
    };
  },
});

/** `serializers: { req: … }` (pino, pino-http, bunyan). */
/**
 * Inside the handler of a route browsers post their own reports to (`/csp-report`, `/report-violation`,
 * Reporting API endpoints): the body is a policy-violation or deprecation report about the page, not
 * anyone's data.
 */
function isBrowserReportHandler(context: RuleContext, node: Node): boolean {
  for (let current = context.parentOf(node); current; current = context.parentOf(current)) {
    if (current.type !== 'CallExpression') continue;
    const route = current.arguments[0];
    const path = route && (route.type === 'Literal' || route.type === 'TemplateLiteral') ? codeConstant(context, route) : undefined;
    if (typeof path === 'string' && BROWSER_REPORT_ROUTE.test(path)) return true;
  }
  return false;
}

/**
 * Inside a handler of the app's own accounts or its staff: a route (`/login`, `/users/password`, `/staff`) or
 * an enclosing function named for them (`handleLogin`, `resetPassword`), and nothing named for a patient. Its
 * body is a user's credentials or a staff member's profile, not a patient's data.
 */
function isAccountHandler(context: RuleContext, node: Node): boolean {
  const names: string[] = [];
  for (let current = context.parentOf(node); current; current = context.parentOf(current)) {
    if (current.type === 'CallExpression') {
      const route = current.arguments[0];
      const path = route && (route.type === 'Literal' || route.type === 'TemplateLiteral') ? codeConstant(context, route) : undefined;
      if (typeof path === 'string' && path.startsWith('/')) names.push(...path.split(/[/:]+/).filter(Boolean));
    } else if (current.type === 'FunctionDeclaration' && current.id) names.push(current.id.name);
    else if (current.type === 'VariableDeclarator' && current.id.type === 'Identifier') names.push(current.id.name);
    else if ((current.type === 'MethodDefinition' || current.type === 'Property') && !current.computed) {
      const key = keyName(current.key);
      if (key) names.push(key);
    }
  }
  if (names.some((name) => subjectOfName(name) === 'patient')) return false;
  // An app whose users are patients (config `appUsers`): its logins and `/users` are patients' own.
  if (context.config.appUsers === 'patients') return names.some((name) => STAFF_ROUTE_WORDS.has(name.toLowerCase()) && !/^users?$/i.test(name));
  return names.some((name) => isAccountContextName(name) || STAFF_ROUTE_WORDS.has(name.toLowerCase()));
}

/** Route segments of the workforce as people: `/users`, `/staff`, `/practitioners`. */
const STAFF_ROUTE_WORDS = new Set(['user', 'users', 'staff', 'practitioner', 'practitioners', 'employee', 'employees', 'admin', 'admins']);

const BROWSER_REPORT_ROUTE = /(^|[/_-])(csp|csp-?reports?|report-?violations?|violations?-?reports?|reporting-?endpoint|nel|expect-?ct)([/_-]|$)/i;

function isSerializersObject(property: TSESTree.Property): boolean {
  const object = property.parent;
  const holder = object?.parent;
  return holder?.type === 'Property' && keyName(holder.key) === 'serializers';
}

function enclosingInterceptorCall(node: Node): Node | undefined {
  for (let current = node.parent as Node | undefined; current; current = current.parent as Node | undefined) {
    if ((current.type === 'ArrowFunctionExpression' || current.type === 'FunctionExpression') && interceptorKind(current.parent as Node | undefined)) return current.parent as Node;
  }
  return undefined;
}

/**
 * `config` itself, `config.data` or `response.data` (not `config.url` or `response.status`); and what keeps
 * the request's config whole: `response.config`, `error.config`, `error.toJSON()` (an axios error serialises
 * its config, body included) in an error handler.
 */
function isInterceptorPayload(node: Node, parent: Node | undefined, parameter: string): boolean {
  if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.object.type === 'Identifier' && node.callee.object.name === parameter) {
    return propertyName(node.callee) === 'toJSON';
  }
  if (node.type === 'Identifier' && node.name === parameter) {
    // the parameter as a whole, unless it is only the object of a member access
    return !(parent?.type === 'MemberExpression' && parent.object === node) && !(parent?.type === 'Property' && parent.key === node && !parent.shorthand);
  }
  if (node.type !== 'MemberExpression' || node.object.type !== 'Identifier' || node.object.name !== parameter) return false;
  const name = propertyName(node);
  return name === 'data' || name === 'body' || (name === 'config' && !(parent?.type === 'MemberExpression' && parent.object === node));
}

// ── tRPC loggerLink ─────────────────────────────────────────────────────────────────────────

/** `loggerLink()`, `loggerLink({ enabled })`: tRPC's client link that prints each operation with its input. */
function isLoggerLink(call: TSESTree.CallExpression): boolean {
  return lastSegment(call.callee) === 'loggerLink';
}

/** Words of a check that holds only in development or tests (`process.env.NODE_ENV === 'development'`, `import.meta.env.DEV`, `isDev`). */
const DEVELOPMENT_WORDS = new Set(['development', 'dev', 'develop', 'test', 'tests', 'testing', 'local', 'storybook', 'debug']);

/** Whether `node` runs only where a test about development holds: `if (isDev) …`, `isDev ? … : …`, `isDev && …`. */
function inDevelopmentBranch(context: RuleContext, node: Node): boolean {
  for (let current: Node | undefined = context.parentOf(node), child: Node = node; current; child = current, current = context.parentOf(current)) {
    if ((current.type === 'IfStatement' || current.type === 'ConditionalExpression') && current.consequent === child && mentionsDevelopment(current.test)) return true;
    if (current.type === 'LogicalExpression' && current.operator === '&&' && current.right === child && mentionsDevelopment(current.left)) return true;
  }
  return false;
}

/** Whether an expression is, or is made of, checks for a development environment. */
function mentionsDevelopment(node: Node): boolean {
  return findInSubtree(node, (child) => {
    if (child.type === 'Identifier') return keyWords(child.name).some((word) => DEVELOPMENT_WORDS.has(word));
    if (child.type === 'Literal' && typeof child.value === 'string') return keyWords(child.value).some((word) => DEVELOPMENT_WORDS.has(word));
    return false;
  }, true) !== undefined;
}

/** The expression that decides: an arrow's or function's returned expression, else the value itself. */
function decidingExpression(value: Node): Node | undefined {
  return value.type === 'ArrowFunctionExpression' || value.type === 'FunctionExpression' ? returnedExpression(value) : value;
}

/**
 * What a loggerLink's `enabled` option lets through outside development: 'development' when the link runs
 * only there (a development check alone or `&&`-joined to others, `enabled: false`, or the call inside a
 * branch taken only in development, tests or storybook), 'errors' when production logs failed operations
 * (`op.direction === 'down' && op.result instanceof Error`, tRPC's own template `isDev || failed`), 'all'
 * without a filter.
 */
function loggerLinkFilter(context: RuleContext, call: TSESTree.CallExpression): 'development' | 'errors' | 'all' {
  if (inDevelopmentBranch(context, call)) return 'development';
  const options = call.arguments[0];
  const enabled = options?.type === 'ObjectExpression' ? options.properties.find((property) => property.type === 'Property' && keyName(property.key) === 'enabled') : undefined;
  if (!enabled || enabled.type !== 'Property') return 'all';
  const value = enabled.value as Node;
  if (value.type === 'Literal' && value.value === false) return 'development';
  const deciding = decidingExpression(value);
  if (!deciding) return 'all';
  const alternatives = orOperands(deciding);
  // `isDev || failed`: the development check decides nothing in production; the other alternatives do.
  const production = alternatives.filter((alternative) => !mentionsDevelopment(alternative));
  if (production.length === 0) return 'development';
  return production.every((alternative) => findInSubtree(alternative, (child) => child.type === 'BinaryExpression' && child.operator === 'instanceof', true) !== undefined || /\b(error|fail)/i.test(context.getText(alternative))) ? 'errors' : 'all';
}

/** `a || b || c` → [a, b, c]. */
function orOperands(node: Node): Node[] {
  if (node.type === 'LogicalExpression' && (node.operator === '||' || node.operator === '??')) return [...orOperands(node.left), ...orOperands(node.right)];
  if (TRANSPARENT_TYPES.has(node.type) && 'expression' in node) return orOperands(node.expression as Node);
  return [node];
}

// ── database command monitoring ─────────────────────────────────────────────────────────────
//
// What a database driver hands its monitoring hooks is each command whole: the MongoDB driver's command
// monitoring events (`commandStarted` carries `command`, the filter or the documents; `commandSucceeded` carries
// `reply`, the documents returned), a LoopBack connector's `execute` observers (`ctx.req.params`: the query, the
// update or the documents of every call) and mongoose's debug printer (`(collection, method, ...args)`, args being
// the filter, the update and the documents). Logged there, every record the application reads or writes goes into
// the log, whatever the model.

interface CommandHook {
  /** The hook's parameters whose whole value is a command or its result. */
  parameters: ReadonlySet<string>;
  /** Fields of those parameters that hold the command's data (`event.command`, `ctx.req.params`); every segment of a read must be one. */
  fields: ReadonlySet<string>;
  label: string;
  what: string;
}

/** `commandFailed` is left out: its event carries the command's name and the failure, not the command document. */
const MONGO_COMMAND_EVENTS = new Set(['commandStarted', 'commandSucceeded']);
const MONGO_EVENT_FIELDS = new Set(['command', 'reply']);
/** LoopBack connector hooks: `connector.observe('before execute' | 'after execute' | 'execute', (ctx, next) => …)`. */
const CONNECTOR_EXECUTE_EVENT = /^(?:before |after )?execute$/;
/** `ctx.req` is `{ command, params }` (`command` is the operation's name), `ctx.res` the driver's result. */
const CONNECTOR_CONTEXT_FIELDS = new Set(['req', 'res', 'params', 'result', 'results', 'data', 'query', 'where', 'filter', 'update', 'document', 'documents', 'doc', 'docs']);

function stringArgument(node: Node | undefined): string | undefined {
  return node?.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined;
}

function parameterNames(fn: TSESTree.FunctionLike, from: number): Set<string> {
  const names = new Set<string>();
  fn.params.slice(from).forEach((param) => {
    if (param.type === 'Identifier') names.add(param.name);
    else if (param.type === 'RestElement' && param.argument.type === 'Identifier') names.add(param.argument.name);
  });
  return names;
}

/** `mongoose.set('debug', …)`, `connection.set('debug', …)` with the mongoose module or a connection of it. */
function isMongooseDebugCall(call: Node): call is TSESTree.CallExpression {
  if (call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || propertyName(call.callee) !== 'set') return false;
  if (stringArgument(call.arguments[0] as Node | undefined) !== 'debug') return false;
  const receiver = lastSegment(call.callee.object);
  return receiver !== undefined && keyWords(receiver).includes('mongoose');
}

/** The database-command hook a log call sits in, if any (the nearest enclosing function that is one). */
function commandHookOf(node: Node): CommandHook | undefined {
  for (let current = node.parent as Node | undefined; current; current = current.parent as Node | undefined) {
    if (current.type !== 'ArrowFunctionExpression' && current.type !== 'FunctionExpression') continue;
    const call = current.parent as Node | undefined;
    if (call?.type !== 'CallExpression' || call.callee.type !== 'MemberExpression') continue;
    const method = propertyName(call.callee);
    const event = stringArgument(call.arguments[0] as Node | undefined);
    if (call.arguments[1] !== current || event === undefined) continue;
    if ((method === 'on' || method === 'once' || method === 'addListener') && MONGO_COMMAND_EVENTS.has(event)) {
      return { parameters: parameterNames(current, 0), fields: MONGO_EVENT_FIELDS, label: `\`${event}\` listener`, what: event === 'commandSucceeded' ? 'reply' : 'command document' };
    }
    if (method === 'observe' && CONNECTOR_EXECUTE_EVENT.test(event)) {
      return { parameters: new Set([...parameterNames(current, 0)].slice(0, 1)), fields: CONNECTOR_CONTEXT_FIELDS, label: `connector \`${event}\` observer`, what: 'query, update or documents' };
    }
    if (isMongooseDebugCall(call)) {
      // (collectionName, methodName, ...methodArgs): the names are not data, the arguments are.
      return { parameters: parameterNames(current, 2), fields: new Set(), label: "mongoose debug printer", what: 'filter, update or documents' };
    }
  }
  return undefined;
}

/** A hook parameter logged whole, or a read of its command data (`event.command`, `ctx.req.params`), not `event.commandName` or `ctx.req.command`. */
function isCommandPayload(node: Node, parent: Node | undefined, hook: CommandHook): boolean {
  if (node.type === 'Identifier') {
    if (!hook.parameters.has(node.name)) return false;
    return !(parent?.type === 'MemberExpression' && parent.object === node) && !(parent?.type === 'Property' && parent.key === node && !parent.shorthand);
  }
  if (node.type !== 'MemberExpression') return false;
  let current: Node = node;
  while (current.type === 'MemberExpression') {
    const name = propertyName(current);
    if (current.computed || !name || !hook.fields.has(name)) return false;
    current = current.object;
  }
  return current.type === 'Identifier' && hook.parameters.has(current.name);
}

/**
 * `mongoose.set('debug', true)` (or an options object, or a printer function): the driver prints every query with
 * its documents to the console. Not a switch that is off, a value decided by the environment, or a call in a branch
 * taken only in development or tests.
 */
function isDatabaseDebugSwitch(context: RuleContext, call: TSESTree.CallExpression): boolean {
  if (!isMongooseDebugCall(call)) return false;
  const value = call.arguments[1] as Node | undefined;
  if (!value) return false;
  const on = (value.type === 'Literal' && value.value === true) || value.type === 'ObjectExpression';
  if (!on) return false;
  return !inDevelopmentBranch(context, call);
}

// ── body-logging middleware packages ────────────────────────────────────────────────────────

/** morgan-body: express middleware whose purpose is logging each request's and response's body. */
const BODY_LOGGER_PACKAGE = 'morgan-body';

/** morgan-body options with both `logRequestBody: false` and `logResponseBody: false`: only the request line is written. */
function bothBodiesOff(context: RuleContext, options: Node | undefined): boolean {
  if (options?.type !== 'ObjectExpression') return false;
  const off = (key: string) => options.properties.some((property) => property.type === 'Property' && keyName(property.key) === key && codeConstant(context, property.value as Node) === false);
  return off('logRequestBody') && off('logResponseBody');
}
