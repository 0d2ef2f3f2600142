// Type-driven sources at calls: what a call's explicit type argument says it returns (`useState<Patient>()`,
// `http.get<Patient>(url)`, zustand's `create<PatientState>()`), and the values of form libraries' handles
// (`useForm<RegistrationForm>()`, `useFormik({ initialValues })`, `getValues()`). The evaluator asks this
// module after its own evaluation of a call; the library models are data in vocabulary/library-models.ts.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { TaintOrigin } from '../rule-api';
import { calleeName, keyName } from '../rule-api/ast';
import { describeKinds, PHI_KIND_BY_ID, splitWords, subjectOfName, type NameClassifier } from '../vocabulary/classify';
import { FORM_HOOKS, FORM_VALUE_ACCESSORS, TYPED_REQUEST_VERBS, TYPED_RESULT_CALLS, TYPED_STATE_MODULES } from '../vocabulary/library-models';
import { namedTypeReference, typeNameOfAnnotation, typeReferenceNames } from './syntax';
import { DEFAULT_MEMBER_PREFIX, returnedTypeNames, type WorkspaceIndex } from './workspace-index';
import { EMPTY, fromKinds, hasPhi, join, taintOnly, type AbstractValue } from './values';

type Node = TSESTree.Node;

/** What this module needs of the evaluator. */
export interface TypeFlowHost {
  valueOf(node: Node): AbstractValue;
  typedValue(typeName: string, node: Node): AbstractValue;
  importedFrom(localName: string): { module: string; imported: string } | undefined;
  scope: { lookup(name: string): { value: AbstractValue } | undefined };
  options: { classifier: NameClassifier; index?: WorkspaceIndex; file?: string; text?: string };
  range(node: Node): TaintOrigin['range'];
  snippet(node: Node): string;
}

const typedResultCalls = new Set(TYPED_RESULT_CALLS);
const typedRequestVerbs = new Set(TYPED_REQUEST_VERBS);
const formValueAccessors = new Set(FORM_VALUE_ACCESSORS);
const HOOK = /^use[A-Z]/;
function isClinicalOrRecordKind(kind: string): boolean {
  const category = PHI_KIND_BY_ID.get(kind)?.category;
  return category === 'clinical' || category === 'record';
}
/** A document's pointer (its reference, its attachment's URL): the note it points to is not in the value. */
const DOCUMENT_POINTER_TYPES = new Set(['DocumentReference', 'Attachment', 'Binary']);

/** The kinds a type holds other than through document pointers (`LabelPdf { documentReference: DocumentReference; url: string }` holds none). */
function beyondDocumentPointers(host: TypeFlowHost, typeName: string): readonly string[] {
  if (DOCUMENT_POINTER_TYPES.has(typeName)) return [];
  const resolved = host.options.index?.resolve(typeName, host.options.classifier, host.options.file);
  if (!resolved) return [];
  const kinds = new Set<string>(resolved.index?.kinds ?? []);
  resolved.fields.forEach((field) => {
    if (!field.typeName || !DOCUMENT_POINTER_TYPES.has(field.typeName)) field.kinds.forEach((kind) => kinds.add(kind));
  });
  if (resolved.fields.size === 0) resolved.kinds.forEach((kind) => kinds.add(kind));
  return [...kinds];
}

const ERROR_TYPE_NAME = /(Error|Errors|Exception|Warnings?)$/;

/**
 * The value a type names: its main name's shape (`Patient[]` → Patient) joined with what any type parameter
 * it mentions is instantiated with (`DraftState<TDraft>` inside `createDraftStore<TDraft>`).
 */
export function valueOfType(host: TypeFlowHost, type: TSESTree.TypeNode, node: Node, depth = 0): AbstractValue {
  const main = typeNameOfAnnotation(type).name;
  let value = main ? host.typedValue(main, node) : EMPTY;
  for (const name of typeReferenceNames(type)) {
    if (name === main || !/^T([A-Z]\w*)?$/.test(name)) continue;
    const parameter = host.typedValue(name, node);
    if (hasPhi(parameter)) value = join(value, parameter);
  }
  return withGenericPayload(host, type, node, value, depth);
}

/**
 * `RequestResult<Dependent[]>` where the workspace declares `interface RequestResult<T> { resourcePayload: T }`
 * (`Page<T> { items: T[] }`, `ApiResponse<T> { data?: T }`): a generic whose own fields are typed by its
 * parameter holds what its argument holds. The value keeps the wrapper's type (its other fields, a status or a
 * page size, stay what they are declared) and carries the argument's PHI, and the payload fields read as the
 * argument. `typed` is the value the wrapper's name alone gives.
 */
export function withGenericPayload(host: TypeFlowHost, type: TSESTree.TypeNode | undefined, node: Node, typed: AbstractValue, depth = 0): AbstractValue {
  const index = host.options.index;
  const reference = namedTypeReference(type);
  const args = reference?.typeArguments?.params;
  if (!index || !reference || !args?.length || depth > 3) return typed;
  const name = typeNameOfAnnotation(reference).name;
  const payload = name ? index.payloadParametersOf(name) : undefined;
  if (!payload || ERROR_TYPE_NAME.test(name!)) return typed;
  let value = typed;
  let fields: Map<string, AbstractValue> | undefined;
  for (const { position, fields: names } of payload) {
    const argument = args[position];
    if (!argument) continue;
    const held = ownRecordOf(host, argument, valueOfType(host, argument, node, depth + 1));
    if (!hasPhi(held)) continue;
    value = join(value, taintOnly(held));
    fields ??= new Map(typed.fields ?? []);
    for (const field of names) if (field) fields.set(field, held);
  }
  if (!fields) return typed;
  return { ...value, typeName: typed.typeName ?? name, personContext: typed.personContext || value.personContext, fields };
}

/**
 * What an envelope's argument adds: the record's own data, not that of the staff it links to. `FetchResponse<Session>`
 * whose `Session { user: LoggedInUser; currentProvider }` reaches a person only through the signed-in staff member
 * holds no patient's data; `RequestResult<LabOrder[]>` holds the orders.
 */
function ownRecordOf(host: TypeFlowHost, argument: TSESTree.TypeNode, held: AbstractValue): AbstractValue {
  const typeName = typeNameOfAnnotation(argument).name;
  const resolved = typeName && hasPhi(held) ? host.options.index?.resolve(typeName, host.options.classifier, host.options.file) : undefined;
  if (!resolved || resolved.fields.size === 0) return held;
  const own = new Set<string>(resolved.index?.kinds ?? []);
  resolved.fields.forEach((field, fieldName) => {
    if (!namesWorkforce(fieldName) && !(field.typeName && namesWorkforce(field.typeName))) field.kinds.forEach((kind) => own.add(kind));
  });
  const kinds = held.kinds.filter((kind) => own.has(kind));
  return kinds.length === held.kinds.length ? held : kinds.length ? { ...held, kinds } : { ...EMPTY, typeName: held.typeName };
}

/** `useForm({ defaultValues: patient })`, `useFormik({ initialValues: { givenName: '', birthDate: '' } })`. */
function formOptionValue(host: TypeFlowHost, node: TSESTree.CallExpression, option: string): AbstractValue {
  const options = node.arguments[0];
  if (options?.type !== 'ObjectExpression') return EMPTY;
  for (const property of options.properties) {
    if (property.type !== 'Property' || property.computed || keyName(property.key) !== option) continue;
    let value = taintOnly(host.valueOf(property.value));
    if (property.value.type === 'ObjectExpression') {
      // a form starts empty and fills with what is typed: its keys say what it will hold
      for (const field of property.value.properties) {
        if (field.type !== 'Property' || field.computed) continue;
        const key = keyName(field.key);
        const kinds = key ? host.options.classifier.kindsOf(key) : [];
        if (kinds.length) value = join(value, fromKinds(kinds, undefined, 'medium'));
      }
    }
    return value;
  }
  return EMPTY;
}

/** Keys of an object literal, or of the object a `(props) => ({ … })` function returns. */
function returnedObjectKeys(node: Node): string[] {
  let body: Node | null | undefined = node;
  if (body.type === 'ArrowFunctionExpression' || body.type === 'FunctionExpression') {
    if (body.body.type === 'BlockStatement') body = (body.body.body.find((statement) => statement.type === 'ReturnStatement') as TSESTree.ReturnStatement | undefined)?.argument;
    else body = body.body;
  }
  if (body?.type !== 'ObjectExpression') return [];
  return body.properties.flatMap((property) => (property.type === 'Property' && !property.computed ? [keyName(property.key)].filter((key): key is string => !!key) : []));
}

const formikFieldsOfProgram = new WeakMap<Node, string[]>();

/**
 * The fields of the Formik forms a file declares: a `withFormik({ mapPropsToValues })` HOC's values and
 * `<Formik initialValues={{ … }}>`. What an untyped `useFormikContext()` in that file hands out.
 */
function formikFieldsOfFile(node: Node): string[] {
  let program: Node = node;
  for (let parent = (program as { parent?: Node }).parent; parent; parent = (program as { parent?: Node }).parent) program = parent;
  const cached = formikFieldsOfProgram.get(program);
  if (cached) return cached;
  const fields: string[] = [];
  const stack: Node[] = [program];
  while (stack.length) {
    const current = stack.pop()!;
    if (current.type === 'Property' && !current.computed && keyName(current.key) === 'mapPropsToValues') fields.push(...returnedObjectKeys(current.value as Node));
    else if (current.type === 'JSXAttribute' && current.name.type === 'JSXIdentifier' && current.name.name === 'initialValues' && current.value?.type === 'JSXExpressionContainer' && current.value.expression.type !== 'JSXEmptyExpression') {
      fields.push(...returnedObjectKeys(current.value.expression));
    }
    for (const [key, child] of Object.entries(current)) {
      if (key === 'parent') continue;
      if (Array.isArray(child)) for (const item of child) { if (item && typeof item === 'object' && typeof (item as Node).type === 'string') stack.push(item as Node); }
      else if (child && typeof child === 'object' && typeof (child as Node).type === 'string') stack.push(child as Node);
    }
  }
  formikFieldsOfProgram.set(program, fields);
  return fields;
}

/** Vue's `<script setup>` macros whose type argument declares the value: `defineProps<{ patient: Patient }>()`, `defineModel<Patient>()`. */
const VUE_MACROS = new Set(['defineProps', 'defineModel']);

/**
 * An inline object type (`{ patient: Patient; title: string }`, the usual way to declare a Vue component's props):
 * an object whose fields are what their declared types give. Fields of types that say nothing are left out.
 */
function typeLiteralValue(host: TypeFlowHost, type: TSESTree.TSTypeLiteral, node: Node): AbstractValue {
  const fields = new Map<string, AbstractValue>();
  let taint: AbstractValue = EMPTY;
  for (const member of type.members) {
    if (member.type !== 'TSPropertySignature' || member.computed || !member.typeAnnotation) continue;
    const key = member.key.type === 'Identifier' ? member.key.name : member.key.type === 'Literal' ? String(member.key.value) : undefined;
    if (key === undefined) continue;
    const field = valueOfType(host, member.typeAnnotation.typeAnnotation, node);
    if (!hasPhi(field) && !field.typeName) continue;
    fields.set(key, field);
    taint = join(taint, taintOnly(field));
  }
  return fields.size ? { ...taint, fields } : EMPTY;
}

export function frameworkCallValue(host: TypeFlowHost, node: TSESTree.CallExpression, value: AbstractValue): AbstractValue {
  const name = calleeName(node.callee);
  if (!name) return value;
  // An untyped `useFormikContext()`: the form is the one this file declares (withFormik's mapPropsToValues, <Formik initialValues>).
  if (name === 'useFormikContext' && !node.typeArguments && node.callee.type === 'Identifier' && host.importedFrom(node.callee.name)?.module === 'formik' && !hasPhi(value)) {
    const kinds = [...new Set(formikFieldsOfFile(node).flatMap((field) => host.options.classifier.kindsOf(field)))].sort();
    if (kinds.length) return join(value, fromKinds(kinds, undefined, 'medium'));
  }
  // `const { getValues } = useForm<T>()` … `getValues()`: the form's values.
  if (node.callee.type === 'Identifier' && formValueAccessors.has(name) && !hasPhi(value)) {
    const binding = host.scope.lookup(name)?.value;
    if (binding && hasPhi(binding) && !binding.functionNode) return join(value, taintOnly(binding));
  }
  // Vue's `withDefaults(defineProps<Props>(), { … })`: the props as declared (defaults only fill absent ones).
  if (name === 'withDefaults' && node.callee.type === 'Identifier' && node.arguments[0]?.type === 'CallExpression' && calleeName(node.arguments[0].callee) === 'defineProps') {
    return host.valueOf(node.arguments[0]);
  }
  const formOption = Object.prototype.hasOwnProperty.call(FORM_HOOKS, name) ? FORM_HOOKS[name] : null;
  const typeArgument = node.typeArguments?.params[0];
  if (formOption !== null) {
    // A form handle: its properties and accessors give the values, so it keeps the PHI but not the type's shape.
    let form = typeArgument ? taintOnly(valueOfType(host, typeArgument, node)) : EMPTY;
    if (formOption) form = join(form, formOptionValue(host, node, formOption));
    return hasPhi(form) ? join(value, form) : value;
  }
  if (!typeArgument) return value;
  const module = node.callee.type === 'Identifier' ? host.importedFrom(node.callee.name)?.module : undefined;
  // `http.getWithCors<RequestResult<Dependent[]>>(url)`: a client's request method named for its verb.
  const request = node.callee.type === 'MemberExpression' && typedRequestVerbs.has(splitWords(name)[0] ?? '');
  if (!HOOK.test(name) && !typedResultCalls.has(name) && !request && !(module && TYPED_STATE_MODULES.test(module))) return value;
  const typed = VUE_MACROS.has(name) && typeArgument.type === 'TSTypeLiteral' ? typeLiteralValue(host, typeArgument, node) : valueOfType(host, typeArgument, node);
  if (!hasPhi(typed) && !typed.typeName) return value;
  return hasPhi(value) ? join(value, typed) : { ...typed, tags: value.tags };
}

/**
 * `const params = validateBookingRequest(input)`: what a workspace function is declared to return (`):
 * BookingRequest`, `): Promise<Visit & Pick<Input, 'secrets'>>`), for a function of this file or one imported
 * from a relative module. The declaration says what the value holds even when its body builds it from a
 * request's body or a store's answer under generic names. Only named types count, in full (a `Pick<…>` keeps
 * only what it names, a literal type or a primitive names no shape), and the field classification of
 * the type (whose data, catalogue and search types, references) decides the kinds. Medium confidence: the
 * evidence is a declaration, not what the value is seen to hold.
 */
export function declaredReturnValue(host: TypeFlowHost, node: TSESTree.CallExpression, local: Node | undefined): AbstractValue {
  if (node.callee.type === 'MemberExpression') return declaredModuleMemberReturnValue(host, node, node.callee);
  if (node.callee.type !== 'Identifier') return EMPTY;
  const name = node.callee.name;
  let typeNames: readonly string[] = [];
  if (local) {
    const returnType = annotatedReturnType(host, local);
    return returnType === undefined ? EMPTY : valueOfReturnTypeText(host, node, name, returnType);
  } else {
    const imported = host.importedFrom(name);
    if (imported && host.options.index && host.options.file) typeNames = host.options.index.returnTypesOf(host.options.file, imported.module, imported.imported);
  }
  return valueOfReturnTypes(host, node, name, typeNames);
}

/**
 * `datastoreService.fetchAllVisits(user)` with `datastoreService` a workspace module's default export gathering its
 * functions (`export default { fetchAllVisits }`), `api.loadVisit(id)` with `import * as api`: what that module's
 * function is declared to return, as for a function imported by name.
 */
function declaredModuleMemberReturnValue(host: TypeFlowHost, node: TSESTree.CallExpression, callee: TSESTree.MemberExpression): AbstractValue {
  if (callee.computed || callee.object.type !== 'Identifier' || callee.property.type !== 'Identifier') return EMPTY;
  const imported = host.importedFrom(callee.object.name);
  if (!imported || (imported.imported !== '*' && imported.imported !== 'default') || !host.options.index || !host.options.file) return EMPTY;
  const method = callee.property.name;
  const exportName = imported.imported === '*' ? method : DEFAULT_MEMBER_PREFIX + method;
  const typeNames = host.options.index.returnTypesOf(host.options.file, imported.module, exportName);
  return typeNames.length ? valueOfReturnTypes(host, node, `${callee.object.name}.${method}`, typeNames) : EMPTY;
}

/** `Provider`, `searchProvider`, `ClinicStaff`: a name whose head noun is a staff member or an organisation (`LabOrder` is an order). */
function namesWorkforce(name: string): boolean {
  const head = splitWords(name).at(-1);
  return head !== undefined && subjectOfName(head) === 'workforce';
}

/** The text of a function's own return annotation (`Observable<Patient[]>`), or undefined. */
function annotatedReturnType(host: TypeFlowHost, fn: Node): string | undefined {
  const annotation = (fn as { returnType?: TSESTree.TSTypeAnnotation }).returnType;
  return annotation && host.options.text ? host.options.text.slice(annotation.typeAnnotation.range[0], annotation.typeAnnotation.range[1]) : undefined;
}

/**
 * `byPatient(uuid): Observable<LabOrder[]>`: what a method is declared to return, when that type holds clinical
 * data or a patient's record (`node` locates the origin, `name` names the method in its reason).
 */
export function declaredMethodReturnValue(host: TypeFlowHost, node: Node, fn: Node, name: string): AbstractValue {
  // `searchProvider(q): Observable<Provider[]>`: a staff member's record (its `person` is the provider's), not a patient's.
  if (namesWorkforce(name)) return EMPTY;
  const returnType = annotatedReturnType(host, fn);
  return returnType === undefined ? EMPTY : valueOfReturnTypeText(host, node, name, returnType);
}

/**
 * `laboratoryService.getLaboratoryOrders(hdid)` where `laboratoryService` is typed by an interface or class the
 * workspace declares (`container.get<ILaboratoryService>(…)`, `private labs: LabService`): what that method is declared to
 * return (`Promise<RequestResult<LaboratoryOrderResult>>`), under the same conditions as a function's declared return.
 */
export function declaredTypeMethodReturnValue(host: TypeFlowHost, node: Node, receiverType: string, method: string): AbstractValue {
  const index = host.options.index;
  if (!index || namesWorkforce(method) || namesWorkforce(receiverType)) return EMPTY;
  const returnType = index.methodReturnTypeOf(receiverType, method);
  return returnType === undefined ? EMPTY : valueOfReturnTypeText(host, node, method, returnType, true);
}

/**
 * What a declared return type's text says the call returns: the types it names (not the workforce's) and, through a
 * workspace generic that holds its argument (`Promise<RequestResult<LabOrders>>`), the argument's; the envelope keeps
 * its type, and its payload field holds the argument's record.
 */
function valueOfReturnTypeText(host: TypeFlowHost, node: Node, name: string, returnType: string, elsewhere = false): AbstractValue {
  const index = host.options.index;
  const held = index ? index.payloadTypeNamesOf(returnType) : [];
  // a method's own type parameter (`get<T>(): Promise<T>`) names no declared shape (read at a call elsewhere, or in an envelope)
  const typeNames = [...new Set([...returnedTypeNames(returnType), ...held])].filter((typeName) => !namesWorkforce(typeName) && (!(held.length || elsewhere) || index?.declares(typeName) || !/^[A-Z]$|^T[A-Z]\w*$/.test(typeName)));
  const value = valueOfReturnTypes(host, node, name, typeNames);
  const wrapper = held.length && hasPhi(value) ? index!.payloadWrapperOf(returnType) : undefined;
  if (!wrapper || !wrapper.fields.length) return value;
  return { ...value, typeName: wrapper.name, fields: new Map(wrapper.fields.map((field) => [field, value])) };
}

function valueOfReturnTypes(host: TypeFlowHost, node: Node, name: string, typeNames: readonly string[]): AbstractValue {
  let value = EMPTY;
  for (const typeName of typeNames) {
    // `LabError { patient?: string }`, `FormErrors`: a validation's verdict per field holds messages, not the fields' values.
    if (ERROR_TYPE_NAME.test(typeName)) continue;
    const typed = host.typedValue(typeName, node);
    // A declared shape with a name, a birth date or a phone may be anyone's (a staff account, a clinic's
    // schedule); one holding clinical data or a patient's record is a patient's, and its contacts with it.
    if (!beyondDocumentPointers(host, typeName).some(isClinicalOrRecordKind)) continue;
    const origin = { range: host.range(node), label: `${describeKinds(typed.kinds)}: \`${name}\` is declared to return \`${typeName}\`, which holds them` };
    value = join(value, { ...typed, origins: [origin], confidence: 'medium', typeName: value.typeName ?? typed.typeName });
  }
  return value;
}
