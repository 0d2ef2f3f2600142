import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import configSchema from '../../schema/phi-guard.schema.json';
import { ConfigResolver, MAX_CONFIG_BYTES, MAX_CONFIG_DEPTH, parseConfigText, resolveConfig } from '../../src/engine/config';
import { didYouMean } from '../../src/engine/did-you-mean';
import { RULES, ruleCatalog } from '../helpers/rules';
import { ConfigError, DEFAULT_MAX_FILE_SIZE } from '../../src/core/config-types';

/** parseConfigText returns null-prototype objects (from jsonc-parser); compare them as plain data. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const KNOWN = ruleCatalog(['no-phi-in-logs', 'no-phi-in-url', 'no-cleartext-transport']);

describe('parseConfigText', () => {
  it('accepts comments, trailing commas and every documented setting', () => {
    const text = `{
      // severity per rule
      "$schema": "./node_modules/phi-guard/schema.json",
      "rules": { "no-phi-in-logs": "warning", "no-phi-in-url": ["error", { "allowParams": ["id"] }], "no-cleartext-transport": ["off"], },
      /* names */
      "phiNames": { "chartNo": "mrn" },
      "notPhiNames": ["visitorId"],
      "appUsers": "patients",
      "sanitizers": ["scrub"],
      "redactor": { "name": "redact", "module": "./lib/redact" },
      "ignore": ["generated/"],
      "maxFileSize": 2048,
      "encryptionTransformers": ["EncryptionTransformer"],
    }`;
    const parsed = parseConfigText(text, 'c.json', KNOWN);
    assert.deepEqual(plain(parsed.rules), { 'no-phi-in-logs': 'warning', 'no-phi-in-url': ['error', { allowParams: ['id'] }], 'no-cleartext-transport': ['off'] });
    assert.equal(parsed.maxFileSize, 2048);
  });

  it('treats an empty file as an empty config and strips a BOM', () => {
    assert.deepEqual(plain(parseConfigText('  \n', 'c.json')), {});
    assert.deepEqual(plain(parseConfigText('\ufeff{ "ignore": [] }', 'c.json')), { ignore: [] });
  });

  const errorCases: Array<{ name: string; text: string; line: number; column: number; reason: RegExp }> = [
    { name: 'a missing comma', text: '{\n  "ignore": []\n  "maxFileSize": 5\n}', line: 3, column: 3, reason: /Expected a comma/ },
    { name: 'an unterminated string', text: '{\n  "ignore": ["abc\n}', line: 2, column: 14, reason: /Unterminated string|Invalid character/ },
    { name: 'an array at the top', text: '[1]', line: 1, column: 1, reason: /must be a JSON object/ },
    { name: 'an unknown setting, with a suggestion', text: '{\n  "ignor": []\n}', line: 2, column: 3, reason: /Unknown setting "ignor"; did you mean "ignore"\?/ },
    { name: 'an unknown rule id, with a suggestion', text: '{\n  "rules": {\n    "no-phi-in-log": "error"\n  }\n}', line: 3, column: 5, reason: /Unknown rule "no-phi-in-log"; did you mean "no-phi-in-logs"\?/ },
    { name: 'an unknown rule id far from all', text: '{ "rules": { "zzz": "error" } }', line: 1, column: 14, reason: /^Unknown rule "zzz"$/ },
    { name: 'an unknown PHI kind in phiNames, with a suggestion', text: '{\n  "phiNames": { "chartNo": "mrm" }\n}', line: 2, column: 28, reason: /Unknown PHI kind "mrm"; did you mean "mrn"\?/ },
    { name: 'a bad severity', text: '{\n  "rules": {\n    "no-phi-in-logs": "warn"\n  }\n}', line: 3, column: 23, reason: /Rule "no-phi-in-logs": expected "error", "warning", "note", "off"/ },
    { name: 'rule options that are not an object', text: '{ "rules": { "no-phi-in-logs": ["error", 1] } }', line: 1, column: 42, reason: /options must be an object/ },
    { name: 'a rule tuple that is too long', text: '{ "rules": { "no-phi-in-logs": ["error", {}, 3] } }', line: 1, column: 32, reason: /Rule "no-phi-in-logs"/ },
    // Two capitalised words side by side are shaped like a name, not a key: masked (the position says where).
    { name: 'a rule id that is not kebab-case', text: '{ "rules": { "No Logs": "off" } }', line: 1, column: 14, reason: /^Unknown rule "…"$/ },
    { name: 'an appUsers value that is neither patients nor staff', text: '{\n  "appUsers": "clinicians"\n}', line: 2, column: 15, reason: /appUsers must be one of "patients", "staff"/ },
    { name: 'a zero maxFileSize', text: '{\n  "maxFileSize": 0\n}', line: 2, column: 18, reason: /maxFileSize must be >= 1/ },
    { name: 'a fractional maxFileSize', text: '{ "maxFileSize": 1.5 }', line: 1, column: 18, reason: /maxFileSize must be integer/ },
    { name: 'a non-string ignore entry', text: '{ "ignore": ["a", 3] }', line: 1, column: 19, reason: /ignore\.1 must be string/ },
    { name: 'a redactor without a name', text: '{ "redactor": { "module": "x" } }', line: 1, column: 15, reason: /redactor needs the property "name"/ },
    { name: 'an unknown redactor property', text: '{ "redactor": { "name": "r", "path": "x" } }', line: 1, column: 30, reason: /Unknown property "path" in redactor/ },
    { name: 'a duplicate key', text: '{\n  "ignore": [],\n  "ignore": ["a"]\n}', line: 3, column: 3, reason: /Duplicate key "ignore"/ },
  ];
  for (const testCase of errorCases) {
    it(`reports ${testCase.name} at its line:column`, () => {
      assert.throws(
        () => parseConfigText(testCase.text, '/ws/.phi-guard.json', KNOWN),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError, String(error));
          assert.match(error.reason, testCase.reason);
          assert.deepEqual([error.line, error.column], [testCase.line, testCase.column], error.message);
          assert.equal(error.file, '/ws/.phi-guard.json');
          assert.equal(error.message, `/ws/.phi-guard.json:${error.line}:${error.column} ${error.reason}`);
          return true;
        },
      );
    });
  }

  // Found by the fuzz harness (bench/fuzz): a value typed where a key belongs came back in the error.
  it('never quotes a value typed where a key, rule id, option or PHI kind belongs', () => {
    const planted = ['Margaret Thornbury', '287-65-4321', '1985-03-14', 'mthornbury@gmail.com'];
    const texts = [
      '{ "Margaret Thornbury": 1 }',
      '{ "287-65-4321": [] }',
      '{ "redactor": { "name": "r", "mthornbury@gmail.com": "x" } }',
      '{ "rules": { "287-65-4321": "off" } }',
      '{ "rules": { "Margaret Thornbury": "off" } }',
      '{ "rules": { "no-phi-in-logs": ["error", { "1985-03-14": true }] } }',
      '{ "rules": { "no-phi-in-logs": ["error", { "Margaret Thornbury": true }] } }',
      '{ "phiNames": { "chartNo": "287-65-4321" } }',
      '{ "Margaret Thornbury": 1, "Margaret Thornbury": 2 }',
      '{ "roles": { "test": [1] }, "redactor": { "name": "x", "1985-03-14": 1 } }',
    ];
    for (const text of texts) {
      assert.throws(
        () => parseConfigText(text, '/ws/.phi-guard.json', RULES),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError, String(error));
          for (const value of planted) assert.ok(!error.message.includes(value), `${text} → ${error.message}`);
          assert.match(error.reason, /"…"|\.…/, `${text} → ${error.reason}`);
          return true;
        },
      );
    }
  });

  it('does not check rule ids when no known ids are given', () => {
    assert.deepEqual(plain(parseConfigText('{ "rules": { "future-rule": "note" } }', 'c.json')), { rules: { 'future-rule': 'note' } });
  });
});

describe('the config JSON schema', () => {
  it('is a valid draft-07 schema', () => {
    const ajv = new Ajv({ strictTuples: false });
    assert.ok(ajv.validateSchema(configSchema), JSON.stringify(ajv.errors));
  });

  it('describes every property and closes every object', () => {
    const visit = (schema: Record<string, unknown>, where: string): void => {
      const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
      if (properties) {
        assert.equal(schema.additionalProperties, false, `${where} must not allow additional properties`);
        for (const [name, property] of Object.entries(properties)) {
          assert.equal(typeof property.description, 'string', `${where}.${name} needs a description`);
          visit(property, `${where}.${name}`);
        }
      }
    };
    visit(configSchema as Record<string, unknown>, '$');
  });
});

describe('resolveConfig', () => {
  it('merges defaults and normalises rule settings', () => {
    const resolved = resolveConfig({ rules: { a: 'off', b: ['note'], c: ['error', { x: 1 }] } }, '/ws/.phi-guard.json', '/ws');
    assert.deepEqual(resolved.rules, { a: { severity: 'off', options: {} }, b: { severity: 'note', options: {} }, c: { severity: 'error', options: { x: 1 } } });
    assert.equal(resolved.maxFileSize, DEFAULT_MAX_FILE_SIZE);
    assert.equal(resolved.baseDir, '/ws');
    assert.equal(resolved.configFile, '/ws/.phi-guard.json');
    assert.deepEqual(resolved.ignore, []);
  });
});

describe('rule options', () => {
  const optionCases: Array<{ name: string; text: string; line: number; column: number; reason: RegExp }> = [
    {
      name: 'an option of the wrong type (a string where a list is wanted)',
      text: '{\n  "rules": {\n    "no-phi-in-logs": ["error", { "loggerNames": "audit" }]\n  }\n}',
      line: 3,
      column: 50,
      reason: /^Rule "no-phi-in-logs": option "loggerNames" must be array$/,
    },
    {
      name: 'a wrong element inside an option list',
      text: '{ "rules": { "no-cleartext-transport": ["warning", { "allowedHosts": ["a.internal", 7] }] } }',
      line: 1,
      column: 85,
      reason: /^Rule "no-cleartext-transport": option "allowedHosts\.1" must be string$/,
    },
    {
      name: 'an unknown option, with a suggestion',
      text: '{ "rules": { "no-phi-in-logs": ["error", { "loggerName": [] }] } }',
      line: 1,
      column: 44,
      reason: /^Rule "no-phi-in-logs": unknown option "loggerName"; did you mean "loggerNames"\?$/,
    },
    {
      name: 'an option given to a rule that has none',
      text: '{ "rules": { "no-phi-in-jwt": ["error", { "strict": true }] } }',
      line: 1,
      column: 43,
      reason: /^Rule "no-phi-in-jwt": unknown option "strict"$/,
    },
  ];
  for (const testCase of optionCases) {
    it(`reports ${testCase.name} at its line:column`, () => {
      assert.throws(
        () => parseConfigText(testCase.text, '/ws/.phi-guard.json', RULES),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError, String(error));
          assert.match(error.reason, testCase.reason);
          assert.deepEqual([error.line, error.column], [testCase.line, testCase.column], error.message);
          return true;
        },
      );
    });
  }

  it('accepts documented options and merges them over the rule defaults', () => {
    const parsed = parseConfigText('{ "rules": { "no-phi-in-logs": ["error", { "loggerNames": ["audit"] }], "no-unencrypted-phi-column": ["warning", { "includeLookupIdentifiers": true }] } }', 'c.json', RULES);
    const config = resolveConfig(parsed, undefined, '/ws');
    const column = RULES.get('no-unencrypted-phi-column')!;
    assert.deepEqual(plain(RULES.optionsFor(column, config)), { transformers: [], includeLookupIdentifiers: true, includeClinicalData: false });
    assert.deepEqual(plain(RULES.optionsFor(RULES.get('no-phi-in-logs')!, config)), { loggerNames: ['audit'], ipAddressesAlone: false });
    assert.equal(RULES.optionsFor(RULES.get('no-phi-in-url')!, config), RULES.get('no-phi-in-url')!.defaultOptions);
  });

  it('compiles every rule options schema, which accepts the rule defaultOptions', () => {
    for (const rule of RULES.all) {
      const validate = RULES.optionValidator(rule.meta.id)!;
      assert.ok(validate(rule.defaultOptions), `${rule.meta.id}: ${JSON.stringify(validate.errors)}`);
    }
  });
});

describe('didYouMean', () => {
  it('suggests close names only', () => {
    assert.equal(didYouMean('no-phi-in-log', [...KNOWN.ids]), 'no-phi-in-logs');
    assert.equal(didYouMean('NO-PHI-IN-URL', [...KNOWN.ids]), 'no-phi-in-url');
    assert.equal(didYouMean('something-else-entirely', [...KNOWN.ids]), undefined);
  });
});

describe('ConfigResolver', () => {
  let root: string;
  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-config-')));
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  function write(relPath: string, content: string): string {
    const absPath = path.join(root, relPath);
    fs.mkdirSync(path.dirname(absPath), { recursive: true });
    fs.writeFileSync(absPath, content);
    return absPath;
  }

  it('uses the nearest .phi-guard.json up the tree, with its folder as baseDir', () => {
    const top = write('.phi-guard.json', '{ "maxFileSize": 100 }');
    const nested = write('packages/api/.phi-guard.json', '{ "maxFileSize": 200, "rules": { "no-phi-in-logs": "off" } }');
    const resolver = new ConfigResolver({ rules: KNOWN, fallbackBaseDir: root });
    assert.equal(resolver.forFile(path.join(root, 'src/a.ts')).maxFileSize, 100);
    const api = resolver.forFile(path.join(root, 'packages/api/src/deep/b.ts'));
    assert.equal(api.maxFileSize, 200);
    assert.equal(api.baseDir, path.join(root, 'packages/api'));
    assert.equal(api.configFile, nested);
    assert.deepEqual(api.rules, { 'no-phi-in-logs': { severity: 'off', options: {} } });
    assert.deepEqual(resolver.configFiles(), [top, nested].sort());
  });

  it('falls back to the defaults with the fallback baseDir when no config exists', () => {
    const resolver = new ConfigResolver({ rules: KNOWN, fallbackBaseDir: root });
    const resolved = resolver.forFile(path.join(root, 'a/b/c.ts'));
    assert.equal(resolved.configFile, undefined);
    assert.equal(resolved.baseDir, root);
    assert.equal(resolved.maxFileSize, DEFAULT_MAX_FILE_SIZE);
    assert.deepEqual(resolver.configFiles(), []);
  });

  it('applies an explicit config file to every file', () => {
    write('.phi-guard.json', '{ "maxFileSize": 100 }');
    const explicit = write('configs/strict.json', '{ "maxFileSize": 300 }');
    const resolver = new ConfigResolver({ rules: KNOWN, fallbackBaseDir: root, explicitConfigFile: explicit });
    assert.equal(resolver.forFile(path.join(root, 'src/a.ts')).maxFileSize, 300);
    assert.equal(resolver.forFile(path.join(root, 'src/a.ts')).baseDir, path.join(root, 'configs'));
    assert.deepEqual(resolver.configFiles(), [explicit]);
  });

  it('throws a ConfigError for an invalid config, every time it is asked', () => {
    write('.phi-guard.json', '{\n  "rules": { "no-phi-in-lgos": "error" }\n}');
    const resolver = new ConfigResolver({ rules: KNOWN, fallbackBaseDir: root });
    for (let attempt = 0; attempt < 2; attempt++) {
      assert.throws(() => resolver.forFile(path.join(root, 'a.ts')), (error: unknown) => error instanceof ConfigError && error.line === 2 && /did you mean "no-phi-in-logs"/.test(error.reason));
    }
    assert.deepEqual(resolver.configFiles(), []);
  });

  it('throws a ConfigError for a missing explicit config', () => {
    const resolver = new ConfigResolver({ rules: KNOWN, fallbackBaseDir: root, explicitConfigFile: path.join(root, 'nope.json') });
    assert.throws(() => resolver.forFile(path.join(root, 'a.ts')), (error: unknown) => error instanceof ConfigError && /ENOENT/.test(error.reason));
  });

  it('caches per folder until clear() is called', () => {
    const config = write('.phi-guard.json', '{ "maxFileSize": 100 }');
    const resolver = new ConfigResolver({ rules: KNOWN, fallbackBaseDir: root });
    assert.equal(resolver.forFile(path.join(root, 'a.ts')).maxFileSize, 100);
    fs.writeFileSync(config, '{ "maxFileSize": 999 }');
    assert.equal(resolver.forFile(path.join(root, 'b.ts')).maxFileSize, 100, 'cached');
    resolver.clear();
    assert.equal(resolver.forFile(path.join(root, 'b.ts')).maxFileSize, 999);
    fs.rmSync(config);
    resolver.clear();
    assert.equal(resolver.forFile(path.join(root, 'b.ts')).configFile, undefined);
  });

  // Regression (issue 10): these were silently skipped, and the config further up (or none) applied.
  function assertConfigError(resolver: ConfigResolver, file: string, reason: RegExp): void {
    assert.throws(
      () => resolver.forFile(path.join(path.dirname(file), 'a.ts')),
      (error: unknown) => error instanceof ConfigError && error.file === file && reason.test(error.reason) && error.message.startsWith(`${file}:1:1 `),
    );
  }

  it('reports a folder named .phi-guard.json as an error naming it', () => {
    write('.phi-guard.json', '{ "maxFileSize": 100 }');
    fs.mkdirSync(path.join(root, 'sub/.phi-guard.json'), { recursive: true });
    const resolver = new ConfigResolver({ rules: KNOWN, fallbackBaseDir: root });
    assertConfigError(resolver, path.join(root, 'sub/.phi-guard.json'), /^The configuration is not a regular file \(directory\)$/);
  });

  it('reports a FIFO named .phi-guard.json without blocking on it', function () {
    if (process.platform === 'win32') this.skip();
    fs.mkdirSync(path.join(root, 'sub'));
    execFileSync('mkfifo', [path.join(root, 'sub/.phi-guard.json')]);
    const resolver = new ConfigResolver({ rules: KNOWN, fallbackBaseDir: root });
    assertConfigError(resolver, path.join(root, 'sub/.phi-guard.json'), /^The configuration is not a regular file \(FIFO\)$/);
  });

  it('reports a dangling or looping symbolic link named .phi-guard.json, and follows a good one', function () {
    fs.mkdirSync(path.join(root, 'dangling'));
    fs.mkdirSync(path.join(root, 'loop'));
    fs.mkdirSync(path.join(root, 'good'));
    write('shared/base.json', '{ "maxFileSize": 321 }');
    try {
      fs.symlinkSync('missing.json', path.join(root, 'dangling/.phi-guard.json'));
      fs.symlinkSync('.phi-guard.json', path.join(root, 'loop/.phi-guard.json'));
      fs.symlinkSync('../shared/base.json', path.join(root, 'good/.phi-guard.json'));
    } catch {
      this.skip();
    }
    const resolver = new ConfigResolver({ rules: KNOWN, fallbackBaseDir: root });
    assertConfigError(resolver, path.join(root, 'dangling/.phi-guard.json'), /symbolic link to a missing file/);
    assertConfigError(resolver, path.join(root, 'loop/.phi-guard.json'), /symbolic link that points at itself/);
    assert.equal(resolver.forFile(path.join(root, 'good/a.ts')).maxFileSize, 321);
  });

  it('reports an explicit config that is a folder as an error naming it', () => {
    fs.mkdirSync(path.join(root, 'configs.json'));
    const resolver = new ConfigResolver({ rules: KNOWN, fallbackBaseDir: root, explicitConfigFile: path.join(root, 'configs.json') });
    assertConfigError(resolver, path.join(root, 'configs.json'), /not a regular file \(directory\)/);
  });

  it('refuses a config over the size limit before reading it (regression: a 12.9 MB config aborted out of memory)', () => {
    const file = write('.phi-guard.json', `{ "notPhiNames": [${'"x",'.repeat(MAX_CONFIG_BYTES / 4)} "y"] }`);
    const resolver = new ConfigResolver({ rules: KNOWN, fallbackBaseDir: root });
    assertConfigError(resolver, file, /^The configuration is 1\.0 MB; a configuration is at most 1\.0 MB \(the file is not read\)$/);
  });
});

describe('config limits', () => {
  it(`refuses nesting deeper than ${MAX_CONFIG_DEPTH} levels at the bracket that goes too deep (regression: a stack overflow reported as "Cannot read the configuration")`, () => {
    for (const depth of [MAX_CONFIG_DEPTH + 1, 3_000, 100_000]) {
      const text = `{\n  "ignore": ${'['.repeat(depth)}${']'.repeat(depth)}\n}`;
      assert.throws(
        () => parseConfigText(text, '/ws/.phi-guard.json', RULES),
        (error: unknown) => error instanceof ConfigError && /^Nested more than 64 levels deep/.test(error.reason) && error.line === 2 && error.column === 12 + MAX_CONFIG_DEPTH,
      );
    }
  });

  it('accepts nesting up to the limit (and brackets inside strings and comments do not count)', () => {
    const inString = `{ "ignore": ["${'['.repeat(500)}"] /* ${'{'.repeat(500)} */ }`;
    assert.deepEqual(plain(parseConfigText(inString, 'c.json', KNOWN)), { ignore: ['['.repeat(500)] });
    const deep = `{ "x": ${'['.repeat(MAX_CONFIG_DEPTH - 1)}${']'.repeat(MAX_CONFIG_DEPTH - 1)} }`;
    assert.throws(() => parseConfigText(deep, 'c.json', KNOWN), (error: unknown) => error instanceof ConfigError && /Unknown setting "x"/.test(error.reason));
  });

  it('refuses config text over the size limit (an editor buffer)', () => {
    assert.throws(
      () => parseConfigText(`{ "ignore": ["${'a'.repeat(MAX_CONFIG_BYTES)}"] }`, 'c.json', KNOWN),
      (error: unknown) => error instanceof ConfigError && /a configuration is at most 1\.0 MB/.test(error.reason),
    );
  });
});
