// HTTP-client errors that carry their request (issue 9). An axios error keeps the request's config
// (`config.url`, `config.params`, `config.data`, headers) and `toJSON()` serialises it; got's and ky's
// HTTPError keep `options`/`request`, superagent's error its `response.req`. Logging such an error whole
// writes the request's URL, query and body to the log. A `fetch` TypeError carries no request, and an
// error's `message` or `response.status` carry none either: only errors of these libraries, logged whole.
import type { RuleContext, Taint, TSESTree } from '../../server/src/rule-api';
import { dottedName, isFunction, lastSegment, memberCall, parentOf, propertyKey, propertyName, splitWords, type Node } from './ast';

/** Libraries whose errors keep the request they failed on. */
const REQUEST_KEEPING_CLIENTS = /^(axios|got|ky|ky-universal|superagent)$/;
/** Request methods of those clients (`axios.get`, `got.post`, `ky.put`, `instance.request`). */
const REQUEST_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'postForm', 'putForm', 'patchForm']);
/** superagent's chained methods that add data to a request. */
const CHAINED_DATA_METHODS = new Set(['query', 'send', 'field']);
/** Methods whose second argument is the request body. */
const BODY_METHODS = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);
/** Factories of client instances whose errors are the library's own (`axios.create()`, `got.extend()`). */
const INSTANCE_FACTORIES = new Set(['create', 'extend']);
/** Words of a receiver that is an HTTP client when the file uses one of those libraries (`http`, `apiClient`). */
const CLIENT_WORDS = new Set(['http', 'api', 'client', 'instance', 'axios', 'rest', 'requester']);
/** Options of a request that carry data into it (not `headers`, `timeout`, `responseType`). */
const REQUEST_DATA_OPTIONS = new Set(['url', 'params', 'data', 'body', 'json', 'searchParams', 'query', 'form']);
/** Fields of such an error that hold the request whole (`error.config`, `error.response` with its `config`). */
const REQUEST_HOLDING_FIELDS = new Set(['config', 'request', 'response', 'options']);
/** Calls that write their argument whole (`JSON.stringify(err)` calls the error's `toJSON`, which keeps the config). */
const WHOLE_VALUE_CALLS = new Set(['JSON.stringify', 'util.inspect', 'inspect', 'util.format', 'format']);
/** Expressions that can hold a received payload whole: a variable, a field, a call that returns one. */
const PAYLOAD_HOLDERS = new Set(['Identifier', 'MemberExpression', 'CallExpression']);
const TRANSPARENT = new Set(['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'ChainExpression', 'AwaitExpression']);

/** Classes of those libraries' errors (`error instanceof AxiosError`, got's and ky's `HTTPError`). */
const CLIENT_ERROR_CLASSES = new Set(['AxiosError', 'HTTPError', 'HttpError', 'RequestError']);

/** `isAxiosError(e)`, `axios.isAxiosError(e)`, `e.isAxiosError`, `e instanceof AxiosError`: a test that `name` is a client's error. */
function testsClientError(test: Node, name: string): boolean | undefined {
  const inner = test.type === 'ChainExpression' ? test.expression : test;
  if (inner.type === 'UnaryExpression' && inner.operator === '!') {
    const negated = testsClientError(inner.argument, name);
    return negated === undefined ? undefined : !negated;
  }
  const names = (node: Node) => node.type === 'Identifier' && node.name === name;
  if (inner.type === 'CallExpression' && inner.arguments.length === 1 && names(inner.arguments[0] as Node) && lastSegment(inner.callee) === 'isAxiosError') return true;
  if (inner.type === 'MemberExpression' && names(inner.object) && propertyName(inner) === 'isAxiosError') return true;
  if (inner.type === 'BinaryExpression' && inner.operator === 'instanceof' && names(inner.left as Node) && CLIENT_ERROR_CLASSES.has(lastSegment(inner.right) ?? '')) return true;
  return undefined;
}

/**
 * Whether the log call sits where `name` is known not to be an HTTP client's error: the `else` of
 * `if (isAxiosError(error))` (also further down an `else if` chain), or the branch of `if (!axios.isAxiosError(error))`.
 * Such an error (a plain `Error`, a thrown string) keeps no request.
 */
export function inNonClientErrorBranch(node: Node, name: string): boolean {
  for (let child: Node = node, current = parentOf(node); current && !isFunction(current); child = current, current = parentOf(current)) {
    if (current.type !== 'IfStatement' && current.type !== 'ConditionalExpression') continue;
    const isClientError = testsClientError(current.test, name);
    if (isClientError === true && child === current.alternate) return true;
    if (isClientError === false && child === current.consequent) return true;
  }
  return false;
}

export interface FailedRequest {
  /** The PHI the request's URL, query and body carried, when their values say so. */
  taint?: Taint;
  /**
   * The request's body (or data) was a payload this code received whole — a client's request body, a consumed
   * queue message — handed on to another service: the error keeps it in `config.data`.
   */
  payload: boolean;
  precision: 'high' | 'medium';
}

function clientModule(context: RuleContext, name: string): boolean {
  const imported = context.importedFrom(name);
  return !!imported && REQUEST_KEEPING_CLIENTS.test(imported.module);
}

/**
 * What an HTTP client's failed request carried into its error. Tracks, per file, the instances created from
 * those libraries and the requests made with PHI inside a `try` block or a promise chain, so that the error
 * handler's log call can ask what the error it logs holds.
 */
export class FailedRequests {
  private readonly instances = new Set<string>();
  private readonly byHandler = new Map<Node, FailedRequest>();
  private usesClientLibrary: boolean | undefined;

  constructor(private readonly context: RuleContext) {}

  /** `const api = axios.create({ … })`: a client instance whose errors are axios errors. */
  onDeclarator(node: TSESTree.VariableDeclarator): void {
    if (node.id.type !== 'Identifier' || node.init?.type !== 'CallExpression') return;
    const call = memberCall(node.init);
    if (call && INSTANCE_FACTORIES.has(call.method) && call.object.type === 'Identifier' && clientModule(this.context, call.object.name)) this.instances.add(node.id.name);
  }

  /** A request call: remember what it carried for the `catch` around it or the `.catch` after it. */
  onCall(node: TSESTree.CallExpression): void {
    const precision = this.requestPrecision(node) ?? this.chainedDataPrecision(node);
    if (!precision) return;
    const parts = this.requestParts(node);
    const taint = this.requestTaint(parts);
    const payload = parts.some((part) => PAYLOAD_HOLDERS.has(part.type) && this.context.hasTag(part, 'request-body'));
    if (!taint && !payload) return;
    const handler = this.errorHandlerOf(node);
    if (!handler || this.byHandler.has(handler)) return;
    this.byHandler.set(handler, { taint, payload, precision: taint?.confidence === 'high' ? precision : 'medium' });
  }

  /**
   * At a log call: the error of a failed request it writes whole, and what that request carried. The call
   * must sit in the `catch` clause around the request or in the rejection handler chained to it.
   */
  loggedError(node: TSESTree.CallExpression): { node: Node; request: FailedRequest } | undefined {
    for (let current: Node | undefined = parentOf(node); current; current = parentOf(current)) {
      if (current.type === 'CatchClause') {
        const request = this.byHandler.get(parentOf(current) as Node);
        const param = current.param;
        if (!request || param?.type !== 'Identifier' || inNonClientErrorBranch(node, param.name)) return undefined;
        const logged = this.loggedWhole(node, param.name);
        return logged ? { node: logged, request } : undefined;
      }
      if (isFunction(current)) {
        const request = this.byHandler.get(current);
        const param = (current as TSESTree.FunctionLike).params[0];
        if (!request || param?.type !== 'Identifier' || inNonClientErrorBranch(node, param.name)) return undefined;
        const logged = this.loggedWhole(node, param.name);
        return logged ? { node: logged, request } : undefined;
      }
    }
    return undefined;
  }

  /** 'high' for a client known by its import or creation, 'medium' for one known by its name in a file that uses such a library. */
  private requestPrecision(node: TSESTree.CallExpression): 'high' | 'medium' | undefined {
    if (node.arguments.length === 0) return undefined;
    const callee = node.callee;
    if (callee.type === 'Identifier') {
      if (this.instances.has(callee.name)) return 'high';
      return clientModule(this.context, callee.name) ? 'high' : undefined;
    }
    const call = memberCall(node);
    if (!call || !REQUEST_METHODS.has(call.method)) return undefined;
    if (call.object.type === 'Identifier' && (this.instances.has(call.object.name) || clientModule(this.context, call.object.name))) return 'high';
    const receiver = lastSegment(call.object);
    if (!receiver) return undefined;
    const words = splitWords(receiver);
    if (words.includes('axios')) return 'high';
    if (!this.fileUsesClientLibrary() || !words.some((word) => CLIENT_WORDS.has(word))) return undefined;
    return 'medium';
  }

  /** superagent's `request.get(url).query({ nhsNumber })`, `.post(url).send(body)`: data added along the chain. */
  private chainedDataPrecision(node: TSESTree.CallExpression): 'high' | 'medium' | undefined {
    const call = memberCall(node);
    if (!call || !CHAINED_DATA_METHODS.has(call.method)) return undefined;
    let root: Node = call.object;
    for (let depth = 0; depth < 8 && root.type === 'CallExpression'; depth++) {
      const link = memberCall(root);
      if (!link) return undefined;
      if (REQUEST_METHODS.has(link.method)) {
        const object = link.object;
        return object.type === 'Identifier' && this.context.importedFrom(object.name)?.module === 'superagent' ? this.requestPrecision(root) : undefined;
      }
      root = link.object;
    }
    return undefined;
  }

  private fileUsesClientLibrary(): boolean {
    this.usesClientLibrary ??= this.context.importsModule(REQUEST_KEEPING_CLIENTS);
    return this.usesClientLibrary;
  }

  /** What the request sends: its URL, its body, and the data options of its config (not headers). */
  private requestParts(node: TSESTree.CallExpression): Node[] {
    const parts: Node[] = [];
    // `post(url, data, config)`: the data argument is the body, whole (so is superagent's `.query(q)`/`.send(body)`);
    // other object arguments are configs.
    const method = memberCall(node)?.method;
    const bodyIndex = method && BODY_METHODS.has(method) ? 1 : method && CHAINED_DATA_METHODS.has(method) ? 0 : -1;
    for (const [index, argument] of node.arguments.entries()) {
      if (argument.type === 'SpreadElement') continue;
      if (argument.type === 'ObjectExpression' && index !== bodyIndex) {
        for (const property of argument.properties) {
          if (property.type === 'Property' && REQUEST_DATA_OPTIONS.has(propertyKey(property) ?? '')) parts.push(property.value as Node);
        }
      } else if (!isFunction(argument)) parts.push(argument);
    }
    return parts;
  }

  /** The PHI in what the request sends. */
  private requestTaint(parts: readonly Node[]): Taint | undefined {
    const kinds = new Set<string>();
    const origins: Array<Taint['origins'][number]> = [];
    let confidence: Taint['confidence'] = 'medium';
    for (const part of parts) {
      const taint = this.context.taintOf(part);
      if (taint.kinds.length === 0) continue;
      taint.kinds.forEach((kind) => kinds.add(kind));
      for (const origin of taint.origins) if (origins.length < 3) origins.push(origin);
      if (taint.confidence === 'high') confidence = 'high';
    }
    return kinds.size > 0 ? { kinds: [...kinds].sort(), origins, confidence } : undefined;
  }

  /** The innermost `try` whose block holds the request, or the rejection handler chained to it. */
  private errorHandlerOf(node: TSESTree.CallExpression): Node | undefined {
    // `client.get(url).then(ok, failed)`, `client.get(url).catch(failed)`
    let link: Node = node;
    for (let parent = parentOf(link); parent?.type === 'MemberExpression' && parent.object === link; parent = parentOf(link)) {
      const call = parentOf(parent);
      if (call?.type !== 'CallExpression' || call.callee !== parent) break;
      const method = propertyName(parent);
      const handler = method === 'catch' ? call.arguments[0] : method === 'then' ? call.arguments[1] : undefined;
      if (handler && isFunction(handler)) return handler;
      link = call;
    }
    for (let current: Node | undefined = parentOf(node), child: Node = node; current; child = current, current = parentOf(current)) {
      if (isFunction(current)) return undefined;
      if (current.type === 'TryStatement' && current.block === child && current.handler) return current;
    }
    return undefined;
  }

  /** Where the log call's arguments write the error (or the part of it that holds the request) whole. */
  private loggedWhole(call: TSESTree.CallExpression, errorName: string): Node | undefined {
    const isError = (node: Node): boolean => node.type === 'Identifier' && node.name === errorName;
    const stack: Node[] = call.arguments.filter((argument): argument is TSESTree.CallExpressionArgument => !!argument).slice().reverse() as Node[];
    while (stack.length) {
      const node = stack.pop()!;
      if (isError(node)) return node;
      switch (node.type) {
        case 'MemberExpression':
          // `error.config`, `error.response` (its `config` too); not `error.message`, `error.response.status`
          if (isError(node.object) && REQUEST_HOLDING_FIELDS.has(propertyName(node) ?? '')) return node;
          break;
        case 'CallExpression': {
          const name = dottedName(node.callee) ?? '';
          if (WHOLE_VALUE_CALLS.has(name)) stack.push(...(node.arguments as Node[]).slice().reverse());
          else if (node.callee.type === 'MemberExpression' && isError(node.callee.object) && propertyName(node.callee) === 'toJSON') return node;
          break;
        }
        case 'ObjectExpression':
          for (let i = node.properties.length - 1; i >= 0; i--) {
            const property = node.properties[i];
            stack.push(property.type === 'Property' ? (property.value as Node) : property.argument);
          }
          break;
        case 'ArrayExpression':
          for (let i = node.elements.length - 1; i >= 0; i--) {
            const element = node.elements[i];
            if (element) stack.push(element.type === 'SpreadElement' ? element.argument : element);
          }
          break;
        case 'SpreadElement':
          stack.push(node.argument);
          break;
        case 'ConditionalExpression':
          stack.push(node.alternate, node.consequent);
          break;
        case 'LogicalExpression':
          stack.push(node.right, node.left);
          break;
        default:
          if (TRANSPARENT.has(node.type)) stack.push((node as { expression?: Node; argument?: Node }).expression ?? (node as { argument: Node }).argument);
      }
      // Templates and `+` turn the error into its message: `${error}` is "AxiosError: Request failed…".
    }
    return undefined;
  }
}
