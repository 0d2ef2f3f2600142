// Value evaluation of the taint analysis: what an expression carries (PHI kinds, origins, shapes,
// string prefixes, constants, tags) given the scopes at the current point of the walk. Library models
// come from the vocabulary as data; what a call to a function of this file returns is asked of the
// function summaries (summaries.ts), which walk its body.
import { PARAMETER_PROBE, probeAtField } from './probe-kinds';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { rangeFromOffsets } from '../core/text-range';
import type { TaintOrigin } from '../rule-api';
import { calleeName, dottedName, keyName, propertyName } from '../rule-api/ast';
import { CONTACT_KINDS, describeKinds, isAccountContextName, isAppUserName, isOnlyAPersonNumber, isMessageSendingHelperName, isOperationsMessagingName, isSyntheticOwnerName, keyNamesTheNumberOfAnId, namesACodeCatalogue, namesAProduct, namesReferenceData, namesATerminologyCode, namesOnlyAnyonesRecord, namesAThing, splitWords, terminologyKinds, subjectOfName, withoutContactKinds, type NameClassification, type NameClassifier, type Subject } from '../vocabulary/classify';
import { FHIR_DATATYPES, FHIR_READ_METHODS, FHIR_RESOURCE_NAMES, NON_PATIENT_RESOURCE_TYPES, PHI_RESOURCE_TYPES } from '../vocabulary/fhir-resources';
import {
  ACTION_VERBS,
  ENCRYPTION_WORDS,
  LOGGER_FACTORIES,
  NON_PHI_FUNCTIONS,
  NON_PHI_METHODS,
  PASS_THROUGH_FUNCTIONS,
  PASS_THROUGH_METHODS,
  RETRIEVAL_VERBS,
  SANITIZER_WORDS,
} from '../vocabulary/flows';
import { CURRIED_PASS_THROUGH, PATIENT_FILTER_KEY, EMISSION_MAPPING_OPERATORS, EMISSION_PEEKING_OPERATORS, PIPE_METHOD } from '../vocabulary/provenance';
import { BUILDER_METHODS, CONTAINER_PROPERTIES, DISPLAYED_TEXT_FIELDS, DYNAMODB_MENTION, DYNAMODB_VALUE_DESCRIPTORS, HAPI_MODULES, SCHEMA_BUILDER_MODULES, SCHEMA_PARSE_METHODS, IDB_STORE_METHODS, CSV_SERIALISER_MODULES, JOINING_METHODS, LOGGER_MODULES, MAPPING_METHODS, OUTCOME_WORDS, REQUEST_BODY_PROPERTIES, SHEET_BUILDER_METHODS, STATE_HOOKS, STATUS_TEXT_PROPERTIES, TEMPLATE_COMPILE_FUNCTIONS, TEMPLATE_ENGINE_MODULES, WRITE_STREAM_FACTORIES, WRAPPER_VALUE_PROPERTIES } from '../vocabulary/library-models';
import { CARE_SETTING_WORDS, CODE_STRUCTURE_SUFFIXES, GENERIC_RESULT_NOUNS, LABEL_TABLE_WORDS, NAME_PREPOSITIONS, NON_PHI_PROPERTIES, PATIENT_KEY_PROPERTIES } from '../vocabulary/name-traps';
import { asEmission, builtFromCriteriaValue, fieldsReadValue, criteriaFieldValue, fileSubjectOf, handlerInputValue, isItemConverter, searchHandlerCriteriaValue, searchRequestValue, servedRequestUrlRead, storedResourceRead, isInboundPayloadCall, isResponseValue, isSerialisedPayloadCall, collectedMeasurementsValue, measurementChainValue, measurementRecordValue, namesPatientData, requestResponseValue, serviceReadValue, modelReadValue, wrappedResponseValue, storeReadValue, trackerEventValue, type ProvenanceHost } from './provenance';
import { inboundMessagesOf } from './inbound-messages';
import { angularFormControlsOf } from './angular-form-controls';
import { Scope } from './scope';
import { declaredMethodReturnValue, declaredReturnValue, declaredTypeMethodReturnValue, frameworkCallValue, valueOfType, withGenericPayload, type TypeFlowHost } from './type-flow';
import { enclosingTypeParameter } from './type-parameters';
import { childNodes, FUNCTION_TYPES, TRANSPARENT_TYPES, isLiteralLike, withoutChainAndAssertions, isRequestObject, moduleMatches, requiredModule, typeNameOfAnnotation } from './syntax';
import { EMPTY, REFERENCE_DATA, WORKSPACE_CONTENT, fromKinds, hasPhi, hasTag, isSanitized, isWorkspaceContent, join, joinAll, taintAndElements, taintOnly, withTag, type AbstractValue, type ValueTag } from './values';
import type { RequestWrapper, WorkspaceIndex } from './workspace-index';

/** Reads of a table by a filter (Sequelize, Mongoose, Prisma, TypeORM). */
const USER_LOOKUP_METHODS: ReadonlySet<string> = new Set(['findOne', 'findAll', 'findAndCountAll', 'findOrCreate', 'find', 'findFirst', 'findUnique', 'findMany', 'findOneBy', 'findBy', 'count', 'exists']);
/** Words that make a user table the patients' accounts. */
const PATIENT_ACCOUNT_WORDS: ReadonlySet<string> = new Set(['portal', 'patient', 'patients', 'client', 'clients', 'member', 'members', 'customer', 'customers']);
const USER_LOOKUP_CALL = new RegExp(String.raw`\.\s*(?:${[...USER_LOOKUP_METHODS].join('|')})\s*\(`);

/** The variables a filter object (or its `where`) hands as values (`{ phone_no: phone }`, `{ phone }`). */
function filterValueNames(filter: TSESTree.ObjectExpression, out: Set<string>, depth = 0): void {
  for (const property of filter.properties) {
    if (property.type !== 'Property') continue;
    const value = property.value;
    if (value.type === 'Identifier') out.add(value.name);
    else if (depth < 2 && value.type === 'ObjectExpression') filterValueNames(value, out, depth + 1);
  }
}

const labelTableWords = new Set(LABEL_TABLE_WORDS);

/** `labels`, `this.columnLabels`, `i18n.headers`: an object whose last word says it is a table of labels (see LABEL_TABLE_WORDS). */
function isLabelTable(node: Node): boolean {
  const name = node.type === 'Identifier' ? node.name : node.type === 'MemberExpression' ? propertyName(node) : undefined;
  const last = name ? splitWords(name).at(-1) : undefined;
  return last !== undefined && labelTableWords.has(last);
}

/** Text that ends inside the query of a FHIR search of a resource that describes no patient: `Questionnaire?identifier=`. */
const NON_PATIENT_SEARCH = new RegExp(`(?:^|[/\\s'"\`(\u0000])(?:${NON_PATIENT_RESOURCE_TYPES.join('|')})\\?[^?#\\s]*$`);

/** `EDIT_ENCOUNTER`, `PATIENT_ADMITTED`: an UPPER_SNAKE_CASE member names a constant (an enum-like table's entry). */
function isConstantMemberName(name: string): boolean {
  return /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(name);
}

/** Packages of FHIR's TypeScript types (`fhir/r4`, `@types/fhir`, `@medplum/fhirtypes`). */
const FHIR_TYPES_MODULE = /fhir|medplum/i;
/** Namespaces FHIR type packages declare their types in (`R4.Patient`, `r5.Identifier`). */
const FHIR_NAMESPACE = /^r[45]b?$/i;

type Node = TSESTree.Node;

/** Scope entries for fields of `this` assigned a response in the function being walked (`this.orders = orders`). */
export const THIS_FIELD = 'this.';
/** Angular's reactive forms: a file importing it builds form groups whose values are what the user entered. */
const ANGULAR_FORMS_MODULE = '@angular/forms';
/** Angular CLI's per-build configuration module (`src/environments/environment`, `../../environments/environment.prod`). */
const BUILD_ENVIRONMENT_MODULE = /(^|\/)environments\/environment(\.[\w-]+)?$/;

export interface AnalyzerOptions {
  /** Workspace-relative path: its folder and file names say whose data the file handles. */
  file?: string;
  text: string;
  lineStarts: readonly number[];
  classifier: NameClassifier;
  index?: WorkspaceIndex;
  extraSanitizers: readonly string[];
  onRuleError(ruleId: string, error: unknown): void;
  /** What a method of a class another file exports returns, when it is a response (see method-returns.ts). */
  methodReturn?: (module: string, exportName: string) => ReturnedResponse | undefined;
  /** The config says the app's users are patients (a patient app or portal): its accounts' data is PHI. */
  appUsersArePatients?: boolean;
}

/** A response a function returns, as another file sees it: its kinds and its origin's reason. */
export interface ReturnedResponse {
  kinds: readonly string[];
  label: string;
}

const sanitizerWords = new Set(SANITIZER_WORDS);
const encryptionWords = new Set(ENCRYPTION_WORDS);
const passThroughFunctions = new Set(PASS_THROUGH_FUNCTIONS);
const sheetBuilderMethods = new Set(SHEET_BUILDER_METHODS);
const nonPhiFunctions = new Set(NON_PHI_FUNCTIONS);
const templateCompileFunctions = new Set(TEMPLATE_COMPILE_FUNCTIONS);
const passThroughMethods = new Set(PASS_THROUGH_METHODS);

/**
 * `email.replace(/(.{2})(.*)(@.*)/, '$1***$3')`, `phone.replace(/\d(?=\d{4})/g, '*')`: a pattern's matches replaced
 * by mask characters, what masking helpers do. Only a regular expression (a plain string replaces one fixed
 * text) and a replacement of mask characters with at most group references (`$1`), not other text.
 */
function isMaskingReplace(name: string, node: TSESTree.CallExpression): boolean {
  if (name !== 'replace' && name !== 'replaceAll') return false;
  const [pattern, replacement] = node.arguments;
  if (pattern?.type !== 'Literal' || !('regex' in pattern) || !pattern.regex) return false;
  if (replacement?.type !== 'Literal' || typeof replacement.value !== 'string') return false;
  const masks = replacement.value.replace(/\$\d/g, '');
  return /^[*•xX#]+$/.test(masks) && (masks.length >= 3 || pattern.regex.flags.includes('g'));
}
/**
 * Helpers that check a value and hand it back narrowed (`assertDefined(x, 'name')`, `ensureExists(x)`, `notNull(x)`):
 * the call is its first argument. `asserts x` functions return nothing and are not assigned, so naming is safe here.
 */
const ASSERTING_IDENTITY = /^(?:(?:assert|ensure|expect)(?:Is)?(?:Defined|Exists?|Present|NotNull|NonNull|NotNil|NotEmpty|NotUndefined|Truthy)|notNull|nonNull|notNil|definedOrThrow)$/;
/** A template placeholder: `[case information]`, `{{patient_name}}`, `{dob}`, `<diagnosis>`, `%NOTES%`. */
const PLACEHOLDER = /^(?:\[\s*([A-Za-z][\w .-]{1,40})\s*\]|\{\{?\s*([A-Za-z][\w .-]{1,40})\s*\}\}?|<\s*([A-Za-z][\w .-]{1,40})\s*>|%([A-Za-z][\w.-]{1,40})%)$/;
/** Kinds that name a whole record: in a placeholder they stand for its id (`/Patient/{patient}`). */
const PLACEHOLDER_RECORD_KINDS: ReadonlySet<string> = new Set(['patient-record', 'encounter']);
const nonPhiMethods = new Set(NON_PHI_METHODS);
const retrievalVerbs = new Set(RETRIEVAL_VERBS);
/** Words between a read's verb and its `by`: `findOneById`, `findAllByPatientUuid`, `getFirstByKey`. */
const READ_QUANTIFIERS = new Set(['one', 'all', 'many', 'first', 'unique', 'single']);
/**
 * `findById`, `findByPk`, `findOneById`, `getById`: a read named only for the key it looks up by (an ORM model's
 * or a repository's lookup) resolves with the record stored under that key, not with the key. The id in its name
 * is the argument's, so it does not make the result an opaque id: what comes back is what the receiver holds.
 */
function subjectOfReadByKey(words: readonly string[]): string | undefined {
  if (words.length < 3 || !retrievalVerbs.has(words[0])) return undefined;
  const by = words.indexOf('by');
  if (by < 0 || by === words.length - 1) return undefined;
  let start = 0;
  while (start < by && (retrievalVerbs.has(words[start]) || READ_QUANTIFIERS.has(words[start]))) start++;
  return start < by ? words.slice(start, by).join('_') : undefined;
}
function namesAReadByKey(name: string): boolean {
  const words = splitWords(name);
  if (words.length < 3 || !retrievalVerbs.has(words[0])) return false;
  const by = words.indexOf('by');
  return by > 0 && by < words.length - 1 && words.slice(1, by).every((word) => READ_QUANTIFIERS.has(word));
}
const actionVerbs = new Set(ACTION_VERBS);
const namePrepositions = new Set(NAME_PREPOSITIONS);
const genericResultNouns = new Set(GENERIC_RESULT_NOUNS);
const loggerFactories = new Set(LOGGER_FACTORIES);
const nonPhiProperties = new Set(NON_PHI_PROPERTIES);
const statusTextProperties = new Set(STATUS_TEXT_PROPERTIES);
const outcomeWords = new Set(OUTCOME_WORDS);
/** Fields of a response that hold the server's error report: set, the response failed. */
const errorFields = new Set(['error', 'errorMessage', 'ErrorMessage', 'errors', 'Error']);

/**
 * Whether `res.data` is read where `res` is known to have failed: the consequent of `if (!res.ok)`,
 * `if (res.status >= 400)`, `if (res.ok === false)`, or the alternate of `if (res.ok)`. Reads parent pointers
 * (set by the walk).
 */
function inFailedResponseBranch(member: TSESTree.MemberExpression, visiting: Node | undefined): boolean {
  const responseName = valueNameOf(member.object);
  return responseName !== undefined && inFailedBranchOf(member, responseName, visiting) !== undefined;
}

/**
 * Whether `read` is where the response named `responseName` is known to have failed (see inFailedResponseBranch): the
 * test that says so, or undefined.
 */
function inFailedBranchOf(read: Node, responseName: string, visiting: Node | undefined): Node | undefined {
  // The walk sets parents as it goes down: a read below the node a rule is handling (`throw new Error(res.data)`)
  // has none yet, and its branch is that node's.
  let child: Node = (read as { parent?: Node }).parent || !visiting ? read : visiting;
  for (let parent = (child as { parent?: Node }).parent; parent && !FUNCTION_TYPES.has(parent.type); child = parent, parent = (parent as { parent?: Node }).parent) {
    // `if (result.resultStatus === ResultType.Success) return result.resourcePayload;` then the log: below a guard
    // that leaves on success, the response has failed.
    if (parent.type === 'BlockStatement') {
      const at = parent.body.indexOf(child as TSESTree.Statement);
      for (let i = 0; i < at; i++) {
        const statement = parent.body[i];
        if (statement.type === 'IfStatement' && !statement.alternate && alwaysLeaves(statement.consequent) && branchTestOf(statement, responseName) === false) return statement.test;
      }
      continue;
    }
    if (parent.type !== 'IfStatement' && parent.type !== 'ConditionalExpression') continue;
    const failed = branchTestOf(parent, responseName);
    if (failed === true && child === parent.consequent) return parent.test;
    if (failed === false && child === parent.alternate) return parent.test;
  }
  return undefined;
}

/**
 * Whether `test` reads the HTTP outcome of the value named `name`: `name.ok`, or `name.status` / `name.statusCode`
 * compared with a number. Only a response has those (a Fetch `Response`, an HTTP client's or an app's API wrapper's
 * result), so a value so tested is one, whatever the engine knows of where it came from.
 */
function readsResponseFlag(test: Node, name: string): boolean {
  const inner = test.type === 'ChainExpression' ? test.expression : test;
  const flagOf = (node: Node) => {
    const read = node.type === 'ChainExpression' ? node.expression : node;
    return read.type === 'MemberExpression' && !read.computed && read.object.type === 'Identifier' && read.object.name === name ? propertyName(read) : undefined;
  };
  if (inner.type === 'LogicalExpression') return readsResponseFlag(inner.left, name) || readsResponseFlag(inner.right, name);
  if (inner.type === 'UnaryExpression' && inner.operator === '!') return readsResponseFlag(inner.argument, name);
  if (flagOf(inner) === 'ok') return true;
  if (inner.type === 'BinaryExpression') {
    if (flagOf(inner.left) === 'ok') return true;
    const status = flagOf(inner.left);
    return (status === 'status' || status === 'statusCode') && inner.right.type === 'Literal' && typeof inner.right.value === 'number';
  }
  return false;
}

/**
 * failureTestOf of a branch's test, and of a compound one: `response.ok && data.data`, `res.status === 200 && rows &&
 * rows.length > 0` hold on success (false), `!res.ok || !data` on failure (true) — see compoundTestOf.
 */
function branchTestOf(branch: TSESTree.IfStatement | TSESTree.ConditionalExpression, responseName: string): boolean | undefined {
  const simple = failureTestOf(branch.test, responseName);
  if (simple !== undefined) return simple;
  const test = branch.test.type === 'ChainExpression' ? branch.test.expression : branch.test;
  if (test.type !== 'LogicalExpression' || test.operator === '??') return undefined;
  return compoundTestOf(test, responseFamily(branch, responseName));
}

/**
 * `res.ok && data.data && data.data.url`: a success test on a response conjoined only with tests that its payload is
 * there (a read's truthiness, a list's length) holds on success (false); where it fails, the response failed or brought
 * no payload. `!res.ok || !data.data` — failure tests and absence tests — holds on failure (true). Every test must read
 * the response or a value declared from it (see responseFamily); a test of anything else (`res.ok && user.isAdmin`), or
 * a comparison of a count field (a partial result may hold a payload), leaves the branch unknown.
 */
function compoundTestOf(test: TSESTree.LogicalExpression, family: ReadonlySet<string>): boolean | undefined {
  const success = test.operator === '&&';
  const terms: Node[] = [];
  const flatten = (node: Node) => {
    const inner = node.type === 'ChainExpression' ? node.expression : node;
    if (inner.type === 'LogicalExpression' && inner.operator === test.operator) {
      flatten(inner.left);
      flatten(inner.right);
    } else terms.push(inner);
  };
  flatten(test);
  let tested = false;
  for (const term of terms) {
    if ([...family].some((name) => failureTestOf(term, name) === !success)) {
      tested = true;
      continue;
    }
    const presence = success ? term : term.type === 'UnaryExpression' && term.operator === '!' ? term.argument : undefined;
    if (!presence || !payloadPresenceTest(presence, family)) return undefined;
  }
  return tested ? !success : undefined;
}

/** `data`, `data.data?.url`, `!!rows`, `rows.length`, `rows.length > 0`: a test that a value of the family is there (and not empty). */
function payloadPresenceTest(node: Node, family: ReadonlySet<string>): boolean {
  let inner: Node = node.type === 'ChainExpression' ? node.expression : node;
  if (inner.type === 'UnaryExpression' && inner.operator === '!' && inner.argument.type === 'UnaryExpression' && inner.argument.operator === '!') inner = inner.argument.argument;
  if (inner.type === 'BinaryExpression' && inner.right.type === 'Literal') {
    const { operator, right } = inner;
    const nonEmpty = (operator === '>' && right.value === 0) || ((operator === '!==' || operator === '!=') && right.value === 0) || (operator === '>=' && right.value === 1);
    const left = inner.left.type === 'ChainExpression' ? inner.left.expression : inner.left;
    return nonEmpty && left.type === 'MemberExpression' && propertyName(left) === 'length' && family.has(rootNameOf(left.object) ?? '');
  }
  return (inner.type === 'Identifier' || inner.type === 'MemberExpression') && family.has(rootNameOf(inner) ?? '');
}

/** `response.data.data` → `response`, `this.res.body` → `res`: the variable a read starts from. */
function rootNameOf(node: Node): string | undefined {
  let inner = node;
  for (;;) {
    if (inner.type === 'ChainExpression' || inner.type === 'TSNonNullExpression' || inner.type === 'TSAsExpression') inner = inner.expression;
    else if (inner.type === 'MemberExpression') {
      if (inner.object.type === 'ThisExpression') return propertyName(inner);
      inner = inner.object;
    } else break;
  }
  return inner.type === 'Identifier' ? inner.name : undefined;
}

/** `await res.json()`, `res.data.data || []`, `res?.body`: the variable a declared value is read from, if it is read from one. */
function declaredSourceOf(init: Node): string | undefined {
  let inner = init;
  for (;;) {
    if (inner.type === 'AwaitExpression') inner = inner.argument;
    else if (inner.type === 'LogicalExpression' && inner.operator !== '&&') inner = inner.left;
    else if (inner.type === 'ChainExpression' || inner.type === 'TSAsExpression' || inner.type === 'TSNonNullExpression') inner = inner.expression;
    else if (inner.type === 'CallExpression' && inner.arguments.length === 0 && inner.callee.type === 'MemberExpression' && /^(?:json|text)$/.test(propertyName(inner.callee) ?? '')) inner = inner.callee.object;
    else break;
  }
  return inner.type === 'MemberExpression' || inner.type === 'Identifier' ? rootNameOf(inner) : undefined;
}

/**
 * The response and the values declared from it before `branch` in the enclosing blocks of its function: `name`, what
 * `name` was declared from (`const data = await response.json()` → `response`), what was declared from those
 * (`const rows = data.data || []`), and so on. Reads parent pointers; only the statements of the enclosing blocks.
 */
function responseFamily(branch: Node, name: string): ReadonlySet<string> {
  const sources = new Map<string, string>();
  let child: Node = branch;
  for (let parent = (child as { parent?: Node }).parent; parent && !FUNCTION_TYPES.has(parent.type); child = parent, parent = (parent as { parent?: Node }).parent) {
    if (parent.type !== 'BlockStatement' && parent.type !== 'Program') continue;
    const at = parent.body.indexOf(child as TSESTree.Statement);
    for (let i = 0; i < at; i++) {
      const statement = parent.body[i];
      if (statement.type !== 'VariableDeclaration') continue;
      for (const declarator of statement.declarations) {
        if (declarator.id.type !== 'Identifier' || !declarator.init || sources.has(declarator.id.name)) continue;
        const source = declaredSourceOf(declarator.init);
        if (source && source !== declarator.id.name) sources.set(declarator.id.name, source);
      }
    }
  }
  const family = new Set([name]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [declared, source] of sources) {
      if (family.has(declared) === family.has(source)) continue;
      family.add(declared);
      family.add(source);
      grew = true;
    }
  }
  return family;
}

/** `return x;`, `throw e;`, or a block that ends with one: the branch never falls through. */
function alwaysLeaves(statement: TSESTree.Statement): boolean {
  if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement') return true;
  return statement.type === 'BlockStatement' && statement.body.length > 0 && alwaysLeaves(statement.body[statement.body.length - 1]);
}

/**
 * FHIR resources a narrowed value can be that hold no patient's data: an operation's outcome (its issues and
 * diagnostics describe the request) and the definitional and organisational resources.
 */
const NARROWED_NON_PATIENT_TYPES: ReadonlySet<string> = new Set(['OperationOutcome', ...NON_PATIENT_RESOURCE_TYPES]);
/** Any of those names anywhere in a file: without one, no test in it can narrow a value to such a resource. */
const NAMES_NARROWED_NON_PATIENT_TYPE = new RegExp([...NARROWED_NON_PATIENT_TYPES].join('|'));

/**
 * Whether `name` is read where the code has tested it to be a resource holding no patient's data: the consequent
 * of `if (x.resourceType === 'OperationOutcome')` (also inside `&&`, after `'resourceType' in x`), or of a type
 * predicate named for that type (`isOperationOutcome(x)`, `extractResultIsOperationOutcome(x)`). Walks parent
 * pointers up to the enclosing function, like inFailedResponseBranch.
 */
function inNonPatientResourceBranch(read: Node, name: string, visiting: Node | undefined): boolean {
  let child: Node = (read as { parent?: Node }).parent || !visiting ? read : visiting;
  for (let parent = (child as { parent?: Node }).parent; parent && !FUNCTION_TYPES.has(parent.type); child = parent, parent = (parent as { parent?: Node }).parent) {
    const guarded = (parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && child === parent.consequent ? parent.test : parent.type === 'LogicalExpression' && parent.operator === '&&' && child === parent.right ? parent.left : undefined;
    if (guarded && testsNonPatientResource(guarded, name)) return true;
  }
  return false;
}

function testsNonPatientResource(test: Node, name: string): boolean {
  const inner = test.type === 'ChainExpression' ? test.expression : test;
  if (inner.type === 'LogicalExpression' && inner.operator === '&&') return testsNonPatientResource(inner.left, name) || testsNonPatientResource(inner.right, name);
  if (inner.type === 'BinaryExpression' && (inner.operator === '===' || inner.operator === '==')) {
    const resourceTypeOf = (node: Node) => {
      const read = node.type === 'ChainExpression' ? node.expression : node;
      return read.type === 'MemberExpression' && propertyName(read) === 'resourceType' && valueNameOf(read.object) === name;
    };
    const literal = (node: Node) => (node.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined);
    const type = resourceTypeOf(inner.left) ? literal(inner.right) : resourceTypeOf(inner.right) ? literal(inner.left) : undefined;
    return type !== undefined && NARROWED_NON_PATIENT_TYPES.has(type);
  }
  if (inner.type === 'CallExpression' && inner.arguments.length === 1 && inner.arguments[0].type === 'Identifier' && inner.arguments[0].name === name) {
    const predicate = calleeName(inner.callee);
    const tested = predicate ? /(?:^is|Is)([A-Z][A-Za-z]+)$/.exec(predicate)?.[1] : undefined;
    return tested !== undefined && NARROWED_NON_PATIENT_TYPES.has(tested);
  }
  return false;
}

// The reads failureTestOf recognises, module-level: it runs for every branch test, and closures made per call cost a
// property definition each in the shipped build (esbuild's keepNames names every closure).
function okOf(node: Node, responseName: string): boolean {
  return node.type === 'MemberExpression' && !node.computed && propertyName(node) === 'ok' && valueNameOf(node.object) === responseName;
}
function statusOf(node: Node, responseName: string): boolean {
  return node.type === 'MemberExpression' && !node.computed && (propertyName(node) === 'status' || propertyName(node) === 'statusCode') && valueNameOf(node.object) === responseName;
}
// `if (data.errorMessage)`, `if (res.error)`: the payload is the server's error report.
function errorOf(node: Node, responseName: string): boolean {
  return node.type === 'MemberExpression' && !node.computed && errorFields.has(propertyName(node) ?? '') && valueNameOf(node.object) === responseName;
}
// `res.Status == 'OK'` of an application's envelope (a .NET back end's `{ Status, Results, ErrorMessage }`).
// `result.resultStatus === ResultType.Success` of a typed envelope: its status compared with a member of a status enumeration.
function envelopeStatusOf(node: Node, responseName: string): boolean {
  const read = node.type === 'ChainExpression' ? node.expression : node;
  return read.type === 'MemberExpression' && !read.computed && /^(?:status|(?:result|response|request|operation)Status)$/i.test(propertyName(read) ?? '') && valueNameOf(read.object) === responseName;
}

/** true: the test holds when the response failed (`!res.ok`); false: when it succeeded (`res.ok`); undefined: neither. */
function failureTestOf(test: Node, responseName: string): boolean | undefined {
  const inner = test.type === 'ChainExpression' ? test.expression : test;
  if (okOf(inner, responseName)) return false;
  if (errorOf(inner, responseName)) return true;
  if (inner.type === 'UnaryExpression' && inner.operator === '!') {
    const negated = inner.argument.type === 'ChainExpression' ? inner.argument.expression : inner.argument;
    return okOf(negated, responseName) ? true : undefined;
  }
  if (inner.type !== 'BinaryExpression') return undefined;
  // `ResultType.Success`, `Status.Error`: a status enumeration's member compares like its name.
  const enumMember = inner.right.type === 'MemberExpression' && !inner.right.computed && /^[A-Z]/.test(valueNameOf(inner.right.object) ?? '') ? propertyName(inner.right) : undefined;
  const literal = inner.right.type === 'Literal' ? inner.right.value : enumMember;
  if (okOf(inner.left, responseName) && literal === false && (inner.operator === '===' || inner.operator === '==')) return true;
  if (envelopeStatusOf(inner.left, responseName) && typeof literal === 'string') {
    const equal = inner.operator === '===' || inner.operator === '==';
    if (!equal && inner.operator !== '!==' && inner.operator !== '!=') return undefined;
    const succeeded = /^(ok|success|succeeded)$/i.test(literal) ? true : /^(fail|failed|failure|error)$/i.test(literal) ? false : undefined;
    return succeeded === undefined ? undefined : succeeded !== equal;
  }
  if (statusOf(inner.left, responseName) && typeof literal === 'number') {
    if ((inner.operator === '>=' && literal >= 300) || (inner.operator === '>' && literal >= 299)) return true;
    if ((inner.operator === '!==' || inner.operator === '!=') && literal >= 200 && literal < 300) return true;
    // `res.status === 200`, `result.statusCode == 201`: a success status.
    if ((inner.operator === '===' || inner.operator === '==') && literal >= 200 && literal < 300) return false;
  }
  return undefined;
}

/** `result`, `saveResult`, `this.response`, `res?`: the object read from is named as an operation's outcome. */
function namesAnOutcome(object: Node): boolean {
  const name = valueNameOf(object.type === 'ChainExpression' ? object.expression : object);
  return name !== undefined && outcomeWords.has(splitWords(name).at(-1) ?? '');
}
const schemaParseMethods = new Set(SCHEMA_PARSE_METHODS);
/** A schema's methods that hand back the data they validated (yup, zod, valibot's methods, superstruct's `create`, Joi's `{ value }`). */
const SCHEMA_VALIDATING_METHODS = new Set(['parse', 'parseAsync', 'safeParse', 'safeParseAsync', 'validate', 'validateSync', 'validateAsync', 'cast']);
const patientKeyProperties = new Set(PATIENT_KEY_PROPERTIES);
const careSettingWords = new Set(CARE_SETTING_WORDS);
const codeStructureSuffixes = new Set(CODE_STRUCTURE_SUFFIXES);
const stateHooks = new Set(STATE_HOOKS);
const writeStreamFactories = new Set(WRITE_STREAM_FACTORIES);
const idbStoreMethods = new Set(IDB_STORE_METHODS);
const builderMethods = new Set(BUILDER_METHODS);
/** Kinds that name a whole record: a string or number so named is its id or reference (`patient: string`). */
const SCALAR_REFERENCE_KINDS = new Set(['patient-record', 'encounter']);
const mappingMethods = new Set(MAPPING_METHODS);
/** Array methods that return the receiver's elements (a known element stays known) and those that return one of them. */
const sameElementMethods = new Set(['filter', 'sort', 'toSorted', 'slice', 'reverse', 'toReversed']);
const oneElementMethods = new Set(['find', 'findLast', 'at', 'pop', 'shift']);
/** lodash's and underscore's collection functions (see collectionHelperValue) by what they return of their first argument. */
const COLLECTION_HELPER_MODULES = /^(lodash(-es)?|underscore)$/;
const collectionMappingHelpers = new Set(['map', 'flatMap', 'flatMapDeep', 'collect']);
const collectionSameHelpers = new Set(['filter', 'select', 'reject', 'sortBy', 'orderBy', 'uniq', 'uniqBy', 'compact', 'take', 'takeRight', 'drop', 'dropRight', 'toArray', 'values', 'flatten', 'flattenDeep', 'shuffle', 'sampleSize', 'without', 'difference', 'differenceBy', 'union', 'unionBy', 'groupBy', 'keyBy', 'indexBy', 'partition', 'chunk']);
const collectionOneHelpers = new Set(['find', 'findLast', 'detect', 'first', 'head', 'last', 'nth', 'sample', 'maxBy', 'minBy', 'findWhere']);
const collectionHelperNames = new Set([...collectionMappingHelpers, ...collectionSameHelpers, ...collectionOneHelpers]);
/** Array literals up to this length are tuples for destructuring (`[requests, order]`); longer ones are lists. */
const MAX_TUPLE_LENGTH = 8;
const joiningMethods = new Set(JOINING_METHODS);
const requestBodyProperties = new Set(REQUEST_BODY_PROPERTIES);
const containerProperties = new Set(CONTAINER_PROPERTIES);
const wrapperValueProperties = new Set(WRAPPER_VALUE_PROPERTIES);
const dynamoDbValueDescriptors = new Set(DYNAMODB_VALUE_DESCRIPTORS);
const displayedTextFields = new Set(DISPLAYED_TEXT_FIELDS);
const curriedPassThrough = new Set(CURRIED_PASS_THROUGH);
const emissionMappingOperators = new Set(EMISSION_MAPPING_OPERATORS);
const emissionPeekingOperators = new Set(EMISSION_PEEKING_OPERATORS);

const MAX_SNIPPET = 48;

/** `PatientSearchIcon`, `TaskCode`, `PATIENT_FIELDS`: components, classes, enums, namespaces and constants, not variables holding data. */
/** A key that names an id: `PersonId`, `patient_id`, `uuid`, `id`. */
const ID_KEY = /(?:^(?:id|uuid|key)$|[a-z0-9](?:Id|ID|Uuid|UUID|Key)$|_(?:id|uuid|key)$)/;
/** DynamoDB's attribute-value wrappers (`{ S: '…' }`, `{ N: '…' }`): the key they sit under names the value. */
const ATTRIBUTE_VALUE_TYPES = new Set(['S', 'N']);

/**
 * Whether `body` puts the variable `name` under a key that names an id (`PersonId: { S: `${record}` }`, `{ id: record }`)
 * and never reads a field of it or uses it whole otherwise than as text or an argument: then it is that id.
 */
function usedOnlyAsAnId(body: Node, name: string): boolean {
  let idUses = 0;
  let other = false;
  const visit = (node: Node, parent: Node | undefined): void => {
    if (other) return;
    if (node.type === 'Identifier' && node.name === name && parent) {
      if (parent.type === 'MemberExpression' && parent.property === node && !parent.computed) return;
      if (parent.type === 'Property' && parent.key === node && !parent.shorthand) return;
      if (parent.type === 'MemberExpression' && parent.object === node) other = true;
      return;
    }
    for (const child of childNodes(node)) {
      if (idKeyHolds(child, name)) idUses++;
      visit(child, node);
    }
  };
  visit(body, undefined);
  return idUses > 0 && !other;
}

/** The most fields fieldsReadOff collects: enough to say whose a row is, bounded on a long function. */
const MAX_FIELDS_READ = 24;

/** The fields a body reads off `name` (`record.ClinicId`, `record['siteCode']`), first level only. */
function fieldsReadOff(body: Node, name: string, into: string[]): void {
  const visit = (node: Node): void => {
    if (into.length >= MAX_FIELDS_READ) return;
    if (node.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === name) {
      const field = propertyName(node);
      if (field) into.push(field);
    }
    for (const child of childNodes(node)) visit(child);
  };
  visit(body);
}

/**
 * The names a value's producing expression gives its source: the callee's dotted name and the objects it is called on
 * (`clinicService.findById`, `db.collection('locations').findOne`), and the text of literal arguments (a collection,
 * a table, an endpoint: `'/api/practitioners/'`), split at path separators.
 */
function sourceNamesOf(init: Node, into: string[]): void {
  let node: Node | undefined = init;
  for (let depth = 0; node && depth < 8; depth++) {
    if (node.type === 'AwaitExpression') node = node.argument;
    else if (node.type === 'ChainExpression' || node.type === 'TSAsExpression' || node.type === 'TSNonNullExpression') node = node.expression;
    else if (node.type === 'CallExpression' || node.type === 'NewExpression') {
      for (const argument of node.arguments.slice(0, 2)) {
        const text = argument.type === 'Literal' && typeof argument.value === 'string' ? argument.value : argument.type === 'TemplateLiteral' ? argument.quasis.map((quasi) => quasi.value.cooked ?? '').join('/') : undefined;
        if (text) into.push(...text.split(/[^A-Za-z0-9_-]+/).filter(Boolean));
      }
      node = node.callee;
    } else if (node.type === 'MemberExpression') {
      const property = propertyName(node);
      if (property) into.push(property);
      node = node.object;
    } else {
      if (node.type === 'Identifier') into.push(node.name);
      return;
    }
  }
}

/** `PersonId: record`, `PersonId: `${record}``, `PersonId: { S: `${record}` }`. */
function idKeyHolds(node: Node, name: string): boolean {
  if (node.type !== 'Property' || node.computed) return false;
  const key = node.key.type === 'Identifier' ? node.key.name : node.key.type === 'Literal' ? String(node.key.value) : undefined;
  if (!key || !ID_KEY.test(key)) return false;
  let value: Node = node.value;
  if (value.type === 'ObjectExpression' && value.properties.length === 1) {
    const wrapped = value.properties[0];
    if (wrapped.type !== 'Property' || wrapped.key.type !== 'Identifier' || !ATTRIBUTE_VALUE_TYPES.has(wrapped.key.name)) return false;
    value = wrapped.value;
  }
  if (value.type === 'TemplateLiteral' && value.expressions.length === 1 && value.quasis.every((quasi) => quasi.value.cooked === '')) value = value.expressions[0];
  return value.type === 'Identifier' && value.name === name;
}

/** `record`, `newRecords`: a name that says only that the value is a record, of no one in particular. */
function isAnyonesRecord(name: string, kinds: readonly string[]): boolean {
  return kinds.length > 0 && kinds.every((kind) => kind === 'patient-record') && namesOnlyAnyonesRecord(name);
}

/** `MESSAGE.APPOINTMENT.NOT_FOUND`, `ERRORS.PATIENT_NOT_FOUND`: every name of a member path in capitals, and one a SCREAMING_SNAKE_CASE name. */
function isScreamingMemberPath(node: TSESTree.MemberExpression): boolean {
  let snake = false;
  let current: Node = node;
  while (current.type === 'MemberExpression') {
    if (current.computed || current.property.type !== 'Identifier' || !/^[A-Z][A-Z0-9_]*$/.test(current.property.name)) return false;
    snake ||= current.property.name.includes('_');
    current = current.object;
  }
  return current.type === 'Identifier' && /^[A-Z][A-Z0-9_]+$/.test(current.name) && (snake || current.name.includes('_'));
}

function rootOfMemberPath(node: TSESTree.MemberExpression): Node {
  let current: Node = node;
  while (current.type === 'MemberExpression') current = current.object;
  return current;
}

function isTypeOrConstantName(name: string): boolean {
  return /^[A-Z]/.test(name) && (/[a-z]/.test(name) || /^[A-Z0-9_$]+$/.test(name)) && name.length > 1;
}

/** Date arithmetic: the result is another moment in time, derived from the receiver. */
const DATE_ARITHMETIC = new Set(['setHours', 'setMinutes', 'setSeconds', 'setMilliseconds', 'setDate', 'setMonth', 'setFullYear', 'startOf', 'endOf', 'add', 'subtract', 'utc', 'local', 'tz', 'toDate', 'unix', 'plus', 'minus', 'toISODate', 'toMillis']);

function isNewDate(node: Node): boolean {
  return node.type === 'NewExpression' && dottedName(node.callee) === 'Date' && node.arguments.length === 0;
}

/** The names along the object a property is read from: `e2eUsers[0].profile` in `e2eUsers[0].profile.email`. */
function ownerNames(member: TSESTree.MemberExpression): string[] {
  const names: string[] = [];
  let node: Node = member.object;
  for (;;) {
    if (node.type === 'ChainExpression' || node.type === 'TSNonNullExpression') node = node.expression;
    else if (node.type === 'MemberExpression') {
      if (!node.computed && node.property.type === 'Identifier') names.push(node.property.name);
      node = node.object;
    } else if (node.type === 'CallExpression') node = node.callee;
    else break;
  }
  if (node.type === 'Identifier') names.push(node.name);
  return names;
}

/** A value known only as a whole patient record (`patient`), with no other PHI kind or known fields. */
function isWholePatientRecord(value: AbstractValue): boolean {
  return value.kinds.length > 0 && value.kinds.every((kind) => kind === 'patient-record') && !value.fields;
}

/** `e2eUsers[0].email`, `intakeTests.phone`: a property of an object named for tests holds test data. */
export function belongsToTestData(member: TSESTree.MemberExpression): boolean {
  return ownerNames(member).some(isSyntheticOwnerName);
}

/** `app/auth/changePassword.js`, `services/login.ts`: a file about the app's own accounts (sign-in, passwords, invitations). */
function fileIsAboutAccounts(file: string | undefined): boolean {
  return !!file && file.replace(/\.[^./]+$/, '').split('/').some(isAccountContextName);
}

/** `app/report/ReportRunner.js`, `src/alerts.js`: a file that sends the system's own reports and alerts to configured (staff) recipients. */
function fileIsAboutOperationsMessaging(file: string | undefined): boolean {
  return !!file && file.replace(/\.[^./]+$/, '').split('/').some(isOperationsMessagingName);
}

/**
 * Clinical kinds a contextual word takes beside a reference to the patient or their visit. Not medication or
 * immunization: `drugs`, `vaccines` beside a patient id are as often the catalogue a request filters by.
 */
const CLINICAL_CONTEXT_KINDS: ReadonlySet<string> = new Set(['clinical-note', 'diagnosis', 'vital-signs', 'procedure', 'medical-history']);

/** Retrieval words that describe data rather than do something (`currentPatient`, `selectedVisit`, `toPatient`). */
const ADJECTIVAL_RETRIEVAL_WORDS = new Set(['current', 'selected', 'to']);

/** A name that starts with a verb (`insertPatient`, `findPatients`, `usePatient`): an action, not a value. */
function namesAnAction(name: string): boolean {
  const first = splitWords(name)[0];
  return first !== undefined && splitWords(name).length > 1 && (actionVerbs.has(first) || (retrievalVerbs.has(first) && !ADJECTIVAL_RETRIEVAL_WORDS.has(first)));
}

/** The name a value goes by: `patientId`, `visit.uuid` → `uuid`. */
function valueNameOf(node: Node): string | undefined {
  return node.type === 'Identifier' ? node.name : node.type === 'MemberExpression' ? propertyName(node) : undefined;
}

/** `masterData`, `this.drugCatalogue`, `masterdataService`: the object read from, or called, is named for reference data. */
function namesReferenceDataObject(node: Node): boolean {
  const inner = node.type === 'ChainExpression' || node.type === 'TSNonNullExpression' ? node.expression : node;
  const name = valueNameOf(inner);
  return name !== undefined && namesReferenceData(name);
}

/** `patientId`, `patient`, `encounterUuid`, `visitId`: a key that says whose, or which visit's, the record is. */
function namesPatientReference(key: string | undefined): boolean {
  if (!key) return false;
  const words = splitWords(key);
  return subjectOfName(key) === 'patient' || words.includes('encounter') || (words.includes('visit') && words.length > 1);
}

/** A JSON module (`./compartmentdefinition-patient.json`, `@/schema/searchParameters.json`): content the repository holds. */
function isJsonModule(specifier: string): boolean {
  return /\.json$/i.test(specifier);
}
/** Functions that compute content from their arguments alone. */
const CONTENT_FUNCTIONS = new Set(['JSON.parse', 'JSON.stringify', 'structuredClone', 'Object.keys', 'Object.values', 'Object.entries', 'Object.fromEntries', 'Object.assign']);
/** Parsers and serialisers of specification formats (yaml, json5, toml): `parse(raw)`, `yaml.stringify(spec)`. */
const CONTENT_CODECS = new Set(['parse', 'stringify', 'load', 'loadAll', 'safeLoad', 'dump', 'safeDump', 'parseDocument']);
/** Array and string methods whose result is made of their receiver (and their literal or callback arguments). */
const CONTENT_METHODS = new Set(['map', 'flatMap', 'filter', 'reduce', 'concat', 'slice', 'find', 'findLast', 'flat', 'join', 'sort', 'keys', 'values', 'entries', 'toString', 'split', 'trim', 'replace', 'at', 'toLowerCase', 'toUpperCase']);

/** Every PHI kind of an object is held by one of its known fields (a literal's own fields, not a spread's unknown ones). */
function fieldsAccountForKinds(value: AbstractValue): boolean {
  const held = new Set<string>();
  value.fields?.forEach((field) => field.kinds.forEach((kind) => held.add(kind)));
  return value.kinds.every((kind) => held.has(kind));
}

export abstract class ValueEvaluator {
  protected scope = new Scope(undefined, true);
  /** The node whose rule handlers are running: nodes below it have no parent pointer yet. */
  protected visiting: Node | undefined;
  protected readonly classStack: string[] = [];
  protected readonly memo = new Map<Node, { version: number; value: AbstractValue }>();
  protected version = 0;
  protected readonly sanitizerNames: Set<string>;
  protected readonly imports = new Map<string, { module: string; imported: string }>();
  /** Whether the file imports a FHIR resource type (`import type { Patient } from 'fhir/r4'`), asked once. */
  private importsFhirTypes: boolean | undefined;
  /** Every module specifier the file imports or requires at its top level. */
  protected readonly importedModules = new Set<string>();
  /** Properties the file fills with measurement records (`data.post_records.push(reading)`), and what they hold. */
  protected readonly collectedMeasurements = new Map<string, AbstractValue>();
  /** The file's reads of delivered messages about patients (queue records, bucket objects), found on first use. */
  private patientMessageReads: ReadonlySet<Node> | undefined;

  /** Names of the functions being walked (innermost last): `createUser`, `registerPatient`. */
  protected readonly functionNames: string[] = [];
  /** The functions being walked (innermost last), and the program: where provenance looks for how a name is used. */
  protected readonly functionNodes: Node[] = [];
  private readonly fileSubject: Subject | undefined;
  private readonly fileAboutAccounts: boolean;
  private readonly fileAboutOperationsMessaging: boolean;
  /** Object literals being evaluated under a key that names a person (`person: { … }`, `patient: { … }`). */
  private personKeyDepth = 0;
  /**
   * Object literals being evaluated under a key that names the workforce or an organisation
   * (`doctor: { full_name }`, `center: { phone }`), innermost last, with 0 marking a person key inside one.
   */
  private readonly workforceKeys: boolean[] = [];

  constructor(protected readonly options: AnalyzerOptions) {
    this.sanitizerNames = new Set(options.extraSanitizers.map((name) => name.toLowerCase()));
    this.fileSubject = fileSubjectOf(options.file, options.appUsersArePatients);
    this.fileAboutAccounts = !options.appUsersArePatients && fileIsAboutAccounts(options.file);
    this.fileAboutOperationsMessaging = fileIsAboutOperationsMessaging(options.file);
  }

  /**
   * Whose data the code at this point handles: the innermost function whose name says (`inviteStaff`,
   * `updatePatient`), else the file's path (`api/users.js`, `routes/patients.ts`), else — a weaker sign,
   * only where nothing names the patient — code about the app's own accounts (`login`,
   * `doChangePassword`, `class AuthService`, `auth/resetPassword.js`): the e-mail or phone a sign-in
   * or password reset reads is the account holder's login. A patient portal's sign-in stays the patient's.
   */
  protected subjectHere(): Subject | undefined {
    // The innermost key an object literal is built under is the nearest word on whose data it holds.
    if (this.workforceKeys.at(-1)) return 'workforce';
    for (let i = this.functionNames.length - 1; i >= 0; i--) {
      const subject = this.subjectOfContextName(this.functionNames[i]);
      if (subject) return subject;
    }
    if (this.fileSubject) return this.fileSubject;
    if (this.classStack.some((name) => subjectOfName(name) === 'patient') || this.personKeyDepth > 0) return 'patient';
    const aboutAccounts = this.fileAboutAccounts || (!this.options.appUsersArePatients && (this.functionNames.some((name) => isAccountContextName(name)) || this.classStack.some((name) => isAccountContextName(name))));
    // The system's own reports and alerts go to configured staff recipients; a sending helper's
    // destination is whoever its caller names (what the caller passes is followed, not guessed here).
    const aboutOperationsMessaging = this.fileAboutOperationsMessaging || this.functionNames.some(isOperationsMessagingName) || this.classStack.some(isOperationsMessagingName);
    const innermost = this.functionNames[this.functionNames.length - 1];
    const inSendingHelper = innermost !== undefined && isMessageSendingHelperName(innermost);
    return aboutAccounts || aboutOperationsMessaging || inSendingHelper ? 'workforce' : undefined;
  }

  /**
   * Whose data a value named so is: `practitioner`, `clinic`, `employer` the workforce's or an
   * organisation's; the app's `user` the workforce's too, unless the code around serves patients (a
   * patient portal's handler), where the user is the patient.
   */
  protected subjectOfValue(name: string): Subject | undefined {
    const subject = subjectOfName(name);
    if (subject === 'workforce' && isAppUserName(name) && (this.options.appUsersArePatients || this.subjectHere() === 'patient')) return 'patient';
    return subject;
  }

  /** Whose data a function's name says it handles; in a patient app, `updateUser` and `login` handle a patient's. */
  private subjectOfContextName(name: string): Subject | undefined {
    const subject = subjectOfName(name);
    return subject === 'workforce' && this.options.appUsersArePatients && isAppUserName(name) ? undefined : subject;
  }

  /**
   * `this.patientMedicalForm`, `generalPersonalHistoryForm` in a file that builds Angular reactive forms
   * (`@angular/forms`): a form group holds what its controls hold, and its `.value` is that data, so the words
   * before the trailing `Form` say what it carries (the code-structure word alone would clear it, as it does for a
   * `PatientForm` component). Nothing when those words name no PHI (`searchForm`, `loginForm`).
   */
  protected reactiveFormKinds(name: string): NameClassification | undefined {
    const words = splitWords(name);
    const last = words[words.length - 1];
    if (isTypeOrConstantName(name) || !this.importsModule(ANGULAR_FORMS_MODULE)) return undefined;
    if (words.length >= 2 && (last === 'form' || last === 'forms')) {
      const byName = this.classifyHere(words.slice(0, -1).join('_'));
      if (!byName.trap && byName.kinds.length) return byName;
    }
    return this.formControlKinds(name);
  }

  /**
   * `leaderContactsForm = new FormGroup({ patientPhoneNumber, nextofkinPhoneNumber })`, `generalFindingsForm.controls['chiefComplaints']`:
   * a form group named for nothing holds what the controls this file gives it hold (a sub-form control, `historyForm`,
   * by the words before `Form`). A form the name says is the workforce's (`userForm`, `staffForm`) holds theirs.
   */
  private formControlKinds(name: string): NameClassification | undefined {
    const program = this.programNode();
    const controls = program ? angularFormControlsOf(program).get(name) : undefined;
    if (!controls || subjectOfName(name) === 'workforce') return undefined;
    const kinds = new Set<string>();
    for (const control of controls) {
      const words = splitWords(control);
      const last = words[words.length - 1];
      const control_ = words.length >= 2 && (last === 'form' || last === 'forms' || last === 'array') ? words.slice(0, -1).join('_') : control;
      const byName = this.classifyHere(control_);
      if (!byName.trap) byName.kinds.forEach((kind) => kinds.add(kind));
    }
    return kinds.size ? { kinds: [...kinds].sort(), trap: false, clearsTaint: false, personContext: true } : undefined;
  }

  /** The form group itself (or its `.value`): an object, so as text it is `[object Object]` (see asText). */
  protected reactiveFormValue(form: NameClassification, node: Node): AbstractValue {
    return withTag({ ...fromKinds(form.kinds, this.origin(node, form.kinds), 'medium'), personContext: true }, 'declared-record');
  }

  /**
   * What a name says, where the code is: a bare `email` or `phone` in code about the workforce (user
   * management, practitioner sync, clinic settings) is their contact, not a patient's.
   */
  protected classifyHere(name: string, personContext = false): NameClassification {
    const byName = this.options.classifier.classify(name, personContext);
    // A name that says it is the patient's (`patientEmail`) stays theirs wherever the code is.
    // (Whose a record that names no one is, its source decides, not the code around: see subjectOfRecordSource.)
    if (personContext || byName.kinds.length === 0 || subjectOfName(name) === 'patient' || this.subjectHere() !== 'workforce') return byName;
    const kinds = withoutContactKinds(byName.kinds);
    return kinds === byName.kinds ? byName : { ...byName, kinds };
  }

  /** What a function of this file returns for these arguments (its body walked silently). */
  protected abstract summarize(node: Node, argumentValues: readonly AbstractValue[]): AbstractValue;
  /** The method of a class of this file a call runs (`this.load()`), for what it returns. */
  protected abstract localMethodOf(callee: TSESTree.MemberExpression): Node | undefined;
  /** What an imported class's method returns when the workspace knows it (`this.orders.byPatient(id)` → a response). */
  protected abstract importedMethodReturn(call: TSESTree.CallExpression): AbstractValue | undefined;

  /**
   * `response$.pipe(map((r) => r.results), tap((x) => …))`: what each operator's callback receives and what
   * the piped Observable emits. Mapping operators emit what their callback returns; peeking ones pass the
   * emission on; any other operator (`take(1)`, `catchError(…)`) leaves it as it is.
   */
  protected pipedEmissions(call: TSESTree.CallExpression, emission: AbstractValue): { callbacks: Map<Node, AbstractValue>; emitted: AbstractValue } {
    const callbacks = new Map<Node, AbstractValue>();
    let current = emission;
    for (const operator of call.arguments) {
      if (operator.type !== 'CallExpression' || operator.callee.type !== 'Identifier') continue;
      const name = operator.callee.name;
      const callback = operator.arguments[0];
      if (!callback || !FUNCTION_TYPES.has(callback.type)) continue;
      if (emissionMappingOperators.has(name)) {
        callbacks.set(callback, current);
        const returned = this.summarize(callback, [current]);
        // What the callback makes of the response (`r.results`, named lab results once read) is still the
        // response's: it keeps the response as its evidence. A count or a flag read from it is nothing.
        current = !hasPhi(returned) || isResponseValue(returned) ? returned : { ...returned, origins: [...current.origins.filter((origin) => origin.response), ...returned.origins].slice(0, 3) };
      } else if (emissionPeekingOperators.has(name)) {
        callbacks.set(callback, current);
      }
    }
    return { callbacks, emitted: current };
  }

  /** What an Observable (or promise) value emits, when the analysis knows it is a response: never a name's guess. */
  protected emissionOf(value: AbstractValue): AbstractValue {
    return isResponseValue(value) ? value : EMPTY;
  }
  /** Where a local name was imported from: `import { redirect } from 'next/navigation'`, `const x = require('y')`. */
  /**
   * `_fetchApi(url, (data) => …)`, `getJson(url)`: a request helper of this file or of a relatively imported module (see
   * extractRequestWrappers), called with its URL argument.
   */
  requestWrapperAt(node: TSESTree.CallExpression, name: string): RequestWrapper | undefined {
    const index = this.options.index;
    if (!index || !this.options.file || node.arguments.length === 0) return undefined;
    const imported = this.importedFrom(name);
    if (imported && (imported.imported === '*' || imported.imported === 'default')) return undefined;
    const wrapper = index.requestWrapperOf(this.options.file, imported?.module, imported?.imported ?? name);
    return wrapper && node.arguments[wrapper.url] ? wrapper : undefined;
  }

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

  protected collectImports(program: TSESTree.Program): void {
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

  /** `payload.ssn = value`: the field's name says what an opaque value is. */
  protected fieldAssignmentValue(target: TSESTree.MemberExpression, value: AbstractValue, assigned: Node | undefined): AbstractValue {
    const name = propertyName(target);
    if (!name) return taintOnly(value);
    const byName = this.options.classifier.classify(name);
    if (byName.trap) return byName.clearsTaint ? EMPTY : taintOnly(value);
    if (hasPhi(value)) return taintOnly(value);
    if (!assigned || isLiteralLike(assigned) || isSanitized(value)) return EMPTY;
    // `vm.patient = {}`: an empty object is a placeholder to fill later, like `[]` or `''` (what fills it is followed
    // where it is written), not the record the key names; `{ patient: {} }` in a literal holds none either.
    if (assigned.type === 'ObjectExpression' && assigned.properties.length === 0) return EMPTY;
    // `updates.PatientDeathData = rows.length`, `order.patient = visit.patientId`: a count or an id read from
    // something holds that count or id, not the record the key names.
    if (assigned.type === 'MemberExpression' && !assigned.computed && this.options.classifier.classify(propertyName(assigned) ?? '').clearsTaint) return EMPTY;
    // `userData.email = …` on a staff user's record: a workforce member's contact, not a patient's.
    const owner = this.valueOf(target.object);
    const kinds = owner.workforce || (!owner.personContext && this.subjectHere() === 'workforce') ? withoutContactKinds(byName.kinds) : byName.kinds;
    return fromKinds(kinds, this.origin(target, kinds), 'medium');
  }

  /**
   * An object literal handed to a parameter whose type the workspace declares: the literal's own fields, read by the
   * declared type for the fields it does not set. Only when those fields account for all of the literal's PHI (no
   * spread of an opaque record) and the value is not already known by a type.
   */
  protected withDeclaredShape(typeName: string | undefined, assigned: AbstractValue): AbstractValue | undefined {
    if (!typeName || assigned.typeName || !assigned.fields || !hasPhi(assigned) || !fieldsAccountForKinds(assigned)) return undefined;
    return this.options.index?.resolve(typeName, this.options.classifier, this.options.file) ? { ...assigned, typeName } : undefined;
  }

  /** A type the workspace spells out to the last field (see WorkspaceIndex.isSpelledOut), none of which carries PHI. */
  declaresShapeWithoutPhi(typeName: string): boolean {
    if (!this.options.index?.isSpelledOut(typeName)) return false;
    const resolved = this.options.index.resolve(typeName, this.options.classifier, this.options.file);
    return resolved !== undefined && resolved.fields.size > 0 && resolved.kinds.length === 0 && resolved.index === undefined;
  }

  /** A declared type whose value carries PHI, or whose shape the workspace index spells out. */
  private isKnownType(typed: AbstractValue | undefined, typeName: string): boolean {
    return typed !== undefined && (hasPhi(typed) || this.options.index?.resolve(typeName, this.options.classifier, this.options.file) !== undefined);
  }

  /** `x as Appointment`, `<Patient>x`, `x satisfies Coverage`: an initialiser asserted to a type the analysis knows the shape of. */
  private assertsKnownType(init: Node | undefined, at: Node): boolean {
    if (init?.type !== 'TSAsExpression' && init?.type !== 'TSTypeAssertion' && init?.type !== 'TSSatisfiesExpression') return false;
    const asserted = typeNameOfAnnotation(init.typeAnnotation);
    return asserted.name !== undefined && this.isKnownType(this.typedValue(asserted.name, at, asserted.namespace), asserted.name);
  }

  /**
   * The value a named variable ends up with: what was assigned, plus what its name says when the
   * assigned value is opaque (an unknown call), minus everything when its name or type is a trap.
   */
  protected valueForName(identifier: TSESTree.Identifier, assigned: AbstractValue, init: Node | undefined): AbstractValue {
    const annotation = typeNameOfAnnotation(identifier.typeAnnotation?.typeAnnotation);
    // A boolean carries no PHI; a known `false` stays known (`if (flag)` then never runs).
    if (annotation.isBoolean) return assigned.constant === false ? { ...EMPTY, constant: false } : EMPTY;
    // `const compartmentPatient = require('./compartmentdefinition-patient.json')`, or a table computed from it:
    // the repository's own metadata, whatever its name says.
    if (isWorkspaceContent(assigned)) return assigned;
    // `const passport = require('passport')`: a library is code, whatever its name says.
    if (init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require' && init.arguments[0]?.type === 'Literal' && typeof init.arguments[0].value === 'string' && !/^[./]/.test(init.arguments[0].value)) return assigned;
    // `this.call({ endpoint, body, correlationId })` into `options: CallOptions`: the caller's object literal says which
    // fields carry its PHI and the declared type what the others are, so a field no caller sets (`options.query`) is
    // not the body's PHI.
    const shaped = this.withDeclaredShape(annotation.name, assigned);
    if (shaped) assigned = shaped;
    const form = annotation.isScalar ? undefined : this.reactiveFormKinds(identifier.name);
    if (form && !hasPhi(assigned)) return this.reactiveFormValue(form, identifier);
    const byName = this.options.classifier.classify(identifier.name);
    if (byName.trap) {
      // `entity: T`, `patientForm: FormGroup<PatientForm>`: a declared type that holds PHI beats a code-structure name.
      const declared = annotation.name ? this.annotatedTypeValue(identifier.typeAnnotation?.typeAnnotation, annotation.name, identifier, annotation.namespace) : undefined;
      if (declared && hasPhi(declared)) return byName.clearsTaint ? declared : { ...join(assigned, declared), typeName: declared.typeName };
      // `event`, `input`, `payload` say nothing themselves; where the value came from may.
      if (!byName.clearsTaint && !hasPhi(assigned) && !isSanitized(assigned)) {
        const provenance = this.withProvenance(identifier, this.asCareSetting(identifier.name, assigned));
        // `props: AssociationsProps` declared by the workspace without PHI: its fields still say what each holds
        // (`patient: number` is a reference, not the record), so the declared shape is kept for the reads.
        return this.declaredShapeKept(provenance, declared);
      }
      if (!byName.clearsTaint || !hasPhi(assigned)) return this.asCareSetting(identifier.name, assigned);
      return { ...EMPTY, tags: assigned.tags, stringPrefix: assigned.stringPrefix, stringNode: assigned.stringNode, stringShape: assigned.stringShape, constant: assigned.constant };
    }
    let value = assigned;
    const typed = annotation.name ? this.annotatedTypeValue(identifier.typeAnnotation?.typeAnnotation, annotation.name, identifier, annotation.namespace) : undefined;
    // The declared type keeps its shape when the assigned value brings PHI of its own (a caller's argument).
    // An object the analysis knows field by field (`const params: Query = { body: { query } }`, a caller's argument of one)
    // keeps those fields under a declared shape without PHI: they say more than the declaration.
    if (typed && hasPhi(value) && value.fields && !hasPhi(typed)) value = { ...value, typeName: typed.typeName ?? value.typeName };
    else if (typed) value = typed.typeName && hasPhi(value) && hasPhi(typed) ? { ...join(value, typed), typeName: typed.typeName } : join(value, typed);
    if (shaped) value = { ...value, fields: shaped.fields, typeName: shaped.typeName };
    // `request: TrackerRequest` (message id, timestamps, opaque ids) handed `builder.makePrescriptionRequest()`: a shape
    // the workspace declares, field by field, with no PHI says more than the caller's guess from a function's name.
    if (typed && !hasPhi(typed) && hasPhi(value) && value.confidence === 'medium' && !value.fields && !value.typeName && this.declaresShapeWithoutPhi(annotation.name!)) value = typed;
    // `extensions: Extension[]` handed a caller's PHI: the value keeps that PHI (its fields are unknown), but
    // as text it is a record, `[object Object]` (see asText).
    if (typed?.typeName && !hasPhi(typed) && hasPhi(value) && !value.typeName && this.isRecordType(typed.typeName)) value = withTag(value, 'declared-record');
    // A declared type with a known shape says more than the variable's name.
    // So does one the initialiser asserts (`const fhirAppointment = resources.find(…) as Appointment`).
    // So does the type a call's type argument gave the value (`const [appointments] = useState<Appointment[]>([])`): a
    // guess from the name would join in and lose the shape, and with it what each field holds (`practitionerName`).
    const typeIsKnown = this.isKnownType(typed, annotation.name!) || this.assertsKnownType(init, identifier) || (init?.type === 'CallExpression' && init.typeArguments !== undefined && assigned.typeName !== undefined && hasPhi(assigned) && this.isKnownType(assigned, assigned.typeName));
    const opaqueInit = !typeIsKnown && (!init || !(init.type === 'Identifier' || init.type === 'MemberExpression' || init.type === 'ChainExpression' || isLiteralLike(init) || init.type === 'TemplateLiteral' || init.type === 'ObjectExpression' || init.type === 'ArrayExpression' || init.type === 'BinaryExpression' || init.type === 'LogicalExpression' || init.type === 'ConditionalExpression' || FUNCTION_TYPES.has(init.type) || this.isDerivedFromKnownValue(init)));
    // `const pTrackerId = obs?.value`, `const phone = event.target.value`, `const mrn = this.form.get('mrn').value`: the
    // `value` of a form control, an input, an observation or a FHIR Identifier/ContactPoint is whatever was entered
    // or recorded there; the read says nothing about it, so the name the code gives it says what it holds.
    const guessesGenericValue = !opaqueInit && !typeIsKnown && !hasPhi(value) && !value.workforce && readsGenericValue(init);
    // Whose code this is matters only to what the name guesses (asked for every binding: not for a name that guesses nothing).
    const inWorkforceCode = byName.kinds.length > 0 && subjectOfName(identifier.name) !== 'patient' && this.subjectHere() === 'workforce';
    // A record that names no one (`record`, `newRecord`) is whoever's its source says: `validateRecord(record)` that
    // reads `record.ClinicSchedule` is a clinic's row, `const record = await patientService.findById(id)` a patient's,
    // wherever the file sits. Nothing said keeps it a patient's record (the default guess).
    const anyonesRecord = isAnyonesRecord(identifier.name, byName.kinds);
    const sourceSubject = anyonesRecord ? this.subjectOfRecordSource(identifier, init, annotation.name) : undefined;
    // `updateRecord(record)` that writes `Key: { PersonId: { S: `${record}` } }`: the "record" is a row's key, an opaque id.
    const usedAsAnId = anyonesRecord && sourceSubject !== 'workforce' && !init && this.parameterUsedAsAnId(identifier);
    const anyonesRecordHere = usedAsAnId || sourceSubject === 'workforce';
    // What a caller guessed from its own generic name (`records.map((record) => updateRecord(record))`) gives way too;
    // a caller's known PHI (an NHS number handed as the key) does not.
    if (usedAsAnId && hasPhi(value) && value.kinds.every((kind) => kind === 'patient-record')) value = EMPTY;
    const guessedByName = anyonesRecordHere ? [] : inWorkforceCode ? withoutContactKinds(byName.kinds) : byName.kinds;
    // `patient: string`, `encounter: number`: a whole record cannot be a string; it is its id or reference.
    // Only when the name ends in the record's noun (`patient`, `encounterUuid` is a trap anyway): `visitStartDate: string` is a date.
    const guessed = annotation.isScalar && guessedByName.every((kind) => SCALAR_REFERENCE_KINDS.has(kind)) && this.endsInRecordNoun(identifier.name) ? [] : guessedByName;
    if ((opaqueInit || guessesGenericValue) && guessed.length && !this.isSanitizedInit(init)) {
      value = join(value, fromKinds(guessed, this.origin(identifier, guessed), 'medium'));
    }
    if (byName.personContext && !value.personContext && !anyonesRecordHere) value = { ...value, personContext: true };
    // `const childConcept = childFormElement.concept`: a thing with a name of its own, whoever's form it sits in.
    else if (!byName.personContext && value.personContext && !hasPhi(value) && namesAThing(identifier.name)) value = { ...value, personContext: undefined };
    // `const user = await getUser()`, `const practitioner = …`: whose contact details reads from it return.
    const subject = this.subjectOfValue(identifier.name);
    if (!value.workforce && subject === 'workforce' && !value.personContext) value = { ...value, workforce: true };
    else if (subject === 'patient' && isAppUserName(identifier.name) && !value.personContext) value = { ...value, personContext: true };
    value = this.asCareSetting(identifier.name, value);
    // `const phone = req.body.phone_no; const user = await User.findOne({ where: { phone_no: phone } })`: a value the code
    // looks up in the app's own user table is an account holder's login. Where the app's users are its workforce, their
    // contact details are not PHI (the same reading as `user.phone`); clinical data and identifiers keep what they carry.
    if (hasPhi(value) && !this.options.appUsersArePatients && value.kinds.some((kind) => CONTACT_KINDS.has(kind)) && this.lookedUpInAppUserTable(identifier)) {
      const kinds = withoutContactKinds(value.kinds);
      value = kinds.length ? { ...value, kinds, workforce: true } : { ...EMPTY, workforce: true };
    }
    if (!hasPhi(value) && !value.workforce && !isSanitized(value)) value = this.withProvenance(identifier, value);
    return value;
  }

  /**
   * Whether the function that declares `identifier` hands it to a lookup of the app's user table as a filter value:
   * `User.findOne({ where: { phone_no: phone } })` (Sequelize), `User.findOne({ phone })` (Mongoose),
   * `prisma.user.findFirst({ where: { email } })`, `userRepository.findOneBy({ email })`.
   */
  private lookedUpInAppUserTable(identifier: TSESTree.Identifier): boolean {
    // The function being analysed declares it (a destructured shorthand name has no parent link of its own).
    const scope = this.functionNodes.at(-1);
    if (!scope) return false;
    let names = this.namesLookedUpAsAppUsers.get(scope);
    if (!names) this.namesLookedUpAsAppUsers.set(scope, (names = this.collectNamesLookedUpAsAppUsers(scope)));
    return names.has(identifier.name);
  }

  /** Per function, the variables its code hands to lookups of the app's user table (computed once per function). */
  private readonly namesLookedUpAsAppUsers = new WeakMap<Node, ReadonlySet<string>>();

  private collectNamesLookedUpAsAppUsers(scope: Node): ReadonlySet<string> {
    const names = new Set<string>();
    const text = this.options.text.slice(scope.range[0], scope.range[1]);
    if (!/[Uu]ser/.test(text) || !USER_LOOKUP_CALL.test(text)) return names;
    const stack: Node[] = [scope];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && !node.callee.computed && node.callee.property.type === 'Identifier' && USER_LOOKUP_METHODS.has(node.callee.property.name)) {
        const receiver = node.callee.object;
        const table = receiver.type === 'Identifier' ? receiver.name : receiver.type === 'MemberExpression' && !receiver.computed && receiver.property.type === 'Identifier' ? receiver.property.name : undefined;
        const filter = node.arguments[0];
        // A patient portal's accounts (`PortalUser`, `PatientUser`) are patients'.
        const staffTable = table !== undefined && isAppUserName(table.replace(/(Model|Repository|Repo|Collection|Table)$/, '')) && subjectOfName(table) !== 'patient' && !splitWords(table).some((word) => PATIENT_ACCOUNT_WORDS.has(word));
        if (staffTable && filter?.type === 'ObjectExpression') filterValueNames(filter, names);
      }
      for (const child of childNodes(node)) stack.push(child);
    }
    return names;
  }

  /**
   * Whose a record that names no one is, from where it comes from: its declared type (`record: ClinicRow`), the call
   * that produced it (`clinicService.findById(…)`, `db.collection('locations').findOne(…)`, `fetch('/api/practitioners/…')`),
   * or, for a parameter, the function that takes it (`syncClinicRecord(record)`) and the fields its body reads off it
   * (`record.ClinicScheduleSummary`). A patient word anywhere wins (`patientService`, `record.patientName`); the file's
   * path says nothing (a patient's record read in a pharmacy's route is still the patient's).
   */
  private subjectOfRecordSource(identifier: TSESTree.Identifier, init: Node | undefined, typeName: string | undefined): Subject | undefined {
    const names: string[] = [];
    const fields: string[] = [];
    if (typeName) names.push(typeName);
    if (init) sourceNamesOf(init, names);
    else {
      const fn = this.functionNodes.at(-1);
      if (fn && FUNCTION_TYPES.has(fn.type) && (fn as TSESTree.FunctionLike).params.includes(identifier)) {
        const functionName = this.functionNames.at(-1);
        if (functionName) names.push(functionName);
        const body = (fn as TSESTree.FunctionLike).body;
        if (body) fieldsReadOff(body, identifier.name, fields);
      }
    }
    let subject: Subject | undefined;
    for (const name of names) {
      const said = this.subjectOfValue(name);
      if (said === 'patient') return 'patient';
      subject ??= said;
    }
    return subject ?? this.subjectOfFieldsRead(fields);
  }

  /**
   * Whose row the fields read off it say: an organisation's when one names one (`ClinicScheduleSummary`, `siteCode`)
   * and none names a patient or a person's data (`record.firstName`, `record.dob`). A patient's record with a
   * `record.provider` beside its `record.name` stays the patient's.
   */
  private subjectOfFieldsRead(fields: readonly string[]): Subject | undefined {
    let workforce = false;
    for (const field of fields) {
      const said = this.subjectOfValue(field);
      if (said === 'patient') return 'patient';
      if (said === 'workforce') workforce = true;
      else if (this.options.classifier.kindsOf(field).length > 0) return undefined;
    }
    return workforce ? 'workforce' : undefined;
  }

  /**
   * A value of a declared shape the workspace spells out without PHI, with none found for it elsewhere: the shape is kept so
   * that its fields are read as declared (`patient: number` a reference) rather than guessed from their names.
   */
  protected declaredShapeKept(value: AbstractValue, declared: AbstractValue | undefined): AbstractValue {
    // Only a shape without PHI: one that declares PHI fields is the trap branch's (and the caller's) to join.
    if (!declared?.typeName || hasPhi(declared) || value.typeName || value.fields || hasPhi(value) || value.workforce) return value;
    if (!this.options.index?.declares(declared.typeName)) return value;
    return { ...value, typeName: declared.typeName };
  }

  /** A parameter of the function being walked that its body only puts under an id key and never reads a field of (see usedOnlyAsAnId). */
  private parameterUsedAsAnId(identifier: TSESTree.Identifier): boolean {
    const fn = this.functionNodes.at(-1);
    if (!fn || !FUNCTION_TYPES.has(fn.type)) return false;
    const { params, body } = fn as TSESTree.FunctionLike;
    if (!body || !params.includes(identifier)) return false;
    return usedOnlyAsAnId(body, identifier.name);
  }

  /** `patient`, `encounter`: the name's last word names a record that a scalar can only be the id or reference of. */
  /** A value whose only PHI is a whole record's kind (no fields, no declared type), named by a name ending in the record's noun. */
  private isWholeRecordByName(value: AbstractValue, node: Node): boolean {
    if (!hasPhi(value) || value.fields || value.typeName || value.element || value.tuple) return false;
    if (!value.kinds.every((kind) => SCALAR_REFERENCE_KINDS.has(kind))) return false;
    // `${ids.ehr ?? 'not found'}`, `${visit?.encounter}`, `${encounter!}`: the name read, with a literal fallback.
    let read: Node = node;
    for (;;) {
      if (read.type === 'ChainExpression' || read.type === 'TSNonNullExpression') read = read.expression;
      else if (read.type === 'LogicalExpression' && (read.operator === '??' || read.operator === '||') && read.right.type === 'Literal') read = read.left;
      else break;
    }
    const name = read.type === 'Identifier' ? read.name : read.type === 'MemberExpression' && !read.computed ? propertyName(read) : undefined;
    return name !== undefined && this.endsInRecordNoun(name);
  }

  private endsInRecordNoun(name: string): boolean {
    const last = splitWords(name).at(-1);
    const kinds = last ? this.options.classifier.classify(last).kinds : [];
    return kinds.length > 0 && kinds.every((kind) => SCALAR_REFERENCE_KINDS.has(kind));
  }

  /**
   * A name for a place or a staff member (`provider`, `location`, `encounterProvider`) says whose the value is
   * even when it came from a patient's context (`getProviderByPersonUuid(…)`, `visit.location`): the
   * workforce's. Not the app's `user` (a portal's user is the patient) nor a name that names the patient.
   */
  protected asCareSetting(name: string, value: AbstractValue): AbstractValue {
    if (value.workforce || subjectOfName(name) !== 'workforce' || isAppUserName(name)) return value;
    return splitWords(name).some((word) => careSettingWords.has(word)) ? { ...value, workforce: true } : value;
  }

  /** Where a generically named value comes from says what it holds: a tracker event, a subscription handler's input. */
  protected withProvenance(identifier: TSESTree.Identifier, value: AbstractValue): AbstractValue {
    const host = this as unknown as ProvenanceHost;
    const fn = this.functionNodes.at(-1);
    let source = trackerEventValue(identifier, fn, host);
    if (!hasPhi(source)) source = handlerInputValue(identifier, fn, host);
    if (!hasPhi(source)) source = searchRequestValue(identifier, host);
    if (!hasPhi(source)) source = searchHandlerCriteriaValue(identifier, fn, host);
    if (!hasPhi(source)) source = fieldsReadValue(identifier, fn, host);
    return hasPhi(source) ? { ...value, ...source, typeName: value.typeName, fields: source.fields ?? value.fields } : value;
  }

  /**
   * `patientIds.map(…).join(',')`, `dayjs().toISOString()`, `new Date().toLocaleDateString()`: a chain of
   * known transformations of a value the analysis knows (a variable without PHI, a literal, the current
   * date). Its value is what was computed, not what the variable's name guesses.
   */
  protected isDerivedFromKnownValue(init: Node): boolean {
    let node: Node = init;
    for (let depth = 0; depth < 12; depth++) {
      while (TRANSPARENT_TYPES.has(node.type)) node = (node as { expression?: Node; argument?: Node }).expression ?? (node as { argument: Node }).argument;
      if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression') {
        const method = propertyName(node.callee);
        if (!method || !(passThroughMethods.has(method) || nonPhiMethods.has(method) || DATE_ARITHMETIC.has(method))) return false;
        node = node.callee.object;
        continue;
      }
      if (node.type === 'MemberExpression') {
        node = node.object;
        continue;
      }
      break;
    }
    if (node === init) return false;
    if (node.type === 'Identifier') {
      const binding = this.scope.lookup(node.name);
      return binding !== undefined && !hasPhi(binding.value) && !binding.value.personContext;
    }
    if (isLiteralLike(node) || node.type === 'ArrayExpression' || node.type === 'TemplateLiteral') return true;
    // The current date: `new Date()`, `dayjs()`, `moment()`, `DateTime.now()`, `Date.now()`.
    if (node.type === 'NewExpression') return isNewDate(node);
    if (node.type === 'CallExpression') {
      const callee = dottedName(node.callee);
      const isDateLibrary = callee === 'dayjs' || callee === 'moment' || callee === 'DateTime.now' || callee === 'Date.now' || callee === 'DateTime.local';
      return isDateLibrary && node.arguments.every((argument) => argument.type !== 'SpreadElement' && (isLiteralLike(argument) || this.isDerivedFromKnownValue(argument) || isNewDate(argument)));
    }
    return false;
  }

  protected isSanitizedInit(init: Node | undefined): boolean {
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
  protected isAmbiguousDatatype(typeName: string, namespace?: string): boolean {
    // (Datatypes with PHI kinds are in PHI_RESOURCE_TYPES too, for `resourceType`: only the datatype list counts here.)
    if (!FHIR_DATATYPES.has(typeName)) return false;
    // `fhir4.Identifier`, `R4.Address`, `fhir.HumanName` are FHIR's; a syntax tree's `jsep.Identifier` or any other
    // library's namespace is not, whatever the workspace declares under the bare name.
    if (namespace !== undefined) {
      const root = namespace.split('.')[0];
      return !(FHIR_TYPES_MODULE.test(namespace) || namespace.split('.').some((part) => FHIR_NAMESPACE.test(part)) || FHIR_TYPES_MODULE.test(this.imports.get(root)?.module ?? ''));
    }
    if (this.options.index?.declares(typeName)) return false;
    const source = this.imports.get(typeName)?.module;
    return !source || !FHIR_TYPES_MODULE.test(source);
  }

  /** `labService.getOrders(id)` with `labService` typed by a declared interface or class: what that method is declared to return. */
  private declaredByReceiverType(node: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string): AbstractValue {
    if (!this.options.index) return EMPTY;
    const receiverType = this.valueOf(callee.object).typeName;
    return receiverType && this.options.index.declares(receiverType) ? declaredTypeMethodReturnValue(this as unknown as TypeFlowHost, node, receiverType, method) : EMPTY;
  }

  /** What a declared type says a value holds: its name's shape, and what a workspace generic's payload argument holds (see withGenericPayload). */
  protected annotatedTypeValue(type: TSESTree.TypeNode | undefined, typeName: string, node: Node, namespace?: string): AbstractValue {
    return withGenericPayload(this as unknown as TypeFlowHost, type, node, this.typedValue(typeName, node, namespace));
  }

  protected typedValue(typeName: string, node: Node, namespace?: string): AbstractValue {
    // `import { QuestionnaireResponse as FHIRQuestionnaireResponse } from 'fhir/r4b'`: the exported name says the shape.
    const imported = this.imports.get(typeName)?.imported;
    if (imported && imported !== typeName && /^[A-Z]/.test(imported) && !this.options.index?.declares(typeName)) typeName = imported;
    if (this.isAmbiguousDatatype(typeName, namespace)) return { ...EMPTY, typeName: undefined };
    if (!this.imports.has(typeName) && !this.options.index?.declares(typeName)) {
      const instantiated = this.typeParameterValue(typeName, node);
      if (instantiated) return instantiated;
    }
    const resolved = this.options.index?.resolve(typeName, this.options.classifier, this.options.file);
    // `Practitioner`, `Organization`, `StaffUser`, `ClinicSettings`: contact details there are not PHI. An account
    // that carries a patient's health number (NHS login's userinfo as `AuthUser`) is the patient's own: see below.
    if (subjectOfName(typeName) === 'workforce' && !resolved?.patientIdentity) {
      // …but a field that names the patient (`LabOrder.patientName`) is the patient's.
      const kept = new Set<string>();
      resolved?.fields.forEach((field, fieldName) => (subjectOfName(fieldName) === 'patient' ? field.kinds : withoutContactKinds(field.kinds)).forEach((kind) => kept.add(kind)));
      const kinds = [...kept].sort();
      return { ...fromKinds(kinds, kinds.length ? { range: this.range(node), label: `${describeKinds(kinds)} in \`${this.snippet(node)}\` (type ${typeName})` } : undefined, 'high'), typeName, workforce: true };
    }
    if (!resolved) {
      return { ...EMPTY, typeName };
    }
    return {
      kinds: resolved.kinds,
      origins: resolved.kinds.length ? [{ range: this.range(node), label: `${describeKinds(resolved.kinds)} in \`${this.snippet(node)}\` (type ${typeName})` }] : [],
      confidence: 'high',
      typeName,
      // A type with PHI fields is about a person; `DashboardConfig { name; slot }` is not, and its `name` is a label.
      personContext: resolved.kinds.length > 0 || this.options.classifier.classify(typeName).personContext,
      // A patient's signed-in identity: `user.familyName` read from it stays the patient's.
      ...(resolved.patientIdentity ? { personContext: true } : {}),
    };
  }

  /**
   * `entity: T` in `class Repository<T>`: what the workspace instantiates the generic with
   * (`extends Repository<Patient>`), joined; its origin says so, since the evidence is another file.
   */
  protected typeParameterValue(typeName: string, node: Node): AbstractValue | undefined {
    const index = this.options.index;
    if (!index || !/^[A-Z][\w$]*$/.test(typeName)) return undefined;
    const site = enclosingTypeParameter(node, typeName);
    if (!site) return undefined;
    let value = EMPTY;
    const names = index.instantiationsOf(site.generic, site.position).slice(0, 8);
    for (const name of names) {
      const resolved = name !== typeName ? index.resolve(name, this.options.classifier) : undefined;
      if (!resolved || resolved.kinds.length === 0 || subjectOfName(name) === 'workforce') continue;
      const label = `${describeKinds(resolved.kinds)} in \`${this.snippet(node)}\` (type ${typeName}, which the workspace instantiates as ${name})`;
      value = join(value, { ...fromKinds(resolved.kinds, { range: this.range(node), label }, 'medium'), personContext: true });
    }
    return { ...value, typeName: undefined };
  }

  protected elementOf(value: AbstractValue): AbstractValue {
    if (value.element) return value.element;
    if (value.fields) return { ...taintOnly(value), typeName: value.typeName, personContext: value.personContext, tags: value.tags };
    if (value.tuple) return { ...value, tuple: undefined };
    return value;
  }

  /**
   * An array literal carries its elements' PHI; a short one without spreads or holes is also a tuple
   * whose elements are known one by one (`return [requests, order]`), for destructuring.
   */
  protected arrayValue(node: TSESTree.ArrayExpression): AbstractValue {
    const values = node.elements.map((element) => (element ? this.valueOf(element) : EMPTY));
    const joined = joinAll(values.map(taintOnly));
    const isTuple = node.elements.length <= MAX_TUPLE_LENGTH && node.elements.every((element) => element !== null && element.type !== 'SpreadElement');
    return isTuple ? { ...joined, tuple: values.map(taintAndElements) } : joined;
  }

  /**
   * `Object.entries(patient)`: pairs of a property's name and its value. The name is the code's (a
   * field name), not the patient's data; the value carries what the object carries.
   */
  protected objectEntriesValue(argument: Node | undefined): AbstractValue {
    const values = argument && argument.type !== 'SpreadElement' ? taintOnly(this.valueOf(argument)) : EMPTY;
    return { ...values, element: { ...values, tuple: [EMPTY, values] } };
  }

  protected evaluate(node: Node): AbstractValue {
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
        return frameworkCallValue(this as unknown as TypeFlowHost, node, this.callValue(node));
      case 'NewExpression':
        return this.newValue(node);
      case 'AwaitExpression':
        return this.valueOf(node.argument);
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion': {
        const inner = this.valueOf(node.expression);
        const annotation = typeNameOfAnnotation(node.typeAnnotation);
        if (!annotation.name) return inner;
        const typed = join(inner, this.annotatedTypeValue(node.typeAnnotation, annotation.name, node, annotation.namespace));
        // `[requests, order] as const`: the assertion does not change what each element holds.
        return inner.tuple && !typed.tuple ? { ...typed, tuple: inner.tuple } : typed;
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
        return this.arrayValue(node);
      case 'SpreadElement':
        return this.valueOf(node.argument);
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return { ...EMPTY, functionNode: node };
      default:
        return EMPTY;
    }
  }

  protected literalValue(node: TSESTree.Literal): AbstractValue {
    if (typeof node.value === 'string') return { ...EMPTY, stringPrefix: node.value, stringNode: node, constant: node.value };
    if (typeof node.value === 'number' || typeof node.value === 'boolean' || node.value === null) return { ...EMPTY, constant: node.value };
    return EMPTY;
  }

  protected templateValue(node: TSESTree.TemplateLiteral): AbstractValue {
    const value = this.templateText(node);
    // `` `body: ${JSON.stringify(req.body)}` ``: a client's whole payload spelt into a text is still all of it.
    return node.expressions.some((expression) => hasTag(this.valueOf(expression), 'request-body')) ? withTag(value, 'request-body') : value;
  }

  private templateText(node: TSESTree.TemplateLiteral): AbstractValue {
    const parts = joinAll(node.expressions.map((expression, i) => taintOnly(this.labelledValue(expression, this.asText(this.valueOf(expression), expression), node.quasis[i]?.value.cooked ?? '', i > 0 ? () => node.quasis.slice(0, i + 1).map((quasi) => quasi.value.cooked ?? '').join('\u0000') : undefined))));
    const head = node.quasis[0]?.value.cooked ?? '';
    if (node.expressions.length === 0) return { ...parts, stringPrefix: head, stringNode: node, constant: head };
    if (head) return { ...parts, stringPrefix: head, stringNode: node };
    const first = this.valueOf(node.expressions[0]);
    if (first.stringPrefix !== undefined && node.expressions[0].range[0] === node.quasis[0].range[1]) {
      return { ...parts, stringPrefix: first.stringPrefix, stringNode: first.stringNode };
    }
    const shape = spelledShape(node.quasis.flatMap((quasi, i) => [quasi.value.cooked ?? '', i < node.expressions.length ? shapeText(i === 0 ? first : this.valueOf(node.expressions[i])) : '']));
    return shape ? { ...parts, stringShape: shape } : parts;
  }

  /**
   * What a value becomes as text (`${value}`, `'…' + value`): a record — a value of a declared object type
   * or a FHIR resource or datatype, one or many — renders as `[object Object]`, none of its fields. Only
   * `JSON.stringify` and reads of its fields put its data in the text. In code that imports FHIR types, a value
   * named for a FHIR resource (`${result.serviceRequest}`, `'bad ' + encounter`) is that resource, an object.
   */
  protected asText(value: AbstractValue, node?: Node): AbstractValue {
    if (hasPhi(value) && hasTag(value, 'declared-record') && !value.fields) return EMPTY;
    // `/vacunacion/${event.paciente}`, `'visit ' + encounter`: a value known only as a whole record, by a name ending in
    // the record's noun, is the record (`[object Object]` as text) or, being text, its id or reference: no data of it.
    if (node && this.isWholeRecordByName(value, node)) return EMPTY;
    if (node && hasPhi(value) && !value.fields && this.namesAFhirResource(node)) return EMPTY;
    if (!hasPhi(value) || !value.typeName || value.fields) return value;
    return this.isRecordType(value.typeName) ? EMPTY : value;
  }

  /** `serviceRequest`, `result.encounter`: a variable or a field named for a FHIR resource type, in a file that imports FHIR types. */
  private namesAFhirResource(node: Node): boolean {
    const name = node.type === 'Identifier' ? node.name : node.type === 'MemberExpression' ? propertyName(node) : undefined;
    if (!name || !/^[a-z]/.test(name)) return false;
    const typeName = name[0].toUpperCase() + name.slice(1);
    if (!FHIR_RESOURCE_NAMES.has(typeName)) return false;
    this.importsFhirTypes ??= [...this.imports.values()].some((imported) => FHIR_TYPES_MODULE.test(imported.module) && /^[A-Z]/.test(imported.imported));
    return this.importsFhirTypes;
  }

  /**
   * A declared object type with known fields (not a map or an index signature), or a FHIR resource or
   * complex datatype imported from a FHIR types package (`Extension` from `fhir/r4`; FHIR's primitives are
   * lower case): its values render as `[object Object]`.
   */
  protected isRecordType(typeName: string): boolean {
    const resolved = this.options.index?.resolve(typeName, this.options.classifier, this.options.file);
    if (resolved) return resolved.fields.size > 0 && !resolved.index;
    const source = this.imports.get(typeName)?.module;
    return !!source && /^[A-Z]/.test(typeName) && FHIR_TYPES_MODULE.test(source);
  }

  /**
   * A value the text before it labels (`User ${email} created app`, `admin: ${phone}`): the label says whose
   * the value is. Labelled as the workforce's — where the app's user is staff — contact details are not
   * PHI; a value already known to be a person's (`patient.email`) and clinical data keep what they carry.
   */
  protected labelledValue(expression: Node, value: AbstractValue, textBefore: string, wholeTextBefore?: () => string): AbstractValue {
    if (!value.kinds.length) return value;
    const named = dottedName(expression)?.split('.') ?? [];
    if (named.some((part) => subjectOfName(part) === 'patient')) return value;
    // `Questionnaire?identifier=${system}|${value}`: a search of a resource that describes no patient is about that resource.
    if (NON_PATIENT_SEARCH.test(wholeTextBefore?.() ?? textBefore)) return EMPTY;
    const label = /([A-Za-z]+)[ \t]*[:=]?[ \t]*$/.exec(textBefore)?.[1];
    if (!label || this.subjectOfValue(label) !== 'workforce') return value;
    const kinds = withoutContactKinds(value.kinds);
    return kinds === value.kinds ? value : kinds.length ? { ...value, kinds } : EMPTY;
  }

  private namesDynamoDb: boolean | undefined;
  /** Whether the file names DynamoDB (read once per file): only there is `x.S` / `x.N` an attribute value's descriptor. */
  private mentionsDynamoDb(): boolean {
    return (this.namesDynamoDb ??= DYNAMODB_MENTION.test(this.options.text));
  }

  private testsResponseFlags: boolean | undefined;
  /** Whether the file reads an `ok`, `status` or `statusCode` anywhere (see readsResponseFlag): read once per file. */
  private mayTestResponseFlags(): boolean {
    return (this.testsResponseFlags ??= /\.(?:ok|status(?:Code)?)\b/.test(this.options.text));
  }

  private namesNonPatientResource: boolean | undefined;
  /**
   * Whether the file names a resource type a test could narrow a value to (see inNonPatientResourceBranch): read once
   * per file, so the parent walk runs for no PHI read of the files that never could (most of them).
   */
  private mayNarrowToNonPatientResource(): boolean {
    return (this.namesNonPatientResource ??= NAMES_NARROWED_NON_PATIENT_TYPE.test(this.options.text));
  }

  protected identifierValue(node: TSESTree.Identifier): AbstractValue {
    const binding = this.scope.lookup(node.name);
    // `const { MESSAGE } = require('../constants/messages')`: a table of the app's own literal text, across files.
    if ((!binding || !hasPhi(binding.value)) && this.importsConstantTable(node.name)) return WORKSPACE_CONTENT;
    // `if (response.resourceType === 'OperationOutcome') console.error(response)`: there it is the outcome.
    if (binding && hasPhi(binding.value) && this.mayNarrowToNonPatientResource() && inNonPatientResourceBranch(node, node.name, this.visiting)) return EMPTY;
    // `if (data.errorMessage) console.log(data)`, the `else` of `if (res.Status == 'OK')`: a response known to have failed is the server's error.
    if (binding && isResponseValue(binding.value) && inFailedBranchOf(node, node.name, this.visiting)) return EMPTY;
    // `if (saved.ok) … else capture('save failed', { saved })`: a value whose HTTP outcome the code tests is a response
    // (an API wrapper's, whatever the engine knows of it); where that test says it failed, it is the server's error.
    if (binding && hasPhi(binding.value) && this.mayTestResponseFlags()) {
      const failedTest = inFailedBranchOf(node, node.name, this.visiting);
      if (failedTest && readsResponseFlag(failedTest, node.name)) return EMPTY;
    }
    if (binding) return binding.value;
    if (node.name === 'undefined' || node.name === 'NaN' || node.name === 'Infinity') return EMPTY;
    // An imported string constant (`personRepresentation = 'custom:(uuid,display)'`) is not data.
    if (this.imports.has(node.name) && this.options.index?.isExportedConstant(node.name)) return EMPTY;
    // A library imported whole (`import passport from 'passport'`, `const moment = require('moment')`) is code,
    // whatever its name says.
    const imported = this.imports.get(node.name);
    if (imported && isJsonModule(imported.module)) return WORKSPACE_CONTENT;
    if (imported && (imported.imported === 'default' || imported.imported === '*') && !/^[./]/.test(imported.module)) return EMPTY;
    // An action or a lookup imported from another module of the app (`insertPatient`, `getPatientById`,
    // `usePatient`) is a function, an endpoint definition or a hook handed on as code, not data.
    if (imported && namesAnAction(node.name)) return EMPTY;
    // Not a variable: a component, a class, an enum, a namespace or a constant (`PatientSearchIcon`,
    // `TaskCode`, `PATIENT_FIELDS`), whatever its name says.
    if (isTypeOrConstantName(node.name)) return EMPTY;
    const subject = this.subjectOfValue(node.name);
    if (subject === 'workforce') return { ...EMPTY, workforce: true };
    if (subject === 'patient' && isAppUserName(node.name)) return { ...EMPTY, personContext: true };
    const form = this.reactiveFormKinds(node.name);
    if (form) return this.reactiveFormValue(form, node);
    const byName = this.classifyHere(node.name);
    if (byName.trap || byName.kinds.length === 0) return byName.personContext ? { ...EMPTY, personContext: true } : EMPTY;
    return { ...fromKinds(byName.kinds, this.origin(node, byName.kinds), 'medium'), personContext: byName.personContext };
  }

  /** `environment.someUrl`: a read off the object imported from the app's `environments/environment` module. */
  protected isBuildEnvironmentRead(node: TSESTree.MemberExpression): boolean {
    if (node.object.type !== 'Identifier' || this.scope.lookup(node.object.name)) return false;
    const imported = this.imports.get(node.object.name);
    return imported !== undefined && BUILD_ENVIRONMENT_MODULE.test(imported.module);
  }

  /** `ParamKeys.IPP`: the chained search key a table of this file or an imported one spells there (see WorkspaceIndex.chainedKeyMember). */
  protected chainedKeyMember(node: TSESTree.MemberExpression): string | undefined {
    const file = this.options.file;
    const member = !node.computed ? propertyName(node) : undefined;
    if (node.object.type !== 'Identifier' || !file || !member || !this.options.index) return undefined;
    const imported = this.imports.get(node.object.name);
    if (!imported) return this.options.index.chainedKeyMember(file, undefined, node.object.name, member);
    return imported.imported === 'default' || imported.imported === '*' ? undefined : this.options.index.chainedKeyMember(file, imported.module, imported.imported, member);
  }

  /** Whether `name` is imported from a module of the workspace that exports it as a table of literals (see extractConstantTables). */
  protected importsConstantTable(name: string): boolean {
    const imported = this.imports.get(name);
    const file = this.options.file;
    return imported !== undefined && file !== undefined && this.options.index?.isConstantTableImport(file, imported.module, imported.imported) === true;
  }

  protected memberValue(node: TSESTree.MemberExpression): AbstractValue {
    // `process.env.EXTERNAL_PRESCRIPTION_CRED`, `import.meta.env.VITE_PATIENT_API`: a deployment's configuration,
    // set by whoever runs it, never a patient's data, whatever the variable is named after.
    if (isEnvironmentVariableRead(node)) return EMPTY;
    // `environment.radiologistWorklist` of Angular's `environments/environment` (an endpoint per feature): the
    // build's configuration file, whatever its settings are named after.
    if (this.isBuildEnvironmentRead(node)) return EMPTY;
    if (this.isPatientMessageRead(node)) return withTag(EMPTY, 'request-body');
    // `TaskCode.sendPatientStatement`, `Icons.PatientSearch`: a member of an enum, a namespace or a
    // constant object is a constant.
    if (node.object.type === 'Identifier' && isTypeOrConstantName(node.object.name) && !this.scope.lookup(node.object.name)) {
      // `ParamKeys.IPP` of a table whose member spells a chained search key (`subject.identifier`): that text.
      const key = this.chainedKeyMember(node);
      return key !== undefined ? { ...EMPTY, stringPrefix: key, constant: key } : EMPTY;
    }
    // `MESSAGE.APPOINTMENT.NOT_FOUND`: a path all in capitals from a table that holds no PHI is constant text.
    // (A table declared here keeps its literal fields, read as usual.)
    if (isScreamingMemberPath(node)) {
      const root = this.valueOf(rootOfMemberPath(node));
      if (!hasPhi(root) && !root.fields) return EMPTY;
    }
    // `this.state[stateValue]` of a component: the entry a key chosen at run time names (a dropdown's index as often as the
    // record), not the whole state.
    if (node.computed && node.property.type !== 'Literal' && node.object.type === 'MemberExpression' && node.object.object.type === 'ThisExpression' && !node.object.computed && propertyName(node.object) === 'state') {
      return EMPTY;
    }
    // `this.state.item` of a component whose state the class is known to fill: what it put under that key; another key is
    // read as if the state were unknown (its name may still say what it holds), not as the whole state.
    let otherStateKey = false;
    if (!node.computed && node.object.type === 'MemberExpression' && node.object.object.type === 'ThisExpression' && !node.object.computed && propertyName(node.object) === 'state') {
      const key = propertyName(node);
      const held = key !== undefined ? this.componentStateField(node.object, key) : undefined;
      if (held?.value) return held.value;
      otherStateKey = held !== undefined;
    }
    if (otherStateKey) this.readingOtherStateKey++;
    try {
      return this.memberValueAfterState(node);
    } finally {
      if (otherStateKey) this.readingOtherStateKey--;
    }
  }

  /** Above zero while a key a component's known state does not hold is read (see componentStateField). */
  protected readingOtherStateKey = 0;

  private memberValueAfterState(node: TSESTree.MemberExpression): AbstractValue {
    // `this.bed.idCama`: a field read below a field of `this` (see instanceFieldValue).
    const belowThisField = node.object.type === 'MemberExpression' && node.object.object.type === 'ThisExpression';
    if (belowThisField) this.readingBelowThisField++;
    let object: AbstractValue;
    try {
      object = this.valueOf(node.object);
    } finally {
      if (belowThisField) this.readingBelowThisField--;
    }
    const name = propertyName(node);
    // `req.body`, and `input.body` of a serverless event known by its handler (`input: ZambdaInput`);
    // hapi calls it `request.payload`.
    const bodyProperty = name !== undefined && (requestBodyProperties.has(name) || (name === 'payload' && this.importsModule(HAPI_MODULES)));
    if (bodyProperty && (isRequestObject(node.object) || hasTag(object, 'request-body'))) {
      // A whole request body: what a health API receives (PHI more often than not), tagged so rules can follow aliases.
      return withTag(this.readProperty(object, name, node, node), 'request-body');
    }
    if (name !== undefined && node.object.type === 'Identifier' && !node.computed) this.noteSharedFieldRead(node, node.object, name, object);
    // `this.orders` after `this.orders = orders` (a response) in this function: what was assigned.
    const assigned = name !== undefined && node.object.type === 'ThisExpression' ? this.scope.lookup(`${THIS_FIELD}${name}`) : undefined;
    if (assigned) return assigned.value;
    // `this.pacientesUrl` of `private pacientesUrl = '/core/mpi/pacientes'`, never assigned again: that text, not a record.
    const literalField = name !== undefined && node.object.type === 'ThisExpression' && !node.computed ? this.literalFieldOfThis(node, name) : undefined;
    if (literalField) return literalField;
    // `this.current` in a method of a class another method of which assigned it a patient's record (`this.current =
    // response.data` in `load`): what the class puts there anywhere, or what the field is declared to hold.
    const fieldOfClass = name !== undefined && node.object.type === 'ThisExpression' && !node.computed ? this.instanceFieldValue(node, name) : undefined;
    if (fieldOfClass && name !== undefined) return join(this.readProperty(object, name, node, node), fieldOfClass);
    // `compartmentDefinition.resource` of a JSON module the repository holds: more of its metadata.
    if (isWorkspaceContent(object)) return hasTag(object, 'reference-data') ? REFERENCE_DATA : WORKSPACE_CONTENT;
    // `diagnosisFormulary.medications`, `this.masterData.covidSymptomsMaster`: a field of reference data (see
    // REFERENCE_DATA_WORDS) is more of it.
    if (!hasPhi(object) && namesReferenceDataObject(node.object)) return REFERENCE_DATA;
    if (name === undefined) {
      // `patients[i]`, `record[key]`: an element or a field we cannot name; keep what the object carries.
      return this.elementOf(object);
    }
    // A FHIR server's plumbing: `parsed.searchParams` of parsed search criteria, `record.dynamodb.NewImage`, `hit._source`.
    const criteria = criteriaFieldValue(object, name);
    if (criteria) return criteria;
    if (!hasPhi(object)) {
      const stored = storedResourceRead(node, name, this as unknown as ProvenanceHost);
      if (hasPhi(stored)) return stored;
      const url = servedRequestUrlRead(node, name, this as unknown as ProvenanceHost);
      if (hasPhi(url)) return url;
    }
    // `labels.diagnosis`, `indicators['hiv-overview']`: a label table's entry is a label, not the field's value.
    if (!hasPhi(object) && !object.fields && !object.typeName && isLabelTable(node.object)) return EMPTY;
    // `firebaseEvents.EDIT_ENCOUNTER`, `Codes.PATIENT_ADMITTED` of an imported or a trap-named table: a constant.
    if (!node.computed && isConstantMemberName(name) && !hasPhi(object) && !object.fields && this.isConstantTable(node.object)) return EMPTY;
    const read = this.readProperty(object, name, node, node);
    const collected = hasPhi(read) ? undefined : this.collectedMeasurements.get(name);
    return collected ? collectedMeasurementsValue(collected, name, node, this as unknown as ProvenanceHost) : read;
  }

  /** A field of an object nested functions share (`vm.entry`, `$scope.item`) read here (see Analyzer). */
  protected noteSharedFieldRead(_node: TSESTree.MemberExpression, _owner: TSESTree.Identifier, _name: string, _object: AbstractValue): void {}

  /** Above zero while the object of a field read is itself a field of `this` (`this.bed` of `this.bed.idCama`). */
  protected readingBelowThisField = 0;

  /** What the methods of the class assign to a field of `this`, or its declared type holds, when that is PHI (see FunctionSummaries). */
  protected instanceFieldValue(_node: TSESTree.MemberExpression, _name: string): AbstractValue | undefined {
    return undefined;
  }

  /** What a component's class put in its state under a key (no value if nothing proven there), or undefined when its state is not known (see FunctionSummaries). */
  protected componentStateField(_state: TSESTree.MemberExpression, _key: string): { value?: AbstractValue } | undefined {
    return undefined;
  }

  /** The constant a field of `this` holds when its class only ever initialises it with literal text (see FunctionSummaries). */
  protected literalFieldOfThis(_node: TSESTree.MemberExpression, _name: string): AbstractValue | undefined {
    return undefined;
  }

  /** `PATHS.SEARCH_BY_NHS_NUMBER` of an imported or a trap-named table: a constant. */
  protected isConstantMember(node: Node): boolean {
    if (node.type !== 'MemberExpression' || node.computed) return false;
    const name = propertyName(node);
    return name !== undefined && isConstantMemberName(name) && this.isConstantTable(node.object);
  }

  /**
   * An object whose UPPER_SNAKE_CASE members are constants: imported from the app's own module (`firebaseEvents`,
   * `actionTypes`) or named by a trap word (`eventNames`, `statusCodes`). A database row's columns
   * (`row.PATIENT_NAME`) are a local value's, so they stay data.
   */
  protected isConstantTable(node: Node): boolean {
    if (node.type !== 'Identifier') return false;
    if (this.imports.has(node.name) && !this.scope.lookup(node.name)) return true;
    return this.options.classifier.classify(node.name).trap;
  }

  /**
   * The value of `object.name`; `node` locates the read for origins. Read from a workforce member or an
   * organisation (`user.email`, `ctx.authenticated.name`, `practitioner.telecom`, `clinic.fax`), contact
   * details are not PHI; clinical data is PHI whoever's object holds it.
   */
  protected readProperty(object: AbstractValue, name: string, node: Node, member: TSESTree.MemberExpression | undefined): AbstractValue {
    // A probed parameter's field carries the caller's argument at that field (`endpoint.name`), not all of it.
    const value = this.readPropertyOfWhom(object, name, node, member);
    if (!hasPhi(value) && object.kinds.some((kind) => kind.startsWith(PARAMETER_PROBE))) {
      // `({ title, body }) => push({ title, body })` probed: the headline a message displays (`title`, `heading`,
      // `caption`) is text the caller writes, whatever the word says of a form's caption, and the caller's own
      // value at that field decides (cross-file.ts). Other metadata words (`type`, `key`, `metadata`) name
      // what a field is, not text a caller writes, and still hold none of it.
      if (displayedTextFields.has(name)) {
        const probes = object.kinds.filter((kind) => kind.startsWith(PARAMETER_PROBE));
        return probeAtField({ ...EMPTY, kinds: probes, origins: object.origins, confidence: object.confidence }, name);
      }
    }
    return probeAtField(value, name);
  }

  private readPropertyOfWhom(object: AbstractValue, name: string, node: Node, member: TSESTree.MemberExpression | undefined): AbstractValue {
    if (member && belongsToTestData(member)) return EMPTY;
    const value = this.readPropertyOf(object, name, node, member);
    const subject = this.subjectOfValue(name);
    if (subject === 'patient' && isAppUserName(name) && !value.personContext) return { ...value, personContext: true };
    // `record.location`, `visit.practitioner`: where and by whom care happened, even read from a person's record.
    const careSetting = subject === 'workforce' && splitWords(name).some((word) => careSettingWords.has(word)) && !isAppUserName(name);
    const workforce = object.workforce || (subject === 'workforce' && (!object.personContext || careSetting));
    if (!workforce) return value;
    // `provider.person`, `user.person`: the person entry of a staff member (OpenMRS providers and users have one) is theirs.
    const ownPerson = object.workforce && (name === 'person' || name === 'personRecord') && value.kinds.includes('patient-record');
    const kinds = withoutContactKinds(ownPerson ? value.kinds.filter((kind) => kind !== 'patient-record') : value.kinds);
    return { ...(kinds === value.kinds ? value : kinds.length ? { ...value, kinds } : { ...EMPTY, typeName: value.typeName, fields: value.fields }), workforce: true };
  }

  private readPropertyOf(object: AbstractValue, name: string, node: Node, member: TSESTree.MemberExpression | undefined): AbstractValue {
    if (nonPhiProperties.has(name)) return EMPTY;
    const known = object.fields?.get(name);
    if (known) return known;
    if (object.typeName) {
      const resolved = this.options.index?.resolve(object.typeName, this.options.classifier, this.options.file);
      if (resolved) {
        const field = resolved.fields.get(name) ?? resolved.index;
        // `ref.value`, `response.data`, `form.value` on a value typed by what it wraps (`Ref<Patient>`): the content.
        if (!field && wrapperValueProperties.has(name) && hasPhi(object) && !object.fields) return object;
        if (!field) return object.fields ? EMPTY : this.readByName(object, name, node, member, true);
        // `result.resourcePayload` of a `RequestResult<LabOrders>` known only as a whole (a declared return): the field
        // typed by the generic's parameter holds what the value holds through its argument.
        if (field.kinds.length === 0 && field.typeName && hasPhi(object) && this.options.index?.payloadParametersOf(object.typeName)?.some((payload) => payload.fields.includes(name))) {
          return { ...taintOnly(object), personContext: object.personContext };
        }
        // `patientMedicalForm: FormGroup` declared by the component: a form group's declared type says nothing of
        // what its controls hold; its name does.
        const form = !field.inherit && !field.primitive && field.kinds.length === 0 ? this.reactiveFormKinds(name) : undefined;
        if (form) return this.reactiveFormValue(form, member ?? node);
        const kinds = field.inherit ? object.kinds : field.kinds;
        const value = fromKinds(kinds, this.origin(member ?? node, kinds), 'high');
        // A field of a value typed by where it came from (a declared return type) is as sure as that
        // evidence, and keeps its reason as a related location.
        const inferred = hasPhi(object) && object.confidence === 'medium' && kinds.length > 0 ? { confidence: 'medium' as const, origins: [...value.origins, ...object.origins].slice(0, 3) } : {};
        return { ...value, ...inferred, typeName: field.typeName, personContext: object.personContext || kinds.length > 0 };
      }
    }
    return this.readByName(object, name, node, member, false);
  }

  protected readByName(object: AbstractValue, name: string, node: Node, member: TSESTree.MemberExpression | undefined, declaredTypeLacksField: boolean): AbstractValue {
    // `item.nhs_number.N`: DynamoDB's type descriptor holds the attribute's value, as sure as the attribute is PHI.
    if (dynamoDbValueDescriptors.has(name) && hasPhi(object) && this.mentionsDynamoDb()) return taintOnly(object);
    // `prescription.medication.name`, `order.drug.displayName`: a product's own name (a drug's), not the patient's.
    const ownerIsAProduct = member !== undefined && namesAProduct(ownerNameOf(member));
    const personContext = !ownerIsAProduct && (object.personContext || (hasPhi(object) && object.kinds.includes('patient-record')));
    // `result.message`, `response.error`: the outcome text an operation reports (a save's failure reason, a status
    // line), not the record it operated on; an SMS `message.body` or `sms.message` stays the message's content.
    if (member && statusTextProperties.has(name) && namesAnOutcome(member.object)) return EMPTY;
    // `if (!res.ok) throw new Error(JSON.stringify(res.data))`: the body of a failed response is the server's error.
    if (member && containerProperties.has(name) && hasPhi(object) && inFailedResponseBranch(member, this.visiting)) return EMPTY;
    // `response.result`, `res.data` of a patient route's response: its payload, whatever the word means elsewhere.
    // A .NET or Java back end serialises the same envelope in PascalCase (`res.Results`, `response.Data`).
    if ((containerProperties.has(name) || containerProperties.has(name.toLowerCase())) && isResponseValue(object)) {
      const payload = { ...taintOnly(object), personContext: true };
      return hasTag(object, 'declared-record') ? withTag(payload, 'declared-record') : payload;
    }
    const form = this.reactiveFormKinds(name);
    if (form) return this.reactiveFormValue(form, member ?? node);
    let byName = this.classifyHere(name, personContext);
    // `serviceLine.procedureCode`, `order.cptCode`: a code a record holds is what was recorded there (a claim's line,
    // an order). Read off a terminology's answer, a catalogue, a configuration or a model's suggestions
    // (`suggestions.icdCodes`, `PROVIDER_CONFIG.assessment.autoCptCodes`) it is no one's.
    if (!personContext && !byName.trap && byName.kinds.length === 0 && member && namesATerminologyCode(name) && !namesACodeCatalogue(dottedName(member.object) ?? ownerNameOf(member))) {
      const held = terminologyKinds(this.classifyHere(name, true).kinds);
      if (held.length) byName = { ...byName, kinds: held };
    }
    if (byName.trap) return EMPTY;
    if (byName.kinds.length) {
      return { ...fromKinds(byName.kinds, this.origin(member ?? node, byName.kinds), personContext || byName.personContext ? 'high' : 'medium'), personContext: true };
    }
    if (declaredTypeLacksField) return EMPTY;
    // `patient.code`: the key of a whole patient record (nothing else known of it) is opaque like its id.
    if (patientKeyProperties.has(name) && isWholePatientRecord(object)) return { ...EMPTY, personContext: true };
    // An unknown property of a value whose PHI is only guessed from its name (`client.now`) is not that
    // PHI; a container property (`response.data`) or any property of a value known to hold PHI is.
    if (hasPhi(object) && (object.confidence === 'high' || containerProperties.has(name) || containerProperties.has(splitWords(name).at(-1) ?? ''))) {
      const read = { ...taintOnly(object), confidence: 'medium' as const, personContext: object.personContext || byName.personContext };
      // `patientForm.value` of a form group: its values, an object like the group.
      return wrapperValueProperties.has(name) && hasTag(object, 'declared-record') ? withTag(read, 'declared-record') : read;
    }
    return byName.personContext || object.personContext ? { ...EMPTY, personContext: true } : EMPTY;
  }

  protected binaryValue(node: TSESTree.BinaryExpression): AbstractValue {
    if (node.operator !== '+') return EMPTY;
    const left = this.valueOf(node.left);
    const right = typeof left.constant === 'string' ? this.labelledValue(node.right, this.asText(this.valueOf(node.right), node.right), left.constant) : this.valueOf(node.right);
    const textual = typeof left.constant === 'string' || typeof right.constant === 'string' || left.stringPrefix !== undefined;
    const joined = join(taintOnly(textual ? this.asText(left, node.left) : left), taintOnly(right));
    // `'body: ' + JSON.stringify(req.body)`: a client's whole payload spelt into a text is still all of it.
    const combined = hasTag(left, 'request-body') || hasTag(right, 'request-body') ? withTag(joined, 'request-body') : joined;
    if (left.stringPrefix !== undefined) {
      const constant = typeof left.constant === 'string' && right.constant !== undefined ? left.constant + String(right.constant) : undefined;
      return { ...combined, stringPrefix: constant ?? left.stringPrefix, stringNode: left.stringNode, constant };
    }
    const shape = spelledShape([shapeText(left), shapeText(right)]);
    return shape ? { ...combined, stringShape: shape } : combined;
  }

  protected objectValue(node: TSESTree.ObjectExpression): AbstractValue {
    const fields = new Map<string, AbstractValue>();
    let kinds = EMPTY;
    let typeName: string | undefined;
    const aboutPatient = node.properties.some((property) => property.type === 'Property' && !property.computed && namesPatientReference(keyName(property.key)));
    // `{ url, body: req.body }`, `{ statusCode, body: JSON.stringify(result) }` with a client's or a response's whole
    // payload in a field: the record holds all of it (an access-log entry, a response being built).
    let carriesPayload = false;
    for (const property of node.properties) {
      if (property.type === 'SpreadElement') {
        const spread = this.valueOf(property.argument);
        spread.fields?.forEach((value, key) => fields.set(key, value));
        kinds = join(kinds, taintOnly(spread));
        carriesPayload ||= hasTag(spread, 'request-body');
        typeName ??= spread.typeName;
        continue;
      }
      if (FUNCTION_TYPES.has(property.value.type)) continue;
      const key = property.computed ? undefined : keyName(property.key);
      // `{ person: { email: user.username } }` (an error tracker's person): the key names whose the fields are.
      const underPersonKey = key !== undefined && property.value.type === 'ObjectExpression' && subjectOfName(key) === 'patient';
      // `{ doctor: { full_name }, center: { phone } }`: the staff member's and the clinic's contact details, not a
      // patient's. The app's own `user` may be the patient (a portal), so it does not count.
      const underWorkforceKey = key !== undefined && property.value.type === 'ObjectExpression' && !underPersonKey && subjectOfName(key) === 'workforce' && !isAppUserName(key);
      if (underPersonKey) this.personKeyDepth++;
      if (underPersonKey || underWorkforceKey) this.workforceKeys.push(underWorkforceKey);
      let value: AbstractValue;
      try {
        value = this.valueOf(property.value);
      } finally {
        if (underPersonKey) this.personKeyDepth--;
        if (underPersonKey || underWorkforceKey) this.workforceKeys.pop();
      }
      if (key === 'resourceType' && typeof value.constant === 'string' && PHI_RESOURCE_TYPES.has(value.constant)) typeName = value.constant;
      const fieldValue = key === undefined ? taintOnly(value) : this.propertyValue(key, property, value, aboutPatient);
      if (key !== undefined) fields.set(key, fieldValue);
      kinds = join(kinds, taintOnly(fieldValue));
      carriesPayload ||= hasTag(value, 'request-body');
    }
    // `{ value: reading.v, units: 'mg/dL' }`: a measurement record whatever its keys' names say.
    const measurement = measurementRecordValue(node, this as unknown as ProvenanceHost);
    if (hasPhi(measurement)) kinds = join(kinds, measurement);
    // `resourceType: 'Patient'` names the shape for later reads; the literal's PHI is what its fields
    // hold (`{ resourceType: 'Immunization', count: n }` is a log line, not a resource).
    const record = { ...kinds, fields, typeName: typeName ?? undefined, personContext: kinds.personContext || typeName !== undefined };
    return carriesPayload ? withTag(record, 'request-body') : record;
  }

  /** A value whose own name is a trap (`patientId`, `visit.uuid`): what a key says about it does not apply. */
  protected namesOpaqueValue(valueNode: Node): boolean {
    const valueName = valueNameOf(valueNode);
    return !!valueName && this.options.classifier.classify(valueName).trap;
  }

  /** `{ ssn: x }`: the key says what an opaque value is; literals and traps say nothing. */
  protected propertyValue(key: string, property: TSESTree.Property, value: AbstractValue, aboutPatient = false): AbstractValue {
    let byName = this.classifyHere(key);
    // `{ patientId, encounterId, notes: orderNote }`: beside a reference to the patient or the visit, `notes`,
    // `condition`, `dose` are that patient's clinical data. Only clinical words: `name` or `result` beside a
    // patient id still name a form's title or an API call's outcome as often as the patient's.
    if (aboutPatient && byName.kinds.length === 0 && !byName.trap) {
      const inContext = this.classifyHere(key, true);
      const kinds = inContext.kinds.filter((kind) => CLINICAL_CONTEXT_KINDS.has(kind));
      if (kinds.length) byName = { ...inContext, kinds };
    }
    if (byName.trap) return byName.clearsTaint && hasPhi(value) && !isOnlyAPersonNumber(value.kinds) ? EMPTY : value;
    if (hasPhi(value) || isLiteralLike(property.value) || property.shorthand || isSanitized(value)) return value;
    const valueNode = property.value;
    // `{ nhsNumber: PATHS.SEARCH_BY_NHS_NUMBER }`, `{ nhsNumber: searchPath }` bound to '/search/nhs-number': a table
    // keyed by a kind of data whose entries are constants (routes, labels) holds no value of that kind.
    if (typeof value.constant === 'string' || typeof value.constant === 'number' || this.isConstantMember(valueNode)) return value;
    // `{ patient: patientId }`: the value's own name says it is an opaque id, whatever the key says; but
    // `{ nhsNumber: patientId }` says which number the app calls its patient id.
    if (this.namesOpaqueValue(valueNode) && !keyNamesTheNumberOfAnId(byName.kinds, key, valueNameOf(valueNode) ?? '')) return value;
    const opaque = valueNode.type === 'CallExpression' || valueNode.type === 'AwaitExpression' || valueNode.type === 'Identifier' || valueNode.type === 'MemberExpression' || valueNode.type === 'NewExpression';
    if (!opaque || byName.kinds.length === 0) return value;
    return join(value, fromKinds(byName.kinds, this.origin(property.key, byName.kinds), 'medium'));
  }

  /**
   * `record.body` of a queue event, `response.Body.transformToString()` of a bucket object, `readFromS3(key)`: a
   * message another system delivered, when the fields the file reads from such messages name patient data.
   */
  /** The file's Program node (the bottom of the function stack). */
  programNode(): Node | undefined {
    const program = this.functionNodes[0];
    return program?.type === 'Program' ? program : undefined;
  }

  protected isPatientMessageRead(node: Node): boolean {
    if (!this.patientMessageReads) {
      const program = this.functionNodes[0];
      if (program?.type !== 'Program') return false;
      const messages = inboundMessagesOf(program, this.options.text);
      this.patientMessageReads = messages.reads.size > 0 && namesPatientData(messages.fields, this as unknown as ProvenanceHost) ? messages.reads : new Set();
    }
    return this.patientMessageReads.has(node);
  }

  protected callValue(node: TSESTree.CallExpression): AbstractValue {
    const result = this.callResultValue(node);
    const builtUrl = urlBuilderShape(node, result);
    const value = builtUrl ? { ...result, stringShape: builtUrl } : result;
    // `await request.json()`, `JSON.parse(event.body)`, `schema.parse(body)`: a client's whole payload again.
    const host = this as unknown as ProvenanceHost;
    return isInboundPayloadCall(node, host) || isSerialisedPayloadCall(node, host) || this.isPatientMessageRead(node) ? withTag(value, 'request-body') : value;
  }

  private callResultValue(node: TSESTree.CallExpression): AbstractValue {
    const callee = node.callee;
    const name = calleeName(callee);
    const dotted = dottedName(callee);
    if (name && this.isSanitizerName(name)) {
      const words = splitWords(name);
      const tag: ValueTag = words.some((word) => encryptionWords.has(word)) ? 'encrypted' : 'sanitized';
      return withTag(EMPTY, tag);
    }
    if (dotted && nonPhiFunctions.has(dotted)) return EMPTY;
    const collection = this.collectionHelperValue(node);
    if (collection) return collection;
    if (this.computesWorkspaceContent(node, callee, name, dotted)) return WORKSPACE_CONTENT;
    if (this.buildsASchema(node)) return EMPTY;
    const validated = this.schemaValidatedValue(node);
    if (validated) return validated;
    if (dotted && (loggerFactories.has(dotted) || (name && loggerFactories.has(name) && callee.type === 'MemberExpression'))) return withTag(EMPTY, 'logger');
    // `require('pino')()`, `require('debug')('app')`
    const required = requiredModule(callee);
    if (required && LOGGER_MODULES.test(required)) return withTag(EMPTY, 'logger');
    if (name && writeStreamFactories.has(name)) return withTag(EMPTY, 'write-stream');
    const stateInitial = this.stateHookInitialValue(node, dotted);
    if (stateInitial) return stateInitial;
    const fhir = this.fhirSource(node, name);
    if (fhir) return fhir;
    const response = requestResponseValue(node, this as unknown as ProvenanceHost);
    if (response) return response;
    const wrapper = callee.type === 'Identifier' ? this.requestWrapperAt(node, callee.name) : undefined;
    const wrappedUrl = wrapper?.returns ? node.arguments[wrapper.url] : undefined;
    const wrapped = wrappedUrl && wrappedUrl.type !== 'SpreadElement' ? wrappedResponseValue(node, wrappedUrl, (callee as TSESTree.Identifier).name, this as unknown as ProvenanceHost) : undefined;
    if (wrapped) return wrapped;
    const documents = storeReadValue(node, this as unknown as ProvenanceHost) ?? modelReadValue(node, this as unknown as ProvenanceHost);
    if (documents) return documents;
    const measurement = measurementChainValue(node, this as unknown as ProvenanceHost);
    if (measurement) return join(measurement, taintOnly(this.valueOf((callee as TSESTree.MemberExpression).object)));
    // `const compiled = template(destinationTemplate); compiled({ nationalCode })`: the text is filled with the data.
    if (this.compilesATemplate(node)) return withTag(EMPTY, 'compiled-template');
    if (callee.type === 'CallExpression' && this.compilesATemplate(callee)) return this.argumentsTaint(node);
    if (callee.type === 'Identifier' && this.scope.lookup(callee.name)?.value.tags?.has('compiled-template')) return this.argumentsTaint(node);
    // `errorCreator(message)({ event })`: a curried message builder returns the details it is given.
    if (callee.type === 'CallExpression' && curriedPassThrough.has(calleeName(callee.callee) ?? '')) return joinAll(node.arguments.map((argument) => taintOnly(this.valueOf(argument))));
    const binding = callee.type === 'Identifier' ? this.scope.lookup(callee.name)?.value : undefined;
    const local = binding?.functionNode;
    // A module-level const function declared below this call: what it is declared to return, nothing more.
    if (!local && binding?.declaredFunction) {
      const declaredBelow = declaredReturnValue(this as unknown as TypeFlowHost, node, binding.declaredFunction);
      if (hasPhi(declaredBelow)) return declaredBelow;
    }
    if (local) {
      // A function of this file: what its body returns for these arguments, plus what its name says, or else what it is declared to return.
      const returned = this.summarize(local, node.arguments.map((argument) => this.valueOf(argument)));
      // `extractPatientCompartmentSearchParams(searchParameters, compartmentDefinition)` of two JSON modules: a
      // synchronous function of this file computes metadata from metadata, whatever its name says.
      if (!hasPhi(returned) && !(local as { async?: boolean }).async && this.argumentsAreWorkspaceContent(node)) return WORKSPACE_CONTENT;
      // The name's guess is about the whole result; a returned tuple's elements stay what the body says.
      const joined = name ? join(returned, this.nameSaysValue(name, node)) : returned;
      const value = returned.tuple && !joined.tuple ? { ...joined, tuple: returned.tuple } : joined;
      if (hasPhi(value)) return value;
      const declaredHere = declaredReturnValue(this as unknown as TypeFlowHost, node, local);
      return hasPhi(declaredHere) ? declaredHere : value;
    }
    // `getPatient(id)` of another module, a request helper calling the workspace's generic one: the response of its route.
    if (!local && callee.type === 'Identifier' && this.imports.has(callee.name)) {
      const returned = this.importedMethodReturn(node);
      if (returned) return returned;
    }
    // `buildQuery(registry, request.queryParams)`: a query built from a FHIR search's criteria holds them.
    const built = local ? undefined : builtFromCriteriaValue(node, name, this as unknown as ProvenanceHost);
    if (built) return built;
    if (isItemConverter(name)) return this.argumentsTaint(node);
    if (name && sheetBuilderMethods.has(name)) return this.argumentsTaint(node);
    if (dotted === 'Object.entries') return this.objectEntriesValue(node.arguments[0]);
    const declared = callee.type === 'Identifier' || callee.type === 'MemberExpression' ? declaredReturnValue(this as unknown as TypeFlowHost, node, undefined) : EMPTY;
    if (hasPhi(declared)) return declared;
    // `const [practitioners, locations] = await Promise.all([readA(), readB()])`: the results in the order of the
    // promises handed over (a tuple, as the array literal is), not every result in each name.
    if ((dotted === 'Promise.all' || dotted === 'Promise.allSettled') && node.arguments.length === 1 && node.arguments[0].type === 'ArrayExpression') {
      const promises = this.valueOf(node.arguments[0]);
      if (promises.tuple) return promises;
    }
    if (dotted && (passThroughFunctions.has(dotted) || (name && passThroughFunctions.has(name) && callee.type === 'Identifier'))) {
      return this.argumentsTaint(node);
    }
    // `assertDefined(answer.valueString, 'answer')`, `ensureExists(x)`: a helper that checks its first argument and returns it.
    if (!local && callee.type === 'Identifier' && name && ASSERTING_IDENTITY.test(name) && node.arguments[0] && node.arguments[0].type !== 'SpreadElement') {
      return this.valueOf(node.arguments[0]);
    }
    if (callee.type === 'MemberExpression' && name) {
      // `this.loadOrders(id)` of this file's class, `this.orders.byPatient(id)` of an imported service: the
      // response its body returns, before what its name says.
      const method = this.localMethodOf(callee);
      const returned = method ? this.summarize(method, node.arguments.map((argument) => this.valueOf(argument))) : this.importedMethodReturn(node);
      if (returned && isResponseValue(returned)) return returned;
      // `byPatient(id): Observable<LabOrder[]>` of this file's class: what it is declared to emit.
      const declared = method ? declaredMethodReturnValue(this as unknown as TypeFlowHost, node, method, name) : this.declaredByReceiverType(node, callee, name);
      if (hasPhi(declared)) return asEmission(declared);
      if (name === PIPE_METHOD) {
        const emission = this.emissionOf(this.valueOf(callee.object));
        if (hasPhi(emission)) return this.pipedEmissions(node, emission).emitted;
      }
      // `this.noteService.GetEmergencyNoteById(id)` whose request could not be followed: what its name says it reads.
      // `catalogService.getAllergies()`, `masterdataService.getVisitCategories()`: a service of reference data reads
      // lists offered to choose from, whatever the variable it lands in is named.
      if (!method && namesReferenceDataObject(callee.object) && !hasPhi(this.argumentsTaint(node))) return REFERENCE_DATA;
      const serviceRead = method ? undefined : serviceReadValue(node, this as unknown as ProvenanceHost);
      if (serviceRead) return serviceRead;
      return this.methodCallValue(node, callee, name, () => this.argumentsTaint(node));
    }
    if (name) return this.nameSaysValue(name, node);
    return EMPTY;
  }

  /**
   * lodash's and underscore's collection functions do what the Array methods of the same names do, with the
   * collection as their first argument: `_.filter(patients, fn)`, `_.sortBy(visits, 'date')` are the same records,
   * `_.find(patients, fn)`, `_.first(results)` one of them, `_.map(summaries, (s) => Observation.create(…))` what the
   * callback returns for one of them. `_` that nothing in the file binds is the page's lodash or underscore.
   */
  private collectionHelperValue(node: TSESTree.CallExpression): AbstractValue | undefined {
    const helper = this.collectionHelperName(node.callee);
    if (!helper) return undefined;
    const [first, iteratee] = node.arguments;
    if (!first || first.type === 'SpreadElement') return undefined;
    const collection = this.valueOf(first);
    if (collectionMappingHelpers.has(helper)) {
      if (!iteratee || !FUNCTION_TYPES.has(iteratee.type)) return undefined;
      return this.summarize(iteratee, [this.elementOf(collection)]);
    }
    if (collectionSameHelpers.has(helper)) return { ...taintOnly(collection), element: collection.element };
    if (collectionOneHelpers.has(helper)) {
      if (collection.element) return collection.element;
      return hasPhi(collection) ? { ...taintOnly(collection), confidence: 'medium', personContext: collection.personContext } : EMPTY;
    }
    return undefined;
  }

  /** `_.filter` (lodash or underscore, or `_` nothing binds), `lodash.filter`, `filter` imported from lodash or `lodash/filter`: `filter`. */
  private collectionHelperName(callee: Node): string | undefined {
    if (callee.type === 'Identifier') {
      const source = this.importedFrom(callee.name);
      if (!source) return undefined;
      const single = /^lodash(-es)?\/(\w+)$|^lodash\.(\w+)$/.exec(source.module);
      if (single && source.imported === 'default') return (single[2] ?? single[3]).toLowerCase() === callee.name.toLowerCase() || collectionHelperNames.has(single[2] ?? single[3]) ? single[2] ?? single[3] : undefined;
      return COLLECTION_HELPER_MODULES.test(source.module) && collectionHelperNames.has(source.imported) ? source.imported : undefined;
    }
    if (callee.type !== 'MemberExpression' || callee.computed || callee.object.type !== 'Identifier') return undefined;
    const method = propertyName(callee);
    if (!method || !collectionHelperNames.has(method)) return undefined;
    const source = this.importedFrom(callee.object.name);
    if (source) return COLLECTION_HELPER_MODULES.test(source.module) && (source.imported === 'default' || source.imported === '*') ? method : undefined;
    return callee.object.name === '_' && !this.scope.lookup('_') ? method : undefined;
  }

  /**
   * `template(text)` of lodash or underscore, `_.template(text)`, `Handlebars.compile(text)`: a call that compiles a
   * template into a function (see TEMPLATE_ENGINE_MODULES). `_` that nothing imports is the page's lodash or underscore.
   */
  private compilesATemplate(node: TSESTree.CallExpression): boolean {
    const callee = node.callee;
    if (callee.type === 'Identifier') {
      const source = this.importedFrom(callee.name);
      if (!source || !TEMPLATE_ENGINE_MODULES.test(source.module)) return false;
      return templateCompileFunctions.has(source.imported) || (source.imported === 'default' && /template$/.test(source.module));
    }
    if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || !templateCompileFunctions.has(propertyName(callee) ?? '')) return false;
    const source = this.importedFrom(callee.object.name);
    if (source) return TEMPLATE_ENGINE_MODULES.test(source.module) && (source.imported === 'default' || source.imported === '*');
    return callee.object.name === '_' && !this.scope.lookup('_') && propertyName(callee) === 'template';
  }

  /** The PHI of a call's arguments together (what a pass-through function returns), without their shapes. */
  private argumentsTaint(node: TSESTree.CallExpression): AbstractValue {
    return joinAll(node.arguments.map((argument) => taintOnly(this.valueOf(argument))));
  }

  /**
   * What a call computes from the repository's own content alone (see ValueTag `workspace-content`): `require` of a
   * JSON module, a parser or serialiser (`JSON.parse`, yaml's `parse`/`stringify`) of such content, and the
   * array and string methods of such content (`definition.resource.map(…)`, `Object.entries(spec.paths)`).
   */
  protected computesWorkspaceContent(node: TSESTree.CallExpression, callee: Node, name: string | undefined, dotted: string | undefined): boolean {
    const first = node.arguments[0];
    if (callee.type === 'Identifier' && callee.name === 'require' && !this.scope.lookup('require')) return first?.type === 'Literal' && typeof first.value === 'string' && isJsonModule(first.value);
    if (dotted !== undefined && CONTENT_FUNCTIONS.has(dotted)) return this.argumentsAreWorkspaceContent(node);
    if (name === undefined || (callee.type !== 'MemberExpression' && callee.type !== 'Identifier')) return false;
    if (CONTENT_CODECS.has(name)) return this.argumentsAreWorkspaceContent(node);
    if (callee.type !== 'MemberExpression' || !CONTENT_METHODS.has(name) || !isWorkspaceContent(this.valueOf(callee.object))) return false;
    return node.arguments.every((argument) => FUNCTION_TYPES.has(argument.type) || isLiteralLike(argument) || (argument.type !== 'SpreadElement' && isWorkspaceContent(this.valueOf(argument))));
  }

  /** Every argument a literal or the repository's own content, and at least one the latter. */
  protected argumentsAreWorkspaceContent(node: TSESTree.CallExpression): boolean {
    let content = false;
    for (const argument of node.arguments) {
      if (argument.type === 'SpreadElement') return false;
      if (isLiteralLike(argument)) continue;
      if (!isWorkspaceContent(this.valueOf(argument))) return false;
      content = true;
    }
    return content;
  }

  /**
   * `validationSchema.validate(orderFormValues).then((valid) => …)`, `PatientSchema.parse(form)`, `schema.validateSync(values)`:
   * a schema's validation hands back the data it checked (yup resolves with it, zod returns it, or a `{ success, data }`
   * wrapping it), so the result holds what its argument holds. The receiver must be a schema: built from a schema
   * library's import, or a value named for one (`…Schema`). Joi's `validate` answers `{ value, error }`, whose error
   * is a message about the data, so a Joi schema's `validate` keeps its argument only under `value`.
   */
  protected schemaValidatedValue(node: TSESTree.CallExpression): AbstractValue | undefined {
    const callee = node.callee;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || !SCHEMA_VALIDATING_METHODS.has(callee.property.name)) return undefined;
    const data = node.arguments[0];
    if (!data || data.type === 'SpreadElement') return undefined;
    let root: Node = callee.object;
    for (;;) {
      if (root.type === 'MemberExpression') root = root.object;
      else if (root.type === 'CallExpression') root = root.callee;
      else break;
    }
    const source = root.type === 'Identifier' ? this.importedFrom(root.name) : undefined;
    const fromLibrary = source !== undefined && SCHEMA_BUILDER_MODULES.test(source.module);
    const schemaName = calleeName(callee.object as TSESTree.Expression) ?? (callee.object.type === 'Identifier' ? callee.object.name : undefined);
    if (!fromLibrary && !(schemaName && /schema$/i.test(schemaName))) return undefined;
    const value = taintOnly(this.valueOf(data));
    if (!hasPhi(value)) return undefined;
    const joi = source !== undefined ? /joi$/.test(source.module) : this.importsModule(/^(@hapi\/)?joi$/) && !this.importsModule(/^(yup|zod)$/);
    if (callee.property.name === 'validate' && joi) return { ...EMPTY, fields: new Map([['value', value]]) };
    if (callee.property.name.startsWith('safeParse')) return { ...EMPTY, fields: new Map([['data', value]]) };
    return value;
  }

  /** `z.record(z.string(), z.any()).optional()`, `yup.object({ dob: yup.date() })`: a schema, not data (see SCHEMA_BUILDER_MODULES). */
  protected buildsASchema(node: TSESTree.CallExpression): boolean {
    let current: Node = node.callee;
    for (;;) {
      if (current.type === 'MemberExpression') {
        const method = propertyName(current);
        if (method && schemaParseMethods.has(method)) return false;
        current = current.object;
      } else if (current.type === 'CallExpression') current = current.callee;
      else break;
    }
    if (current.type !== 'Identifier') return false;
    const source = this.importedFrom(current.name);
    // `import { parse } from 'valibot'`: `parse(schema, data)` returns the data.
    if (!source || (current === node.callee && schemaParseMethods.has(source.imported))) return false;
    return SCHEMA_BUILDER_MODULES.test(source.module);
  }

  protected methodCallValue(node: TSESTree.CallExpression, callee: TSESTree.MemberExpression, name: string, argumentsValue: () => AbstractValue): AbstractValue {
    const receiver = this.valueOf(callee.object);
    if (name === 'child' && receiver.tags?.has('logger')) return withTag(join(taintOnly(receiver), argumentsValue()), 'logger');
    if (idbStoreMethods.has(name)) return withTag(EMPTY, 'idb-store');
    // `parser.parse(rows)` of a CSV serialiser, `converter.json2csv(rows)`: the records as text.
    if (receiver.tags?.has('serialiser') || this.isImportedFrom(callee.object, CSV_SERIALISER_MODULES)) return join(taintOnly(receiver), argumentsValue());
    if (builderMethods.has(name)) {
      // Builders return what they hold: new HttpParams().set('ssn', ssn), new Identify().set('dob', dob).
      const built = join(taintOnly(receiver), this.keyedArgumentsValue(node, argumentsValue));
      // `new HttpParams().set('patient', uuid)`: the query of a read filtered by one patient.
      const key = node.arguments[0];
      const filters = hasTag(receiver, 'patient-filter') || (key?.type === 'Literal' && typeof key.value === 'string' && PATIENT_FILTER_KEY.test(key.value));
      return filters ? withTag(built, 'patient-filter') : built;
    }
    if (nonPhiMethods.has(name)) return EMPTY;
    if (isMaskingReplace(name, node)) return withTag(EMPTY, 'sanitized');
    if (/^get/.test(name) && node.arguments[0]?.type === 'Literal' && typeof node.arguments[0].value === 'string') {
      // `params.get('ssn')`, `localStorage.getItem('dob')`, `formData.get('diagnosis')`; a dotted key is a
      // path whose last segment names the value (`settings.get('medications.dispensing.timeoutHours')`).
      const byKey = this.options.classifier.classify(node.arguments[0].value.split('.').at(-1)!, receiver.personContext);
      if (byKey.trap) return EMPTY;
      if (byKey.kinds.length) return fromKinds(byKey.kinds, this.origin(node, byKey.kinds), 'medium');
    }
    const callback = node.arguments[0];
    if (callback && FUNCTION_TYPES.has(callback.type) && mappingMethods.has(name)) {
      // The result is what the callback returns: patients.map((p) => p.id) carries no PHI.
      const passed = name === 'then' ? receiver : this.elementOf(receiver);
      return this.summarize(callback, [passed]);
    }
    // `Object.entries(x).filter(…)`, `.sort()`: the same pairs; `.find(…)`, `.at(0)`: one of them.
    if (receiver.element && sameElementMethods.has(name)) return { ...taintOnly(receiver), element: receiver.element };
    if (receiver.element && oneElementMethods.has(name)) return receiver.element;
    if (passThroughMethods.has(name)) {
      const passed = taintOnly(receiver);
      if (!joiningMethods.has(name)) return { ...passed, typeName: receiver.typeName, personContext: receiver.personContext };
      const joined = join(passed, argumentsValue());
      const filled = this.placeholderFilling(node, name, receiver);
      return filled ? join(joined, filled) : joined;
    }
    const byMethod = this.nameSaysValue(name, node);
    if (hasPhi(byMethod)) return byMethod;
    // `pdf.getX()`, `page.getTotalPages()`, `list.getCount()`: a number about the receiver, not its data.
    const methodName = this.options.classifier.classify(name);
    if (methodName.trap && methodName.clearsTaint && !namesAReadByKey(name)) return EMPTY;
    const firstWord = splitWords(name)[0];
    if (firstWord && actionVerbs.has(firstWord)) return EMPTY;
    if (hasPhi(receiver)) return { ...taintOnly(receiver), confidence: 'medium', typeName: receiver.typeName, personContext: receiver.personContext };
    if (firstWord && retrievalVerbs.has(firstWord)) return this.receiverNameSaysValue(callee.object, node);
    return EMPTY;
  }

  /** `x.set('ssn', value)`: the value's PHI, plus what the key names when the value is opaque. */
  protected keyedArgumentsValue(node: TSESTree.CallExpression, argumentsValue: () => AbstractValue): AbstractValue {
    const value = argumentsValue();
    const [key, valueNode] = node.arguments;
    if (hasPhi(value) || !key || key.type !== 'Literal' || typeof key.value !== 'string' || !valueNode || isLiteralLike(valueNode)) return value;
    const byKey = this.options.classifier.classify(key.value);
    if (byKey.trap || isSanitized(this.valueOf(valueNode))) return value;
    // `.set('patient', patientUuid)`: the value's own name says it is an opaque id, whatever the key says.
    if (this.namesOpaqueValue(valueNode)) return value;
    return join(value, fromKinds(byKey.kinds, this.origin(key, byKey.kinds), 'medium'));
  }

  /** `patientRepository.findOne()`, `PatientService.getById()`: the receiver's name says what comes back. */
  protected receiverNameSaysValue(receiver: Node, call: Node): AbstractValue {
    const name = receiver.type === 'MemberExpression' ? propertyName(receiver) : receiver.type === 'Identifier' ? receiver.name : undefined;
    if (!name) return EMPTY;
    const words = [...splitWords(name)];
    while (words.length > 1 && codeStructureSuffixes.has(words[words.length - 1])) words.pop();
    const kinds = this.options.classifier.kindsOf(words.join('_'));
    return fromKinds(kinds, this.origin(call, kinds), 'medium');
  }

  /** What an unknown function's name says it returns: `getPatient()` → patient record. */
  protected nameSaysValue(name: string, node: Node): AbstractValue {
    const words = splitWords(name);
    if (words.length && actionVerbs.has(words[0])) return EMPTY;
    let byName = this.classifyHere(this.returnedNoun(words) ?? name);
    // `getEncounterById`, `fetchObservationsByPatientUuid`: the key after `by` is the argument's; the read resolves
    // with what is named before it (an id there, `getPatientIdByMrn`, is still an id).
    const readSubject = byName.trap ? subjectOfReadByKey(words) : undefined;
    if (readSubject) byName = this.classifyHere(readSubject);
    if (byName.trap || byName.kinds.length === 0) return EMPTY;
    return { ...fromKinds(byName.kinds, this.origin(node, byName.kinds), 'medium'), personContext: byName.personContext };
  }

  /**
   * `getStripeAccountForAppointment` → `stripe_account`: a function named for a thing *for*, *by*, *from* or *of*
   * something returns the thing. Undefined (the whole name counts) when there is no preposition, the noun before
   * it is a generic container (`getDataForPatient`, `fetchQuestionnaireResponsesForEncounter`) or itself PHI
   * (`getPatientsForUser`, `getVitalsForEncounter`).
   */
  protected returnedNoun(words: readonly string[]): string | undefined {
    const at = words.findIndex((word, i) => i > 0 && namePrepositions.has(word));
    if (at < 0) return undefined;
    let start = 0;
    while (start < at && retrievalVerbs.has(words[start])) start++;
    const head = words.slice(start, at);
    // The head noun of a compound is its last word: `questionnaireResponses` are responses.
    if (head.length === 0 || genericResultNouns.has(head[head.length - 1])) return undefined;
    const headName = head.join('_');
    const complementGivesPerson = this.options.classifier.classify(words.slice(at + 1).join('_')).personContext;
    return this.options.classifier.classify(headName, complementGivesPerson).kinds.length > 0 ? undefined : headName;
  }

  /**
   * `useState({ patientName: '', medicine: '' })`: UI state starts empty and fills with what the user
   * types, so its keys say what it will hold even though the initial values are literals.
   */
  protected stateHookInitialValue(node: TSESTree.CallExpression, dotted: string | undefined): AbstractValue | undefined {
    if (!dotted || !stateHooks.has(dotted)) return undefined;
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
  protected fhirSource(node: TSESTree.CallExpression, name: string | undefined): AbstractValue | undefined {
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

  protected resourceTypeOfArguments(node: TSESTree.CallExpression): string | undefined {
    const first = node.arguments[0];
    if (!first) return undefined;
    const value = this.valueOf(first);
    if (typeof value.constant === 'string') return value.constant;
    if (value.typeName) return value.typeName;
    // fhir-kit-client and Oystehr say `resourceType`, fhir.js `type`: `client.search({ type: 'Patient', query })`.
    const resourceType = value.fields?.get('resourceType')?.constant ?? value.fields?.get('type')?.constant;
    return typeof resourceType === 'string' ? resourceType : undefined;
  }

  protected newValue(node: TSESTree.NewExpression): AbstractValue {
    const className = dottedName(node.callee);
    const args = joinAll(node.arguments.map((argument) => taintOnly(this.valueOf(argument))));
    if (className === 'URL' || className === 'URLSearchParams' || className === 'Request') {
      const first = node.arguments[0] ? this.valueOf(node.arguments[0]) : EMPTY;
      // new URL('/results', 'http://lab…'): a relative first argument takes its scheme and host from the base.
      const base = className === 'URL' && node.arguments[1] && first.stringPrefix !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(first.stringPrefix) ? this.valueOf(node.arguments[1]) : first;
      return { ...args, stringPrefix: base.stringPrefix, stringNode: base.stringNode };
    }
    if (className && /^[A-Z]/.test(className) && this.options.index?.resolve(className, this.options.classifier, this.options.file)) {
      return join(args, this.typedValue(className, node));
    }
    // new BehaviorSubject<Patient>(…), new FormGroup<PatientForm>(…), new Map<string, Patient>()
    const typeArgument = node.typeArguments?.params[className === 'Map' ? 1 : 0];
    if (typeArgument) return join(args, valueOfType(this as unknown as TypeFlowHost, typeArgument, node));
    // `new Parser({ fields })` of json2csv: what its methods are handed comes back as text.
    if (this.isImportedFrom(node.callee, CSV_SERIALISER_MODULES)) return withTag(args, 'serialiser');
    // `new PatientLogger()`: an instance of a class the workspace declares, so its methods' summaries apply.
    if (node.callee.type === 'Identifier' && this.isWorkspaceClass(node.callee.name)) return { ...args, typeName: args.typeName ?? node.callee.name };
    return args;
  }

  /** `Parser`, `json2csv.Parser`, `converter`: a name (or a namespace's member) imported from a matching module. */
  protected isImportedFrom(node: Node, module: RegExp): boolean {
    const root = dottedName(node)?.split('.')[0];
    const source = root ? this.importedFrom(root) : undefined;
    return source !== undefined && module.test(source.module);
  }

  /** A class imported from a relative module or declared in this file (not a library's). */
  protected isWorkspaceClass(name: string): boolean {
    if (!/^[A-Z]/.test(name)) return false;
    const imported = this.imports.get(name);
    return imported ? imported.module.startsWith('.') : this.declaresClass(name);
  }

  protected abstract declaresClass(name: string): boolean;

  range(node: Node | { range: [number, number] }) {
    return rangeFromOffsets(this.options.lineStarts, node.range[0], node.range[1]);
  }

  snippet(node: Node): string {
    const dotted = dottedName(node);
    const text = dotted ?? (node.type === 'CallExpression' ? `${dottedName(node.callee) ?? 'call'}(…)` : node.type);
    return text.length > MAX_SNIPPET ? `${text.slice(0, MAX_SNIPPET - 1)}…` : text;
  }

  /**
   * `template.replace('[case information]', payload)`, `.replace('{{date_of_birth}}', value)`: a template's placeholder
   * names what is put in its place, as a key names an opaque value. Only a delimited placeholder (brackets, braces,
   * angle brackets, percent signs) counts, not a fixed text; only a value that can hold data (not a constant, not a
   * replacer function) whose own analysis found nothing; never a whole record's name (`{patient}`, `{encounter}` in a
   * URL template stand for an id), and never a trap (`{patientId}`, `{format}`).
   */
  private placeholderFilling(node: TSESTree.CallExpression, name: string, receiver: AbstractValue): AbstractValue | undefined {
    if (name !== 'replace' && name !== 'replaceAll') return undefined;
    const [pattern, replacement] = node.arguments;
    if (pattern?.type !== 'Literal' || typeof pattern.value !== 'string' || !replacement || replacement.type === 'SpreadElement') return undefined;
    const placeholder = PLACEHOLDER.exec(pattern.value.trim())?.slice(1).find((group) => group !== undefined);
    if (!placeholder || FUNCTION_TYPES.has(replacement.type)) return undefined;
    const value = this.valueOf(replacement);
    if (hasPhi(value) || value.constant !== undefined || value.tags?.has('sanitized') || value.tags?.has('encrypted')) return undefined;
    const words = placeholder.trim().split(/[^A-Za-z0-9]+/).filter(Boolean);
    if (words.length === 0 || words.length > 4) return undefined;
    const byName = this.options.classifier.classify(words.join('_'), receiver.personContext);
    if (byName.trap) return undefined;
    const kinds = byName.kinds.filter((kind) => !PLACEHOLDER_RECORD_KINDS.has(kind));
    return kinds.length ? fromKinds(kinds, this.origin(replacement, kinds), 'medium') : undefined;
  }

  protected origin(node: Node, kinds: readonly string[]): TaintOrigin {
    return { range: this.range(node), label: `${describeKinds(kinds)} from \`${this.snippet(node)}\`` };
  }}

/** The name an owner of a member read goes by: `medication` in `prescription.medication?.name`, `drugs` in `drugs[0].name`. */
const MAX_STRING_SHAPE = 200;

/** A part of a string as shape text: its constant, its own shape, its known start, or `{}`. */
function shapeText(value: AbstractValue): string {
  if (typeof value.constant === 'string') return value.constant;
  if (value.stringShape !== undefined) return value.stringShape;
  if (value.stringPrefix !== undefined) return `${value.stringPrefix}{}`;
  return '{}';
}

/** The shape of the parts joined, when it spells something (a letter outside `{}`) and stays short. */
function spelledShape(parts: readonly string[]): string | undefined {
  const shape = parts.join('').replace(/(\{\})+/g, '{}');
  return shape.length <= MAX_STRING_SHAPE && /[a-z]/i.test(shape.replace(/\{\}/g, '')) ? shape : undefined;
}

/** Functions named for building a URL from path segments: `getUrl`, `buildUrl`, `apiPath`, `endpoint`. */
const URL_BUILDER_NAME = /^(get|build|make|create|compose|api|resource)?_?(url|uri|path|endpoint)$/i;
const PATH_SEGMENT_TEXT = /^[\w.-]+(\/[\w.-]+)*\/?$/;

/**
 * `this.getUrl('daily-visits', date)`: a URL helper handed literal path segments builds a URL under a configured
 * base whose path names them (`{}/daily-visits/{}`) after whatever the helper's body spells; read for what a request reads.
 */
function urlBuilderShape(call: TSESTree.CallExpression, result: AbstractValue): string | undefined {
  const name = calleeName(call.callee);
  if (!name || !URL_BUILDER_NAME.test(name) || call.arguments.length === 0) return undefined;
  const segments = call.arguments.map((argument) => (argument.type === 'Literal' && typeof argument.value === 'string' && PATH_SEGMENT_TEXT.test(argument.value) ? argument.value : '{}'));
  if (segments.every((segment) => segment === '{}')) return undefined;
  return spelledShape([shapeText(result).replace(/\/?(\{\})?$/, ''), '/', segments.join('/')]);
}

function ownerNameOf(member: TSESTree.MemberExpression): string {
  let owner: TSESTree.Node = member.object;
  while (owner.type === 'MemberExpression' && owner.computed && owner.property.type !== 'Identifier') owner = owner.object;
  if (owner.type === 'ChainExpression') owner = owner.expression;
  if (owner.type === 'Identifier') return owner.name;
  if (owner.type === 'MemberExpression' && !owner.computed && owner.property.type === 'Identifier') return owner.property.name;
  return '';
}

/** `process.env.NAME`, `process.env['NAME']`, `import.meta.env.NAME`: an environment variable's value. */
function isEnvironmentVariableRead(node: TSESTree.MemberExpression): boolean {
  const object = node.object;
  if (object.type !== 'MemberExpression' || object.computed || object.property.type !== 'Identifier' || object.property.name !== 'env') return false;
  const owner = object.object;
  if (owner.type === 'Identifier') return owner.name === 'process';
  return owner.type === 'MetaProperty' && owner.meta.name === 'import' && owner.property.name === 'meta';
}

/** A FHIR resource's lists of identifiers and contact points: what they hold is judged by whose resource it is. */
const JUDGED_LISTS = new Set(['identifier', 'identifiers', 'telecom']);

/**
 * `x.value`, `x?.value`, `x.value!`, `(x.value as string)`: a read of the generic `value` member of whatever holds it.
 * Not one picked from a resource's identifier or contact list (`location.identifier?.find(…)?.value`): that list was
 * judged by whose resource it is (a patient's carries its kinds), so a lab's account number on a Location or a
 * DiagnosticReport is not a person's because the variable is called `accountNumber`.
 */
function readsGenericValue(init: Node | undefined): boolean {
  const node = init && withoutChainAndAssertions(init);
  if (node?.type !== 'MemberExpression' || node.computed || node.property.type !== 'Identifier' || node.property.name !== 'value') return false;
  for (let holder: Node | undefined = node.object, depth = 0; holder && depth < 8; depth++) {
    if (holder.type === 'ChainExpression' || holder.type === 'TSNonNullExpression' || holder.type === 'TSAsExpression') holder = holder.expression;
    else if (holder.type === 'CallExpression') holder = holder.callee;
    else if (holder.type === 'MemberExpression') {
      if (!holder.computed && holder.property.type === 'Identifier' && JUDGED_LISTS.has(holder.property.name)) return false;
      holder = holder.object;
    } else break;
  }
  return true;
}
