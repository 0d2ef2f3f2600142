// Small named predicates over the typescript-estree AST that several rules share.
import { calleeName, dottedName, keyName, lastSegment, propertyName, splitWords, type RuleContext, type Taint, type TSESTree } from '../../server/src/rule-api';

export { calleeName, dottedName, keyName, lastSegment, propertyName, splitWords };

export type Node = TSESTree.Node;

/** `a.b.method(…)` → { object: a.b node, method: "method" }. */
export function memberCall(node: TSESTree.CallExpression | TSESTree.NewExpression): { object: Node; method: string } | undefined {
  let callee: Node = node.callee;
  if (callee.type === 'ChainExpression') callee = callee.expression;
  if (callee.type !== 'MemberExpression') return undefined;
  const method = propertyName(callee);
  return method ? { object: callee.object, method } : undefined;
}


export function isStringLiteral(node: Node | undefined | null): node is TSESTree.StringLiteral {
  return !!node && node.type === 'Literal' && typeof node.value === 'string';
}

/** Literals and expression-free templates: values written in the code, not data. */
export function isConstantExpression(node: Node): boolean {
  if (node.type === 'Literal') return true;
  if (node.type === 'TemplateLiteral') return node.expressions.length === 0;
  if (node.type === 'UnaryExpression') return isConstantExpression(node.argument);
  return false;
}

export function isFalseLiteral(node: Node | undefined | null, context?: RuleContext): boolean {
  if (!node) return false;
  if (node.type === 'Literal') return node.value === false || node.value === 0;
  if (node.type === 'UnaryExpression' && node.operator === '!' && node.argument.type === 'Literal') return !!node.argument.value;
  return context ? context.constantOf(node) === false : false;
}

export function isTrueLiteral(node: Node | undefined | null): boolean {
  if (!node) return false;
  if (node.type === 'Literal') return node.value === true || node.value === 1;
  return node.type === 'UnaryExpression' && node.operator === '!' && node.argument.type === 'Literal' && !node.argument.value;
}

/** The union of the PHI the given expressions carry, and the first expression that carries any. */
export function phiOfArguments(context: RuleContext, nodes: readonly Node[]): { taint: Taint; node: Node } | undefined {
  let first: Node | undefined;
  const kinds = new Set<string>();
  const origins: Taint['origins'][number][] = [];
  let confidence: Taint['confidence'] = 'medium';
  for (const node of nodes) {
    if (node.type === 'SpreadElement') continue;
    const taint = context.taintOf(node);
    if (taint.kinds.length === 0) continue;
    first ??= node;
    taint.kinds.forEach((kind) => kinds.add(kind));
    for (const origin of taint.origins) if (origins.length < 3) origins.push(origin);
    if (taint.confidence === 'high') confidence = 'high';
  }
  if (!first) return undefined;
  return { node: first, taint: { kinds: [...kinds].sort(), origins, confidence } };
}

/**
 * Every source of the taint is the URL of the request being served (`req.originalUrl`): what its client already
 * put in a URL. Echoed back to that client or forwarded as the same query, it exposes nothing new; a log keeps it.
 */
export function onlyFromServedUrl(taint: Taint): boolean {
  return taint.origins.length > 0 && taint.origins.every((origin) => origin.servedUrl === true);
}

/** The key of a property written with a plain name (`ssn:`, `'ssn':`, `1:`), not a computed one (`[key]:`). */
export function propertyKey(property: TSESTree.Property): string | undefined {
  return property.computed ? undefined : keyName(property.key);
}

/** The first property of an object literal with the given plain key. */
export function propertyNamed(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  for (const property of object.properties) {
    if (property.type === 'Property' && propertyKey(property) === name) return property;
  }
  return undefined;
}

/** The properties of an object literal by name. */
export function objectProperties(node: TSESTree.ObjectExpression): Map<string, TSESTree.Property> {
  const properties = new Map<string, TSESTree.Property>();
  for (const property of node.properties) {
    if (property.type !== 'Property') continue;
    const name = propertyKey(property);
    if (name !== undefined) properties.set(name, property);
  }
  return properties;
}

export function parentOf(node: Node): Node | undefined {
  return (node as { parent?: Node }).parent;
}

/** A function with a body: declaration, expression or arrow. */
export function isFunction(node: Node | undefined | null): node is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration {
  return !!node && (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration');
}

/** The function a node is in (its nearest enclosing declaration, expression or arrow), if any. */
export function enclosingFunction(node: Node): TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration | undefined {
  for (let current = parentOf(node); current; current = parentOf(current)) if (isFunction(current)) return current;
  return undefined;
}

/** Children of a node (not its parent), for searching a subtree the walk has not reached yet. */
export function childNodes(node: Node): Node[] {
  const children: Node[] = [];
  // for…in over a plain node: the keys Object.entries gives, in its order, without an array of pairs per node.
  for (const key in node) {
    if (key === 'parent' || key === 'range' || key === 'loc') continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object' && typeof (item as Node).type === 'string') children.push(item as Node);
    } else if (value && typeof value === 'object' && typeof (value as Node).type === 'string') {
      children.push(value as Node);
    }
  }
  return children;
}

/** First node of a subtree (not entering nested functions unless asked) that satisfies `test`. */
export function findInSubtree(root: Node, test: (node: Node, parent: Node | undefined) => boolean, enterFunctions = false): Node | undefined {
  const stack: Array<{ node: Node; parent: Node | undefined }> = [{ node: root, parent: undefined }];
  while (stack.length) {
    const { node, parent } = stack.pop()!;
    if (test(node, parent)) return node;
    if (!enterFunctions && node !== root && /Function/.test(node.type)) continue;
    const children = childNodes(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], parent: node });
  }
  return undefined;
}

/** The name of a JSX element: `Link`, `Router.Link` → `Link`. */
export function jsxName(name: TSESTree.JSXTagNameExpression): string | undefined {
  if (name.type === 'JSXIdentifier') return name.name;
  if (name.type === 'JSXMemberExpression') return name.property.name;
  return undefined;
}

/** The expression under `await`, `x as T`, `x!`, `x satisfies T` and `a?.b` wrappers. */
export function unwrap(node: Node): Node {
  let current = node;
  while (current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression' || current.type === 'AwaitExpression' || current.type === 'ChainExpression' || current.type === 'TSSatisfiesExpression') {
    current = (current as { expression?: Node; argument?: Node }).expression ?? (current as { argument: Node }).argument;
  }
  return current;
}

/**
 * What a function returns: an arrow's expression body, else the argument of its first top-level `return`
 * (`last`: of its last one, for factories that return early before the object they build).
 */
export function returnedExpression(fn: Node, { last = false } = {}): Node | undefined {
  if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression' && fn.type !== 'FunctionDeclaration') return undefined;
  if (fn.body.type !== 'BlockStatement') return fn.body;
  const statements = last ? [...fn.body.body].reverse() : fn.body.body;
  const returned = statements.find((statement) => statement.type === 'ReturnStatement') as TSESTree.ReturnStatement | undefined;
  return returned?.argument ?? undefined;
}

/** The module a `require('m')` call names, or undefined for anything else. */
export function requiredModuleOf(node: Node | null | undefined): string | undefined {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
  const source = node.arguments[0];
  return source?.type === 'Literal' && typeof source.value === 'string' ? source.value : undefined;
}
