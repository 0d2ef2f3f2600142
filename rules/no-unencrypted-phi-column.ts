import { createRule, type RuleContext, type TSESTree } from '../server/src/rule-api';
import { PHI_RESOURCE_TYPES } from '../server/src/rule-api';
import { PHI_KINDS } from '../server/src/rule-api';
import { BOOLEAN_PREFIXES, CODE_STRUCTURE_SUFFIXES, isAppUserName, PERSON_CONTEXT_WORDS, subjectOfName } from '../server/src/rule-api';
import { calleeName, dottedName, keyName, memberCall, propertyNamed, splitWords, type Node } from './utils/ast';

type Orm = 'mongoose' | 'typeorm' | 'sequelize' | 'drizzle' | 'knex' | 'sql';

const REMEDY: Record<Orm, string> = {
  mongoose: 'encrypt it with a field-encryption plugin (mongoose-field-encryption, mongoose-encryption) or MongoDB Queryable Encryption/CSFLE',
  typeorm: 'give the column an encryption `transformer` (for example typeorm-encrypted’s `EncryptionTransformer`)',
  sequelize: 'encrypt it in the attribute’s `set`/`get` or use an encrypted field type',
  drizzle: 'use a custom column type that encrypts the value (`customType` with encrypt/decrypt)',
  knex: 'store ciphertext (encrypt in the data layer before the insert) or use an encrypted column type',
  sql: 'store ciphertext (encrypt in the application, or pgcrypto/Always Encrypted) in a column declared for it',
};

/** Words in a type, plugin, transformer or decorator name that mean the value is encrypted at rest. */
const ENCRYPTION_PATTERN = /encrypt|decrypt|cipher|crypt(?:o)?\b|seal(?:ed)?\b|csfle|queryable/i;
/** Modules whose exports encrypt fields. */
const ENCRYPTION_MODULE_PATTERN = /encrypt|cipher|crypt/i;

const BOOLEAN_TYPES = /^(Boolean|boolean|BOOLEAN|DataTypes?\.BOOLEAN|Sequelize\.BOOLEAN|Schema\.Types\.Boolean|mongoose\.Schema\.Types\.Boolean)$/;
const REFERENCE_TYPES = /(ObjectId|UUID|UUIDV4|Types\.Mixed)$/;
const DRIZZLE_SKIPPED_BUILDERS = new Set(['boolean', 'uuid', 'serial', 'bigserial', 'smallserial', 'tinyint']);
const DRIZZLE_TABLES = new Set(['pgTable', 'mysqlTable', 'sqliteTable', 'singlestoreTable']);
const ENTITY_DECORATORS = new Set(['Entity', 'ViewEntity', 'Table', 'Schema', 'Model']);
const COLUMN_DECORATORS = new Set(['Column', 'PrimaryColumn', 'Prop', 'Property', 'Attribute']);

/**
 * Kinds reported by default: identifiers that are never a lookup key and whose theft enables identity or
 * insurance fraud (SSN and national ids, plan, account and licence numbers, passports, biometrics). Names,
 * contact details, dates of birth and death and the MRN are how patients are found and matched, so they have
 * to stay queryable: reported only with `includeLookupIdentifiers` (encrypt them deterministically or use a
 * blind index). Clinical columns (notes, results, vitals, medications, sensitive conditions) are what a
 * clinical schema is made of: encryption at rest of the database or device covers them, so they are
 * reported only with `includeClinicalData`.
 */
const LOOKUP_KINDS = new Set(['name', 'address', 'zip-code', 'phone', 'fax', 'email', 'mrn', 'date-of-birth', 'death-date', 'care-date', 'age', 'device-id', 'ip-address', 'patient-record', 'encounter']);
const CLINICAL_KINDS = new Set(['diagnosis', 'medication', 'allergy', 'lab-result', 'vital-signs', 'glucose-insulin', 'clinical-note', 'medical-history', 'procedure', 'immunization', 'insurance', 'observation', 'sensitive-condition']);
const HIGH_RISK_KINDS = new Set(PHI_KINDS.map((kind) => kind.id).filter((id) => !LOOKUP_KINDS.has(id) && !CLINICAL_KINDS.has(id)));

const booleanPrefixes = new Set(BOOLEAN_PREFIXES);
const codeSuffixes = new Set(CODE_STRUCTURE_SUFFIXES);
const personWords = new Set(PERSON_CONTEXT_WORDS);

interface Model {
  name?: string;
  personLike: boolean;
  /** A nested path under a workforce member (`profesional: { nombre, documento }`, `practitioner: { licenseNumber }`). */
  staffOwner?: boolean;
}

/** Identifier kinds: a workforce member's own (name, identity document, licence) are not PHI; clinical kinds stay PHI. */
const IDENTIFIER_KINDS: ReadonlySet<string> = new Set(PHI_KINDS.filter((kind) => kind.category === 'identifier').map((kind) => kind.id));

interface MongooseSchema {
  fields: TSESTree.ObjectExpression;
  model: Model;
  variable?: string;
}

interface PluginUse {
  /** Schema variable the plugin was applied to; undefined for `mongoose.plugin(…)`. */
  schema?: string;
  /** Fields the plugin encrypts; undefined = all fields. */
  only?: Set<string>;
  /** Fields the plugin leaves in clear text. */
  except?: Set<string>;
}

/**
 * A key naming a workforce member or an organisation, not the app's own user nor a patient (`profesional`, `practitioner`,
 * `organizacion`), or who did something to the record (`createdBy`, `registradoPor`): the staff member who recorded it.
 */
function namesWorkforceMember(field: string): boolean {
  const subject = subjectOfName(field);
  if (subject === 'patient') return false;
  const words = splitWords(field);
  if (words.length > 1 && ACTOR_WORDS.has(words[words.length - 1])) return true;
  return subject === 'workforce' && !isAppUserName(field);
}
/** The last word of an audit actor's key: `createdBy`, `updatedBy`, Spanish `registradoPor`, Portuguese `criadoPor`. */
const ACTOR_WORDS = new Set(['by', 'por']);

/** Keys only a sign-in account has: a password (or its hash, its reset token) or a username. */
function isCredentialKey(field: string): boolean {
  const words = splitWords(field);
  return words.includes('password') || words.includes('passwd') || words.join('') === 'username';
}

/** A field map holding a sign-in credential: the record of an account someone logs in with. */
function isAccountRecord(fields: TSESTree.ObjectExpression): boolean {
  return fields.properties.some((property) => {
    if (property.type !== 'Property' || property.computed) return false;
    const field = keyName(property.key);
    return field !== undefined && isCredentialKey(field);
  });
}

/** `PatientSchema` → "Patient", `patients` → "patients", `PatientEntity` → "Patient". */
function modelOf(context: RuleContext, name: string | undefined): Model {
  if (!name) return { personLike: false };
  const words = splitWords(name).filter((word) => word !== 'schema' && word !== 'entity' && word !== 'model' && word !== 'table' && word !== 'attributes' && word !== 'fields');
  const personLike = PHI_RESOURCE_TYPES.has(name) || words.some((word) => personWords.has(word)) || context.classifyName(words.join('_')).length > 0;
  return { name, personLike };
}

/** The PHI kinds a column name suggests; inside a patient-like model `name`, `address`, `notes` count too. */
function columnKinds(context: RuleContext, field: string, model: Model): string[] {
  if (context.config.notPhiNames.includes(field)) return [];
  const direct = context.classifyName(field);
  if (direct.length) return direct;
  if (!model.personLike) return [];
  const words = splitWords(field);
  if (words.length === 0 || booleanPrefixes.has(words[0]) || codeSuffixes.has(words[words.length - 1])) return [];
  return context.classifyName(`patient_${field}`).filter((kind) => kind !== 'patient-record');
}

function stringArray(node: Node | undefined): Set<string> | undefined {
  if (node?.type !== 'ArrayExpression') return undefined;
  const names = new Set<string>();
  for (const element of node.elements) if (element?.type === 'Literal' && typeof element.value === 'string') names.add(element.value);
  return names;
}

/** The name of the class whose method contains `node` (`class PatientAdditionalData extends Model { static init() { super.init(…) } }`). */
function enclosingClassName(node: Node): string | undefined {
  for (let current = (node as { parent?: Node }).parent; current; current = (current as { parent?: Node }).parent) {
    if ((current.type === 'ClassDeclaration' || current.type === 'ClassExpression') && current.id) return current.id.name;
  }
  return undefined;
}

function constantString(node: Node | undefined): string | undefined {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked ?? undefined;
  return undefined;
}

/** The innermost call of a builder chain: `text('ssn')` for `text('ssn').notNull().unique()`. */
function builderBase(node: Node): TSESTree.CallExpression | undefined {
  let current: Node = node;
  let base: TSESTree.CallExpression | undefined;
  for (let depth = 0; depth < 20 && current.type === 'CallExpression'; depth++) {
    base = current;
    if (current.callee.type === 'MemberExpression' && current.callee.object.type === 'CallExpression') current = current.callee.object;
    else break;
  }
  return base;
}

/** SQL column types that cannot hold an identifier in clear text, or that hold a key to another row or ciphertext. */
const SQL_SKIPPED_TYPES = /^(bool(ean)?|bit|uuid|uniqueidentifier|(big|small)?serial|bytea|blob|(tiny|medium|long)blob|(var)?binary|raw|jsonb?)\b/i;
/** A table element that is a constraint, not a column. */
const SQL_CONSTRAINT_WORDS = new Set(['constraint', 'primary', 'unique', 'foreign', 'check', 'index', 'key', 'exclude', 'like', 'fulltext', 'spatial', 'period']);
/** Knex column builders that never hold an identifier in clear text (flags, keys, ciphertext bytes, timestamps). */
const KNEX_SKIPPED_BUILDERS = new Set(['boolean', 'uuid', 'increments', 'bigIncrements', 'binary', 'foreign', 'primary', 'unique', 'index', 'dropColumn', 'dropColumns', 'renameColumn', 'timestamps', 'timestamp', 'datetime', 'date', 'time', 'json', 'jsonb', 'enu', 'enum', 'comment', 'engine', 'charset', 'collate', 'inherits', 'setNullable', 'dropNullable', 'check']);

/** Replaces SQL comments (`-- …` to the end of the line, `/* … *\/`) with spaces, keeping offsets. */
function blankSqlComments(text: string): string {
  return text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
}

/** The offset of the parenthesis that closes the one at `open`, or -1. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

interface SqlColumn {
  name: string;
  /** Offset of the column name in the text. */
  offset: number;
  /** The rest of the definition: type and constraints. */
  definition: string;
}

/** The column definitions of `CREATE TABLE t (…)` statements and `ALTER TABLE t ADD [COLUMN] c type` clauses in SQL text. */
function sqlColumns(sql: string): Array<{ table: string; columns: SqlColumn[] }> {
  const text = blankSqlComments(sql);
  const tables: Array<{ table: string; columns: SqlColumn[] }> = [];
  const create = /\bCREATE\s+(?:(?:GLOBAL\s+|LOCAL\s+)?TEMP(?:ORARY)?\s+|UNLOGGED\s+|VIRTUAL\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([`"[]?[\w.$]+[`"\]]?(?:\.[`"[]?[\w$]+[`"\]]?)?)\s*\(/gi;
  for (let match = create.exec(text); match; match = create.exec(text)) {
    const open = match.index + match[0].length - 1;
    const close = closingParen(text, open);
    if (close < 0) continue;
    const columns: SqlColumn[] = [];
    let start = open + 1;
    let depth = 0;
    for (let i = open + 1; i <= close; i++) {
      const c = text[i];
      if (c === '(') depth++;
      else if (c === ')' && depth > 0) depth--;
      else if ((c === ',' && depth === 0) || i === close) {
        const element = /^(\s*[`"[]?)([A-Za-z_][\w$]*)[`"\]]?\s+([\s\S]*)$/.exec(text.slice(start, i));
        if (element && !SQL_CONSTRAINT_WORDS.has(element[2].toLowerCase())) columns.push({ name: element[2], offset: start + element[1].length, definition: element[3].trim() });
        start = i + 1;
      }
    }
    tables.push({ table: match[1].replace(/[`"[\]]/g, '').split('.').pop()!, columns });
    create.lastIndex = close;
  }
  const alter = /\bALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?([`"[]?[\w.$]+[`"\]]?)\s+([^;]*)/gi;
  for (let match = alter.exec(text); match; match = alter.exec(text)) {
    const columns: SqlColumn[] = [];
    const clauses = match[2];
    const clausesStart = match.index + match[0].length - clauses.length;
    const add = /(\bADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?[`"[]?)([A-Za-z_][\w$]*)[`"\]]?\s+([^,]*)/gi;
    for (let clause = add.exec(clauses); clause; clause = add.exec(clauses)) {
      if (SQL_CONSTRAINT_WORDS.has(clause[2].toLowerCase())) continue;
      columns.push({ name: clause[2], offset: clausesStart + clause.index + clause[1].length, definition: clause[3].trim() });
    }
    if (columns.length) tables.push({ table: match[1].replace(/[`"[\]]/g, '').split('.').pop()!, columns });
  }
  return tables;
}

export default createRule({
  meta: {
    id: 'no-unencrypted-phi-column',
    description: 'Disallow ORM model fields that store PHI without field-level encryption.',
    rationale:
      'Database columns are copied into backups, replicas, analytics exports and developer snapshots, and read by anyone with database access. Field-level encryption keeps identifiers such as SSNs, dates of birth and diagnoses unreadable in all of those copies; HIPAA’s encryption-at-rest safeguard expects it for PHI, and disk encryption alone does not protect against a leaked dump or an over-privileged query.',
    category: 'storage',
    defaultSeverity: 'warning',
    cwe: ['CWE-311', 'CWE-312'],
    hipaa: ['164.312(a)(2)(iv)'],
    precision: 'high',
    securitySeverity: 5.9,
    messages: {
      unencryptedColumn: 'Column `{{column}}` stores {{kinds}} without encryption at rest; {{remedy}}.',
    },
    schema: {
      type: 'object',
      properties: {
        includeLookupIdentifiers: { type: 'boolean', description: 'Also report names, contact details and MRNs (usually lookup keys that must stay queryable).' },
        includeClinicalData: { type: 'boolean', description: 'Also report ordinary clinical columns (notes, results, vitals, medications, diagnoses), for schemas that must encrypt them field by field.' },
        transformers: { type: 'array', items: { type: 'string' }, description: 'Names of column transformers, plugins, decorators or types that encrypt values (added to `encryptionTransformers` from the config).' },
      },
      additionalProperties: false,
    },
    languages: ['code'],
  },
  defaultOptions: { transformers: [] as string[], includeLookupIdentifiers: false, includeClinicalData: false },
  create(context, options) {
    const configured = [...context.config.encryptionTransformers, ...options.transformers];
    const configuredPattern = configured.length ? new RegExp(`\\b(${configured.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`) : undefined;
    const encryptionModules = new Set<string>();
    const schemas: MongooseSchema[] = [];
    const plugins: PluginUse[] = [];

    const mentionsEncryption = (node: Node | undefined): boolean => {
      if (!node) return false;
      const text = context.getText(node);
      if (ENCRYPTION_PATTERN.test(text) || configuredPattern?.test(text)) return true;
      for (const name of encryptionModules) if (new RegExp(`\\b${name}\\b`).test(text)) return true;
      return false;
    };

    const isReportable = (kind: string) =>
      HIGH_RISK_KINDS.has(kind) || (options.includeLookupIdentifiers && LOOKUP_KINDS.has(kind)) || (options.includeClinicalData && CLINICAL_KINDS.has(kind));
    // In a workforce table (`providers`, `practitioners`, `staff`) a licence number is a professional credential,
    // not a patient's identifier, unless the column itself names the patient (`patientLicenseNumber`).
    // A table or a nested path of the workforce's people (`ProfesionalSchema`, `profesional: { documento }`), not the app's
    // users (a patient portal's user is the patient), holds their own identity documents too: not a patient's identifiers.
    const reportableKinds = (field: string, model: Model) => {
      const notPatients = subjectOfName(field) !== 'patient';
      const credentialsAreStaff = model.name !== undefined && !model.personLike && subjectOfName(model.name) === 'workforce' && notPatients;
      const identifiersAreStaff = notPatients && (model.staffOwner || (credentialsAreStaff && !isAppUserName(model.name!)));
      return columnKinds(context, field, model).filter((kind) => isReportable(kind) && !(credentialsAreStaff && kind === 'license-number') && !(identifiersAreStaff && IDENTIFIER_KINDS.has(kind)));
    };
    const report = (key: Node, field: string, model: Model, orm: Orm) => {
      const kinds = reportableKinds(field, model);
      if (kinds.length === 0) return;
      // Outside a patient-like model (`users`, `contacts`) the column may hold staff data: a guess.
      context.report({ node: key, messageId: 'unencryptedColumn', kinds, data: { column: field, remedy: REMEDY[orm] }, precision: model.personLike ? undefined : 'medium' });
    };

    /** Mongoose, Sequelize and Drizzle attribute maps: `{ ssn: String, dob: { type: Date } }`; `owner` names a nested path's key. */
    const checkFieldMap = (fields: TSESTree.ObjectExpression, outerModel: Model, orm: Orm, skip: (field: string) => boolean, owner?: string) => {
      // A record with a sign-in credential (a password, a username) is the account of someone who logs in to the app. Unless the
      // app's users are patients (a portal, a patient app: `appUsers`) or the record or its key names patients (`PacienteApp`),
      // that someone is a staff member: the account's identity documents are the workforce's own, not a patient's.
      const ownerName = owner ?? outerModel.name;
      const staffAccount = !outerModel.staffOwner && context.config.appUsers !== 'patients' && isAccountRecord(fields) && (ownerName === undefined || subjectOfName(ownerName) !== 'patient');
      const model = staffAccount ? { ...outerModel, staffOwner: true } : outerModel;
      for (const property of fields.properties) {
        if (property.type !== 'Property' || property.computed) continue;
        const field = keyName(property.key);
        if (!field || skip(field)) continue;
        const value = property.value as Node;
        if (mentionsEncryption(value)) continue;
        if (value.type === 'ObjectExpression') {
          const typeProperty = propertyNamed(value, 'type');
          if (!typeProperty && orm === 'mongoose') {
            // a nested path: `address: { street: String, city: String }`
            const nested = reportableKinds(field, model);
            if (nested.length) report(property.key, field, model, orm);
            else checkFieldMap(value, { ...model, personLike: model.personLike, staffOwner: model.staffOwner || namesWorkforceMember(field) }, orm, skip, field);
            continue;
          }
          if (propertyNamed(value, 'ref') || propertyNamed(value, 'references')) continue;
          const typeText = typeProperty ? context.getText(typeProperty.value as Node) : '';
          if (BOOLEAN_TYPES.test(typeText) || REFERENCE_TYPES.test(typeText)) continue;
          if (typeProperty && typeProperty.value.type === 'ArrayExpression' && typeProperty.value.elements.length === 1) {
            const element = typeProperty.value.elements[0];
            if (element && element.type !== 'SpreadElement' && REFERENCE_TYPES.test(context.getText(element))) continue;
          }
          report(property.key, field, model, orm);
          continue;
        }
        if (value.type === 'ArrayExpression') {
          const element = value.elements[0];
          if (element && element.type !== 'SpreadElement' && (BOOLEAN_TYPES.test(context.getText(element)) || REFERENCE_TYPES.test(context.getText(element)))) continue;
          if (reportableKinds(field, model).length) report(property.key, field, model, orm);
          else if (element?.type === 'ObjectExpression') checkFieldMap(element, model, orm, skip, field);
          continue;
        }
        if (value.type === 'NewExpression') continue; // a nested `new Schema(…)` is checked on its own
        const typeText = context.getText(value);
        if (BOOLEAN_TYPES.test(typeText) || REFERENCE_TYPES.test(typeText)) continue;
        if (orm === 'drizzle') {
          const base = builderBase(value);
          const builder = base ? calleeName(base.callee) : undefined;
          if (builder && DRIZZLE_SKIPPED_BUILDERS.has(builder)) continue;
          if (context.getText(value).includes('.references(')) continue;
        }
        report(property.key, field, model, orm);
      }
    };

    const checkMongooseSchemas = () => {
      const global = plugins.find((plugin) => plugin.schema === undefined && !plugin.only);
      if (global) return;
      for (const schema of schemas) {
        const applied = plugins.filter((plugin) => plugin.schema === undefined || plugin.schema === schema.variable);
        if (applied.some((plugin) => !plugin.only && !plugin.except)) continue;
        const encrypted = new Set<string>();
        for (const plugin of applied) plugin.only?.forEach((field) => encrypted.add(field));
        const except = applied.find((plugin) => plugin.except)?.except;
        const skip = (field: string) => (except ? !except.has(field) : encrypted.has(field));
        checkFieldMap(schema.fields, schema.model, 'mongoose', skip);
      }
    };

    const isEncryptionPlugin = (node: Node | undefined): boolean => {
      if (!node) return false;
      const name = dottedName(node) ?? (node.type === 'CallExpression' ? dottedName(node.callee) : undefined);
      if (name && encryptionModules.has(name.split('.')[0])) return true;
      return mentionsEncryption(node);
    };

    /** A column declared in a migration or DDL statement, by name and the text of its type and options. */
    const reportDeclared = (at: Node | [number, number], column: string, definition: string, table: string | undefined, orm: Orm) => {
      if (ENCRYPTION_PATTERN.test(column) || ENCRYPTION_PATTERN.test(definition) || configuredPattern?.test(definition)) return;
      const model = modelOf(context, table);
      const kinds = reportableKinds(column, model);
      if (kinds.length === 0) return;
      const where = Array.isArray(at) ? { offsets: at } : { node: at };
      context.report({ ...where, messageId: 'unencryptedColumn', kinds, data: { column, remedy: REMEDY[orm] }, precision: model.personLike ? undefined : 'medium' });
    };

    /** `CREATE TABLE patients (ssn VARCHAR(11), …)` or `ALTER TABLE patients ADD COLUMN ssn TEXT` in a string, whatever API runs it. */
    const checkSql = (node: TSESTree.Literal | TSESTree.TemplateLiteral) => {
      let text = context.getText(node);
      if (!/\b(CREATE|ALTER)\s[\s\S]*\bTABLE\b/i.test(text)) return;
      const base = node.range[0];
      if (node.type === 'TemplateLiteral') {
        // an interpolation is an opaque word of the same length, so offsets stay those of the source
        for (const expression of node.expressions) {
          const start = expression.range[0] - 2 - base;
          const end = expression.range[1] + 1 - base;
          text = text.slice(0, start) + 'x'.repeat(end - start) + text.slice(end);
        }
      }
      for (const { table, columns } of sqlColumns(text)) {
        for (const column of columns) {
          if (SQL_SKIPPED_TYPES.test(column.definition) || /\bREFERENCES\b/i.test(column.definition)) continue;
          reportDeclared([base + column.offset, base + column.offset + column.name.length], column.name, column.definition, table, 'sql');
        }
      }
    };

    /** `knex.schema.createTable('patients', (table) => { table.string('ssn'); })`. */
    const checkKnexTable = (table: string | undefined, builder: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression) => {
      const parameter = builder.params[0];
      if (parameter?.type !== 'Identifier') return;
      const visit = (node: Node) => {
        if (node.type === 'ExpressionStatement' && node.expression.type === 'CallExpression') {
          const base = builderBase(node.expression);
          const call = base && memberCall(base);
          if (base && call && call.object.type === 'Identifier' && call.object.name === parameter.name && !KNEX_SKIPPED_BUILDERS.has(call.method)) {
            const column = constantString(base.arguments[0] as Node);
            const chain = context.getText(node.expression);
            if (column && !/\.(references|inTable|foreign)\(/.test(chain)) reportDeclared(base.arguments[0] as Node, column, chain, table, 'knex');
          }
          return;
        }
        if (node.type === 'BlockStatement') for (const statement of node.body) visit(statement);
        else if (node.type === 'IfStatement') {
          visit(node.consequent);
          if (node.alternate) visit(node.alternate);
        }
      };
      if (builder.body.type === 'BlockStatement') visit(builder.body);
      else visit({ type: 'ExpressionStatement', expression: builder.body } as Node);
    };

    /** TypeORM migrations: `new Table({ name: 'patients', columns: [{ name: 'ssn', type: 'varchar' }] })`, `new TableColumn({ … })`. */
    const checkTypeormColumn = (column: TSESTree.ObjectExpression, table: string | undefined) => {
      const nameProperty = propertyNamed(column, 'name');
      const name = constantString(nameProperty?.value as Node | undefined);
      if (!nameProperty || !name) return;
      const type = constantString(propertyNamed(column, 'type')?.value as Node | undefined) ?? '';
      if (SQL_SKIPPED_TYPES.test(type) || propertyNamed(column, 'isGenerated') || propertyNamed(column, 'foreignKey')) return;
      reportDeclared(nameProperty.value as Node, name, context.getText(column), table, 'typeorm');
    };

    /** The table a `new TableColumn(…)` belongs to: `queryRunner.addColumn('patients', new TableColumn(…))`. */
    const tableOfColumn = (node: Node): string | undefined => {
      let current: Node | undefined = context.parentOf(node);
      for (let depth = 0; current && depth < 3; depth++, current = context.parentOf(current)) {
        if (current.type === 'CallExpression' && /^add_?columns?$/i.test(calleeName(current.callee) ?? '')) return constantString(current.arguments[0] as Node);
      }
      return undefined;
    };

    return {
      Program() {
        for (const { local } of context.localNamesFrom(ENCRYPTION_MODULE_PATTERN)) encryptionModules.add(local);
      },
      'Program:exit'() {
        checkMongooseSchemas();
      },
      Literal(node: TSESTree.Literal) {
        if (typeof node.value === 'string' && node.value.length > 16) checkSql(node);
      },
      TemplateLiteral(node: TSESTree.TemplateLiteral) {
        checkSql(node);
      },
      NewExpression(node: TSESTree.NewExpression) {
        const callee = dottedName(node.callee);
        const options = node.arguments[0];
        if ((callee === 'Table' || callee?.endsWith('.Table')) && options?.type === 'ObjectExpression') {
          const columns = propertyNamed(options, 'columns')?.value;
          const table = constantString(propertyNamed(options, 'name')?.value as Node | undefined);
          if (columns?.type === 'ArrayExpression') for (const column of columns.elements) if (column?.type === 'ObjectExpression') checkTypeormColumn(column, table);
          return;
        }
        if ((callee === 'TableColumn' || callee?.endsWith('.TableColumn')) && options?.type === 'ObjectExpression') {
          checkTypeormColumn(options, tableOfColumn(node));
          return;
        }
        if (!callee || !(callee === 'Schema' || callee.endsWith('.Schema'))) return;
        const fields = node.arguments[0];
        if (fields?.type !== 'ObjectExpression') return;
        const parent = context.parentOf(node);
        let variable: string | undefined;
        let modelName: string | undefined;
        if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') variable = modelName = parent.id.name;
        if (parent?.type === 'CallExpression' && calleeName(parent.callee) === 'model') modelName = constantString(parent.arguments[0] as Node);
        schemas.push({ fields, model: modelOf(context, modelName), variable });
      },
      CallExpression(node: TSESTree.CallExpression) {
        const call = memberCall(node);
        const name = calleeName(node.callee);
        // Mongoose plugins: `PatientSchema.plugin(fieldEncryption, { fields: ['ssn'] })`, `mongoose.plugin(encrypt)`.
        if (call?.method === 'plugin' && isEncryptionPlugin(node.arguments[0] as Node | undefined)) {
          const options = node.arguments[1]?.type === 'ObjectExpression' ? node.arguments[1] : undefined;
          const only = options ? stringArray(propertyNamed(options, 'fields')?.value as Node) ?? stringArray(propertyNamed(options, 'encryptedFields')?.value as Node) : undefined;
          const except = options ? stringArray(propertyNamed(options, 'excludeFromEncryption')?.value as Node) : undefined;
          const target = dottedName(call.object);
          plugins.push({ schema: target === 'mongoose' ? undefined : target, only, except });
          return;
        }
        // Sequelize `sequelize.define('Patient', { … })`.
        if (call?.method === 'define' && node.arguments[1]?.type === 'ObjectExpression') {
          const modelName = constantString(node.arguments[0] as Node);
          const receiver = dottedName(call.object) ?? '';
          const looksSequelize = /sequelize|db|database|orm|connection/i.test(receiver) || /DataTypes?\.|Sequelize\./.test(context.getText(node.arguments[1]));
          if (modelName && looksSequelize) checkFieldMap(node.arguments[1], modelOf(context, modelName), 'sequelize', () => false);
          return;
        }
        // Migrations: Sequelize `queryInterface.createTable('patients', { ssn: { type: Sequelize.STRING } })` and
        // `addColumn('patients', 'ssn', { … })`; Knex `knex.schema.createTable('patients', (table) => { … })`.
        if (call && (call.method === 'createTable' || call.method === 'createTableIfNotExists' || call.method === 'alterTable' || call.method === 'table')) {
          const table = constantString(node.arguments[0] as Node);
          const second = node.arguments[1] as Node | undefined;
          if (second?.type === 'ObjectExpression' && call.method === 'createTable' && /\b(DataTypes?|Sequelize)\.[A-Z]|\btype\s*:/.test(context.getText(second))) {
            checkFieldMap(second, modelOf(context, table), 'sequelize', () => false);
            return;
          }
          if ((second?.type === 'ArrowFunctionExpression' || second?.type === 'FunctionExpression') && /(^|\.)schema$/.test(dottedName(call.object) ?? '')) {
            checkKnexTable(table, second);
            return;
          }
        }
        if (call?.method === 'addColumn' && node.arguments.length >= 3) {
          const column = constantString(node.arguments[1] as Node);
          const spec = node.arguments[2] as Node;
          if (column && spec.type !== 'NewExpression') {
            const typeText = spec.type === 'ObjectExpression' ? context.getText((propertyNamed(spec, 'type')?.value as Node | undefined) ?? spec) : context.getText(spec);
            const isReference = spec.type === 'ObjectExpression' && (propertyNamed(spec, 'references') || propertyNamed(spec, 'ref'));
            if (!isReference && !BOOLEAN_TYPES.test(typeText) && !REFERENCE_TYPES.test(typeText) && !mentionsEncryption(spec)) reportDeclared(node.arguments[1] as Node, column, '', constantString(node.arguments[0] as Node), 'sequelize');
          }
          return;
        }
        // Sequelize `Patient.init({ … }, { sequelize, modelName: 'Patient' })`, or `super.init({ … }, options)` in a
        // model class's static init when the attributes are typed with `DataTypes`.
        const sequelizeOptions = node.arguments[1]?.type === 'ObjectExpression' && propertyNamed(node.arguments[1], 'sequelize');
        if (call?.method === 'init' && node.arguments[0]?.type === 'ObjectExpression' && node.arguments[1] && (sequelizeOptions || /\b(DataTypes?|Sequelize)\.[A-Z]/.test(context.getText(node.arguments[0])))) {
          const options = node.arguments[1].type === 'ObjectExpression' ? node.arguments[1] : undefined;
          const modelName = constantString(options ? (propertyNamed(options, 'modelName')?.value as Node) : undefined) ?? (call.object.type === 'Super' || call.object.type === 'ThisExpression' ? enclosingClassName(node) : dottedName(call.object));
          checkFieldMap(node.arguments[0], modelOf(context, modelName), 'sequelize', () => false);
          return;
        }
        // Drizzle `pgTable('patients', { ssn: text('ssn') })`.
        if (name && DRIZZLE_TABLES.has(name)) {
          const tableName = constantString(node.arguments[0] as Node);
          let columns = node.arguments[1] as Node | undefined;
          if (columns && (columns.type === 'ArrowFunctionExpression' || columns.type === 'FunctionExpression') && columns.body.type === 'ObjectExpression') columns = columns.body;
          if (columns?.type !== 'ObjectExpression') return;
          const parent = context.parentOf(node);
          const variable = parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id.name : undefined;
          const model = modelOf(context, tableName ?? variable);
          checkFieldMap(columns, model.personLike || !variable ? model : modelOf(context, variable), 'drizzle', () => false);
        }
      },
      ClassDeclaration(node: TSESTree.ClassDeclaration) {
        const decorators = node.decorators ?? [];
        const entity = decorators.find((decorator) => {
          const expression = decorator.expression;
          const decoratorName = expression.type === 'CallExpression' ? calleeName(expression.callee) : calleeName(expression);
          return decoratorName !== undefined && ENTITY_DECORATORS.has(decoratorName);
        });
        if (!entity) return;
        const entityArgument = entity.expression.type === 'CallExpression' ? (entity.expression.arguments[0] as Node | undefined) : undefined;
        const tableName = constantString(entityArgument) ?? (entityArgument?.type === 'ObjectExpression' ? constantString(propertyNamed(entityArgument, 'name')?.value as Node) ?? constantString(propertyNamed(entityArgument, 'tableName')?.value as Node) : undefined);
        const byClass = modelOf(context, node.id?.name);
        const model = byClass.personLike ? byClass : modelOf(context, tableName ?? node.id?.name);
        for (const member of node.body.body) {
          if (member.type !== 'PropertyDefinition' || member.computed || member.static) continue;
          const field = keyName(member.key);
          if (!field) continue;
          const column = (member.decorators ?? []).find((decorator) => {
            const expression = decorator.expression;
            const decoratorName = expression.type === 'CallExpression' ? calleeName(expression.callee) : calleeName(expression);
            return decoratorName !== undefined && (COLUMN_DECORATORS.has(decoratorName) || ENCRYPTION_PATTERN.test(decoratorName));
          });
          if (!column) continue;
          if (mentionsEncryption(column.expression)) continue;
          const annotation = member.typeAnnotation?.typeAnnotation;
          if (annotation?.type === 'TSBooleanKeyword') continue;
          if (mentionsEncryption(annotation as Node | undefined)) continue;
          report(member.key, field, model, 'typeorm');
        }
      },
    };
  },
});
