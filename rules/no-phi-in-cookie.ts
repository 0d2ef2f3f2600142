import { createRule, type RuleContext, type Taint, type TSESTree } from '../server/src/rule-api';
import { calleeName, dottedName, isConstantExpression, isFalseLiteral, lastSegment, memberCall, propertyKey, propertyNamed, splitWords, type Node } from './utils/ast';
import { pageQueryReadIn } from './utils/urls';

/** Receivers of Express/Fastify/Koa responses: `res.cookie(…)`, `reply.setCookie(…)`. */
const RESPONSE_NAMES = new Set(['res', 'response', 'resp', 'reply', 'ctx', 'context', 'c', 'h']);
/** Methods that write a response header. */
const HEADER_METHODS = new Set(['setHeader', 'set', 'append', 'header', 'appendHeader']);
/** js-cookie and friends: `Cookies.set(name, value)`. */
const COOKIE_LIBRARY_NAMES = new Set(['Cookies', 'Cookie', 'jsCookie', 'JsCookie', 'cookie', 'cookies', 'cookieStore', 'nookies', 'cookieJar']);
/** Functions that return a cookie jar: Next.js `cookies()`, Koa `ctx.cookies`. */
const COOKIE_JAR_FACTORIES = new Set(['cookies', 'useCookies']);

type CookieFlag = 'secure' | 'httpOnly';

interface CookieWrite {
  /** The cookie's value expression (undefined when the call names no value). */
  value?: Node;
  /** The cookie's name when written literally. */
  name?: string;
  /** The options object literal, if any. */
  options?: TSESTree.ObjectExpression;
}

function isResponse(object: Node): boolean {
  const name = lastSegment(object);
  if (!name) return false;
  if (RESPONSE_NAMES.has(name)) return true;
  const words = splitWords(name);
  const last = words[words.length - 1];
  return last === 'res' || last === 'response' || last === 'reply';
}

function stringValue(context: RuleContext, node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const constant = context.constantOf(node);
  return typeof constant === 'string' ? constant : undefined;
}

function asObject(node: Node | undefined): TSESTree.ObjectExpression | undefined {
  return node?.type === 'ObjectExpression' ? node : undefined;
}

/** `cookies.set`, `Cookies.set`, `cookies().set`, `ctx.cookies.set`, `cookieStore.set`. */
function isCookieJar(object: Node): boolean {
  if (object.type === 'CallExpression') {
    const name = calleeName(object.callee);
    return name !== undefined && COOKIE_JAR_FACTORIES.has(name);
  }
  if (object.type === 'AwaitExpression') return isCookieJar(object.argument);
  const name = lastSegment(object);
  if (!name) return false;
  if (COOKIE_LIBRARY_NAMES.has(name)) return true;
  const words = splitWords(name);
  return words[words.length - 1] === 'cookies';
}

function isSetCookieHeader(name: string | undefined): boolean {
  return name !== undefined && name.toLowerCase() === 'set-cookie';
}

/** The cookie a call writes, if it writes one. */
function cookieWrite(context: RuleContext, node: TSESTree.CallExpression): CookieWrite | undefined {
  const call = memberCall(node);
  if (!call) return undefined;
  const args = node.arguments;
  // Express `res.cookie(name, value, options)`, Fastify `reply.setCookie(name, value, options)`.
  if ((call.method === 'cookie' || call.method === 'setCookie') && isResponse(call.object) && args.length >= 2) {
    return { name: stringValue(context, args[0]), value: args[1], options: asObject(args[2]) };
  }
  // `res.setHeader('Set-Cookie', …)`, `res.set('Set-Cookie', …)`, `res.append('Set-Cookie', …)`.
  if (HEADER_METHODS.has(call.method) && args.length >= 2 && isSetCookieHeader(stringValue(context, args[0]))) {
    return { value: args[1], name: cookieNameOfHeader(context, args[1]) };
  }
  // js-cookie, universal-cookie, Next.js `cookies().set`, Koa `ctx.cookies.set`, CookieStore.
  if (call.method === 'set' && isCookieJar(call.object) && args.length >= 1) {
    const first = asObject(args[0]);
    if (first && args.length === 1) {
      // Next.js object form: `cookies().set({ name, value, httpOnly, secure })`.
      const value = propertyNamed(first, 'value');
      const name = propertyNamed(first, 'name');
      return { value: value?.value as Node | undefined, name: name ? stringValue(context, name.value as Node) : undefined, options: first };
    }
    if (args.length >= 2) return { name: stringValue(context, args[0]), value: args[1], options: asObject(args[2]) };
  }
  // AngularJS ngCookies: `$cookies.put(key, value, options)`, `$cookieStore.put(key, value)`, an app's wrapper of them
  // (`$appCookieStore.put`).
  if ((call.method === 'put' || call.method === 'putObject') && isAngularCookieService(call.object) && args.length >= 2) {
    return { name: stringValue(context, args[0]), value: args[1], options: asObject(args[2]) };
  }
  return undefined;
}

/** `$cookies`, `$cookieStore`, `$bahmniCookieStore`, `cookieStore`: the AngularJS cookie services and wrappers named after them. */
function isAngularCookieService(object: Node): boolean {
  const name = lastSegment(object);
  if (!name) return false;
  const words = splitWords(name);
  const last = words[words.length - 1];
  return last === 'cookies' || (last === 'store' && words[words.length - 2] === 'cookie');
}

/** `ssn=…; Path=/; HttpOnly` → "ssn". */
function cookieNameOfHeader(context: RuleContext, value: Node): string | undefined {
  const target = value.type === 'ArrayExpression' && value.elements.length === 1 && value.elements[0] && value.elements[0].type !== 'SpreadElement' ? value.elements[0] : value;
  const prefix = context.stringPrefixOf(target)?.text;
  const match = prefix ? /^\s*([^=;\s]+)\s*=/.exec(prefix) : undefined;
  return match?.[1];
}

/** The value's PHI, plus what the cookie's name says when the value itself is opaque. */
function cookieTaint(context: RuleContext, write: CookieWrite): Taint | undefined {
  if (!write.value) return undefined;
  const taint = context.taintOf(write.value);
  let kinds = taint.kinds;
  if (write.name && !isConstantExpression(write.value) && !context.hasTag(write.value, 'sanitized') && !context.hasTag(write.value, 'encrypted')) {
    const byName = context.classifyName(write.name);
    if (byName.length) kinds = [...new Set([...kinds, ...byName])].sort();
  }
  if (kinds.length === 0) return undefined;
  return { ...taint, kinds, confidence: taint.kinds.length ? taint.confidence : 'medium' };
}

function isSessionFactory(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const name = calleeName(call.callee) ?? dottedName(call.callee);
  if (!name) return false;
  const words = splitWords(name);
  return words.includes('session') || words.includes('cookie') || words.includes('cookies');
}

function namesCookie(name: string | undefined): boolean {
  if (!name) return false;
  const words = splitWords(name);
  return words.includes('cookie') || words.includes('cookies') || words.includes('session');
}

/**
 * Whether an object literal holds cookie options: the options of a cookie write, the `cookie` of
 * express-session, the options of cookie-session, or a variable named like cookie options.
 * Returns "session" when the options are a session's.
 */
function cookieOptionsOwner(context: RuleContext, object: TSESTree.ObjectExpression): 'session' | 'cookie' | undefined {
  const parent = context.parentOf(object);
  if (!parent) return undefined;
  if (parent.type === 'CallExpression' && parent.arguments.includes(object as TSESTree.CallExpressionArgument)) {
    const write = cookieWrite(context, parent);
    if (write?.options === object) return 'cookie';
    if (isSessionFactory(parent)) return splitWords(calleeName(parent.callee) ?? '').includes('session') ? 'session' : 'cookie';
    return undefined;
  }
  if (parent.type === 'Property' && parent.value === object) {
    const key = propertyKey(parent);
    if (!namesCookie(key)) return undefined;
    // `session({ cookie: { secure: false } })`
    const grand = context.parentOf(parent);
    const owner = grand ? context.parentOf(grand) : undefined;
    if (owner && (owner.type === 'CallExpression' || owner.type === 'NewExpression') && isSessionFactory(owner)) return 'session';
    return splitWords(key!).includes('session') ? 'session' : 'cookie';
  }
  if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier' && namesCookie(parent.id.name)) {
    return splitWords(parent.id.name).includes('session') ? 'session' : 'cookie';
  }
  return undefined;
}

export default createRule({
  meta: {
    id: 'no-phi-in-cookie',
    description: 'Disallow PHI in cookies, and session or PHI cookies without the Secure and HttpOnly flags.',
    rationale:
      'Cookies are stored unencrypted in the browser, sent with every request to the site, copied into proxy and server logs, and (without HttpOnly) readable by any script on the page. A cookie should carry an opaque session id; the PHI stays on the server. A session cookie without Secure travels over cleartext HTTP, and without HttpOnly one XSS bug hands it to an attacker, which opens every record the session can see.',
    category: 'storage',
    defaultSeverity: 'error',
    cwe: ['CWE-315', 'CWE-614', 'CWE-1004'],
    hipaa: ['164.312(a)(2)(iv)', '164.312(e)(1)'],
    precision: 'high',
    securitySeverity: 7.1,
    messages: {
      phiInCookie: 'Writing {{kinds}} into a cookie. Cookies are stored unencrypted, sent with every request and logged by proxies; store an opaque session id and keep the PHI on the server.',
      pageUrlCopy: 'The page URL\'s query (`{{sink}}`) is saved in a cookie. This workspace writes patient search terms (names, record numbers, typed search text) into page URLs (as `{{writer}}` does), so the cookie keeps them unencrypted in the browser and sends them with every request; save a route name or an opaque id instead.',
      notSecure: 'The {{cookie}} is sent over cleartext HTTP (`secure: false`): anyone on the network can read or replay it. Set `secure: true` outside local development.',
      notHttpOnly: 'The {{cookie}} is readable by scripts (`httpOnly: false`): one XSS bug hands it to an attacker. Set `httpOnly: true`.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: true,
    languages: ['code'],
  },
  defaultOptions: {},
  create(context) {
    const reportPhi = (write: CookieWrite | undefined, site: Node) => {
      if (!write?.value) return;
      const taint = cookieTaint(context, write);
      if (taint) {
        context.report({ node: write.value, messageId: 'phiInCookie', taint });
        return;
      }
      // The page URL's query saved in a cookie, in a workspace that writes patient search terms into page URLs.
      const writer = context.patientSearchPageUrlWriter();
      const copied = writer ? pageQueryReadIn(write.value, site, (node) => context.parentOf(node)) : undefined;
      if (copied) context.report({ node: write.value, messageId: 'pageUrlCopy', data: { sink: copied, writer: writer! }, precision: 'medium' });
    };
    return {
      CallExpression(node: TSESTree.CallExpression) {
        reportPhi(cookieWrite(context, node), node);
      },
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        // `headers['Set-Cookie'] = …` (document.cookie belongs to no-phi-in-browser-storage).
        const target = node.left;
        if (target.type !== 'MemberExpression') return;
        const name = target.computed ? stringValue(context, target.property) : target.property.type === 'Identifier' ? target.property.name : undefined;
        if (!isSetCookieHeader(name)) return;
        reportPhi({ value: node.right, name: cookieNameOfHeader(context, node.right) }, node);
      },
      Property(node: TSESTree.Property) {
        const key = propertyKey(node);
        if (node.value.type === 'AssignmentPattern') return;
        const value = node.value as Node;
        // `writeHead(200, { 'Set-Cookie': … })`, `headers: { 'Set-Cookie': … }`
        if (isSetCookieHeader(key)) {
          reportPhi({ value, name: cookieNameOfHeader(context, value) }, node);
          return;
        }
        if (key !== 'secure' && key !== 'httpOnly') return;
        if (!isFalseLiteral(value, context)) return;
        const object = context.parentOf(node);
        if (object?.type !== 'ObjectExpression') return;
        const owner = cookieOptionsOwner(context, object);
        if (!owner) return;
        const flag = key as CookieFlag;
        const cookie = owner === 'session' ? 'session cookie' : 'cookie';
        if (flag === 'secure') {
          context.report({ node, messageId: 'notSecure', data: { cookie } });
          return;
        }
        const fix = value.type === 'Literal' ? { description: 'Set `httpOnly: true`', edits: [{ start: value.range[0], end: value.range[1], text: 'true' }] } : undefined;
        context.report({ node, messageId: 'notHttpOnly', data: { cookie }, fix });
      },
    };
  },
});
