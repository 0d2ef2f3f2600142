// The taint analysis: one walk over a file's AST in evaluation order. Variables carry abstract values
// (PHI kinds, origins, shapes) through scopes; rules' visitors run during the same walk, so when a rule
// asks what an argument carries, the answer reflects the code before that point. Evaluation of values
// is evaluator.ts's, function summaries and the cross-file probes are summaries.ts's.
import { declaresConstructorParameter, declaresSchemaParameter, instanceofOffsets, namesWithoutDataInBranch } from './type-guards';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys as visitorKeysExport } from '@typescript-eslint/visitor-keys';
import { propertyName, keyName, dottedName, lastSegment } from '../rule-api/ast';
import { namesReferenceData } from '../vocabulary/classify';
import { ELEMENT_CALLBACK_METHODS } from '../vocabulary/flows';
import { EFFECT_HOOKS, MUTATING_METHODS, SETTER_STATE_HOOKS, SHEET_FILLING_METHODS } from '../vocabulary/library-models';
import { EMISSION_CALLBACK_METHODS, PIPE_METHOD, RESPONSE_CALLBACK_METHODS } from '../vocabulary/provenance';
import { belongsToTestData, THIS_FIELD, type AnalyzerOptions, type ReturnedResponse } from './evaluator';
import { inboundParameterValue, isMeasurementValue, isResponseValue, storeCallbackValues, storedDocument, wrappedResponseValue, type ProvenanceHost } from './provenance';
import { Scope, type Binding } from './scope';
import { hasProvenance } from './summaries';
import { declaredMethodReturnValue, type TypeFlowHost } from './type-flow';
import { FunctionSummaries } from './summaries';
import { asFunction, exportedFunctions, FUNCTION_TYPES, isLiteralLike, pushChildNodes, typeNameOfAnnotation, type FunctionNode } from './syntax';
import { EMPTY, REFERENCE_DATA, hasPhi, join, joinAll, taintOnly, type AbstractValue } from './values';
// Read once: the bundle reaches a CommonJS package's export through a getter, and the walks below ask per node.
const visitorKeys = visitorKeysExport;

export { PARAMETER_PROBE, parseProbeKind, type ForwardedImportCall, type ImportedCall } from './summaries';
export type { AnalyzerOptions } from './evaluator';

type Node = TSESTree.Node;
type Handler = (node: Node) => void;

export interface VisitorRegistration {
  ruleId: string;
  enter: Map<string, Handler>;
  exit: Map<string, Handler>;
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

const elementCallbackMethods = new Set(ELEMENT_CALLBACK_METHODS);
const effectHooks = new Set(EFFECT_HOOKS);
const setterStateHooks = new Set(SETTER_STATE_HOOKS);

/** What a state setter changes: the state's binding, and the reducer that computes the next state (useReducer). */
interface StateSetter {
  state: Binding;
  reducer?: Node;
}

/** A function being walked: the effects it declares, and the state growth count when it started. */
interface EffectFrame {
  effects: Array<{ callback: FunctionNode; scope: Scope }>;
  growthAtStart: number;
}
const mutatingMethods = new Set(MUTATING_METHODS);
const sheetFillingMethods = new Set(SHEET_FILLING_METHODS);
const responseCallbackMethods = new Set(RESPONSE_CALLBACK_METHODS);
const emissionCallbackMethods = new Set(EMISSION_CALLBACK_METHODS);

/** A condition whose value the analysis knows to be falsy: `false`, `0`, `''`, `null` (a flag hard-coded off). */
function isKnownFalsy(value: AbstractValue): boolean {
  return value.constant === false || value.constant === 0 || value.constant === '' || value.constant === null;
}

/** A function's name, from its declaration or what it is assigned to: `inviteStaff`, `const updatePatient = …`, `{ createUser() {} }`. */
function functionName(node: FunctionNode): string | undefined {
  if (node.id) return node.id.name;
  const parent = (node as { parent?: Node }).parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if ((parent?.type === 'Property' || parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition') && !parent.computed) return keyName(parent.key);
  if (parent?.type === 'AssignmentExpression') return lastSegment(parent.left);
  // `findUserByEmail(email, (err, user) => …)`: a callback handles what the call it is passed to does, so
  // that call's name says whose data it sees.
  if (parent?.type === 'CallExpression' && parent.callee !== node && parent.callee.type === 'Identifier') return parent.callee.name;
  return undefined;
}

/** Whether code assigns a name (`x = …`, `x += …`, `x++`) outside nested functions' own bindings (conservative: any). */
function assignsName(body: Node, name: string): boolean {
  const stack: Node[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ((node.type === 'AssignmentExpression' && node.left.type === 'Identifier' && node.left.name === name) || (node.type === 'UpdateExpression' && node.argument.type === 'Identifier' && node.argument.name === name)) return true;
    pushChildNodes(node, stack);
  }
  return false;
}

export class Analyzer extends FunctionSummaries {
  private conditionalDepth = 0;
  /** The conditional depth at the start of each function body being walked: a write at that depth always runs when the body does. */
  private readonly functionBodyDepths: number[] = [];
  private readonly callbackParams = new Map<Node, AbstractValue[]>();
  private readonly enterHandlers = new Map<string, Array<{ ruleId: string; handler: Handler }>>();
  private readonly exitHandlers = new Map<string, Array<{ ruleId: string; handler: Handler }>>();
  private readonly failedRules = new Set<string>();
  private readonly stateSetters = new Map<Binding, StateSetter>();
  private readonly effectFrames: EffectFrame[] = [];
  /** Counts each time a state setter added PHI to its state (effects declared earlier then see it). */
  private stateGrowth = 0;
  /**
   * Objects a function's nested functions share as the class's `this` (`var vm = this`, `const self = this`, AngularJS's
   * injected `$scope`): a field one nested function sets (`vm.entry = response.data` in `load`) is read by another
   * (`keep`, walked earlier), so such reads are noted and their functions walked again when the outer function ends.
   */
  private readonly sharedOwners = new WeakSet<Binding>();
  private readonly closureReads: Array<{ binding: Binding; name: string; stack: Node[] }> = [];
  /** The scope each function was walked in (to walk it again there). */
  private readonly walkedIn = new WeakMap<Node, Scope>();
  private walkingClosuresAgain = 0;
  /** Where the file's text spells `instanceof` (type-guards.ts), found when a function's parameters are first bound. */
  private instanceofAt: number[] | undefined;
  constructor(options: AnalyzerOptions, registrations: readonly VisitorRegistration[]) {
    super(options);
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

  /**
   * What `Class#method` of this program returns when it is a response of a patient route (another file
   * asks: `this.orders.byPatient(id).subscribe(…)`). Only the module's constants are walked first (a route's
   * base), then the method's body, silently, with its parameters unknown.
   */
  returnedResponse(program: TSESTree.Program, exportName: string): ReturnedResponse | undefined {
    const found = exportedFunctions(program).find(([name]) => name === exportName);
    if (!found) return undefined;
    const [, fn, className] = found;
    this.collectImports(program);
    this.functionNodes.push(program);
    this.collectLocalClasses(program);
    this.silent++;
    try {
      // `return getPatient(id)` of another function of the module: its declarations are known, as they are hoisted.
      this.hoistFunctions(program.body);
      for (const statement of program.body) {
        const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
        if (declaration?.type === 'VariableDeclaration' && declaration.kind === 'const') this.visit(declaration, program);
      }
      if (className !== undefined) this.classStack.push(className);
      const summarised = this.summarize(fn, fn.params.map(() => EMPTY));
      // What the body returns when it is a response; else what the method is declared to return (`Observable<LabOrder[]>`).
      const returned = isResponseValue(summarised) ? summarised : declaredMethodReturnValue(this as unknown as TypeFlowHost, fn, fn, exportName.split('#').pop()!);
      const origin = returned.origins.find((candidate) => candidate.response) ?? returned.origins[0];
      return origin && hasPhi(returned) ? { kinds: returned.kinds, label: origin.label } : undefined;
    } finally {
      this.silent--;
    }
  }

  run(program: TSESTree.Program): void {
    this.collectImports(program);
    this.functionNodes.push(program);
    this.collectLocalClasses(program);
    this.visit(program, undefined);
  }

  private dispatch(map: Map<string, Array<{ ruleId: string; handler: Handler }>>, node: Node): void {
    const handlers = map.get(node.type);
    if (!handlers || this.silent > 0) return;
    this.visiting = node;
    // Twice per node (enter and exit): an indexed loop, and the set of failed rules looked up only once one has failed.
    for (let i = 0; i < handlers.length; i++) {
      const { ruleId, handler } = handlers[i];
      if (this.failedRules.size > 0 && this.failedRules.has(ruleId)) continue;
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
    if (node.type === 'TSEnumDeclaration') {
      this.declareEnum(node);
      return;
    }
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
        this.hoistModuleFunctionConstants(node.body);
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
      case 'IfStatement':
        // `if (DEBUG) console.log(treatment)` with `const DEBUG = false`: the branch never runs.
        this.visit(node.test, node);
        if (!isKnownFalsy(this.valueOf(node.test))) this.visitNarrowed(node.test, 'consequent', node.consequent, node);
        if (node.alternate) this.visitNarrowed(node.test, 'alternate', node.alternate, node);
        break;
      case 'ConditionalExpression':
        // `dob == null ? console.warn('missing', dob) : dob`: each arm with what its test proves, as for an `if`.
        this.visit(node.test, node);
        this.visitNarrowed(node.test, 'consequent', node.consequent, node);
        this.visitNarrowed(node.test, 'alternate', node.alternate, node);
        break;
      case 'VariableDeclarator':
        this.visitDeclarator(node);
        break;
      case 'SwitchCase': {
        // `switch (apiUrl) { case Routes.PatientSearch: … apiUrl + term }`: inside the case the variable is that constant.
        const narrowed = this.caseNarrowing(node);
        if (narrowed) {
          this.withScope(false, () => {
            this.declare(narrowed.name, narrowed.value, 'let');
            this.visitChildren(node);
          });
        } else this.visitChildren(node);
        break;
      }
      case 'AssignmentExpression':
        this.visitAssignment(node);
        break;
      case 'CallExpression':
        this.visitCall(node);
        break;
      case 'MethodDefinition':
      case 'PropertyDefinition':
        this.memberStack.push(node);
        try {
          this.visitChildren(node);
          // `state = { contact: this.props.contact }`: a component's state, declared as a class field.
          if (node.type === 'PropertyDefinition' && !node.static && !node.computed && keyName(node.key) === 'state' && node.value?.type === 'ObjectExpression') {
            this.noteComponentStateObject(node.key, node.value, this.valueOf(node.value));
          }
        } finally {
          this.memberStack.pop();
        }
        break;
      case 'ClassDeclaration':
      case 'ClassExpression':
        this.classStack.push(node.id?.name ?? '');
        this.visitChildren(node);
        // `save()` above `load()`, which assigns `this.current` the response: save is walked again with what the class assigns.
        for (const member of this.membersToWalkAgain(node)) this.visit(member, node.body);
        this.classStack.pop();
        break;
      default:
        this.visitChildren(node);
    }
    if (conditional) this.conditionalDepth--;
    this.dispatch(this.exitHandlers, node);
  }

  /** Rules' enter handlers may look down the tree (`req.query.ssn` → `req.query`) and back up. */
  // Indexed loops in the two per-node loops below: `for…of` here allocated an iterator result per child (measured).
  private setChildParents(node: Node): void {
    const keys = visitorKeys[node.type] ?? [];
    for (let k = 0; k < keys.length; k++) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]];
      if (Array.isArray(child)) {
        for (let i = 0; i < child.length; i++) {
          const item = child[i];
          if (item && typeof item === 'object' && 'type' in item) (item as { parent?: Node }).parent = node;
        }
      } else if (child && typeof child === 'object' && 'type' in child) {
        (child as { parent?: Node }).parent = node;
      }
    }
  }

  private visitChildren(node: Node): void {
    const keys = walkedKeys(node.type);
    for (let k = 0; k < keys.length; k++) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]];
      if (Array.isArray(child)) {
        for (let i = 0; i < child.length; i++) {
          const item = child[i];
          if (item && typeof item === 'object' && 'type' in item) this.visit(item as Node, node);
        }
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

  /**
   * `const complexValidation = async (input): Promise<EffectInput> => …` at the module's top level, below the
   * handler that calls it: the module is initialised before any of its functions runs, so a call inside a
   * function body reaches the constant's function wherever the module declares it. Until the walk reaches the
   * declaration the function is known by its signature only (what it is declared to return), not by a summary of
   * its body. Only `const` (a `let` may be reassigned before the call) and only function values.
   */
  private hoistModuleFunctionConstants(statements: readonly Node[]): void {
    for (const statement of statements) {
      const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
      if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') continue;
      for (const declarator of declaration.declarations) {
        if (declarator.id.type !== 'Identifier' || !declarator.init) continue;
        if (declarator.init.type !== 'ArrowFunctionExpression' && declarator.init.type !== 'FunctionExpression') continue;
        if (this.scope.vars.has(declarator.id.name)) continue;
        this.scope.vars.set(declarator.id.name, { value: { ...EMPTY, declaredFunction: declarator.init }, depth: this.conditionalDepth });
      }
    }
  }

  private visitFunction(node: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): void {
    if (node.type === 'FunctionDeclaration' && node.id) this.declare(node.id.name, { ...EMPTY, functionNode: node }, 'var');
    const argumentValues = this.callbackParams.get(node);
    this.walkFunctionBody(node, argumentValues ?? []);
  }

  protected walkFunctionBody(node: FunctionNode, argumentValues: readonly AbstractValue[]): AbstractValue {
    let returned = EMPTY;
    this.walkedIn.set(node, this.scope);
    // A function body runs later (or never): assignments inside it only add to outer variables.
    this.conditionalDepth++;
    this.functionNames.push(functionName(node) ?? '');
    this.functionNodes.push(node);
    this.functionBodyDepths.push(this.conditionalDepth);
    try {
      returned = this.walkFunctionScope(node, argumentValues);
    } finally {
      this.functionBodyDepths.pop();
      this.functionNodes.pop();
      this.functionNames.pop();
      this.conditionalDepth--;
    }
    return returned;
  }

  private walkFunctionScope(node: FunctionNode, argumentValues: readonly AbstractValue[]): AbstractValue {
    let returned = EMPTY;
    const frame: EffectFrame = { effects: [], growthAtStart: this.stateGrowth };
    this.effectFrames.push(frame);
    try {
      returned = this.walkFunctionScopeBody(node, argumentValues);
    } finally {
      this.effectFrames.pop();
    }
    if (frame.effects.length && this.stateGrowth !== frame.growthAtStart) this.rewalkEffects(frame);
    return returned;
  }

  /**
   * A component's handlers set its state after its effects were walked (`setDraft(patient)` below the
   * effect that stores `draft`): the effects run after render, so they are walked again with the state
   * as the handlers leave it.
   */
  private rewalkEffects(frame: EffectFrame): void {
    for (const { callback, scope } of frame.effects) {
      const saved = this.scope;
      this.scope = scope;
      this.version++;
      try {
        this.walkFunctionBody(callback, []);
      } finally {
        this.scope = saved;
        this.version++;
      }
    }
  }

  private walkFunctionScopeBody(node: FunctionNode, argumentValues: readonly AbstractValue[]): AbstractValue {
    let returned = EMPTY;
    this.withScope(true, () => {
      if (node.type === 'FunctionExpression' && node.id) this.declare(node.id.name, EMPTY, 'let');
      node.params.forEach((param, index) => {
        (param as { parent?: Node }).parent = node;
        // A rest parameter gathers every argument from its position on; a parameter declared as a validation
        // schema holds a schema, not its caller's data (`keyof(patientSchema)`); one tested against with `instanceof`
        // holds a class (`assertType(finder, PatientFinder)`).
        const given = param.type === 'RestElement' ? joinAll(argumentValues.slice(index)) : argumentValues[index] ?? EMPTY;
        const passed = declaresSchemaParameter(node, param) || declaresConstructorParameter(node, param, (this.instanceofAt ??= instanceofOffsets(this.options.text))) ? EMPTY : given;
        // A serverless event, a tRPC resolver's `{ input }`, a socket message that writes a record: a client's payload.
        const inbound = inboundParameterValue(node, index, this as unknown as ProvenanceHost);
        // `<PatientForm onSave={(draft) => …}>`: an unannotated callback's parameter is what the component's props type says it receives.
        const contextual = this.contextualParameterValue(node, param, index);
        const bound = contextual ? join(passed, contextual) : passed;
        this.bindParameter(param, inbound ? join(bound, inbound) : bound);
        if (param.type === 'Identifier' && param.name === '$scope') this.markSharedOwner(param.name);
        this.visitParameterDefaults(param, node);
      });
      (node.body as { parent?: Node }).parent = node;
      this.returnFrames.push(EMPTY);
      if (node.body.type === 'BlockStatement') {
        // The body shares the function's scope (parameters and top-level declarations live together).
        this.dispatch(this.enterHandlers, node.body);
        this.hoistFunctions(node.body.body);
        this.visitChildren(node.body);
        this.walkClosuresAgain(node);
        this.dispatch(this.exitHandlers, node.body);
      } else {
        this.visit(node.body, node);
        this.noteReturn(node.body);
      }
      returned = this.returnFrames.pop() ?? EMPTY;
    });
    return returned;
  }

  /**
   * A branch of an `if`, with the names its test proves hold no person's data (`typeof fn === 'function'`,
   * `schema instanceof ZodEffects`) bound to nothing inside it.
   */
  private visitNarrowed(test: Node, branch: 'consequent' | 'alternate', body: Node, parent: Node): void {
    // A name the branch assigns (`if (!patient) patient = await load(id)`) keeps its binding: what is set there stays set.
    const names = namesWithoutDataInBranch(test, branch).filter((name) => this.scope.lookup(name) !== undefined && !assignsName(body, name));
    if (names.length === 0) {
      this.visit(body, parent);
      return;
    }
    this.withScope(false, () => {
      // A function stays callable (`if (typeof done === 'function') done(result)` still follows `done`).
      for (const name of names) {
        const functionNode = this.scope.lookup(name)?.value.functionNode;
        this.declare(name, functionNode ? { ...EMPTY, functionNode } : EMPTY, 'let');
      }
      this.visit(body, parent);
    });
  }

  /**
   * The declared type of an unannotated parameter of a function passed inline as a component's prop (`<PagedForm
   * saveProgress={(data) => …}>`): TypeScript types it from the component's props (`saveProgress: (data: FormFields) =>
   * void`), so the workspace type index does too. Only a named type counts; a parameter with its own annotation keeps it.
   */
  private contextualParameterValue(fn: FunctionNode, param: TSESTree.Parameter, index: number): AbstractValue | undefined {
    const index_ = this.options.index;
    if (!index_ || !this.options.file || fn.type === 'FunctionDeclaration' || index > 3) return undefined;
    if (param.type !== 'Identifier' && param.type !== 'ObjectPattern') return undefined;
    if (param.typeAnnotation) return undefined;
    const container = (fn as { parent?: Node }).parent;
    const attribute = container?.type === 'JSXExpressionContainer' ? (container as { parent?: Node }).parent : undefined;
    if (attribute?.type !== 'JSXAttribute' || attribute.name.type !== 'JSXIdentifier') return undefined;
    const element = (attribute as { parent?: Node }).parent;
    if (element?.type !== 'JSXOpeningElement' || element.name.type !== 'JSXIdentifier' || !/^[A-Z]/.test(element.name.name)) return undefined;
    const component = element.name.name;
    const imported = this.importedFrom(component);
    if (imported && (imported.imported === '*' || imported.imported === 'default' && !imported.module.startsWith('.'))) return undefined;
    const typeName = index_.callbackParameterType(this.options.file, imported?.module, imported?.imported ?? component, attribute.name.name, index);
    if (!typeName) return undefined;
    const value = this.typedValue(typeName, param);
    return hasPhi(value) ? value : undefined;
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
    this.noteMadeByImport(node);
    if (node.init?.type === 'ThisExpression' && node.id.type === 'Identifier' && this.functionNodes.length > 1) this.markSharedOwner(node.id.name);
    this.noteStateSetter(node);
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
    this.noteCollectedMeasurements(node.left, right);
    const value = node.operator === '=' ? right : join(this.valueOf(node.left), right);
    this.assignPattern(node.left, value, node.right);
  }

  private visitCall(node: TSESTree.CallExpression): void {
    this.prepareCallbacks(node);
    this.visitChildren(node);
    this.noteEffect(node);
    this.noteStateSetterCall(node);
    this.noteComponentSetState(node);
    this.noteCallEffects(node);
    this.followLocalCall(node);
    this.noteImportedCall(node);
  }

  /** `useEffect(() => …, [draft])`: kept with its scope, to walk again if the component's state grows later. */
  private noteEffect(node: TSESTree.CallExpression): void {
    const frame = this.effectFrames[this.effectFrames.length - 1];
    const callback = asFunction(node.arguments[0]);
    if (!frame || !callback) return;
    const callee = dottedName(node.callee);
    if (callee && effectHooks.has(callee)) frame.effects.push({ callback, scope: this.scope });
  }

  /** `const [draft, setDraft] = useState()`, `const [state, dispatch] = useReducer(reducer, init)`: remember the setter. */
  private noteStateSetter(declarator: TSESTree.VariableDeclarator): void {
    const { id, init } = declarator;
    if (id.type !== 'ArrayPattern' || init?.type !== 'CallExpression') return;
    const [state, setter] = id.elements;
    if (state?.type !== 'Identifier' || setter?.type !== 'Identifier') return;
    const hook = dottedName(init.callee);
    if (!hook || !setterStateHooks.has(hook)) return;
    const stateBinding = this.scope.lookup(state.name);
    const setterBinding = this.scope.lookup(setter.name);
    if (!stateBinding || !setterBinding) return;
    this.stateSetters.set(setterBinding, { state: stateBinding, reducer: hook.endsWith('useReducer') ? init.arguments[0] : undefined });
  }

  /**
   * `setDraft(patient)`, `setDraft((d) => ({ ...d, ...patient }))`, `dispatch({ type: 'load', patient })`:
   * the state now holds what was set (a reducer of this file is asked what it returns for the action).
   */
  private noteStateSetterCall(node: TSESTree.CallExpression): void {
    if (node.callee.type !== 'Identifier' || node.arguments.length === 0 || this.stateSetters.size === 0) return;
    const binding = this.scope.lookup(node.callee.name);
    const setter = binding ? this.stateSetters.get(binding) : undefined;
    if (!setter) return;
    const argument = node.arguments[0];
    const passed = this.valueOf(argument);
    let added: AbstractValue;
    if (setter.reducer) {
      const reducer = asFunction(this.valueOf(setter.reducer).functionNode);
      added = reducer ? this.summarize(reducer, [setter.state.value, passed]) : passed;
    } else {
      const updater = asFunction(argument);
      added = updater ? this.summarize(updater, [setter.state.value]) : passed;
    }
    if (!hasPhi(added)) return;
    const grown = join(setter.state.value, taintOnly(added));
    if (grown.kinds.length === setter.state.value.kinds.length && hasPhi(setter.state.value)) return;
    setter.state.value = grown;
    this.stateGrowth++;
    this.version++;
  }

  /**
   * `this.setState({ contact: record })`, `this.setState((previous) => ({ contact: Object.assign({}, previous.contact, edit) }))`:
   * each field of a component's state holds what the class sets there (see noteComponentStateField).
   */
  private noteComponentSetState(node: TSESTree.CallExpression): void {
    const callee = node.callee;
    if (callee.type !== 'MemberExpression' || callee.object.type !== 'ThisExpression' || propertyName(callee) !== 'setState') return;
    const argument = node.arguments[0];
    if (!argument) return;
    if (argument.type === 'ObjectExpression') {
      this.noteComponentStateObject(callee, argument, this.valueOf(argument));
      return;
    }
    const updater = asFunction(argument);
    if (!updater) return;
    // What the previous state held is kept already: the updater adds what it puts beside or over it.
    const returned = this.summarize(updater, [EMPTY]);
    let body: Node | undefined = updater.body;
    if (body?.type === 'BlockStatement') {
      const last = body.body.at(-1);
      body = last?.type === 'ReturnStatement' ? (last.argument ?? undefined) : undefined;
    }
    if (body?.type === 'ObjectExpression') this.noteComponentStateObject(callee, body, returned);
  }

  private noteComponentStateObject(anchor: Node, object: TSESTree.ObjectExpression, value: AbstractValue): void {
    for (const property of object.properties) {
      if (property.type !== 'Property' || property.computed) continue;
      const key = keyName(property.key);
      if (!key) continue;
      this.noteComponentStateField(anchor, key, value.fields?.get(key) ?? EMPTY, property.value);
    }
  }

  /** Callbacks of `patients.forEach(p => …)` and `promise.then(p => …)` receive the receiver's values. */
  private prepareCallbacks(node: TSESTree.CallExpression): void {
    if (node.callee.type === 'Identifier') {
      this.prepareWrappedRequestCallbacks(node, node.callee.name);
      return;
    }
    if (node.callee.type !== 'MemberExpression') return;
    const method = propertyName(node.callee);
    if (!method) return;
    // `masterdataService.visitDetailMasterData$.subscribe((visitDetails) => …)`, `catalogService.getDrugs().then(…)`: a
    // stream or a service named for master data hands its callbacks reference data, whatever their parameters are named.
    if ((emissionCallbackMethods.has(method) || responseCallbackMethods.has(method)) && readsReferenceData(node.callee.object)) {
      const first = node.arguments[0];
      if (first && FUNCTION_TYPES.has(first.type)) this.callbackParams.set(first, [REFERENCE_DATA]);
      else if (first?.type === 'ObjectExpression') {
        for (const property of first.properties) {
          if (property.type === 'Property' && !property.computed && keyName(property.key) === 'next' && FUNCTION_TYPES.has(property.value.type)) this.callbackParams.set(property.value, [REFERENCE_DATA]);
        }
      }
      return;
    }
    if (method === PIPE_METHOD || emissionCallbackMethods.has(method)) {
      this.prepareEmissionCallbacks(node, method);
      return;
    }
    const callback = node.arguments.find((argument) => FUNCTION_TYPES.has(argument.type));
    if (!callback) {
      // `fetchPatient(id).then(onLoaded)`, `.then(this.handleResponse)`: a function passed by name receives the response too.
      if (responseCallbackMethods.has(method) && node.arguments[0]) this.followNamedCallback(node.arguments[0], [this.valueOf(node.callee.object)]);
      return;
    }
    // `observations.find(query, (err, docs) => …)`: a store's callback after its query, not an array's `find(element => …)`.
    const stored = storeCallbackValues(node, callback, this as unknown as ProvenanceHost);
    if (stored) {
      this.callbackParams.set(callback, stored);
    } else if (elementCallbackMethods.has(method)) {
      this.callbackParams.set(callback, [this.elementOf(this.valueOf(node.callee.object))]);
    } else if (method === 'reduce') {
      this.callbackParams.set(callback, [EMPTY, this.elementOf(this.valueOf(node.callee.object))]);
    } else if (responseCallbackMethods.has(method)) {
      this.callbackParams.set(callback, [this.valueOf(node.callee.object)]);
    }
  }

  /**
   * `_fetchApi(`${base}/patients/${id}`, (data) => …)`: a request helper of the workspace's own (this file's or a relatively
   * imported module's) hands its callbacks the response of the route its URL argument names.
   */
  private prepareWrappedRequestCallbacks(node: TSESTree.CallExpression, name: string): void {
    const wrapper = node.arguments.length > 1 ? this.requestWrapperAt(node, name) : undefined;
    const url = wrapper && node.arguments[wrapper.url];
    if (!wrapper || !url || url.type === 'SpreadElement') return;
    const passed = wrapper.callbacks.map((position) => node.arguments[position]).filter((argument): argument is TSESTree.CallExpressionArgument => argument !== undefined);
    const callbacks = passed.filter((argument): argument is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression => FUNCTION_TYPES.has(argument.type));
    const named = passed.filter((argument) => !FUNCTION_TYPES.has(argument.type));
    if (callbacks.length === 0 && named.length === 0) return;
    const response = wrappedResponseValue(node, url, name, this as unknown as ProvenanceHost);
    if (!response) return;
    for (const callback of callbacks) this.callbackParams.set(callback, [response]);
    // `getFromServer(url, onPatientLoaded)`: a callback passed by name is handed the same response.
    for (const reference of named) this.followNamedCallback(reference, [response]);
  }

  /**
   * `orders$.subscribe((orders) => …)`, `subscribe({ next: (orders) => … })`, `pipe(map((r) => …), tap((x) => …))`:
   * the callbacks receive what the Observable emits, when the analysis knows it emits a response.
   */
  private prepareEmissionCallbacks(node: TSESTree.CallExpression, method: string): void {
    const emission = this.emissionOf(this.valueOf((node.callee as TSESTree.MemberExpression).object));
    if (!hasPhi(emission)) return;
    if (method === PIPE_METHOD) {
      for (const [callback, value] of this.pipedEmissions(node, emission).callbacks) this.callbackParams.set(callback, [value]);
      return;
    }
    const first = node.arguments[0];
    if (first && FUNCTION_TYPES.has(first.type)) {
      this.callbackParams.set(first, [emission]);
    } else if (first?.type === 'ObjectExpression') {
      for (const property of first.properties) {
        if (property.type !== 'Property' || property.computed || keyName(property.key) !== 'next') continue;
        if (FUNCTION_TYPES.has(property.value.type)) this.callbackParams.set(property.value, [emission]);
        else this.followNamedCallback(property.value, [emission]);
      }
    } else if (first) {
      // `orders$.subscribe(this.onOrders)`: a method passed by name receives what is emitted.
      this.followNamedCallback(first, [emission]);
    }
  }

  private markSharedOwner(name: string): void {
    const binding = this.scope.lookup(name);
    if (binding) this.sharedOwners.add(binding);
  }

  /** `vm.entry` read in a nested function while `vm` (a shared owner, see sharedOwners) holds no PHI there yet. */
  protected override noteSharedFieldRead(node: TSESTree.MemberExpression, owner: TSESTree.Identifier, name: string, object: AbstractValue): void {
    if (this.silent > 0 || this.walkingClosuresAgain > 0 || this.closureReads.length > 200) return;
    const binding = this.scope.lookup(owner.name);
    if (!binding || !this.sharedOwners.has(binding) || this.scope.functionScope().vars.get(owner.name) === binding) return;
    if (hasPhi(this.readProperty(object, name, node, node))) return;
    this.closureReads.push({ binding, name, stack: this.functionNodes.slice() });
  }

  /**
   * The end of a function whose nested functions share an owner object: each nested function that read one of its fields
   * before another set PHI there is walked again, where it was walked, with the owner as the function leaves it.
   */
  private walkClosuresAgain(fn: FunctionNode): void {
    if (this.closureReads.length === 0) return;
    const again = new Set<Node>();
    for (let i = this.closureReads.length - 1; i >= 0; i--) {
      const read = this.closureReads[i];
      const at = read.stack.indexOf(fn);
      const nested = at >= 0 ? read.stack[at + 1] : undefined;
      if (!nested || [...this.scope.vars.values()].every((binding) => binding !== read.binding)) continue;
      this.closureReads.splice(i, 1);
      const field = read.binding.value.fields?.get(read.name) ?? (read.binding.value.fields ? undefined : read.binding.value);
      if (field && hasPhi(field) && hasProvenance(field)) again.add(nested);
    }
    const nestedFunctions = [...again].filter((nested): nested is FunctionNode => asFunction(nested) !== undefined).sort((a, b) => a.range[0] - b.range[0]);
    if (nestedFunctions.length === 0) return;
    this.walkingClosuresAgain++;
    try {
      for (const nested of nestedFunctions) {
        const saved = this.scope;
        this.scope = this.walkedIn.get(nested) ?? saved;
        this.version++;
        try {
          this.walkFunctionBody(nested, this.callbackParams.get(nested) ?? []);
        } finally {
          this.scope = saved;
          this.version++;
        }
      }
    } finally {
      this.walkingClosuresAgain--;
    }
  }

  /**
   * A callback passed by name (`onLoaded`, `this.handleResponse`, `this.onPatient.bind(this)`) instead of written inline: the
   * function of this file it names is walked with the values an inline callback would have been handed, rules on, as a
   * local helper called with them is (see followLocalCall). Values only a name guessed are not handed over.
   */
  private followNamedCallback(reference: Node, values: AbstractValue[]): void {
    if (!values.some((value) => hasPhi(value) && isResponseValue(value))) return;
    let target: Node = reference;
    if (target.type === 'CallExpression' && target.callee.type === 'MemberExpression' && propertyName(target.callee) === 'bind') target = target.callee.object;
    if (target.type !== 'Identifier' && !(target.type === 'MemberExpression' && target.object.type === 'ThisExpression' && !target.computed)) return;
    this.followFunctionReference(target, values);
  }

  /** Calls that change a variable: `payload.push(ssn)`, `Object.assign(payload, patient)`. */
  private noteCallEffects(node: TSESTree.CallExpression): void {
    if (node.callee.type !== 'MemberExpression') return;
    const stored = storedDocument(node, this as unknown as ProvenanceHost);
    if (stored) this.addToRootVariable(stored.argument, stored.value);
    const method = propertyName(node.callee);
    if (method && mutatingMethods.has(method) && node.arguments.length) {
      const added = joinAll(node.arguments.map((argument) => this.valueOf(argument)));
      if (hasPhi(added)) this.addToRootVariable(node.callee.object, taintOnly(added));
      this.noteCollectedMeasurements(node.callee.object, added);
    } else if (method && sheetFillingMethods.has(method) && node.arguments.length > 1) {
      // `utils.book_append_sheet(workbook, sheet)`: the workbook now holds the sheet's rows.
      const added = this.valueOf(node.arguments[1]);
      if (hasPhi(added)) this.addToRootVariable(node.arguments[0], taintOnly(added));
    } else if (method === 'assign' && dottedName(node.callee.object) === 'Object' && node.arguments.length > 1) {
      const added = joinAll(node.arguments.slice(1).map((argument) => this.valueOf(argument)));
      if (hasPhi(added)) this.addToRootVariable(node.arguments[0], taintOnly(added));
    }
  }

  /** `data.post_records.push(reading)`, `data.post_records = readings`: the property holds measurement records file-wide. */
  private noteCollectedMeasurements(target: Node, added: AbstractValue): void {
    if (target.type !== 'MemberExpression' || target.computed || !isMeasurementValue(added)) return;
    const property = propertyName(target);
    if (!property) return;
    this.collectedMeasurements.set(property, join(this.collectedMeasurements.get(property) ?? EMPTY, taintOnly(added)));
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

  /**
   * `enum ApiRoutes { PatientSearch = '/api/patients?search=' }`: a table of constants, read as `ApiRoutes.PatientSearch`
   * like the fields of a constant object (string and number members with a literal value).
   */
  private declareEnum(node: TSESTree.TSEnumDeclaration): void {
    const fields = new Map<string, AbstractValue>();
    for (const member of node.body.members) {
      const key = member.id.type === 'Identifier' ? member.id.name : typeof member.id.value === 'string' ? member.id.value : undefined;
      const initializer = member.initializer;
      if (key === undefined || initializer?.type !== 'Literal') continue;
      if (typeof initializer.value === 'string') fields.set(key, { ...EMPTY, stringPrefix: initializer.value, stringNode: initializer, constant: initializer.value });
      else if (typeof initializer.value === 'number') fields.set(key, { ...EMPTY, constant: initializer.value });
    }
    this.declare(node.id.name, { ...EMPTY, fields }, 'let');
  }

  /**
   * The variable a `switch` tests, and the constant it equals inside one of its cases: a case with a constant test
   * whose previous case (if any) does not fall through into it (it has statements of its own).
   */
  private caseNarrowing(node: TSESTree.SwitchCase): { name: string; value: AbstractValue } | undefined {
    const statement = (node as { parent?: Node }).parent;
    if (!node.test || statement?.type !== 'SwitchStatement' || statement.discriminant.type !== 'Identifier') return undefined;
    const at = statement.cases.indexOf(node);
    if (at > 0 && statement.cases[at - 1].consequent.length === 0) return undefined;
    const name = statement.discriminant.name;
    const binding = this.scope.lookup(name);
    const constant = this.valueOf(node.test).constant;
    if (!binding || typeof constant !== 'string') return undefined;
    return { name, value: { ...binding.value, constant, stringPrefix: constant, stringNode: undefined } };
  }

  private declare(name: string, value: AbstractValue, kind: string): void {
    const scope = kind === 'var' ? this.scope.functionScope() : this.scope;
    scope.vars.set(name, { value, depth: this.conditionalDepth });
    this.version++;
  }

  /**
   * `const { primaryRecord: metadata } = readSheet(…)`: when nothing but the key's name says the field holds PHI,
   * the name the code gives it (a metadata or code-structure name) is the better guess.
   */
  private renamedFieldValue(value: AbstractValue, key: string, property: TSESTree.Property): AbstractValue {
    const fieldValue = this.readProperty(value, key, property.key, undefined);
    if (!hasPhi(fieldValue) || hasPhi(value) || value.fields?.has(key) || value.typeName) return fieldValue;
    const local = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
    if (local.type !== 'Identifier' || local.name === key || !this.options.classifier.classify(local.name).trap) return fieldValue;
    return EMPTY;
  }

  /**
   * `({ patient, children }: AssociationsProps)`: the declared type of a destructured parameter says what each field
   * holds (`patient: number` is a reference), as it does for `props: AssociationsProps`.
   */
  private destructuredShape(pattern: TSESTree.ObjectPattern, value: AbstractValue): AbstractValue {
    const annotation = typeNameOfAnnotation(pattern.typeAnnotation?.typeAnnotation);
    if (!annotation.name) return value;
    const declared = this.typedValue(annotation.name, pattern, annotation.namespace);
    // `({ visitNext }: Props)` with `visitNext?: TelehealthVisit`: a function's destructured parameter that nothing in
    // the file passes a value to holds what its declared type says, field by field, as `props.visitNext` of `props: Props` does.
    const parent = (pattern as { parent?: Node }).parent;
    if (hasPhi(declared) && !hasPhi(value) && !value.fields && parent && FUNCTION_TYPES.has(parent.type) && (parent as TSESTree.FunctionLike).params.includes(pattern)) return { ...declared, tags: value.tags };
    return this.declaredShapeKept(value, declared);
  }

  private bindPattern(pattern: Node, value: AbstractValue, kind: string, init?: Node): void {
    switch (pattern.type) {
      case 'Identifier':
        this.declare(pattern.name, this.valueForName(pattern, value, init), kind);
        break;
      case 'ObjectPattern':
        {
          const given = value;
          value = this.destructuredShape(pattern, value);
          // Only fields declared as a record type take the declared value; a scalar (`email: string` of a sign-in's
          // parameters) is judged by its name and context as before.
          const declaredRecords = hasPhi(value) && !hasPhi(given) && value.typeName ? this.options.index?.resolve(value.typeName, this.options.classifier, this.options.file) : undefined;
          for (const property of pattern.properties) {
            if (property.type === 'RestElement') this.bindPattern(property.argument, value, kind);
            else {
              const key = property.computed ? undefined : keyName(property.key);
              const declaredField = key && declaredRecords ? declaredRecords.fields.get(key) : undefined;
              const source = declaredRecords && !(declaredField?.typeName && !declaredField.primitive) ? this.declaredShapeKept(given, undefined) : value;
              const fieldValue = key ? this.renamedFieldValue(source, key, property) : taintOnly(source);
              this.bindPattern(property.value, fieldValue, kind, property.key);
            }
          }
        }
        break;
      case 'ArrayPattern':
        pattern.elements.forEach((element, index) => {
          // A hook's state (`const [visits] = useState<Visit[]>([])`) is bound knowing the call it came from (see valueForName).
          if (element) this.bindPattern(element, this.arrayPatternElement(pattern, index, value, init), kind, index === 0 && isHookCall(init) ? init : undefined);
        });
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

  /**
   * What one name of `const [a, b] = value` receives. A known tuple gives each its own element
   * (`return [requests, order]`, an entry's `[key, value]`). A function's result of unknown shape
   * (`const [requests, order] = build(patient)`) is a tuple too, but which element carries the
   * arguments' PHI is unknown: only names that say they hold PHI (`[patient, visits]`) take it.
   * Lists, hooks' `[state, setter]` and one-name patterns (`const [first] = rows`) keep the element.
   */
  private arrayPatternElement(pattern: TSESTree.ArrayPattern, index: number, value: AbstractValue, init: Node | undefined): AbstractValue {
    const element = pattern.elements[index];
    if (!element || element.type === 'RestElement') return this.elementOf(value);
    // `const [state, setState] = useState([a, b])`: a hook's pair is not the tuple it was given.
    if (isHookCall(init)) return this.elementOf(value);
    if (value.tuple) return value.tuple[index] ?? EMPTY;
    if (pattern.elements.length < 2 || !hasPhi(value) || !isPlainFunctionCall(init)) return this.elementOf(value);
    const target = element.type === 'AssignmentPattern' ? element.left : element;
    if (target.type !== 'Identifier') return this.elementOf(value);
    const byName = this.options.classifier.classify(target.name);
    return byName.kinds.length > 0 || byName.personContext ? this.elementOf(value) : EMPTY;
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
      // Whatever is written into an object named for tests (`intakeTests.phone = …`) is test configuration.
      if (belongsToTestData(target)) return;
      // `this.orders = orders` in a subscriber: the field holds the response for the rest of this function.
      const field = target.object.type === 'ThisExpression' && !target.computed ? propertyName(target) : undefined;
      if (target.object.type === 'ThisExpression') this.noteInstanceFieldWrite(target, value, init);
      if (field === 'state' && init?.type === 'ObjectExpression') this.noteComponentStateObject(target, init, value);
      // …and so does what a value of a declared type holds (`this.sysImage = webcamImage.imageAsDataUrl` of
      // `webcamImage: WebcamImage`): its type says what it is, not the field's name or initialiser.
      if (field && (isResponseValue(value) || (hasPhi(value) && this.readsTypedValue(init)))) {
        this.scope.vars.set(`${THIS_FIELD}${field}`, { value, depth: this.conditionalDepth });
        this.version++;
      } else if (field && init && this.conditionalDepth === (this.functionBodyDepths.at(-1) ?? 0) && isConstantChoice(init)) {
        // `this.visitTime = cleared ? '' : '04:00'` (a setting's constant): the field holds that constant for the
        // rest of this function, whatever its name says. Only an unconditional write: a branch's may not have run.
        this.scope.vars.set(`${THIS_FIELD}${field}`, { value: EMPTY, depth: 0 });
        this.version++;
      }
      this.addToRootVariable(target.object, this.fieldAssignmentValue(target, value, init));
    } else if (target.type === 'ObjectPattern' || target.type === 'ArrayPattern') {
      this.bindDestructuringAssignment(target, value);
    }
  }

  /** `webcamImage` or `webcamImage.imageAsDataUrl` where `webcamImage` holds a value of a type the index knows. */
  private readsTypedValue(init: Node | undefined): boolean {
    let root: Node | undefined = init?.type === 'ChainExpression' ? (init.expression as unknown as Node) : init;
    while (root?.type === 'MemberExpression' && !root.computed) root = root.object;
    if (root?.type !== 'Identifier') return false;
    const typeName = this.scope.lookup(root.name)?.value.typeName;
    return typeName !== undefined && this.options.index?.resolve(typeName, this.options.classifier, this.options.file) !== undefined;
  }

  private bindDestructuringAssignment(pattern: TSESTree.ObjectPattern | TSESTree.ArrayPattern, value: AbstractValue): void {
    if (pattern.type === 'ArrayPattern') {
      pattern.elements.forEach((element, index) => {
        if (element) this.assignPattern(element, this.arrayPatternElement(pattern, index, value, undefined));
      });
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
}

function calledIn(init: Node | undefined): TSESTree.CallExpression | undefined {
  const call = init?.type === 'AwaitExpression' ? init.argument : init;
  return call?.type === 'CallExpression' ? call : undefined;
}

/** `useState(…)`, `React.useReducer(…)`: a React hook, whose result is its own pair, not its argument. */
function isHookCall(init: Node | undefined): boolean {
  const call = calledIn(init);
  const name = call ? (call.callee.type === 'Identifier' ? call.callee.name : call.callee.type === 'MemberExpression' ? propertyName(call.callee) : undefined) : undefined;
  return !!name && /^use[A-Z0-9]/.test(name);
}

/** `build(patient)`, `await build(patient)`: a call of a plain function (not a method, not a hook such as `useState`). */
function isPlainFunctionCall(init: Node | undefined): boolean {
  const call = calledIn(init);
  return call?.callee.type === 'Identifier' && !isHookCall(init);
}

/** A literal, or a choice between literals (`on ? '' : '04:44'`, `value || 'none'` of literals): a constant the code wrote. */
function isConstantChoice(node: Node): boolean {
  if (isLiteralLike(node)) return true;
  if (node.type === 'ConditionalExpression') return isConstantChoice(node.consequent) && isConstantChoice(node.alternate);
  return false;
}

/**
 * `this.masterdataService.nurseMasterData$`, `catalogService.getDrugs()`, `masterService.getSnomedCTRecord(term)`: the
 * stream, the service or the read is named for reference data (see REFERENCE_DATA_WORDS), so what it emits is.
 */
function readsReferenceData(observed: Node): boolean {
  let current: Node = observed;
  while (current.type === 'CallExpression' || current.type === 'ChainExpression' || current.type === 'TSNonNullExpression') {
    current = current.type === 'CallExpression' ? current.callee : current.expression;
  }
  if (current.type === 'Identifier') return namesReferenceData(current.name);
  if (current.type !== 'MemberExpression') return false;
  const name = propertyName(current);
  if (name !== undefined && namesReferenceData(name.replace(/\$$/, ''))) return true;
  // the service the stream or the read belongs to
  const owner = lastSegment(current.object);
  return owner !== undefined && namesReferenceData(owner);
}

