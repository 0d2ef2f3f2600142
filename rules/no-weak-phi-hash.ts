import { createRule, type RuleContext, type Taint, type TSESTree } from '../server/src/rule-api';
import { PHI_KINDS } from '../server/src/rule-api';
import { calleeName, dottedName, keyName, lastSegment, memberCall, propertyName, splitWords, type Node } from './utils/ast';

/** Broken digests: collisions are cheap and the functions are fast. */
const WEAK_ALGORITHMS: Record<string, string> = {
  md2: 'MD2', md4: 'MD4', md5: 'MD5', 'rsa-md5': 'MD5', sha1: 'SHA-1', 'sha-1': 'SHA-1', 'rsa-sha1': 'SHA-1', ripemd: 'RIPEMD-160',
  ripemd160: 'RIPEMD-160', 'ripemd-160': 'RIPEMD-160', rmd160: 'RIPEMD-160', 'md5-sha1': 'MD5',
};
/** Sound but fast digests: fine for integrity, reversible by enumeration for low-entropy identifiers without a key. */
const FAST_ALGORITHMS: Record<string, string> = {
  sha224: 'SHA-224', sha256: 'SHA-256', 'sha-256': 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512', 'sha-512': 'SHA-512',
  'sha512-256': 'SHA-512/256', 'sha3-256': 'SHA3-256', 'sha3-384': 'SHA3-384', 'sha3-512': 'SHA3-512', sha3: 'SHA-3',
  blake2b512: 'BLAKE2b', blake2s256: 'BLAKE2s', sm3: 'SM3',
};
/** Names in the hashed expression that mean a secret or salt is mixed in: `update(salt + ssn)`. */
const SALT_WORDS = new Set(['salt', 'salted', 'pepper', 'secret', 'key', 'nonce', 'hmac']);
const IDENTIFIER_KINDS = new Set(PHI_KINDS.filter((kind) => kind.category === 'identifier').map((kind) => kind.id));
const CRYPTO_JS_NAMES = /^(CryptoJS|cryptoJs|cryptojs|CryptoJs|cryptoJS)$/;

interface HashOrigin {
  algorithm: string;
  hmac: boolean;
  /** The variable holding the hash object, when it has one. */
  variable?: string;
}

interface Pending {
  node: Node;
  taint: Taint;
  algorithm: string;
  variable?: string;
}

function algorithmName(context: RuleContext, node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const constant = context.constantOf(node);
  return typeof constant === 'string' ? constant.toLowerCase() : undefined;
}

/** `crypto.createHash('md5')`, `createHmac('sha256', key)`. */
function hashFactory(context: RuleContext, node: Node): HashOrigin | undefined {
  if (node.type !== 'CallExpression') return undefined;
  const name = calleeName(node.callee);
  if (name !== 'createHash' && name !== 'createHmac') return undefined;
  const algorithm = algorithmName(context, node.arguments[0] as Node | undefined);
  return algorithm ? { algorithm, hmac: name === 'createHmac' } : undefined;
}

/** Whether an expression mixes in something named like a salt, pepper or key. */
function mentionsSalt(node: Node | null | undefined, depth = 0): boolean {
  if (!node || depth > 12) return false;
  switch (node.type) {
    case 'Identifier':
      return splitWords(node.name).some((word) => SALT_WORDS.has(word));
    case 'MemberExpression': {
      const name = propertyName(node);
      return (name !== undefined && splitWords(name).some((word) => SALT_WORDS.has(word))) || (node.object.type !== 'Identifier' && mentionsSalt(node.object, depth + 1));
    }
    case 'BinaryExpression':
      return mentionsSalt(node.left as Node, depth + 1) || mentionsSalt(node.right, depth + 1);
    case 'TemplateLiteral':
      return node.expressions.some((expression) => mentionsSalt(expression, depth + 1));
    case 'ArrayExpression':
      return node.elements.some((element) => element !== null && mentionsSalt(element as Node, depth + 1));
    case 'CallExpression':
      return node.arguments.some((argument) => mentionsSalt(argument as Node, depth + 1)) || (node.callee.type === 'MemberExpression' && mentionsSalt(node.callee.object, depth + 1));
    case 'SpreadElement':
      return mentionsSalt(node.argument, depth + 1);
    case 'AwaitExpression':
      return mentionsSalt(node.argument, depth + 1);
    default:
      return false;
  }
}

function identifierTaint(taint: Taint): Taint | undefined {
  const kinds = taint.kinds.filter((kind) => IDENTIFIER_KINDS.has(kind));
  return kinds.length ? { ...taint, kinds } : undefined;
}

/** `md5(x)`, `sha1(x)`, `CryptoJS.MD5(x)`, `crypto.hash('sha1', x)`: the algorithm and the hashed argument. */
function oneShotHash(context: RuleContext, node: TSESTree.CallExpression): { algorithm: string; data: Node } | undefined {
  const call = memberCall(node);
  if (call) {
    if (call.method === 'hash' && lastSegment(call.object) === 'crypto' && node.arguments.length >= 2) {
      const algorithm = algorithmName(context, node.arguments[0] as Node);
      return algorithm ? { algorithm, data: node.arguments[1] as Node } : undefined;
    }
    const object = lastSegment(call.object);
    if (!object || !CRYPTO_JS_NAMES.test(object) || !node.arguments[0]) return undefined;
    return { algorithm: call.method.toLowerCase(), data: node.arguments[0] as Node };
  }
  if (node.callee.type !== 'Identifier' || !node.arguments[0]) return undefined;
  const algorithm = node.callee.name.toLowerCase();
  if (!(algorithm in WEAK_ALGORITHMS) && !(algorithm in FAST_ALGORITHMS)) return undefined;
  return { algorithm, data: node.arguments[0] as Node };
}

function isNodeCryptoReceiver(object: Node): boolean {
  const name = lastSegment(object);
  return name !== undefined && /^(crypto|nodeCrypto|cryptoModule)$/.test(name);
}

export default createRule({
  meta: {
    id: 'no-weak-phi-hash',
    description: 'Disallow weak or unsalted hashes of PHI identifiers, deprecated createCipher and ECB-mode encryption.',
    rationale:
      'Hashing is often used to pseudonymise identifiers for analytics, matching or de-identified exports. An MD5/SHA-1 hash, or any fast hash without a secret key, of an SSN, MRN, phone number or date of birth is not de-identified: there are only about a billion SSNs, and a laptop hashes them all in minutes, so every hash can be reversed. Use an HMAC with a secret key kept outside the data set (or a salted slow KDF). Likewise crypto.createCipher (MD5 key derivation, no IV) and ECB mode leave patterns in encrypted PHI visible.',
    category: 'crypto',
    defaultSeverity: 'error',
    cwe: ['CWE-328', 'CWE-759', 'CWE-327'],
    hipaa: ['164.514(b)', '164.312(c)(1)', '164.312(a)(2)(iv)'],
    precision: 'high',
    securitySeverity: 6.8,
    messages: {
      weakHash: '{{algorithm}} hash of {{kinds}}: {{algorithm}} is broken and fast, so the hash can be reversed by brute force. Use an HMAC with a secret key (`createHmac(\'sha256\', key)`) for pseudonyms, or a salted slow KDF (scrypt, argon2).',
      unsaltedHash: 'Unsalted {{algorithm}} hash of {{kinds}}: an identifier has few possible values (about 1e9 SSNs), so the hash can be reversed by enumerating them. Use an HMAC with a secret key (`createHmac`) or mix in a secret pepper.',
      deprecatedCipher: '`{{fn}}()` derives the key with MD5 and no salt and uses no IV (deprecated, removed in Node 22). Use `createCipheriv` with a random IV and an authenticated mode such as aes-256-gcm.',
      ecbMode: 'ECB mode encrypts equal blocks to equal ciphertext, so patterns and repeated values in the data stay visible. Use an authenticated mode such as AES-GCM with a random IV.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    languages: ['code'],
  },
  defaultOptions: {},
  create(context) {
    /** Variables holding a hash object: `const h = crypto.createHash('sha256')`. */
    const hashVariables = new Map<string, HashOrigin>();
    /** Hash variables that were fed a salt/pepper/key somewhere. */
    const saltedVariables = new Set<string>();
    const pendingUnsalted: Pending[] = [];

    /** The hash object an `.update()` call feeds, and every argument fed along the chain. */
    const originOf = (object: Node, fed: Node[]): HashOrigin | undefined => {
      let current: Node = object;
      for (let depth = 0; depth < 20; depth++) {
        const factory = hashFactory(context, current);
        if (factory) return factory;
        if (current.type === 'Identifier') {
          const known = hashVariables.get(current.name);
          return known ? { ...known, variable: current.name } : undefined;
        }
        if (current.type === 'CallExpression' && current.callee.type === 'MemberExpression' && propertyName(current.callee) === 'update') {
          if (current.arguments[0]) fed.push(current.arguments[0] as Node);
          current = current.callee.object;
          continue;
        }
        return undefined;
      }
      return undefined;
    };

    /** Arguments of later `.update()` calls chained on this one: `.update(ssn).update(pepper)`. */
    const chainedAfter = (node: TSESTree.CallExpression, fed: Node[]) => {
      let current: Node = node;
      for (let depth = 0; depth < 20; depth++) {
        const member = context.parentOf(current);
        const call = member ? context.parentOf(member) : undefined;
        if (member?.type !== 'MemberExpression' || call?.type !== 'CallExpression' || call.callee !== member || propertyName(member) !== 'update') return;
        if (call.arguments[0]) fed.push(call.arguments[0] as Node);
        current = call;
      }
    };

    /**
     * `<li key={SHA1(note).toString()}>`: a digest used as a React list key stays in memory to tell siblings
     * apart; nothing stores or sends it, so its strength does not matter.
     */
    const isRenderKey = (data: Node): boolean => {
      let current: Node = data;
      for (let depth = 0; depth < 8; depth++) {
        const parent = context.parentOf(current);
        if (!parent) return false;
        if (parent.type === 'JSXAttribute') return parent.name.type === 'JSXIdentifier' && parent.name.name === 'key';
        if (!['CallExpression', 'MemberExpression', 'TemplateLiteral', 'BinaryExpression', 'JSXExpressionContainer', 'ChainExpression'].includes(parent.type)) return false;
        current = parent;
      }
      return false;
    };

    const reportHash = (data: Node, algorithmKey: string, salted: () => boolean, variable?: string) => {
      const weak = WEAK_ALGORITHMS[algorithmKey];
      const fast = FAST_ALGORITHMS[algorithmKey];
      if (!weak && !fast) return;
      if (isRenderKey(data)) return;
      const taint = context.taintOf(data);
      if (taint.kinds.length === 0) return;
      if (weak) {
        context.report({ node: data, messageId: 'weakHash', taint, data: { algorithm: weak } });
        return;
      }
      const identifiers = identifierTaint(taint);
      if (!identifiers || mentionsSalt(data) || salted()) return;
      const pending = { node: data, taint: identifiers, algorithm: fast, variable };
      if (variable) pendingUnsalted.push(pending);
      else context.report({ node: data, messageId: 'unsaltedHash', taint: identifiers, data: { algorithm: fast }, precision: 'medium' });
    };

    return {
      VariableDeclarator(node: TSESTree.VariableDeclarator) {
        if (node.id.type !== 'Identifier' || !node.init) return;
        const fed: Node[] = [];
        const origin = originOf(node.init, fed);
        if (!origin || origin.variable) return;
        hashVariables.set(node.id.name, origin);
        // `const h = createHash('sha256').update(pepper)`
        if (fed.some((argument) => mentionsSalt(argument))) saltedVariables.add(node.id.name);
      },
      CallExpression(node: TSESTree.CallExpression) {
        const call = memberCall(node);
        if (call?.method === 'update' && node.arguments[0]) {
          const fed: Node[] = [];
          const origin = originOf(call.object, fed);
          if (!origin || origin.hmac) return;
          const data = node.arguments[0] as Node;
          if (origin.variable && mentionsSalt(data)) saltedVariables.add(origin.variable);
          chainedAfter(node, fed);
          reportHash(data, origin.algorithm, () => fed.some((other) => mentionsSalt(other)), origin.variable);
          return;
        }
        const name = calleeName(node.callee);
        // crypto.createCipher / createDecipher: deprecated, MD5 key derivation, no IV. (node-forge's
        // `forge.cipher.createCipher('AES-ECB', key)` is a different API: only its mode is checked.)
        if ((name === 'createCipher' || name === 'createDecipher') && (node.callee.type === 'Identifier' || (call && isNodeCryptoReceiver(call.object)))) {
          context.report({ node: node.callee, messageId: 'deprecatedCipher', data: { fn: dottedName(node.callee) ?? name } });
          return;
        }
        if (name === 'createCipheriv' || name === 'createDecipheriv' || name === 'createCipher' || name === 'createDecipher') {
          const algorithm = algorithmName(context, node.arguments[0] as Node | undefined);
          if (algorithm && /(^|-)ecb$/.test(algorithm)) context.report({ node: node.arguments[0] as Node, messageId: 'ecbMode' });
          return;
        }
        const oneShot = oneShotHash(context, node);
        if (oneShot) reportHash(oneShot.data, oneShot.algorithm, () => false);
      },
      MemberExpression(node: TSESTree.MemberExpression) {
        // `{ mode: CryptoJS.mode.ECB }`
        if (propertyName(node) !== 'ECB' || node.object.type !== 'MemberExpression' || propertyName(node.object) !== 'mode') return;
        context.report({ node, messageId: 'ecbMode' });
      },
      Property(node: TSESTree.Property) {
        // cipher options written as a string: `{ mode: 'ECB', padding: … }`
        if (node.computed || keyName(node.key) !== 'mode' || node.value.type !== 'Literal' || typeof node.value.value !== 'string') return;
        if (node.value.value.toUpperCase() !== 'ECB') return;
        const object = context.parentOf(node);
        const cipherOptions = object?.type === 'ObjectExpression' && object.properties.some((other) => other.type === 'Property' && !other.computed && /^(padding|iv|key|algorithm|cipher|keySize)$/.test(keyName(other.key) ?? ''));
        if (!cipherOptions) return;
        context.report({ node: node.value, messageId: 'ecbMode' });
      },
      'Program:exit'() {
        for (const pending of pendingUnsalted) {
          if (pending.variable && saltedVariables.has(pending.variable)) continue;
          context.report({ node: pending.node, messageId: 'unsaltedHash', taint: pending.taint, data: { algorithm: pending.algorithm }, precision: 'medium' });
        }
      },
    };
  },
});
