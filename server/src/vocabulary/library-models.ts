// How common libraries and frameworks move data, as data the taint analysis reads: which calls create
// loggers, state containers and stores, which objects are HTTP requests, which methods build up or
// mutate a value. Adding a library here teaches the analysis without touching its code.

/** Objects that are an incoming HTTP request (Express/Koa/Lambda names), as the tail of a dotted name. */
export const REQUEST_OBJECT = /(^|\.)(req|request|ctx\.request|event|incomingRequest)$/;

/** Properties of a request object that hold the whole body. */
export const REQUEST_BODY_PROPERTIES: readonly string[] = ['body', 'rawBody'];
/** A hapi server's modules: in a file importing one, a request's body is `request.payload`. */
export const HAPI_MODULES = /^(@hapi\/.+|hapi)$/;

/** UI state containers whose initial value's keys name what they will hold (React, Vue, Solid, Svelte, MobX…). */
export const STATE_HOOKS: readonly string[] = ['useState', 'React.useState', 'useReducer', 'React.useReducer', 'ref', 'reactive', 'shallowRef', 'signal', 'createSignal', 'writable', 'observable', 'createStore'];


/**
 * Schema builders (zod, yup, joi, valibot, superstruct, io-ts, TypeBox): `z.record(…)`, `yup.object({ dob })`
 * describe a shape, they hold no data. Their parse/validate methods do return the data they are given.
 */
export const SCHEMA_BUILDER_MODULES = /^(zod(\/.*)?|yup|joi|@hapi\/joi|valibot|superstruct|io-ts|@sinclair\/typebox)$/;
export const SCHEMA_PARSE_METHODS: readonly string[] = ['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'validate', 'validateSync', 'validateAsync', 'cast', 'assert', 'create', 'mask', 'decode'];

/**
 * Types that libraries declare for what a device captured of a person, by their exported name (matched when the
 * workspace declares no type of that name): ngx-webcam's `WebcamImage` is a picture taken with the camera, in a
 * clinical app the photograph of the person being registered or seen (a full-face photo, a Safe Harbor identifier).
 * Its metadata (`imageData.width`, `mimeType`) is no one's.
 */
export const CAPTURED_MEDIA_TYPES: Readonly<Record<string, { kinds: string[]; fields: Record<string, { kinds?: string[]; type?: string; inherit?: boolean }> }>> = {
  WebcamImage: { kinds: ['photo'], fields: { imageAsDataUrl: { kinds: ['photo'] }, imageAsBase64: { kinds: ['photo'] }, imageData: {}, mimeType: {} } },
};

/** Modules whose `require()` result, called, is a logger (`require('pino')()`, `require('debug')('app')`, `require('bows')('ui')`). */
export const LOGGER_MODULES = /^(pino|debug|bunyan|winston|log4js|loglevel|bows)$/;

/**
 * Template engines that compile a template into a function (lodash's and underscore's `template`, Handlebars'
 * `compile`): what the compiled function returns is the template's text filled with the data it is called with.
 */
/**
 * CSV serialisers whose instances turn the records they are handed into text (`new Parser({ fields }).parse(rows)`
 * of json2csv, `new AsyncParser().parse(rows)`, json-2-csv's converter): the text holds the records.
 */
export const CSV_SERIALISER_MODULES = /^(json2csv|@json2csv\/(plainjs|node|whatwg)|json-2-csv|csv-stringify(\/sync)?|@fast-csv\/format|fast-csv|objects-to-csv)$/;

export const TEMPLATE_ENGINE_MODULES = /^(lodash(-es)?(\/template)?|lodash\.template|underscore|handlebars)$/;
export const TEMPLATE_COMPILE_FUNCTIONS: readonly string[] = ['template', 'compile'];

/** Calls whose result is a writable file stream. */
export const WRITE_STREAM_FACTORIES: readonly string[] = ['createWriteStream'];

/** Methods whose result is an IndexedDB object store (`tx.objectStore('patients')`). */
export const IDB_STORE_METHODS: readonly string[] = ['objectStore'];

/** Builder methods that return what they hold plus what is added (`new HttpParams().set('ssn', ssn)`). */
export const BUILDER_METHODS: readonly string[] = ['set', 'append', 'add'];

/** Methods that add their arguments to their receiver (`payload.push(ssn)`, `params.set('dob', dob)`). */
export const MUTATING_METHODS: readonly string[] = ['push', 'unshift', 'add', 'set', 'append'];

/**
 * Spreadsheet builders (SheetJS `utils`): the sheet or text they return holds the rows they are handed
 * (`XLSX.utils.json_to_sheet(rows)`, `utils.aoa_to_sheet(table)`, `utils.sheet_to_csv(sheet)`). Snake-case names
 * no other library uses, so the receiver (`XLSX.utils`, `utils`, `xlsx.utils`) is not checked.
 */
export const SHEET_BUILDER_METHODS: readonly string[] = ['json_to_sheet', 'aoa_to_sheet', 'sheet_to_csv', 'sheet_to_txt', 'sheet_to_html', 'sheet_to_json', 'book_new'];

/**
 * Spreadsheet calls that put their second argument into their first: `utils.book_append_sheet(workbook, sheet)`,
 * `utils.sheet_add_json(sheet, rows)`, `utils.sheet_add_aoa(sheet, table)`.
 */
export const SHEET_FILLING_METHODS: readonly string[] = ['book_append_sheet', 'sheet_add_json', 'sheet_add_aoa'];

/** Methods whose callback's result is the call's result (`patients.map(p => p.id)`). */
export const MAPPING_METHODS: readonly string[] = ['map', 'flatMap', 'then'];

/** Methods whose result joins the receiver's and the arguments' values (`a.concat(b)`, `s.replace(x, y)`). */
export const JOINING_METHODS: readonly string[] = ['concat', 'replace', 'replaceAll'];

/**
 * Property names that hold what their object holds (`response.data`, `event.body`, `doc.attributes`): read
 * from a value whose PHI is only guessed from its name, they keep it; other unknown properties
 * (`client.now`, `job.startedMills`) do not.
 */
export const CONTAINER_PROPERTIES: readonly string[] = [
  'data', 'body', 'payload', 'value', 'values', 'item', 'items', 'record', 'records', 'entry', 'entries', 'resource', 'resources',
  'result', 'results', 'response', 'doc', 'docs', 'document', 'documents', 'details', 'detail', 'info', 'content', 'contents',
  'attributes', 'fields', 'form', 'answers', 'answer', 'rows', 'row', 'list', 'message', 'messages', 'params', 'input', 'output',
  'properties', 'props', 'state', 'current', 'selected', 'raw', 'parsed', 'original', 'previous', 'next', 'changes', 'update', 'updates',
  'bundle', 'contained', 'extension', 'member', 'members', 'subject', 'object',
];

/** What an operation's outcome says about how it went: `result.message`, `response.errorMessage`, `res.statusText`. */
export const STATUS_TEXT_PROPERTIES: readonly string[] = ['message', 'msg', 'error', 'errorMessage', 'errorText', 'statusText', 'reason', 'detail'];
/** Names of an operation's outcome (`result`, `saveResponse`, `res`), as opposed to a record or a message (last word). */
export const OUTCOME_WORDS: readonly string[] = ['result', 'res', 'resp', 'response', 'outcome', 'reply', 'ack', 'status'];

/**
 * Generic wrappers whose first type argument is what they hold, resolve to or wrap (`Promise<Patient>`,
 * `Ref<Patient>`, `AxiosResponse<Patient>`, `FormGroup<PatientForm>`): a value annotated so carries the
 * argument's PHI kinds.
 */
export const CONTENT_WRAPPERS: readonly string[] = [
  'Array', 'ReadonlyArray', 'Promise', 'PromiseLike', 'Awaited', 'Readonly', 'Partial', 'Required', 'DeepPartial', 'NonNullable', 'Omit', 'Pick',
  'Set', 'ReadonlySet', 'Observable', 'BehaviorSubject', 'Subject', 'ReplaySubject', 'EventEmitter', 'Signal', 'WritableSignal', 'InputSignal',
  'Ref', 'ShallowRef', 'ComputedRef', 'MutableRefObject', 'RefObject', 'Writable', 'Readable', 'Accessor', 'Store',
  'AxiosResponse', 'AxiosPromise', 'HttpResponse', 'UseQueryResult', 'QueryObserverResult', 'SWRResponse', 'UseFormReturn', 'FormikProps',
  'FormGroup', 'FormControl', 'WithId', 'Maybe', 'Nullable', 'Optional', 'Draft',
  // grids and tables typed by their row (AG Grid's TData, Angular Material and CDK): an event or cell of a row holds the row
  'RowClickedEvent', 'RowDoubleClickedEvent', 'RowSelectedEvent', 'CellClickedEvent', 'CellDoubleClickedEvent', 'CellValueChangedEvent',
  'ICellRendererParams', 'ValueGetterParams', 'ValueFormatterParams', 'MatTableDataSource', 'SelectionModel',
];

/** Keyed collections whose second type argument is what they hold (`Record<string, Patient>`, `Map<string, Patient>`). */
export const KEYED_WRAPPERS: readonly string[] = ['Record', 'Map', 'ReadonlyMap', 'WeakMap', 'Dictionary'];

/**
 * Properties of a wrapper that return what it wraps (`ref.value`, `response.data`, `form.value`,
 * `formik.values`, `ref.current`): read from a value typed by its content whose declared type has no such
 * field, they are the wrapper's accessor and keep the content.
 */
export const WRAPPER_VALUE_PROPERTIES: readonly string[] = ['value', 'values', 'data', 'current', 'rawValue'];

/**
 * DynamoDB's attribute-value type descriptors (`item.nhs_number.N`, `record.Surname.S`, `item.Aliases.SS`): the
 * low-level API wraps every attribute in one, so reading it is reading the attribute's value. Binary, boolean
 * and null descriptors (`B`, `BOOL`, `NULL`) are left out: none of them holds text a person could be known by.
 */
export const DYNAMODB_VALUE_DESCRIPTORS: readonly string[] = ['S', 'N', 'SS', 'NS', 'M', 'L'];
/**
 * The headline a message or notification displays (`{ title, body }` of a push, a toast, a dialog): read from
 * a caller's argument, it is text the caller wrote, though the word alone names a form's caption.
 */
export const DISPLAYED_TEXT_FIELDS: readonly string[] = ['title', 'subtitle', 'heading', 'caption'];
/** A file that can hold DynamoDB attribute values names the service (its client, its stream records, its docs). */
export const DYNAMODB_MENTION = /dynamodb/i;

/**
 * Calls whose explicit type argument names what they return or hold (`useState<Patient>()`,
 * `http.get<Patient>(url)`, `signal<Patient>()`), besides every hook (`use…<T>()`). The result carries the
 * type's PHI kinds and shape.
 */
export const TYPED_RESULT_CALLS: readonly string[] = [
  'get', 'post', 'put', 'patch', 'request', 'fetch', 'query', 'getJSON', 'ajax', 'readResource', 'searchResources',
  'ref', 'reactive', 'shallowRef', 'computed', 'signal', 'createSignal', 'createStore', 'writable', 'readable', 'observable', 'atom',
  'createContext', 'inject', 'of', 'group', 'nonNullable', 'getRawValue',
  // Vue's compiler macros in `<script setup>`: the component's props and its `v-model`, as the type argument declares them
  'defineProps', 'defineModel',
];

/**
 * HTTP verbs that begin the name of a client's typed request method (`getWithCors<T>(url)`, `postJson<T>(url, body)`,
 * `delete<T>(url)`, `fetchData<T>()`): a request whose explicit type argument is the response's body, as for
 * `get<T>`. Only the first word counts, and only with an explicit type argument.
 */
export const TYPED_REQUEST_VERBS: readonly string[] = ['get', 'post', 'put', 'patch', 'delete', 'request', 'fetch'];

/** Modules whose state factories take the state's type as type argument (`create<PatientState>()(…)` in zustand). */
export const TYPED_STATE_MODULES = /^(zustand|zustand\/vanilla|jotai|valtio|pinia)$/;

/**
 * Form libraries' hooks: their result is a handle on the form's values (react-hook-form's `getValues()`,
 * `watch()`, Formik's `values`), typed by the type argument or filled from the named option's object.
 */
export const FORM_HOOKS: Readonly<Record<string, string | undefined>> = {
  useForm: 'defaultValues',
  useFormik: 'initialValues',
  useFormContext: undefined,
  useFormState: undefined,
  useWatch: undefined,
  useController: undefined,
  useFieldArray: undefined,
};

/** Accessors of a form handle that return its values, called bare after destructuring (`const { getValues } = useForm<T>()`). */
export const FORM_VALUE_ACCESSORS: readonly string[] = ['getValues', 'watch', 'getFieldValue', 'getFieldsValue', 'getRawValue'];

// Offline databases and persisted state in the browser, for the storage rule.

/** PouchDB's modules and the methods that write documents (`db.rel.save(type, doc)` with relational-pouch). */
export const POUCH_MODULES = /^pouchdb(-browser|-node|-core)?$/;
export const POUCH_WRITE_METHODS: readonly string[] = ['put', 'post', 'bulkDocs'];
export const RELATIONAL_POUCH_WRITE_METHODS: readonly string[] = ['save'];
/** PouchDB adapters that keep nothing on the device. */
export const POUCH_MEMORY_ADAPTERS: readonly string[] = ['memory', 'http', 'https'];
/** RxDB's modules and the collection methods that write documents. */
export const RXDB_MODULES = /^rxdb(\/|$)/;
export const RXDB_WRITE_METHODS: readonly string[] = ['insert', 'bulkInsert', 'upsert', 'bulkUpsert', 'incrementalUpsert', 'atomicUpsert', 'insertIfNotExists'];
/** idb (Jake Archibald's promise wrapper): `openDB()` databases write with `db.put(store, value)`, `tx.store.add(value)`. */
export const IDB_MODULES = /^idb$/;
export const IDB_OPEN_FUNCTIONS: readonly string[] = ['openDB', 'openDb'];
/** localForage and its instances (`localforage.createInstance({ name })`). */
export const LOCALFORAGE_MODULES = /^localforage$/i;
/** Persisted state: zustand's `persist` middleware, redux-persist's `persistReducer`. */
export const ZUSTAND_MIDDLEWARE_MODULES = /^zustand\/middleware$/;
export const REDUX_PERSIST_MODULES = /^redux-persist$/;
/** Which browser storage a redux-persist storage module is. */
export const REDUX_PERSIST_STORAGES: Readonly<Record<string, string>> = {
  'redux-persist/lib/storage': 'localStorage',
  'redux-persist/es/storage': 'localStorage',
  'redux-persist/lib/storage/session': 'sessionStorage',
  'redux-persist/es/storage/session': 'sessionStorage',
  'redux-persist-indexeddb-storage': 'IndexedDB',
  localforage: 'IndexedDB',
};
/**
 * Encryption at rest for these stores: crypto-pouch's `db.crypto(password)`, Dexie's encryption add-ons,
 * RxDB's encryption plugins, redux-persist's encrypt transform, SQLCipher. A store opened with one is not reported.
 */
export const STORE_ENCRYPTION_MODULES = /^(crypto-pouch|transform-pouch|comdb|pouchdb-crypt.*|dexie-encrypted|dexie-easy-encrypt|@dexie\/encrypt.*|rxdb\/plugins\/encryption.*|redux-persist-transform-encrypt|@craftzdog\/react-native-sqlite-storage-sqlcipher|@journeyapps\/sqlcipher|secure-ls|localforage-encrypt.*|encrypt-storage)$/;
export const STORE_ENCRYPTION_METHODS: readonly string[] = ['crypto', 'encrypt', 'setPassword'];
/** Words in a custom storage's name that say it encrypts (`encryptedStorage`, `secureStore`). */
export const ENCRYPTED_STORAGE_NAME = /encrypt|crypt|secure|cipher|sealed|vault/i;

// DHIS2 tracker queries, for the URL rule.

/**
 * DHIS2's tracker API searches tracked entities (people: patients, clients, cases) with GET requests whose
 * `filter` (or older `attribute`) parameter carries attribute values as `<attribute>:EQ:<value>` — the
 * names, birth dates, phone numbers and national ids a user typed into a search or registration form.
 * The app runtime (`querySingleResource`, `useDataQuery`) turns a query object's `params` into that URL.
 */
export const DHIS2_TRACKER_RESOURCES = /^\/?(api\/)?(\d+\/)?(tracker\/trackedEntities|trackedEntityInstances(\/query)?)(\.json)?$/;
/** Query-object keys whose value carries tracked-entity attribute values. */
export const DHIS2_ATTRIBUTE_FILTER_KEYS: readonly string[] = ['filter', 'attribute'];
/** Keys only DHIS2 tracker queries use: beside a `filter`, they make the object a tracker query. */
export const DHIS2_TRACKER_QUERY_KEYS: readonly string[] = ['trackedEntityType', 'trackedEntity', 'orgUnitMode', 'ouMode'];
/** A `fields` selection naming tracked-entity fields (`'attributes,enrollments,trackedEntity'`) marks a tracker query too. */
export const DHIS2_TRACKER_FIELDS = /\btrackedEntit(y|ies|yInstance)\b/;

/**
 * React effects: their callback runs after render, so it sees state as the component's handlers leave
 * it (`setDraft(patient)` in a handler, then `localStorage.setItem('d', JSON.stringify(draft))` in the effect).
 */
export const EFFECT_HOOKS: readonly string[] = ['useEffect', 'React.useEffect', 'useLayoutEffect', 'React.useLayoutEffect'];
/** State hooks whose second element sets the state: `[draft, setDraft] = useState()`, `[state, dispatch] = useReducer(reducer, …)`. */
export const SETTER_STATE_HOOKS: readonly string[] = ['useState', 'React.useState', 'useReducer', 'React.useReducer'];

// On-device databases of mobile, hybrid and desktop apps (React Native, Expo, Ionic/Capacitor, Cordova,
// Electron), for the storage rules: the whole store sits in a file on the device, so a store opened
// without a key holds every record it syncs in clear text (a lost or rooted phone, an OS backup, a debug export).

/**
 * Realm (`new Realm({ schema, path })`, `Realm.open(config)`, `realm.writeCopyTo(config)`), and react-native-database, whose
 * `Database` class opens a Realm with the configuration it is given (`new Database({ schema })`).
 */
export const REALM_MODULES = /^(?:realm|react-native-database)$/;
/** @realm/react: `createRealmContext(config)` and `<RealmProvider schema={…} encryptionKey={…}>` open the same database. */
export const REALM_REACT_MODULES = /^@realm\/react$/;
/** Realm methods whose first argument names an object type of the database (`realm.objects('Patient')`). */
export const REALM_TYPE_METHODS: readonly string[] = ['objects', 'create', 'objectForPrimaryKey'];
/** SQLite bindings of React Native, Expo, Capacitor and Cordova, and the functions that open a database. */
export const DEVICE_SQLITE_MODULES = /^(react-native-sqlite-storage|expo-sqlite(\/.*)?|@capacitor-community\/sqlite|cordova-sqlite-storage|@op-engineering\/op-sqlite|react-native-quick-sqlite|@journeyapps\/react-native-quick-sqlite|react-native-nitro-sqlite)$/;
export const DEVICE_SQLITE_OPEN_FUNCTIONS: readonly string[] = ['openDatabase', 'openDatabaseSync', 'openDatabaseAsync', 'open', 'createConnection'];
/** TypeORM drivers that keep the database in a file on the device (or the desktop app's disk). */
export const TYPEORM_DEVICE_DRIVERS: readonly string[] = ['react-native', 'expo', 'capacitor', 'cordova', 'nativescript', 'sqlite', 'better-sqlite3'];
/** TypeORM driver types that exist only on devices: an options object with one of them is a device database wherever it is opened. */
export const TYPEORM_MOBILE_ONLY_DRIVERS: readonly string[] = ['react-native', 'expo', 'capacitor', 'cordova', 'nativescript'];
/** WatermelonDB (`new Database({ adapter, modelClasses })`, `tableSchema({ name, columns })`): SQLite or LokiJS, no encryption option. */
export const WATERMELON_MODULES = /^@nozbe\/watermelondb(\/.*)?$/;
/** Options of these stores that give them a key (SQLCipher's `key`, op-sqlite's and Realm's `encryptionKey`). */
export const DEVICE_DB_KEY_OPTIONS: readonly string[] = ['encryptionKey', 'key', 'password', 'passphrase', 'cipher', 'cipherKey', 'encrypted', 'encryption'];
/** react-native-mmkv (`new MMKV({ id, encryptionKey })`, `createMMKV(…)`), a file-backed key-value store. */
export const MMKV_MODULES = /^react-native-mmkv$/;
export const MMKV_FACTORIES: readonly string[] = ['MMKV', 'createMMKV'];
/** electron-store (`new Store({ encryptionKey })`, its default export): a JSON file in the desktop app's user-data folder. */
export const ELECTRON_STORE_MODULES = /^electron-store$/;
/** React Native's AsyncStorage: plain files or SQLite, unencrypted. expo-secure-store is the safe store and is never reported. */
export const ASYNC_STORAGE_MODULES = /^(@react-native-async-storage\/async-storage|@react-native-community\/async-storage)$/;
export const ASYNC_STORAGE_WRITE_METHODS: readonly string[] = ['setItem', 'mergeItem'];
/**
 * Words of an entity, table or schema name that make it a care subject's record besides the PHI names
 * (`Patient`, `Encounter`, `Observation`): community-health platforms call the patient an individual, a
 * subject or a beneficiary, and record their enrolments in programmes.
 */
export const CARE_SUBJECT_ENTITY_WORDS: readonly string[] = ['individual', 'individuals', 'subject', 'subjects', 'beneficiary', 'beneficiaries', 'enrolment', 'enrolments', 'enrollment', 'enrollments'];
/** Last words of an entity name that make it a catalogue or a link table, not a record (`EncounterType`, `SubjectTypeSetting`). */
export const ENTITY_CATALOGUE_WORDS: readonly string[] = [
  'type', 'types', 'definition', 'definitions', 'template', 'templates', 'form', 'forms', 'mapping', 'mappings', 'config', 'configuration',
  'setting', 'settings', 'status', 'statuses', 'concept', 'concepts', 'metadata', 'category', 'categories', 'assignment', 'assignments',
  'translation', 'translations', 'sync', 'queue', 'rule', 'rules', 'privilege', 'privileges', 'role', 'roles', 'group', 'groups',
];
/**
 * Ionic Storage (`new Storage()`, an injected `Storage`): IndexedDB, SQLite or localStorage, unencrypted
 * without Ionic's enterprise encryption driver. ionic-cache's `CacheService` keeps what an observable emits,
 * a promise resolves to or an item it is given in Ionic Storage: the argument at the index for each method.
 */
export const IONIC_STORAGE_MODULES = /^@ionic\/storage(-angular)?$/;
export const IONIC_STORAGE_WRITE_METHODS: readonly string[] = ['set'];
export const IONIC_CACHE_MODULES = /^ionic-cache$/;
export const IONIC_CACHE_WRITES: Readonly<Record<string, number>> = { loadFromObservable: 1, loadFromDelayedObservable: 1, saveItem: 1, getOrSetItem: 1 };
/** Modules that make Ionic Storage encrypt (Ionic's secure storage driver). */
export const IONIC_SECURE_STORAGE_MODULES = /^@ionic-enterprise\/(secure-storage|identity-vault)/;
