// Sources by provenance: a value that comes from a patient-bearing place carries PHI even under a generic
// name (`event`, `input`, `response`, `created`). Each source says where the value came from in its
// origin's label (shown as a finding's related location), and its confidence is "medium": the evidence is
// where the value came from, not what it is seen to hold. The places are data in vocabulary/provenance.ts.
//
//   - tracker events: `event` read for its programme stage (DHIS2-style health programmes);
//   - the input of a FHIR subscription's handler, filed under `subscriptions/<resource-type>/`;
//   - the response of a request to a patient-bearing route (`/api/patients`, `/treatments`, `Observation?…`);
//   - what a store named for patient data hands its callbacks (`treatments.create(docs, (err, created) => …)`).
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { TaintOrigin } from '../rule-api';
import { dottedName, keyName, lastSegment, propertyName } from '../rule-api/ast';
import { describeKinds, namesACodeCatalogue, namesReferenceData, isAccountContextName, isAppUserName, PHI_KIND_BY_ID, splitWords, subjectOfName, withoutContactKinds, type NameClassifier, type Subject } from '../vocabulary/classify';
import { PHI_RESOURCE_TYPES } from '../vocabulary/fhir-resources';
import {
  HANDLER_EXPORT_NAMES,
  HANDLER_FILE_NAMES,
  HANDLER_WRITE_VERBS,
  HANDLER_INPUT_NAME,
  CLINICAL_UNITS,
  CURSOR_METHODS,
  MEASUREMENT_UNIT_KEYS,
  MEASUREMENT_VALUE_KEYS,
  NAMED_STORE_CALLS,
  NOT_PAYLOAD_PARSERS,
  PATIENT_FILTER_KEY,
  PAYLOAD_PARSER_NAMES,
  PAYLOAD_PARSER_WORDS,
  PAYLOAD_VALIDATOR_HEADS,
  REQUEST_BODY_READERS,
  RPC_RESOLVER_METHODS,
  SERVERLESS_EVENT_TYPES,
  SERVERLESS_HANDLER_TYPES,
  SERVERLESS_RESULT_TYPES,
  SOCKET_REMOVAL_WORDS,
  SOCKET_WORDS,
  SOCKET_WRITE_WORDS,
  REQUEST_CLIENT_WORDS,
  REQUEST_FUNCTIONS,
  KEY_MATERIAL_ROUTE_ENDS,
  POST_METHODS,
  REQUEST_METHODS,
  SEARCH_ROUTE_ENDS,
  SERVICE_READ_VERBS,
  SERVICE_RECEIVER_WORDS,
  SERVICE_SUBJECT_ENDS,
  STORE_CALLBACK_METHODS,
  STORE_READ_METHODS,
  STORE_SUFFIX_WORDS,
  STORE_WRITE_METHODS,
  SUBSCRIPTION_FOLDERS,
  TRACKER_EVENT_FIELDS,
  TRACKER_EVENT_KINDS,
  FHIR_FOLDER,
  FHIR_MODULE,
  FHIR_SEARCH_REQUEST_TYPE,
  INDEXED_DOCUMENT_FIELD,
  ITEM_CONVERTERS,
  QUERY_BUILDER_NOUNS,
  QUERY_BUILDER_VERBS,
  SEARCH_CRITERIA_FIELDS,
  SERVED_REQUEST_OBJECT,
  SERVED_REQUEST_URL_PROPERTIES,
  SEARCH_CRITERIA_KINDS,
  STORED_RESOURCE_KINDS,
  STREAM_IMAGE_FIELDS,
  STREAM_RECORD_FIELD,
  UNPROCESSED_ITEMS_FIELD,
} from '../vocabulary/provenance';
import { childNodes, FUNCTION_TYPES, isRequestObject, pushChildNodes, typeNameOfAnnotation } from './syntax';
import { EMPTY, taintOnly, withTag, type AbstractValue } from './values';

type Node = TSESTree.Node;

/** What provenance needs of the evaluator. */
export interface ProvenanceHost {
  valueOf(node: Node): AbstractValue;
  origin(node: Node, kinds: readonly string[]): TaintOrigin;
  typedValue(typeName: string, node: Node): AbstractValue;
  importsModule(module: string | RegExp): boolean;
  /** The file's Program node, when the analysis has it. */
  programNode?(): Node | undefined;
  options: { classifier: NameClassifier; file?: string; appUsersArePatients?: boolean; index?: { resolve(typeName: string, classifier: NameClassifier, fromFile?: string): { fields: ReadonlyMap<string, unknown> } | undefined; servedQueryParametersAround?(file: string): readonly string[]; modelRecordKinds?(name: string, classifier: NameClassifier): readonly string[] } };
}

const trackerEventFields = new Set(TRACKER_EVENT_FIELDS);
const subscriptionFolders = new Set(SUBSCRIPTION_FOLDERS);
const handlerExportNames = new Set(HANDLER_EXPORT_NAMES);
const requestFunctions = new Set(REQUEST_FUNCTIONS);
const requestMethods = new Set(REQUEST_METHODS);
const requestClientWords = new Set(REQUEST_CLIENT_WORDS);
const storeCallbackMethods = new Set(STORE_CALLBACK_METHODS);
const storeReadMethods = new Set(STORE_READ_METHODS);
const storeWriteMethods = new Set(STORE_WRITE_METHODS);
const cursorMethods = new Set(CURSOR_METHODS);
const storeSuffixWords = new Set(STORE_SUFFIX_WORDS);
const namedStoreCalls = new Set(NAMED_STORE_CALLS);
const measurementValueKeys = new Set(MEASUREMENT_VALUE_KEYS);
const measurementUnitKeys = new Set(MEASUREMENT_UNIT_KEYS);
const ERROR_PARAMETER = /^(err|error|e|ex|exception)$/i;
const MAX_URL_LABEL = 40;

/**
 * Kinds a route or store name may lend a response: clinical data and whole records, never a bare contact detail.
 * A national health identifier's service (`/abha/…`, an NHS number's) answers with the holder's health account,
 * so its name lends that identifier.
 */
function isRecordKind(kind: string): boolean {
  const description = PHI_KIND_BY_ID.get(kind);
  return description?.category === 'clinical' || description?.category === 'record' || (description?.category === 'identifier' && description.jurisdiction !== undefined);
}

function provenanceValue(kinds: readonly string[], range: TaintOrigin['range'], why: string, response?: true): AbstractValue {
  if (kinds.length === 0) return EMPTY;
  return { kinds: [...kinds].sort(), origins: [{ range, label: `${describeKinds(kinds)}: ${why}`, ...(response ? { response } : {}) }], confidence: 'medium', personContext: true };
}

/** A value the code declares (`byPatient(id): Observable<LabOrder[]>`): evidence of what its Observable emits, like a response. */
export function asEmission(value: AbstractValue): AbstractValue {
  return { ...value, origins: value.origins.map((origin) => ({ ...origin, response: true as const })) };
}

/** The value came from the response of a read of a patient route (not from a name's guess): what its Observable emits. */
export function isResponseValue(value: AbstractValue): boolean {
  return value.origins.some((origin) => origin.response === true);
}

// ── tracker events ──────────────────────────────────────────────────────────────────────────

/** What one walk of a function's (or the program's) body records, per identifier. */
interface FieldUse {
  /** The fields it is read for, anywhere in the body. */
  reads: Map<string, Set<string>>;
  /** The fields read off it for their value (not assigned: `data.glucose = …` fills it later). */
  valueReads: Map<string, Set<string>>;
  /** The fields it is stored into whole (`this.notes.ClinicalDiagnosis = data`). */
  storedInto: Map<string, Set<string>>;
}

const fieldUseCache = new WeakMap<Node, FieldUse>();

function addTo(map: Map<string, Set<string>>, key: string, field: string): void {
  let fields = map.get(key);
  if (!fields) map.set(key, (fields = new Set()));
  fields.add(field);
}

function fieldUseIn(root: Node): FieldUse {
  const cached = fieldUseCache.get(root);
  if (cached) return cached;
  const use: FieldUse = { reads: new Map(), valueReads: new Map(), storedInto: new Map() };
  const assigned = new Set<Node>();
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'AssignmentExpression') assigned.add(node.left);
    if (node.type === 'MemberExpression' && node.object.type === 'Identifier' && !node.computed && node.property.type === 'Identifier') {
      addTo(use.reads, node.object.name, node.property.name);
      if (!assigned.has(node)) addTo(use.valueReads, node.object.name, node.property.name);
    } else if (node.type === 'AssignmentExpression' && node.operator === '=' && node.right.type === 'Identifier' && node.left.type === 'MemberExpression' && !node.left.computed && node.left.property.type === 'Identifier') {
      addTo(use.storedInto, node.right.name, node.left.property.name);
    }
    pushChildNodes(node, stack);
  }
  fieldUseCache.set(root, use);
  return use;
}

function fieldReadsIn(root: Node): Map<string, Set<string>> {
  return fieldUseIn(root).reads;
}

/** `event`, `apiEvent`, `clientEvent`: a name whose head noun is an event (`eventId`, `eventDate` are not). */
function isEventName(name: string): boolean {
  return /event$/i.test(name) && splitWords(name).at(-1) === 'event';
}

/**
 * `event` (or `apiEvent`) in a function that reads it for `programStage`, `dataValues`, `trackedEntity`…:
 * a health programme's record of one person's visit, with the values recorded at it.
 */
export function trackerEventValue(identifier: TSESTree.Identifier, scopeRoot: Node | undefined, host: ProvenanceHost): AbstractValue {
  if (!scopeRoot || !isEventName(identifier.name)) return EMPTY;
  const fields = fieldReadsIn(scopeRoot).get(identifier.name);
  const field = fields && [...fields].find((name) => trackerEventFields.has(name));
  if (!field) return EMPTY;
  return provenanceValue(TRACKER_EVENT_KINDS, host.origin(identifier, TRACKER_EVENT_KINDS).range, `\`${identifier.name}\` is a health programme's tracker event (it is read for \`${field}\`), with the values recorded for a person`);
}

// ── parameters read for patient data ────────────────────────────────────────────────────────

/** The most fields of a parameter named in a finding's reason. */
const MAX_FIELDS_NAMED = 2;

/**
 * `function (form) { console.log(form); const medication = form.newMedication; … }`: a parameter under a generic name
 * that its function reads clinical data off (`form.newMedication`, `data.diagnoses`), or stores whole as such
 * (`this.notes.ClinicalDiagnosis = data`), holds that data, so the whole of it logged, sent or stored carries it. Contact
 * details and record words read off it say nothing of whose it is (a clinic's form has a phone too, a staff member's
 * role a `person_roleid`), and catalogues of codes (`options.medicationCodes`) are no one's. A parameter with a declared
 * type (`candid: CandidApiClient`, read for `candid.nonInsurancePayers`) is what its type says.
 */
export function fieldsReadValue(identifier: TSESTree.Identifier, fn: Node | undefined, host: ProvenanceHost): AbstractValue {
  if (!fn || !FUNCTION_TYPES.has(fn.type)) return EMPTY;
  if (!(fn as TSESTree.FunctionLike).params.some((param) => param.type === 'Identifier' && param.range[0] === identifier.range[0])) return EMPTY;
  // `candid: CandidApiClient` read for `candid.nonInsurancePayers`: a declared type says what it is; only an untyped
  // (or `any`) parameter is known by what is read off it.
  const declared = identifier.typeAnnotation?.typeAnnotation.type;
  if (declared && declared !== 'TSAnyKeyword' && declared !== 'TSUnknownKeyword') return EMPTY;
  const uses = fieldUseIn(fn);
  const reads = uses.valueReads.get(identifier.name);
  const stored = uses.storedInto.get(identifier.name);
  // Most parameters are neither read for a field nor stored: no closure made for them (keepNames names each one).
  if (!reads && !stored) return EMPTY;
  const kinds = new Set<string>();
  const named: string[] = [];
  const note = (field: string, shown: string): void => {
    const byName = host.options.classifier.classify(field);
    if (byName.trap || namesACodeCatalogue(field)) return;
    const clinical = byName.kinds.filter((kind) => PHI_KIND_BY_ID.get(kind)?.category === 'clinical');
    if (clinical.length === 0) return;
    clinical.forEach((kind) => kinds.add(kind));
    if (named.length < MAX_FIELDS_NAMED) named.push(shown);
  };
  for (const field of reads ?? []) note(field, `reads \`${identifier.name}.${field}\` off it`);
  // `CallBackAssessment(data) { this.notes.ClinicalDiagnosis = data; }`: what it is stored as says what it is.
  for (const field of stored ?? []) note(field, `stores it as \`${field}\``);
  if (kinds.size === 0) return EMPTY;
  const found = [...kinds];
  return provenanceValue(found, host.origin(identifier, found).range, `its function ${named.join(' and ')} (\`${identifier.name}\`)`);
}

// ── handler inputs ──────────────────────────────────────────────────────────────────────────

/** `subscriptions/questionnaire-response/…` → QuestionnaireResponse: the resource type a subscription handler's folder names. */
export function subscribedResourceType(file: string | undefined): string | undefined {
  if (!file) return undefined;
  const folders = file.split('/').slice(0, -1);
  const at = folders.findIndex((folder) => subscriptionFolders.has(folder.toLowerCase()));
  if (at < 0) return undefined;
  for (const folder of folders.slice(at + 1)) {
    const pascal = folder.split(/[-_]/).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
    if (PHI_RESOURCE_TYPES.has(pascal)) return pascal;
  }
  return undefined;
}

function parentNode(node: Node): Node | undefined {
  return (node as { parent?: Node }).parent;
}

/** The module's entry: `export const index = wrapHandler('x', async (input) => …)`, `export async function handler(event)`, `exports.handler = …`. */
function isModuleEntry(fn: Node): boolean {
  let node: Node | undefined = fn;
  for (let depth = 0; node && depth < 4; depth++) {
    const parent = parentNode(node);
    if (!parent) return false;
    if (node.type === 'FunctionDeclaration' && node.id && handlerExportNames.has(node.id.name)) return parent.type === 'ExportNamedDeclaration' || parent.type === 'Program';
    if (parent.type === 'VariableDeclarator') return parent.id.type === 'Identifier' && handlerExportNames.has(parent.id.name);
    if (parent.type === 'AssignmentExpression') {
      const target = dottedName(parent.left);
      return target !== undefined && /^(module\.)?exports\./.test(target) && handlerExportNames.has(target.split('.').pop()!);
    }
    if (parent.type === 'ExportDefaultDeclaration') return true;
    if (parent.type !== 'CallExpression' && parent.type !== 'AwaitExpression' && parent.type !== 'TSAsExpression') return false;
    node = parent;
  }
  return false;
}

/** The first parameter of a FHIR subscription handler's entry: the resource that changed (`input`, `event`). */
export function handlerInputValue(identifier: TSESTree.Identifier, fn: Node | undefined, host: ProvenanceHost): AbstractValue {
  if (!fn || !FUNCTION_TYPES.has(fn.type)) return EMPTY;
  const first = (fn as TSESTree.FunctionLike).params[0];
  if (!first || first.type !== 'Identifier' || first.range[0] !== identifier.range[0] || !HANDLER_INPUT_NAME.test(identifier.name)) return EMPTY;
  const resourceType = subscribedResourceType(host.options.file);
  if (!resourceType || !isModuleEntry(fn)) return EMPTY;
  const kinds = host.typedValue(resourceType, identifier).kinds;
  return provenanceValue(kinds, host.origin(identifier, kinds).range, `\`${identifier.name}\` is what a subscription on ${resourceType} resources hands its handler (the resource that changed)`);
}

// ── responses of requests to patient routes ─────────────────────────────────────────────────

function urlArgument(call: TSESTree.CallExpression): Node | undefined {
  const first = call.arguments[0];
  if (!first) return undefined;
  if (first.type !== 'ObjectExpression') return first;
  for (const property of first.properties) {
    if (property.type === 'Property' && !property.computed && keyName(property.key) === 'url') return property.value;
  }
  return undefined;
}

/** `{ method: 'POST' }`, `{ type: 'PUT' }` in the request's options: a write, by its method (`?` when not a literal). */
function writeMethodOf(call: TSESTree.CallExpression): string | undefined {
  for (const argument of call.arguments.slice(0, 2)) {
    if (argument.type !== 'ObjectExpression') continue;
    for (const property of argument.properties) {
      if (property.type !== 'Property' || property.computed) continue;
      const key = keyName(property.key);
      if (key !== 'method' && key !== 'type') continue;
      if (property.value.type !== 'Literal' || typeof property.value.value !== 'string') return '?';
      return /^(get|head)$/i.test(property.value.value) ? undefined : property.value.value.toUpperCase();
    }
  }
  return undefined;
}

/** Methods that replace or change the one record their URL names, and answer with it as it now is. */
const UPDATE_METHODS = new Set(['PUT', 'PATCH']);

/** `/Patient/{}`, `/api/patients/{}/`: a URL that ends in one record's id. */
function namesOneRecord(prefix: string): boolean {
  return /\/\{\}\/?$/.test(prefix.split(/[?#]/)[0]);
}

const postMethods = new Set(POST_METHODS);
const keyMaterialRouteEnds = new Set(KEY_MATERIAL_ROUTE_ENDS);
const searchRouteEnds = new Set(SEARCH_ROUTE_ENDS);

/** `axios.post(`${base}/abha/search`, { healthIdNumber })`: a POST to a route that searches, whose answer is what it found. */
function isSearchPost(call: TSESTree.CallExpression, prefix: string | undefined): boolean {
  if (!prefix || call.callee.type !== 'MemberExpression' || !postMethods.has(propertyName(call.callee) ?? '')) return false;
  const receiver = call.callee.object.type === 'ThisExpression' ? undefined : lastSegment(call.callee.object);
  if (!receiver || !splitWords(receiver).some((word) => requestClientWords.has(word))) return false;
  const last = prefix.split(/[?#]/)[0].split('/').filter(Boolean).at(-1);
  return last !== undefined && searchRouteEnds.has(last.toLowerCase());
}

function isRequestCall(call: TSESTree.CallExpression, allowUpdate = false): boolean {
  const write = writeMethodOf(call);
  if (write && !(allowUpdate && UPDATE_METHODS.has(write))) return false;
  const dotted = dottedName(call.callee);
  if (dotted && requestFunctions.has(dotted)) return true;
  if (call.callee.type !== 'MemberExpression') return false;
  const method = propertyName(call.callee);
  if (!method || !requestMethods.has(method)) return false;
  const receiver = call.callee.object.type === 'ThisExpression' ? undefined : lastSegment(call.callee.object);
  if (!receiver) return false;
  const words = receiver === '$' ? ['$'] : splitWords(receiver);
  return words.some((word) => requestClientWords.has(word));
}

/**
 * What a route's path says its responses hold: `/api/v1/treatments/` treatments, `/patients/:id` a
 * patient record; nothing when the path ends in a count, an id list or a format (`/patients/count`).
 */
export function routeKinds(path: string, classifier: NameClassifier): readonly string[] {
  const withoutOrigin = path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const segments = withoutOrigin.split(/[?#]/)[0].split('/').map((segment) => segment.replace(/\{\}/g, '')).filter((segment) => segment && !/^[:{$]|^\d+$|^v\d+$/.test(segment));
  // `…/profile/public/certificate`: the service's own key material, whatever service it belongs to.
  if (keyMaterialRouteEnds.has(segments.at(-1)?.toLowerCase() ?? '')) return [];
  const kinds = new Set<string>();
  for (const segment of segments) {
    const verdict = classifier.classify(segment);
    if (verdict.trap) {
      if (segment === segments.at(-1)) return [];
      continue;
    }
    const found = verdict.kinds.length ? verdict.kinds : singularKinds(segment, classifier);
    found.filter(isRecordKind).forEach((kind) => kinds.add(kind));
  }
  return [...kinds].sort();
}

/** `beneficiaries`, `persons`: a plural the vocabulary knows only in the singular. */
function singularKinds(name: string, classifier: NameClassifier): readonly string[] {
  const singular = /ies$/i.test(name) ? name.replace(/ies$/i, 'y') : /[^s]s$/i.test(name) ? name.slice(0, -1) : undefined;
  if (!singular) return [];
  const verdict = classifier.classify(singular);
  return verdict.trap ? [] : verdict.kinds;
}

/**
 * The records a store's name says it holds: `treatments`, `patientsDb`, `PatientModel`,
 * `encounterStore` (the machinery word after the subject is not a trap here), `beneficiaries`.
 */
export function storeRecordKinds(name: string, classifier: NameClassifier): readonly string[] {
  let verdict = classifier.classify(name);
  let subject = name;
  if (verdict.trap) {
    const words = name.split(/(?=[A-Z])|[-_]/).filter(Boolean);
    let end = words.length;
    while (end > 1 && storeSuffixWords.has(words[end - 1].toLowerCase())) end--;
    if (end === words.length) return [];
    subject = words.slice(0, end).join('');
    verdict = classifier.classify(subject);
    if (verdict.trap) return [];
  }
  const kinds = verdict.kinds.length ? verdict.kinds : singularKinds(subject, classifier);
  return kinds.filter(isRecordKind);
}

/** A constant's text (`'/patients/'`, `const PATIENTS = 'patients'`), or `{}` where a value goes. */
function knownText(node: Node, host: ProvenanceHost): string {
  const constant = host.valueOf(node).constant;
  return typeof constant === 'string' ? constant : '{}';
}

/**
 * The path a URL expression spells, with `{}` where a value goes: `${base}/Patient/${id}` is
 * `{}/Patient/{}` even when the base is not known (a configured server), `'/encounters/' + id` is
 * `/encounters/{}`. A value whose start is known (a constant, a `const` URL) gives that start.
 */
export function urlShape(url: Node, host: ProvenanceHost): string | undefined {
  if (url.type === 'TemplateLiteral') {
    const parts: string[] = [];
    url.quasis.forEach((quasi, i) => {
      parts.push(quasi.value.cooked ?? '');
      const expression = url.expressions[i];
      if (expression) parts.push(i === 0 && !parts[0] ? (urlShape(expression, host) ?? '{}') : knownText(expression, host));
    });
    const shape = parts.join('');
    return /[a-z]/i.test(shape.replace(/\{\}/g, '')) ? shape : undefined;
  }
  if (url.type === 'BinaryExpression' && url.operator === '+') {
    const left = urlShape(url.left, host) ?? '{}';
    const right = url.right.type === 'TemplateLiteral' ? (urlShape(url.right, host) ?? '{}') : knownText(url.right, host);
    const shape = left + right;
    return /[a-z]/i.test(shape.replace(/\{\}/g, '')) ? shape : undefined;
  }
  const value = host.valueOf(url);
  // `this.baseUrl() + 'patients'`, `getUrl('patients')`: the start is configured, the rest still says what is read.
  return value.stringShape || value.stringPrefix || undefined;
}

/** `patientId`, `beneficiaryRegID`, `personUuid`: a key naming one patient's identifier (not a user's, not a code). */
function namesAPatientKey(key: string): boolean {
  if (PATIENT_FILTER_KEY.test(key)) return true;
  const words = splitWords(key);
  return words.length > 1 && /^(?:id|ids|uuid)$/.test(words.at(-1)!) && subjectOfName(key) === 'patient';
}

/**
 * `this.http.post(environment.historyUrl, { beneficiaryRegID: id })`: a POST whose body is nothing but one patient's
 * identifier writes nothing — it asks for that patient's records by another verb, as a GET with the patient in its
 * query does, whatever the route (unless the route ends in a count, a setting or another trap). The key that names the
 * patient, or undefined.
 */
function patientFilterPost(call: TSESTree.CallExpression, prefix: string | undefined, host: ProvenanceHost): string | undefined {
  if (call.callee.type !== 'MemberExpression' || !postMethods.has(propertyName(call.callee) ?? '')) return undefined;
  const receiver = call.callee.object.type === 'ThisExpression' ? undefined : lastSegment(call.callee.object);
  if (!receiver || !splitWords(receiver).some((word) => requestClientWords.has(word))) return undefined;
  const body = call.arguments[1];
  // One key: a body naming two patients (`{ keepPatientId, unwantedPatientId }`) acts on them, a merge or a link.
  if (body?.type !== 'ObjectExpression' || body.properties.length !== 1) return undefined;
  const keys = body.properties.map((property) => property.type === 'Property' && !property.computed ? keyName(property.key) : undefined);
  if (!keys.every((key) => key !== undefined && namesAPatientKey(key))) return undefined;
  if (prefix && endsInTrap(prefix, host.options.classifier)) return undefined;
  // `environment.deleteBeneficiaryUrl`, `'/patients/merge'`: a route named for an action on the patient is a write.
  const url = call.arguments[0];
  const named = url.type === 'MemberExpression' ? propertyName(url) : url.type === 'Identifier' ? url.name : prefix?.split(/[?#]/)[0].split('/').filter(Boolean).at(-1);
  if (named && splitWords(named).some((word) => POST_ACTION_WORDS.has(word))) return undefined;
  return keys[0];
}

/** Words of a route or URL name saying a POST acts on the patient it names rather than reads: a write, a removal, a merge. */
const POST_ACTION_WORDS = new Set([...HANDLER_WRITE_VERBS, 'delete', 'remove', 'deactivate', 'activate', 'merge', 'link', 'unlink', 'close', 'cancel', 'discharge', 'transfer', 'assign', 'send', 'notify', 'enrol', 'enroll', 'tag']);

/** `fetch('/api/patients')`, `$.ajax({ url: '/api/v1/treatments/' })`, `api.get('/encounters/' + id)`, `axios.get(`${base}/Patient/${id}`)`: the response of a patient route. */
export function requestResponseValue(call: TSESTree.CallExpression, host: ProvenanceHost): AbstractValue | undefined {
  const url = urlArgument(call);
  const byPatient = url !== undefined && !isRequestCall(call, true) ? patientFilterPost(call, urlShape(url, host), host) : undefined;
  if (byPatient) {
    const prefix = urlShape(url!, host);
    const readable = (prefix ?? '…').replace(/\{\}/g, '…');
    const shown = readable.length > MAX_URL_LABEL ? `${readable.slice(0, MAX_URL_LABEL - 1)}…` : readable;
    const kinds = prefix ? routeKinds(prefix, host.options.classifier) : [];
    const records = kinds.length ? kinds : ['patient-record'];
    return provenanceValue(records, host.origin(call, records).range, `the response of a POST to \`${shown}\` asking for one patient's records (\`${byPatient}\`)`, true);
  }
  const searchPost = !isRequestCall(call, true) && url !== undefined && isSearchPost(call, urlShape(url, host));
  if (!searchPost && !isRequestCall(call, true)) return undefined;
  const prefix = url ? urlShape(url, host) : undefined;
  // `fetch(`${base}/Patient/${id}`, { method: 'PATCH', … })`: an update answers with the record it changed (FHIR's
  // update, REST's PUT/PATCH of one resource); a create, a delete or an update of no one record says nothing.
  if (!searchPost && writeMethodOf(call) && !(prefix && namesOneRecord(prefix))) return undefined;
  const kinds = prefix ? routeKinds(prefix, host.options.classifier) : [];
  const readable = (prefix ?? '…').replace(/\{\}/g, '…');
  const shown = readable.length > MAX_URL_LABEL ? `${readable.slice(0, MAX_URL_LABEL - 1)}…` : readable;
  if (kinds.length) return provenanceValue(kinds, host.origin(call, kinds).range, `the response of a request to \`${shown}\``, true);
  // `http.get(`${base}obs`, { params: new HttpParams().set('patient', uuid) })`: one patient's records,
  // whatever the collection — unless the path ends in a count, a setting or another trap.
  const filter = patientFilter(call, prefix, host);
  if (!filter || (prefix && endsInTrap(prefix, host.options.classifier))) return undefined;
  const records = ['patient-record'];
  return provenanceValue(records, host.origin(call, records).range, `the response of a read of \`${shown}\` filtered by a patient (\`${filter}\`)`, true);
}

/**
 * `_fetchApi(`${apiURL()}/patient/full-info/${id}`, (data) => …)`: what a request helper of the workspace's own hands the
 * callback it is given (see extractRequestWrappers), by the route its URL argument names, like the request it makes.
 */
export function wrappedResponseValue(call: TSESTree.CallExpression, url: Node, helper: string, host: ProvenanceHost): AbstractValue | undefined {
  const prefix = urlShape(url, host);
  if (!prefix) return undefined;
  const readable = prefix.replace(/\{\}/g, '…');
  const shown = readable.length > MAX_URL_LABEL ? `${readable.slice(0, MAX_URL_LABEL - 1)}…` : readable;
  const kinds = routeKinds(prefix, host.options.classifier);
  if (kinds.length) return provenanceValue(kinds, host.origin(call, kinds).range, `the response of a request to \`${shown}\` (through \`${helper}\`)`, true);
  const filter = prefix.split('?')[1]?.split('&').map((pair) => pair.split('=')[0]).find((key) => PATIENT_FILTER_KEY.test(key));
  if (!filter || endsInTrap(prefix, host.options.classifier)) return undefined;
  const records = ['patient-record'];
  return provenanceValue(records, host.origin(call, records).range, `the response of a read of \`${shown}\` filtered by a patient (\`${filter}\`, through \`${helper}\`)`, true);
}

// ── reads of the application's own services ──────────────────────────────────────────────────

const serviceReceiverWords = new Set(SERVICE_RECEIVER_WORDS);
const serviceReadVerbs = new Set(SERVICE_READ_VERBS);
const serviceSubjectEnds = new Set(SERVICE_SUBJECT_ENDS);

/** `GetEmergencyNoteById` → `emergency_note`, `getHivSummary` → `hiv_summary`: what a read's name says it reads; undefined for any other name. */
export function serviceReadSubject(method: string): string | undefined {
  const words = splitWords(method);
  if (words.length < 2 || !serviceReadVerbs.has(words[0])) return undefined;
  const end = words.findIndex((word, i) => i > 0 && serviceSubjectEnds.has(word));
  const subject = words.slice(1, end < 0 ? undefined : end);
  return subject.length ? subject.join('_') : undefined;
}

/**
 * `this.noteService.GetEmergencyNoteById(id)`, `this.hivSummaryService.getHivSummary(uuid)`: a read of one of the
 * application's services named for patient records (a patient, visits, notes, lab results) resolves or emits those
 * records, whatever the callback calls them (`res`, `data`). Asked only where the service's own method could not be
 * followed to a request; the evidence is the names, so medium, and the label says so. A name whose subject ends in a
 * count, a type, a setting or an id (`getPatientCount`, `getVisitTypes`) and staff or catalogue reads
 * (`getDoctors`, `getWards`) name no record.
 */
export function serviceReadValue(call: TSESTree.CallExpression, host: ProvenanceHost): AbstractValue | undefined {
  if (call.callee.type !== 'MemberExpression' || call.callee.computed || call.callee.object.type === 'ThisExpression') return undefined;
  const method = propertyName(call.callee);
  const receiver = lastSegment(call.callee.object);
  if (!method || !receiver || !serviceReceiverWords.has(splitWords(receiver).at(-1) ?? '')) return undefined;
  // `masterdataService.getSnomedCTRecord(term)`, `catalogService.getAllergies()`: a service of reference data reads lists
  // offered to choose from, the same for every patient.
  if (namesReferenceData(receiver)) return undefined;
  const subject = serviceReadSubject(method);
  if (!subject) return undefined;
  const kinds = routeKinds(`/${subject}`, host.options.classifier);
  if (kinds.length === 0) return undefined;
  // The records are objects: put into text they render as `[object Object]` (only their fields read carry their data).
  return withTag(provenanceValue(kinds, host.origin(call, kinds).range, `what \`${receiver}.${method}\` resolves with (a service's read named for these records)`, true), 'declared-record');
}

/** The query parameter that filters a read by one patient: in the URL's query or in the request's `params` option. */
function patientFilter(call: TSESTree.CallExpression, prefix: string | undefined, host: ProvenanceHost): string | undefined {
  const inQuery = prefix?.split('?')[1]?.split('&').map((pair) => pair.split('=')[0]).find((key) => PATIENT_FILTER_KEY.test(key));
  if (inQuery) return inQuery;
  const options = call.arguments[1] ?? (call.arguments[0]?.type === 'ObjectExpression' ? call.arguments[0] : undefined);
  if (options?.type !== 'ObjectExpression') return undefined;
  for (const property of options.properties) {
    if (property.type !== 'Property' || property.computed || keyName(property.key) !== 'params') continue;
    const params = property.value;
    if (params.type === 'ObjectExpression') {
      for (const param of params.properties) {
        const key = param.type === 'Property' && !param.computed ? keyName(param.key) : undefined;
        if (key && PATIENT_FILTER_KEY.test(key)) return key;
      }
      return undefined;
    }
    return host.valueOf(params).tags?.has('patient-filter') ? 'patient' : undefined;
  }
  return undefined;
}

/** `/patients/count`, `{}settings`: a path whose last segment is a trap (a count, a setting, a format). */
function endsInTrap(path: string, classifier: NameClassifier): boolean {
  const last = path.split(/[?#]/)[0].split('/').map((segment) => segment.replace(/\{\}/g, '')).filter(Boolean).at(-1);
  return last !== undefined && classifier.classify(last).trap;
}

// ── stores named for patient data ───────────────────────────────────────────────────────────

/**
 * `ctx.treatments.create(docs, (err, created) => …)`, `entries.findOne(query, (err, doc) => …)`: the
 * documents a store named for patient data hands its callback (the callback is not the first argument,
 * which tells a store's method from an array's `find(element => …)`).
 */
export function storeCallbackValues(call: TSESTree.CallExpression, callback: Node, host: ProvenanceHost): AbstractValue[] | undefined {
  if (call.callee.type !== 'MemberExpression' || call.arguments[0] === callback || !FUNCTION_TYPES.has(callback.type)) return undefined;
  const method = propertyName(call.callee);
  if (!method || !storeCallbackMethods.has(method)) return undefined;
  const store = storeName(call.callee.object, host);
  if (!store) return undefined;
  const byName = storeRecordKinds(store, host.options.classifier);
  const kinds = byName.length ? byName : call.callee.object.type === 'Identifier' ? declaredModelKinds(store, host) : [];
  if (kinds.length === 0) return undefined;
  const params = (callback as TSESTree.FunctionLike).params;
  return params.map((param) => {
    if (param.type === 'Identifier' && ERROR_PARAMETER.test(param.name)) return EMPTY;
    return provenanceValue(kinds, host.origin(param, kinds).range, `what the \`${store}\` store hands \`${method}\`'s callback (its documents)`);
  });
}

/** `treatments`, `ctx.store.treatments` → its last name; `db.collection('patients')`, `db.table('visits')` → the name it opens. */
function storeName(receiver: Node, host: ProvenanceHost): string | undefined {
  if (receiver.type === 'CallExpression') {
    const opener = receiver.callee.type === 'MemberExpression' ? propertyName(receiver.callee) : undefined;
    if (!opener || !namedStoreCalls.has(opener) || !receiver.arguments[0]) return undefined;
    const named = host.valueOf(receiver.arguments[0]).constant;
    return typeof named === 'string' && /^[a-z][\w-]*$/i.test(named) ? named : undefined;
  }
  if (receiver.type === 'ThisExpression') return undefined;
  return lastSegment(receiver);
}

/**
 * `await db.collection('patients').findOne(q)`, `collection('treatments').find(q).sort(s).toArray()`: the
 * documents read from a collection opened by a name that says it holds patient records. (A store held
 * in a variable named for them, `patients.get(id)`, already carries what its name says.)
 */
export function storeReadValue(call: TSESTree.CallExpression, host: ProvenanceHost): AbstractValue | undefined {
  let read: TSESTree.CallExpression = call;
  for (let depth = 0; depth < 6; depth++) {
    if (read.callee.type !== 'MemberExpression') return undefined;
    const method = propertyName(read.callee);
    if (!method) return undefined;
    const receiver = read.callee.object;
    if (receiver.type !== 'CallExpression' || receiver.callee.type !== 'MemberExpression') return undefined;
    if (cursorMethods.has(method) && !namedStoreCalls.has(propertyName(receiver.callee) ?? '')) {
      read = receiver;
      continue;
    }
    if (!storeReadMethods.has(method)) return undefined;
    if (read.arguments[0] && FUNCTION_TYPES.has(read.arguments[0].type)) return undefined;
    const store = storeName(receiver, host);
    if (!store) return undefined;
    const kinds = storeRecordKinds(store, host.options.classifier);
    if (kinds.length === 0) return undefined;
    return provenanceValue(kinds, host.origin(call, kinds).range, `documents read from the \`${store}\` store`);
  }
  return undefined;
}

/** What the workspace declares a model's documents hold, by its schema (see WorkspaceIndex.modelRecordKinds). */
function declaredModelKinds(name: string, host: ProvenanceHost): readonly string[] {
  return host.options.index?.modelRecordKinds?.(name, host.options.classifier) ?? [];
}

/** Query methods that hand back a cursor or a query over the same documents (`Agenda.find(q).cursor()`). */
const MODEL_QUERY_METHODS = new Set([...CURSOR_METHODS, 'cursor', 'sort', 'populate', 'lean', 'session', 'where']);

/**
 * `await Receta.find(query)`, `RecetaInsumo.findById(id)`, `Agenda.find(c).cursor()`: the documents read through a
 * model the workspace declares with a schema that holds patients' records (see WorkspaceIndex.modelRecordKinds),
 * whatever the model is named: its schema's fields, not its name, say what it holds.
 */
export function modelReadValue(call: TSESTree.CallExpression, host: ProvenanceHost): AbstractValue | undefined {
  let read: TSESTree.CallExpression = call;
  for (let depth = 0; depth < 6; depth++) {
    if (read.callee.type !== 'MemberExpression' || read.callee.computed) return undefined;
    const method = propertyName(read.callee);
    if (!method) return undefined;
    const receiver = read.callee.object;
    if (receiver.type === 'CallExpression' && MODEL_QUERY_METHODS.has(method)) {
      read = receiver;
      continue;
    }
    if (receiver.type !== 'Identifier' || !storeReadMethods.has(method)) return undefined;
    if (read.arguments.some((argument) => FUNCTION_TYPES.has(argument.type))) return undefined;
    const kinds = declaredModelKinds(receiver.name, host);
    if (kinds.length === 0) return undefined;
    return provenanceValue(kinds, host.origin(call, kinds).range, `documents read through the \`${receiver.name}\` model, whose schema holds patients' records`);
  }
  return undefined;
}

// ── inbound payloads ────────────────────────────────────────────────────────────────────────
//
// What a server's handler receives from its caller, whole: a serverless HTTP event, a tRPC procedure's
// `input`, a socket message that writes a record, the body a route handler reads with `request.json()`,
// and what a parser or validator makes of them. Such a value is tagged "request-body" (like Express's
// `req.body`): it carries no PHI kind of its own — nobody knows its fields — but logged whole it writes
// whatever a client sent, which in a health API is the patient's data.

const serverlessEventTypes = new Set(SERVERLESS_EVENT_TYPES);
const serverlessResultTypes = new Set(SERVERLESS_RESULT_TYPES);
const serverlessHandlerTypes = new Set(SERVERLESS_HANDLER_TYPES);
const rpcResolverMethods = new Set(RPC_RESOLVER_METHODS);
const socketWriteWords = new Set(SOCKET_WRITE_WORDS);
const socketWords = new Set(SOCKET_WORDS);
const socketRemovalWords = new Set(SOCKET_REMOVAL_WORDS);
const requestBodyReaders = new Set(REQUEST_BODY_READERS);
const payloadParserNames = new Set(PAYLOAD_PARSER_NAMES);
const payloadParserWords = new Set(PAYLOAD_PARSER_WORDS);
const payloadValidatorHeads = new Set(PAYLOAD_VALIDATOR_HEADS);
const notPayloadParsers = new Set(NOT_PAYLOAD_PARSERS);

const INBOUND = withTag(EMPTY, 'request-body');

/** `Promise<APIGatewayProxyResult>` → APIGatewayProxyResult. */
function declaredTypeName(annotation: TSESTree.TSTypeAnnotation | undefined): string | undefined {
  let type = annotation?.typeAnnotation;
  if (type?.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && type.typeName.name === 'Promise') type = type.typeArguments?.params[0];
  if (type?.type !== 'TSTypeReference') return undefined;
  return type.typeName.type === 'Identifier' ? type.typeName.name : type.typeName.type === 'TSQualifiedName' ? type.typeName.right.name : undefined;
}

/** Head nouns of a type that is what a handler is handed (not an e-mail or a response it builds). */
const INBOUND_TYPE_NOUNS = new Set(['input', 'event', 'request', 'req']);

/**
 * A type of the workspace shaped like an inbound HTTP message: named for a handler's input, event or
 * request, and declaring both `headers` and `body` (`interface FunctionInput { headers; body; secrets }`).
 */
function isMessageShapedType(typeName: string, host: ProvenanceHost): boolean {
  if (!INBOUND_TYPE_NOUNS.has(splitWords(typeName).at(-1) ?? '')) return false;
  const fields = host.options.index?.resolve(typeName, host.options.classifier, host.options.file)?.fields;
  return !!fields && fields.has('body') && fields.has('headers');
}

/**
 * The first parameter of a serverless HTTP handler: typed as an API Gateway / load balancer / function
 * URL event or a workspace type with `headers` and `body`, or the parameter of a function declared to
 * return a gateway result or stored in a variable typed as a gateway handler, or the first parameter of
 * a module's entry (`export const index = wrapHandler(async (input) => …)`) that reads its `body`.
 */
function isServerlessEventParameter(fn: TSESTree.FunctionLike, param: TSESTree.Parameter, host: ProvenanceHost): boolean {
  if (param.type !== 'Identifier') return false;
  const typeName = declaredTypeName(param.typeAnnotation);
  if (typeName && (serverlessEventTypes.has(typeName) || isMessageShapedType(typeName, host))) return true;
  const returns = declaredTypeName(fn.returnType);
  if (returns && serverlessResultTypes.has(returns)) return true;
  const holder = parentNode(fn);
  if (holder?.type === 'VariableDeclarator' && holder.init === fn && holder.id.type === 'Identifier') {
    const handlerType = declaredTypeName(holder.id.typeAnnotation);
    if (handlerType && serverlessHandlerTypes.has(handlerType)) return true;
  }
  return isModuleEntry(fn) && HANDLER_INPUT_NAME.test(param.name) && (fieldReadsIn(fn.body ?? fn).get(param.name)?.has('body') ?? false);
}

/** Per function and parameter: the fields the handler reads from its payload, or from copies of it. */
const payloadFieldsCache = new WeakMap<Node, Map<string, Set<string>>>();

function unwrapped(node: Node): Node {
  let current = node;
  while (current.type === 'AwaitExpression' || current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression' || current.type === 'ChainExpression') {
    current = current.type === 'AwaitExpression' ? current.argument : current.expression;
  }
  return current;
}

/**
 * The fields a handler reads from its payload `name`, its `body`, and copies made of them in its body
 * (`const { answers } = validateInput(input)`, `const params = schema.parse(JSON.parse(input.body)); params.note`):
 * what the handler itself says the payload holds. One walk per handler, in source order.
 */
function payloadFieldsRead(fn: Node, name: string): Set<string> {
  let byName = payloadFieldsCache.get(fn);
  if (!byName) payloadFieldsCache.set(fn, (byName = new Map()));
  const cached = byName.get(name);
  if (cached) return cached;
  const aliases = new Set([name]);
  const fields = new Set<string>();
  const isPayload = (node: Node): boolean => {
    const inner = unwrapped(node);
    if (inner.type === 'Identifier') return aliases.has(inner.name);
    return inner.type === 'MemberExpression' && !inner.computed && propertyName(inner) === 'body' && isPayload(inner.object);
  };
  const isCopy = (node: Node): boolean => {
    const inner = unwrapped(node);
    if (inner.type === 'LogicalExpression') return isCopy(inner.left) || isCopy(inner.right); // `event.body ?? '{}'`
    return isPayload(inner) || (inner.type === 'CallExpression' && inner.arguments.some((argument) => argument.type !== 'SpreadElement' && isCopy(argument)));
  };
  const body = (fn as TSESTree.FunctionLike).body ?? fn;
  const stack: Node[] = [body];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'VariableDeclarator' && node.init && isCopy(node.init)) {
      if (node.id.type === 'Identifier') aliases.add(node.id.name);
      else if (node.id.type === 'ObjectPattern') {
        for (const property of node.id.properties) if (property.type === 'Property' && !property.computed) fields.add(keyName(property.key) ?? '');
      }
    } else if (node.type === 'MemberExpression' && !node.computed && isCopy(node.object)) {
      const field = propertyName(node);
      if (field && field !== 'body') fields.add(field);
    }
    const children = childNodes(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  fields.delete('');
  byName.set(name, fields);
  return fields;
}

/** Callees that put a value into a log line or text, not into the handler's work: handing the payload to them is not using it. */
const NOT_A_USE = /^(console|logger|log|JSON)\b|^(String|Number|Boolean)$/;

/**
 * Whether the handler hands its payload (or a validated copy of it) whole to its own work — `complexValidation(validated,
 * oystehr)`, `performEffect(oystehr, validated)` — rather than only taking ids out of it (`const { appointmentId,
 * timezone } = validated`): a write that uses only ids builds its record on the server, from what it reads.
 */
function payloadHandedOnWhole(fn: Node, name: string): boolean {
  const aliases = new Set([name]);
  const body = (fn as TSESTree.FunctionLike).body ?? fn;
  const isAlias = (node: Node): boolean => {
    const inner = unwrapped(node);
    return inner.type === 'Identifier' && aliases.has(inner.name);
  };
  const calleeOf = (call: TSESTree.CallExpression): string => dottedName(call.callee) ?? (call.callee.type === 'MemberExpression' ? propertyName(call.callee) ?? '' : '');
  const stack: Node[] = [body];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init) {
      const init = unwrapped(node.init);
      // `const validated = validateRequestParameters(input)`: a copy of the payload, followed as the payload.
      if (isAlias(init) || (init.type === 'CallExpression' && init.arguments.some((argument) => argument.type !== 'SpreadElement' && isAlias(argument)) && isPayloadParserName(calleeOf(init).split('.').pop() ?? '', calleeOf(init)))) {
        aliases.add(node.id.name);
      }
    }
    if (node.type === 'CallExpression' && !NOT_A_USE.test(calleeOf(node))) {
      const callee = calleeOf(node);
      const parser = isPayloadParserName(callee.split('.').pop() ?? '', callee);
      if (!parser && node.arguments.some((argument) => argument.type !== 'SpreadElement' && isAlias(argument))) return true;
    }
    const children = childNodes(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return false;
}

/** Whether any of the names is a patient's data by itself (`chiefComplaint`, `answers`, `dateOfBirth`, `patient`), not an id, flag or count. */
export function namesPatientData(names: Iterable<string>, host: ProvenanceHost): boolean {
  let contactOnly = false;
  // A handler about the workforce (`update-user`, `sync-practitioner`): a person's details in its payload are
  // a staff member's; only clinical data and patient records there are a patient's.
  const aboutWorkforce = fileSubjectOf(host.options.file, host.options.appUsersArePatients) === 'workforce';
  for (const name of names) {
    const verdict = host.options.classifier.classify(name);
    if (verdict.trap || verdict.kinds.length === 0) continue;
    if (aboutWorkforce) {
      if (verdict.kinds.some(isRecordKind) || subjectOfName(name) === 'patient') return true;
      continue;
    }
    if (withoutContactKinds(verdict.kinds).length > 0 || subjectOfName(name) === 'patient') return true; // `patientName` says whose
    contactOnly = true;
  }
  // A name, an e-mail, a phone alone are the patient's only where the handler's place says it serves
  // patients (`patient/appointment/create-appointment/`); elsewhere they may be a staff user's.
  return contactOnly && fileServesPatients(host.options.file);
}

function fileServesPatients(file: string | undefined): boolean {
  return !!file && file.split('/').slice(0, -1).some((folder) => subjectOfName(folder) === 'patient');
}

/** Whose data a file handles, by the nearest of its name and folders that says (`ehr/update-user/index.ts`: the workforce's). */
export function fileSubjectOf(file: string | undefined, appUsersArePatients = false): Subject | undefined {
  if (!file) return undefined;
  const segments = file.replace(/\.[^./]+$/, '').split('/').reverse();
  for (const segment of segments) {
    // In a patient app `store/user/`, `auth/` and `account/` hold the patient's own account.
    if (appUsersArePatients && (isAppUserName(segment) || isAccountContextName(segment))) continue;
    const subject = subjectOfName(segment);
    if (subject) return subject;
  }
  return undefined;
}

/**
 * A name for a store rather than one of its documents: a model (`Patient`), a plural (`treatments`), or a
 * subject with a machinery word (`patientsDb`, `encounterStore`). `patient.save(options)` saves a document
 * whose argument is not a record.
 */
function namesAStore(name: string): boolean {
  if (/^[A-Z][a-z]/.test(name) || /[^s]s$/.test(name)) return true;
  const last = name.split(/(?=[A-Z])|[-_]/).filter(Boolean).at(-1)?.toLowerCase();
  return last !== undefined && storeSuffixWords.has(last);
}

/**
 * `patientsDb.put(doc)`, `db.collection('treatments').insertOne(entry)`: the variable handed to a write
 * of a store named for patient records is such a record, after the write (a failed write's `catch` that
 * logs it, a `.then(() => log(doc))`).
 */
export function storedDocument(call: TSESTree.CallExpression, host: ProvenanceHost): { argument: TSESTree.Identifier; value: AbstractValue } | undefined {
  if (call.callee.type !== 'MemberExpression') return undefined;
  const method = propertyName(call.callee);
  const argument = call.arguments[0];
  if (!method || !storeWriteMethods.has(method) || argument?.type !== 'Identifier') return undefined;
  // `seenPatients.add(patientId)`: an id (or a count, a flag) added to a set of records stays what its name says.
  if (host.options.classifier.classify(argument.name).trap) return undefined;
  const store = storeName(call.callee.object, host);
  if (!store || (call.callee.object.type !== 'CallExpression' && !namesAStore(store))) return undefined;
  const kinds = storeRecordKinds(store, host.options.classifier);
  if (kinds.length === 0) return undefined;
  return { argument, value: provenanceValue(kinds, host.origin(argument, kinds).range, `\`${argument.name}\` is written to the \`${store}\` store (\`${method}\`)`) };
}

// ── clinical measurement records ────────────────────────────────────────────────────────────

const MEASUREMENT_REASON = 'a measured value recorded with a clinical unit';

/**
 * `{ type: 'smbg', value: reading.v, units: 'mg/dL' }`: an object that sets a measured value from data
 * beside a clinical unit is a person's measurement, whatever the variable it lands in is called. A
 * literal value (`value: 0`) is a default or an example, not a measurement.
 */
export function measurementRecordValue(node: TSESTree.ObjectExpression, host: ProvenanceHost): AbstractValue {
  let measured: Node | undefined;
  let unitKind: string | undefined;
  for (const property of node.properties) {
    if (property.type !== 'Property' || property.computed) continue;
    const key = keyName(property.key);
    if (!key) continue;
    if (measurementValueKeys.has(key)) measured = isMeasuredValue(property.value, host) ? property.value : undefined;
    else if (measurementUnitKeys.has(key)) unitKind = clinicalUnitKind(host.valueOf(property.value).constant);
  }
  if (!measured || !unitKind) return EMPTY;
  return provenanceValue([unitKind], host.origin(measured, [unitKind]).range, MEASUREMENT_REASON);
}

/** The value holds a clinical measurement record (built above: an object or a builder chain with a clinical unit). */
export function isMeasurementValue(value: AbstractValue): boolean {
  return value.origins.some((origin) => origin.label.endsWith(MEASUREMENT_REASON));
}

/**
 * `data.post_records.push(reading)` in one function, `debug('records', data.post_records)` in another: a
 * property the file fills with measurement records (pushed into it or assigned to it) holds a person's
 * readings wherever the file reads it, whatever object it is read from (the record list a device driver
 * builds and uploads). Medium: the property's name is the only link between the two places.
 */
export function collectedMeasurementsValue(collected: AbstractValue, property: string, at: Node, host: ProvenanceHost): AbstractValue {
  return provenanceValue(collected.kinds, host.origin(at, collected.kinds).range, `the file collects measurement records in \`${property}\``);
}

/** `with_units`, `withUnits` → `units`; `set` with a literal key → that key. */
function setterKey(call: TSESTree.CallExpression): { key: string; value: Node } | undefined {
  if (call.callee.type !== 'MemberExpression') return undefined;
  const method = propertyName(call.callee);
  if (!method) return undefined;
  if (method === 'set' && call.arguments.length === 2) {
    const [key, value] = call.arguments;
    return key.type === 'Literal' && typeof key.value === 'string' ? { key: key.value, value } : undefined;
  }
  const setter = /^with_?([A-Za-z]\w*)$/.exec(method);
  if (!setter || call.arguments.length !== 1) return undefined;
  return { key: setter[1].charAt(0).toLowerCase() + setter[1].slice(1), value: call.arguments[0] };
}

/**
 * `builder.makeReading().with_value(level).with_units('mmol/L')`: a builder chain that sets a measured
 * value from data beside a clinical unit builds a measurement record (the chain's later calls, `.done()`,
 * hand it on as any method of a value holding PHI does). Asked only at a call that sets the value or the unit.
 */
export function measurementChainValue(call: TSESTree.CallExpression, host: ProvenanceHost): AbstractValue | undefined {
  const own = setterKey(call);
  if (!own || (!measurementValueKeys.has(own.key) && !measurementUnitKeys.has(own.key))) return undefined;
  let measured: Node | undefined;
  let unitKind: string | undefined;
  let link: Node = call;
  for (let depth = 0; depth < 24 && link.type === 'CallExpression' && link.callee.type === 'MemberExpression'; depth++) {
    const set = setterKey(link);
    if (set && measurementValueKeys.has(set.key) && !measured) measured = isMeasuredValue(set.value, host) ? set.value : undefined;
    if (set && measurementUnitKeys.has(set.key) && !unitKind) unitKind = clinicalUnitKind(host.valueOf(set.value).constant);
    link = link.callee.object;
  }
  if (!measured || !unitKind) return undefined;
  return provenanceValue([unitKind], host.origin(measured, [unitKind]).range, MEASUREMENT_REASON);
}

function isMeasuredValue(value: Node, host: ProvenanceHost): boolean {
  const literal = value.type === 'Literal' || (value.type === 'UnaryExpression' && value.argument.type === 'Literal') || host.valueOf(value).constant !== undefined;
  return !literal && !FUNCTION_TYPES.has(value.type);
}

function clinicalUnitKind(unit: unknown): string | undefined {
  return typeof unit === 'string' ? CLINICAL_UNITS.find(([pattern]) => pattern.test(unit.trim()))?.[1] : undefined;
}

/** The keys of `.input(z.object({ … }))` on a tRPC procedure chain: what the procedure declares it receives. */
function rpcInputKeys(fn: Node): string[] {
  const call = parentNode(fn);
  if (call?.type !== 'CallExpression' || call.callee.type !== 'MemberExpression') return [];
  for (let node: Node = call.callee.object; node.type === 'CallExpression' && node.callee.type === 'MemberExpression'; node = node.callee.object) {
    if (propertyName(node.callee) !== 'input') continue;
    const schema = node.arguments[0];
    const shape = schema?.type === 'CallExpression' ? schema.arguments[0] : undefined;
    if (shape?.type !== 'ObjectExpression') return [];
    return shape.properties.flatMap((property) => (property.type === 'Property' && !property.computed ? [keyName(property.key) ?? ''] : []));
  }
  return [];
}

/** `t.procedure.input(schema).mutation(fn)`: a resolver of a procedure that declares its input. */
function isRpcResolver(fn: Node): boolean {
  const call = parentNode(fn);
  if (call?.type !== 'CallExpression' || call.arguments[0] !== fn || call.callee.type !== 'MemberExpression') return false;
  const method = propertyName(call.callee);
  if (!method || !rpcResolverMethods.has(method)) return false;
  for (let node: Node = call.callee.object; node.type === 'CallExpression' && node.callee.type === 'MemberExpression'; node = node.callee.object) {
    if (propertyName(node.callee) === 'input') return true;
  }
  return false;
}

/** `socket.on('dbAdd', (data, callback) => …)`: the message of a socket event that writes a record. */
function isSocketWriteHandler(fn: Node): boolean {
  const call = parentNode(fn);
  if (call?.type !== 'CallExpression' || call.arguments[1] !== fn || call.callee.type !== 'MemberExpression') return false;
  const method = propertyName(call.callee);
  if (method !== 'on' && method !== 'once') return false;
  const receiver = call.callee.object.type === 'ThisExpression' ? undefined : lastSegment(call.callee.object);
  if (!receiver || !splitWords(receiver).some((word) => socketWords.has(word))) return false;
  const event = call.arguments[0];
  const name = event.type === 'Literal' && typeof event.value === 'string' ? event.value : undefined;
  const words = name === undefined ? [] : splitWords(name);
  return words.some((word) => socketWriteWords.has(word)) && !words.some((word) => socketRemovalWords.has(word));
}

/** Methods of an HTTP response (Express, Node's `ServerResponse`) that are handed the body to send. */
const RESPONSE_BODY_METHODS = new Set(['send', 'json', 'jsonp', 'end', 'write']);
/** Names of a server's response object. */
const RESPONSE_OBJECT_NAMES = new Set(['res', 'response', 'resp', 'httpResponse', 'serverResponse']);

/**
 * The parameter that receives every response body a server sends: the first of a function put in place of a
 * response's `send`/`json`/`end`/`write` (`res.send = function (body) { … }`, the usual way to intercept
 * responses in Express middleware), or the third of a Fastify `onSend` hook (`(request, reply, payload, done)`).
 * -1 for any other function.
 */
function responseBodyParameterIndex(fn: Node): number {
  const holder = parentNode(fn);
  if (holder?.type === 'AssignmentExpression' && holder.right === fn && holder.operator === '=' && holder.left.type === 'MemberExpression' && !holder.left.computed) {
    const method = propertyName(holder.left);
    const receiver = lastSegment(holder.left.object);
    return method && RESPONSE_BODY_METHODS.has(method) && receiver && RESPONSE_OBJECT_NAMES.has(receiver) ? 0 : -1;
  }
  if (holder?.type === 'CallExpression' && holder.arguments[1] === fn && holder.callee.type === 'MemberExpression' && propertyName(holder.callee) === 'addHook') {
    const hook = holder.arguments[0];
    return hook.type === 'Literal' && hook.value === 'onSend' ? 2 : -1;
  }
  return -1;
}

/** `x`, `JSON.stringify(x)`, `String(x)`, `x ? JSON.stringify(x) : ''`, `x ?? ''`: the whole of `name` as a body. */
function isWholeBodyOf(value: Node, name: string): boolean {
  const inner = value.type === 'TSAsExpression' || value.type === 'TSNonNullExpression' ? value.expression : value;
  if (inner.type === 'Identifier') return inner.name === name;
  if (inner.type === 'ConditionalExpression') return isWholeBodyOf(inner.consequent, name) || isWholeBodyOf(inner.alternate, name);
  if (inner.type === 'LogicalExpression') return isWholeBodyOf(inner.left, name) || isWholeBodyOf(inner.right, name);
  if (inner.type === 'CallExpression' && inner.arguments[0]?.type !== 'SpreadElement' && inner.arguments[0]) {
    const callee = dottedName(inner.callee);
    return (callee === 'JSON.stringify' || callee === 'String') && isWholeBodyOf(inner.arguments[0], name);
  }
  return false;
}

/**
 * A parameter of a function declared to return a serverless HTTP result that becomes that result's `body`: the
 * function builds responses, and the parameter is the body of each one its callers send.
 */
function isGatewayResponseBodyParameter(fn: TSESTree.FunctionLike, param: TSESTree.Parameter): boolean {
  if (param.type !== 'Identifier') return false;
  const returns = declaredTypeName(fn.returnType);
  if (!returns || !serverlessResultTypes.has(returns) || !fn.body) return false;
  const stack: Node[] = [fn.body];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'Property' && !node.computed && keyName(node.key) === 'body' && isWholeBodyOf(node.value as Node, param.name)) return true;
    if (FUNCTION_TYPES.has(node.type)) continue;
    pushChildNodes(node, stack);
  }
  return false;
}

/** `PipeTransform<string, …>`, `value: number`: a pipe of one scalar route or query argument, not of a body. */
function isScalarType(type: TSESTree.TypeNode | undefined): boolean {
  return type?.type === 'TSStringKeyword' || type?.type === 'TSNumberKeyword' || type?.type === 'TSBooleanKeyword';
}

function programOf(node: Node): Node | undefined {
  let current: Node | undefined = node;
  while (current && current.type !== 'Program') current = parentNode(current);
  return current;
}

/**
 * The value parameter of a NestJS pipe's `transform` (a class extending Nest's `ValidationPipe`, or implementing its
 * `PipeTransform` for other than one scalar), in a file importing `@nestjs/common`: the framework hands it every
 * argument of every handler the pipe is bound to, request bodies included (an Angular pipe, from `@angular/core`,
 * transforms display values instead).
 */
function isNestPipeValueParameter(fn: Node, param: TSESTree.Parameter): boolean {
  const method = parentNode(fn);
  if (method?.type !== 'MethodDefinition' || method.computed || keyName(method.key) !== 'transform') return false;
  const owner = parentNode(parentNode(method) ?? method);
  if (owner?.type !== 'ClassDeclaration' && owner?.type !== 'ClassExpression') return false;
  if (param.type === 'Identifier' && isScalarType(param.typeAnnotation?.typeAnnotation)) return false;
  const extendsValidationPipe = owner.superClass ? lastSegment(owner.superClass) === 'ValidationPipe' : false;
  const implementsPipe = (owner.implements ?? []).some((clause) => lastSegment(clause.expression) === 'PipeTransform' && !isScalarType(clause.typeArguments?.params[0]));
  if (!extendsValidationPipe && !implementsPipe) return false;
  const program = programOf(owner);
  return program?.type === 'Program' && program.body.some((statement) => statement.type === 'ImportDeclaration' && statement.source.value === '@nestjs/common');
}

/**
 * What a parameter of `fn` receives from a client, tagged "request-body": the event of a serverless
 * handler, a socket message that writes a record, or `{ input }` of a tRPC resolver (the payload is
 * the `input` field of its options). Undefined for any other parameter.
 */
export function inboundParameterValue(fn: Node, index: number, host: ProvenanceHost): AbstractValue | undefined {
  if (!FUNCTION_TYPES.has(fn.type)) return undefined;
  const params = (fn as TSESTree.FunctionLike).params;
  const param = params[index];
  if (!param) return undefined;
  // `res.send = function (body) { … }`, `fastify.addHook('onSend', (request, reply, payload) => …)`: every response body.
  if (index === responseBodyParameterIndex(fn)) return INBOUND;
  // `const respond = (statusCode, body): APIGatewayProxyResult => ({ statusCode, body: JSON.stringify(body) })`: the body of every response built with it.
  if (isGatewayResponseBodyParameter(fn as TSESTree.FunctionLike, param)) return INBOUND;
  // A NestJS pipe's `transform(value, metadata)`: each body, query or route argument of the handlers it is bound to.
  if (index === 0 && isNestPipeValueParameter(fn, param)) return INBOUND;
  if (index !== 0) return undefined;
  // A procedure's input and a serverless event are a patient's data when the handler says so: the
  // fields it reads from them (or its schema declares) name patient data, not only ids and flags.
  if (isRpcResolver(fn)) {
    const readsPatientData = namesPatientData(rpcInputKeys(fn), host) || rpcInputFieldsRead(param, fn, host);
    return readsPatientData ? { ...EMPTY, fields: new Map([['input', INBOUND]]) } : undefined;
  }
  // A socket message that writes a record is the record.
  if (isSocketWriteHandler(fn)) return INBOUND;
  if (param.type === 'Identifier' && isServerlessEventParameter(fn as TSESTree.FunctionLike, param, host)) {
    if (namesPatientData(payloadFieldsRead(fn, param.name), host)) return INBOUND;
    if (handlerWritesPatientRecords(host.options.file, host) && payloadHandedOnWhole(fn, param.name)) return INBOUND;
  }
  return undefined;
}

const handlerWriteVerbs = new Set(HANDLER_WRITE_VERBS);
const handlerFileNames = new Set(HANDLER_FILE_NAMES);

/**
 * What a serverless handler's module says it writes: `ehr/save-chart-data/index.ts`, `update-visit-details/index.ts`,
 * `patient-account/update/index.ts` (a bare verb takes its subject from the folder above), `createAppointment.ts`.
 * Undefined when the name does not start with a write verb.
 */
export function handlerWriteSubject(file: string | undefined): string | undefined {
  if (!file) return undefined;
  const segments = file.replace(/\\/g, '/').replace(/\.[^./]+$/, '').split('/');
  let at = segments.length - 1;
  if (handlerFileNames.has(segments[at].toLowerCase())) at--;
  if (at < 0) return undefined;
  const words = splitWords(segments[at]);
  if (words.length === 0 || !handlerWriteVerbs.has(words[0])) return undefined;
  const rest = words.length > 1 ? words.slice(1) : at > 0 ? splitWords(segments[at - 1]) : [];
  return rest.length ? rest.join('_') : undefined;
}

/**
 * A serverless handler whose module is named for writing a patient's records (`save-chart-data`, `update-visit-details`,
 * `create-appointment`, `submit-paperwork` under `patient/`): the payload a client sends it is the record being written,
 * as a socket message that writes a record is the record — whatever fields the handler itself reads (it may hand the
 * whole payload to a validator in another module). A read's payload (`get-visit-details`) is the ids it is asked for, and
 * a write of the workforce's or the organisation's data (`update-user`, `create-schedule`, `update-fee-schedule`) or of a
 * catalogue (`create-in-house-medication` under `configuration/`) names no patient's record.
 */
function handlerWritesPatientRecords(file: string | undefined, host: ProvenanceHost): boolean {
  const subject = handlerWriteSubject(file);
  if (!subject || !file) return false;
  const folders = file.split('/').slice(0, -1);
  if (folders.some((folder) => namesACodeCatalogue(folder))) return false;
  const verdict = host.options.classifier.classify(subject);
  // `update-approved-patient-education-codes`: a list of codes to offer, not anyone's record.
  if (verdict.trap || namesACodeCatalogue(subject) || /(^|_)codes?$/.test(subject)) return false;
  if (subjectOfName(subject) === 'patient') return true;
  if (subjectOfName(subject) === 'workforce') return false;
  const kinds = verdict.kinds.length ? verdict.kinds : singularKinds(subject, host.options.classifier);
  return withoutContactKinds(kinds).some(isRecordKind) || (kinds.length > 0 && fileServesPatients(file));
}

/** `({ input }) => … input.note`, `(opts) => … opts.input.note`: the fields a resolver reads from its input. */
function rpcInputFieldsRead(param: TSESTree.Parameter, fn: Node, host: ProvenanceHost): boolean {
  if (param.type === 'ObjectPattern') {
    const input = param.properties.find((property) => property.type === 'Property' && keyName(property.key) === 'input');
    const local = input?.type === 'Property' && input.value.type === 'Identifier' ? input.value.name : undefined;
    return local !== undefined && namesPatientData(payloadFieldsRead(fn, local), host);
  }
  if (param.type !== 'Identifier') return false;
  // `opts.input.note`: reads of the options' `input` field.
  const reads = [...payloadFieldsRead(fn, param.name)];
  return reads.includes('input') && namesPatientData(nestedReads(fn, param.name, 'input'), host);
}

/** Fields read as `name.field.x`: one level below a field of a parameter. */
function nestedReads(fn: Node, name: string, field: string): string[] {
  const found: string[] = [];
  const stack: Node[] = [(fn as TSESTree.FunctionLike).body ?? fn];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'MemberExpression' && !node.computed && node.object.type === 'MemberExpression' && !node.object.computed && node.object.object.type === 'Identifier' && node.object.object.name === name && propertyName(node.object) === field) {
      const read = propertyName(node);
      if (read) found.push(read);
    }
    pushChildNodes(node, stack);
  }
  return found;
}

/**
 * A call whose result is a client's whole payload: `await request.json()` in a route handler, or a parser
 * or validator given one (`JSON.parse(event.body)`, `schema.parse(body)`, `validateRequestParameters(input)`).
 */
export function isInboundPayloadCall(call: TSESTree.CallExpression, host: ProvenanceHost): boolean {
  const callee = call.callee;
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
  if (!name) return false;
  if (callee.type === 'MemberExpression' && requestBodyReaders.has(name) && call.arguments.length === 0) return isRequestObject(callee.object);
  if (call.arguments.length === 0 || !PARSER_HINT.test(name) || !isPayloadParserName(name, dottedName(callee))) return false;
  return call.arguments.some((argument) => argument.type !== 'SpreadElement' && (host.valueOf(argument).tags?.has('request-body') ?? false));
}

/**
 * A serialised copy of a client's whole payload: `JSON.stringify(payload)` (any `stringify`) or
 * `request.payload.toString()` — the same body as text, logged as easily as the object.
 */
export function isSerialisedPayloadCall(call: TSESTree.CallExpression, host: ProvenanceHost): boolean {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression') return false;
  const name = propertyName(callee);
  if (name === 'toString' && call.arguments.length === 0) return host.valueOf(callee.object).tags?.has('request-body') ?? false;
  if (name !== 'stringify' || call.arguments.length === 0 || call.arguments[0].type === 'SpreadElement') return false;
  return host.valueOf(call.arguments[0]).tags?.has('request-body') ?? false;
}

/** A cheap first look (this runs for every call evaluated): only names like these can be parsers. */
const PARSER_HINT = /pars|validat|decode|deserial|plainTo|^cast$/i;

function isPayloadParserName(name: string, dotted: string | undefined): boolean {
  if (notPayloadParsers.has(name) || (dotted && notPayloadParsers.has(dotted))) return false;
  if (payloadParserNames.has(name)) return true;
  const words = splitWords(name);
  if (words.some((word) => payloadParserWords.has(word))) return true;
  return (words.length > 1 && payloadValidatorHeads.has(words[0])) || (words[0] === 'safe' && words.length > 1 && payloadValidatorHeads.has(words[1]));
}

// ── a FHIR server's own plumbing: search criteria and stored resources ──────────────────────

const searchCriteriaFields = new Set(SEARCH_CRITERIA_FIELDS);
const queryBuilderVerbs = new Set(QUERY_BUILDER_VERBS);
const queryBuilderNouns = new Set(QUERY_BUILDER_NOUNS);
const streamImageFields = new Set(STREAM_IMAGE_FIELDS);
const itemConverters = new Set(ITEM_CONVERTERS);
const CRITERIA_KINDS = [...SEARCH_CRITERIA_KINDS].sort();

/** The value holds a FHIR search's criteria (or what was built from them). */
export function carriesSearchCriteria(value: AbstractValue): boolean {
  return value.origins.some((origin) => origin.searchCriteria === true);
}

/**
 * `request: TypeSearchRequest` in a file of a FHIR server: the search interaction a client's request became.
 * Its `queryParams` are the criteria the client searched by, which for a Patient search are a name, a birth
 * date, an identifier; the resource type is the request's own, unknown here, so the evidence is medium.
 * Logged whole, the request logs them; its other fields (tenant, base URL, resource type) stay what they are.
 */
export function searchRequestValue(identifier: TSESTree.Identifier, host: ProvenanceHost): AbstractValue {
  const typeName = typeNameOfAnnotation(identifier.typeAnnotation?.typeAnnotation).name;
  if (!typeName || !FHIR_SEARCH_REQUEST_TYPE.test(typeName) || !host.importsModule(FHIR_MODULE)) return EMPTY;
  const range = host.origin(identifier, CRITERIA_KINDS).range;
  const criteria: AbstractValue = {
    kinds: CRITERIA_KINDS,
    origins: [{ range, label: `${describeKinds(CRITERIA_KINDS)}: \`${identifier.name}\` is a FHIR search request, whose criteria are what a client searched by (a Patient search's name, birth date, identifier)`, searchCriteria: true }],
    confidence: 'medium',
    personContext: true,
  };
  return { ...criteria, fields: new Map(SEARCH_CRITERIA_FIELDS.map((field) => [field, criteria])) };
}

/** The name a function is known by: its own, its method's or property's key, the variable it is assigned to. */
function functionName(fn: Node): string | undefined {
  if ((fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression') && fn.id) return fn.id.name;
  const parent = parentNode(fn);
  if (parent?.type === 'MethodDefinition' || parent?.type === 'Property') return keyName(parent.key);
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  return undefined;
}

/**
 * `typeSearch(resourceType, queryParams)`, `async globalSearch(queryParams, …)` of a FHIR server's handler: a
 * search interaction's parameter named for its criteria is what the client searched by.
 */
export function searchHandlerCriteriaValue(identifier: TSESTree.Identifier, fn: Node | undefined, host: ProvenanceHost): AbstractValue {
  if (!fn || !FUNCTION_TYPES.has(fn.type) || !searchCriteriaFields.has(identifier.name)) return EMPTY;
  const isParameter = (fn as TSESTree.FunctionLike).params.some((param) => param.type === 'Identifier' && param.range[0] === identifier.range[0]);
  const name = isParameter ? functionName(fn) : undefined;
  if (!name || !splitWords(name).includes('search') || !host.importsModule(FHIR_MODULE)) return EMPTY;
  const range = host.origin(identifier, CRITERIA_KINDS).range;
  return {
    kinds: CRITERIA_KINDS,
    origins: [{ range, label: `${describeKinds(CRITERIA_KINDS)}: \`${identifier.name}\` of the FHIR search interaction \`${name}\` are what a client searched by (a Patient search's name, birth date, identifier)`, searchCriteria: true }],
    confidence: 'medium',
    personContext: true,
  };
}

const servedRequestUrlProperties = new Set(SERVED_REQUEST_URL_PROPERTIES);

/** Part of a FHIR server or of a FHIR API's routes: the file imports a FHIR module or lies in a `fhir` folder. */
function isFhirApiFile(host: ProvenanceHost): boolean {
  return host.importsModule(FHIR_MODULE) || (host.options.file !== undefined && FHIR_FOLDER.test(host.options.file.replace(/\\/g, '/')));
}

/**
 * `req.originalUrl`, `ctx.url`, `request.url` of the request a FHIR server (or a FHIR API route) is serving: its
 * query string is what the client searched by — for a Patient search a name, a birth date, an identifier
 * (`GET [base]/Patient?family=…&birthdate=…`). Logged, the URL logs them; the resource type is the request's own,
 * unknown here, so the evidence is medium. A path alone (`req.path`) and the method are not read here.
 */
export function servedRequestUrlRead(member: TSESTree.MemberExpression, name: string, host: ProvenanceHost): AbstractValue {
  if (!servedRequestUrlProperties.has(name) || !SERVED_REQUEST_OBJECT.test(dottedName(member.object) ?? '')) return EMPTY;
  if (!isFhirApiFile(host)) return servedQueryUrlValue(member, name, host);
  const range = host.origin(member, CRITERIA_KINDS).range;
  return {
    kinds: CRITERIA_KINDS,
    origins: [{ range, label: `${describeKinds(CRITERIA_KINDS)}: \`${name}\` of a request to a FHIR API holds its query string, which for a search is what the client searched by (a Patient search's name, birth date, identifier)`, searchCriteria: true, servedUrl: true }],
    confidence: 'medium',
    personContext: true,
  };
}

/** How many of the query parameters' names a served-URL origin shows (code names, never values). */
const MAX_PARAMETER_NAMES = 3;

/**
 * `req.url`, `req.originalUrl`, `ctx.url` of the request a service's handler is serving, where the handlers of the same
 * service (the logging file's folder and below) read a patient's data from the query string (`url.parse(req.url,
 * true).query.dob`, `const { phone, birthDate } = req.query`): its query string holds those values on the requests that
 * carry them. Logged whole (an access log, a request-timing label), the URL logs them. The parameters' names must say
 * a patient's data as a payload's fields must (a phone or an e-mail alone only where the file serves patients); the
 * evidence is another file's reads, so medium.
 */
function servedQueryUrlValue(member: TSESTree.MemberExpression, name: string, host: ProvenanceHost): AbstractValue {
  // Inside one route's own handler (`router.post('/agenda', (req, res) => …)`) the URL is that route's, whose query
  // the other routes' reads say nothing about; code that serves every request (a server's request listener, a
  // middleware mounted without a path) sees all of them.
  if (inPathBoundRouteHandler(member, host)) return EMPTY;
  const file = host.options.file;
  const parameters = file ? host.options.index?.servedQueryParametersAround?.(file) ?? [] : [];
  if (parameters.length === 0) return EMPTY;
  const named: string[] = [];
  const kinds = new Set<string>();
  for (const parameter of parameters) {
    const verdict = host.options.classifier.classify(parameter);
    if (verdict.trap || verdict.kinds.length === 0) continue;
    named.push(parameter);
    for (const kind of verdict.kinds) kinds.add(kind);
  }
  if (named.length === 0 || !namesPatientData(named, host)) return EMPTY;
  const sorted = [...kinds].sort();
  const range = host.origin(member, sorted).range;
  const shown = named.slice(0, MAX_PARAMETER_NAMES).map((parameter) => `\`${parameter}\``).join(', ');
  return {
    kinds: sorted,
    origins: [{ range, label: `${describeKinds(sorted)}: \`${name}\` of the request being served holds its query string, and this service's handlers read ${shown} from the query`, searchCriteria: true, servedUrl: true }],
    confidence: 'medium',
    personContext: true,
  };
}

const ROUTE_REGISTRATION_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options']);
const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Head', 'Options']);

/** `'/agenda'`, `` `${BASE}/agenda/:id` ``: a route path. */
function isRoutePath(node: Node | undefined): boolean {
  if (node?.type === 'Literal') return typeof node.value === 'string' && node.value.startsWith('/');
  if (node?.type === 'TemplateLiteral') return node.quasis.some((quasi) => (quasi.value.cooked ?? '').includes('/'));
  return false;
}

/** The file's route handlers (their ranges), found once per program. */
const routeHandlerRanges = new WeakMap<Node, Array<[number, number]>>();

function isRouteDecorated(method: TSESTree.MethodDefinition): boolean {
  return (method.decorators ?? []).some((decorator) => {
    const expression = decorator.expression;
    const callee = expression.type === 'CallExpression' ? expression.callee : expression;
    return callee.type === 'Identifier' && ROUTE_DECORATORS.has(callee.name);
  });
}

function routeHandlersOf(program: Node): Array<[number, number]> {
  const cached = routeHandlerRanges.get(program);
  if (cached) return cached;
  const ranges: Array<[number, number]> = [];
  const stack: Node[] = [program];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && isRoutePath(node.arguments[0] as Node | undefined)) {
      const method = propertyName(node.callee);
      if (method && ROUTE_REGISTRATION_METHODS.has(method)) {
        for (const argument of node.arguments) if (FUNCTION_TYPES.has(argument.type)) ranges.push(argument.range);
      }
    } else if (node.type === 'MethodDefinition' && isRouteDecorated(node)) ranges.push(node.range);
    pushChildNodes(node, stack);
  }
  routeHandlerRanges.set(program, ranges);
  return ranges;
}

/**
 * Whether `node` runs in the handler of one route: a function handed to `router.post('/path', …)`/`app.get(…)` with a
 * path, or a method decorated `@Get(…)`/`@Post(…)` (NestJS).
 */
function inPathBoundRouteHandler(node: Node, host: ProvenanceHost): boolean {
  const program = host.programNode?.();
  if (!program) return false;
  const [start, end] = node.range;
  return routeHandlersOf(program).some(([from, to]) => from <= start && end <= to);
}

/** `parsed.searchParams` of criteria parsed into an object: the criteria again. */
export function criteriaFieldValue(object: AbstractValue, name: string): AbstractValue | undefined {
  return searchCriteriaFields.has(name) && carriesSearchCriteria(object) ? { ...taintOnly(object), personContext: true } : undefined;
}

/** `buildQueryForAllSearchParameters(…)`, `parseQuery(…)`, `buildSortClause(…)`: a name that says it builds a query from what it is handed. */
const QUERY_BUILDER_HINT = /quer|filter|clause|criteri|search|param|condition/i;

function buildsAQuery(name: string): boolean {
  // A cheap first look (this runs for every call evaluated): only names like these can build a query.
  if (!QUERY_BUILDER_HINT.test(name)) return false;
  const words = splitWords(name);
  return words.length > 1 && queryBuilderVerbs.has(words[0]) && words.slice(1).some((word) => queryBuilderNouns.has(word));
}

/**
 * A query built from a FHIR search's criteria (an Elasticsearch body, a MongoDB filter, a sort clause) holds the
 * values searched by: the result of a query builder handed criteria carries them.
 */
export function builtFromCriteriaValue(call: TSESTree.CallExpression, name: string | undefined, host: ProvenanceHost): AbstractValue | undefined {
  if (!name || !buildsAQuery(name)) return undefined;
  const criteria = call.arguments.map((argument) => host.valueOf(argument)).filter(carriesSearchCriteria);
  if (criteria.length === 0) return undefined;
  return criteria.map(taintOnly).reduce((all, value) => ({ ...all, kinds: [...new Set([...all.kinds, ...value.kinds])].sort(), origins: [...all.origins, ...value.origins].slice(0, 3) }));
}

/** `unmarshall(image)`, `AWS.DynamoDB.Converter.unmarshall(image)`: the item as a plain object, the same data. */
export function isItemConverter(name: string | undefined): boolean {
  return name !== undefined && itemConverters.has(name);
}

function storedResourceValue(node: Node, why: string, host: ProvenanceHost): AbstractValue {
  return provenanceValue(STORED_RESOURCE_KINDS, host.origin(node, STORED_RESOURCE_KINDS).range, why);
}

/** `hit._source`, `hits.hits[0]._source`, `response.body.hits.hits.map((h) => h._source)`: read from a search index's hit. */
function isSearchHit(object: Node): boolean {
  for (let node: Node = object; ; node = node.object) {
    if (node.type === 'Identifier') return splitWords(node.name).some((word) => word === 'hit' || word === 'hits');
    if (node.type !== 'MemberExpression') return false;
    if (propertyName(node) === 'hits') return true;
  }
}

/**
 * What a FHIR server stores, read under a generic name: the image of a DynamoDB stream record
 * (`record.dynamodb.NewImage`), the put requests DynamoDB left unprocessed (`UnprocessedItems`), the
 * document of a search index's hit (`hit._source`). In a resource table or index that is a stored resource —
 * a patient, an observation — whatever the code calls it; which table is rarely visible, so medium.
 */
export function storedResourceRead(member: TSESTree.MemberExpression, name: string, host: ProvenanceHost): AbstractValue {
  if (streamImageFields.has(name) && member.object.type === 'MemberExpression' && propertyName(member.object) === STREAM_RECORD_FIELD) {
    return storedResourceValue(member, `\`${name}\` of a DynamoDB stream record is the whole item as written to the table (a stored resource)`, host);
  }
  if (name === UNPROCESSED_ITEMS_FIELD) {
    return storedResourceValue(member, `\`${name}\` of a DynamoDB batch write are the write requests it did not apply, with the items (stored resources)`, host);
  }
  if (name === INDEXED_DOCUMENT_FIELD && isSearchHit(member.object)) {
    return storedResourceValue(member, `\`${name}\` of a search index's hit is the whole document the index stores`, host);
  }
  return EMPTY;
}

