// Findings in code nothing runs take the `unreachable` role: functions never mentioned by live code,
// exports no module imports (of modules someone imports), and what only such code calls. Anything not
// proved dead stays reachable: callbacks, JSX, entry modules, namespace and dynamic imports, aliases,
// decorated classes, public methods, globals of classic scripts, and the editor's single-file analysis.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from '@typescript-eslint/typescript-estree';
import { allRules } from '../../../rules';
import { Project } from '../../src/engine/project';
import { extractReachFacts, markUnfilledParameters, parseReachFacts, unreachableEntities } from '../../src/engine/reachability';

const LOG = 'console.log(patient.ssn);';

/** file → source; every `LEAK` line logs a patient's SSN. */
const WORKSPACE: Record<string, string> = {
  // Local functions: one never mentioned, one only recursive, one only called by the dead one, one called
  // once, one passed as a callback, one used as a JSX component, one put on window, one named in a string.
  'src/local.tsx': [
    'declare const patient: any; declare const el: any; declare const bus: any;',
    `function neverCalled() { ${LOG} helperOfDead(); }`,
    `function recursive(n: number) { ${LOG} if (n) recursive(n - 1); }`,
    `function helperOfDead() { ${LOG} }`,
    `function calledOnce() { ${LOG} }`,
    `const asCallback = () => { ${LOG} };`,
    `function Card() { ${LOG} return null; }`,
    `function onWindow() { ${LOG} }`,
    `function byName() { ${LOG} }`,
    'calledOnce(); el.addEventListener("click", asCallback); (window as any).onWindow = onWindow; bus.on("byName");',
    'export const view = <Card />;',
  ].join('\n'),
  // A module someone imports: `used` is imported, `unused` is not, `viaDead` only by a dead function.
  'src/store.ts': [
    'declare const patient: any;',
    `export function used() { ${LOG} }`,
    `export function unused() { ${LOG} }`,
    `export function viaDead() { ${LOG} }`,
    `export const arrowUnused = () => { ${LOG} };`,
  ].join('\n'),
  'src/app.ts': [
    "import { used, viaDead } from './store';",
    "import { renamed as again } from './barrel';",
    "import * as everything from './spread';",
    'used(); again();',
    'function deadCaller() { viaDead(); }',
    'export const all = everything;',
  ].join('\n'),
  // Re-exports: a barrel names one export of `inner`; `export *` passes on only what is asked of the barrel.
  'src/barrel.ts': "export { renamed } from './inner';\nexport * from './star';",
  'src/inner.ts': `declare const patient: any;\nexport function renamed() { ${LOG} }\nexport function notRenamed() { ${LOG} }`,
  'src/star.ts': `declare const patient: any;\nexport function starred() { ${LOG} }`,
  'src/spread.ts': `declare const patient: any;\nexport function anyOfNamespace() { ${LOG} }`,
  // Nobody imports this module: an entry point (a page, a handler, a script), its exports run.
  'src/entry.ts': `declare const patient: any;\nexport function handler() { ${LOG} }`,
  // Imported through a path alias: every module of that file name counts as imported by name.
  'src/lib/aliased.ts': `declare const patient: any;\nexport function viaAlias() { ${LOG} }\nexport function notViaAlias() { ${LOG} }`,
  'src/lib/user.ts': "import { viaAlias } from '@/lib/aliased';\nviaAlias();",
  'src/main.ts': "import './lib/aliased';\nimport './lib/dynamic-user';",
  // A dynamic import or require uses the whole module.
  'src/lazy.ts': `declare const patient: any;\nexport function lazyLoaded() { ${LOG} }`,
  'src/lib/dynamic-user.ts': "export const load = () => import('../lazy');",
  // Classes: a private method never called, one called, a public one, a decorated class nobody mentions.
  'src/service.ts': [
    'declare const patient: any; declare function Injectable(): any;',
    'export class Records {',
    `  private neverCalled() { ${LOG} }`,
    `  private calledPrivately() { ${LOG} }`,
    `  publicMethod() { ${LOG} this.calledPrivately(); }`,
    '}',
    '@Injectable()',
    `class Registered { save() { ${LOG} } }`,
  ].join('\n'),
  // A classic script (no import or export): its functions are globals another script or page may call.
  'public/legacy.js': `var patient = {};\nfunction globalHelper() { ${LOG} }`,
};

const DEAD = new Set([
  'src/local.tsx:2', 'src/local.tsx:3', 'src/local.tsx:4',
  'src/store.ts:3', 'src/store.ts:4', 'src/store.ts:5',
  'src/inner.ts:3', 'src/star.ts:2',
  'src/lib/aliased.ts:3',
  'src/service.ts:3',
  // A service's public method that no code anywhere calls (its class is built by the injector).
  'src/service.ts:8',
]);
const LIVE = [
  'src/local.tsx:5', 'src/local.tsx:6', 'src/local.tsx:7', 'src/local.tsx:8', 'src/local.tsx:9',
  'src/store.ts:2', 'src/inner.ts:2', 'src/spread.ts:2', 'src/entry.ts:2', 'src/lib/aliased.ts:2',
  'src/lazy.ts:2', 'src/service.ts:4', 'src/service.ts:5', 'public/legacy.js:2',
];

function writeWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-reach-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('unreachable code', () => {
  let dir: string;
  before(() => {
    dir = writeWorkspace(WORKSPACE);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives findings in code nothing runs the unreachable role with its reason, and keeps the rest', async () => {
    const result = await new Project({ root: dir, rules: allRules, reportRoles: 'all' }).scan();
    const logs = result.findings.filter((finding) => finding.ruleId === 'no-phi-in-logs');
    const roleOf = new Map(logs.map((finding) => [`${finding.file}:${finding.range.start.line}`, finding]));
    for (const place of DEAD) {
      assert.equal(roleOf.get(place)?.role, 'unreachable', `${place} is unreachable`);
      assert.ok(roleOf.get(place)?.roleReason, `${place} says why`);
    }
    for (const place of LIVE) assert.equal(roleOf.get(place)?.role, 'production', `${place} runs`);
    assert.match(roleOf.get('src/store.ts:3')!.roleReason!, /exported but no module of the workspace imports it/);
    assert.match(roleOf.get('src/store.ts:4')!.roleReason!, /only used by code that never runs/);
    assert.match(roleOf.get('src/local.tsx:2')!.roleReason!, /never used/);
  });

  it('hides unreachable findings by default, counts them, and lists them with --roles unreachable', async () => {
    const shown = await new Project({ root: dir, rules: allRules }).scan();
    assert.ok(!shown.findings.some((finding) => finding.role === 'unreachable'));
    assert.equal(shown.hidden?.byRole.unreachable, DEAD.size);
    const listed = await new Project({ root: dir, rules: allRules, reportRoles: ['unreachable'] }).scan();
    assert.equal(listed.findings.length, DEAD.size);
  });

  it('judges exports only when the whole project is scanned (a sub-folder scan keeps them reachable)', async () => {
    const result = await new Project({ root: dir, rules: allRules, reportRoles: 'all' }).scan({ paths: ['src'] });
    const dead = result.findings.filter((finding) => finding.role === 'unreachable').map((finding) => `${finding.file}:${finding.range.start.line}`).sort();
    assert.deepEqual(dead, ['src/local.tsx:2', 'src/local.tsx:3', 'src/local.tsx:4', 'src/service.ts:3']);
  });

  it('reads what component files the scan does not analyse import (.mdx): those modules are used whole', async () => {
    const withMdx = writeWorkspace({ ...WORKSPACE, 'docs/intro.mdx': "import { Card } from '../src/store';" });
    try {
      const result = await new Project({ root: withMdx, rules: allRules, reportRoles: 'all' }).scan();
      const store = result.findings.filter((finding) => finding.file === 'src/store.ts');
      assert.ok(store.length >= 4 && store.every((finding) => finding.role === 'production'));
      const inner = result.findings.filter((finding) => finding.file === 'src/inner.ts').map((finding) => finding.role);
      assert.deepEqual(inner, ['production', 'unreachable'], 'other modules are still judged');
    } finally {
      fs.rmSync(withMdx, { recursive: true, force: true });
    }
  });

  it('analyses .vue components: what their scripts call, and the names their template uses, are used', async () => {
    const withVue = writeWorkspace({
      ...WORKSPACE,
      'src/Page.vue': "<template>\n  <button @click=\"unused\">x</button>\n</template>\n<script setup>\nimport { unused, arrowUnused } from './store';\n</script>\n",
    });
    try {
      const result = await new Project({ root: withVue, rules: allRules, reportRoles: 'all' }).scan();
      const store = result.findings.filter((finding) => finding.file === 'src/store.ts').map((finding) => `${finding.range.start.line}:${finding.role}`);
      // `unused` is what the template calls; `arrowUnused` is imported but named nowhere else; viaDead is only called by dead code.
      assert.deepEqual(store, ['2:production', '3:production', '4:unreachable', '5:unreachable']);
    } finally {
      fs.rmSync(withVue, { recursive: true, force: true });
    }
  });

  it('in the editor judges the file alone: unmentioned local functions only, never exports', () => {
    const project = new Project({ root: dir, rules: allRules, reportRoles: 'all' });
    const store = project.analyze(path.join(dir, 'src/store.ts'), WORKSPACE['src/store.ts']);
    assert.ok(store.findings.length >= 4 && store.findings.every((finding) => finding.role === 'production'));
    const local = project.analyze(path.join(dir, 'src/local.tsx'), WORKSPACE['src/local.tsx']);
    const dead = local.findings.filter((finding) => finding.role === 'unreachable').map((finding) => finding.range.start.line);
    assert.deepEqual(dead, [2, 3, 4]);
  });
});

describe('statements after an unconditional jump', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-jump-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives findings after a return, throw, break or continue of their block the unreachable role, and keeps the rest', () => {
    const text = [
      'declare const patient: any;',
      'export function send(): Promise<void> {',
      '  return new Promise((resolve, reject) => {',
      "    return reject('service off');",
      `    ${LOG}`,
      '  });',
      '}',
      'export function check(kind: string) {',
      '  switch (kind) {',
      `    case 'a': break; ${LOG}`,
      `    case 'b': ${LOG} break;`,
      '  }',
      `  if (kind) { throw new Error('no'); } ${LOG}`,
      `  for (const x of [1]) { continue; ${LOG} }`,
      '  return hoisted();',
      `  function hoisted() { ${LOG} }`,
      '}',
    ].join('\n');
    const project = new Project({ root: dir, rules: allRules, reportRoles: 'all' });
    const result = project.analyze(path.join(dir, 'src/jump.ts'), text);
    const roles = result.findings.filter((finding) => finding.ruleId === 'no-phi-in-logs').map((finding) => `${finding.range.start.line}:${finding.role}`);
    assert.deepEqual(roles, ['5:unreachable', '10:unreachable', '11:production', '13:production', '14:unreachable', '16:production']);
    const reason = result.findings.find((finding) => finding.role === 'unreachable')?.roleReason ?? '';
    assert.match(reason, /after an unconditional return/);
  });
});

describe('superseded copies', () => {
  it('an older copy nobody imports (`shell.old.tsx`, `page-old.tsx`) runs nowhere; one that is imported, and the current file, still run', async () => {
    const component = "declare const patient: { name: string; diagnosis: string };\nexport function PatientShell() {\n  console.log('shell', patient.name, patient.diagnosis);\n  return null;\n}\n";
    const dir = writeWorkspace({
      'src/shell.tsx': component,
      'src/shell.old.tsx': component,
      'src/app/visits/page-old.tsx': component,
      'src/list-old.tsx': component.replace('PatientShell', 'PatientList'),
      'src/index.ts': "import { PatientList as List } from './list-old';\nimport { PatientShell as Shell } from './shell';\nimport { PatientShell } from '@/components/shell';\nexport { List, Shell, PatientShell };\n",
    });
    try {
      const result = await new Project({ root: dir, rules: allRules, reportRoles: 'all' }).scan();
      const roles = Object.fromEntries(result.findings.filter((finding) => finding.ruleId === 'no-phi-in-logs').map((finding) => [finding.file, finding.role]));
      assert.deepEqual(roles, { 'src/shell.tsx': 'production', 'src/shell.old.tsx': 'unreachable', 'src/app/visits/page-old.tsx': 'unreachable', 'src/list-old.tsx': 'production' });
      const reason = result.findings.find((finding) => finding.file === 'src/shell.old.tsx')?.roleReason ?? '';
      assert.match(reason, /older copy that no module imports/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('modules of a bundled browser app that nothing imports', () => {
  const logger = (name: string) => `declare const patient: { name: string; diagnosis: string };\nexport function ${name}() {\n  console.log('visit', patient.name, patient.diagnosis);\n}\n`;
  const app = (manifest: object, extra: Record<string, string> = {}) => ({
    'package.json': JSON.stringify(manifest),
    'public/index.html': '<html><body><div id="root"></div><script src="/paged.js"></script></body></html>',
    'webpack.config.js': "module.exports = { entry: { main: './src/index.js', extra: './src/configured.js' } };",
    'src/index.js': "import { used } from './components/used';\nimport React from 'react';\nconst Lazy = React.lazy(() => import('./components/lazy'));\nused();\nexport default Lazy;\n",
    'src/components/used.js': logger('used'),
    'src/components/lazy.js': logger('lazy'),
    'src/components/orphan.js': logger('orphan'),
    'src/configured.js': logger('configured'),
    'src/paged.js': logger('paged'),
    'src/App.js': logger('App'),
    'src/service-worker.js': logger('serviceWorker'),
    'scripts/seed.js': logger('seed'),
    // Prose about dynamic imports, and tooling outside `src/` loading by computed name, load nothing of the app.
    'src/components/notes.js': '/** Pages are split with import() of each route. */\n// require(name) is not used here\nexport const notes = 1;\n',
    'tools/lint-rule.js': 'module.exports = (name) => require(name);\n',
    // A minified data fixture the scan skips loads nothing.
    'src/fixtures/rows.min.js': `export const rows = [${'"row",'.repeat(2000)}];\n`,
    ...extra,
  });
  const roles = async (files: Record<string, string>) => {
    const dir = writeWorkspace(files);
    try {
      const result = await new Project({ root: dir, rules: allRules, reportRoles: 'all' }).scan();
      const byFile = Object.fromEntries(result.findings.filter((finding) => finding.ruleId === 'no-phi-in-logs').map((finding) => [finding.file, finding.role]));
      const reason = result.findings.find((finding) => finding.role === 'unreachable')?.roleReason ?? '';
      return { byFile, reason };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  it('never loads a source module no module imports and no entry names; entries, lazy imports and named modules run', async () => {
    const { byFile, reason } = await roles(app({ devDependencies: { 'react-scripts': '5.0.0' }, dependencies: { react: '18.0.0' } }));
    assert.equal(byFile['src/components/orphan.js'], 'unreachable');
    assert.match(reason, /bundled browser app that no module imports/);
    for (const file of ['src/components/used.js', 'src/components/lazy.js', 'src/configured.js', 'src/paged.js', 'src/App.js', 'src/service-worker.js', 'scripts/seed.js']) {
      assert.notEqual(byFile[file], 'unreachable', file);
    }
  });

  it('never loads a module only never-loaded modules import (transitively); one a loaded module also imports runs', async () => {
    const { byFile, reason } = await roles(app({ devDependencies: { 'react-scripts': '5.0.0' }, dependencies: { react: '18.0.0' } }, {
      'src/components/orphan.js': "import { modal } from './modal';\nimport { used } from './used';\nexport function orphan() { modal(); used(); }\n",
      'src/components/modal.js': "import { deeper } from './deeper';\n" + logger('modal') + 'deeper();\n',
      'src/components/deeper.js': logger('deeper'),
    }));
    assert.equal(byFile['src/components/modal.js'], 'unreachable');
    assert.equal(byFile['src/components/deeper.js'], 'unreachable');
    assert.equal(byFile['src/components/used.js'], 'production');
    assert.match(reason, /bundled browser app that (only modules the bundle never loads import|no module imports)/);
  });

  it('judges nothing in a server package, a package without a bundler, or one that loads modules by pattern or computed path', async () => {
    for (const [manifest, extra] of [
      [{ devDependencies: { webpack: '5.0.0' }, dependencies: { express: '4.0.0' } }, {}],
      [{ dependencies: { react: '18.0.0' } }, {}],
      [{ devDependencies: { webpack: '5.0.0' } }, { 'src/routes-loader.js': "const pages = require.context('./components', true, /\\.js$/);\nexport default pages;\n" }],
      [{ devDependencies: { vite: '5.0.0' } }, { 'src/glob.js': "export const pages = import.meta.glob('./components/*.js');\n" }],
      [{ devDependencies: { vite: '5.0.0' } }, { 'src/loader.js': "export const load = (name) => import(`./components/${name}.js`);\n" }],
      // A minified source the scan skips, which imports: what it loads is unknown.
      [{ devDependencies: { vite: '5.0.0' } }, { 'src/fixtures/rows.min.js': `var o=require("../components/orphan");export const rows = [${'"row",'.repeat(2000)}];\n` }],
    ] as Array<[object, Record<string, string>]>) {
      const { byFile } = await roles(app(manifest, extra));
      assert.equal(byFile['src/components/orphan.js'], 'production', JSON.stringify(manifest) + Object.keys(extra).join());
    }
  });
});

describe('reachability facts', () => {
  const factsOf = (text: string) => extractReachFacts(parse(text, { range: true, jsx: true }), text);
  const deadNames = (files: Record<string, string>, complete = true) => {
    const facts = new Map(Object.entries(files).map(([file, text]) => [file, factsOf(text)]));
    const dead = unreachableEntities(facts, { complete });
    return Object.fromEntries([...dead].map(([file, entities]) => [file, entities.map((entity) => files[file].slice(entity.start, entity.end).match(/(?:function|class|const|private)\s+(\w+)/)?.[1])]));
  };

  it('does not count an import, an export list or a declaration as a use', () => {
    assert.deepEqual(deadNames({ 'a.ts': "import { b } from './b';\nfunction f() {}\nexport { f as g };", 'b.ts': 'export function b() {}', 'c.ts': "import { g } from './a';\ng();" }), { 'b.ts': ['b'] });
  });

  it('follows a name re-exported after its import', () => {
    assert.deepEqual(deadNames({ 'a.ts': "import { b } from './b';\nexport { b };", 'b.ts': 'export function b() {}\nexport function c() {}', 'c.ts': "import { b } from './a';\nb();" }), { 'b.ts': ['c'] });
  });

  it("keeps what an entry module (nobody imports it) re-exports, though a sibling imports that module for something else", () => {
    const files = { 'pkg/index.ts': "export { shared } from './inner';", 'pkg/inner.ts': 'export function shared() {}\nexport function used() {}\nexport function unused() {}', 'pkg/sibling.ts': "import { used } from './inner';\nused();" };
    assert.deepEqual(deadNames(files), { 'pkg/inner.ts': ['unused'] });
  });

  it('keeps a default export imported by default, and a module imported for its side effects keeps its top level', () => {
    assert.deepEqual(deadNames({ 'a.ts': 'export default function main() {}\nexport function other() {}', 'b.ts': "import main from './a';\nmain();" }), { 'a.ts': ['other'] });
    assert.deepEqual(deadNames({ 'a.ts': 'function run() {}\nrun();\nexport function other() {}', 'b.ts': "import './a';" }), { 'a.ts': ['other'] });
  });

  it('keeps private members of decorated classes and conventional entry exports (default, handler, GET) of imported modules', () => {
    const files = {
      'a.ts': 'declare function Component(o: unknown): any;\n@Component({})\nexport class View { private onSave() {} }\nexport async function handler() {}\nexport function GET() {}\nexport function helper() {}\nexport default function Page() {}',
      'b.ts': "import { View } from './a';\nexport const views = [View];",
    };
    assert.deepEqual(deadNames(files), { 'a.ts': ['helper'] });
  });

  it("keeps a namespace's members (reached as Namespace.member from other files)", () => {
    assert.deepEqual(deadNames({ 'a.ts': 'export namespace Api { export function load() {} }\nfunction unused() {}', 'b.ts': "import { Api } from './a';\nApi.load();" }), { 'a.ts': ['unused'] });
  });

  it('keeps CommonJS exports and required modules reachable', () => {
    assert.deepEqual(deadNames({ 'a.js': 'function f() {}\nfunction g() {}\nmodule.exports = { f };', 'b.js': "const a = require('./a');" }), { 'a.js': ['g'] });
  });

  it('keeps exports when the workspace is not known whole', () => {
    assert.deepEqual(deadNames({ 'a.ts': 'export function f() {}\nfunction g() {}', 'b.ts': "import { x } from './a';" }, false), { 'a.ts': ['g'] });
  });

  it('keeps (for the whole scan) only mentions of names the file binds: its entities and its imports', () => {
    const facts = factsOf(
      "import { load } from './api';\nimport * as ui from './ui';\nclass View { private save() {} run() { this['save'](); } }\nfunction render(patient: any) { ui.show(patient.name); load(); render(patient); }\nconst card = document.title;",
    );
    assert.deepEqual(Object.keys(facts.mentions).sort(), ['load', 'render', 'save', 'ui']);
    // Names nobody binds (properties, globals, parameters) are not kept; a key spelled like a bound name still counts as its use.
    assert.deepEqual(deadNames({ 'a.ts': "import { b } from './b';\nconst o = { b: 1 };\nfunction f() { return o.b; }", 'b.ts': 'export function b() {}\nexport function c() {}' }), { 'a.ts': ['f'], 'b.ts': ['c'] });
  });
});

describe('parameters no caller fills', () => {
  /** Each `?q=${…}` line is a free-text patient search in a URL; the table says which callers exist. */
  const FILES: Record<string, string> = {
    'src/patients/search.ts': [
      'declare function useSWR(url: string): unknown;',
      "export function useMembers(list: string, searchQuery: string = '') {",
      '  return useSWR(`/ws/patient/members?list=${list}&q=${searchQuery}`);',
      '}',
      'export function useTyped(list: string, searchQuery?: string) {',
      '  return useSWR(`/ws/patient/members?list=${list}&q=${searchQuery}`);',
      '}',
      'function localSearch(searchQuery?: string) {',
      '  return useSWR(`/ws/patient/search?q=${searchQuery}`);',
      '}',
      'function passedAsCallback(searchQuery?: string) {',
      '  return useSWR(`/ws/patient/search?q=${searchQuery}`);',
      '}',
      "localSearch(); localSearch(undefined); localSearch('');",
      "['x'].forEach(passedAsCallback);",
      'export function useNeverImported(searchQuery?: string) {',
      '  return useSWR(`/ws/patient/search?q=${searchQuery}`);',
      '}',
    ].join('\n'),
    'src/patients/list-page.tsx': [
      "import { useMembers, useTyped, useNeverImported } from './search';",
      'declare function useState<T>(value: T): [T, (value: T) => void];',
      'export function ListPage({ list, typed }: { list: string; typed: string }) {',
      "  const [searchString] = useState('');",
      '  useMembers(list, searchString);',
      '  useMembers(list);',
      '  useTyped(list, typed);',
      '  return null;',
      '}',
    ].join('\n'),
    // A test mocks the hook (a mention, not a call) and calls it with its own data: not the product's callers.
    'src/patients/list-page.test.tsx': "import { useMembers } from './search';\nimport { vi, it } from 'vitest';\nconst mocked = vi.mocked(useMembers);\nit('searches', () => useMembers('l', 'Jane'));",
    // Nobody imports these two: entry points whose exports run.
    'src/patients/other.ts': "import { useNeverImported as search } from './search';\nexport const all = [search];",
  };

  let dir: string;
  before(() => {
    dir = writeWorkspace(FILES);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves out a search parameter every known call leaves empty, and keeps those some call fills or may fill', async () => {
    const result = await new Project({ root: dir, rules: allRules, reportRoles: 'all' }).scan();
    const urls = result.findings.filter((finding) => finding.ruleId === 'no-phi-in-url' && finding.file === 'src/patients/search.ts');
    const roles = Object.fromEntries(urls.map((finding) => [finding.range.start.line, finding.role]));
    assert.deepEqual(roles, { 3: 'unreachable', 6: 'production', 9: 'unreachable', 12: 'production', 17: 'production' });
    assert.match(urls.find((finding) => finding.range.start.line === 3)!.roleReason!, /parameter `searchQuery` of `useMembers` is never given a value by its 2 calls/);
  });

  it('in the editor judges only functions whose calls are all in the file', () => {
    const project = new Project({ root: dir, rules: allRules, reportRoles: 'all' });
    const analysis = project.analyze(path.join(dir, 'src/patients/search.ts'), FILES['src/patients/search.ts']);
    const dead = analysis.findings.filter((finding) => finding.ruleId === 'no-phi-in-url' && finding.role === 'unreachable').map((finding) => finding.range.start.line);
    assert.deepEqual(dead, [9]);
  });
});

describe('reachability through package names', () => {
  const factsOf = (text: string) => extractReachFacts(parse(text, { range: true, jsx: true }), text);
  const dead = (files: Record<string, string>) =>
    [...unreachableEntities(new Map(Object.entries(files).map(([file, text]) => [file, factsOf(text)])), { complete: true })].map(([file, entities]) => `${file}:${entities.length}`);

  it("counts a name imported from a monorepo package as used in any module exporting it, behind the package's barrel", () => {
    const files = {
      'packages/utils/lib/index.ts': "export * from './fhir/helpers';",
      'packages/utils/lib/fhir/helpers.ts': 'export function logVisit() {}\nexport function unusedHelper() {}',
      'packages/utils/lib/self-test.ts': "import { unusedHelper } from '.';",
      'packages/app/src/handler.ts': "import { logVisit } from 'utils';\nexport const run = () => logVisit();",
    };
    assert.deepEqual(dead(files), ['packages/utils/lib/fhir/helpers.ts:1']);
  });

  it('uses all of a workspace package imported whole by its name', () => {
    const files = {
      'packages/utils/lib/index.ts': "export * from './helpers';",
      'packages/utils/lib/helpers.ts': 'export function a() {}\nexport function b() {}',
      'packages/utils/lib/user.ts': "import { a } from './helpers';\na();",
      'packages/app/src/handler.ts': "import * as utils from '@clinic/utils';\nexport const all = utils;",
    };
    assert.deepEqual(dead(files), []);
  });
});

describe('reachability facts held by a scan', () => {
  // A scan keeps every file's facts as JSON until its end (Project.scan): read back, they must say the same.
  const files: Record<string, string> = {
    'a.ts': [
      "import { fill } from './b';",
      'declare const patient: any;',
      'function dead(q: string, { x }: any, ...rest: any[]) { console.log(q, x, rest); }',
      "function search(q: string) { const q2 = q; return q2; }",
      "const [term] = useState('');",
      "search(term); search('');",
      'export class Service { private unused() {} toString() { return fill(1, undefined); } }',
    ].join('\n'),
    'b.ts': 'export function fill(a: number, b?: number) { return a + (b ?? 0); }\nexport function never() {}',
  };
  const factsOf = (text: string) => extractReachFacts(parse(text, { range: true, jsx: true }), text);

  it('are the same facts and give the same answer once read back from JSON', () => {
    const facts = new Map(Object.entries(files).map(([file, text]) => [file, factsOf(text)]));
    const readBack = new Map([...facts].map(([file, fileFacts]) => [file, parseReachFacts(JSON.stringify(fileFacts))]));
    for (const [file, fileFacts] of facts) assert.deepEqual(readBack.get(file), fileFacts, file);
    assert.ok(facts.get('a.ts')!.calls?.search && facts.get('a.ts')!.entities.some((entity) => entity.params?.includes(null)), 'the example has calls and pattern parameters');
    assert.deepEqual(unreachableEntities(readBack, { complete: true }), unreachableEntities(facts, { complete: true }));
    assert.deepEqual([...unreachableEntities(readBack, { complete: true }).keys()].sort(), ['a.ts', 'b.ts']);
  });

  it("look names up as the file's own: a function called toString or __proto__ is judged like any other", async () => {
    const dir = writeWorkspace({
      'src/names.ts': [
        'declare const patient: any;',
        `function toString() { ${LOG} }`,
        `function valueOf() { ${LOG} }`,
        `function hasOwnProperty(ssn: string) { console.log(ssn); }`,
        'export const x = 1;',
      ].join('\n'),
    });
    try {
      const result = await new Project({ root: dir, rules: allRules, reportRoles: 'all' }).scan();
      const logs = result.findings.filter((finding) => finding.ruleId === 'no-phi-in-logs');
      assert.deepEqual(logs.map((finding) => [finding.range.start.line, finding.role]), [[2, 'unreachable'], [3, 'unreachable'], [4, 'unreachable']]);
      const facts = parseReachFacts(JSON.stringify(factsOf('export {};\nfunction __proto__() {}\nfunction toString() {}\ntoString();')));
      assert.deepEqual(Object.keys(facts.mentions), ['toString']);
      assert.deepEqual([...unreachableEntities(new Map([['n.ts', facts]]), { complete: true }).values()].flat().map((entity) => entity.start), [11]);
      assert.equal(markUnfilledParameters([], new Map([['n.ts', facts]]), () => undefined, { complete: true }), 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('methods of services nothing calls', () => {
  const factsOf = (text: string) => extractReachFacts(parse(text, { range: true, jsx: true }), text);
  /** file → the names of the dead entities (a method by its key). */
  const deadNames = (files: Record<string, string>, complete = true) => {
    const facts = new Map(Object.entries(files).map(([file, text]) => [file, factsOf(text)]));
    const dead = unreachableEntities(facts, { complete });
    return Object.fromEntries([...dead].map(([file, entities]) => [file, entities.map((entity) => files[file].slice(entity.start, entity.end).match(/^(?:(?:public|static|async)\s+)*(?:class\s+|function\s+)?(\w+)/)?.[1])]));
  };
  const DECLARE = 'declare function Injectable(o?: unknown): any; declare function Component(o: unknown): any; declare const http: any;\n';
  // A data layer whose methods put a search in a URL; a business layer wrapping it; a component using some of it.
  const dataLayer = DECLARE + [
    '@Injectable()',
    'export class RecordsData {',
    "  public searchPatients(text: string) { return http.get('/api/patients?q=' + text); }",
    "  public visits(id: string) { return http.get('/api/visits?id=' + id); }",
    '}',
  ].join('\n');
  const businessLayer = DECLARE + [
    "import { RecordsData } from './records.data';",
    '@Injectable()',
    'export class RecordsLogic {',
    '  constructor(private data: RecordsData) {}',
    '  public searchPatients(text: string) { return this.data.searchPatients(text); }',
    '  public visits(id: string) { return this.data.visits(id); }',
    '}',
  ].join('\n');
  const component = (body: string, decorator = "@Component({ selector: 'app-list' })") =>
    DECLARE + ["import { RecordsLogic } from './records.logic';", decorator, 'export class ListView {', '  constructor(private logic: RecordsLogic) {}', body, '}'].join('\n');
  const app = (view: string, extra: Record<string, string> = {}) => ({
    'src/records.data.ts': dataLayer,
    'src/records.logic.ts': businessLayer,
    'src/list.view.ts': view,
    'src/main.ts': "import { ListView } from './list.view';\nimport { RecordsLogic } from './records.logic';\nimport { RecordsData } from './records.data';\nexport const declarations = [ListView, RecordsLogic, RecordsData];",
    ...extra,
  });

  it('a data-layer method only its never-called wrapper calls is dead, and so is the wrapper', () => {
    assert.deepEqual(deadNames(app(component('  ngOnInit() { this.logic.visits(this.id); }\n  id = "";'))), {
      'src/records.data.ts': ['searchPatients'],
      'src/records.logic.ts': ['searchPatients'],
    });
  });

  it('a call through a receiver typed as another service does not make a same-named method live', () => {
    const other = DECLARE + "@Injectable()\nexport class Directory {\n  searchPatients(text: string) { return http.get('/dir?q=' + text); }\n}";
    const view = DECLARE + "import { Directory } from './directory';\n@Component({})\nexport class DirView {\n  constructor(private directory: Directory) {}\n  ngOnInit() { this.directory.searchPatients('a'); }\n}";
    const files = app(component('  ngOnInit() { this.logic.visits("1"); }'), { 'src/directory.ts': other, 'src/dir.view.ts': view });
    files['src/main.ts'] += "\nimport { DirView } from './dir.view';\nimport { Directory } from './directory';\nexport const more = [DirView, Directory];";
    assert.deepEqual(deadNames(files), { 'src/records.data.ts': ['searchPatients'], 'src/records.logic.ts': ['searchPatients'] });
  });

  const live: Array<[string, Record<string, string>, boolean?]> = [
    ['called through a wrapper that is itself called from a constructor-injected service', app(component('  ngOnInit() { this.logic.searchPatients("a"); this.logic.visits("b"); }'))],
    ["called by an inline template's event binding", app(component('  logic2 = 1;', "@Component({ template: '<button (click)=\"logic.searchPatients(q)\">{{ logic.visits(id) }}</button>' })"))],
    ['named by a dynamic lookup on the service (`this.logic[name]()`)', app(component('  run(name: string) { (this.logic as any)[name]("a"); }\n  ngOnInit() { this.run("visits"); }'))],
    ['passed on as a method reference or taken off the instance', app(component('  ngOnInit() { [1].forEach(this.logic.searchPatients as any); const { visits } = this.logic; visits("a"); }'))],
    ['called through `inject(Service)`', app(component('  private other = inject(RecordsLogic);\n  ngOnInit() { this.other.searchPatients("a"); this.other.visits("b"); }').replace('import {', 'declare function inject(t: unknown): any;\nimport {'))],
    ['not judged when the workspace is not known whole', app(component('')), false],
  ];
  for (const [what, files, complete] of live) {
    it(`keeps a service method ${what}`, () => {
      assert.deepEqual(deadNames(files, complete ?? true), {});
    });
  }

  it('keeps lifecycle hooks, methods of an interface a framework calls, subclasses and exports of an entry module', () => {
    const files = {
      'src/guard.ts': DECLARE + '@Injectable()\nexport class AuthGuard {\n  canActivate() { return true; }\n}',
      'src/interceptor.ts': DECLARE + "import { HttpInterceptor } from '@angular/common/http';\n@Injectable()\nexport class AuthInterceptor implements HttpInterceptor {\n  intercept(req: unknown) { return req; }\n}",
      'src/hooks.ts': DECLARE + '@Injectable()\nexport class Poller {\n  ngOnDestroy() {}\n  toJSON() { return {}; }\n}',
      'src/sub.ts': 'declare class Base {}\nexport class Child extends Base {\n  render() { return 1; }\n}',
      'src/main.ts': "import { AuthInterceptor } from './interceptor';\nimport { Poller } from './hooks';\nimport { Child } from './sub';\nimport { AuthGuard } from './guard';\nexport const all = [AuthInterceptor, Poller, Child, AuthGuard];",
      // A package's entry nobody in the workspace imports: its classes' methods are for outside callers.
      'lib/index.ts': 'export class Client {\n  static fetchPatient(id: string) { return id; }\n}',
    };
    assert.deepEqual(deadNames(files), {});
  });

  it('judges the static methods of a plain class, not its instance methods (a framework may build it and call them from a template)', () => {
    const files = {
      'src/receipt.ts': 'export class Receipt {\n  static printCopy(receipt: unknown) { console.log(receipt); }\n  static total(receipt: unknown) { return 1; }\n  render() { return 1; }\n}',
      'src/patient.ctrl.ts': 'export class PatientCtrl {\n  search(text: string) { return text; }\n}',
      'src/main.ts': "import { Receipt } from './receipt';\nimport { PatientCtrl } from './patient.ctrl';\ndeclare const app: any;\napp.controller('PatientCtrl', PatientCtrl);\nexport const sum = Receipt.total({});\nexport const view = new Receipt();",
    };
    assert.deepEqual(deadNames(files), { 'src/receipt.ts': ['printCopy'] });
  });

  it("reads a component's template file for the methods it calls", async () => {
    const view = component('  q = "";', "@Component({ templateUrl: './list.view.html' })");
    const dir = writeWorkspace({
      ...app(view),
      'src/records.data.ts': dataLayer.replace("http.get('/api/patients?q=' + text)", "console.log(patient.ssn)").replace('declare const http: any;', 'declare const http: any; declare const patient: any;'),
      'src/list.view.html': '<input [(ngModel)]="q"><button (click)="logic.searchPatients(q)">Search</button>',
    });
    try {
      const result = await new Project({ root: dir, rules: allRules, reportRoles: 'all' }).scan();
      const logs = result.findings.filter((finding) => finding.file === 'src/records.data.ts' && finding.ruleId === 'no-phi-in-logs');
      assert.deepEqual(logs.map((finding) => finding.role), ['production']);
      // A template spelt in another case is read; one that cannot be read may call any method of what its component injects.
      fs.renameSync(path.join(dir, 'src/list.view.html'), path.join(dir, 'src/List.View.html'));
      const otherCase = await new Project({ root: dir, rules: allRules, reportRoles: 'all' }).scan();
      assert.deepEqual(otherCase.findings.filter((finding) => finding.file === 'src/records.data.ts' && finding.ruleId === 'no-phi-in-logs').map((finding) => finding.role), ['production']);
      fs.writeFileSync(path.join(dir, 'src/List.View.html'), '<input [(ngModel)]="q">');
      const rewritten = await new Project({ root: dir, rules: allRules, reportRoles: 'all' }).scan();
      assert.equal(rewritten.findings.filter((finding) => finding.file === 'src/records.data.ts' && finding.role === 'unreachable').length, 1, 'read in another case: that template no longer calls it');
      fs.rmSync(path.join(dir, 'src/List.View.html'));
      // Unreadable: any method of the service its component injects may be called.
      const unread = await new Project({ root: dir, rules: allRules, reportRoles: 'all' }).scan();
      assert.deepEqual(unread.findings.filter((finding) => finding.file === 'src/records.data.ts' && finding.ruleId === 'no-phi-in-logs').map((finding) => finding.role), ['production']);
      fs.writeFileSync(path.join(dir, 'src/list.view.html'), '<input [(ngModel)]="q">');
      const without = await new Project({ root: dir, rules: allRules, reportRoles: 'all' }).scan();
      const dead = without.findings.filter((finding) => finding.file === 'src/records.data.ts' && finding.ruleId === 'no-phi-in-logs');
      assert.deepEqual(dead.map((finding) => [finding.role, finding.roleReason]), [['unreachable', 'method `searchPatients` is only used by code that never runs']]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
