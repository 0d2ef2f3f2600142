// The environment a repository ships for running its code: the variables its env files (`.env`, `.env.production`,
// `.env.example`/`.env.sample` used as the deployment template, `.env.docker`), its Docker Compose `environment:`
// blocks, its Dockerfiles' `ENV` lines and its package manifests' run scripts (`"start": "DEBUG=app:* node …"`)
// set, in a file's folder and the folders above it (up to the config's base). The logging rules read it to tell
// whether a logger's production level drops a call (the `debug` package's DEBUG namespaces, `LOG_LEVEL` defaults).
// A light, line-based reading; a value it cannot read is kept as written (so it never hides a setting: a variable
// that is set to something unreadable still counts as set). Env files of development, tests and CI are left out:
// they configure a developer's machine or a test run, not a deployment.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readSmallTextFile } from './read';

export type ShippedEnvironment = Readonly<Record<string, readonly string[]>>;

const MAX_BYTES = 256 * 1024;
/** `.env`, `.env.production`, `.env.example`, `production.env`, `app.env.sample`. */
const ENV_FILE = /^(?:\.env(?:\.[\w-]+)*|[\w-]+(?:\.[\w-]+)*\.env(?:\.[\w-]+)?)$/i;
/** Env files for a developer's machine, tests or CI: not what a deployment runs with. */
const NON_DEPLOYMENT_ENV = /(?:^|[.\-_])(?:dev|development|local|test|tests|testing|ci|e2e|spec|mock|storybook)(?:$|[.\-_])/i;
const COMPOSE_FILE = /^(?:docker-)?compose(?:\.[\w-]+)*\.ya?ml$/i;
const NON_DEPLOYMENT_COMPOSE = /(?:^|[.\-_])(?:dev|development|local|test|tests|testing|ci|e2e)(?:$|[.\-_])/i;
const DOCKERFILE = /^(?:Dockerfile(?:\.[\w-]+)?|[\w-]+\.Dockerfile)$/i;
/** Run scripts that are not a deployment's: tests, linting, builds, a developer's watch mode. */
const NON_DEPLOYMENT_SCRIPT = /^(?:test|lint|e2e|cy|cypress|jest|mocha|coverage|format|prettier|storybook|dev|watch|debug|ci)(?:$|[:\-_])|(?:^|[:\-_])(?:test|tests|dev|watch|debug|ci|e2e|lint)$/i;
const EMPTY: ShippedEnvironment = Object.freeze({});

function unquote(value: string): string {
  let trimmed = value.trim();
  if (!/^["']/.test(trimmed) || /^(["']).*\1\s+#/.test(trimmed)) trimmed = trimmed.replace(/\s+#.*$/, '');
  if (trimmed.length >= 2 && (trimmed[0] === '"' || trimmed[0] === "'") && trimmed[trimmed.length - 1] === trimmed[0]) return trimmed.slice(1, -1);
  return trimmed;
}

function add(settings: Map<string, string[]>, name: string, value: string): void {
  const list = settings.get(name) ?? [];
  if (!list.includes(value)) list.push(value);
  settings.set(name, list);
}

/** `KEY=value` lines of an env file (`export KEY=value` too). */
export function envFileSettings(text: string, settings = new Map<string, string[]>()): Map<string, string[]> {
  for (const line of text.split(/\r?\n/)) {
    const found = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (found) add(settings, found[1], unquote(found[2]));
  }
  return settings;
}

/** `KEY=value` and `KEY: value` entries under a compose service's `environment:`. */
export function composeEnvironmentSettings(text: string, settings = new Map<string, string[]>()): Map<string, string[]> {
  let environmentIndent = -1;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const indent = line.length - line.trimStart().length;
    if (environmentIndent >= 0 && indent <= environmentIndent) environmentIndent = -1;
    if (/^\s*environment\s*:\s*(#.*)?$/.test(line)) {
      environmentIndent = indent;
      continue;
    }
    if (environmentIndent < 0) continue;
    const listed = /^\s*-\s*["']?([A-Za-z_][A-Za-z0-9_]*)=(.*?)["']?\s*$/.exec(line);
    if (listed) {
      add(settings, listed[1], unquote(listed[2]));
      continue;
    }
    const mapped = /^\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?\s*:\s*(.*)$/.exec(line);
    if (mapped) add(settings, mapped[1], unquote(mapped[2]));
  }
  return settings;
}

/** `ENV KEY=value [KEY2=value2]` and `ENV KEY value` lines of a Dockerfile. */
export function dockerfileSettings(text: string, settings = new Map<string, string[]>()): Map<string, string[]> {
  for (const line of text.split(/\r?\n/)) {
    const env = /^\s*ENV\s+(.*)$/i.exec(line);
    if (!env) continue;
    const body = env[1].trim();
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(body)) {
      for (const pair of body.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)/g)) add(settings, pair[1], unquote(pair[2]));
    } else {
      const single = /^([A-Za-z_][A-Za-z0-9_]*)\s+(.*)$/.exec(body);
      if (single) add(settings, single[1], unquote(single[2]));
    }
  }
  return settings;
}

/** `DEBUG=app:* node server`, `cross-env LOG_LEVEL=info node …` in a package manifest's deployment run scripts. */
export function packageScriptSettings(text: string, settings = new Map<string, string[]>()): Map<string, string[]> {
  let scripts: unknown;
  try {
    scripts = (JSON.parse(text) as { scripts?: unknown }).scripts;
  } catch {
    return settings;
  }
  if (!scripts || typeof scripts !== 'object') return settings;
  for (const [name, command] of Object.entries(scripts as Record<string, unknown>)) {
    if (typeof command !== 'string' || NON_DEPLOYMENT_SCRIPT.test(name)) continue;
    for (const pair of command.matchAll(/(?:^|[\s;&|])([A-Z_][A-Z0-9_]*)=("[^"]*"|'[^']*'|[^\s;&|]*)/g)) add(settings, pair[1], unquote(pair[2]));
  }
  return settings;
}

/** The settings a folder's own files ship. */
function folderSettings(folder: string): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  let entries: string[];
  try {
    entries = fs.readdirSync(folder);
  } catch {
    return settings;
  }
  for (const entry of entries) {
    let read: ((text: string, into: Map<string, string[]>) => Map<string, string[]>) | undefined;
    if (ENV_FILE.test(entry) && !NON_DEPLOYMENT_ENV.test(entry.replace(/^\.env/i, '').replace(/\.env$/i, ''))) read = envFileSettings;
    else if (COMPOSE_FILE.test(entry) && !NON_DEPLOYMENT_COMPOSE.test(entry.replace(/^(?:docker-)?compose/i, ''))) read = composeEnvironmentSettings;
    else if (DOCKERFILE.test(entry)) read = dockerfileSettings;
    else if (entry === 'package.json') read = packageScriptSettings;
    if (!read) continue;
    const text = readSmallTextFile(path.join(folder, entry), MAX_BYTES);
    if (text !== undefined) read(text, settings);
  }
  return settings;
}

/** Per folder, the environment shipped in it and in the folders above it, up to a base folder. Cached. */
export class ShippedEnvironmentFinder {
  private readonly byFolder = new Map<string, ShippedEnvironment>();

  environmentFor(absPath: string, baseDir: string): ShippedEnvironment {
    const base = path.resolve(baseDir);
    const folder = path.dirname(path.resolve(absPath));
    if (folder !== base && !folder.startsWith(base + path.sep)) return EMPTY;
    return this.forFolder(folder, base);
  }

  clear(): void {
    this.byFolder.clear();
  }

  private forFolder(folder: string, base: string): ShippedEnvironment {
    const known = this.byFolder.get(folder);
    if (known) return known;
    const above = folder !== base && path.dirname(folder) !== folder ? this.forFolder(path.dirname(folder), base) : EMPTY;
    const own = folderSettings(folder);
    let environment = above;
    if (own.size) {
      const merged: Record<string, string[]> = {};
      for (const [name, values] of Object.entries(above)) merged[name] = [...values];
      for (const [name, values] of own) merged[name] = [...new Set([...(merged[name] ?? []), ...values])];
      environment = Object.freeze(merged);
    }
    this.byFolder.set(folder, environment);
    return environment;
  }
}
