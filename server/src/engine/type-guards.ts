// What a value cannot be, from the code's own type tests and declarations: a parameter declared as a
// validation schema holds a schema, and a branch guarded by `typeof x === 'function'` or
// `x instanceof ZodEffects` runs only for values that are not a person's data. Used so a generic helper
// over schemas or definitions (`partial(schema)`, `keyof(schema)`) does not pass its caller's PHI on.
import type { TSESTree } from '@typescript-eslint/typescript-estree';

type Node = TSESTree.Node;

/**
 * Schema classes and types of validation libraries, as their last name segment: zod's `ZodType`,
 * `ZodTypeAny`, `ZodObject`, `ZodEffects` …; yup's and joi's `Schema`, `AnySchema`, `ObjectSchema` …; JSON
 * Schema's `JSONSchemaType`, `JSONSchema7`. A type merely ending in "Schema" with a domain word before it
 * (`PatientSchema`, often `z.infer<…>` of one: the data) is not one.
 */
const SCHEMA_TYPE_NAMES = new Set([
  'Schema', 'AnySchema', 'ObjectSchema', 'ArraySchema', 'StringSchema', 'NumberSchema', 'BooleanSchema', 'DateSchema', 'MixedSchema',
  'AlternativesSchema', 'Lazy', 'JSONSchemaType', 'JSONSchema', 'JSONSchema4', 'JSONSchema6', 'JSONSchema7', 'ValidateFunction',
]);

export function isSchemaTypeName(name: string): boolean {
  return /^Zod[A-Z][A-Za-z]*$/.test(name) || SCHEMA_TYPE_NAMES.has(name);
}

/** Classes a person's data is never an instance of: validation schemas, functions, patterns, promises. */
function isNonDataClassName(name: string): boolean {
  return isSchemaTypeName(name) || name === 'Function' || name === 'RegExp' || name === 'Promise';
}

function lastName(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.type === 'TSQualifiedName') return node.right.name;
  return undefined;
}

/**
 * A parameter declared as a validation schema (`schema: z.ZodTypeAny`, `<T extends ZodTypeAny>(s: T)`,
 * `schema: Yup.ObjectSchema<…>`): what a caller passes there is a schema, not data, whatever its name says.
 */
export function declaresSchemaParameter(fn: Node, param: Node): boolean {
  const bound = param.type === 'AssignmentPattern' ? param.left : param.type === 'TSParameterProperty' ? param.parameter : param;
  const annotation = (bound as { typeAnnotation?: TSESTree.TSTypeAnnotation }).typeAnnotation?.typeAnnotation;
  return annotation !== undefined && isSchemaTypeNode(annotation, fn, 0);
}

function isSchemaTypeNode(type: TSESTree.TypeNode, fn: Node, depth: number): boolean {
  if (depth > 3) return false;
  if (type.type === 'TSUnionType') return type.types.every((member) => member.type === 'TSUndefinedKeyword' || member.type === 'TSNullKeyword' || isSchemaTypeNode(member, fn, depth + 1));
  if (type.type !== 'TSTypeReference') return false;
  const name = lastName(type.typeName);
  if (!name) return false;
  if (isSchemaTypeName(name)) return true;
  // `<T extends z.ZodTypeAny>(schema: T)`: the type parameter's constraint says what it is.
  if (type.typeName.type !== 'Identifier') return false;
  const typeParameter = (fn as { typeParameters?: TSESTree.TSTypeParameterDeclaration }).typeParameters?.params.find((candidate) => candidate.name.name === name);
  return typeParameter?.constraint !== undefined && isSchemaTypeNode(typeParameter.constraint, fn, depth + 1);
}

/** `typeof x === …` results no person's data has (booleans are not PHI either). */
const NON_DATA_TYPEOF = new Set(['function', 'symbol', 'boolean', 'undefined']);

/**
 * The names a branch's test proves hold no person's data inside it: `typeof x === 'function'`,
 * `x instanceof ZodEffects` (`schema.ZodEffects`), `x._def.typeName === …` (a zod schema's definition),
 * joined by `&&` for the branch taken, negated (`!(x instanceof …)`, `typeof x !== 'function'`) for the other.
 */
export function namesWithoutDataInBranch(test: Node, branch: 'consequent' | 'alternate'): string[] {
  if (test.type === 'UnaryExpression' && test.operator === '!') return namesWithoutDataInBranch(test.argument, branch === 'consequent' ? 'alternate' : 'consequent');
  if (test.type === 'LogicalExpression') {
    // `a && b` true: both hold; `a || b` false: neither holds.
    if (test.operator === '&&' && branch === 'consequent') return [...namesWithoutDataInBranch(test.left, branch), ...namesWithoutDataInBranch(test.right, branch)];
    if (test.operator === '||' && branch === 'alternate') return [...namesWithoutDataInBranch(test.left, branch), ...namesWithoutDataInBranch(test.right, branch)];
    return [];
  }
  if (test.type !== 'BinaryExpression') return [];
  if (test.operator === 'instanceof') {
    const className = lastName(test.right);
    return branch === 'consequent' && test.left.type === 'Identifier' && className && isNonDataClassName(className) ? [test.left.name] : [];
  }
  const equal = test.operator === '===' || test.operator === '==';
  const unequal = test.operator === '!==' || test.operator === '!=';
  if (!(equal && branch === 'consequent') && !(unequal && branch === 'alternate')) return [];
  for (const [operand, other] of [[test.left, test.right], [test.right, test.left]] as const) {
    if (operand.type === 'UnaryExpression' && operand.operator === 'typeof' && operand.argument.type === 'Identifier' && other.type === 'Literal' && typeof other.value === 'string' && NON_DATA_TYPEOF.has(other.value)) {
      return [operand.argument.name];
    }
    const schema = zodDefinitionOwner(operand);
    if (schema) return [schema];
  }
  return [];
}

/** `x._def.typeName`, `x._def.type`: the definition zod keeps on every schema (a kind test of a schema). */
function zodDefinitionOwner(node: Node): string | undefined {
  if (node.type !== 'MemberExpression' || node.object.type !== 'MemberExpression') return undefined;
  const definition = node.object;
  if (definition.computed || definition.property.type !== 'Identifier' || definition.property.name !== '_def') return undefined;
  return definition.object.type === 'Identifier' ? definition.object.name : undefined;
}

const constructorNamesCache = new WeakMap<Node, ReadonlySet<string>>();

/** The names a function tests values against with `instanceof`: each holds a class (a constructor), never a person's data. */
function namesUsedAsConstructors(fn: Node): ReadonlySet<string> {
  const cached = constructorNamesCache.get(fn);
  if (cached) return cached;
  const names = new Set<string>();
  const body = (fn as { body?: Node }).body;
  const visit = (node: Node): void => {
    if (node.type === 'BinaryExpression' && node.operator === 'instanceof' && node.right.type === 'Identifier') names.add(node.right.name);
    for (const [key, child] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof item === 'object' && typeof (item as Node).type === 'string') visit(item as Node);
      } else if (child && typeof child === 'object' && typeof (child as Node).type === 'string') visit(child as Node);
    }
  };
  if (body) visit(body);
  constructorNamesCache.set(fn, names);
  return names;
}

/** Where a file's text spells `instanceof`, in order: a function whose text has none tests nothing against a class. */
export function instanceofOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let at = text.indexOf('instanceof'); at >= 0; at = text.indexOf('instanceof', at + 10)) offsets.push(at);
  return offsets;
}

/** Whether one of `offsets` (sorted) lies inside `[start, end)`. */
function anyWithin(offsets: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < offsets.length && offsets[lo] < end;
}

/**
 * A parameter the function tests values against (`obj instanceof type`): its caller passes a class, whose
 * name (`type.name`) is a type's name, not data, even when the class is named for one (`PatientFinder`).
 * `instanceofAt` (the file's `instanceofOffsets`) spares the walk of a body whose text has no such test.
 */
export function declaresConstructorParameter(fn: Node, param: Node, instanceofAt?: readonly number[]): boolean {
  const bound = param.type === 'AssignmentPattern' ? param.left : param;
  if (bound.type !== 'Identifier') return false;
  if (instanceofAt && !anyWithin(instanceofAt, fn.range[0], fn.range[1])) return false;
  return namesUsedAsConstructors(fn).has(bound.name);
}
