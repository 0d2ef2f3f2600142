// On-device databases of mobile, hybrid and desktop apps (Realm, SQLite bindings, TypeORM's device drivers,
// WatermelonDB, MMKV, electron-store), read for the storage rules. One finding per store opening: the whole store is one
// file on the device, so what matters is whether it is opened with a key and whether it demonstrably holds
// patient records — its schema's entity names, its tables' columns in the file's SQL, or PHI written to it.
import {
  CARE_SUBJECT_ENTITY_WORDS,
  DEVICE_DB_KEY_OPTIONS,
  DEVICE_SQLITE_MODULES,
  DEVICE_SQLITE_OPEN_FUNCTIONS,
  ELECTRON_STORE_MODULES,
  ENTITY_CATALOGUE_WORDS,
  MMKV_FACTORIES,
  MMKV_MODULES,
  REALM_MODULES,
  REALM_REACT_MODULES,
  REALM_TYPE_METHODS,
  STORE_ENCRYPTION_MODULES,
  subjectOfName,
  TYPEORM_DEVICE_DRIVERS,
  TYPEORM_MOBILE_ONLY_DRIVERS,
  WATERMELON_MODULES,
  type RuleContext,
  type Taint,
  type TSESTree,
} from '../../server/src/rule-api';
import { dottedName, isStringLiteral, keyName, memberCall, propertyKey, propertyName, splitWords, unwrap, type Node } from './ast';

const careWords = new Set(CARE_SUBJECT_ENTITY_WORDS);
const catalogueWords = new Set(ENTITY_CATALOGUE_WORDS);
const keyOptions = new Set(DEVICE_DB_KEY_OPTIONS);
const typeormDrivers = new Set(TYPEORM_DEVICE_DRIVERS);
const mobileOnlyDrivers = new Set(TYPEORM_MOBILE_ONLY_DRIVERS);
const sqliteOpens = new Set(DEVICE_SQLITE_OPEN_FUNCTIONS);
const realmTypeMethods = new Set(REALM_TYPE_METHODS);
const mmkvFactories = new Set(MMKV_FACTORIES);
/** Words a model's name ends with that say what kind of code it is, not what it holds: `PatientSchema`, `EncounterModel`. */
const CODE_SUFFIXES = new Set(['schema', 'schemas', 'model', 'models', 'entity', 'entities', 'table', 'collection', 'object', 'class', 'realm']);

/** The PHI kinds an entity, table or schema name says its records are (`Patient`, `ProgramEncounter`, `individuals`). */
export function entityKinds(context: RuleContext, name: string): string[] {
  const words = [...splitWords(name)];
  while (words.length > 1 && CODE_SUFFIXES.has(words[words.length - 1])) words.pop();
  if (words.length === 0 || catalogueWords.has(words[words.length - 1])) return [];
  // the workforce's or an organisation's records (`InsuranceProvider`, `MedicineAdministrator`, `Practitioner`) are not a patient's
  if (subjectOfName(words.join('_')) === 'workforce') return [];
  const verdict = context.classify(words.join('_'));
  if (verdict.trap) return [];
  if (verdict.kinds.length) return [...verdict.kinds];
  return words.some((word) => careWords.has(word)) ? ['patient-record'] : [];
}

/** A variable's initialiser, followed through a few aliases (`const options = config; new Realm(options)`). */
function resolveBound(bound: ReadonlyMap<string, Node>, node: Node | undefined): Node | undefined {
  let current = node ? unwrap(node) : undefined;
  for (let depth = 0; current?.type === 'Identifier' && depth < 3; depth++) {
    const next = bound.get(current.name);
    current = next ? unwrap(next) : undefined;
  }
  return current;
}

/** What a store demonstrably holds: PHI kinds and the entity, table or column names that say so. */
export class PatientEvidence {
  readonly kinds = new Set<string>();
  readonly names: string[] = [];

  constructor(private readonly context: RuleContext) {}

  get found(): boolean {
    return this.kinds.size > 0;
  }

  private add(kinds: readonly string[], name: string) {
    if (kinds.length === 0) return;
    kinds.forEach((kind) => this.kinds.add(kind));
    if (!this.names.includes(name) && this.names.length < 6) this.names.push(name);
  }

  entity(name: string) {
    this.add(entityKinds(this.context, name), name);
  }

  /** A column or property: only names that are PHI on their own (`date_of_birth`, `ssn`), not `name` or `notes`. */
  field(name: string) {
    this.add(this.context.classifyName(name), name);
  }

  merge(other: PatientEvidence) {
    for (const kind of other.kinds) this.kinds.add(kind);
    for (const name of other.names) if (!this.names.includes(name) && this.names.length < 6) this.names.push(name);
  }

  taint(): Taint {
    return { kinds: [...this.kinds].sort(), origins: [], confidence: 'high' };
  }
}

/** Whether an options object gives the store a key: true, false, or undefined when a spread hides part of it. */
function keyOption(object: TSESTree.ObjectExpression, resolve: (node: Node | undefined) => Node | undefined, depth = 0): boolean | undefined {
  let unknown = false;
  for (const property of object.properties) {
    if (property.type === 'SpreadElement') {
      const spread = resolve(property.argument);
      if (spread?.type === 'ObjectExpression' && depth < 3) {
        const inner = keyOption(spread, resolve, depth + 1);
        if (inner) return true;
        if (inner === undefined) unknown = true;
      } else unknown = true;
      continue;
    }
    const key = propertyKey(property);
    if (!key) continue;
    const value = unwrap(property.value as Node);
    // TypeORM passes driver options through `extra`; a SQLCipher driver is a key too
    if (key === 'extra' && value.type === 'ObjectExpression' && depth < 3) {
      if (keyOption(value, resolve, depth + 1)) return true;
      continue;
    }
    if (!keyOptions.has(key)) continue;
    // `encryptionKey: undefined`, `encrypted: false` pass no key; anything else (a variable, a conditional) does
    if (value.type === 'Identifier' && value.name === 'undefined') continue;
    if (value.type === 'Literal' && (value.value === null || value.value === false || value.value === '')) continue;
    return true;
  }
  return unknown ? undefined : false;
}

const CREATE_TABLE = /\bcreate\s+table\s+(?:if\s+not\s+exists\s+)?["'`[]?(\w+)["'`\]]?\s*\(([^;]*)/gi;
const INSERT_INTO = /\binsert\s+(?:or\s+\w+\s+)?into\s+["'`[]?(\w+)["'`\]]?\s*\(([^)]*)\)/gi;
const PRAGMA_KEY = /\bpragma\s+(key|rekey|cipher\w*)\b/i;

interface Opening {
  node: Node;
  store: string;
  evidence: PatientEvidence;
  /** The file's SQL says what this store holds (SQLite bindings). */
  usesFileSql: boolean;
  /** WatermelonDB: the file's `tableSchema`s say what it holds. */
  usesFileTables: boolean;
  /** The variable holding the options, silent if the file gives it a key anywhere (`config.encryptionKey = key`). */
  optionsVariable?: string;
}

interface KeyValueStore {
  node: Node;
  store: string;
  taint: Taint;
}

export interface DeviceStoreFinding {
  node: Node;
  store: string;
  taint: Taint;
  /** The entity, table or column names that show the store holds patient data (empty for key-value stores). */
  names: string[];
  keyValue: boolean;
}

function joinTaints(a: Taint, b: Taint): Taint {
  if (b.kinds.length === 0) return a;
  if (a.kinds.length === 0) return b;
  return { kinds: [...new Set([...a.kinds, ...b.kinds])].sort(), origins: [...a.origins, ...b.origins].slice(0, 3), confidence: a.confidence === 'high' || b.confidence === 'high' ? 'high' : 'medium' };
}

/**
 * Collects a file's on-device store openings during the walk and, at the end of the file, says which of them
 * are unencrypted stores of patient data. Inert in files that import none of the libraries.
 */
export class DeviceStores {
  private realmLocals = new Set<string>();
  private realmContextFactories = new Set<string>();
  private realmProviders = new Set<string>();
  private typeormLocals = new Set<string>();
  private sqliteLocals = new Map<string, string>();
  private watermelonDatabase = new Set<string>();
  private watermelonTableSchema = new Set<string>();
  /** Local names of WatermelonDB's SQLiteAdapter, and the adapters the file constructs (where the SQLite file is opened). */
  private watermelonSqliteAdapters = new Set<string>();
  private readonly sqliteAdapterNodes: TSESTree.NewExpression[] = [];
  /** Local names of key-value store factories (MMKV, electron-store), with the store's name. */
  private mmkvLocals = new Map<string, string>();
  private active = false;
  private sqlite = false;
  private encryptedByModule = false;
  private sqlEncrypted = false;
  private readonly bound = new Map<string, Node>();
  /** Variables whose `.encryptionKey`/`.key` is assigned somewhere in the file (`config.encryptionKey = key`). */
  private readonly keyedVariables = new Set<string>();
  private readonly fileSql: PatientEvidence;
  private readonly fileTables: PatientEvidence;
  private readonly openings: Opening[] = [];
  private readonly typeormOptions = new Set<Node>();
  private readonly mmkvStores = new Map<string, KeyValueStore>();
  private readonly recrypted = new Set<string>();

  constructor(private readonly context: RuleContext) {
    this.fileSql = new PatientEvidence(context);
    this.fileTables = new PatientEvidence(context);
  }

  start() {
    const context = this.context;
    for (const { local, imported, module } of context.localNamesFrom(REALM_MODULES)) if (imported === 'default' || imported === '*' || imported === 'Realm' || (module !== 'realm' && imported === 'Database')) this.realmLocals.add(local);
    for (const { local, imported } of context.localNamesFrom(REALM_REACT_MODULES)) {
      if (imported === 'createRealmContext') this.realmContextFactories.add(local);
      if (imported === 'RealmProvider') this.realmProviders.add(local);
    }
    for (const { local, imported } of context.localNamesFrom('typeorm')) if (imported === 'DataSource' || imported === 'createConnection' || imported === 'Connection' || imported === '*' || imported === 'default') this.typeormLocals.add(local);
    for (const { local, imported, module } of context.localNamesFrom(DEVICE_SQLITE_MODULES)) this.sqliteLocals.set(local, imported === 'default' || imported === '*' ? module : imported);
    for (const { local, imported, module } of context.localNamesFrom(WATERMELON_MODULES)) {
      if (imported === 'Database') this.watermelonDatabase.add(local);
      if (module === '@nozbe/watermelondb/adapters/sqlite' && (imported === 'default' || imported === 'SQLiteAdapter')) this.watermelonSqliteAdapters.add(local);
      if (imported === 'tableSchema') this.watermelonTableSchema.add(local);
    }
    for (const { local, imported } of context.localNamesFrom(MMKV_MODULES)) if (mmkvFactories.has(imported)) this.mmkvLocals.set(local, 'MMKV');
    for (const { local, imported } of context.localNamesFrom(ELECTRON_STORE_MODULES)) if (imported === 'default') this.mmkvLocals.set(local, 'electron-store');
    this.sqlite = this.sqliteLocals.size > 0 || /\bsqlitePlugin\b/.test(context.text);
    this.encryptedByModule = context.importsModule(STORE_ENCRYPTION_MODULES);
    this.active = this.realmLocals.size > 0 || this.realmContextFactories.size > 0 || this.realmProviders.size > 0 || this.typeormLocals.size > 0 || this.sqlite || this.watermelonDatabase.size > 0 || this.watermelonTableSchema.size > 0 || this.mmkvLocals.size > 0;
  }

  resolve = (node: Node | undefined): Node | undefined => resolveBound(this.bound, node);

  variableDeclarator(node: TSESTree.VariableDeclarator) {
    if (!this.active || node.id.type !== 'Identifier' || !node.init) return;
    this.bound.set(node.id.name, node.init);
    const init = unwrap(node.init);
    if ((init.type === 'NewExpression' || init.type === 'CallExpression') && init.callee.type === 'Identifier' && this.mmkvLocals.has(init.callee.name)) this.noteMmkv(node.id.name, init);
  }

  assignment(node: TSESTree.AssignmentExpression) {
    if (!this.active || node.left.type !== 'MemberExpression' || node.left.object.type !== 'Identifier') return;
    const key = propertyName(node.left);
    if (key && keyOptions.has(key)) this.keyedVariables.add(node.left.object.name);
  }

  /** Whether the file opens SQLite, so its strings are read for DDL. */
  get readsSql(): boolean {
    return this.sqlite;
  }

  /** String and template text of a file that opens SQLite: its DDL and inserts say what the tables hold. */
  text(value: string) {
    if (!this.sqlite || value.length < 12) return;
    if (PRAGMA_KEY.test(value)) this.sqlEncrypted = true;
    for (const pattern of [CREATE_TABLE, INSERT_INTO]) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
        this.fileSql.entity(match[1]);
        for (const column of match[2].split(',')) {
          const name = /^\s*["'`[]?(\w+)/.exec(column)?.[1];
          if (name && !/^(primary|foreign|unique|constraint|check)$/i.test(name)) this.fileSql.field(name);
        }
      }
    }
  }

  objectExpression(node: TSESTree.ObjectExpression) {
    if (node.properties.length < 2) return;
    // `{ type: 'react-native', database, entities }`: TypeORM's device drivers, wherever the options are opened
    const type = node.properties.find((property): property is TSESTree.Property => property.type === 'Property' && propertyKey(property) === 'type');
    const value = type ? unwrap(type.value as Node) : undefined;
    if (isStringLiteral(value) && mobileOnlyDrivers.has(value.value)) this.typeormOpening(node, node);
  }

  newExpression(node: TSESTree.NewExpression) {
    if (!this.active || node.callee.type !== 'Identifier') return;
    const name = node.callee.name;
    if (this.realmLocals.has(name)) this.realmOpening(node, node.arguments[0] as Node | undefined);
    else if (this.typeormLocals.has(name)) this.typeormCall(node, node.arguments[0] as Node | undefined);
    else if (this.watermelonDatabase.has(name)) this.watermelonOpening(node);
    else if (this.watermelonSqliteAdapters.has(name)) this.sqliteAdapterNodes.push(node);
    else if (this.mmkvLocals.has(name)) this.noteMmkvExpression(node);
  }

  callExpression(node: TSESTree.CallExpression, phiOfWrite: (key: Node | undefined, value: Node) => Taint) {
    if (!this.active) return;
    const call = memberCall(node);
    if (node.callee.type === 'Identifier') {
      const name = node.callee.name;
      if (this.typeormLocals.has(name)) return this.typeormCall(node, node.arguments[0] as Node | undefined);
      if (this.realmContextFactories.has(name)) return this.realmOpening(node, node.arguments[0] as Node | undefined);
      if (this.watermelonTableSchema.has(name)) return this.tableSchema(node);
      if (this.mmkvLocals.has(name)) return this.noteMmkvExpression(node);
      const imported = this.sqliteLocals.get(name);
      if (imported && sqliteOpens.has(imported)) return this.sqliteOpening(node);
      return;
    }
    if (!call) return;
    const root = dottedName(call.object)?.split('.')[0];
    if (call.method === 'open' && root && this.realmLocals.has(root)) return this.realmOpening(node, node.arguments[0] as Node | undefined);
    if (sqliteOpens.has(call.method) && ((root && this.sqliteLocals.has(root)) || /(^|\.)sqlitePlugin$/.test(dottedName(call.object) ?? '') || (call.method === 'createConnection' && this.sqliteLocals.size > 0 && !this.typeormLocals.size))) return this.sqliteOpening(node);
    // MMKV: storage.set(key, value) on an instance of the file; storage.recrypt(key) encrypts it
    if (call.object.type === 'Identifier' && this.mmkvStores.has(call.object.name)) {
      if (call.method === 'recrypt' && node.arguments[0] && !(node.arguments[0].type === 'Identifier' && node.arguments[0].name === 'undefined')) this.recrypted.add(call.object.name);
      if (call.method === 'set' && node.arguments.length >= 2 && node.arguments[1].type !== 'SpreadElement') {
        const store = this.mmkvStores.get(call.object.name)!;
        store.taint = joinTaints(store.taint, phiOfWrite(node.arguments[0] as Node, node.arguments[1] as Node));
      }
    }
  }

  /** `<RealmProvider schema={[Patient]}>` without an `encryptionKey` prop. */
  jsxElement(node: TSESTree.JSXOpeningElement) {
    if (!this.active || node.name.type !== 'JSXIdentifier' || !this.realmProviders.has(node.name.name)) return;
    let schema: Node | undefined;
    for (const attribute of node.attributes) {
      if (attribute.type === 'JSXSpreadAttribute') return;
      const name = attribute.name.type === 'JSXIdentifier' ? attribute.name.name : undefined;
      if (name && keyOptions.has(name)) return;
      if (name === 'inMemory') return;
      if (name === 'schema' && attribute.value?.type === 'JSXExpressionContainer' && attribute.value.expression.type !== 'JSXEmptyExpression') schema = attribute.value.expression;
    }
    const evidence = new PatientEvidence(this.context);
    this.entitiesOf(schema, evidence);
    this.openings.push({ node, store: 'Realm', evidence, usesFileSql: false, usesFileTables: false });
  }

  private entitiesOf(list: Node | undefined, evidence: PatientEvidence, depth = 0) {
    const array = this.resolve(list);
    if (!array && depth <= 2) {
      // `entities: MODELS_ARRAY` imported from the module that lists the app's model classes
      const imported = this.importedModels(list);
      if (imported) imported.names.forEach((name) => evidence.entity(name));
      return;
    }
    if (array?.type !== 'ArrayExpression' || depth > 2) return;
    for (const element of array.elements) {
      if (!element) continue;
      if (element.type === 'SpreadElement') {
        this.entitiesOf(element.argument, evidence, depth + 1);
        continue;
      }
      const item = unwrap(element);
      if (item.type === 'Identifier') {
        const resolved = this.resolve(item);
        if (resolved?.type === 'ObjectExpression') this.schemaObject(resolved, evidence, item.name);
        else evidence.entity(item.name);
      } else if (item.type === 'MemberExpression') {
        // Realm's `Patient.schema`
        const object = item.object.type === 'Identifier' ? item.object.name : undefined;
        if (object) evidence.entity(object);
      } else if (item.type === 'ObjectExpression') this.schemaObject(item, evidence, undefined);
    }
  }

  /** A Realm object schema `{ name: 'Patient', properties: { birthDate: 'date' } }`. */
  private schemaObject(object: TSESTree.ObjectExpression, evidence: PatientEvidence, variable: string | undefined) {
    let named = false;
    for (const property of object.properties) {
      if (property.type !== 'Property') continue;
      const key = propertyKey(property);
      if (key === 'name' && isStringLiteral(property.value as Node)) {
        evidence.entity((property.value as TSESTree.StringLiteral).value);
        named = true;
      }
      if (key === 'properties' && property.value.type === 'ObjectExpression') {
        for (const field of property.value.properties) if (field.type === 'Property' && !field.computed) evidence.field(keyName(field.key) ?? '');
      }
    }
    if (!named && variable) evidence.entity(variable);
  }

  /** The model classes of a list imported from another workspace module (the last name a chain of local aliases ends at). */
  private importedModels(list: Node | undefined): { names: readonly string[]; keyed: boolean } | undefined {
    let current = list ? unwrap(list) : undefined;
    for (let depth = 0; current?.type === 'Identifier' && this.bound.has(current.name) && depth < 3; depth++) current = unwrap(this.bound.get(current.name)!);
    if (current?.type !== 'Identifier') return undefined;
    return this.context.importedModelList?.(current.name);
  }

  private optionsOf(argument: Node | undefined): TSESTree.ObjectExpression | undefined {
    if (!argument) return undefined;
    const options = this.resolve(argument);
    return options?.type === 'ObjectExpression' ? options : undefined;
  }

  private variableOf(argument: Node | undefined): string | undefined {
    const bare = argument ? unwrap(argument) : undefined;
    return bare?.type === 'Identifier' ? bare.name : undefined;
  }

  private unkeyed(options: TSESTree.ObjectExpression): boolean {
    return keyOption(options, this.resolve) === false;
  }

  private realmOpening(node: Node, argument: Node | undefined) {
    const options = this.optionsOf(argument);
    if (!options) {
      // `new Realm(schema)` with the whole configuration (`{ schema: [Patient, …], schemaVersion }`) imported from the schema module
      const imported = this.importedModels(argument);
      if (!imported || imported.keyed) return;
      const evidence = new PatientEvidence(this.context);
      imported.names.forEach((name) => evidence.entity(name));
      this.openings.push({ node, store: 'Realm', evidence, usesFileSql: false, usesFileTables: false, optionsVariable: this.variableOf(argument) });
      return;
    }
    if (!this.unkeyed(options)) return;
    const inMemory = options.properties.some((property) => property.type === 'Property' && propertyKey(property) === 'inMemory' && !(property.value.type === 'Literal' && property.value.value === false));
    if (inMemory) return;
    const schema = options.properties.find((property): property is TSESTree.Property => property.type === 'Property' && propertyKey(property) === 'schema');
    const evidence = new PatientEvidence(this.context);
    this.entitiesOf(schema?.value as Node | undefined, evidence);
    this.openings.push({ node, store: 'Realm', evidence, usesFileSql: false, usesFileTables: false, optionsVariable: this.variableOf(argument) });
  }

  private typeormCall(node: Node, argument: Node | undefined) {
    const options = this.optionsOf(argument);
    if (!options) return;
    const type = options.properties.find((property): property is TSESTree.Property => property.type === 'Property' && propertyKey(property) === 'type');
    const value = type ? unwrap(type.value as Node) : undefined;
    if (isStringLiteral(value) && typeormDrivers.has(value.value)) this.typeormOpening(options, options);
  }

  private typeormOpening(options: TSESTree.ObjectExpression, report: Node) {
    if (this.typeormOptions.has(options)) return;
    this.typeormOptions.add(options);
    if (!this.unkeyed(options)) return;
    const driver = options.properties.find((property): property is TSESTree.Property => property.type === 'Property' && propertyKey(property) === 'driver');
    if (driver && /cipher|encrypt/i.test(this.context.getText(driver.value as Node))) return;
    const parent = this.context.parentOf(options);
    const optionsVariable = parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id.name : undefined;
    const entities = options.properties.find((property): property is TSESTree.Property => property.type === 'Property' && propertyKey(property) === 'entities');
    const evidence = new PatientEvidence(this.context);
    this.entitiesOf(entities?.value as Node | undefined, evidence);
    this.openings.push({ node: report, store: 'TypeORM (SQLite)', evidence, usesFileSql: false, usesFileTables: false, optionsVariable });
  }

  private sqliteOpening(node: TSESTree.CallExpression) {
    const call = memberCall(node);
    const args = node.arguments as Node[];
    if (call?.method === 'createConnection') {
      // Capacitor: createConnection(database, encrypted, mode, version, readonly)
      const encrypted = args[1] ? unwrap(args[1]) : undefined;
      if (!encrypted || !(encrypted.type === 'Literal' && encrypted.value === false)) return;
    } else {
      for (const argument of args) {
        const options = this.resolve(argument);
        if (options?.type === 'ObjectExpression' && keyOption(options, this.resolve) !== false) return;
      }
    }
    const optionsVariable = args.map((argument) => this.variableOf(argument)).find((name) => name && this.resolve(this.bound.get(name))?.type === 'ObjectExpression');
    this.openings.push({ node, store: 'SQLite', evidence: new PatientEvidence(this.context), usesFileSql: true, usesFileTables: false, optionsVariable });
  }

  private watermelonOpening(node: TSESTree.NewExpression) {
    let reportAt: Node = node;
    const options = this.resolve(node.arguments[0] as Node | undefined);
    if (options?.type !== 'ObjectExpression') return;
    const adapter = options.properties.find((property): property is TSESTree.Property => property.type === 'Property' && propertyKey(property) === 'adapter');
    if (adapter && /encrypt|cipher|passphrase/i.test(this.context.getText(this.resolve(adapter.value as Node) ?? (adapter.value as Node)))) return;
    // `adapter: createAdapter()`: a helper of the file builds it; the one SQLiteAdapter the file constructs opens the file
    const built = adapter ? this.resolve(adapter.value as Node) : undefined;
    if (built?.type !== 'NewExpression' && this.sqliteAdapterNodes.length === 1) {
      const sqliteAdapter = this.sqliteAdapterNodes[0];
      if (/encrypt|cipher|passphrase/i.test(this.context.getText(sqliteAdapter))) return;
      reportAt = sqliteAdapter;
    }
    const models = options.properties.find((property): property is TSESTree.Property => property.type === 'Property' && propertyKey(property) === 'modelClasses');
    const evidence = new PatientEvidence(this.context);
    this.entitiesOf(models?.value as Node | undefined, evidence);
    this.openings.push({ node: reportAt, store: 'WatermelonDB', evidence, usesFileSql: false, usesFileTables: true });
  }

  /** WatermelonDB `tableSchema({ name: 'patients', columns: [{ name: 'date_of_birth', type: 'string' }] })`. */
  private tableSchema(node: TSESTree.CallExpression) {
    const options = this.resolve(node.arguments[0] as Node | undefined);
    if (options?.type !== 'ObjectExpression') return;
    for (const property of options.properties) {
      if (property.type !== 'Property') continue;
      const key = propertyKey(property);
      if (key === 'name' && isStringLiteral(property.value as Node)) this.fileTables.entity((property.value as TSESTree.StringLiteral).value);
      if (key === 'columns' && property.value.type === 'ArrayExpression') {
        for (const column of property.value.elements) {
          if (column?.type !== 'ObjectExpression') continue;
          const columnName = column.properties.find((p): p is TSESTree.Property => p.type === 'Property' && propertyKey(p) === 'name');
          if (columnName && isStringLiteral(columnName.value as Node)) this.fileTables.field((columnName.value as TSESTree.StringLiteral).value);
        }
      }
    }
  }

  private noteMmkvExpression(node: TSESTree.NewExpression | TSESTree.CallExpression) {
    const parent = this.context.parentOf(node);
    if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') this.noteMmkv(parent.id.name, node);
  }

  private noteMmkv(variable: string, node: TSESTree.NewExpression | TSESTree.CallExpression) {
    if (this.mmkvStores.has(variable)) return;
    const argument = node.arguments[0] as Node | undefined;
    if (argument) {
      const options = this.resolve(argument);
      if (options?.type !== 'ObjectExpression' || keyOption(options, this.resolve) !== false) return;
    }
    const store = node.callee.type === 'Identifier' ? this.mmkvLocals.get(node.callee.name) ?? 'MMKV' : 'MMKV';
    this.mmkvStores.set(variable, { node, store, taint: { kinds: [], origins: [], confidence: 'high' } });
  }

  /** Realm object type names the file uses (`Individual.schema.name`, `realm.objects('Encounter')`), for a copy of the database. */
  realmTypesUsed(node: TSESTree.MemberExpression | TSESTree.CallExpression, evidence: PatientEvidence) {
    if (node.type === 'MemberExpression') {
      if (!node.computed && node.property.type === 'Identifier' && node.property.name === 'schema' && node.object.type === 'Identifier') evidence.entity(node.object.name);
      return;
    }
    const call = memberCall(node);
    const first = node.arguments[0];
    if (call && realmTypeMethods.has(call.method) && isStringLiteral(first)) evidence.entity(first.value);
  }

  findings(): DeviceStoreFinding[] {
    if (this.encryptedByModule || (this.openings.length === 0 && this.mmkvStores.size === 0)) return [];
    const found: DeviceStoreFinding[] = [];
    for (const opening of this.openings) {
      if (opening.optionsVariable && this.keyedVariables.has(opening.optionsVariable)) continue;
      if (opening.usesFileSql) {
        if (this.sqlEncrypted) continue;
        opening.evidence.merge(this.fileSql);
      }
      if (opening.usesFileTables) opening.evidence.merge(this.fileTables);
      if (opening.evidence.found) found.push({ node: opening.node, store: opening.store, taint: opening.evidence.taint(), names: opening.evidence.names, keyValue: false });
    }
    for (const [variable, store] of this.mmkvStores) {
      if (this.recrypted.has(variable) || store.taint.kinds.length === 0) continue;
      found.push({ node: store.node, store: store.store, taint: store.taint, names: [], keyValue: true });
    }
    return found;
  }
}

/**
 * Copies of a whole Realm database (`realm.writeCopyTo({ path })`, or the older `writeCopyTo(path)`) made
 * without a key, in a file whose code works with patient-like object types of that database
 * (`Individual.schema.name`, `realm.objects('Encounter')`): a backup or export of every record, in clear text.
 */
export class RealmCopies {
  private readonly bound = new Map<string, Node>();
  private readonly copies: Node[] = [];
  private readonly evidence: PatientEvidence;

  constructor(context: RuleContext) {
    this.evidence = new PatientEvidence(context);
  }

  private resolve = (node: Node | undefined): Node | undefined => resolveBound(this.bound, node);

  variableDeclarator(node: TSESTree.VariableDeclarator) {
    if (node.id.type === 'Identifier' && node.init && unwrap(node.init).type === 'ObjectExpression') this.bound.set(node.id.name, node.init);
  }

  memberExpression(node: TSESTree.MemberExpression) {
    if (!node.computed && node.property.type === 'Identifier' && node.property.name === 'schema' && node.object.type === 'Identifier') this.evidence.entity(node.object.name);
  }

  callExpression(node: TSESTree.CallExpression) {
    const call = memberCall(node);
    if (!call) return;
    const first = node.arguments[0] as Node | undefined;
    if (realmTypeMethods.has(call.method) && isStringLiteral(first)) this.evidence.entity(first.value);
    if (call.method !== 'writeCopyTo' || !first || node.arguments.length > 1) return;
    const target = this.resolve(first);
    if (target?.type === 'ObjectExpression') {
      if (keyOption(target, this.resolve) === false) this.copies.push(node);
    } else if (target && (isStringLiteral(target) || target.type === 'TemplateLiteral')) this.copies.push(node);
  }

  findings(): Array<{ node: Node; taint: Taint; names: string[] }> {
    if (!this.evidence.found) return [];
    const taint = { ...this.evidence.taint(), confidence: 'medium' as const };
    return this.copies.map((node) => ({ node, taint, names: this.evidence.names }));
  }
}

/** The type a class's `this.<field>` is declared with: a field annotation or a constructor parameter property (`constructor(private cache: CacheService)`). */
export function declaredFieldType(context: RuleContext, object: Node, at: Node): string | undefined {
  if (object.type !== 'MemberExpression' || object.object.type !== 'ThisExpression') return undefined;
  const field = propertyName(object);
  if (!field) return undefined;
  let cls: Node | undefined = context.parentOf(at);
  while (cls && cls.type !== 'ClassBody') cls = context.parentOf(cls);
  if (cls?.type !== 'ClassBody') return undefined;
  const typeName = (annotation: TSESTree.TSTypeAnnotation | undefined): string | undefined => {
    const type = annotation?.typeAnnotation;
    return type?.type === 'TSTypeReference' && type.typeName.type === 'Identifier' ? type.typeName.name : undefined;
  };
  for (const member of cls.body) {
    if (member.type === 'PropertyDefinition' && !member.computed && member.key.type === 'Identifier' && member.key.name === field) return typeName(member.typeAnnotation);
    if (member.type === 'MethodDefinition' && member.kind === 'constructor') {
      for (const param of member.value.params) {
        if (param.type === 'TSParameterProperty' && param.parameter.type === 'Identifier' && param.parameter.name === field) return typeName(param.parameter.typeAnnotation);
      }
    }
  }
  return undefined;
}
