import { createRule, type Taint, type TSESTree } from '../server/src/rule-api';
import { dottedName, findInSubtree, isFunction, keyName, lastSegment, memberCall, onlyFromServedUrl, parentOf, phiOfArguments, propertyName, propertyNamed, splitWords, type Node } from './utils/ast';

/** Response objects by name: Express `res`, Fastify `reply`, Node `response`. */
const RESPONSE_NAMES = new Set(['res', 'response', 'reply', 'resp', 'rep']);
/**
 * A handler's own objects handed to a response helper (`logAndSetResponse(ctx, 500, msg)`, `sendError(req, res, 400, msg)`):
 * where the helper writes the response and what it reads the request from, not the body it sends. Koa's `ctx` holds
 * both, and whatever the handler assigned to `ctx.body` before.
 */
const HANDLER_OBJECT_NAMES = new Set([...RESPONSE_NAMES, 'ctx', 'req', 'request']);
/** Methods that write a response body. */
const BODY_METHODS = new Set(['send', 'json', 'jsonp', 'end', 'write', 'render']);
/** Error-first callbacks: `next(new Error(…))` in Express, `done(err)`, `cb(err)`. */
const ERROR_CALLBACKS = new Set(['next', 'done', 'cb', 'callback']);
/** Factories that build HTTP errors: `createError(404, msg)`, `Boom.notFound(msg)`, `httpErrors.NotFound(msg)`. */
const ERROR_FACTORIES = /^(createError|createHttpError|httpError|HttpError)$|^(Boom|boom|createError|httpErrors|createHttpError)\./;
/**
 * Keys of error bodies whose values the taint analysis would drop: `error`, `errors` and `title` are
 * metadata words to the name classifier (`{ error: `…${ssn}` }` must still count).
 */
const ERROR_TEXT_KEYS = new Set(['error', 'errors', 'err', 'message', 'msg', 'detail', 'details', 'reason', 'title', 'description', 'cause']);
/** Words of a helper's name that say it builds or sends a response: `errorResponse`, `respondWith`, `replyError`. */
const RESPONSE_HELPER_WORDS = new Set(['response', 'respond', 'reply']);
/** First words of an error helper's name that say the error goes back to the client: `sendError`, `returnError`, `httpError`. */
const ERROR_HELPER_VERBS = new Set(['send', 'return', 'respond', 'reply', 'http', 'json', 'api', 'build', 'create', 'make']);

/**
 * `errorResponse(404, msg)`, `sendError(res, 400, msg)`, `buildErrorResponse(422, { error })`: a helper named for a
 * response (or for sending an error) and handed an HTTP error status builds the error body the client receives
 * (an API Gateway proxy result, an Express reply). What else it is handed, but the response object, is that body.
 */
function isErrorResponseHelper(name: string | undefined): boolean {
  if (!name) return false;
  const words = splitWords(name);
  return words.some((word) => RESPONSE_HELPER_WORDS.has(word)) || (words.includes('error') && ERROR_HELPER_VERBS.has(words[0]));
}

/** Conditions that keep stack traces to development builds. */
const DEV_ONLY_CONDITION = /NODE_ENV|production|development|\bisDev\w*|\bisProd\w*|\bdev(elopment)?Mode\b|\bdebug\b|\bexposeStack\b|\bshowStack\b|\bisLocal\b/i;

function unwrap(node: Node): Node {
  let current = node;
  while (current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression' || current.type === 'AwaitExpression' || current.type === 'ChainExpression') {
    current = (current as { expression?: Node; argument?: Node }).expression ?? (current as { argument: Node }).argument;
  }
  return current;
}

/** A string the code writes itself: `'Unexpected response'`, `` `Found ${n}` ``, `'No ' + what`. */
function isTextExpression(node: Node | undefined): boolean {
  const inner = node && unwrap(node);
  if (!inner) return false;
  if (inner.type === 'Literal') return typeof inner.value === 'string';
  if (inner.type === 'TemplateLiteral') return true;
  return inner.type === 'BinaryExpression' && inner.operator === '+' && (isTextExpression(inner.left as Node) || isTextExpression(inner.right));
}

/**
 * What of an error construction's arguments is its text. `new UnhandledResponseError('Unexpected response', response)`:
 * when the first argument is text the code writes, that is the message; a value handed alongside (a response,
 * a request, a record) is the error's payload for the code that catches it, not its text — only an options
 * object's text keys (`{ cause, description }`) add to it. A first argument that is not text (`new
 * HttpException({ … }, 409)`, `createError(422, msg)`) leaves every argument in.
 */
function messageArguments(args: Node[], construction?: Node): Node[] {
  // `new RethrownError({ message: err.message, error: err, args: { query } })`: an Error's options object names its text
  // (`message`, `cause`, `details`…); the rest is the error's payload for the code that catches it. (A Nest
  // `HttpException({ … })` or a factory's object is the response body whole, and stays whole.)
  const options = args.length === 1 ? unwrap(args[0]) : undefined;
  if (options?.type === 'ObjectExpression' && isPlainErrorClass(construction) && options.properties.some((property) => property.type === 'Property' && !property.computed && MESSAGE_KEYS.has(keyName(property.key) ?? ''))) {
    const text: Node[] = [];
    for (const property of options.properties) {
      if (property.type === 'SpreadElement') return args;
      if (!property.computed && ERROR_TEXT_KEYS.has(keyName(property.key) ?? '')) text.push(property.value as Node);
    }
    return text;
  }
  if (args.length < 2 || !isTextExpression(args[0])) return args;
  const text: Node[] = [args[0]];
  for (const extra of args.slice(1)) {
    const inner = unwrap(extra);
    if (inner.type !== 'ObjectExpression') continue;
    for (const property of inner.properties) {
      if (property.type === 'Property' && !property.computed && ERROR_TEXT_KEYS.has(keyName(property.key) ?? '')) text.push(property.value as Node);
    }
  }
  return text;
}

/** Keys that hold an error's own message. */
const MESSAGE_KEYS = new Set(['message', 'msg']);

/** `new RethrownError(…)`, `new BadRequestError(…)`: a class named as an Error (not an HTTP framework's `…Exception`). */
function isPlainErrorClass(construction: Node | undefined): boolean {
  const inner = construction && unwrap(construction);
  if (inner?.type !== 'NewExpression') return false;
  const name = lastSegment(inner.callee);
  return !!name && /Error$/.test(name);
}

/** The module-level function of this file called `name` (`function f() {}`, `const f = () => {}`, exported or not). */
function moduleFunctionNamed(program: TSESTree.Program, name: string): TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration | undefined {
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (!declaration) continue;
    if (declaration.type === 'FunctionDeclaration' && declaration.id?.name === name) return declaration;
    if (declaration.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.id.name === name && isFunction(declarator.init as Node | undefined)) {
        return declarator.init as TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
      }
    }
  }
  return undefined;
}

/** Whether a function can give its caller a value: an expression body, or a `return <value>` of its own (not a nested function's). */
function returnsValue(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration): boolean {
  if (fn.body.type !== 'BlockStatement') return true;
  return !!findInSubtree(fn.body, (node) => node.type === 'ReturnStatement' && !!node.argument);
}

/** A variable of this file declared as a promise (`let pending: Promise<Session> | undefined`, `= new Promise(…)`). */
function isPromiseVariable(program: TSESTree.Program, name: string): boolean {
  const declarator = findInSubtree(program, (node) => node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.id.name === name, true) as TSESTree.VariableDeclarator | undefined;
  if (!declarator || declarator.id.type !== 'Identifier') return false;
  const annotation = declarator.id.typeAnnotation?.typeAnnotation;
  const declaredPromise = (type: TSESTree.TypeNode | undefined): boolean =>
    !!type && ((type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && type.typeName.name === 'Promise') || (type.type === 'TSUnionType' && type.types.some(declaredPromise)));
  const init = declarator.init && unwrap(declarator.init as Node);
  return declaredPromise(annotation) || (init?.type === 'NewExpression' && init.callee.type === 'Identifier' && init.callee.name === 'Promise');
}


/** `new Error(…)`, `new NotFoundError(…)`, `new HttpException(…)`, `createError(…)`, `Boom.badRequest(…)`. */
function isErrorConstruction(node: Node): node is TSESTree.NewExpression | TSESTree.CallExpression {
  const inner = unwrap(node);
  if (inner.type === 'NewExpression') {
    const name = lastSegment(inner.callee);
    return !!name && /(Error|Exception|Fault|Problem)$/.test(name);
  }
  if (inner.type === 'CallExpression') {
    const name = dottedName(inner.callee);
    return !!name && (ERROR_FACTORIES.test(name) || /^(Error|\w+Error)$/.test(name));
  }
  return false;
}

/**
 * A response body that says, in the API's own envelope, that the request failed: `{ success: false, message }`,
 * `{ ok: false, … }`, `{ error: true, … }`, `{ status: 'error' | 'fail' | 'failed' | 'failure', … }`. Many APIs answer
 * failures with 200 and such an envelope; its message is the error the client shows and logs.
 */
const FAILURE_STATUS_WORDS = new Set(['error', 'fail', 'failed', 'failure']);
function isFailureEnvelope(body: Node | undefined): boolean {
  if (body?.type !== 'ObjectExpression') return false;
  return body.properties.some((property) => {
    if (property.type !== 'Property' || property.computed || property.value.type !== 'Literal') return false;
    const key = keyName(property.key);
    const value = property.value.value;
    if (key === 'success' || key === 'ok') return value === false;
    if (key === 'error') return value === true;
    return key === 'status' && typeof value === 'string' && FAILURE_STATUS_WORDS.has(value.toLowerCase());
  });
}

/** The root identifier of `res.status(500).json`, `this.reply`, `ctx.response`. */
function responseRoot(node: Node): string | undefined {
  let current: Node = node;
  while (current.type === 'CallExpression' || current.type === 'MemberExpression') {
    if (current.type === 'CallExpression') current = current.callee;
    else {
      const name = propertyName(current);
      if (name && RESPONSE_NAMES.has(name)) return name; // this.res, ctx.response
      current = current.object;
    }
  }
  return current.type === 'Identifier' ? current.name : undefined;
}

/** A value and, in an object, what its error-text keys hold (to a depth of 3), functions left out: the parts of an error body. */
function collectErrorParts(value: Node, depth: number, parts: Node[]): void {
  const inner = unwrap(value);
  if (isFunction(inner)) return;
  parts.push(inner);
  if (inner.type !== 'ObjectExpression' || depth > 3) return;
  for (const property of inner.properties) {
    if (property.type === 'Property' && !property.computed && ERROR_TEXT_KEYS.has(keyName(property.key) ?? '')) collectErrorParts(property.value as Node, depth + 1, parts);
  }
}

export default createRule({
  meta: {
    id: 'no-phi-in-error-message',
    description: 'Disallow PHI in thrown errors, promise rejections and HTTP error responses, and stack traces in responses.',
    rationale:
      'Error messages travel further than the code that writes them: they are logged by frameworks, shown in UIs and alerts, sent to error trackers, copied into tickets and returned to clients. HIPAA’s minimum-necessary standard means an error should say what failed and reference the record by an opaque id, never carry the patient’s data. Stack traces in responses disclose internals (CWE-209) and often embed such messages.',
    category: 'errors',
    defaultSeverity: 'error',
    cwe: ['CWE-209'],
    hipaa: ['164.502(b)', '164.312(b)'],
    precision: 'high',
    securitySeverity: 5.3,
    messages: {
      thrown: 'Thrown error carries {{kinds}}. Errors are logged, shown to users and sent to error trackers; say what failed and reference the record by an opaque id.',
      rejected: 'Promise rejection carries {{kinds}}. Rejections end up in logs, error trackers and UIs; reject with a message that names an opaque id, not the patient’s data.',
      errorResponse: 'HTTP error response carries {{kinds}}. Error bodies are displayed, cached and logged by clients and proxies; return a generic message with an opaque id or correlation id.',
      stackTrace: 'Stack trace sent in an HTTP response. It discloses internals and can carry PHI from error messages; log it on the server and return a generic message with a correlation id.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    languages: ['code'],
  },
  defaultOptions: {},
  create(context) {
    /** Executors of `new Promise((resolve, reject) => …)` → the name of their reject parameter. */
    const executors = new Map<Node, string>();
    /** Functions in which `ctx.status` was set to an error status (Koa). */
    const koaErrorStatus = new Set<Node>();

    /** Error constructions bound to variables: `const error = new Error(…)` (an `error` name hides its value's PHI). */
    const errorVariables = new Map<string, Node>();

    /** PHI in a message or body; error-text properties are looked at one by one. */
    const bodyPhi = (values: Node[]): { node: Node; taint: Taint } | undefined => {
      const parts: Node[] = [];
      for (const value of values) collectErrorParts(value, 0, parts);
      const phi = phiOfArguments(context, parts);
      // The client's own request URL echoed back (`Endpoint not found: ${req.originalUrl}`): nothing it did not send.
      if (phi && onlyFromServedUrl(phi.taint)) return undefined;
      if (!phi || phi.node.type !== 'ObjectExpression') return phi;
      // Point at the innermost part that carries the PHI.
      const inner = parts.filter((part) => part.range[0] >= phi.node.range[0] && part.range[1] <= phi.node.range[1] && part !== phi.node && context.taintOf(part).kinds.length);
      return inner.length ? { ...phi, node: inner[0] } : phi;
    };

    /** The file's program, kept from the walk's start: parents are set as the walk goes, so a hoisted function the
     * evaluator looks into early has no way up to it yet. */
    let program: TSESTree.Program | undefined;

    /** What an error value carries: the arguments of its construction, or the value itself. */
    const errorPhi = (value: Node | undefined): { node: Node; taint: Taint } | undefined => {
      if (!value) return undefined;
      const inner = unwrap(value);
      // `throw handleLookupError(outcome)` where the helper only logs and throws its own errors: the call gives
      // nothing to throw, and what the helper throws is judged at its own throw statements.
      if (inner.type === 'CallExpression' && inner.callee.type === 'Identifier') {
        const helper = program && moduleFunctionNamed(program, inner.callee.name);
        if (helper && !returnsValue(helper)) return undefined;
      }
      // React Suspense: `throw promise` hands React a pending load to wait for; it is never shown or logged as an error.
      if (inner.type === 'Identifier' && program && isPromiseVariable(program, inner.name)) return undefined;
      if (isErrorConstruction(inner)) {
        return bodyPhi(messageArguments(inner.arguments as Node[], inner));
      }
      if (inner.type === 'Identifier' && errorVariables.has(inner.name)) {
        const found = errorPhi(errorVariables.get(inner.name));
        return found ? { node: value, taint: found.taint } : undefined;
      }
      const taint = context.taintOf(inner);
      return taint.kinds.length && !onlyFromServedUrl(taint) ? { node: value, taint } : undefined;
    };

    const isErrorStatus = (node: Node | undefined): boolean => {
      if (!node) return false;
      const status = context.constantOf(node);
      return typeof status === 'number' && status >= 400 && status < 600;
    };

    const enclosingFunction = (node: Node): Node | undefined => {
      for (let current = parentOf(node); current; current = parentOf(current)) if (isFunction(current)) return current;
      return undefined;
    };

    /**
     * `Promise.allSettled(records.map(async (record) => { … return Promise.reject({ nhsNumber, reason }) }))`: a
     * rejection (or a throw) of a callback whose promises `Promise.allSettled` collects never propagates as an error;
     * it becomes a `{ status: 'rejected', reason }` entry of the caller's results, data for the code that reads them
     * (judged where that code logs or sends it).
     */
    const settledByCaller = (node: Node): boolean => {
      const fn = enclosingFunction(node);
      const mapCall = fn && parentOf(fn);
      if (mapCall?.type !== 'CallExpression' || !mapCall.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
      const method = memberCall(mapCall)?.method;
      if (method !== 'map' && method !== 'flatMap') return false;
      const settled = parentOf(mapCall);
      return settled?.type === 'CallExpression' && dottedName(settled.callee) === 'Promise.allSettled' && settled.arguments[0] === mapCall;
    };

    /** Whether an enclosing `if`/ternary/`&&` limits the code to development builds. */
    const guardedByDevCheck = (node: Node): boolean => {
      for (let current: Node | undefined = node; current && !isFunction(current); current = parentOf(current)) {
        const test = current.type === 'IfStatement' || current.type === 'ConditionalExpression' ? current.test : current.type === 'LogicalExpression' ? current.left : undefined;
        if (test && DEV_ONLY_CONDITION.test(context.getText(test))) return true;
      }
      return false;
    };

    /** A `.stack` read sent in a body (directly, in an object, a template or a concatenation), unless dev-only. */
    const findStack = (node: Node | undefined, depth = 0): Node | undefined => {
      if (!node || depth > 6) return undefined;
      const inner = unwrap(node);
      switch (inner.type) {
        case 'MemberExpression':
          return propertyName(inner) === 'stack' ? inner : undefined;
        case 'ObjectExpression':
          for (const property of inner.properties) {
            const found = findStack(property.type === 'Property' ? (property.value as Node) : property.argument, depth + 1);
            if (found) return found;
          }
          return undefined;
        case 'TemplateLiteral':
          for (const expression of inner.expressions) {
            const found = findStack(expression, depth + 1);
            if (found) return found;
          }
          return undefined;
        case 'BinaryExpression':
          return findStack(inner.left as Node, depth + 1) ?? findStack(inner.right, depth + 1);
        case 'ConditionalExpression':
          if (DEV_ONLY_CONDITION.test(context.getText(inner.test))) return undefined;
          return findStack(inner.consequent, depth + 1) ?? findStack(inner.alternate, depth + 1);
        case 'LogicalExpression':
          if (DEV_ONLY_CONDITION.test(context.getText(inner.left))) return undefined;
          return findStack(inner.left, depth + 1) ?? findStack(inner.right, depth + 1);
        case 'CallExpression':
          // JSON.stringify({ stack: err.stack }), String(err.stack)
          return dottedName(inner.callee) === 'JSON.stringify' || dottedName(inner.callee) === 'String' ? findStack(inner.arguments[0], depth + 1) : undefined;
        default:
          return undefined;
      }
    };

    const reportStack = (site: Node, body: Node | undefined) => {
      const stack = findStack(body);
      if (stack && !guardedByDevCheck(site)) context.report({ node: stack, messageId: 'stackTrace' });
    };

    const checkErrorBody = (values: Node[]) => {
      const phi = bodyPhi(values);
      if (phi) context.report({ node: phi.node, messageId: 'errorResponse', taint: phi.taint });
    };

    /** `res.status(404).json(…)`, `reply.code(500).send(…)`, `res.send(…)`: the status the chain sets, if any. */
    const responseCall = (node: TSESTree.CallExpression): { errorStatus: boolean } | undefined => {
      const call = memberCall(node);
      if (!call || !BODY_METHODS.has(call.method)) return undefined;
      const root = responseRoot(call.object);
      if (!root || !(RESPONSE_NAMES.has(root) || root === 'ctx')) return undefined;
      let errorStatus = false;
      for (let current: Node = call.object; current.type === 'CallExpression'; ) {
        const inner = memberCall(current);
        if (!inner) break;
        if ((inner.method === 'status' || inner.method === 'code') && isErrorStatus(current.arguments[0] as Node)) errorStatus = true;
        current = inner.object;
      }
      return { errorStatus };
    };

    /** `reject` of the nearest enclosing Promise executor that is called `name`. */
    const isExecutorReject = (node: Node, name: string): boolean => {
      for (let current = parentOf(node); current; current = parentOf(current)) {
        if (isFunction(current) && executors.get(current) === name) return true;
      }
      return false;
    };

    return {
      Program(node: TSESTree.Program) {
        program = node;
      },
      VariableDeclarator(node: TSESTree.VariableDeclarator) {
        if (node.id.type !== 'Identifier') return;
        if (node.init && isErrorConstruction(node.init)) errorVariables.set(node.id.name, node.init);
        else errorVariables.delete(node.id.name);
      },
      ThrowStatement(node: TSESTree.ThrowStatement) {
        const phi = errorPhi(node.argument as Node);
        if (phi && !settledByCaller(node)) context.report({ node: phi.node, messageId: 'thrown', taint: phi.taint });
      },
      NewExpression(node: TSESTree.NewExpression) {
        const name = dottedName(node.callee);
        if (name === 'Promise') {
          const executor = node.arguments[0];
          if (executor && isFunction(executor as Node)) {
            const reject = (executor as TSESTree.ArrowFunctionExpression).params[1];
            if (reject?.type === 'Identifier') executors.set(executor as Node, reject.name);
          }
          return;
        }
        // new Response(body, { status: 404 }) in fetch-style route handlers
        if (name === 'Response' || name === 'NextResponse') checkStatusOption(node, node.arguments as Node[]);
      },
      CallExpression(node: TSESTree.CallExpression) {
        const callee = dottedName(node.callee);
        if (callee === 'Promise.reject') {
          const phi = errorPhi(node.arguments[0] as Node);
          if (phi && !settledByCaller(node)) context.report({ node: phi.node, messageId: 'rejected', taint: phi.taint });
          return;
        }
        if (node.callee.type === 'Identifier') {
          const name = node.callee.name;
          if (isExecutorReject(node, name)) {
            const phi = errorPhi(node.arguments[0] as Node);
            if (phi) context.report({ node: phi.node, messageId: 'rejected', taint: phi.taint });
            return;
          }
          if (ERROR_CALLBACKS.has(name) && node.arguments[0] && isErrorConstruction(node.arguments[0] as Node)) {
            const phi = errorPhi(node.arguments[0] as Node);
            if (phi) context.report({ node: phi.node, messageId: 'thrown', taint: phi.taint });
            return;
          }
        }
        // Response.json(body, { status: 400 }), NextResponse.json(…)
        if (callee === 'Response.json' || callee === 'NextResponse.json') {
          checkStatusOption(node, node.arguments as Node[]);
          return;
        }
        const call = memberCall(node);
        // Koa: ctx.throw(400, msg)
        if (call?.method === 'throw' && lastSegment(call.object) === 'ctx') {
          checkErrorBody((node.arguments as Node[]).slice(1));
          return;
        }
        if (!call || !RESPONSE_NAMES.has(responseRoot(call.object) ?? '')) {
          const helper = node.callee.type === 'Identifier' ? node.callee.name : call?.method;
          const args = node.arguments as Node[];
          // The name first: it rules out almost every call without evaluating its arguments.
          const status = isErrorResponseHelper(helper) ? args.findIndex((argument) => isErrorStatus(argument)) : -1;
          if (status >= 0) {
            checkErrorBody(args.filter((argument, index) => index !== status && !(argument.type === 'Identifier' && HANDLER_OBJECT_NAMES.has(argument.name))));
            return;
          }
        }
        const response = responseCall(node);
        if (!response) return;
        reportStack(node, node.arguments[0] as Node | undefined);
        if (response.errorStatus || isFailureEnvelope(node.arguments[0] as Node | undefined)) checkErrorBody(node.arguments as Node[]);
      },
      // `return { statusCode: 404, body: JSON.stringify({ error }) }`: a Lambda / API Gateway proxy result with an error status
      ObjectExpression(node: TSESTree.ObjectExpression) {
        const status = propertyNamed(node, 'statusCode');
        const body = propertyNamed(node, 'body');
        if (!status || !body || !isErrorStatus(status.value as Node)) return;
        // `function errorResponse(statusCode, message) { return { statusCode, body } }`: the status is the caller's, and
        // so is the message; the call `errorResponse(404, …)` is where it is judged.
        const fn = enclosingFunction(node);
        const value = status.value as Node;
        if (value.type === 'Identifier' && fn && (fn as TSESTree.FunctionDeclaration).params.some((param) => param.type === 'Identifier' && param.name === value.name)) return;
        checkErrorBody([body.value as Node]);
      },
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        const target = dottedName(node.left);
        if (!target) return;
        // Koa: ctx.status = 404; ctx.body = { error: … }
        if (/(^|\.)ctx\.(response\.)?status$/.test(target)) {
          const fn = enclosingFunction(node);
          if (fn && isErrorStatus(node.right)) koaErrorStatus.add(fn);
          return;
        }
        if (/(^|\.)ctx\.(response\.)?body$/.test(target)) {
          reportStack(node, node.right);
          const fn = enclosingFunction(node);
          if (fn && koaErrorStatus.has(fn)) checkErrorBody([node.right]);
        }
      },
    };

    /** `new Response(body, { status: 500 })`, `NextResponse.json(body, { status: 404 })`. */
    function checkStatusOption(site: Node, args: Node[]): void {
      const [body, init] = args;
      if (!body) return;
      reportStack(site, body);
      if (init?.type !== 'ObjectExpression') return;
      const status = propertyNamed(init, 'status');
      if (status && isErrorStatus(status.value as Node)) checkErrorBody([body]);
    }
  },
});
