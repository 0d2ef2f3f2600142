// Syntax the taint analysis reads without evaluating anything: literal-likeness, `require()` calls,
// type annotations, function nodes, and which functions a module exports.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys as visitorKeysExport } from '@typescript-eslint/visitor-keys';
import { dottedName, keyName } from '../rule-api/ast';
import { CONTENT_WRAPPERS, KEYED_WRAPPERS, REQUEST_OBJECT } from '../vocabulary/library-models';
// Read once: the bundle reaches a CommonJS package's export through a getter, and the walks below ask per node.
const visitorKeys = visitorKeysExport;

const contentWrappers = new Set(CONTENT_WRAPPERS);
const keyedWrappers = new Set(KEYED_WRAPPERS);

type Node = TSESTree.Node;

export const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
/** Wrappers whose value is their operand's. */
/** The expression under optional chaining, `!` and `as` (`x?.value!`, `(x.value as string)`). */
export function withoutChainAndAssertions(node: Node): Node {
  let current = node;
  while (current.type === 'ChainExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSAsExpression') current = current.expression;
  return current;
}

export const TRANSPARENT_TYPES = new Set(['AwaitExpression', 'TSNonNullExpression', 'ChainExpression', 'TSInstantiationExpression']);

/** The syntax children of a node, in visitor-key order (the passes that walk a tree on their own stack use it). */
export function childNodes(node: Node): Node[] {
  const found: Node[] = [];
  pushChildNodes(node, found);
  return found;
}

/** Pushes a node's children onto a walk's stack in `childNodes` order, without an array per node. */
export function pushChildNodes(node: Node, stack: Node[]): void {
  const keys = visitorKeys[node.type] ?? [];
  for (let k = 0; k < keys.length; k++) {
    const child = (node as unknown as Record<string, unknown>)[keys[k]];
    if (Array.isArray(child)) {
      for (let i = 0; i < child.length; i++) {
        const item = child[i];
        if (item && typeof item === 'object' && 'type' in item) stack.push(item as Node);
      }
    } else if (child && typeof child === 'object' && 'type' in child) stack.push(child as Node);
  }
}

export function isLiteralLike(node: Node): boolean {
  if (node.type === 'Literal') return true;
  if (node.type === 'TemplateLiteral') return node.expressions.length === 0;
  if (node.type === 'UnaryExpression') return isLiteralLike(node.argument);
  if (node.type === 'ArrayExpression') return node.elements.every((element) => !element || (element.type !== 'SpreadElement' && isLiteralLike(element)));
  return false;
}

export function moduleMatches(wanted: string | RegExp, specifier: string): boolean {
  return typeof wanted === 'string' ? wanted === specifier : wanted.test(specifier);
}

/**
 * The type reference whose name `typeNameOfAnnotation` reads (`RequestResult<Dependent[]>` in
 * `Promise<RequestResult<Dependent[]>> | undefined`), or undefined: the same unwrapping of arrays, content
 * wrappers, keyed collections, unions and intersections.
 */
export function namedTypeReference(annotation: TSESTree.TypeNode | undefined): TSESTree.TSTypeReference | undefined {
  for (let depth = 0; annotation && depth < 8; depth++) {
    switch (annotation.type) {
      case 'TSArrayType':
        annotation = annotation.elementType;
        continue;
      case 'TSTypeReference': {
        const typeName = annotation.typeName;
        const name = typeName.type === 'Identifier' ? typeName.name : typeName.type === 'TSQualifiedName' ? typeName.right.name : undefined;
        const args = annotation.typeArguments?.params;
        if (name && args?.length && contentWrappers.has(name)) annotation = args[0];
        else if (name && args && args.length > 1 && keyedWrappers.has(name)) annotation = args[1];
        else return name ? annotation : undefined;
        continue;
      }
      case 'TSIntersectionType':
      case 'TSUnionType':
        annotation = annotation.types.find((candidate) => typeNameOfAnnotation(candidate).name);
        continue;
      default:
        return undefined;
    }
  }
  return undefined;
}

/** `'pino'` for `require('pino')`; undefined for anything else. */
export function requiredModule(node: Node | null | undefined): string | undefined {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
  const source = node.arguments[0];
  return source?.type === 'Literal' && typeof source.value === 'string' ? source.value : undefined;
}


export function isRequestObject(node: Node): boolean {
  const name = dottedName(node);
  return name !== undefined && REQUEST_OBJECT.test(name);
}


export function typeNameOfAnnotation(annotation: TSESTree.TypeNode | undefined): { name?: string; namespace?: string; isBoolean: boolean; isScalar?: boolean } {
  if (!annotation) return { isBoolean: false };
  switch (annotation.type) {
    case 'TSBooleanKeyword':
      return { isBoolean: true };
    case 'TSStringKeyword':
    case 'TSNumberKeyword':
      return { isBoolean: false, isScalar: true };
    case 'TSArrayType':
      return typeNameOfAnnotation(annotation.elementType);
    case 'TSTypeReference': {
      const typeName = annotation.typeName;
      const name = typeName.type === 'Identifier' ? typeName.name : typeName.type === 'TSQualifiedName' ? typeName.right.name : undefined;
      const args = annotation.typeArguments?.params;
      if (name && args?.length && contentWrappers.has(name)) {
        return typeNameOfAnnotation(args[0]);
      }
      // Record<string, Patient>, Map<string, Patient>: what the collection holds.
      if (name && args && args.length > 1 && keyedWrappers.has(name)) return typeNameOfAnnotation(args[1]);
      // `jsep.Identifier`, `fhir4.Identifier`: the namespace says whose type it is.
      const namespace = typeName.type === 'TSQualifiedName' ? qualifierText(typeName.left) : undefined;
      return { name, namespace, isBoolean: false };
    }
    case 'TSIntersectionType': {
      // PatientState & PatientActions: the first named part says what the value is.
      const named = annotation.types.map(typeNameOfAnnotation).find((candidate) => candidate.name);
      return named ?? { isBoolean: false };
    }
    case 'TSUnionType': {
      const named = annotation.types.map(typeNameOfAnnotation).find((candidate) => candidate.name);
      const nullish = (type: TSESTree.TypeNode) => type.type === 'TSNullKeyword' || type.type === 'TSUndefinedKeyword';
      return named ?? {
        isBoolean: annotation.types.every((type) => type.type === 'TSBooleanKeyword' || nullish(type)),
        isScalar: annotation.types.every((type) => type.type === 'TSStringKeyword' || type.type === 'TSNumberKeyword' || nullish(type)) && !annotation.types.every(nullish),
      };
    }
    default:
      return { isBoolean: false };
  }
}

/** `fhirclient.FHIR` of `fhirclient.FHIR.HumanName`, `jsep` of `jsep.Identifier`. */
function qualifierText(node: TSESTree.EntityName): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'TSQualifiedName') {
    const left = qualifierText(node.left);
    return left === undefined ? undefined : `${left}.${node.right.name}`;
  }
  return undefined;
}

/** Every type name a type mentions (`DraftState<TDraft>` → DraftState, TDraft), for finding type parameters in it. */
export function typeReferenceNames(annotation: TSESTree.TypeNode | undefined, out: string[] = []): string[] {
  if (!annotation || out.length > 16) return out;
  switch (annotation.type) {
    case 'TSTypeReference':
      if (annotation.typeName.type === 'Identifier') out.push(annotation.typeName.name);
      annotation.typeArguments?.params.forEach((param) => typeReferenceNames(param, out));
      break;
    case 'TSArrayType':
      typeReferenceNames(annotation.elementType, out);
      break;
    case 'TSUnionType':
    case 'TSIntersectionType':
      annotation.types.forEach((type) => typeReferenceNames(type, out));
      break;
    default:
      break;
  }
  return out;
}

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export function asFunction(node: Node | null | undefined): FunctionNode | undefined {
  return node && FUNCTION_TYPES.has(node.type) ? (node as FunctionNode) : undefined;
}

/**
 * Methods and function-valued properties of an exported object literal (`export default { save() {} }`), and the
 * module's own functions it gathers by name (`export default { saveToStorage, load: loadFromStorage }`).
 */
export function objectMethods(object: TSESTree.ObjectExpression, prefix: string, out: ExportedFunction[], localFunctions?: ReadonlyMap<string, FunctionNode>): void {
  for (const property of object.properties) {
    if (property.type !== 'Property' || property.computed) continue;
    const name = keyName(property.key);
    const fn = asFunction(property.value) ?? (property.value.type === 'Identifier' ? localFunctions?.get(property.value.name) : undefined);
    if (name && fn) out.push([`${prefix}.${name}`, fn]);
  }
}

/** An exported function: its export name, its node, and for a class's method the class's name (what `this` is). */
export type ExportedFunction = [name: string, fn: FunctionNode, className?: string];

/**
 * The methods of a class by the name callers reach them with: instance methods (and arrow-valued fields)
 * as `Class#method`, static ones as `Class.method` (`new PatientLogger().log(p)`, `PatientLogger.log(p)`).
 */
export function classMethods(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression, prefix: string, out: ExportedFunction[]): void {
  const className = node.id?.name ?? prefix;
  for (const member of node.body.body) {
    if ((member.type !== 'MethodDefinition' && member.type !== 'PropertyDefinition') || member.computed) continue;
    if (member.type === 'MethodDefinition' && member.kind !== 'method') continue;
    const name = keyName(member.key);
    const fn = asFunction(member.value);
    if (name && fn) out.push([`${prefix}${member.static ? '.' : '#'}${name}`, fn, className]);
  }
}

/**
 * The instance methods of a class reached through one instance the module exports (`export default new Store()`,
 * `const store = new Store(); export default store`): `default.save`, `store.save`, with the class as `this`.
 */
function instanceMethods(node: TSESTree.ClassDeclaration, prefix: string, out: ExportedFunction[]): void {
  const className = node.id?.name ?? prefix;
  for (const member of node.body.body) {
    if ((member.type !== 'MethodDefinition' && member.type !== 'PropertyDefinition') || member.computed || member.static) continue;
    if (member.type === 'MethodDefinition' && member.kind !== 'method') continue;
    const name = keyName(member.key);
    const fn = asFunction(member.value);
    if (name && fn) out.push([`${prefix}.${name}`, fn, className]);
  }
}

/** `new Store()` of a class declared in this file: the class. */
function instanceOfLocalClass(init: Node | null | undefined, localClasses: ReadonlyMap<string, TSESTree.ClassDeclaration>): TSESTree.ClassDeclaration | undefined {
  return init?.type === 'NewExpression' && init.callee.type === 'Identifier' ? localClasses.get(init.callee.name) : undefined;
}

/** The method `name` of a class declared in this file (`Class#name` style lookups by the summaries). */
export function findClassMethod(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression, method: string, isStatic: boolean): FunctionNode | undefined {
  for (const member of node.body.body) {
    if ((member.type !== 'MethodDefinition' && member.type !== 'PropertyDefinition') || member.computed || member.static !== isStatic) continue;
    if (member.type === 'MethodDefinition' && member.kind !== 'method') continue;
    if (keyName(member.key) === method) return asFunction(member.value);
  }
  return undefined;
}

/** The functions a module exports, by export name (`f`, `default`, `default.save`, `api.save`, `Logger#log`). */
/**
 * The function a factory or hook makes and returns (`export const usePageViewEvent = () => { const send = (e) => …;
 * return send; }`, `() => (e) => …`): its callers call what they get back (`const send = usePageViewEvent(); send(e)`),
 * so it is summarised as the export `usePageViewEvent()`. Only a function the body returns as a whole: one returned
 * inside an object or among others is not followed.
 */
function returnedFunction(fn: FunctionNode): FunctionNode | undefined {
  if (fn.body.type !== 'BlockStatement') return asFunction(fn.body as Node);
  const locals = new Map<string, FunctionNode>();
  let returned: FunctionNode | undefined;
  let returns = 0;
  for (const statement of fn.body.body) {
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const local = asFunction(declarator.init);
        if (local && declarator.id.type === 'Identifier') locals.set(declarator.id.name, local);
      }
    } else if (statement.type === 'FunctionDeclaration' && statement.id) locals.set(statement.id.name, statement);
    else if (statement.type === 'ReturnStatement' && statement.argument) {
      returns++;
      const argument = statement.argument as Node;
      returned = asFunction(argument) ?? (argument.type === 'Identifier' ? locals.get(argument.name) : undefined);
    }
  }
  return returns === 1 ? returned : undefined;
}

export function exportedFunctions(program: TSESTree.Program): ExportedFunction[] {
  const out: ExportedFunction[] = [];
  const localFunctions = new Map<string, FunctionNode>();
  const localClasses = new Map<string, TSESTree.ClassDeclaration>();
  const instanceDeclarators: TSESTree.VariableDeclarator[] = [];
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'FunctionDeclaration' && declaration.id) localFunctions.set(declaration.id.name, declaration);
    if (declaration?.type === 'ClassDeclaration' && declaration.id) localClasses.set(declaration.id.name, declaration);
    if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        const fn = asFunction(declarator.init);
        if (fn && declarator.id.type === 'Identifier') localFunctions.set(declarator.id.name, fn);
        if (declaration.kind === 'const' && declarator.id.type === 'Identifier' && declarator.init?.type === 'NewExpression') instanceDeclarators.push(declarator);
      }
    }
  }
  // `const store = new Store()`: an instance of a class of this file the module may export.
  const localInstances = new Map<string, TSESTree.ClassDeclaration>();
  for (const declarator of instanceDeclarators) {
    const instanceClass = instanceOfLocalClass(declarator.init, localClasses);
    if (instanceClass) localInstances.set((declarator.id as TSESTree.Identifier).name, instanceClass);
  }
  for (const statement of program.body) {
    if (statement.type === 'ExportNamedDeclaration') {
      const declaration = statement.declaration;
      if (declaration?.type === 'FunctionDeclaration' && declaration.id) {
        out.push([declaration.id.name, declaration]);
        const made = returnedFunction(declaration);
        if (made) out.push([`${declaration.id.name}()`, made]);
      }
      if (declaration?.type === 'ClassDeclaration' && declaration.id) classMethods(declaration, declaration.id.name, out);
      if (declaration?.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type !== 'Identifier') continue;
          const fn = asFunction(declarator.init);
          if (fn) out.push([declarator.id.name, fn]);
          const made = fn ? returnedFunction(fn) : undefined;
          if (made) out.push([`${declarator.id.name}()`, made]);
          if (fn) continue;
          if (declarator.init?.type === 'ObjectExpression') objectMethods(declarator.init, declarator.id.name, out, localFunctions);
          if (localInstances.has(declarator.id.name)) instanceMethods(localInstances.get(declarator.id.name)!, declarator.id.name, out);
        }
      }
      for (const specifier of statement.specifiers) {
        const local = specifier.local.type === 'Identifier' ? localFunctions.get(specifier.local.name) : undefined;
        const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : String(specifier.exported.value);
        if (local) out.push([exported, local]);
        const localClass = specifier.local.type === 'Identifier' ? localClasses.get(specifier.local.name) : undefined;
        if (localClass) classMethods(localClass, exported, out);
        const instanceClass = specifier.local.type === 'Identifier' ? localInstances.get(specifier.local.name) : undefined;
        if (instanceClass) instanceMethods(instanceClass, exported, out);
      }
    } else if (statement.type === 'ExportDefaultDeclaration') {
      const declaration = statement.declaration;
      const fn = asFunction(declaration as Node) ?? (declaration.type === 'Identifier' ? localFunctions.get(declaration.name) : undefined);
      const localClass = declaration.type === 'ClassDeclaration' ? declaration : declaration.type === 'Identifier' ? localClasses.get(declaration.name) : undefined;
      if (fn) out.push(['default', fn]);
      else if (declaration.type === 'ObjectExpression') objectMethods(declaration, 'default', out, localFunctions);
      else if (localClass) classMethods(localClass, 'default', out);
      else {
        const instanceClass = declaration.type === 'Identifier' ? localInstances.get(declaration.name) : instanceOfLocalClass(declaration as Node, localClasses);
        if (instanceClass) instanceMethods(instanceClass, 'default', out);
      }
    } else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      // module.exports = { save, load } / module.exports.save = function … / exports.save = …
      const { left, right } = statement.expression;
      const target = dottedName(left);
      if (target === 'module.exports' && right.type === 'ObjectExpression') {
        for (const property of right.properties) {
          if (property.type !== 'Property' || property.computed) continue;
          const name = keyName(property.key);
          const fn = asFunction(property.value) ?? (property.value.type === 'Identifier' ? localFunctions.get(property.value.name) : undefined);
          if (name && fn) out.push([name, fn], [`default.${name}`, fn]);
        }
      } else if (target && /^(module\.)?exports\.[\w$]+$/.test(target)) {
        const fn = asFunction(right) ?? (right.type === 'Identifier' ? localFunctions.get(right.name) : undefined);
        const name = target.split('.').pop()!;
        if (fn) out.push([name, fn], [`default.${name}`, fn]);
      }
    }
  }
  return out;
}
