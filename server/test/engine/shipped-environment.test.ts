// The environment a repository ships for running its code (env files, compose `environment:`, Dockerfile `ENV`,
// deployment run scripts), and the loggers a module defines: what the logging rules read to tell whether a log call
// writes anything in production.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../../rules';
import { composeEnvironmentSettings, dockerfileSettings, envFileSettings, packageScriptSettings, ShippedEnvironmentFinder } from '../../src/engine/shipped-environment';
import { extractModuleLoggers } from '../../src/engine/logger-levels';
import { Project } from '../../src/engine/project';

const plain = (settings: Map<string, string[]>) => Object.fromEntries(settings);

describe('shipped environment', () => {
  it('reads env files, compose environment blocks, Dockerfile ENV lines and deployment run scripts', () => {
    assert.deepEqual(plain(envFileSettings('# comment\nDEBUG=app,errors\nexport LOG_LEVEL="info" # prod\nEMPTY=\n')), { DEBUG: ['app,errors'], LOG_LEVEL: ['info'], EMPTY: [''] });
    const compose = 'services:\n  api:\n    image: x\n    environment:\n      - DEBUG=app:*\n      LOG_LEVEL: warn\n    ports:\n      - "80:80"\n';
    assert.deepEqual(plain(composeEnvironmentSettings(compose)), { DEBUG: ['app:*'], LOG_LEVEL: ['warn'] });
    assert.deepEqual(plain(dockerfileSettings('FROM node\nENV DEBUG=app NODE_ENV=production\nENV LOG_LEVEL info\n')), { DEBUG: ['app'], NODE_ENV: ['production'], LOG_LEVEL: ['info'] });
    const manifest = JSON.stringify({ scripts: { start: 'DEBUG=app:* node server.js', dev: 'DEBUG=* nodemon', test: 'LOG_LEVEL=silent mocha', 'start:prod': 'cross-env LOG_LEVEL=warn node .' } });
    assert.deepEqual(plain(packageScriptSettings(manifest)), { DEBUG: ['app:*'], LOG_LEVEL: ['warn'] });
  });

  it('merges a folder\'s settings with those above it and leaves out development and test env files', () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-env-')));
    try {
      fs.mkdirSync(path.join(root, 'server', 'lib'), { recursive: true });
      fs.writeFileSync(path.join(root, '.env.sample'), 'DEBUG=app,errors\n');
      fs.writeFileSync(path.join(root, '.env.development'), 'DEBUG=*\n');
      fs.writeFileSync(path.join(root, '.env.test'), 'LOG_LEVEL=debug\n');
      fs.writeFileSync(path.join(root, 'server', 'Dockerfile'), 'ENV LOG_LEVEL=info\n');
      const finder = new ShippedEnvironmentFinder();
      assert.deepEqual(finder.environmentFor(path.join(root, 'server', 'lib', 'a.js'), root), { DEBUG: ['app,errors'], LOG_LEVEL: ['info'] });
      assert.deepEqual(finder.environmentFor(path.join(root, 'a.js'), root), { DEBUG: ['app,errors'] });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('a project scan leaves out a debug namespace the shipped DEBUG setting does not enable, and keeps an enabled one', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-env-')));
    try {
      fs.mkdirSync(path.join(root, 'server'));
      fs.writeFileSync(path.join(root, '.env.example'), 'DEBUG=app:*,errors\n');
      fs.writeFileSync(
        path.join(root, 'server', 'mail.js'),
        "const debug = require('debug')('mailer');\nconst errors = require('debug')('errors');\nmodule.exports = function send(patient) {\n  debug('to %s', patient.email);\n  errors('failed %s', patient.email);\n};\n",
      );
      const project = new Project({ root, rules: allRules });
      const result = await project.scan();
      assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'no-phi-in-logs').map((finding) => finding.range.start.line), [5]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('module loggers', () => {
  it('reads debug namespaces, levels, library defaults, environment defaults, child loggers and exports', () => {
    const loggers = extractModuleLoggers([
      "const winston = require('winston');",
      "const debug = require('debug')('app:x');",
      "const sub = debug.extend('y');",
      "const a = winston.createLogger({ level: 'warn', transports: [new winston.transports.Console({ level: 'debug' })] });",
      "const b = winston.createLogger({ format: winston.format.json() });",
      "const c = winston.createLogger({ level: process.env.LOG_LEVEL ?? 'info' });",
      'const d = a.child({ module: "m" });',
      'const e = winston.createLogger({ ...options });',
      "const f = winston.createLogger({ level: 'warn', transports: [new winston.transports.File({ filename: 'e.log', level: 'error' }), new winston.transports.Console()] });",
      "const g = winston.createLogger({ level: 'warn', transports: [localTransport] });",
      'module.exports = { a, debug };',
    ].join('\n'));
    assert.deepEqual(Object.fromEntries(loggers.locals), {
      debug: { kind: 'debug', namespace: 'app:x' },
      sub: { kind: 'debug', namespace: 'app:x:y' },
      // winston: the Console transport's own level (debug) writes below the logger's (warn)
      a: { kind: 'level', level: 'debug' },
      b: { kind: 'level', level: 'info' },
      c: { kind: 'level', level: 'info', envVar: 'LOG_LEVEL' },
      d: { kind: 'level', level: 'debug' },
      f: { kind: 'level', level: 'warn' },
    });
    assert.deepEqual(Object.fromEntries(loggers.exports), { a: { kind: 'level', level: 'debug' }, debug: { kind: 'debug', namespace: 'app:x' } });
    assert.deepEqual(Object.fromEntries(extractModuleLoggers("import pino from 'pino';\nexport default pino({ level: 'error' });\n").exports), { default: { kind: 'level', level: 'error' } });
    // a library's logger whose level the module sets afterwards
    assert.deepEqual(Object.fromEntries(extractModuleLoggers("const log4js = require('log4js');\nconst logger = log4js.getLogger('app');\nlogger.level = 'info';\n").locals), { logger: { kind: 'level', level: 'info' } });
    // a factory that is not a logger library's, a level from a config object: nothing read
    assert.equal(extractModuleLoggers("import { createLogger } from './factory';\nconst l = createLogger({ level: 'info' });\n").locals.size, 0);
    assert.equal(extractModuleLoggers("import pino from 'pino';\nconst l = pino({ level: config.level });\n").locals.size, 0);
  });
});
