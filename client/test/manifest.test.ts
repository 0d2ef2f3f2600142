// Checks the extension manifest (package.json) against the code: settings defaults equal the shared
// DEFAULT_SETTINGS, every contributed command is registered by the client, activation covers the
// languages the client selects, and the VSIX would contain exactly the allowed files.
// Plain mocha: no vscode import (the client sources are read as text, not loaded).
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { Finding, ScanResult } from '../../server/src/core/types';
import { formatText } from '../../server/src/report/text';
import { Commands, SERVER_COMMANDS } from '../../server/src/shared/protocol';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, normalizeSettings } from '../../server/src/shared/settings';
import { CONFIG_FILE_GLOB, DOCUMENT_LANGUAGES, DOCUMENT_SCHEMES, documentSelector } from '../src/languages';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

interface ConfigProperty {
  type?: string | string[];
  default?: unknown;
  enum?: unknown[];
  scope?: string;
}

function contributedProperties(): Record<string, ConfigProperty> {
  const configuration = pkg.contributes?.configuration;
  const sections: { properties?: Record<string, ConfigProperty> }[] = Array.isArray(configuration) ? configuration : [configuration];
  return Object.assign({}, ...sections.map((s) => s?.properties ?? {}));
}

/** `{ "phiGuard.trace.server": { default: "off" } }` → `{ trace: { server: "off" } }`, like VS Code's getConfiguration. */
function defaultsAsObject(properties: Record<string, ConfigProperty>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(properties)) {
    assert.ok(key.startsWith(`${SETTINGS_SECTION}.`), `setting ${key} is outside the ${SETTINGS_SECTION} section`);
    const parts = key.slice(SETTINGS_SECTION.length + 1).split('.');
    let target = result;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[parts[parts.length - 1]!] = property.default;
  }
  return result;
}

function clientSources(): string {
  const dir = path.join(root, 'client', 'src');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

describe('extension manifest (package.json)', () => {
  it('contributes one setting per field of PhiGuardSettings, with defaults equal to DEFAULT_SETTINGS', () => {
    const properties = contributedProperties();
    for (const [key, property] of Object.entries(properties)) {
      assert.ok('default' in property, `${key} has no default`);
    }
    assert.deepStrictEqual(defaultsAsObject(properties), DEFAULT_SETTINGS);
    // The defaults also survive the normalisation both sides apply.
    assert.deepStrictEqual(normalizeSettings(defaultsAsObject(properties)), DEFAULT_SETTINGS);
  });

  it('gives every enum setting a default from its enum and a type matching the default', () => {
    for (const [key, property] of Object.entries(contributedProperties())) {
      if (property.enum) assert.ok(property.enum.includes(property.default), `${key}: default not in enum`);
      const types = Array.isArray(property.type) ? property.type : [property.type];
      const actual = property.default === null ? 'null' : Array.isArray(property.default) ? 'array' : typeof property.default;
      assert.ok(types.includes(actual), `${key}: default is ${actual}, type is ${types.join('|')}`);
    }
  });

  it('contributes the trace setting the LanguageClient reads (<client id>.trace.server)', () => {
    assert.deepStrictEqual(contributedProperties()[`${SETTINGS_SECTION}.trace.server`]?.enum, ['off', 'messages', 'verbose']);
    assert.match(clientSources(), /CLIENT_ID = SETTINGS_SECTION/);
  });

  it('contributes exactly the shared command ids, each registered by the client', () => {
    const contributed: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);
    assert.deepStrictEqual([...contributed].sort(), Object.values(Commands).sort());
    const source = clientSources();
    for (const [key, id] of Object.entries(Commands)) {
      assert.ok(
        source.includes(`registerCommand(Commands.${key},`) || source.includes(`registerCommand('${id}'`),
        `client/src does not register ${id}`,
      );
    }
    for (const command of pkg.contributes.commands) {
      assert.equal(command.category, 'PHI Guard', `${command.command} has no "PHI Guard" category`);
      assert.ok(command.title, `${command.command} has no title`);
    }
    // The server commands are announced by the server too; the client keeps the registration for itself.
    for (const id of SERVER_COMMANDS) assert.ok(contributed.includes(id), `${id} is not contributed`);
    assert.match(source, /CLIENT_COMMANDS[^;]*Object\.values\(Commands\)/);
  });

  it('activates on every language the client hands to the server, on the config file and on the commands', () => {
    const events: string[] = pkg.activationEvents;
    for (const language of DOCUMENT_LANGUAGES) assert.ok(events.includes(`onLanguage:${language}`), `missing onLanguage:${language}`);
    assert.ok(events.includes(`workspaceContains:${CONFIG_FILE_GLOB}`));
    for (const id of Object.values(Commands)) assert.ok(events.includes(`onCommand:${id}`), `missing onCommand:${id}`);
    assert.deepStrictEqual([...DOCUMENT_SCHEMES], ['file', 'untitled']);
    assert.equal(documentSelector().length, DOCUMENT_LANGUAGES.length * DOCUMENT_SCHEMES.length);
  });

  it('runs in untrusted workspaces (reads files only), not in virtual ones, and ships the bundled client', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, false);
    assert.equal(pkg.main, './dist/client.js');
    const esbuild = readFileSync(path.join(root, 'esbuild.mjs'), 'utf8');
    assert.match(esbuild, /client\/src\/extension\.ts/);
    assert.match(esbuild, /dist\/client\.js/);
    assert.match(clientSources(), /asAbsolutePath\('dist\/phi-guard\.js'\)/);
    assert.match(clientSources(), /\['lsp', '--node-ipc'\]/);
  });

  it('validates .phi-guard.json against the schema that ships in the extension', () => {
    const [validation] = pkg.contributes.jsonValidation;
    assert.equal(validation.fileMatch, '.phi-guard.json');
    assert.equal(validation.url, './server/schema/phi-guard.schema.json');
    if (existsSync(path.join(root, validation.url))) JSON.parse(readFileSync(path.join(root, validation.url), 'utf8'));
  });

  it('packages only the bundles, the schema, the rule docs and the top-level documents', async function () {
    this.timeout(180000); // packaging a VSIX takes long on a loaded machine
    const vsce = createRequire(__filename)('@vscode/vsce') as {
      listFiles(options: { cwd: string; packageManager: number }): Promise<string[]>;
      PackageManager: { None: number };
    };
    const files = await vsce.listFiles({ cwd: root, packageManager: vsce.PackageManager.None });
    const allowed = [
      /^package\.json$/,
      /^(README|CHANGELOG)\.md$/,
      /^LICENSE$/,
      /^dist\/(client|phi-guard)\.js$/,
      /^server\/schema\/[^/]+\.json$/,
      /^rules\/docs\/.+/,
    ];
    const unexpected = files.map((f) => f.replace(/\\/g, '/')).filter((f) => !allowed.some((re) => re.test(f)));
    assert.deepStrictEqual(unexpected, []);
    assert.ok(files.includes('package.json'));
    assert.ok(files.includes('LICENSE'));
  });
});

describe('the "phi-guard" problem matcher', () => {
  it('reads the text report of `phi-guard scan`', () => {
    const at = (line: number, column: number) => ({ line, column });
    const finding = (file: string, line: number, column: number, severity: Finding['severity'], ruleId: string, message: string): Finding => ({
      ruleId,
      severity,
      message,
      file,
      range: { start: at(line, column), end: at(line, column + 3), startOffset: 0, endOffset: 3 },
      related: [],
      phiKinds: [],
      hipaa: { identifiers: [], safeguards: [] },
      cwe: [],
      fingerprint: `${file}:${line}`,
      fixes: [],
      precision: 'high',
    });
    const result: ScanResult = {
      root: '/ws',
      filesScanned: 2,
      bytesScanned: 100,
      findings: [
        finding('src/a.ts', 12, 5, 'error', 'no-phi-in-logs', 'Logging SSN. Redact it.'),
        finding('src/a.ts', 3, 17, 'note', 'no-cleartext-transport', 'Cleartext http:// URL'),
        finding('src/dir with space/b.tsx', 140, 2, 'warning', 'no-phi-in-browser-storage', 'Storing date of birth in localStorage'),
      ],
      skipped: [],
      ruleErrors: [],
      durationMs: 5,
      configFiles: [],
    };
    const text = formatText(result, [], { color: false });
    const [matcher] = pkg.contributes.problemMatchers;
    const [filePattern, rowPattern] = matcher.pattern as { regexp: string }[];
    const problems: string[] = [];
    let file: string | undefined;
    for (const line of text.split('\n')) {
      const row = new RegExp(rowPattern!.regexp).exec(line);
      if (row && file) {
        problems.push(`${file}:${row[1]}:${row[2]} ${row[3]} ${row[5]} ${row[4]}`);
        continue;
      }
      const header = new RegExp(filePattern!.regexp).exec(line);
      if (header) file = header[1];
    }
    assert.deepStrictEqual(problems.sort(), [
      'src/a.ts:12:5 error no-phi-in-logs Logging SSN. Redact it.',
      'src/a.ts:3:17 note no-cleartext-transport Cleartext http:// URL',
      'src/dir with space/b.tsx:140:2 warning no-phi-in-browser-storage Storing date of birth in localStorage',
    ]);
    assert.equal(matcher.name, 'phi-guard');
    assert.equal(matcher.owner, 'phiGuard');
  });
});
