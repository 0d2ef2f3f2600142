import { createRule, type JsonNode, type JsonPropertyInfo, type RuleContext, type TSESTree } from '../server/src/rule-api';
import { dottedName, keyName, memberCall, type Node } from './utils/ast';
import { codeConstant, isOnValue, jsonObjectProperties, jsonScalar, jsonSiblings } from './utils/config-keys';

/** Option keys that list the allowed origins (cors, @fastify/cors, NestJS enableCors, socket.io, Azure, .NET). */
const ORIGIN_KEYS = new Set(['origin', 'origins', 'allowedorigins', 'alloworigins', 'alloworigin', 'allowedorigin', 'accesscontrolalloworigin', 'corsorigin', 'corsorigins']);
/** Option keys that let the browser send cookies and auth headers. */
const CREDENTIAL_KEYS = new Set(['credentials', 'allowcredentials', 'supportscredentials', 'supportcredentials', 'accesscontrolallowcredentials', 'corscredentials', 'corsallowcredentials']);
const ALLOW_ORIGIN_HEADER = 'access-control-allow-origin';
const ALLOW_CREDENTIALS_HEADER = 'access-control-allow-credentials';
/** Response methods that set a header: Express `res.header/set/setHeader/append`, Fastify `reply.header`, Koa `ctx.set`, Fetch `headers.set`. */
const HEADER_METHODS = new Set(['header', 'setHeader', 'set', 'append', 'appendHeader']);
/**
 * Koa CORS middlewares whose default origin, when none is given, is the request's own Origin header
 * (@koa/cors does so whenever credentials are on; kcors and koa-cors always).
 */
const ORIGIN_REFLECTING_MIDDLEWARES = /^(@koa\/cors|kcors|koa-cors)$/;
/** Regular expressions that match every origin. */
const MATCH_ALL_PATTERNS = new Set(['.*', '.+', '^.*$', '^.+$', '^.*', '.*$', '[\\s\\S]*', '[\\s\\S]+', '^https?:\\/\\/.*$', 'https?:\\/\\/.*']);

function normalizedKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z]/g, '');
}

type Permissive = 'wildcard' | 'reflect';

function isWildcard(value: unknown): boolean {
  return typeof value === 'string' && value.trim() === '*';
}

/** `req.headers.origin`, `req.header('Origin')`, `req.get('origin')`, `request.headers.get('origin')`: the caller's own origin. */
function isRequestOrigin(context: RuleContext, node: Node): boolean {
  // `req.headers.origin ?? ''`, `req.get('origin') || '*'`
  if (node.type === 'LogicalExpression' && node.operator !== '&&') return isRequestOrigin(context, node.left);
  if (node.type === 'MemberExpression') return /(^|\.)headers\.origin$/i.test(dottedName(node) ?? '');
  if (node.type === 'CallExpression') {
    const call = memberCall(node);
    if (!call || !['header', 'get', 'getHeader'].includes(call.method) || !node.arguments[0]) return false;
    const name = codeConstant(context, node.arguments[0]);
    return typeof name === 'string' && name.toLowerCase() === 'origin';
  }
  return false;
}

/** `(origin, cb) => cb(null, true)`, `function (origin, callback) { callback(null, origin); }`, `() => true`. */
function isAllowAllFunction(node: Node): boolean {
  if (node.type !== 'ArrowFunctionExpression' && node.type !== 'FunctionExpression') return false;
  const [originParam, callbackParam] = node.params;
  const originName = originParam?.type === 'Identifier' ? originParam.name : undefined;
  const callbackName = callbackParam?.type === 'Identifier' ? callbackParam.name : undefined;
  const allowsAll = (expression: Node | null | undefined): boolean => {
    if (!expression) return false;
    if (expression.type === 'Literal') return expression.value === true;
    if (expression.type !== 'CallExpression' || expression.callee.type !== 'Identifier' || expression.callee.name !== callbackName) return false;
    const [error, allowed] = expression.arguments;
    const noError = error?.type === 'Literal' ? error.value === null : error?.type === 'Identifier' && error.name === 'undefined';
    const allowedAll = (allowed?.type === 'Literal' && allowed.value === true) || (allowed?.type === 'Identifier' && allowed.name === originName);
    return noError && allowedAll;
  };
  if (node.body.type !== 'BlockStatement') return allowsAll(node.body);
  const statements = node.body.body;
  if (statements.length !== 1) return false;
  const [only] = statements;
  if (only.type === 'ExpressionStatement') return allowsAll(only.expression);
  if (only.type === 'ReturnStatement') return allowsAll(only.argument);
  return false;
}

function isMatchAllRegex(node: Node): boolean {
  return node.type === 'Literal' && 'regex' in node && !!node.regex && MATCH_ALL_PATTERNS.has(node.regex.pattern);
}

/** Whether an origin option allows every origin, and how. */
function permissiveOrigin(context: RuleContext, value: Node): Permissive | undefined {
  if (isMatchAllRegex(value)) return 'reflect';
  if (isAllowAllFunction(value) || isRequestOrigin(context, value)) return 'reflect';
  if (value.type === 'ArrayExpression') {
    return value.elements.some((element) => element && element.type !== 'SpreadElement' && (isWildcard(codeConstant(context, element)) || isMatchAllRegex(element))) ? 'wildcard' : undefined;
  }
  const constant = codeConstant(context, value);
  if (constant === true) return 'reflect';
  return isWildcard(constant) ? 'wildcard' : undefined;
}

/** Whether a node sits under an `if`, `?:`, `&&`/`||` or `switch` inside its function: a checked reflection. */
function isConditional(node: Node): boolean {
  for (let current = node.parent as Node | undefined; current; current = current.parent as Node | undefined) {
    if (current.type === 'IfStatement' || current.type === 'ConditionalExpression' || current.type === 'LogicalExpression' || current.type === 'SwitchCase') return true;
    if (/Function/.test(current.type) || current.type === 'Program') return false;
  }
  return false;
}

function enclosingScope(node: Node): Node {
  let current: Node = node;
  for (let parent = node.parent as Node | undefined; parent; parent = parent.parent as Node | undefined) {
    current = parent;
    if (/Function/.test(parent.type)) return parent;
  }
  return current;
}

interface HeaderScope {
  origins: Array<{ node: Node; kind: Permissive }>;
  credentials: boolean;
}

export default createRule({
  meta: {
    id: 'no-permissive-cors-with-credentials',
    description: 'Disallow CORS that allows any origin together with credentials.',
    rationale:
      'With `credentials: true` the browser sends the user’s cookies and auth headers on cross-origin requests and lets the calling page read the response. If the allowed origin is reflected from the request (`origin: true`, a callback that always says yes, echoing the `Origin` header) any website the user visits can call the API as the logged-in user and read patient data. A `*` origin with credentials is refused by browsers and is usually one step away from that "fix". List the allowed origins explicitly.',
    category: 'config',
    defaultSeverity: 'error',
    cwe: ['CWE-942', 'CWE-346'],
    hipaa: ['164.312(e)(1)', '164.312(a)(1)'],
    precision: 'very-high',
    securitySeverity: 8.1,
    messages: {
      reflect: 'CORS allows every origin ({{how}}) together with credentials: any website the user visits can call this API with the user’s cookies and read the responses, including PHI. List the allowed origins explicitly.',
      wildcard: 'CORS allows origin `*` together with credentials: browsers reject this combination, and the usual fix (reflecting the origin) lets any website read PHI with the user’s cookies. List the allowed origins explicitly.',
      headers: 'This handler sends `Access-Control-Allow-Origin: {{origin}}` together with `Access-Control-Allow-Credentials: true`: {{consequence}} List the allowed origins explicitly.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    languages: ['code', 'json'],
  },
  defaultOptions: {},
  create(context) {
    const scopes = new Map<Node, HeaderScope>();
    const scopeOf = (node: Node): HeaderScope => {
      const scope = enclosingScope(node);
      let state = scopes.get(scope);
      if (!state) {
        state = { origins: [], credentials: false };
        scopes.set(scope, state);
      }
      return state;
    };
    /** A header name/value pair set in code (a header call or a headers object). */
    const recordHeader = (at: Node, name: unknown, value: Node, reportAt: Node = at) => {
      if (typeof name !== 'string') return;
      const header = name.toLowerCase();
      if (header === ALLOW_ORIGIN_HEADER) {
        if (isWildcard(codeConstant(context, value))) scopeOf(at).origins.push({ node: reportAt, kind: 'wildcard' });
        else if (isRequestOrigin(context, value) && !isConditional(at)) scopeOf(at).origins.push({ node: reportAt, kind: 'reflect' });
      } else if (header === ALLOW_CREDENTIALS_HEADER && isOnValue(codeConstant(context, value))) {
        scopeOf(at).credentials = true;
      }
    };
    const reportOption = (node: Node, kind: Permissive, how: string) => {
      context.report({ node, messageId: kind, data: { how } });
    };

    return {
      ObjectExpression(node: TSESTree.ObjectExpression) {
        let origin: { property: TSESTree.Property; kind: Permissive } | undefined;
        let credentials = false;
        for (const property of node.properties) {
          if (property.type !== 'Property' || property.computed) continue;
          const name = keyName(property.key);
          if (name === undefined) continue;
          const key = normalizedKey(name);
          const value = property.value as Node;
          if (key === 'accesscontrolalloworigin' || key === 'accesscontrolallowcredentials') {
            // the object literal's own parents are known here; its properties' are not yet
            recordHeader(node, name.toLowerCase().replace(/_/g, '-'), value, property);
            continue;
          }
          if (ORIGIN_KEYS.has(key)) {
            const kind = permissiveOrigin(context, value);
            if (kind) origin = { property, kind };
          } else if (CREDENTIAL_KEYS.has(key) && isOnValue(codeConstant(context, value))) {
            credentials = true;
          }
        }
        if (origin && credentials) reportOption(origin.property, origin.kind, describeOrigin(context, origin.property.value as Node));
      },
      CallExpression(node: TSESTree.CallExpression) {
        checkMiddlewareDefaultOrigin(context, node);
        const call = memberCall(node);
        if (!call || !HEADER_METHODS.has(call.method) || node.arguments.length < 2) return;
        recordHeader(node, codeConstant(context, node.arguments[0]), node.arguments[1]);
      },
      'Program:exit'() {
        for (const state of scopes.values()) {
          if (!state.credentials) continue;
          for (const { node, kind } of state.origins) {
            context.report({
              node,
              messageId: 'headers',
              data: {
                origin: kind === 'wildcard' ? '*' : 'the request’s Origin',
                consequence:
                  kind === 'wildcard'
                    ? 'browsers reject this combination, and the usual fix (echoing the Origin) lets any website read PHI with the user’s cookies.'
                    : 'any website the user visits can call this API with the user’s cookies and read the responses, including PHI.',
              },
              precision: 'high',
            });
          }
        }
      },
      JsonProperty(property: JsonPropertyInfo) {
        const key = normalizedKey(property.key);
        if (ORIGIN_KEYS.has(key)) {
          const kind = jsonPermissiveOrigin(property.valueNode);
          if (!kind) return;
          const siblings = jsonSiblings(property);
          const credentials = [...siblings].some(([name, value]) => CREDENTIAL_KEYS.has(normalizedKey(name)) && isOnValue(jsonScalar(value)));
          if (credentials) context.report({ jsonNode: property.node, messageId: kind, data: { how: 'origin `true`' } });
          return;
        }
        // Vercel/Firebase `headers: [{ "key": "Access-Control-Allow-Origin", "value": "*" }, …]`
        if (key === 'key' && typeof property.valueNode?.value === 'string' && property.valueNode.value.toLowerCase() === ALLOW_ORIGIN_HEADER) {
          const entry = property.node.parent;
          const value = jsonScalar(jsonObjectProperties(entry).get('value'));
          if (!isWildcard(value) || entry?.parent?.type !== 'array') return;
          const credentials = (entry.parent.children ?? []).some((other: JsonNode) => {
            const fields = jsonObjectProperties(other);
            const name = jsonScalar(fields.get('key'));
            return typeof name === 'string' && name.toLowerCase() === ALLOW_CREDENTIALS_HEADER && isOnValue(jsonScalar(fields.get('value')));
          });
          if (credentials) context.report({ jsonNode: entry, messageId: 'headers', data: { origin: '*', consequence: 'browsers reject this combination, and the usual fix (echoing the Origin) lets any website read PHI with the user’s cookies.' } });
        }
      },
    };
  },
});

/** `cors({ credentials: true })` from a Koa CORS middleware that reflects the Origin when none is configured. */
function checkMiddlewareDefaultOrigin(context: RuleContext, node: TSESTree.CallExpression): void {
  const options = node.arguments[0];
  if (node.callee.type !== 'Identifier' || options?.type !== 'ObjectExpression') return;
  const module = context.importedFrom(node.callee.name)?.module;
  if (!module || !ORIGIN_REFLECTING_MIDDLEWARES.test(module)) return;
  let credentials: TSESTree.Property | undefined;
  for (const property of options.properties) {
    if (property.type === 'SpreadElement') return;
    if (property.computed) continue;
    const key = normalizedKey(keyName(property.key) ?? '');
    if (ORIGIN_KEYS.has(key)) return;
    if (CREDENTIAL_KEYS.has(key) && isOnValue(codeConstant(context, property.value as Node))) credentials = property;
  }
  if (credentials) context.report({ node: credentials, messageId: 'reflect', data: { how: `no origin given, so ${module} reflects the request’s Origin` } });
}

function describeOrigin(context: RuleContext, value: Node): string {
  if (isAllowAllFunction(value)) return 'an origin callback that accepts every origin';
  if (isRequestOrigin(context, value)) return 'the request’s own Origin header';
  if (isMatchAllRegex(value)) return 'a pattern that matches every origin';
  return 'origin `true` reflects the request’s Origin';
}

function jsonPermissiveOrigin(node: JsonNode | undefined): Permissive | undefined {
  if (!node) return undefined;
  if (node.type === 'boolean' && node.value === true) return 'reflect';
  if (node.type === 'string') return isWildcard(node.value) ? 'wildcard' : undefined;
  if (node.type === 'array') return (node.children ?? []).some((child) => child.type === 'string' && isWildcard(child.value)) ? 'wildcard' : undefined;
  return undefined;
}
