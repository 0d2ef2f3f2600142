// The taint analysis: one walk over a file's AST in evaluation order. Variables carry abstract values
// (PHI kinds, origins, shapes) through scopes; rules' visitors run during the same walk, so when a rule
// asks what an argument carries, the answer reflects the code before that point.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { FHIR_DATATYPES, FHIR_READ_METHODS, PHI_RESOURCE_TYPES } from '../vocabulary/fhir-resources';
import {
  ACTION_VERBS,
  ELEMENT_CALLBACK_METHODS,
  ENCRYPTION_WORDS,
  LOGGER_FACTORIES,
  NON_PHI_FUNCTIONS,
  NON_PHI_METHODS,
  PASS_THROUGH_FUNCTIONS,
  PASS_THROUGH_METHODS,
  RETRIEVAL_VERBS,
  SANITIZER_WORDS,
} from '../vocabulary/flows';
import { CODE_STRUCTURE_SUFFIXES, NON_PHI_PROPERTIES } from '../vocabulary/name-traps';
import { describeKinds, splitWords, type NameClassifier } from '../vocabulary/classify';
import type { TaintOrigin } from '../rule-api';
import { calleeName, dottedName, keyName, propertyName } from '../rule-api/ast';
import { rangeFromOffsets } from '../core/text-range';
import { EMPTY, fromKinds, hasPhi, join, joinAll, taintOnly, withTag, type AbstractValue, type ValueTag } from './values';
import type { WorkspaceIndex } from './workspace-index';

type Node = TSESTree.Node;
type Handler = (node: Node) => void;

export interface VisitorRegistration {
  ruleId: string;
  enter: Map<string, Handler>;
  exit: Map<string, Handler>;
}

/** A call to an imported function with PHI in some arguments (joined with the callee's summary later). */
export interface ImportedCall {
  /** Module specifier as written (`./clientStorage`). */
  module: string;
  /** Export the call reaches: `saveToStorage`, `default`, or `default.save` / `save` for `api.save()`. */
  exportName: string;
  callee: string;
  range: [number, number];
  /** Argument index → the PHI it carries and where the argument is. */
  arguments: Array<{ index: number; taint: AbstractValue; range: [number, number] }>;
}

/** Kind ids standing for "whatever the caller passes as parameter i" while exports are probed. */
export const PARAMETER_PROBE = 'param:';

export interface AnalyzerOptions {
  text: string;
  lineStarts: readonly number[];
  classifier: NameClassifier;
  index?: WorkspaceIndex;
  extraSanitizers: readonly string[];
  onRuleError(ruleId: string, error: unknown): void;
}

interface Binding {
  value: AbstractValue;
  /** Conditional depth at the declaration: assignments nested deeper only add to the value. */
  depth: number;
}

class Scope {
  readonly vars = new Map<string, Binding>();
  constructor(
    readonly parent: Scope | undefined,
    readonly isFunction: boolean,
  ) {}

  lookup(name: string): Binding | undefined {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      const binding = scope.vars.get(name);
      if (binding) return binding;
    }
    return undefined;
  }

  functionScope(): Scope {
    let scope: Scope = this;
    while (!scope.isFunction && scope.parent) scope = scope.parent;
    return scope;
  }
}

const SKIPPED_KEYS = new Set(['typeAnnotation', 'typeParameters', 'typeArguments', 'returnType', 'superTypeArguments', 'implements']);
/** The child keys the walk follows for each node type (visitor keys minus type-only ones), computed once per type. */
const walkedKeysByType = new Map<string, readonly string[]>();

function walkedKeys(type: string): readonly string[] {
  let keys = walkedKeysByType.get(type);
  if (!keys) {
    keys = (visitorKeys[type] ?? []).filter((key) => !SKIPPED_KEYS.has(key));
    walkedKeysByType.set(type, keys);
  }
  return keys;
}
const SKIPPED_TYPES = new Set([
  'TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'TSDeclareFunction', 'TSEnumDeclaration', 'TSImportEqualsDeclaration',
  'TSAbstractMethodDefinition', 'TSIndexSignature', 'ImportDeclaration', 'ExportAllDeclaration',
]);
const CONDITIONAL_TYPES = new Set([
  'IfStatement', 'ConditionalExpression', 'LogicalExpression', 'SwitchStatement', 'WhileStatement', 'DoWhileStatement',
  'ForStatement', 'ForInStatement', 'ForOfStatement', 'TryStatement', 'CatchClause',
]);
const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const TRANSPARENT_TYPES = new Set(['AwaitExpression', 'TSNonNullExpression', 'ChainExpression', 'TSInstantiationExpression']);

const sanitizerWords = new Set(SANITIZER_WORDS);
const encryptionWords = new Set(ENCRYPTION_WORDS);
const passThroughFunctions = new Set(PASS_THROUGH_FUNCTIONS);
const nonPhiFunctions = new Set(NON_PHI_FUNCTIONS);
const passThroughMethods = new Set(PASS_THROUGH_METHODS);
const nonPhiMethods = new Set(NON_PHI_METHODS);
const elementCallbackMethods = new Set(ELEMENT_CALLBACK_METHODS);
const retrievalVerbs = new Set(RETRIEVAL_VERBS);
const actionVerbs = new Set(ACTION_VERBS);
const loggerFactories = new Set(LOGGER_FACTORIES);
const nonPhiProperties = new Set(NON_PHI_PROPERTIES);
const codeStructureSuffixes = new Set(CODE_STRUCTURE_SUFFIXES);

const MAX_SNIPPET = 48;
/** UI state containers whose initial value's keys name what they will hold. */
const STATE_HOOKS = new Set(['useState', 'React.useState', 'useReducer', 'React.useReducer', 'ref', 'reactive', 'shallowRef', 'signal', 'createSignal', 'writable', 'observable', 'createStore']);
/** How many local calls deep a PHI argument is followed into helpers of the same file. */
const MAX_FOLLOW_DEPTH = 3;

function isLiteralLike(node: Node): boolean {
  if (node.type === 'Literal') return true;
  if (node.type === 'TemplateLiteral') return node.expressions.length === 0;
  if (node.type === 'UnaryExpression') return isLiteralLike(node.argument);
  if (node.type === 'ArrayExpression') return node.elements.every((element) => !element || (element.type !== 'SpreadElement' && isLiteralLike(element)));
  return false;
}

function moduleMatches(wanted: string | RegExp, specifier: string): boolean {
  return typeof wanted === 'string' ? wanted === specifier : wanted.test(specifier);
}

/** `'pino'` for `require('pino')`; undefined for anything else. */
function requiredModule(node: Node | null | undefined): string | undefined {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
  const source = node.arguments[0];
  return source?.type === 'Literal' && typeof source.value === 'string' ? source.value : undefined;
}

const REQUEST_OBJECT = /(^|\.)(req|request|ctx\.request|event|incomingRequest)$/;

function isRequestObject(node: Node): boolean {
  const name = dottedName(node);
  return name !== undefined && REQUEST_OBJECT.test(name);
}

/** The value came out of a sanitizer (redact, mask, encrypt…): its name no longer says anything. */
function isSanitized(value: AbstractValue): boolean {
  return value.tags?.has('sanitized') === true || value.tags?.has('encrypted') === true;
}

function typeNameOfAnnotation(annotation: TSESTree.TypeNode | undefined): { name?: string; isBoolean: boolean } {
  if (!annotation) return { isBoolean: false };
  switch (annotation.type) {
    case 'TSBooleanKeyword':
      return { isBoolean: true };
    case 'TSArrayType':
      return typeNameOfAnnotation(annotation.elementType);
    case 'TSTypeReference': {
      const typeName = annotation.typeName;
      const name = typeName.type === 'Identifier' ? typeName.name : typeName.type === 'TSQualifiedName' ? typeName.right.name : undefined;
      const args = annotation.typeArguments?.params;
      if (name && args?.length && /^(Array|ReadonlyArray|Promise|Readonly|Partial|Required|Set|Observable|NonNullable)$/.test(name)) {
        return typeNameOfAnnotation(args[0]);
      }
      return { name, isBoolean: false };
    }
    case 'TSUnionType': {
      const named = annotation.types.map(typeNameOfAnnotation).find((candidate) => candidate.name);
      return named ?? { isBoolean: annotation.types.every((type) => type.type === 'TSBooleanKeyword' || type.type === 'TSNullKeyword' || type.type === 'TSUndefinedKeyword') };
    }
    default:
      return { isBoolean: false };
  }
}

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

function asFunction(node: Node | null | undefined): FunctionNode | undefined {
  return node && FUNCTION_TYPES.has(node.type) ? (node as FunctionNode) : undefined;
}

/** Methods and function-valued properties of an exported object literal (`export default { save() {} }`). */
function objectMethods(object: TSESTree.ObjectExpression, prefix: string, out: Array<[string, FunctionNode]>): void {
  for (const property of object.properties) {
    if (property.type !== 'Property' || property.computed) continue;
    const name = keyName(property.key);
    const fn = asFunction(property.value);
    if (name && fn) out.push([`${prefix}.${name}`, fn]);
  }
}

/** The functions a module exports, by export name (`f`, `default`, `default.save`, `api.save`). */
export function exportedFunctions(program: TSESTree.Program): Array<[string, FunctionNode]> {
  const out: Array<[string, FunctionNode]> = [];
  const localFunctions = new Map<string, FunctionNode>();
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'FunctionDeclaration' && declaration.id) localFunctions.set(declaration.id.name, declaration);
    if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        const fn = asFunction(declarator.init);
        if (fn && declarator.id.type === 'Identifier') localFunctions.set(declarator.id.name, fn);
      }
    }
  }
  for (const statement of program.body) {
    if (statement.type === 'ExportNamedDeclaration') {
      const declaration = statement.declaration;
      if (declaration?.type === 'FunctionDeclaration' && declaration.id) out.push([declaration.id.name, declaration]);
      if (declaration?.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type !== 'Identifier') continue;
          const fn = asFunction(declarator.init);
          if (fn) out.push([declarator.id.name, fn]);
          else if (declarator.init?.type === 'ObjectExpression') objectMethods(declarator.init, declarator.id.name, out);
        }
      }
      for (const specifier of statement.specifiers) {
        const local = specifier.local.type === 'Identifier' ? localFunctions.get(specifier.local.name) : undefined;
        const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : String(specifier.exported.value);
        if (local) out.push([exported, local]);
      }
    } else if (statement.type === 'ExportDefaultDeclaration') {
      const declaration = statement.declaration;
      const fn = asFunction(declaration as Node) ?? (declaration.type === 'Identifier' ? localFunctions.get(declaration.name) : undefined);
      if (fn) out.push(['default', fn]);
      else if (declaration.type === 'ObjectExpression') objectMethods(declaration, 'default', out);
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

export class Analyzer {
  private scope = new Scope(undefined, true);
  private conditionalDepth = 0;
  private readonly classStack: string[] = [];
  private readonly callbackParams = new Map<Node, AbstractValue[]>();
  private readonly memo = new Map<Node, { version: number; value: AbstractValue }>();
  private version = 0;
  private readonly enterHandlers = new Map<string, Array<{ ruleId: string; handler: Handler }>>();
  private readonly exitHandlers = new Map<string, Array<{ ruleId: string; handler: Handler }>>();
  private readonly failedRules = new Set<string>();
  private readonly sanitizerNames: Set<string>;
  private readonly imports = new Map<string, { module: string; imported: string }>();
  /** Every module specifier the file imports or requires at its top level. */
  private readonly importedModules = new Set<string>();
  /** Return values of the functions being walked (innermost last). */
  private readonly returnFrames: AbstractValue[] = [];
  /** Summaries of functions for given argument kinds: what they return. */
  private readonly summaries = new Map<string, AbstractValue>();
  private readonly summarising = new Set<Node>();
  /** Local functions being walked again for a call with PHI arguments, and the calls already followed. */
  private readonly following = new Set<Node>();
  private readonly followed = new Set<string>();
  /** While > 0 the walk only computes values (a function summary): rules' visitors do not run. */
  private silent = 0;
  /** The export being probed (its parameters carry probe kinds); rules' reports are then summaries. */
  probing: string | undefined;
  readonly importedCalls: ImportedCall[] = [];

  constructor(
    private readonly options: AnalyzerOptions,
    registrations: readonly VisitorRegistration[],
  ) {
    this.sanitizerNames = new Set(options.extraSanitizers.map((name) => name.toLowerCase()));
    for (const registration of registrations) {
      for (const [type, handler] of registration.enter) this.addHandler(this.enterHandlers, type, registration.ruleId, handler);
      for (const [type, handler] of registration.exit) this.addHandler(this.exitHandlers, type, registration.ruleId, handler);
    }
  }

  private addHandler(map: Map<string, Array<{ ruleId: string; handler: Handler }>>, type: string, ruleId: string, handler: Handler): void {
    const list = map.get(type) ?? [];
    list.push({ ruleId, handler });
    map.set(type, list);
  }

  run(program: TSESTree.Program): void {
    this.collectImports(program);
    this.visit(program, undefined);
  }

  /** Where a local name was imported from: `import { redirect } from 'next/navigation'`, `const x = require('y')`. */
  importedFrom(localName: string): { module: string; imported: string } | undefined {
    return this.imports.get(localName);
  }

  /** The local names bound to a module's exports, with what each names (`default`, `*`, an export). */
  localNamesFrom(module: string | RegExp): Array<{ local: string; imported: string; module: string }> {
    const names: Array<{ local: string; imported: string; module: string }> = [];
    for (const [local, source] of this.imports) if (moduleMatches(module, source.module)) names.push({ local, imported: source.imported, module: source.module });
    return names;
  }

  /** Whether the file imports or requires a matching module (side-effect imports included). */
  importsModule(module: string | RegExp): boolean {
    for (const specifier of this.importedModules) if (moduleMatches(module, specifier)) return true;
    return false;
  }

  private collectImports(program: TSESTree.Program): void {
    for (const statement of program.body) {
      if (statement.type === 'ImportDeclaration') {
        this.importedModules.add(statement.source.value);
        for (const specifier of statement.specifiers) {
          const imported = specifier.type === 'ImportSpecifier' ? (specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value)) : specifier.type === 'ImportDefaultSpecifier' ? 'default' : '*';
          this.imports.set(specifier.local.name, { module: statement.source.value, imported });
        }
      } else if (statement.type === 'VariableDeclaration') {
        for (const declarator of statement.declarations) {
          const source = requiredModule(declarator.init?.type === 'MemberExpression' ? declarator.init.object : declarator.init);
          if (source === undefined) continue;
          this.importedModules.add(source);
          if (declarator.id.type === 'Identifier') this.imports.set(declarator.id.name, { module: source, imported: 'default' });
          else if (declarator.id.type === 'ObjectPattern') {
            for (const property of declarator.id.properties) {
              if (property.type === 'Property' && property.value.type === 'Identifier') this.imports.set(property.value.name, { module: source, imported: keyName(property.key) ?? '*' });
            }
          }
        }
      }
    }
  }

  // ── public queries used by rules ──────────────────────────────────────────────────────────

  valueOf(node: Node): AbstractValue {
    const cached = this.memo.get(node);
    if (cached && cached.version === this.version) return cached.value;
    const value = this.evaluate(node);
    this.memo.set(node, { version: this.version, value });
    return value;
  }

  isSanitizerName(name: string): boolean {
    if (this.sanitizerNames.has(name.toLowerCase())) return true;
    return splitWords(name).some((word) => sanitizerWords.has(word));
  }

  // ── the walk ─────────────────────────────────────────────────────────────────────────────

  private dispatch(map: Map<string, Array<{ ruleId: string; handler: Handler }>>, node: Node): void {
    const handlers = map.get(node.type);
    if (!handlers || this.silent > 0) return;
    for (const { ruleId, handler } of handlers) {
      if (this.failedRules.has(ruleId)) continue;
      try {
        handler(node);
      } catch (error) {
        if (error instanceof RangeError) throw error;
        this.failedRules.add(ruleId);
        this.options.onRuleError(ruleId, error);
      }
    }
  }

  private visit(node: Node, parent: Node | undefined): void {
    (node as { parent?: Node }).parent = parent;
    if (SKIPPED_TYPES.has(node.type)) return;
    if (this.enterHandlers.has(node.type)) this.setChildParents(node);
    this.dispatch(this.enterHandlers, node);
    const conditional = CONDITIONAL_TYPES.has(node.type);
    if (conditional) this.conditionalDepth++;
    switch (node.type) {
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        this.visitFunction(node);
        break;
      case 'BlockStatement':
      case 'StaticBlock':
        this.withScope(false, () => {
          this.hoistFunctions(node.body);
          this.visitChildren(node);
        });
        break;
      case 'Program':
        this.hoistFunctions(node.body);
        this.visitChildren(node);
        break;
      case 'ReturnStatement':
        this.visitChildren(node);
        if (node.argument) this.noteReturn(node.argument);
        break;
      case 'ForOfStatement':
      case 'ForInStatement':
        this.withScope(false, () => this.visitForEach(node));
        break;
      case 'ForStatement':
        this.withScope(false, () => this.visitChildren(node));
        break;
      case 'CatchClause':
        this.withScope(false, () => {
          if (node.param) this.bindPattern(node.param, EMPTY, 'let');
          this.visit(node.body, node);
        });
        break;
      case 'VariableDeclarator':
        this.visitDeclarator(node);
        break;
      case 'AssignmentExpression':
        this.visitAssignment(node);
        break;
      case 'CallExpression':
        this.visitCall(node);
        break;
      case 'ClassDeclaration':
      case 'ClassExpression':
        this.classStack.push(node.id?.name ?? '');
        this.visitChildren(node);
        this.classStack.pop();
        break;
      default:
        this.visitChildren(node);
    }
    if (conditional) this.conditionalDepth--;
    this.dispatch(this.exitHandlers, node);
  }

  /** Rules' enter handlers may look down the tree (`req.query.ssn` → `req.query`) and back up. */
  private setChildParents(node: Node): void {
    const keys = visitorKeys[node.type] ?? [];
    for (const key of keys) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof item === 'object' && 'type' in item) (item as { parent?: Node }).parent = node;
      } else if (child && typeof child === 'object' && 'type' in child) {
        (child as { parent?: Node }).parent = node;
      }
    }
  }

  private visitChildren(node: Node): void {
    for (const key of walkedKeys(node.type)) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof item === 'object' && 'type' in item) this.visit(item as Node, node);
      } else if (child && typeof child === 'object' && 'type' in child) {
        this.visit(child as Node, node);
      }
    }
  }

  private withScope(isFunction: boolean, body: () => void): void {
    const saved = this.scope;
    this.scope = new Scope(saved, isFunction);
    try {
      body();
    } finally {
      this.scope = saved;
      this.version++;
    }
  }

  /** Function declarations are hoisted: calls above them can be summarised. */
  private hoistFunctions(statements: readonly Node[]): void {
    for (const statement of statements) {
      const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
      if (declaration?.type === 'FunctionDeclaration' && declaration.id) {
        this.scope.vars.set(declaration.id.name, { value: { ...EMPTY, functionNode: declaration }, depth: this.conditionalDepth });
      }
    }
  }

  private noteReturn(argument: Node): void {
    const last = this.returnFrames.length - 1;
    if (last >= 0) this.returnFrames[last] = join(this.returnFrames[last], taintOnly(this.valueOf(argument)));
  }

  private visitFunction(node: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): void {
    if (node.type === 'FunctionDeclaration' && node.id) this.declare(node.id.name, { ...EMPTY, functionNode: node }, 'var');
    const argumentValues = this.callbackParams.get(node);
    this.walkFunctionBody(node, argumentValues ?? []);
  }

  /**
   * What a function returns when called with these arguments, found by walking its body silently
   * (rules' visitors do not run). Cached per function and argument kinds; recursion returns nothing.
   */
  private summarize(node: Node, argumentValues: readonly AbstractValue[]): AbstractValue {
    const fn = asFunction(node);
    if (!fn) return EMPTY;
    const key = `${fn.range[0]}:${argumentValues.map((value) => `${value.kinds.join('+')}/${value.typeName ?? ''}`).join(',')}`;
    const cached = this.summaries.get(key);
    if (cached) return cached;
    if (this.summarising.has(fn) || this.summarising.size > 8) return EMPTY;
    this.summarising.add(fn);
    this.silent++;
    let returned = EMPTY;
    try {
      returned = this.walkFunctionBody(fn, argumentValues);
    } finally {
      this.silent--;
      this.summarising.delete(fn);
    }
    this.summaries.set(key, returned);
    return returned;
  }

  private walkFunctionBody(node: FunctionNode, argumentValues: readonly AbstractValue[]): AbstractValue {
    let returned = EMPTY;
    // A function body runs later (or never): assignments inside it only add to outer variables.
    this.conditionalDepth++;
    this.withScope(true, () => {
      if (node.type === 'FunctionExpression' && node.id) this.declare(node.id.name, EMPTY, 'let');
      node.params.forEach((param, index) => {
        (param as { parent?: Node }).parent = node;
        const passed = argumentValues[index] ?? EMPTY;
        this.bindParameter(param, passed);
        this.visitParameterDefaults(param, node);
      });
      (node.body as { parent?: Node }).parent = node;
      this.returnFrames.push(EMPTY);
      if (node.body.type === 'BlockStatement') {
        // The body shares the function's scope (parameters and top-level declarations live together).
        this.dispatch(this.enterHandlers, node.body);
        this.hoistFunctions(node.body.body);
        this.visitChildren(node.body);
        this.dispatch(this.exitHandlers, node.body);
      } else {
        this.visit(node.body, node);
        this.noteReturn(node.body);
      }
      returned = this.returnFrames.pop() ?? EMPTY;
    });
    this.conditionalDepth--;
    return returned;
  }

  private visitParameterDefaults(param: TSESTree.Parameter, parent: Node): void {
    if (param.type === 'AssignmentPattern') this.visit(param.right, param);
    if ('decorators' in param && Array.isArray(param.decorators)) param.decorators.forEach((decorator) => this.visit(decorator, parent));
  }

  private bindParameter(param: TSESTree.Parameter, passed: AbstractValue): void {
    if (param.type === 'TSParameterProperty') {
      this.bindPattern(param.parameter, passed, 'let');
      return;
    }
    this.bindPattern(param, passed, 'let');
  }

  private visitForEach(node: TSESTree.ForOfStatement | TSESTree.ForInStatement): void {
    this.visit(node.right, node);
    const element = node.type === 'ForOfStatement' ? this.elementOf(this.valueOf(node.right)) : EMPTY;
    if (node.left.type === 'VariableDeclaration') {
      (node.left as { parent?: Node }).parent = node;
      for (const declarator of node.left.declarations) {
        (declarator as { parent?: Node }).parent = node.left;
        this.bindPattern(declarator.id, element, node.left.kind);
      }
    } else {
      this.assignPattern(node.left, element);
    }
    this.visit(node.body, node);
  }

  private visitDeclarator(node: TSESTree.VariableDeclarator): void {
    if (node.init) this.visit(node.init, node);
    const declaration = (node as { parent?: Node }).parent as TSESTree.VariableDeclaration | undefined;
    const kind = declaration?.kind ?? 'let';
    const value = node.init ? this.valueOf(node.init) : EMPTY;
    this.bindPattern(node.id, value, kind, node.init ?? undefined);
    this.visitPatternDefaults(node.id);
  }

  private visitPatternDefaults(pattern: Node): void {
    if (pattern.type === 'ObjectPattern') {
      for (const property of pattern.properties) {
        if (property.type === 'Property') this.visitPatternDefaults(property.value);
      }
    } else if (pattern.type === 'ArrayPattern') {
      for (const element of pattern.elements) if (element) this.visitPatternDefaults(element);
    } else if (pattern.type === 'AssignmentPattern') {
      this.visit(pattern.right, pattern);
    }
  }

  private visitAssignment(node: TSESTree.AssignmentExpression): void {
    this.visit(node.right, node);
    if (node.left.type === 'MemberExpression') {
      (node.left as { parent?: Node }).parent = node;
      this.visit(node.left.object, node.left);
      if (node.left.computed) this.visit(node.left.property, node.left);
      this.dispatch(this.enterHandlers, node.left);
      this.dispatch(this.exitHandlers, node.left);
    }
    const right = this.valueOf(node.right);
    const value = node.operator === '=' ? right : join(this.valueOf(node.left), right);
    this.assignPattern(node.left, value, node.right);
  }

  private visitCall(node: TSESTree.CallExpression): void {
    this.prepareCallbacks(node);
    this.visitChildren(node);
    this.noteCallEffects(node);
    this.followLocalCall(node);
    this.noteImportedCall(node);
  }

  /** `saveToStorage(KEY, patient)` with `saveToStorage` imported: kept for the cross-file pass. */
  private noteImportedCall(node: TSESTree.CallExpression): void {
    if (this.silent > 0 || this.probing !== undefined || node.arguments.length === 0) return;
    const target = this.importedTarget(node.callee);
    if (!target) return;
    const withPhi = node.arguments
      .map((argument, index) => ({ index, taint: taintOnly(this.valueOf(argument)), range: [argument.range[0], argument.range[1]] as [number, number] }))
      .filter((entry) => hasPhi(entry.taint) && !entry.taint.kinds.some((kind) => kind.startsWith(PARAMETER_PROBE)));
    if (withPhi.length) this.importedCalls.push({ ...target, range: [node.range[0], node.range[1]], arguments: withPhi });
  }

  private importedTarget(callee: Node): Omit<ImportedCall, 'range' | 'arguments'> | undefined {
    if (callee.type === 'Identifier') {
      const imported = this.imports.get(callee.name);
      // A local function of the same name shadows the import (`require` bindings are plain values).
      if (!imported || this.scope.lookup(callee.name)?.value.functionNode) return undefined;
      return { module: imported.module, exportName: imported.imported, callee: callee.name };
    }
    if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier') {
      const imported = this.imports.get(callee.object.name);
      const method = propertyName(callee);
      if (!imported || !method || this.scope.lookup(callee.object.name)?.value.functionNode) return undefined;
      const exportName = imported.imported === '*' ? method : `${imported.imported}.${method}`;
      return { module: imported.module, exportName, callee: `${callee.object.name}.${method}` };
    }
    return undefined;
  }

  /**
   * Walks every exported function once more with each parameter standing for "what a caller passes"
   * (probe kinds), rules on: a report whose PHI includes a probe kind says that parameter reaches that
   * sink. The engine turns those reports into a summary other files' calls are checked against.
   */
  probeExports(program: TSESTree.Program, wanted: ReadonlySet<string>): void {
    for (const [exportName, fn] of exportedFunctions(program)) {
      if (fn.params.length === 0 || !wanted.has(exportName)) continue;
      const probes = fn.params.map((_, index) => fromKinds([`${PARAMETER_PROBE}${index}`], undefined, 'high'));
      this.probing = exportName;
      try {
        this.walkFunctionBody(fn, probes);
      } finally {
        this.probing = undefined;
      }
    }
  }

  /**
   * `logIt(patient)` where `function logIt(x) { console.log(x) }` is in this file: walk the callee's
   * body again with the caller's argument values, rules on, so a sink inside the helper is reported
   * with the PHI the caller passed (and where it came from). Once per function and argument kinds.
   */
  private followLocalCall(node: TSESTree.CallExpression): void {
    if (this.silent > 0 || node.callee.type !== 'Identifier') return;
    const fn = asFunction(this.scope.lookup(node.callee.name)?.value.functionNode);
    if (!fn || this.following.has(fn) || this.following.size >= MAX_FOLLOW_DEPTH) return;
    const argumentValues = node.arguments.map((argument) => this.valueOf(argument));
    if (!argumentValues.some(hasPhi)) return;
    const key = `${fn.range[0]}:${argumentValues.map((value) => value.kinds.join('+')).join(',')}`;
    if (this.followed.has(key)) return;
    this.followed.add(key);
    this.following.add(fn);
    try {
      this.walkFunctionBody(fn, argumentValues);
    } finally {
      this.following.delete(fn);
    }
  }

  /** Callbacks of `patients.forEach(p => …)` and `promise.then(p => …)` receive the receiver's values. */
  private prepareCallbacks(node: TSESTree.CallExpression): void {
    if (node.callee.type !== 'MemberExpression') return;
    const method = propertyName(node.callee);
    if (!method) return;
    const callback = node.arguments.find((argument) => FUNCTION_TYPES.has(argument.type));
    if (!callback) return;
    if (elementCallbackMethods.has(method)) {
      this.callbackParams.set(callback, [this.elementOf(this.valueOf(node.callee.object))]);
    } else if (method === 'reduce') {
      this.callbackParams.set(callback, [EMPTY, this.elementOf(this.valueOf(node.callee.object))]);
    } else if (method === 'then') {
      this.callbackParams.set(callback, [this.valueOf(node.callee.object)]);
    }
  }

  /** Calls that change a variable: `payload.push(ssn)`, `Object.assign(payload, patient)`. */
  private noteCallEffects(node: TSESTree.CallExpression): void {
    if (node.callee.type !== 'MemberExpression') return;
    const method = propertyName(node.callee);
    if ((method === 'push' || method === 'unshift' || method === 'add' || method === 'set' || method === 'append') && node.arguments.length) {
      const added = joinAll(node.arguments.map((argument) => this.valueOf(argument)));
      if (hasPhi(added)) this.addToRootVariable(node.callee.object, taintOnly(added));
    } else if (method === 'assign' && dottedName(node.callee.object) === 'Object' && node.arguments.length > 1) {
      const added = joinAll(node.arguments.slice(1).map((argument) => this.valueOf(argument)));
      if (hasPhi(added)) this.addToRootVariable(node.arguments[0], taintOnly(added));
    }
  }

  private addToRootVariable(target: Node, added: AbstractValue): void {
    let root: Node = target;
    while (root.type === 'MemberExpression') root = root.object;
    if (root.type !== 'Identifier') return;
    const binding = this.scope.lookup(root.name);
    if (!binding) return;
    binding.value = join(binding.value, added);
    this.version++;
  }

  // ── bindings ─────────────────────────────────────────────────────────────────────────────

  private declare(name: string, value: AbstractValue, kind: string): void {
    const scope = kind === 'var' ? this.scope.functionScope() : this.scope;
    scope.vars.set(name, { value, depth: this.conditionalDepth });
    this.version++;
  }

  private bindPattern(pattern: Node, value: AbstractValue, kind: string, init?: Node): void {
    switch (pattern.type) {
      case 'Identifier':
        this.declare(pattern.name, this.valueForName(pattern, value, init), kind);
        break;
      case 'ObjectPattern':
        for (const property of pattern.properties) {
          if (property.type === 'RestElement') this.bindPattern(property.argument, value, kind);
          else {
            const key = property.computed ? undefined : keyName(property.key);
            const fieldValue = key ? this.readProperty(value, key, property.key, undefined) : taintOnly(value);
            this.bindPattern(property.value, fieldValue, kind, property.key);
          }
        }
        break;
      case 'ArrayPattern':
        for (const element of pattern.elements) if (element) this.bindPattern(element, this.elementOf(value), kind);
        break;
      case 'AssignmentPattern':
        this.bindPattern(pattern.left, value, kind, init);
        break;
      case 'RestElement':
        this.bindPattern(pattern.argument, value, kind);
        break;
      default:
        break;
    }
  }

  private assignPattern(target: Node, value: AbstractValue, init?: Node): void {
    if (target.type === 'Identifier') {
      const binding = this.scope.lookup(target.name);
      const named = this.valueForName(target, value, init);
      if (!binding) {
        this.scope.functionScope().vars.set(target.name, { value: named, depth: 0 });
      } else if (this.conditionalDepth > binding.depth) {
        binding.value = join(binding.value, named);
      } else {
        binding.value = named;
      }
      this.version++;
    } else if (target.type === 'MemberExpression') {
      this.addToRootVariable(target.object, this.fieldAssignmentValue(target, value, init));
    } else if (target.type === 'ObjectPattern' || target.type === 'ArrayPattern') {
      this.bindDestructuringAssignment(target, value);
    }
  }

  /** `payload.ssn = value`: the field's name says what an opaque value is. */
  private fieldAssignmentValue(target: TSESTree.MemberExpression, value: AbstractValue, assigned: Node | undefined): AbstractValue {
    const name = propertyName(target);
    if (!name) return taintOnly(value);
    const byName = this.options.classifier.classify(name);
    if (byName.trap) return byName.clearsTaint ? EMPTY : taintOnly(value);
    if (hasPhi(value)) return taintOnly(value);
    if (!assigned || isLiteralLike(assigned) || isSanitized(value)) return EMPTY;
    return fromKinds(byName.kinds, this.origin(target, byName.kinds), 'medium');
  }

  private bindDestructuringAssignment(pattern: TSESTree.ObjectPattern | TSESTree.ArrayPattern, value: AbstractValue): void {
    if (pattern.type === 'ArrayPattern') {
      for (const element of pattern.elements) if (element) this.assignPattern(element, this.elementOf(value));
      return;
    }
    for (const property of pattern.properties) {
      if (property.type === 'RestElement') this.assignPattern(property.argument, value);
      else {
        const key = property.computed ? undefined : keyName(property.key);
        this.assignPattern(property.value, key ? this.readProperty(value, key, property.key, undefined) : taintOnly(value));
      }
    }
  }

  /**
   * The value a named variable ends up with: what was assigned, plus what its name says when the
   * assigned value is opaque (an unknown call), minus everything when its name or type is a trap.
   */
  private valueForName(identifier: TSESTree.Identifier, assigned: AbstractValue, init: Node | undefined): AbstractValue {
    const annotation = typeNameOfAnnotation(identifier.typeAnnotation?.typeAnnotation);
    if (annotation.isBoolean) return EMPTY;
    const byName = this.options.classifier.classify(identifier.name);
    if (byName.trap) {
      if (!byName.clearsTaint || !hasPhi(assigned)) return assigned;
      return { ...EMPTY, tags: assigned.tags, stringPrefix: assigned.stringPrefix, stringNode: assigned.stringNode, constant: assigned.constant };
    }
    let value = assigned;
    const typed = annotation.name ? this.typedValue(annotation.name, identifier) : undefined;
    if (typed) value = join(value, typed);
    // A declared type with a known shape says more than the variable's name.
    const typeIsKnown = typed !== undefined && (hasPhi(typed) || this.options.index?.resolve(annotation.name!, this.options.classifier) !== undefined);
    const opaqueInit = !typeIsKnown && (!init || !(init.type === 'Identifier' || init.type === 'MemberExpression' || init.type === 'ChainExpression' || isLiteralLike(init) || init.type === 'TemplateLiteral' || init.type === 'ObjectExpression' || init.type === 'ArrayExpression' || init.type === 'BinaryExpression' || init.type === 'LogicalExpression' || init.type === 'ConditionalExpression' || FUNCTION_TYPES.has(init.type)));
    if (opaqueInit && byName.kinds.length && !this.isSanitizedInit(init)) {
      value = join(value, fromKinds(byName.kinds, this.origin(identifier, byName.kinds), 'medium'));
    }
    if (byName.personContext && !value.personContext) value = { ...value, personContext: true };
    return value;
  }

  private isSanitizedInit(init: Node | undefined): boolean {
    let node = init;
    while (node && TRANSPARENT_TYPES.has(node.type)) node = (node as { expression?: Node; argument?: Node }).expression ?? (node as { argument?: Node }).argument;
    if (!node || node.type !== 'CallExpression') return false;
    const name = calleeName(node.callee);
    return name !== undefined && this.isSanitizerName(name);
  }

  /**
   * FHIR datatype names (Address, Identifier, Reference, Attachment…) are common words: a parameter typed
   * `Address` is FHIR's only when the name comes from a FHIR package or the workspace declares it.
   */
  private isAmbiguousDatatype(typeName: string): boolean {
    if (PHI_RESOURCE_TYPES.has(typeName) || !FHIR_DATATYPES.has(typeName)) return false;
    if (this.options.index?.declares(typeName)) return false;
    const source = this.imports.get(typeName)?.module;
    return !source || !/fhir|medplum/i.test(source);
  }

  private typedValue(typeName: string, node: Node): AbstractValue {
    if (this.isAmbiguousDatatype(typeName)) return { ...EMPTY, typeName: undefined };
    const resolved = this.options.index?.resolve(typeName, this.options.classifier);
    if (!resolved) {
      return { ...EMPTY, typeName };
    }
    return {
      kinds: resolved.kinds,
      origins: resolved.kinds.length ? [{ range: this.range(node), label: `${describeKinds(resolved.kinds)} in \`${this.snippet(node)}\` (type ${typeName})` }] : [],
      confidence: 'high',
      typeName,
      personContext: true,
    };
  }

  private elementOf(value: AbstractValue): AbstractValue {
    if (value.fields) return { ...taintOnly(value), typeName: value.typeName, personContext: value.personContext, tags: value.tags };
    return value;
  }

  // ── evaluation ───────────────────────────────────────────────────────────────────────────

  private evaluate(node: Node): AbstractValue {
    switch (node.type) {
      case 'Literal':
        return this.literalValue(node);
      case 'TemplateLiteral':
        return this.templateValue(node);
      case 'TaggedTemplateExpression':
        return taintOnly(this.valueOf(node.quasi));
      case 'Identifier':
        return this.identifierValue(node);
      case 'ThisExpression': {
        const className = this.classStack[this.classStack.length - 1];
        return className ? { ...EMPTY, typeName: className } : EMPTY;
      }
      case 'MemberExpression':
        return this.memberValue(node);
      case 'CallExpression':
        return this.callValue(node);
      case 'NewExpression':
        return this.newValue(node);
      case 'AwaitExpression':
        return this.valueOf(node.argument);
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion': {
        const inner = this.valueOf(node.expression);
        const annotation = typeNameOfAnnotation(node.typeAnnotation);
        return annotation.name ? join(inner, this.typedValue(annotation.name, node)) : inner;
      }
      case 'TSNonNullExpression':
      case 'ChainExpression':
      case 'TSInstantiationExpression':
        return this.valueOf(node.expression);
      case 'SequenceExpression':
        return this.valueOf(node.expressions[node.expressions.length - 1]);
      case 'AssignmentExpression':
        return this.valueOf(node.right);
      case 'ConditionalExpression':
        return join(this.valueOf(node.consequent), this.valueOf(node.alternate));
      case 'LogicalExpression':
        return node.operator === '&&' ? this.valueOf(node.right) : join(this.valueOf(node.left), this.valueOf(node.right));
      case 'BinaryExpression':
        return this.binaryValue(node);
      case 'ObjectExpression':
        return this.objectValue(node);
      case 'ArrayExpression':
        return joinAll(node.elements.map((element) => (element ? this.valueOf(element) : EMPTY)).map(taintOnly));
      case 'SpreadElement':
        return this.valueOf(node.argument);
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return { ...EMPTY, functionNode: node };
      default:
        return EMPTY;
    }
  }

  private literalValue(node: TSESTree.Literal): AbstractValue {
    if (typeof node.value === 'string') return { ...EMPTY, stringPrefix: node.value, stringNode: node, constant: node.value };
    if (typeof node.value === 'number' || typeof node.value === 'boolean' || node.value === null) return { ...EMPTY, constant: node.value };
    return EMPTY;
  }

  private templateValue(node: TSESTree.TemplateLiteral): AbstractValue {
    const parts = joinAll(node.expressions.map((expression) => taintOnly(this.valueOf(expression))));
    const head = node.quasis[0]?.value.cooked ?? '';
    if (node.expressions.length === 0) return { ...parts, stringPrefix: head, stringNode: node, constant: head };
    if (head) return { ...parts, stringPrefix: head, stringNode: node };
    const first = this.valueOf(node.expressions[0]);
    if (first.stringPrefix !== undefined && node.expressions[0].range[0] === node.quasis[0].range[1]) {
      return { ...parts, stringPrefix: first.stringPrefix, stringNode: first.stringNode };
    }
    return parts;
  }

  private identifierValue(node: TSESTree.Identifier): AbstractValue {
    const binding = this.scope.lookup(node.name);
    if (binding) return binding.value;
    if (node.name === 'undefined' || node.name === 'NaN' || node.name === 'Infinity') return EMPTY;
    // An imported string constant (`personRepresentation = 'custom:(uuid,display)'`) is not data.
    if (this.imports.has(node.name) && this.options.index?.isExportedConstant(node.name)) return EMPTY;
    const byName = this.options.classifier.classify(node.name);
    if (byName.trap || byName.kinds.length === 0) return byName.personContext ? { ...EMPTY, personContext: true } : EMPTY;
    return { ...fromKinds(byName.kinds, this.origin(node, byName.kinds), 'medium'), personContext: byName.personContext };
  }

  private memberValue(node: TSESTree.MemberExpression): AbstractValue {
    const object = this.valueOf(node.object);
    const name = propertyName(node);
    if ((name === 'body' || name === 'rawBody') && isRequestObject(node.object)) {
      // A whole request body: what a health API receives (PHI more often than not), tagged so rules can follow aliases.
      return withTag(this.readProperty(object, name, node, node), 'request-body');
    }
    if (name === undefined) {
      // `patients[i]`, `record[key]`: an element or a field we cannot name; keep what the object carries.
      return this.elementOf(object);
    }
    return this.readProperty(object, name, node, node);
  }

  /** The value of `object.name`; `node` locates the read for origins. */
  private readProperty(object: AbstractValue, name: string, node: Node, member: TSESTree.MemberExpression | undefined): AbstractValue {
    if (nonPhiProperties.has(name)) return EMPTY;
    const known = object.fields?.get(name);
    if (known) return known;
    if (object.typeName) {
      const resolved = this.options.index?.resolve(object.typeName, this.options.classifier);
      if (resolved) {
        const field = resolved.fields.get(name);
        if (!field) return object.fields ? EMPTY : this.readByName(object, name, node, member, true);
        const kinds = field.inherit ? object.kinds : field.kinds;
        const value = fromKinds(kinds, this.origin(member ?? node, kinds), 'high');
        return { ...value, typeName: field.typeName, personContext: true };
      }
    }
    return this.readByName(object, name, node, member, false);
  }

  private readByName(object: AbstractValue, name: string, node: Node, member: TSESTree.MemberExpression | undefined, declaredTypeLacksField: boolean): AbstractValue {
    const personContext = object.personContext || (hasPhi(object) && object.kinds.includes('patient-record'));
    const byName = this.options.classifier.classify(name, personContext);
    if (byName.trap) return EMPTY;
    if (byName.kinds.length) {
      return { ...fromKinds(byName.kinds, this.origin(member ?? node, byName.kinds), personContext || byName.personContext ? 'high' : 'medium'), personContext: true };
    }
    if (declaredTypeLacksField) return EMPTY;
    if (hasPhi(object)) return { ...taintOnly(object), confidence: 'medium', personContext: object.personContext || byName.personContext };
    return byName.personContext || object.personContext ? { ...EMPTY, personContext: true } : EMPTY;
  }

  private binaryValue(node: TSESTree.BinaryExpression): AbstractValue {
    if (node.operator !== '+') return EMPTY;
    const left = this.valueOf(node.left);
    const right = this.valueOf(node.right);
    const combined = join(taintOnly(left), taintOnly(right));
    if (left.stringPrefix !== undefined) {
      const constant = typeof left.constant === 'string' && right.constant !== undefined ? left.constant + String(right.constant) : undefined;
      return { ...combined, stringPrefix: constant ?? left.stringPrefix, stringNode: left.stringNode, constant };
    }
    return combined;
  }

  private objectValue(node: TSESTree.ObjectExpression): AbstractValue {
    const fields = new Map<string, AbstractValue>();
    let kinds = EMPTY;
    let typeName: string | undefined;
    for (const property of node.properties) {
      if (property.type === 'SpreadElement') {
        const spread = this.valueOf(property.argument);
        spread.fields?.forEach((value, key) => fields.set(key, value));
        kinds = join(kinds, taintOnly(spread));
        typeName ??= spread.typeName;
        continue;
      }
      if (FUNCTION_TYPES.has(property.value.type)) continue;
      const key = property.computed ? undefined : keyName(property.key);
      const value = this.valueOf(property.value);
      if (key === 'resourceType' && typeof value.constant === 'string' && PHI_RESOURCE_TYPES.has(value.constant)) typeName = value.constant;
      const fieldValue = key === undefined ? taintOnly(value) : this.propertyValue(key, property, value);
      if (key !== undefined) fields.set(key, fieldValue);
      kinds = join(kinds, taintOnly(fieldValue));
    }
    // `resourceType: 'Patient'` names the shape for later reads; the literal's PHI is what its fields
    // hold (`{ resourceType: 'Immunization', count: n }` is a log line, not a resource).
    return { ...kinds, fields, typeName: typeName ?? undefined, personContext: kinds.personContext || typeName !== undefined };
  }

  /** `{ ssn: x }`: the key says what an opaque value is; literals and traps say nothing. */
  private propertyValue(key: string, property: TSESTree.Property, value: AbstractValue): AbstractValue {
    const byName = this.options.classifier.classify(key);
    if (byName.trap) return byName.clearsTaint && hasPhi(value) ? EMPTY : value;
    if (hasPhi(value) || isLiteralLike(property.value) || property.shorthand || isSanitized(value)) return value;
    const valueNode = property.value;
    // `{ patient: patientId }`: the value's own name says it is an opaque id, whatever the key says.
    const valueName = valueNode.type === 'Identifier' ? valueNode.name : valueNode.type === 'MemberExpression' ? propertyName(valueNode) : undefined;
    if (valueName && this.options.classifier.classify(valueName).trap) return value;
    const opaque = valueNode.type === 'CallExpression' || valueNode.type === 'AwaitExpression' || valueNode.type === 'Identifier' || valueNode.type === 'MemberExpression' || valueNode.type === 'NewExpression';
    if (!opaque || byName.kinds.length === 0) return value;
    return join(value, fromKinds(byName.kinds, this.origin(property.key, byName.kinds), 'medium'));
  }

  private callValue(node: TSESTree.CallExpression): AbstractValue {
    const callee = node.callee;
    const name = calleeName(callee);
    const dotted = dottedName(callee);
    if (name && this.isSanitizerName(name)) {
      const words = splitWords(name);
      const tag: ValueTag = words.some((word) => encryptionWords.has(word)) ? 'encrypted' : 'sanitized';
      return withTag(EMPTY, tag);
    }
    if (dotted && nonPhiFunctions.has(dotted)) return EMPTY;
    if (dotted && (loggerFactories.has(dotted) || (name && loggerFactories.has(name) && callee.type === 'MemberExpression'))) return withTag(EMPTY, 'logger');
    // `require('pino')()`, `require('debug')('app')`
    const required = requiredModule(callee);
    if (required && /^(pino|debug|bunyan|winston|log4js|loglevel)$/.test(required)) return withTag(EMPTY, 'logger');
    if (name === 'createWriteStream') return withTag(EMPTY, 'write-stream');
    const stateInitial = this.stateHookInitialValue(node, dotted);
    if (stateInitial) return stateInitial;
    const fhir = this.fhirSource(node, name);
    if (fhir) return fhir;
    const argumentsValue = () => joinAll(node.arguments.map((argument) => taintOnly(this.valueOf(argument))));
    const local = callee.type === 'Identifier' ? this.scope.lookup(callee.name)?.value.functionNode : undefined;
    if (local) {
      // A function of this file: what its body returns for these arguments, plus what its name says.
      const returned = this.summarize(local, node.arguments.map((argument) => this.valueOf(argument)));
      return name ? join(returned, this.nameSaysValue(name, node)) : returned;
    }
    if (dotted && (passThroughFunctions.has(dotted) || (name && passThroughFunctions.has(name) && callee.type === 'Identifier'))) {
      return argumentsValue();
    }
    if (callee.type === 'MemberExpression' && name) return this.methodCallValue(node, callee, name, argumentsValue);
    if (name) return this.nameSaysValue(name, node);
    return EMPTY;
  }

  private methodCallValue(node: TSESTree.CallExpression, callee: TSESTree.MemberExpression, name: string, argumentsValue: () => AbstractValue): AbstractValue {
    const receiver = this.valueOf(callee.object);
    if (name === 'child' && receiver.tags?.has('logger')) return withTag(join(taintOnly(receiver), argumentsValue()), 'logger');
    if (name === 'objectStore') return withTag(EMPTY, 'idb-store');
    if (name === 'set' || name === 'append' || name === 'add') {
      // Builders return what they hold: new HttpParams().set('ssn', ssn), new Identify().set('dob', dob).
      return join(taintOnly(receiver), this.keyedArgumentsValue(node, argumentsValue));
    }
    if (nonPhiMethods.has(name)) return EMPTY;
    if (/^get/.test(name) && node.arguments[0]?.type === 'Literal' && typeof node.arguments[0].value === 'string') {
      // `params.get('ssn')`, `localStorage.getItem('dob')`, `formData.get('diagnosis')`
      const byKey = this.options.classifier.classify(node.arguments[0].value, receiver.personContext);
      if (byKey.trap) return EMPTY;
      if (byKey.kinds.length) return fromKinds(byKey.kinds, this.origin(node, byKey.kinds), 'medium');
    }
    const callback = node.arguments[0];
    if (callback && FUNCTION_TYPES.has(callback.type) && (name === 'map' || name === 'flatMap' || name === 'then')) {
      // The result is what the callback returns: patients.map((p) => p.id) carries no PHI.
      const passed = name === 'then' ? receiver : this.elementOf(receiver);
      return this.summarize(callback, [passed]);
    }
    if (passThroughMethods.has(name)) {
      const passed = taintOnly(receiver);
      return name === 'concat' || name === 'replace' || name === 'replaceAll' ? join(passed, argumentsValue()) : { ...passed, typeName: receiver.typeName, personContext: receiver.personContext };
    }
    const byMethod = this.nameSaysValue(name, node);
    if (hasPhi(byMethod)) return byMethod;
    const firstWord = splitWords(name)[0];
    if (firstWord && actionVerbs.has(firstWord)) return EMPTY;
    if (hasPhi(receiver)) return { ...taintOnly(receiver), confidence: 'medium', typeName: receiver.typeName, personContext: receiver.personContext };
    if (firstWord && retrievalVerbs.has(firstWord)) return this.receiverNameSaysValue(callee.object, node);
    return EMPTY;
  }

  /** `x.set('ssn', value)`: the value's PHI, plus what the key names when the value is opaque. */
  private keyedArgumentsValue(node: TSESTree.CallExpression, argumentsValue: () => AbstractValue): AbstractValue {
    const value = argumentsValue();
    const [key, valueNode] = node.arguments;
    if (hasPhi(value) || !key || key.type !== 'Literal' || typeof key.value !== 'string' || !valueNode || isLiteralLike(valueNode)) return value;
    const byKey = this.options.classifier.classify(key.value);
    if (byKey.trap || isSanitized(this.valueOf(valueNode))) return value;
    return join(value, fromKinds(byKey.kinds, this.origin(key, byKey.kinds), 'medium'));
  }

  /** `patientRepository.findOne()`, `PatientService.getById()`: the receiver's name says what comes back. */
  private receiverNameSaysValue(receiver: Node, call: Node): AbstractValue {
    const name = receiver.type === 'MemberExpression' ? propertyName(receiver) : receiver.type === 'Identifier' ? receiver.name : undefined;
    if (!name) return EMPTY;
    const words = [...splitWords(name)];
    while (words.length > 1 && codeStructureSuffixes.has(words[words.length - 1])) words.pop();
    const kinds = this.options.classifier.kindsOf(words.join('_'));
    return fromKinds(kinds, this.origin(call, kinds), 'medium');
  }

  /** What an unknown function's name says it returns: `getPatient()` → patient record. */
  private nameSaysValue(name: string, node: Node): AbstractValue {
    const words = splitWords(name);
    if (words.length && actionVerbs.has(words[0])) return EMPTY;
    const byName = this.options.classifier.classify(name);
    if (byName.trap || byName.kinds.length === 0) return EMPTY;
    return { ...fromKinds(byName.kinds, this.origin(node, byName.kinds), 'medium'), personContext: byName.personContext };
  }

  /**
   * `useState({ patientName: '', medicine: '' })`: UI state starts empty and fills with what the user
   * types, so its keys say what it will hold even though the initial values are literals.
   */
  private stateHookInitialValue(node: TSESTree.CallExpression, dotted: string | undefined): AbstractValue | undefined {
    if (!dotted || !STATE_HOOKS.has(dotted)) return undefined;
    const initial = node.arguments[dotted.endsWith('useReducer') ? 1 : 0];
    if (!initial || initial.type === 'SpreadElement') return EMPTY;
    let value = taintOnly(this.valueOf(initial));
    if (initial.type === 'ObjectExpression') {
      for (const property of initial.properties) {
        if (property.type !== 'Property' || property.computed) continue;
        const key = keyName(property.key);
        const kinds = key ? this.options.classifier.kindsOf(key) : [];
        if (kinds.length) value = join(value, fromKinds(kinds, this.origin(property.key, kinds), 'medium'));
      }
    }
    return value;
  }

  /** FHIR clients: Medplum, fhir-kit-client, SMART fhirclient. */
  private fhirSource(node: TSESTree.CallExpression, name: string | undefined): AbstractValue | undefined {
    if (!name) return undefined;
    const typeArgument = node.typeArguments?.params[0];
    const annotated = typeArgument ? typeNameOfAnnotation(typeArgument).name : undefined;
    if (FHIR_READ_METHODS.has(name)) {
      const resourceType = annotated ?? this.resourceTypeOfArguments(node);
      if (resourceType && PHI_RESOURCE_TYPES.has(resourceType)) return this.typedValue(resourceType, node);
      return undefined;
    }
    if (name === 'request' && node.callee.type === 'MemberExpression') {
      const prefix = node.arguments[0] ? this.valueOf(node.arguments[0]).stringPrefix : undefined;
      const resourceType = prefix ? /^([A-Z][A-Za-z]+)/.exec(prefix)?.[1] : undefined;
      if (resourceType && PHI_RESOURCE_TYPES.has(resourceType)) return this.typedValue(resourceType, node);
    }
    if (name === 'read' && node.callee.type === 'MemberExpression') {
      const receiver = dottedName(node.callee.object);
      if (receiver && /(^|\.)patient$/.test(receiver)) return this.typedValue('Patient', node);
    }
    return undefined;
  }

  private resourceTypeOfArguments(node: TSESTree.CallExpression): string | undefined {
    const first = node.arguments[0];
    if (!first) return undefined;
    const value = this.valueOf(first);
    if (typeof value.constant === 'string') return value.constant;
    if (value.typeName) return value.typeName;
    const resourceType = value.fields?.get('resourceType')?.constant;
    return typeof resourceType === 'string' ? resourceType : undefined;
  }

  private newValue(node: TSESTree.NewExpression): AbstractValue {
    const className = dottedName(node.callee);
    const args = joinAll(node.arguments.map((argument) => taintOnly(this.valueOf(argument))));
    if (className === 'URL' || className === 'URLSearchParams' || className === 'Request') {
      const first = node.arguments[0] ? this.valueOf(node.arguments[0]) : EMPTY;
      // new URL('/results', 'http://lab…'): a relative first argument takes its scheme and host from the base.
      const base = className === 'URL' && node.arguments[1] && first.stringPrefix !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(first.stringPrefix) ? this.valueOf(node.arguments[1]) : first;
      return { ...args, stringPrefix: base.stringPrefix, stringNode: base.stringNode };
    }
    if (className && /^[A-Z]/.test(className) && this.options.index?.resolve(className, this.options.classifier)) {
      return join(args, this.typedValue(className, node));
    }
    return args;
  }

  // ── locations ────────────────────────────────────────────────────────────────────────────

  range(node: Node | { range: [number, number] }) {
    return rangeFromOffsets(this.options.lineStarts, node.range[0], node.range[1]);
  }

  snippet(node: Node): string {
    const dotted = dottedName(node);
    const text = dotted ?? (node.type === 'CallExpression' ? `${dottedName(node.callee) ?? 'call'}(…)` : node.type);
    return text.length > MAX_SNIPPET ? `${text.slice(0, MAX_SNIPPET - 1)}…` : text;
  }

  private origin(node: Node, kinds: readonly string[]): TaintOrigin {
    return { range: this.range(node), label: `${describeKinds(kinds)} from \`${this.snippet(node)}\`` };
  }
}
