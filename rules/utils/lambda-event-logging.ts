// Serverless handlers whose whole event (and response) a middleware or a logger option logs (issue 9):
// middy's `@middy/input-output-logger` logs every invocation's event (query string, path parameters, body)
// and its response; AWS Lambda Powertools' `injectLambdaContext(logger, { logEvent: true })`, the
// `@logger.injectLambdaContext({ logEvent: true })` decorator and `logger.logEventIfEnabled(event)` log the
// event. Whether that writes PHI depends on the handler: what it reads from the event, what it returns.
import { CONTACT_KINDS, subjectOfName, type RuleContext, type Taint, type TSESTree } from '../../server/src/rule-api';
import { childNodes, isFunction, keyName, lastSegment, memberCall, parentOf, propertyKey, propertyName, unwrap, type Node } from './ast';
import type { HeaderMaps } from './header-maps';

/** Parts of an API Gateway / function URL event that carry what the client sent. */
const EVENT_DATA_PARTS = new Set(['queryStringParameters', 'multiValueQueryStringParameters', 'pathParameters', 'body']);
const contactKinds = new Set(CONTACT_KINDS);
/** Parts of a gateway event judged by the names of the fields read from them (or not at all: the caller's context). */
const GATEWAY_PARTS = new Set([...EVENT_DATA_PARTS, 'headers', 'multiValueHeaders', 'requestContext', 'rawHeaders', 'rawQueryString', 'rawPath', 'path', 'httpMethod', 'resource', 'routeKey', 'cookies', 'Records', 'detail']);

export type EventLogger = 'inputOutputLogger' | 'logEvent' | 'logEventIfEnabled';

interface Site {
  node: Node;
  logger: EventLogger;
  /** The handler the middleware wraps, or the function that logs its own event. */
  handler: Node | undefined;
  /** Name of an imported handler the wrapper hands the event to. */
  importedHandler?: string;
  /** `omitPaths` of input-output-logger: `event.queryStringParameters.nhsNumber`, `response.body`. */
  omitPaths: string[][];
  /** Whether the response is logged too (input-output-logger). */
  logsResponse: boolean;
  precision: 'high' | 'medium';
  /** Where a custom logger of input-output-logger writes the invocation it is handed (`logger.info('in', { request })`). */
  loggedAt?: CustomLogLines;
}

/** Where a custom input-output logger writes the request (the event) and the response it is handed. */
interface CustomLogLines {
  request?: Node;
  response?: Node;
}

export interface EventLoggingFinding {
  node: Node;
  logger: EventLogger;
  /** Kinds of the PHI the handler reads from its event and returns. */
  taint: Taint;
  /** What carries it: 'event', 'response' or 'event and response'. */
  what: string;
  precision: 'high' | 'medium';
}

function objectOption(options: Node | undefined, name: string): Node | undefined {
  if (options?.type !== 'ObjectExpression') return undefined;
  const property = options.properties.find((candidate) => candidate.type === 'Property' && propertyKey(candidate) === name);
  return property?.type === 'Property' ? (property.value as Node) : undefined;
}

/**
 * Handlers, their returns and the event-logging middleware of one file, judged at the end of the file
 * (a handler may be declared below the `middy(handler)` that wraps it).
 */
export class LambdaEventLogging {
  private readonly functions = new Map<string, Node>();
  private readonly returns = new Map<Node, Taint>();
  private readonly sites: Site[] = [];
  private usesMiddy: boolean | undefined;
  private logsEvents: boolean | undefined;
  private importsInputOutputLogger: boolean | undefined;
  /** Taints of what functions read from their first parameter (`event.fhir`), as the walk knew them there. */
  private readonly eventMembers = new Map<Node, Array<{ field: string; taint: Taint }>>();

  constructor(
    private readonly context: RuleContext,
    /** Header maps of the file: an event whose `headers` the handler reads carries the patient headers read from them. */
    private readonly headerMaps?: HeaderMaps,
  ) {}

  onFunctionDeclaration(node: TSESTree.FunctionDeclaration): void {
    if (node.id) this.functions.set(node.id.name, node);
  }

  onDeclarator(node: TSESTree.VariableDeclarator): void {
    if (node.id.type === 'Identifier' && node.init && isFunction(unwrap(node.init))) this.functions.set(node.id.name, unwrap(node.init));
  }

  /**
   * `event.fhir` of `(event: { fhir: Bundle })`: what the event of a step function or queue carries, by its type or
   * its field's name. Parts of a gateway event are judged by the names of the fields read from them instead; only
   * clinical kinds count (a contact field alone may be a staff member's). Only in files that log events.
   */
  onMember(node: TSESTree.MemberExpression): void {
    if (node.computed || node.object.type !== 'Identifier' || GATEWAY_PARTS.has(propertyName(node) ?? '')) return;
    this.logsEvents ??= this.context.importsModule(/^@middy\/|^@aws-lambda-powertools\/logger/);
    if (!this.logsEvents) return;
    const owner = this.enclosingFunction(node);
    const param = owner ? (owner as TSESTree.FunctionLike).params[0] : undefined;
    if (!owner || param?.type !== 'Identifier' || param.name !== node.object.name) return;
    const taint = this.context.taintOf(node);
    if (!taint.kinds.some((kind) => !contactKinds.has(kind))) return;
    const read = { field: propertyName(node) ?? '', taint };
    const known = this.eventMembers.get(owner);
    if (known) known.push(read);
    else this.eventMembers.set(owner, [read]);
  }

  /** What a function returns, as the walk knows it at its `return` (a response built from PHI). */
  onReturn(node: TSESTree.ReturnStatement): void {
    if (node.argument) this.addReturn(node, node.argument);
  }

  onArrow(node: TSESTree.ArrowFunctionExpression): void {
    if (node.body.type !== 'BlockStatement') this.addReturn(node.body, node.body, node);
  }

  private addReturn(at: Node, value: Node, fn?: Node): void {
    // Only input-output-logger logs a response: evaluate returns only in files that use middy.
    this.usesMiddy ??= this.context.importsModule(/^@middy\//);
    if (!this.usesMiddy) return;
    const owner = fn ?? this.enclosingFunction(at);
    if (!owner) return;
    const taint = this.responseTaint(value);
    if (taint.kinds.length === 0) return;
    const known = this.returns.get(owner);
    this.returns.set(owner, known ? mergeTaints(known, taint) : taint);
  }

  /**
   * What a returned value carries; a response built by a helper (`lambdaResponse(200, bundle, traceIds)`,
   * `buildSuccessResponse(body)`) carries what it is handed, wherever the helper lives.
   */
  private responseTaint(value: Node): Taint {
    const own = this.context.taintOf(value);
    const node = unwrap(value);
    if (own.kinds.length > 0 || node.type !== 'CallExpression') return own;
    const name = lastSegment(node.callee as Node);
    if (!name || !/response$/i.test(name)) return own;
    const parts = node.arguments.filter((argument) => argument.type !== 'SpreadElement').map((argument) => this.context.taintOf(argument)).filter((taint) => taint.kinds.length > 0);
    return parts.length ? parts.reduce(mergeTaints) : own;
  }

  private enclosingFunction(node: Node): Node | undefined {
    for (let current = parentOf(node); current; current = parentOf(current)) if (isFunction(current)) return current;
    return undefined;
  }

  onCall(node: TSESTree.CallExpression): void {
    if (node.callee.type === 'Identifier' && this.headerMaps) this.onDetachedMiddleware(node);
    const call = memberCall(node);
    if (call?.method === 'use' && node.arguments[0]?.type === 'CallExpression') {
      this.onMiddleware(node, node.arguments[0]);
      return;
    }
    // `logger.logEventIfEnabled(event)`: logged when the option or POWERTOOLS_LOGGER_LOG_EVENT says so
    if (call?.method === 'logEventIfEnabled' && node.arguments[0]) {
      const override = node.arguments[1];
      if (override && this.context.constantOf(override) === false) return;
      const handler = this.enclosingFunction(node);
      const event = unwrap(node.arguments[0] as Node);
      const param = isFunction(handler) ? handler.params[0] : undefined;
      if (!handler || event.type !== 'Identifier' || param?.type !== 'Identifier' || param.name !== event.name) return;
      this.sites.push({ node, logger: 'logEventIfEnabled', handler, omitPaths: [], logsResponse: false, precision: override && this.context.constantOf(override) === true ? 'high' : 'medium' });
      return;
    }
    // `@logger.injectLambdaContext({ logEvent: true })` on a handler method
    const decorator = parentOf(node);
    if (decorator?.type === 'Decorator' && call?.method === 'injectLambdaContext' && this.logEventOn(node.arguments[0] as Node | undefined)) {
      const method = parentOf(decorator);
      const handler = method?.type === 'MethodDefinition' ? (method.value as Node) : undefined;
      const computed = this.context.constantOf(objectOption(node.arguments[0] as Node, 'logEvent')!) !== true;
      this.sites.push({ node, logger: 'logEvent', handler, omitPaths: [], logsResponse: false, precision: computed ? 'medium' : 'high' });
    }
  }

  /** `middy(handler).use(inputOutputLogger(…))`, `.use(injectLambdaContext(logger, { logEvent: true }))`. */
  private onMiddleware(use: TSESTree.CallExpression, middleware: TSESTree.CallExpression): void {
    const name = this.middlewareName(middleware);
    let logger: EventLogger | undefined;
    let omitPaths: string[][] = [];
    let precision: 'high' | 'medium' = 'high';
    if (name === 'inputOutputLogger') {
      const options = middleware.arguments[0] as Node | undefined;
      const custom = objectOption(options, 'logger');
      // a custom logger that drops what it is handed logs nothing
      if (custom && (this.context.constantOf(custom) === false || (isFunction(custom) && (custom.params.length === 0 || onlyPicksFields(custom))))) return;
      const omit = objectOption(options, 'omitPaths');
      if (omit?.type === 'ArrayExpression') {
        omitPaths = omit.elements.flatMap((element) => {
          const path = element && element.type !== 'SpreadElement' ? this.context.constantOf(element) : undefined;
          return typeof path === 'string' ? [path.split('.').filter((segment) => segment !== '[]')] : [];
        });
      }
      logger = 'inputOutputLogger';
    } else if (name === 'injectLambdaContext' && this.logEventOn(middleware.arguments[1] as Node | undefined)) {
      logger = 'logEvent';
      // `logEvent: process.env.LOG_EVENT === 'true'`: on only where the deployment says so
      if (this.context.constantOf(objectOption(middleware.arguments[1] as Node, 'logEvent')!) !== true) precision = 'medium';
    }
    if (!logger) return;
    const root = this.middyRoot(use);
    if (!root) return;
    // `middy(handler)`, or middy 5's `middy().use(…).handler(handler)`
    const { handler, importedHandler } = this.resolveHandler((root.arguments[0] as Node | undefined) ?? chainedHandler(use));
    this.sites.push({ node: middleware, logger, handler, importedHandler, omitPaths, logsResponse: logger === 'inputOutputLogger', precision, loggedAt: customLogLine(objectOption(middleware.arguments[0] as Node | undefined, 'logger')) });
  }

  /**
   * `inputOutputLogger({ logger: (request) => logger.info('in', { request }) })` held in a list or an object of
   * middleware that a factory applies to a handler (`for (const m of middleware) handler.use(m)`): no `.use(…)`
   * chain names the handler. The event is then the one every handler of the file is handed; only its headers are
   * judged (`event.headers` read by a function of the file, with the patient headers the file reads from them).
   */
  onDetachedMiddleware(node: TSESTree.CallExpression): void {
    this.importsInputOutputLogger ??= this.context.importsModule('@middy/input-output-logger');
    if (!this.importsInputOutputLogger) return;
    const parent = parentOf(node);
    if (parent?.type === 'CallExpression' && memberCall(parent)?.method === 'use') return;
    if (this.middlewareName(node) !== 'inputOutputLogger' || !this.context.importsModule('@middy/core')) return;
    const custom = objectOption(node.arguments[0] as Node | undefined, 'logger');
    const loggedAt = customLogLine(custom);
    if (!loggedAt?.request) return;
    this.sites.push({ node, logger: 'inputOutputLogger', handler: undefined, omitPaths: [], logsResponse: false, precision: 'medium', loggedAt });
  }

  private middlewareName(call: TSESTree.CallExpression): string | undefined {
    const callee = call.callee;
    if (callee.type !== 'Identifier') return lastSegment(callee);
    const imported = this.context.importedFrom(callee.name);
    if (imported?.module === '@middy/input-output-logger') return 'inputOutputLogger';
    if (imported && /^@aws-lambda-powertools\/logger/.test(imported.module)) return imported.imported === 'injectLambdaContext' ? 'injectLambdaContext' : undefined;
    return callee.name;
  }

  /** `{ logEvent: true }`; an option the code computes counts as on (it is on somewhere). */
  private logEventOn(options: Node | undefined): boolean {
    const value = objectOption(options, 'logEvent');
    return !!value && this.context.constantOf(value) !== false;
  }

  /** The `middy(handler)` call a chain of `.use(…)` calls starts from. */
  private middyRoot(use: TSESTree.CallExpression): TSESTree.CallExpression | undefined {
    let current: Node = use;
    for (let depth = 0; depth < 30 && current.type === 'CallExpression'; depth++) {
      const call = memberCall(current);
      if (!call) {
        const callee = current.callee;
        const isMiddy = callee.type === 'Identifier' && (callee.name === 'middy' || this.context.importedFrom(callee.name)?.module === '@middy/core');
        return isMiddy ? current : undefined;
      }
      current = unwrap(call.object);
    }
    return undefined;
  }

  /** The function a handler expression is: inline, a local function, or what a wrapper hands the event to. */
  private resolveHandler(expression: Node | undefined): { handler: Node | undefined; importedHandler?: string } {
    if (!expression) return { handler: undefined };
    const node = unwrap(expression);
    if (node.type === 'Identifier') {
      const local = this.functions.get(node.name);
      if (local) return { handler: local };
      return { handler: undefined, importedHandler: this.context.importedFrom(node.name) ? node.name : undefined };
    }
    return { handler: isFunction(node) ? node : undefined };
  }

  /** At the end of the file: each site whose handler handles PHI. */
  findings(): EventLoggingFinding[] {
    const found: EventLoggingFinding[] = [];
    for (const site of this.sites) {
      found.push(...this.judge(site));
    }
    return found;
  }

  private judge(site: Site): EventLoggingFinding[] {
    const kinds = new Set<string>();
    const responseKinds = new Set<string>();
    let origins: Taint['origins'] = [];
    let confidence: Taint['confidence'] = 'high';
    let inEvent = false;
    let inResponse = false;
    let precision = site.precision;
    const chain = this.handlerChain(site);
    const eventKinds = new Set<string>();
    let namesPatient = false;
    const headerKinds = this.headerMaps?.kinds() ?? [];
    const headerReaders = headerKinds.length === 0 || site.omitPaths.some((path) => covers(path, ['event', 'headers'])) ? [] : site.handler ? chain : site.loggedAt ? [...this.functions.values()] : [];
    if (headerReaders.some((fn) => readsEventHeaders(fn))) {
      headerKinds.forEach((kind) => eventKinds.add(kind));
      namesPatient = true;
    }
    for (const handler of chain) {
      // `event.fhir` of `(event: { fhir: Bundle })`: what the event of a step function or queue carries, by its type
      for (const { field, taint } of this.eventMembers.get(handler) ?? []) {
        if (site.omitPaths.some((path) => covers(path, ['event', field]))) continue;
        taint.kinds.forEach((kind) => eventKinds.add(kind));
        origins = [...origins, ...taint.origins].slice(0, 3);
        if (taint.confidence === 'medium') confidence = 'medium';
      }
      const param = (handler as TSESTree.FunctionLike).params[0];
      for (const read of eventReads(handler, param)) {
        if (site.omitPaths.some((path) => covers(path, ['event', ...read.path]))) continue;
        const verdict = this.context.classify(read.field);
        if (verdict.trap || verdict.kinds.length === 0) continue;
        verdict.kinds.forEach((kind) => eventKinds.add(kind));
        if (subjectOfName(read.field) === 'patient') namesPatient = true;
      }
    }
    // A name, an e-mail or a phone alone is a patient's only where the handler says it serves patients
    // (`patientSearch`, `src/patient/…`); an account or staff handler reads its user's.
    const clinical = [...eventKinds].some((kind) => !contactKinds.has(kind));
    if (eventKinds.size > 0 && (clinical || namesPatient || this.servesPatients(this.handlerNames(site, chain)))) {
      eventKinds.forEach((kind) => kinds.add(kind));
      inEvent = true;
    }
    for (const handler of chain) {
      const returned = site.logsResponse ? this.returns.get(handler) : undefined;
      if (returned && !site.omitPaths.some((path) => covers(path, ['response', 'body']))) {
        returned.kinds.forEach((kind) => kinds.add(kind));
        returned.kinds.forEach((kind) => responseKinds.add(kind));
        origins = [...origins, ...returned.origins].slice(0, 3);
        if (returned.confidence === 'medium') confidence = 'medium';
        inResponse = true;
      }
    }
    if (kinds.size === 0 && site.importedHandler && !site.omitPaths.some((path) => covers(path, ['event']))) {
      // The handler lives in another module: a handler named or filed for patients (`patientSearchLambda/`)
      // is handed their data; say so with lower precision.
      if (this.servesPatients([site.importedHandler])) {
        kinds.add('patient-record');
        precision = 'medium';
        confidence = 'medium';
        inEvent = true;
      }
    }
    if (kinds.size === 0) return [];
    if (confidence === 'medium') precision = 'medium';
    const taint = { kinds: [...kinds].sort(), origins, confidence };
    const lines = site.loggedAt;
    // A custom logger writes the request and the response on lines of their own: each is reported where it is written.
    if (lines?.response && inResponse && (lines.request || !inEvent)) {
      const found: EventLoggingFinding[] = [];
      if (inEvent && lines.request) found.push({ node: lines.request, logger: site.logger, taint: { kinds: [...eventKinds].sort(), origins, confidence }, what: 'event', precision });
      found.push({ node: lines.response, logger: site.logger, taint: { kinds: [...responseKinds].sort(), origins, confidence }, what: 'response', precision });
      return found;
    }
    return [{ node: lines?.request ?? lines?.response ?? site.node, logger: site.logger, taint, what: inEvent && inResponse ? 'event and response' : inResponse ? 'response' : 'event', precision }];
  }

  /** The handler, and the local function an inline wrapper hands its event to (`(event) => lambdaHandler(event, deps)`). */
  private handlerChain(site: Site): Node[] {
    const chain: Node[] = [];
    let handler = site.handler;
    for (let depth = 0; handler && depth < 3 && !chain.includes(handler); depth++) {
      chain.push(handler);
      const param = (handler as TSESTree.FunctionLike).params[0];
      const forwarded = param?.type === 'Identifier' ? forwardedTo(handler, param.name) : undefined;
      if (!forwarded) break;
      const local = this.functions.get(forwarded);
      if (!local && this.context.importedFrom(forwarded)) site.importedHandler ??= forwarded;
      handler = local;
    }
    return chain;
  }

  /** Names the handler goes by: its own, its variable's, and an imported function it hands the event to. */
  private handlerNames(site: Site, chain: Node[]): string[] {
    const names: string[] = site.importedHandler ? [site.importedHandler] : [];
    for (const [name, fn] of this.functions) if (chain.includes(fn)) names.push(name);
    return names;
  }

  private servesPatients(names: string[]): boolean {
    if (names.some((name) => subjectOfName(name) === 'patient')) return true;
    const segments = this.context.file.replace(/\.[^./]+$/, '').split('/');
    return segments.some((segment) => subjectOfName(segment) === 'patient');
  }
}

/** Whether a function reads the `headers` of the event it is handed (`event.headers`, `{ headers }` of its parameter). */
function readsEventHeaders(fn: Node): boolean {
  const param = (fn as TSESTree.FunctionLike).params[0];
  if (param?.type === 'ObjectPattern') return param.properties.some((property) => property.type === 'Property' && keyName(property.key) === 'headers');
  if (param?.type !== 'Identifier') return false;
  const body = (fn as TSESTree.FunctionLike).body;
  const stack: Node[] = body ? [body] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier' && node.object.name === param.name && propertyName(node) === 'headers') return true;
    stack.push(...childNodes(node));
  }
  return false;
}

const LOG_METHODS = new Set(['log', 'info', 'debug', 'warn', 'error', 'trace', 'verbose']);

/**
 * The arguments of the log lines a custom input-output logger writes its request and its response with:
 * `(request) => logger.info('in', { request })`, `const response = request.response; logger.debug('out', { response })`,
 * `console.log(JSON.stringify(request))`. Not a logger that writes single fields (`request.context.awsRequestId`).
 */
function customLogLine(custom: Node | undefined): CustomLogLines | undefined {
  if (!custom || !isFunction(custom)) return undefined;
  const param = (custom as TSESTree.FunctionLike).params[0];
  if (param?.type !== 'Identifier') return undefined;
  // names bound to the request's response: `const response = (request as …)?.response`
  const responseNames = new Set<string>();
  const isResponseRead = (value: Node): boolean => {
    const node = unwrap(value);
    return node.type === 'MemberExpression' && !node.computed && propertyName(node) === 'response' && unwrap(node.object as Node).type === 'Identifier' && (unwrap(node.object as Node) as TSESTree.Identifier).name === param.name;
  };
  const matches = (value: Node, what: 'request' | 'response'): boolean => {
    const node = unwrap(value);
    if (node.type === 'Identifier') return what === 'request' ? node.name === param.name : responseNames.has(node.name);
    if (what === 'response' && isResponseRead(node)) return true;
    if (node.type === 'ObjectExpression') return node.properties.some((property) => property.type === 'Property' && matches(property.value as Node, what));
    if (node.type === 'CallExpression' && memberCall(node)?.method === 'stringify') return node.arguments.some((argument) => argument.type !== 'SpreadElement' && matches(argument, what));
    return false;
  };
  const lines: CustomLogLines = {};
  const stack: Node[] = [(custom as TSESTree.FunctionLike).body!];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init && isResponseRead(node.init)) responseNames.add(node.id.name);
    const call = node.type === 'CallExpression' ? memberCall(node) : undefined;
    if (node.type === 'CallExpression' && call && LOG_METHODS.has(call.method)) {
      for (const argument of node.arguments) {
        if (argument.type === 'SpreadElement') continue;
        if (!lines.response && matches(argument, 'response')) lines.response = argument;
        else if (!lines.request && matches(argument, 'request')) lines.request = argument;
      }
    }
    const children = childNodes(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return lines.request || lines.response ? lines : undefined;
}

/** A custom logger that only reads fields of what it is handed (`(request) => log({ id: request.context.awsRequestId })`). */
function onlyPicksFields(custom: Node): boolean {
  const param = (custom as TSESTree.FunctionLike).params[0];
  if (param?.type !== 'Identifier') return false;
  const stack: Node[] = [(custom as TSESTree.FunctionLike).body!];
  while (stack.length) {
    const node = stack.pop()!;
    // `request.event` and `request.response` are the whole event and response
    if (node.type === 'MemberExpression' && !node.computed && unwrap(node.object as Node).type === 'Identifier' && !['event', 'response'].includes(propertyName(node) ?? '')) continue;
    if (node.type === 'Identifier' && node.name === param.name) return false;
    stack.push(...childNodes(node));
  }
  return true;
}

/** The argument of a `.handler(fn)` call further along the chain a `.use(…)` call is part of. */
function chainedHandler(use: TSESTree.CallExpression): Node | undefined {
  let link: Node = use;
  for (let parent = parentOf(link); parent?.type === 'MemberExpression' && parent.object === link; parent = parentOf(link)) {
    const call = parentOf(parent);
    if (call?.type !== 'CallExpression' || call.callee !== parent) return undefined;
    if (propertyName(parent) === 'handler') return call.arguments[0] as Node | undefined;
    link = call;
  }
  return undefined;
}

function mergeTaints(a: Taint, b: Taint): Taint {
  return {
    kinds: [...new Set([...a.kinds, ...b.kinds])].sort(),
    origins: [...a.origins, ...b.origins].slice(0, 3),
    confidence: a.confidence === 'high' || b.confidence === 'high' ? 'high' : 'medium',
  };
}

/** Whether an omit path (`event.queryStringParameters`) covers a logged path (`event.queryStringParameters.nhsNumber`). */
function covers(omit: string[], path: string[]): boolean {
  return omit.length > 0 && omit.length <= path.length && omit.every((segment, index) => segment === path[index]);
}

/** The name of the function a wrapper's body calls with its event: `(event) => lambdaHandler(event, params)`. */
function forwardedTo(fn: Node, eventName: string): string | undefined {
  const body = (fn as TSESTree.FunctionLike).body;
  if (!body) return undefined;
  let expression: Node | undefined = body.type === 'BlockStatement' ? undefined : body;
  if (body.type === 'BlockStatement' && body.body.length === 1) {
    const only = body.body[0];
    expression = only.type === 'ReturnStatement' ? (only.argument ?? undefined) : only.type === 'ExpressionStatement' ? only.expression : undefined;
  }
  if (!expression) return undefined;
  const call = unwrap(expression);
  if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier') return undefined;
  const first = call.arguments[0];
  return first?.type === 'Identifier' && first.name === eventName ? call.callee.name : undefined;
}

/** Schema validations that return the fields they were given (zod, yup, joi, superstruct). */
const SCHEMA_VALIDATIONS = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'validate', 'validateSync', 'cast', 'create']);
/** The property of a validation result that holds the validated fields: zod's `data`, joi's `value`. */
const VALIDATED_COPY = new Set(['data', 'value']);

function isSchemaValidation(expression: Node): boolean {
  const node = unwrap(expression);
  return node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && !node.callee.computed && SCHEMA_VALIDATIONS.has(propertyName(node.callee) ?? '');
}

export interface EventRead {
  field: string;
  /** Path below the event: ['queryStringParameters', 'nhsNumber']. */
  path: string[];
  /** Where the field is read (the member, the destructured key or the key handed to a helper). */
  node: Node;
}

/**
 * The fields a handler reads from its event's client data: `event.queryStringParameters?.nhsNumber`,
 * `const qs = event.queryStringParameters ?? {}; qs['givenName']`, `const { dateOfBirth } = event.pathParameters`,
 * `JSON.parse(event.body).diagnosis`, and a key handed to a helper together with such a part
 * (`required(qs, 'familyName')`).
 */
export function eventReads(fn: Node, param: TSESTree.Parameter | undefined): EventRead[] {
  const reads: EventRead[] = [];
  const body = (fn as TSESTree.FunctionLike).body;
  if (!body || !param) return reads;
  // local name → the event part it holds
  const parts = new Map<string, string>();
  // names holding a schema validation's result (`{ success, data }`), whose `data` is the part
  const validated = new Set<string>();
  let eventName: string | undefined;
  if (param.type === 'Identifier') eventName = param.name;
  else if (param.type === 'ObjectPattern') {
    for (const property of param.properties) {
      const key = property.type === 'Property' ? keyName(property.key) : undefined;
      if (property.type === 'Property' && key && EVENT_DATA_PARTS.has(key) && property.value.type === 'Identifier') parts.set(property.value.name, key);
    }
  }
  /** The event part an expression holds: `event.pathParameters`, `qs`, `JSON.parse(event.body)`, `event.body ?? '{}'`. */
  const partOf = (expression: Node): string | undefined => {
    const node = unwrap(expression);
    if (node.type === 'Identifier') return parts.get(node.name);
    // `schema.safeParse(event.queryStringParameters).data`, joi's `{ value }`: the validated copy of the part
    if (node.type === 'MemberExpression' && !node.computed && VALIDATED_COPY.has(propertyName(node) ?? '') && node.object.type !== 'Identifier') return partOf(node.object);
    if (node.type === 'MemberExpression' && !node.computed && VALIDATED_COPY.has(propertyName(node) ?? '') && node.object.type === 'Identifier' && validated.has(node.object.name)) return parts.get(node.object.name);
    if (node.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier' && node.object.name === eventName) {
      const name = propertyName(node);
      return name && EVENT_DATA_PARTS.has(name) ? name : undefined;
    }
    if (node.type === 'LogicalExpression') return partOf(node.left);
    if (node.type === 'CallExpression' && node.arguments.length === 1 && node.arguments[0].type !== 'SpreadElement') {
      const inner = partOf(node.arguments[0]);
      if (inner === 'body') return inner; // `JSON.parse(event.body)`, `schema.parse(body)`
      // `schema.parse(event.queryStringParameters)`, `schema.safeParse(qs)`: the same fields, validated
      const method = node.callee.type === 'MemberExpression' && !node.callee.computed ? propertyName(node.callee) : undefined;
      return inner && method && SCHEMA_VALIDATIONS.has(method) ? inner : undefined;
    }
    return undefined;
  };
  const stack: Node[] = [body];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'VariableDeclarator' && node.init) {
      const part = partOf(node.init);
      if (part && node.id.type === 'Identifier') {
        parts.set(node.id.name, part);
        if (isSchemaValidation(node.init)) validated.add(node.id.name);
      }
      else if (part && node.id.type === 'ObjectPattern') {
        for (const property of node.id.properties) {
          const key = property.type === 'Property' ? keyName(property.key) : undefined;
          if (key && property.type === 'Property') reads.push({ field: key, path: [part, key], node: property.key });
        }
      }
    } else if (node.type === 'MemberExpression') {
      const part = partOf(node.object);
      const field = part ? (node.computed ? (node.property.type === 'Literal' && typeof node.property.value === 'string' ? node.property.value : undefined) : propertyName(node)) : undefined;
      if (part && field) reads.push({ field, path: [part, field], node });
    } else if (node.type === 'CallExpression') {
      const part = node.arguments.map((argument) => (argument.type === 'SpreadElement' ? undefined : partOf(argument))).find(Boolean);
      if (part) {
        for (const argument of node.arguments) {
          if (argument.type === 'Literal' && typeof argument.value === 'string' && /^[A-Za-z_][\w-]*$/.test(argument.value)) reads.push({ field: argument.value, path: [part, argument.value], node: argument });
        }
      }
    }
    // in source order, so a part's alias is known before it is read
    const children = childNodes(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return reads;
}
