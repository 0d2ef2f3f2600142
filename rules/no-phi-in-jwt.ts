import { createRule, type RuleContext, type Taint, type TSESTree } from '../server/src/rule-api';
import { dottedName, enclosingFunction, keyName, lastSegment, memberCall, splitWords, type Node } from './utils/ast';

/** Modules whose default/namespace import signs JWTs with `.sign(payload)` / `.encode(payload)`. */
const JWT_MODULES = new Set(['jsonwebtoken', 'jwt-simple', 'jws', '@nestjs/jwt', 'njwt', 'jose']);
/** Named imports that sign a payload: `import { sign } from 'jsonwebtoken'`. */
const SIGNING_EXPORTS: Record<string, readonly string[]> = {
  jsonwebtoken: ['sign'],
  'jwt-simple': ['encode'],
  jws: ['sign'],
  njwt: ['create'],
};
/** jose classes whose payload is only signed, not encrypted. */
const SIGNED_JWT_CLASSES = new Set(['SignJWT', 'UnsecuredJWT']);
/** jose builder methods that put a claim into the payload. */
const CLAIM_SETTERS = new Set(['setSubject', 'setAudience', 'setIssuer', 'setJti']);
const SIGN_METHODS = new Set(['sign', 'signAsync', 'signSync', 'encode', 'jwtSign', 'create']);

interface Imports {
  /** Local names bound to a JWT module (default or namespace import, require). */
  modules: Set<string>;
  /** Local names bound to a signing function. */
  signers: Set<string>;
  /** Local names bound to jose's SignJWT/UnsecuredJWT. */
  signedClasses: Set<string>;
}

function collectImports(context: RuleContext): Imports {
  const imports: Imports = { modules: new Set(), signers: new Set(), signedClasses: new Set() };
  for (const module of new Set([...JWT_MODULES, ...Object.keys(SIGNING_EXPORTS)])) {
    for (const { local, imported } of context.localNamesFrom(module)) {
      if (imported === '*' || imported === 'default') {
        if (JWT_MODULES.has(module)) imports.modules.add(local);
        continue;
      }
      if (SIGNING_EXPORTS[module]?.includes(imported)) imports.signers.add(local);
      if (module === 'jose' && SIGNED_JWT_CLASSES.has(imported)) imports.signedClasses.add(local);
    }
  }
  return imports;
}

/** `jwt`, `this.jwtService`, `fastify.jwt`, `app.jwt`, `jsonwebtoken`, `JWT`. */
function isNamedLikeJwt(object: Node, imports: Imports): boolean {
  const name = lastSegment(object);
  if (!name) return false;
  if (imports.modules.has(name)) return true;
  const words = splitWords(name);
  return words.includes('jwt') || words.includes('jsonwebtoken') || name === 'jws';
}

/** The payload argument of a call that signs a JWT, if the call signs one. */
function signedPayload(node: TSESTree.CallExpression, imports: Imports): Node | undefined {
  const first = node.arguments[0];
  if (!first || first.type === 'SpreadElement') return undefined;
  if (node.callee.type === 'Identifier') {
    return imports.signers.has(node.callee.name) ? first : undefined;
  }
  const call = memberCall(node);
  if (!call) return undefined;
  // `reply.jwtSign(payload)`, `request.jwtSign(payload)` (@fastify/jwt)
  if (call.method === 'jwtSign') return first;
  if (!SIGN_METHODS.has(call.method) || call.method === 'jwtSign') return undefined;
  // `jwt.sign(payload, secret)`, `this.jwtService.signAsync(payload)`, `fastify.jwt.sign(payload)`, `jwt.encode(payload, secret)`
  return isNamedLikeJwt(call.object, imports) ? first : undefined;
}

/** `new SignJWT(payload)` / `new jose.SignJWT(payload)`. */
function isSignedJwtClass(node: TSESTree.NewExpression, imports: Imports): boolean {
  const name = dottedName(node.callee);
  if (!name) return false;
  const last = name.split('.').pop()!;
  return imports.signedClasses.has(name) || SIGNED_JWT_CLASSES.has(last);
}

/** Whether a builder chain starts at `new SignJWT(…)`: `new SignJWT({}).setProtectedHeader(…).setSubject(x)`. */
function chainStartsWithSignedJwt(node: Node, imports: Imports): boolean {
  let current: Node = node;
  for (let depth = 0; depth < 20; depth++) {
    if (current.type === 'NewExpression') return isSignedJwtClass(current, imports);
    if (current.type === 'CallExpression' && current.callee.type === 'MemberExpression') current = current.callee.object;
    else if (current.type === 'AwaitExpression') current = current.argument;
    else return false;
  }
  return false;
}

/** The function is NextAuth's `callbacks.jwt`: `callbacks: { async jwt({ token, user }) { … } }`. */
function isNextAuthJwtCallback(context: RuleContext, fn: Node): boolean {
  const property = context.parentOf(fn);
  if (property?.type !== 'Property' || property.computed || keyName(property.key) !== 'jwt') return false;
  const callbacks = context.parentOf(property);
  const owner = callbacks ? context.parentOf(callbacks) : undefined;
  return owner?.type === 'Property' && !owner.computed && keyName(owner.key) === 'callbacks';
}

/** Roles and id keys that make a token a workforce member's (a doctor's, an admin's), not a patient's. */
const WORKFORCE_ROLES = /^(doctor|physician|nurse|admin|administrator|staff|practitioner|provider|clinician|receptionist|pharmacist|therapist|employee|superadmin)$/i;
const WORKFORCE_ID_KEYS = /^(doctor|physician|nurse|admin|staff|practitioner|provider|clinician|employee)_?id$/i;
/** Contact details that are PHI for a patient but workplace contact data for staff. */
const CONTACT_KINDS = new Set(['name', 'email', 'phone', 'address', 'photo']);

/**
 * `jwt.sign({ role: 'doctor', doctor_id, firstname })`: a staff member's name and email in their own
 * session token are not PHI (a patient key in the payload, or an SSN or birth date, still counts).
 */
function withoutWorkforceContact(context: RuleContext, payload: Node, taint: Taint): Taint {
  if (payload.type !== 'ObjectExpression') return taint;
  let workforce = false;
  for (const property of payload.properties) {
    if (property.type !== 'Property' || property.computed) continue;
    const key = keyName(property.key) ?? '';
    if (/patient/i.test(key)) return taint;
    const value = context.constantOf(property.value as Node);
    if ((key === 'role' || key === 'userRole' || key === 'type') && typeof value === 'string' && WORKFORCE_ROLES.test(value)) workforce = true;
    if (WORKFORCE_ID_KEYS.test(key)) workforce = true;
  }
  if (!workforce) return taint;
  return { ...taint, kinds: taint.kinds.filter((kind) => !CONTACT_KINDS.has(kind)) };
}

export default createRule({
  meta: {
    id: 'no-phi-in-jwt',
    description: 'Disallow PHI in the payload of signed (unencrypted) JSON Web Tokens.',
    rationale:
      'A signed JWT is base64url-encoded JSON, not encrypted: the browser, every proxy and log that sees the Authorization header or cookie, and any third party the token is passed to can read its claims. Tokens are also long-lived and cannot be recalled. Put an opaque user or patient id in the token and look the data up server-side, or use an encrypted JWE when claims must travel.',
    category: 'storage',
    defaultSeverity: 'error',
    cwe: ['CWE-312', 'CWE-522'],
    hipaa: ['164.312(a)(2)(iv)', '164.312(e)(1)'],
    precision: 'high',
    securitySeverity: 6.5,
    messages: {
      phiInJwt: 'JWT payload carries {{kinds}}. A signed JWT is only base64-encoded: anyone holding the token can read it. Put an opaque id in the token, or use an encrypted JWE (jose `EncryptJWT`).',
      phiInClaim: 'JWT `{{claim}}` claim carries {{kinds}}. A signed JWT is only base64-encoded: anyone holding the token can read it. Use an opaque id.',
      phiInSessionToken: 'NextAuth `jwt` callback puts {{kinds}} into the session token, a signed cookie readable by anyone who holds it. Keep an opaque id in the token and load the data in the server.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    languages: ['code'],
  },
  defaultOptions: {},
  create(context) {
    let imports: Imports = { modules: new Set(), signers: new Set(), signedClasses: new Set() };
    return {
      Program(node: TSESTree.Program) {
        imports = collectImports(context);
      },
      CallExpression(node: TSESTree.CallExpression) {
        const payload = signedPayload(node, imports);
        if (payload) {
          const taint = withoutWorkforceContact(context, payload, context.taintOf(payload));
          if (taint.kinds.length) context.report({ node: payload, messageId: 'phiInJwt', taint });
          return;
        }
        const call = memberCall(node);
        if (call && CLAIM_SETTERS.has(call.method) && node.arguments[0] && chainStartsWithSignedJwt(call.object, imports)) {
          const taint = context.taintOf(node.arguments[0]);
          const claim = { setSubject: 'sub', setAudience: 'aud', setIssuer: 'iss', setJti: 'jti' }[call.method] ?? 'sub';
          if (taint.kinds.length) context.report({ node: node.arguments[0], messageId: 'phiInClaim', taint, data: { claim } });
        }
      },
      NewExpression(node: TSESTree.NewExpression) {
        if (!isSignedJwtClass(node, imports)) return;
        const payload = node.arguments[0];
        if (!payload || payload.type === 'SpreadElement') return;
        const taint = context.taintOf(payload);
        if (taint.kinds.length) context.report({ node: payload, messageId: 'phiInJwt', taint });
      },
      ReturnStatement(node: TSESTree.ReturnStatement) {
        if (!node.argument) return;
        const fn = enclosingFunction(node);
        if (!fn || !isNextAuthJwtCallback(context, fn)) return;
        const taint = context.taintOf(node.argument);
        if (taint.kinds.length) context.report({ node: node.argument, messageId: 'phiInSessionToken', taint });
      },
      ObjectExpression(node: TSESTree.ObjectExpression) {
        // `jwt: ({ token, user }) => ({ ...token, dob: user.dob })`
        const fn = context.parentOf(node);
        if (fn?.type !== 'ArrowFunctionExpression' || fn.body !== node || !isNextAuthJwtCallback(context, fn)) return;
        const taint = context.taintOf(node);
        if (taint.kinds.length) context.report({ node, messageId: 'phiInSessionToken', taint });
      },
    };
  },
});
