// Service-worker runtime caching, read for the storage rule. A route registered for caching keeps every response
// it matches in the browser's Cache Storage — on the device, unencrypted, after sign-out — so registering a route
// whose path names patient records (`/ws/fhir2/R4/Patient/${uuid}`, `/api/patients/`) keeps those records there:
// Workbox's `registerRoute(match, new NetworkFirst())` (any strategy that caches, not NetworkOnly) and
// OpenMRS's `messageOmrsServiceWorker({ type: 'registerDynamicRoute', pattern })` (making a patient available offline),
// and Angular's service worker configuration: every `dataGroups[].urls` pattern of ngsw-config.json is cached,
// whatever its strategy or maxAge (freshness keeps the last response as the offline fallback; a zero maxAge only
// marks the copy stale, it is still written); and the Cache Storage API itself: `(await caches.open(name)).put(request,
// response)`, `cache.add(url)`, `cache.addAll(urls)` of patient routes or of a response that carries PHI.
import { PHI_KINDS, dottedName, type JsonNode, type RuleContext, type TSESTree } from '../../server/src/rule-api';
import { isStringLiteral, propertyNamed, type Node } from './ast';

const WORKBOX_ROUTING = /^workbox-routing$/;
const WORKBOX_STRATEGIES = /^workbox-strategies$/;
/** Workbox strategies that write responses to Cache Storage (NetworkOnly never does). */
const CACHING_STRATEGIES = new Set(['NetworkFirst', 'CacheFirst', 'StaleWhileRevalidate', 'CacheOnly']);
/** Whole records and clinical data: what a route's name may say its responses hold (never a bare contact detail). */
const RECORD_KINDS: ReadonlySet<string> = new Set(PHI_KINDS.filter((kind) => kind.category === 'clinical' || kind.category === 'record').map((kind) => kind.id));
const OPENMRS_OFFLINE_MODULES = /^@openmrs\/esm-(?:framework|offline)(?:\/.*)?$/;

export interface CachedRoute {
  /** The route's pattern, where the finding goes. */
  node: Node;
  kinds: string[];
  storage: string;
}

/** The path a pattern spells: a string, a template (`{}` where a value goes), a regular expression's source. */
function patternText(node: Node): string | undefined {
  if (isStringLiteral(node)) return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis.map((quasi) => quasi.value.cooked ?? '').join('{}');
  if (node.type === 'Literal' && 'regex' in node && node.regex) return node.regex.pattern.replace(/\\\//g, '/').replace(/[\^$()*+?[\]|]/g, '');
  return undefined;
}

/** What records a route's path says its responses hold: `Patient`, `patients`, `encounters` (whole records and clinical data only). */
function routeRecordKinds(context: RuleContext<string>, path: string): string[] {
  const segments = path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0].split('/').filter((segment) => segment && !/^[:{$.]|^\d+$|^v\d+$|^R\d$/i.test(segment));
  const kinds = new Set<string>();
  for (const segment of segments) {
    let verdict = context.classify(segment);
    if (verdict.trap) {
      // `/patients/count`, `/patient/search-settings`: the last word says what comes back.
      if (segment === segments.at(-1)) return [];
      continue;
    }
    if (verdict.kinds.length === 0 && /[^s]s$/i.test(segment)) verdict = context.classify(segment.slice(0, -1));
    for (const kind of verdict.kinds) if (RECORD_KINDS.has(kind)) kinds.add(kind);
  }
  return [...kinds].sort();
}

function isCachingStrategy(context: RuleContext<string>, node: Node | undefined): boolean {
  if (node?.type !== 'NewExpression') return false;
  if (node.callee.type === 'Identifier') {
    const source = context.importedFrom(node.callee.name);
    return !!source && WORKBOX_STRATEGIES.test(source.module) && CACHING_STRATEGIES.has(source.imported);
  }
  // importScripts-era Workbox: new workbox.strategies.NetworkFirst()
  const dotted = dottedName(node.callee);
  return !!dotted && /^workbox\.strategies\.\w+$/.test(dotted) && CACHING_STRATEGIES.has(dotted.split('.').pop()!);
}

function isWorkboxRegisterRoute(context: RuleContext<string>, callee: Node): boolean {
  if (callee.type === 'Identifier') {
    const source = context.importedFrom(callee.name);
    return !!source && WORKBOX_ROUTING.test(source.module) && source.imported === 'registerRoute';
  }
  return dottedName(callee) === 'workbox.routing.registerRoute';
}

export function cachedPatientRoute(context: RuleContext<string>, call: TSESTree.CallExpression): CachedRoute | undefined {
  const [first, second] = call.arguments as Node[];
  if (!first) return undefined;
  let pattern: Node | undefined;
  let storage: string | undefined;
  if (isWorkboxRegisterRoute(context, call.callee) && isCachingStrategy(context, second)) {
    pattern = first;
    storage = 'Workbox runtime caching';
  } else if (call.callee.type === 'Identifier' && first.type === 'ObjectExpression') {
    const source = context.importedFrom(call.callee.name);
    if (!source || !OPENMRS_OFFLINE_MODULES.test(source.module) || source.imported !== 'messageOmrsServiceWorker') return undefined;
    const type = propertyNamed(first, 'type')?.value;
    if (!isStringLiteral(type as Node) || (type as TSESTree.StringLiteral).value !== 'registerDynamicRoute') return undefined;
    pattern = propertyNamed(first, 'pattern')?.value as Node | undefined;
    storage = 'the OpenMRS service worker';
  }
  const text = pattern ? patternText(pattern) : undefined;
  if (!pattern || !storage || text === undefined) return undefined;
  const kinds = routeRecordKinds(context, text);
  return kinds.length ? { node: pattern, kinds, storage } : undefined;
}

/** Angular's service worker configuration: `ngsw-config.json`, or a file that names the service worker's schema. */
function isAngularServiceWorkerConfig(file: string, root: JsonNode | undefined): boolean {
  if (/(^|\/)ngsw-config\.json$/i.test(file)) return true;
  if (root?.type !== 'object') return false;
  const schema = root.children?.find((property) => property.children?.[0]?.value === '$schema')?.children?.[1]?.value;
  return typeof schema === 'string' && /@angular\/service-worker/.test(schema);
}

/**
 * A URL pattern of an Angular service worker data group (`dataGroups[i].urls[j]`) whose path names patient
 * records: `/openmrs/ws/rest/v1/visit/**`, `/api/patients/*`. Generated output (`ngsw.json`, `patterns`) is not read.
 */
export function cachedPatientDataGroup(context: RuleContext<string>, node: JsonNode, path: readonly string[]): CachedRoute | undefined {
  if (path.length !== 4 || path[0] !== 'dataGroups' || path[2] !== 'urls' || typeof node.value !== 'string') return undefined;
  let root: JsonNode = node;
  while (root.parent) root = root.parent;
  if (!isAngularServiceWorkerConfig(context.file, root)) return undefined;
  const kinds = routeRecordKinds(context, node.value.replace(/\*+/g, ''));
  return kinds.length ? { node: node as unknown as Node, kinds, storage: 'the Angular service worker (dataGroups)' } : undefined;
}

/** `caches.open(name)` (awaited or not): the call that gives a Cache Storage cache. */
export function isCacheStorageOpen(node: Node | null | undefined): boolean {
  let call = node;
  if (call?.type === 'AwaitExpression') call = call.argument;
  return call?.type === 'CallExpression' && dottedName(call.callee)?.replace(/^(self|window|globalThis)\./, '') === 'caches.open';
}

const CACHE_WRITE_METHODS = new Set(['put', 'add', 'addAll']);

export interface CacheStorageWrite {
  node: Node;
  /** The response written, for its taint (`put` only). */
  response?: Node;
  /** What the request URLs' paths say the responses hold. */
  kinds: string[];
}

/**
 * `cache.put(request, response)`, `cache.add(url)`, `cache.addAll([urls])` on a cache from `caches.open()`: what is
 * written, and what its URLs name. `cacheNames` are the variables bound to such caches.
 */
export function cacheStorageWrite(context: RuleContext<string>, call: TSESTree.CallExpression, cacheNames: ReadonlySet<string>): CacheStorageWrite | undefined {
  if (call.callee.type !== 'MemberExpression' || call.callee.computed || call.callee.property.type !== 'Identifier') return undefined;
  const method = call.callee.property.name;
  if (!CACHE_WRITE_METHODS.has(method)) return undefined;
  const receiver = call.callee.object;
  if (!(receiver.type === 'Identifier' && cacheNames.has(receiver.name)) && !isCacheStorageOpen(receiver)) return undefined;
  const [first, second] = call.arguments as Node[];
  if (!first) return undefined;
  const urls = method === 'addAll' && first.type === 'ArrayExpression' ? (first.elements.filter(Boolean) as Node[]) : [first];
  const kinds = new Set<string>();
  for (const url of urls) {
    const text = patternText(url) ?? context.stringPrefixOf(url)?.text;
    if (text !== undefined) routeRecordKinds(context, text).forEach((kind) => kinds.add(kind));
  }
  return { node: method === 'put' && second ? second : first, response: method === 'put' ? second : undefined, kinds: [...kinds].sort() };
}
