import { defineRule, type RuleContext, type Taint, type TSESTree } from '../server/src/engine/rule-api';
import { dottedName, isConstantExpression, isStringLiteral, lastSegment, memberCall, phiOfArguments, propertyName, type Node } from './utils/ast';

const WEB_STORAGES = new Set(['localStorage', 'sessionStorage']);
const STORAGE_LIBRARIES = new Set(['localforage', 'localForage', 'store', 'secureLocalStorage']);

function isWebStorage(object: Node): boolean {
  const name = lastSegment(object);
  return name !== undefined && WEB_STORAGES.has(name);
}

function isStorageObject(object: Node): boolean {
  const name = dottedName(object);
  return isWebStorage(object) || (name !== undefined && STORAGE_LIBRARIES.has(name));
}

function isDocumentCookie(node: Node): boolean {
  return node.type === 'MemberExpression' && dottedName(node) !== undefined && /(^|\.)document\.cookie$/.test(dottedName(node)!);
}

/** Wrappers that pass their argument's value on unchanged for this purpose (serialising it, awaiting it). */
const TRANSPARENT_CALLS = new Set(['JSON.stringify', 'String', 'encodeURIComponent', 'btoa']);

/** The expression whose value is stored: `JSON.stringify(await x as T)` → `x`. */
function storedExpression(value: Node): Node {
  let node = value;
  for (let depth = 0; depth < 8; depth++) {
    if (node.type === 'AwaitExpression') node = node.argument;
    else if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression' || node.type === 'TSNonNullExpression' || node.type === 'ChainExpression') node = node.expression;
    else if (node.type === 'CallExpression' && node.arguments[0] && node.arguments[0].type !== 'SpreadElement' && TRANSPARENT_CALLS.has(dottedName(node.callee) ?? '')) node = node.arguments[0];
    else break;
  }
  return node;
}

/** A value that was redacted, masked, encrypted, … (or a known constant) says nothing about PHI, whatever its key. */
function isCleanedOrConstant(context: RuleContext, value: Node): boolean {
  if (isConstantExpression(value) || context.constantOf(value) !== undefined) return true;
  const stored = storedExpression(value);
  if (isConstantExpression(stored) || context.constantOf(stored) !== undefined) return true;
  return context.hasTag(stored, 'sanitized') || context.hasTag(stored, 'encrypted');
}

/**
 * `setItem('ssn', value)`: the key says what an opaque value is. Not when the value is a constant, or
 * was redacted or encrypted (`setItem('ssn', encrypt(ssn))`): then the key names what was protected.
 */
function withKeyKinds(context: RuleContext, taint: Taint, key: string | undefined, value: Node): Taint {
  if (!key || isCleanedOrConstant(context, value)) return taint;
  const byKey = context.classifyName(key);
  if (byKey.length === 0) return taint;
  return { ...taint, kinds: [...new Set([...taint.kinds, ...byKey])].sort() };
}

/** `ssn=…; path=/` → "ssn". */
function cookieName(context: RuleContext, value: Node): string | undefined {
  const prefix = context.stringPrefixOf(value)?.text;
  const match = prefix ? /^\s*([^=;\s]+)\s*=/.exec(prefix) : undefined;
  return match?.[1];
}

export default defineRule({
  meta: {
    id: 'no-phi-in-browser-storage',
    description: 'Disallow PHI in localStorage, sessionStorage, document.cookie and IndexedDB.',
    rationale:
      'Browser storage is unencrypted, readable by every script on the origin (one XSS away from exfiltration), survives logout and stays on shared clinic workstations. HIPAA’s encryption-at-rest safeguard applies to PHI on end-user devices too. Keep PHI in memory and fetch it again when needed, or store only an opaque id.',
    category: 'storage',
    defaultSeverity: 'error',
    cwe: ['CWE-922', 'CWE-312', 'CWE-315'],
    hipaa: ['164.312(a)(2)(iv)', '164.312(c)(1)'],
    precision: 'high',
    securitySeverity: 7.1,
    messages: {
      webStorage: 'Storing {{kinds}} in {{storage}}. Browser storage is unencrypted and readable by any script on the page; keep PHI in memory or store an opaque id.',
      cookie: 'Writing {{kinds}} into document.cookie. Cookies are sent with every request and readable by scripts; store an opaque session id instead.',
      indexedDb: 'Storing {{kinds}} in IndexedDB without encryption. Encrypt the record first or keep PHI out of the browser.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    languages: ['code'],
  },
  create(context) {
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const call = memberCall(node);
        if (!call) return;
        // Object.assign(localStorage, { ssn })
        if (call.method === 'assign' && dottedName(call.object) === 'Object' && node.arguments[0] && isWebStorage(node.arguments[0])) {
          const phi = phiOfArguments(context, node.arguments.slice(1));
          if (phi) context.report({ node: phi.node, messageId: 'webStorage', taint: phi.taint, data: { storage: lastSegment(node.arguments[0]) ?? 'browser storage' } });
          return;
        }
        if (call.method === 'setItem' && isStorageObject(call.object) && node.arguments.length >= 2) {
          const [keyNode, value] = node.arguments;
          const taint = withKeyKinds(context, context.taintOf(value), isStringLiteral(keyNode) ? keyNode.value : undefined, value);
          if (taint.kinds.length) context.report({ node: value, messageId: 'webStorage', taint, data: { storage: lastSegment(call.object) ?? 'browser storage' } });
          return;
        }
        if ((call.method === 'put' || call.method === 'add') && context.hasTag(call.object, 'idb-store') && node.arguments[0]) {
          const taint = context.taintOf(node.arguments[0]);
          if (taint.kinds.length) context.report({ node: node.arguments[0], messageId: 'indexedDb', taint });
        }
      },
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        const target = node.left;
        if (target.type !== 'MemberExpression') return;
        if (isDocumentCookie(target)) {
          const taint = withKeyKinds(context, context.taintOf(node.right), cookieName(context, node.right), node.right);
          if (taint.kinds.length) context.report({ node: node.right, messageId: 'cookie', taint });
          return;
        }
        if (isWebStorage(target.object)) {
          const taint = withKeyKinds(context, context.taintOf(node.right), propertyName(target), node.right);
          if (taint.kinds.length) context.report({ node: node.right, messageId: 'webStorage', taint, data: { storage: lastSegment(target.object) ?? 'browser storage' } });
        }
      },
    };
  },
});
