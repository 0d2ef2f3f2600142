// A syntactic index of the types the workspace declares (interfaces, object type aliases, classes)
// and of their fields, so a parameter typed `Patient` in one file knows which fields are PHI even when
// `Patient` is declared in another. It reads declarations with a light scanner instead of a second
// parse: the full parse happens once, in analysis; this pass costs a small fraction of it.
import { componentCode } from './components';
import * as path from 'node:path';
import { FHIR_TYPES } from '../vocabulary/fhir-resources';
import { appliedCodeKinds, headNounIsAThing, namedThingOfType, PHI_KIND_BY_ID, namesATerminologyCode, recordsAnApplication, splitWords, subjectOfName, withoutContactKinds, type NameClassifier } from '../vocabulary/classify';
import { CAPTURED_MEDIA_TYPES, CONTENT_WRAPPERS, KEYED_WRAPPERS, POUCH_MEMORY_ADAPTERS } from '../vocabulary/library-models';
import { extractModuleLoggers, type LoggerDefinition } from './logger-levels';

export interface DeclaredField {
  name: string;
  /** The field's declared type name, unwrapped from arrays, Promise<…>, qualified names. */
  typeName?: string;
  /** The field's type is a primitive that cannot carry PHI (boolean). */
  isBoolean?: boolean;
  /** The field's type is a string or a number: under a record's name (`patient: string`) it is a reference. */
  isScalar?: boolean;
}

export interface DeclaredType {
  name: string;
  file: string;
  fields: DeclaredField[];
  extends: string[];
  /** `{ [linkId: string]: Answer }`: the type of every other key's value. */
  indexType?: string;
  /** `interface RequestResult<T>`: the names of its type parameters, in order. */
  typeParameters?: string[];
  /** Method name → the text of its declared return type (`getLabOrders(hdid: string): Promise<RequestResult<LabOrder[]>>`). */
  methods?: ReadonlyMap<string, string>;
  /**
   * Members that are functions, by name: the named types of their parameters (`onSave: (draft: PatientDraft) => void`
   * → onSave: [PatientDraft]), undefined where a parameter names no type. What a callback passed for the member receives.
   */
  callbacks?: Map<string, (string | undefined)[]>;
  /**
   * A declaration its module keeps to itself (`interface Encounter { … }` in a component file, neither exported nor
   * in a declaration file): no other file can name it, so elsewhere the name means another file's declaration.
   */
  local?: true;
  /**
   * The shape a validation schema constant declares (`const PatientSchema = z.object({ … })`), named after the constant:
   * what `z.infer<typeof PatientSchema>` holds. Its name's `Schema` says what the constant is, not what the data is.
   */
  schema?: true;
}

/**
 * A declared generic that holds what its type argument is (`interface RequestResult<T> { resourcePayload: T }`,
 * `class Page<T> { items: T[] }`): the argument's position and the fields typed by that parameter.
 */
export interface PayloadParameter {
  position: number;
  fields: string[];
}

export interface ResolvedField {
  kinds: readonly string[];
  typeName?: string;
  /** Takes the kinds of the object it is read from. */
  inherit?: boolean;
  /** Declared as a boolean, a string or a number (`patientHistoryForm: boolean`): a flag or a scalar, never a record. */
  primitive?: boolean;
}

export interface ResolvedType {
  name: string;
  /** Kinds of the whole value (all PHI fields, or the FHIR resource's kinds). */
  kinds: readonly string[];
  fields: ReadonlyMap<string, ResolvedField>;
  /** What any other key holds, for a type with an index signature (`{ [linkId: string]: Answer }`). */
  index?: ResolvedField;
  /** Where the type was declared (workspace-relative), or undefined for built-in FHIR types. */
  file?: string;
  /** An account or profile that declares a number a health system knows its patients by (see PATIENT_HEALTH_NUMBER_KINDS). */
  patientIdentity?: boolean;
}

// The light scanner's patterns run over whole files, so each match scans a bounded window and never
// backtracks into it: `(?=(x{0,n}))\2` takes the longest run at once (an atomic group), and the
// identifier before a `<` starts at a word boundary. Unbounded `[^{;]*` or a lazy `<[^{]*?>` cost
// quadratic time on long runs without the closing character (found by the fuzz harness: a 200 KB
// string of letters held the editor for minutes, 240 KB of `class A ` a scan for 17 s).
const DECLARATION = /\b(?:interface|class)\s+([A-Z][\w$]*)(?=([^{;]{0,1000}))\2\{|\btype\s+([A-Z][\w$]*)(?=([^=;{]{0,400}))\4=\s*\{/g;
const FIELD = /^\s*(?:@[\w.]+(?:\([^)]*\))?\s*)*(?:(?:public|private|protected|readonly|static|declare|override|abstract)\s+)*([A-Za-z_$][\w$]*)\s*[?!]?\s*:\s*([^;,\n=]+)/;
/**
 * A class field typed by what it is initialised with (`PatientInfo = new Array<SSF_PatInfo>()`, `rows = new
 * MatTableDataSource<Patient>([])`, `public Patient = new
 * Patient()`, `visits = new Array<Visit>()`): TypeScript infers the class (or the element class), so does the index.
 */
const INITIALISED_FIELD = /^\s*(?:@[\w.]+(?:\([^)]*\))?\s*)*(?:(?:public|private|protected|readonly|static|declare|override)\s+)*([A-Za-z_$][\w$]*)\s*=\s*new\s+((?:[\w$]+\.)*[A-Z][\w$]*\s*(?:<[^()]*>)?)\s*\(/;
const PRIMITIVE_BOOLEAN = /^\s*boolean\s*$/;
const PRIMITIVE_SCALAR = /^\s*(string|number)(\s*\|\s*(null|undefined))*\s*$/;
/** Kinds that name a whole record: a string or number under such a name is its id (`patient: string`, `encounter: string`). */
const RECORD_KINDS = new Set(['patient-record', 'encounter']);

const contentWrappers = new Set(CONTENT_WRAPPERS);
/** FHIR's Bundle as a generic (`Bundle<Patient>`, Oystehr's and Medplum's typings): a container of the argument's resources. */
const TYPED_BUNDLE = 'Bundle';
/** `['meta']` right after a type's name: an indexed access type. */
const INDEXED_ACCESS = /\s*\[\s*['"]/y;
/** Arguments that say nothing of a Bundle's content (`Bundle<FhirResource>`): it stays a Bundle, whatever it holds. */
const ANY_RESOURCE_TYPES = new Set(['Resource', 'FhirResource', 'DomainResource', 'AnyResource']);
const keyedWrappers = new Set(KEYED_WRAPPERS);
/** Type operators and utility types that name no shape of their own. */
const TYPE_OPERATORS = new Set([...CONTENT_WRAPPERS, ...KEYED_WRAPPERS, 'Exclude', 'Extract', 'ReturnType', 'Parameters', 'InstanceType', 'Uppercase', 'Lowercase', 'Capitalize']);
const INDEX_SIGNATURE = /^\s*(?:readonly\s+)?\[\s*[\w$]+\s*:\s*(?:string|number)\s*\]\s*\??\s*:\s*([^;\n]+)/;
/**
 * Numbers a health system knows its patients by. A staff account has none of them; an account or profile that
 * declares one (NHS login's userinfo with `nhs_number`, a portal session with a member id or MRN) is a patient's
 * identity, so its names, phone and e-mail are that patient's, whatever the type is called (`AuthUser`).
 */
const PATIENT_HEALTH_NUMBER_KINDS: ReadonlySet<string> = new Set(['mrn', 'health-plan-id', 'nhs-number', 'abha', 'cns', 'ihi', 'health-card-number', 'nhi', 'nir']);

function declaresPatientHealthNumber(declared: DeclaredType, classifier: NameClassifier): boolean {
  return declared.fields.some((field) => !field.isBoolean && classifier.classify(field.name).kinds.some((kind) => PATIENT_HEALTH_NUMBER_KINDS.has(kind)));
}

/** `enum RoutePath {`, `const enum Step {`: its members are literal types, not records. */
const ENUM_DECLARATION = /\benum\s+([A-Z][\w$]*)\s*\{/g;
/** `type X = A & B & { … }`, `type X = Partial<A & { … }>`: aliases that are not a plain object literal. */
const COMPOSED_ALIAS = /\btype\s+([A-Z][\w$]*)(?=([^=;{]{0,400}))\2=\s*(?![\s{])/g;
/** `extends Repository<Patient> {`, `new Store<Patient>(`, `createDraftStore<VitalsDraft>(`: a generic instantiated with named types. */
const INSTANTIATION = /(?<![\w$])([A-Za-z_$][\w$]*)\s*<\s*([A-Z][\w$]*(?:\s*,\s*[A-Z][\w$]*)*)\s*>\s*(?:\(|\{|implements\b)/g;

/**
 * Page-URL writers that take the query as an object or a key (`$location.search({ name })`, `$location.search('q', …)`,
 * `setSearchParams({ q })`, Angular `queryParams: { search }`), and writers that take a URL (`navigate(`, `router.push(`,
 * `history.replace(`), whose query is in the text (`?search=${…}`); a router's `state` is not in the URL. Each match
 * holds the window after it, bounded: a light scan.
 */
const PAGE_QUERY_OBJECT_WRITE = /(?:\$location\.search\s*\(|\bset(?:Search|Query)Params?\s*\(|\bqueryParams\s*:)(?=([^;]{0,300}))\1/g;
const PAGE_URL_WRITE = /(?:\bnavigate|\b(?:router|history|\$router)\.(?:push|replace))\s*\((?=([^;]{0,300}))\1/g;
/** Keys that are typed search text or a person's name or number. */
const SEARCH_KEYS = String.raw`(?:q|query|term|keyword|search(?:Text|Term|Query|String|Value)?|(?:first|last|given|family|middle|full)?[Nn]ame|identifier|phone(?:Number)?|mobile|mrn|registrationNumber|birth[Dd]ate|dob)`;
const SEARCH_KEY_IN_OBJECT = new RegExp(String.raw`(?:^|[{,(]\s*)['"]?${SEARCH_KEYS}['"]?\s*[:,})]`);
const SEARCH_KEY_IN_URL = new RegExp(String.raw`[?&]${SEARCH_KEYS}=`);

/**
 * HTTP clients of the workspace's own: a class whose `get(url, …)` or `delete(url, …)` hands its URL on to an HTTP client
 * (`this.http.get(this.absolute(url), …)` with Angular's HttpClient, axios, `fetch`). Code holding an instance of it
 * (`constructor(private server: Server)`, `this.server.get(path, { params })`) makes a request whatever the field is
 * called. A light scan: the method's header and the first call in its body that passes the URL parameter on.
 */
const CLASS_HEADER = /\bclass\s+([A-Z][\w$]*)(?:\s*<[^<>{]{0,200}>)?(?:\s+extends\s+((?:[\w$]+\.)?[\w$]+))?/g;
/** A class extending an HTTP client (`class HttpInterceptor extends Http`): `super.get(url, …)` is the request. */
const HTTP_CLIENT_PARENT = /(?:^|\.)(?:Http|HttpClient|Axios|[\w$]*HttpClient)$/;
const URL_METHOD_HEADER = /(?:^|[\n;{}])[ \t]*(?:(?:public|async|override)\s+)*(?:get|delete)\s*(?:<[^<>()]{0,200}(?:<[^<>()]{0,100}>[^<>()]{0,100})?>)?\s*\(\s*([A-Za-z_$][\w$]*)\s*[?]?\s*[:,)=]/g;
/** Names of a URL parameter: `url`, `path`, `relativeUrl`, `endpoint`, `resourcePath`, `route`, `uri`, `href`. */
const URL_PARAMETER = /^(?:[a-z][\w$]*)?(?:url|Url|URL|uri|Uri|URI|path|Path|endpoint|Endpoint|route|Route|href|Href|resource|Resource)$/;
/** The forwarding call: an HTTP client's URL-first method (a field named for a client, axios, $http) or fetch. */
const FORWARDING_CALL = /(?:\bsuper|\bthis\.(?:[\w$]*(?:[Hh]ttp|[Cc]lient|[Aa]xios|[Ff]etch|[Rr]equest)[\w$]*)|\baxios|\$http|\bhttp(?:Client)?|\bky|\bgot)\s*\.\s*(?:get|delete|request|head)\s*(?:<[^<>()]{0,200}(?:<[^<>()]{0,100}>[^<>()]{0,100})?>)?\s*\(|\b(?:fetch|axios)\s*\(/g;

interface ClassHeader {
  name: string;
  at: number;
  /** The class it extends, as written (`Http`, `ng.HttpClient`). */
  parent?: string;
}

function classHeadersOf(text: string): ClassHeader[] {
  const classes: ClassHeader[] = [];
  CLASS_HEADER.lastIndex = 0;
  for (let found = CLASS_HEADER.exec(text); found; found = CLASS_HEADER.exec(text)) classes.push({ name: found[1], at: found.index, parent: found[2] });
  return classes;
}

/**
 * The index of the class a position lies in, asked with positions in text order: the last class header before it.
 * One pointer moves forward over the whole file, so a file of many classes stays linear.
 */
function classOwnerCursor(classes: readonly ClassHeader[]): (at: number) => number {
  let ownerIndex = -1;
  return (at) => {
    while (ownerIndex + 1 < classes.length && classes[ownerIndex + 1].at < at) ownerIndex++;
    return ownerIndex;
  };
}

export function extractHttpClientClasses(text: string): string[] {
  if (!text.includes('class ') || !/\b(?:get|delete)\s*[(<]/.test(text)) return [];
  const classes = classHeadersOf(text);
  if (classes.length === 0) return [];
  const ownerOf = classOwnerCursor(classes);
  const names = new Set<string>();
  URL_METHOD_HEADER.lastIndex = 0;
  for (let found = URL_METHOD_HEADER.exec(text); found; found = URL_METHOD_HEADER.exec(text)) {
    const owner = classes[ownerOf(found.index)] as ClassHeader | undefined;
    if (!owner || names.has(owner.name)) continue;
    const parameter = found[1];
    // the URL first (`url`, `path`, `endpoint`, `resource`…): `get(key)` of a cache or a Redis wrapper is not a request
    if (!URL_PARAMETER.test(parameter)) continue;
    const open = text.indexOf('{', found.index + found[0].length);
    if (open < 0 || open - found.index > 600) continue;
    // The method's first 1200 characters (a bounded window, not a brace match over the rest of the file).
    const body = text.slice(open, open + 1200);
    const uses = new RegExp(String.raw`(?<![\w$.])${parameter.replace(/\$/g, '\\$')}(?![\w$])`);
    FORWARDING_CALL.lastIndex = 0;
    for (let call = FORWARDING_CALL.exec(body); call; call = FORWARDING_CALL.exec(body)) {
      if (call[0].startsWith('super') && !HTTP_CLIENT_PARENT.test(owner.parent ?? '')) continue;
      // the URL parameter within the call's first argument (a bounded window up to its first comma or close)
      const argument = /^[^,;]{0,200}/.exec(body.slice(call.index + call[0].length))?.[0] ?? '';
      if (uses.test(argument)) {
        names.add(owner.name);
        break;
      }
    }
  }
  return [...names];
}

/**
 * A method of a service that hands one of its parameters to a client's GET as the query (`get(params) { return
 * this.server.get(this.pacientesUrl, { params }); }`): the caller's object becomes the request's query string. The
 * receiver's field and its declared type are kept so the client is judged once every file is indexed, and the URL's
 * known text (a field initialised with literal text resolved, `X` for the rest) says what the request searches.
 */
export interface QueryForwardingMethod {
  className: string;
  method: string;
  parameter: number;
  field: string;
  fieldType?: string;
  urlText: string;
  /** The parameter is the client's whole request config (`$http.get(url, config)`): its `params` are the query. */
  config?: boolean;
  /**
   * The method takes the URL from its caller too and builds the query string onto it (`getJson(url, params) { return
   * client.get(`${url}?${toQuery(params)}`) }`): the URL's text is the caller's argument at this position.
   */
  urlParameter?: number;
}

const METHOD_HEADER = /(?:^|[\n;{}])[ \t]*(?:(?:public|async|override)\s+)*([a-z_$][\w$]*)\s*(?:<[^<>()]{0,200}>)?\s*\(([^()]{0,300})\)\s*(?::[^{;]{0,200})?\{/g;
const CLIENT_GET_CALL = /\bthis\.([\w$]+)\s*\.\s*get\s*(?:<[^<>()]{0,200}(?:<[^<>()]{0,100}>[^<>()]{0,100})?>)?\s*\(/g;
const NOT_METHODS = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'constructor']);

function resolvedUrlText(argument: string, classText: string): string {
  const resolved = argument.trim().replace(/\bthis\.([\w$]+)/g, (_whole, field: string) => {
    const initialised = new RegExp(String.raw`(?:^|[\s;{])${field.replace(/\$/g, '\\$')}\s*(?::\s*string\s*)?=\s*(['"\`])([^'"\`$]{0,200})\1`).exec(classText);
    return initialised ? initialised[2] : 'X';
  });
  return resolved.replace(/\$\{[^}]{0,200}\}/g, 'X').replace(/['"`]/g, '').replace(/\s*\+\s*/g, '');
}

/**
 * A service function's URL text: `baseUrl.concat('search/name')` is `baseUrl + 'search/name'`, and a name the file binds
 * to literal text (`const baseUrl = '/patients/';`) is that text; the rest as resolvedUrlText reads it.
 */
function resolvedServiceUrlText(argument: string, fileText: string): string {
  const joined = argument.replace(/\.\s*concat\(\s*(['"`])([^'"`$]{0,200})\1\s*\)/g, (_whole, _quote: string, added: string) => ` + '${added}'`);
  // only the leading name, the base the path is added to (a word inside a literal is not a name)
  const resolved = joined.trim().replace(/^([A-Za-z_$][\w$]*)(?![\w$.(])/, (name: string) => {
    const bound = new RegExp(String.raw`\b(?:const|var|let)\s+${name.replace(/\$/g, '\\$')}\s*=\s*(['"\`])([^'"\`$]{0,200})\1\s*[;\n]`).exec(fileText);
    return bound ? `'${bound[2]}'` : name;
  });
  return resolvedUrlText(resolved, '');
}

/** A member declared in a constructor-style function: `self.get_contact = function (filters) {`, `this.findByPhone = (phone) => {`. */
const MEMBER_FUNCTION_HEADER = /(?:^|[\n;{}])[ \t]*(?:self|this|that)\s*\.\s*([A-Za-z_$][\w$]*)\s*=\s*(?:async\s+)?(?:function\s*[\w$]*\s*\(([^()]{0,300})\)|\(([^()]{0,300})\)\s*=>)\s*\{/g;
const MEMBER_CLIENT_GET_CALL = /\b(?:self|this|that)\.([\w$]+)\s*\.\s*get\s*\(/g;

/**
 * Members of constructor-style objects (`Eventable.extend(function (self, json_api) { self.get_contact = function (filters)
 * { return self.json_api.get(url, { params: filters }); }; })`, `function Api() { this.find = function (query) { … } }`)
 * that hand a parameter to a client field's GET as the query. The object's class is not named by the code (className
 * ''), so callers find it by its method name alone (see WorkspaceIndex.queryForwardingOfMember).
 */
function extractMemberQueryForwarding(text: string): QueryForwardingMethod[] {
  if (!/(?:self|this|that)\s*\.\s*[\w$]+\s*=\s*(?:async\s+)?(?:function|\()/.test(text)) return [];
  const methods: QueryForwardingMethod[] = [];
  MEMBER_FUNCTION_HEADER.lastIndex = 0;
  for (let found = MEMBER_FUNCTION_HEADER.exec(text); found; found = MEMBER_FUNCTION_HEADER.exec(text)) {
    const parameters = (found[2] ?? found[3] ?? '').split(',').map((part) => /^\s*([A-Za-z_$][\w$]*)/.exec(part)?.[1]);
    const open = found.index + found[0].length - 1;
    const body = bracketed(text, open, 1500);
    if (body === undefined) continue;
    MEMBER_CLIENT_GET_CALL.lastIndex = 0;
    for (let call = MEMBER_CLIENT_GET_CALL.exec(body); call; call = MEMBER_CLIENT_GET_CALL.exec(body)) {
      const rest = body.slice(call.index + call[0].length, call.index + call[0].length + 400);
      const shaped = /^((?:`[^`]{0,300}`|'[^']{0,300}'|"[^"]{0,300}"|[^,'"`()]){1,300}),\s*\{([^{}]{0,300})\}/.exec(rest);
      if (!shaped) continue;
      const options = shaped[2].trim();
      const index = parameters.findIndex((parameter) => parameter !== undefined
        && new RegExp(String.raw`(?:^|,)\s*params\s*:\s*${parameter.replace(/\$/g, '\\$')}\s*(?:,|$)`).test(options));
      if (index < 0) continue;
      methods.push({ className: '', method: found[1], parameter: index, field: call[1], urlText: resolvedUrlText(shaped[1], '') });
      break;
    }
  }
  return methods;
}

/** A method's parameter names from its header's parameter list (`private http: HttpClient, url = ''` → http, url). */
function methodParameterNames(list: string): Array<string | undefined> {
  return list.split(',').map((part) => /^\s*(?:(?:public|private|protected|readonly)\s+)*([A-Za-z_$][\w$]*)/.exec(part)?.[1]);
}

/** A class method's header, static ones too (`static async getJson(url: string, params = {}) {`). */
const ANY_METHOD_HEADER = /(?:^|[\n;{}])[ \t]*(?:(?:public|protected|static|async|override)\s+)*([A-Za-z_$][\w$]*)\s*(?:<[^<>()]{0,200}>)?\s*\(([^()]{0,300})\)\s*(?::[^{;]{0,200})?\{/g;
/** A request made in the method's body: a client's `get`/`request`, `fetch`, `axios`, an SWR hook. */
const BUILT_URL_REQUEST = /\b(?:fetch|axios|useSWR[\w$]*)\s*\(|\.\s*(?:get|request)\s*(?:<[^<>()]{0,200}>)?\s*\(/;

/**
 * Methods of a workspace's base service class that take a URL and a query object from their caller and build the query
 * string onto the URL (`static getJson(url, params = {}) { return ApiClient.get(`${url}?${Url.toQuery(params)}`) }`),
 * called from subclasses as `super.getJson('search/patients', { given_name })`, `this.getJson(…)` or
 * `PatientService.getJson(…)`: the caller's object becomes the request's query string and the caller's URL says what
 * is searched. Only a template or concatenation that puts a URL parameter before `?` and another parameter after it,
 * in a method that makes a request.
 */
function extractQueryStringBuilders(text: string): QueryForwardingMethod[] {
  const classes = classHeadersOf(text);
  if (classes.length === 0) return [];
  const ownerOf = classOwnerCursor(classes);
  const methods: QueryForwardingMethod[] = [];
  ANY_METHOD_HEADER.lastIndex = 0;
  for (let found = ANY_METHOD_HEADER.exec(text); found; found = ANY_METHOD_HEADER.exec(text)) {
    const method = found[1];
    if (NOT_METHODS.has(method)) continue;
    const parameters = methodParameterNames(found[2]);
    const urlParameter = parameters.findIndex((parameter) => parameter !== undefined && URL_PARAMETER.test(parameter));
    if (urlParameter < 0 || parameters.length < 2) continue;
    const ownerIndex = ownerOf(found.index);
    if (ownerIndex < 0) continue;
    const body = bracketed(text, found.index + found[0].length - 1, 1200);
    if (body === undefined || !BUILT_URL_REQUEST.test(body)) continue;
    const url = parameters[urlParameter]!.replace(/\$/g, '\\$');
    const query = new RegExp(String.raw`\$\{\s*${url}\s*\}\?\$\{([^{}]{0,200})\}|\b${url}\s*\+\s*['"]\?['"]\s*\+\s*([^;\n]{0,200})`).exec(body);
    if (!query) continue;
    const built = query[1] ?? query[2];
    const parameter = parameters.findIndex((name, index) => name !== undefined && index !== urlParameter && new RegExp(String.raw`(?<![\w$.])${name.replace(/\$/g, '\\$')}(?![\w$])`).test(built));
    if (parameter < 0) continue;
    methods.push({ className: classes[ownerIndex].name, method, parameter, field: '', urlText: '', urlParameter });
  }
  return methods;
}

export function extractQueryForwardingMethods(text: string): QueryForwardingMethod[] {
  const builders = text.includes('class ') && (text.includes('}?${') || /['"]\?['"]/.test(text)) ? extractQueryStringBuilders(text) : [];
  return builders.length ? [...builders, ...extractClientQueryForwardingMethods(text)] : extractClientQueryForwardingMethods(text);
}

function extractClientQueryForwardingMethods(text: string): QueryForwardingMethod[] {
  if (!/\.\s*get\s*[(<]/.test(text)) return [];
  // `$http.get(url, config)` forwards a whole config: no `params` need be written in the service's file
  if (!/\bparams\b/.test(text)) return text.includes('class ') ? [] : extractServiceFunctionQueryForwarding(text);
  if (!text.includes('class ')) return [...extractMemberQueryForwarding(text), ...extractServiceFunctionQueryForwarding(text)];
  return [...extractClassQueryForwarding(text), ...extractMemberQueryForwarding(text)];
}

/** A named function of a service module: `function searchByName(options) {`, `searchByName: function (options) {`. */
const SERVICE_FUNCTION_HEADER = /(?:^|[\n;{}])[ \t]*(?:function\s+([A-Za-z_$][\w$]*)\s*\(([^()]{0,300})\)|(?:(?:var|let|const)\s+)?([A-Za-z_$][\w$]*)\s*[:=]\s*function\s*[\w$]*\s*\(([^()]{0,300})\))\s*\{/g;
/** The one service an AngularJS module file registers: `.service('patientServiceStrategy', …)`, `.factory('Patients', …)`. */
const ANGULAR_SERVICE_REGISTRATION = /\.\s*(?:service|factory)\s*\(\s*['"]([A-Za-z_$][\w$]*)['"]/g;
/** AngularJS's `$http.get(` (also kept on the service object: `service.$http.get(`). */
const DOLLAR_HTTP_GET_CALL = /(?<![\w$])(?:[\w$]+\s*\.\s*)?\$http\s*\.\s*get\s*\(/g;

/**
 * Functions of an AngularJS (or plain JavaScript) service module that hand a parameter to `$http.get(url, { params })`,
 * as it is or as a copy (`const opts = angular.copy(options || {})`, `{ ...options }`, `Object.assign({}, options)`):
 * `service.searchByName = searchByName; function searchByName(options) { … $http.get(target, { params: opts }) }`.
 * `$http` sends `params` as the URL's query string whatever the method, so the caller's object is that query. The
 * service object's name is not the class of anything the code declares (className ''): callers find the function by its
 * name (see WorkspaceIndex.queryForwardingOfMember), which must be one that says what it does.
 */
function extractServiceFunctionQueryForwarding(text: string): QueryForwardingMethod[] {
  if (!text.includes('$http')) return [];
  const methods: QueryForwardingMethod[] = [];
  // AngularJS injects a service by its registered name, and code names the parameter it is injected into the same way
  // (`function (patientServiceStrategy) { patientServiceStrategy.search(config) }`): a file registering one service
  // declares the functions of that name, as a class declares its methods.
  const registered = [...text.matchAll(ANGULAR_SERVICE_REGISTRATION)].map((match) => match[1]);
  const serviceName = registered.length === 1 ? registered[0] : undefined;
  SERVICE_FUNCTION_HEADER.lastIndex = 0;
  for (let found = SERVICE_FUNCTION_HEADER.exec(text); found; found = SERVICE_FUNCTION_HEADER.exec(text)) {
    const method = found[1] ?? found[3];
    if (NOT_METHODS.has(method)) continue;
    const parameters = (found[2] ?? found[4] ?? '').split(',').map((part) => /^\s*([A-Za-z_$][\w$]*)/.exec(part)?.[1]);
    if (!parameters.some((parameter) => parameter !== undefined)) continue;
    const open = found.index + found[0].length - 1;
    const body = bracketed(text, open, 1500);
    if (body === undefined) continue;
    // A parameter's copies within the function: `const opts = angular.copy(options || {})`, `var query = options || {}`.
    const aliases = new Map<string, number>();
    parameters.forEach((parameter, index) => { if (parameter) aliases.set(parameter, index); });
    for (const alias of body.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:angular\.copy\(\s*|Object\.assign\(\s*\{\s*\}\s*,\s*|\{\s*\.\.\.\s*)?([A-Za-z_$][\w$]*)\s*(?:\|\|\s*\{\s*\}\s*)?[)}]?\s*[;\n]/g)) {
      const index = aliases.get(alias[2]);
      if (index !== undefined && !aliases.has(alias[1])) aliases.set(alias[1], index);
    }
    DOLLAR_HTTP_GET_CALL.lastIndex = 0;
    for (let call = DOLLAR_HTTP_GET_CALL.exec(body); call; call = DOLLAR_HTTP_GET_CALL.exec(body)) {
      const rest = body.slice(call.index + call[0].length, call.index + call[0].length + 400);
      // `$http.get(url, config)`: the whole request config handed in, its `params` the query string
      const whole = /^((?:`[^`]{0,300}`|'[^']{0,300}'|"[^"]{0,300}"|[^,'"`()]|\([^()]{0,200}\)){1,300}),\s*([A-Za-z_$][\w$]*)\s*\)/.exec(rest);
      const shaped = whole ? undefined : /^((?:`[^`]{0,300}`|'[^']{0,300}'|"[^"]{0,300}"|[^,'"`()]|\([^()]{0,200}\)){1,300}),\s*\{([^{}]{0,300})\}/.exec(rest);
      const value = whole ? whole[2] : shaped ? /(?:^|,)\s*params\s*:\s*([A-Za-z_$][\w$]*)\s*(?:,|$)/.exec(shaped[2].trim())?.[1] : undefined;
      const index = value !== undefined ? aliases.get(value) : undefined;
      if (index === undefined) continue;
      const urlArgument = (whole ?? shaped)![1].trim();
      // the URL kept in a local first (`var patientSearchUrl = base + "/patient";`): its text says what is searched
      const local = /^[A-Za-z_$][\w$]*$/.test(urlArgument) ? new RegExp(String.raw`\b(?:var|let|const)\s+${urlArgument.replace(/\$/g, '\\$')}\s*=\s*([^;\n]{1,300})`).exec(body)?.[1] : undefined;
      const entry = { method, parameter: index, field: '$http', urlText: resolvedServiceUrlText(local ?? urlArgument, text), ...(whole ? { config: true } : {}) };
      methods.push({ className: '', ...entry });
      if (serviceName) methods.push({ className: serviceName, ...entry });
      break;
    }
  }
  return methods;
}

function extractClassQueryForwarding(text: string): QueryForwardingMethod[] {
  const classes = classHeadersOf(text);
  if (classes.length === 0) return [];
  const ownerOf = classOwnerCursor(classes);
  const methods: QueryForwardingMethod[] = [];
  METHOD_HEADER.lastIndex = 0;
  for (let found = METHOD_HEADER.exec(text); found; found = METHOD_HEADER.exec(text)) {
    const method = found[1];
    if (NOT_METHODS.has(method)) continue;
    const ownerIndex = ownerOf(found.index);
    if (ownerIndex < 0) continue;
    const owner = classes[ownerIndex];
    const parameters = methodParameterNames(found[2]);
    const open = found.index + found[0].length - 1;
    const body = text.slice(open, open + 1200);
    CLIENT_GET_CALL.lastIndex = 0;
    for (let call = CLIENT_GET_CALL.exec(body); call; call = CLIENT_GET_CALL.exec(body)) {
      const rest = body.slice(call.index + call[0].length, call.index + call[0].length + 400);
      // the URL argument up to its comma (a template's placeholders hold no comma of their own), then an options object
      const shaped = /^((?:`[^`]{0,300}`|'[^']{0,300}'|"[^"]{0,300}"|[^,'"`()]){1,300}),\s*\{([^{}]{0,300})\}/.exec(rest);
      if (!shaped) continue;
      const options = shaped[2];
      const index = parameters.findIndex((parameter) => parameter !== undefined
        && (new RegExp(String.raw`(?:^|,)\s*params\s*:\s*${parameter.replace(/\$/g, '\\$')}\s*(?:,|$)`).test(options.trim())
          || (parameter === 'params' && /(?:^|,)\s*params\s*(?:,|$)/.test(options.trim()))));
      if (index < 0) continue;
      const classText = text.slice(owner.at, classes[ownerIndex + 1]?.at ?? text.length);
      const field = call[1];
      const fieldType = new RegExp(String.raw`(?:private|public|protected|readonly)\s+(?:readonly\s+)?${field.replace(/\$/g, '\\$')}\s*:\s*([A-Z][\w$]*)`).exec(classText)?.[1];
      methods.push({ className: owner.name, method, parameter: index, field, ...(fieldType ? { fieldType } : {}), urlText: resolvedUrlText(shaped[1], classText) });
      break;
    }
  }
  return methods;
}

/**
 * The workspace's own request helpers that hand the response to a callback: `const _fetchApi = (url, success, error) =>
 * { fetch(`${url}/${id}`).then((raw) => raw.json()).then((response) => success(response)) }`, `getFromServer(endPoint,
 * callback)`. Which parameter is the URL and which callbacks are called with what the request answered (a `.then`
 * callback's parameter, or a value awaited), so a caller's `helper('/patients/' + id, (data) => …)` hands `data` the
 * response of that route. A light scan of the function's first characters; a helper that writes (`method: 'POST'`)
 * says nothing about what it answers, and a callback handed what `.catch` caught receives an error, not the response.
 */
export interface RequestWrapper {
  url: number;
  /** Parameters called with the response. */
  callbacks: number[];
  /** The helper returns (or resolves with) the response: `const res = await fetch(url); return res.json()`. */
  returns: boolean;
}

const WRAPPER_HEADER = /(?:^|[\n;])[ \t]*(?:export\s+)?(?:(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s+)?(?:function\s*[\w$]*\s*)?\(|(?:async\s+)?function\s+([A-Za-z_$][\w$]*)\s*\()/g;
/** A request whose first argument is the URL: `fetch(`, `axios(`, `axios.get(`, a client field's or `$http`'s `get(`. */
const WRAPPED_REQUEST = /\b(?:fetch|axios)\s*\(|(?:\baxios|\$http|\bthis\.[\w$]*(?:[Hh]ttp|[Cc]lient|[Aa]xios)[\w$]*|\b[\w$]*(?:[Hh]ttp|[Cc]lient)|\bapi|\bky)\s*\.\s*get\s*(?:<[^<>()]{0,200}>)?\s*\(/g;
const WRITE_METHOD_OPTION = /\bmethod\s*:\s*['"`](?!get['"`]|head['"`])/i;
const URL_WRAPPER_PARAMETER = /^(?:[a-z][\w$]*)?(?:url|Url|URL|uri|Uri|URI|path|Path|endpoint|Endpoint|EndPoint|endPoint|route|Route)$/;

/**
 * What module `importer` imports as `specifier` holds under `imported`, in a per-module table: a relative path, or a
 * workspace alias (`alias` captures the rest after it) taken when exactly one module's path ends with that rest.
 */
function entryOfImportedModule<T>(byModule: ReadonlyMap<string, ReadonlyMap<string, T>>, importer: string, specifier: string, imported: string, alias: RegExp): T | undefined {
  if (byModule.size === 0) return undefined;
  if (/^\.{1,2}\//.test(specifier)) return byModule.get(moduleKeyFrom(importer, specifier))?.get(imported);
  const rest = alias.exec(specifier);
  if (!rest) return undefined;
  const tail = '/' + moduleKeyOf(rest[1]);
  let found: T | undefined;
  let matches = 0;
  for (const [key, entries] of byModule) {
    if (!('/' + key).endsWith(tail)) continue;
    matches++;
    found = entries.get(imported);
  }
  return matches === 1 ? found : undefined;
}

/** The text between the bracket at `open` and its match, within `limit` characters (undefined when longer). */
function bracketed(text: string, open: number, limit: number): string | undefined {
  let depth = 0;
  for (let i = open; i < text.length && i - open < limit; i++) {
    const c = text[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      depth--;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  return undefined;
}

/** A parameter list's names by position (`success = (f) => f` → success); undefined for a pattern. */
function parameterNames(list: string): Array<string | undefined> {
  const names: Array<string | undefined> = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= list.length; i++) {
    const c = list[i];
    if (c === '(' || c === '{' || c === '[' || c === '<') depth++;
    else if (c === ')' || c === '}' || c === ']' || (c === '>' && list[i - 1] !== '=')) depth--;
    else if ((c === ',' && depth === 0) || i === list.length) {
      const part = list.slice(start, i);
      if (part.trim()) names.push(/^\s*([A-Za-z_$][\w$]*)\s*(?:[?:=,]|$)/.exec(part)?.[1]);
      start = i + 1;
    }
  }
  return names;
}

const escaped = (name: string): string => name.replace(/\$/g, '\\$');

/** The bracket depth of `at` in `body` (0: the function's own statements). */
function depthAt(body: string, at: number): number {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    const c = body[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
  }
  return depth;
}

/**
 * Whether a helper's own `return` (not one inside a callback) hands back the request it makes (`return fetch(url)…`,
 * `return this.http.get(url)`) or what was awaited from it (`const req = await fetch(url); return req.json()`).
 */
function returnsResponse(body: string, request: number, awaited: ReadonlySet<string>): boolean {
  for (const found of body.matchAll(/\breturn\s+(?:await\s+)?([A-Za-z_$][\w$]*)/g)) {
    if (depthAt(body, found.index) > 1) continue;
    const at = found.index + found[0].length - found[1].length;
    if (at === request || Math.abs(at - request) < 12 && /^(?:this|fetch|axios)$/.test(found[1])) return true;
    if (awaited.has(found[1])) return true;
  }
  return false;
}

export function extractRequestWrappers(text: string): Array<[string, RequestWrapper]> {
  if (!/\b(?:fetch|axios|get)\s*\(/.test(text)) return [];
  const wrappers: Array<[string, RequestWrapper]> = [];
  WRAPPER_HEADER.lastIndex = 0;
  for (let found = WRAPPER_HEADER.exec(text); found; found = WRAPPER_HEADER.exec(text)) {
    const name = found[1] ?? found[2];
    const open = found.index + found[0].length - 1;
    const list = bracketed(text, open, 600);
    if (list === undefined) continue;
    const parameters = parameterNames(list);
    const url = parameters.findIndex((parameter) => parameter !== undefined && URL_WRAPPER_PARAMETER.test(parameter));
    if (url < 0) continue;
    const afterList = open + list.length + 2;
    const arrow = /^\s*(?::[^=;{]{0,100})?=>\s*/.exec(text.slice(afterList, afterList + 200));
    let body: string | undefined;
    let concise = false;
    if (arrow && text[afterList + arrow[0].length] !== '{') {
      // `(url) => axios.get(url).then((res) => res.data)`: the arrow's expression is what it returns.
      concise = true;
      body = /^[^;]{0,800}/.exec(text.slice(afterList + arrow[0].length))?.[0].split(/\n\s*\n/)[0];
    } else {
      const bodyOpen = text.indexOf('{', afterList);
      if (bodyOpen < 0 || bodyOpen - afterList > 200) continue;
      body = bracketed(text, bodyOpen, 3000);
    }
    if (body === undefined) continue;
    // The URL parameter, and locals built from it (`let actualURL = `${url}/${facilityId}``).
    const urlNames = [parameters[url]!];
    const local = new RegExp(String.raw`(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*[^;\n]{0,200}(?<![\w$.])${escaped(parameters[url]!)}(?![\w$])`, 'g');
    for (const derived of body.matchAll(local)) urlNames.push(derived[1]);
    const usesUrl = new RegExp(String.raw`(?<![\w$.])(?:${urlNames.map(escaped).join('|')})(?![\w$])`);
    let request: number | undefined;
    WRAPPED_REQUEST.lastIndex = 0;
    for (let call = WRAPPED_REQUEST.exec(body); call; call = WRAPPED_REQUEST.exec(body)) {
      const args = bracketed(body, call.index + call[0].length - 1, 1200);
      if (args === undefined) continue;
      const first = /^[^,]{0,300}/.exec(args)?.[0] ?? '';
      if (!usesUrl.test(first)) continue;
      request = call.index;
      break;
    }
    // A helper that writes (`method: 'PUT'` in its options, wherever they are built) answers with an acknowledgement.
    if (request === undefined || WRITE_METHOD_OPTION.test(body)) continue;
    // What the request answered: a `.then` callback's parameter, or a value awaited.
    const answered = new Set<string>();
    for (const then of body.matchAll(/\.then\s*\(\s*(?:async\s+)?(?:\(\s*([A-Za-z_$][\w$]*)|([A-Za-z_$][\w$]*)\s*=>|function\s*[\w$]*\s*\(\s*([A-Za-z_$][\w$]*))/g)) answered.add(then[1] ?? then[2] ?? then[3]);
    const awaited = new Set<string>();
    // `const req = await fetch(url)`, then `const json = await req.json()`: awaited from the request.
    for (const found of body.matchAll(/(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*await\s+([A-Za-z_$][\w$]*)/g)) {
      if (found.index + found[0].length - found[2].length === request || awaited.has(found[2])) awaited.add(found[1]);
    }
    const callbacks: number[] = [];
    parameters.forEach((parameter, index) => {
      if (parameter === undefined || index === url) return;
      const called = new RegExp(String.raw`(?<![\w$.])${escaped(parameter)}\s*\(\s*([A-Za-z_$][\w$]*)`, 'g');
      for (const call of body.matchAll(called)) {
        if (answered.has(call[1]) || awaited.has(call[1])) {
          callbacks.push(index);
          break;
        }
      }
    });
    const returns = concise ? /^(?:await\s+)?[\w$.]*\s*\(/.test(body.trimStart()) && request < 80 : returnsResponse(body, request, awaited);
    if (callbacks.length || returns) wrappers.push([name, { url, callbacks, returns }]);
  }
  return wrappers;
}

/**
 * A file whose code writes patient search terms into the page URL: it is about patients (a patient word in its path
 * or in a function, class or component it declares) and a page-URL writer puts typed search text or a person's name
 * or number into the query. Code that copies the page URL elsewhere in the workspace then copies those terms too.
 */
function writesPatientSearchIntoPageUrl(file: string, text: string): boolean {
  const aboutPatients = file.split(/[\\/.]/).some((segment) => subjectOfName(segment) === 'patient')
    || text.includes('atient') && /\b(?:function|class|const|let|var)\s+[\w$]{0,60}(?:Patient|patient)[\w$]{0,60}/.test(text);
  if (!aboutPatients) return false;
  return writes(PAGE_QUERY_OBJECT_WRITE, SEARCH_KEY_IN_OBJECT, text) || writes(PAGE_URL_WRITE, SEARCH_KEY_IN_URL, text);
}

function writes(writer: RegExp, key: RegExp, text: string): boolean {
  writer.lastIndex = 0;
  for (let match = writer.exec(text); match; match = writer.exec(text)) if (key.test(match[1])) return true;
  return false;
}

/** `export function useUrlQuery(`, `export const useFilters = (`: a hook a file declares for other modules. */
const EXPORTED_HOOK = /^export\s+(?:default\s+)?(?:const|let|function)\s+(use[A-Z][\w$]*)/gm;
/** Where the page URL's query is read: React Router/Next `useSearchParams`, `useLocation`, `useRouter`, `URLSearchParams`, `location.search`. */
const PAGE_QUERY_SOURCE = /\b(?:useSearchParams|useLocation|useRouter|useHistory|URLSearchParams|useQueryParams)\s*\(|\blocation\.search\b/;
/** What writes it back: `setSearchParams(…)`, `history.push(…)`, `router.replace(…)`, `navigate(…)`, `history.replaceState(…)`. */
const PAGE_QUERY_WRITE = /\bset[A-Z]?\w*(?:SearchParams|QueryParams)\s*\(|\b(?:history|router|navigate)(?:\.(?:push|replace|navigate|pushState|replaceState))?\s*\(/;
/** Workspace hooks a hook's body calls (`useUrlQuery()` inside `useUrlQueryParams`). */
const HOOK_CALL = /\b(use[A-Z][\w$]*)\s*\(/g;

/** An exported hook of a file: whether its own body reads and writes the page URL's query, and the hooks it calls. */
export interface UrlQueryHookCandidate {
  name: string;
  writesPageQuery: boolean;
  calls: string[];
}

/**
 * The hooks a file exports, each with what its body does to the page URL (text only: a body is the text up to the next
 * exported declaration). A hook that reads the page query and navigates (`const [p, setP] = useSearchParams(); …
 * setP(next)`) writes it; a hook that calls such a hook of the workspace does too (decided over the workspace by
 * UrlQueryHooks). What it returns (`updateQuery`, `updateFilterQuery`) sets keys of the page URL's query.
 */
export function extractUrlQueryHookCandidates(text: string): UrlQueryHookCandidate[] {
  if (!text.includes('export') || !/\buse[A-Z]/.test(text)) return [];
  const starts = [...text.matchAll(EXPORTED_HOOK)];
  if (!starts.length) return [];
  const others = [...text.matchAll(/^export\s/gm)].map((match) => match.index ?? 0);
  return starts.slice(0, 50).map((start) => {
    const from = start.index ?? 0;
    const to = others.find((index) => index > from) ?? text.length;
    const body = text.slice(from + start[0].length, to);
    const calls = [...new Set([...body.matchAll(HOOK_CALL)].map((match) => match[1]).filter((name) => name !== start[1]))].slice(0, 40);
    return { name: start[1], writesPageQuery: PAGE_QUERY_SOURCE.test(body) && PAGE_QUERY_WRITE.test(body), calls };
  });
}

/** The request a server's handler is serving, by the names handlers give it (Express/Fastify `req`/`request`, Koa `ctx`). */
const SERVED = String.raw`\b(?:req|request|ctx)`;
/** `req.query.dob`, `ctx.query['phone']`: a parameter read from the served request's query string. */
const SERVED_QUERY_MEMBER = new RegExp(String.raw`${SERVED}\.query(?:\.|\??\.\[?\s*['"]?)([A-Za-z_][\w-]*)`, 'g');
/** `const { dob, phone: phoneNumber } = req.query`: parameters destructured from it. */
const SERVED_QUERY_PATTERN = new RegExp(String.raw`(?:const|let|var)\s*\{([^{}]{1,400})\}\s*=\s*${SERVED}\.query\b`, 'g');
/** `const q = req.query`, `var q = url.parse(req.url, true).query`: the query object under another name. */
const SERVED_QUERY_ALIAS = new RegExp(String.raw`(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:${SERVED}\.query\b|(?:url\.)?parse\(\s*(?:req|request)\.url\s*,\s*true\s*\)\.query\b)`, 'g');

/**
 * The names of the query parameters a server's handlers read from the request they serve (`req.query.dob`,
 * `const { phone } = req.query`, `url.parse(req.url, true).query.dob`). Text only: the scan-wide fact that tells
 * what a logged request URL of the same service holds.
 */
export function extractServedQueryParameters(text: string): string[] {
  if (!text.includes('.query')) return [];
  const names = new Set<string>();
  for (const match of text.matchAll(SERVED_QUERY_MEMBER)) names.add(match[1]);
  for (const match of text.matchAll(SERVED_QUERY_PATTERN)) {
    for (const part of match[1].split(',')) {
      const key = /^\s*([A-Za-z_][\w]*)/.exec(part);
      if (key) names.add(key[1]);
    }
  }
  for (const match of text.matchAll(SERVED_QUERY_ALIAS)) {
    const alias = match[1].replace(/\$/g, '\\$');
    for (const read of text.matchAll(new RegExp(String.raw`\b${alias}(?:\??\.|\[\s*['"])([A-Za-z_][\w-]*)`, 'g'))) names.add(read[1]);
  }
  return [...names].filter((name) => name.length <= 60).slice(0, 200);
}

/** A top-level function declaration and its first parameter: `function find(options) {`, `async function search(filters) {`. */
const TOP_LEVEL_FUNCTION = /^(?:export\s+)?(?:(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(\s*([A-Za-z_$][\w$]*)\b|(?:const|let)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?(?:function\s*\*?\s*[\w$]*\s*)?\(\s*([A-Za-z_$][\w$]*)\b[^()]*\)\s*(?::[^=]{1,120})?(?:=>|\{))/gm;
/** `exports.find = find`, `module.exports.find = find`: a function exported under a name. */
const EXPORTED_AS = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)\s*=\s*([A-Za-z_$][\w$]*)\s*;?\s*$/gm;

/**
 * The query keys a module's functions read from their first parameter, by export name: a search that takes a
 * request's whole query (`find(req.query)` in a controller of another file) and reads `options.name`, destructures
 * `const { dob } = options`, or builds its WHERE clause with a query builder over it (`const filters = new
 * FilterParser(options); filters.equals('hospital_no')`). Text only; a body runs to the next top-level function.
 */
export function extractQueryKeyReaders(text: string): Array<[string, string[]]> {
  if (!text.includes('function')) return [];
  return keysReadByExportedFunctions(text, (body, param) => {
    const keys = new Set<string>();
    addKeysRead(keys, body, String.raw`(?<![\w$.])${param}`);
    for (const builder of body.matchAll(new RegExp(String.raw`(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*new\s+[\w$.]+\(\s*${param}\s*[,)]`, 'g'))) {
      const name = builder[1].replace(/\$/g, '\\$');
      for (const call of body.matchAll(new RegExp(String.raw`(?<![\w$.])${name}\.[A-Za-z_$][\w$]*\(\s*['"]([A-Za-z_][\w.-]*)['"]`, 'g'))) keys.add(call[1]);
    }
    return keys;
  });
}

/**
 * Exported functions that take the incoming request whole and read its query string (Express `req.query`, Koa
 * `ctx.request.query`): `export async function buscarRecetas(req) { const params = req.params.id ? req.params : req.query;
 * … params.documento }`, `const { documento, sexo } = req.query`. A route controller split from its router: what a GET
 * handler handing its request to it puts in the URL. The keys read, by function name (code only, never values).
 */
export function extractRequestQueryKeyReaders(text: string): Array<[string, string[]]> {
  if (!/\.query\b/.test(text)) return [];
  return keysReadByExportedFunctions(text, (body, param) => {
    const keys = new Set<string>();
    const query = String.raw`(?<![\w$.])${param}\??\.(?:request\??\.)?query\b`;
    if (!new RegExp(query).test(body)) return keys;
    addKeysRead(keys, body, query, String.raw`(?!\s*\??\.)`);
    // `const params = req.query`, `const params = req.params.id ? req.params : req.query`: the query under another name
    for (const alias of body.matchAll(new RegExp(String.raw`(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*[^;\n]{0,120}?${query}(?!\s*\??\.)`, 'g'))) {
      addKeysRead(keys, body, String.raw`(?<![\w$.])${alias[1].replace(/\$/g, '\\$')}\b`, String.raw`(?!\s*\??\.)`);
    }
    return keys;
  });
}

/**
 * Runs `readKeys` over the body of every top-level function (a body runs to the next top-level function) with its
 * first parameter, and returns the keys found by the name each function is exported under (`export function`,
 * `exports.x = x`).
 */
function keysReadByExportedFunctions(text: string, readKeys: (body: string, param: string) => Set<string>): Array<[string, string[]]> {
  const starts = [...text.matchAll(TOP_LEVEL_FUNCTION)].slice(0, 200);
  if (!starts.length) return [];
  const byFunction = new Map<string, string[]>();
  starts.forEach((start, i) => {
    const from = (start.index ?? 0) + start[0].length;
    const to = i + 1 < starts.length ? starts[i + 1].index ?? text.length : text.length;
    const body = text.slice(from, Math.min(to, from + 20000));
    const param = (start[2] ?? start[4]).replace(/\$/g, '\\$');
    const found = [...readKeys(body, param)].filter((key) => key.length <= 60).slice(0, 100);
    if (found.length) byFunction.set(start[1] ?? start[3], found);
  });
  const result = new Map<string, string[]>();
  for (const [name, keys] of byFunction) if (/^export\s/.test(text.slice(starts.find((start) => (start[1] ?? start[3]) === name)!.index ?? 0))) result.set(name, keys);
  for (const exported of text.matchAll(EXPORTED_AS)) {
    const keys = byFunction.get(exported[2]);
    if (keys) result.set(exported[1], keys);
  }
  return [...result];
}

/** Keys read from `object` (a pattern): `object.key`, `object?.key`, `object['key']`, `const { a, b } = object`. */
function addKeysRead(keys: Set<string>, body: string, object: string, destructuredFrom = String.raw`\b(?!\s*\.)`): void {
  for (const read of body.matchAll(new RegExp(String.raw`${object}(?:\??\.|\[\s*['"])([A-Za-z_][\w-]*)`, 'g'))) keys.add(read[1]);
  for (const pattern of body.matchAll(new RegExp(String.raw`(?:const|let|var)\s*\{([^{}]{1,400})\}\s*=\s*${object}${destructuredFrom}`, 'g'))) {
    for (const part of pattern[1].split(',')) {
      const key = /^\s*([A-Za-z_][\w]*)/.exec(part);
      if (key) keys.add(key[1]);
    }
  }
}

/** How many files declare each name: `delta` 1 when a file adding `names` is indexed, -1 when it is removed. */
function countNames(counts: Map<string, number>, names: readonly string[], delta: 1 | -1): void {
  for (const name of names) {
    const count = (counts.get(name) ?? 0) + delta;
    if (count > 0) counts.set(name, count);
    else counts.delete(name);
  }
}

/** `src/a/validate.ts`, `src/a/validate.js`, `src/a/validate/index.ts` → `src/a/validate`: what a relative import names. */
function moduleKeyOf(file: string): string {
  const posix = file.split(path.sep).join('/').replace(/\.(?:[cm]?[jt]sx?)$/, '');
  return posix.endsWith('/index') ? posix.slice(0, -'/index'.length) : posix;
}

/** The module key a relative specifier names from `importer` (`./validate` from `src/a/index.ts` → `src/a/validate`). */
function moduleKeyFrom(importer: string, specifier: string): string {
  return moduleKeyOf(path.posix.join(path.posix.dirname(importer.split(path.sep).join('/')), specifier));
}

/** `export * from './log'`, `export { log, log as logger } from './log'`: the relative modules a module re-exports. */
function extractRelativeReexports(file: string, text: string): Array<{ key: string; names?: Map<string, string> }> {
  const reexports: Array<{ key: string; names?: Map<string, string> }> = [];
  for (const found of text.matchAll(/^export\s*(?:\*|\{([^}]*)\})\s*from\s*['"](\.{1,2}\/[^'"]+)['"]/gm)) {
    const key = moduleKeyFrom(file, found[2]);
    if (found[1] === undefined) {
      reexports.push({ key });
      continue;
    }
    const names = new Map<string, string>();
    for (const part of found[1].split(',')) {
      const specifier = /^\s*(?:type\s+)?(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
      if (specifier) names.set(specifier[2] ?? specifier[1], specifier[1]);
    }
    if (names.size) reexports.push({ key, names });
  }
  return reexports;
}

/** Splits `Record<string, Patient>` into its generic name and top-level arguments. */
function genericParts(text: string): { name: string; args: string[] } | undefined {
  const match = /^([\w$.]+)\s*<([\s\S]+)>$/.exec(text);
  if (!match) return undefined;
  const args: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of match[2]) {
    if (ch === '<' || ch === '{' || ch === '(' || ch === '[') depth++;
    else if (ch === '>' || ch === '}' || ch === ')' || ch === ']') depth--;
    if (ch === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
    } else current += ch;
  }
  args.push(current.trim());
  return { name: match[1].split('.').pop()!, args };
}

function unwrapTypeName(typeText: string): string | undefined {
  let text = typeText.trim();
  // `{ [pageId: string]: PageAnswers }`: an inline dictionary holds what its values are
  const dictionary = /^\{\s*(?:readonly\s+)?\[\s*[\w$]+\s*:\s*(?:string|number)\s*\]\s*\??\s*:\s*([^;{}]+?)\s*;?\s*\}$/.exec(text);
  if (dictionary) text = dictionary[1];
  for (let depth = 0; depth < 4; depth++) {
    const generic = genericParts(text);
    if (generic && contentWrappers.has(generic.name)) text = generic.args[0];
    else if (generic && keyedWrappers.has(generic.name) && generic.args.length > 1) text = generic.args[1];
    // `Bundle<Location>`: a typed FHIR Bundle holds what its argument says (a search of locations), not a patient's record.
    else if (generic && generic.name === TYPED_BUNDLE && generic.args.length === 1 && /^[A-Z][\w$]*$/.test(generic.args[0].trim()) && !ANY_RESOURCE_TYPES.has(generic.args[0].trim())) text = generic.args[0];
    else break;
  }
  text = text.replace(/\[\]$/g, '').replace(/\s*\|\s*(?:null|undefined)\b/g, '').trim();
  const name = /^(?:[\w$]+\.)*([A-Z][\w$]*)/.exec(text);
  // `Appointment['meta']`: an indexed access names the type of one field (the record's metadata), not the record.
  if (name) {
    INDEXED_ACCESS.lastIndex = name[0].length; // sticky: looks only at what follows the name, never copies the rest
    if (INDEXED_ACCESS.test(text)) return undefined;
  }
  return name ? name[1] : undefined;
}

/** Index of the matching closing brace, skipping strings and comments roughly. -1 when unbalanced. */
function findClosingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return i;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (ch === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      if (end < 0) return -1;
      i = end;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return -1;
      i = end + 1;
    }
  }
  return -1;
}

// ── persistence models declared by their schema ──────────────────────────────────────────────
//
// `const turnoSchema = new mongoose.Schema({ paciente: PacienteSubSchema, … })` and
// `export const Agenda = mongoose.model('agenda', AgendaSchema)`: what a model's documents hold is what its schema
// declares, whatever the model is called and in whatever language its fields are named. The index keeps each schema's
// field names (at any depth of its definition) and the identifiers its fields use as types (sub-schemas), and each
// model's schema; the kinds come from classifying the fields (see WorkspaceIndex.modelRecordKinds).

const MAX_SCHEMA_DEPTH = 3;

/** Kinds a schema's field lends its documents: clinical data and whole records (not a bare contact detail, which a staff directory has too). */
function isSchemaRecordKind(kind: string): boolean {
  const category = PHI_KIND_BY_ID.get(kind)?.category;
  return category === 'clinical' || category === 'record';
}

export interface PersistenceSchema {
  /** Field names with a value that can hold data (not declared Number or Boolean). */
  fields: string[];
  /** Those of them declared as a single text (`contactPerson: String`): a detail, never a whole record. */
  textFields: string[];
  /** Identifiers the definition uses as values: sub-schemas among them. */
  references: string[];
}

const SCHEMA_DECLARATION = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=;\n]{1,80})?=\s*new\s+(?:[\w$]+\.)?Schema\s*(?:<[^()]{0,200}>)?\(\s*\{/g;
const MODEL_DECLARATION = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=;\n]{1,80})?=\s*(?:[\w$]+\.)?model\s*(?:<[^()]{0,200}>)?\(\s*(?:['"`][^'"`\n]{1,100}['"`]|[\w$.]+)\s*,\s*([A-Za-z_$][\w$]*)\s*[,)]/g;
const SCHEMA_FIELD = /([A-Za-z_$][\w$]*)\s*:(?=\s*(\[?\s*\{?\s*(?:type\s*:\s*)?\[?\s*[\w$.]*))/g;
const NON_DATA_TYPE = /(?:^|[\s\[{:.])(?:Number|Boolean|Schema\.Types\.Boolean|Decimal128)\s*$/;
const TEXT_TYPE = /^\{?\s*(?:type\s*:\s*)?(?:String|Schema\.Types\.String|mongoose\.Schema\.Types\.String)$/;
const SCHEMA_VALUE_IDENTIFIER = /:\s*\[?\s*(?:\{\s*type\s*:\s*\[?\s*)?([A-Za-z_$][\w$]*)\s*\]?\s*[,}\]\n]/g;

/** The schemas and models a module declares (Mongoose-style `new Schema({…})` and `model(name, schema)`). */
export function extractPersistenceModels(text: string): { schemas: Array<[string, PersistenceSchema]>; models: Array<[string, string]> } {
  if (!text.includes('Schema')) return { schemas: [], models: [] };
  const schemas: Array<[string, PersistenceSchema]> = [];
  for (const found of text.matchAll(SCHEMA_DECLARATION)) {
    const open = found.index! + found[0].length - 1;
    const close = findClosingBrace(text, open);
    if (close < 0) continue;
    const body = text.slice(open + 1, close);
    const fields = new Set<string>();
    const textFields = new Set<string>();
    for (const field of body.matchAll(SCHEMA_FIELD)) {
      if (NON_DATA_TYPE.test(field[2])) continue;
      fields.add(field[1]);
      if (TEXT_TYPE.test(field[2].trim())) textFields.add(field[1]);
    }
    const references = new Set<string>();
    for (const value of body.matchAll(SCHEMA_VALUE_IDENTIFIER)) references.add(value[1]);
    schemas.push([found[1], { fields: [...fields], textFields: [...textFields], references: [...references] }]);
  }
  const models = [...text.matchAll(MODEL_DECLARATION)].map((found): [string, string] => [found[1], found[2]]);
  return { schemas, models };
}

/** Top-level members of a declaration body, one per line or `;` (nested braces skipped). */
function topLevelMembers(body: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let current = '';
  let previous = '';
  for (const ch of body) {
    if (ch === '{' || ch === '(' || ch === '<' || ch === '[') depth++;
    // (the `>` of an arrow `=>` closes nothing: `cb: () => void` inside a nested type must not end its member)
    else if (ch === '}' || ch === ')' || (ch === '>' && previous !== '=') || ch === ']') depth = Math.max(0, depth - 1);
    previous = ch;
    if (depth === 0 && (ch === ';' || ch === '\n' || ch === ',')) {
      if (current.trim()) members.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim()) members.push(current);
  return members;
}

export function extractDeclaredTypes(file: string, text: string): DeclaredType[] {
  const types: DeclaredType[] = [];
  if (!/\b(?:interface|class|type)\s+[A-Z]/.test(text)) return declaresZodObjects(text) ? schemaShapes(file, text) : types;
  let exported: Set<string> | undefined;
  const exportedByList = (): Set<string> => (exported ??= namesExportedByList(text));
  DECLARATION.lastIndex = 0;
  for (let match = DECLARATION.exec(text); match; match = DECLARATION.exec(text)) {
    const name = match[1] ?? match[3];
    // Between a type alias's name and `=` only type parameters may stand.
    if (match[3] !== undefined && !TYPE_PARAMETERS_ONLY.test(match[4])) continue;
    const open = match.index + match[0].length - 1;
    const close = findClosingBrace(text, open);
    if (close < 0) break;
    const heritage = withoutTypeParameters(match[2] ?? '');
    const extendsClause = /\bextends\s+([^{]+?)(?:\bimplements\b|$)/.exec(heritage);
    const body = membersOf(text.slice(open + 1, close));
    const typeParameters = typeParametersOf(match[2] ?? match[4] ?? '');
    types.push({
      name,
      file,
      ...(isModuleLocal(file, text, match.index, name, exportedByList) ? { local: true as const } : {}),
      fields: body.fields,
      indexType: body.indexType,
      ...(typeParameters.length ? { typeParameters } : {}),
      ...(body.methods ? { methods: body.methods } : {}),
      ...(body.callbacks ? { callbacks: body.callbacks } : {}),
      extends: extendsClause ? extendsClause[1].split(',').map((part) => unwrapTypeName(part) ?? '').filter(Boolean) : [],
    });
    DECLARATION.lastIndex = open + 1;
  }
  if (text.includes('type ')) types.push(...composedAliases(file, text));
  if (declaresZodObjects(text)) types.push(...schemaShapes(file, text));
  return types;
}

/** Whether the text builds a zod object schema (`z.object(`, `z.strictObject(`): the cheap test before schemaShapes. */
function declaresZodObjects(text: string): boolean {
  return text.includes('.object') && /\bz\s*\.\s*(?:strict|loose)?[oO]bject\s*\(/.test(text);
}

/** Text that exports the declaration that follows it (`export `, `export default `, `export declare abstract `). */
const EXPORT_PREFIX = /\bexport\s+(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?$/;

/** `export { A, B as C }`, `export type { A }`, `export default A`, `export = A`: names a module exports after declaring them. */
const EXPORT_LIST = /\bexport\s+(?:type\s+)?\{([^}]*)\}|\bexport\s+(?:default|=)\s*([A-Za-z_$][\w$]*)\s*;?\s*$/gm;

function namesExportedByList(text: string): Set<string> {
  const names = new Set<string>();
  if (!text.includes('export')) return names;
  EXPORT_LIST.lastIndex = 0;
  for (let match = EXPORT_LIST.exec(text); match; match = EXPORT_LIST.exec(text)) {
    if (match[2]) names.add(match[2]);
    for (const part of (match[1] ?? '').split(',')) {
      const local = /^\s*(?:type\s+)?([A-Za-z_$][\w$]*)/.exec(part)?.[1];
      if (local) names.add(local);
    }
  }
  return names;
}

/**
 * Whether the declaration at `at` is private to its module: not exported where it stands nor by an export list, in
 * a module (a file with an import or export; a script's and a declaration file's declarations are global).
 */
function isModuleLocal(file: string, text: string, at: number, name: string, exportedByList: () => Set<string>): boolean {
  if (/\.d\.[cm]?ts$/.test(file)) return false;
  if (!/^\s*(?:import|export)\b/m.test(text)) return false;
  if (EXPORT_PREFIX.test(text.slice(Math.max(0, at - 40), at))) return false;
  return !exportedByList().has(name);
}

/**
 * `callbacks: { [componentId: string]: () => void }`, `handlers: { onSave(): void; onClose: () => void }`: an
 * object type whose members are all functions holds code, never a value of the record, whatever its name says.
 */
function holdsOnlyFunctions(typeText: string): boolean {
  const trimmed = typeText.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return false;
  const members = topLevelMembers(trimmed.slice(1, -1)).filter((member) => member.trim() !== '');
  return members.length > 0 && members.every((member) => FUNCTION_MEMBER.test(member));
}

/** A method signature (`onSave(): void`) or a member whose type is a function (`[id: string]: () => void`, `cb: (x) => void`). */
const FUNCTION_MEMBER = /^\s*(?:readonly\s+)?(?:[A-Za-z_$][\w$]*\s*\??\s*(?:<[^>]*>)?\s*\(|(?:\[[^\]]*\]|[A-Za-z_$][\w$]*)\s*\??\s*:\s*(?:\([^)]*\)|[A-Za-z_$][\w$]*)\s*=>)/;

/** Classes of the platform a field may be created as: they hold no record of the workspace's. */
const BUILT_IN_CLASSES = new Set(['Date', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Object', 'String', 'Number', 'Boolean', 'RegExp', 'Error', 'Promise', 'Subject', 'BehaviorSubject', 'ReplaySubject', 'EventEmitter', 'FormGroup', 'FormControl', 'FormArray', 'FormBuilder', 'HttpParams', 'HttpHeaders', 'URLSearchParams', 'FormData', 'Blob', 'File']);

/** A method's head up to its parameters' `(`: modifiers, its name, optional `?` and type parameters. */
const METHOD_HEAD = /^\s*(?:@[\w.]+(?:\([^)]*\))?\s*)*(?:(?:public|private|protected|readonly|static|async|override|abstract)\s+)*([A-Za-z_$][\w$]*)\s*\??\s*(?:<[^()<>]{0,200}(?:<[^()<>]{0,200}>[^()<>]{0,200})*>)?\s*\(/;

/**
 * The declared return type's text of a method member (`getOrders(hdid: string): Promise<Order[]>` → `Promise<Order[]>`),
 * up to its body in a class; undefined without an annotation.
 */
function methodReturnTypeText(member: string): { name: string; returnType: string } | undefined {
  const head = METHOD_HEAD.exec(member);
  if (!head || head[1] === 'constructor') return undefined;
  let depth = 0;
  let i = head[0].length - 1;
  const limit = Math.min(member.length, i + 2000);
  for (; i < limit; i++) {
    const ch = member[i];
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) break;
  }
  if (depth !== 0) return undefined;
  const rest = /^\s*:\s*/.exec(member.slice(i + 1, i + 20));
  if (!rest) return undefined;
  const start = i + 1 + rest[0].length;
  let end = start;
  let nested = 0;
  for (const stop = Math.min(member.length, start + 400); end < stop; end++) {
    const ch = member[end];
    if (ch === '<' || ch === '(' || ch === '[') nested++;
    else if ((ch === '>' && member[end - 1] !== '=') || ch === ')' || ch === ']') nested--;
    else if (ch === '{' && nested === 0) break;
  }
  const returnType = member.slice(start, end).trim();
  return returnType ? { name: head[1], returnType } : undefined;
}

/** `onSave?: (draft: Draft, index: number) => void`, `onSave(draft: Draft): void`: a function member and its parameter list. */
const FUNCTION_FIELD = /^\s*(?:readonly\s+)?([A-Za-z_$][\w$]*)\s*\??\s*:\s*\(([^()]*)\)\s*=>/;
const METHOD_SIGNATURE = /^\s*([A-Za-z_$][\w$]*)\s*\??\s*\(([^()]*)\)\s*:/;

/** The named type of each parameter of a parameter list's text (`draft: Draft, i: number` → [Draft, undefined]). */
function parameterTypeNames(list: string): (string | undefined)[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === '<' || ch === '{' || ch === '[') depth++;
    else if (ch === '>' || ch === '}' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts.filter((part) => part.trim() !== '').map((part) => {
    const colon = part.indexOf(':');
    return colon < 0 ? undefined : unwrapTypeName(part.slice(colon + 1));
  });
}

function membersOf(body: string): { fields: DeclaredField[]; indexType?: string; methods?: Map<string, string>; callbacks?: Map<string, (string | undefined)[]> } {
  const fields: DeclaredField[] = [];
  let indexType: string | undefined;
  let methods: Map<string, string> | undefined;
  let callbacks: Map<string, (string | undefined)[]> | undefined;
  for (const member of topLevelMembers(body)) {
    const callback = FUNCTION_FIELD.exec(member) ?? METHOD_SIGNATURE.exec(member);
    if (callback) {
      const types = parameterTypeNames(callback[2]);
      if (types.some((type) => type !== undefined)) (callbacks ??= new Map()).set(callback[1], types);
    }
    const indexed = INDEX_SIGNATURE.exec(member);
    if (indexed) {
      indexType ??= unwrapTypeName(indexed[1]);
      continue;
    }
    const field = FIELD.exec(member);
    if (!field) {
      const method = methodReturnTypeText(member);
      if (method && !methods?.has(method.name)) (methods ??= new Map()).set(method.name, method.returnType);
      const initialised = INITIALISED_FIELD.exec(member);
      // `new Array<PatInfo>()`, `new MatTableDataSource<Patient>([])`: a wrapper holds what its type argument says.
      const typeName = initialised ? unwrapTypeName(initialised[2]) : undefined;
      if (initialised && typeName && !BUILT_IN_CLASSES.has(typeName)) fields.push({ name: initialised[1], typeName, isBoolean: false, isScalar: false });
      continue;
    }
    if (/^\s*\(/.test(field[2]) || holdsOnlyFunctions(member.slice(field.index + field[0].length - field[2].length))) continue;
    fields.push({ name: field[1], typeName: unwrapTypeName(field[2]), isBoolean: PRIMITIVE_BOOLEAN.test(field[2]), isScalar: PRIMITIVE_SCALAR.test(field[2]) });
  }
  return { fields, indexType, methods, callbacks };
}

/** The text of a type alias's right-hand side: up to a `;` or a line break outside brackets that no `&`/`|` continues. */
function aliasRightHandSide(text: string, start: number): string {
  let depth = 0;
  const limit = Math.min(text.length, start + 4000);
  for (let i = start; i < limit; i++) {
    const ch = text[i];
    if (ch === '{' || ch === '(' || ch === '<' || ch === '[') depth++;
    else if (ch === '}' || ch === ')' || ch === ']' || (ch === '>' && text[i - 1] !== '=')) depth--;
    else if (ch === '"' || ch === "'" || ch === '`') {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) return text.slice(start, i);
      i = end;
    }
    if (depth < 0) return text.slice(start, i);
    if (depth === 0 && ch === ';') return text.slice(start, i);
    if (depth === 0 && ch === '\n') {
      const before = text.slice(start, i).trimEnd();
      const after = text.slice(i + 1, i + 200).trimStart();
      if (before && !/[&|=,]$/.test(before) && !/^[&|]/.test(after)) return text.slice(start, i);
    }
  }
  return text.slice(start, limit);
}

const TYPE_PARAMETERS_ONLY = /^\s*(?:<[\s\S]*>)?\s*$/;

/** The names of a declaration's type parameters from its header: `<T extends Base = X, U>` → [T, U]. */
function typeParametersOf(header: string): string[] {
  const start = header.search(/\S/);
  if (start < 0 || header[start] !== '<') return [];
  const names: string[] = [];
  let depth = 0;
  let expectName = true;
  for (let i = start; i < header.length; i++) {
    const ch = header[i];
    if (ch === '<' || ch === '{' || ch === '(' || ch === '[') {
      depth++;
      continue;
    }
    if ((ch === '>' && header[i - 1] !== '=') || ch === '}' || ch === ')' || ch === ']') {
      if (--depth === 0) break;
      continue;
    }
    if (depth === 1 && ch === ',') {
      expectName = true;
      continue;
    }
    if (depth === 1 && expectName && /[A-Za-z_$]/.test(ch)) {
      const name = /^[A-Za-z_$][\w$]*/.exec(header.slice(i, i + 100))![0];
      // `<const T>`, `<in out T>`: modifiers before the name
      if (name === 'const' || name === 'in' || name === 'out') {
        i += name.length - 1;
        continue;
      }
      names.push(name);
      expectName = false;
      i += name.length - 1;
    }
  }
  return names;
}

/** A declaration's header after its type parameters: `<T extends Base> extends Repo<T>` → ` extends Repo<T>`. */
function withoutTypeParameters(header: string): string {
  const start = header.search(/\S/);
  if (start < 0 || header[start] !== '<') return header;
  let depth = 0;
  for (let i = start; i < header.length; i++) {
    if (header[i] === '<') depth++;
    else if (header[i] === '>' && header[i - 1] !== '=' && --depth === 0) return header.slice(i + 1);
  }
  return '';
}

/** `z.infer<typeof S>`, `z.output<typeof S>`, `z.input<typeof S>`, `yup.InferType<typeof S>`, `Infer<typeof S>`: the data schema `S` validates. */
const SCHEMA_INFERENCE = /\b(?:z\s*\.\s*(?:infer|output|input)|(?:yup\s*\.\s*)?InferType|Infer|InferOutput|Static)\s*<\s*typeof\s+([A-Za-z_$][\w$]*)\s*>/g;
/** `const PatientSchema = z.object({`, `= z\n  .object({`, `= BaseSchema.extend({`: a zod object schema constant and its literal. */
const ZOD_OBJECT_SCHEMA = /\b(?:const|let)\s+([A-Za-z_$][\w$]*)\s*(?::[^=;]{0,100})?=\s*(?:z\s*\.\s*(?:strict|loose)?[oO]bject|([A-Za-z_$][\w$]*)\s*\.\s*extend)\s*\(\s*\{/g;
/** A member's schema: `z.string()…` (text), `z.boolean()`, another schema constant (`AddressSchema.optional()`, `z.array(AddressSchema)`). */
const ZOD_MEMBER = /^\s*['"]?([A-Za-z_$][\w$]*)['"]?\s*:\s*(?:z\s*\.\s*(?:(string|number|date|coerce|email|enum|literal|nativeEnum)|(boolean))\b|(?:z\s*\.\s*(?:array|optional|nullable)\s*\(\s*)?([A-Za-z_$][\w$]*)\b)/;

/**
 * The shapes of zod object schemas a file declares, each under its constant's name: its keys as fields, a member
 * that is another schema constant typed by that constant (its own shape, wherever declared), text and number members
 * scalars, boolean members booleans. `type Patient = z.infer<typeof PatientSchema>` then holds those fields.
 */
function schemaShapes(file: string, text: string): DeclaredType[] {
  const types: DeclaredType[] = [];
  ZOD_OBJECT_SCHEMA.lastIndex = 0;
  for (let match = ZOD_OBJECT_SCHEMA.exec(text); match; match = ZOD_OBJECT_SCHEMA.exec(text)) {
    const open = match.index + match[0].length - 1;
    const close = findClosingBrace(text, open);
    if (close < 0) break;
    const fields: DeclaredField[] = [];
    for (const member of topLevelMembers(text.slice(open + 1, close))) {
      const found = ZOD_MEMBER.exec(member);
      if (!found) continue;
      const [, name, scalar, boolean, schema] = found;
      if (boolean) fields.push({ name, isBoolean: true });
      else if (scalar) fields.push({ name, isScalar: true });
      else if (schema && schema !== 'z') fields.push({ name, typeName: schema });
      else fields.push({ name });
    }
    if (fields.length) types.push({ name: match[1], file, fields, extends: match[2] ? [match[2]] : [], schema: true });
    ZOD_OBJECT_SCHEMA.lastIndex = open + 1;
  }
  return types;
}

const RECORD_OF_CONSTANT_KEYS = /\bRecord\s*<\s*keyof\s+typeof\s+([A-Za-z_$][\w$]*)\s*,([^<>]*)>/g;
const MAX_CONSTANT_KEYS = 200;

/** The keys of `const NAME = { lastName: 'Last_Name', 'dob': … }` in `text` (top level of the literal), if it declares one. */
function constantObjectKeys(text: string, name: string): string[] | undefined {
  const declared = new RegExp(String.raw`\b(?:const|let|var)\s+${name.replace(/\$/g, '\\$')}\s*(?::[^=;]{0,200})?=\s*\{`).exec(text);
  if (!declared) return undefined;
  const open = declared.index + declared[0].length - 1;
  const close = findClosingBrace(text, open);
  if (close < 0) return undefined;
  const keys: string[] = [];
  for (const member of topLevelMembers(text.slice(open + 1, close))) {
    const key = /^\s*['"]?([A-Za-z_$][\w$]*)['"]?\s*:/.exec(member)?.[1];
    if (key) keys.push(key);
    if (keys.length >= MAX_CONSTANT_KEYS) break;
  }
  return keys.length ? keys : undefined;
}

/** `type PatientInfo = PatientBase & { phone: string }`, `type Draft = Partial<Medication & Flags>`: named parts and literal fields. */
function composedAliases(file: string, text: string): DeclaredType[] {
  const types: DeclaredType[] = [];
  COMPOSED_ALIAS.lastIndex = 0;
  for (let match = COMPOSED_ALIAS.exec(text); match; match = COMPOSED_ALIAS.exec(text)) {
    if (!TYPE_PARAMETERS_ONLY.test(match[2])) continue;
    const rhs = aliasRightHandSide(text, match.index + match[0].length);
    // The next alias starts after this one's right-hand side: each character is scanned once.
    COMPOSED_ALIAS.lastIndex = Math.max(COMPOSED_ALIAS.lastIndex, match.index + match[0].length + rhs.length);
    // function types and conditional/mapped types describe no record
    if (/^\s*(\(|new\b|keyof\b|typeof\b)/.test(rhs) || rhs.includes('=>') || /\bextends\b/.test(rhs)) continue;
    const fields: DeclaredField[] = [];
    let indexType: string | undefined;
    let outside = '';
    for (let i = 0; i < rhs.length; i++) {
      const ch = rhs[i];
      if (ch === '{') {
        const close = findClosingBrace(rhs, i);
        if (close < 0) break;
        const body = membersOf(rhs.slice(i + 1, close));
        fields.push(...body.fields);
        indexType ??= body.indexType;
        i = close;
        outside += ' ';
      } else if (ch === '"' || ch === "'" || ch === '`') {
        const end = rhs.indexOf(ch, i + 1);
        if (end < 0) break;
        i = end;
        outside += ' ';
      } else outside += ch;
    }
    // A qualified part stays whole (`RoutePath.KitPage`, `fhir4.Patient`): whether it names a type or an enum's
    // member is decided when it is resolved, once the workspace's enums are known.
    // `Record<keyof typeof MAPPING_HEADERS, string>`: a record keyed by a constant's keys has those keys as fields.
    const keyedBy = new Set<string>();
    for (const keyed of outside.matchAll(RECORD_OF_CONSTANT_KEYS)) {
      const keys = constantObjectKeys(text, keyed[1]);
      if (!keys) continue;
      keyedBy.add(keyed[1]);
      const isScalar = /^\s*(?:string|number)\s*$/.test(keyed[2]);
      for (const key of keys) fields.push({ name: key, ...(isScalar ? { isScalar: true } : {}) });
    }
    const named = [...outside.matchAll(/(?<![\w$.])((?:[A-Za-z_$][\w$]*\.)*[A-Z][\w$]*)(?![\w$.])/g)].map((part) => part[1]).filter((part) => !TYPE_OPERATORS.has(part) && part !== match![1] && !keyedBy.has(part));
    // `z.infer<typeof patientSchema>`: the data a schema constant validates (see schemaShapes).
    for (const inferred of outside.matchAll(SCHEMA_INFERENCE)) if (!named.includes(inferred[1])) named.push(inferred[1]);
    if (fields.length === 0 && named.length === 0 && !indexType) continue;
    types.push({ name: match[1], file, fields, indexType, extends: [...new Set(named)].slice(0, 12) });
  }
  return types;
}

/** Generic names and the named type arguments they are instantiated with in this text. */
export function extractInstantiations(text: string): Array<[string, string[]]> {
  if (!/>\s*[({]/.test(text) && !/>\s*implements/.test(text)) return [];
  const out: Array<[string, string[]]> = [];
  INSTANTIATION.lastIndex = 0;
  for (let match = INSTANTIATION.exec(text); match; match = INSTANTIATION.exec(text)) {
    out.push([match[1], match[2].split(',').map((part) => part.trim())]);
  }
  return out;
}

/**
 * The header of an exported function up to its parameter list's `(`: `export async function validate(`,
 * `export const parse = async (`, `export function load<T>(`. Bounded windows, no backtracking into them.
 */
const EXPORTED_FUNCTION = /\bexport\s+(?:default\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*(?:<(?=([^>(]{0,200}))\2>)?\s*\(|\bexport\s+const\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s+)?(?:<(?=([^>(]{0,200}))\4>)?\s*\(/g;
const MAX_SIGNATURE = 4000;
/** Type operators whose result is not the named type's whole shape: `Pick<Input, 'secrets'>` keeps only the keys it names. */
const PARTIAL_SHAPE_OPERATORS = /^(Pick|Omit|Exclude|Extract|ReturnType|Parameters|keyof|typeof)\b/;

/** Index just past the `)` that closes the `(` at `open`, or -1 (strings skipped roughly; bounded). */
function afterClosingParen(text: string, open: number): number {
  let depth = 0;
  const end = Math.min(text.length, open + MAX_SIGNATURE);
  for (let i = open; i < end; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return i + 1;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      const close = text.indexOf(ch, i + 1);
      if (close < 0 || close > end) return -1;
      i = close;
    }
  }
  return -1;
}

/** The return type annotation after a parameter list (`): Promise<Visit> {`, `): Visit =>`), or undefined. */
function returnTypeText(text: string, afterParams: number): string | undefined {
  let i = afterParams;
  while (i < text.length && /\s/.test(text[i])) i++;
  if (text[i] !== ':') return undefined;
  const start = ++i;
  let depth = 0;
  const end = Math.min(text.length, start + MAX_SIGNATURE);
  for (; i < end; i++) {
    const ch = text[i];
    if (ch === '=' && text[i + 1] === '>') {
      if (depth === 0) break;
      i++;
    } else if (ch === '<' || ch === '(' || ch === '[') depth++;
    else if (ch === '>' || ch === ')' || ch === ']') depth--;
    else if (ch === '{') {
      // an object type inside the annotation, or (at depth 0 after a type) the function's body
      if (depth === 0 && text.slice(start, i).trim() && !/[&|:,]\s*$/.test(text.slice(start, i))) break;
      depth++;
    } else if (ch === '}') depth--;
    else if (ch === ';' && depth === 0) return undefined;
  }
  const annotation = text.slice(start, i).trim();
  return annotation || undefined;
}

/** The named types a return annotation promises in full: `Promise<A & B>` → A, B; `Pick<…>`, literals and primitives → nothing. */
export function returnedTypeNames(annotation: string): string[] {
  let text = annotation.trim();
  const promised = genericParts(text);
  if (promised && (promised.name === 'Promise' || promised.name === 'PromiseLike')) text = promised.args[0];
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '<' || ch === '{' || ch === '(' || ch === '[') depth++;
    else if (ch === '>' || ch === '}' || ch === ')' || ch === ']') depth--;
    if ((ch === '&' || ch === '|') && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  parts.push(current.trim());
  const names = new Set<string>();
  for (const part of parts) {
    if (!part || PARTIAL_SHAPE_OPERATORS.test(part) || part.startsWith('{')) continue;
    const name = unwrapTypeName(part);
    if (name) names.add(name);
  }
  return [...names];
}

/** Exported functions with a declared return type naming a type: `validate` → [CreateAppointmentInput]. */
export function extractReturnTypes(text: string): Array<[string, string[]]> {
  if (!text.includes('export')) return [];
  const out: Array<[string, string[]]> = [];
  EXPORTED_FUNCTION.lastIndex = 0;
  for (let match = EXPORTED_FUNCTION.exec(text); match; match = EXPORTED_FUNCTION.exec(text)) {
    const afterParams = afterClosingParen(text, match.index + match[0].length - 1);
    if (afterParams < 0) continue;
    const annotation = returnTypeText(text, afterParams);
    const names = annotation ? returnedTypeNames(annotation) : [];
    if (names.length) out.push([match[1] ?? match[3], names]);
  }
  if (text.includes('export default')) out.push(...defaultObjectReturnTypes(text));
  return out;
}

/** `export default {` (a module's functions gathered into one object) or `export default datastore;`. */
const DEFAULT_EXPORT = /\bexport\s+default\s+(?:\{|([A-Za-z_$][\w$]*)\s*;?\s*$)/gm;
/** The key of a member of the default export's return types: `default.fetchVisits`. */
export const DEFAULT_MEMBER_PREFIX = 'default.';

/**
 * `export default { fetchVisits, save: saveVisit }` (or `const service = { … }; export default service;`) over
 * functions of this module declared with a return type (`async function fetchVisits(…): Promise<Visit[]>`): each
 * member's declared return type, under `default.<key>` (what `service.fetchVisits(…)` of a default import calls).
 */
function defaultObjectReturnTypes(text: string): Array<[string, string[]]> {
  const out: Array<[string, string[]]> = [];
  DEFAULT_EXPORT.lastIndex = 0;
  for (let match = DEFAULT_EXPORT.exec(text); match; match = DEFAULT_EXPORT.exec(text)) {
    let open = match.index + match[0].length - 1;
    if (match[1]) {
      const declaration = new RegExp(`\\b(?:const|let|var)\\s+${match[1].replace(/\$/g, '\\$')}\\s*(?::[^=\\n]{1,200})?=\\s*\\{`).exec(text);
      if (!declaration) continue;
      open = declaration.index + declaration[0].length - 1;
    }
    for (const [key, local] of objectMembers(text, open)) {
      const header = new RegExp(`\\bfunction\\s*\\*?\\s*${local.replace(/\$/g, '\\$')}\\s*(?:<[^>(]{0,200}>)?\\s*\\(|\\b(?:const|let|var)\\s+${local.replace(/\$/g, '\\$')}\\s*=\\s*(?:async\\s+)?(?:<[^>(]{0,200}>)?\\s*\\(`).exec(text);
      if (!header) continue;
      const afterParams = afterClosingParen(text, header.index + header[0].length - 1);
      const annotation = afterParams < 0 ? undefined : returnTypeText(text, afterParams);
      const names = annotation ? returnedTypeNames(annotation) : [];
      if (names.length) out.push([DEFAULT_MEMBER_PREFIX + key, names]);
    }
  }
  return out;
}

/** The members of the object literal whose `{` is at `open` that name a local: `{ a, b: c }` → [a, a], [b, c]. Bounded. */
function objectMembers(text: string, open: number): Array<[string, string]> {
  const end = Math.min(text.length, open + MAX_SIGNATURE);
  let depth = 0;
  let current = '';
  const entries: string[] = [];
  for (let i = open; i < end; i++) {
    const ch = text[i];
    if (ch === '/' && text[i + 1] === '/') {
      const newline = text.indexOf('\n', i);
      i = newline < 0 ? end : newline;
      continue;
    }
    if (ch === '{' || ch === '(' || ch === '[') depth++;
    else if (ch === '}' || ch === ')' || ch === ']') {
      depth--;
      if (depth === 0) {
        entries.push(current);
        return entries.flatMap((entry): Array<[string, string]> => {
          const member = /^\s*([A-Za-z_$][\w$]*)\s*(?::\s*([A-Za-z_$][\w$]*)\s*)?$/.exec(entry);
          return member ? [[member[1], member[2] ?? member[1]]] : [];
        });
      }
    }
    if (depth === 1 && ch === ',') {
      entries.push(current);
      current = '';
    } else if (i > open) current += ch;
  }
  return [];
}

/** `export const X = 'literal'` (or a template without expressions, a number, a regex): never PHI. */
const EXPORTED_CONSTANT = /\bexport\s+const\s+([A-Za-z_$][\w$]*)\s*(?::(?=([^=;]{1,300}))\2)?=\s*(?:['"`/]|-?\d)/g;

export function extractExportedConstants(text: string): string[] {
  if (!text.includes('export const')) return [];
  const names: string[] = [];
  EXPORTED_CONSTANT.lastIndex = 0;
  for (let match = EXPORTED_CONSTANT.exec(text); match; match = EXPORTED_CONSTANT.exec(text)) names.push(match[1]);
  return names;
}

/** `const MESSAGE = {` / `export const Messages = Object.freeze({` at the start of a line: a candidate constants table. */
const TABLE_DECLARATION = /^(export\s+)?const\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]{1,200})?=\s*(?:Object\.freeze\(\s*)?\{/gm;
/** A token of an object literal whose leaves are all literals: a key, a literal, punctuation, a comment. */
const LITERAL_TABLE_TOKEN = /\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\$]|\\.|\$(?!\{))*`|-?\d[\w.]*|[{}\[\],:]|(?:true|false|null)\b|[A-Za-z_$][\w$]*(?=\s*:)|\[\s*'[^'\n]*'\s*\](?=\s*:)/y;
const MAX_TABLE_TEXT = 100_000;

/** The end of the object literal opening at `open` when all its leaves are literals (strings, numbers, booleans), else -1. */
function endOfLiteralTable(text: string, open: number): number {
  let depth = 0;
  let leaves = 0;
  LITERAL_TABLE_TOKEN.lastIndex = open;
  const limit = Math.min(text.length, open + MAX_TABLE_TEXT);
  while (LITERAL_TABLE_TOKEN.lastIndex < limit) {
    const match = LITERAL_TABLE_TOKEN.exec(text);
    if (!match) return -1;
    const token = match[0];
    if (token === '{' || token === '[') depth++;
    else if (token === '}' || token === ']') {
      if (--depth === 0) return leaves > 0 ? LITERAL_TABLE_TOKEN.lastIndex : -1;
    } else if (/^['"`\d-]/.test(token)) leaves++;
  }
  return -1;
}

/**
 * The names a module exports as constants tables: objects whose leaves are all literals (`MESSAGE.APPOINTMENT.NOT_FOUND`
 * is text the developers wrote). Exported by `export const`, `module.exports = { MESSAGE }`, `exports.MESSAGE =` or
 * `module.exports = MESSAGE` (then `default`).
 */
export function extractConstantTables(text: string): string[] {
  if (!text.includes('const ') || !text.includes('export')) return [];
  const tables = new Map<string, boolean>();
  TABLE_DECLARATION.lastIndex = 0;
  for (let match = TABLE_DECLARATION.exec(text); match; match = TABLE_DECLARATION.exec(text)) {
    const end = endOfLiteralTable(text, match.index + match[0].length - 1);
    if (end < 0) continue;
    tables.set(match[2], Boolean(match[1]));
    TABLE_DECLARATION.lastIndex = end;
  }
  if (tables.size === 0) return [];
  const exported: string[] = [];
  for (const [name, declaredExported] of tables) {
    if (declaredExported) exported.push(name);
    else if (new RegExp(`\\bexports\\.${escapeRegExp(name)}\\s*=\\s*${escapeRegExp(name)}\\b|\\bexport\\s*\\{[^}]*\\b${escapeRegExp(name)}\\b`).test(text)) exported.push(name);
    else if (new RegExp(`\\bmodule\\.exports\\s*=\\s*${escapeRegExp(name)}\\b`).test(text)) exported.push('default');
    else if (new RegExp(`\\bmodule\\.exports\\s*=\\s*\\{[^}]*\\b${escapeRegExp(name)}\\b`).test(text)) exported.push(name);
  }
  return exported;
}

/** `const ParamKeys = {`, `export enum ParamKeys {`: a table or an enum whose members may spell query keys. */
const KEY_TABLE_DECLARATION = /\b(?:const\s+([A-Za-z_$][\w$]*)\s*(?::[^=;\n]{1,100})?=\s*\{|enum\s+([A-Za-z_$][\w$]*)\s*\{)/g;
/**
 * `IPP: 'subject.identifier'`, `IPP = 'patient:identifier'`: a member whose text is a search key chained through the patient
 * reference, spelt as FHIR spells parameters (lower case and dashes: not `patient.display_id`, not a translation key).
 */
const CHAINED_KEY_MEMBER = /(?:^|[,{\s])([A-Za-z_$][\w$]*)\s*[:=]\s*['"]((?:patient|subject|beneficiary|individual)(?::Patient)?[.:][a-z][a-z-]*(?::[a-z-]+)?)['"]/g;

/**
 * The members of a module's constant tables and enums spelt as chained search keys (`ParamKeys.IPP` →
 * `subject.identifier`), by table then member: the key a query string built from `${ParamKeys.IPP}=${value}` sets.
 * Only such keys are kept (they are all the analysis needs to know of a table's values, and few modules have any).
 */
export function extractChainedKeyMembers(text: string): Map<string, Map<string, string>> {
  const tables = new Map<string, Map<string, string>>();
  if (!/['"](?:patient|subject|beneficiary|individual)[.:]/.test(text)) return tables;
  KEY_TABLE_DECLARATION.lastIndex = 0;
  for (let match = KEY_TABLE_DECLARATION.exec(text); match; match = KEY_TABLE_DECLARATION.exec(text)) {
    const open = match.index + match[0].length - 1;
    let depth = 0;
    let end = open;
    for (; end < text.length && end < open + 20000; end++) {
      if (text[end] === '{') depth++;
      else if (text[end] === '}' && --depth === 0) break;
    }
    const body = text.slice(open, end + 1);
    const members = new Map<string, string>();
    CHAINED_KEY_MEMBER.lastIndex = 0;
    for (let member = CHAINED_KEY_MEMBER.exec(body); member; member = CHAINED_KEY_MEMBER.exec(body)) members.set(member[1], member[2]);
    if (members.size) tables.set(match[1] ?? match[2], members);
  }
  return tables;
}

function escapeRegExp(text: string): string {
  return text.replace(/[$]/g, '\\$&');
}

/** A browser database a module exports: its library and the name it is opened under (when a literal). */
export interface OfflineStore {
  library: 'PouchDB' | 'Dexie' | 'localForage' | 'MMKV';
  storeName?: string;
  /** The export is a function that opens and returns the database (`export function openDb() { return PouchDB('patients'); }`). */
  factory?: boolean;
}

/** A list of the workspace's model classes a module exports, what an on-device database is opened with (see extractModelLists). */
export interface ModelList {
  /** The model class names, as the module names them (`Patient`, `InsurancePolicy`). */
  names: string[];
  /** The literal also gives a key option (`encryptionKey:`): the options are not unencrypted for certain. */
  keyed: boolean;
}

/** Names a module brings in from the workspace: relative or aliased imports (`./Patient`, `~/models/Patient`, `@/models`). */
const WORKSPACE_IMPORT = /\bimport\s+(?:type\s+)?([A-Za-z_$][\w$]*)?\s*,?\s*(?:\{([^}]*)\})?\s*from\s*['"](?:\.{1,2}\/|~\/|@\/|#\/)[^'"]*['"]/g;
const LIST_DECLARATION = /(?:^|\n)[ \t]*(export\s+(?:default\s+)?)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=;\n]{1,200})?=\s*(?:Object\.values\(\s*([A-Za-z_$][\w$]*)\s*\)|([[{]))/g;
const KEY_OPTION_TEXT = /\b(?:encryptionKey|encryption_key|key|passphrase|password|cipher|encrypted)\s*:/;

/**
 * The Redux reducers a module exports, with the declared type of the state each holds: a Redux Toolkit slice
 * (`const slice = createSlice({ initialState })` with `initialState` declared `: PatientState` or given `as
 * PatientState`, exported as `export const patientReducer = slice.reducer` or `export default slice.reducer`), or a
 * reducer function whose state parameter is typed (`export default function patients(state: PatientState = …, action)`,
 * `export const patients = (state: PatientState = …, action) => …`). What a store persists of the reducer is that state.
 */
export function extractReducerStates(text: string): Array<[string, string]> {
  const slices = /\bcreateSlice\s*\(/.test(text);
  const functions = /\(\s*state\s*:\s*[A-Z]/.test(text);
  if (!slices && !functions) return [];
  const found: Array<[string, string]> = [];
  if (slices) {
    const annotated = new Map<string, string>();
    const sliceTypes = new Map<string, string>();
    for (const match of text.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*:\s*([A-Z][\w$]*)\s*=/g)) annotated.set(match[1], match[2]);
    for (const match of text.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*createSlice\s*\(\s*\{/g)) {
      const start = (match.index ?? 0) + match[0].length;
      const body = text.slice(start, start + 4000);
      const initial = /\binitialState\s*(?::\s*([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Z][\w$]*))?\s*[,}\n]|[,}\n])/.exec(body);
      if (!initial) continue;
      const typeName = initial[2] ?? annotated.get(initial[1] ?? 'initialState');
      if (!typeName) continue;
      sliceTypes.set(match[1], typeName);
    }
    // one pass over the exports of `slice.reducer` (`export const r = slice.reducer`, `export default slice.reducer`)
    if (sliceTypes.size) {
      for (const exported of text.matchAll(/\bexport\s+(?:(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=|(default))\s*([A-Za-z_$][\w$]*)\.reducer\b/g)) {
        const typeName = sliceTypes.get(exported[3]);
        if (typeName) found.push([exported[1] ?? 'default', typeName]);
      }
    }
  }
  if (functions) {
    for (const match of text.matchAll(/\bexport\s+(?:(default)\s+)?(?:function\s*([A-Za-z_$][\w$]*)?\s*|(?:const|let)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:function\s*[A-Za-z_$]?[\w$]*\s*)?)\(\s*state\s*:\s*([A-Z][\w$]*)\s*[=,)]/g)) {
      found.push([match[1] ? 'default' : (match[2] ?? match[3]), match[4]]);
    }
  }
  return found;
}

/**
 * The lists of model classes a module exports, by export name: an array or object literal (`export const MODELS = [Patient,
 * Encounter]`, `export const schema = { schema: [Patient, …], schemaVersion: 3 }`, `export const MODELS_MAP = { Patient, … }`) or
 * `Object.values` of one, whose entries are at least two classes the module imports from the workspace or declares. What an
 * on-device database opened in another file with that list holds (TypeORM's `entities`, Realm's `schema`).
 */
export function extractModelLists(text: string): Array<[string, ModelList]> {
  if (!/\bexport\b/.test(text) || !/\bimport\b/.test(text)) return [];
  const workspaceNames = new Set<string>();
  WORKSPACE_IMPORT.lastIndex = 0;
  for (const found of text.matchAll(WORKSPACE_IMPORT)) {
    if (found[1]) workspaceNames.add(found[1]);
    for (const part of (found[2] ?? '').split(',')) {
      const specifier = /^\s*(?:type\s+)?(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
      if (specifier) workspaceNames.add(specifier[2] ?? specifier[1]);
    }
  }
  for (const found of text.matchAll(/\bclass\s+([A-Z][\w$]*)/g)) workspaceNames.add(found[1]);
  if (workspaceNames.size < 2) return [];
  const local = new Map<string, ModelList>();
  const exported = new Map<string, string>();
  LIST_DECLARATION.lastIndex = 0;
  for (let match = LIST_DECLARATION.exec(text); match; match = LIST_DECLARATION.exec(text)) {
    const [, exportKeyword, name, valuesOf, bracket] = match;
    let list: ModelList | undefined;
    if (valuesOf) list = local.get(valuesOf);
    else if (bracket) {
      const literal = bracketed(text, match.index + match[0].length - 1, 20000);
      if (!literal) continue;
      const names = [...new Set([...literal.matchAll(/(?<![\w$.'"`])([A-Z][\w$]*)\b(?!\s*:)/g)].map((found) => found[1]).filter((found) => workspaceNames.has(found)))];
      if (names.length >= 2) list = { names: names.slice(0, 300), keyed: KEY_OPTION_TEXT.test(literal) };
    }
    if (!list) continue;
    local.set(name, list);
    if (exportKeyword) exported.set(name, name);
  }
  if (local.size === 0) return [];
  for (const found of text.matchAll(/\bexport\s+default\s+([A-Za-z_$][\w$]*)\s*;?\s*(?:\n|$)/g)) if (local.has(found[1])) exported.set('default', found[1]);
  for (const found of text.matchAll(/\bexport\s*\{([^}]*)\}(?!\s*from)/g)) {
    for (const part of found[1].split(',')) {
      const specifier = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
      if (specifier && local.has(specifier[1])) exported.set(specifier[2] ?? specifier[1], specifier[1]);
    }
  }
  return [...exported].map(([exportName, localName]) => [exportName, local.get(localName)!]);
}

/** `export function openDb(…) { … return new PouchDB('x'` and `export const openDb = (…) => new PouchDB('x'`: a factory of the workspace. */
const EXPORTED_STORE_FACTORY = /\bexport\s+(?:(?:async\s+)?function\s+([A-Za-z_$][\w$]*)\s*\([^)]{0,300}\)[^{;]{0,200}\{(?:(?!\n\}|\bexport\b)[\s\S]){0,800}?\breturn\s+|(?:const|let)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?\([^)]{0,300}\)\s*(?::[^=;\n]{1,100})?=>\s*)(new\s+)?([A-Za-z_$][\w$]*)\s*\(\s*(?:(['"`])([^'"`\n]{0,200})\5)?([^;\n]{0,300})/g;

/** `export const patientStore = localforage.createInstance({ name: 'patients' })`: a localForage instance another module writes to. */
const EXPORTED_LOCALFORAGE = /\bexport\s+(?:(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=;\n]{1,200})?=|default)\s*([A-Za-z_$][\w$]*)\.createInstance\s*\(\s*\{([^}]{0,400})\}/g;

/** `export const recordsDB = PouchDB('recordsDB')`, `export const db = new Dexie('clinic')`, `export default new AppDb()`. */
const EXPORTED_STORE = /\bexport\s+(?:(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=;\n]{1,200})?=|default)\s*(new\s+)?([A-Za-z_$][\w$]*)\s*\(\s*(?:(['"`])([^'"`\n]{0,200})\4)?([^;\n]{0,300})/g;

/**
 * The PouchDB and Dexie databases a module creates and exports, by export name (`default` for the default export): the
 * callee must be the PouchDB class imported from a pouchdb package (called with or without `new`), Dexie, or a class
 * of the module extending Dexie. Remote CouchDB databases (an http(s) name) and in-memory adapters keep nothing in the
 * browser and are left out.
 */
export function extractOfflineStores(text: string): Array<[string, OfflineStore]> {
  const pouch = /['"]pouchdb(?:-browser|-core)?['"]/.test(text);
  const dexie = /['"]dexie['"]/.test(text);
  const forage = /['"]localforage['"]/.test(text);
  const mmkv = /['"]react-native-mmkv['"]/.test(text);
  if (!pouch && !dexie && !forage && !mmkv) return [];
  const pouchClasses = new Set<string>();
  const dexieClasses = new Set<string>();
  if (pouch) for (const found of text.matchAll(/\bimport\s+([A-Za-z_$][\w$]*)\s+from\s*['"]pouchdb(?:-browser|-core)?['"]|\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*require\(\s*['"]pouchdb(?:-browser|-core)?['"]\s*\)/g)) pouchClasses.add(found[1] ?? found[2]);
  if (dexie) {
    for (const found of text.matchAll(/\bimport\s+(?:([A-Za-z_$][\w$]*)|\{\s*(?:default\s+as\s+)?(Dexie)\b[^}]*\})\s+from\s*['"]dexie['"]/g)) dexieClasses.add(found[1] ?? found[2]);
    for (const found of text.matchAll(/\bclass\s+([A-Za-z_$][\w$]*)\s+extends\s+([A-Za-z_$][\w$]*)/g)) if (dexieClasses.has(found[2])) dexieClasses.add(found[1]);
  }
  const stores: Array<[string, OfflineStore]> = [];
  EXPORTED_STORE.lastIndex = 0;
  for (let match = EXPORTED_STORE.exec(text); match; match = EXPORTED_STORE.exec(text)) {
    const [, name, isNew, callee, , storeName, rest] = match;
    const library = pouchClasses.has(callee) ? 'PouchDB' : dexieClasses.has(callee) && isNew ? 'Dexie' : undefined;
    if (!library) continue;
    if (storeName !== undefined && /^\s*https?:\/\//i.test(storeName)) continue;
    const adapter = /\badapter\s*:\s*['"]([\w-]+)['"]/.exec(rest)?.[1];
    if (adapter && POUCH_MEMORY_ADAPTERS.includes(adapter)) continue;
    stores.push([name ?? 'default', storeName !== undefined && storeName !== '' ? { library, storeName } : { library }]);
  }
  EXPORTED_STORE_FACTORY.lastIndex = 0;
  for (let match = EXPORTED_STORE_FACTORY.exec(text); match; match = EXPORTED_STORE_FACTORY.exec(text)) {
    const [, functionName, arrowName, isNew, callee, , storeName, rest] = match;
    const library = pouchClasses.has(callee) ? 'PouchDB' : dexieClasses.has(callee) && isNew ? 'Dexie' : undefined;
    if (!library || (storeName !== undefined && /^\s*https?:\/\//i.test(storeName))) continue;
    const adapter = /\badapter\s*:\s*['"]([\w-]+)['"]/.exec(rest)?.[1];
    if (adapter && POUCH_MEMORY_ADAPTERS.includes(adapter)) continue;
    stores.push([functionName ?? arrowName, storeName ? { library, storeName, factory: true } : { library, factory: true }]);
  }
  if (forage) {
    const forageNames = new Set<string>();
    for (const found of text.matchAll(/\bimport\s+([A-Za-z_$][\w$]*)\s+from\s*['"]localforage['"]|\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*require\(\s*['"]localforage['"]\s*\)/g)) forageNames.add(found[1] ?? found[2]);
    EXPORTED_LOCALFORAGE.lastIndex = 0;
    for (let match = EXPORTED_LOCALFORAGE.exec(text); match; match = EXPORTED_LOCALFORAGE.exec(text)) {
      if (!forageNames.has(match[2])) continue;
      const storeName = /\b(?:name|storeName)\s*:\s*['"]([^'"\n]{1,200})['"]/.exec(match[3])?.[1];
      stores.push([match[1] ?? 'default', storeName ? { library: 'localForage', storeName } : { library: 'localForage' }]);
    }
  }
  if (mmkv) stores.push(...exportedMmkvStores(text));
  return stores;
}

/** `export const storage = new MMKV()`, `export const storage = createMMKV({ id: 'app' })`: a key-value file another module writes to. */
const EXPORTED_MMKV = /\bexport\s+(?:(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=;\n]{1,200})?=|default)\s*(?:new\s+)?([A-Za-z_$][\w$]*)\s*\(\s*(\)|\{[^}]{0,600}\}\s*\))/g;

/**
 * The react-native-mmkv instances a module creates and exports without encryption: called with no options or with an
 * inline options object that has no `encryptionKey`. Options held in a variable are not read (they may carry a key),
 * and a module that calls `recrypt(key)` on its store encrypts it.
 */
function exportedMmkvStores(text: string): Array<[string, OfflineStore]> {
  const factories = new Set<string>();
  for (const found of text.matchAll(/\bimport\s*\{([^}]{0,300})\}\s*from\s*['"]react-native-mmkv['"]/g)) {
    for (const part of found[1].split(',')) {
      const [imported, local] = part.trim().split(/\s+as\s+/);
      if (imported === 'MMKV' || imported === 'createMMKV') factories.add((local ?? imported).trim());
    }
  }
  if (factories.size === 0 || /\.recrypt\s*\(\s*[^)\s]/.test(text)) return [];
  const stores: Array<[string, OfflineStore]> = [];
  EXPORTED_MMKV.lastIndex = 0;
  for (let match = EXPORTED_MMKV.exec(text); match; match = EXPORTED_MMKV.exec(text)) {
    if (!factories.has(match[2]) || /\bencryptionKey\b|\.\.\./.test(match[3])) continue;
    stores.push([match[1] ?? 'default', { library: 'MMKV' }]);
  }
  return stores;
}

/** SQL builders and device or in-browser databases: a module importing one queries a database. */
const LOCAL_QUERY_MODULES = /\b(?:import\s[^'"`;]{0,300}?from\s*|require\s*\(\s*)['"](?:json-sql|sql-bricks|squel|react-native-sqlite-storage|react-native-sqlcipher[\w-]*|expo-sqlite(?:\/[\w-]+)?|@capacitor-community\/sqlite|cordova-sqlite-storage|@op-engineering\/op-sqlite|react-native-quick-sqlite|pouchdb(?:-[\w-]+)?|@nozbe\/watermelondb(?:\/[\w-]+)?|realm|dexie|sql\.js|better-sqlite3)['"]/;
/** An HTTP request of any common client: the module may send what it is given over the network. */
const HTTP_REQUEST = /\bfetch\s*\(|\baxios\b|XMLHttpRequest|\bHttpClient\b|\bsuperagent\b|['"](?:ky|got|node-fetch|cross-fetch|request|request-promise)['"]|\$http\b|\$\.ajax\b|\buseQuery\b|\bapi\.(?:get|post)\b/;

/**
 * A module that builds SQL or opens a device or in-browser database (`json-sql`, SQLite, PouchDB, WatermelonDB) and makes
 * no HTTP request: the options its functions are given (a search text, a filter) become a local query, never a URL.
 */
export function queriesLocalDatabaseOnly(text: string): boolean {
  return LOCAL_QUERY_MODULES.test(text) && !HTTP_REQUEST.test(text);
}

// Bounded gaps keep the scan linear on text full of `export` with no `from` (unfinished declarations).
const RELATIVE_IMPORT = /(?:^|[\s;])(?:import\s[^'"`;]{0,500}?from\s*|export\s[^'"`;=]{0,500}?from\s*|import\s*\(?\s*|require\s*\(\s*)['"](\.{1,2}\/[^'"\n]{0,300})['"]/g;

/** The module keys a file imports by relative path (`./fixtures` from `src/a.ts` → `src/fixtures`). */
export function extractRelativeImports(file: string, text: string): string[] {
  const dir = path.posix.dirname(file.split(path.sep).join('/'));
  const keys = new Set<string>();
  RELATIVE_IMPORT.lastIndex = 0;
  for (let match = RELATIVE_IMPORT.exec(text); match; match = RELATIVE_IMPORT.exec(text)) keys.add(moduleKeyOf(path.posix.normalize(path.posix.join(dir, match[1]))));
  return [...keys];
}

/** `const PatientForm: FC<PatientFormProps> =`, `React.FunctionComponent<Props>`. */
const TYPED_COMPONENT = /\b(?:const|let)\s+([A-Z][\w$]*)\s*:\s*(?:React\.)?(?:FC|FunctionComponent|VFC|VoidFunctionComponent)\s*<\s*([A-Z][\w$]*)\s*>/g;
/** `function PatientForm({ onSave }: PatientFormProps)`, `const PatientForm = (props: PatientFormProps) =>`. */
const PROPS_PARAMETER_COMPONENT = /\b(?:function\s+([A-Z][\w$]*)\s*(?:<[^>(]{0,200}>)?\s*\(|(?:const|let)\s+([A-Z][\w$]*)\s*=\s*(?:(?:React\.)?(?:memo|forwardRef)\s*\(\s*)?(?:function\s*[\w$]*\s*)?\()\s*(?:\{[^{}()]{0,2000}\}|[A-Za-z_$][\w$]*)\s*:\s*([A-Z][\w$]*)\s*[,)]/g;
const DEFAULT_EXPORTED_NAME = /\bexport\s+default\s+(?:(?:async\s+)?function\s+)?([A-Z][\w$]*)/g;

/**
 * React function components a module declares and the props type each is declared with, by name (and under `default`
 * for the default export): what a caller's `<PatientForm onSave={(draft) => …}>` hands its callbacks.
 */
export function extractComponentProps(text: string): Array<[string, string]> {
  if (!/[A-Z][\w$]*\s*(?::|=|\()/.test(text)) return [];
  const out: Array<[string, string]> = [];
  TYPED_COMPONENT.lastIndex = 0;
  for (let match = TYPED_COMPONENT.exec(text); match; match = TYPED_COMPONENT.exec(text)) out.push([match[1], match[2]]);
  PROPS_PARAMETER_COMPONENT.lastIndex = 0;
  for (let match = PROPS_PARAMETER_COMPONENT.exec(text); match; match = PROPS_PARAMETER_COMPONENT.exec(text)) out.push([match[1] ?? match[2], match[3]]);
  if (out.length === 0) return out;
  DEFAULT_EXPORTED_NAME.lastIndex = 0;
  for (let match = DEFAULT_EXPORTED_NAME.exec(text); match; match = DEFAULT_EXPORTED_NAME.exec(text)) {
    const props = out.find(([name]) => name === match![1])?.[1];
    if (props) out.push(['default', props]);
  }
  return out;
}

/**
 * AngularJS services that hand their callers a web-storage object (see storageHandleService): the name a service is
 * registered under with `.service('AppCache', AppCache)` / `.factory(…)`, when the registered function's text returns
 * ngStorage's `$localStorage`/`$sessionStorage`, or a namespace of one (`storage[name]`) through a variable it assigned
 * from them. What the callers assign on the object returned is written to storage (ngStorage syncs it).
 */
const ANGULAR_REGISTRATION = /\.(?:service|factory)\s*\(\s*['"]([A-Za-z_$][\w$]*)['"]\s*,\s*([A-Za-z_$][\w$]*)\s*\)/g;
export function extractStorageHandleServices(text: string): Array<[string, string]> {
  if (!/\$(?:local|session)Storage\b/.test(text) || !/\.(?:service|factory)\s*\(/.test(text)) return [];
  const found: Array<[string, string]> = [];
  ANGULAR_REGISTRATION.lastIndex = 0;
  for (let match = ANGULAR_REGISTRATION.exec(text); match; match = ANGULAR_REGISTRATION.exec(text)) {
    const [, serviceName, functionName] = match;
    const start = text.search(new RegExp(String.raw`\bfunction\s+${escapeRegExp(functionName)}\s*\(`));
    if (start < 0) continue;
    // The function's text: up to the first closing brace at the start of a line (the declaration's own, top level).
    const end = text.indexOf('\n}', start);
    const body = text.slice(start, end < 0 ? undefined : end);
    // The storage objects: the injected services themselves and the variables the function assigns from them.
    const holders = new Set(['$localStorage', '$sessionStorage']);
    for (const assigned of body.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*([^;\n]{1,200})/g)) {
      if (/\$(?:local|session)Storage\b/.test(assigned[2]) && !/\$(?:local|session)Storage\s*\.\s*\w/.test(assigned[2])) holders.add(assigned[1]);
    }
    // `return storage;`, `return storage[name];`: the object or a namespace of it, not a value read from it (`return storage.user`).
    const returned = [...body.matchAll(/\breturn\s+([A-Za-z_$][\w$]*)\s*(\[\s*[A-Za-z_$][\w$]*\s*\])?\s*;/g)].some((ret) => holders.has(ret[1]));
    if (!returned) continue;
    const storage = /\$localStorage\b/.test(body) ? (/\$sessionStorage\b/.test(body) ? 'localStorage or sessionStorage (ngStorage)' : 'localStorage (ngStorage)') : 'sessionStorage (ngStorage)';
    found.push([serviceName, storage]);
  }
  return found;
}

/**
 * Upload helpers mounted on routes (see uploadHelperMounts): `app.post('/patients/:uuid/documents',
 * upload.middleware('docs', 'documents'), …)` with `upload` required or imported from a module of the workspace by a
 * relative path. Per mount: the helper's module key, the export called, and the route's path segments and the call's
 * literal arguments (what the route says the uploaded files are).
 */
const ROUTE_WITH_HELPER = /\.(?:post|put|patch|all)\s*\(\s*['"`]([^'"`\n]{1,200})['"`]\s*,\s*([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)\s*\(([^()]{0,200})\)/g;
export function extractUploadHelperMounts(file: string, text: string): Array<{ module: string; exported: string; names: string[] }> {
  if (!/\.(?:post|put|patch|all)\s*\(/.test(text)) return [];
  const modules = new Map<string, string>();
  for (const found of text.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*require\(\s*['"](\.{1,2}\/[^'"\n]+)['"]\s*\)|\bimport\s+(?:\*\s+as\s+)?([A-Za-z_$][\w$]*)\s+from\s*['"](\.{1,2}\/[^'"\n]+)['"]/g)) {
    modules.set(found[1] ?? found[3], found[2] ?? found[4]);
  }
  if (modules.size === 0) return [];
  const mounts: Array<{ module: string; exported: string; names: string[] }> = [];
  ROUTE_WITH_HELPER.lastIndex = 0;
  for (let match = ROUTE_WITH_HELPER.exec(text); match; match = ROUTE_WITH_HELPER.exec(text)) {
    const [, routePath, object, exported, args] = match;
    const specifier = modules.get(object);
    if (!specifier) continue;
    const names = routePath.split('/').filter((segment) => segment && !segment.startsWith(':'));
    for (const literal of args.matchAll(/['"]([\w-]{1,100})['"]/g)) names.push(literal[1]);
    mounts.push({ module: moduleKeyFrom(file, specifier), exported, names });
  }
  return mounts;
}

/** The type text inside content wrappers (`Promise<…>`, `Observable<…>`, up to four), arrays dropped: what a call resolves with. */
function insideContentWrappers(typeText: string): string {
  let text = typeText.trim().replace(/\[\]$/g, '');
  for (let unwrap = 0; unwrap < 4; unwrap++) {
    const generic = genericParts(text);
    if (!generic || !contentWrappers.has(generic.name)) break;
    text = generic.args[0].trim().replace(/\[\]$/g, '');
  }
  return text;
}

export class WorkspaceIndex {
  /** Module key → component name (and `default`) → the props type it is declared with (see extractComponentProps). */
  private readonly componentPropsByModule = new Map<string, Map<string, string>>();
  private componentPropsByName: Map<string, Array<[string, string]>> | undefined;
  /** File → the module keys it imports by relative path; and the reverse, built on demand. */
  private readonly importsByFile = new Map<string, string[]>();
  private importersByModule: Map<string, string[]> | undefined;
  private readonly declaredByFile = new Map<string, DeclaredType[]>();
  private readonly constantsByFile = new Map<string, string[]>();
  private readonly constantCounts = new Map<string, number>();
  private readonly enumsByFile = new Map<string, string[]>();
  /** Module key → the browser databases it exports, by export name (see extractOfflineStores). */
  private readonly offlineStoresByModule = new Map<string, Map<string, OfflineStore>>();
  /** Module key → the Redux reducers it exports, by export name, with the declared type of their state (see extractReducerStates). */
  private readonly reducerStatesByModule = new Map<string, Map<string, string>>();
  /** Module key → the lists of model classes it exports, by export name (see extractModelLists). */
  private readonly modelListsByModule = new Map<string, Map<string, ModelList>>();
  /** Module keys of modules that build SQL or open a device database and make no HTTP request (see queriesLocalDatabaseOnly). */
  private readonly localQueryModules = new Set<string>();
  /** File → the AngularJS services it registers that return a web-storage object, with that storage (see extractStorageHandleServices). */
  private readonly storageHandleServicesByFile = new Map<string, Array<[string, string]>>();
  private storageHandleServicesByName: Map<string, string> | undefined;
  /** File → the upload helpers of other modules its routes mount (see extractUploadHelperMounts); by helper module, built on demand. */
  private readonly uploadHelperMountsByFile = new Map<string, Array<{ module: string; exported: string; names: string[] }>>();
  private uploadHelperMountsByModule: Map<string, Array<{ exported: string; names: string[] }>> | undefined;
  /** Module key → the loggers it exports, with their debug namespace or level (see extractModuleLoggers). */
  private readonly loggersByModule = new Map<string, Map<string, LoggerDefinition>>();
  /** File → the imported loggers it changes the level of, as `moduleKey#export` (or `specifier#export` for a package). */
  private readonly relevelledByFile = new Map<string, string[]>();
  /** Files that turn debug namespaces on in code (`debug.enable(…)`), see extractModuleLoggers. */
  private readonly debugEnablingFiles = new Set<string>();
  /** Module key → the modules it re-exports (`export * from './log'`, `export { log } from './log'`), by module key. */
  private readonly reexportsByModule = new Map<string, Array<{ key: string; names?: Map<string, string> }>>();
  /** Module key → the names it exports as constants tables (see extractConstantTables). */
  private readonly constantTablesByModule = new Map<string, Set<string>>();
  /** Module key → its tables' members spelt as chained search keys (see extractChainedKeyMembers). */
  private readonly chainedKeyMembersByModule = new Map<string, Map<string, Map<string, string>>>();
  private readonly enumCounts = new Map<string, number>();
  private readonly declaredByName = new Map<string, DeclaredType[]>();
  /** File → the persistence schemas it declares, by variable name; and the models it declares, model → schema name (see extractPersistenceModels). */
  private readonly schemasByFile = new Map<string, Array<[string, PersistenceSchema]>>();
  private readonly modelsByFile = new Map<string, Array<[string, string]>>();
  private persistenceByName: { schemas: Map<string, Array<[string, PersistenceSchema]>>; models: Map<string, Array<[string, string]>>; kinds: Map<string, readonly string[]> } | undefined;
  /** Module key (workspace-relative path without extension or `/index`) → export name → the types it is declared to return. */
  private readonly returnTypesByModule = new Map<string, Map<string, string[]>>();
  private returnTypesByExport: Map<string, Array<[string, string[]]>> | undefined;
  /** `Repository` → [[Patient], [Lab]]: the named type arguments each generic is instantiated with, per file. */
  private readonly instantiationsByFile = new Map<string, Array<[string, string[]]>>();
  private instantiationsByName: Map<string, string[][]> | undefined;
  /** File → its service methods handing a parameter to a client's GET as the query (see extractQueryForwardingMethods). */
  private readonly queryForwardingByFile = new Map<string, QueryForwardingMethod[]>();
  private queryForwardingByName: Map<string, QueryForwardingMethod[]> | undefined;
  /** File → the classes it declares with the class each extends (`class PatientService extends Service`). */
  private readonly classParentsByFile = new Map<string, Array<[string, string]>>();
  private classParentsByName: Map<string, string[]> | undefined;
  /** File → the HTTP client classes it declares (see extractHttpClientClasses); how many files declare each name. */
  private readonly httpClientClassesByFile = new Map<string, string[]>();
  private readonly httpClientClassCounts = new Map<string, number>();
  /** Module key → its request helpers that hand the response to a callback (see extractRequestWrappers). */
  private readonly requestWrappersByModule = new Map<string, Map<string, RequestWrapper>>();
  /** File → its exported hooks and what they do to the page URL's query (see extractUrlQueryHookCandidates). */
  private readonly urlQueryHookCandidatesByFile = new Map<string, UrlQueryHookCandidate[]>();
  private urlQueryHooks: Set<string> | undefined;
  /** Files whose code writes patient search terms into the page URL (see writesPatientSearchIntoPageUrl). */
  private readonly patientSearchPageUrlWriters = new Set<string>();
  private firstPatientSearchPageUrlWriter: string | undefined | null = null;
  /** Module key → its exported functions and the query keys they read from their first parameter (see extractQueryKeyReaders). */
  private readonly queryKeyReadersByModule = new Map<string, Map<string, string[]>>();
  private readonly requestQueryKeyReadersByModule = new Map<string, Map<string, string[]>>();
  /** Files → the query parameters their handlers read from the request they serve (see extractServedQueryParameters). */
  private readonly servedQueryByFile = new Map<string, string[]>();
  private servedQueryByFolder = new Map<string, string[]>();
  /** Resolved shapes per classifier; dropped whenever the declarations change. */
  private resolvedCache = new WeakMap<NameClassifier, Map<string, ResolvedType | null>>();

  /**
   * What the documents of a persistence model hold, by what its schema declares: `Agenda`, declared
   * `model('agenda', AgendaSchema)`, whose schema nests `bloques: [bloqueSchema]` → `turnos: [turnoSchema]` →
   * `paciente: PacienteSubSchema`, holds patients' records. Its fields (and its sub-schemas', a few levels down) are
   * classified; the model holds patient data only when one of them that holds a structure or a reference (not a
   * single text) names the patient's record (`patient`, `paciente`, `beneficiary`): a catalogue (drugs, services), a staff directory or a configuration names no patient
   * even when it has fields named like clinical data. The kinds are the record kinds of all its fields (the patient's
   * record, its clinical data). Empty for a name that is no model, or a name two modules declare differently.
   */
  modelRecordKinds(name: string, classifier: NameClassifier): readonly string[] {
    if (this.schemasByFile.size === 0 || this.modelsByFile.size === 0) return [];
    if (!this.persistenceByName) {
      const schemas = new Map<string, Array<[string, PersistenceSchema]>>();
      const models = new Map<string, Array<[string, string]>>();
      for (const [file, list] of this.schemasByFile) for (const [schema, declared] of list) schemas.set(schema, [...(schemas.get(schema) ?? []), [file, declared]]);
      for (const [file, list] of this.modelsByFile) for (const [model, schema] of list) models.set(model, [...(models.get(model) ?? []), [file, schema]]);
      this.persistenceByName = { schemas, models, kinds: new Map() };
    }
    const known = this.persistenceByName;
    const cached = known.kinds.get(name);
    if (cached) return cached;
    const declaredModels = known.models.get(name) ?? [];
    // A schema named in a file: the one that file declares, else the one it imports, else the only one the workspace has.
    const schemaFor = (schemaName: string, from: string): [string, PersistenceSchema] | undefined => {
      const candidates = known.schemas.get(schemaName) ?? [];
      if (candidates.length <= 1) return candidates[0];
      const local = candidates.filter(([file]) => file === from);
      if (local.length === 1) return local[0];
      const imported = new Set(this.importsByFile.get(from) ?? []);
      const chosen = candidates.filter(([file]) => imported.has(moduleKeyOf(file)));
      return chosen.length === 1 ? chosen[0] : undefined;
    };
    let kinds: readonly string[] = [];
    if (new Set(declaredModels.map(([, schema]) => schema)).size === 1) {
      const found = new Set<string>();
      let namesAPatient = false;
      const seen = new Set<string>();
      const visit = (schemaName: string, from: string, depth: number): void => {
        if (depth > MAX_SCHEMA_DEPTH) return;
        const resolved = schemaFor(schemaName, from);
        if (!resolved) return;
        const [file, schema] = resolved;
        if (seen.has(`${file}#${schemaName}`)) return;
        seen.add(`${file}#${schemaName}`);
        const declared = [schema];
        for (const field of declared[0].fields) {
          const verdict = classifier.classify(field);
          if (verdict.trap) continue;
          for (const kind of verdict.kinds) if (isSchemaRecordKind(kind)) found.add(kind);
          // `paciente: PacienteSubSchema`, `patient: { type: ObjectId, ref: 'Patient' }`: a structure or a reference links
          // the document to a patient; `contactPerson: String` is one detail of whatever the document is about.
          if (verdict.kinds.includes('patient-record') && !declared[0].textFields.includes(field)) namesAPatient = true;
        }
        for (const reference of declared[0].references) if (known.schemas.has(reference)) visit(reference, file, depth + 1);
      };
      const [modelFile, schemaName] = declaredModels[0];
      visit(schemaName, modelFile, 0);
      if (namesAPatient) kinds = [...found].sort();
    }
    known.kinds.set(name, kinds);
    return kinds;
  }

  addFile(file: string, given: string): void {
    this.removeFile(file);
    // A single-file component (`.vue`, `.svelte`) is indexed by its script blocks.
    const text = componentCode(file, given);
    const imports = extractRelativeImports(file, text);
    if (imports.length) {
      this.importsByFile.set(file, imports);
      this.importersByModule = undefined;
    }
    const persistence = extractPersistenceModels(text);
    if (persistence.schemas.length) this.schemasByFile.set(file, persistence.schemas);
    if (persistence.models.length) this.modelsByFile.set(file, persistence.models);
    if (persistence.schemas.length || persistence.models.length) this.persistenceByName = undefined;
    const constants = extractExportedConstants(text);
    if (constants.length) {
      this.constantsByFile.set(file, constants);
      countNames(this.constantCounts, constants, 1);
    }
    const stores = extractOfflineStores(text);
    if (stores.length) this.offlineStoresByModule.set(moduleKeyOf(file), new Map(stores));
    if (queriesLocalDatabaseOnly(text)) this.localQueryModules.add(moduleKeyOf(file));
    const modelLists = extractModelLists(text);
    if (modelLists.length) this.modelListsByModule.set(moduleKeyOf(file), new Map(modelLists));
    const reducerStates = extractReducerStates(text);
    if (reducerStates.length) this.reducerStatesByModule.set(moduleKeyOf(file), new Map(reducerStates));
    const handles = extractStorageHandleServices(text);
    if (handles.length) {
      this.storageHandleServicesByFile.set(file, handles);
      this.storageHandleServicesByName = undefined;
    }
    const mounts = extractUploadHelperMounts(file, text);
    if (mounts.length) {
      this.uploadHelperMountsByFile.set(file, mounts);
      this.uploadHelperMountsByModule = undefined;
    }
    const loggers = extractModuleLoggers(text);
    if (loggers.exports.size) this.loggersByModule.set(moduleKeyOf(file), loggers.exports);
    if (loggers.enablesDebug) this.debugEnablingFiles.add(file);
    const relevelled = (loggers.relevelledImports ?? []).map((source) => `${/^\.{1,2}\//.test(source.specifier) ? moduleKeyFrom(file, source.specifier) : source.specifier}#${source.imported}`);
    if (relevelled.length) this.relevelledByFile.set(file, relevelled);
    const reexports = text.includes('export') ? extractRelativeReexports(file, text) : [];
    if (reexports.length) this.reexportsByModule.set(moduleKeyOf(file), reexports);
    const tables = extractConstantTables(text);
    if (tables.length) this.constantTablesByModule.set(moduleKeyOf(file), new Set(tables));
    const keyMembers = extractChainedKeyMembers(text);
    if (keyMembers.size) this.chainedKeyMembersByModule.set(moduleKeyOf(file), keyMembers);
    else this.chainedKeyMembersByModule.delete(moduleKeyOf(file));
    const enums = text.includes('enum ') ? [...text.matchAll(ENUM_DECLARATION)].map((found) => found[1]) : [];
    if (enums.length) {
      this.enumsByFile.set(file, enums);
      countNames(this.enumCounts, enums, 1);
    }
    const returnTypes = extractReturnTypes(text);
    if (returnTypes.length) {
      this.returnTypesByModule.set(moduleKeyOf(file), new Map(returnTypes));
      this.returnTypesByExport = undefined;
    }
    const components = /\.[jt]sx$/.test(file) ? extractComponentProps(text) : [];
    if (components.length) {
      this.componentPropsByModule.set(moduleKeyOf(file), new Map(components));
      this.componentPropsByName = undefined;
    }
    const instantiations = extractInstantiations(text);
    if (instantiations.length) {
      this.instantiationsByFile.set(file, instantiations);
      this.instantiationsByName = undefined;
    }
    const forwarding = extractQueryForwardingMethods(text);
    if (forwarding.length) {
      this.queryForwardingByFile.set(file, forwarding);
      this.queryForwardingByName = undefined;
    }
    const parents = text.includes('extends') && text.includes('class ') ? classHeadersOf(text).flatMap((header): Array<[string, string]> => header.parent ? [[header.name, header.parent]] : []) : [];
    if (parents.length) {
      this.classParentsByFile.set(file, parents);
      this.classParentsByName = undefined;
    }
    const clients = extractHttpClientClasses(text);
    if (clients.length) {
      this.httpClientClassesByFile.set(file, clients);
      countNames(this.httpClientClassCounts, clients, 1);
    }
    const wrappers = extractRequestWrappers(text);
    if (wrappers.length) this.requestWrappersByModule.set(moduleKeyOf(file), new Map(wrappers));
    const keyReaders = /\bnew\s|\.[A-Za-z_]|\{/.test(text) ? extractQueryKeyReaders(text) : [];
    if (keyReaders.length) this.queryKeyReadersByModule.set(moduleKeyOf(file), new Map(keyReaders));
    const requestReaders = extractRequestQueryKeyReaders(text);
    if (requestReaders.length) this.requestQueryKeyReadersByModule.set(moduleKeyOf(file), new Map(requestReaders));
    const served = extractServedQueryParameters(text);
    if (served.length) {
      this.servedQueryByFile.set(file, served);
      this.servedQueryByFolder = new Map();
    }
    const hooks = extractUrlQueryHookCandidates(text);
    if (hooks.length) {
      this.urlQueryHookCandidatesByFile.set(file, hooks);
      this.urlQueryHooks = undefined;
    }
    if (writesPatientSearchIntoPageUrl(file, text)) {
      this.patientSearchPageUrlWriters.add(file);
      this.firstPatientSearchPageUrlWriter = null;
    }
    const types = extractDeclaredTypes(file, text);
    if (types.length === 0) return;
    this.declaredByFile.set(file, types);
    for (const type of types) {
      const list = this.declaredByName.get(type.name) ?? [];
      // A name's first declaration is what it means outside the files declaring it: one another file can import,
      // before any a module keeps to itself (see DeclaredType.local).
      const firstLocal = type.local ? -1 : list.findIndex((candidate) => candidate.local);
      if (firstLocal < 0) list.push(type);
      else list.splice(firstLocal, 0, type);
      this.declaredByName.set(type.name, list);
    }
    this.resolvedCache = new WeakMap();
  }

  /**
   * A request helper of this file (no specifier) or of a relatively imported module: which parameter is the URL and
   * which callbacks receive the response (see extractRequestWrappers).
   */
  requestWrapperOf(fromFile: string, specifier: string | undefined, exportName: string): RequestWrapper | undefined {
    if (specifier !== undefined && !specifier.startsWith('.')) return undefined;
    const key = specifier === undefined ? moduleKeyOf(fromFile) : moduleKeyFrom(fromFile, specifier);
    return this.requestWrappersByModule.get(key)?.get(exportName);
  }

  /**
   * The query keys an export of a relatively imported module reads from its first parameter (see
   * extractQueryKeyReaders): what a handler handing its whole query to it puts in the URL.
   */
  queryKeysReadBy(fromFile: string, specifier: string, exportName: string): readonly string[] {
    if (!/^\.{1,2}\//.test(specifier)) return [];
    return this.queryKeyReadersByModule.get(moduleKeyFrom(fromFile, specifier))?.get(exportName) ?? [];
  }

  /**
   * The query keys an export of a relatively imported module reads from the query of the request it takes first (see
   * extractRequestQueryKeyReaders): what a handler handing its whole request to it puts in the URL.
   */
  requestQueryKeysReadBy(fromFile: string, specifier: string, exportName: string): readonly string[] {
    if (!/^\.{1,2}\//.test(specifier)) return [];
    return this.requestQueryKeyReadersByModule.get(moduleKeyFrom(fromFile, specifier))?.get(exportName) ?? [];
  }

  /** Whether the workspace declares a class of this name that is an HTTP client of its own (see extractHttpClientClasses). */
  isHttpClientClass(name: string): boolean {
    return (this.httpClientClassCounts.get(name) ?? 0) > 0;
  }

  /**
   * `PacienteService#get` hands its parameter to a client's GET as the query: which parameter, and the URL's known text.
   * Only when the receiver is an HTTP client: a field typed as Angular's HttpClient or as a workspace client class, or
   * named for one (`http`, `httpClient`, `api`). Undefined when files declaring the class disagree.
   */
  queryForwardingOf(className: string, method: string): { parameter: number; urlText: string; config?: boolean; urlParameter?: number } | undefined {
    if (!this.queryForwardingByName) {
      const byName = new Map<string, QueryForwardingMethod[]>();
      for (const list of this.queryForwardingByFile.values()) for (const entry of list) byName.set(`${entry.className}#${entry.method}`, [...(byName.get(`${entry.className}#${entry.method}`) ?? []), entry]);
      this.queryForwardingByName = byName;
    }
    let entries = this.queryForwardingByName.get(`${className}#${method}`);
    // a method the class inherits (`class PatientService extends Service`: `PatientService.getJson`), a few levels up
    for (let owner = className, depth = 0; !entries && className && depth < 4; depth++) {
      const parent = this.parentClassOf(owner);
      if (!parent) break;
      entries = this.queryForwardingByName.get(`${parent}#${method}`);
      owner = parent;
    }
    if (entries?.length !== 1) return undefined;
    const [entry] = entries;
    if (entry.urlParameter !== undefined) return { parameter: entry.parameter, urlText: '', urlParameter: entry.urlParameter };
    const client = entry.fieldType ? ['HttpClient', 'Http'].includes(entry.fieldType) || this.isHttpClientClass(entry.fieldType) : /^(?:http|httpClient|client|api|apiClient|axios|rest|\$http)$/i.test(entry.field);
    return client ? { parameter: entry.parameter, urlText: entry.urlText, ...(entry.config ? { config: true } : {}) } : undefined;
  }

  /** The class `name` extends (the last segment of `ns.Base`), when every workspace declaration of `name` agrees. */
  private parentClassOf(name: string): string | undefined {
    if (!this.classParentsByName) {
      const byName = new Map<string, string[]>();
      for (const list of this.classParentsByFile.values()) for (const [child, parent] of list) byName.set(child, [...(byName.get(child) ?? []), parent.slice(parent.lastIndexOf('.') + 1)]);
      this.classParentsByName = byName;
    }
    const parents = this.classParentsByName.get(name);
    return parents && parents.every((parent) => parent === parents[0]) && parents[0] !== name ? parents[0] : undefined;
  }

  /**
   * A constructor-style member (className '') named `method` that hands its parameter `parameter` to a client's GET as
   * the query, when the receiver's class is unknown. Found by name, so only a name that says what it does (two words or
   * more: `get_contact`, `findPatients`, never `get` or `search`) declared once in the workspace (or in identical copies),
   * on a field named as an HTTP client (`json_api`, `httpClient`).
   */
  queryForwardingOfMember(method: string): { parameter: number; urlText: string; config?: boolean } | undefined {
    if (splitWords(method).length < 2) return undefined;
    this.queryForwardingOf('', '');
    const entries = this.queryForwardingByName!.get(`#${method}`);
    if (!entries?.length) return undefined;
    // Copies of one declaration (a source file and the bundle built from it, committed beside it) are one member;
    // two different members of that name leave the caller's object unknown.
    const [entry] = entries;
    if (entries.some((other) => other.parameter !== entry.parameter || other.field !== entry.field || other.urlText !== entry.urlText)) return undefined;
    const client = entry.field === '$http' || splitWords(entry.field).some((word) => ['http', 'https', 'api', 'client', 'axios', 'rest'].includes(word));
    return client ? { parameter: entry.parameter, urlText: entry.urlText, ...(entry.config ? { config: true } : {}) } : undefined;
  }

  /** Whether some workspace file exports `name` as a literal constant (an import of it is not PHI). */
  isExportedConstant(name: string): boolean {
    return (this.constantCounts.get(name) ?? 0) > 0;
  }

  /**
   * The chained search key `table.member` spells (`ParamKeys.IPP` → `subject.identifier`): a table declared in `file`
   * itself (no specifier) or imported from `specifier` — relative, or from the source root (`types/keys` under a
   * `baseUrl`), matched by the module's path ending when only one module ends so.
   */
  chainedKeyMember(file: string, specifier: string | undefined, table: string, member: string): string | undefined {
    if (this.chainedKeyMembersByModule.size === 0) return undefined;
    if (specifier === undefined) return this.chainedKeyMembersByModule.get(moduleKeyOf(file))?.get(table)?.get(member);
    if (/^\.{1,2}\//.test(specifier)) return this.chainedKeyMembersByModule.get(moduleKeyFrom(file, specifier))?.get(table)?.get(member);
    if (specifier.startsWith('@') && !specifier.startsWith('@/')) return undefined;
    const ending = `/${specifier.replace(/^@\//, '')}`;
    const modules = [...this.chainedKeyMembersByModule.keys()].filter((key) => key.endsWith(ending));
    return modules.length === 1 ? this.chainedKeyMembersByModule.get(modules[0])?.get(table)?.get(member) : undefined;
  }

  /** Whether `importer` imports `imported` from `specifier` (a relative path) as a constants table of literals. */
  isConstantTableImport(importer: string, specifier: string, imported: string): boolean {
    if (!/^\.{1,2}\//.test(specifier) || this.constantTablesByModule.size === 0) return false;
    return this.constantTablesByModule.get(moduleKeyFrom(importer, specifier))?.has(imported) ?? false;
  }

  /** The browser database (PouchDB, Dexie) `importer` imports as `imported` from `specifier` (a relative path), if another module creates and exports it. */
  offlineStoreImport(importer: string, specifier: string, imported: string): OfflineStore | undefined {
    if (!/^\.{1,2}\//.test(specifier) || this.offlineStoresByModule.size === 0) return undefined;
    return this.offlineStoresByModule.get(moduleKeyFrom(importer, specifier))?.get(imported);
  }

  /**
   * The list of model classes `importer` imports as `imported` from `specifier`: a relative path, or an alias of the
   * workspace's own paths (`~/models/modelsMap`, `@/db/schema`), taken when exactly one indexed module's path ends with
   * the part after the alias.
   */
  modelListImport(importer: string, specifier: string, imported: string): ModelList | undefined {
    return entryOfImportedModule(this.modelListsByModule, importer, specifier, imported, /^(?:~|@|#)\/(.+)$/);
  }

  /**
   * The declared state type of the Redux reducer `importer` imports as `imported` from `specifier` (see
   * extractReducerStates): a relative path, or a workspace alias (`@/store/patients`, `@app/entities/user/slice`,
   * `~/state/x`), taken when exactly one module exporting reducers has a path ending with the part after the alias.
   */
  reducerStateImport(importer: string, specifier: string, imported: string): string | undefined {
    return entryOfImportedModule(this.reducerStatesByModule, importer, specifier, imported, /^(?:~|#|@[\w-]*)\/(.+)$/);
  }

  /** Whether `importer` imports from `specifier` (a relative path) a module that queries a local database and makes no HTTP request. */
  isLocalQueryModuleImport(importer: string, specifier: string): boolean {
    if (!/^\.{1,2}\//.test(specifier) || this.localQueryModules.size === 0) return false;
    return this.localQueryModules.has(moduleKeyFrom(importer, specifier));
  }

  /** The logger `importer` imports as `imported` from `specifier` (a relative path), if that module creates and exports one (see extractModuleLoggers). */
  loggerExport(importer: string, specifier: string, imported: string): LoggerDefinition | undefined {
    if (this.loggersByModule.size === 0) return undefined;
    const relative = /^\.{1,2}\//.test(specifier);
    const key = relative ? moduleKeyFrom(importer, specifier) : this.workspacePackageModule(specifier);
    if (key === undefined) return undefined;
    // another module changes this logger's level at run time: the level read where it is created does not hold
    for (const relevelled of this.relevelledByFile.values()) {
      if (relevelled.includes(`${key}#${imported}`) || (!relative && relevelled.includes(`${specifier}#${imported}`))) return undefined;
    }
    return this.loggerExportOf(key, imported, 0);
  }

  /** Whether some module of the workspace turns debug namespaces on in code: then the shipped DEBUG setting does not decide alone. */
  enablesDebugInCode(): boolean {
    return this.debugEnablingFiles.size > 0;
  }

  /** An export of a module, or of a module it re-exports (index files: `export * from './log'`). */
  private loggerExportOf(key: string, exported: string, depth: number): LoggerDefinition | undefined {
    const own = this.loggersByModule.get(key)?.get(exported);
    if (own || depth >= 3) return own;
    for (const reexport of this.reexportsByModule.get(key) ?? []) {
      if (exported === 'default' && !reexport.names) continue;
      const name = reexport.names ? reexport.names.get(exported) : exported;
      const found = name === undefined ? undefined : this.loggerExportOf(reexport.key, name, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * The module a monorepo package's specifier names (`@clinic/shared/services/logging` → a module key ending in
   * `services/logging` under a folder named `shared`; `@clinic/shared` → the folder `shared` or its `src`/`lib`), when
   * exactly one module that defines or re-exports loggers matches.
   */
  private workspacePackageModule(specifier: string): string | undefined {
    const parts = /^(?:@[\w.-]+\/)?([\w.-]+)(?:\/(.+))?$/.exec(specifier);
    if (!parts || specifier.startsWith('@/') || specifier.startsWith('~')) return undefined;
    const [, packageName, subpath] = parts;
    let found: string | undefined;
    for (const key of new Set([...this.loggersByModule.keys(), ...this.reexportsByModule.keys()])) {
      const segments = key.split('/');
      let matches: boolean;
      if (subpath) {
        const sub = subpath.replace(/\.(?:[cm]?[jt]sx?)$/, '').replace(/\/index$/, '').split('/');
        const at = segments.length - sub.length;
        matches = at > 0 && sub.every((segment, i) => segments[at + i] === segment) && segments.slice(0, at).includes(packageName);
      } else {
        const last = segments[segments.length - 1];
        matches = last === packageName || ((last === 'src' || last === 'lib') && segments[segments.length - 2] === packageName);
      }
      if (!matches) continue;
      if (found !== undefined) return undefined;
      found = key;
    }
    return found;
  }


  /** The storage an AngularJS service of the workspace registered as `name` hands its callers (`AppCache('patient-filters')`), if it does. */
  storageHandleService(name: string): string | undefined {
    if (this.storageHandleServicesByFile.size === 0) return undefined;
    if (!this.storageHandleServicesByName) {
      this.storageHandleServicesByName = new Map();
      for (const handles of this.storageHandleServicesByFile.values()) for (const [service, storage] of handles) this.storageHandleServicesByName.set(service, storage);
    }
    return this.storageHandleServicesByName.get(name);
  }

  /** What the routes of other files say about the uploads they hand to `exported` of `file` (`upload.middleware('docs', 'documents')` on `/patients/:uuid/documents`): path segments and literal arguments. */
  uploadHelperMountNames(file: string, exported: string): string[] {
    if (this.uploadHelperMountsByFile.size === 0) return [];
    if (!this.uploadHelperMountsByModule) {
      this.uploadHelperMountsByModule = new Map();
      for (const mounts of this.uploadHelperMountsByFile.values()) {
        for (const mount of mounts) {
          const list = this.uploadHelperMountsByModule.get(mount.module) ?? [];
          list.push({ exported: mount.exported, names: mount.names });
          this.uploadHelperMountsByModule.set(mount.module, list);
        }
      }
    }
    return (this.uploadHelperMountsByModule.get(moduleKeyOf(file)) ?? []).filter((mount) => mount.exported === exported).flatMap((mount) => mount.names);
  }

  /** The workspace files that import `file` by a relative path. */
  importersOf(file: string): string[] {
    if (!this.importersByModule) {
      this.importersByModule = new Map();
      for (const [importer, keys] of this.importsByFile) for (const key of keys) this.importersByModule.set(key, [...(this.importersByModule.get(key) ?? []), importer]);
    }
    return (this.importersByModule.get(moduleKeyOf(file)) ?? []).filter((importer) => importer !== file);
  }

  /**
   * Whether `name` is a hook of the workspace that writes the page URL's query: its body reads and writes it
   * (`useSearchParams()` and `setSearchParams(…)`, `useLocation()` and `history.push(…)`), or it calls such a hook of
   * the workspace (`useUrlQueryParams` calling `useUrlQuery`), however many hooks deep. Hooks declared under one name
   * in several files count when one of them writes.
   */
  isUrlQueryHook(name: string): boolean {
    if (!this.urlQueryHooks) {
      const writers = new Set<string>();
      const all: UrlQueryHookCandidate[] = [];
      for (const list of this.urlQueryHookCandidatesByFile.values()) for (const hook of list) {
        all.push(hook);
        if (hook.writesPageQuery) writers.add(hook.name);
      }
      for (let changed = writers.size > 0; changed;) {
        changed = false;
        for (const hook of all) {
          if (writers.has(hook.name) || !hook.calls.some((call) => writers.has(call))) continue;
          writers.add(hook.name);
          changed = true;
        }
      }
      this.urlQueryHooks = writers;
    }
    return this.urlQueryHooks.has(name);
  }

  /**
   * A workspace file that writes patient search terms into the page URL (the first in path order), or undefined: the
   * scan-wide fact that makes a copy of the page URL's query a copy of those terms.
   */
  patientSearchPageUrlWriter(): string | undefined {
    // Asked at every string a rule builds: the answer is kept until a file is added or removed.
    if (this.firstPatientSearchPageUrlWriter === null) {
      let first: string | undefined;
      for (const file of this.patientSearchPageUrlWriters) if (first === undefined || file < first) first = file;
      this.firstPatientSearchPageUrlWriter = first;
    }
    return this.firstPatientSearchPageUrlWriter;
  }

  /**
   * The query parameters read by the handlers of the service `file` belongs to: files in its folder and below it
   * (`main.js` of a service and its `src/routes/…`). What a request URL logged there can hold.
   */
  servedQueryParametersAround(file: string): readonly string[] {
    if (this.servedQueryByFile.size === 0) return [];
    const folder = path.posix.dirname(file.split(path.sep).join('/'));
    const cached = this.servedQueryByFolder.get(folder);
    if (cached) return cached;
    const prefix = folder === '.' ? '' : `${folder}/`;
    const names = new Set<string>();
    for (const [reader, read] of this.servedQueryByFile) {
      if (reader.split(path.sep).join('/').startsWith(prefix)) for (const name of read) names.add(name);
    }
    const result = [...names];
    this.servedQueryByFolder.set(folder, result);
    return result;
  }

  removeFile(file: string): void {
    if (this.schemasByFile.delete(file) || this.modelsByFile.delete(file)) this.persistenceByName = undefined;
    this.requestWrappersByModule.delete(moduleKeyOf(file));
    this.queryKeyReadersByModule.delete(moduleKeyOf(file));
    this.requestQueryKeyReadersByModule.delete(moduleKeyOf(file));
    countNames(this.httpClientClassCounts, this.httpClientClassesByFile.get(file) ?? [], -1);
    this.httpClientClassesByFile.delete(file);
    if (this.queryForwardingByFile.delete(file)) this.queryForwardingByName = undefined;
    if (this.classParentsByFile.delete(file)) this.classParentsByName = undefined;
    if (this.servedQueryByFile.delete(file)) this.servedQueryByFolder = new Map();
    if (this.urlQueryHookCandidatesByFile.delete(file)) this.urlQueryHooks = undefined;
    if (this.patientSearchPageUrlWriters.delete(file)) this.firstPatientSearchPageUrlWriter = null;
    if (this.importsByFile.delete(file)) this.importersByModule = undefined;
    this.constantTablesByModule.delete(moduleKeyOf(file));
    this.chainedKeyMembersByModule.delete(moduleKeyOf(file));
    this.loggersByModule.delete(moduleKeyOf(file));
    this.reexportsByModule.delete(moduleKeyOf(file));
    this.debugEnablingFiles.delete(file);
    this.relevelledByFile.delete(file);
    this.offlineStoresByModule.delete(moduleKeyOf(file));
    this.localQueryModules.delete(moduleKeyOf(file));
    this.modelListsByModule.delete(moduleKeyOf(file));
    this.reducerStatesByModule.delete(moduleKeyOf(file));
    if (this.storageHandleServicesByFile.delete(file)) this.storageHandleServicesByName = undefined;
    if (this.uploadHelperMountsByFile.delete(file)) this.uploadHelperMountsByModule = undefined;
    countNames(this.constantCounts, this.constantsByFile.get(file) ?? [], -1);
    this.constantsByFile.delete(file);
    countNames(this.enumCounts, this.enumsByFile.get(file) ?? [], -1);
    if (this.enumsByFile.delete(file)) this.resolvedCache = new WeakMap();
    if (this.returnTypesByModule.delete(moduleKeyOf(file))) this.returnTypesByExport = undefined;
    if (this.componentPropsByModule.delete(moduleKeyOf(file))) this.componentPropsByName = undefined;
    if (this.instantiationsByFile.delete(file)) this.instantiationsByName = undefined;
    const previous = this.declaredByFile.get(file);
    if (!previous) return;
    this.declaredByFile.delete(file);
    for (const type of previous) {
      const list = (this.declaredByName.get(type.name) ?? []).filter((candidate) => candidate !== type);
      if (list.length) this.declaredByName.set(type.name, list);
      else this.declaredByName.delete(type.name);
    }
    this.resolvedCache = new WeakMap();
  }

  /**
   * What a callback passed to a component's prop receives, by the component's declared props type: `<PatientForm
   * onSave={(draft) => …}>` with `PatientForm: FC<Props>` and `Props { onSave: (draft: PatientDraft) => void }` →
   * PatientDraft for position 0. The component is this file's own (no specifier), a relatively imported module's,
   * or a monorepo package's (`from 'ui-components'`: a module under a folder of that name, when all such agree).
   */
  callbackParameterType(fromFile: string, specifier: string | undefined, exportName: string, prop: string, position: number): string | undefined {
    let props: string | undefined;
    if (specifier === undefined) props = this.componentPropsByModule.get(moduleKeyOf(fromFile))?.get(exportName);
    else if (specifier.startsWith('.')) props = this.componentPropsByModule.get(moduleKeyFrom(fromFile, specifier))?.get(exportName);
    else {
      const packageName = /^(?:@[\w.-]+\/)?([\w.-]+)/.exec(specifier)?.[1];
      if (!packageName || specifier.startsWith('@/') || specifier.startsWith('~')) return undefined;
      if (!this.componentPropsByName) {
        const byName = new Map<string, Array<[string, string]>>();
        for (const [key, components] of this.componentPropsByModule) {
          for (const [name, type] of components) byName.set(name, [...(byName.get(name) ?? []), [key, type]]);
        }
        this.componentPropsByName = byName;
      }
      for (const [key, type] of this.componentPropsByName.get(exportName) ?? []) {
        if (!key.split('/').slice(0, -1).includes(packageName)) continue;
        if (props !== undefined && props !== type) return undefined;
        props = type;
      }
    }
    return props ? this.callbackParameterOf(props, prop, position, new Set()) : undefined;
  }

  /** A props type's (or a type it extends) callback member's parameter type; every declaration of the name must agree. */
  private callbackParameterOf(typeName: string, prop: string, position: number, seen: Set<string>): string | undefined {
    if (seen.has(typeName) || seen.size > 4) return undefined;
    seen.add(typeName);
    let found: string | undefined;
    for (const declared of this.declaredByName.get(typeName) ?? []) {
      let type = declared.callbacks?.get(prop)?.[position];
      if (type === undefined && !declared.fields.some((field) => field.name === prop)) {
        for (const parent of declared.extends) {
          type = this.callbackParameterOf(parent, prop, position, seen);
          if (type) break;
        }
      }
      if (type === undefined) continue;
      if (found !== undefined && found !== type) return undefined;
      found = type;
    }
    return found;
  }

  /**
   * The named types a generic (class, function, type) is instantiated with across the workspace, for its
   * type parameter at `position`: `class PatientRepository extends Repository<Patient>` → Repository, 0 → Patient.
   */
  instantiationsOf(genericName: string, position: number): string[] {
    if (!this.instantiationsByName) {
      const byName = new Map<string, string[][]>();
      for (const list of this.instantiationsByFile.values()) {
        for (const [name, args] of list) {
          const seen = byName.get(name) ?? [];
          if (seen.length < 32) seen.push(args);
          byName.set(name, seen);
        }
      }
      this.instantiationsByName = byName;
    }
    const names = new Set<string>();
    for (const args of this.instantiationsByName.get(genericName) ?? []) if (args[position]) names.add(args[position]);
    return [...names];
  }

  /**
   * The types an export of a relatively imported module is declared to return: `import { validate } from
   * './validate'` in `src/a/index.ts`, `validate(…)` → what `src/a/validate.ts` says `validate` returns.
   */
  returnTypesOf(fromFile: string, specifier: string, exportName: string): readonly string[] {
    if (!specifier.startsWith('.')) return this.packageReturnTypesOf(specifier, exportName);
    return this.returnTypesByModule.get(moduleKeyFrom(fromFile, specifier))?.get(exportName) ?? [];
  }

  /**
   * A monorepo's own package imported by its name (`import { loadVisit } from 'utils'`, `from '@clinic/utils'`):
   * the export of that name in the workspace's modules under a folder of the package's name, when they
   * all agree on what it returns. An import of a package the workspace does not hold finds no such folder.
   */
  private packageReturnTypesOf(specifier: string, exportName: string): readonly string[] {
    const packageName = /^(?:@[\w.-]+\/)?([\w.-]+)/.exec(specifier)?.[1];
    if (!packageName || specifier.startsWith('@/') || specifier.startsWith('~')) return [];
    if (!this.returnTypesByExport) {
      const byExport = new Map<string, Array<[string, string[]]>>();
      for (const [key, exports] of this.returnTypesByModule) {
        for (const [name, types] of exports) byExport.set(name, [...(byExport.get(name) ?? []), [key, types]]);
      }
      this.returnTypesByExport = byExport;
    }
    let found: string[] | undefined;
    for (const [key, types] of this.returnTypesByExport.get(exportName) ?? []) {
      if (!key.split('/').slice(0, -1).includes(packageName)) continue;
      if (found && found.join('|') !== types.join('|')) return [];
      found = types;
    }
    return found ?? [];
  }

  /**
   * Whether a workspace type is spelled out to the last field: every field (its parents' too) is a boolean, a
   * string or a number, or of another type so spelled out. An inline object type (`resources: { patient: Patient }`),
   * an index signature or a library type leaves it open.
   */
  isSpelledOut(typeName: string, seen: Set<string> = new Set()): boolean {
    const declared = this.declaredByName.get(typeName)?.[0];
    if (!declared || declared.indexType || declared.fields.length === 0 || seen.has(typeName)) return false;
    seen.add(typeName);
    if (!declared.extends.every((parent) => this.parentTypeName(parent) === undefined || this.isSpelledOut(this.parentTypeName(parent)!, seen))) return false;
    return declared.fields.every((field) => field.isBoolean || field.isScalar || (field.typeName !== undefined && (seen.has(field.typeName) || this.isSpelledOut(field.typeName, seen))));
  }

  /**
   * The type a part of a composed alias names: `Patient`, `fhir4.Patient` → `Patient`; none for a member of an
   * enum of the workspace (`RoutePath.KitPage` is a string literal type, whatever else is called `KitPage`).
   */
  private parentTypeName(part: string): string | undefined {
    const dot = part.lastIndexOf('.');
    if (dot < 0) return part;
    const qualifier = part.slice(0, dot).split('.').pop()!;
    return this.enumCounts.has(qualifier) ? undefined : part.slice(dot + 1);
  }

  /** Whether a workspace file declares a type of this name. */
  /**
   * `interface RequestResult<T> { resourcePayload: T }`: the type parameters a workspace generic's own fields
   * are typed by (directly, as an array, or in a content wrapper), with those fields. An instance of it holds
   * what its type argument holds, and those fields are that argument. Undefined for a generic whose
   * parameters only constrain methods or keys, and for any name the workspace does not declare.
   */
  payloadParametersOf(typeName: string): readonly PayloadParameter[] | undefined {
    const declared = this.declaredByName.get(typeName)?.[0];
    if (!declared?.typeParameters) return undefined;
    const payload: PayloadParameter[] = [];
    declared.typeParameters.forEach((parameter, position) => {
      const fields = declared.fields.filter((field) => field.typeName === parameter).map((field) => field.name);
      if (declared.indexType === parameter) fields.push('');
      if (fields.length) payload.push({ position, fields });
    });
    return payload.length ? payload : undefined;
  }

  /**
   * The type names a type's text holds through workspace generics' payload parameters:
   * `Promise<RequestResult<Encounter[]>>` → [Encounter] (when `RequestResult<T>` holds its `T`). Nested up to three levels.
   */
  payloadTypeNamesOf(typeText: string, depth = 0): string[] {
    if (depth > 3) return [];
    const text = insideContentWrappers(typeText);
    const generic = genericParts(text);
    const payload = generic && this.payloadParametersOf(generic.name);
    if (!generic || !payload) return [];
    const names: string[] = [];
    for (const { position } of payload) {
      const argument = generic.args[position];
      if (!argument) continue;
      const name = unwrapTypeName(argument);
      if (name) names.push(name);
      names.push(...this.payloadTypeNamesOf(argument, depth + 1));
    }
    return [...new Set(names)];
  }

  /**
   * `laboratoryService.getLaboratoryOrders(hdid)` with `laboratoryService: ILaboratoryService`: the text of the type
   * the method is declared to return by the interface or class the workspace declares (or its parents).
   */
  methodReturnTypeOf(typeName: string, method: string, depth = 0): string | undefined {
    const declared = this.declaredByName.get(typeName)?.[0];
    if (!declared || depth > 3) return undefined;
    const returnType = declared.methods?.get(method);
    if (returnType !== undefined) return returnType;
    for (const part of declared.extends) {
      const parent = this.parentTypeName(part);
      const found = parent && parent !== typeName ? this.methodReturnTypeOf(parent, method, depth + 1) : undefined;
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /**
   * The workspace generic a type's text names through content wrappers, when it holds its argument
   * (`Promise<RequestResult<Encounter[]>>` → RequestResult with its payload fields), else undefined.
   */
  payloadWrapperOf(typeText: string): { name: string; fields: string[] } | undefined {
    const text = insideContentWrappers(typeText);
    const generic = genericParts(text);
    const payload = generic && this.payloadParametersOf(generic.name);
    return payload ? { name: generic.name, fields: payload.flatMap((parameter) => parameter.fields.filter(Boolean)) } : undefined;
  }

  declares(typeName: string): boolean {
    return this.declaredByName.has(typeName);
  }

  get size(): number {
    return this.declaredByName.size;
  }

  /**
   * The PHI shape of a type name: a workspace declaration first, else a built-in FHIR type. A name several files
   * declare (`EffectInput`, `BasicInput`, `Input` of every handler) means, in a file that declares it, that file's own
   * declaration (`fromFile`, relative like the index's files); elsewhere the first one indexed.
   */
  resolve(typeName: string, classifier: NameClassifier, fromFile?: string): ResolvedType | undefined {
    let cache = this.resolvedCache.get(classifier);
    if (!cache) {
      cache = new Map();
      this.resolvedCache.set(classifier, cache);
    }
    const own = fromFile === undefined ? undefined : this.ownDeclaration(typeName, fromFile);
    const key = own ? `${own.file}\u0000${typeName}` : typeName;
    const known = cache.get(key); // one lookup: null is a type being resolved (or none), undefined never asked
    if (known !== undefined) return known ?? undefined;
    cache.set(key, null); // guards recursive types
    const resolved = this.resolveUncached(typeName, classifier, new Set(), own);
    cache.set(key, resolved ?? null);
    return resolved;
  }

  /**
   * When more than one file declares `typeName`: the declaration in `file`, else the one in the one module `file`
   * imports relatively among them (`import { Encounter } from '../types/encounter'`); undefined when the name is
   * unambiguous or the file names none of its declaring modules.
   */
  private ownDeclaration(typeName: string, file: string): DeclaredType | undefined {
    const declarations = this.declaredByName.get(typeName);
    if (!declarations || declarations.length < 2) return undefined;
    const own = declarations.find((declaration) => declaration.file === file);
    if (own) return own;
    const imports = this.importsByFile.get(file);
    if (!imports) return undefined;
    const imported = declarations.filter((declaration) => !declaration.local && imports.includes(moduleKeyOf(declaration.file)));
    return imported.length === 1 ? imported[0] : undefined;
  }

  private resolveUncached(typeName: string, classifier: NameClassifier, seen: Set<string>, chosen?: DeclaredType): ResolvedType | undefined {
    const declared = chosen ?? this.declaredByName.get(typeName)?.[0];
    if (!declared) return resolveFhirType(typeName);
    seen.add(typeName);
    // A type about the workforce or an organisation (`StaffUser`, `ClinicSettings`) gives its fields no person.
    const subjectName = declared.schema ? typeName.replace(/_?[Ss]chemas?$/, '') || typeName : typeName;
    const personContext = (classifier.classify(subjectName).personContext || subjectName in FHIR_TYPES) && subjectOfName(subjectName) !== 'workforce' && !headNounIsAThing(subjectName);
    // A schema's shape is named after its constant (`PatientSchema`): what it validates is the name without that word.
    const typeWords = declared.schema ? splitWords(typeName).filter((word) => word !== 'schema' && word !== 'schemas') : splitWords(typeName);
    // `LabItemDefinition`, `FormTemplate`, `MedicationCatalogItem`: what can be ordered or filled in, not anyone's record.
    // Not a component's props (`AudioVideoSettingsProps`): named after the component, its fields' own types say what they hold.
    const componentProps = typeWords.at(-1) === 'props';
    if (!componentProps && typeWords.some((word) => CATALOGUE_TYPE_WORDS.has(word))) {
      return { name: typeName, kinds: [], fields: new Map(declared.fields.map((field) => [field.name, { kinds: [], typeName: field.typeName }])), file: declared.file };
    }
    // `LabOrdersSearchFilters`, `VisitCriteria`: bounds of a search (a date range, a status), not a visit's dates.
    const searchCriteria = typeWords.some((word) => SEARCH_CRITERIA_TYPE_WORDS.has(word));
    const fields = new Map<string, ResolvedField>();
    for (const part of declared.extends) {
      const parent = this.parentTypeName(part);
      if (parent === undefined || seen.has(parent)) continue;
      // `interface BasicInput extends Params` beside its own `Params`: the parent the same file declares.
      const parentType = this.resolveUncached(parent, classifier, seen, this.ownDeclaration(parent, declared.file));
      parentType?.fields.forEach((field, name) => fields.set(name, field));
    }
    // `{ patientName; cptCode }`: a record that names its patient links the codes it holds to that person.
    const namesItsPatient = personContext || declared.fields.some((field) => subjectOfName(field.name) === 'patient');
    // `{ procedureCode; bodySite; scheduledDate }`, `{ observationCode; value; unit; interpretation }`: a code held with the
    // details of its application to someone is a clinical record about that person (an order, a result), not a
    // catalogue entry (code, display, system, price); its code is the procedure ordered, the observation made.
    const recordsItsApplication = !personContext && subjectOfName(typeName) !== 'workforce' && recordsAnApplication(declared.fields.map((field) => field.name));
    // `interface Drug { shortName; fullName }`, `interface Ward { name }`: the name a type named for a product, a place or
    // a thing with a name of its own declares is that thing's, as if the field said so (`drugFullName`); a field that
    // says whose name it is keeps its person (`Ward.patientName`, `Device.ownerName`, `QueueItem.firstName`).
    const namedThing = personContext ? undefined : namedThingOfType(typeName);
    for (const field of declared.fields) {
      let resolved = this.resolveField(field, classifier, personContext || (namesItsPatient && namesATerminologyCode(field.name)), seen);
      if (namedThing && !field.typeName && resolved.kinds.includes('name') && splitWords(field.name).every((word) => OWN_NAME_WORDS.has(word))) {
        resolved = { ...resolved, kinds: resolved.kinds.filter((kind) => kind !== 'name') };
      }
      if (recordsItsApplication && resolved.kinds.length === 0 && !field.isBoolean && !field.typeName) {
        const applied = appliedCodeKinds(classifier, field.name);
        if (applied.length) resolved = { ...resolved, kinds: [...applied].sort() };
      }
      fields.set(field.name, searchCriteria ? { ...resolved, kinds: resolved.kinds.filter((kind) => !CRITERIA_KINDS.has(kind)) } : resolved);
    }
    // `type NhsNumber = Brand<string, 'NhsNumber'>` (`string & { readonly __brand: B }`): a nominal tag on a string or
    // number, not a record's shape; the value is a scalar and what its name says, as if it had no declared type.
    if (this.isBrandedPrimitive(typeName)) return undefined;
    let index: ResolvedField | undefined;
    if (declared.indexType) index = this.resolveField({ name: '', typeName: declared.indexType }, classifier, personContext, seen);
    const kinds = new Set<string>(index?.kinds ?? []);
    fields.forEach((field) => field.kinds.forEach((kind) => kinds.add(kind)));
    return { name: typeName, kinds: [...kinds].sort(), fields, index, file: declared.file, ...(!headNounIsAThing(typeName) && declaresPatientHealthNumber(declared, classifier) ? { patientIdentity: true } : {}) };
  }

  /** `type Brand<T, B> = T & { readonly __brand: B }` and the aliases built on it (`type NhsNumber = Brand<string, 'NhsNumber'>`). */
  private isBrandedPrimitive(typeName: string, depth = 0): boolean {
    const declared = this.declaredByName.get(typeName)?.[0];
    if (!declared || declared.indexType || depth > 4) return false;
    // Its other parts are the branded primitive or type parameters, never a declared type (`Patient & { __brand }`).
    const parents = declared.extends.map((part) => this.parentTypeName(part)).filter((parent): parent is string => parent !== undefined && this.declaredByName.has(parent));
    if (declared.fields.length > 0) return parents.length === 0 && declared.fields.every((field) => BRAND_TAG_FIELD.test(field.name));
    return parents.length === 1 && this.isBrandedPrimitive(parents[0], depth + 1);
  }

  private resolveField(field: DeclaredField, classifier: NameClassifier, personContext: boolean, seen: Set<string>): ResolvedField {
    if (field.isBoolean) return { kinds: [], primitive: true };
    const byName = classifier.classify(field.name, personContext);
    // `filters: PatientSearchFilters`: a search's criteria hold what was typed to find a person (a name, a
    // birth date, a phone) when their declared type says so; the name alone adds nothing, bounds and statuses are dropped.
    if (byName.trap && field.typeName && !seen.has(field.typeName) && splitWords(field.name).some((word) => SEARCH_CRITERIA_TYPE_WORDS.has(word))) {
      const criteria = this.resolveUncached(field.typeName, classifier, new Set(seen))?.kinds.filter((kind) => !CRITERIA_KINDS.has(kind)) ?? [];
      return { kinds: [...criteria].sort(), typeName: field.typeName };
    }
    if (byName.trap) return field.isScalar ? { kinds: [], primitive: true } : { kinds: [] };
    // `{ patient: string; encounter: string }` in search criteria or a DTO: references, not records.
    if (field.isScalar && byName.kinds.length > 0 && byName.kinds.every((kind) => RECORD_KINDS.has(kind))) return { kinds: [] };
    const kinds = new Set(byName.kinds);
    if (field.typeName && !seen.has(field.typeName)) {
      this.resolveUncached(field.typeName, classifier, new Set(seen))?.kinds.forEach((kind) => kinds.add(kind));
    }
    // `appointment.provider: Practitioner`, `claim.employer`: the workforce's or an organisation's contact details are not PHI.
    const workforce = subjectOfName(field.name) === 'workforce' || (field.typeName !== undefined && subjectOfName(field.typeName) === 'workforce');
    return { kinds: [...(workforce ? withoutContactKinds([...kinds]) : kinds)].sort(), typeName: field.typeName };
  }
}

/** The tag field of a branded (nominal) primitive type: `__brand`, `_brand`, `__type`, `__tag`. */
const BRAND_TAG_FIELD = /^(?:_{1,2}(?:brand|tag|type|kind|nominal|opaque)|__[a-z]*Brand)$/;
/**
 * Fields that are a thing's own name (`name`, `fullName`, `shortName`, `displayName`). Not the parts only a personal name
 * has (`firstName`, `surname`: a thing's type that declares them holds a person, `QueueItem { firstName }`), nor a name
 * that says whose it is (`patientName`, `ownerName`).
 */
const OWN_NAME_WORDS = new Set(['name', 'names', 'full', 'short', 'display', 'long', 'official', 'common', 'brand', 'generic']);
const CATALOGUE_TYPE_WORDS = new Set(['definition', 'definitions', 'template', 'templates', 'catalog', 'catalogue', 'inventory', 'formulary', 'config', 'configuration', 'settings', 'schema', 'metadata']);
const SEARCH_CRITERIA_TYPE_WORDS = new Set(['filter', 'filters', 'criteria', 'criterion']);
/** What a search criterion of these kinds is: a bound or a status, not a record's value. */
const CRITERIA_KINDS = new Set(['care-date', 'death-date', 'patient-record', 'encounter']);

const fhirCache = new Map<string, ResolvedType | undefined>();

export function resolveFhirType(typeName: string): ResolvedType | undefined {
  if (fhirCache.has(typeName)) return fhirCache.get(typeName);
  // A library's type for a captured photo (`WebcamImage`) is known the same way as a FHIR resource's.
  const spec = Object.prototype.hasOwnProperty.call(FHIR_TYPES, typeName) ? FHIR_TYPES[typeName] : Object.prototype.hasOwnProperty.call(CAPTURED_MEDIA_TYPES, typeName) ? CAPTURED_MEDIA_TYPES[typeName] : undefined;
  const resolved: ResolvedType | undefined = spec && {
    name: typeName,
    kinds: spec.kinds,
    fields: new Map(Object.entries(spec.fields).map(([name, field]) => [name, { kinds: field.kinds ?? [], typeName: field.type, inherit: field.inherit }])),
  };
  fhirCache.set(typeName, resolved);
  return resolved;
}
