import {
  CONTACT_KINDS, createRule, PHI_KINDS, DHIS2_ATTRIBUTE_FILTER_KEYS, DHIS2_TRACKER_FIELDS, DHIS2_TRACKER_QUERY_KEYS, DHIS2_TRACKER_RESOURCES, isAccountContextName, isAppUserName, keyNamesTheNumberOfAnId, NON_PATIENT_RESOURCE_TYPES, namesReferenceData, subjectOfName, terminologyKinds,
  type Precision, type RuleContext, type Taint, type TSESTree,
} from '../server/src/rule-api';
import { getRouteFindings, routeObjectOf, RESPONSE_NAMES, type GetRouteFinding } from './utils/get-routes';
import { dottedName, enclosingFunction, isConstantExpression, isFunction, isStringLiteral, jsxName, keyName, lastSegment, memberCall, objectProperties, onlyFromServedUrl, parentOf, propertyName, splitWords, unwrap, type Node } from './utils/ast';
import { chainedPatientSearchParameterKind, isFhirSpeltParameter, isPatientIdentifierModifier, isPersonResource, personSearchParameterKind } from './utils/fhir-search';
import { looksLikeUrlText, methodKeepsQueryInUrl, REQUEST_DESCRIPTION_QUERY_KEYS, REQUEST_DESCRIPTION_URL_KEYS, startsQueryParameter } from './utils/urls';

type MessageId = 'criteriaUrl' | 'requestUrl' | 'queryOptions' | 'searchOptions' | 'fhirPatientSearch' | 'fhirSearchFilter' | 'trpcQueryInput' | 'trpcQueryProcedure' | 'urlCopySearch' | 'builtUrl' | 'searchParams' | 'pageUrl' | 'linkUrl' | 'queryRead' | 'handlerQueryRead' | 'trackerQuery' | 'urlCopy' | 'navigationState' | 'urlFilterKey' | 'pageQueryRead' | 'savedUrlCopy' | GetRouteFinding['kind'];

// ── what is a request, a navigation, a link ───────────────────────────────────────────────────

/** Calls whose first argument is a URL that is requested. */
const REQUEST_FUNCTIONS = new Set([
  'fetch', 'window.fetch', 'globalThis.fetch', 'self.fetch', 'axios', 'got', 'ky', 'superagent', 'request', 'needle', 'ofetch',
  '$fetch', 'useFetch', 'useSWR', 'undici.request', 'undici.fetch', 'navigator.sendBeacon', '$.get', '$.getJSON', '$.post', '$.ajax',
  'jQuery.get', 'jQuery.getJSON', 'jQuery.ajax',
  // data hooks called with a route and its query: `useQuery(routes.searchPatient, { query: { name } })`
  'useQuery', 'useInfiniteQuery', 'useSuspenseQuery',
]);
/** HTTP libraries by their usual import name: their methods take a URL first. */
const HTTP_LIBRARIES = new Set(['axios', 'got', 'ky', 'superagent', 'request', 'needle', 'undici', 'ofetch', '$', 'jQuery']);
/** A path that names a web API: `/api/…`, `/rest/…`, `/v2/…`, `/fhir/…`, `/ws/rest/…` (and after a base URL). */
const REQUEST_PATH = /^\/(?:[\w.-]+\/){0,2}(?:api|rest|fhir|v\d+(?:\.\d+)?)(?:\/|$)/i;
/** A value named as a server's base URL or host: `base_url`, `baseUrl`, `config.eventstore.url`, `API_HOST`. */
function namesABaseUrl(node: Node): boolean {
  const name = lastSegment(unwrap(node));
  const words = name ? splitWords(name) : [];
  return words.length > 0 && ['url', 'uri', 'host', 'origin', 'endpoint', 'server'].includes(words[words.length - 1]);
}
/** HTTP-client methods whose first argument is the URL. */
const URL_FIRST_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'request', 'fetch', 'stream', 'getJSON', 'jsonp']);
/** Words that make a receiver an HTTP client by its name only (a guess: medium precision). */
const HTTP_CLIENT_WORDS = new Set(['http', 'https', 'client', 'api', 'fetcher', 'agent', 'instance', 'axios', 'rest']);
/** Option names whose object becomes the query string. */
const QUERY_OPTION_KEYS = new Set(['params', 'searchParams', 'query', 'queryParams']);
/** Option names that carry a request body: a URLSearchParams there is form data, not a URL. */
const BODY_KEYS = new Set(['body', 'data', 'form', 'json', 'payload']);
/** Router objects: `router.push`, `this.$router.replace`, React Router v5 `history.push`. */
const ROUTER_METHODS = new Set(['push', 'replace', 'navigate', 'navigateByUrl', 'prefetch', 'redirect']);
/** JSX elements whose `to` prop is a URL. */
const LINK_ELEMENTS = new Set(['Link', 'NavLink', 'Navigate', 'Redirect', 'RouterLink', 'NuxtLink']);
/** Kinds that name a whole record: a query parameter so named takes its id. */
const RECORD_KINDS = new Set(['patient-record', 'encounter']);
/**
 * Dates of care (a visit's start, an encounter's date). Safe Harbor counts a date as an identifier when
 * it is related to an individual; in a URL whose other values are opaque ids and constants
 * (`?patient=<uuid>&activatedOnOrAfterDate=<visit start>`), nothing a reader of the URL or its logs
 * has ties the date to anyone. With a name or an identifier in the same URL it is reported with them.
 */
const CARE_DATE_KINDS = new Set(['care-date']);
/** Non-HTTP URL schemes: the value opens a local app, it is not sent to a server. */
const LOCAL_SCHEMES = /^(mailto|tel|sms|data|blob|callto|facetime|geo):/i;
/**
 * Free-text search parameters (`?q=`, `search`, `term`): what a user types to find a patient — a name, a
 * phone number, an identifier. They carry PHI when the search is for patients (a patient endpoint or a
 * patient-search function), and say nothing elsewhere (a drug or a location search).
 */
const FREE_TEXT_PARAMETERS = new Set(['q', 'query', 'search', 'searchquery', 'searchterm', 'searchtext', 'searchstring', 'searchvalue', 'term', 'freetext', 'keyword', 'keywords']);
/** Path words of a report over many patients (`/Reporting/DiseaseWiseReport`, `/api/stats/census`). */
const AGGREGATE_REPORT_WORDS = new Set(['report', 'reports', 'reporting', 'statistics', 'stats', 'census', 'analytics', 'dashboard', 'summary', 'aggregate']);
/** Query keys of the two ends of a date range (`FromDate`/`ToDate`, `startDate`/`endDate`, `dateFrom`/`dateTo`). */
const RANGE_START_KEY = /^(?:from|start|begin)(?:_?date|_?dt)?$|^date_?(?:from|start)$/i;
const RANGE_END_KEY = /^(?:to|end|till|until)(?:_?date|_?dt)?$|^date_?(?:to|end)$/i;
/** What a report filter may be keyed by and still name nobody: a diagnosis or procedure code, a drug, a care date. */
const REPORT_FILTER_KINDS = new Set(['diagnosis', 'sensitive-condition', 'procedure', 'medication', 'allergy', 'immunization', 'care-date']);
/** Query key words that bring a person into the URL (`PatientCode`, `mrn`, `visitId`, `name`). */
const PERSON_KEY_WORDS = new Set(['patient', 'person', 'member', 'client', 'beneficiary', 'subject', 'mrn', 'name', 'phone', 'email', 'nhs', 'ssn', 'visit', 'encounter', 'admission', 'case', 'hospital', 'identifier', 'dob', 'birth']);
/** Values that are code, not typed text: `?query=${gqlQuery}`, `?search=${fhirPathExpression}`, `?q=${sortOrder}`. */
const CODE_VALUE_WORDS = new Set(['gql', 'graphql', 'sql', 'cql', 'fhirpath', 'expression', 'mutation', 'fragment', 'sort', 'order', 'page', 'limit', 'offset', 'cursor', 'status', 'type', 'code']);
/** What a free-text patient search carries: the searched person's name (or an identifier typed instead). */
const FREE_TEXT_KINDS = ['name'];

/** Words that may precede `name` in a key naming a person's name: `display_name`, `fullName`, `patientName`. */
const PERSON_NAME_KEY_WORDS: ReadonlySet<string> = new Set(['display', 'full', 'patient', 'person', 'given', 'family', 'first', 'last', 'middle', 'sur', 'maiden']);
/** What an `identifier` search of a patient endpoint carries: the patient's record number or national id. */
const IDENTIFIER_SEARCH_KINDS = ['mrn'];
/** `identifier`, `identifierValue`, `identifier_value`: the value of an identifier (not its type, system or uuid). */
const IDENTIFIER_VALUE_NAME = /^(?:\w+ )?identifier(?: value)?$/;
/** What a DHIS2 tracker attribute filter carries: the searched or registered person's attribute values. */
const TRACKER_FILTER_KINDS = ['name', 'national-id'];
/** Keys without which an object literal is neither a tracker query nor a tracker resource query. */
const TRACKER_TRIGGER_KEYS = new Set([...DHIS2_ATTRIBUTE_FILTER_KEYS, 'resource']);
/** Hooks whose result's second element sets the page URL's query (`const [params, setParams] = useSearchParams()`). */
const SEARCH_PARAM_HOOKS = new Set(['useSearchParams', 'useQueryParams', 'useQueryStates', 'useUrlSearchParams']);
/** Hooks bound to one query parameter (nuqs `useQueryState('name')`, `useQueryParam('dob')`): the setter writes that parameter. */
const ONE_PARAMETER_HOOKS = new Set(['useQueryState', 'useQueryParam', 'useSearchParam']);
/**
 * Request handlers registered elsewhere (`router.get('/by-phone', controller.byPhone)` in another module):
 * a function whose parameters are a request and a response (`(req, res)`, `(request, reply)`, `(req, res, next)`)
 * or a Koa context (`(ctx)`, `(ctx, next)`).
 */
const REQUEST_PARAMETERS = new Set(['req', 'request']);
const RESPONSE_PARAMETERS = RESPONSE_NAMES;
const KOA_CONTEXT_PARAMETERS = new Set(['ctx']);
/** The page's own URL with its query string (`location.href`, `document.URL`, `router.asPath`), not its origin or path. */
const PAGE_URL = /(^|\.)location(\.(href|search|hash))?$|^document\.(URL|documentURI)$|(^|\.)(asPath|fullPath)$/;
/** The page URL's query string, or the whole URL that holds it (`location.search`, `window.location.href`, `router.asPath`). */
const PAGE_QUERY = /(^|\.)location(\.(href|search))?$|^document\.(URL|documentURI)$|(^|\.)(asPath|fullPath)$/;
const NON_PATIENT_RESOURCE_TYPE_SET: ReadonlySet<string> = new Set(NON_PATIENT_RESOURCE_TYPES);
/** The HIPAA identifiers (a name, a record number, a birth date, a phone): what a person is looked up by (not a date of care or an age). */
const IDENTIFIER_KINDS: ReadonlySet<string> = new Set(PHI_KINDS.filter((kind) => kind.category === 'identifier' && kind.id !== 'care-date' && kind.id !== 'age').map((kind) => kind.id));

/** Helpers that make a full URL of the one they are handed: `makeUrl`, `buildUrl`, `withBaseUrl`, `toAbsoluteUrl`, `prefixUrl`. */
const URL_HELPER_NAME = /^(?:make|build|get|with|to|prefix|resolve|full|absolute)(?:Base|Full|Absolute|Api)?(?:Url|Uri|URL|URI)$/;
/** Node's URL module: `url.format({ query })` builds a query string from an object. */
const URL_MODULES = new Set(['url', 'node:url']);
/** Words that make a variable a URL or its query string (`filterUrlParams`, `queryString`, `newHash`). */
const QUERY_STRING_WORDS = new Set(['url', 'uri', 'href', 'query', 'qs', 'params', 'querystring', 'search', 'hash']);
/** HTTP methods for route registration on the server. */
const GET_ROUTE_OWNERS = new Set(['app', 'router', 'server', 'fastify', 'api', 'routes', 'route', 'instance', 'r']);

/**
 * Terminology and catalogue resources (`/concept?q=`, `/conceptsearch`, FHIR `ValueSet`, `Medication?code=`, a `drugUrl`):
 * a search there looks up concepts, codes or drugs by their names, not a person.
 */
const CATALOGUE_WORDS = new Set([
  'concept', 'concepts', 'conceptsearch', 'valueset', 'valuesets', 'codesystem', 'codesystems', 'conceptmap', 'terminology', 'terminologies',
  'vocabulary', 'drug', 'drugs', 'medication', 'medications', 'formulary', 'allergen', 'allergens', 'catalog', 'catalogue',
  'icd', 'icd10', 'snomed', 'loinc', 'rxnorm',
  // master data (`/masters/fee-schedule?cptCode=`): the app's reference tables of codes, prices and services
  'master', 'masters', 'masterdata',
]);
/** A REST path segment naming a resource of metadata types: `personattributetype`, `encountertypes`, `visittype`. */
const METADATA_TYPE_RESOURCE = /^[a-z]{3,}types?$/;
/** Query keys that attach a catalogue lookup to a person (`/concept?patient=…`, FHIR `subject=`). */
const PERSON_REFERENCE_KEYS = new Set(['subject', 'beneficiary']);
/**
 * What a catalogue search term can be taken for and is not: a concept's name, a diagnosis, drug or allergen term.
 * Identifiers proper (an SSN, a birth date, a phone number) stay PHI in any URL.
 */
const CATALOGUE_TERM_KINDS = new Set(['name', ...PHI_KINDS.filter((kind) => kind.category !== 'identifier').map((kind) => kind.id)]);

/**
 * FHIR token search parameters that select resources by a coded concept (`code`, `reason-code`, `category`, with
 * the `:in`/`:below`/… modifiers, not `:text`). What fills them is search criteria — which concepts to return, often a
 * saved query's value-set code list — not a patient's diagnosis, result or medication.
 */
const CODE_FILTER_PARAMETER = /^(?:code|reason-?code|category|vaccine-?code|value-?concept|combo-?code|ingredient-?code|medication\.code)(?::(?:in|not-in|below|above|not|of-type))?$/i;
const CLINICAL_KINDS: ReadonlySet<string> = new Set(PHI_KINDS.filter((kind) => kind.category === 'clinical').map((kind) => kind.id));

/** A place's kinds: what a location reference's value is guessed to hold from its name (`healthRegion`, `addressLevel`). */
const PLACE_KINDS: ReadonlySet<string> = new Set(['address', 'zip-code']);

/**
 * `?regionId=${patient.healthRegion}`, `/children?parentId=${addressLevel}`: a parameter named as an id takes a
 * record's key — a region's, a location's, a record's — not the address text or the record a value's name guesses.
 * Reference data ids are lookup keys, not a patient's identifiers. A value whose kinds are a person's identifiers
 * (`?patientId=${mrn}`) still counts.
 */
function withoutReferenceKey(context: RuleContext, parameter: string | undefined, taint: Taint): Taint {
  if (!parameter || !isIdName(parameter) || !taint.kinds.length) return taint;
  // a key that itself names a person's identifier (`nationalId`, `passportId`) takes that identifier
  if (context.classifyName(parameter).some((kind) => !RECORD_KINDS.has(kind))) return taint;
  // a bare `id`, or a person's (`patientId=${patient.identifier}`), may take the patient's business identifier
  const words = splitWords(parameter);
  if (words.length < 2 || words.some((word) => PERSON_KEY_WORDS.has(word))) return taint;
  return taint.kinds.every((kind) => PLACE_KINDS.has(kind) || RECORD_KINDS.has(kind)) ? { ...taint, kinds: [] } : taint;
}

/** A code filter's clinical kinds are criteria; what else its value carries (a name, a birth date) still counts. */
function withoutCodeCriteria(parameter: string | undefined, taint: Taint): Taint {
  if (!parameter || !CODE_FILTER_PARAMETER.test(parameter) || !taint.kinds.some((kind) => CLINICAL_KINDS.has(kind))) return taint;
  return { ...taint, kinds: taint.kinds.filter((kind) => !CLINICAL_KINDS.has(kind)) };
}

type Sink = { label: string; precision?: Precision; messageId: 'requestUrl' | 'pageUrl' | 'linkUrl' };

interface UrlPiece {
  /** Literal text written before this expression (other expressions shown as `X`). */
  before: string;
  expression: Node;
}

// ── small predicates ──────────────────────────────────────────────────────────────────────────

function isConcat(node: Node): node is TSESTree.BinaryExpression {
  return node.type === 'BinaryExpression' && node.operator === '+';
}

/**
 * Template literals and `+` chains flattened into literal text and expressions; `constantText` spells an expression
 * the analysis knows to be a constant string (an enum member `ApiRoutes.PatientSearch`, a variable a `switch` case
 * narrowed to one).
 */
function urlPieces(node: Node, constantText?: (expression: Node, asKey?: boolean) => string | undefined): { text: string; pieces: UrlPiece[] } {
  const into = { text: '', pieces: [] as UrlPiece[] };
  addUrlPieces(node, into, constantText);
  return into;
}

function addUrlPieces(part: Node, into: { text: string; pieces: UrlPiece[] }, constantText: ((expression: Node, asKey?: boolean) => string | undefined) | undefined): void {
  const current = unwrap(part);
  if (isConcat(current)) {
    addUrlPieces(current.left, into, constantText);
    addUrlPieces(current.right, into, constantText);
  } else if (current.type === 'TemplateLiteral') {
    for (let i = 0; i < current.quasis.length; i++) {
      const quasi = current.quasis[i];
      into.text += quasi.value.cooked ?? quasi.value.raw;
      const expression = current.expressions[i];
      if (!expression) continue;
      // `${ParamKeys.IPP}=${value}`: a constant spelt as a query key (`subject.identifier`) names the parameter it sets
      const next = current.quasis[i + 1]?.value.cooked ?? '';
      const key = constantText && next.startsWith('=') && /(^|[?&])$/.test(into.text) && (expression.type === 'Identifier' || expression.type === 'MemberExpression') ? constantText(expression, true) : undefined;
      if (key !== undefined) into.text += key;
      else addUrlPieces(expression, into, constantText);
    }
  } else if (optionalUrlPart(current)) {
    // `${term ? `&name=${term}` : ''}`, `${term && `&name=${term}`}`: a query parameter the URL carries when set
    addUrlPieces(optionalUrlPart(current)!, into, constantText);
  } else if (isStringLiteral(current)) {
    into.text += current.value;
  } else if (current.type === 'Literal') {
    into.text += String(current.value);
  } else if (constantText && (current.type === 'Identifier' || current.type === 'MemberExpression') && constantText(current) !== undefined) {
    into.text += constantText(current);
  } else {
    into.pieces.push({ before: into.text, expression: current });
    into.text += 'X';
  }
}

/** Whether a node is the empty string (`''`, an empty template). */
function isEmptyString(node: Node): boolean {
  const current = unwrap(node);
  if (isStringLiteral(current)) return current.value === '';
  return current.type === 'TemplateLiteral' && current.expressions.length === 0 && (current.quasis[0]?.value.cooked ?? '') === '';
}

/**
 * The URL text an optional part adds when present: the template of `cond ? `&name=${term}` : ''` or of
 * `cond && `&name=${term}``. Only a template or literal that spells a query parameter (`name=`), so a part whose
 * text says nothing keeps standing for one unknown value.
 */
function optionalUrlPart(node: Node): Node | undefined {
  let part: Node | undefined;
  if (node.type === 'ConditionalExpression') {
    if (isEmptyString(node.alternate)) part = unwrap(node.consequent);
    else if (isEmptyString(node.consequent)) part = unwrap(node.alternate);
  } else if (node.type === 'LogicalExpression' && node.operator === '&&') part = unwrap(node.right);
  if (!part || !(part.type === 'TemplateLiteral' || isConcat(part))) return undefined;
  return /^[&?]?[A-Za-z0-9_.\-[\]]+=/.test(leadingText(part)) ? part : undefined;
}

/** The literal text a template or `+` chain starts with. */
function leadingText(node: Node): string {
  const current = unwrap(node);
  if (current.type === 'TemplateLiteral') return current.quasis[0]?.value.cooked ?? '';
  if (isConcat(current)) return leadingText(current.left);
  return isStringLiteral(current) ? current.value : '';
}

/**
 * Words of a URL path: `/ws/rest/v1/patient` and `Xpatient` (a base URL expression glued to a segment,
 * `${BASE_URL}patient`) both give `patient`.
 */
function pathSegments(path: string): string[] {
  return path.split(/[^A-Za-z0-9]+/).map((segment) => (/^X[a-z]/.test(segment) ? segment.slice(1) : segment)).filter(Boolean);
}

/** `?dob=` / `&patient_ssn=` right before an expression (or `identifier=` opening a query string): the query parameter it fills. */
function queryParameterBefore(before: string): string | undefined {
  const match = /(?:^|[?&])([A-Za-z0-9_.:\-[\]]+)=$/.exec(before);
  return match ? match[1].replace(/\[\]$/, '') : undefined;
}

/** The literal text so far is a URL's query string (`/api/x?…`, no spaces). */
/** `patient`, `row.patient`, `value?.encounter`: a value read as it is, not serialised or computed. */
function isDirectRead(node: Node): boolean {
  const current = node.type === 'ChainExpression' ? node.expression : node;
  return current.type === 'Identifier' || (current.type === 'MemberExpression' && !current.computed);
}

function inQueryString(before: string): boolean {
  return before.includes('?') && !/\s/.test(before);
}

function mergeTaints(taints: Taint[]): Taint | undefined {
  const withPhi = taints.filter((taint) => taint.kinds.length);
  if (!withPhi.length) return undefined;
  const kinds = [...new Set(withPhi.flatMap((taint) => taint.kinds))].sort();
  const origins = withPhi.flatMap((taint) => taint.origins).slice(0, 3);
  return { kinds, origins, confidence: withPhi.some((taint) => taint.confidence === 'high') ? 'high' : 'medium' };
}

function isReceiverNamedLikeClient(object: Node): boolean {
  const name = lastSegment(object);
  return !!name && splitWords(name).some((word) => HTTP_CLIENT_WORDS.has(word));
}

function endsWithWord(node: Node, words: readonly string[]): boolean {
  const name = lastSegment(node);
  if (!name) return false;
  if (name === '$router') return words.includes('router');
  const split = splitWords(name);
  return split.length > 0 && words.includes(split[split.length - 1]);
}

/** The name a value goes by: `ids` for `ids`, `patient.uuid` and `patientUuids.join(',')`, `String(visitId)`. */
function valueName(expression: Node): string | undefined {
  const node = unwrap(expression);
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression') return propertyName(node);
  if (node.type === 'CallExpression') {
    const call = memberCall(node);
    if (call) return valueName(call.object);
    if (node.arguments[0] && node.arguments[0].type !== 'SpreadElement') return valueName(node.arguments[0]);
  }
  return undefined;
}

/** Words that may follow a search word in the name of what the user typed (`searchTextInput`, `queryString`, `debouncedSearchValue`). */
const TYPED_TEXT_TAIL_WORDS = new Set(['text', 'term', 'terms', 'string', 'value', 'input', 'query', 'phrase', 'keyword', 'keywords']);

/** `searchText`, `patientListSearchTextInput`, `debouncedSearch`, `q`: a name for typed search text (not `searchResults`, `queryClient`). */
function namesTypedText(name: string): boolean {
  const words = splitWords(name);
  for (let i = 0; i < words.length; i++) {
    const single = FREE_TEXT_PARAMETERS.has(words[i]);
    const pair = i + 1 < words.length && FREE_TEXT_PARAMETERS.has(words[i] + words[i + 1]);
    if (!single && !pair) continue;
    if (words.slice(i + 1).every((word) => TYPED_TEXT_TAIL_WORDS.has(word))) return true;
  }
  return false;
}

/**
 * First words of a function that reads a list or runs a search: `fetchPatientsForClinic`, `searchPatients`. Not a hook
 * (`usePatientsSearchResults`): a workspace's own hook may filter in memory or subscribe over a socket (Meteor's DDP).
 */
const LIST_READ_VERBS = new Set(['fetch', 'get', 'load', 'search', 'find', 'list', 'query', 'lookup', 'filter', 'refetch', 'reload']);
/** Words between the verb and its patient noun that keep the read a list read (`fetchAllPatients`, `getMyPatients`). */
const LIST_READ_FILLERS = new Set(['all', 'more', 'my', 'clinic', 'matching', 'filtered', 'paginated', 'paged']);
/** Words of state setters that hold a patient list's request options (`setPatientFetchOptions`, `updatePatientSearchParams`). */
const SEARCH_STATE_WORDS = new Set(['fetch', 'search', 'query', 'list', 'filter', 'request']);
const SEARCH_STATE_HEADS = new Set(['options', 'params', 'parameters', 'filters', 'query', 'criteria', 'args']);

/** What a callee's last name says of the call, for the searches judged at every call (see `searchCallNameOf`). */
interface SearchCallName {
  /** A FHIR search client's method (`isFhirSearchCallName`). */
  fhirSearch: boolean;
  /** A patient list's search filter declaration (`makePatientListFilters`). */
  searchFilterDeclaration: boolean;
  /** A read or search of a list of patients (`namesAPatientListRead`). */
  patientListRead: boolean;
}

/** Asked at every call of every file, and a function of the name alone: judged once per name. */
function searchCallNameOf(name: string): SearchCallName {
  let known = searchCallNames.get(name);
  if (known === undefined) {
    if (searchCallNames.size >= SEARCH_CALL_NAME_CACHE_LIMIT) searchCallNames.clear();
    known = { fhirSearch: isFhirSearchCallName(name), searchFilterDeclaration: namesASearchFilterDeclaration(name), patientListRead: namesAPatientListRead(name) };
    searchCallNames.set(name, known);
  }
  return known;
}

const searchCallNames = new Map<string, SearchCallName>();
const SEARCH_CALL_NAME_CACHE_LIMIT = 20_000;

/** `makePatientListFilters`, `patientSearchFilters`: a patient list's filter declared, changing nothing. */
function namesASearchFilterDeclaration(name: string): boolean {
  if (!name) return false;
  const words = splitWords(name);
  if (!words.some((word) => subjectOfName(word) === 'patient') || !words.some((word) => FILTER_DECLARATION_WORDS.has(word))) return false;
  return !words.some((word) => subjectOfName(word) === 'workforce' || MUTATION_WORDS.has(word));
}

/**
 * A call that reads a list of patients or runs a patient search with an options object, its request made elsewhere
 * (a Redux thunk, an API module, a data hook): `fetchPatientsForClinic(id, { search })`, `searchPatients({ q })`,
 * `usePatients({ search })`, or the state those options are kept in until an effect sends them
 * (`setPatientFetchOptions({ search })`). The verb must act on patients: `fetchPatientProviders` does not.
 */
function namesAPatientListRead(name: string): boolean {
  const words = splitWords(name);
  const isPatientWord = (word: string | undefined) => !!word && subjectOfName(word) === 'patient';
  if (LIST_READ_VERBS.has(words[0])) {
    let i = 1;
    while (i < words.length && LIST_READ_FILLERS.has(words[i])) i++;
    if (!isPatientWord(words[i])) return false;
    const rest = words.slice(i + 1);
    // `fetchPatientsForClinic` scopes the list; `getPatientProviders` lists someone else.
    const preposition = rest.findIndex((word) => ['for', 'by', 'in', 'from', 'of', 'with', 'at'].includes(word));
    const object = preposition < 0 ? rest : rest.slice(0, preposition);
    return !object.some((word) => subjectOfName(word) === 'workforce');
  }
  if (['set', 'update', 'change', 'apply'].includes(words[0]) && words.slice(1, -1).some(isPatientWord)
    && SEARCH_STATE_HEADS.has(words.at(-1)!) && words.slice(1).some((word) => SEARCH_STATE_WORDS.has(word) || word === 'query')) return true;
  return false;
}

/**
 * `'&name=' + value || ''`: `+` binds first, so the fallback guards the whole fragment (which is never empty) and the
 * fragment is what is added. The text before the fallback is the URL piece.
 */
function withoutTextFallback(node: Node): Node {
  if (node.type === 'LogicalExpression' && (node.operator === '||' || node.operator === '??') && isConstantExpression(node.right)) return unwrap(node.left);
  return node;
}

// ── FHIR searches and tRPC queries: clients that put their parameters in a GET query string ─────

/** Words of a function that changes data (`createResource`, `saveFHIRResource`): not a search, whatever its arguments. */
const MUTATION_WORDS = new Set(['create', 'save', 'update', 'upsert', 'delete', 'remove', 'post', 'put', 'patch', 'persist', 'submit', 'transaction', 'batch']);
/** Keys of a search description that hold its parameters (`{ resourceType: 'Patient', searchParams: { … } }`). */
const SEARCH_DESCRIPTION_PARAMETER_KEYS = new Set(['searchParams', 'params', 'query', 'parameters']);

/**
 * `getFHIRResources('Patient', params)`, `medplum.searchResources('Patient', params)`, `useSearch('Patient', params)`,
 * `client.search({ resourceType: 'Patient', searchParams })`: a FHIR search client call. Its name reads or searches
 * (a list-read verb, possibly after `use`) and changes nothing.
 */
function isFhirSearchCallName(name: string | undefined): boolean {
  if (!name) return false;
  const words = splitWords(name);
  if (words.some((word) => MUTATION_WORDS.has(word))) return false;
  const verb = words[0] === 'use' ? words[1] : words[0];
  return !!verb && LIST_READ_VERBS.has(verb);
}

/**
 * A FHIR search URL's person parameter: `Patient?name=…`, `/fhir/Patient?birthdate=…` (the path ends in a person
 * resource type, spelt as FHIR spells it), or a chain through a patient reference on any resource
 * (`Encounter?subject:Patient.name=…`). The kind the searched value is.
 */
function fhirPersonSearchKind(parameter: string, urlText: string | undefined): string | undefined {
  const chained = chainedPatientSearchParameterKind(parameter);
  if (chained) return chained;
  const resource = urlText?.split('?')[0].split('/').filter(Boolean).at(-1);
  return resource && isPersonResource(resource) ? personSearchParameterKind(parameter) : undefined;
}

/** Words of a value that bounds a date range (`minBirthDate`, `cutoff`, `fromDate`). */
const DATE_BOUND_WORDS = new Set(['min', 'max', 'from', 'to', 'start', 'end', 'before', 'after', 'since', 'until', 'cutoff', 'threshold', 'lower', 'upper', 'earliest', 'latest']);

/** Words of a function that declares a list's search filters: `makePatientListFilters`, `patientSearchColumns`. */
const FILTER_DECLARATION_WORDS = new Set(['filter', 'filters', 'search', 'searchbar', 'columns']);

/** Fields of the app's own user accounts: a schema or query with one describes users, not patients. */
const ACCOUNT_FIELDS = new Set(['username', 'login', 'loginname', 'password']);

/** tRPC procedure calls that run a query (served over GET, the input serialised into the URL's `input` parameter). */
const TRPC_QUERY_HOOKS = new Set(['useQuery', 'useSuspenseQuery', 'useInfiniteQuery', 'useSuspenseInfiniteQuery', 'query', 'queryOptions', 'infiniteQueryOptions']);
/** zod schema wrappers around an object schema: `z.object({…}).strict()`, `.extend({…})`, `.partial()`. */
const ZOD_OBJECT_METHODS = new Set(['object', 'strictObject', 'looseObject', 'extend', 'merge', 'strict', 'partial', 'passthrough', 'required', 'deepPartial', 'optional', 'nullable']);

/** The root identifier of a member chain or call chain: `publicProcedure` of `publicProcedure.input(s).query(fn)`. */
function chainRoot(node: Node): Node {
  let current = unwrap(node);
  for (;;) {
    if (current.type === 'MemberExpression') current = unwrap(current.object);
    else if (current.type === 'CallExpression') current = unwrap(current.callee);
    else return current;
  }
}

/** `.input(schema)` anywhere in the builder chain of a tRPC procedure: the schema node. */
function procedureInput(node: Node): Node | undefined {
  let current = unwrap(node);
  while (current.type === 'CallExpression' || current.type === 'MemberExpression') {
    if (current.type === 'CallExpression') {
      const call = memberCall(current);
      if (call?.method === 'input' && current.arguments[0] && current.arguments[0].type !== 'SpreadElement') return current.arguments[0];
      current = unwrap(current.callee);
    } else current = unwrap(current.object);
  }
  return undefined;
}

/** `publicProcedure`, `protectedProcedure`, `t.procedure`: the base of a tRPC procedure builder chain. */
function isProcedureBase(chain: Node): boolean {
  let current = unwrap(chain);
  for (;;) {
    if (current.type === 'Identifier') return /procedure$/i.test(current.name);
    if (current.type === 'MemberExpression') {
      if (propertyName(current) === 'procedure') return true;
      current = unwrap(current.object);
    } else if (current.type === 'CallExpression') current = unwrap(current.callee);
    else return false;
  }
}

/** Restangular reads and where their query params object is: `get(params)`, `getList(params)`, `customGET(path, params)`. */
const RESTANGULAR_GETS = new Map([['get', 0], ['getList', 0], ['customGET', 1], ['customGETLIST', 1]]);
/** Links of a Restangular route chain (`Restangular.one('patients', id).all('visits')`). */
const RESTANGULAR_ROUTES = new Set(['one', 'all', 'several', 'oneUrl', 'allUrl', 'withConfig', 'service']);

/** Attributes whose text tells staff what a search input finds (`placeholder="Search by patient name or MRN"`). */
const INPUT_LABEL_ATTRIBUTES = new Set(['placeholder', 'label', 'aria-label', 'title']);

/**
 * The search input a handler belongs to says it finds patients: `<Search placeholder="Search by patient" onSubmit={…}>`.
 * Only the element whose attribute holds the handler, so a page's other inputs lend it nothing.
 */
function searchInputLabelNamesPatients(node: Node): boolean {
  for (let current: Node | undefined = parentOf(node); current; current = parentOf(current)) {
    if (current.type !== 'JSXAttribute') continue;
    const element = parentOf(current);
    if (element?.type !== 'JSXOpeningElement') return false;
    return element.attributes.some((attribute) => {
      if (attribute.type !== 'JSXAttribute' || attribute.name.type !== 'JSXIdentifier' || !INPUT_LABEL_ATTRIBUTES.has(attribute.name.name)) return false;
      const value = attribute.value;
      const text = value?.type === 'Literal' && typeof value.value === 'string' ? value.value
        : value?.type === 'JSXExpressionContainer' && isStringLiteral(value.expression) ? value.expression.value : undefined;
      return !!text && text.split(/[^A-Za-z]+/).some((word) => word && subjectOfName(word) === 'patient');
    });
  }
  return false;
}

/** Hooks that return setters of the page URL's query by key (`const { updateQueryParam } = useQueryParam()`). */
const KEYED_QUERY_HOOK = /^use(?:Url)?(?:Query|Search|Url)(?:Param|Params|Parameters|State|String)s?$/;
/** Setters of such a hook: `updateQueryParam(key, value)`, `setQueryParam(key, value)`, `setParam`. */
const KEYED_QUERY_SETTER = /^(?:set|update|replace|push)[A-Z]/;

/**
 * Members of a workspace hook that writes the page URL's query (see RuleContext.isUrlQueryHook) that set its keys:
 * `updateQuery`, `updateFilterQuery`, `setUrlParams`, `addParams`. Named for what they set (a query, a parameter, a
 * filter, a search), not any setter the hook returns (`setPatient`).
 */
const URL_QUERY_MEMBER = /^(?:set|update|replace|push|add|apply)(?:[A-Z]\w*)?(?:Query|Queries|Param|Params|Parameter|Parameters|Search|Filter|Filters|Url)(?:[A-Z]\w*)?$/;
/**
 * Property names that say their value is the name of a page-URL query parameter: a filter definition's
 * `urlParameter: 'lastName'`, `queryParam`, `urlKey`, `searchParamName`. (`queryKey` is React Query's cache key.)
 */
function namesAUrlParameterKey(property: string): boolean {
  const words = splitWords(property);
  if (words.length < 2 || words.length > 4) return false;
  const url = words.includes('url') || ((words.includes('query') || words.includes('search')) && words.some((word) => word === 'param' || word === 'parameter'));
  return url && words.some((word) => word === 'param' || word === 'parameter' || word === 'key') && !(words.length === 2 && words[0] === 'query' && words[1] === 'key');
}
/** A query entry that holds whatever was searched for: `searchValue`, `value`, `term`, `q` (see discriminatedValueTaint). */
const VALUE_SLOT_KEY = /^(?:value|search_?value|search_?term|search_?text|search_?string|term|query|q|text|keyword|filter_?value)$/i;
/** Its sibling that says what was searched for: `searchType: 'IDENTIFIER'`, `field: 'lastName'`, `searchBy: 'phone'`. */
const DISCRIMINATOR_KEY = /^(?:search_?type|search_?by|search_?field|search_?key|filter_?type|filter_?by|filter_?field|field|by|type|kind|criteria)$/i;
/** How deep the argument of a URL query hook is searched for filter keys (`{ filters: [{ key: 'lastName' }] }`). */
const MAX_FILTER_KEY_DEPTH = 4;

/** Methods that save a value in a cookie or in browser storage (`$cookies.put`, `localStorage.setItem`, `Cookies.set`). */
const STORE_METHODS = new Set(['put', 'putObject', 'setItem', 'set']);
const STORE_RECEIVER_WORDS = new Set(['cookie', 'cookies', 'storage']);

/** A string built as (part of) the value handed to a cookie or storage write, through `+`, `?:`, `||` and templates. */
function isStoredValue(node: Node): boolean {
  let current = node;
  for (let parent = parentOf(current); parent; current = parent, parent = parentOf(current)) {
    if (isConcat(parent) || parent.type === 'ConditionalExpression' || parent.type === 'LogicalExpression' || parent.type === 'TemplateLiteral') continue;
    if (parent.type !== 'CallExpression' || !parent.arguments.includes(current as TSESTree.CallExpressionArgument)) return false;
    const call = memberCall(parent);
    const receiver = call ? lastSegment(call.object) : undefined;
    return !!call && STORE_METHODS.has(call.method) && !!receiver && splitWords(receiver).some((word) => STORE_RECEIVER_WORDS.has(word));
  }
  return false;
}

/**
 * `/Reporting/DiseaseWiseReport?FromDate=…&ToDate=…&Diagnosis=…&WardId=…`: a report over every patient of a date range,
 * filtered by a diagnosis code, a drug or a ward. The URL names nobody: no key brings in a person or a record, and the
 * filter values are of kinds a report is keyed by. A diagnosis with a name or an identifier beside it is reported.
 */
function isAggregateReportFilter(path: string, queryKeys: readonly string[], taint: Taint): boolean {
  if (!splitWords(path.replace(/[^A-Za-z0-9]+/g, ' ')).some((word) => AGGREGATE_REPORT_WORDS.has(word))) return false;
  if (!queryKeys.some((key) => RANGE_START_KEY.test(key)) || !queryKeys.some((key) => RANGE_END_KEY.test(key))) return false;
  if (queryKeys.some((key) => splitWords(key).some((word) => PERSON_KEY_WORDS.has(word)))) return false;
  return taint.kinds.every((kind) => REPORT_FILTER_KINDS.has(kind));
}

/** The names of the functions and variables around a node, innermost first (`handleSubmit`, `CompactPatientSearch`). */
function enclosingNames(node: Node): string[] {
  const names: string[] = [];
  for (let current = parentOf(node); current; current = parentOf(current)) {
    if (current.type === 'FunctionDeclaration' && current.id) names.push(current.id.name);
    else if (current.type === 'VariableDeclarator' && current.id.type === 'Identifier') names.push(current.id.name);
    else if ((current.type === 'MethodDefinition' || current.type === 'Property') && !current.computed) {
      const key = keyName(current.key);
      if (key) names.push(key);
    } else if (current.type === 'ClassDeclaration' && current.id) names.push(current.id.name);
  }
  return names;
}

/** The objects a value is read from (`session.user.email` → session, user), through `encodeURIComponent(…)` and `|| ''`. */
function ownerNames(expression: Node): string[] {
  let node = unwrap(expression);
  for (let depth = 0; depth < 4; depth++) {
    if (node.type === 'CallExpression' && node.arguments.length === 1 && node.arguments[0].type !== 'SpreadElement' && node.callee.type === 'Identifier') node = unwrap(node.arguments[0]);
    else if (node.type === 'LogicalExpression') node = unwrap(node.left);
    else break;
  }
  if (node.type !== 'MemberExpression') return [];
  return (dottedName(node) ?? '').split('.').slice(0, -1).filter(Boolean);
}

/** The names of the functions a node sits in (declarations, and functions assigned to a variable or property). */
function enclosingFunctionNames(node: Node): string[] {
  const names: string[] = [];
  for (let current = parentOf(node); current; current = parentOf(current)) {
    if (current.type !== 'FunctionDeclaration' && current.type !== 'FunctionExpression' && current.type !== 'ArrowFunctionExpression') continue;
    if (current.type !== 'ArrowFunctionExpression' && current.id) names.push(current.id.name);
    const holder = parentOf(current);
    if (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier') names.push(holder.id.name);
    // class methods and object methods (`async findUserByEmail(email) {…}`, `{ getUser: (email) => … }`)
    else if ((holder?.type === 'MethodDefinition' || holder?.type === 'Property') && !holder.computed) {
      const key = keyName(holder.key);
      if (key) names.push(key);
    }
  }
  return names;
}

/** A function whose first parameter is the request `name`. */
function isHandlerOf(fn: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration, name: string): boolean {
  const first = fn.params[0];
  return first?.type === 'Identifier' && first.name === name;
}

/** `(req, res)`, `(request, reply)`, `(req, res, next)`, `(ctx)`, `(ctx, next)` with `request` being the first. */
function isHandlerShaped(fn: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration, request: string): boolean {
  const [first, second] = fn.params;
  if (first?.type !== 'Identifier' || first.name !== request) return false;
  if (KOA_CONTEXT_PARAMETERS.has(request)) return !second || (second.type === 'Identifier' && second.name === 'next');
  return REQUEST_PARAMETERS.has(request) && second?.type === 'Identifier' && RESPONSE_PARAMETERS.has(second.name);
}

/**
 * Words naming the workforce as people (`StaffProfile`, `adminConsole`): their screens handle staff contacts.
 * Not the app's `user`, who is the patient in a patient portal.
 */
const STAFF_SIDE_WORDS: readonly string[] = [
  'staff', 'practitioner', 'practitioners', 'clinician', 'clinicians', 'doctor', 'doctors', 'nurse', 'nurses',
  'employee', 'employees', 'admin', 'admins', 'administrator', 'operator',
  // Spanish and Portuguese: health professionals, nurses, and the registration that licenses a professional (matriculación)
  'profesional', 'profesionales', 'profissional', 'profissionais', 'enfermero', 'enfermera', 'enfermeros', 'enfermeras',
  'enfermeiro', 'enfermeira', 'matriculacion', 'matriculaciones',
];

/**
 * The workforce's people themselves (not an admin console, which also searches patients): code about practitioners or
 * professionals reads their name, birth date, identity document and licence, none of them a patient's identifiers.
 */
const WORKFORCE_PEOPLE_WORDS: ReadonlySet<string> = new Set(STAFF_SIDE_WORDS.filter((word) => !/^(admin|admins|administrator|operator)$/.test(word)));

/** The identifier kinds (names, dates, numbers): a workforce member's are not PHI; clinical kinds stay PHI whoever handles them. */
const WORKFORCE_IDENTIFIER_KINDS: ReadonlySet<string> = new Set(PHI_KINDS.filter((kind) => kind.category === 'identifier').map((kind) => kind.id));

/**
 * A workforce member's query without their identifiers (names, dates, numbers) and without what a caller passes there
 * (the `param:` kinds of the cross-file pass: the caller's criteria are a professional's): clinical kinds stay.
 */
function withoutIdentifierKinds(taint: Taint): Taint {
  return { ...taint, kinds: taint.kinds.filter((kind) => !WORKFORCE_IDENTIFIER_KINDS.has(kind) && !kind.startsWith('param:')) };
}

/** An id-like name: `orgUnitId`, `programUid`, `id`. */
/** A property of an object literal that also holds a FHIR POST-search path (`path: '/Observation/_search'`). */
function besideSearchPostPath(property: TSESTree.Property): boolean {
  const object = parentOf(property);
  if (object?.type !== 'ObjectExpression') return false;
  return object.properties.some((sibling) => sibling !== property && sibling.type === 'Property' && /\/_search$/.test(trailingText(sibling.value as Node)));
}

/** The literal text at the end of a string or template (`` `/${type}/_search` `` → `/_search`). */
function trailingText(node: Node): string {
  const current = unwrap(node);
  if (isStringLiteral(current)) return current.value;
  if (current.type === 'TemplateLiteral') return current.quasis[current.quasis.length - 1]?.value.cooked ?? '';
  return '';
}

/** Calls that turn a whole value into text (`JSON.stringify(record)`, `qs.stringify`, `btoa`, `serialize`). */
const SERIALISING_CALLS = new Set(['stringify', 'btoa', 'serialize', 'serialise', 'toJSON']);

/** Whether a value is (or wraps, `encodeURIComponent(JSON.stringify(…))`, `` `${JSON.stringify(x)}` ``) a serialisation of a value. */
function serialisesAValue(node: Node, depth = 0): boolean {
  const current = unwrap(node);
  if (depth > 4) return false;
  if (current.type === 'CallExpression') {
    if (SERIALISING_CALLS.has(lastSegment(current.callee) ?? '')) return true;
    return current.arguments.some((argument) => argument.type !== 'SpreadElement' && serialisesAValue(argument, depth + 1));
  }
  if (current.type === 'TemplateLiteral') return current.expressions.some((expression) => serialisesAValue(expression, depth + 1));
  if (isConcat(current)) return serialisesAValue(current.left, depth + 1) || serialisesAValue(current.right, depth + 1);
  return false;
}

function isIdName(name: string): boolean {
  const words = splitWords(name);
  if (ID_WORDS.includes(words[words.length - 1] ?? '')) return true;
  // `idPaciente`, `id_patient`: the id first and then what it identifies, as Romance languages order them
  // (`idNumber`, `idCard` name an identity document's number, not an id of a record, and stay out)
  return words.length === 2 && ID_WORDS.includes(words[0]) && subjectOfName(words[1]) !== undefined;
}

const ID_WORDS = ['id', 'ids', 'uid', 'uids', 'uuid', 'uuids'];

/**
 * Kinds a record's KEY does not carry. `photoId` is the key of a photo row, not the photograph (an image's bytes do
 * not travel in a URL: what does is its id or its address); `vehicleId` is the key of a fleet or equipment row, not a
 * VIN or a plate (HIPAA's vehicle identifiers); `medicalRecordId`, `ehrId` key a record row, not the medical record
 * NUMBER printed on a chart. The identifier schemes whose names also end in `Id` (`nationalId`, `memberId`, `nhsId`)
 * name the identifier itself and keep their kinds.
 */
const RECORD_KEY_KINDS: ReadonlySet<string> = new Set(['photo', 'vehicle-id']);
/** Words for a record (not a person): the key of one is a row key (`medicalRecordId`, `ehrId`, `chartUuid`). */
const RECORD_ROW_WORDS: ReadonlySet<string> = new Set(['record', 'records', 'ehr', 'emr', 'chart']);

/**
 * `${photoId}`, `?vehicleId=`, `medicalRecordId`: the kinds a value or query key takes from a name that is the key of
 * a thing's record, which are the thing's (its picture, its plate, its chart number), dropped; the kinds of a person's
 * key (`patientId`, `memberUuid`) and of any other name are kept.
 */
function withoutRecordKeyKinds(name: string | undefined, kinds: readonly string[]): readonly string[] {
  if (!name || !kinds.length) return kinds;
  const words = splitWords(name);
  if (words.length < 2 || !ID_WORDS.includes(words[words.length - 1] ?? '')) return kinds;
  const stem = words.slice(0, -1);
  if (stem.some((word) => PERSON_KEY_WORDS.has(word) || word === 'number' || word === 'no')) return kinds;
  const recordRow = RECORD_ROW_WORDS.has(stem[stem.length - 1] ?? '');
  return kinds.filter((kind) => !RECORD_KEY_KINDS.has(kind) && !(recordRow && (kind === 'mrn' || RECORD_KINDS.has(kind))));
}

/**
 * FHIR search parameters that match a resource's logical id or a reference to one (`_id`, `subject`); searching by
 * a business identifier takes the `:identifier` modifier, which these names do not carry. (`patient=` is left out:
 * outside FHIR, APIs take a patient's identifier under that name.)
 */
const LOGICAL_REFERENCE_PARAMETER = /^(?:_id|subject)$/;

/**
 * A value called only an identifier (`patientIdentifiers`) put in a logical-id or reference parameter is the
 * logical id the parameter matches, opaque; a value named for a specific identifier (`mrn`, `ssn`) still counts.
 */
function withoutReferenceIdentifier(parameter: string | undefined, expression: Node, taint: Taint): Taint {
  if (!parameter || !LOGICAL_REFERENCE_PARAMETER.test(parameter) || !taint.kinds.length || !taint.kinds.every((kind) => IDENTIFIER_SEARCH_KINDS.includes(kind) || RECORD_KINDS.has(kind))) return taint;
  const name = valueName(expression);
  const words = name ? splitWords(name) : [];
  return /^identifiers?$/.test(words[words.length - 1] ?? '') ? { ...taint, kinds: [] } : taint;
}

/** Namespaces of an app's constants and endpoints: `App.Constants.bedFromVisit`, `urls.visitNotes`, `ENDPOINTS.encounter`. */
const CONSTANTS_NAMESPACES = new Set(['constants', 'urls', 'endpoints', 'routes', 'apiroutes', 'apiurls']);

/** A value read from a constants namespace: a configured path or name, not data (`Constants.bedFromVisit`). */
function isConstantsRead(expression: Node): boolean {
  const node = unwrap(expression);
  if (node.type !== 'MemberExpression') return false;
  const segments = (dottedName(node) ?? '').split('.').slice(0, -1);
  return segments.some((segment) => CONSTANTS_NAMESPACES.has(segment.toLowerCase()));
}

/**
 * `routes.patientDetails.interpolate({ id })`, `ROUTES.PATIENT.buildPath(params)`: a route template of a constants
 * namespace filled in. The template is code; what goes into the URL is its arguments. Undefined for any other value.
 */
function routeTemplateArguments(expression: Node): Node[] | undefined {
  const node = unwrap(expression);
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || !isConstantsRead(node.callee.object)) return undefined;
  return node.arguments.filter((argument): argument is TSESTree.Expression => argument.type !== 'SpreadElement');
}

/** A URL with a scheme and host (`https://partner.example/…`, `//cdn.example/…`). */
const ABSOLUTE_URL = /^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/]/i;

/** Names of parameters that hand a URL to another service or page to go to next (`redirect`, `returnTo`, `next`, `callback`). */
const HAND_ON_NAME = /redirect|return|next|callback|continue|backto|goto|referr?er|origin|target|from/i;

/**
 * Whether a built URL is handed on as a parameter rather than used as an address: encoded (`encodeURIComponent(…)`,
 * `btoa(…)`), or the value of a redirect/return-style property, variable or query parameter (`{ returnTo: … }`,
 * `const redirectUrl = …`, `params.set('next', …)`).
 */
function handedOnAsParameter(node: Node): boolean {
  let child: Node = node;
  let parent = parentOf(node);
  while (parent && (parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression' || parent.type === 'ChainExpression' || parent.type === 'LogicalExpression' || parent.type === 'ConditionalExpression')) {
    child = parent;
    parent = parentOf(parent);
  }
  if (!parent) return false;
  if (parent.type === 'CallExpression') {
    const callee = lastSegment(parent.callee);
    if (callee && ['encodeURIComponent', 'encodeURI', 'escape', 'btoa', 'stringify'].includes(callee)) return true;
    const call = memberCall(parent);
    const key = parent.arguments[0];
    if (call && ['set', 'append'].includes(call.method) && parent.arguments[1] === child && key && isStringLiteral(key) && HAND_ON_NAME.test(key.value)) return true;
    return false;
  }
  const name =
    parent.type === 'Property' && parent.value === child ? (parent.key.type === 'Identifier' ? parent.key.name : isStringLiteral(parent.key) ? parent.key.value : undefined)
    : parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id.name
    : parent.type === 'AssignmentExpression' ? lastSegment(parent.left)
    : parent.type === 'JSXExpressionContainer' && parentOf(parent)?.type === 'JSXAttribute' ? jsxAttributeName(parentOf(parent) as TSESTree.JSXAttribute)
    : undefined;
  return !!name && HAND_ON_NAME.test(name);
}

function jsxAttributeName(attribute: TSESTree.JSXAttribute): string | undefined {
  return attribute.name.type === 'JSXIdentifier' ? attribute.name.name : undefined;
}

/** The page URL a value copies (`window.location.href`, `encodeURIComponent(location.href)`, `location.toString()`), if any. */
function pageUrlOf(expression: Node): string | undefined {
  let node = unwrap(expression);
  while (node.type === 'CallExpression') {
    const callee = dottedName(node.callee);
    const call = memberCall(node);
    if (callee && ['encodeURIComponent', 'encodeURI', 'escape', 'String'].includes(callee) && node.arguments[0]) node = unwrap(node.arguments[0]);
    else if (call?.method === 'toString') node = unwrap(call.object);
    else return undefined;
  }
  const name = node.type === 'MemberExpression' ? dottedName(node) : undefined;
  return name && PAGE_URL.test(name) ? name : undefined;
}


// ── one file ──────────────────────────────────────────────────────────────────────────────────

interface Options {
  httpClientNames: string[];
}

/** What the rule learns about one file as the walk goes (URL variables, GET handlers, search params), and its checks. */
class UrlFile {
  readonly extraClients: ReadonlySet<string>;
  /** Template/concat URL nodes already reported (by a sink or as a built URL). */
  readonly handled = new Set<Node>();
  /** The latest initialiser of each variable name: `const url = \`…\``; fetch(url). */
  readonly inits = new Map<string, Node>();
  /** Route handlers of GET routes → the name of their request parameter. */
  readonly getHandlers = new Map<Node, string>();
  /** Inline handlers of routes of other methods registered here (`app.post('/x', (req, res) => …)`): their method is known. */
  readonly routeHandlers = new Set<Node>();
  /** `const params = new URLSearchParams(…)`: decided at the end of the file by how it is used. */
  readonly searchParamVars = new Map<string, { entries: Array<{ node: Node; taint: Taint }>; urlUse: boolean; bodyUse: boolean }>();
  /** `params.set('name', text)` on a `URLSearchParams` variable, every key (what a FHIR search makes of them is decided there). */
  readonly searchParamSets = new Map<string, Array<{ key: string; value: Node; scope: Node | undefined }>>();
  /** Functions that `useNavigate()` / `useRouter()` results are bound to. */
  readonly navigateFunctions = new Set<string>(['navigate']);
  /** Setters of the page URL's query: `setSearchParams` of `useSearchParams()`; one-parameter setters with the parameter's name. */
  readonly querySetters = new Map<string, string | undefined>();
  /** Names bound to the page URL's query: `const [searchParams] = useSearchParams()`. */
  readonly pageQueryVars = new Set<string>();
  /** Names bound to the page URL's query for reading: `const params = useSearchParams()`, `new URLSearchParams(location.search)`. */
  readonly pageQueryReaders = new Set<string>();
  /** `params.get('dob')` on the page URL's query, in source order (judged together at the end of the file). */
  readonly pageQueryReads: Array<{ node: TSESTree.CallExpression; key: string }> = [];
  /** Names holding a URL this file built with PHI in its query (`searchEndPoint`, and the state `url` it is saved in). */
  readonly savedPhiUrls = new Map<string, Taint>();
  /** `const [url, setUrl] = useState()`: the state each setter sets. */
  readonly stateOfSetter = new Map<string, string>();
  /** Whether this file reported PHI written into the page URL (its reads of the same URL then add nothing). */
  wroteToPageUrl = false;
  /** Setters of one page-URL query key by its name, from a query-state hook: `updateQueryParam('search', text)`. */
  readonly keyedQuerySetters = new Set<string>();
  /** `query['firstName'] = firstName`, `params.dob = value`: values stored into an object by key, by the object's name. */
  readonly keyedStores = new Map<string, Array<{ key: string; value: Node; scope: Node | undefined }>>();
  /** Trailing-separator query strings (`query += \`given=${x}&\``) per variable and function: one finding each, at exit. */
  readonly trailingQueryFragments = new Map<string, { node: Node; taints: Taint[] }>();
  /** UI-Router state names → the URL they declare (`/search?name&dob`), from `.state(…)` declarations in this file. */
  readonly stateUrls = new Map<string, string>();
  /** Names AngularJS `$resource(…)` classes are bound to in this file. */
  readonly resourceNames = new Set<string>();
  /** The node whose visitor is running. */
  site: Node | undefined;

  constructor(
    readonly context: RuleContext<MessageId>,
    options: Readonly<Options>,
  ) {
    this.extraClients = new Set(options.httpClientNames);
  }

  report(node: Node, messageId: MessageId, taint: Taint, sink: string, precision?: Precision) {
    if (isDateOfAnOpaqueRecord(taint)) return;
    // The served request's own URL forwarded (a proxy) or copied: its query was in a URL already.
    if (onlyFromServedUrl(taint)) return;
    if (messageId === 'pageUrl' || messageId === 'urlFilterKey' || messageId === 'searchParams') this.wroteToPageUrl = true;
    // A FHIR server's search criteria formatted back into a URL (paging and self links): say where they came from.
    if ((messageId === 'builtUrl' || messageId === 'searchParams') && taint.origins.some((origin) => origin.searchCriteria)) messageId = 'criteriaUrl';
    this.context.report({ node, messageId, taint, data: { sink }, precision });
  }

  isSanitized(node: Node) {
    return this.context.hasTag(node, 'sanitized') || this.context.hasTag(node, 'encrypted');
  }

  /** A name the classifier treats as a trap (`lastFour`, `patientCount`, `DOB_FORMAT`, `patientId`). */
  isTrapName(name: string) {
    return this.context.classifyName(`${name}Ssn`).length === 0 || this.context.classifyName(`ssn_${name}`).length === 0;
  }

  /** What a query parameter's name says about an opaque value: `?dob=${value}`. */
  kindsFromParameterName(parameter: string | undefined, expression: Node, urlText?: string): Taint | undefined {
    if (!parameter || isConstantExpression(expression) || this.isSanitized(expression)) return undefined;
    // A FHIR person search parameter says what the typed value is; when it does not decide, the general reading does.
    const fhirKind = fhirPersonSearchKind(parameter, urlText);
    const fhirTaint = fhirKind ? this.fhirSearchValueTaint(fhirKind, expression, isPatientIdentifierModifier(parameter)) : undefined;
    if (fhirTaint) return fhirTaint;
    if (this.isFreeTextPatientSearch(parameter, expression, urlText)) return { kinds: FREE_TEXT_KINDS, origins: [], confidence: 'medium' };
    if (this.isPatientIdentifierSearch(parameter, expression, urlText)) return { kinds: IDENTIFIER_SEARCH_KINDS, origins: [], confidence: 'medium' };
    if (this.isPatientNameSearch(parameter, expression, urlText)) return { kinds: FREE_TEXT_KINDS, origins: [], confidence: 'medium' };
    const name = valueName(expression);
    const named = this.context.classifyName(parameter);
    if (name && this.isTrapName(name) && !keyNamesTheNumberOfAnId(named, parameter, name)) return undefined;
    // `?email=` built in a sign-in, password-reset or staff screen (`LoginCtrl`, `auth/forgotPassword.js`)
    // carries the account holder's own login, not a patient's contact; a patient's screen keeps it.
    const kinds = this.isStaffSide(expression) ? named.filter((kind) => !CONTACT_KINDS.includes(kind)) : named;
    // `?patient=…`, `?encounter=…` (FHIR and REST search parameters) take a reference, not the record.
    if (kinds.every((kind) => RECORD_KINDS.has(kind))) return undefined;
    return kinds.length ? { kinds, origins: [], confidence: 'medium' } : undefined;
  }

  /**
   * Code about the app's own accounts or the workforce: an enclosing function, class or variable named so
   * (`ForgotPasswordCtrl`, `inviteStaff`), or a file path about accounts (`auth/`, `login.js`), where
   * nothing around names the patient (a patient portal's sign-in stays the patient's).
   */
  isStaffSide(node: Node): boolean {
    const names = [...enclosingNames(node), ...this.context.file.replace(/\.[^./]+$/, '').split('/')];
    if (names.some((name) => subjectOfName(name) === 'patient')) return false;
    // Not a sign-up: in a patient-facing app that is where patients create their own accounts (staff are invited);
    // an app whose users are patients (config `appUsers`) signs patients in everywhere.
    const accounts = this.context.config.appUsers !== 'patients';
    if (this.isSignedInUsersOwn(node)) return true;
    return names.some((name) => (accounts && isAccountContextName(name.replace(/sign[-_]?up/gi, ''))) || splitWords(name).some((word) => STAFF_SIDE_WORDS.includes(word)));
  }

  /** The names around a route handler: enclosing functions, the file's path and the paths of the routes it is registered on. */
  routeSideNames(node: Node): string[] {
    // Nodes below the visited one (a destructured key) have no parent pointer yet: look around the node being visited.
    const around = parentOf(node) ? node : this.site ?? node;
    const names = [...enclosingNames(around), ...this.context.file.replace(/\.[^./]+$/, '').split('/')];
    for (let current = parentOf(around); current; current = parentOf(current)) {
      const path = current.type === 'CallExpression' ? current.arguments[0] : undefined;
      if (path && isStringLiteral(path) && path.value.startsWith('/')) names.push(...path.value.split(/[^A-Za-z0-9]+/).filter(Boolean));
    }
    return names;
  }

  /** Code about the workforce's people (see WORKFORCE_PEOPLE_WORDS) where nothing around names the patient. */
  isWorkforcePeopleSide(node: Node): boolean {
    const names = this.routeSideNames(node);
    if (names.some((name) => subjectOfName(name) === 'patient')) return false;
    return names.some((name) => splitWords(name).some((word) => WORKFORCE_PEOPLE_WORDS.has(word)));
  }

  /**
   * A request about the workforce's people (`this.server.get('/core/tm/profesionales', { params })` in a professionals'
   * service): its URL's path or the code around names practitioners or professionals and nothing names the patient.
   */
  requestsWorkforcePeople(site: Node, urlText: string | undefined): boolean {
    const aboutWorkforce = (names: readonly string[]) => !names.some((name) => subjectOfName(name) === 'patient')
      && names.some((name) => splitWords(name).some((word) => WORKFORCE_PEOPLE_WORDS.has(word)));
    // The endpoint's own path decides first: a professionals' registry searched from an admission screen is theirs.
    const path = urlText ? pathSegments(urlText.split('?')[0]).filter((segment) => segment !== 'X') : [];
    if (path.length && aboutWorkforce(path)) return true;
    return aboutWorkforce([...this.routeSideNames(site), ...path]);
  }

  /** Code about reference data (a catalogue, a formulary, a vademecum: see REFERENCE_DATA_WORDS) by its functions', file's or route's names. */
  isReferenceDataSide(node: Node): boolean {
    return this.routeSideNames(node).some((name) => namesReferenceData(name));
  }

  /**
   * The signed-in user's own field (`session.user.email`, `currentUser.email`) or a value a lookup of the signed-in
   * user sends (`fetchUserContext(email)`): the account holder's, who is staff unless the app's users are patients.
   */
  isSignedInUsersOwn(node: Node): boolean {
    if (this.context.config.appUsers === 'patients') return false;
    const owners = ownerNames(node);
    if (owners.some((name) => subjectOfName(name) === 'patient')) return false;
    const functions = enclosingFunctionNames(parentOf(node) ? node : this.site ?? node);
    // a patient's screen (`PatientSearch` around `onUserInput`) keeps it the patient's
    if (functions.some((name) => subjectOfName(name) === 'patient')) return false;
    return owners.some(isAppUserName) || functions.some(isAppUserName);
  }

  /**
   * `?identifier=${value}` on a patient endpoint (`/patient?identifier=`, FHIR's `Patient?identifier=`): the
   * patient's business identifier (a record number, a national id), not its opaque id — unless the value's
   * name says it is one (`identifier: patientUuid`).
   */
  isPatientIdentifierSearch(parameter: string, expression: Node, urlText: string | undefined): boolean {
    if (!/^identifiers?$/i.test(parameter) || this.context.constantOf(expression) !== undefined) return false;
    const name = valueName(expression);
    if (name && (isIdName(name) || subjectOfName(name) === 'workforce')) return false;
    const path = urlText?.split('?')[0];
    return !!path && pathSegments(path).some((segment) => subjectOfName(segment) === 'patient');
  }

  /**
   * `/patients/search?name=${text}`, `{ display_name: text }` sent to `/patients/search/name`: a name parameter of an
   * endpoint that lists patients filters them by their name, so what fills it is a person's name (the REST reading of
   * FHIR's `Patient?name=`). Only a key that is a person's name (`name`, `display_name`, `full_name`, `patientName`),
   * with a value that is not a constant, an id or a name of something else.
   */
  isPatientNameSearch(parameter: string, expression: Node, urlText: string | undefined): boolean {
    const words = splitWords(parameter);
    if (words.at(-1) !== 'name' || !words.slice(0, -1).every((word) => PERSON_NAME_KEY_WORDS.has(word))) return false;
    if (this.context.constantOf(expression) !== undefined || isConstantsRead(expression)) return false;
    const name = valueName(expression);
    if (name && (isIdName(name) || subjectOfName(name) === 'workforce' || splitWords(name).some((word) => CODE_VALUE_WORDS.has(word)) || (this.isTrapName(name) && !namesTypedText(name)))) return false;
    const path = urlText?.split('?')[0];
    if (!path || path.split(/[^A-Za-z0-9]+/).some((segment) => segment && segment !== 'X' && subjectOfName(segment) === 'workforce')) return false;
    return pathSegments(path).some((segment) => subjectOfName(segment) === 'patient');
  }

  /**
   * `?q=${term}` on a patient endpoint (`/patient?q=`) or in a patient-search function (`usePatientSearch`,
   * `searchPatients`): the user typed a patient's name or identifier. Not for a value whose name says it is
   * something else (`drugQuery` is not a person's name, `patientId` is opaque).
   */
  isFreeTextPatientSearch(parameter: string, expression: Node, urlText: string | undefined): boolean {
    if (!this.isTypedSearchText(parameter, expression)) return false;
    const path = urlText?.split('?')[0];
    if (path && pathSegments(path).some((segment) => subjectOfName(segment) === 'patient')) return true;
    if (path && path.split(/[^A-Za-z0-9]+/).some((segment) => segment && segment !== 'X' && subjectOfName(segment) === 'workforce')) return false;
    if (path && this.listsPatientVisits(path)) return true;
    // Nodes below the visited one have no parent pointer yet: look around the node being visited.
    const around = parentOf(expression) ? expression : this.site ?? expression;
    return enclosingNames(around).some((enclosing) => subjectOfName(enclosing) === 'patient') || searchInputLabelNamesPatients(around);
  }

  /**
   * `/api/Visit/ListVisits?search=`, `/admissions?q=`, `/appointments?term=`: a list of patients' visits, admissions or
   * appointments is searched by the patient (a name, a hospital number typed by staff). Not when the path's last
   * segment is a trap (`/visit/VisitTypes`, `/appointments/count`): a catalogue or a number about them.
   */
  listsPatientVisits(path: string): boolean {
    const segments = path.split(/[^A-Za-z0-9]+/).filter((segment) => segment && segment !== 'X');
    // `GetVisitByStatus` lists visits (by their status): the qualifier after `By`/`For` says how, not what.
    const last = segments.at(-1)?.replace(/(?<=[a-z])(By|For|From)[A-Z]\w*$/, '');
    if (!last || this.isTrapName(last)) return false;
    return segments.some((segment) => {
      const singular = /[^s]s$/.test(segment) ? segment.slice(0, -1) : segment;
      return this.context.classifyName(segment).includes('encounter') || this.context.classifyName(singular).includes('encounter');
    });
  }

  /**
   * `{ search: searchText }`, `q: event.target.value`: a free-text search key filled with what the user typed. Not a
   * constant, and not a value whose name says it is something else (`drugQuery` is not a person's name, `patientId`
   * is opaque, `sortOrder` is code).
   */
  isTypedSearchText(parameter: string, expression: Node): boolean {
    if (!FREE_TEXT_PARAMETERS.has(parameter.replace(/[-_]/g, '').toLowerCase())) return false;
    if (this.context.constantOf(expression) !== undefined || this.isSanitized(expression) || isConstantsRead(expression)) return false;
    // `searchTerm`, `query` are what the user typed; `patientId`, `drugQuery`, `providerName` are not a patient's name.
    const name = valueName(expression);
    if (name && splitWords(name).some((word) => CODE_VALUE_WORDS.has(word))) return false;
    if (name && (isIdName(name) || subjectOfName(name) === 'workforce' || (this.isTrapName(name) && !namesTypedText(name)))) return false;
    return true;
  }

  /**
   * A lookup in a terminology or drug catalogue with no person attached: the route (its path, or the name of the
   * variable holding it: `conceptUrl`) names a catalogue, and no path segment, query key or value names a patient.
   */
  isCatalogueLookup(path: string | undefined, urlName: string | undefined, keys: readonly string[], values: readonly Node[]): boolean {
    const pathWords = (path ?? '').split(/[^A-Za-z0-9]+/).filter((segment) => segment && segment !== 'X');
    const nameWords = urlName ? splitWords(urlName) : [];
    const words = [...pathWords.map((segment) => segment.toLowerCase()), ...nameWords];
    // `/personattributetype?q=`, `/encountertype?q=`, `/patientidentifiertype`: a REST resource of metadata types (one
    // word ending in `type`) lists the kinds a record can have, the same for every patient, whoever the type is about.
    const typeCatalogue = pathWords.some((segment) => METADATA_TYPE_RESOURCE.test(segment));
    if (!typeCatalogue && !words.some((word) => CATALOGUE_WORDS.has(word))) return false;
    if (!typeCatalogue && [...pathWords, ...nameWords].some((word) => subjectOfName(word) === 'patient')) return false;
    if (keys.some((key) => PERSON_REFERENCE_KEYS.has(key.toLowerCase()) || subjectOfName(key) === 'patient')) return false;
    // `patientName`, `patient.name`: a value read from a patient attaches one.
    return !values.some((value) => {
      const node = unwrap(value);
      const name = (node.type === 'MemberExpression' ? dottedName(node) : undefined) ?? valueName(value);
      return !!name && name.split('.').some((part) => subjectOfName(part) === 'patient');
    });
  }

  /**
   * A FHIR search of a resource that describes no patient (`Questionnaire?identifier=…`, `Organization?name=…`): the
   * path ends in that resource type, and no key or value brings a patient in (`?subject=${patientRef}` does).
   */
  searchesNonPatientResource(path: string, keys: readonly string[], values: readonly Node[]): boolean {
    const resourceType = path.split('/').pop() ?? '';
    if (!NON_PATIENT_RESOURCE_TYPE_SET.has(resourceType)) return false;
    if (keys.some((key) => PERSON_REFERENCE_KEYS.has(key.toLowerCase()) || subjectOfName(key) === 'patient')) return false;
    return !values.some((value) => {
      const node = unwrap(value);
      const name = (node.type === 'MemberExpression' ? dottedName(node) : undefined) ?? valueName(value);
      return !!name && name.split('.').some((part) => subjectOfName(part) === 'patient');
    });
  }

  /**
   * A catalogue search term's taint without what the term was taken for (a concept's name, a diagnosis). What a
   * caller passes in (`param:` kinds of cross-file summaries) is a search term too, so it is not followed either.
   */
  withoutCatalogueTerms(taint: Taint): Taint | undefined {
    const kinds = taint.kinds.filter((kind) => !CATALOGUE_TERM_KINDS.has(kind) && !kind.startsWith('param:'));
    return kinds.length ? { ...taint, kinds } : undefined;
  }

  /** A URL's leading part the analysis knows as a constant string that spells a path or query (`ApiRoutes.PatientSearch`). */
  constantText(expression: Node, asKey = false): string | undefined {
    const constant = this.context.constantOf(expression);
    if (asKey) return typeof constant === 'string' && /^[A-Za-z_][\w.:-]*$/.test(constant) ? constant : undefined;
    return typeof constant === 'string' && /^[\w./:?&=-]*$/.test(constant) && /[/?=]/.test(constant) ? constant : undefined;
  }

  /**
   * `patient`, `row.patient`, `value?.encounter`: a value read as it is and named as a patient or an encounter record,
   * its name's last word the record's noun (`patientCode`, a hospital's number for the patient, is not the record).
   */
  namesARecordItself(expression: Node): boolean {
    if (!isDirectRead(expression)) return false;
    const last = splitWords(valueName(expression) ?? '').at(-1);
    const kinds = last ? this.context.classifyName(last) : [];
    return kinds.length > 0 && kinds.every((kind) => RECORD_KINDS.has(kind));
  }

  /** PHI in a template/concat URL; `queryOnly` ignores path segments (a string that is not known to be requested). */
  phiInPieces(node: Node, queryOnly: boolean, queryFragment = false, baseUrl?: string): { taint: Taint; node: Node } | undefined {
    const { text: written, pieces } = urlPieces(node, (expression, asKey) => this.constantText(expression, asKey));
    if (!pieces.length || LOCAL_SCHEMES.test(written)) return undefined;
    // A fragment appended to a query string (`params += '&dob=' + dob`) is query throughout; the URL it extends
    // (`let url = '/fhir/Patient?_count=20'`) says what its parameters search, as if it were written in one piece.
    const [path, query = ''] = queryFragment ? [baseUrl?.split('?')[0] ?? '', /^[?&]/.test(written) ? written.slice(1) : written] : written.split('?', 2);
    const text = queryFragment && path ? `${path}?${query}` : written;
    const firstName = pieces[0] && pieces[0].before === '' ? valueName(pieces[0].expression) : undefined;
    const queryKeys = [...query.matchAll(/(?:^|&)([A-Za-z0-9_.\-]+)=/g)].map((match) => match[1]);
    const catalogue = this.isCatalogueLookup(path, firstName, queryKeys, pieces.map((piece) => piece.expression));
    // `Questionnaire?identifier=${system}|${value}`: every parameter of a search of a form, a value set or a clinic is theirs.
    if (this.searchesNonPatientResource(path, queryKeys, pieces.map((piece) => piece.expression))) return undefined;
    const taints: Taint[] = [];
    let first: Node | undefined;
    for (const [index, piece] of pieces.entries()) {
      if (queryOnly && !(queryFragment ? !/\s/.test(piece.before) : inQueryString(piece.before))) continue;
      if (piece.expression.type === 'Identifier' && this.noteSearchParamsUse(piece.expression, 'url')) continue;
      if (isConstantsRead(piece.expression)) continue;
      const templateArguments = routeTemplateArguments(piece.expression);
      const own = templateArguments ? (mergeTaints(templateArguments.map((argument) => this.context.taintOf(argument))) ?? { kinds: [], origins: [], confidence: 'high' as const }) : this.context.taintOf(piece.expression);
      // `identifier=${system}|${value}`: a FHIR token's system is a namespace; its value is what the parameter searches by
      const after = (pieces[index + 1]?.before ?? written).slice(piece.before.length + 1);
      if (after.startsWith('|') && queryParameterBefore(piece.before)) continue;
      const parameter = queryParameterBefore(piece.before) ?? queryParameterBefore(piece.before.replace(/=X\|$/, '='));
      // `/profile/${value.patient}/investigation/${value.identifier}`: a value named as the record itself and only a
      // patient or an encounter, spliced as it is into the URL, is the record's id or reference (a whole record would
      // be `[object Object]`), as in a query object (see queryParameterTaint). A field read off the record
      // (`patient.identifier`) stays the record's data, and what the query key or the path says of the value still
      // counts (`?ssn=${patient}`).
      const reference = !templateArguments && this.namesARecordItself(piece.expression) && own.kinds.length > 0 && own.kinds.every((kind) => RECORD_KINDS.has(kind));
      const keyed = templateArguments ? own.kinds : withoutRecordKeyKinds(valueName(piece.expression), own.kinds);
      const ownKinds = reference ? [] : keyed.length && this.isSignedInUsersOwn(piece.expression) ? keyed.filter((kind) => !CONTACT_KINDS.includes(kind)) : keyed;
      const found = ownKinds.length ? { ...own, kinds: ownKinds } : own.kinds.length && !reference ? undefined : parameter ? this.kindsFromParameterName(parameter, piece.expression, text) : this.freeTextInPatientPath(piece);
      const criteria = found ? withoutReferenceKey(this.context, parameter, withoutReferenceIdentifier(parameter, piece.expression, withoutCodeCriteria(parameter, found))) : undefined;
      const taint = !criteria || (criteria !== found && !criteria.kinds.length) ? undefined : catalogue ? this.withoutCatalogueTerms(criteria) : criteria;
      if (!taint) continue;
      first ??= piece.expression;
      taints.push(taint);
    }
    const merged = mergeTaints(taints);
    if (merged && isAggregateReportFilter(path, queryKeys, merged)) return undefined;
    return merged && first ? { taint: merged, node: first } : undefined;
  }

  /**
   * `` `${base}/patient/search/${searchQuery}` ``, `` `/getPatientByQuery/${query}` ``: what the user typed for a
   * patient search, sent as a path segment of a patient endpoint. Only a value named as typed text, right after
   * a `/` of a path that names the patient.
   */
  freeTextInPatientPath(piece: UrlPiece): Taint | undefined {
    if (inQueryString(piece.before) || !piece.before.endsWith('/') || this.context.constantOf(piece.expression) !== undefined) return undefined;
    const name = valueName(piece.expression);
    if (!name) return undefined;
    const words = splitWords(name);
    const typed = FREE_TEXT_PARAMETERS.has(words.slice(-2).join('')) || (words.length === 1 && FREE_TEXT_PARAMETERS.has(words[0]));
    // `/getSHAPatient/${identifierValue}/${identifierType}`: an identifier's value in a patient lookup's path is the
    // patient's business identifier (a record number, a national id), as `?identifier=` on a patient endpoint is
    const identifier = IDENTIFIER_VALUE_NAME.test(words.join(' '));
    if ((!typed && !identifier) || words.some((word) => CODE_VALUE_WORDS.has(word))) return undefined;
    const segments = piece.before.split(/[^A-Za-z0-9]+/).filter((segment) => segment && segment !== 'X');
    if (!segments.some((segment) => subjectOfName(segment) === 'patient')) return undefined;
    return { kinds: typed ? FREE_TEXT_KINDS : IDENTIFIER_SEARCH_KINDS, origins: [], confidence: 'medium' };
  }

  /** Marks a use of a URLSearchParams variable; true when `identifier` is one. */
  noteSearchParamsUse(identifier: TSESTree.Identifier, use: 'url' | 'body'): boolean {
    const tracked = this.searchParamVars.get(identifier.name);
    if (!tracked) return false;
    if (use === 'url') tracked.urlUse = true;
    else tracked.bodyUse = true;
    return true;
  }

  /** PHI a URL-valued expression carries; resolves variables to their initialiser. */
  phiInUrl(argument: Node, depth = 0): { taint: Taint; node: Node } | undefined {
    const node = unwrap(argument);
    if (depth > 4) return undefined;
    if (node.type === 'TemplateLiteral' || isConcat(node)) {
      if (this.handled.has(node)) return undefined;
      this.handled.add(node);
      return this.phiInPieces(node, false);
    }
    if (node.type === 'Identifier') {
      if (this.noteSearchParamsUse(node, 'url')) return undefined;
      const init = this.inits.get(node.name);
      if (!init) return undefined;
      const found = this.phiInUrl(init, depth + 1);
      return found ? { taint: found.taint, node: argument } : undefined;
    }
    if (node.type === 'NewExpression' && (lastSegment(node.callee) === 'URL' || lastSegment(node.callee) === 'Request') && node.arguments[0]) {
      return this.phiInUrl(node.arguments[0], depth + 1);
    }
    if (node.type === 'CallExpression') {
      const call = memberCall(node);
      if (call && (call.method === 'toString' || call.method === 'toJSON')) return this.phiInUrl(call.object, depth + 1);
      const callee = dottedName(node.callee);
      if ((callee === 'encodeURI' || callee === 'String') && node.arguments[0]) return this.phiInUrl(node.arguments[0], depth + 1);
      // `url.resolve(base_url, '/api/v2/deliveryfailure/' + msisdn + '/')`: the joined URL holds the path it was handed
      const joined = this.joinedUrlParts(node);
      if (joined) {
        for (const part of joined) {
          const found = this.phiInUrl(part, depth + 1);
          if (found) return found;
        }
        return undefined;
      }
      // `fetch(makeUrl(url))`, `get(withBaseUrl(path))`: a helper named for making a URL returns the one it is handed
      const helper = lastSegment(node.callee);
      if (helper && node.arguments.length === 1 && node.arguments[0].type !== 'SpreadElement' && URL_HELPER_NAME.test(helper)) {
        const found = this.phiInUrl(node.arguments[0], depth + 1);
        return found ? { taint: found.taint, node: found.node === node.arguments[0] ? node : found.node } : undefined;
      }
      // `template(destinationTemplate)({ nationalCode })`: a compiled template (lodash, Handlebars) filled with the data
      // is the URL; where in it each value lands the template's text says, but every one of them is in the URL.
      if (this.context.hasTag(node.callee, 'compiled-template')) {
        const taint = this.context.taintOf(node);
        return taint.kinds.length ? { taint, node } : undefined;
      }
    }
    if (node.type === 'MemberExpression' && propertyName(node) === 'href') return this.phiInUrl(node.object, depth + 1);
    // `useSWR(mrn ? `/patients/${mrn}` : null, fetcher)`, `id && `/patients/${id}``: a URL chosen by a condition (SWR's
    // conditional fetching, a request skipped until its key is known) is requested whenever it is chosen; the test is not.
    if (node.type === 'ConditionalExpression') return this.phiInUrl(node.consequent, depth + 1) ?? this.phiInUrl(node.alternate, depth + 1);
    if (node.type === 'LogicalExpression') {
      if (node.operator === '&&') return this.phiInUrl(node.right, depth + 1);
      return this.phiInUrl(node.left, depth + 1) ?? this.phiInUrl(node.right, depth + 1);
    }
    return undefined;
  }

  /** Router targets: a path string, `{ pathname, query }`, `{ path, query, params }`, Angular commands. */
  phiInRouteTarget(argument: Node): { taint: Taint; node: Node } | undefined {
    const node = unwrap(argument);
    if (node.type === 'ObjectExpression') {
      const taints: Taint[] = [];
      let first: Node | undefined;
      for (const property of node.properties) {
        if (property.type !== 'Property' || property.computed) continue;
        const key = keyName(property.key);
        if (!key) continue;
        let found: { taint: Taint; node: Node } | undefined;
        // `to`: the target of `navigate({ to })` (@openmrs/esm-framework, TanStack Router).
        if (['pathname', 'path', 'search', 'hash', 'href', 'url', 'to'].includes(key)) found = this.phiInUrl(property.value as Node);
        else if (['query', 'params', 'queryParams', 'searchParams'].includes(key)) {
          const value = property.value as Node;
          this.handled.add(value);
          if (value.type === 'Identifier' && this.noteSearchParamsUse(value, 'url')) continue;
          const taint = this.entryByEntryIfOnlyRecords(value, this.queryObjectTaint(value));
          if (taint?.kinds.length) found = { taint, node: value };
        }
        if (found) {
          first ??= found.node;
          taints.push(found.taint);
        }
      }
      const merged = mergeTaints(taints);
      return merged && first ? { taint: merged, node: first } : undefined;
    }
    if (node.type === 'ArrayExpression') {
      // Angular: router.navigate(['/patients', patient.mrn])
      for (const element of node.elements) {
        if (!element || element.type === 'SpreadElement') continue;
        const taint = this.context.taintOf(element);
        if (taint.kinds.length) return { taint, node: element };
      }
      return undefined;
    }
    return this.phiInUrl(node);
  }

  /**
   * `navigate('/patient/add', { state: { criteria } })`, Angular `router.navigate(commands, { state })`: the state of the
   * new history entry. The browser keeps it in the tab's session history, serialised and restored with the tab (and
   * written to disk for session restore), beside the URL it belongs to; PHI there outlives the page like a page URL's.
   */
  checkNavigationState(extras: Node, label: string, precision: Precision | undefined) {
    const node = unwrap(extras);
    if (node.type !== 'ObjectExpression') return;
    const state = objectProperties(node).get('state');
    if (!state) return;
    const value = state.value as Node;
    const own = this.context.taintOf(value);
    // a value known only by a record's name (`state: { patient: patientUuid }`) may be its id, as in a query parameter
    let taint = this.withoutAccountContacts(own.kinds.length && !own.kinds.every((kind) => RECORD_KINDS.has(kind)) ? own : undefined, this.site ?? node, undefined);
    // `authService.requestOtp(payload).subscribe(() => router.navigate(['/verify-otp'], { state: { val: email } }))`:
    // the answer of a sign-in or account call moves the account holder's own e-mail or phone to the next step of the
    // sign-in, in their own browser's history; a patient signing in to a patient app included (state never leaves the browser).
    if (taint && this.inAccountCallResponse(this.site ?? node)) {
      const kinds = taint.kinds.filter((kind) => !CONTACT_KINDS.includes(kind));
      taint = kinds.length ? { ...taint, kinds } : undefined;
    }
    if (taint) this.report(value, 'navigationState', taint, label, precision);
  }

  /**
   * Inside a callback handed to a call of an account or sign-in service (`this.authService.requestOtp(p).subscribe(cb)`,
   * `login(p).then(cb)`, `useRequestLoginToken({ onSuccess: cb })`).
   */
  inAccountCallResponse(node: Node): boolean {
    for (let current = parentOf(node); current; current = parentOf(current)) {
      if (!isFunction(current)) continue;
      // a callback handed directly, or as an option of the call (`useRequestLoginToken({ onSuccess: … })`)
      const holder = parentOf(current);
      const argument = holder?.type === 'Property' && holder.value === current && parentOf(holder)?.type === 'ObjectExpression' ? parentOf(holder)! : current;
      const call = parentOf(argument);
      if (call?.type !== 'CallExpression' || !call.arguments.includes(argument as TSESTree.CallExpressionArgument)) continue;
      // the call the callback answers, through `.subscribe(…)`, `.then(…)`, `.pipe(…)` links
      for (let link: Node = unwrap(call.callee); ;) {
        const name = dottedName(link);
        if (name && name.split('.').some((segment) => isAccountContextName(segment))) return true;
        if (link.type === 'MemberExpression') link = unwrap(link.object);
        else if (link.type === 'CallExpression') link = unwrap(link.callee);
        else break;
      }
    }
    return false;
  }

  checkUrl(argument: Node | undefined, sink: Sink) {
    if (!argument) return;
    const found = this.phiInUrl(argument);
    if (found) this.report(found.node, sink.messageId, found.taint, sink.label, sink.precision);
  }

  checkRouteTarget(argument: Node | undefined, sink: Sink) {
    if (!argument) return;
    const found = this.phiInRouteTarget(argument);
    if (found) this.report(found.node, sink.messageId, found.taint, sink.label, sink.precision);
  }

  /** `{ params: {...} }` / `{ searchParams }` / `{ query }` option objects of a request. */
  checkQueryOptions(options: Node | undefined, label: string, precision: Precision | undefined, keys: ReadonlySet<string>, url?: Node) {
    const node = options ? unwrap(options) : undefined;
    if (!node || node.type !== 'ObjectExpression') return;
    for (const property of node.properties) {
      if (property.type !== 'Property' || property.computed) continue;
      const key = keyName(property.key);
      if (!key || !keys.has(key)) continue;
      const value = property.value as Node;
      this.handled.add(value);
      if (value.type === 'Identifier' && this.noteSearchParamsUse(value, 'url')) continue;
      // Nodes below the visited one have no parent pointer yet: the function around is found from the visited call.
      const urlText = url ? this.urlTextOf(url) : undefined;
      const whole = this.queryValuePhi(value, this.site ?? node, false, urlText);
      const entries = whole ? this.entryByEntryIfOnlyRecords(value, whole.taint, urlText) : undefined;
      const found = whole && entries?.kinds.length ? { taint: entries, node: whole.node } : undefined;
      const taint = found && url && this.isCatalogueRequest(url, value) ? this.withoutCatalogueTerms(found.taint) : found?.taint;
      const kept = taint && this.requestsWorkforcePeople(this.site ?? node, urlText) ? withoutIdentifierKinds(taint) : taint;
      if (found && kept?.kinds.length) this.report(found.node, 'queryOptions', kept, label, precision);
    }
  }

  /**
   * A workspace service's method that hands a parameter to an HTTP client's GET as its query (see
   * `context.queryForwardedBy`): the caller's object is that query. What its values carry is followed by the
   * cross-file pass; what only its keys say (typed search text sent to a patient endpoint, `{ search: busqueda }`), and
   * the endpoint's path with them, is seen only here, where both meet.
   */
  checkForwardedQuery(node: TSESTree.CallExpression, call: { object: Node; method: string }): boolean {
    const forwarded = this.context.queryForwardedBy(call.object, call.method);
    const handed = forwarded ? node.arguments[forwarded.parameter] : undefined;
    if (!forwarded || !handed || handed.type === 'SpreadElement') return false;
    // `$http.get(url, config)` in the service: the caller's config object (`{ params: { q: query }, withCredentials }`,
    // written inline or built in the same function) holds the query under `params`.
    const config = forwarded.config ? this.resolvedLocal(handed) : undefined;
    const argument = config ? (config.type === 'ObjectExpression' ? objectProperties(config).get('params')?.value as Node | undefined : undefined) : handed;
    if (!argument) return true;
    const builtOnCallersUrl = forwarded.urlParameter !== undefined;
    if (!forwarded.byName && !builtOnCallersUrl && this.context.taintOf(argument).kinds.length) return true;
    const site = this.site ?? node;
    const url = builtOnCallersUrl ? node.arguments[forwarded.urlParameter!] : undefined;
    const urlText = url ? (url.type === 'SpreadElement' ? undefined : this.urlTextOf(url)) : forwarded.urlText;
    const found = this.queryValuePhi(argument, site, false, urlText);
    if (!found) return true;
    // `super.getJson('concepts', { name })`: a catalogue searched by a term (see checkQueryOptions)
    const searched = url && url.type !== 'SpreadElement' && this.isCatalogueRequest(url, argument) ? this.withoutCatalogueTerms(found.taint) : found.taint;
    if (!searched) return true;
    const taint = this.requestsWorkforcePeople(site, urlText) ? withoutIdentifierKinds(searched) : searched;
    const label = `${dottedName(call.object) ?? lastSegment(call.object) ?? 'service'}.${call.method}`;
    if (taint.kinds.length) this.report(found.node, 'queryOptions', taint, label, 'medium');
    return true;
  }

  /** What a local name stands for (`const query = { … }; get(url, query)` → the object), unwrapped; anything else as written. */
  resolvedLocal(value: Node): Node {
    const node = unwrap(value);
    const init = node.type === 'Identifier' ? this.inits.get(node.name) : undefined;
    return init ? unwrap(init) : node;
  }

  /** The known text of a request URL (`X` for unknown parts): `base + "/patient/lucene"` → `X/patient/lucene`. */
  urlTextOf(url: Node): string | undefined {
    const node = this.resolvedLocal(url);
    return node.type === 'TemplateLiteral' || isConcat(node) || isStringLiteral(node) ? urlPieces(node).text : undefined;
  }

  /** `$http.get(conceptUrl, { params: { q: term } })`, `client.get(\`/drug\`, { params })`: a catalogue lookup by its URL and query. */
  isCatalogueRequest(url: Node, query: Node): boolean {
    const written = unwrap(url);
    const urlName = written.type === 'Identifier' ? written.name : written.type === 'MemberExpression' ? propertyName(written) : undefined;
    const node = this.resolvedLocal(written);
    const { text, pieces } = node.type === 'TemplateLiteral' || isConcat(node) || isStringLiteral(node) ? urlPieces(node) : { text: '', pieces: [] };
    const queryObject = this.resolvedLocal(query);
    const properties = queryObject.type === 'ObjectExpression' ? [...objectProperties(queryObject).entries()] : [];
    const keys = properties.map(([key]) => key);
    const values = [...pieces.map((piece) => piece.expression), ...properties.map(([, property]) => property.value as Node)];
    return this.isCatalogueLookup(text.split('?')[0], urlName, keys, values);
  }

  /**
   * What a query object carries: its own PHI, else what its keys say about opaque values
   * (`{ q: searchTerm }` in a patient search, `{ dob: value }`).
   */
  queryObjectTaint(value: Node | undefined, urlText?: string): Taint | undefined {
    if (!value || value.type === 'SpreadElement') return undefined;
    const own = this.context.taintOf(value);
    const node = unwrap(value);
    if (own.kinds.length) return node.type === 'ObjectExpression' ? this.withoutCodeFilterEntries(node, own) : own;
    if (node.type !== 'ObjectExpression') return undefined;
    const taints: Taint[] = [];
    for (const property of node.properties) {
      if (property.type !== 'Property' || property.computed) continue;
      const key = keyName(property.key);
      const found = key ? this.kindsFromParameterName(key, property.value as Node, urlText) ?? this.discriminatedValueTaint(node, key, property.value as Node) : undefined;
      if (found) taints.push(found);
    }
    return mergeTaints(taints);
  }

  /**
   * `{ searchType: 'IDENTIFIER', searchValue }`, `{ field: 'lastName', value: text }`: a query whose value entry is
   * generic and whose literal sibling names what it holds. The value is what the sibling names (an identifier's value,
   * a last name, a birth date, a phone); a status, a date range or a code named there says nothing.
   */
  discriminatedValueTaint(node: TSESTree.ObjectExpression, key: string, value: Node): Taint | undefined {
    if (!VALUE_SLOT_KEY.test(key) || isConstantExpression(value) || this.isSanitized(value)) return undefined;
    for (const sibling of node.properties) {
      if (sibling.type !== 'Property' || sibling.computed || !isStringLiteral(sibling.value)) continue;
      const siblingKey = keyName(sibling.key);
      if (!siblingKey || !DISCRIMINATOR_KEY.test(siblingKey)) continue;
      const named = sibling.value.value;
      // `IDENTIFIER`, `LAST_NAME`: a constant's spelling of the field
      const field = /^[A-Z0-9_]+$/.test(named) ? named.toLowerCase().replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()) : named;
      if (!/^[A-Za-z][\w-]{0,40}$/.test(field)) return undefined;
      const kinds = this.context.classifyName(field).filter((kind) => IDENTIFIER_KINDS.has(kind));
      if (!kinds.length && IDENTIFIER_VALUE_NAME.test(splitWords(field).join(' '))) kinds.push(...IDENTIFIER_SEARCH_KINDS);
      return kinds.length ? { kinds, origins: [], confidence: 'medium' } : undefined;
    }
    return undefined;
  }

  /** A query object literal's PHI without what its code filters carry (criteria, see CODE_FILTER_PARAMETER). */
  withoutCodeFilterEntries(node: TSESTree.ObjectExpression, own: Taint): Taint {
    const filters = node.properties.some((property) => property.type === 'Property' && !property.computed && CODE_FILTER_PARAMETER.test(keyName(property.key) ?? ''));
    if (!filters) return own;
    const taints = node.properties.map((property) => property.type === 'SpreadElement'
      ? this.context.taintOf(property.argument)
      : withoutCodeCriteria(property.computed ? undefined : keyName(property.key), this.context.taintOf(property.value as Node)));
    return mergeTaints(taints) ?? { kinds: [], origins: [], confidence: own.confidence };
  }

  /**
   * `setSearchParams(next)`, `setSearchParams({ name })`, `setSearchParams(prev => …)`, nuqs/use-query-params
   * setters: what they write is in the page URL.
   */
  checkQuerySetter(node: TSESTree.CallExpression, setter: string, parameter: string | undefined) {
    const argument = node.arguments[0];
    if (!argument || argument.type === 'SpreadElement') return;
    let value: Node = unwrap(argument);
    if (isFunction(value) && value.body.type !== 'BlockStatement') value = unwrap(value.body);
    if (value.type === 'Identifier' && this.noteSearchParamsUse(value, 'url')) return;
    const taint = parameter !== undefined
      ? (this.context.taintOf(value).kinds.length ? this.context.taintOf(value) : this.kindsFromParameterName(parameter, value))
      : this.queryObjectTaint(value);
    if (taint?.kinds.length) this.report(value, 'pageUrl', taint, setter);
  }

  /**
   * `const params = useSearchParams(); setLastName(params.get('last')); setDOB(params.get('dob'))`: a page that reads a
   * person's identifiers from its own URL's query (to prefill a search, to run it on open). Whoever opens it puts them
   * in the page URL. Reported once per file, at the first such read, when the reads are a patient's: the code or the
   * file names the patient, or they are two or more kinds of HIPAA identifier (a name and a birth date, a phone and a
   * record number: a person looked up by demographics) outside account and workforce code. Not when the file itself
   * writes PHI into the page URL (that write is the finding).
   */
  checkPageQueryReads() {
    if (!this.pageQueryReads.length || this.wroteToPageUrl) return;
    const fileNames = this.context.file.replace(/\.[^./]+$/, '').split('/');
    const kinds = new Set<string>();
    let first: TSESTree.CallExpression | undefined;
    let aboutPatient = fileNames.some((name) => subjectOfName(name) === 'patient');
    for (const read of this.pageQueryReads) {
      const field = read.key;
      if (!/^[A-Za-z_][\w-]{0,60}$/.test(field)) continue;
      const found = this.context.classifyName(field).filter((kind) => IDENTIFIER_KINDS.has(kind));
      if (!found.length) continue;
      first ??= read.node;
      for (const kind of found) kinds.add(kind);
      if (subjectOfName(field) === 'patient' || enclosingNames(read.node).some((name) => subjectOfName(name) === 'patient')) aboutPatient = true;
    }
    if (!first || !kinds.size || (!aboutPatient && kinds.size < 2)) return;
    if (this.isStaffSide(first) || this.isWorkforcePeopleSide(first)) return;
    this.report(first, 'pageQueryRead', { kinds: [...kinds], origins: [], confidence: 'medium' }, `${dottedName(first.callee) ?? 'searchParams.get'}`, 'medium');
  }

  /**
   * `{ type: 'text', urlParameter: 'lastName' }`: a filter definition that binds a list filter to a query parameter of
   * the page URL by a property named for one (see namesAUrlParameterKey). What is typed into the filter is written to
   * that parameter; reported where the parameter is a patient's identifier on a patient list (see urlFilterKeyTaint).
   */
  checkUrlParameterBinding(node: TSESTree.ObjectExpression) {
    for (const property of node.properties) {
      if (property.type !== 'Property' || property.computed || !isStringLiteral(property.value)) continue;
      const name = keyName(property.key);
      if (name && namesAUrlParameterKey(name)) this.reportUrlFilterKey(property.value);
    }
  }

  /**
   * `useUrlQueryParams({ filters: [{ key: 'lastName' }, { key: 'dateOfBirth', condition: 'equalTo' }] })`: a workspace
   * hook that writes the page URL's query, told which keys of it are a list's filters. Those keys are read from the
   * page URL into the list's requests and written there by the filter inputs; literal `key`s of its argument count.
   */
  checkUrlQueryHookFilters(node: TSESTree.CallExpression) {
    const visit = (value: Node, depth: number) => {
      if (depth > MAX_FILTER_KEY_DEPTH) return;
      if (value.type === 'ArrayExpression') {
        for (const element of value.elements) if (element && element.type !== 'SpreadElement') visit(unwrap(element), depth + 1);
      } else if (value.type === 'ObjectExpression') {
        for (const property of value.properties) {
          if (property.type !== 'Property' || property.computed) continue;
          const inner = unwrap(property.value as Node);
          if (keyName(property.key) === 'key' && isStringLiteral(inner)) this.reportUrlFilterKey(inner);
          else visit(inner, depth + 1);
        }
      }
    };
    for (const argument of node.arguments) if (argument.type !== 'SpreadElement') visit(unwrap(argument), 0);
  }

  reportUrlFilterKey(node: TSESTree.StringLiteral) {
    if (this.handled.has(node)) return;
    this.handled.add(node);
    const taint = this.urlFilterKeyTaint(node.value, node);
    if (taint) this.report(node, 'urlFilterKey', taint, node.value, 'medium');
  }

  /**
   * What a page-URL query parameter bound to a list filter holds, by its name (`lastName`, `patient.lastName`,
   * `dateOfBirth`, `identifier`, `nextOfKinName`): a HIPAA identifier of the person searched for (a name, a birth date,
   * a record number, a phone), not a date of care, a status or a code. Only on a list of patients: the key names the
   * patient (`patient.lastName`, `nextOfKinName`), or the code around it or its file does (`Patient/ListView/Toolbar.tsx`,
   * `PatientListView`). The same filter on a staff, stock or location list names no patient; a key of another
   * record (`supplier.name`, `location.code`) neither.
   */
  urlFilterKeyTaint(key: string, node: Node): Taint | undefined {
    const segments = key.split('.').filter(Boolean);
    const field = segments.pop();
    if (!field || segments.length > 2 || !/^[A-Za-z_][\w-]*$/.test(field)) return undefined;
    const owners = segments.map((segment) => subjectOfName(segment));
    if (owners.some((owner) => owner !== undefined && owner !== 'patient')) return undefined;
    const aboutPatient = owners.includes('patient') || subjectOfName(field) === 'patient'
      || [...enclosingNames(node), ...this.context.file.replace(/\.[^./]+$/, '').split('/')].some((name) => subjectOfName(name) === 'patient');
    if (!aboutPatient) return undefined;
    const words = splitWords(field).join(' ');
    const kinds = this.context.classifyName(field).filter((kind) => IDENTIFIER_KINDS.has(kind));
    if (!kinds.length && IDENTIFIER_VALUE_NAME.test(words)) kinds.push(...IDENTIFIER_SEARCH_KINDS);
    return kinds.length ? { kinds, origins: [], confidence: 'medium' } : undefined;
  }

  /**
   * DHIS2 tracker queries: `{ filter, trackedEntityType }`, `{ resource: 'tracker/trackedEntities', params: { filter } }`.
   * The `filter` carries the attribute values a user searched by or registered; the app runtime sends it in a GET URL.
   */
  onObjectExpression(node: TSESTree.ObjectExpression) {
    this.checkUrlParameterBinding(node);
    this.checkRequestDescription(node);
    this.checkFhirQueryText(node);
    // Most object literals have none of these keys: look before building a map of the properties.
    if (!node.properties.some((property) => property.type === 'Property' && !property.computed && TRACKER_TRIGGER_KEYS.has(keyName(property.key) ?? ''))) return;
    const properties = objectProperties(node);
    const resource = properties.get('resource');
    const params = properties.get('params');
    if (resource && params && this.isTrackerResource(resource.value as Node)) {
      const value = unwrap(params.value as Node);
      // `params: queryParams` handed in by the caller: the search's filter is built elsewhere; a guess, so low precision.
      if (value.type === 'Identifier' && !this.context.constantOf(value)) {
        const own = this.context.taintOf(value);
        this.report(value, 'trackerQuery', own.kinds.length ? own : { kinds: TRACKER_FILTER_KINDS, origins: [], confidence: 'medium' }, 'params', own.kinds.length ? undefined : 'low');
      }
    }
    if (!this.isTrackerQuery(node, properties)) return;
    for (const key of DHIS2_ATTRIBUTE_FILTER_KEYS) {
      const filter = properties.get(key);
      if (!filter || !this.carriesAttributeValues(filter.value as Node)) continue;
      const own = this.context.taintOf(filter.value as Node);
      this.report(filter.value as Node, 'trackerQuery', own.kinds.length ? own : { kinds: TRACKER_FILTER_KINDS, origins: [], confidence: 'medium' }, key, own.kinds.length ? undefined : 'medium');
    }
  }

  /**
   * `fhir.getResource({ resource: 'Patient', query: \`identifier=${value}&_include=Patient:link\` })`: a FHIR search
   * written as query-string text beside the resource type it searches. The text is the search URL's query whatever
   * client sends it (FHIR reads are GETs), judged as if written after `Patient?`.
   */
  checkFhirQueryText(node: TSESTree.ObjectExpression) {
    if (!node.properties.some((property) => property.type === 'Property' && !property.computed && (keyName(property.key) === 'resource' || keyName(property.key) === 'resourceType'))) return;
    const properties = objectProperties(node);
    const type = properties.get('resourceType') ?? properties.get('resource');
    const resource = type ? this.context.constantOf(type.value as Node) : undefined;
    const query = properties.get('query') ?? properties.get('params');
    if (typeof resource !== 'string' || !/^[A-Z][A-Za-z]+$/.test(resource) || !query) return;
    const text = this.resolvedLocal(query.value as Node);
    if (!(text.type === 'TemplateLiteral' || isConcat(text)) || this.handled.has(text)) return;
    // query-string text: starts with a parameter (`identifier=…`), not a GraphQL document or a path
    if (!/^[?&]?[A-Za-z_][\w.:-]*=/.test(leadingText(text))) return;
    this.handled.add(text);
    const found = this.phiInPieces(text, true, true, `${resource}?`);
    if (found) this.report(found.node, 'builtUrl', found.taint, 'URL');
  }

  isTrackerResource(node: Node): boolean {
    const constant = this.context.constantOf(node);
    return typeof constant === 'string' && DHIS2_TRACKER_RESOURCES.test(constant);
  }

  /** Tracker-only keys beside the filter, a `fields` list naming tracked entities, or the `params` of a tracker resource. */
  isTrackerQuery(node: TSESTree.ObjectExpression, properties: Map<string, TSESTree.Property>): boolean {
    if (!DHIS2_ATTRIBUTE_FILTER_KEYS.some((key) => properties.has(key))) return false;
    if (DHIS2_TRACKER_QUERY_KEYS.some((key) => properties.has(key))) return true;
    const fields = properties.get('fields');
    const fieldsText = fields ? this.context.constantOf(fields.value as Node) : undefined;
    if (typeof fieldsText === 'string' && DHIS2_TRACKER_FIELDS.test(fieldsText)) return true;
    const parent = parentOf(node);
    const owner = parent ? parentOf(parent) : undefined;
    if (parent?.type === 'Property' && keyName(parent.key) === 'params' && owner?.type === 'ObjectExpression') {
      const resource = objectProperties(owner).get('resource');
      return !!resource && this.isTrackerResource(resource.value as Node);
    }
    return false;
  }

  /** A filter built from values (`${attribute}:EQ:${value}`, `getFilters(formValues)`), not from constants and ids alone. */
  carriesAttributeValues(value: Node): boolean {
    const node = unwrap(value);
    if (isConstantExpression(node) || this.context.constantOf(node) !== undefined || this.isSanitized(node)) return false;
    // `{ attribute: { field: 'displayLabel' } }`: a configuration entry, not a query parameter.
    if (node.type === 'ObjectExpression' || isFunction(node)) return false;
    if (node.type === 'ArrayExpression') return node.elements.some((element) => !!element && element.type !== 'SpreadElement' && this.carriesAttributeValues(element));
    if (node.type === 'TemplateLiteral' || isConcat(node)) return urlPieces(node).pieces.some((piece) => this.carriesAttributeValues(piece.expression));
    const name = valueName(node);
    return !name || !isIdName(name);
  }

  /**
   * `fetchPatientsForClinic(id, { search: searchText })`, `setPatientFetchOptions({ ...options, search })`: the options of a
   * patient list read or search whose request is made elsewhere. List reads send their options as the query string of
   * a GET, so what staff typed to find a patient ends up in request URLs. The request is not in sight: medium precision.
   */
  checkPatientListOptions(node: TSESTree.CallExpression, sink: string) {
    for (const argument of node.arguments) {
      if (argument.type === 'SpreadElement') continue;
      const found = this.searchOptionsPhi(argument, 0);
      if (found) {
        this.report(found.node, 'searchOptions', found.taint, sink, 'medium');
        return;
      }
    }
  }

  /** The search text an options object carries (through variables and spreads of objects built in this file), and where. */
  searchOptionsPhi(value: Node, depth: number): { taint: Taint; node: Node } | undefined {
    if (depth > 3) return undefined;
    const node = this.resolvedLocal(value);
    if (node.type !== 'ObjectExpression') return undefined;
    for (const property of node.properties) {
      if (property.type === 'SpreadElement') {
        const found = this.searchOptionsPhi(property.argument, depth + 1);
        if (found) return found;
        continue;
      }
      if (property.computed) continue;
      const key = keyName(property.key);
      const entry = property.value as Node;
      if (!key) continue;
      if (!this.isTypedSearchText(key, entry)) {
        // `{ mrn, birthDate: dob }`: a patient looked up by a field that identifies them (a record number, a birth date)
        // puts its value in the query. Only keys that name an identifier: `{ claims }` or `{ firstLast }` are not query fields.
        if (!this.context.classifyName(key).some((kind) => IDENTIFIER_KINDS.has(kind))) continue;
        const byField = this.queryParameterTaint(key, entry);
        const kinds = byField?.kinds.filter((kind) => IDENTIFIER_KINDS.has(kind)) ?? [];
        if (byField && kinds.length) return { taint: { ...byField, kinds }, node: entry };
        continue;
      }
      // A value named for a patient record (`activePatientsQuery`, `patient`) is not text typed to find one.
      const own = this.context.taintOf(entry);
      if (own.kinds.length && own.kinds.every((kind) => RECORD_KINDS.has(kind))) continue;
      return { taint: own.kinds.length ? own : { kinds: FREE_TEXT_KINDS, origins: [], confidence: 'medium' }, node: entry };
    }
    return undefined;
  }

  /** `new HttpParams().set('ssn', ssn).append(…)`: the values a builder chain adds, and the first (in source order) with PHI. */
  setChainTaints(node: Node): { taints: Taint[]; first: Node | undefined } {
    const taints: Taint[] = [];
    let first: Node | undefined;
    let current = unwrap(node);
    while (current.type === 'CallExpression') {
      const call = memberCall(current);
      if (!call || !(call.method === 'set' || call.method === 'append')) break;
      const [key, value] = current.arguments;
      if (value) {
        const taint = this.valueWithKey(key, value);
        taints.push(taint);
        if (taint.kinds.length) first = value;
      }
      current = unwrap(call.object);
    }
    return { taints, first };
  }

  /**
   * What a query object handed to a request carries, and where to report it: at the object itself, or — when it is a
   * variable filled elsewhere in the function (`new HttpParams().set('q', text)`, `query['firstName'] = firstName`) —
   * at the first value that put PHI into it, the line to change.
   */
  queryValuePhi(value: Node, site: Node, recordsAreIds = false, urlText?: string): { taint: Taint; node: Node } | undefined {
    const inner = unwrap(value);
    if (recordsAreIds && inner.type === 'ObjectExpression') return this.queryEntriesPhi(inner, urlText);
    const built = inner.type === 'Identifier' ? this.inits.get(inner.name) : undefined;
    const chain = this.setChainTaints(built ?? inner);
    const stored = inner.type === 'Identifier' ? this.storedByKey(inner.name, site, urlText) : undefined;
    // Filled by key: what was stored, and what the initialiser's own entries carry (`{ dateFrom }` before the stores).
    const builtObject = built ? unwrap(built) : undefined;
    const filledByKey = inner.type === 'Identifier' && (this.keyedStores.get(inner.name) ?? []).some((store) => store.scope === enclosingFunction(site));
    // `const searchParams = { q: query, identifier }; $http.get(url, { params: searchParams })` is read as if the
    // object were written inline, when it is built in the same function as the request.
    const localObject = builtObject?.type === 'ObjectExpression' && enclosingFunction(builtObject) === enclosingFunction(site) ? builtObject : undefined;
    const base = recordsAreIds && (filledByKey || builtObject?.type === 'ObjectExpression')
      ? (builtObject?.type === 'ObjectExpression' ? this.queryEntriesPhi(builtObject, urlText)?.taint : undefined)
      : (this.queryObjectTaint(localObject ?? value, urlText) ?? this.context.taintOf(value));
    const taint = mergeTaints([...(base ? [base] : []), ...chain.taints, ...(stored ? [stored.taint] : [])]);
    if (!taint) return undefined;
    return { taint, node: (built && chain.first) || stored?.node || value };
  }

  /**
   * A query parameter's value: its PHI, judged by its key when it is opaque. A value that is only a patient or an
   * encounter (`patientCode`, `visit`) is the record's id or reference in a query parameter, not its content.
   */
  queryParameterTaint(key: string, value: Node, urlText?: string): Taint | undefined {
    const tainted = this.context.taintOf(value);
    const keyed = { ...tainted, kinds: [...withoutRecordKeyKinds(valueName(value), tainted.kinds)] };
    if (tainted.kinds.length && !keyed.kinds.length) return undefined;
    const own = withoutReferenceKey(this.context, key, withoutReferenceIdentifier(key, value, withoutCodeCriteria(key, keyed)));
    if (own.kinds.length) return own.kinds.every((kind) => RECORD_KINDS.has(kind)) ? undefined : own;
    return this.kindsFromParameterName(key, value, urlText);
  }

  /**
   * `{ params: { patients } }`, `query: { edit_person: this.patientId, person_attribute: attribute }`: an inline query
   * object whose PHI is only a record (a patient, an encounter, guessed from a key or a value named so) becomes
   * `key=value` text, in which a record alone is its id or reference, as in a query string written out
   * (`?patient=${x}`) or `$location.search({ … })`: judged entry by entry. An entry that carries a person's data (a
   * name, a birth date, a typed record's fields) still counts; an object with any such kind is kept whole.
   */
  entryByEntryIfOnlyRecords(value: Node, taint: Taint | undefined, urlText?: string): Taint | undefined {
    const inline = unwrap(value);
    if (!taint?.kinds.length || inline.type !== 'ObjectExpression' || !taint.kinds.every((kind) => RECORD_KINDS.has(kind))) return taint;
    // `data: encodeURIComponent(JSON.stringify({ ...appointment }))`: a serialised record is its content, not its id
    if (inline.properties.some((property) => property.type === 'Property' && serialisesAValue(property.value as Node))) return taint;
    return this.queryEntriesPhi(inline, urlText)?.taint;
  }

  /** The entries of a query object literal, each judged as a query parameter; the first value with PHI. */
  queryEntriesPhi(node: TSESTree.ObjectExpression, urlText?: string): { taint: Taint; node: Node } | undefined {
    const taints: Taint[] = [];
    let first: Node | undefined;
    for (const property of node.properties) {
      let taint: Taint | undefined;
      let at: Node;
      if (property.type === 'SpreadElement') {
        const own = this.context.taintOf(property.argument);
        taint = own.kinds.length && !own.kinds.every((kind) => RECORD_KINDS.has(kind)) ? own : undefined;
        at = property.argument;
      } else {
        const key = property.computed ? undefined : keyName(property.key);
        if (!key) continue;
        taint = this.queryParameterTaint(key, property.value as Node, urlText) ?? this.discriminatedValueTaint(node, key, property.value as Node);
        at = property.value as Node;
      }
      if (!taint?.kinds.length) continue;
      first ??= at;
      taints.push(taint);
    }
    const merged = mergeTaints(taints);
    return merged && first ? { taint: merged, node: first } : undefined;
  }

  /** A value and what its key says when the value is opaque: `.set('dob', value)`. */
  valueWithKey(key: Node | undefined, value: Node): Taint {
    const own = this.context.taintOf(value);
    if (own.kinds.length || !isStringLiteral(key)) return isStringLiteral(key) ? withoutReferenceIdentifier(key.value, value, withoutCodeCriteria(key.value, own)) : own;
    return this.kindsFromParameterName(key.value, value) ?? own;
  }

  /** What kind of request a call is, and where its URL and options are. */
  requestCall(node: TSESTree.CallExpression): { label: string; url: Node | undefined; options: Node | undefined; precision?: Precision } | undefined {
    const callee = dottedName(node.callee);
    if (callee && REQUEST_FUNCTIONS.has(callee)) {
      const [first, second] = node.arguments;
      // axios({ url, params }), $.ajax({ url, data })
      if (first && unwrap(first).type === 'ObjectExpression') return { label: callee, url: undefined, options: first };
      return { label: callee, url: first, options: second };
    }
    const call = memberCall(node);
    if (!call || !URL_FIRST_METHODS.has(call.method)) return undefined;
    const receiver = dottedName(call.object);
    // A workspace class whose `get(url, …)` hands the URL to an HTTP client is one, whatever its instance is called.
    const known = (receiver && HTTP_LIBRARIES.has(receiver)) || (lastSegment(call.object) !== undefined && this.extraClients.has(lastSegment(call.object)!))
      || this.context.isHttpClientInstance(call.object);
    if (!known && !isReceiverNamedLikeClient(call.object) && !this.isGetOfRequestUrl(node, call.method)) return undefined;
    const label = `${receiver ?? lastSegment(call.object) ?? (call.object.type === 'NewExpression' ? lastSegment(call.object.callee) : undefined) ?? 'client'}.${call.method}`;
    const [first, second, third] = node.arguments;
    if (call.method === 'request' && first && unwrap(first).type === 'ObjectExpression') return { label, url: undefined, options: first, precision: known ? undefined : 'medium' };
    // axios.post(url, body, config) keeps the config third.
    const options = ['post', 'put', 'patch'].includes(call.method) && receiver !== 'got' && receiver !== 'ky' ? third : second;
    return { label, url: first, options, precision: known ? undefined : 'medium' };
  }

  /**
   * `new JsonApi(im).get(config.url + '/api/v2/profile/' + msisdn + '/', { headers })`, `store.jsonApi.get(url, { params })`:
   * a GET (or DELETE, HEAD) whose first argument is built as a request URL (an absolute `https://` URL, an `/api/…` path,
   * or a value named as a base URL or host followed by a path) is an HTTP request whatever its receiver is called. A
   * cache's or map's `get(key)` has a key, not such a URL; a route registration (`router.get('/api/x', handler)`) has a
   * handler. A guess from the URL's shape: medium.
   */
  isGetOfRequestUrl(node: TSESTree.CallExpression, method: string): boolean {
    if (!['get', 'delete', 'head'].includes(method)) return false;
    const [first, second, ...rest] = node.arguments;
    if (!first || first.type === 'SpreadElement' || rest.length > 0) return false;
    if (second && (second.type === 'SpreadElement' || unwrap(second).type !== 'ObjectExpression')) return false;
    return this.isRequestUrlShaped(first, 0);
  }

  /** A value built as a request URL: see isGetOfRequestUrl; follows a local to its initialiser and `url.resolve(base, path)`. */
  isRequestUrlShaped(value: Node, depth: number): boolean {
    const node = unwrap(value);
    if (depth > 3) return false;
    if (node.type === 'Identifier') {
      const init = this.inits.get(node.name);
      return !!init && this.isRequestUrlShaped(init, depth + 1);
    }
    const joined = this.joinedUrlParts(node);
    if (joined) return joined.some((part) => this.isRequestUrlShaped(part, depth + 1)) || (joined.length === 2 && namesABaseUrl(joined[0]) && leadingText(joined[1]).startsWith('/'));
    if (!(node.type === 'TemplateLiteral' || isConcat(node) || isStringLiteral(node))) return false;
    const { text, pieces } = urlPieces(node, (expression, asKey) => this.constantText(expression, asKey));
    if (/^https?:\/\/[^/\s]+/i.test(text)) return true;
    const path = text.startsWith('X') && pieces[0] && namesABaseUrl(pieces[0].expression) ? text.slice(1) : text;
    return REQUEST_PATH.test(path) && !/\s/.test(path);
  }

  /** The parts `url.resolve(base, path)` (Node's url module) and `new URL(path, base)` join into one URL. */
  joinedUrlParts(node: Node): Node[] | undefined {
    if (node.type === 'NewExpression' && lastSegment(node.callee) === 'URL' && node.arguments.length === 2 && node.arguments.every((argument) => argument.type !== 'SpreadElement')) {
      return [node.arguments[1] as Node, node.arguments[0] as Node];
    }
    if (node.type !== 'CallExpression' || node.arguments.length !== 2 || node.arguments.some((argument) => argument.type === 'SpreadElement')) return undefined;
    const call = memberCall(node);
    if (!call || call.method !== 'resolve' || call.object.type !== 'Identifier') return undefined;
    const imported = this.context.importedFrom(call.object.name)?.module;
    // `var url = require('url')` inside a function (a bundle's module wrapper) is the same module
    const init = imported === undefined ? this.inits.get(call.object.name) : undefined;
    const required = init && unwrap(init).type === 'CallExpression' ? unwrap(init) as TSESTree.CallExpression : undefined;
    const module = imported ?? (required && lastSegment(required.callee) === 'require' && isStringLiteral(required.arguments[0]) ? required.arguments[0].value : undefined);
    return module !== undefined && URL_MODULES.has(module) ? [node.arguments[0] as Node, node.arguments[1] as Node] : undefined;
  }

  /** Page navigation: location, history, routers, redirects. */
  navigationCall(node: TSESTree.CallExpression): { label: string; target: Node | undefined; extras?: Node; precision?: Precision } | undefined {
    const callee = node.callee.type === 'Identifier' ? node.callee.name : undefined;
    // `navigate(to, { replace, state })` (React Router's useNavigate, @openmrs/esm-framework's navigate takes one object)
    if (callee && this.navigateFunctions.has(callee)) return { label: callee, target: node.arguments[0], extras: node.arguments[1] };
    if (callee === 'redirect' || callee === 'permanentRedirect') return { label: callee, target: node.arguments[0], precision: 'medium' };
    const call = memberCall(node);
    if (!call) return undefined;
    const receiver = dottedName(call.object) ?? lastSegment(call.object) ?? '';
    // `useRouter().push(…)` without naming the router
    const routerHook = call.object.type === 'CallExpression' && lastSegment(call.object.callee) === 'useRouter';
    const label = `${receiver || (routerHook ? 'useRouter()' : 'router')}.${call.method}`;
    if ((call.method === 'assign' || call.method === 'replace') && endsWithWord(call.object, ['location'])) return { label, target: node.arguments[0] };
    if ((call.method === 'pushState' || call.method === 'replaceState') && endsWithWord(call.object, ['history'])) return { label, target: node.arguments[2] };
    if (call.method === 'open' && (receiver === 'window' || receiver === 'globalThis')) return { label, target: node.arguments[0] };
    if (call.method === 'redirect' && ['res', 'response', 'reply', 'ctx', 'resp'].includes(lastSegment(call.object) ?? '')) {
      return { label, target: node.arguments[node.arguments.length - 1] };
    }
    if (ROUTER_METHODS.has(call.method) && (routerHook || endsWithWord(call.object, ['router', 'history']))) {
      return { label, target: node.arguments[0], extras: call.method === 'navigate' || call.method === 'navigateByUrl' ? node.arguments[1] : undefined };
    }
    return undefined;
  }

  /** `app.get('/path', handler)`, `router.route('/x').get(handler)`, `fastify.route({ method: 'GET', handler })`. */
  noteGetRoute(node: TSESTree.CallExpression) {
    const call = memberCall(node);
    if (!call) return;
    // `api.post()` with no arguments registers nothing (and must not stop the rule for the rest of the file).
    if (['post', 'put', 'patch', 'delete', 'all', 'use'].includes(call.method) && node.arguments[0] && this.context.stringPrefixOf(node.arguments[0])?.text.startsWith('/')) {
      for (const argument of node.arguments) if (isFunction(argument)) this.routeHandlers.add(argument);
    }
    const handlers: Node[] = [];
    if (call.method === 'get') {
      const owner = lastSegment(call.object);
      const routeChain = call.object.type === 'CallExpression' && memberCall(call.object)?.method === 'route';
      const pathFirst = node.arguments.length >= 2 && this.context.stringPrefixOf(node.arguments[0])?.text.startsWith('/');
      const ownerLooksLikeApp = !!owner && (GET_ROUTE_OWNERS.has(owner) || splitWords(owner).some((word) => word === 'router' || word === 'app' || word === 'server'));
      if (routeChain || (pathFirst && ownerLooksLikeApp)) handlers.push(...node.arguments.filter((argument) => isFunction(argument)));
    } else if (call.method === 'route' && node.arguments[0]?.type === 'ObjectExpression') {
      const properties = new Map(node.arguments[0].properties.filter((p): p is TSESTree.Property => p.type === 'Property' && !p.computed).map((p) => [keyName(p.key), p.value as Node]));
      const method = properties.get('method');
      const isGet = method && (this.context.constantOf(method) === 'GET' || (method.type === 'ArrayExpression' && method.elements.some((e) => e && e.type !== 'SpreadElement' && this.context.constantOf(e) === 'GET')));
      const handler = properties.get('handler');
      if (isGet && handler && isFunction(handler)) handlers.push(handler);
    }
    for (const handler of handlers) {
      if (!isFunction(handler)) continue;
      const first = handler.params[0];
      if (first?.type === 'Identifier') this.getHandlers.set(handler, first.name);
    }
  }

  /**
   * Whose request `name` is, if the node is inside a handler: `get` for a GET route registered here,
   * `handler` for a function shaped like a request handler whose route is registered elsewhere.
   */
  handlerWithRequest(node: Node, name: string): 'get' | 'handler' | undefined {
    let shaped = false;
    for (let current = parentOf(node); current; current = parentOf(current)) {
      if (!isFunction(current)) continue;
      if (this.getHandlers.get(current) === name) return 'get';
      if (this.routeHandlers.has(current)) return undefined;
      // A route object's handler (`{ method: 'GET', path, handler }`, `options: { handler }`) knows its method.
      const route = isHandlerOf(current, name) ? routeObjectOf(current, parentOf) : undefined;
      if (route) return route.method === 'get' ? 'get' : undefined;
      shaped ||= isHandlerShaped(current, name);
    }
    return shaped ? 'handler' : undefined;
  }

  /**
   * `req.query` / `request.query` / `ctx.query` / `ctx.request.query` of a GET handler. `site` is an
   * already visited node around it (children get their parent pointers only when they are visited).
   */
  queryObjectOf(node: Node, site: Node): 'get' | 'handler' | undefined {
    const inner = unwrap(node);
    if (inner.type !== 'MemberExpression' || propertyName(inner) !== 'query') return undefined;
    let root: Node = inner.object;
    if (root.type === 'MemberExpression' && propertyName(root) === 'request') root = root.object;
    return root.type === 'Identifier' ? this.handlerWithRequest(site, root.name) : undefined;
  }

  /** A GET route registered here is certain; a handler-shaped function whose route is elsewhere is a guess (medium). */
  reportQueryRead(node: Node, parameter: string, owner: 'get' | 'handler' = 'get') {
    const kinds = withoutRecordKeyKinds(parameter, this.context.classifyName(parameter));
    // A query string is text: `?patient=`, `?encounters=` (named for a whole record) take the record's id or reference.
    if (!kinds.length || kinds.every((kind) => RECORD_KINDS.has(kind))) return;
    if (owner === 'get') {
      // A sign-in, account or user-context route (`routes/auth.js`, `getUserContext`) reads the app user's own e-mail or phone;
      // a route about practitioners or professionals reads their identifiers; a catalogue's route (a formulary, a vademecum)
      // searches its entries by drug or diagnosis, no one's.
      let routeKinds = this.isStaffSide(node) ? kinds.filter((kind) => !CONTACT_KINDS.includes(kind)) : kinds;
      if (subjectOfName(parameter) !== 'patient') {
        if (this.isWorkforcePeopleSide(node)) routeKinds = routeKinds.filter((kind) => !WORKFORCE_IDENTIFIER_KINDS.has(kind));
        if (this.isReferenceDataSide(node)) routeKinds = routeKinds.filter((kind) => !terminologyKinds([kind]).length);
      }
      if (routeKinds.length) this.report(node, 'queryRead', { kinds: routeKinds, origins: [], confidence: 'high' }, 'GET');
      return;
    }
    // A sign-in, password-reset or staff handler reads the app user's own e-mail or phone, not a patient's.
    const patientsSignIn = this.context.config.appUsers === 'patients';
    const staffSide = enclosingNames(parentOf(node) ? node : this.site ?? node).some((name) => patientsSignIn ? subjectOfName(name) === 'workforce' && !isAppUserName(name) : subjectOfName(name) === 'workforce' || isAccountContextName(name));
    const handlerKinds = staffSide ? kinds.filter((kind) => !CONTACT_KINDS.includes(kind)) : kinds;
    if (handlerKinds.length) this.report(node, 'handlerQueryRead', { kinds: handlerKinds, origins: [], confidence: 'medium' }, 'query', 'medium');
  }

  searchParamsEntry(node: Node, taint: Taint) {
    // `const params = new URLSearchParams({ ssn })`: decided by its uses at the end of the file.
    const parent = parentOf(node);
    if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') {
      const byKey = taint.kinds.length ? taint : this.queryObjectTaint((node as TSESTree.NewExpression).arguments[0]);
      // A second `const params` (in another function) must not erase what the first one was found to carry.
      const previous = this.searchParamVars.get(parent.id.name);
      if (previous?.entries.length) this.searchParamVars.set(`${parent.id.name}#${this.searchParamVars.size}`, previous);
      this.searchParamVars.set(parent.id.name, { entries: byKey ? [{ node, taint: byKey }] : [], urlUse: false, bodyUse: false });
      return;
    }
    if (!taint.kinds.length) return;
    // Directly a request body (`body: new URLSearchParams(…)`, `axios.post(url, new URLSearchParams(…))`): form data, fine.
    if (parent?.type === 'Property' && BODY_KEYS.has(keyName(parent.key) ?? '')) return;
    if (parent?.type === 'CallExpression' && parent.arguments.indexOf(node as TSESTree.CallExpressionArgument) >= 1) return;
    this.report(node, 'searchParams', taint, 'URLSearchParams');
  }


  /**
   * A request description handed to a wrapper, a generated API client or `$http`: `this.request({ url, method: 'GET', query })`,
   * `$http({ url, params })`, `return { path, method: 'GET', query: queryParameters }`. An object that says where it goes
   * (a URL key, or a GET method) and has a query object sends that object in the URL whatever function receives it.
   * A body-carrying method leaves the `query` unknown (a GraphQL document, a search posted as JSON), so it stays silent.
   */
  checkRequestDescription(node: TSESTree.ObjectExpression) {
    this.checkRequestDescriptionUrl(node);
    if (!node.properties.some((property) => property.type === 'Property' && !property.computed && REQUEST_DESCRIPTION_QUERY_KEYS.has(keyName(property.key) ?? ''))) return;
    const properties = objectProperties(node);
    const urlProperty = [...REQUEST_DESCRIPTION_URL_KEYS].map((key) => properties.get(key)).find((property) => !!property);
    const methodProperty = properties.get('method');
    const method = methodProperty ? this.context.constantOf(methodProperty.value as Node) : undefined;
    if (typeof method === 'string' && !methodKeepsQueryInUrl(method)) return;
    const isGet = typeof method === 'string';
    if (urlProperty) {
      const url = unwrap(urlProperty.value as Node);
      if (isFunction(url) || url.type === 'ObjectExpression' || url.type === 'ArrayExpression') return;
      const text = this.context.constantOf(url);
      if (text !== undefined && (typeof text !== 'string' || !looksLikeUrlText(text))) return;
    } else if (!isGet) {
      return;
    }
    // A method that is not a constant (`method: verb`) may be POST: a guess, so medium.
    const precision: Precision | undefined = methodProperty && !isGet ? 'medium' : undefined;
    const parent = parentOf(node);
    const sink = parent?.type === 'CallExpression' ? dottedName(parent.callee) ?? lastSegment(parent.callee) ?? 'request' : 'request';
    for (const key of REQUEST_DESCRIPTION_QUERY_KEYS) {
      const property = properties.get(key);
      if (!property) continue;
      const value = property.value as Node;
      if (this.handled.has(value)) continue;
      this.handled.add(value);
      const inner = unwrap(value);
      // `query: GET_PATIENTS` (a GraphQL document), `params: 'v=full'`: text, not a query object.
      if (inner.type === 'TemplateLiteral' || inner.type === 'TaggedTemplateExpression' || isStringLiteral(inner) || isFunction(inner)) continue;
      if (inner.type === 'Identifier' && this.noteSearchParamsUse(inner, 'url')) continue;
      const found = this.queryValuePhi(value, node, true);
      const taint = found && urlProperty && this.isCatalogueRequest(urlProperty.value as Node, value) ? this.withoutCatalogueTerms(found.taint) : found?.taint;
      if (found && taint) this.report(found.node, 'queryOptions', taint, sink, precision);
    }
  }

  /**
   * `apiCallBegan({ method: 'GET', url: '/api/patient/' + ssn, onSuccess })`, `request({ url, method: 'DELETE' })`: an
   * object that names an HTTP method and a URL built of literal text and values describes a request, whichever call (a
   * redux API middleware's action, a wrapper, `axios`) performs it; the URL is requested as written, whatever the method.
   */
  checkRequestDescriptionUrl(node: TSESTree.ObjectExpression) {
    const properties = objectProperties(node);
    const methodProperty = properties.get('method');
    const method = methodProperty ? this.context.constantOf(methodProperty.value as Node) : undefined;
    if (typeof method !== 'string' || !/^(?:get|head|delete|options|post|put|patch)$/i.test(method)) return;
    const urlProperty = [...REQUEST_DESCRIPTION_URL_KEYS].map((key) => properties.get(key)).find((property) => !!property);
    const url = urlProperty ? unwrap(urlProperty.value as Node) : undefined;
    if (!url || !(url.type === 'TemplateLiteral' || isConcat(url)) || this.handled.has(url)) return;
    // A relative reference (`RelatedPerson/${id}` in a FHIR batch or transaction entry) travels in the batch's body, not
    // in a request line: only a path from the root, an absolute URL or a base followed by a path is requested as written.
    if (!/^(?:\/|[a-z][a-z0-9+.-]*:\/\/|X\/)/i.test(urlPieces(url, (expression, asKey) => this.constantText(expression, asKey)).text)) return;
    const parent = parentOf(node);
    const sink = parent?.type === 'CallExpression' ? dottedName(parent.callee) ?? lastSegment(parent.callee) ?? 'request' : 'request';
    this.checkUrl(url, { label: sink, messageId: 'requestUrl' });
  }

  /** What was stored by key into the object `name` in the function around `site`, and the first value that carries PHI. */
  storedByKey(name: string, site: Node, urlText?: string): { taint: Taint; node: Node } | undefined {
    const scope = enclosingFunction(site);
    const taints: Taint[] = [];
    let first: Node | undefined;
    for (const store of this.keyedStores.get(name) ?? []) {
      if (store.scope !== scope) continue;
      // Judged against the endpoint like an entry written inline: `params.search = text` sent to `/patients` is
      // typed search text as `{ search: text }` is.
      const taint = this.queryParameterTaint(store.key, store.value, urlText);
      if (!taint?.kinds.length) continue;
      first ??= store.value;
      taints.push(taint);
    }
    const merged = mergeTaints(taints);
    return merged && first ? { taint: merged, node: first } : undefined;
  }

  /** `query['firstName'] = firstName`, `params.dob = value`: noted for the request the object is later handed to. */
  noteKeyedStore(node: TSESTree.AssignmentExpression) {
    const target = node.left;
    // `params = params.set('patient', id).append(…)` (Angular's immutable HttpParams): each call stores one key.
    if (node.operator === '=' && target.type === 'Identifier') {
      const sets: Array<{ key: string; value: Node }> = [];
      let current = unwrap(node.right);
      for (let call = current.type === 'CallExpression' ? memberCall(current) : undefined; call && (call.method === 'set' || call.method === 'append'); call = current.type === 'CallExpression' ? memberCall(current) : undefined) {
        const [key, value] = (current as TSESTree.CallExpression).arguments;
        if (isStringLiteral(key) && value && value.type !== 'SpreadElement') sets.unshift({ key: key.value, value });
        current = unwrap(call.object);
      }
      if (sets.length && current.type === 'Identifier' && current.name === target.name) {
        const stores = this.keyedStores.get(target.name) ?? [];
        for (const set of sets) stores.push({ ...set, scope: enclosingFunction(node) });
        this.keyedStores.set(target.name, stores);
      }
      return;
    }
    if (node.operator !== '=' || target.type !== 'MemberExpression' || target.object.type !== 'Identifier') return;
    const key = target.computed ? (isStringLiteral(target.property) ? target.property.value : undefined) : propertyName(target);
    if (!key) return;
    const stores = this.keyedStores.get(target.object.name) ?? [];
    stores.push({ key, value: node.right, scope: enclosingFunction(node) });
    this.keyedStores.set(target.object.name, stores);
  }

  /**
   * AngularJS `$location`: `search(key, value)` and `search({ … })` write the page's query string; `url(…)`, `path(…)`
   * and `hash(…)` with an argument navigate (without one they read). True when the call was one of these.
   */
  checkAngularLocation(node: TSESTree.CallExpression, call: { object: Node; method: string }): boolean {
    if (lastSegment(call.object) !== '$location' || !node.arguments.length) return false;
    const label = `$location.${call.method}`;
    const [first, second] = node.arguments;
    if (call.method === 'search') {
      if (second && second.type !== 'SpreadElement') {
        const taint = this.valueWithKey(first, second);
        if (taint.kinds.length) this.report(second, 'pageUrl', taint, label);
      } else if (first.type !== 'SpreadElement' && !isStringLiteral(first)) {
        const found = this.queryValuePhi(first, node, true);
        if (found) this.report(found.node, 'pageUrl', found.taint, label);
      }
      return true;
    }
    if (call.method === 'url' || call.method === 'path' || call.method === 'hash') {
      this.checkRouteTarget(first, { label, messageId: 'pageUrl' });
      return true;
    }
    return false;
  }

  /**
   * UI-Router `$state.go(name, params)` / `transitionTo` / `href`: the parameters the state's URL declares are written
   * into the page URL (path or query); the ones it does not declare stay in memory. The state's URL is usually declared
   * in another module, so PHI in the parameters is reported with medium precision.
   */
  checkStateTransition(node: TSESTree.CallExpression, call: { object: Node; method: string }): boolean {
    if (lastSegment(call.object) !== '$state' || !['go', 'transitionTo', 'href'].includes(call.method)) return false;
    const [target, params] = node.arguments;
    const state = target ? this.context.constantOf(target) : undefined;
    const declared = typeof state === 'string' ? this.declaredStateParameters(state) : undefined;
    const object = params && params.type !== 'SpreadElement' ? unwrap(params) : undefined;
    if (!declared?.size || object?.type !== 'ObjectExpression') return true;
    const inUrl = object.properties.filter((property) => property.type === 'Property' && !property.computed && declared.has(keyName(property.key) ?? ''));
    const found = this.queryEntriesPhi({ ...object, properties: inUrl } as TSESTree.ObjectExpression);
    if (found) this.report(found.node, 'pageUrl', found.taint, `$state.${call.method}`);
    return true;
  }

  /** The parameters the URLs of a UI-Router state and its parents declare (`/patients/:uuid?name&{dob}`). */
  declaredStateParameters(state: string): Set<string> | undefined {
    const parts = state.split('.');
    const names = new Set<string>();
    let known = false;
    for (let i = 1; i <= parts.length; i++) {
      const url = this.stateUrls.get(parts.slice(0, i).join('.'));
      if (url === undefined) continue;
      known = true;
      for (const match of url.matchAll(/:([A-Za-z_$][\w$]*)|\{([A-Za-z_$][\w$]*)[^}]*\}/g)) names.add(match[1] ?? match[2]);
      const query = url.split('?')[1];
      if (query) for (const name of query.split('&')) if (/^[A-Za-z_$][\w$]*$/.test(name)) names.add(name);
    }
    return known ? names : undefined;
  }

  /** `$stateProvider.state('patients.search', { url: '/search?name' })` and `.state({ name, url })`: state URLs of this file. */
  noteStateDeclaration(node: TSESTree.CallExpression, call: { object: Node; method: string } | undefined) {
    if (call?.method !== 'state') return;
    const [first, second] = node.arguments;
    const config = first && unwrap(first).type === 'ObjectExpression' ? unwrap(first) as TSESTree.ObjectExpression : second && unwrap(second).type === 'ObjectExpression' ? unwrap(second) as TSESTree.ObjectExpression : undefined;
    if (!config) return;
    const properties = objectProperties(config);
    const name = isStringLiteral(first) ? first.value : properties.get('name') ? this.context.constantOf(properties.get('name')!.value as Node) : undefined;
    const url = properties.get('url') ? this.context.constantOf(properties.get('url')!.value as Node) : undefined;
    if (typeof name === 'string' && typeof url === 'string') this.stateUrls.set(name, url);
  }

  /** `const Patients = $resource('/patients/:id')`, `{ Audits: $resource(…) }`, `this.Patients = $resource(…)`: the names a resource class is bound to. */
  noteAngularResource(node: TSESTree.CallExpression) {
    if (dottedName(node.callee) !== '$resource') return;
    const parent = parentOf(node);
    if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') this.resourceNames.add(parent.id.name);
    else if (parent?.type === 'Property' && !parent.computed && keyName(parent.key)) this.resourceNames.add(keyName(parent.key)!);
    else if (parent?.type === 'AssignmentExpression' && lastSegment(parent.left)) this.resourceNames.add(lastSegment(parent.left)!);
  }

  /**
   * `Patients.query({ name })`, `Patients.get(params, onSuccess)` on a `$resource` class: the default `query` and `get`
   * actions are GETs, and parameters the resource URL does not use become its query string.
   */
  checkResourceAction(node: TSESTree.CallExpression, call: { object: Node; method: string }): boolean {
    if (call.method !== 'query' && call.method !== 'get') return false;
    const receiver = unwrap(call.object);
    const isResource = (receiver.type === 'CallExpression' && dottedName(receiver.callee) === '$resource') || this.resourceNames.has(lastSegment(receiver) ?? '');
    if (!isResource) return false;
    const params = node.arguments[0];
    if (params && params.type !== 'SpreadElement' && !isFunction(params)) {
      const found = this.queryValuePhi(params, node, true);
      if (found) this.report(found.node, 'queryOptions', found.taint, `${lastSegment(receiver) ?? '$resource'}.${call.method}`);
    }
    return true;
  }

  /**
   * Restangular (AngularJS): `Restangular.one('patients').get(params)`, `Restangular.all('patients').getList(params)`,
   * `.customGET(path, params)` / `.customGETLIST(path, params)`. Their params object becomes the GET's query string;
   * the route the `one`/`all` chain names is the URL a free-text search is judged by (`/patients?q=`).
   */
  checkRestangular(node: TSESTree.CallExpression, call: { object: Node; method: string }): boolean {
    const paramsIndex = RESTANGULAR_GETS.get(call.method);
    if (paramsIndex === undefined) return false;
    const segments: string[] = [];
    let current = unwrap(call.object);
    let rooted = false;
    while (current.type === 'CallExpression') {
      const link = memberCall(current);
      if (!link || !RESTANGULAR_ROUTES.has(link.method)) return false;
      const route = current.arguments[0] ? this.context.constantOf(current.arguments[0]) : undefined;
      if (['one', 'all', 'several', 'oneUrl', 'allUrl'].includes(link.method)) segments.unshift(typeof route === 'string' ? route : 'X');
      current = unwrap(link.object);
      rooted = /restangular$/i.test(lastSegment(current) ?? '');
    }
    if (!rooted) return false;
    const params = node.arguments[paramsIndex];
    if (!params || params.type === 'SpreadElement' || isFunction(params)) return true;
    const customPath = paramsIndex === 1 && node.arguments[0] ? this.context.constantOf(node.arguments[0]) : undefined;
    const urlText = `/${[...segments, ...(typeof customPath === 'string' && customPath ? [customPath] : [])].join('/')}`;
    const found = this.queryValuePhi(params, node, true, urlText);
    const object = unwrap(params);
    const entries = object.type === 'ObjectExpression' ? [...objectProperties(object).entries()] : [];
    const catalogue = this.isCatalogueLookup(urlText, undefined, entries.map(([key]) => key), entries.map(([, property]) => property.value as Node));
    const taint = found && catalogue ? this.withoutCatalogueTerms(found.taint) : found?.taint;
    if (found && taint) this.report(found.node, 'queryOptions', taint, `Restangular.${call.method}`);
    return true;
  }

  /**
   * `filterUrl += '&dob=' + dob`: a query string built piece by piece, into a variable that holds a URL or its query
   * (named so, or started with a `?`). The same text added to a form body (`body += '&ssn=' + ssn`) is not a URL.
   */
  checkQueryFragment(node: TSESTree.AssignmentExpression) {
    const right = withoutTextFallback(unwrap(node.right));
    if (node.operator !== '+=' || !(right.type === 'TemplateLiteral' || isConcat(right))) return;
    const target = lastSegment(node.left);
    if (!target) return;
    const words = splitWords(target);
    const init = node.left.type === 'Identifier' ? this.inits.get(node.left.name) : undefined;
    const initText = init ? this.context.stringPrefixOf(init)?.text : undefined;
    const startedAsQuery = initText !== undefined && initText.includes('?');
    // `let query = 'Patient?'; query += \`given=${first}&\``: the separator written after each parameter instead of
    // before it. Only into a variable started as a URL with a query string: `sql += 'name=' + x` is not one.
    const fragmentText = urlPieces(right).text;
    const trailing = !startsQueryParameter(fragmentText);
    if (trailing && !(startedAsQuery && /^[A-Za-z_][\w.:-]*=/.test(fragmentText) && /&$/.test(fragmentText))) return;
    const holdsUrl = words.some((word) => QUERY_STRING_WORDS.has(word)) || startedAsQuery;
    if (!holdsUrl || words.some((word) => BODY_KEYS.has(word) || word === 'body')) return;
    this.handled.add(right);
    const found = this.phiInPieces(right, true, true, initText?.includes('?') ? initText : undefined);
    if (found && trailing) {
      // One query string, one finding: the parameters added to it one by one are merged at the end of the file.
      const key = `${target}@${enclosingFunction(node)?.range[0] ?? -1}`;
      const pending = this.trailingQueryFragments.get(key);
      if (pending) pending.taints.push(found.taint);
      else this.trailingQueryFragments.set(key, { node: found.node, taints: [found.taint] });
    } else if (found) this.report(found.node, 'builtUrl', found.taint, 'URL');
  }

  /**
   * `url.format({ host, pathname, query })` (Node's `url` module, legacy URL objects): the `query` object is
   * formatted into the URL's query string, every value of it.
   */
  checkUrlFormat(node: TSESTree.CallExpression): boolean {
    const callee = node.callee;
    const receiver = callee.type === 'MemberExpression' && propertyName(callee) === 'format' ? callee.object : undefined;
    const imported = receiver?.type === 'Identifier' ? this.context.importedFrom(receiver.name) : callee.type === 'Identifier' ? this.context.importedFrom(callee.name) : undefined;
    const fromUrlModule = imported !== undefined && URL_MODULES.has(imported.module) && (receiver ? imported.imported === 'default' || imported.imported === '*' : imported.imported === 'format');
    if (!fromUrlModule) return false;
    const options = node.arguments[0];
    const query = options?.type === 'ObjectExpression' ? objectProperties(options).get('query') : undefined;
    if (!query) return false;
    const taint = this.context.taintOf(query.value as Node);
    if (taint.kinds.length && !this.isSanitized(query.value as Node)) this.report(query.value as Node, 'builtUrl', taint, 'url.format');
    return true;
  }

  /** A string built like a URL with PHI in its query string, wherever it is built. */
  checkBuiltUrl(node: TSESTree.TemplateLiteral | TSESTree.BinaryExpression) {
    const parent = parentOf(node);
    if (this.handled.has(node) || (parent && (isConcat(parent) || parent.type === 'TemplateLiteral'))) return;
    const { text } = urlPieces(node);
    if (this.checkSavedUrlCopy(node)) return;
    if (!text.includes('?') || LOCAL_SCHEMES.test(text)) return;
    const found = this.phiInPieces(node, true);
    if (!found) return;
    this.handled.add(node);
    // `/users?email=${email}` in `findUserByEmail`: an account lookup sends the app user's own contact, not a patient's.
    const taint = this.withoutAccountContacts(found.taint, node, undefined);
    if (!taint) return;
    this.report(found.node, 'builtUrl', taint, 'URL');
    this.noteSavedUrl(node, taint);
  }

  /** `let searchEndPoint = '/patients?lastName=' + …`, `url = …`: the name the URL built with PHI is kept under. */
  noteSavedUrl(node: Node, taint: Taint) {
    const parent = parentOf(node);
    if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') this.savedPhiUrls.set(parent.id.name, taint);
    else if (parent?.type === 'AssignmentExpression' && parent.right === node && parent.left.type === 'Identifier') this.savedPhiUrls.set(parent.left.name, taint);
  }

  /**
   * `url + '&page=' + nextPage`, `` `${savedUrl}&offset=${n}` ``: more query added to a URL this file saved after
   * building it with PHI in its query (see noteSavedUrl; through a state setter too). The copy is another request
   * line with the same PHI: the paging of a patient search resends the names and birth date it was searched by.
   */
  checkSavedUrlCopy(node: TSESTree.TemplateLiteral | TSESTree.BinaryExpression): boolean {
    if (!this.savedPhiUrls.size) return false;
    const { pieces } = urlPieces(node);
    const first = pieces[0];
    if (!first || first.before !== '' || first.expression.type !== 'Identifier') return false;
    const saved = this.savedPhiUrls.get(first.expression.name);
    // more parameters appended to the saved query (`&page=`), not a path or another URL built from it
    if (!saved || !pieces[1] || !/^X&[\w.-]+=/.test(pieces[1].before)) return false;
    this.handled.add(node);
    this.report(first.expression, 'savedUrlCopy', saved, first.expression.name, 'medium');
    return true;
  }

  /**
   * `/login?redirect=${window.location.href}`: the page URL, query string included, copied into another URL's
   * query. The page URL can carry PHI (search terms, names in routes), so this is reported with low precision.
   */
  checkUrlCopy(node: TSESTree.TemplateLiteral | TSESTree.BinaryExpression) {
    const parent = parentOf(node);
    if (parent && (isConcat(parent) || parent.type === 'TemplateLiteral')) return;
    const { text, pieces } = urlPieces(node);
    if (!pieces.length || LOCAL_SCHEMES.test(text)) return;
    // A workspace that writes patient search terms into page URLs makes a copy of the page's query a copy of them.
    const writer = this.context.patientSearchPageUrlWriter();
    const firstName = pieces[0] && pieces[0].before === '' ? valueName(pieces[0].expression) : undefined;
    // An absolute URL (`'https://…' + …`, `PARTNER_URL + …` with a literal origin) is another origin's URL.
    const firstLiteral = pieces[0] && pieces[0].before === '' ? this.literalInit(pieces[0].expression) : undefined;
    const absolute = ABSOLUTE_URL.test(text) || (firstLiteral !== undefined && ABSOLUTE_URL.test(firstLiteral));
    const looksLikeUrl = text.includes('?') || text.startsWith('/') || absolute || (!!firstName && splitWords(firstName).some((word) => ['url', 'path', 'pathname', 'href', 'route'].includes(word)));
    // A value saved in a cookie or storage (`$cookies.put(key, path + '?' + params)`) is those rules' finding, not a URL's.
    if (writer && isStoredValue(node)) return;
    for (const piece of pieces) {
      const inQuery = inQueryString(piece.before);
      const copied = writer && looksLikeUrl ? this.pageQueryCopyOf(piece.expression) : inQuery ? pageUrlOf(piece.expression) : undefined;
      if (!copied || (!inQuery && !writer)) continue;
      // `pathname + search`: the page's own URL put back together reaches no new recipient (see samePageUrl).
      if (this.samePageUrl(node, pieces, pieces.indexOf(piece))) continue;
      if (writer && looksLikeUrl) this.context.report({ node: piece.expression, messageId: 'urlCopySearch', data: { sink: copied, writer }, precision: 'medium' });
      else this.context.report({ node: piece.expression, messageId: 'urlCopy', data: { sink: copied }, precision: 'low' });
    }
  }

  /**
   * Whether the copied query (piece `index`) follows the page's own path (`location.pathname + location.search`,
   * `baseURL + '?' + params` with `baseURL = location.pathname`): the page's own URL put back together, for a pager
   * that resubmits the same page with another page number, a key, a comparison with menu URLs, or the same path on
   * the app's configured back end. That reaches no new recipient. It still does when the copy is handed on: encoded
   * or placed into another URL's query (`?next=${pathname}${search}`), given to a redirect/return-style parameter,
   * or prefixed with a literal origin (`https://other.example` + pathname + search).
   */
  samePageUrl(node: Node, pieces: UrlPiece[], index: number): boolean {
    if (index < 1) return false;
    const path = pieces[index - 1];
    const between = pieces[index].before.slice(path.before.length + 1);
    if (between !== '' && between !== '?') return false;
    if (!this.pagePathOf(path.expression)) return false;
    // Literal text before the path (`/legacy${pathname}`, `/login?next=${pathname}`) makes another URL.
    if (path.before.replace(/X/g, '') !== '') return false;
    for (const earlier of pieces.slice(0, index - 1)) {
      const prefix = this.literalInit(earlier.expression);
      if (prefix !== undefined && ABSOLUTE_URL.test(prefix)) return false;
    }
    return !handedOnAsParameter(node);
  }

  /** The page's own path (`location.pathname`, `window.location.pathname`), also through a variable. */
  pagePathOf(expression: Node, depth = 0): boolean {
    const node = unwrap(expression);
    if (node.type === 'Identifier') {
      const init = depth < 3 ? this.inits.get(node.name) : undefined;
      return !!init && this.pagePathOf(init, depth + 1);
    }
    const name = node.type === 'MemberExpression' ? dottedName(node) : undefined;
    return !!name && /(^|\.)location\.pathname$/.test(name);
  }

  /** The string a variable or constant is initialised with (`const PARTNER = 'https://…'`), if any. */
  literalInit(expression: Node): string | undefined {
    const node = unwrap(expression);
    if (isStringLiteral(node)) return node.value;
    if (node.type !== 'Identifier') return undefined;
    const init = this.inits.get(node.name);
    const value = init ? unwrap(init) : undefined;
    return value && isStringLiteral(value) ? value.value : undefined;
  }

  /**
   * The page URL's query a value copies, through a variable: `location.search`, `location.href`, `router.asPath`,
   * `searchParams.toString()` of `useSearchParams()`, `new URLSearchParams(location.search)` (then `.set('page', n)`),
   * `decodeURIComponent(location.search.substring(1))`. Not the path or origin alone.
   */
  pageQueryCopyOf(expression: Node, depth = 0): string | undefined {
    if (depth > 3) return undefined;
    let node = unwrap(expression);
    for (;;) {
      if (node.type === 'CallExpression') {
        const callee = dottedName(node.callee);
        const call = memberCall(node);
        if (callee && ['encodeURIComponent', 'encodeURI', 'decodeURIComponent', 'decodeURI', 'escape', 'String'].includes(callee) && node.arguments[0]) node = unwrap(node.arguments[0]);
        else if (call && ['toString', 'substring', 'substr', 'slice', 'replace', 'trim'].includes(call.method)) node = unwrap(call.object);
        else if (callee && lastSegment(node.callee) === 'useSearchParams') return 'useSearchParams()';
        else return undefined;
      } else if (node.type === 'NewExpression' && lastSegment(node.callee) === 'URLSearchParams' && node.arguments[0] && node.arguments[0].type !== 'SpreadElement') {
        node = unwrap(node.arguments[0]);
      } else break;
    }
    if (node.type === 'Identifier') {
      if (this.pageQueryVars.has(node.name)) return node.name;
      const init = this.inits.get(node.name);
      return init ? this.pageQueryCopyOf(init, depth + 1) : undefined;
    }
    const name = node.type === 'MemberExpression' ? dottedName(node) : undefined;
    return name && PAGE_QUERY.test(name) ? name : undefined;
  }

  // ── visitors ──

  onVariableDeclarator(node: TSESTree.VariableDeclarator) {
    if (node.id.type === 'Identifier' && node.init) {
      this.inits.set(node.id.name, node.init);
      const init = unwrap(node.init);
      if (init.type === 'CallExpression' && dottedName(init.callee) === 'useNavigate') this.navigateFunctions.add(node.id.name);
    }
    // const params = useSearchParams() (Next); const params = new URLSearchParams(window.location.search)
    if (node.id.type === 'Identifier' && node.init) {
      const init = unwrap(node.init);
      if (init.type === 'CallExpression' && lastSegment(init.callee) === 'useSearchParams') this.pageQueryReaders.add(node.id.name);
      if (init.type === 'NewExpression' && dottedName(init.callee) === 'URLSearchParams' && init.arguments[0] && /(^|\.)location\.search$/.test(dottedName(init.arguments[0] as Node) ?? '')) this.pageQueryReaders.add(node.id.name);
    }
    // const [searchParams, setSearchParams] = useSearchParams(); const [name, setName] = useQueryState('name')
    if (node.id.type === 'ArrayPattern' && node.init) {
      const init = unwrap(node.init);
      const query = node.id.elements[0];
      if (query?.type === 'Identifier' && init.type === 'CallExpression' && lastSegment(init.callee) === 'useSearchParams') this.pageQueryVars.add(query.name);
      if (query?.type === 'Identifier' && init.type === 'CallExpression' && lastSegment(init.callee) === 'useSearchParams') this.pageQueryReaders.add(query.name);
      const stateSetter = node.id.elements[1];
      if (query?.type === 'Identifier' && stateSetter?.type === 'Identifier' && init.type === 'CallExpression' && lastSegment(init.callee) === 'useState') this.stateOfSetter.set(stateSetter.name, query.name);
      const setter = node.id.elements[1];
      const hook = init.type === 'CallExpression' ? lastSegment(init.callee) : undefined;
      if (hook && setter?.type === 'Identifier' && init.type === 'CallExpression') {
        if (SEARCH_PARAM_HOOKS.has(hook)) this.querySetters.set(setter.name, undefined);
        // wouter: `const [location, setLocation] = useLocation()` navigates (React Router's useLocation returns an object).
        else if (hook === 'useLocation') this.navigateFunctions.add(setter.name);
        else if (ONE_PARAMETER_HOOKS.has(hook) && isStringLiteral(init.arguments[0])) this.querySetters.set(setter.name, init.arguments[0].value);
      }
    }
    // const { searchParams, updateQueryParam } = useQueryParam(): setters that write one key of the page URL's query
    if (node.id.type === 'ObjectPattern' && node.init) {
      const init = unwrap(node.init);
      const hook = init.type === 'CallExpression' ? lastSegment(init.callee) : undefined;
      // by its name, or a hook of the workspace the index knows writes the page URL's query (`useUrlQuery`)
      const named = !!hook && KEYED_QUERY_HOOK.test(hook);
      if (hook && (named || this.context.isUrlQueryHook(hook))) {
        for (const property of node.id.properties) {
          if (property.type !== 'Property' || property.computed || property.value.type !== 'Identifier') continue;
          const key = keyName(property.key);
          if (key && (named ? KEYED_QUERY_SETTER : URL_QUERY_MEMBER).test(key)) this.keyedQuerySetters.add(property.value.name);
        }
      }
    }
    // const { ssn, dob } = req.query — in a GET route, or a handler whose route is registered elsewhere
    const owner = node.id.type === 'ObjectPattern' && node.init ? this.queryObjectOf(node.init, node) : undefined;
    if (owner && node.id.type === 'ObjectPattern') {
      for (const property of node.id.properties) {
        if (property.type !== 'Property' || property.computed) continue;
        const key = keyName(property.key);
        if (key) this.reportQueryRead(property.key, key, owner);
      }
    }
  }

  onMemberExpression(node: TSESTree.MemberExpression) {
    // req.query.ssn / req.query['dob'] — in a GET route, or a handler whose route is registered elsewhere
    const owner = this.queryObjectOf(node.object, node);
    if (!owner) return;
    const name = propertyName(node);
    if (name) this.reportQueryRead(node, name, owner);
  }

  onIdentifier(node: TSESTree.Identifier) {
    const tracked = this.searchParamVars.get(node.name);
    if (!tracked) return;
    const parent = parentOf(node);
    if (!parent || (parent.type === 'VariableDeclarator' && parent.id === node)) return;
    if (parent.type === 'Property' && parent.value === node && BODY_KEYS.has(keyName(parent.key) ?? '')) tracked.bodyUse = true;
    else if (parent.type === 'Property' && parent.value === node && QUERY_OPTION_KEYS.has(keyName(parent.key) ?? '')) {
      // `{ basePath: '/Observation/_search', params }`: FHIR's `_search` endpoint is the POST form of a search, so
      // parameters kept beside such a path are sent as its body
      if (besideSearchPostPath(parent)) tracked.bodyUse = true;
      else tracked.urlUse = true;
    }
    else if (parent.type === 'CallExpression' && parent.arguments.indexOf(node) >= 1) tracked.bodyUse = true;
    else if (parent.type === 'TemplateLiteral' || isConcat(parent)) tracked.urlUse = true;
    else if (parent.type === 'MemberExpression' && parent.object === node && propertyName(parent) === 'toString') tracked.urlUse = true;
    else if (parent.type === 'AssignmentExpression' && parent.right === node) tracked.urlUse = true;
  }

  onNewExpression(node: TSESTree.NewExpression) {
    const name = lastSegment(node.callee);
    if (name === 'URLSearchParams') {
      this.searchParamsEntry(node, node.arguments[0] ? this.context.taintOf(node.arguments[0]) : { kinds: [], origins: [], confidence: 'high' });
      return;
    }
    if ((name === 'EventSource' || name === 'WebSocket' || name === 'Request') && node.arguments[0]) {
      this.checkUrl(node.arguments[0], { label: `new ${name}`, messageId: 'requestUrl' });
    }
  }

  /** A search-parameter object: written inline or built in this file (`const params = { name: text }`). */
  searchParameterObject(value: Node | undefined): TSESTree.ObjectExpression | undefined {
    if (!value || value.type === 'SpreadElement') return undefined;
    const node = this.resolvedLocal(value);
    return node.type === 'ObjectExpression' ? node : undefined;
  }

  /**
   * What a FHIR person search parameter's value carries: its own PHI, or what the parameter says the typed value
   * is (`name:contains: searchText` is a name). Not a constant, an opaque id (`identifier: patientUuid`), a staff
   * member's name or a value whose name says it is code (`sortOrder`).
   */
  fhirSearchValueTaint(kind: string, value: Node, businessIdentifier = false): Taint | undefined {
    const node = unwrap(value);
    if (node.type === 'ArrayExpression') {
      return mergeTaints(node.elements.flatMap((element) => (element && element.type !== 'SpreadElement' ? [this.fhirSearchValueTaint(kind, element, businessIdentifier)].filter((taint): taint is Taint => !!taint) : [])));
    }
    if (this.context.constantOf(node) !== undefined || isConstantExpression(node) || this.isSanitized(node) || isConstantsRead(node)) return undefined;
    if (kind === 'date-of-birth' && this.isDateBound(node)) return undefined;
    const own = this.context.taintOf(node);
    if (own.kinds.length && !own.kinds.every((ownKind) => RECORD_KINDS.has(ownKind))) return own;
    const name = valueName(node);
    // `patient:identifier=${patientId}`: the modifier says the value is an identifier, whatever its name says.
    if (businessIdentifier) return name && subjectOfName(name) === 'workforce' ? undefined : { kinds: [kind], origins: [], confidence: 'medium' };
    if (name && (isIdName(name) || subjectOfName(name) === 'workforce' || splitWords(name).some((word) => CODE_VALUE_WORDS.has(word)))) return undefined;
    if (name && this.isTrapName(name) && !namesTypedText(name)) return undefined;
    return { kinds: [kind], origins: [], confidence: 'medium' };
  }

  /**
   * `birthdate: \`ge${cutoff}\``, `birthdate: minBirthDate`: a bound of a date range (FHIR prefixes `ge`, `le`, `gt`, `lt`,
   * `sa`, `eb`, or a value named as a bound) selects a cohort by age, not a person by their birth date.
   */
  isDateBound(node: Node): boolean {
    const prefix = this.context.stringPrefixOf(node)?.text;
    if (prefix && /^(ge|le|gt|lt|sa|eb|ap|ne)/.test(prefix)) return true;
    const name = valueName(node);
    return !!name && splitWords(name).some((word) => DATE_BOUND_WORDS.has(word));
  }

  /** The person search parameters of a FHIR search's parameters (key and value), judged by resource type; the first value with PHI. */
  fhirSearchParametersPhi(parameters: ReadonlyArray<{ key: string; value: Node; at?: Node }>, resourceType: string | undefined, fhirKnown = true): { taint: Taint; node: Node } | undefined {
    const taints: Taint[] = [];
    let first: Node | undefined;
    for (const { key, value, at } of parameters) {
      if (!fhirKnown && !isFhirSpeltParameter(key)) continue;
      const kind = chainedPatientSearchParameterKind(key) ?? (resourceType && isPersonResource(resourceType) ? personSearchParameterKind(key) : undefined);
      if (!kind) continue;
      const taint = this.fhirSearchValueTaint(kind, value);
      if (!taint) continue;
      first ??= at ?? value;
      taints.push(taint);
    }
    const merged = mergeTaints(taints);
    return merged && first ? { taint: merged, node: first } : undefined;
  }

  /**
   * The parameters of a FHIR search as key and value: an object literal's properties (written inline or built in this
   * function), and what was stored into it by key in the function around `site` before the search
   * (`searchParams.birthdate = params.birthDate`, `params.set('name', text)` on a `URLSearchParams`).
   */
  searchParameterEntries(value: Node | undefined, site: Node): Array<{ key: string; value: Node; at?: Node }> | undefined {
    if (!value || value.type === 'SpreadElement') return undefined;
    const object = this.searchParameterObject(value);
    const entries: Array<{ key: string; value: Node; at?: Node }> = [];
    if (object) {
      for (const property of object.properties) {
        if (property.type === 'SpreadElement' || property.computed) continue;
        const key = keyName(property.key);
        if (key) entries.push({ key, value: property.value as Node });
      }
    }
    const inner = unwrap(value);
    if (inner.type === 'Identifier') {
      const scope = enclosingFunction(site);
      for (const store of [...(this.keyedStores.get(inner.name) ?? []), ...(this.searchParamSets.get(inner.name) ?? [])]) {
        // reported at the search that sends what was stored (the stores may be spread over the function)
        if (store.scope === scope) entries.push({ key: store.key, value: store.value, at: value });
      }
      // handed to a search client, a `URLSearchParams` is its query string, not a body
      this.noteSearchParamsUse(inner, 'url');
    }
    return object || entries.length ? entries : undefined;
  }

  /**
   * A FHIR search of patients by what identifies them: `getFHIRResources('Patient', { 'name:contains': searchText })`,
   * `medplum.searchResources('Patient', { birthdate })`, `client.search({ resourceType: 'Patient', searchParams: { phone } })`,
   * or a chained search through a patient reference on any resource (`{ 'subject:Patient.name': text }`). FHIR clients
   * search with GET unless told to POST `_search`, so the parameters are in the request URL. Medium precision: the
   * client's method is not in sight.
   */
  checkFhirPatientSearch(node: TSESTree.CallExpression, sink: string): boolean {
    const [first, second] = node.arguments;
    let resourceType: string | undefined;
    let parameters: Array<{ key: string; value: Node; at?: Node }> | undefined;
    const typeArgument = first && first.type !== 'SpreadElement' ? this.context.constantOf(first) : undefined;
    // Is it FHIR? A `resourceType` key says so; a type argument (`find('Patient', …)` could be an ORM's) needs a FHIR
    // client in sight — the call's or a module's name — or a parameter only FHIR spells (`birthdate`, `name:contains`).
    let fhirKnown = /fhir/i.test(sink) || this.context.importsModule(/fhir|medplum|aidbox/i) || /fhir/i.test(this.context.file);
    if (typeof typeArgument === 'string' && /^[A-Z][A-Za-z]+$/.test(typeArgument)) {
      resourceType = typeArgument;
      parameters = this.searchParameterEntries(second, node);
    } else {
      const description = this.searchParameterObject(first);
      const properties = description ? objectProperties(description) : undefined;
      // `{ resourceType: 'Patient' }`; fhir.js (the first SMART client) says `{ type: 'Patient', query }`.
      const typeNode = (properties?.get('resourceType') ?? properties?.get('type'))?.value as Node | undefined;
      fhirKnown ||= properties?.has('resourceType') ?? false;
      const type = typeNode ? this.context.constantOf(typeNode) : undefined;
      if (typeof type !== 'string') return false;
      resourceType = type;
      const parameterKey = [...SEARCH_DESCRIPTION_PARAMETER_KEYS].find((key) => properties?.has(key));
      parameters = parameterKey ? this.searchParameterEntries(properties!.get(parameterKey)!.value as Node, node) : undefined;
    }
    if (!parameters) return false;
    const found = this.fhirSearchParametersPhi(parameters, resourceType, fhirKnown);
    if (!found) return false;
    this.report(found.node, 'fhirPatientSearch', found.taint, `${sink}('${resourceType}')`, 'medium');
    return true;
  }

  /**
   * `makePatientListFilters('name:contains', …)`, `patientSearchFilters('subject:Patient.name')`: a patient list's search
   * filter declared with a FHIR search parameter that finds a person by name, birth date, phone or identifier. What
   * staff type into that filter is sent as that parameter of a GET search. Only a parameter with a modifier or a
   * chain is taken from a bare string (`'name'` alone is too common a word); medium precision.
   */
  checkPatientSearchFilterDeclaration(node: TSESTree.CallExpression, sink: string): boolean {
    const kinds: string[] = [];
    let first: Node | undefined;
    for (const argument of node.arguments) {
      if (!isStringLiteral(argument)) continue;
      const parameter = argument.value;
      const kind = chainedPatientSearchParameterKind(parameter) ?? (parameter.includes(':') ? personSearchParameterKind(parameter) : undefined);
      if (!kind) continue;
      kinds.push(kind);
      first ??= argument;
    }
    if (!first) return false;
    this.report(first, 'fhirSearchFilter', { kinds: [...new Set(kinds)], origins: [], confidence: 'medium' }, sink, 'medium');
    return true;
  }

  /**
   * Contact details searched in the app's own accounts are the users' own, not a patient's: in code about accounts or
   * staff (`searchUsersRoute`, `router/user/`), or beside an account field (`username`, `login`) of the same object.
   */
  withoutAccountContacts(taint: Taint | undefined, site: Node, object: Node | undefined): Taint | undefined {
    if (!taint) return undefined;
    if (!this.isStaffSide(site) && !(object && this.namesAccountField(object))) return taint;
    const kinds = taint.kinds.filter((kind) => !CONTACT_KINDS.includes(kind));
    return kinds.length ? { ...taint, kinds } : undefined;
  }

  /** An object literal or zod object schema (inline or bound in this file) with a `username`/`login` field. */
  namesAccountField(object: Node, depth = 0): boolean {
    if (depth > 3) return false;
    const node = this.resolvedLocal(object);
    if (node.type === 'CallExpression') {
      const call = memberCall(node);
      if (!call || !ZOD_OBJECT_METHODS.has(call.method)) return false;
      if (node.arguments[0] && this.namesAccountField(node.arguments[0], depth + 1)) return true;
      return call.object.type === 'CallExpression' || call.object.type === 'Identifier' ? this.namesAccountField(call.object, depth + 1) : false;
    }
    if (node.type !== 'ObjectExpression') return false;
    return node.properties.some((property) => property.type === 'Property' && !property.computed && ACCOUNT_FIELDS.has((keyName(property.key) ?? '').toLowerCase()));
  }

  /** PHI a zod object schema's field names say its input carries (`z.object({ firstName: z.string(), birthDate })`). */
  schemaFieldsPhi(schema: Node, depth = 0): Taint | undefined {
    if (depth > 3) return undefined;
    const node = this.resolvedLocal(schema);
    if (node.type !== 'CallExpression') return undefined;
    const call = memberCall(node);
    if (!call || !ZOD_OBJECT_METHODS.has(call.method)) return undefined;
    const taints: Taint[] = [];
    const inner = call.object.type === 'CallExpression' || call.object.type === 'Identifier' ? this.schemaFieldsPhi(call.object, depth + 1) : undefined;
    if (inner) taints.push(inner);
    const fields = node.arguments[0];
    if (fields && fields.type === 'ObjectExpression') {
      for (const property of fields.properties) {
        if (property.type === 'SpreadElement' || property.computed) continue;
        const key = keyName(property.key);
        if (!key || isIdName(key) || this.isTrapName(key)) continue;
        const kinds = this.context.classifyName(key).filter((kind) => !RECORD_KINDS.has(kind));
        if (kinds.length) taints.push({ kinds, origins: [], confidence: 'medium' });
        const nested = this.schemaFieldsPhi(property.value as Node, depth + 1);
        if (nested) taints.push(nested);
      }
    }
    return mergeTaints(taints);
  }

  /**
   * tRPC serves query procedures over GET, the input serialised into the URL (`?input=…`); only a client link set to
   * `methodOverride: 'POST'` changes that. A query procedure whose input schema has PHI fields
   * (`publicProcedure.input(z.object({ firstName, birthDate })).query(…)`), and a client query called with PHI
   * (`trpc.patient.search.useQuery({ name, birthDate })`), put it in request URLs. Medium precision: the link is
   * configured elsewhere.
   */
  checkTrpcQuery(node: TSESTree.CallExpression): boolean {
    const call = memberCall(node);
    if (!call) return false;
    if (call.method === 'query' && node.arguments.length && isFunction(unwrap(node.arguments[0] as Node))) {
      if (!isProcedureBase(call.object)) return false;
      const schema = procedureInput(call.object);
      const taint = schema ? this.withoutAccountContacts(this.schemaFieldsPhi(schema), node, schema) : undefined;
      if (!taint || !schema) return false;
      this.report(schema, 'trpcQueryProcedure', taint, 'query', 'medium');
      return true;
    }
    if (!TRPC_QUERY_HOOKS.has(call.method) || call.object.type !== 'MemberExpression') return false;
    const root = chainRoot(call.object);
    const rootName = root.type === 'Identifier' ? root.name : undefined;
    const chain = dottedName(call.object);
    if (!rootName || !chain || chain.split('.').length < 3) return false;
    if (!/trpc/i.test(rootName) && !(this.context.importsModule(/trpc/i) && (rootName === 'api' || rootName === 'client'))) return false;
    const input = node.arguments[0];
    if (!input || input.type === 'SpreadElement') return false;
    const object = this.searchParameterObject(input);
    const found = object ? this.queryEntriesPhi(object) : undefined;
    const own = found ? undefined : this.context.taintOf(input);
    const taint = this.withoutAccountContacts(found?.taint ?? (own?.kinds.length && !own.kinds.every((kind) => RECORD_KINDS.has(kind)) ? own : undefined), node, object);
    if (!taint) return false;
    this.report(found?.node ?? input, 'trpcQueryInput', taint, `${chain}.${call.method}`, 'medium');
    return true;
  }

  onCallExpression(node: TSESTree.CallExpression) {
    this.noteGetRoute(node);
    this.noteAngularResource(node);
    const call = memberCall(node);
    this.noteStateDeclaration(node, call);
    if (call && (this.checkAngularLocation(node, call) || this.checkStateTransition(node, call) || this.checkResourceAction(node, call) || this.checkRestangular(node, call))) return;
    // url.searchParams.set('ssn', ssn) / params.append('dob', dob) on a tracked URLSearchParams
    if (call && (call.method === 'set' || call.method === 'append') && node.arguments.length >= 2) {
      const [key, value] = node.arguments;
      const isUrlSearchParams = lastSegment(call.object) === 'searchParams';
      const tracked = call.object.type === 'Identifier' ? this.searchParamVars.get(call.object.name) : undefined;
      if (isUrlSearchParams || tracked) {
        if (tracked && call.object.type === 'Identifier' && isStringLiteral(key) && value.type !== 'SpreadElement') {
          const sets = this.searchParamSets.get(call.object.name) ?? [];
          sets.push({ key: key.value, value, scope: enclosingFunction(node) });
          this.searchParamSets.set(call.object.name, sets);
        }
        const taint = this.valueWithKey(key, value);
        if (taint.kinds.length) {
          if (tracked) tracked.entries.push({ node: value, taint });
          else this.report(value, 'searchParams', taint, 'searchParams');
        }
        return;
      }
    }
    // xhr.open('GET', url)
    if (call?.method === 'open' && node.arguments.length >= 2 && isStringLiteral(node.arguments[0]) && /^(GET|POST|PUT|PATCH|DELETE|HEAD)$/i.test(node.arguments[0].value)) {
      this.checkUrl(node.arguments[1], { label: `${lastSegment(call.object) ?? 'xhr'}.open`, messageId: 'requestUrl' });
      return;
    }
    // superagent.get(url).query({ ssn })
    if (call?.method === 'query' && call.object.type === 'CallExpression' && this.requestCall(call.object)) {
      const taint = mergeTaints(node.arguments.map((argument) => this.context.taintOf(argument)));
      if (taint) this.report(node.arguments[0], 'queryOptions', taint, `${this.requestCall(call.object)!.label}().query`);
      return;
    }
    const request = this.requestCall(node);
    if (request) {
      this.checkUrl(request.url, { label: request.label, precision: request.precision, messageId: 'requestUrl' });
      this.checkQueryOptions(request.options, request.label, request.precision, QUERY_OPTION_KEYS, request.url);
      return;
    }
    // `this.pacienteService.get({ search: text })` where the service's `get(params)` sends them as a GET's query
    if (call && this.checkForwardedQuery(node, call)) return;
    if (node.callee.type === 'Identifier' && this.keyedQuerySetters.has(node.callee.name)) {
      const [key, value] = node.arguments;
      const name = key ? this.context.constantOf(key) : undefined;
      // `updateQuery({ lastName: text })`: an object of keys and values, judged as the query it becomes
      if (key && key.type !== 'SpreadElement' && node.arguments.length === 1 && unwrap(key).type === 'ObjectExpression') {
        this.checkQuerySetter(node, node.callee.name, undefined);
        return;
      }
      if (typeof name === 'string' && value && value.type !== 'SpreadElement') {
        const own = this.context.taintOf(value);
        const taint = own.kinds.length ? own : this.kindsFromParameterName(name, value);
        if (taint?.kinds.length) this.report(value, 'pageUrl', taint, node.callee.name);
      }
      return;
    }
    // setUrl(searchEndPoint): the state now holds the saved URL
    if (node.callee.type === 'Identifier' && this.stateOfSetter.has(node.callee.name) && node.arguments[0]?.type === 'Identifier') {
      const saved = this.savedPhiUrls.get(node.arguments[0].name);
      if (saved) this.savedPhiUrls.set(this.stateOfSetter.get(node.callee.name)!, saved);
    }
    // params.get('dob') on the page URL's query: judged at the end of the file (see checkPageQueryReads)
    if (node.callee.type === 'MemberExpression' && propertyName(node.callee) === 'get' && node.arguments.length === 1 && isStringLiteral(node.arguments[0])) {
      const owner = unwrap(node.callee.object);
      if ((owner.type === 'Identifier' && this.pageQueryReaders.has(owner.name)) || (owner.type === 'CallExpression' && lastSegment(owner.callee) === 'useSearchParams')) {
        this.pageQueryReads.push({ node, key: node.arguments[0].value });
      }
    }
    if (node.callee.type === 'Identifier' && this.context.isUrlQueryHook(node.callee.name)) this.checkUrlQueryHookFilters(node);
    if (node.callee.type === 'Identifier' && this.querySetters.has(node.callee.name)) {
      this.checkQuerySetter(node, node.callee.name, this.querySetters.get(node.callee.name));
      return;
    }
    if (this.checkUrlFormat(node)) return;
    const navigation = this.navigationCall(node);
    if (navigation) {
      this.checkRouteTarget(navigation.target, { label: navigation.label, precision: navigation.precision, messageId: 'pageUrl' });
      if (navigation.extras) {
        this.checkQueryOptions(navigation.extras, navigation.label, navigation.precision, new Set(['queryParams', 'fragment']));
        this.checkNavigationState(navigation.extras, navigation.label, navigation.precision);
      }
      return;
    }
    const sink = lastSegment(node.callee);
    const sinkName = sink === undefined ? undefined : searchCallNameOf(sink);
    if ((sinkName?.fhirSearch && this.checkFhirPatientSearch(node, sink!)) || (sinkName?.searchFilterDeclaration && this.checkPatientSearchFilterDeclaration(node, sink!)) || this.checkTrpcQuery(node)) return;
    // a list read defined in a module that queries a local database (SQL builder, SQLite, PouchDB) and sends no request: no URL
    if (sinkName?.patientListRead && !(node.callee.type === 'Identifier' && this.context.importedFromLocalQueryModule(node.callee.name))) this.checkPatientListOptions(node, sink!);
  }

  onAssignmentExpression(node: TSESTree.AssignmentExpression) {
    this.checkQueryFragment(node);
    this.noteKeyedStore(node);
    // window.location.href = …, location.search = …, document.location = …
    const target = node.left;
    if (target.type !== 'MemberExpression') return;
    const name = dottedName(target);
    if (!name || !/(^|\.)location(\.(href|search|hash|pathname))?$/.test(name)) return;
    this.checkUrl(node.right, { label: name, messageId: 'pageUrl' });
  }

  onTemplateLiteral(node: TSESTree.TemplateLiteral) {
    this.checkUrlCopy(node);
    this.checkBuiltUrl(node);
    this.checkFhirParameterFragment(node);
  }

  /**
   * `options = [...options, \`${ParamKeys.IPP}=${ipp}\`]`: one parameter of a FHIR search collected into a list that is
   * joined into the query string later. A key chained through the patient reference (`subject.identifier`,
   * `patient:identifier`, `subject:Patient.family`) is spelt only by FHIR searches, and FHIR searches are GETs: the
   * value is the patient's identifier or name in a URL wherever the list is joined.
   */
  checkFhirParameterFragment(node: TSESTree.TemplateLiteral) {
    const parent = parentOf(node);
    if (this.handled.has(node) || parent?.type !== 'ArrayExpression') return;
    const { text } = urlPieces(node, (expression, asKey) => this.constantText(expression, asKey));
    const key = /^([A-Za-z_][\w.:-]*)=/.exec(text)?.[1];
    if (!key || !chainedPatientSearchParameterKind(key)) return;
    this.handled.add(node);
    const found = this.phiInPieces(node, true, true);
    if (found) this.report(found.node, 'builtUrl', found.taint, 'URL');
  }

  onBinaryExpression(node: TSESTree.BinaryExpression) {
    if (!isConcat(node)) return;
    this.checkUrlCopy(node);
    this.checkBuiltUrl(node);
  }

  onJSXAttribute(node: TSESTree.JSXAttribute) {
    if (node.name.type !== 'JSXIdentifier' || node.value?.type !== 'JSXExpressionContainer' || node.value.expression.type === 'JSXEmptyExpression') return;
    const attribute = node.name.name;
    const element = parentOf(node);
    const elementName = element?.type === 'JSXOpeningElement' ? jsxName(element.name) : undefined;
    const expression = node.value.expression;
    if (attribute === 'href' || (attribute === 'to' && elementName && LINK_ELEMENTS.has(elementName)) || (attribute === 'as' && elementName === 'Link')) {
      this.checkRouteTarget(expression, { label: `<${elementName ?? 'a'} ${attribute}>`, messageId: 'linkUrl' });
    } else if (attribute === 'src' || attribute === 'action') {
      this.checkUrl(expression, { label: `<${elementName ?? 'img'} ${attribute}>`, messageId: 'requestUrl' });
    }
  }

  onDecorator(node: TSESTree.Decorator) {
    // NestJS: @Get() find(@Query('ssn') ssn: string)
    const expression = node.expression;
    if (expression.type !== 'CallExpression' || dottedName(expression.callee) !== 'Query' || !isStringLiteral(expression.arguments[0])) return;
    let method: Node | undefined = parentOf(node);
    while (method && method.type !== 'MethodDefinition') method = parentOf(method);
    const isGet = method?.type === 'MethodDefinition' && method.decorators.some((decorator) => decorator.expression.type === 'CallExpression' && dottedName(decorator.expression.callee) === 'Get');
    if (isGet) this.reportQueryRead(expression.arguments[0], expression.arguments[0].value);
  }

  onProgramExit() {
    for (const pending of this.trailingQueryFragments.values()) this.report(pending.node, 'builtUrl', mergeTaints(pending.taints)!, 'URL');
    for (const tracked of this.searchParamVars.values()) {
      if (!tracked.entries.length || (tracked.bodyUse && !tracked.urlUse)) continue;
      const taint = mergeTaints(tracked.entries.map((entry) => entry.taint))!;
      this.report(tracked.entries[0].node, 'searchParams', taint, 'URLSearchParams', tracked.urlUse ? undefined : 'medium');
    }
    this.checkPageQueryReads();
  }
}

/** A node's range for a related location (1-based lines and columns). */
function rangeOf(context: RuleContext<MessageId>, node: Node) {
  const position = (offset: number) => {
    const before = context.text.slice(0, offset);
    const lineStart = before.lastIndexOf('\n') + 1;
    return { line: before.split('\n').length, column: offset - lineStart + 1 };
  };
  return { start: position(node.range[0]), end: position(node.range[1]), startOffset: node.range[0], endOffset: node.range[1] };
}

/** GET routes whose handlers read PHI from the query where no single read shows it (see utils/get-routes). */
function reportGetRoutes(context: RuleContext<MessageId>, program: TSESTree.Program) {
  const findings = getRouteFindings(program, {
    file: context.file,
    text: context.text,
    appUsersArePatients: context.config.appUsers === 'patients',
    classifyName: (name) => context.classifyName(name),
    importsModule: (module) => context.importsModule(module),
    queryKeysReadBy: (callee) => context.queryKeysReadBy?.(callee) ?? [],
    requestQueryKeysReadBy: (callee) => context.requestQueryKeysReadBy?.(callee) ?? [],
  });
  for (const finding of findings) {
    const origins = finding.reads.slice(0, 3).map((read) => ({ range: rangeOf(context, read.node), label: `query parameter \`${read.name}\` read here` }));
    context.report({ node: finding.node, messageId: finding.kind, data: { sink: finding.label }, taint: { kinds: finding.kinds, origins, confidence: 'medium' }, precision: finding.precision });
  }
}

export default createRule({
  meta: {
    id: 'no-phi-in-url',
    description: 'Disallow PHI in URLs: request URLs and query strings, page navigation, links, and GET routes that read PHI from the query string.',
    rationale:
      'A URL is not a private channel even over HTTPS: it is written to web server, proxy, CDN and load-balancer logs, kept in browser history and bookmarks, sent to other sites in the Referer header and collected by analytics scripts. HIPAA’s transmission-security safeguard and minimum-necessary standard mean PHI belongs in an encrypted request body (POST), with URLs carrying only opaque ids.',
    category: 'transport',
    defaultSeverity: 'error',
    cwe: ['CWE-598'],
    hipaa: ['164.312(e)(1)', '164.502(b)'],
    precision: 'high',
    securitySeverity: 6.5,
    messages: {
      requestUrl: 'Request URL of `{{sink}}` carries {{kinds}}. URLs are written to server, proxy and CDN logs; send PHI in a POST body and identify records by an opaque id.',
      queryOptions: 'Query parameters of `{{sink}}` carry {{kinds}}; they become part of the request URL and its logs. Send PHI in a POST body instead.',
      criteriaUrl: 'FHIR search criteria ({{kinds}}) are formatted into a URL query string (`{{sink}}`): paging and self links copy every criterion into URLs, also those a client POSTed to `_search` to keep them out of URLs, and clients, proxies and server logs keep them. Link to a server-side search id or cursor instead.',
      builtUrl: 'URL query string built with {{kinds}}. URLs end up in server logs, browser history and Referer headers; send PHI in a POST body instead.',
      searchParams: 'URL search parameters carry {{kinds}}. They become part of a URL that servers log and browsers keep in history; send PHI in a POST body instead.',
      pageUrl: 'Page URL set by `{{sink}}` carries {{kinds}}. It stays in browser history, is sent in Referer headers and seen by analytics; keep PHI in app state and put only opaque ids in routes.',
      linkUrl: 'Link URL (`{{sink}}`) carries {{kinds}}. Following it puts PHI in browser history, server logs and Referer headers; link by an opaque id instead.',
      queryRead: 'GET route reads {{kinds}} from the query string, so clients must put PHI in the URL. Accept it in a POST body instead.',
      handlerQueryRead: 'Request handler reads {{kinds}} from the query string, so clients must put PHI in the URL (this handler\'s route is registered elsewhere). Accept it in a POST body instead.',
      searchOptions: 'Search text in the options of `{{sink}}`, a read of a patient list or a patient search, carries {{kinds}} (what staff type to find a patient). List reads send their options as the query string of a GET, which server and proxy logs keep; send the search in a POST body (FHIR `_search`) instead.',
      urlCopySearch: 'The page URL\'s query (`{{sink}}`) is copied into another URL. This workspace writes patient search terms (names, record numbers, typed search text) into page URLs (as `{{writer}}` does), so the copy carries them into another history entry, Referer header or server log; pass a route name or an opaque id instead.',
      urlCopy: 'The page URL (`{{sink}}`) is copied into another URL\'s query string. Page URLs can carry PHI — search terms, names or record numbers in routes — which then reach that server\'s logs and browser history; pass a route name or an opaque id instead.',
      handlerQuery: 'GET route handler reads {{kinds}} from the query string (`{{sink}}`), so clients must put PHI in the URL. Accept it in a POST body instead.',
      requestUrlQuery: 'Request handler reads {{kinds}} from the query string of the URL it serves (`{{sink}}`), so clients must put PHI in the URL, which server, proxy and CDN logs keep. Accept it in a POST body instead.',
      lambdaEventQuery: 'Lambda handler reads {{kinds}} from the query string or path parameters of its API Gateway event (`{{sink}}`), so clients must put PHI in the URL, which API Gateway, CloudFront and access logs keep. Accept it in a POST body instead.',
      fhirSearchRoute: 'FHIR search route ({{sink}}) is served over GET: Patient search parameters carry {{kinds}} in the query string, which server and proxy logs keep. Serve searches by POST `_search` and keep demographics out of URLs.',
      fhirSearchArguments: 'FHIR `{{sink}}` interaction of a Patient service reads {{kinds}} from its search arguments, which a GET search takes from the query string. Serve searches by POST `_search` and keep demographics out of URLs.',
      pathParameter: 'GET route path parameter `{{sink}}` carries {{kinds}}: it is in every request line that servers and proxies log. Identify records by an opaque id instead.',
      fhirPatientSearch: 'FHIR search `{{sink}}` finds a patient by {{kinds}}. FHIR clients search with GET, so the search parameters are in the request URL, which server, proxy and gateway logs keep; search with POST `_search` instead.',
      fhirSearchFilter: 'Patient search filter `{{sink}}` is declared with a FHIR search parameter for {{kinds}}: what staff type into it is sent in the query string of a GET search, which server and proxy logs keep. Search with POST `_search` instead.',
      trpcQueryProcedure: 'tRPC query procedure takes {{kinds}} as input. tRPC serves queries over GET with the input serialised into the URL, which server and proxy logs keep; make it a mutation, or set `methodOverride: \'POST\'` on the client link.',
      trpcQueryInput: 'tRPC query `{{sink}}` is called with {{kinds}}. tRPC sends queries as GET requests with the input serialised into the URL, which server and proxy logs keep; use a mutation, or set `methodOverride: \'POST\'` on the client link.',
      urlFilterKey: 'List filter bound to the page URL\'s query parameter `{{sink}}`: what staff type into it ({{kinds}}) is kept in the page URL, which browser history, Referer headers and analytics keep, and is read back into list requests. Keep patient filter values in app state and put only opaque ids in URLs.',
      pageQueryRead: 'Page reads {{kinds}} from its own URL\'s query (`{{sink}}`): the links and redirects that open it put them in the page URL, which browser history, Referer headers, analytics and server logs keep. Pass an opaque id or keep the values in app state instead.',
      savedUrlCopy: 'URL built on `{{sink}}`, a URL saved earlier with {{kinds}} in its query: the copy (for the next page, a retry, a link) sends them again, into another request line that servers and proxies log. Keep the search criteria in app state and send them in a POST body.',
      navigationState: 'Router navigation state set by `{{sink}}` carries {{kinds}}. The browser keeps history state with the tab\'s session history (serialised, restored with the tab and written to disk for session restore), beside the page URL; pass an opaque id and load the record on the next page instead.',
      trackerQuery: 'DHIS2 tracker query sends tracked-entity attribute values ({{kinds}}) in the `{{sink}}` parameter of a GET URL, which server, proxy and gateway logs keep. Search by as few attributes as needed and keep query strings out of access logs.',
    },
    schema: {
      type: 'object',
      properties: {
        httpClientNames: { type: 'array', items: { type: 'string' }, description: 'Extra receiver names to treat as HTTP clients with full precision (e.g. "apiClient").' },
      },
      additionalProperties: false,
    },
    languages: ['code'],
    // A GET helper (a service method, an API module's function) that several screens hand search values to is
    // reported once in the helper, and each caller that passes a person's identifying values is reported at its call
    // too: every caller chooses what goes into the query, each call an exposure of its own (as for a store's adapter).
    reportsCallersOfSharedHelpers: true,
    // Generated API clients are shipped code and hold each operation once: a GET whose query carries PHI is reported
    // there, once per operation, not at every caller (see the rule doc, "Generated API clients").
    roles: ['production', 'script', 'generated'],
  },
  defaultOptions: { httpClientNames: [] } as Options,
  create(context, options) {
    // A generated UI component (a design tool's `.tsx`/`.jsx` export) is no API client: its links come from the design
    // and are changed there, as every other rule leaves generated files alone.
    if (context.fileRole === 'generated' && /\.[cm]?[jt]sx$/i.test(context.file)) return {};
    const state = new UrlFile(context, options);
    return {
      Program: (node) => reportGetRoutes(context, node),
      VariableDeclarator: (node) => { state.site = node; return state.onVariableDeclarator(node); },
      MemberExpression: (node) => { state.site = node; return state.onMemberExpression(node); },
      Identifier: (node) => { state.site = node; return state.onIdentifier(node); },
      NewExpression: (node) => { state.site = node; return state.onNewExpression(node); },
      ObjectExpression: (node) => { state.site = node; return state.onObjectExpression(node); },
      CallExpression: (node) => { state.site = node; return state.onCallExpression(node); },
      AssignmentExpression: (node) => { state.site = node; return state.onAssignmentExpression(node); },
      TemplateLiteral: (node) => { state.site = node; return state.onTemplateLiteral(node); },
      BinaryExpression: (node) => { state.site = node; return state.onBinaryExpression(node); },
      JSXAttribute: (node) => { state.site = node; return state.onJSXAttribute(node); },
      Decorator: (node) => { state.site = node; return state.onDecorator(node); },
      'Program:exit': () => state.onProgramExit(),
    };
  },
});

/** A URL's PHI is only a date of care: a visit or encounter date beside opaque ids, tied to no one (see CARE_DATE_KINDS). */
function isDateOfAnOpaqueRecord(taint: Taint): boolean {
  return taint.kinds.length > 0 && taint.kinds.every((kind) => CARE_DATE_KINDS.has(kind));
}
