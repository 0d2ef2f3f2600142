// Small, pure helpers over the typescript-estree AST that the engine and the rules both use: the
// names of member chains, callees, properties and keys.
import type { TSESTree } from '@typescript-eslint/typescript-estree';

type Node = TSESTree.Node;

/** `a.b.c` for member chains and identifiers; undefined for anything else. */
export function dottedName(node: Node): string | undefined {
  switch (node.type) {
    case 'Identifier':
      return node.name;
    case 'ThisExpression':
      return 'this';
    case 'Super':
      return 'super';
    case 'MemberExpression': {
      const object = dottedName(node.object);
      if (!object) return undefined;
      if (!node.computed && node.property.type === 'Identifier') return `${object}.${node.property.name}`;
      if (node.computed && node.property.type === 'Literal' && typeof node.property.value === 'string') return `${object}.${node.property.value}`;
      return undefined;
    }
    case 'ChainExpression':
      return dottedName(node.expression);
    case 'TSNonNullExpression':
      return dottedName(node.expression);
    default:
      return undefined;
  }
}

/**
 * The last segment of a dotted name: `logger` for `this.deps.logger`. The same answer as splitting
 * `dottedName(node)`, without building the dotted string (asked several times at every call of every file).
 */
export function lastSegment(node: Node): string | undefined {
  switch (node.type) {
    case 'Identifier':
      return node.name;
    case 'ThisExpression':
      return 'this';
    case 'Super':
      return 'super';
    case 'MemberExpression': {
      if (!isDottedName(node.object)) return undefined;
      if (!node.computed && node.property.type === 'Identifier') return node.property.name;
      if (node.computed && node.property.type === 'Literal' && typeof node.property.value === 'string') {
        // `a['b.c']` is dotted `a.b.c`: its last segment is `c`.
        const value = node.property.value;
        return value.slice(value.lastIndexOf('.') + 1);
      }
      return undefined;
    }
    case 'ChainExpression':
    case 'TSNonNullExpression':
      return lastSegment(node.expression);
    default:
      return undefined;
  }
}

/** Whether `dottedName(node)` has an answer. */
function isDottedName(node: Node): boolean {
  for (;;) {
    switch (node.type) {
      case 'Identifier':
      case 'ThisExpression':
      case 'Super':
        return true;
      case 'MemberExpression':
        if (!((!node.computed && node.property.type === 'Identifier') || (node.computed && node.property.type === 'Literal' && typeof node.property.value === 'string'))) return false;
        node = node.object;
        break;
      case 'ChainExpression':
      case 'TSNonNullExpression':
        node = node.expression;
        break;
      default:
        return false;
    }
  }
}

/** The last name of a callee: `redact` for `redact(x)`, `utils.redact(x)` and `this.redact(x)`. */
export function calleeName(callee: Node): string | undefined {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression') return propertyName(callee);
  if (callee.type === 'ChainExpression') return calleeName(callee.expression);
  return undefined;
}

export function propertyName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === 'Identifier') return member.property.name;
  if (member.property.type === 'Literal' && typeof member.property.value === 'string') return member.property.value;
  if (member.property.type === 'PrivateIdentifier') return member.property.name;
  return undefined;
}

export function keyName(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return undefined;
}
