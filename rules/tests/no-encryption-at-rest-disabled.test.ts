import { runRuleTests } from './rule-tester';

runRuleTests('no-encryption-at-rest-disabled', {
  valid: [
    // encryption on
    { code: '{ "database": { "storageEncrypted": true, "encryption": { "enabled": true } }, "encryptAtRest": "true" }', filename: 'config/production.json' },
    // `encryption: false` on a websocket / transport option is not storage
    "import { WebSocketServer } from 'ws';\nnew WebSocketServer({ port: 8080, perMessageDeflate: false, encryption: false });",
    "const socket = { encryption: false, compression: true };",
    { code: '{ "websocket": { "encryption": false }, "ws": { "encrypted": false } }', filename: 'config/app.json' },
    // in transit, not at rest (no-tls-verification-disabled's business)
    { code: '{ "storage": { "encryptionInTransit": false, "tlsEncryption": false }, "database": { "host": "db", "port": 5432, "encrypted": false } }', filename: 'config/app.json' },
    "import sql from 'mssql';\nsql.connect({ server: 'db', options: { encrypt: false } });",
    "import neo4j from 'neo4j-driver';\nneo4j.driver('bolt://db', neo4j.auth.basic('u', 'p'), { encrypted: false });",
    "new opensearch.Domain(this, 'Search', { nodeToNodeEncryption: false, encryptionAtRest: { enabled: true } });",
    // encryption keys and algorithms, and switches that are not encryption
    { code: '{ "database": { "encryptionKey": "", "encryptionAlgorithm": "none", "compression": false } }', filename: 'config/app.json' },
    // a bare `sse` is server-sent events
    { code: '{ "server": { "sse": false } }', filename: 'config/app.json' },
    // encryption: false with nothing that says storage
    "const options = { encryption: false };",
    { code: '{ "export": { "encrypted": false } }', filename: 'config/app.json' },
    // CDK with KMS
    "new s3.Bucket(this, 'Docs', { encryption: s3.BucketEncryption.KMS_MANAGED });",
    // a settings schema whose default keeps encryption required
    "declare const yup: any;\nexport const settingsSchema = {\n  mobile: {\n    properties: {\n      allowUnencryptedStorage: { description: 'Allow unencrypted storage on devices', type: yup.boolean(), defaultValue: false },\n    },\n  },\n};",
  ],
  invalid: [
    {
      name: 'a settings schema lets devices hold data unencrypted by default',
      code: "declare const yup: any;\nexport const settingsSchema = {\n  mobile: {\n    properties: {\n      allowUnencryptedStorage: { description: 'Allow unencrypted storage on devices', type: yup.boolean(), defaultValue: true },\n    },\n  },\n};",
      errors: [{ line: 5, column: 108, message: '`allowUnencryptedStorage: true` turns off encryption at rest' }],
    },
    {
      name: 'specific keys fire anywhere',
      code: '{\n  "storageEncrypted": false,\n  "encryptAtRest": "false",\n  "atRestEncryption": false,\n  "serverSideEncryption": "none"\n}',
      filename: 'config/app.json',
      errors: [
        { line: 2, column: 3, message: '`storageEncrypted: false` turns off encryption at rest' },
        { line: 3, column: 3, message: '`encryptAtRest: "false"`' },
        { line: 4, column: 3 },
        { line: 5, column: 3, message: '`serverSideEncryption: "none"`' },
      ],
      output: null,
    },
    {
      name: 'generic switches in a storage section',
      code: '{\n  "database": { "encryption": false },\n  "s3Bucket": { "encrypted": false },\n  "redis": { "encryption": { "enabled": false } },\n  "backups": { "disableEncryption": true }\n}',
      filename: 'config/development.json',
      errors: [
        { line: 2, column: 17 },
        { line: 3, column: 17 },
        { line: 4, column: 30, message: '`encryption.enabled: false`' },
        { line: 5, column: 16, message: '`disableEncryption: true`' },
      ],
    },
    {
      name: 'CloudFormation: RDS, EBS volume, DynamoDB SSE and OpenSearch',
      code: [
        '{',
        '  "Resources": {',
        '    "Db": { "Type": "AWS::RDS::DBInstance", "Properties": { "StorageEncrypted": false } },',
        '    "Vol": { "Type": "AWS::EC2::Volume", "Properties": { "Encrypted": false, "Size": 100 } },',
        '    "Tbl": { "Type": "AWS::DynamoDB::Table", "Properties": { "SSESpecification": { "SSEEnabled": false } } },',
        '    "Es": { "Type": "AWS::OpenSearchService::Domain", "Properties": { "EncryptionAtRestOptions": { "Enabled": false } } }',
        '  }',
        '}',
      ].join('\n'),
      filename: 'infra/template.json',
      errors: [
        { line: 3, column: 61 },
        { line: 4, column: 58 },
        { line: 5, column: 84 },
        { line: 6, column: 100, message: '`EncryptionAtRestOptions.Enabled: false`' },
      ],
    },
    {
      name: 'Terraform JSON',
      code: '{ "resource": { "aws_ebs_volume": { "scans": { "size": 40, "encrypted": false } }, "aws_db_instance": { "ehr": { "storage_encrypted": false } } } }',
      filename: 'infra/main.tf.json',
      errors: [{ line: 1, column: 60 }, { line: 1, column: 114 }],
    },
    {
      name: 'CDK constructs in code',
      code: "import * as rds from 'aws-cdk-lib/aws-rds';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\nnew rds.DatabaseInstance(this, 'Ehr', { engine, storageEncrypted: false });\nnew s3.Bucket(this, 'Scans', { encryption: s3.BucketEncryption.UNENCRYPTED });\nnew ec2.Volume(this, 'V', { size, encrypted: false });\nnew efs.FileSystem(this, 'F', { vpc, encrypted: false });",
      errors: [
        { line: 3, column: 49, message: '`storageEncrypted: false`' },
        { line: 4, column: 32, message: '`BucketEncryption.UNENCRYPTED` stores data unencrypted' },
        { line: 5, column: 35 },
        { line: 6, column: 38 },
      ],
    },
    {
      name: 'an options object stored in a storage-named variable, and a constant',
      code: "const OFF = false;\nexport const storageConfig = { encrypted: OFF };\nexport const cache = { redis: { encryptionEnabled: false } };",
      errors: [{ line: 2, column: 32 }, { line: 3, column: 33 }],
    },
  ],
});
