// Modules of a bundled browser app that nothing imports never run. A server, a Lambda or a script may be started
// from any file, so a module nobody imports is an entry point there; a browser app built by a bundler runs only
// what its entries (by the bundler's or framework's convention, or named in its configuration) import. In such a
// package, a source module under `src/` that no module imports, that is no entry by convention and that no page,
// manifest or configuration names is dead. Whenever the package could load modules in a way the import graph does
// not see (`import.meta.glob`, `require.context`, an `import()` or `require()` of a computed path, Angular's
// `loadChildren` strings), nothing is judged: when unsure, a module is imported.
import * as path from 'node:path';
import { parsePackageManifest, MAX_MANIFEST_BYTES, NearestManifestReader } from './package-manifests';
import { readSmallTextFile } from './read';

/** Dependencies that build a browser app from its entries. */
const BROWSER_BUNDLERS = new Set([
  'react-scripts', 'vite', 'webpack', 'parcel', 'parcel-bundler', '@angular/cli', '@angular-devkit/build-angular', 'next', 'nuxt',
  '@vue/cli-service', '@craco/craco', 'react-app-rewired', 'gatsby', '@remix-run/dev', 'openmrs', '@openmrs/webpack-config',
]);
/** Dependencies that run the package as a server, a desktop process or a script host: any module may be started. */
const NON_BROWSER_RUNTIMES = new Set([
  'express', 'koa', 'fastify', '@nestjs/core', '@hapi/hapi', 'hapi', 'restify', 'electron', 'react-native', 'expo', '@feathersjs/feathers',
  'sails', 'loopback', '@loopback/core', 'serverless', 'aws-lambda', '@azure/functions', 'firebase-functions',
]);
/** Frameworks that route by the file's place: their pages, app and routes folders are entries. */
const FILE_SYSTEM_ROUTERS = ['next', 'nuxt', 'gatsby', '@remix-run/dev', '@remix-run/react', '@sveltejs/kit', 'astro'];

/** The package's dependencies say it is a bundled browser app (and whether it routes by file place), or undefined. */
export function bundledAppKind(manifestText: string): { fileRoutes: boolean } | undefined {
  const manifest = parsePackageManifest(manifestText);
  if (!manifest) return undefined;
  const names = new Set<string>();
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
    const deps = manifest[field];
    if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) names.add(name);
  }
  if (![...names].some((name) => BROWSER_BUNDLERS.has(name))) return undefined;
  if ([...names].some((name) => NON_BROWSER_RUNTIMES.has(name))) return undefined;
  return { fileRoutes: FILE_SYSTEM_ROUTERS.some((name) => names.has(name)) };
}

const CONVENTIONAL_ENTRY = /^(?:index|main|app|bootstrap|polyfills|setuptests|setupproxy|reportwebvitals|serviceworker|service-worker|registerserviceworker|sw|worker|root|routes|router|environment|env|vite-env)(?:\.[\w-]+)*$/i;
/** Names bundlers, test runners and tools load by convention: configs, workers, stories, tests, mocks. */
const TOOLING_NAME = /(?:^|[.-])(?:config|conf|setup|worker|sw|stories|story|test|spec|mock|mocks|fixture|fixtures|e2e)(?:[.-]|$)/i;

/**
 * Whether a module (path relative to its package folder) is an entry by the bundler's or framework's convention,
 * or outside the package's `src/` (the rule judges only application sources).
 */
export function isConventionalBundleEntry(relToPackage: string, fileRoutes: boolean): boolean {
  const parts = relToPackage.split('/');
  if (parts[0] !== 'src' || parts.length < 2) return true;
  const base = parts[parts.length - 1].replace(/\.(?:d\.)?[cm]?[jt]sx?$/, '');
  if (/\.d\.[cm]?ts$/.test(relToPackage)) return true;
  if (CONVENTIONAL_ENTRY.test(base) || TOOLING_NAME.test(base)) return true;
  if (parts.some((part) => /^(?:__tests__|__mocks__|tests?|mocks?|stories|e2e|cypress|public|environments?)$/i.test(part))) return true;
  if (fileRoutes && parts.some((part) => part === 'pages' || part === 'app' || part === 'routes')) return true;
  return false;
}

/** Ways of loading a module the import graph cannot follow: a glob, a context, a computed path, a lazy route named by a string. */
const OPAQUE_LOADING = /\bimport\.meta\.glob|\brequire\.context\b|(?<![\w.$])import\(\s*(?![\s'"]|\/\*)|(?<![\w.$])require\(\s*(?![\s'")])|\bloadChildren\s*:\s*['"`]|\bimportScripts\s*\(|\bnew\s+(?:Shared)?Worker\s*\(/;
/** The text without block and line comments (prose such as "call import() here" loads nothing); a `//` inside a string may cut it, which only hides more. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
}
const STRING_PATH = /(from\s*|import\s*\(?\s*|require\s*\(\s*)?(['"`])([^'"`\s]{1,200})\2/g;

/** The last path segments (no extension) that strings other than import specifiers name: a configuration's entry, a page's script. */
export function namedModuleSegments(text: string, into: Set<string>): void {
  STRING_PATH.lastIndex = 0;
  for (let match = STRING_PATH.exec(text); match; match = STRING_PATH.exec(text)) {
    if (match[1]) continue;
    const value = match[3].replace(/[?#].*$/, '').replace(/\/+$/, '');
    const segment = value.slice(value.lastIndexOf('/') + 1).replace(/\.(?:[cm]?[jt]sx?)$/, '');
    if (segment && /^[\w.@-]+$/.test(segment)) into.add(segment.toLowerCase());
  }
  // `<script src="…">` and other attributes of a page.
  for (const found of text.matchAll(/\bsrc\s*=\s*['"]([^'"]+)['"]/g)) {
    const value = found[1].replace(/[?#].*$/, '');
    into.add(value.slice(value.lastIndexOf('/') + 1).replace(/\.(?:[cm]?[jt]sx?)$/, '').toLowerCase());
  }
}

/**
 * For a scan of the whole project: the files (workspace-relative) of bundled browser apps that are no entry, so that
 * nobody importing them makes them dead. `texts` are the analysed files' texts.
 */
export function bundledNonEntryFiles(root: string, files: ReadonlySet<string>, texts: ReadonlyMap<string, string>, unread: Iterable<string>): Set<string> {
  const manifests = new NearestManifestReader(bundledAppKind, (folder) => path.join(root, folder));
  const candidates = new Map<string, string[]>();
  const allByPackage = new Map<string, string[]>();
  for (const file of new Set([...files, ...texts.keys(), ...unread])) {
    if (!/\.[cm]?[jt]sx?$/.test(file)) continue;
    const folder = path.posix.dirname(file);
    const manifest = manifests.nearest(folder === '.' ? '' : folder, '');
    const kind = manifest?.value;
    if (!manifest || !kind) continue;
    const pkg = manifest.folder;
    const rel = pkg === '' ? file : file.slice(pkg.length + 1);
    const list = allByPackage.get(pkg) ?? [];
    list.push(file);
    allByPackage.set(pkg, list);
    if (files.has(file) && !isConventionalBundleEntry(rel, kind.fileRoutes)) candidates.set(pkg, [...(candidates.get(pkg) ?? []), file]);
  }
  const result = new Set<string>();
  for (const [pkg, pkgFiles] of candidates) {
    const named = new Set<string>();
    let opaque = false;
    for (const file of allByPackage.get(pkg) ?? []) {
      const text = texts.get(file);
      if (text === undefined || !files.has(file)) {
        // An application source not read or not parsed (built or vendored files elsewhere load nothing of `src/`): what it
        // loads is unknown, unless its raw text (a minified data fixture) loads nothing at all.
        const raw = text ?? readSmallTextFile(path.join(root, file), 8 * 1024 * 1024);
        if ((pkg === '' ? file : file.slice(pkg.length + 1)).startsWith('src/') && (raw === undefined || /\bimport\b|\brequire\b|\bimportScripts\b|\bWorker\b/.test(raw))) {
          opaque = true;
          break;
        }
        continue;
      }
      // Only the application's sources load its modules at run time (a lint rule or a script outside `src/` does not).
      if ((pkg === '' ? file : file.slice(pkg.length + 1)).startsWith('src/') && OPAQUE_LOADING.test(withoutComments(text))) {
        opaque = true;
        break;
      }
      namedModuleSegments(text, named);
    }
    if (opaque) continue;
    // The pages and manifest that name entries.
    for (const page of ['index.html', 'public/index.html', 'src/index.html', 'package.json', 'angular.json', 'project.json']) {
      const text = readSmallTextFile(path.join(root, pkg, page), MAX_MANIFEST_BYTES);
      if (text !== undefined) namedModuleSegments(text, named);
    }
    for (const file of pkgFiles) {
      const base = file.slice(file.lastIndexOf('/') + 1).replace(/\.[cm]?[jt]sx?$/, '').toLowerCase();
      if (!named.has(base)) result.add(file);
    }
  }
  return result;
}
