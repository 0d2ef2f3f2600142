import { runRuleTests } from './rule-tester';

runRuleTests('no-audit-logging-disabled', {
  valid: [
    // audit logging on
    { code: '{ "auditLog": true, "audit": { "enabled": true }, "AUDIT_LOG_ENABLED": "true", "auditEventsEnabled": true }', filename: 'config/production.json' },
    // settings of the audit log, not its switch
    { code: '{ "audit": { "retentionDays": 0, "excludeFields": [], "filePath": "" }, "auditLogMaxSize": 0, "auditTopic": "" }', filename: 'config/production.json' },
    // a selector of which database to read from, not a switch of the audit
    { code: "declare function listCollections(options: object): Promise<string[]>;\nexport async function collectionsToFix() {\n  return listCollections({ useAuditDatabase: false, includeHistory: true });\n}", filename: 'src/admin/fixRecords.ts' },
    // npm audit: a dependency scan, not an audit trail
    { code: '{ "name": "app", "config": { "audit": false } }', filename: 'package.json' },
    { code: '{ "npm": { "audit": false }, "install": { "audit": "false" } }', filename: 'config/ci.json' },
    "import { execSync } from 'node:child_process';\nnpm.commands.install({ audit: false });",
    // disabling an opt-out keeps auditing on
    { code: '{ "disableAuditLog": false, "skipAudit": "no" }', filename: 'config/app.json' },
    // names that only contain the word
    "const auditor = { enabled: false };\nconst audited = true;",
    // CloudTrail trail that is logging, and IsLogging outside CloudTrail
    { code: '{ "Resources": { "Trail": { "Type": "AWS::CloudTrail::Trail", "Properties": { "IsLogging": true } }, "X": { "Type": "AWS::Foo::Bar", "Properties": { "IsLogging": false } } } }', filename: 'template.json' },
    // a boolean read, not a switch
    "declare const config: any;\nif (config.audit.enabled === false) console.warn('audit off');",
    // the audit of changes, off for a connection opened for reading only: it makes no changes to record
    "declare function openDatabase(name: string, options: object): Promise<unknown>;\nexport async function initReportingStore(base: object) {\n  return openDatabase('reporting', { ...base, disableChangesAudit: true, migrateOnStartup: false });\n}",
    "export const readOnlyReplica = { host: 'replica', skipWriteAudit: true };",
    // a settings schema: defaults that keep auditing on, a default for a setting of the audit log, a default outside a schema entry
    "declare const yup: any;\nexport const settingsSchema = {\n  audit: {\n    description: 'Audit settings',\n    properties: {\n      accesses: { description: 'Audit record accesses', properties: { enabled: { type: yup.boolean(), defaultValue: true } } },\n      retention: { properties: { enabled: { type: yup.boolean(), defaultValue: false } } },\n    },\n  },\n};",
    "export const auditToggle = { enabled: { defaultValue: false } };",
    // a database model's field: each new record's default, not the deployment's setting
    "declare const DataTypes: any;\nexport const channelFields = { auditing: { type: DataTypes.BOOLEAN, defaultValue: false } };",
    "export const channelSchema = { audit: { enabled: { type: Boolean, default: false } } };",
  ],
  invalid: [
    {
      name: 'twin of the database selector: the audit itself turned off for that database',
      code: "declare function listCollections(options: object): Promise<string[]>;\nexport async function collectionsToFix() {\n  return listCollections({ auditDatabase: false, includeHistory: true });\n}",
      filename: 'src/admin/fixRecords.ts',
      errors: [{ line: 3, column: 28, message: '`auditDatabase` turns off audit logging' }],
    },
    {
      name: 'a settings schema ships auditing of record accesses off by default',
      code: "declare const yup: any;\nexport const settingsSchema = {\n  audit: {\n    description: 'Audit settings',\n    properties: {\n      accesses: { description: 'Audit record accesses', properties: { enabled: { type: yup.boolean(), defaultValue: false } } },\n    },\n  },\n};",
      errors: [{ line: 6, column: 103, message: '`audit.accesses.enabled` turns off audit logging' }],
    },
    {
      name: 'JSON: the audit of one kind of activity turned off',
      code: '{ "audit": { "accesses": { "enabled": false }, "retention": { "enabled": false } } }',
      filename: 'config/production.json',
      errors: [{ line: 1, column: 28, message: '`audit.accesses.enabled` turns off audit logging in a production config' }],
    },
    {
      name: 'the audit of changes off for the main connection, and any audit off for a reporting one',
      code: "declare function openDatabase(name: string, options: object): Promise<unknown>;\nexport async function initMainStore(base: object) {\n  return openDatabase('main', { ...base, disableChangesAudit: true });\n}\nexport const reportingStore = { host: 'reports', disableAudit: true };",
      errors: [
        { line: 3, column: 42, message: '`disableChangesAudit` turns off audit logging' },
        { line: 5, column: 50, message: '`disableAudit` turns off audit logging' },
      ],
    },
    {
      name: 'audit switches in a production config',
      code: '{\n  "auditLog": false,\n  "audit": { "enabled": false },\n  "AUDIT_LOG_ENABLED": "false",\n  "fhir": { "auditEventsEnabled": false }\n}',
      filename: 'config/production.json',
      errors: [
        { line: 2, column: 3, message: '`auditLog` turns off audit logging in a production config' },
        { line: 3, column: 14, message: '`audit.enabled` turns off audit logging' },
        { line: 4, column: 3 },
        { line: 5, column: 13 },
      ],
      output: null,
    },
    {
      name: 'in a development config the message says so and precision drops',
      code: '{ "auditLogging": false }',
      filename: 'config/development.json',
      errors: [{ line: 1, column: 3, message: '(in a non-production config: make sure production keeps it on)' }],
    },
    {
      name: 'an environment-neutral file, pgaudit and negated switches',
      code: '{ "parameters": { "pgaudit.log": "none" }, "disableAuditTrail": true, "enableAuditLog": "off" }',
      filename: 'config/db.json',
      errors: [{ line: 1, column: 19 }, { line: 1, column: 44, message: '`disableAuditTrail`' }, { line: 1, column: 71 }],
    },
    {
      name: 'CloudTrail trail that is not logging',
      code: '{ "Resources": { "Trail": { "Type": "AWS::CloudTrail::Trail", "Properties": { "IsLogging": false } } } }',
      filename: 'infra/template.json',
      errors: [{ line: 1, column: 79, message: '`IsLogging: false` stops this CloudTrail trail' }],
    },
    {
      name: 'code options and assignments',
      code: "import { createServer } from './fhir';\ncreateServer({ auditLogging: false, audit: { enabled: false } });\ndeclare const config: any;\nconfig.audit.enabled = false;\nconfig.auditEventsEnabled = 'false';",
      errors: [{ line: 2, column: 16 }, { line: 2, column: 46 }, { line: 4, column: 1 }, { line: 5, column: 1 }],
    },
    {
      name: 'code: a production section',
      code: "export default { production: { audit: { enabled: false } } };",
      errors: [{ line: 1, column: 41, message: 'in a production config' }],
    },
  ],
});
