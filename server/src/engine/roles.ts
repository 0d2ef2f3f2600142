// What a file is for. Users scan whole repositories: tests, mocks, fixtures, stories and synthetic-data
// generators hold made-up people and stubbed URLs, scripts run by operators are not the product, and
// generated, vendored and metadata files are nobody's code here. A file's role decides which rules
// report in it (meta.roles) and how severe a finding there is. The role comes from the config's `roles`
// globs first, then from path conventions, then from what the file imports (a test runner) or says
// about itself (a generated-file banner).
import { componentCode } from './components';
import * as path from 'node:path';
import type { FileRole, ResolvedConfig } from '../core/config-types';
import { IgnoreMatcher } from './ignore-rules';

export type { FileRole } from '../core/config-types';

export const FILE_ROLES: readonly FileRole[] = ['production', 'script', 'development', 'unreachable', 'simulation', 'test', 'mock', 'fixture', 'story', 'e2e', 'generated', 'vendored', 'docs'];

/** Where rules report unless a rule or the user says otherwise: the product, and operators' scripts. */
export const DEFAULT_REPORT_ROLES: readonly FileRole[] = ['production', 'script'];

/** Roles of test and sample code: made-up people, stubbed services. */
export const TEST_ROLES: readonly FileRole[] = ['test', 'mock', 'fixture', 'story', 'e2e'];

/**
 * Whether a finding is reported given its file's role: the user's choice of roles ('all' or a list),
 * else the rule's own (`meta.roles`, production and scripts by default).
 */
export function isReportedInRole(finding: { ruleId: string; role?: FileRole }, ruleRoles: readonly FileRole[] | undefined, wanted: 'all' | readonly FileRole[] | undefined): boolean {
  const role = finding.role ?? 'production';
  if (wanted === 'all') return true;
  if (wanted) return wanted.includes(role);
  return (ruleRoles ?? DEFAULT_REPORT_ROLES).includes(role);
}

export interface RoleVerdict {
  role: FileRole;
  /** Why, in a few words (for `--verbose` and the JSON report): "path: __tests__", "imports vitest". */
  reason: string;
}

/** Folder names, lower-case, and the role of everything below them. Nearest folder wins. */
const FOLDER_ROLES: ReadonlyMap<string, FileRole> = new Map<string, FileRole>([
  // Test support that ships as a package of its own (`packages/testingSupport/resetSession`: a lambda the regression
  // suite calls), not the product.
  ...['__tests__', '__test__', 'test', 'tests', 'spec', 'specs', 'testing', 'testsupport', 'testingsupport', 'testing-support', 'testing_support', 'regressiontests', 'regressiontest', 'test-utils', 'testutils', 'test-helpers', 'unit-tests', 'unittests', 'integration-tests', 'integrationtest', 'integrationtests', 'jest', 'vitest', 'karma'].map((name) => [name, 'test'] as const),
  ...['__mocks__', 'mock', 'mocks', 'mock-data', 'mockdata', 'mocked', 'stubs', 'stub', 'fakes', 'msw', 'mock-server', 'mockserver'].map((name) => [name, 'mock'] as const),
  ...['fixtures', 'fixture', '__fixtures__', 'test-data', 'testdata', 'sample-data', 'sampledata', 'demo-data', 'fake-data', 'fakedata', 'faker', 'synthetic', 'synthea', 'dummy-data', 'seed-data'].map((name) => [name, 'fixture'] as const),
  ...['stories', 'storybook', '.storybook', '__stories__'].map((name) => [name, 'story'] as const),
  ...['e2e', 'e2e-tests', 'cypress', 'playwright', 'end-to-end', 'acceptance', 'smoke-tests'].map((name) => [name, 'e2e'] as const),
  ...['scripts', 'script', 'migrations', 'migration', 'seeds', 'seed', 'seeders', 'db-scripts', 'ops', 'one-off', 'oneoff'].map((name) => [name, 'script'] as const),
  ...['generated', '__generated__', 'codegen', 'gen-src', 'auto-generated', 'autogen'].map((name) => [name, 'generated'] as const),
  ...['vendor', 'vendors', 'vendored', 'third_party', 'third-party', 'thirdparty', 'bower_components', 'jspm_packages', 'external-libs', '.yarn', '.pnpm-store'].map((name) => [name, 'vendored'] as const),
  // A developer playground: a page or package for trying the product out (against public sandbox servers), not
  // where a deployment handles its patients.
  ...['playground', 'playgrounds'].map((name) => [name, 'development'] as const),
  ...['docs', 'doc', 'documentation', 'examples', 'example', 'samples', 'sample', 'demo', 'demos', 'website', 'site-docs'].map((name) => [name, 'docs'] as const),
]);

/**
 * Folders whose `scripts/` subfolder holds the browser app's own code, not operator scripts: the Yeoman/AngularJS
 * layout `app/scripts/controllers/…`, static sites' `public/scripts/`. (`src/scripts/` stays a script folder:
 * Node packages keep their one-off jobs there.)
 */
const BROWSER_APP_FOLDERS: ReadonlySet<string> = new Set(['app', 'public', 'www', 'static', 'webapp', 'web']);

/**
 * The folders where an AI coding assistant keeps its skills, commands, hooks and rules (`.claude/skills/…`,
 * `.cursor/rules/…`): tooling the developer's agent runs on the developer's machine (a browser-performance probe,
 * a lint hook), never code a deployment runs on patients' data.
 */
const CODING_ASSISTANT_FOLDERS: ReadonlySet<string> = new Set(['.claude', '.cursor', '.windsurf', '.gemini', '.codex', '.continue', '.roo', '.kiro', '.cline', '.aider']);

/**
 * The folders where an IDE keeps its settings, run configurations and file templates (`.idea/fileTemplates/…`,
 * `.vscode/…`, `.fleet/…`): the developer's editor reads them, no build ships them.
 */
const IDE_FOLDERS: ReadonlySet<string> = new Set(['.idea', '.vscode', '.fleet', '.vs']);

/**
 * Folders a web server hands out as they are: a `plugins/` folder under one holds third-party jQuery plugins and
 * chart libraries a theme ships with (`wwwroot/assets/global/plugins/highcharts/…`), not the app's code. (A
 * `plugins/` folder elsewhere, `lib/plugins/`, is the app's own.) So does a `themes/` folder right under one
 * (`wwwroot/themes/default/…`): a bought or downloaded theme's fonts, icon libraries and bundled demo scripts.
 */
const STATIC_ASSET_FOLDERS: ReadonlySet<string> = new Set(['assets', 'wwwroot', 'static', 'public']);

/** Folder-name patterns: `synthetic-patient-data`, `mock-api`, `test-helpers-foo`, `seed_data`. */
const FOLDER_PATTERNS: ReadonlyArray<[RegExp, FileRole]> = [
  [/^(synthetic|synth)[-_]|[-_](synthetic|fixtures?|mocks?|fakes?)$|^(fake|mock|dummy|sample|demo|test)[-_]?data$/, 'fixture'],
  [/^mocks?[-_]|[-_]mocks?$/, 'mock'],
  [/^tests?[-_]|[-_]tests?$|^__\w+tests?__$/, 'test'],
  [/^e2e[-_]|[-_]e2e$/, 'e2e'],
  // A library's distribution unpacked as downloaded: `<library>-<major.minor.patch>[-variant]` (`fontawesome-free-5.13.1-web`,
  // `jquery-ui-1.12.1`, `bootstrap-4.6.0-dist`). A project's own folders are not named after a release of it.
  [/^[a-z][a-z0-9]*(?:[-_.][a-z][a-z0-9]*)*[-_.]v?\d+\.\d+\.\d+(?:[-.][a-z][a-z0-9]*)*$/, 'vendored'],
];

/** File-name patterns, checked before folders (a `foo.test.ts` in `src/` is a test). */
const FILE_PATTERNS: ReadonlyArray<[RegExp, FileRole]> = [
  [/\.(e2e|e2e-spec|cy|pw|playwright)\.[cm]?[jt]sx?$/i, 'e2e'],
  // Scripts that set up or run the end-to-end suite: `e2e-test-setup.ts`, `run-e2e.ts`.
  [/(^|[-_.])e2e[-_.]/i, 'e2e'],
  // Stories written as components too: Histoire's `Card.story.vue`, Storybook's Svelte CSF `Card.stories.svelte`.
  [/\.(stories|story)\.(?:[cm]?[jt]sx?|vue|svelte)$|\.mdx$/i, 'story'],
  [/\.(test|spec|tests|specs|unit|integration|int-test)\.[cm]?[jt]sx?$|(^|[._-])(test|spec)\.[cm]?[jt]sx?$|^(setup-?tests?|jest\.setup|vitest\.setup|test-?setup|setupTests)\.[cm]?[jt]s$/i, 'test'],
  [/\.(mock|mocks|stub|stubs|fake)\.[cm]?[jt]sx?$|^(mock|mocks|fake)[-_.A-Z]|[-_](mock|mocks)\.[cm]?[jt]sx?$|^mock[A-Z]/, 'mock'],
  // Mock data named in camelCase or PascalCase: `PatientListMockData.js`, `visitMocks.ts`.
  [/[a-z0-9](Mocks?|MockData|MockResponses?)\.[cm]?[jt]sx?$/, 'mock'],
  [/\.(fixture|fixtures|seed|sample)\.[cm]?[jt]sx?$|\.(fixture|fixtures|sample)\.json$|^fixtures?\.[cm]?[jt]sx?$/i, 'fixture'],
  // Sample records by name (`gc-sample-patients.js`, `samplePatients.ts`); not a lab's samples (`sample-collection.ts`).
  [/(^|[-_.])samples?[-_]?(patients?|people|persons|records|users)([-_.])|^samples?(Patients?|People|Persons|Records|Users)\./i, 'fixture'],
  // Test support by name: `testCardTestConstants.ts`, `test.utils.ts`, `testUtils.ts`, `test-helpers.js`.
  // (The camelCase form is case-sensitive: `latestData.ts` is not a test's data.)
  [/[a-z0-9]Test(Constants|Utils?|Helpers?|Data|Fixtures?|Setup)\.[cm]?[jt]sx?$/, 'test'],
  [/^test[-_.]?(utils?|helpers?|constants|data|setup)\.[cm]?[jt]sx?$/i, 'test'],
  // Tools that make or send test data, by name: `testdatarunner.js`, `test-data-generator.ts`, `testDataFactory.ts`.
  [/^test[-_]?data[-_]?(runner|generator|gen|factory|seeder|loader|filler|maker|builder|creator|sender|uploader|populator|writer)s?\.[cm]?[jt]sx?$/i, 'fixture'],
  // Generators of made-up data by name: `create-demo-visits.ts`, `fakePatients.ts`, `synthetic-census.ts`.
  [/(^|[-_.])(demo|synthetic|fake|dummy)([-_.]|[A-Z])|^(demo|synthetic|fake|dummy)[A-Z-_]|[-_](demo|synthetic|fake|dummy)\.[cm]?[jt]sx?$/, 'fixture'],
  // The same in camelCase, when the name ends in the made-up data (`populateWithDummyData.js`, `loadFakePatients.ts`);
  // not a demo mode's own code (`ehrOnlyDemoStore.js`, `LocalAndDemoBonusActionMenu.tsx`).
  [/[a-z0-9](Demo|Synthetic|Fake|Dummy)(Data|Patients?|People|Persons|Records|Users)\.[cm]?[jt]sx?$/, 'fixture'],
  [/\.(generated|gen|g)\.[cm]?[jt]sx?$|^(graphql|gql|api|schema)[-_.]?generated/i, 'generated'],
  [/^(lerna|nx|turbo|renovate|tsconfig[\w.-]*|jsconfig|\.eslintrc|\.prettierrc|\.babelrc|babel\.config)\.json$/i, 'docs'],
  // Settings of developer tools that check or release the repository (link and spell checkers, markdown and style
  // linters, commit and release tooling, coverage and docs generators): what they hold is about the repository.
  [/^\.?(markdown[-_.]?link[-_.]?check[\w.-]*|mlc[-_]config|markdownlint(-cli2)?(rc)?|cspell(\.config)?|stylelintrc|lintstagedrc|commitlintrc|releaserc|release-please-config|release-please-manifest|versionrc|nycrc|c8rc|lighthouserc|typedoc|api-extractor|jscpd|size-limit)\.jsonc?$/i, 'docs'],
  [/(^|[._-])(sbom|bom|cyclonedx|spdx|licen[cs]es?|third[-_]party[-_]notices|notices|attributions?)([._-][\w-]*)?\.json$|\.(cdx|spdx)\.json$/i, 'docs'],
  // Test-runner configurations: what they point at is the test run's server and browsers, not the product's.
  [/^(karma|jest|vitest|mocha)[-.](conf|config|setup)([-.][\w-]+)?\.[cm]?[jt]s$|^\.mocharc\.[cm]?js$/i, 'test'],
  [/^(protractor|wdio|nightwatch|cypress|playwright|testcafe)[-.](conf|config)([-.][\w-]+)?\.[cm]?[jt]s$|^\.testcaferc\.[cm]?js$/i, 'e2e'],
  [/\.min\.[cm]?js$/i, 'vendored'],
  // Yarn's plug-n-play loader, written by the package manager.
  [/^\.pnp\.(c|m)?js$|^\.pnp\.loader\.mjs$/, 'generated'],
];

/** What a file imports that makes it a test, an e2e test, a story or a mock, whatever its path. */
const IMPORT_ROLES: ReadonlyArray<[RegExp, FileRole]> = [
  [/^(@playwright\/test|cypress|@cypress\/[\w-]+|puppeteer|webdriverio|@wdio\/[\w-]+|nightwatch|detox|testcafe)$/, 'e2e'],
  [/^@storybook\/[\w-]+$/, 'story'],
  [/^(msw|msw\/[\w/-]+|nock|fetch-mock|jest-fetch-mock|axios-mock-adapter|mockttp|miragejs|json-server)$/, 'mock'],
  [/^(vitest|@vitest\/[\w-]+|@jest\/globals|jest|jest-[\w-]+|mocha|chai|chai-[\w-]+|sinon|jasmine|ava|tap|uvu|supertest|@testing-library\/[\w-]+|enzyme|react-test-renderer|@angular\/core\/testing|@nestjs\/testing|ts-mockito|testdouble|jest-mock-extended|vitest-mock-extended|node:test)$/, 'test'],
  [/^(@faker-js\/faker|faker|@faker-js\/faker\/[\w-]+|chance|casual|synthea)$/, 'fixture'],
];

// Bounded gaps (as workspace-index's RELATIVE_IMPORT): an unbounded lazy gap after every `import` word made a
// file of many `import` words without `from` quadratic.
const IMPORT = /(?:^|[\s;])(?:import\s[^'"`;]{0,500}?from\s*|import\s*\(?\s*|require\s*\(\s*)['"]([^'"\n]{1,300})['"]/g;
/**
 * A library's release banner opening the file: `/*! jQuery v3.3.1 | (c) JS Foundation | jquery.org/license *\/`,
 * `Highcharts JS v5.0.6 … (c) 2009-2016 … License: …`. A name with a release version, a copyright and a licence in
 * the first comment: what a library's build writes on the file a project copies in. (A project's own licence
 * header names no release: `Mozilla Public License, v. 2.0 … Copyright (C) OpenMRS Inc.`)
 */
const LIBRARY_BANNER_COMMENT = /^\s*(?:(['"])use strict\1;?\s*)?(\/\*[\s\S]{0,1200}?\*\/)/;
const RELEASE_VERSION = /(?:^|[\s*!(|])[A-Za-z][\w.$-]*(?:\s+JS)?\s+v\d+\.\d+(?:\.\d+)?\b/;
const COPYRIGHT = /\(c\)|©|\bcopyright\b/i;
const LICENCE = /\blicen[cs]e[ds]?\b/i;

function isLibraryBanner(text: string): boolean {
  const comment = LIBRARY_BANNER_COMMENT.exec(text.slice(0, 1400))?.[2];
  return comment !== undefined && RELEASE_VERSION.test(comment) && COPYRIGHT.test(comment) && LICENCE.test(comment);
}

const GENERATED_BANNER = /@generated\b|\bDO NOT EDIT\b|\bauto-?generated\b|\bautomatically generated\b|\bgenerated by\s+[\w@/.-]+/i;
/** Jest and Mocha globals used without an import: `describe('…', () => { … expect(…) })`. */
const TEST_GLOBALS = /\b(describe|it|test)(\.\w+)?\(\s*['"`]/;
const TEST_ASSERTIONS = /\bexpect\s*\(|\bassert\.\w+\s*\(|\bt\.(is|deepEqual|true)\s*\(/;
/**
 * The JUnit/Jasmine naming convention, `PatientServiceTest.js`, `visitSpec.ts`. The name alone does not decide:
 * in a health code base `LabTest.ts`, `BloodTest.tsx` or `formSpec.ts` are the product's own models and forms. Named
 * so and written as a test (a `describe`/`it`/`test` block, or an assertion), it is one.
 */
const TEST_CLASS_NAME = /[a-z0-9](Test|Tests|Spec|Specs)\.[cm]?[jt]sx?$/;
const SHOULD_ASSERTION = /\.should\.(be|equal|eql|have|deep|not|exist)\b|\bshould\(/;

/** The role of a workspace-relative POSIX path by naming conventions alone. */
export function roleOfPath(relPath: string): RoleVerdict | undefined {
  const segments = relPath.split('/');
  const fileName = segments[segments.length - 1];
  const byName = FILE_PATTERNS.find(([pattern]) => pattern.test(fileName));
  const byFolder = folderRole(segments.slice(0, -1));
  // node-config's `config/test.json` is loaded only when NODE_ENV=test: the test environment's settings.
  if (segments.length >= 2 && /^configs?$/i.test(segments[segments.length - 2]) && /^(test|testing)\.(json5?|ya?ml)$/i.test(fileName)) {
    return { role: 'test', reason: `test-environment config ${fileName}` };
  }
  // `e2e/login.spec.ts` is an e2e test: the folder says which kind of test a `.spec` file is.
  if (byName && !(byName[1] === 'test' && byFolder?.role === 'e2e')) return { role: byName[1], reason: `file name ${fileName}` };
  return byFolder;
}

/**
 * The nearest folder decides (`scripts/test-utils/x.ts` is test support, `test/scripts/x.ts` a test),
 * except that examples and samples inside synthetic data are that data (`synthetic-patients/examples/`).
 */
function folderRole(folders: readonly string[]): RoleVerdict | undefined {
  // A coding assistant's own folder decides whatever lies below it (`.claude/skills/…/scripts/x.js` is the
  // developer's agent tooling, not an operator script of the product).
  const assistant = folders.find((folder) => CODING_ASSISTANT_FOLDERS.has(folder.toLowerCase()));
  if (assistant) return { role: 'development', reason: `coding assistant folder ${assistant}` };
  const ide = folders.find((folder) => IDE_FOLDERS.has(folder.toLowerCase()));
  if (ide) return { role: 'development', reason: `IDE settings folder ${ide}` };
  for (let i = folders.length - 1; i >= 0; i--) {
    const folder = folders[i].toLowerCase();
    if (folder === 'plugins' && folders.slice(0, i).some((ancestor) => STATIC_ASSET_FOLDERS.has(ancestor.toLowerCase()))) {
      return { role: 'vendored', reason: `third-party plugins folder ${folders.slice(0, i + 1).join('/')}` };
    }
    if (folder === 'themes' && i > 0 && STATIC_ASSET_FOLDERS.has(folders[i - 1].toLowerCase())) {
      return { role: 'vendored', reason: `theme folder ${folders.slice(0, i + 1).join('/')} of a static web folder` };
    }
    const role = FOLDER_ROLES.get(folder) ?? FOLDER_PATTERNS.find(([pattern]) => pattern.test(folder))?.[1];
    if (!role) continue;
    if (role === 'script' && i > 0 && BROWSER_APP_FOLDERS.has(folders[i - 1].toLowerCase())) continue;
    if (role === 'docs') {
      const synthetic = folderRole(folders.slice(0, i));
      if (synthetic?.role === 'fixture') return synthetic;
    }
    return { role, reason: role === 'development' ? `developer playground folder ${folders[i]}` : `folder ${folders[i]}` };
  }
  return undefined;
}

/** The role of a file by what its text says: a test runner it imports, a generated-file banner, test globals. */
export function roleOfText(text: string, language: 'code' | 'json', fileName = ''): RoleVerdict | undefined {
  if (language !== 'code') return undefined;
  const head = text.slice(0, 600);
  if (GENERATED_BANNER.test(head)) return { role: 'generated', reason: 'generated-file banner' };
  if (isLibraryBanner(text)) return { role: 'vendored', reason: 'library release banner (name, version, copyright, licence)' };
  const imports = text.length > 400_000 ? text.slice(0, 400_000) : text;
  let found: RoleVerdict | undefined;
  for (const match of imports.matchAll(IMPORT)) {
    const specifier = match[1];
    for (const [pattern, role] of IMPORT_ROLES) {
      // e2e and stories win over a plain test runner imported beside them.
      if (pattern.test(specifier) && (!found || FILE_ROLES.indexOf(role) > FILE_ROLES.indexOf(found.role) || found.role === 'test')) {
        found = { role, reason: `imports ${specifier}` };
      }
    }
  }
  if (found) return found;
  if (TEST_GLOBALS.test(text) && TEST_ASSERTIONS.test(text)) return { role: 'test', reason: 'test globals (describe/it with expect/assert)' };
  if (TEST_CLASS_NAME.test(fileName) && (TEST_GLOBALS.test(text) || TEST_ASSERTIONS.test(text) || SHOULD_ASSERTION.test(text))) {
    return { role: 'test', reason: `test by name and content (${fileName})` };
  }
  return undefined;
}

/** Compiled `roles` globs of a config, cached per config object. */
const roleMatchers = new WeakMap<ResolvedConfig, Array<{ role: FileRole; matcher: IgnoreMatcher }>>();

function configRoleOf(absPath: string, config: ResolvedConfig): RoleVerdict | undefined {
  if (config.roles.length === 0) return undefined;
  let matchers = roleMatchers.get(config);
  if (!matchers) {
    matchers = config.roles.map(({ role, globs }) => ({ role, matcher: new IgnoreMatcher(globs) }));
    roleMatchers.set(config, matchers);
  }
  const relative = path.relative(config.baseDir, absPath).split(path.sep).join('/');
  if (relative === '' || relative.startsWith('..')) return undefined;
  for (const { role, matcher } of matchers) if (matcher.ignores(relative)) return { role, reason: `config roles.${role}` };
  return undefined;
}

/**
 * Public test servers anyone may write made-up records to: the SMART launcher and sandboxes, HAPI's and Firely's
 * public FHIR servers, the Logica/HSPC sandbox.
 */
const PUBLIC_TEST_SERVER = /\b(launch\.smarthealthit\.org|r[2-5b]\.smarthealthit\.org|sandbox\.smarthealthit\.org|hapi\.fhir\.org|server\.fire\.ly|(?:api\.)?logicahealth\.org|sandbox\.hspconsortium\.org)\b/i;

/**
 * A `sandbox` folder is not a role by its name alone: an iframe sandbox that renders reports or a payment sandbox
 * can sit in the product. Code there that names a public test server is for trying the product out against it.
 */
function sandboxRole(relPath: string, text: string): RoleVerdict | undefined {
  const folders = relPath.split('/').slice(0, -1);
  const sandbox = folders.find((folder) => /^sandbox(es)?$/i.test(folder));
  if (!sandbox) return undefined;
  const server = PUBLIC_TEST_SERVER.exec(text.length > 200_000 ? text.slice(0, 200_000) : text)?.[1];
  return server ? { role: 'development', reason: `folder ${sandbox} wired to public test server ${server.toLowerCase()}` } : undefined;
}

/** A file's role: the config's `roles` globs, then naming conventions, then its text, else production. */
export function fileRole(absPath: string, relPath: string, given: string, language: 'code' | 'json', config: ResolvedConfig): RoleVerdict {
  // A single-file component's role is its scripts' (imports of a test runner, test globals), not its template's words.
  const text = componentCode(absPath, given);
  const configured = configRoleOf(absPath, config);
  if (configured) return configured;
  const verdict = roleOfPath(relPath) ?? sandboxRole(relPath, text) ?? roleOfText(text, language, relPath.slice(relPath.lastIndexOf('/') + 1)) ?? { role: 'production', reason: 'default' };
  if (config.testSupportFrom && (verdict.role === 'production' || verdict.role === 'script')) return { role: 'test', reason: config.testSupportFrom };
  // In a teaching simulation the product's own code handles made-up patients only; tests and mocks stay what they are.
  if (config.simulatedPatientsFrom && (verdict.role === 'production' || verdict.role === 'script')) return { role: 'simulation', reason: config.simulatedPatientsFrom };
  return verdict;
}

/** Text with no function or class: a module of data (constants, records, types), not of behaviour. */
export function isDataModule(text: string): boolean {
  return !/\bfunction\b|=>|\bclass\s/.test(text);
}

/**
 * A data module (constants and records, no functions) whose role nothing decided (`default`) but that only
 * tests, mocks, fixtures, stories and e2e suites import is test data: shared test constants, story fixtures.
 * `importers` are the workspace files importing it, with their roles. Modules with behaviour keep their role
 * whoever imports them: entry points (serverless handlers, routes wired by configuration) are often imported
 * by their tests only, and are production code.
 */
export function roleByImporters(verdict: RoleVerdict, text: string, importers: ReadonlyArray<{ file: string; role: FileRole }>): RoleVerdict {
  if (verdict.reason !== 'default' || importers.length === 0 || !isDataModule(text)) return verdict;
  if (!importers.every((importer) => TEST_ROLES.includes(importer.role))) return verdict;
  const more = importers.length > 1 ? ` and ${importers.length - 1} more` : '';
  return { role: 'test', reason: `imported only by tests (${importers[0].file}${more})` };
}
