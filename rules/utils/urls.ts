// URL helpers for the transport rules: which scheme is cleartext, which hosts are loopback or
// reserved, and which URLs are identifiers (XML namespaces, code systems) that are never fetched.
import type { TSESTree } from '../../server/src/rule-api';

export interface CleartextUrl {
  scheme: 'http' | 'ws';
  secureScheme: 'https' | 'wss';
  /** Host as written, '' when the URL continues with an interpolation (`http://${host}`). */
  host: string;
}

// The host is a bracketed IPv6 literal (`[::1]`) or a name/IPv4 address up to the port, path, query,
// fragment or an interpolation; `user:pass@` in front of it is skipped.
const CLEARTEXT = /^(http|ws):\/\/(?:[^/?#\s@$]*@)?(\[[0-9a-f:.]*\]|[^/:?#\s$]*)/i;

export function parseCleartextUrl(text: string): CleartextUrl | undefined {
  const match = CLEARTEXT.exec(text);
  if (!match) return undefined;
  const scheme = match[1].toLowerCase() as 'http' | 'ws';
  return { scheme, secureScheme: scheme === 'http' ? 'https' : 'wss', host: match[2].toLowerCase() };
}

/** Traffic to these never leaves the machine (or the developer's container). */
export function isLoopbackHost(host: string): boolean {
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(?:\.\d{1,3}){3}$/.test(host) ||
    host === '0.0.0.0' ||
    host === '[::1]' ||
    host === '::1' ||
    host === 'host.docker.internal' ||
    isVirtualMachineHostAlias(host)
  );
}

/**
 * Addresses that an emulator or a NAT'd virtual machine uses to reach the developer's own machine: 10.0.2.2
 * (the Android emulator and VirtualBox NAT), 10.0.3.2 (Genymotion). A deployed app never has them as its
 * server: a build target or a config pointing there talks to the workstation it runs on, like localhost.
 */
export function isVirtualMachineHostAlias(host: string): boolean {
  return host === '10.0.2.2' || host === '10.0.3.2';
}

/**
 * Hosted mock-API services (Apiary's mock server, Postman mocks, Mocky, Beeceptor, MockAPI, JSONPlaceholder,
 * reqres, httpbin): they answer with canned responses for development and hold no patient records, so a
 * cleartext URL to one carries nothing worth protecting.
 */
export function isMockServiceHost(host: string): boolean {
  return /(^|\.)(apiary-mock\.com|mock\.pstmn\.io|mocky\.io|beeceptor\.com|mockapi\.io|mockbin\.(org|io)|jsonplaceholder\.typicode\.com|my-json-server\.typicode\.com|reqres\.in|httpbin\.org)$/.test(host);
}

/**
 * RFC 2606/6761 names that can never be a real endpoint: the documentation domains example.com/.net/.org
 * and the `.test` and `.invalid` TLDs. The `.example` TLD is deliberately NOT here: fixtures and demos
 * (test-fixtures/demo-clinic) use `lab.northwind.example` as a stand-in for a real partner's host, and a
 * cleartext URL to it is exactly what the rule must find.
 */
export function isReservedHost(host: string): boolean {
  return /(^|\.)example\.(com|net|org)$/.test(host) || /\.(test|invalid)$/.test(host) || host === 'example' || host === 'test' || host === 'invalid';
}

/** Hosts whose http:// URLs are identifiers (namespaces, code systems, schemas), not endpoints. */
const IDENTIFIER_HOSTS = [
  'www.w3.org', 'w3.org', 'hl7.org', 'terminology.hl7.org', 'json-schema.org', 'purl.org', 'snomed.info', 'loinc.org',
  'unitsofmeasure.org', 'www.nlm.nih.gov', 'schema.org', 'xmlns.com', 'ns.adobe.com', 'ogp.me', 'opensource.org',
  'www.apache.org', 'schemas.xmlsoap.org', 'schemas.microsoft.com', 'schemas.openxmlformats.org', 'docs.oasis-open.org',
  'www.ama-assn.org', 'www.cms.gov', 'fhir.org', 'www.whocc.no', 'id.who.int', 'www.omg.org', 'dicom.nema.org',
  'fhir-registry.smarthealthit.org', 'build.fhir.org', 'hl7.org.au', 'fhir.nhs.uk',
];

/** FHIR canonical URLs name conformance resources and code systems; nothing is fetched from them. */
const FHIR_CANONICAL_PATH = /\/(StructureDefinition|CodeSystem|ValueSet|NamingSystem|SearchParameter|OperationDefinition|ConceptMap|ImplementationGuide|CapabilityStatement|fhir\/sid)(\/|$|[?#])/;
/** App store pages: links for people to open, never an API the app connects to. */
const APP_STORE_PAGE = /^https?:\/\/(chrome\.google\.com\/webstore|chromewebstore\.google\.com|play\.google\.com\/store|apps\.apple\.com|itunes\.apple\.com|apps\.microsoft\.com|microsoftedge\.microsoft\.com\/addons|addons\.mozilla\.org)(\/|$)/i;

/** Whether a whole http:// URL is an identifier (namespace, code system, FHIR canonical) or an app store page, not an endpoint. */
export function isIdentifierUrl(url: string): boolean {
  const parsed = parseCleartextUrl(url);
  return (parsed !== undefined && isIdentifierHost(parsed.host)) || FHIR_CANONICAL_PATH.test(url) || APP_STORE_PAGE.test(url);
}

export function isIdentifierHost(host: string): boolean {
  return IDENTIFIER_HOSTS.includes(host) || host.startsWith('schemas.') || host.endsWith('.hl7.org');
}

export function needsTls(url: CleartextUrl): boolean {
  return !isLoopbackHost(url.host) && !isReservedHost(url.host) && !isMockServiceHost(url.host);
}

// ── request descriptions: `{ url, method: 'GET', query }` handed to a wrapper, a generated client, `$http` ──

/** Keys naming where a request description goes: `{ url }`, `{ path }` (OpenAPI-generated clients), `{ uri }`, `{ endpoint }`. */
export const REQUEST_DESCRIPTION_URL_KEYS: ReadonlySet<string> = new Set(['url', 'path', 'uri', 'endpoint']);
/** Keys whose object a request description sends as the query string (`query`, `params`, request's `qs`, ky's `searchParams`). */
export const REQUEST_DESCRIPTION_QUERY_KEYS: ReadonlySet<string> = new Set(['query', 'params', 'qs', 'searchParams', 'queryParams']);

/**
 * What an HTTP method says about where a description's `query` goes. GET, HEAD, DELETE and OPTIONS carry no body,
 * so their query object is the URL's. With POST, PUT and PATCH a wrapper's `query` may be the body (a GraphQL
 * document, a search posted as JSON): not known to be in the URL.
 */
export function methodKeepsQueryInUrl(method: string): boolean {
  return /^(get|head|delete|options)$/i.test(method);
}

/** A literal a URL key can hold: a path or an absolute URL, not a word (`path: 'name'` in a form or a config). */
export function looksLikeUrlText(text: string): boolean {
  return text.startsWith('/') || /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || (text.includes('/') && !/\s/.test(text));
}

/** `'&dob=' + value`, `` `?name=${name}` ``: literal text that starts a query-string parameter. */
export function startsQueryParameter(text: string): boolean {
  return /^[?&][A-Za-z0-9_.\-[\]]+=/.test(text);
}

/** The page URL's query string, or the whole URL that holds it (`location.search`, `window.location.href`, `router.asPath`). */
export const PAGE_QUERY_READ = /(^|\.)location(\.(href|search))?$|^document\.(URL|documentURI)$|(^|\.)(asPath|fullPath)$/;

/** Calls that hand on (part of) the text they are given: decoding, encoding, slicing the leading `?` off. */
const TEXT_WRAPPERS = new Set(['encodeURIComponent', 'encodeURI', 'decodeURIComponent', 'decodeURI', 'escape', 'String']);
const TEXT_METHODS = new Set(['toString', 'substring', 'substr', 'slice', 'replace', 'trim']);

/**
 * The page URL's query a value is built from, if any: `location.pathname + (params ? '?' + params : '')` with
 * `var params = decodeURIComponent($window.location.search.substring(1))` declared before it in the same block.
 * Variables are followed to their declaration in a block around `site`, the node being visited (nodes below it have
 * no parent pointers yet).
 */
export function pageQueryReadIn(node: TSESTree.Node, site: TSESTree.Node, parentOf: (node: TSESTree.Node) => TSESTree.Node | undefined, depth = 0): string | undefined {
  // Deep enough for a concatenation of a few parts around a decoded, sliced variable; bounded against long chains.
  if (depth > 16) return undefined;
  const next = (child: TSESTree.Node | null | undefined) => (child ? pageQueryReadIn(child, site, parentOf, depth + 1) : undefined);
  switch (node.type) {
    case 'BinaryExpression':
      return node.operator === '+' ? next(node.left as TSESTree.Node) ?? next(node.right) : undefined;
    case 'LogicalExpression':
      return next(node.left) ?? next(node.right);
    case 'ConditionalExpression':
      return next(node.consequent) ?? next(node.alternate);
    case 'TemplateLiteral':
      for (const expression of node.expressions) {
        const found = next(expression);
        if (found) return found;
      }
      return undefined;
    case 'CallExpression': {
      const callee = node.callee;
      if (callee.type === 'Identifier' && TEXT_WRAPPERS.has(callee.name) && node.arguments[0] && node.arguments[0].type !== 'SpreadElement') return next(node.arguments[0]);
      if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && TEXT_METHODS.has(callee.property.name)) return next(callee.object);
      return undefined;
    }
    case 'NewExpression':
      return node.callee.type === 'Identifier' && node.callee.name === 'URLSearchParams' && node.arguments[0] && node.arguments[0].type !== 'SpreadElement' ? next(node.arguments[0]) : undefined;
    case 'MemberExpression': {
      const name = memberPath(node);
      return name && PAGE_QUERY_READ.test(name) ? name : undefined;
    }
    case 'Identifier': {
      const init = declaredInitOf(node.name, site, parentOf);
      return init ? next(init) : undefined;
    }
    default:
      return undefined;
  }
}

/** `$window.location.search` → "$window.location.search"; undefined for computed members. */
function memberPath(node: TSESTree.Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'ThisExpression') return 'this';
  if (node.type !== 'MemberExpression' || node.computed || node.property.type !== 'Identifier') return undefined;
  const object = memberPath(node.object);
  return object ? `${object}.${node.property.name}` : undefined;
}

/** The initialiser of the `var`/`let`/`const` declaring `name` in a block around `site` (the nearest one that does). */
function declaredInitOf(name: string, site: TSESTree.Node, parentOf: (node: TSESTree.Node) => TSESTree.Node | undefined): TSESTree.Node | undefined {
  for (let current = parentOf(site); current; current = parentOf(current)) {
    if (current.type !== 'BlockStatement' && current.type !== 'Program') continue;
    for (const statement of current.body) {
      if (statement.type !== 'VariableDeclaration') continue;
      for (const declarator of statement.declarations) {
        if (declarator.id.type === 'Identifier' && declarator.id.name === name && declarator.init) return declarator.init;
      }
    }
  }
  return undefined;
}
