// Function summaries of the taint analysis: what a function of this file returns for given arguments,
// PHI arguments followed into helpers of the same file, calls to imported functions recorded for the
// cross-file pass, and exported functions probed for which parameters reach which sinks.
import { isDevelopmentOnly } from './development-only';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ForwardedCall } from '../core/types';
import { dottedName, keyName, propertyName } from '../rule-api/ast';
import { ValueEvaluator } from './evaluator';
import { asFunction, exportedFunctions, findClassMethod, TRANSPARENT_TYPES, typeNameOfAnnotation, type FunctionNode } from './syntax';
import { PARAMETER_PROBE, parseProbeKind, probeKind } from './probe-kinds';
import { EMPTY, fromKinds, hasPhi, hasTag, join, taintAndElements, taintOnly, withTag, type AbstractValue } from './values';

type Node = TSESTree.Node;

/** A call to an imported function with PHI in some arguments (joined with the callee's summary later). */
export interface ImportedCall {
  /** Module specifier as written (`./clientStorage`). */
  module: string;
  /** Export the call reaches: `saveToStorage`, `default`, or `default.save` / `save` for `api.save()`. */
  exportName: string;
  callee: string;
  range: [number, number];
  /** Argument index → the PHI it carries, where the argument is, and its fields known to hold no PHI. */
  arguments: Array<{ index: number; taint: AbstractValue; range: [number, number]; clearFields?: string[] }>;
  /** The call is in code that runs only in development. */
  developmentOnly?: boolean;
}

/**
 * A parameter of the export being probed passed on to an imported function (one link of a cross-file chain):
 * the report's `ForwardedCall` while its place is still the argument's offsets, not a related location.
 */
export type ForwardedImportCall = Omit<ForwardedCall, 'location' | 'confidence'> & {
  /** The argument that carries the parameter. */
  range: [number, number];
  confidence: 'high' | 'medium';
};

export { PARAMETER_PROBE, parseProbeKind, probeKind, type ProbePath } from './probe-kinds';

/** Marks a client's whole payload in summary keys: the same helper returns or logs it only when handed one. */
function payloadMark(value: AbstractValue): string {
  return hasTag(value, 'request-body') ? '/body' : '';
}

/** `flag = false`: a parameter that is off unless its caller passes it. */
function isOptInFlag(param: TSESTree.Parameter): boolean {
  return param.type === 'AssignmentPattern' && param.right.type === 'Literal' && param.right.value === false;
}

/**
 * `function assertNever(value: never)`: an exhaustiveness check. A parameter typed `never` is handed a value only
 * on a branch the type checker has proved unreachable, so nothing a caller passes there reaches its sinks.
 */
function receivesNoValue(param: TSESTree.Parameter | undefined): boolean {
  return param?.type === 'Identifier' && param.typeAnnotation?.typeAnnotation.type === 'TSNeverKeyword';
}

/** A helper named for reading (`getPatient`, `fetchVisits`, `loadRecord`, `findById`, `searchPatients`, `listOrders`). */
const READ_HELPER_NAME = /^(?:get|fetch|load|find|search|read|query|list|retrieve|request|lookup)(?:[A-Z_$\d]|$)/;

/** How many local calls deep a PHI argument is followed into helpers of the same file. */
const MAX_FOLLOW_DEPTH = 3;

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** The class a node is written in (`this` there is an instance of it). */
function enclosingClass(node: Node): ClassNode | undefined {
  for (let current = (node as { parent?: Node }).parent; current; current = (current as { parent?: Node }).parent) {
    if (current.type === 'ClassDeclaration' || current.type === 'ClassExpression') return current;
  }
  return undefined;
}

/** Whether `this` at this node is the class itself: inside a static method or field (`static gen() { this.link(…) }`). */
function inStaticMember(node: Node): boolean {
  for (let current = (node as { parent?: Node }).parent; current; current = (current as { parent?: Node }).parent) {
    if (current.type === 'FunctionExpression' || current.type === 'FunctionDeclaration') {
      const owner = (current as { parent?: Node }).parent;
      return owner?.type === 'MethodDefinition' && owner.static;
    }
    if (current.type === 'PropertyDefinition') return current.static;
    if (current.type === 'ClassBody') return false;
  }
  return false;
}

/**
 * PHI the code proves rather than guesses from a name: a response of a patient route (or what a service is known to
 * return), or a value of a declared type that holds PHI (`p: Patient`).
 */
export function hasProvenance(value: AbstractValue): boolean {
  return value.origins.some((origin) => origin.response === true) || (value.typeName !== undefined && /^[A-Z]/.test(value.typeName) && hasPhi(value));
}

/**
 * Names under which a screen is handed one person's record (`this.props.contact`, `route.params.case`,
 * `navigation.getParam('patient')`): case management's case and contact are people, as are a patient and a person.
 */
const PERSON_PARAM_NAMES = new Set(['patient', 'person', 'case', 'contact', 'beneficiary']);

/**
 * A person's record a component is handed (a prop, a navigation parameter) under a person-bearing name, or a copy of it
 * (`Object.assign({}, this.props.contact)`, `{ ...params.case }`, `cloneDeep(…)`, either branch of a choice).
 */
export function personParamValue(node: Node, depth = 0): { node: Node; name: string } | undefined {
  if (depth > 4) return undefined;
  switch (node.type) {
    case 'ChainExpression':
    case 'TSAsExpression':
    case 'TSNonNullExpression':
      return personParamValue(node.expression, depth + 1);
    case 'ConditionalExpression':
      return personParamValue(node.consequent, depth + 1) ?? personParamValue(node.alternate, depth + 1);
    case 'LogicalExpression':
      return personParamValue(node.left, depth + 1) ?? personParamValue(node.right, depth + 1);
    case 'ObjectExpression': {
      for (const property of node.properties) {
        const found = property.type === 'SpreadElement' ? personParamValue(property.argument, depth + 1) : undefined;
        if (found) return found;
      }
      return undefined;
    }
    case 'CallExpression': {
      const callee = dottedName(node.callee) ?? '';
      const first = node.arguments[0];
      // `navigation.getParam('case')`, `route.params.get('contact')`.
      if (/(?:^|\.)(?:getParam|getParams)$/.test(callee) && first?.type === 'Literal' && typeof first.value === 'string') {
        return PERSON_PARAM_NAMES.has(first.value) ? { node, name: first.value } : undefined;
      }
      // `Object.assign({}, this.props.contact)`, `_.cloneDeep(this.props.case)`, `cloneDeep(…)`.
      if (/(?:^|\.)(?:assign|cloneDeep|clone|merge)$/.test(callee)) {
        for (const argument of node.arguments) {
          const found = argument.type === 'SpreadElement' ? undefined : personParamValue(argument, depth + 1);
          if (found) return found;
        }
      }
      return undefined;
    }
    case 'MemberExpression': {
      const name = propertyName(node);
      if (!name || !PERSON_PARAM_NAMES.has(name)) return undefined;
      const path = dottedName(node.object) ?? '';
      // Only what the component is handed: its props, or the parameters of the route that opened the screen.
      if (!/^(?:this\.)?props$|(?:^|\.)(?:props|params)$/.test(path)) return undefined;
      return { node, name };
    }
    default:
      return undefined;
  }
}

/** `this.props.item`, `route.params.record`, or a copy of one: a record a component is handed under a generic name. */
function genericRecordParam(node: Node): TSESTree.MemberExpression | undefined {
  if (node.type === 'ChainExpression') return genericRecordParam(node.expression);
  if (node.type === 'LogicalExpression') return genericRecordParam(node.left) ?? genericRecordParam(node.right);
  if (node.type === 'ConditionalExpression') return genericRecordParam(node.consequent) ?? genericRecordParam(node.alternate);
  if (node.type === 'CallExpression' && /(?:^|\.)(?:assign|cloneDeep|clone)$/.test(dottedName(node.callee) ?? '')) {
    for (const argument of node.arguments) {
      const found = argument.type === 'SpreadElement' ? undefined : genericRecordParam(argument);
      if (found) return found;
    }
    return undefined;
  }
  if (node.type !== 'MemberExpression' || node.computed || !['item', 'record', 'entry'].includes(propertyName(node) ?? '')) return undefined;
  return /^(?:this\.)?props$|(?:^|\.)(?:props|params)$/.test(dottedName(node.object) ?? '') ? node : undefined;
}

/** The member of a class (method, accessor, field initialiser) a node is written in. */
function memberOfClass(node: Node, owner: ClassNode): Node | undefined {
  let previous: Node | undefined;
  for (let current: Node | undefined = node; current; current = (current as { parent?: Node }).parent) {
    if (current === owner.body) return previous;
    previous = current;
  }
  return undefined;
}

/** `inject(PatientLogger)`, `new PatientLogger()`: the class an initialiser makes an instance of. */
function instantiatedClass(init: Node | null | undefined): string | undefined {
  if (init?.type === 'NewExpression' && init.callee.type === 'Identifier') return init.callee.name;
  if (init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'inject' && init.arguments[0]?.type === 'Identifier') return init.arguments[0].name;
  return undefined;
}

const fieldTypesByClass = new WeakMap<ClassNode, Map<string, string>>();
/** Per class: its instance fields only ever holding the literal text they are initialised with. */
const literalFieldsByClass = new WeakMap<ClassNode, Map<string, AbstractValue>>();

/**
 * The class each field of a class holds, from what the code declares: `private logger: PatientLogger`,
 * `constructor(private readonly logger: PatientLogger)` (injection), `logger = new PatientLogger()`,
 * `logger = inject(PatientLogger)`, `this.logger = new PatientLogger()` in the constructor.
 */
function classFieldTypes(node: ClassNode): Map<string, string> {
  let types = fieldTypesByClass.get(node);
  if (types) return types;
  types = new Map<string, string>();
  for (const member of node.body.body) {
    if (member.type === 'PropertyDefinition' && !member.computed && !member.static) {
      const name = keyName(member.key);
      // `logger: pino.Logger`: a type qualified by a namespace is that library's, not this file's class of the same
      // simple name (a wrapper class `Logger` holding a `pino.Logger` does not call itself through `this.logger.info`).
      const annotated = typeNameOfAnnotation(member.typeAnnotation?.typeAnnotation);
      const typeName = annotated.name && annotated.namespace ? `${annotated.namespace}.${annotated.name}` : (annotated.name ?? instantiatedClass(member.value));
      if (name && typeName) types.set(name, typeName);
    } else if (member.type === 'MethodDefinition' && member.kind === 'constructor') {
      for (const param of member.value.params) {
        if (param.type !== 'TSParameterProperty') continue;
        const bound = param.parameter.type === 'AssignmentPattern' ? param.parameter.left : param.parameter;
        const typeName = bound.type === 'Identifier' ? typeNameOfAnnotation(bound.typeAnnotation?.typeAnnotation).name : undefined;
        if (bound.type === 'Identifier' && typeName) types.set(bound.name, typeName);
      }
      for (const statement of member.value.body?.body ?? []) {
        if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression') continue;
        const { left, right } = statement.expression;
        const typeName = instantiatedClass(right);
        if (left.type === 'MemberExpression' && left.object.type === 'ThisExpression' && !left.computed && typeName) types.set(propertyName(left)!, typeName);
      }
    }
  }
  fieldTypesByClass.set(node, types);
  return types;
}

export abstract class FunctionSummaries extends ValueEvaluator {
  /** Return values of the functions being walked (innermost last). */
  protected readonly returnFrames: AbstractValue[] = [];
  /** Summaries of functions for given argument kinds: what they return. */
  protected readonly summaries = new Map<string, AbstractValue>();
  protected readonly summarising = new Set<Node>();
  /** Local functions being walked again for a call with PHI arguments, and the calls already followed. */
  protected readonly following = new Set<Node>();
  protected readonly followed = new Set<string>();
  /** While > 0 the walk only computes values (a function summary): rules' visitors do not run. */
  protected silent = 0;
  /** The export being probed (its parameters carry probe kinds); rules' reports are then summaries. */
  probing: string | undefined;
  readonly importedCalls: ImportedCall[] = [];
  /** While probing: parameters passed on to imported functions (links of chains across files). */
  readonly forwardedCalls: ForwardedImportCall[] = [];
  private readonly forwardedKeys = new Set<string>();
  /** Classes declared in this file, by name: their methods are followed like local functions. */
  protected readonly localClasses = new Map<string, ClassNode>();
  /** Top-level `const api = { save(p) {…} }` of this file: its methods are followed like local functions. */
  private readonly localObjects = new Map<string, TSESTree.ObjectExpression>();

  protected declaresClass(name: string): boolean {
    return this.localClasses.has(name);
  }

  protected collectLocalClasses(program: TSESTree.Program): void {
    for (const statement of program.body) {
      const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
      if (declaration?.type === 'ClassDeclaration' && declaration.id) this.localClasses.set(declaration.id.name, declaration);
      if (declaration?.type === 'VariableDeclaration' && declaration.kind === 'const') {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === 'Identifier' && declarator.init?.type === 'ObjectExpression') this.localObjects.set(declarator.id.name, declarator.init);
        }
      }
    }
  }

  /** `api.save` where `const api = { save(p) {…} }` at the top of this file (and `api` is not shadowed). */
  private localObjectMethod(receiver: TSESTree.Identifier, method: string): FunctionNode | undefined {
    const object = this.localObjects.get(receiver.name);
    if (!object || this.scope.lookup(receiver.name) !== this.programScope().vars.get(receiver.name)) return undefined;
    for (const property of object.properties) {
      if (property.type === 'Property' && !property.computed && keyName(property.key) === method) return asFunction(property.value);
    }
    return undefined;
  }

  private programScope() {
    let scope = this.scope;
    while (scope.parent) scope = scope.parent;
    return scope;
  }

  protected noteReturn(argument: Node): void {
    const last = this.returnFrames.length - 1;
    // What is known of a returned tuple's elements is kept (`return [requests, order]`), not the rest of its shape.
    if (last < 0) return;
    const value = this.valueOf(argument);
    // A helper that hands back a client's whole payload (`return request.payload`, `return JSON.parse(req.body)`)
    // returns the request body: its callers' log lines are checked like `req.body` itself.
    const returned = taintAndElements(value);
    this.returnFrames[last] = join(this.returnFrames[last], hasTag(value, 'request-body') ? withTag(returned, 'request-body') : returned);
  }

  /**
   * What a function returns when called with these arguments, found by walking its body silently
   * (rules' visitors do not run). Cached per function and argument kinds; recursion returns nothing.
   */
  protected summarize(node: Node, argumentValues: readonly AbstractValue[]): AbstractValue {
    const fn = asFunction(node);
    if (!fn) return EMPTY;
    const key = `${fn.range[0]}:${argumentValues.map((value) => `${value.kinds.join('+')}/${value.typeName ?? ''}${payloadMark(value)}`).join(',')}`;
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

  /** `saveToStorage(KEY, patient)` with `saveToStorage` imported: kept for the cross-file pass. */
  protected noteImportedCall(node: TSESTree.CallExpression): void {
    if (this.silent > 0 || node.arguments.length === 0) return;
    const target = this.importedTarget(node.callee);
    if (!target) return;
    if (this.probing !== undefined) {
      this.noteForwardedCall(node, target);
      return;
    }
    const withPhi = node.arguments
      .map((argument, index) => {
        const value = this.valueOf(argument);
        const clearFields = value.fields ? [...value.fields].filter(([, field]) => !hasPhi(field)).map(([name]) => name) : [];
        return { index, taint: taintOnly(value), range: [argument.range[0], argument.range[1]] as [number, number], ...(clearFields.length ? { clearFields } : {}) };
      })
      .filter((entry) => hasPhi(entry.taint) && !entry.taint.kinds.some((kind) => kind.startsWith(PARAMETER_PROBE)));
    if (withPhi.length) this.importedCalls.push({ ...target, range: [node.range[0], node.range[1]], arguments: withPhi, ...(isDevelopmentOnly(node) ? { developmentOnly: true } : {}) });
  }

  /** `record(v)` inside the export being probed, `v` its parameter and `record` imported: a link of a chain. */
  private noteForwardedCall(node: TSESTree.CallExpression, target: Omit<ImportedCall, 'range' | 'arguments'>): void {
    node.arguments.forEach((argument, index) => {
      const value = this.valueOf(argument);
      for (const kind of value.kinds) {
        const probe = parseProbeKind(kind);
        if (!probe) continue;
        const forwarded: ForwardedImportCall = {
          exportName: this.probing!,
          parameter: probe.parameter,
          ...(probe.rest ? { rest: true } : {}),
          ...(probe.path !== undefined ? { path: probe.path } : {}),
          module: target.module,
          calleeExport: target.exportName,
          callee: target.callee,
          argument: index,
          range: [argument.range[0], argument.range[1]],
          confidence: value.confidence,
        };
        const key = `${forwarded.exportName}:${kind}:${forwarded.module}:${forwarded.calleeExport}:${index}:${forwarded.range[0]}`;
        if (this.forwardedKeys.has(key)) continue;
        this.forwardedKeys.add(key);
        this.forwardedCalls.push(forwarded);
      }
    });
  }

  /**
   * Names bound to what an imported factory or hook returns (`const send = usePageViewEvent()`): calling them runs the
   * function the export makes, summarised as `usePageViewEvent()` (see exportedFunctions).
   */
  protected readonly madeByImports = new Map<string, { module: string; exportName: string; callee: string }>();

  /** `const send = useTracker()` with `useTracker` imported: remember what `send` is; any other binding of the name forgets it. */
  protected noteMadeByImport(declarator: TSESTree.VariableDeclarator): void {
    if (declarator.id.type !== 'Identifier') return;
    const name = declarator.id.name;
    this.madeByImports.delete(name);
    let init = declarator.init as Node | null | undefined;
    if (init?.type === 'AwaitExpression') init = init.argument as Node;
    if (init?.type !== 'CallExpression' || init.callee.type !== 'Identifier') return;
    const imported = this.imports.get(init.callee.name);
    if (!imported || imported.imported === '*' || this.scope.lookup(init.callee.name)?.value.functionNode) return;
    this.madeByImports.set(name, { module: imported.module, exportName: `${imported.imported}()`, callee: name });
  }

  protected importedTarget(callee: Node): Omit<ImportedCall, 'range' | 'arguments'> | undefined {
    if (callee.type === 'Identifier') {
      const made = this.madeByImports.get(callee.name);
      // A local function of the same name (declared in another scope) shadows what the hook made.
      if (made && !this.imports.has(callee.name) && !this.scope.lookup(callee.name)?.value.functionNode) return made;
      const imported = this.imports.get(callee.name);
      // A local function of the same name shadows the import (`require` bindings are plain values).
      if (!imported || this.scope.lookup(callee.name)?.value.functionNode) return undefined;
      return { module: imported.module, exportName: imported.imported, callee: callee.name };
    }
    if (callee.type !== 'MemberExpression') return undefined;
    const method = propertyName(callee);
    if (!method) return undefined;
    if (callee.object.type === 'Identifier' && this.imports.has(callee.object.name)) {
      const imported = this.imports.get(callee.object.name)!;
      if (this.scope.lookup(callee.object.name)?.value.functionNode) return undefined;
      const exportName = imported.imported === '*' ? method : `${imported.imported}.${method}`;
      return { module: imported.module, exportName, callee: `${callee.object.name}.${method}` };
    }
    // `new PatientLogger().log(p)`, `logger.log(p)` with `logger: PatientLogger`, `this.logger.log(p)`
    // with the field injected as a PatientLogger: an instance method of an imported class.
    const className = this.receiverClass(callee.object);
    const imported = className ? this.imports.get(className) : undefined;
    if (!imported || imported.imported === '*') return undefined;
    return { module: imported.module, exportName: `${imported.imported}#${method}`, callee: `${dottedName(callee.object) ?? className}.${method}` };
  }

  /**
   * `private pacienteUrl = '/core/mpi/pacientes'` (or a template without placeholders), an instance field that no code of
   * the class assigns again (`this.pacienteUrl = …`, `+=`): `this.pacienteUrl` is that text, a path or a label, whatever
   * its name guesses.
   */
  protected override literalFieldOfThis(node: TSESTree.MemberExpression, name: string): AbstractValue | undefined {
    const owner = this.classOfThis(node);
    if (!owner) return undefined;
    let fields = literalFieldsByClass.get(owner);
    if (!fields) {
      fields = new Map();
      const classText = this.options.text.slice(owner.range[0], owner.range[1]);
      for (const member of owner.body.body) {
        if (member.type !== 'PropertyDefinition' || member.static || member.computed || !member.value) continue;
        const field = keyName(member.key);
        const value = member.value;
        const text = value.type === 'Literal' && typeof value.value === 'string' ? value.value
          : value.type === 'TemplateLiteral' && value.expressions.length === 0 ? value.quasis[0]?.value.cooked ?? undefined : undefined;
        // A public field is also a template's two-way binding or another object's to set (`searchText = ''` bound
        // to a search box): only one the class keeps to itself (private, protected, readonly, `#x`), or whose text is a
        // path, holds its initial text for good; an empty string is a form's starting value, never a constant.
        const kept = member.accessibility === 'private' || member.accessibility === 'protected' || member.readonly || member.key.type === 'PrivateIdentifier';
        if (!field || !text || (!kept && !text.includes('/'))) continue;
        const escaped = field.replace(/\$/g, '\\$');
        if (new RegExp(String.raw`\bthis\s*\.\s*${escaped}\s*(?:[-+*/|&?]{0,3}=(?!=)|\+\+|--)|\[\s*['"]${escaped}['"]\s*\]\s*=(?!=)`).test(classText)) continue;
        fields.set(field, { ...EMPTY, stringPrefix: text, stringNode: value, constant: text });
      }
      literalFieldsByClass.set(owner, fields);
    }
    return fields.get(name);
  }

  /** Per class: what its methods assigned to each field of `this` (PHI only), joined over every assignment walked so far. */
  private readonly assignedFields = new Map<ClassNode, Map<string, AbstractValue>>();
  /** Per class: the members (methods, field initialisers) that read a field of `this` before any PHI was assigned to it. */
  protected readonly readBeforeAssigned = new Map<ClassNode, Map<Node, Set<string>>>();
  /** The class members (methods, field initialisers) being walked, innermost last. */
  protected readonly memberStack: Node[] = [];
  /** Per class: its fields' declared types that hold PHI (`@Input() patient: Patient`, `lastProps?: SingleSpaProps`). */
  private readonly declaredFields = new Map<ClassNode, Map<string, AbstractValue>>();

  /**
   * `this.current = response.data` in one method: the class's field summary keeps it, so another method reading
   * `this.current` (to log, store or send it) sees what was assigned, wherever the class assigns it. A parameter a probe
   * stands for is not a value (`probeExports`).
   */
  protected noteInstanceFieldWrite(target: TSESTree.MemberExpression, value: AbstractValue, init?: Node): void {
    // `this.filters = new ReportModel()`: a fresh instance holds no one's data, whatever its type could hold.
    if (init?.type === 'NewExpression' || init?.type === 'ObjectExpression' && !hasProvenance(value)) return;
    if (this.probing !== undefined || target.computed || target.object.type !== 'ThisExpression' || !hasPhi(value)) return;
    // Only a value whose PHI the code proves (a response of a patient route, a declared type), not a name's guess
    // (`this.params = { phoneFollowUpStartDate }` is a report's filters).
    if (!hasProvenance(value)) return;
    if (value.kinds.some((kind) => parseProbeKind(kind) !== undefined)) return;
    const name = propertyName(target);
    const owner = name ? this.classOfThis(target) : undefined;
    if (!owner || !name || inStaticMember(target)) return;
    let fields = this.assignedFields.get(owner);
    if (!fields) this.assignedFields.set(owner, (fields = new Map()));
    // What the value holds, field by field (`this.bed.id` of a bed snapshot that names its patient is still the bed's id),
    // not what it is as a function, a constant or a tag.
    const kept: AbstractValue = { kinds: value.kinds, origins: value.origins, confidence: value.confidence, typeName: value.typeName, fields: value.fields, personContext: value.personContext, workforce: value.workforce, element: value.element };
    const known = fields.get(name);
    fields.set(name, known ? join(known, kept) : kept);
  }

  protected override instanceFieldValue(node: TSESTree.MemberExpression, name: string): AbstractValue | undefined {
    const owner = this.classOfThis(node);
    if (!owner || inStaticMember(node)) return undefined;
    // `this.state.contact`, `const { contact } = this.state` of a component: what the class puts in its state (see componentState).
    if (name === 'state' && this.readingOtherStateKey === 0) {
      const state = this.componentStateValue(owner);
      if (state) return state;
    }
    // A response whose shape the code does not know (no fields, no type) says nothing of its fields: `this.bed.idCama` of
    // a bed snapshot the class assigned elsewhere is an id, not the whole snapshot; the field itself, read whole, is it.
    const whole = this.assignedFields.get(owner)?.get(name);
    const assigned = whole && this.readingBelowThisField > 0 && !whole.fields && !whole.typeName ? undefined : whole;
    const declared = this.declaredFieldValues(owner).get(name);
    const value = assigned && declared ? join(assigned, declared) : assigned ?? declared;
    if (value) return value;
    if (whole) return undefined;
    // Read before the walk reached a method that assigns it: the class's walk comes back to this member (see Analyzer).
    const walking = this.memberStack.at(-1);
    const member = memberOfClass(node, owner) ?? (walking && (walking as { parent?: Node }).parent === owner.body ? walking : undefined);
    if (member && this.silent === 0) {
      let members = this.readBeforeAssigned.get(owner);
      if (!members) this.readBeforeAssigned.set(owner, (members = new Map()));
      const names = members.get(member) ?? new Set<string>();
      names.add(name);
      members.set(member, names);
    }
    return undefined;
  }

  /**
   * Per component class: what its state's fields hold (a person's record only), joined over `this.state = {…}`, `state = {…}`,
   * `this.setState({…})` and `this.setState((previous) => ({…}))` anywhere in the class.
   */
  private readonly componentState = new Map<ClassNode, Map<string, AbstractValue>>();

  /**
   * `contact: this.props.contact`, `case: navigation.getParam('case')`, `person: record` (a query's result) put in a component's
   * state: the field holds that person's record for every method of the class. Only what the code proves is a person's
   * record: a value handed to the screen under a person-bearing name (see personParamValue), or PHI of a response or a
   * declared type; flags, counts, filters, staff records and name guesses are not kept.
   */
  protected noteComponentStateField(anchor: Node, key: string, value: AbstractValue, expression: Node | undefined): void {
    if (this.probing !== undefined || this.silent > 0) return;
    const owner = this.classOfThis(anchor);
    // A class of its own state: a React component extends one (`Component`, `React.PureComponent`).
    if (!owner || !owner.superClass || inStaticMember(anchor)) return;
    const person = expression ? personParamValue(expression) : undefined;
    let kept: AbstractValue | undefined = person
      ? { ...fromKinds(['patient-record'], { range: this.range(person.node), label: `a person's record handed to the component as \`${person.name}\`` }, 'high'), personContext: true }
      : undefined;
    // `item: this.props.item` of `LabResultsSingleScreen`: a generic record a screen named for one clinical kind is handed.
    const generic = !kept && expression ? genericRecordParam(expression) : undefined;
    if (generic && owner.id) {
      const subject = owner.id.name.replace(/(?:Single|Screen|View|Page|Component|Container|Modal|Dialog|Form|Card|Edit|Details?)+$/, '');
      const byName = subject ? this.options.classifier.classify(subject) : undefined;
      if (byName && !byName.trap && byName.kinds.length > 0) {
        kept = { ...fromKinds(byName.kinds, { range: this.range(generic), label: `the record a component named for it is handed as \`${keyName(generic.type === 'MemberExpression' ? generic.property : generic) ?? 'item'}\`` }, 'high'), personContext: true };
      }
    }
    if (!kept && hasPhi(value) && hasProvenance(value) && !value.workforce && !value.kinds.some((kind) => parseProbeKind(kind) !== undefined)) {
      kept = { kinds: value.kinds, origins: value.origins, confidence: value.confidence, typeName: value.typeName, fields: value.fields, personContext: value.personContext, element: value.element };
    }
    if (!kept) return;
    let fields = this.componentState.get(owner);
    if (!fields) this.componentState.set(owner, (fields = new Map()));
    const known = fields.get(key);
    fields.set(key, known ? join(known, kept) : kept);
  }

  protected override componentStateField(state: TSESTree.MemberExpression, key: string): { value?: AbstractValue } | undefined {
    const owner = this.classOfThis(state);
    const fields = owner && !inStaticMember(state) ? this.componentState.get(owner) : undefined;
    if (!fields || fields.size === 0) return undefined;
    return { value: fields.get(key) };
  }

  /** The state of a component class, field by field (see noteComponentStateField). */
  private componentStateValue(owner: ClassNode): AbstractValue | undefined {
    const fields = this.componentState.get(owner);
    if (!fields || fields.size === 0) return undefined;
    let whole: AbstractValue = EMPTY;
    for (const value of fields.values()) whole = join(whole, taintOnly(value));
    return { ...whole, fields, personContext: true };
  }

  /** Members of a class read before their fields were assigned PHI that now hold it, in source order. */
  protected membersToWalkAgain(owner: ClassNode): Node[] {
    const members = this.readBeforeAssigned.get(owner);
    const fields = this.assignedFields.get(owner);
    const state = this.componentState.has(owner);
    if (!members || (!fields && !state)) return [];
    this.readBeforeAssigned.delete(owner);
    return [...members].filter(([, names]) => [...names].some((name) => fields?.has(name) || (name === 'state' && state))).map(([member]) => member);
  }

  private declaredFieldValues(owner: ClassNode): Map<string, AbstractValue> {
    let fields = this.declaredFields.get(owner);
    if (fields) return fields;
    fields = new Map();
    this.declaredFields.set(owner, fields);
    if (!this.options.index) return fields;
    for (const member of owner.body.body) {
      if (member.type !== 'PropertyDefinition' || member.static || member.computed) continue;
      // `current: ReportModel = new ReportModel()`, `= {}`: a fresh instance the class builds (a form's or a report's
      // filters) holds what the class puts there, not whatever its type could hold.
      if (member.value && member.value.type !== 'Identifier' && member.value.type !== 'TSAsExpression') continue;
      const name = keyName(member.key);
      const type = member.typeAnnotation?.typeAnnotation;
      const annotation = typeNameOfAnnotation(type);
      if (!name || !annotation.name) continue;
      const value = this.annotatedTypeValue(type, annotation.name, member.key, annotation.namespace);
      if (hasPhi(value) && !value.workforce) fields.set(name, value);
    }
    return fields;
  }

  /**
   * The class a receiver is an instance of (see receiverClass) under the name its module declares it: `this.server`
   * with `constructor(private server: Server)` → `Server`, `import { Server as Backend }` → `Server`.
   */
  instanceClassOf(node: Node): string | undefined {
    const local = this.receiverClass(node, true);
    return local ? this.declaredClassName(local) : undefined;
  }

  /** A class's name as the module declaring it spells it: `Backend` of `import { Server as Backend }` → `Server`. */
  private declaredClassName(local: string): string {
    const imported = this.imports.get(local);
    return imported && imported.imported !== '*' && imported.imported !== 'default' ? imported.imported : local;
  }

  /**
   * The class whose method `this.m()` or `super.m()` calls, under the name its module declares it: the enclosing class
   * for `this` (its static methods too: `this` is the class there), the class it extends for `super`.
   */
  ownClassOf(receiver: Node): string | undefined {
    if (receiver.type !== 'ThisExpression' && receiver.type !== 'Super') return undefined;
    const owner = this.classOfThis(receiver);
    const local = receiver.type === 'Super' ? (owner?.superClass?.type === 'Identifier' ? owner.superClass.name : undefined) : owner?.id?.name;
    return local ? this.declaredClassName(local) : undefined;
  }

  /**
   * The class a method's receiver is an instance of, as far as the code says: `new C()`, a variable or
   * parameter declared or initialised as a `C`, or a field of this class declared as one.
   */
  protected receiverClass(node: Node, beforeItsWalk = false): string | undefined {
    let receiver = node;
    while (TRANSPARENT_TYPES.has(receiver.type)) receiver = (receiver as { expression?: Node; argument?: Node }).expression ?? (receiver as { argument: Node }).argument;
    const created = instantiatedClass(receiver);
    if (receiver.type === 'NewExpression') return created;
    if (receiver.type === 'MemberExpression' && receiver.object.type === 'ThisExpression' && !receiver.computed) {
      const owner = beforeItsWalk ? this.classOfThis(receiver) : enclosingClass(receiver);
      const field = propertyName(receiver);
      return owner && field ? classFieldTypes(owner).get(field) : undefined;
    }
    if (receiver.type === 'Identifier') {
      const typeName = this.scope.lookup(receiver.name)?.value.typeName;
      return typeName && /^[A-Z]/.test(typeName) ? typeName : undefined;
    }
    return undefined;
  }

  /**
   * Walks every exported function once more with each parameter standing for "what a caller passes"
   * (probe kinds), rules on: a report whose PHI includes a probe kind says that parameter reaches that
   * sink. The engine turns those reports into a summary other files' calls are checked against.
   */
  probeExports(program: TSESTree.Program, wanted: ReadonlySet<string>): void {
    for (const [exportName, fn, className] of exportedFunctions(program)) {
      if (fn.params.length === 0 || !wanted.has(exportName)) continue;
      // An opt-in flag (`sendToRum = false`) is off unless a caller turns it on: the summary describes the default
      // path, so a sink behind `if (sendToRum)` is not charged to every caller of `logger.info(message, details)`.
      const probes = fn.params.map((param, index) => (isOptInFlag(param) || receivesNoValue(param) ? { ...EMPTY, constant: false } : fromKinds([probeKind({ parameter: index, ...(param.type === 'RestElement' ? { rest: true } : {}) })], undefined, 'high')));
      this.probing = exportName;
      if (className !== undefined) this.classStack.push(className);
      try {
        this.walkFunctionBody(fn, probes);
      } finally {
        this.probing = undefined;
        if (className !== undefined) this.classStack.pop();
      }
    }
  }

  /**
   * `logIt(patient)` where `function logIt(x) { console.log(x) }` is in this file: walk the callee's
   * body again with the caller's argument values, rules on, so a sink inside the helper is reported
   * with the PHI the caller passed (and where it came from). Once per function and argument kinds.
   */
  protected followLocalCall(node: TSESTree.CallExpression): void {
    if (this.silent > 0) return;
    const target = this.localCallee(node.callee);
    const fn = target?.fn;
    if (!fn || this.following.has(fn) || this.following.size >= MAX_FOLLOW_DEPTH) return;
    const argumentValues = node.arguments.map((argument, index) => (receivesNoValue(fn.params[index]) ? EMPTY : this.valueOf(argument)));
    // PHI, or a client's whole payload (`callValidator(request.payload, logger)` logging it inside).
    if (!argumentValues.some((value) => hasPhi(value) || hasTag(value, 'request-body'))) return;
    this.walkFollowed(fn, target.className, argumentValues);
  }

  /** Walks a local function with the values it is handed, once per function and argument kinds (a cycle stops at itself). */
  private walkFollowed(fn: FunctionNode, className: string | undefined, argumentValues: readonly AbstractValue[]): void {
    const key = `${fn.range[0]}:${argumentValues.map((value) => `${value.kinds.join('+')}${payloadMark(value)}`).join(',')}`;
    if (this.followed.has(key)) return;
    this.followed.add(key);
    this.following.add(fn);
    if (className !== undefined) this.classStack.push(className);
    try {
      this.walkFunctionBody(fn, argumentValues);
    } finally {
      this.following.delete(fn);
      if (className !== undefined) this.classStack.pop();
    }
  }

  /** A function of this file named where a callback goes (`onLoaded`, `this.handleResponse`), walked with the values it is handed. */
  protected followFunctionReference(reference: Node, argumentValues: readonly AbstractValue[]): void {
    if (this.silent > 0) return;
    let target = this.localCallee(reference);
    if (!target && reference.type === 'MemberExpression' && reference.object.type === 'ThisExpression' && !reference.computed) {
      // `this.handle.bind(this)`: the reference sits below a call the walk has not reached, so its class is the one being walked.
      const owner = this.classOfThis(reference);
      const method = propertyName(reference);
      const fn = owner && method ? findClassMethod(owner, method, false) : undefined;
      if (fn) target = { fn, className: owner?.id?.name ?? '' };
    }
    if (!target && reference.type === 'Identifier') {
      const declared = asFunction(this.scope.lookup(reference.name)?.value.declaredFunction);
      if (declared) target = { fn: declared };
    }
    const fn = target?.fn;
    if (!target || !fn || this.following.has(fn) || this.following.size >= MAX_FOLLOW_DEPTH) return;
    this.walkFollowed(fn, target.className, argumentValues);
  }

  /**
   * The function of this file a call runs: a local function, or a method of a class declared here
   * (`this.save(p)`, `new Archive().save(p)`, `archive.save(p)` with `archive` an `Archive`, `Archive.save(p)`).
   */
  private localCallee(callee: Node): { fn: FunctionNode; className?: string } | undefined {
    if (callee.type === 'Identifier') {
      const fn = asFunction(this.scope.lookup(callee.name)?.value.functionNode);
      return fn ? { fn } : undefined;
    }
    if (callee.type !== 'MemberExpression' || callee.computed) return undefined;
    const method = propertyName(callee);
    if (!method) return undefined;
    const receiver = callee.object;
    if (receiver.type === 'ThisExpression') {
      const owner = enclosingClass(callee);
      const fn = owner ? findClassMethod(owner, method, inStaticMember(callee)) : undefined;
      return fn ? { fn, className: owner?.id?.name ?? '' } : undefined;
    }
    if (receiver.type === 'Identifier' && this.localObjects.has(receiver.name)) {
      const fn = this.localObjectMethod(receiver, method);
      return fn ? { fn } : undefined;
    }
    if (receiver.type === 'Identifier' && this.localClasses.has(receiver.name) && !this.scope.lookup(receiver.name)) {
      const fn = findClassMethod(this.localClasses.get(receiver.name)!, method, true);
      return fn ? { fn, className: receiver.name } : undefined;
    }
    const className = this.receiverClass(receiver);
    const owner = className && !this.imports.has(className) ? this.localClasses.get(className) : undefined;
    const fn = owner ? findClassMethod(owner, method, false) : undefined;
    return fn && className ? { fn, className } : undefined;
  }

  /**
   * The class `this` is an instance of where a node is written: from its parents, or, for code the walk
   * has not reached yet (a callee evaluated before its call's children are visited), the class being walked.
   */
  private classOfThis(node: Node): ClassNode | undefined {
    const byParents = enclosingClass(node);
    if (byParents) return byParents;
    const walking = this.classStack.at(-1);
    return walking ? this.localClasses.get(walking) : undefined;
  }

  /**
   * `this.orders.byPatient(id)` with `orders` an injected `OrderService` imported from another file: the
   * response that method returns there (the cross-file pass's summary), as this call's value.
   */
  protected importedMethodReturn(call: TSESTree.CallExpression): AbstractValue | undefined {
    const lookup = this.options.methodReturn;
    if (!lookup) return undefined;
    if (call.callee.type === 'Identifier' || (call.callee.type === 'MemberExpression' && call.callee.object.type === 'Identifier' && this.imports.has(call.callee.object.name) && !this.scope.lookup(call.callee.object.name))) {
      return this.importedFunctionReturn(call, lookup);
    }
    if (call.callee.type !== 'MemberExpression') return undefined;
    const method = propertyName(call.callee);
    const className = method ? this.receiverClass(call.callee.object, true) : undefined;
    const imported = className ? this.imports.get(className) : undefined;
    if (!method || !imported || imported.imported === '*' || imported.imported === 'default') return undefined;
    const returned = lookup(imported.module, `${imported.imported}#${method}`);
    if (!returned) return undefined;
    const range = this.origin(call, returned.kinds).range;
    return { kinds: returned.kinds, origins: [{ range, label: `${returned.label}, returned by \`${className}.${method}\``, response: true }], confidence: 'medium', personContext: true };
  }

  /**
   * `getPatient(id)` imported from `./patientService`, `api.getPatient(id)` of `import * as api` or of a module's default
   * object: a workspace request helper that calls another one (`return get(`/patients/${id}`)`, which calls `axios.get`)
   * returns the response of the route it names, so the call carries it, however many files the helpers cross (see
   * MethodReturns). Only a function named for a read is asked (`get…`, `fetch…`, `load…`): asking every imported call would
   * parse and walk modules that only compute.
   */
  private importedFunctionReturn(call: TSESTree.CallExpression, lookup: NonNullable<typeof this.options.methodReturn>): AbstractValue | undefined {
    const callee = call.callee;
    let exportName: string | undefined;
    let module: string | undefined;
    let shown: string | undefined;
    if (callee.type === 'Identifier') {
      const imported = this.imports.get(callee.name);
      if (!imported || imported.imported === '*' || imported.imported === 'default' || this.scope.lookup(callee.name)) return undefined;
      ({ module } = imported);
      exportName = imported.imported;
      shown = callee.name;
    } else if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && !callee.computed) {
      const imported = this.imports.get(callee.object.name);
      const method = propertyName(callee);
      if (!imported || !method) return undefined;
      module = imported.module;
      exportName = imported.imported === '*' ? method : imported.imported === 'default' ? `default.${method}` : undefined;
      shown = `${callee.object.name}.${method}`;
    }
    if (!exportName || !module || !module.startsWith('.') && !/^[@~]?[\w-]*\//.test(module)) return undefined;
    if (!READ_HELPER_NAME.test(exportName.split('.').pop()!)) return undefined;
    const returned = lookup(module, exportName);
    if (!returned) return undefined;
    const range = this.origin(call, returned.kinds).range;
    return { kinds: returned.kinds, origins: [{ range, label: `${returned.label}, returned by \`${shown}\``, response: true }], confidence: 'medium', personContext: true };
  }

  /**
   * The method of this file's class a call runs, for what it returns. Asked of a callee the walk may not have
   * reached yet (`this.load(id).subscribe(…)` is evaluated before its children are visited), so `this` is
   * also found from the class being walked. (Following PHI arguments into helpers keeps to what the parents say.)
   */
  protected localMethodOf(callee: TSESTree.MemberExpression): Node | undefined {
    if (callee.object.type === 'ThisExpression' && !callee.computed) {
      const method = propertyName(callee);
      const owner = this.classOfThis(callee);
      return method && owner ? findClassMethod(owner, method, inStaticMember(callee)) : undefined;
    }
    // `this.labOrders.byPatient(id)` with the field declared as a class of this file.
    const fieldClass = callee.object.type === 'MemberExpression' && callee.object.object.type === 'ThisExpression' ? this.receiverClass(callee.object, true) : undefined;
    const owner = fieldClass && !this.imports.has(fieldClass) ? this.localClasses.get(fieldClass) : undefined;
    const method = propertyName(callee);
    if (owner && method) return findClassMethod(owner, method, false);
    return this.localCallee(callee)?.fn;
  }

  /** Walks a function's body with these argument values; returns what it returns. */
  protected abstract walkFunctionBody(node: FunctionNode, argumentValues: readonly AbstractValue[]): AbstractValue;
}
