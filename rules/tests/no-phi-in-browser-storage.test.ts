import { runRuleTests } from './rule-tester';

runRuleTests('no-phi-in-browser-storage', {
  valid: [
    {
      name: "a web storage service's setObject of a staff user's settings and an opaque id",
      filename: 'src/app/settings/settings.component.ts',
      code: "export class SettingsComponent {\n  constructor(private sessionStorageService: any) {}\n  visitDate = '';\n  save(settings: { theme: string; pageSize: number }, patient: { uuid: string }) {\n    this.sessionStorageService.setObject('retroSettings', settings);\n    this.sessionStorageService.setObject('patientUuid', patient.uuid);\n    this.localStorageService.setItem('retroVisitDate', this.visitDate);\n  }\n}",
    },
    // a catalogue entry (code, display, system, price) and an observation's question alone are no one's clinical record
    {"name": "a procedure catalogue entry and an observation's question kept as drafts", "filename": "src/orders/catalogue-cache.ts", "code": "type ProcedureOption = { procedureCode: string; display: string; system: string; price: number };\ntype QuestionDraft = { observationCode: string; label: string };\nexport function remember(option: ProcedureOption, question: QuestionDraft) {\n  localStorage.setItem('lastOption', JSON.stringify(option));\n  localStorage.setItem('lastQuestion', JSON.stringify(question));\n}"},
    {"name": "Cache Storage keeping the app shell, translations and an uploaded form template", "filename": "src/offline.ts", "code": "export async function precache(urls: string[]) {\n  const cache = await caches.open('app-shell');\n  await cache.addAll(['/index.html', '/assets/i18n/en.json', '/api/settings']);\n  await cache.add('/api/locations');\n  await Promise.all(urls.map((url) => cache.add(url)));\n  caches.open('templates').then((store) => store.put('/assets/logo.svg', new Response('<svg></svg>')));\n}"},
    {"name": "Angular service worker data groups caching translations, settings and a message feed; a generated ngsw.json; dataGroups in another JSON file", "filename": "ngsw-config.json", "code": "{\n  \"index\": \"/index.html\",\n  \"dataGroups\": [\n    {\n      \"name\": \"i18n\",\n      \"urls\": [\n        \"/assets/i18n/**\",\n        \"/api/settings/**\",\n        \"/api/locations\"\n      ],\n      \"cacheConfig\": {\n        \"maxSize\": 10,\n        \"maxAge\": \"1d\",\n        \"strategy\": \"performance\"\n      }\n    }\n  ]\n}"},
    {"name": "generated service worker manifest (patterns, not urls)", "filename": "dist/ngsw.json", "code": "{\n  \"configVersion\": 1,\n  \"dataGroups\": [\n    {\n      \"name\": \"api\",\n      \"patterns\": [\n        \"\\\\/api\\\\/patients\\\\/.*\"\n      ],\n      \"strategy\": \"freshness\",\n      \"maxSize\": 10,\n      \"maxAge\": 0\n    }\n  ]\n}"},
    {"name": "dataGroups of a JSON file that is not a service worker configuration", "filename": "config/report-groups.json", "code": "{\n  \"dataGroups\": [\n    {\n      \"name\": \"x\",\n      \"urls\": [\n        \"/api/patients/**\"\n      ]\n    }\n  ]\n}"},
    // a field the method has just set to a constant holds that constant, whatever its name says (a staff user's time setting)
    "export class EntrySettings {\n  visitTime = '';\n  onTimeStateChanged(state: string) {\n    this.visitTime = state === '1' ? '' : '04:44:44';\n    localStorage.setItem('entry-time', this.visitTime);\n  }\n}",
    {"name": "AngularJS storage services keeping a setting, an opaque id and a token", "filename": "app/scripts/controllers/prefs.js", "code": "angular.module('app').controller('PrefsCtrl', ['$scope', 'localStorageService', '$localStorage', function ($scope, localStorageService, $localStorage) {\n  localStorageService.set('theme', 'dark');\n  localStorageService.set('selectedPatientId', $scope.patient.id);\n  $localStorage.token = $scope.token;\n  $localStorage.$default({ pageSize: 20 });\n}]);"},
    {"name": "An empty object set on a controller's patient field is a placeholder: the controller's other fields (search filters) are not a patient record", "filename": "app/js/controllers/registry.js", "code": "function RegistryCtrl(Registry) {\n  const vm = this;\n  vm.patient = {};\n  vm.changes = {};\n  function onRemoveFilter(key) {\n    vm.changes = Registry.removeFilters(key, vm.changes);\n    localStorage.setItem('registry-changes', JSON.stringify(vm.changes));\n  }\n  return onRemoveFilter;\n}"},
    {"name": "Objects an AngularJS storage service hands out keeping settings; a service that only reads from storage is no storage", "filename": "app/js/services/settings.js", "code": "angular.module('app').service('AppCache', AppCache);\nfunction AppCache($localStorage, $sessionStorage) {\n  return function namespace(name, temp) {\n    const storage = temp === true ? $sessionStorage : $localStorage;\n    storage[name] = storage[name] || {};\n    return storage[name];\n  };\n}\nangular.module('app').service('Session', Session);\nfunction Session($sessionStorage) {\n  const $storage = $sessionStorage['client-session'];\n  function user() {\n    return $storage.user;\n  }\n  return { user };\n}\nfunction Prefs(AppCache, Session, patient) {\n  const cache = new AppCache('settings');\n  cache.language = 'fr';\n  cache.pageSize = 20;\n  const session = Session();\n  session.patientName = patient.name;\n}"},
    {"name": "electron-store with an encryption key, and one holding window settings", "filename": "src/main/store.ts", "code": "import Store from 'electron-store';\ndeclare const key: string; declare const patient: { dateOfBirth: string };\nconst records = new Store({ name: 'records', encryptionKey: key });\nrecords.set('dob', patient.dateOfBirth);\nconst prefs = new Store();\nprefs.set('windowBounds', { width: 800, height: 600 });"},
    {"name": "@realm/react with an encryption key, or holding settings", "filename": "src/App.tsx", "code": "import { RealmProvider, createRealmContext } from '@realm/react';\nimport { Patient } from './models/Patient';\nimport { Setting } from './models/Setting';\ndeclare const key: ArrayBuffer;\nexport const Ctx = createRealmContext({ schema: [Patient], encryptionKey: key });\nexport const App = ({ children }: { children: React.ReactNode }) => <RealmProvider schema={[Patient]} encryptionKey={key}><RealmProvider schema={[Setting]}>{children}</RealmProvider></RealmProvider>;"},
    // Ionic Storage and ionic-cache without PHI, and a DOM Storage that is not Ionic's
    {"name": "ionic-cache of a settings request, Ionic Storage of a preference, and a DOM Storage field not from Ionic", "filename": "src/app/settings.service.ts", "code": "import { Injectable } from '@angular/core';\nimport { HttpClient } from '@angular/common/http';\nimport { CacheService } from 'ionic-cache';\nimport { Storage } from '@ionic/storage-angular';\ninterface AppSettings { theme: string; pageSize: number }\n@Injectable()\nexport class SettingsService {\n  constructor(private http: HttpClient, private cache: CacheService, private storage: Storage) {}\n  load() {\n    const request = this.http.get<AppSettings>('/api/settings');\n    this.storage.set('theme', 'dark');\n    return this.cache.loadFromObservable('settings', request);\n  }\n}"},
    {"name": "a field typed as the DOM's Storage in a file that does not import Ionic", "filename": "src/app/draft.service.ts", "code": "declare const patient: { dateOfBirth: string };\nexport class DraftService {\n  constructor(private storage: Storage) {}\n  keep() { (this.storage as any).set('dob', patient.dateOfBirth); }\n}"},
    // on-device stores of mobile and desktop apps that stay silent: keyed, catalogue-only, unknown, safe stores, tests
    {"name": "Realm opened with an encryption key from a variable", "filename": "src/db/realm.ts", "code": "import Realm from 'realm';\ndeclare const key: ArrayBuffer;\nconst PatientSchema = { name: 'Patient', properties: { _id: 'string', birthDate: 'date' } };\nexport const realm = new Realm({ schema: [PatientSchema], encryptionKey: key });"},
    {"name": "Realm whose key depends on a setting (a deployment choice the code cannot see)", "filename": "src/db/realm.ts", "code": "import Realm from 'realm';\ndeclare const settings: { encrypt: boolean }; declare const key: ArrayBuffer;\nexport const realm = await Realm.open({ schema: [{ name: 'Patient', properties: { _id: 'string' } }], encryptionKey: settings.encrypt ? key : undefined });"},
    {"name": "Realm options given a key elsewhere in the file", "filename": "src/db/factory.ts", "code": "import Realm from 'realm';\ndeclare function keyFromKeychain(): ArrayBuffer | undefined;\nconst config: Realm.Configuration = { schema: [{ name: 'Individual', properties: { uuid: 'string' } }] };\nexport function open() {\n  const key = keyFromKeychain();\n  if (key) config.encryptionKey = key;\n  return new Realm(config);\n}"},
    {"name": "Realm holding settings and catalogues only, or kept in memory", "filename": "src/db/settings.ts", "code": "import Realm from 'realm';\nconst SettingSchema = { name: 'Setting', properties: { theme: 'string' } };\nconst EncounterTypeSchema = { name: 'EncounterType', properties: { uuid: 'string', display: 'string' } };\nexport const settings = new Realm({ schema: [SettingSchema, EncounterTypeSchema] });\nexport const scratch = new Realm({ schema: [{ name: 'Patient', properties: { _id: 'string' } }], inMemory: true });"},
    {"name": "Realm options built by another module (what it holds is not visible)", "filename": "src/db/open.ts", "code": "import Realm from 'realm';\nimport { realmConfig } from './config';\nexport const realm = new Realm(realmConfig());"},
    {"name": "a class of the app named Realm, not the realm package", "filename": "src/db/local.ts", "code": "import Realm from './realm-wrapper';\nexport const realm = new Realm({ schema: [{ name: 'Patient', properties: { _id: 'string' } }] });"},
    {"name": "expo-sqlite opened with SQLCipher's PRAGMA key", "filename": "src/db/sqlite.ts", "code": "import * as SQLite from 'expo-sqlite';\ndeclare const passphrase: string;\nconst db = SQLite.openDatabaseSync('clinic.db');\ndb.execSync(`PRAGMA key = '${passphrase}'`);\ndb.execSync('CREATE TABLE IF NOT EXISTS patients (id TEXT PRIMARY KEY, date_of_birth TEXT)');"},
    {"name": "react-native-sqlite-storage (SQLCipher build) opened with a key", "filename": "src/db/sqlite.ts", "code": "import SQLite from 'react-native-sqlite-storage';\ndeclare const dbKey: string;\nexport const db = SQLite.openDatabase({ name: 'clinic.db', location: 'default', key: dbKey });\nexport const create = 'CREATE TABLE patients (id TEXT, first_name TEXT, date_of_birth TEXT)';"},
    {"name": "SQLite holding a cache of settings and sync metadata", "filename": "src/db/cache.ts", "code": "import * as SQLite from 'expo-sqlite';\nconst db = SQLite.openDatabaseSync('cache.db');\ndb.execSync('CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT)');\ndb.execSync('CREATE TABLE IF NOT EXISTS sync_status (entity TEXT, last_synced TEXT)');"},
    {"name": "Capacitor SQLite connection opened encrypted (or with an encryption flag from settings)", "filename": "src/db/capacitor.ts", "code": "import { CapacitorSQLite, SQLiteConnection } from '@capacitor-community/sqlite';\ndeclare const encrypt: boolean;\nconst sqlite = new SQLiteConnection(CapacitorSQLite);\nexport const a = await sqlite.createConnection('clinic', true, 'secret', 1, false);\nexport const b = await sqlite.createConnection('clinic2', encrypt, 'secret', 1, false);\nexport const ddl = 'CREATE TABLE patients (id TEXT, date_of_birth TEXT)';"},
    {"name": "TypeORM device database with a SQLCipher key, with entities not visible, or a server database", "filename": "src/db/orm.ts", "code": "import { DataSource } from 'typeorm';\nimport { Patient } from './entities/Patient';\nimport { MODELS } from './models';\ndeclare const dbKey: string;\nexport const keyed = new DataSource({ type: 'react-native', database: 'clinic', location: 'default', entities: [Patient], extra: { key: dbKey } });\nexport const unknown = new DataSource({ type: 'react-native', database: 'clinic', location: 'default', entities: MODELS });\nexport const server = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [Patient] });"},
    {"name": "MMKV with an encryption key, and MMKV holding preferences", "filename": "src/storage.ts", "code": "import { MMKV } from 'react-native-mmkv';\ndeclare const key: string; declare const patient: { dateOfBirth: string };\nexport const secure = new MMKV({ id: 'patients', encryptionKey: key });\nsecure.set('dob', patient.dateOfBirth);\nexport const prefs = new MMKV({ id: 'prefs' });\nprefs.set('theme', 'dark');\nprefs.set('lastSync', Date.now());"},
    {"name": "MMKV stores of another module: one with an encryption key, one with options held in a variable (they may carry a key), one re-encrypted; a settings value in an unencrypted one", "filename": "src/recoil/persons.js", "code": "import { secure, configured, recrypted, plain } from '../services/storage';\nimport { atom } from 'recoil';\nexport const personsState = atom({\n  key: 'personsState',\n  default: [],\n  effects: [({ onSet }) => onSet((persons) => secure.set('person', JSON.stringify(persons)))],\n});\nexport function keep(patient, entries) {\n  configured.set('patient', JSON.stringify(patient));\n  recrypted.set('patient', JSON.stringify(patient));\n  plain.set('theme', 'dark');\n  plain.set('lastRefresh', Date.now());\n  plain.set('territory-observation', JSON.stringify(entries));\n  localStorage.setItem('regionObservations', JSON.stringify(entries));\n  plain.set('relPersonPlace', JSON.stringify(entries));\n}", "workspace": {"src/services/storage.js": "import { MMKV } from 'react-native-mmkv';\nimport { options, key } from './config';\nexport const secure = new MMKV({ id: 'persons', encryptionKey: key });\nexport const configured = new MMKV(options);\nexport const plain = new MMKV();\n", "src/services/other.js": "import { MMKV } from 'react-native-mmkv';\nexport const recrypted = new MMKV();\nrecrypted.recrypt(getKey());\n"}},
    {"name": "expo-secure-store is the safe store, and AsyncStorage keeps an opaque id or a setting", "filename": "src/session.ts", "code": "import * as SecureStore from 'expo-secure-store';\nimport AsyncStorage from '@react-native-async-storage/async-storage';\ndeclare const patient: { id: string; dateOfBirth: string; ssn: string };\nawait SecureStore.setItemAsync('patient', JSON.stringify(patient));\nawait AsyncStorage.setItem('selectedPatientId', patient.id);\nawait AsyncStorage.setItem('theme', 'dark');"},
    {"name": "an unencrypted device database in a test file", "filename": "src/__tests__/realm.test.ts", "code": "import Realm from 'realm';\nimport { describe, it } from 'vitest';\ndescribe('db', () => { it('opens', () => { new Realm({ schema: [{ name: 'Patient', properties: { _id: 'string', birthDate: 'date' } }] }); }); });"},
    {"name": "TypeORM device database whose entity list, imported from another module, holds settings and catalogues only, or carries a SQLCipher key", "filename": "src/db/index.ts", "code": "import { DataSource } from 'typeorm';\nimport { MODELS_ARRAY } from '~/models/modelsMap';\ndeclare const dbKey: string;\nexport const db = new DataSource({ type: 'react-native', database: 'clinic', location: 'default', entities: MODELS_ARRAY });\nexport const keyed = new DataSource({ type: 'react-native', database: 'clinic2', location: 'default', entities: MODELS_ARRAY, extra: { key: dbKey } });", "workspace": {"src/models/modelsMap.ts": "import { Setting } from './Setting';\nimport { Facility } from './Facility';\nimport { ReferenceData } from './ReferenceData';\nexport const MODELS_MAP = { Setting, Facility, ReferenceData };\nexport const MODELS_ARRAY = Object.values(MODELS_MAP);"}},
    {"name": "a Realm configuration imported from the schema module with an encryption key, or an alias two modules could answer", "filename": "src/database/BaseDatabase.js", "code": "import { Database } from 'react-native-database';\nimport { schema } from './schema';\nimport { MODELS } from '@/models';\nexport const db = new Database(schema);\nexport const other = new Database({ schema: MODELS });", "workspace": {"src/database/schema.js": "import { Patient, Encounter } from './DataTypes';\nimport { key } from './key';\nexport const schema = { schema: [Patient, Encounter], schemaVersion: 3, encryptionKey: key };", "src/app/models.js": "import { Patient } from './Patient';\nimport { Encounter } from './Encounter';\nexport const MODELS = [Patient, Encounter];", "src/web/models.js": "import { Patient } from './Patient';\nimport { Visit } from './Visit';\nexport const MODELS = [Patient, Visit];"}},
    {"name": "a Database class of the app's own (not react-native-database) given an imported model list", "filename": "src/db/open.js", "code": "import { Database } from './database';\nimport { schema } from './schema';\nexport const db = new Database(schema);", "workspace": {"src/db/schema.js": "import { Patient, Encounter } from './models';\nexport const schema = { schema: [Patient, Encounter] };"}},
    {"name": "WatermelonDB and Realm given model lists imported from modules that list settings and catalogues only", "filename": "src/db/open.ts", "code": "import Realm from 'realm';\nimport { Database } from '@nozbe/watermelondb';\nimport SQLiteAdapter from '@nozbe/watermelondb/adapters/sqlite';\nimport { schema } from './schema';\nimport { modelClasses, catalogue } from './models';\nexport const database = new Database({ adapter: new SQLiteAdapter({ schema }), modelClasses });\nexport const realm = new Realm({ schema: catalogue });", "workspace": {"src/db/models.ts": "import Setting from './model/Setting';\nimport Clinic from './model/Clinic';\nimport Drug from './model/Drug';\nexport const modelClasses = [Setting, Clinic];\nexport const catalogue = [Clinic, Drug];"}},
    {"name": "a device database whose entities are the workforce's and organisations' records (an insurer, the staff who administer medicines)", "filename": "src/db/realm.ts", "code": "import Realm from 'realm';\nimport { InsuranceProvider } from './models/InsuranceProvider';\nimport { MedicineAdministrator } from './models/MedicineAdministrator';\nexport const realm = new Realm({ schema: [InsuranceProvider, MedicineAdministrator] });"},
    {"name": "WatermelonDB whose adapter, built by a helper of the file, is given an encryption passphrase", "filename": "src/db/index.ts", "code": "import { Database } from '@nozbe/watermelondb';\nimport SQLiteAdapter from '@nozbe/watermelondb/adapters/sqlite';\nimport schema from './schema';\nimport Patient from './model/Patient';\nimport Visit from './model/Visit';\ndeclare const passphrase: string;\nfunction createAdapter() {\n  return new SQLiteAdapter({ dbName: 'clinic', schema, encryptionPassphrase: passphrase });\n}\nexport const database = new Database({ adapter: createAdapter(), modelClasses: [Patient, Visit] });"},
    {"name": "WatermelonDB holding settings only", "filename": "src/db/watermelon.ts", "code": "import { Database, appSchema, tableSchema } from '@nozbe/watermelondb';\nimport SQLiteAdapter from '@nozbe/watermelondb/adapters/sqlite';\nconst schema = appSchema({ version: 1, tables: [tableSchema({ name: 'settings', columns: [{ name: 'theme', type: 'string' }] })] });\nexport const database = new Database({ adapter: new SQLiteAdapter({ schema }), modelClasses: [] });"},
    // ionic-cache / Ionic Storage holding no patient data, or methods of the same name from elsewhere
    {"name": "ionic-cache and Ionic Storage keeping settings, a location list and a theme (no patient route)", "filename": "src/app/settings.service.ts", "code": "import { HttpClient } from '@angular/common/http';\nimport { CacheService } from 'ionic-cache';\nimport { Storage } from '@ionic/storage';\nexport class SettingsService {\n  constructor(private http: HttpClient, private cache: CacheService, private storage: Storage) {}\n  load() {\n    this.cache.loadFromObservable('settings', this.http.get('/api/settings'));\n    this.cache.loadFromObservable('locations', this.http.get('/api/locations'));\n    this.storage.set('theme', 'dark');\n  }\n}"},
    {"name": "loadFromObservable and storage.set in a file that imports neither ionic-cache nor Ionic Storage", "filename": "src/app/other.ts", "code": "import { HttpClient } from '@angular/common/http';\nexport class Other {\n  constructor(private http: HttpClient, private cache: any, private storage: any) {}\n  load(uuid: string) {\n    const encounters = this.http.get('/api/patient/' + uuid + '/encounters');\n    this.cache.loadFromObservable('e', encounters);\n    this.storage.set('e', encounters);\n  }\n}"},
    {"name": "a storage key named for a referral or visit, holding an id, a programme or a care location", "filename": "src/referral.ts", "code": "declare const programUuid: string; declare const activeProgram: string; declare const form: { control: { value: string } };\nlocalStorage.setItem('referralProgram', programUuid);\nlocalStorage.setItem('visitProgram', activeProgram);\nlocalStorage.setItem('referralLocation', form.control.value);"},
    // TanStack Query cache persisters that keep no PHI: picked by key, encrypted, in memory
    {"name": "a persisted query client whose filter keeps only queries picked by key (settings, metadata)", "filename": "src/providers.tsx", "code": "import { QueryClient } from '@tanstack/react-query';\nimport { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';\nimport { createSyncStoragePersister } from '@tanstack/query-sync-storage-persister';\nconst queryClient = new QueryClient();\nconst persister = createSyncStoragePersister({ storage: window.localStorage });\nexport const App = ({ children }: { children: React.ReactNode }) => (\n  <PersistQueryClientProvider client={queryClient} persistOptions={{ persister, dehydrateOptions: { shouldDehydrateQuery: (query) => query.queryKey[0] === 'settings' } }}>{children}</PersistQueryClientProvider>\n);"},
    {"name": "a query-cache persister that encrypts what it stores", "filename": "src/persist.ts", "code": "import { QueryClient } from '@tanstack/react-query';\nimport { persistQueryClient } from '@tanstack/react-query-persist-client';\nimport { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister';\nimport { encryptJson } from './crypto';\nimport { store } from './idb';\nexport const queryClient = new QueryClient();\npersistQueryClient({ queryClient, persister: createAsyncStoragePersister({ storage: store, serialize: (client) => encryptJson(client) }) });"},
    {"name": "a hand-written persister that keeps the cache in memory only, and a persister never handed to a client", "filename": "src/memory.ts", "code": "import type { Persister, PersistedClient } from '@tanstack/react-query-persist-client';\nlet saved: PersistedClient | undefined;\nexport const memoryPersister: Persister = {\n  persistClient: async (client) => { saved = client; },\n  restoreClient: async () => saved,\n  removeClient: async () => { saved = undefined; },\n};\nexport function makeAudit(log: Map<string, unknown>) { return { persistClient: (client: unknown) => log.set('last', client) }; }"},
    // persisted form drafts whose form holds no PHI, or whose persister is not a form-persistence library's
    {
      name: "formik-persist of a settings form (no PHI fields), next to a patient form in the same file",
      filename: "src/Settings.tsx",
      code: "import { Formik, Form, Field } from 'formik';\nimport { Persist } from 'formik-persist';\nexport const Prefs = () => (\n  <Formik initialValues={{ theme: 'light', pageSize: 20 }} onSubmit={() => {}}>\n    <Form><Field name=\"theme\" /><Persist name=\"prefs\" /></Form>\n  </Formik>\n);\nexport const Patient = () => (\n  <Formik initialValues={{ givenName: '', birthDate: '' }} onSubmit={() => {}}><Form><Field name=\"givenName\" /></Form></Formik>\n);",
    },
    {
      name: "a component named Persist that is not formik-persist's",
      filename: "src/Other.tsx",
      code: "import { Persist } from './local-persist';\nimport { Formik } from 'formik';\nexport const X = () => <Formik initialValues={{ givenName: '' }} onSubmit={() => {}}><Persist name=\"x\" /></Formik>;",
    },
    {
      name: "react-hook-form-persist on a search-preferences form",
      filename: "src/Search.tsx",
      code: "import { useForm } from 'react-hook-form';\nimport useFormPersist from 'react-hook-form-persist';\nexport function SearchPrefs() {\n  const { watch, setValue, register } = useForm({ defaultValues: { sortBy: 'date', pageSize: 20 } });\n  useFormPersist('prefs', { watch, setValue, storage: window.localStorage });\n  return <input {...register('sortBy')} />;\n}",
    },
    {
      name: "useLocalStorage setters storing settings, or an updater function",
      filename: "src/usePrefs.ts",
      code: "import { useLocalStorage } from 'usehooks-ts';\nexport function usePrefs(theme: string) {\n  const [, setTheme] = useLocalStorage('theme', 'light');\n  const [, setCount] = useLocalStorage('visits', 0);\n  setTheme(theme);\n  setCount((previous) => previous + 1);\n}",
    },
    {
      // a boolean is a flag whatever the key names: a list filter's yes/no preferences about persons or patients
      name: "flags stored under keys that name persons: a hook that starts as a boolean, negations, comparisons",
      filename: "src/scenes/person/list.js",
      code: "import { useLocalStorage } from '../../services/useLocalStorage';\nexport function PersonList({ persons, filter }) {\n  const [alertness, setAlertness] = useLocalStorage('person-alertness', false);\n  const [allOrg, setAllOrg] = useLocalStorage('person-allOrg', true);\n  setAlertness(!alertness);\n  setAllOrg(filter.value);\n  localStorage.setItem('patientSelected', persons.length > 0);\n  sessionStorage.setItem('patient', !!filter.patient);\n  localStorage.setItem('dob-shown', filter.a === filter.b && !filter.c);\n  return null;\n}",
    },
    {
      // keys held in constants name what they named as literals: settings, a tab, a scroll position under an id
      name: "constant keys naming settings, an enum member naming a tab, a template key of an id and a setting",
      filename: "src/persist.ts",
      code: "enum StorageKeys { Tab = 'tab', Theme = 'theme' }\nconst SETTINGS_KEY = 'uiSettings';\nconst PREFIX = 'layout';\nexport function keep(value: unknown, id: string) {\n  localStorage.setItem(StorageKeys.Tab, String(value));\n  localStorage.setItem(SETTINGS_KEY, JSON.stringify(value));\n  sessionStorage.setItem(`${id}-scroll`, String(value));\n  sessionStorage.setItem(`${PREFIX}-${id}`, String(value));\n}",
    },
    {
      // a value declared as one of a fixed set of codes (an enum of the file, a union of literals) is a tab or a view, whatever the key says
      name: "a selected tab typed with an enum, and a view typed with a literal union, stored under keys naming appointments and patients",
      filename: "src/components/AppointmentTabs.tsx",
      code: "export enum ApptTab { prebooked = 'prebooked', inOffice = 'in-office' }\nexport const SELECTED_TAB_STORAGE_KEY = 'selectedAppointmentTab';\nexport function onChange(_event: unknown, newValue: ApptTab): void {\n  localStorage.setItem(SELECTED_TAB_STORAGE_KEY, JSON.stringify(newValue));\n}\nexport const onView = (view: 'list' | 'grid') => localStorage.setItem('patientView', view);",
    },
    {
      name: "an untyped useFormikContext() in a file whose form holds settings",
      filename: "src/PrefsWizard.jsx",
      code: "import { withFormik, useFormikContext } from 'formik';\nfunction Prefs() {\n  const { values } = useFormikContext();\n  localStorage.setItem('prefs', JSON.stringify(values));\n  return null;\n}\nexport default withFormik({ mapPropsToValues: () => ({ theme: 'light', pageSize: 20 }) })(Prefs);",
    },
    // opaque ids, settings, counts and flags
    "declare const newSort: string, sortType: string;\nlocalStorage.setItem('activePatientSort', JSON.stringify({ sort: newSort, sortType }));",
    "declare const patient: { id: string; ssn: string };\nlocalStorage.setItem('patientId', patient.id);",
    "localStorage.setItem('theme', 'dark');",
    "declare const patients: any[];\nconst patientCount = patients.length;\nsessionStorage.setItem('patientCount', String(patientCount));",
    "declare const isPatientSelected: boolean;\nsessionStorage.setItem('isPatientSelected', String(isPatientSelected));",
    "const DOB_FORMAT = 'YYYY-MM-DD';\nlocalStorage.setItem('dobFormat', DOB_FORMAT);",
    "localStorage.setItem('dob', 'YYYY-MM-DD');",
    "declare const patient: any;\nlocalStorage.setItem(`draft:${patient.id}`, 'pending');",
    "declare const patient: any;\nlocalStorage.setItem('lastResource', patient.resourceType);",
    // sanitised and encrypted values, even under a PHI-named key
    "declare const patient: any;\nlocalStorage.setItem('ssn', redact(patient.ssn));",
    "declare const patient: any;\nlocalStorage.setItem('ssnLast4', maskSsn(patient.ssn));",
    "declare const patient: any;\nsessionStorage.setItem('patient', JSON.stringify(sanitizePatient(patient)));",
    "declare const patient: any;\nconst safe = redactPhi(patient);\nsessionStorage.setItem('patient', JSON.stringify(safe));",
    "declare const patient: any;\nlocalStorage.setItem('ssn', encrypt(patient.ssn));",
    "declare const patient: any; declare const key: CryptoKey;\nconst sealed = await encryptRecord(key, JSON.stringify(patient));\nlocalStorage.setItem('patient', sealed);",
    // reading and removing are not writes
    "const dob = localStorage.getItem('dob');\nlocalStorage.removeItem('ssn');",
    // a cookie without PHI
    "document.cookie = 'theme=dark; path=/';",
    "declare const sessionId: string;\ndocument.cookie = `sid=${sessionId}; Secure; SameSite=Strict`;",
    // IndexedDB: a record without PHI, and a put on something that is not an object store
    "declare const db: IDBDatabase; declare const patient: any;\ndb.transaction('prefs', 'readwrite').objectStore('prefs').put({ id: patient.id, theme: 'dark' });",
    "declare const store: any; declare const patient: any;\nstore.put(patient);",
    "declare const patient: any;\nconst cache = new Map<string, unknown>();\ncache.set('patient', patient);",
    // a server-side key-value store named like storage is not the browser's
    "declare const storage: any; declare const patient: any;\nstorage.setItem('x', patient.id);",
    // idb-keyval: opaque ids, redacted values; a `set` that is not idb-keyval's (lodash, a local helper)
    "import { set, update } from 'idb-keyval';\ndeclare const patient: any;\nawait set('patientId', patient.id);\nawait set('ssn', redact(patient.ssn));\nawait update('visitCount', (count = 0) => count + 1);",
    "import { set } from 'lodash';\ndeclare const form: any; declare const patient: any;\nset(form, 'patient.ssn', patient.ssn);",
    "declare function set(key: string, value: unknown): void; declare const patient: any;\nset('patient', patient);",
    // Dexie: a record without PHI, an encrypted record; a server-side `db` in a file that does not import Dexie
    "import Dexie from 'dexie';\ndeclare const patient: any; declare const key: CryptoKey;\nconst db = new Dexie('clinic');\nawait db.settings.put({ id: 'theme', value: 'dark' });\nawait db.patients.put({ id: patient.id, payload: await encryptRecord(key, JSON.stringify(patient)) });",
    "import { db } from './server/db';\ndeclare const patient: any;\nawait db.patients.add(patient);",
    // PouchDB: a remote CouchDB is a server, not browser storage; put on something that is not PouchDB
    "import PouchDB from 'pouchdb-browser';\ndeclare const patient: any;\nconst remoteDb = new PouchDB('https://couch.clinic.example/patients');\nawait remoteDb.put({ _id: patient.id, ...patient });\nawait remoteDb.bulkDocs([patient]);",
    "declare const cache: any; declare const patient: any;\nawait cache.post(patient);",
    // service-worker caching of routes that hold no patient records, a strategy that never caches, a pattern not known
    {"name": "Workbox caching static assets, settings and concepts; patient routes left to NetworkOnly", "filename": "src/service-worker.ts", "code": "import { registerRoute } from 'workbox-routing';\nimport { CacheFirst, NetworkFirst, NetworkOnly, StaleWhileRevalidate } from 'workbox-strategies';\nregisterRoute(/\\.(?:png|svg|js|css)$/, new CacheFirst());\nregisterRoute('/api/settings', new StaleWhileRevalidate());\nregisterRoute(/\\/ws\\/rest\\/v1\\/concept/, new NetworkFirst());\nregisterRoute(/\\/api\\/patients\\//, new NetworkOnly());\nregisterRoute('/api/patients/count', new NetworkFirst());"},
    {"name": "OpenMRS service worker: a route of translations registered for caching, and a message that registers nothing", "filename": "src/offline.ts", "code": "import { messageOmrsServiceWorker } from '@openmrs/esm-framework';\ndeclare const identifier: string; declare const pattern: string;\nawait messageOmrsServiceWorker({ type: 'registerDynamicRoute', pattern: `/ws/rest/v1/module/translations/${identifier}` });\nawait messageOmrsServiceWorker({ type: 'clearDynamicRoutes', pattern: `/ws/fhir2/R4/Patient/${identifier}` });\nawait messageOmrsServiceWorker({ type: 'registerDynamicRoute', pattern });"},
    {"name": "a registerRoute that is not Workbox's", "filename": "src/router.ts", "code": "import { registerRoute } from './my-router';\nclass NetworkFirst {}\nregisterRoute('/api/patients/', new NetworkFirst());"},
    // OpenMRS offline queue with ids only
    "import { queueSynchronizationItem } from '@openmrs/esm-framework';\ndeclare const encounter: any;\nawait queueSynchronizationItem('visit', { visitUuid: encounter.uuid, patientUuid: encounter.patient.uuid });",
    // offline databases, persisted state and form drafts that hold no PHI, or are encrypted, in memory or remote
    {"name":"relational-pouch write on a remote CouchDB","code":"import PouchDB from 'pouchdb';\ndeclare const patient: any;\nconst serverDb = new PouchDB('https://couch.clinic.example/clinic');\nawait serverDb.rel.save('patient', patient);"},
    {"name":"a generic repository no workspace type instantiates with PHI","code":"export class Repository<T> {\n  db!: PouchDB.RelDatabase;\n  async save(entity: T) { await this.db.rel.save('setting', { ...entity }); }\n}","workspace":{"src/settings-repo.ts":"class SettingsRepository extends Repository<Setting> {}","src/setting.ts":"export interface Setting { theme: string; pageSize: number }"}},
    {"name":"an in-memory PouchDB keeps nothing on the device","code":"import PouchDB from 'pouchdb';\nconst testDb = new PouchDB('clinic', { adapter: 'memory' });\nexport const rel = testDb.setSchema([{ singular: 'patient', plural: 'patients' }]);"},
    {"name":"a local PouchDB encrypted with crypto-pouch","code":"import PouchDB from 'pouchdb';\nimport CryptoPouch from 'crypto-pouch';\nPouchDB.plugin(CryptoPouch);\ndeclare const patient: any; declare const passphrase: string;\nconst localDb = new PouchDB('clinic');\nawait localDb.crypto(passphrase);\nexport const rel = localDb.setSchema([{ singular: 'patient', plural: 'patients' }]);\nawait localDb.put({ _id: patient.id, ...patient });"},
    {"name":"a local PouchDB whose schema declares no PHI","code":"import PouchDB from 'pouchdb';\nconst localDb = new PouchDB('settings');\nexport const rel = localDb.setSchema([{ singular: 'setting', plural: 'settings' }, { singular: 'theme' }]);"},
    {"name":"Dexie with an encryption add-on","code":"import Dexie from 'dexie';\nimport { applyEncryptionMiddleware } from 'dexie-encrypted';\ndeclare const patient: any; declare const key: Uint8Array;\nconst db = new Dexie('clinic');\napplyEncryptionMiddleware(db, key, {}, async () => {});\nawait db.patients.put(patient);"},
    {"name":"RxDB: a document without PHI; insert on a query builder in a file without RxDB","code":"import { createRxDatabase } from 'rxdb';\ndeclare const patient: any;\nconst db = await createRxDatabase({ name: 'clinic', storage: null as any });\nawait db.settings.insert({ id: 'theme', value: 'dark' });"},
    {"name":"knex insert is a server database, not RxDB","code":"declare const knex: any; declare const patient: any;\nawait knex('patients').insert(patient);"},
    {"name":"idb: a record without PHI; a put on a Map","code":"import { openDB } from 'idb';\ndeclare const patient: any;\nconst db = await openDB('clinic', 1);\nawait db.put('prefs', { id: 'theme', value: 'dark' });\nconst cache = new Map();\ncache.set('p', patient);"},
    {"name":"zustand persist of UI state only","code":"import { create } from 'zustand';\nimport { persist } from 'zustand/middleware';\ntype UiState = { theme: string; sidebarOpen: boolean };\nexport const useUi = create<UiState>()(persist(() => ({ theme: 'light', sidebarOpen: true }), { name: 'ui' }));"},
    {"name":"zustand persist whose partialize keeps no PHI","code":"import { create } from 'zustand';\nimport { persist } from 'zustand/middleware';\nimport type { Patient } from './types';\ntype State = { selectedPatient?: Patient; theme: string };\nexport const useStore = create<State>()(persist(() => ({ theme: 'light' }), { name: 's', partialize: (state) => ({ theme: state.theme }) }));","workspace":{"src/types.ts":"export interface Patient { givenName: string; birthDate: string }"}},
    {"name":"zustand persist into an encrypted storage","code":"import { create } from 'zustand';\nimport { persist, createJSONStorage } from 'zustand/middleware';\nimport { encryptedStorage } from './secure';\nimport type { Patient } from './types';\ntype State = { patients: Patient[] };\nexport const useStore = create<State>()(persist(() => ({ patients: [] }), { name: 's', storage: createJSONStorage(() => encryptedStorage) }));","workspace":{"src/types.ts":"export interface Patient { givenName: string; birthDate: string }"}},
    {"name":"a zustand store that is not persisted","code":"import { create } from 'zustand';\nimport type { Patient } from './types';\ntype State = { patients: Patient[] };\nexport const useStore = create<State>()(() => ({ patients: [] }));","workspace":{"src/types.ts":"export interface Patient { givenName: string; birthDate: string }"}},
    {"name": "redux-persist of slices whose declared states are settings: a streaming host's IP address and port, a drawer's width; a patient slice left out by blacklist or whitelist", "filename": "src/state/store.ts", "code": "import { persistReducer } from 'redux-persist';\nimport storage from 'redux-persist/lib/storage';\nimport { combineReducers } from '@reduxjs/toolkit';\nimport { streamingReducer } from '@app/entities/streaming/slice';\nimport drawer from './drawer';\nimport explored from './explored';\nexport const a = persistReducer({ key: 'root', storage }, combineReducers({ streaming: streamingReducer, drawer }));\nexport const b = persistReducer({ key: 'root', storage, blacklist: ['explored'] }, combineReducers({ explored, drawer }));\nexport const c = persistReducer({ key: 'root', storage, whitelist: ['drawer'] }, combineReducers({ explored, drawer }));", "workspace": {"src/entities/streaming/slice.ts": "import { createSlice } from '@reduxjs/toolkit';\ntype StreamingState = { ipAddress: string; port: string; remember: boolean };\nconst initialState: StreamingState = { ipAddress: '', port: '', remember: false };\nconst streamingSlice = createSlice({ name: 'streaming', initialState, reducers: {} });\nexport const streamingReducer = streamingSlice.reducer;", "src/state/drawer.ts": "import { createSlice } from '@reduxjs/toolkit';\ntype DrawerState = { open: boolean; width: number };\nconst initialState: DrawerState = { open: false, width: 3 };\nexport default createSlice({ name: 'drawer', initialState, reducers: {} }).reducer;\nconst drawerSlice = createSlice({ name: 'drawer', initialState, reducers: {} });\nexport const drawerReducer = drawerSlice.reducer;", "src/state/explored.ts": "import { createSlice } from '@reduxjs/toolkit';\ninterface Patient { name: string; birthDate: string; conditions: string[] }\nexport type ExploredState = { includedPatients: Patient[]; loading: boolean };\nconst exploredSlice = createSlice({ name: 'explored', initialState: { includedPatients: [], loading: false } as unknown as ExploredState, reducers: {} });\nexport default exploredSlice.reducer;"}},
    {"name":"redux-persist: a whitelist of UI slices; an encrypt transform","code":"import { persistReducer } from 'redux-persist';\nimport storage from 'redux-persist/lib/storage';\nimport { encryptTransform } from 'redux-persist-transform-encrypt';\nimport { combineReducers } from 'redux';\ndeclare const patientsReducer: any, uiReducer: any;\nconst root = combineReducers({ patients: patientsReducer, ui: uiReducer });\nexport const a = persistReducer({ key: 'root', storage, whitelist: ['ui'] }, root);\nexport const b = persistReducer({ key: 'root', storage, transforms: [encryptTransform({ secretKey: 'k' })] }, root);"},
    {"name":"form state without PHI fields autosaved","code":"import { useForm } from 'react-hook-form';\ntype FilterForm = { query: string; pageSize: number };\nexport function Filters() {\n  const { getValues } = useForm<FilterForm>();\n  localStorage.setItem('filters', JSON.stringify(getValues()));\n}"},
    {"name":"Formik with settings only","code":"import { useFormik } from 'formik';\nexport function Settings() {\n  const formik = useFormik({ initialValues: { theme: 'dark', pageSize: 20 }, onSubmit: () => {} });\n  localStorage.setItem('settings', JSON.stringify(formik.values));\n}"},
    {"name":"typed state without PHI","code":"import { useState } from 'react';\ntype Prefs = { theme: string; density: string };\nexport function usePrefs() {\n  const [prefs] = useState<Prefs>({ theme: 'dark', density: 'compact' });\n  localStorage.setItem('prefs', JSON.stringify(prefs));\n}"},
    {"name":"a visit store of uuids and callbacks: a map of functions is code, an id is opaque, whatever the type is named","code":"import type { VisitStoreState } from './visit-store';\nexport function remember(state: VisitStoreState) {\n  sessionStorage.setItem('app:visitStoreState', JSON.stringify(state));\n}","workspace":{"src/visit-store.ts":"export interface VisitStoreState {\n  patientUuid: string | null;\n  selectedVisitUuid: string | null;\n  /** refreshers keyed by component */\n  refreshVisitCallbacks: {\n    [componentId: string]: () => void;\n  };\n  onVisitChange: {\n    [componentId: string]: (visitUuid: string) => void;\n  };\n  visitHandlers: { onChange(uuid: string): void; onClose: () => void };\n}"}},
    {"name": "PouchDB handles (factory call, imported, kept on a class) holding settings, drafts of staff forms, tokens and design documents", "filename": "src/offline/settings.js", "code": "import { settingsDB } from './db';\nimport PouchDB from 'pouchdb-browser';\nconst uiDB = PouchDB('ui_state');\nexport function save(prefs, draft, token) {\n  settingsDB.put({ _id: 'prefs', theme: prefs.theme });\n  uiDB.put(draft);\n  uiDB.put({ _id: 'token', value: token });\n}\nclass Cache {\n  constructor() { this.db = PouchDB('lookup'); }\n  keep(items) { return this.db.bulkDocs(items); }\n}", "workspace": {"src/offline/db.js": "import PouchDB from 'pouchdb-browser';\nexport const settingsDB = PouchDB('settings');\n"}},
    {"name": "a database named for patients: its design documents, its bookkeeping literals and encrypted documents; a remote or in-memory one imported from another module", "filename": "src/patients/sync.js", "code": "import PouchDB from 'pouchdb-browser';\nimport { remotePatients, scratch } from './remote';\nconst patientsDb = PouchDB('patients');\nexport function index(doc, key) {\n  patientsDb.put({ _id: '_design/by_name', views: { byName: { map: 'function (doc) { emit(doc.name); }' } } });\n  patientsDb.put({ _id: 'lastSync', syncedAt: Date.now(), count: 3 });\n  patientsDb.put(encrypt(doc, key));\n  remotePatients.put(doc);\n  scratch.put(doc);\n}", "workspace": {"src/patients/remote.js": "import PouchDB from 'pouchdb-browser';\nexport const remotePatients = new PouchDB('https://couch.example.org/patients');\nexport const scratch = new PouchDB('patients', { adapter: 'memory' });\n"}},
    {"name": "a PouchDB named for patients imported from a module that is not PouchDB's (an app's own class)", "filename": "src/a.js", "code": "import { patientsDb } from './store';\nexport function keep(doc) { patientsDb.put(doc); }", "workspace": {"src/store.js": "import PouchDB from './my-pouch-wrapper';\nexport const patientsDb = PouchDB('patients');\n"}},
    {"name": "a Dexie table of settings imported from another module, and a patients table written a bookkeeping literal", "filename": "src/prefs.ts", "code": "import { db } from './db';\nexport async function keep(prefs: unknown, id: string) {\n  await db.settings.put(prefs);\n  await db.patients.put({ id, lastOpened: Date.now() });\n}", "workspace": {"src/db.ts": "import Dexie from 'dexie';\nexport const db = new Dexie('app');\n"}},
    {"name": "a localForage instance of another module keeping UI state and a token", "filename": "src/ui/keep.ts", "code": "import { uiStore } from './stores';\nexport async function keep(state: unknown, token: string) {\n  await uiStore.setItem('layout', state);\n  await uiStore.setItem('token', token);\n}", "workspace": {"src/ui/stores.ts": "import localforage from 'localforage';\nexport const uiStore = localforage.createInstance({ name: 'ui' });\n"}},
    {"name": "a workspace factory opening a settings database, and a remote one", "filename": "src/sync/keep.js", "code": "import { openSettings, openRemote } from './open';\nexport async function keep(prefs, doc) {\n  const db = openSettings();\n  await db.put(prefs);\n  const remote = openRemote();\n  await remote.put(doc);\n}", "workspace": {"src/sync/open.js": "import PouchDB from 'pouchdb-browser';\nexport function openSettings() {\n  return new PouchDB('settings');\n}\nexport const openRemote = () => new PouchDB('https://couch.example.org/patients');\n"}},
  ],
  invalid: [
    {"name": "A storage key written as a template without substitutions names the opaque value like a string key; a template with a substitution or a constant value does not", "filename": "src/stores/reportStore.js", "code": "export class ReportStore {\n  save() {\n    localStorage.setItem(`medicationReport`, JSON.stringify(this.report));\n    localStorage.setItem(`medicationReport-${this.day}`, JSON.stringify(this.report));\n    localStorage.setItem(`medicationReport`, 'none');\n  }\n}", "errors": [{"line": 3, "column": 46, "kinds": ["medication"], "message": "localStorage"}]},
    {"name": "a workspace factory function opening a database named for encounters (function and arrow)", "filename": "src/sync/keep.js", "code": "import { openEncounters, openPatients } from './open';\nexport async function keep(doc, rows) {\n  const db = openEncounters();\n  await db.put(doc);\n  const patients = await openPatients();\n  await patients.bulkDocs(rows);\n}", "workspace": {"src/sync/open.js": "import PouchDB from 'pouchdb-browser';\nexport function openEncounters(user) {\n  const options = { auto_compaction: true };\n  return new PouchDB('encounters', options);\n}\nexport const openPatients = async () => PouchDB('patients');\n"}, "errors": [{"line": 4, "column": 16, "kinds": ["encounter"]}, {"line": 6, "column": 27, "kinds": ["patient-record"]}]},
    {"name": "a localForage instance created in another module and named for patients: a record written to it", "filename": "src/offline/keep.ts", "code": "import { patientStore } from './stores';\nexport async function keep(id: string, record: unknown, patient: { lastName: string }) {\n  await patientStore.setItem(id, record);\n  await patientStore.setItem('last', patient.lastName);\n}", "workspace": {"src/offline/stores.ts": "import localforage from 'localforage';\nexport const patientStore = localforage.createInstance({ name: 'patients' });\n"}, "errors": [{"line": 3, "column": 34, "kinds": ["patient-record"]}, {"line": 4, "column": 38, "kinds": ["name"]}]},
    {"name": "PouchDB opened by a factory call without new, exported and written by another module with a patient-side collection", "filename": "src/redux/actions/records.js", "code": "import { recordsDB } from '../../components/record/list';\nexport function cache(results) {\n  recordsDB.put({ _id: 'patients', patients: results });\n}", "workspace": {"src/components/record/list.js": "import PouchDB from 'pouchdb-browser';\nexport const recordsDB = PouchDB('recordsDB');\n"}, "errors": [{"line": 3, "column": 17, "kinds": ["patient-record"]}]},
    {"name": "a database whose own name says it holds patients or appointments: unknown documents written to it (imported, local, upsert)", "filename": "src/actions/patients.js", "code": "import { patients_db } from '../db/patients';\nimport PouchDB from 'pouchdb-browser';\nconst appointment_db = new PouchDB('appointment_db');\nexport function savePatient(data) {\n  patients_db.put(data);\n}\nexport function review(appt) {\n  appointment_db.post(appt);\n  appointment_db.upsert(appt._id, () => appt);\n}", "workspace": {"src/db/patients.js": "import PouchDB from 'pouchdb-browser';\nexport const patients_db = new PouchDB('patients_db');\n"}, "errors": [{"line": 5, "column": 19, "kinds": ["patient-record"]}, {"line": 8, "column": 23, "kinds": ["encounter"]}, {"line": 9, "column": 41, "kinds": ["encounter"]}]},
    {"name": "a PouchDB database kept on a service class (factory call in the constructor, a field initialiser)", "filename": "src/services/visit-store.ts", "code": "import PouchDB from 'pouchdb-browser';\nexport class VisitStore {\n  private drafts = PouchDB('appointments');\n  constructor() { this.db = PouchDB('encounters'); }\n  db: any;\n  save(doc: unknown) { return this.db.put(doc); }\n  keep(doc: unknown) { return this.drafts.bulkDocs([doc]); }\n}", "errors": [{"line": 6, "column": 43, "kinds": ["encounter"]}, {"line": 7, "column": 52, "kinds": ["encounter"]}]},
    {"name": "a Dexie database created in another module: its patients table and a record from a patient", "filename": "src/offline/save.ts", "code": "import { db } from './db';\nexport async function keep(rows: unknown[], patient: { firstName: string }) {\n  await db.patients.bulkPut(rows);\n  await db.table('notes').add({ author: patient.firstName });\n}", "workspace": {"src/offline/db.ts": "import Dexie from 'dexie';\nexport const db = new Dexie('clinic');\n"}, "errors": [{"line": 3, "column": 29, "kinds": ["patient-record"]}, {"line": 4, "column": 31, "kinds": ["name"]}]},
    {
      name: "an app's own web storage services injected as sessionStorageService/localStorageService: setObject stores the value under the key",
      filename: 'src/app/patient/registry.component.ts',
      code: "export class RegistryComponent {\n  constructor(private sessionStorageService: any, private localStorageService: any) {}\n  verified(person: { givenName: string; birthDate: string }, patient: { birthDate: string }) {\n    this.sessionStorageService.setObject('person', person);\n    this.localStorageService.setObject('dob', patient.birthDate);\n  }\n}",
      errors: [
        { line: 4, column: 52, message: 'sessionStorage (sessionStorageService)' },
        { line: 5, column: 47, kinds: ['date-of-birth'] },
      ],
    },
    // a code held with the details of its application to someone (where, when, the value and its unit) is their order, their observation
    {"name": "draft orders and observations with their codes, body site, date, value and unit", "filename": "src/orders/draft-store.ts", "code": "type OrderDraft = { procedureCode: string; bodySite: string; scheduledDate: string };\ntype ObservationDraft = { observationCode: string; value: string; unit: string };\nexport function keepDrafts(order: OrderDraft, observation: ObservationDraft) {\n  localStorage.setItem('orderDraft', JSON.stringify(order));\n  localStorage.setItem('observationDraft', JSON.stringify(observation));\n}", "errors": [{"line": 4, "column": 38, "kinds": ["procedure"]}, {"line": 5, "column": 44, "kinds": ["observation"]}]},
    {"name": "Cache Storage keeping patient routes and a fetched patient record", "filename": "src/offline.ts", "code": "interface Patient { givenName: string; dateOfBirth: string }\nexport async function makeAvailableOffline(uuid: string, patient: Patient) {\n  const cache = await caches.open('offline-patients');\n  await cache.add(`/ws/rest/v1/patient/${uuid}`);\n  await cache.addAll([`/ws/fhir2/R4/Encounter?patient=${uuid}`]);\n  caches.open('records').then((store) => store.put(`/records/${uuid}`, new Response(JSON.stringify(patient))));\n}", "errors": [{"line": 4, "column": 19, "message": "Cache Storage API"}, {"line": 5, "column": 22, "message": "Cache Storage API"}, {"line": 6, "column": 72, "message": "Cache Storage API"}]},
    {"name": "Angular service worker data groups caching patient and visit routes (a zero maxAge still writes)", "filename": "src/ngsw-config.json", "code": "{\n  \"$schema\": \"./node_modules/@angular/service-worker/config/schema.json\",\n  \"index\": \"/index.html\",\n  \"dataGroups\": [\n    {\n      \"name\": \"clinical\",\n      \"urls\": [\n        \"/assets/i18n/**\",\n        \"/api/patients/**\",\n        \"/ws/rest/v1/visit/**\"\n      ],\n      \"cacheConfig\": {\n        \"maxSize\": 100,\n        \"maxAge\": \"0u\",\n        \"strategy\": \"freshness\"\n      }\n    }\n  ]\n}", "errors": [{"line": 9, "column": 9, "message": "Angular service worker"}, {"line": 10, "column": 9, "message": "Angular service worker"}]},
    {
      name: 'a field set to a constant only in a branch, or to a value, keeps what its name says',
      code: "export class EntrySettings {\n  visitTime = '';\n  onChosen(state: string, visitDate: string) {\n    if (state === '1') this.visitTime = '';\n    localStorage.setItem('a', this.visitTime);\n    this.visitTime = visitDate;\n    localStorage.setItem('b', this.visitTime);\n  }\n}",
      errors: [{ line: 5, column: 31 }, { line: 7, column: 31 }],
    },
    {"name": "AngularJS storage services: angular-local-storage's localStorageService and ngStorage's $localStorage/$sessionStorage", "filename": "app/scripts/controllers/patient.js", "code": "angular.module('app').controller('PatientCtrl', ['$scope', 'localStorageService', '$localStorage', '$sessionStorage', function ($scope, localStorageService, $localStorage, $sessionStorage) {\n  localStorageService.set('dob', $scope.patient.dateOfBirth);\n  $sessionStorage.verifyInfo = { email: $scope.patient.email, birthDate: $scope.patient.birthDate };\n  $localStorage.$default({ lastPatientName: $scope.patient.name });\n}]);", "errors": [{"line": 2, "column": 34, "kinds": ["date-of-birth"], "message": "angular-local-storage"}, {"line": 3, "column": 32, "kinds": ["date-of-birth", "email"], "message": "ngStorage"}, {"line": 4, "column": 26, "kinds": ["name"], "message": "ngStorage"}]},
    {"name": "What callers assign on an object an AngularJS service hands out over ngStorage (a namespace of $localStorage/$sessionStorage)", "filename": "app/js/services/registry.js", "code": "angular.module('app').service('AppCache', AppCache);\nfunction AppCache($localStorage, $sessionStorage) {\n  return function namespace(name, temp) {\n    const storage = temp === true ? $sessionStorage : $localStorage;\n    storage[name] = storage[name] || {};\n    return storage[name];\n  };\n}\nfunction Registry(AppCache, patient) {\n  const cache = new AppCache('registry');\n  cache.lastName = patient.lastName;\n  function Form(key) {\n    this.cache = AppCache(key);\n  }\n  Form.prototype.write = function write() {\n    this.cache.diagnosis = this.details.diagnosis;\n    this.cache.items = [];\n  };\n  return Form;\n}", "errors": [{"line": 11, "column": 20, "kinds": ["name"], "message": "ngStorage"}, {"line": 16, "column": 28, "kinds": ["diagnosis"], "message": "ngStorage"}]},
    {"name": "electron-store without a key given a patient's data: one finding at the store", "filename": "src/main/store.ts", "code": "import Store from 'electron-store';\ndeclare const upload: { patient: { dateOfBirth: string; mrn: string } };\nconst store = new Store({ name: 'uploads' });\nstore.set('lastPatientDob', upload.patient.dateOfBirth);\nstore.set('lastMrn', upload.patient.mrn);", "errors": [{"line": 3, "column": 15, "kinds": ["date-of-birth", "mrn"], "message": "electron-store"}]},
    {"name": "@realm/react: a RealmProvider and a realm context over patient models without a key", "filename": "src/App.tsx", "code": "import { RealmProvider, createRealmContext } from '@realm/react';\nimport { Patient } from './models/Patient';\nimport { Observation } from './models/Observation';\nexport const Ctx = createRealmContext({ schema: [Patient, Observation] });\nexport const App = ({ children }: { children: React.ReactNode }) => <RealmProvider schema={[Patient]}>{children}</RealmProvider>;", "errors": [{"line": 4, "column": 20, "kinds": ["observation", "patient-record"]}, {"line": 5, "column": 69, "kinds": ["patient-record"], "message": "Realm"}]},
    // Ionic Storage and ionic-cache (IndexedDB/SQLite on the device) given patient data
    {"name": "ionic-cache keeps a patient list request in Ionic Storage; Ionic Storage keeps a patient", "filename": "src/app/patients.service.ts", "code": "import { Injectable } from '@angular/core';\nimport { HttpClient } from '@angular/common/http';\nimport { CacheService } from 'ionic-cache';\nimport { Storage } from '@ionic/storage-angular';\ninterface PatientRow { uuid: string; givenName: string; dateOfBirth: string; phoneNumber: string }\n@Injectable()\nexport class PatientListService {\n  constructor(private http: HttpClient, private cache: CacheService, private storage: Storage) {}\n  defaulters(patient: PatientRow) {\n    const request = this.http.get<PatientRow[]>('/etl/defaulter-list');\n    this.storage.set('selected', patient);\n    return this.cache.loadFromObservable('defaulters', request);\n  }\n}", "errors": [{"line": 11, "column": 34, "message": "Ionic Storage"}, {"line": 12, "column": 56, "message": "ionic-cache"}]},
    // on-device stores of mobile and desktop apps opened without a key while they hold patient data
    {"name": "Realm opened without a key whose schema declares patients and encounters", "filename": "src/db/realm.ts", "code": "import Realm from 'realm';\nconst PatientSchema = { name: 'Patient', properties: { _id: 'string', givenName: 'string', birthDate: 'date' } };\nclass Encounter extends Realm.Object { static schema = { name: 'Encounter', properties: { _id: 'string' } }; }\nexport const realm = new Realm({ schema: [PatientSchema, Encounter], path: 'clinic.realm' });", "errors": [{"line": 4, "column": 22, "message": "Realm"}]},
    {"name": "Realm.open with options in a variable; community-health names (individual, subject)", "filename": "src/db/open.ts", "code": "import Realm from 'realm';\nimport { Individual, ProgramEnrolment, SubjectType } from './models';\nconst config = { schema: [Individual, ProgramEnrolment, SubjectType], schemaVersion: 3 };\nexport const open = () => Realm.open(config);", "errors": [{"line": 4, "column": 27, "kinds": ["patient-record"], "message": "Individual, ProgramEnrolment"}]},
    {"name": "expo-sqlite without a key whose tables hold patients", "filename": "src/db/sqlite.ts", "code": "import * as SQLite from 'expo-sqlite';\nconst db = SQLite.openDatabaseSync('clinic.db');\ndb.execSync(`CREATE TABLE IF NOT EXISTS patients (id TEXT PRIMARY KEY, first_name TEXT, date_of_birth TEXT)`);", "errors": [{"line": 2, "column": 12, "kinds": ["date-of-birth", "name", "patient-record"], "message": "SQLite"}]},
    {"name": "react-native-sqlite-storage without a key, inserts of encounters with diagnoses", "filename": "src/db/visits.ts", "code": "import SQLite from 'react-native-sqlite-storage';\nexport async function open() {\n  const db = await SQLite.openDatabase({ name: 'visits.db', location: 'default' });\n  await db.executeSql('INSERT INTO visits (id, diagnosis, visit_date) VALUES (?, ?, ?)', []);\n  return db;\n}", "errors": [{"line": 3, "column": 20, "kinds": ["care-date", "diagnosis"]}]},
    {"name": "Capacitor SQLite connection opened with encryption off", "filename": "src/db/capacitor.ts", "code": "import { CapacitorSQLite, SQLiteConnection } from '@capacitor-community/sqlite';\nconst sqlite = new SQLiteConnection(CapacitorSQLite);\nexport const db = await sqlite.createConnection('clinic', false, 'no-encryption', 1, false);\nexport const ddl = 'CREATE TABLE IF NOT EXISTS patients (id TEXT, national_id TEXT, date_of_birth TEXT)';", "errors": [{"line": 3, "column": 25}]},
    {"name": "TypeORM device driver options (wherever they are opened) with patient entities", "filename": "src/db/index.ts", "code": "import { Patient } from './models/Patient';\nimport { Encounter } from './models/Encounter';\nimport { Setting } from './models/Setting';\nconst CONNECTION_CONFIG = {\n  type: 'react-native',\n  database: 'clinic',\n  location: 'default',\n  entities: [Patient, Encounter, Setting],\n} as const;\nexport const getConfig = () => CONNECTION_CONFIG;", "errors": [{"line": 4, "column": 27, "kinds": ["encounter", "patient-record"], "message": "Patient, Encounter"}]},
    {"name": "TypeORM sqlite in a desktop app, opened with createConnection", "filename": "src/main/db.ts", "code": "import { createConnection } from 'typeorm';\nimport { PatientRecord } from './entities';\nexport const connect = () => createConnection({ type: 'better-sqlite3', database: 'clinic.sqlite', entities: [PatientRecord] });", "errors": [{"line": 3, "column": 47, "kinds": ["patient-record"], "message": "TypeORM"}]},
    {"name": "TypeORM device database whose entity list is imported (through a workspace alias) from the module listing patient models", "filename": "src/infra/db/index.ts", "code": "import { DataSource } from 'typeorm';\nimport { MODELS_ARRAY } from '~/models/modelsMap';\nconst CONNECTION_CONFIG = {\n  type: 'react-native',\n  database: 'clinic',\n  location: 'default',\n  entities: MODELS_ARRAY,\n} as const;\nexport const db = new DataSource(CONNECTION_CONFIG);", "workspace": {"src/models/modelsMap.ts": "import { Setting } from './Setting';\nimport { Patient } from './Patient';\nimport { PatientAllergy } from './PatientAllergy';\nexport const MODELS_MAP = {\n  Setting,\n  Patient,\n  PatientAllergy,\n};\nexport const MODELS_ARRAY = Object.values(MODELS_MAP);"}, "errors": [{"line": 3, "column": 27, "kinds": ["allergy", "patient-record"], "message": "Patient"}]},
    {"name": "a Realm (react-native-database) opened with the schema module's configuration of patient models and no key", "filename": "src/database/BaseDatabase.js", "code": "import { Database } from 'react-native-database';\nimport { schema } from './schema';\nconst BaseDatabaseInstance = new Database(schema);\nexport default BaseDatabaseInstance;", "workspace": {"src/database/schema.js": "import {\n  Setting,\n  Patient,\n  InsurancePolicy,\n} from './DataTypes';\nexport const schema = {\n  schema: [Setting, Patient, InsurancePolicy],\n  schemaVersion: 3,\n};\nexport default schema;"}, "errors": [{"line": 3, "column": 30, "message": "Realm"}]},
    {"name": "WatermelonDB and Realm given model lists imported from the module that lists patient models", "filename": "src/db/open.ts", "code": "import Realm from 'realm';\nimport { Database } from '@nozbe/watermelondb';\nimport SQLiteAdapter from '@nozbe/watermelondb/adapters/sqlite';\nimport { schema } from './schema';\nimport MODELS from './models';\nconst modelClasses = MODELS;\nexport const database = new Database({ adapter: new SQLiteAdapter({ schema }), modelClasses });\nexport const realm = new Realm({ schema: MODELS });", "workspace": {"src/db/models.ts": "import Setting from './model/Setting';\nimport Patient from './model/Patient';\nimport Visit from './model/Visit';\nconst MODELS = [Setting, Patient, Visit];\nexport default MODELS;"}, "errors": [{"line": 7, "column": 25, "message": "WatermelonDB"}, {"line": 8, "column": 22, "message": "Realm"}]},
    {"name": "WatermelonDB whose adapter is built by a helper of the file: reported where the SQLite file is opened", "filename": "src/db/index.ts", "code": "import { Database } from '@nozbe/watermelondb';\nimport SQLiteAdapter from '@nozbe/watermelondb/adapters/sqlite';\nimport schema from './schema';\nimport Patient from './model/Patient';\nimport Visit from './model/Visit';\nfunction createAdapter() {\n  return new SQLiteAdapter({ dbName: 'clinic', schema, jsi: true });\n}\nexport const database = new Database({ adapter: createAdapter(), modelClasses: [Patient, Visit] });", "errors": [{"line": 7, "column": 10, "message": "WatermelonDB"}]},
    {"name": "WatermelonDB whose tables hold patients", "filename": "src/db/watermelon.ts", "code": "import { Database, appSchema, tableSchema } from '@nozbe/watermelondb';\nimport SQLiteAdapter from '@nozbe/watermelondb/adapters/sqlite';\nconst schema = appSchema({ version: 1, tables: [tableSchema({ name: 'patients', columns: [{ name: 'date_of_birth', type: 'string' }, { name: 'phone_number', type: 'string' }] })] });\nexport const database = new Database({ adapter: new SQLiteAdapter({ schema }), modelClasses: [] });", "errors": [{"line": 4, "column": 25, "kinds": ["date-of-birth", "patient-record", "phone"], "message": "WatermelonDB"}]},
    {"name": "MMKV created without a key and given patient data: one finding at the store", "filename": "src/storage.ts", "code": "import { MMKV } from 'react-native-mmkv';\ndeclare const patient: { dateOfBirth: string; diagnosis: string };\nexport const storage = new MMKV({ id: 'clinic' });\nstorage.set('dob', patient.dateOfBirth);\nstorage.set('dx', patient.diagnosis);", "errors": [{"line": 3, "column": 24, "kinds": ["date-of-birth", "diagnosis"], "message": "MMKV"}]},
    {"name": "an MMKV store another module creates without an encryption key: a recoil atom persisting person records to it, and a patient written to it", "filename": "src/recoil/persons.js", "code": "import { storage } from '../services/dataManagement';\nimport { atom } from 'recoil';\nexport const personsState = atom({\n  key: 'personsState',\n  default: JSON.parse(storage.getString('person') || '[]'),\n  effects: [({ onSet }) => onSet(async (newValue) => storage.set('person', JSON.stringify(newValue)))],\n});\nexport function keep(patient) { storage.set('current', JSON.stringify(patient)); }\nexport function keepArea(list, entries) {\n  storage.set('regionPatients', JSON.stringify(list));\n  storage.set('wardObservations', JSON.stringify(entries));\n  storage.set('patientRelations', JSON.stringify(entries));\n}", "workspace": {"src/services/dataManagement.js": "import { MMKV } from 'react-native-mmkv';\nexport const storage = new MMKV();\n"}, "errors": [{"line": 6, "column": 76, "kinds": ["patient-record"], "message": "MMKV"}, {"line": 8, "column": 56, "kinds": ["patient-record"], "message": "MMKV"}, {"line": 10, "column": 33, "kinds": ["patient-record"], "message": "MMKV"}, {"line": 11, "column": 35, "kinds": ["observation"], "message": "MMKV"}, {"line": 12, "column": 35, "kinds": ["patient-record"], "message": "MMKV"}]},
    {"name": "AsyncStorage keeps a patient's data unencrypted on the device", "filename": "src/session.ts", "code": "import AsyncStorage from '@react-native-async-storage/async-storage';\ndeclare const patient: { dateOfBirth: string };\nawait AsyncStorage.setItem('dob', patient.dateOfBirth);", "errors": [{"line": 3, "column": 35, "kinds": ["date-of-birth"], "message": "AsyncStorage"}]},
    // ionic-cache / Ionic Storage: responses of patient routes kept on the device
    {"name": "ionic-cache keeps every emission of a patient route's Observable in IndexedDB", "filename": "src/app/visits.service.ts", "code": "import { HttpClient } from '@angular/common/http';\nimport { CacheService } from 'ionic-cache';\nimport { Storage } from '@ionic/storage';\nexport class VisitsService {\n  constructor(private http: HttpClient, private cache: CacheService) {}\n  visits(uuid: string) {\n    const request = this.http.get('/api/patient/' + uuid + '/visits');\n    return this.cache.loadFromObservable('visits-' + uuid, request);\n  }\n}", "errors": [{"line": 8, "column": 60, "kinds": ["encounter", "patient-record"]}]},
    {"name": "Ionic Storage set with what a read filtered by the patient emits", "filename": "src/app/obs.service.ts", "code": "import { HttpClient } from '@angular/common/http';\nimport { CacheService } from 'ionic-cache';\nimport { Storage } from '@ionic/storage';\nexport class ObsService {\n  constructor(private http: HttpClient, private storage: Storage) {}\n  sync(uuid: string) {\n    this.http.get('/ws/rest/v1/obs', { params: { patient: uuid } }).subscribe((obs) => this.storage.set('obs', obs));\n  }\n}", "errors": [{"line": 7, "column": 112, "kinds": ["patient-record"]}]},
    {"name": "the same key words naming the patient's data itself are still reported", "filename": "src/referral2.ts", "code": "declare const form: { control: { value: string } };\nlocalStorage.setItem('referralDiagnosis', form.control.value);", "errors": [{"line": 2, "column": 43}]},
    // TanStack Query: the whole cache persisted unencrypted
    {"name": "a persister object bound by name (satisfies Persister) handed to persistQueryClient writes the cache to localStorage", "filename": "src/cache.ts", "code": "import { QueryClient } from '@tanstack/react-query';\nimport { persistQueryClient, type Persister } from '@tanstack/react-query-persist-client';\nexport const queryClient = new QueryClient();\nconst localPersister = {\n  persistClient: (client) => localStorage.setItem('rq-cache', JSON.stringify(client)),\n  restoreClient: () => JSON.parse(localStorage.getItem('rq-cache') ?? 'null'),\n  removeClient: () => localStorage.removeItem('rq-cache'),\n} satisfies Persister;\npersistQueryClient({ queryClient, persister: localPersister, maxAge: Infinity });", "errors": [{"line": 5, "column": 63, "kinds": ["patient-record"]}]},
    {"name": "TanStack Query cache persisted whole to localStorage by the sync storage persister", "filename": "src/providers.tsx", "code": "import { QueryClient } from '@tanstack/react-query';\nimport { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';\nimport { createSyncStoragePersister } from '@tanstack/query-sync-storage-persister';\nconst queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });\nconst persister = createSyncStoragePersister({ storage: window.localStorage });\nexport const App = ({ children }: { children: React.ReactNode }) => (\n  <PersistQueryClientProvider client={queryClient} persistOptions={{ persister }}>{children}</PersistQueryClientProvider>\n);", "errors": [{"line": 5, "column": 19, "kinds": ["patient-record"]}]},
    {"name": "a hand-written persister writes the dehydrated cache to IndexedDB; its filter only drops failed queries", "filename": "src/query.tsx", "code": "import { QueryClient } from '@tanstack/react-query';\nimport { PersistQueryClientProvider, type Persister } from '@tanstack/react-query-persist-client';\nimport { get, set, del } from 'idb-keyval';\nconst queryClient = new QueryClient();\nfunction createIdbPersister(key: string) {\n  return {\n    persistClient: async (client) => {\n      const slim = { ...client, timestamp: Date.now() };\n      await set(key, slim);\n      await set(`${key}-copy`, slim);\n    },\n    restoreClient: async () => get(key),\n    removeClient: async () => del(key),\n  } satisfies Persister;\n}\nexport const Provider = ({ children }: { children: React.ReactNode }) => (\n  <PersistQueryClientProvider client={queryClient} persistOptions={{ persister: createIdbPersister('cache'), dehydrateOptions: { shouldDehydrateQuery: (query) => query.state.status === 'success' } }}>{children}</PersistQueryClientProvider>\n);", "errors": [{"line": 9, "column": 22, "kinds": ["patient-record"]}]},
    {"name": "experimental_createQueryPersister: every query persisted one by one in AsyncStorage", "filename": "src/queryClient.ts", "code": "import AsyncStorage from '@react-native-async-storage/async-storage';\nimport { QueryClient } from '@tanstack/react-query';\nimport { experimental_createQueryPersister } from '@tanstack/query-persist-client-core';\nexport const queryClient = new QueryClient({\n  defaultOptions: { queries: { persister: experimental_createQueryPersister({ storage: AsyncStorage }).persisterFn } },\n});", "errors": [{"line": 5, "column": 43, "kinds": ["patient-record"]}]},
    {
      name: 'a whole patient in localStorage',
      code: "declare const patient: any;\nlocalStorage.setItem('patient', JSON.stringify(patient));",
      errors: [{ line: 2, column: 33, kinds: ['patient-record'], message: 'Storing patient record in localStorage' }],
      output: null,
    },
    {
      name: 'a date of birth in sessionStorage',
      code: "declare const patient: any;\nsessionStorage.setItem('dob', patient.birthDate);",
      errors: [{ line: 2, column: 31, kinds: ['date-of-birth'], message: 'in sessionStorage' }],
      output: null,
    },
    {
      name: 'a typed FHIR Patient',
      code: "import type { Patient } from '@medplum/fhirtypes';\nexport function remember(patient: Patient) {\n  localStorage.setItem('current', JSON.stringify(patient));\n}",
      errors: [{ line: 3, column: 35, message: 'in localStorage' }],
    },
    {
      name: 'property assignment, dot and bracket',
      code: "declare const value: string;\nlocalStorage.ssn = value;\nlocalStorage['dob'] = value;",
      errors: [
        { line: 2, column: 20, kinds: ['ssn'], message: 'Storing SSN in localStorage' },
        { line: 3, column: 23, kinds: ['date-of-birth'] },
      ],
      output: null,
    },
    {
      name: 'window.localStorage and window.sessionStorage',
      code: "declare const value: string;\nwindow.localStorage.setItem('email', value);\nwindow.sessionStorage['mrn'] = value;",
      errors: [
        { line: 2, column: 38, kinds: ['email'], message: 'in localStorage' },
        { line: 3, column: 32, kinds: ['mrn'], message: 'in sessionStorage' },
      ],
    },
    {
      name: 'the key names the PHI of an opaque value',
      code: "declare const value: string;\nlocalStorage.setItem('ssn', value);",
      errors: [{ line: 2, column: 29, kinds: ['ssn'] }],
    },
    {
      name: 'JSON.stringify of an unredacted value under a PHI key',
      code: "declare const form: any;\nlocalStorage.setItem('diagnosis', JSON.stringify(form.diagnosis));",
      errors: [{ line: 2, column: 35, kinds: ['diagnosis'] }],
    },
    {
      name: 'an opaque id in the key does not hide PHI in the value',
      code: "declare const patient: any;\nlocalStorage.setItem(`patient:${patient.id}`, patient.diagnosis);",
      errors: [{ line: 2, column: 47, kinds: ['diagnosis'] }],
    },
    {
      name: 'Object.assign onto localStorage',
      code: "declare const patient: any;\nObject.assign(localStorage, { ssn: patient.ssn });",
      errors: [{ line: 2, column: 29, kinds: ['ssn'] }],
    },
    {
      name: 'document.cookie with a template literal',
      code: "declare const email: string;\ndocument.cookie = `email=${email}; path=/`;",
      errors: [{ line: 2, column: 19, kinds: ['email'], message: 'Writing email address into document.cookie' }],
      output: null,
    },
    {
      name: 'document.cookie: the cookie name says what the value is',
      code: "declare const value: string;\nwindow.document.cookie = 'dob=' + value;",
      errors: [{ line: 2, column: 26, kinds: ['date-of-birth'], message: 'document.cookie' }],
    },
    {
      name: 'IndexedDB: put on a chained objectStore',
      code: "declare const db: IDBDatabase; declare const patient: any;\ndb.transaction('patients', 'readwrite').objectStore('patients').put(patient);",
      errors: [{ line: 2, column: 69, kinds: ['patient-record'], message: 'in IndexedDB without encryption' }],
      output: null,
    },
    {
      name: 'IndexedDB: add and put through a variable holding the store',
      code: "declare const db: IDBDatabase; declare const visit: any;\nconst store = db.transaction('visits', 'readwrite').objectStore('visits');\nstore.add({ id: visit.id, diagnosis: visit.diagnosis });\nstore.put(visit.clinicalNotes);",
      errors: [
        { line: 3, column: 11, kinds: ['diagnosis'], message: 'IndexedDB' },
        { line: 4, column: 11, kinds: ['clinical-note'], message: 'IndexedDB' },
      ],
    },
    {
      name: 'localforage',
      code: "import localforage from 'localforage';\ndeclare const patient: any;\nawait localforage.setItem('patient', patient);\nawait localforage.setItem('patientId', patient.id);",
      errors: [{ line: 3, column: 38, kinds: ['patient-record'], message: 'in localforage' }],
    },
    {
      name: "a storage key still names what a value of an open shape holds (an object type with a data field beside its callbacks)",
      code: "import type { VisitState } from './visit-store';\nexport function remember(state: VisitState) {\n  sessionStorage.setItem('visitNotes', JSON.stringify(state));\n}",
      workspace: { 'src/visit-store.ts': 'export interface VisitState {\n  visitUuid: string;\n  extra: { draft: string; onSave: () => void };\n}' },
      errors: [{ line: 3, column: 40, kinds: ['clinical-note'] }],
    },
    {
      name: 'a visit store that keeps the visit notes beside its callbacks',
      code: "import type { VisitDraftState } from './visit-store';\nexport function remember(state: VisitDraftState) {\n  sessionStorage.setItem('visit-draft', JSON.stringify(state));\n}",
      workspace: { 'src/visit-store.ts': 'export interface VisitDraftState {\n  patientUuid: string | null;\n  visitNotes: string;\n  refreshVisitCallbacks: { [componentId: string]: () => void };\n}' },
      errors: [{ line: 3, column: 41, kinds: ['clinical-note', 'encounter'] }],
    },
    {
      name: 'data from a typed parameter declared in another file',
      code: "import type { Intake } from './types';\nexport function saveDraft(intake: Intake) {\n  sessionStorage.setItem('draft', JSON.stringify(intake));\n}",
      workspace: { 'src/types.ts': 'export interface Intake { id: string; fullName: string; ssn: string; hasInsurance: boolean }' },
      errors: [{ line: 3, column: 35, kinds: ['name', 'ssn'] }],
    },
    {
      name: 'idb-keyval: set, setMany and update (expression and block updaters)',
      code: "import { set, setMany, update } from 'idb-keyval';\ndeclare const patient: any; declare const visit: any; declare const value: string;\nawait set('patient', patient);\nawait setMany([['dob', value], ['theme', 'dark']]);\nawait update('visits', (visits: any[] = []) => [...visits, visit.clinicalNotes]);\nawait update('draft', (old: any) => { const next = { ...old, diagnosis: visit.diagnosis }; return next; });",
      errors: [
        { line: 3, column: 22, kinds: ['patient-record'], message: 'Storing patient record in IndexedDB through idb-keyval without encryption' },
        { line: 4, column: 24, kinds: ['date-of-birth'] },
        { line: 5, column: 48, kinds: ['clinical-note'] },
        { line: 6, column: 99, kinds: ['diagnosis'] },
      ],
      output: null,
    },
    {
      name: 'idb-keyval through a namespace import',
      code: "import * as idb from 'idb-keyval';\ndeclare const patient: any;\nawait idb.set('current', patient.ssn);",
      errors: [{ line: 3, column: 26, kinds: ['ssn'], message: 'idb-keyval' }],
    },
    {
      name: 'Dexie: put, add on table(), bulkPut on a new Dexie(...)',
      code: "import Dexie from 'dexie';\ndeclare const patient: any; declare const patients: any[];\nconst db = new Dexie('clinic');\ndb.version(1).stores({ patients: 'id', visits: '++id' });\nawait db.patients.put(patient);\nawait db.table('visits').add({ id: 1, diagnosis: patient.diagnosis });\nawait db.patients.bulkPut(patients);",
      errors: [
        { line: 5, column: 23, kinds: ['patient-record'], message: 'through Dexie' },
        { line: 6, column: 30, kinds: ['diagnosis'] },
        { line: 7, column: 27, kinds: ['patient-record'] },
      ],
    },
    {
      name: 'Dexie: a class extending Dexie, its own tables and an instance',
      code: "import Dexie, { type Table } from 'dexie';\nexport class ClinicDb extends Dexie {\n  patients!: Table<any>;\n  constructor() { super('clinic'); }\n  async savePatient(patient: any) { await this.patients.add(patient); }\n}\nexport const clinicStore = new ClinicDb();\ndeclare const intake: any;\nawait clinicStore.patients.bulkAdd([intake]);",
      errors: [
        { line: 5, column: 61, kinds: ['patient-record'], message: 'Dexie' },
        { line: 9, column: 36, kinds: ['patient-record'] },
      ],
    },
    {
      name: 'Dexie by name: a db imported from elsewhere in a file that imports Dexie',
      code: "import type { Table } from 'dexie';\nimport { db } from './db';\ndeclare const patient: any;\nawait db.patients.put({ id: patient.id, ssn: patient.ssn });",
      errors: [{ line: 4, column: 23, kinds: ['ssn'], message: 'Dexie' }],
    },
    {
      name: 'PouchDB: a local database, and one known by name',
      code: "import PouchDB from 'pouchdb-browser';\nimport { pouchDb } from './db';\ndeclare const patient: any;\nconst localDb = new PouchDB('patients');\nawait localDb.put({ _id: patient.id, ...patient });\nawait localDb.post({ diagnosis: patient.diagnosis });\nawait localDb.bulkDocs([patient]);\nawait pouchDb.put({ _id: patient.id, ssn: patient.ssn });",
      errors: [
        { line: 5, column: 19, kinds: ['patient-record'], message: 'through PouchDB' },
        { line: 6, column: 20, kinds: ['diagnosis'] },
        { line: 7, column: 24, kinds: ['patient-record'] },
        { line: 8, column: 19, kinds: ['ssn'] },
      ],
    },
    {
      name: 'service-worker runtime caching of patient routes: Workbox strategies that cache, and OpenMRS making a patient available offline',
      filename: 'src/offline.ts',
      code: "import { registerRoute } from 'workbox-routing';\nimport { NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';\nimport { messageOmrsServiceWorker } from '@openmrs/esm-framework';\ndeclare const identifier: string;\nregisterRoute(/\\/api\\/patients\\//, new NetworkFirst());\nregisterRoute('/api/encounters/', new StaleWhileRevalidate());\nawait messageOmrsServiceWorker({ type: 'registerDynamicRoute', pattern: `/ws/fhir2/R4/Patient/${identifier}` });",
      errors: [
        { line: 5, column: 15, kinds: ['patient-record'], message: 'Cache Storage through Workbox runtime caching' },
        { line: 6, column: 15, kinds: ['encounter'] },
        { line: 7, column: 73, kinds: ['patient-record'], message: 'through the OpenMRS service worker' },
      ],
    },
    {
      name: 'OpenMRS offline: queueSynchronizationItem stores its content in IndexedDB',
      code: "import { queueSynchronizationItem } from '@openmrs/esm-framework';\ndeclare const patient: any;\nawait queueSynchronizationItem('patient-registration', { fhirPatient: patient, formValues: { birthdate: patient.birthDate } });",
      errors: [{ line: 3, column: 56, kinds: ['date-of-birth', 'patient-record'], message: 'the OpenMRS offline sync queue' }],
    },
    {
      name: "relational-pouch: a generic repository the workspace instantiates with a patient type",
      code: "export default class Repository<T> {\n  db!: PouchDB.RelDatabase;\n  async save(entity: T) {\n    const { id, ...values } = entity as T & { id: string };\n    await this.db.rel.save('record', { id, ...values, updatedAt: Date.now() });\n  }\n}",
      workspace: {"src/patient-repository.ts":"import Repository from './repository';\nexport class PatientRepository extends Repository<Patient> {}","src/patient.ts":"export interface Patient { givenName: string; familyName: string; birthDate: string }"},
      errors: [{ line: 5, column: 38, kinds: ["date-of-birth","name"] }],
    },
    {
      name: "a local PouchDB whose relational schema declares patient documents",
      code: "import PouchDB from 'pouchdb';\nimport RelationalPouch from 'relational-pouch';\nPouchDB.plugin(RelationalPouch);\nlet localDb;\nif (process.env.CI) {\n  localDb = new PouchDB('clinic', { adapter: 'memory' });\n} else {\n  localDb = new PouchDB('clinic');\n}\nexport const schema = [{ singular: 'patient', plural: 'patients' }, { singular: 'setting', plural: 'settings' }];\nexport const relDb = localDb.setSchema(schema);",
      errors: [{ line: 8, column: 13, kinds: ["patient-record"] }],
    },
    {
      name: "a class field typed as a PouchDB database",
      code: "export class VisitStore {\n  constructor(private readonly db: PouchDB.Database) {}\n  async keep(visit: { diagnosis: string; patientId: string }) { await this.db.put({ _id: visit.patientId, diagnosis: visit.diagnosis }); }\n}",
      errors: [{ line: 3, column: 83, kinds: ["diagnosis"] }],
    },
    {
      name: "RxDB: collection insert and upsert",
      code: "import { createRxDatabase } from 'rxdb';\ndeclare const patient: { givenName: string; birthDate: string };\nconst db = await createRxDatabase({ name: 'clinic', storage: null as any });\nawait db.patients.insert({ id: '1', givenName: patient.givenName });\nawait db.patients.upsert({ id: '1', birthDate: patient.birthDate });",
      errors: [{ line: 4, column: 26, kinds: ["name"] }, { line: 5, column: 26, kinds: ["date-of-birth"] }],
    },
    {
      name: "idb: openDB database and transaction store",
      code: "import { openDB } from 'idb';\ndeclare const patient: { ssn: string; id: string };\nconst db = await openDB('clinic', 1);\nawait db.put('patients', { id: patient.id, ssn: patient.ssn });\nconst tx = db.transaction('patients', 'readwrite');\nawait tx.store.add(patient);",
      errors: [{ line: 4, column: 26, kinds: ["ssn"] }, { line: 6, column: 20, kinds: ["patient-record"] }],
    },
    {
      name: "localForage instance",
      code: "import localforage from 'localforage';\nconst offlineCache = localforage.createInstance({ name: 'clinic' });\ndeclare const patient: { mrn: string };\nawait offlineCache.setItem('current', { mrn: patient.mrn });",
      errors: [{ line: 4, column: 39, kinds: ["mrn"] }],
    },
    {
      name: "zustand persist: the state type holds patient data (localStorage by default, sessionStorage by option)",
      code: "import { create } from 'zustand';\nimport { persist, createJSONStorage } from 'zustand/middleware';\nimport type { PatientSummary } from './types';\ntype BookingState = { selected?: PatientSummary; step: number };\ntype BookingActions = { reset: () => void };\nexport const useBooking = create<BookingState & BookingActions>()(\n  persist((set) => ({ step: 0, reset: () => set({ step: 0 }) }), { name: 'booking' }),\n);\nexport const useDrafts = create<BookingState>()(persist(() => ({ step: 0 }), { name: 'drafts', storage: createJSONStorage(() => sessionStorage) }));",
      workspace: {"src/types.ts":"type PersonBase = { givenName: string; familyName: string };\nexport type PatientSummary = PersonBase & { birthDate: string; phoneNumber?: string };"},
      errors: [{ line: 7, column: 3, kinds: ["date-of-birth","name","phone"] }, { line: 9, column: 49, kinds: ["date-of-birth","name","phone"] }],
    },
    {
      name: "zustand persist inside a generic store factory instantiated with a clinical draft type",
      code: "import { create } from 'zustand';\nimport { persist, createJSONStorage } from 'zustand/middleware';\ninterface DraftState<TDraft> { drafts: Record<string, TDraft> }\nfunction createDraftStore<TDraft extends object>(name: string) {\n  return create<DraftState<TDraft>>()(persist(() => ({ drafts: {} }), { name, storage: createJSONStorage(() => sessionStorage) }));\n}\ntype VitalsDraft = Partial<{ heartRate: number; temperature: number; bloodPressure: string }>;\nexport const useVitalsDraft = createDraftStore<VitalsDraft>('vitals');",
      errors: [{ line: 5, column: 39, kinds: ["vital-signs"] }],
    },
    {
      name: "redux-persist: combined reducer with a patients slice",
      code: "import { persistReducer } from 'redux-persist';\nimport storage from 'redux-persist/lib/storage/session';\nimport { combineReducers } from 'redux';\ndeclare const patientsReducer: any, uiReducer: any;\nconst rootReducer = combineReducers({ patients: patientsReducer, ui: uiReducer });\nconst persistConfig = { key: 'root', storage };\nexport const persisted = persistReducer(persistConfig, rootReducer);",
      errors: [{ line: 7, column: 26, kinds: ["patient-record"] }],
    },
    {
      name: "redux-persist: slices named for nothing whose modules declare what their state holds (a Redux Toolkit slice's typed initialState, a reducer's typed state parameter), combined inside a root reducer function",
      filename: 'src/state/store.ts',
      code: "import { persistReducer } from 'redux-persist';\nimport localforage from 'localforage';\nimport { combineReducers } from '@reduxjs/toolkit';\nimport explored from './explored';\nimport { current } from '@/entities/current/model';\nconst rootReducer = (state: any, action: any) => {\n  const reducer = combineReducers({ explored, current });\n  return reducer(state, action);\n};\nexport const a = persistReducer({ key: 'root', storage: localforage }, rootReducer);\nexport const b = persistReducer({ key: 'current', storage: localforage }, current);",
      workspace: {
        "src/state/explored.ts": "import { createSlice } from '@reduxjs/toolkit';\ninterface Patient { name: string; birthDate: string; conditions: string[] }\nexport type ExploredState = { includedPatients: Patient[]; loading: boolean };\nconst defaultState = { includedPatients: [], loading: false };\nconst exploredSlice = createSlice({\n  name: 'explored',\n  initialState: defaultState as ExploredState,\n  reducers: {},\n});\nexport default exploredSlice.reducer;",
        "src/entities/current/model.ts": "interface Subject { firstName: string; lastName: string; phone: string }\ntype CurrentState = { subject: Subject | null };\nexport const current = (state: CurrentState = { subject: null }, action: { type: string; payload?: Subject }): CurrentState => (action.type === 'select' ? { subject: action.payload ?? null } : state);",
      },
      errors: [{ line: 10, column: 18 }, { line: 11, column: 18, kinds: ["name","phone"] }],
    },
    {
      name: "react-hook-form: a typed registration form autosaved",
      code: "import { useEffect } from 'react';\nimport { useForm } from 'react-hook-form';\nimport type { RegistrationForm } from './forms';\nexport function Registration() {\n  const { getValues, watch } = useForm<RegistrationForm>();\n  const values = watch();\n  useEffect(() => { localStorage.setItem('registration-draft', JSON.stringify(values)); }, [values]);\n  window.addEventListener('beforeunload', () => sessionStorage.setItem('draft', JSON.stringify(getValues())));\n}",
      workspace: {"src/forms.ts":"export interface RegistrationForm { givenName: string; familyName: string; birthdate: string; phoneNumber: string }"},
      errors: [{ line: 7, column: 64, kinds: ["date-of-birth","name","phone"] }, { line: 8, column: 81, kinds: ["date-of-birth","name","phone"] }],
    },
    {
      name: "Formik: initial values name the fields",
      code: "import { useFormik } from 'formik';\nexport function Intake() {\n  const formik = useFormik({ initialValues: { firstName: '', dateOfBirth: '', allergies: '' }, onSubmit: () => {} });\n  sessionStorage.setItem('intake', JSON.stringify(formik.values));\n}",
      errors: [{ line: 4, column: 36, kinds: ["allergy","date-of-birth","name","patient-record"] }],
    },
    {
      name: "typed state and refs: useState<T>, Ref<T>.value, AxiosResponse<T>.data",
      code: "import { useState } from 'react';\nimport type { AxiosResponse } from 'axios';\nimport type { Ref } from 'vue';\nimport type { PatientDetails } from './types';\nexport function useDraft(selected: Ref<PatientDetails>, response: AxiosResponse<PatientDetails>) {\n  const [draft] = useState<PatientDetails>();\n  localStorage.setItem('a', JSON.stringify(draft));\n  localStorage.setItem('b', JSON.stringify(selected.value));\n  localStorage.setItem('c', JSON.stringify(response.data));\n}",
      workspace: {"src/types.ts":"export interface PatientDetails { givenName: string; birthDate: string }"},
      errors: [{ line: 7, column: 29, kinds: ["date-of-birth","name"] }, { line: 8, column: 29, kinds: ["date-of-birth","name"] }, { line: 9, column: 29, kinds: ["date-of-birth","name"] }],
    },
    {
      name: "a FHIR type imported under another name; answers typed by an index signature",
      code: "import { QuestionnaireResponse as FhirResponse } from 'fhir/r4b';\nimport type { AnswersByLinkId } from 'shared-types';\nexport function saveDraft(response: FhirResponse, answers: AnswersByLinkId, key: string) {\n  localStorage.setItem(key, JSON.stringify(response));\n  sessionStorage.setItem(key, JSON.stringify({ page: answers }));\n}",
      workspace: {"packages/shared-types/src/forms.ts":"export type AnswersByLinkId = { [linkId: string]: QuestionnaireResponseItem };"},
      errors: [{ line: 4, column: 29, kinds: ["clinical-note"] }, { line: 5, column: 31, kinds: ["clinical-note"] }],
    },
    {
      name: "formik-persist-values: a withFormik form whose mapPropsToValues lists patient fields is persisted (localStorage by default)",
      filename: "src/PrescriptionDraft.jsx",
      code: "import { withFormik } from 'formik';\nimport { PersistFormikValues } from 'formik-persist-values';\nconst form = { mapPropsToValues: (props) => ({ id: props.id, givenName: '', birthday: '', mrn: '', insulinDose: 0 }) };\nfunction Draft({ storageKey }) {\n  return <form><PersistFormikValues persistInvalid name={storageKey} /></form>;\n}\nexport default withFormik(form)(Draft);",
      errors: [{ line: 5, column: 17, kinds: ["date-of-birth","glucose-insulin","mrn","name"], message: "in localStorage through formik-persist-values" }],
    },
    {
      name: "formik-persist: the enclosing <Formik>'s fields, sessionStorage by option",
      filename: "src/Intake.tsx",
      code: "import { Formik, Form, Field } from 'formik';\nimport { Persist } from 'formik-persist';\nexport const Intake = () => (\n  <Formik initialValues={{ note: '' }} onSubmit={() => {}}>\n    <Form><Field name=\"phoneNumber\" /><Field name=\"diagnosis\" /><Persist name=\"intake\" isSessionStorage /></Form>\n  </Formik>\n);",
      errors: [{ line: 5, column: 66, kinds: ["diagnosis","phone"], message: "in sessionStorage through formik-persist" }],
    },
    {
      name: "react-hook-form-persist: the typed form of the calling component (sessionStorage by default)",
      filename: "src/Registration.tsx",
      code: "import { useForm } from 'react-hook-form';\nimport useFormPersist from 'react-hook-form-persist';\nimport type { RegistrationForm } from './forms';\nexport function Registration() {\n  const { watch, setValue } = useForm<RegistrationForm>();\n  useFormPersist('registration', { watch, setValue });\n  return null;\n}",
      workspace: {"src/forms.ts": "export interface RegistrationForm { givenName: string; birthdate: string }"},
      errors: [{ line: 6, column: 3, kinds: ["date-of-birth","name"], message: "in sessionStorage through react-hook-form-persist" }],
    },
    {
      name: "useLocalStorage/useSessionStorage hooks: the setter writes its argument to web storage",
      filename: "src/useDraft.ts",
      code: "import { useLocalStorage, useSessionStorage } from 'usehooks-ts';\ndeclare const patient: { givenName: string; birthDate: string }, value: string;\nexport function useDrafts() {\n  const [, setCurrent] = useLocalStorage('current', null);\n  const [, setSsn] = useSessionStorage('ssn', '');\n  setCurrent(patient);\n  setSsn(value);\n}",
      errors: [{ line: 6, column: 14, kinds: ["patient-record"], message: "in localStorage" }, { line: 7, column: 10, kinds: ["ssn"], message: "in sessionStorage" }],
    },
    {
      // the flag exemption is about booleans only: a hook that starts as a string or null, and a value that is not a comparison, keep the key's word
      name: "keys naming persons over values that are not booleans: a hook starting as text, a ternary, a logical or of values",
      filename: "src/scenes/person/list.js",
      code: "import { useLocalStorage } from '../../services/useLocalStorage';\nexport function PersonList({ filter }) {\n  const [, setLastPerson] = useLocalStorage('person', '');\n  setLastPerson(filter.value);\n  localStorage.setItem('patient', filter.a > 1 ? filter.b : filter.c);\n  localStorage.setItem('dob', filter.a || filter.b);\n  return null;\n}",
      errors: [{ line: 4, column: 17, kinds: ["patient-record"], message: "in localStorage" }, { line: 5, column: 35, kinds: ["patient-record"], message: "in localStorage" }, { line: 6, column: 31, kinds: ["date-of-birth"], message: "in localStorage" }],
    },
    {
      // a key moved into a constant (a const string, an enum member, a template over a constant prefix) names the same data as the literal
      name: "opaque values under constant keys: a const string, an enum member",
      filename: "src/persist.ts",
      code: "enum StorageKeys { Diagnosis = 'lastDiagnosis' }\nconst CACHE_KEY = 'patientDrafts';\nexport function keep(value: unknown) {\n  localStorage.setItem(StorageKeys.Diagnosis, String(value));\n  localStorage.setItem(CACHE_KEY, JSON.stringify(value));\n}",
      errors: [{ line: 4, column: 47, kinds: ["diagnosis"], message: "in localStorage" }, { line: 5, column: 35, kinds: ["patient-record"], message: "in localStorage" }],
    },
    {
      // only fixed codes are exempt: a parameter typed string, or with a type that is not an enum of the file, keeps the key's word
      name: "values typed string or with an imported type under keys naming appointments",
      filename: "src/components/AppointmentTabs.tsx",
      code: "import { ApptRef } from './types';\nexport const KEY = 'selectedAppointment';\nexport function keep(value: string, ref: ApptRef): void {\n  localStorage.setItem(KEY, value);\n  sessionStorage.setItem(KEY, JSON.stringify(ref));\n}",
      errors: [{ line: 4, column: 29, kinds: ["encounter"], message: "in localStorage" }, { line: 5, column: 31, kinds: ["encounter"], message: "in sessionStorage" }],
    },
    {
      name: "an untyped useFormikContext() hands out the values of the form the file declares (withFormik mapPropsToValues)",
      filename: "src/IntakeWizard.jsx",
      code: "import { withFormik, useFormikContext } from 'formik';\nimport { useLocalStorage } from './hooks';\nfunction Wizard() {\n  const { values } = useFormikContext();\n  const [, setStored] = useLocalStorage('wizard');\n  setStored({ ...values, step: 2 });\n  return null;\n}\nexport default withFormik({ mapPropsToValues: () => ({ givenName: '', birthDate: '', allergies: [] }) })(Wizard);",
      errors: [{ line: 6, column: 13, kinds: ["allergy","date-of-birth","name"] }],
    },
    {
      name: 'a severity set in config wins',
      code: "declare const patient: any;\nlocalStorage.setItem('p', patient.ssn);",
      config: { rules: { 'no-phi-in-browser-storage': 'warning' } },
      errors: [{ line: 2, column: 27, severity: 'warning' }],
    },
  ],
});

// A callback passed inline as a component's prop takes its parameter's type from the component's declared props
// (TypeScript's contextual typing): `saveProgress={(data) => sessionStorage.setItem(…, data)}` stores what the props
// type says `saveProgress` receives.
const PAGED_FORM = "import type { FC } from 'react';\nexport interface FormFields { givenName: string; birthDate: string }\nexport interface DisplaySettings { theme: string; pageSize: number }\nexport interface BaseProps { onSettings?: (settings: DisplaySettings) => void }\nexport interface PagedFormProps extends BaseProps {\n  onSubmit: (data: FormFields) => void;\n  saveProgress(data: FormFields, page: number): void;\n  onPage?: (page: number, fields: FormFields) => void;\n}\nexport const PagedForm: FC<PagedFormProps> = () => null;\n";
runRuleTests('no-phi-in-browser-storage', {
  valid: [
    {
      name: 'callbacks whose declared parameters hold no PHI (a page number, display settings from an extended props type)',
      filename: 'src/pages/Page.tsx',
      workspace: { 'packages/ui-components/src/PagedForm.tsx': PAGED_FORM },
      code: "import { PagedForm } from 'ui-components';\nexport function Page() {\n  return <PagedForm onSubmit={() => undefined} saveProgress={() => undefined} onPage={(page) => sessionStorage.setItem('page', String(page))} onSettings={(settings) => localStorage.setItem('settings', JSON.stringify(settings))} />;\n}",
    },
    {
      name: 'a callback of a component whose props the workspace does not declare, and a lower-case DOM element',
      filename: 'src/pages/Page.tsx',
      code: "import { Wizard } from 'some-wizard-library';\nexport function Page() {\n  return <div><Wizard saveProgress={(data) => sessionStorage.setItem('progress', JSON.stringify(data))} /><form onSubmit={(event) => sessionStorage.setItem('x', String(event.timeStamp))} /></div>;\n}",
    },
    {
      name: 'an annotated parameter keeps its own type',
      filename: 'src/pages/Page.tsx',
      workspace: { 'src/pages/PagedForm.tsx': PAGED_FORM },
      code: "import { PagedForm } from './PagedForm';\ninterface Draft { step: number }\nexport function Page() {\n  return <PagedForm onSubmit={() => undefined} saveProgress={(data: Draft) => sessionStorage.setItem('progress', JSON.stringify(data))} />;\n}",
    },
  ],
  invalid: [
    {
      name: 'a form’s progress saved from an inline callback of a monorepo package’s component, typed by its props',
      filename: 'apps/intake/src/pages/Page.tsx',
      workspace: { 'packages/ui-components/src/PagedForm.tsx': PAGED_FORM },
      code: "import { PagedForm } from 'ui-components';\nexport function Page({ pageId }: { pageId: string }) {\n  return <PagedForm onSubmit={() => undefined} saveProgress={(data) => sessionStorage.setItem('progress', JSON.stringify({ [pageId]: data }))} />;\n}",
      errors: [{ line: 3, column: 107, kinds: ['date-of-birth', 'name'] }],
    },
    {
      name: 'a relatively imported component’s callback (second parameter) and the file’s own component’s method-signature callback',
      filename: 'src/pages/Page.tsx',
      workspace: { 'src/pages/PagedForm.tsx': PAGED_FORM },
      code: "import { PagedForm } from './PagedForm';\ninterface Visit { diagnosis: string }\ninterface NotesProps { onSave(visit: Visit): void }\nfunction Notes({ onSave }: NotesProps) { return null; }\nexport function Page() {\n  return <><PagedForm onSubmit={() => undefined} saveProgress={() => undefined} onPage={(page, fields) => localStorage.setItem('fields', JSON.stringify(fields))} /><Notes onSave={(visit) => localStorage.setItem('visit', JSON.stringify(visit))} /></>;\n}",
      errors: [{ line: 6, column: 138, kinds: ['date-of-birth', 'name'] }, { line: 6, column: 221, kinds: ['diagnosis', 'encounter'] }],
    },
  ],
});

// A component's destructured props hold what the props type declares, field by field, as `props.visitNext` does.
runRuleTests('no-phi-in-browser-storage', {
  valid: [
    {
      name: 'destructured props whose declared fields hold no PHI (display settings, an id)',
      filename: 'src/Settings.tsx',
      code: "import { STORAGE_KEY } from './constants';\ninterface Display { theme: string; pageSize: number }\ninterface Props { display: Display; visitId: string }\nexport const Settings = ({ display, visitId }: Props) => {\n  localStorage.setItem(STORAGE_KEY, JSON.stringify(display));\n  localStorage.setItem('last', visitId);\n  return null;\n};",
    },
  ],
  invalid: [
    {
      name: 'a visit destructured from typed props saved under an imported key',
      filename: 'src/StartVisit.tsx',
      code: "import { STORAGE_KEY } from './constants';\ninterface Patient { fullName: string; dateOfBirth: string }\ninterface Visit { id: string; patient?: Patient }\ninterface Props { className?: string; upcoming?: Visit }\nexport const StartVisit = ({ className, upcoming }: Props) => {\n  const start = () => localStorage.setItem(STORAGE_KEY, JSON.stringify(upcoming));\n  return <button className={className} onClick={start} />;\n};",
      errors: [{ line: 6, column: 57, kinds: ['date-of-birth', 'name', 'patient-record'] }],
    },
  ],
});

// A component's props type is named after the component (`VisitSettingsProps`), not after its data: a catalogue or
// configuration word in the component's name does not empty its fields; the fields' own types decide.
runRuleTests('no-phi-in-browser-storage', {
  valid: [
    {
      name: 'a settings component’s props whose fields are configuration types',
      filename: 'src/SettingsPanel.tsx',
      code: "import { STORAGE_KEY } from './constants';\ninterface AppSettings { theme: string; apiUrl: string }\ninterface SettingsPanelProps { settings: AppSettings; patientCount: number }\nexport const SettingsPanel = ({ settings, patientCount }: SettingsPanelProps) => {\n  const save = () => localStorage.setItem(STORAGE_KEY, JSON.stringify({ settings, patientCount }));\n  return <button onClick={save} />;\n};",
    },
  ],
  invalid: [
    {
      name: 'a visit destructured from the props of a component named for settings',
      filename: 'src/AudioSettings.tsx',
      code: "import { STORAGE_KEY } from './constants';\ninterface Patient { fullName: string; dateOfBirth: string }\ninterface Visit { id: string; patient?: Patient }\ninterface AudioSettingsProps { isDark?: boolean; upcoming?: Visit }\nexport const AudioSettings = ({ isDark, upcoming }: AudioSettingsProps) => {\n  const start = () => localStorage.setItem(STORAGE_KEY, JSON.stringify(upcoming));\n  return <button data-dark={isDark} onClick={start} />;\n};",
      errors: [{ line: 6, column: 57, kinds: ['date-of-birth', 'name', 'patient-record'] }],
    },
  ],
});

// A field of `this` one method assigns a patient response and another method stores; the near miss stores a field
// assigned a settings response.
runRuleTests('no-phi-in-browser-storage', {
  valid: [
    "import axios from 'axios';\nexport class Prefs {\n  current: any;\n  save() { localStorage.setItem('prefs', JSON.stringify(this.current)); }\n  load() { axios.get('/api/settings').then((response) => { this.current = response.data; }); }\n}",
  ],
  invalid: [
    {
      name: 'a field assigned a patient response in one method, stored by another above it',
      code: "import axios from 'axios';\nexport class Store {\n  current: any;\n  save() { localStorage.setItem('current', JSON.stringify(this.current)); }\n  load(id: string) { axios.get(`/api/patients/${id}`).then((response) => { this.current = response.data; }); }\n}",
      errors: [{ line: 4, column: 44 }],
    },
  ],
});
