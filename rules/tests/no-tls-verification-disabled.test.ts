import { runRuleTests } from './rule-tester';

const VERIFY = 'turns off TLS certificate verification';
const ENV = 'Setting NODE_TLS_REJECT_UNAUTHORIZED to 0';

runRuleTests('no-tls-verification-disabled', {
  valid: [
    // a TLS server asking for client certificates checks socket.authorized itself (regression: mutual-TLS middleware)
    "import tls from 'node:tls';\nexport const server = tls.createServer({ key: 'k', cert: 'c', requestCert: true, rejectUnauthorized: false });",
    "export function serverOptions(ca: string[]) {\n  const options: Record<string, unknown> = { key: 'k' };\n  options.ca = ca;\n  options.requestCert = true;\n  options.rejectUnauthorized = false;\n  return options;\n}",
    "import https from 'node:https';\nconst agent = new https.Agent({ rejectUnauthorized: true });",
    "import https from 'node:https';\nimport fs from 'node:fs';\nconst agent = new https.Agent({ ca: fs.readFileSync('partner-ca.pem') });",
    "import { Pool } from 'pg';\nconst pool = new Pool({ host: 'db', ssl: { rejectUnauthorized: true, ca: process.env.PG_CA } });",
    "import { Pool } from 'pg';\nconst pool = new Pool({ host: 'db', ssl: true });",
    "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';",
    "declare const dev: boolean;\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = dev ? '1' : String(1);",
    "const strictMode = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';",
    // ssl/tls switches outside a connection config: feature flags, UI settings
    'const flags = { ssl: false, darkMode: true };',
    'const ui = { features: { tls: false } };',
    "const widget = { theme: 'dark', options: { encrypt: false, ssl: false } };",
    'declare function setFeatureFlags(flags: object): void;\nsetFeatureFlags({ ssl: false, betaBanner: true });',
    // secure: false is a cookie option (no-phi-in-cookie), not TLS for a connection
    "const cookieOptions = { secure: false, httpOnly: true, sameSite: 'lax' };",
    // connection strings that require TLS, and prose
    "const url = 'postgres://app@db.acme-health.com:5432/clinic?sslmode=require';",
    "const note = 'Never set sslmode=disable or NODE_TLS_REJECT_UNAUTHORIZED in production';",
    // a value only known at runtime
    'declare const verify: boolean;\nconst agentOptions = { rejectUnauthorized: verify };',
    {
      name: 'JSON: a feature flag object without connection keys',
      filename: 'config/production.json',
      code: '{ "features": { "ssl": false, "darkMode": true } }',
    },
    {
      name: 'JSON: verification on, NODE_TLS_REJECT_UNAUTHORIZED=1',
      filename: 'package.json',
      code: '{\n  "scripts": { "start": "NODE_TLS_REJECT_UNAUTHORIZED=1 node server.js" },\n  "config": { "rejectUnauthorized": true }\n}',
    },
    {
      // release tooling an operator runs: the upload goes where they point it, not from a deployment
      name: 'an operator script (scripts/) turns verification off: not the product, not reported by default',
      filename: 'scripts/release/upload-allowlist.js',
      code: "const https = require('node:https');\nconst agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });",
    },
    {
      name: 'a migration\'s object-store client without TLS',
      filename: 'packages/migration/src/utils/store.ts',
      code: "import * as Minio from 'minio';\nexport const store = new Minio.Client({ endPoint: 'files', port: 9000, useSSL: false, accessKey: 'a', secretKey: 'b' });",
    },
  ],
  invalid: [
    {
      name: 'the same migration client is reported when the script role is asked for',
      filename: 'packages/migration/src/utils/store.ts',
      code: "import * as Minio from 'minio';\nexport const store = new Minio.Client({ endPoint: 'files', port: 9000, useSSL: false, accessKey: 'a', secretKey: 'b' });",
      allRoles: true,
      errors: [{ line: 2, column: 72, severity: 'warning' }],
    },
    {
      name: 'a client config that only looks like server options elsewhere in the file is still reported',
      code: "export function clientOptions() {\n  const options: Record<string, unknown> = {};\n  options.rejectUnauthorized = false;\n  return options;\n}\nexport const serverOptions = { requestCert: true };",
      errors: [{ line: 3, column: 3 }],
      output: "export function clientOptions() {\n  const options: Record<string, unknown> = {};\n  options.rejectUnauthorized = true;\n  return options;\n}\nexport const serverOptions = { requestCert: true };",
    },
    {
      name: 'https.Agent with rejectUnauthorized: false',
      code: "import https from 'node:https';\nconst agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });",
      errors: [{ line: 2, column: 50, message: '`rejectUnauthorized: false` ' + VERIFY }],
      output: "import https from 'node:https';\nconst agent = new https.Agent({ keepAlive: true, rejectUnauthorized: true });",
    },
    {
      name: 'axios httpsAgent',
      code: "import https from 'node:https';\nimport axios from 'axios';\nconst lab = axios.create({\n  httpsAgent: new https.Agent({ rejectUnauthorized: false }),\n});",
      errors: [{ line: 4, column: 33, message: VERIFY }],
      output: "import https from 'node:https';\nimport axios from 'axios';\nconst lab = axios.create({\n  httpsAgent: new https.Agent({ rejectUnauthorized: true }),\n});",
    },
    {
      name: 'pg ssl: { rejectUnauthorized: false }',
      code: "import { Pool } from 'pg';\nexport const pool = new Pool({ host: 'db', ssl: { rejectUnauthorized: false } });",
      errors: [{ line: 2, column: 51, message: VERIFY }],
      output: "import { Pool } from 'pg';\nexport const pool = new Pool({ host: 'db', ssl: { rejectUnauthorized: true } });",
    },
    {
      name: 'rejectUnauthorized assigned after the fact',
      code: 'const options: Record<string, unknown> = {};\noptions.rejectUnauthorized = false;',
      errors: [{ line: 2, column: 1, message: VERIFY }],
      output: 'const options: Record<string, unknown> = {};\noptions.rejectUnauthorized = true;',
    },
    {
      // regression: a log shipper's request options had strictSSL switched off by assignment, and only
      // rejectUnauthorized was followed there
      name: 'strictSSL and trustServerCertificate assigned after the fact',
      code: "const requestOptions: Record<string, unknown> = { json: true };\nrequestOptions.strictSSL = false;\nconst db: Record<string, unknown> = {};\ndb.trustServerCertificate = true;",
      errors: [
        { line: 2, column: 1, message: '`strictSSL: false`' },
        { line: 4, column: 1, message: '`trustServerCertificate: true`' },
      ],
      output: "const requestOptions: Record<string, unknown> = { json: true };\nrequestOptions.strictSSL = true;\nconst db: Record<string, unknown> = {};\ndb.trustServerCertificate = true;",
    },
    {
      name: 'strictSSL: false (request) and spelled-out falsy values',
      code: "declare function request(options: object): void;\nrequest({ url: 'https://lab.acme-health.com', strictSSL: false });\nconst a = { rejectUnauthorized: !true };\nconst b = { rejectUnauthorized: 0 };",
      errors: [
        { line: 2, column: 47, message: '`strictSSL: false`' },
        { line: 3, column: 13 },
        { line: 4, column: 13 },
      ],
      output: "declare function request(options: object): void;\nrequest({ url: 'https://lab.acme-health.com', strictSSL: true });\nconst a = { rejectUnauthorized: true };\nconst b = { rejectUnauthorized: true };",
    },
    {
      name: 'tlsAllowInvalidCertificates: true (MongoDB): no automatic fix',
      code: "import { MongoClient } from 'mongodb';\ndeclare const uri: string;\nconst client = new MongoClient(uri, { tlsAllowInvalidCertificates: true });",
      errors: [{ line: 3, column: 39, message: '`tlsAllowInvalidCertificates: true`' }],
      output: null,
    },
    {
      name: 'NODE_TLS_REJECT_UNAUTHORIZED through process.env, dot and bracket',
      code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\nprocess.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0';\nstartServer();",
      errors: [
        { line: 1, column: 1, message: ENV },
        { line: 2, column: 1, message: ENV },
      ],
      // Statements of their own: removed with their lines (Node.js verifies certificates by default).
      output: 'startServer();',
    },
    {
      name: 'NODE_TLS_REJECT_UNAUTHORIZED = 0 where removing the statement would change the code around it: set to 1',
      code: "declare const dev: boolean;\nif (dev) process.env.NODE_TLS_REJECT_UNAUTHORIZED = \"0\";\nconst x = (process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0');\nfunction f() {\n  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // for the test server\n  return 1;\n}",
      errors: [{ line: 2, column: 10, message: ENV }, { line: 3, column: 12, message: ENV }, { line: 5, column: 3, message: ENV }],
      output: "declare const dev: boolean;\nif (dev) process.env.NODE_TLS_REJECT_UNAUTHORIZED = \"1\";\nconst x = (process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1');\nfunction f() {\n   // for the test server\n  return 1;\n}",
    },
    {
      name: 'NODE_TLS_REJECT_UNAUTHORIZED = 0 in either branch of a conditional, or as a fallback',
      code: "declare const dev: boolean;\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = dev ? '1' : '0';\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = process.env.TLS_CHECK ?? '0';",
      errors: [
        { line: 2, column: 1, message: ENV },
        { line: 3, column: 1, message: ENV },
      ],
      output: 'declare const dev: boolean;\n',
    },
    {
      name: 'NODE_TLS_REJECT_UNAUTHORIZED in a child process env and a shell command',
      code: "import { execSync, spawn } from 'node:child_process';\nspawn('node', ['job.js'], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } });\nexecSync(\"NODE_TLS_REJECT_UNAUTHORIZED='0' node job.js\");",
      errors: [
        { line: 2, column: 52, message: ENV },
        { line: 3, column: 10, message: ENV },
      ],
      output: "import { execSync, spawn } from 'node:child_process';\nspawn('node', ['job.js'], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '1' } });\nexecSync(\"NODE_TLS_REJECT_UNAUTHORIZED='1' node job.js\");",
    },
    {
      name: 'ssl: false with connection keys beside it',
      code: "const db = { host: 'db.acme-health.com', port: 5432, ssl: false };",
      errors: [{ line: 1, column: 54, message: '`ssl: false` on a connection config' }],
      output: "const db = { host: 'db.acme-health.com', port: 5432, ssl: true };",
    },
    {
      name: 'ssl/tls: false under a connection-named key',
      code: "const cfg = { database: { ssl: false } };\nconst cache = { redis: { tls: false } };",
      errors: [
        { line: 1, column: 27, message: '`ssl: false`' },
        { line: 2, column: 26, message: '`tls: false`' },
      ],
      output: "const cfg = { database: { ssl: true } };\nconst cache = { redis: { tls: true } };",
    },
    {
      name: 'ssl/tls: false passed to connection factories',
      code: "import mongoose from 'mongoose';\ndeclare const uri: string; declare const createClient: any; declare const Sequelize: any;\nmongoose.connect(uri, { ssl: false });\ncreateClient({ socket: { tls: false } });\nnew Sequelize('clinic', 'app', 'pw', { dialectOptions: { ssl: false } });",
      errors: [
        { line: 3, column: 25, message: '`ssl: false`' },
        { line: 4, column: 26, message: '`tls: false`' },
        { line: 5, column: 58, message: '`ssl: false`' },
      ],
    },
    {
      name: 'mssql: encrypt: false and trustServerCertificate: true in the options of a connection config',
      code: "import sql from 'mssql';\nconst pool = new sql.ConnectionPool({\n  server: 'db.acme-health.com',\n  options: { encrypt: false, trustServerCertificate: true },\n});",
      errors: [
        { line: 4, column: 14, message: '`encrypt: false` on a connection config' },
        { line: 4, column: 30, message: '`trustServerCertificate: true`' },
      ],
      // encrypt is fixed; trusting any server certificate has no fix (which CA to trust is the user's call).
      output: "import sql from 'mssql';\nconst pool = new sql.ConnectionPool({\n  server: 'db.acme-health.com',\n  options: { encrypt: true, trustServerCertificate: true },\n});",
    },
    {
      name: 'sslmode=disable in a connection string literal and template',
      code: "const a = 'postgres://app@db.acme-health.com:5432/clinic?sslmode=disable';\ndeclare const host: string;\nconst b = `postgres://app@${host}:5432/clinic?application_name=api&sslmode=disable`;",
      errors: [
        { line: 1, column: 11, message: '`sslmode=disable`' },
        { line: 3, column: 11, message: '`sslmode=disable`' },
      ],
      output: null,
    },
    {
      name: 'other insecure connection-string parameters',
      code: "const m = 'mongodb://db/clinic?tls=true&tlsAllowInvalidCertificates=true';\nconst s = 'Server=db;Database=clinic;Encrypt=false';",
      errors: [
        { line: 1, column: 11, message: 'tlsAllowInvalidCertificates=true' },
        { line: 2, column: 11, message: 'Encrypt=false' },
      ],
    },
    {
      name: 'JSON: ssl false under database with a sibling host',
      filename: 'config/production.json',
      code: '{\n  "database": {\n    "host": "db-primary.acme-health.com",\n    "ssl": false\n  }\n}',
      errors: [{ line: 4, column: 5, message: '`ssl: false` on a connection config' }],
      output: '{\n  "database": {\n    "host": "db-primary.acme-health.com",\n    "ssl": true\n  }\n}',
    },
    {
      name: 'JSON: rejectUnauthorized and strictSSL false are fixed to true',
      filename: 'config/production.json',
      code: '{\n  "partnerLab": { "resultsUrl": "https://lab.acme-health.com", "rejectUnauthorized": false },\n  "http": { "strictSSL": false }\n}',
      errors: [
        { line: 2, column: 64, message: '`rejectUnauthorized: false`' },
        { line: 3, column: 13, message: '`strictSSL: false`' },
      ],
      output: '{\n  "partnerLab": { "resultsUrl": "https://lab.acme-health.com", "rejectUnauthorized": true },\n  "http": { "strictSSL": true }\n}',
    },
    {
      name: 'JSON: NODE_TLS_REJECT_UNAUTHORIZED in an env block',
      filename: 'config/production.json',
      code: '{ "env": { "NODE_TLS_REJECT_UNAUTHORIZED": "0" }, "test": { "NODE_TLS_REJECT_UNAUTHORIZED": 0 } }',
      errors: [{ line: 1, column: 12, message: ENV }, { line: 1, column: 61, message: ENV }],
      output: '{ "env": { "NODE_TLS_REJECT_UNAUTHORIZED": "1" }, "test": { "NODE_TLS_REJECT_UNAUTHORIZED": 1 } }',
    },
    {
      name: 'package.json scripts',
      filename: 'package.json',
      code: '{\n  "scripts": {\n    "start": "NODE_TLS_REJECT_UNAUTHORIZED=0 node server.js",\n    "e2e": "export NODE_TLS_REJECT_UNAUTHORIZED=false && mocha"\n  }\n}',
      errors: [{ line: 3, column: 14, message: ENV }, { line: 4, column: 12, message: ENV }],
      output: '{\n  "scripts": {\n    "start": "NODE_TLS_REJECT_UNAUTHORIZED=1 node server.js",\n    "e2e": "export NODE_TLS_REJECT_UNAUTHORIZED=1 && mocha"\n  }\n}',
    },
    {
      name: 'JSON: connection strings and sslmode keys',
      filename: 'config/production.json',
      code: '{\n  "database": {\n    "url": "postgres://app@db.acme-health.com/clinic?sslmode=disable",\n    "sslmode": "disable"\n  }\n}',
      errors: [
        { line: 3, column: 12, message: '`sslmode=disable`' },
        { line: 4, column: 5, message: '`sslmode=disable`' },
      ],
    },
    {
      name: 'JSON: tlsAllowInvalidCertificates and tls: false under mongo/redis',
      filename: 'config/production.json',
      code: '{\n  "mongo": { "tlsAllowInvalidCertificates": true },\n  "redis": { "tls": false }\n}',
      errors: [
        { line: 2, column: 14, message: '`tlsAllowInvalidCertificates: true`' },
        { line: 3, column: 14, message: '`tls: false`' },
      ],
      output: '{\n  "mongo": { "tlsAllowInvalidCertificates": true },\n  "redis": { "tls": true }\n}',
    },
    {
      name: 'a development config is still reported: such settings leak into production',
      filename: 'config/development.json',
      code: '{\n  "database": { "host": "localhost", "ssl": false }\n}',
      errors: [{ line: 2, column: 38 }],
    },
  ],
});
