import {
  ASYNC_STORAGE_MODULES,
  ASYNC_STORAGE_WRITE_METHODS,
  CARE_SETTING_WORDS,
  createRule,
  IDB_MODULES,
  IDB_OPEN_FUNCTIONS,
  IONIC_CACHE_MODULES,
  IONIC_CACHE_WRITES,
  IONIC_SECURE_STORAGE_MODULES,
  IONIC_STORAGE_MODULES,
  IONIC_STORAGE_WRITE_METHODS,
  LOCALFORAGE_MODULES,
  POUCH_MEMORY_ADAPTERS,
  POUCH_MODULES,
  POUCH_WRITE_METHODS,
  REDUX_PERSIST_MODULES,
  RELATIONAL_POUCH_WRITE_METHODS,
  RXDB_MODULES,
  RXDB_WRITE_METHODS,
  STORE_ENCRYPTION_METHODS,
  STORE_ENCRYPTION_MODULES,
  ZUSTAND_MIDDLEWARE_MODULES,
  type RuleContext,
  type Taint,
  type JsonNode,
  type TSESTree,
} from '../server/src/rule-api';
import { dottedName, isConstantExpression, propertyKey, isStringLiteral, lastSegment, memberCall, phiOfArguments, propertyName, propertyNamed, splitWords, type Node } from './utils/ast';
import { declaredFieldType, DeviceStores } from './utils/device-stores';
import { persistedFormikForm, persistedHookForm, type PersistedForm } from './utils/form-persistence';
import { reduxPersisted, zustandPersisted } from './utils/persisted-state';
import { persistedQueryCaches, QUERY_PERSIST_MODULES } from './utils/query-persistence';
import { cacheStorageWrite, cachedPatientDataGroup, cachedPatientRoute, isCacheStorageOpen } from './utils/service-worker-cache';

const WEB_STORAGES = new Set(['localStorage', 'sessionStorage']);
const STORAGE_LIBRARIES = new Set(['localforage', 'localForage', 'store', 'secureLocalStorage']);

function isWebStorage(object: Node): boolean {
  const name = lastSegment(object);
  return name !== undefined && WEB_STORAGES.has(name);
}

/**
 * AngularJS storage services, injected by these names: ngStorage's `$localStorage`/`$sessionStorage` (a property
 * assigned is written to web storage), angular-local-storage's `localStorageService` (`set`/`add`, local or session
 * storage as configured).
 */
const NG_STORAGE_OBJECTS: Readonly<Record<string, string>> = { $localStorage: 'localStorage (ngStorage)', $sessionStorage: 'sessionStorage (ngStorage)' };
const NG_STORAGE_WRITES = new Set(['$default', '$reset']);
/**
 * Services named for web storage — angular-local-storage's `localStorageService`, and an app's own wrapper injected
 * as `sessionStorageService`/`localStorageService` (`setObject(key, value)` serialising into it): `set`, `add` and `setObject` write their value
 * under their key.
 */
const STORAGE_SERVICES: Readonly<Record<string, string>> = { localStorageService: 'web storage (angular-local-storage)', sessionStorageService: 'sessionStorage (sessionStorageService)' };
const LOCAL_STORAGE_SERVICE_WRITES = new Set(['set', 'add', 'setObject']);

function ngStorageOf(object: Node): string | undefined {
  const name = lastSegment(object);
  return name !== undefined && Object.hasOwn(NG_STORAGE_OBJECTS, name) ? NG_STORAGE_OBJECTS[name] : undefined;
}

/** The text of a storage key written in the code: a string literal, or a template without substitutions (`\`medicationReport\``). */
function staticKey(key: Node | undefined | null): string | undefined {
  if (!key) return undefined;
  if (isStringLiteral(key)) return key.value;
  return key.type === 'TemplateLiteral' && key.expressions.length === 0 ? key.quasis[0]?.value.cooked ?? undefined : undefined;
}

/**
 * The text of a storage key the code spells out, literally or through constants: `'dob'`, `CACHE_KEY` bound to
 * `'patientDrafts'`, an enum member `StorageKeys.Diagnosis`. A key moved into a constant
 * names the same data as the literal it replaced. (A template with a part that varies — `medicationReport-${day}` — names
 * a family of entries, as before.)
 */
function keyTextOf(context: RuleContext, key: Node | undefined | null): string | undefined {
  if (!key) return undefined;
  const literal = staticKey(key);
  if (literal !== undefined) return literal;
  const constant = context.constantOf(key);
  return typeof constant === 'string' ? constant : undefined;
}

/** An object a workspace AngularJS service hands out over ngStorage (see RuleContext.storageHandleService), and its namespace key. */
interface StorageHandle {
  storage: string;
  namespace?: string;
}

function isStorageObject(object: Node): boolean {
  const name = dottedName(object);
  return isWebStorage(object) || (name !== undefined && STORAGE_LIBRARIES.has(name));
}

function isDocumentCookie(node: Node): boolean {
  return node.type === 'MemberExpression' && dottedName(node) !== undefined && /(^|\.)document\.cookie$/.test(dottedName(node)!);
}

/** idb-keyval functions that write, by the name they are exported as. */
const IDB_KEYVAL_WRITES = new Set(['set', 'setMany', 'update']);
/** Dexie Table methods that write records: the index of the argument holding them. */
const DEXIE_WRITES = new Set(['put', 'add', 'bulkPut', 'bulkAdd']);
/** PouchDB methods that write documents. */
const POUCH_WRITES = new Set(POUCH_WRITE_METHODS);
const RELATIONAL_POUCH_WRITES = new Set(RELATIONAL_POUCH_WRITE_METHODS);
const RXDB_WRITES = new Set(RXDB_WRITE_METHODS);
const IDB_OPENS = new Set(IDB_OPEN_FUNCTIONS);
const ENCRYPTION_METHODS = new Set(STORE_ENCRYPTION_METHODS);
const ASYNC_STORAGE_WRITES = new Set(ASYNC_STORAGE_WRITE_METHODS);
const IONIC_STORAGE_WRITES = new Set(IONIC_STORAGE_WRITE_METHODS);
/** Names of local database handles, for the name-based fallbacks: `db`, `localDb`, `pouch`, `database`. */
const DB_NAME_WORDS = new Set(['db', 'database', 'pouch', 'pouchdb', 'dexie', 'idb']);

/** Where a local PouchDB database is created: `new PouchDB('x')` or the factory call `PouchDB('x')`. */
type PouchCreation = TSESTree.NewExpression | TSESTree.CallExpression;

/** pouchdb-upsert's writes: `db.upsert(id, (doc) => next)` stores what the function returns; `db.putIfNotExists(doc)`. */
const POUCH_UPSERT_WRITES = new Set(['upsert', 'putIfNotExists']);

/** `Date.now()`, `new Date()`, `new Date().toISOString()`: when a record was written, not whose it is. */
function isTimeStamp(value: Node): boolean {
  let node = value;
  if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.arguments.length === 0 && /^to(ISO|JSON|UTC|Locale)?String$/.test(propertyName(node.callee) ?? '')) node = node.callee.object;
  if (node.type === 'NewExpression') return node.callee.type === 'Identifier' && node.callee.name === 'Date' && node.arguments.length === 0;
  return node.type === 'CallExpression' && dottedName(node.callee) === 'Date.now';
}

/** A PouchDB design or local document (`{ _id: '_design/index', views }`): the database's indexes and checkpoints, not a record. */
function isDesignDocument(value: Node): boolean {
  if (value.type !== 'ObjectExpression') return false;
  const id = propertyNamed(value, '_id')?.value as Node | undefined;
  return !!id && ((isStringLiteral(id) && /^_(design|local)\//.test(id.value)) || (id.type === 'TemplateLiteral' && /^_(design|local)\//.test(id.quasis[0]?.value.cooked ?? '')));
}

function isFunctionNode(node: Node | undefined): node is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression {
  return !!node && (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression');
}

/** The outermost identifier of `db.patients`, `db.table('patients')`, `this.db.patients` (`this` skipped). */
function chainRoot(node: Node): { name: string; viaThis: boolean } | undefined {
  let current: Node = node;
  const segments: Node[] = [];
  for (;;) {
    if (current.type === 'MemberExpression') {
      segments.push(current);
      current = current.object;
    } else if (current.type === 'CallExpression') current = current.callee;
    else if (current.type === 'ChainExpression' || current.type === 'TSNonNullExpression') current = current.expression;
    else break;
  }
  if (current.type === 'Identifier') return { name: current.name, viaThis: false };
  if (current.type === 'ThisExpression') {
    const first = segments[segments.length - 1];
    const name = first?.type === 'MemberExpression' ? propertyName(first) : undefined;
    return name ? { name, viaThis: true } : undefined;
  }
  return undefined;
}

/** The class a node is written in. */
function enclosingClass(node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let current = node.parent as Node | undefined; current; current = current.parent as Node | undefined) {
    if (current.type === 'ClassDeclaration' || current.type === 'ClassExpression') return current;
  }
  return undefined;
}

/** Wrappers that pass their argument's value on unchanged for this purpose (serialising it, awaiting it). */
const TRANSPARENT_CALLS = new Set(['JSON.stringify', 'String', 'encodeURIComponent', 'btoa']);

/** The expression whose value is stored: `JSON.stringify(await x as T)` → `x`. */
function storedExpression(value: Node): Node {
  let node = value;
  for (let depth = 0; depth < 8; depth++) {
    if (node.type === 'AwaitExpression') node = node.argument;
    else if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression' || node.type === 'TSNonNullExpression' || node.type === 'ChainExpression') node = node.expression;
    else if (node.type === 'CallExpression' && node.arguments[0] && node.arguments[0].type !== 'SpreadElement' && TRANSPARENT_CALLS.has(dottedName(node.callee) ?? '')) node = node.arguments[0];
    else break;
  }
  return node;
}

/** A value that was redacted, masked, encrypted, … (or a known constant) says nothing about PHI, whatever its key. */
function isCleanedOrConstant(context: RuleContext, value: Node): boolean {
  if (isConstantExpression(value) || context.constantOf(value) !== undefined) return true;
  const stored = storedExpression(value);
  if (isConstantExpression(stored) || context.constantOf(stored) !== undefined) return true;
  return context.hasTag(stored, 'sanitized') || context.hasTag(stored, 'encrypted');
}

/**
 * `setItem('ssn', value)`: the key says what an opaque value is. Not when the value is a constant, or
 * was redacted or encrypted (`setItem('ssn', encrypt(ssn))`): then the key names what was protected.
 */
const CARE_SETTINGS = new Set(CARE_SETTING_WORDS);
const PROGRAM_WORDS = new Set(['program', 'programs', 'programme', 'programmes']);
/**
 * Areas a team works in (`territory-observation`, `regionReports`, `districtCases`): a key they qualify names the area's
 * data — an outreach team's observations of a territory, a district's counts — not a person's. Wards, rooms and beds are
 * left out: a ward's observations are its patients'.
 */
/**
 * A key naming a relation between two records (`relPersonPlace`): its rows pair the records' ids. (A patient's
 * `relations` or `relatives` are people, and stay PHI.)
 */
const RELATION_PREFIXES = new Set(['rel', 'rels']);
const AREA_WORDS = new Set(['territory', 'territories', 'region', 'regions', 'district', 'districts', 'zone', 'zones', 'area', 'areas', 'sector', 'sectors', 'neighbourhood', 'neighborhood']);

/**
 * What the storage key says about an opaque value (`setItem('ssn', x)`). Not when the value names itself an
 * id (`setItem('referralProgram', programUuid)`), nor when the key's last word names a care setting or a
 * programme rather than the patient's data (`referralLocation` is a location, `visitProgram` a programme).
 */
function withKeyKinds(context: RuleContext, taint: Taint, key: string | undefined, value: Node): Taint {
  if (!key || isCleanedOrConstant(context, value) || isBooleanValued(storedExpression(value)) || isDeclaredCode(context, storedExpression(value), value)) return taint;
  const valueName = value.type === 'Identifier' ? value.name : value.type === 'MemberExpression' ? propertyName(value) : undefined;
  if (valueName && context.classify(valueName).trap) return taint;
  // `setItem('visitStoreState', JSON.stringify(state))` with `state: VisitStoreState` of uuids: the declared shape says what is stored.
  if (context.hasShapeWithoutPhi(storedExpression(value))) return taint;
  const head = [...splitWords(key)].pop();
  if (head && (CARE_SETTINGS.has(head) || PROGRAM_WORDS.has(head))) return taint;
  const first = splitWords(key)[0];
  if (first && AREA_WORDS.has(first) && !context.classify(key).personContext) return taint;
  // `relPersonPlace`, `relsTeamPatient`: a relation between two records is a table of their ids, not either record
  if (first && RELATION_PREFIXES.has(first) && splitWords(key).length >= 3) return taint;
  const byKey = context.classifyName(key);
  if (byKey.length === 0) return taint;
  return { ...taint, kinds: [...new Set([...taint.kinds, ...byKey])].sort() };
}

/** Operators whose result is a boolean: `a === b`, `x < y`, `k in o`, `v instanceof T`. */
const BOOLEAN_OPERATORS = new Set(['==', '!=', '===', '!==', '<', '<=', '>', '>=', 'in', 'instanceof']);

/**
 * A value that is a boolean by what computes it (`!showAll`, `count > 0`, `a === b`, `!!x`): a flag, however the key
 * under which it is stored is named (`setItem('person-allOrg', !viewAll)` stores a yes/no preference, not a person).
 */
function isBooleanValued(value: Node): boolean {
  if (value.type === 'Literal') return typeof value.value === 'boolean';
  if (value.type === 'UnaryExpression') return value.operator === '!';
  if (value.type === 'BinaryExpression') return BOOLEAN_OPERATORS.has(value.operator);
  if (value.type === 'LogicalExpression') return isBooleanValued(value.left) && isBooleanValued(value.right);
  return false;
}

/**
 * A parameter declared with an enum of this file or a union of literals (`(tab: ApptTab)`, `(view: 'list' | 'grid')`):
 * one of a fixed set of codes — a tab, a view, a status — whatever the key it is stored under names.
 */
function isDeclaredCode(context: RuleContext, value: Node, written: Node): boolean {
  if (value.type !== 'Identifier') return false;
  // up from the argument as written (`JSON.stringify(tab)`): the walk has not linked what lies inside it yet
  for (let current = context.parentOf(written); current; current = context.parentOf(current)) {
    if (current.type !== 'ArrowFunctionExpression' && current.type !== 'FunctionExpression' && current.type !== 'FunctionDeclaration') continue;
    const param = current.params.find((p): p is TSESTree.Identifier => p.type === 'Identifier' && p.name === value.name);
    if (!param) continue;
    const type = param.typeAnnotation?.typeAnnotation;
    if (!type) return false;
    if (type.type === 'TSUnionType') return type.types.every((member) => member.type === 'TSLiteralType');
    if (type.type === 'TSLiteralType') return true;
    if (type.type !== 'TSTypeReference' || type.typeName.type !== 'Identifier') return false;
    const name = type.typeName.name.replace(/\$/g, '\\$');
    return new RegExp(`\\benum\\s+${name}\\s*\\{`).test(context.text);
  }
  return false;
}

/** `ssn=…; path=/` → "ssn". */
function cookieName(context: RuleContext, value: Node): string | undefined {
  const prefix = context.stringPrefixOf(value)?.text;
  const match = prefix ? /^\s*([^=;\s]+)\s*=/.exec(prefix) : undefined;
  return match?.[1];
}

function reportCachedDataGroup(context: RuleContext, node: JsonNode, path: string[]): void {
  const cachedRoute = cachedPatientDataGroup(context, node, path);
  // What the route returns is read from its path, not seen flowing: a guess, said so.
  if (cachedRoute) context.report({ jsonNode: node, messageId: 'serviceWorkerCache', kinds: cachedRoute.kinds, precision: 'medium', data: { storage: cachedRoute.storage } });
}

export default createRule({
  meta: {
    id: 'no-phi-in-browser-storage',
    description: 'Disallow PHI in localStorage, sessionStorage, document.cookie and IndexedDB (directly or through idb-keyval, idb, Dexie, PouchDB, RxDB, localForage), in persisted state (zustand persist, redux-persist, TanStack Query cache persisters), in persisted form drafts (formik-persist, formik-persist-values, react-hook-form-persist), and in unencrypted on-device stores of mobile and desktop apps (Realm, SQLite, TypeORM device drivers, WatermelonDB, MMKV, electron-store, AsyncStorage, Ionic Storage).',
    rationale:
      'Browser storage is unencrypted, readable by every script on the origin (one XSS away from exfiltration), survives logout and stays on shared clinic workstations. HIPAA’s encryption-at-rest safeguard applies to PHI on end-user devices too. Keep PHI in memory and fetch it again when needed, or store only an opaque id.',
    category: 'storage',
    defaultSeverity: 'error',
    cwe: ['CWE-922', 'CWE-312', 'CWE-315'],
    hipaa: ['164.312(a)(2)(iv)', '164.312(c)(1)'],
    precision: 'high',
    securitySeverity: 7.1,
    messages: {
      webStorage: 'Storing {{kinds}} in {{storage}}. Browser storage is unencrypted and readable by any script on the page; keep PHI in memory or store an opaque id.',
      cookie: 'Writing {{kinds}} into document.cookie. Cookies are sent with every request and readable by scripts; store an opaque session id instead.',
      indexedDb: 'Storing {{kinds}} in IndexedDB without encryption. Encrypt the record first or keep PHI out of the browser.',
      indexedDbLibrary: 'Storing {{kinds}} in IndexedDB through {{storage}} without encryption. Encrypt the record first or keep PHI out of the browser.',
      offlineDb: 'A local PouchDB database in the browser holds {{kinds}} (its schema declares {{types}}) without encryption. Encrypt it at rest (e.g. crypto-pouch) or keep PHI out of the browser.',
      persistedForm: 'Persisting a form holding {{kinds}} in {{storage}} through {{library}}. The draft is unencrypted and outlives the session on a shared device; keep drafts in memory or on the server, or exclude the PHI fields.',
      persistedState: 'Persisting {{kinds}} in {{storage}} through {{library}}. Persisted state is unencrypted and outlives the session; persist only non-PHI fields (partialize/whitelist) or encrypt the storage.',
      deviceDb: 'An on-device {{storage}} database holds {{kinds}} (its schema names {{types}}) and is opened without an encryption key. A lost or rooted device, an OS backup or a debug export gives away every record it syncs; open it with a key kept in the platform keystore (Keychain/Keystore).',
      deviceKeyValue: 'An on-device {{storage}} store holds {{kinds}} and is created without an encryption key. Pass an encryptionKey kept in the platform keystore, or keep PHI in an encrypted store (expo-secure-store, react-native-encrypted-storage).',
      deviceStorage: 'Storing {{kinds}} in {{storage}}, which keeps it unencrypted on the device. Keep PHI in an encrypted store (expo-secure-store, react-native-encrypted-storage, MMKV with an encryptionKey) or store an opaque id.',
      serviceWorkerCache: 'Caching the responses of a route that returns {{kinds}} in Cache Storage through {{storage}}: they stay on the device unencrypted, after sign-out, for anyone using the browser. Leave patient routes out of runtime caching (NetworkOnly) or keep offline copies encrypted.',
      persistedQueryCache: 'Persisting the whole query cache in {{storage}} through {{library}}: every response the app fetched ({{kinds}} among them) stays on the device unencrypted and outlives the session. Persist only queries that hold no PHI (dehydrateOptions.shouldDehydrateQuery by query key) or encrypt in the persister.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    languages: ['code', 'json'],
    reportsCallersOfSharedHelpers: true,
  },
  defaultOptions: {},
  create(context) {
    // JSON: only a service worker's configuration is read (nothing else of the rule is set up for it).
    if (context.language === 'json') return { JsonString: (node: JsonNode, path: string[]) => reportCachedDataGroup(context, node, path) };
    /** Classes that extend Dexie, variables holding a Dexie database, PouchDB databases (local or remote). */
    const dexieClasses = new Set<string>();
    const dexieDbs = new Set<string>();
    const localPouches = new Set<string>();
    const remotePouches = new Set<string>();
    let importsDexie = false;
    let importsPouch = false;
    let importsRxdb = false;
    let importsIdb = false;
    /** A store encryption add-on is imported (crypto-pouch, dexie-encrypted…): the file's offline stores are encrypted. */
    let encryptsStores = false;
    /** Databases opened with encryption (`db.crypto(password)`), idb databases, localForage instances. */
    const encryptedDbs = new Set<string>();
    const idbDbs = new Set<string>();
    const localforageStores = new Set<string>();
    /** Local PouchDB databases: where each was created, and the relational schema set on it. */
    const pouchCreations = new Map<string, Node>();
    const pouchSchemas = new Map<string, Node>();
    const deviceStores = new DeviceStores(context);
    /**
     * Objects an AngularJS storage service of the workspace handed out (`const cache = new AppCache('patient-filters')`,
     * `this.cache = AppCache(key)`), by variable and by field of `this`: what is assigned on them is written to web storage.
     */
    const storageHandles = new Map<string, StorageHandle>();
    const storageHandleFields = new Map<string, StorageHandle>();
    const storageHandleOf = (value: Node | null | undefined): StorageHandle | undefined => {
      if (value?.type !== 'CallExpression' && value?.type !== 'NewExpression') return undefined;
      if (value.callee.type !== 'Identifier') return undefined;
      const storage = context.storageHandleService(value.callee.name);
      if (!storage) return undefined;
      const first = value.arguments[0];
      return { storage, namespace: first && isStringLiteral(first) ? first.value : undefined };
    };
    const assignedHandle = (target: TSESTree.MemberExpression): StorageHandle | undefined => {
      const object = target.object;
      if (object.type === 'Identifier') return storageHandles.get(object.name);
      if (object.type === 'MemberExpression' && object.object.type === 'ThisExpression' && !object.computed) {
        const field = propertyName(object);
        return field ? storageHandleFields.get(field) : undefined;
      }
      return undefined;
    };
    let asyncStorageLocals = new Set<string>();
    /** Local names of Ionic Storage's `Storage` class and ionic-cache's `CacheService`, and variables holding one. */
    let ionicStorageClasses = new Set<string>();
    let ionicCacheClasses = new Set<string>();
    const ionicStorageVariables = new Set<string>();
    const ionicCacheVariables = new Set<string>();
    // Cache Storage: only in files that open a cache (`caches.open`).
    const usesCacheStorage = context.text.includes('caches.open');
    const cacheStorageNames = new Set<string>();
    /** What kind of Ionic store a receiver is: `this.cache` injected as a CacheService, `storage = new Storage()`. */
    const ionicStoreOf = (object: Node, call: Node): 'storage' | 'cache' | undefined => {
      if (ionicStorageClasses.size === 0 && ionicCacheClasses.size === 0) return undefined;
      const name = object.type === 'Identifier' ? object.name : undefined;
      if (name && ionicStorageVariables.has(name)) return 'storage';
      if (name && ionicCacheVariables.has(name)) return 'cache';
      const type = declaredFieldType(context, object, call);
      if (type && ionicStorageClasses.has(type)) return 'storage';
      if (type && ionicCacheClasses.has(type)) return 'cache';
      return undefined;
    };
    /** Object and array literals and calls bound to names, for options objects passed by name. */
    const boundValues = new Map<string, Node>();

    const resolveObject = (node: Node | undefined): Node | undefined => {
      for (let depth = 0; node?.type === 'Identifier' && depth < 3; depth++) node = boundValues.get(node.name);
      return node;
    };
    let usesReduxPersistMemo: boolean | undefined;
    const usesReduxPersist = (): boolean => (usesReduxPersistMemo ??= context.importsModule(REDUX_PERSIST_MODULES));
    /** Root reducer functions bound to names (`const rootReducer = (state, action) => …`), for redux-persist only. */
    const boundFunctions = new Map<string, Node>();
    const resolveReducer = (node: Node | undefined): Node | undefined => (node?.type === 'Identifier' && boundFunctions.has(node.name) ? boundFunctions.get(node.name) : resolveObject(node));

    const report = (value: Node, taint: Taint, storage: string) => {
      if (taint.kinds.length && !encryptsStores) context.report({ node: value, messageId: 'indexedDbLibrary', taint, data: { storage } });
    };

    /** `this.db` in a class whose field or constructor parameter is typed `PouchDB.Database` / `PouchDB.RelDatabase`. */
    const isPouchTyped = (object: Node, call: Node): boolean => {
      if (object.type !== 'MemberExpression' || object.object.type !== 'ThisExpression') return false;
      const field = propertyName(object);
      const cls = field ? enclosingClass(call) : undefined;
      if (!cls) return false;
      for (const member of cls.body.body) {
        if (member.type === 'PropertyDefinition' && !member.computed && member.key.type === 'Identifier' && member.key.name === field && member.typeAnnotation) {
          return /^\s*PouchDB\b/.test(context.getText(member.typeAnnotation.typeAnnotation));
        }
        if (member.type === 'MethodDefinition' && member.kind === 'constructor') {
          for (const param of member.value.params) {
            if (param.type === 'TSParameterProperty' && param.parameter.type === 'Identifier' && param.parameter.name === field && param.parameter.typeAnnotation) {
              return /^\s*PouchDB\b/.test(context.getText(param.parameter.typeAnnotation.typeAnnotation));
            }
          }
        }
      }
      return false;
    };

    const rootName = (node: Node): string | undefined => chainRoot(node)?.name;

    /** What the name of the database a write goes to says it holds (`patients_db`, an imported `appointmentsDb` opened as 'appointments'). */
    const storeKindsOf = (object: Node): string[] => {
      const root = chainRoot(object);
      if (!root) return [];
      const local = storeNameKinds.get(root.name);
      if (local) return local;
      if (root.viaThis) return [];
      const imported = context.importedOfflineStore(root.name);
      return imported?.storeName && !imported.factory ? context.classifyName(imported.storeName) : [];
    };

    /**
     * A document written to a local database: reported with what it carries, or, when nothing is known of it, with what
     * the database's own name says it holds — a store opened as `patients` holds patients' documents (not its design documents).
     */
    /** `{ _id: key, syncedAt: Date.now(), read: true }`: a literal whose every field is a constant or an id, count, flag or date stamp. */
    const onlyBookkeeping = (value: Node): boolean => {
      if (value.type !== 'ObjectExpression') return false;
      return value.properties.every((property) => {
        if (property.type !== 'Property') return false;
        const key = propertyKey(property);
        if (!key) return false;
        if (/^_(id|rev|deleted)$/.test(key) || context.classify(key).trap) return true;
        const value = property.value as Node;
        return isCleanedOrConstant(context, value) || isTimeStamp(value);
      });
    };

    const reportDocument = (value: Node, object: Node, storage: string, nameKinds?: string[]) => {
      const taint = context.taintOf(value);
      if (taint.kinds.length) return report(value, taint, storage);
      const stored = storedExpression(value);
      if (encryptsStores || isDesignDocument(stored) || onlyBookkeeping(stored) || isCleanedOrConstant(context, value) || context.hasShapeWithoutPhi(stored)) return;
      const kinds = nameKinds?.length ? nameKinds : storeKindsOf(object);
      // What the document holds is read from the database's name, not seen flowing: a guess, said so.
      if (kinds.length) context.report({ node: value, messageId: 'indexedDbLibrary', kinds, precision: 'medium', data: { storage } });
    };

    /** What the name a local database is opened under says it holds: `new PouchDB('patients_db')` holds patients' documents. */
    const storeNameKinds = new Map<string, string[]>();
    const noteStoreName = (handle: string, storeName: string | undefined) => {
      const kinds = storeName ? context.classifyName(storeName) : [];
      if (kinds.length) storeNameKinds.set(handle, kinds);
    };
    const notePouch = (name: string, init: PouchCreation) => {
      const location = pouchLocation(init);
      if (location === 'local') {
        localPouches.add(name);
        pouchCreations.set(name, init);
        noteStoreName(name, pouchNameText(init));
      } else if (location === 'remote') remotePouches.add(name);
    };
    /** `new PouchDB('x')`, or PouchDB's factory call without `new` (`PouchDB('x')`), not kept in memory. */
    const pouchCreation = (node: Node): PouchCreation | undefined => {
      let init = node;
      if (init.type === 'AwaitExpression') init = init.argument;
      if ((init.type === 'NewExpression' || init.type === 'CallExpression') && isPouchClass(init.callee) && !inMemory(init)) return init;
      return undefined;
    };

    /** `new PouchDB(name, { adapter: 'memory' })` keeps nothing on the device. */
    const inMemory = (node: PouchCreation): boolean => {
      const options = node.arguments[1] ?? node.arguments[0];
      const adapter = options?.type === 'ObjectExpression' ? propertyNamed(options, 'adapter')?.value : undefined;
      return !!adapter && isStringLiteral(adapter as Node) && POUCH_MEMORY_ADAPTERS.includes((adapter as TSESTree.StringLiteral).value);
    };

    /** The PHI a relational-pouch schema declares: `[{ singular: 'patient', plural: 'patients' }, …]`. */
    const schemaKinds = (schema: Node | undefined): { kinds: string[]; types: string[] } => {
      const array = resolveObject(schema);
      const kinds = new Set<string>();
      const types: string[] = [];
      if (array?.type !== 'ArrayExpression') return { kinds: [], types };
      for (const element of array.elements) {
        if (element?.type !== 'ObjectExpression') continue;
        const singular = propertyNamed(element, 'singular')?.value;
        if (!singular || !isStringLiteral(singular as Node)) continue;
        const name = (singular as TSESTree.StringLiteral).value;
        const byName = context.classifyName(name);
        if (byName.length) types.push(name);
        byName.forEach((kind) => kinds.add(kind));
      }
      return { kinds: [...kinds].sort(), types };
    };

    const reportPersisted = (node: TSESTree.CallExpression, found: { taint: Taint; storage: string } | undefined, library: string) => {
      if (found && found.taint.kinds.length) context.report({ node: node.callee, messageId: 'persistedState', taint: found.taint, data: { storage: found.storage, library } });
    };

    /** Setters of `useLocalStorage`/`useSessionStorage`-style hooks (usehooks-ts, react-use, @mantine/hooks, use-local-storage-state, the app's own). */
    const storageHookSetters = new Map<string, { storage: string; key: string | undefined }>();
    const storageHookOf = (call: TSESTree.CallExpression): string | undefined => {
      const name = call.callee.type === 'Identifier' ? call.callee.name : call.callee.type === 'MemberExpression' ? propertyName(call.callee) : undefined;
      const match = name ? /^use(Local|Session)Storage(State|Value)?$/.exec(name) : null;
      return match ? (match[1] === 'Local' ? 'localStorage' : 'sessionStorage') : undefined;
    };

    const reportPersistedForm = (form: PersistedForm) => {
      if (form.taint.kinds.length) context.report({ node: form.node, messageId: 'persistedForm', taint: form.taint, data: { storage: form.storage, library: form.library } });
    };

    const isDexieClass = (node: Node | null | undefined): boolean => {
      const name = node ? lastSegment(node) : undefined;
      return !!name && (name === 'Dexie' || dexieClasses.has(name) || context.importedFrom(name)?.module === 'dexie');
    };

    const isPouchClass = (node: Node): boolean => {
      const name = node.type === 'Identifier' ? node.name : undefined;
      return !!name && (name === 'PouchDB' || POUCH_MODULES.test(context.importedFrom(name)?.module ?? ''));
    };

    /** `new PouchDB('patients')` is in the browser; `new PouchDB('https://couch.example/patients')` is a server. */
    const pouchNameText = (node: PouchCreation): string | undefined => {
      let nameNode = node.arguments[0] as Node | undefined;
      if (nameNode?.type === 'ObjectExpression') {
        nameNode = propertyNamed(nameNode, 'name')?.value as Node | undefined;
      }
      if (!nameNode) return undefined;
      const constant = context.constantOf(nameNode);
      return typeof constant === 'string' ? constant : context.stringPrefixOf(nameNode)?.text;
    };
    const pouchLocation = (node: PouchCreation): 'local' | 'remote' | undefined => {
      const text = pouchNameText(node);
      if (text === undefined) return undefined;
      return /^\s*https?:\/\//i.test(text) ? 'remote' : 'local';
    };

    /** `idb-keyval`'s set/setMany/update, imported by name or through a namespace. */
    const idbKeyvalWrite = (node: TSESTree.CallExpression): string | undefined => {
      if (node.callee.type === 'Identifier') {
        const source = context.importedFrom(node.callee.name);
        return source?.module === 'idb-keyval' && IDB_KEYVAL_WRITES.has(source.imported) ? source.imported : undefined;
      }
      const call = memberCall(node);
      if (!call || call.object.type !== 'Identifier' || !IDB_KEYVAL_WRITES.has(call.method)) return undefined;
      return context.importedFrom(call.object.name)?.module === 'idb-keyval' ? call.method : undefined;
    };

    const checkIdbKeyval = (node: TSESTree.CallExpression, method: string) => {
      const [keyNode, second] = node.arguments as Node[];
      const keyText = (key: Node | undefined) => keyTextOf(context, key);
      const checkEntry = (key: Node | undefined, value: Node | undefined) => {
        if (!value || value.type === 'SpreadElement') return;
        report(value, withKeyKinds(context, context.taintOf(value), keyText(key), value), 'idb-keyval');
      };
      if (method === 'set') return checkEntry(keyNode, second);
      if (method === 'update') {
        // update(key, (old) => next): what the updater returns is stored (block bodies: see ReturnStatement)
        if (isFunctionNode(second) && second.body.type !== 'BlockStatement') checkEntry(keyNode, second.body);
        return;
      }
      // setMany([[key, value], …])
      if (keyNode?.type === 'ArrayExpression') {
        for (const entry of keyNode.elements) {
          if (entry?.type === 'ArrayExpression') checkEntry(entry.elements[0] as Node | undefined, entry.elements[1] as Node | undefined);
          else if (entry && entry.type !== 'SpreadElement') checkEntry(undefined, entry);
        }
      } else if (keyNode && keyNode.type !== 'SpreadElement') {
        checkEntry(undefined, keyNode);
      }
    };

    /** `db.patients.put(…)`, `db.table('patients').bulkAdd(…)` on a Dexie database. */
    const isDexieTable = (call: TSESTree.CallExpression, object: Node): boolean => {
      if (object.type !== 'MemberExpression' && object.type !== 'CallExpression') return false;
      if (object.type === 'CallExpression' && !(object.callee.type === 'MemberExpression' && propertyName(object.callee) === 'table')) return false;
      const root = chainRoot(object);
      if (!root) return false;
      if (root.viaThis && object.type === 'MemberExpression' && object.object.type === 'ThisExpression') {
        // this.patients.put(…) inside a class extending Dexie
        return isDexieClass(enclosingClass(call)?.superClass);
      }
      if (dexieDbs.has(root.name)) return true;
      const imported = root.viaThis ? undefined : context.importedOfflineStore(root.name);
      if (imported?.library === 'Dexie' && !imported.factory) return true;
      return importsDexie && splitWords(root.name).some((word) => DB_NAME_WORDS.has(word));
    };

    /** `localDb.put(doc)` on a PouchDB database in the browser (not a remote CouchDB). */
    const isLocalPouch = (object: Node, call: Node): boolean => {
      const name = lastSegment(object);
      if (!name || remotePouches.has(name) || encryptedDbs.has(name)) return false;
      if (localPouches.has(name)) return true;
      if (isPouchTyped(object, call)) return true;
      const imported = object.type === 'Identifier' ? context.importedOfflineStore(name) : undefined;
      if (imported?.library === 'PouchDB' && !imported.factory) return true;
      return importsPouch && splitWords(name).some((word) => DB_NAME_WORDS.has(word)) && !/remote|server|couch/i.test(name);
    };

    return {
      Program(node: TSESTree.Program) {
        if (context.importsModule(QUERY_PERSIST_MODULES) && !context.importsModule(STORE_ENCRYPTION_MODULES)) {
          for (const cache of persistedQueryCaches(context, node)) {
            context.report({ node: cache.node, messageId: 'persistedQueryCache', taint: cache.taint, data: { storage: cache.storage, library: cache.library } });
          }
        }
        importsDexie = context.importsModule('dexie');
        importsPouch = context.importsModule(POUCH_MODULES) || context.importsModule('relational-pouch');
        importsRxdb = context.importsModule(RXDB_MODULES);
        importsIdb = context.importsModule(IDB_MODULES);
        encryptsStores = context.importsModule(STORE_ENCRYPTION_MODULES);
        deviceStores.start();
        asyncStorageLocals = new Set(context.localNamesFrom(ASYNC_STORAGE_MODULES).map((binding) => binding.local));
        if (!context.importsModule(IONIC_SECURE_STORAGE_MODULES)) {
          ionicStorageClasses = new Set(context.localNamesFrom(IONIC_STORAGE_MODULES).filter((binding) => binding.imported === 'Storage').map((binding) => binding.local));
          ionicCacheClasses = new Set(context.localNamesFrom(IONIC_CACHE_MODULES).filter((binding) => binding.imported === 'CacheService').map((binding) => binding.local));
        }
      },
      'Program:exit'() {
        for (const found of deviceStores.findings()) {
          if (found.keyValue) context.report({ node: found.node, messageId: 'deviceKeyValue', taint: found.taint, data: { storage: found.store } });
          else context.report({ node: found.node, messageId: 'deviceDb', taint: found.taint, data: { storage: found.store, types: found.names.join(', ') } });
        }
        if (encryptsStores) return;
        for (const [name, schema] of pouchSchemas) {
          const creation = pouchCreations.get(name);
          if (!creation || encryptedDbs.has(name)) continue;
          const declared = schemaKinds(schema);
          if (declared.kinds.length) {
            context.report({ node: creation, messageId: 'offlineDb', taint: { kinds: declared.kinds, origins: [], confidence: 'high' }, data: { types: declared.types.join(', ') } });
          }
        }
      },

      ReturnStatement(node: TSESTree.ReturnStatement) {
        // update(key, (old) => { …; return next; }): checked here, while the updater's variables are in scope
        if (!node.argument) return;
        let fn = node.parent as Node | undefined;
        while (fn && !isFunctionNode(fn) && fn.type !== 'FunctionDeclaration') fn = fn.parent as Node | undefined;
        const call = fn?.parent as Node | undefined;
        if (!fn || call?.type !== 'CallExpression' || call.arguments[1] !== fn || idbKeyvalWrite(call) !== 'update') return;
        const key = call.arguments[0];
        report(node.argument, withKeyKinds(context, context.taintOf(node.argument), keyTextOf(context, key), node.argument), 'idb-keyval');
      },
      PropertyDefinition(node: TSESTree.PropertyDefinition) {
        // class Store { db = PouchDB('patients') }
        const created = node.value ? pouchCreation(node.value) : undefined;
        const field = !node.computed && node.key.type === 'Identifier' ? node.key.name : undefined;
        if (created && field) notePouch(field, created);
      },
      ClassDeclaration(node: TSESTree.ClassDeclaration) {
        if (node.id && isDexieClass(node.superClass)) dexieClasses.add(node.id.name);
      },
      Literal(node: TSESTree.Literal) {
        if (deviceStores.readsSql && typeof node.value === 'string') deviceStores.text(node.value);
      },
      TemplateLiteral(node: TSESTree.TemplateLiteral) {
        if (deviceStores.readsSql) deviceStores.text(node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('?'));
      },
      ObjectExpression(node: TSESTree.ObjectExpression) {
        deviceStores.objectExpression(node);
      },
      NewExpression(node: TSESTree.NewExpression) {
        deviceStores.newExpression(node);
      },
      VariableDeclarator(node: TSESTree.VariableDeclarator) {
        deviceStores.variableDeclarator(node);
        // const [draft, setDraft] = useLocalStorage('draft'): the setter writes its argument to web storage
        if (node.id.type === 'ArrayPattern' && node.init?.type === 'CallExpression') {
          const storage = storageHookOf(node.init);
          const setter = node.id.elements[1];
          // `useLocalStorage('person-allOrg', true)`: state that starts as a boolean is a flag; its key names what the flag is about
          const initial = node.init.arguments[1];
          const flag = !!initial && initial.type !== 'SpreadElement' && isBooleanValued(initial);
          if (storage && setter?.type === 'Identifier') storageHookSetters.set(setter.name, { storage, key: !flag && isStringLiteral(node.init.arguments[0]) ? node.init.arguments[0].value : undefined });
          return;
        }
        if (node.id.type !== 'Identifier' || !node.init) return;
        const handle = storageHandleOf(node.init);
        if (handle) {
          storageHandles.set(node.id.name, handle);
          return;
        }
        let init: Node = node.init;
        if (init.type === 'AwaitExpression') init = init.argument;
        if (usesCacheStorage && isCacheStorageOpen(init)) cacheStorageNames.add(node.id.name);
        if (init.type === 'ObjectExpression' || init.type === 'ArrayExpression' || init.type === 'CallExpression') boundValues.set(node.id.name, init);
        else if ((init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression') && usesReduxPersist()) boundFunctions.set(node.id.name, init);
        if (init.type === 'CallExpression') {
          // PouchDB('patients'): PouchDB's constructor also works as a plain factory call
          const factory = pouchCreation(init);
          if (factory) return notePouch(node.id.name, factory);
          // const db = openPatientsDb(): a function of another module that opens and returns the database
          const opened = init.callee.type === 'Identifier' ? context.importedOfflineStore(init.callee.name) : undefined;
          if (opened?.factory) {
            if (opened.library === 'PouchDB') localPouches.add(node.id.name);
            else if (opened.library === 'Dexie') dexieDbs.add(node.id.name);
            noteStoreName(node.id.name, opened.storeName);
            return;
          }
          const callee = lastSegment(init.callee);
          if (callee && IDB_OPENS.has(callee) && importsIdb) idbDbs.add(node.id.name);
          // localforage.createInstance({ name: 'clinic' })
          if (callee === 'createInstance' && init.callee.type === 'MemberExpression' && init.callee.object.type === 'Identifier' && LOCALFORAGE_MODULES.test(context.importedFrom(init.callee.object.name)?.module ?? init.callee.object.name)) {
            localforageStores.add(node.id.name);
            const options = init.arguments[0];
            const storeName = options?.type === 'ObjectExpression' ? (propertyNamed(options, 'name') ?? propertyNamed(options, 'storeName'))?.value : undefined;
            if (storeName && isStringLiteral(storeName as Node)) noteStoreName(node.id.name, (storeName as TSESTree.StringLiteral).value);
          }
          return;
        }
        if (init.type !== 'NewExpression') return;
        if (init.callee.type === 'Identifier' && ionicStorageClasses.has(init.callee.name)) ionicStorageVariables.add(node.id.name);
        if (init.callee.type === 'Identifier' && ionicCacheClasses.has(init.callee.name)) ionicCacheVariables.add(node.id.name);
        if (isDexieClass(init.callee)) {
          dexieDbs.add(node.id.name);
          if (isStringLiteral(init.arguments[0])) noteStoreName(node.id.name, init.arguments[0].value);
        } else if (isPouchClass(init.callee)) {
          if (inMemory(init)) return;
          notePouch(node.id.name, init);
        }
      },
      CallExpression(node: TSESTree.CallExpression) {
        deviceStores.callExpression(node, (key, value) => withKeyKinds(context, context.taintOf(value), keyTextOf(context, key), value));
        // React Native AsyncStorage.setItem(key, value): a plain file or SQLite row on the device
        const asyncWrite = memberCall(node);
        if (asyncWrite && ASYNC_STORAGE_WRITES.has(asyncWrite.method) && asyncWrite.object.type === 'Identifier' && asyncStorageLocals.has(asyncWrite.object.name) && node.arguments.length >= 2) {
          const [keyNode, value] = node.arguments;
          const taint = withKeyKinds(context, context.taintOf(value), keyTextOf(context, keyNode), value);
          if (taint.kinds.length) context.report({ node: value, messageId: 'deviceStorage', taint, data: { storage: 'AsyncStorage' } });
          return;
        }
        // storage.set(key, value) on an MMKV store another module creates without an encryption key and exports
        if (asyncWrite && asyncWrite.method === 'set' && asyncWrite.object.type === 'Identifier' && node.arguments.length >= 2 && node.arguments[1].type !== 'SpreadElement' && context.importedOfflineStore(asyncWrite.object.name)?.library === 'MMKV') {
          const [keyNode, value] = node.arguments;
          const taint = withKeyKinds(context, context.taintOf(value), keyTextOf(context, keyNode), value);
          if (taint.kinds.length) context.report({ node: value, messageId: 'deviceStorage', taint, data: { storage: 'an MMKV store created without an encryption key' } });
          return;
        }
        // Ionic Storage's storage.set(key, value); ionic-cache's cache.loadFromObservable(key, request$) keeps what the request emits
        const ionicCall = memberCall(node);
        const ionicStore = ionicCall ? ionicStoreOf(ionicCall.object, node) : undefined;
        if (ionicCall && ionicStore === 'storage' && IONIC_STORAGE_WRITES.has(ionicCall.method) && node.arguments.length >= 2) {
          const [keyNode, value] = node.arguments;
          const taint = withKeyKinds(context, context.taintOf(value), keyTextOf(context, keyNode), value);
          if (taint.kinds.length) context.report({ node: value, messageId: 'webStorage', taint, data: { storage: 'Ionic Storage' } });
          return;
        }
        if (ionicCall && ionicStore === 'cache' && IONIC_CACHE_WRITES[ionicCall.method] !== undefined) {
          const value = node.arguments[IONIC_CACHE_WRITES[ionicCall.method]];
          if (value && value.type !== 'SpreadElement') report(value, context.taintOf(value), 'ionic-cache (Ionic Storage)');
          return;
        }
        // OpenMRS offline: queueSynchronizationItem(type, content) keeps content in IndexedDB until it syncs
        if ((node.callee.type === 'Identifier' ? node.callee.name : memberCall(node)?.method) === 'queueSynchronizationItem') {
          const content = node.arguments[1];
          if (content && content.type !== 'SpreadElement') report(content, context.taintOf(content), 'the OpenMRS offline sync queue');
          return;
        }
        const storageHook = node.callee.type === 'Identifier' ? storageHookSetters.get(node.callee.name) : undefined;
        if (storageHook && node.arguments[0] && node.arguments[0].type !== 'SpreadElement' && !/Function/.test(node.arguments[0].type)) {
          const value = node.arguments[0];
          const taint = withKeyKinds(context, context.taintOf(value), storageHook.key, value);
          if (taint.kinds.length) context.report({ node: value, messageId: 'webStorage', taint, data: { storage: storageHook.storage } });
          return;
        }
        const keyval = idbKeyvalWrite(node);
        if (keyval) return checkIdbKeyval(node, keyval);
        // caches.open(name).then((cache) => cache.put(…))
        if (usesCacheStorage && node.callee.type === 'MemberExpression' && propertyName(node.callee) === 'then' && isCacheStorageOpen(node.callee.object)) {
          const callback = node.arguments[0];
          const parameter = callback && (callback.type === 'ArrowFunctionExpression' || callback.type === 'FunctionExpression') ? callback.params[0] : undefined;
          if (parameter?.type === 'Identifier') cacheStorageNames.add(parameter.name);
        }
        const cacheWrite = usesCacheStorage ? cacheStorageWrite(context, node, cacheStorageNames) : undefined;
        if (cacheWrite) {
          const taint = cacheWrite.response ? context.taintOf(cacheWrite.response) : undefined;
          if (taint?.kinds.length) context.report({ node: cacheWrite.node, messageId: 'serviceWorkerCache', taint, data: { storage: 'the Cache Storage API' } });
          // What a URL returns is read from its path, not seen flowing: a guess, said so.
          else if (cacheWrite.kinds.length) context.report({ node: cacheWrite.node, messageId: 'serviceWorkerCache', kinds: cacheWrite.kinds, precision: 'medium', data: { storage: 'the Cache Storage API' } });
          return;
        }
        const cachedRoute = cachedPatientRoute(context, node);
        if (cachedRoute) {
          // What the route returns is read from its path, not seen flowing: a guess, said so.
          context.report({ node: cachedRoute.node, messageId: 'serviceWorkerCache', kinds: cachedRoute.kinds, precision: 'medium', data: { storage: cachedRoute.storage } });
          return;
        }
        if (node.callee.type === 'Identifier') {
          const source = context.importedFrom(node.callee.name);
          // zustand: create<State>()(persist(…, { name, storage })); redux-persist: persistReducer(config, reducer)
          if (source?.imported === 'persist' && ZUSTAND_MIDDLEWARE_MODULES.test(source.module)) return reportPersisted(node, zustandPersisted(context, node), 'zustand persist');
          if (source?.imported === 'persistReducer' && REDUX_PERSIST_MODULES.test(source.module)) return reportPersisted(node, reduxPersisted(context, node, resolveObject, resolveReducer), 'redux-persist');
          const hookForm = persistedHookForm(context, node);
          if (hookForm) return reportPersistedForm(hookForm);
        }
        const call = memberCall(node);
        if (!call) return;
        const root = rootName(call.object);
        // crypto-pouch: db.crypto(password) encrypts every document of that database
        if (ENCRYPTION_METHODS.has(call.method) && root && (localPouches.has(root) || dexieDbs.has(root) || importsPouch || importsDexie || importsRxdb)) {
          encryptedDbs.add(root);
          return;
        }
        if (call.method === 'setSchema' && call.object.type === 'Identifier' && localPouches.has(call.object.name)) {
          pouchSchemas.set(call.object.name, node.arguments[0] as Node);
          return;
        }
        // relational-pouch: db.rel.save('patient', doc)
        if (RELATIONAL_POUCH_WRITES.has(call.method) && call.object.type === 'MemberExpression' && propertyName(call.object) === 'rel' && isLocalPouch(call.object.object, node)) {
          const value = node.arguments[1];
          if (value && value.type !== 'SpreadElement') report(value, context.taintOf(value), 'PouchDB');
          return;
        }
        // RxDB: db.patients.insert(doc), collection.upsert(doc)
        if (RXDB_WRITES.has(call.method) && root && !encryptedDbs.has(root) && (importsRxdb || splitWords(root).some((word) => word === 'rx' || word === 'rxdb'))) {
          const value = node.arguments[0];
          if (value && value.type !== 'SpreadElement') report(value, context.taintOf(value), 'RxDB');
          return;
        }
        // idb: db.put('patients', value), tx.store.add(value)
        if ((call.method === 'put' || call.method === 'add') && importsIdb) {
          const direct = call.object.type === 'Identifier' && idbDbs.has(call.object.name);
          const viaStore = call.object.type === 'MemberExpression' && propertyName(call.object) === 'store';
          const value = node.arguments[direct ? 1 : 0];
          if ((direct || viaStore) && value && value.type !== 'SpreadElement') {
            report(value, context.taintOf(value), 'idb');
            return;
          }
        }
        if (call.method === 'setItem' && call.object.type === 'Identifier' && (localforageStores.has(call.object.name) || (context.importedOfflineStore(call.object.name)?.library === 'localForage' && !context.importedOfflineStore(call.object.name)?.factory)) && node.arguments.length >= 2) {
          const value = node.arguments[1];
          const taint = withKeyKinds(context, context.taintOf(value), keyTextOf(context, node.arguments[0]), value);
          if (taint.kinds.length) context.report({ node: value, messageId: 'webStorage', taint, data: { storage: 'localForage (IndexedDB)' } });
          else if (value.type !== 'SpreadElement') reportDocument(value, call.object, 'localForage');
          return;
        }
        if (DEXIE_WRITES.has(call.method) && !context.hasTag(call.object, 'idb-store') && !encryptedDbs.has(root ?? '') && isDexieTable(node, call.object)) {
          const value = node.arguments[0];
          // db.patients.put(…), db.table('patients').add(…): the table's name says what its records are
          const table = call.object.type === 'MemberExpression' ? propertyName(call.object) : call.object.type === 'CallExpression' && isStringLiteral(call.object.arguments[0]) ? call.object.arguments[0].value : undefined;
          if (value && value.type !== 'SpreadElement') reportDocument(value, call.object, 'Dexie', table ? context.classifyName(table) : []);
          return;
        }
        if (POUCH_WRITES.has(call.method) && isLocalPouch(call.object, node)) {
          const value = node.arguments[0];
          if (value && value.type !== 'SpreadElement') reportDocument(value, call.object, 'PouchDB');
          return;
        }
        if (POUCH_UPSERT_WRITES.has(call.method) && isLocalPouch(call.object, node)) {
          let value = node.arguments[call.method === 'upsert' ? 1 : 0] as Node | undefined;
          if (isFunctionNode(value)) value = value.body.type === 'BlockStatement' ? undefined : value.body;
          if (value && value.type !== 'SpreadElement') reportDocument(value, call.object, 'PouchDB');
          return;
        }
        // Object.assign(localStorage, { ssn })
        if (call.method === 'assign' && dottedName(call.object) === 'Object' && node.arguments[0] && isWebStorage(node.arguments[0])) {
          const phi = phiOfArguments(context, node.arguments.slice(1));
          if (phi) context.report({ node: phi.node, messageId: 'webStorage', taint: phi.taint, data: { storage: lastSegment(node.arguments[0]) ?? 'browser storage' } });
          return;
        }
        // angular-local-storage: localStorageService.set(key, value) (its cookie.set is no-phi-in-cookie's); an app's sessionStorageService.setObject(key, value)
        const storageService = lastSegment(call.object);
        if (LOCAL_STORAGE_SERVICE_WRITES.has(call.method) && node.arguments.length >= 2 && storageService !== undefined && Object.hasOwn(STORAGE_SERVICES, storageService)) {
          const [keyNode, value] = node.arguments;
          const taint = withKeyKinds(context, context.taintOf(value), keyTextOf(context, keyNode), value);
          if (taint.kinds.length) context.report({ node: value, messageId: 'webStorage', taint, data: { storage: STORAGE_SERVICES[storageService] } });
          return;
        }
        // ngStorage: $localStorage.$default({ … }), $sessionStorage.$reset({ … })
        const ngStorage = NG_STORAGE_WRITES.has(call.method) ? ngStorageOf(call.object) : undefined;
        if (ngStorage && node.arguments[0]) {
          const phi = phiOfArguments(context, node.arguments.slice(0, 1));
          if (phi) context.report({ node: phi.node, messageId: 'webStorage', taint: phi.taint, data: { storage: ngStorage } });
          return;
        }
        if (call.method === 'setItem' && isStorageObject(call.object) && node.arguments.length >= 2) {
          const [keyNode, value] = node.arguments;
          const taint = withKeyKinds(context, context.taintOf(value), keyTextOf(context, keyNode), value);
          if (taint.kinds.length) context.report({ node: value, messageId: 'webStorage', taint, data: { storage: lastSegment(call.object) ?? 'browser storage' } });
          return;
        }
        if ((call.method === 'put' || call.method === 'add') && context.hasTag(call.object, 'idb-store') && node.arguments[0]) {
          const taint = context.taintOf(node.arguments[0]);
          if (taint.kinds.length) context.report({ node: node.arguments[0], messageId: 'indexedDb', taint });
        }
      },
      JSXOpeningElement(node: TSESTree.JSXOpeningElement) {
        deviceStores.jsxElement(node);
        const form = persistedFormikForm(context, node);
        if (form) reportPersistedForm(form);
      },
      AssignmentExpression(node: TSESTree.AssignmentExpression) {
        deviceStores.assignment(node);
        // `localDb = new PouchDB('local')` in a branch; `this.db = PouchDB('patients')` kept on a class or service
        const created = pouchCreation(node.right);
        if (created && node.left.type === 'Identifier') notePouch(node.left.name, created);
        if (created && node.left.type === 'MemberExpression' && node.left.object.type === 'ThisExpression' && propertyName(node.left)) notePouch(propertyName(node.left)!, created);
        const target = node.left;
        if (target.type !== 'MemberExpression') return;
        const handle = storageHandleOf(node.right);
        if (handle) {
          if (target.object.type === 'ThisExpression' && !target.computed && propertyName(target)) storageHandleFields.set(propertyName(target)!, handle);
          return;
        }
        // `cache.filters = value`, `this.cache.recipient = value` on an object an AngularJS storage service handed out.
        const handled = node.operator === '=' ? assignedHandle(target) : undefined;
        if (handled) {
          // The property names the value; the namespace names the screen or feature that keeps it (`configure_patient_standing`), not what is kept.
          const taint = withKeyKinds(context, context.taintOf(node.right), propertyName(target), node.right);
          if (taint.kinds.length) context.report({ node: node.right, messageId: 'webStorage', taint, data: { storage: handled.storage } });
          return;
        }
        if (isDocumentCookie(target)) {
          const taint = withKeyKinds(context, context.taintOf(node.right), cookieName(context, node.right), node.right);
          if (taint.kinds.length) context.report({ node: node.right, messageId: 'cookie', taint });
          return;
        }
        const ngStorage = ngStorageOf(target.object);
        if (isWebStorage(target.object) || ngStorage) {
          const taint = withKeyKinds(context, context.taintOf(node.right), propertyName(target), node.right);
          if (taint.kinds.length) context.report({ node: node.right, messageId: 'webStorage', taint, data: { storage: ngStorage ?? lastSegment(target.object) ?? 'browser storage' } });
        }
      },
    };
  },
});
