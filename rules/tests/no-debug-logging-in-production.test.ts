import { runRuleTests } from './rule-tester';

runRuleTests('no-debug-logging-in-production', {
  valid: [
    // development, test and local configs may log verbosely
    { code: '{ "logLevel": "debug" }', filename: 'config/development.json' },
    { code: '{ "logging": { "level": "trace" } }', filename: 'config/test.json' },
    { code: '{ "LOG_LEVEL": "debug" }', filename: '.env.local.json' },
    { code: '{ "Logging": { "LogLevel": { "Default": "Debug" } } }', filename: 'appsettings.Development.json' },
    // an environment-neutral file: we cannot tell where it runs
    { code: '{ "logLevel": "debug" }', filename: 'config/default.json' },
    // a multi-environment file: only the production section counts
    { code: '{ "development": { "logLevel": "debug" }, "production": { "logLevel": "info" } }', filename: 'config/app.json' },
    { code: '{ "production": { "logLevel": "warn" }, "test": { "logLevel": "silly" } }', filename: 'config/app.json' },
    // production at info or above
    { code: '{ "logLevel": "info", "logging": { "level": "warn" } }', filename: 'config/production.json' },
    { code: '{ "Logging": { "LogLevel": { "Default": "Information", "Microsoft": "Warning" } } }', filename: 'appsettings.Production.json' },
    // `level` outside logging is not a log level
    { code: '{ "compression": { "level": "all" }, "cache": { "level": "debug" } }', filename: 'config/production.json' },
    // debug flags outside an app/logging section (a build tool's option), or off
    { code: '{ "webpack": { "debug": true }, "debug": false }', filename: 'config/production.json' },
    { code: '{ "DEBUG": "" }', filename: 'config/production.json' },
    // a production flag that is not an environment section
    { code: '{ "productionUrl": "https://api.example.com", "logLevel": "debug" }', filename: 'config/app.json' },
    // code: a log level set in code is not judged unless the object is a production section
    "import winston from 'winston';\nwinston.createLogger({ level: 'debug' });",
    "const config = { development: { logLevel: 'debug' }, production: { logLevel: 'info' } };",
    "const env = { env_development: { DEBUG: '*' } };",
    // not a log level
    "const production = { heading: { level: 'all' } };",
  ],
  invalid: [
    {
      name: 'logLevel debug in config/production.json, fixed to info',
      code: '{\n  "port": 8080,\n  "logLevel": "debug"\n}',
      filename: 'config/production.json',
      errors: [{ line: 3, column: 3, message: '`logLevel` is set to a debug level in a production config' }],
      output: '{\n  "port": 8080,\n  "logLevel": "info"\n}',
    },
    {
      name: 'logging.level trace in .env.production.json',
      code: '{ "logging": { "level": "trace" }, "LOG_LEVEL": "DEBUG" }',
      filename: '.env.production.json',
      errors: [
        { line: 1, column: 16, message: 'trace level' },
        { line: 1, column: 36 },
      ],
      output: '{ "logging": { "level": "info" }, "LOG_LEVEL": "INFO" }',
    },
    {
      name: 'ASP.NET appsettings.Production.json: Information is the .NET spelling',
      code: '{ "Logging": { "LogLevel": { "Default": "Debug" } }, "Serilog": { "MinimumLevel": "Verbose" } }',
      filename: 'appsettings.Production.json',
      errors: [
        { line: 1, column: 30 },
        { line: 1, column: 67, message: 'verbose level' },
      ],
      output: '{ "Logging": { "LogLevel": { "Default": "Information" } }, "Serilog": { "MinimumLevel": "Information" } }',
    },
    {
      name: 'a top-level production section in a multi-environment file',
      code: '{\n  "development": { "logLevel": "debug" },\n  "production": { "logLevel": "silly", "debug": true }\n}',
      filename: 'config/app.json',
      errors: [
        { line: 3, column: 19 },
        { line: 3, column: 40, message: '`debug` turns on debug mode' },
      ],
    },
    {
      name: 'a production folder, the dotted log.level key and `all`',
      code: '{ "log.level": "all" }',
      filename: 'deploy/prod/settings.json',
      errors: [{ line: 1, column: 3 }],
      output: '{ "log.level": "info" }',
    },
    {
      name: 'DEBUG=* for the debug package and debug mode at the top of a production config',
      code: '{ "debug": true, "DEBUG": "*" }',
      filename: 'config/production.json',
      errors: [
        { line: 1, column: 3, message: 'debug mode' },
        { line: 1, column: 18, message: '`DEBUG` enables `debug` package output' },
      ],
      output: null,
    },
    {
      name: 'an env block that says NODE_ENV=production',
      code: '{ "apps": [{ "env": { "NODE_ENV": "production", "DEBUG": "clinic:*", "LOG_LEVEL": "trace" } }] }',
      filename: 'pm2.json',
      errors: [{ line: 1, column: 49 }, { line: 1, column: 70 }],
    },
    {
      name: 'pm2 ecosystem file in code: env_production section',
      code: "module.exports = {\n  apps: [{\n    env_production: { NODE_ENV: 'production', DEBUG: '*', LOG_LEVEL: \"debug\" },\n  }],\n};",
      errors: [{ line: 3, column: 47 }, { line: 3, column: 59 }],
      output: "module.exports = {\n  apps: [{\n    env_production: { NODE_ENV: 'production', DEBUG: '*', LOG_LEVEL: \"info\" },\n  }],\n};",
    },
    {
      name: 'code: a production section keeps the quote style in the fix',
      code: "export const config = {\n  production: {\n    logger: { level: 'debug' },\n    logLevel: `trace`,\n  },\n};",
      errors: [{ line: 3, column: 15 }, { line: 4, column: 5 }],
      output: "export const config = {\n  production: {\n    logger: { level: 'info' },\n    logLevel: `info`,\n  },\n};",
    },
    {
      name: 'code: a production config file',
      code: "const LEVEL = 'debug';\nexport default { logLevel: LEVEL, app: { debug: true } };",
      filename: 'config/production.ts',
      errors: [{ line: 2, column: 18 }, { line: 2, column: 42 }],
      output: null,
    },
    {
      // The value is evaluated only under a key that can be a finding: here the key (`Default`) says nothing, the
      // section around it (`LogLevel`) does, and the level comes from a constant.
      name: 'code: a .NET-style LogLevel section in a production config, its level a constant',
      code: "const VERBOSE = 'Debug';\nexport default { Logging: { LogLevel: { Default: VERBOSE, Microsoft: 'Warning' } }, DEBUG: 'app:*' };",
      filename: 'config/production.ts',
      errors: [{ line: 2, column: 41 }, { line: 2, column: 85 }],
      output: null,
    },
  ],
});

// A database driver's own debug switch in shipped code: mysql/mysql2 and knex print every query with its values and
// every result row to the console.
runRuleTests('no-debug-logging-in-production', {
  valid: [
    // debug off, or decided by the environment
    { code: "const mysql = require('mysql2');\nconst pool = mysql.createPool({ host: process.env.DB_HOST, debug: false });", filename: 'routes/appointments.js' },
    { code: "const mysql = require('mysql2');\nconst pool = mysql.createPool({ host: process.env.DB_HOST, debug: process.env.DB_DEBUG === 'true' });", filename: 'routes/appointments.js' },
    // a development environment's file
    { code: "import knex from 'knex';\nexport const db = knex({ client: 'pg', debug: true });", filename: 'config/development.ts' },
    // `debug` handed to something that is no database driver
    { code: "declare const createPool: any;\nconst pool = createPool({ debug: true });", filename: 'routes/appointments.js' },
  ],
  invalid: [
    {
      name: 'mysql2 pools and connections, mysql2/promise and knex opened with debug on',
      filename: 'routes/appointments.js',
      code: "const mysql = require('mysql2');\nconst mysqlPromise = require('mysql2/promise');\nconst pool = mysql.createPool({ host: process.env.DB_HOST, debug: true });\nconst connection = mysqlPromise.createConnection({ debug: true });\nconst db = require('knex')({ client: 'mysql', debug: true });",
      errors: [
        { ruleId: 'no-debug-logging-in-production', line: 3, column: 60 },
        { ruleId: 'no-debug-logging-in-production', line: 4, column: 52 },
        { ruleId: 'no-debug-logging-in-production', line: 5, column: 47 },
      ],
    },
  ],
});
