import { runRuleTests } from './rule-tester';

const mongoose = "import mongoose, { Schema } from 'mongoose';\n";
const typeorm = "import { Entity, Column, PrimaryGeneratedColumn } from 'typeorm';\n";
const sequelize = "import { Sequelize, DataTypes } from 'sequelize';\nconst sequelize = new Sequelize('sqlite::memory:');\n";
const drizzle = "import { pgTable, text, uuid, boolean, date, integer } from 'drizzle-orm/pg-core';\n";

runRuleTests('no-unencrypted-phi-column', {
  valid: [
    // an init that is not a Sequelize model's (no DataTypes attributes)
    "export class Wizard { static init(options: object) { super.init({ passport: 'enabled', birthCertificate: true }, options); } }",
    // ids, counts, flags, metadata and formats are not PHI
    mongoose + "export const PatientSchema = new Schema({ patientId: String, patientCount: Number, isPatientSelected: Boolean, hasAllergy: Boolean, createdAt: Date, resourceType: String, SSN_PATTERN: String, DOB_FORMAT: String, emailTemplate: String, lastFour: String, status: String });",
    // a reference to another document
    mongoose + "export const VisitSchema = new Schema({ patient: { type: Schema.Types.ObjectId, ref: 'Patient' }, provider: { type: mongoose.Types.ObjectId, ref: 'User' } });",
    // contextual names outside a patient-like model
    mongoose + 'export const ClinicSchema = new Schema({ name: String, address: String, notes: String });',
    // per-field encryption (CSFLE / queryable encryption)
    mongoose + "export const PatientSchema = new Schema({ ssn: { type: String, encrypt: { keyId: '/keyAltName', algorithm: 'AEAD_AES_256_CBC_HMAC_SHA_512-Deterministic' } } });",
    // a whole-schema encryption plugin applied after the schema
    mongoose + "import encrypt from 'mongoose-encryption';\nconst PatientSchema = new Schema({ ssn: String, dateOfBirth: Date, name: String });\nPatientSchema.plugin(encrypt, { encryptionKey: process.env.ENC_KEY, signingKey: process.env.SIG_KEY });",
    // mongoose-field-encryption listing exactly the PHI fields
    mongoose + "import { fieldEncryption } from 'mongoose-field-encryption';\nconst PatientSchema = new Schema({ ssn: String, diagnosis: String, patientId: String });\nPatientSchema.plugin(fieldEncryption, { fields: ['ssn', 'diagnosis'], secret: process.env.SECRET! });",
    // a global plugin
    mongoose + "import encrypt from 'mongoose-encryption';\nmongoose.plugin(encrypt, { secret: process.env.SECRET });\nconst PatientSchema = new Schema({ ssn: String });",
    // TypeORM with an encryption transformer
    typeorm + "import { EncryptionTransformer } from 'typeorm-encrypted';\n@Entity()\nexport class Patient {\n  @PrimaryGeneratedColumn('uuid') id!: string;\n  @Column({ type: 'varchar', transformer: new EncryptionTransformer({ key: 'k', algorithm: 'aes-256-gcm', ivLength: 16 }) }) ssn!: string;\n  @Column() isActive!: boolean;\n  @Column() hasAllergy!: boolean;\n  @Column() createdAt!: Date;\n}",
    // a transformer named in the config and one named in the rule options
    { code: typeorm + "declare const vaultColumn: any;\n@Entity()\nexport class Patient {\n  @Column({ transformer: vaultColumn }) ssn!: string;\n}", config: { encryptionTransformers: ['vaultColumn'] } },
    { code: typeorm + "declare const kmsField: any;\n@Entity()\nexport class Patient {\n  @Column({ transformer: kmsField }) ssn!: string;\n}", config: { rules: { 'no-unencrypted-phi-column': ['warning', { transformers: ['kmsField'] }] } } },
    // a class that is not an entity
    'export class PatientDto { ssn!: string; dateOfBirth!: string }',
    // Sequelize with an encrypting setter
    sequelize + "declare function encrypt(v: string): string; declare function decrypt(v: string): string;\nsequelize.define('Patient', {\n  id: { type: DataTypes.UUID, primaryKey: true },\n  ssn: { type: DataTypes.STRING, set(value: string) { this.setDataValue('ssn', encrypt(value)); }, get() { return decrypt(this.getDataValue('ssn')); } },\n  hasAllergy: DataTypes.BOOLEAN,\n});",
    // Drizzle with a custom encrypted type, ids and flags
    drizzle + "declare function encryptedText(name: string): any;\nexport const patients = pgTable('patients', { id: uuid('id').primaryKey(), ssn: encryptedText('ssn'), isActive: boolean('is_active'), visitCount: integer('visit_count') });",
    // lookup identifiers (MRN, names, contact details) are not reported by default
    mongoose + "export const PatientSchema = new Schema({ mrn: { type: String, unique: true }, firstName: String, lastName: String, email: String, phone: String, address: { street: String, city: String } });",
    // ordinary clinical columns are covered by the database's or device's encryption at rest (judged false on an EHR's mobile schema)
    typeorm + "@Entity('vitals')\nexport class Vitals {\n  @Column() heartRate!: number;\n  @Column() notes!: string;\n  @Column() labResult!: string;\n  @Column() diagnosis!: string;\n}",
    // birth and death dates are how patients are found (lookup keys); a pregnancy flag or week count is clinical data
    typeorm + "@Entity('patients')\nexport class PatientRecordEntity {\n  @Column({ type: 'date' }) dateOfBirth!: string;\n  @Column({ type: 'date' }) dateOfDeath!: string;\n  @Column() pregnancyWeeks!: number;\n}",
    // migrations and DDL: keys to other rows, flags, binary ciphertext, encrypted columns, constraints and lookup keys are not reported
    "export const up = (client: any) => client.query(`\n  CREATE TABLE IF NOT EXISTS patients (\n    id UUID PRIMARY KEY,\n    national_id_hash BYTEA,\n    ssn_encrypted TEXT,\n    passport BYTEA,\n    insurer_id INTEGER REFERENCES insurers(id),\n    has_passport BOOLEAN DEFAULT FALSE,\n    birth_date DATE, -- the SSN is stored elsewhere\n    mrn VARCHAR(20),\n    CONSTRAINT ssn_unique UNIQUE (mrn)\n  )`);",
    "export const sql = 'SELECT ssn, national_id FROM patients WHERE id = $1';",
    "export async function up(knex: any) {\n  await knex.schema.createTable('patients', (table: any) => {\n    table.uuid('id').primary();\n    table.boolean('has_passport');\n    table.integer('insurer_id').references('id').inTable('insurers');\n    table.binary('ssn');\n    table.string('ssn_cipher');\n    table.date('birth_date');\n  });\n}",
    "export const migration = { up: async (queryInterface: any, Sequelize: any) => {\n  await queryInterface.createTable('patients', { id: { type: Sequelize.UUID, primaryKey: true }, hasPassport: { type: Sequelize.BOOLEAN }, insurerId: { type: Sequelize.INTEGER, references: { model: 'insurers', key: 'id' } } });\n  await queryInterface.addColumn('patients', 'isPassportVerified', { type: Sequelize.BOOLEAN });\n} };",
    "import { Table, TableColumn } from 'typeorm';\nexport const patients = new Table({ name: 'patients', columns: [{ name: 'id', type: 'uuid', isPrimary: true }, { name: 'passportEncrypted', type: 'varchar' }, { name: 'hasPassport', type: 'boolean' }] });\nexport const column = new TableColumn({ name: 'nationalIdHash', type: 'blob' });",
    // a workforce member's own identity document, in a table of professionals or under a professional's key, is not a patient's;
    // nor is the type or the expiry of an identity document (`tipoDocumento`, `documentoVencimiento`)
    mongoose + "export const ProfesionalSchema = new mongoose.Schema({\n  documento: String,\n  tipoDocumento: String,\n  documentoVencimiento: Date,\n});",
    mongoose + "export const RecetaSchema = new mongoose.Schema({\n  profesional: { id: String, nombre: String, documento: String },\n  practitioner: { nationalId: String },\n});",
    // a record with a sign-in credential (password, username) is an app account; in a staff app (the default) its
    // identity documents are the workforce's own, at the top level or in a nested account path (judged false on a Spanish EHR API)
    mongoose + "export const AuthAccountSchema = new mongoose.Schema({\n  nombre: String,\n  documento: String,\n  password: String,\n  ssn: String,\n});",
    mongoose + "export const AccessLogSchema = new mongoose.Schema({\n  accesses: [{ when: Date, actor: { userName: String, nationalId: String } }],\n  assigned: { actor: { username: String, documento: String } },\n});",
    // who recorded something (an audit actor: `createdBy`, `registradoPor`) is a staff member
    mongoose + "export const PacienteSchema = new mongoose.Schema({\n  createdBy: { nombre: String, documento: Number },\n  fallecimiento: { fecha: Date, registradoPor: { documento: String } },\n});",
    // in a workforce table a licence number is a professional credential, not a patient's identifier
    "export const sql = `CREATE TABLE IF NOT EXISTS billing_providers (\n  id UUID PRIMARY KEY,\n  npi TEXT NOT NULL,\n  license_number TEXT NOT NULL\n)`;",
    typeorm + "@Entity('practitioners')\nexport class Practitioner {\n  @Column() licenseNumber!: string;\n}",
    // a bank routing number identifies the bank (published for every branch), not the account holder; the account number is stored encrypted
    "export const sql = `CREATE TABLE IF NOT EXISTS accounting_bank_accounts (\n  id UUID PRIMARY KEY,\n  account_number_encrypted TEXT,\n  account_number_last4 VARCHAR(4),\n  routing_number VARCHAR(20)\n)`;",
    // a notPhiNames entry
    { code: mongoose + 'export const PatientSchema = new Schema({ clinicName: String });', config: { notPhiNames: ['clinicName'] } },
  ],
  invalid: [
    {
      name: 'Mongoose schema: SSN (lookup identifiers such as the MRN, name and birth date, and clinical columns, are not reported by default)',
      code: mongoose + "export const PatientSchema = new Schema({\n  mrn: { type: String, required: true, index: true },\n  ssn: String,\n  dob: { type: Date },\n  name: String,\n  allergies: [String],\n  hasAllergy: Boolean,\n  createdAt: Date,\n});",
      errors: [
        { line: 4, column: 3, kinds: ['ssn'], message: 'Column `ssn` stores SSN without encryption at rest' },
      ],
      output: null,
    },
    {
      name: 'includeLookupIdentifiers also reports names, contact details, dates of birth and death and the MRN',
      code: mongoose + "export const PatientSchema = new Schema({\n  mrn: { type: String, required: true, index: true },\n  name: String,\n  contact: { phone: String, email: String },\n  dateOfBirth: Date,\n  dateOfDeath: Date,\n});",
      config: { rules: { 'no-unencrypted-phi-column': ['warning', { includeLookupIdentifiers: true }] } },
      errors: [
        { line: 3, column: 3, kinds: ['mrn'], message: 'Column `mrn` stores medical record number without encryption at rest' },
        { line: 4, column: 3, kinds: ['name'] },
        { line: 5, column: 14, kinds: ['phone'] },
        { line: 5, column: 29, kinds: ['email'] },
        { line: 6, column: 3, kinds: ['date-of-birth'] },
        { line: 7, column: 3, kinds: ['death-date'] },
      ],
    },
    {
      name: 'mongoose.model with an inline schema and nested paths (with includeClinicalData)',
      config: { rules: { 'no-unencrypted-phi-column': ['warning', { includeClinicalData: true }] } },
      code: mongoose + "export const Patient = mongoose.model('Patient', new mongoose.Schema({\n  insurance: { memberNumber: String, planName: String },\n  history: { conditions: [String] },\n  guarantor: { name: String, phone: String, ssn: String },\n}));",
      errors: [
        { line: 3, column: 3, kinds: ['insurance'] },
        { line: 4, column: 3, kinds: ['medical-history'] },
        { line: 5, column: 45, kinds: ['ssn'] },
      ],
    },
    {
      name: 'a field plugin that encrypts only some of the PHI fields (with includeClinicalData)',
      config: { rules: { 'no-unencrypted-phi-column': ['warning', { includeClinicalData: true }] } },
      code: mongoose + "import { fieldEncryption } from 'mongoose-field-encryption';\nconst PatientSchema = new Schema({ ssn: String, diagnosis: String });\nPatientSchema.plugin(fieldEncryption, { fields: ['ssn'], secret: 'x' });",
      errors: [{ line: 3, column: 49, kinds: ['diagnosis'] }],
    },
    {
      name: 'TypeORM entity: PHI columns without a transformer, a non-encrypting transformer does not count (with includeClinicalData)',
      config: { rules: { 'no-unencrypted-phi-column': ['warning', { includeClinicalData: true }] } },
      code: typeorm + "declare const lowercase: any;\n@Entity('patients')\nexport class PatientEntity {\n  @PrimaryGeneratedColumn('uuid') id!: string;\n  @Column() firstName!: string;\n  @Column({ type: 'date' }) dateOfBirth!: Date;\n  @Column({ transformer: lowercase }) ssn!: string;\n  @Column() notes!: string;\n  @Column() isActive!: boolean;\n}",
      errors: [
        { line: 8, column: 39, kinds: ['ssn'] },
        { line: 9, column: 13, kinds: ['clinical-note'] },
      ],
    },
    {
      name: 'the national identity document (Spanish `documento`) of a patient, at the top level or under the patient, beside a professional\'s',
      code: mongoose + "export const RecetaSchema = new mongoose.Schema({\n  documento: String,\n  paciente: { nombre: String, documento: String },\n  profesional: { documento: String },\n});",
      errors: [
        { line: 3, column: 3, kinds: ['national-id'] },
        { line: 4, column: 31, kinds: ['national-id'] },
      ],
    },
    {
      name: "an account record stays a patient's when it names patients or the app's users are patients; only identifiers leave with staff accounts",
      code: mongoose + "export const PacienteAppSchema = new mongoose.Schema({\n  documento: String,\n  password: String,\n});\nexport const VisitSchema = new mongoose.Schema({\n  patient: { username: String, ssn: String },\n});",
      errors: [
        { line: 3, column: 3, kinds: ['national-id'] },
        { line: 7, column: 32, kinds: ['ssn'] },
      ],
    },
    {
      name: "a sign-in account's identity document when the app's users are patients (a portal)",
      config: { appUsers: 'patients' },
      code: mongoose + "export const AccountSchema = new mongoose.Schema({\n  documento: String,\n  passwordHash: String,\n});",
      errors: [{ line: 3, column: 3, kinds: ['national-id'] }],
    },
    {
      name: 'Sequelize define and Model.init (with includeClinicalData)',
      config: { rules: { 'no-unencrypted-phi-column': ['warning', { includeClinicalData: true }] } },
      code: sequelize + "sequelize.define('Patient', {\n  id: { type: DataTypes.UUID, primaryKey: true },\n  ssn: DataTypes.STRING,\n  diagnosis: { type: DataTypes.TEXT, allowNull: true },\n});\nimport { Model } from 'sequelize';\nclass Member extends Model {}\nMember.init({ memberName: DataTypes.STRING, medications: DataTypes.JSON, isActive: DataTypes.BOOLEAN }, { sequelize, modelName: 'Member' });",
      errors: [
        { line: 5, column: 3, kinds: ['ssn'] },
        { line: 6, column: 3, kinds: ['diagnosis'] },
        { line: 10, column: 45, kinds: ['medication'] },
      ],
    },
    {
      name: "Sequelize: super.init in a model class's static init, options passed through, identity documents named plainly",
      code: "import { DataTypes, Model } from 'sequelize';\nexport class PatientAdditionalData extends Model {\n  static init(options: object) {\n    super.init({\n      placeOfBirth: DataTypes.STRING,\n      birthCertificate: DataTypes.STRING,\n      drivingLicense: DataTypes.STRING,\n      passport: DataTypes.STRING,\n    }, { ...options, timestamps: true });\n  }\n}",
      errors: [
        { line: 6, column: 7, kinds: ['license-number'] },
        { line: 7, column: 7, kinds: ['license-number'] },
        { line: 8, column: 7, kinds: ['license-number'] },
      ],
    },
    {
      name: 'Drizzle table (the birth date is a lookup key, not reported by default)',
      code: drizzle + "export const patients = pgTable('patients', {\n  id: uuid('id').primaryKey(),\n  ssn: text('ssn').notNull(),\n  birthDate: date('birth_date'),\n  name: text('name'),\n  hasAllergy: boolean('has_allergy'),\n});",
      errors: [
        { line: 4, column: 3, kinds: ['ssn'] },
      ],
    },
    {
      name: 'SQL DDL in a string, whatever runs it: CREATE TABLE columns for national identifiers (interpolations, comments and constraints skipped)',
      code: "declare const client: any; declare const schema: string;\nexport async function up() {\n  await client.query(`\n    CREATE TABLE IF NOT EXISTS ${schema}.patients (\n      id SERIAL PRIMARY KEY,\n      family_name VARCHAR(255),\n      ssn VARCHAR(20), -- should be encrypted in production\n      national_id VARCHAR(50),\n      CONSTRAINT one_id UNIQUE (national_id)\n    )`);\n  await client.query(\"ALTER TABLE health_profiles ADD COLUMN abha_number VARCHAR(50)\");\n}",
      errors: [
        { line: 7, column: 7, kinds: ['ssn'], message: 'Column `ssn` stores SSN without encryption at rest' },
        { line: 8, column: 7, kinds: ['national-id'] },
        { line: 11, column: 62, kinds: ['abha'] },
      ],
    },
    {
      name: 'Knex migration: string columns for identity documents',
      code: "export async function up(knex: any) {\n  await knex.schema.createTable('patient_documents', (table: any) => {\n    table.increments('id');\n    table.string('passport_number', 20).notNullable();\n    table.text('national_id');\n  });\n}",
      errors: [
        { line: 4, column: 18, kinds: ['license-number'] },
        { line: 5, column: 16, kinds: ['national-id'] },
      ],
    },
    {
      // France's national student number (INE) and Mexico's INE credential identify one person nationwide.
      name: 'Knex migration: INE national number columns, created and altered, in any case',
      code: "exports.up = function (knex) {\n  return knex.schema.createTable('clients', (table) => {\n    table.text('lastName').notNullable();\n    table.string('INE', 11);\n  }).then(() => knex.schema.alterTable('members', (table) => {\n    table.string('ine', 50).alter();\n  }));\n};",
      errors: [
        { line: 4, column: 18, kinds: ['national-id'] },
        { line: 6, column: 18, kinds: ['national-id'] },
      ],
    },
    {
      name: 'Sequelize migration: queryInterface.createTable and addColumn',
      code: "export const migration = { up: async (queryInterface: any, Sequelize: any) => {\n  await queryInterface.createTable('patients', {\n    id: { type: Sequelize.UUID, primaryKey: true },\n    ssn: { type: Sequelize.STRING(11) },\n  });\n  await queryInterface.addColumn('patients', 'nationalId', { type: Sequelize.STRING });\n} };",
      errors: [
        { line: 4, column: 5, kinds: ['ssn'] },
        { line: 6, column: 46, kinds: ['national-id'] },
      ],
    },
    {
      name: 'TypeORM migration: Table columns and a TableColumn added to a table',
      code: "import { Table, TableColumn } from 'typeorm';\nexport const patients = new Table({ name: 'patients', columns: [\n  { name: 'id', type: 'uuid', isPrimary: true },\n  { name: 'passport', type: 'varchar' },\n] });\ndeclare const queryRunner: any;\nqueryRunner.addColumn('patients', new TableColumn({ name: 'drivingLicense', type: 'varchar', isNullable: true }));",
      errors: [
        { line: 4, column: 11, kinds: ['license-number'] },
        { line: 7, column: 59, kinds: ['license-number'] },
      ],
    },
    {
      name: "a workforce table's column that names the patient's licence is still the patient's",
      code: "export const sql = `CREATE TABLE provider_referrals (\n  id UUID PRIMARY KEY,\n  patient_license_number TEXT\n)`;",
      errors: [{ line: 3, column: 3, kinds: ['license-number'] }],
    },
    {
      name: 'a strong identifier outside a patient-like model is still reported (medium precision)',
      code: mongoose + 'export const SubmissionSchema = new Schema({\n  label: String,\n  email: String,\n  ssn: String,\n});',
      errors: [{ line: 5, column: 3, kinds: ['ssn'] }],
    },
  ],
});
