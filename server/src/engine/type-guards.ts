// What a value cannot be, from the code's own type tests and declarations: a parameter declared as a
// validation schema holds a schema, and a branch guarded by `typeof x === 'function'` or
// `x instanceof ZodEffects` runs only for values that are not a person's data. Used so a generic helper
// over schemas or definitions (`partial(schema)`, `keyof(schema)`) does not pass its caller's PHI on.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { dottedName } from '../rule-api/ast';

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
 * `x instanceof ZodEffects` (`schema.ZodEffects`), `x._def.typeName === …` (a zod schema's definition), and a value the
 * test finds missing (`!x`, `x == null`, `x.length === 0`, the else of `if (x)`); joined by `&&` for the branch taken,
 * negated (`!(x instanceof …)`, `typeof x !== 'function'`) for the other. Alternatives joined by `||` prove what each
 * of them proves; there a malformed value (`!Array.isArray(x)`, `typeof x !== 'number'`, `isNaN(x)`) counts beside an
 * absent one (`!rows || !Array.isArray(rows)`): the branch a guard takes for a missing or malformed value, where a
 * warning names what was not there.
 */
export function namesWithoutDataInBranch(test: Node, branch: 'consequent' | 'alternate'): string[] {
  return [...proofsInBranch(test, branch)].filter(([, proof]) => proof === 'no-data').map(([name]) => name);
}

type Proof = 'no-data' | 'malformed';

function proofsInBranch(test: Node, branch: 'consequent' | 'alternate'): Map<string, Proof> {
  const inner = test.type === 'ChainExpression' ? test.expression : test;
  if (inner.type === 'UnaryExpression' && inner.operator === '!') return proofsInBranch(inner.argument, branch === 'consequent' ? 'alternate' : 'consequent');
  // `if (x) … else …`: in the else branch `x` is falsy (null, undefined, '', 0): no data.
  if (inner.type === 'Identifier') return new Map(branch === 'alternate' && inner.name !== 'undefined' ? [[inner.name, 'no-data']] : []);
  if (inner.type === 'LogicalExpression') {
    // `a && b` true: both hold; `a || b` false: neither holds.
    if ((inner.operator === '&&' && branch === 'consequent') || (inner.operator === '||' && branch === 'alternate')) {
      const both = new Map(proofsInBranch(inner.left, branch));
      for (const [name, proof] of proofsInBranch(inner.right, branch)) if (both.get(name) !== 'no-data') both.set(name, proof);
      return both;
    }
    // `a || b` true (or `a && b` false): one of them holds, so only what each proves (`x == null || x.length === 0`:
    // `x` is empty either way; `!rows || !Array.isArray(rows)`: missing or malformed).
    if ((inner.operator === '||' && branch === 'consequent') || (inner.operator === '&&' && branch === 'alternate')) {
      const left = proofsInBranch(inner.left, branch);
      const right = proofsInBranch(inner.right, branch);
      const either = new Map<string, Proof>();
      for (const [name, proof] of left) {
        const other = right.get(name);
        if (other === undefined) continue;
        // Missing on one side and malformed on the other is the guard of a value that is not there to use.
        either.set(name, proof === 'no-data' || other === 'no-data' ? 'no-data' : 'malformed');
      }
      return either;
    }
    return new Map();
  }
  if (inner.type === 'CallExpression' && inner.arguments.length === 1 && inner.arguments[0].type === 'Identifier') {
    const callee = dottedName(inner.callee);
    const name = inner.arguments[0].name;
    if ((callee === 'Array.isArray' || callee === 'Number.isFinite') && branch === 'alternate') return new Map([[name, 'malformed']]);
    if ((callee === 'isNaN' || callee === 'Number.isNaN') && branch === 'consequent') return new Map([[name, 'malformed']]);
    return new Map();
  }
  if (inner.type !== 'BinaryExpression') return new Map();
  if (inner.operator === 'instanceof') {
    const className = lastName(inner.right);
    return new Map(branch === 'consequent' && inner.left.type === 'Identifier' && className && isNonDataClassName(className) ? [[inner.left.name, 'no-data']] : []);
  }
  const equal = inner.operator === '===' || inner.operator === '==';
  const unequal = inner.operator === '!==' || inner.operator === '!=';
  const holds = (equal && branch === 'consequent') || (unequal && branch === 'alternate');
  const fails = (equal && branch === 'alternate') || (unequal && branch === 'consequent');
  for (const [operand, other] of [[inner.left, inner.right], [inner.right, inner.left]] as const) {
    // `typeof x !== 'number'`: not what the code expects there (malformed), which proves no absence by itself.
    if (fails && operand.type === 'UnaryExpression' && operand.operator === 'typeof' && operand.argument.type === 'Identifier' && other.type === 'Literal' && typeof other.value === 'string' && other.value !== 'undefined') {
      return new Map([[operand.argument.name, 'malformed']]);
    }
    if (!holds) continue;
    // `x == null`, `x === undefined`: nothing; `x.length === 0`: an empty string or list.
    if (operand.type === 'Identifier' && isNothing(other as Node)) return new Map([[operand.name, 'no-data']]);
    if (operand.type === 'MemberExpression' && !operand.computed && operand.property.type === 'Identifier' && operand.property.name === 'length' && operand.object.type === 'Identifier' && other.type === 'Literal' && other.value === 0) {
      return new Map([[operand.object.name, 'no-data']]);
    }
    if (operand.type === 'UnaryExpression' && operand.operator === 'typeof' && operand.argument.type === 'Identifier' && other.type === 'Literal' && typeof other.value === 'string' && NON_DATA_TYPEOF.has(other.value)) {
      return new Map([[operand.argument.name, 'no-data']]);
    }
    const schema = zodDefinitionOwner(operand);
    if (schema) return new Map([[schema, 'no-data']]);
  }
  return new Map();
}

function isNothing(node: Node): boolean {
  return (node.type === 'Literal' && node.value === null && !('regex' in node && node.regex)) || (node.type === 'Identifier' && node.name === 'undefined');
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
