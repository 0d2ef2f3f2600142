// Console methods an app replaces with no-ops before its code runs (its entry page's inline scripts, its entry
// module's top-level statements and production-only blocks): the logging rules leave their calls out.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules } from '../../../rules';
import { SilencedConsoleFinder, silencedInHtml, silencedInScript } from '../../src/engine/silenced-console';
import { Project } from '../../src/engine/project';

const sorted = (methods: Set<string>) => [...methods].sort();

describe('silenced console', () => {
  const scripts: Array<{ name: string; code: string; silenced: string[] }> = [
    { name: 'empty function expressions on window.console', code: 'window.console.log = function () {};\nwindow.console.warn = function () {};', silenced: ['log', 'warn'] },
    { name: 'empty arrow, chained, bracket access', code: "console.debug = console['info'] = () => {};", silenced: ['debug', 'info'] },
    { name: 'a top-level empty function by name', code: 'function noop() {}\nconst quiet = () => {};\nconsole.log = noop;\nglobalThis.console.warn = quiet;', silenced: ['log', 'warn'] },
    { name: 'inside if (environment.production)', code: "import { environment } from './environments/environment';\nif (environment.production) {\n  enableProdMode();\n  window.console.log = () => {};\n}", silenced: ['log'] },
    { name: "inside if (process.env.NODE_ENV === 'production')", code: "if ('production' === process.env.NODE_ENV) console.log = function () {};", silenced: ['log'] },
    // near misses
    { name: 'a function that does something', code: 'console.log = function (...args) { send(args); };', silenced: [] },
    { name: 'an arrow returning a value', code: 'console.log = () => 0;', silenced: [] },
    { name: 'a name that is not an empty function', code: 'function report(m) { send(m); }\nconsole.log = report;', silenced: [] },
    { name: 'a let noop that may be reassigned', code: 'let noop = () => {};\nconsole.log = noop;', silenced: [] },
    { name: 'inside a dev-only branch', code: 'if (!environment.production) { console.log = () => {}; }', silenced: [] },
    { name: 'inside another condition', code: "if (localStorage.getItem('quiet')) { console.log = () => {}; }", silenced: [] },
    { name: 'inside the else of a production check', code: 'if (environment.production) { enableProdMode(); } else { console.warn = () => {}; }', silenced: [] },
    { name: 'inside a function', code: 'export function mute() { console.log = () => {}; }', silenced: [] },
    { name: 'on another object', code: 'logger.log = () => {};\nwindow.myConsole.log = () => {};', silenced: [] },
  ];
  for (const testCase of scripts) {
    it(`script: ${testCase.name}`, () => assert.deepEqual(sorted(silencedInScript(testCase.code)), testCase.silenced));
  }

  it('reads inline scripts of a page, not external or non-JavaScript ones', () => {
    const page = [
      '<html><head>',
      '<script>document.write("<base>");\nwindow.console.log = function () {};</script>',
      '<script src="x.js">console.warn = function () {};</script>',
      '<script type="text/template">console.error = function () {};</script>',
      '<script type="text/javascript">console.debug = () => {};</script>',
      '</head></html>',
    ].join('\n');
    assert.deepEqual(sorted(silencedInHtml(page)), ['debug', 'log']);
  });

  it('finds the nearest app folder, reads its angular.json index and entry module, and is cached per folder', () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-console-')));
    try {
      fs.mkdirSync(path.join(root, 'web', 'src', 'app'), { recursive: true });
      fs.mkdirSync(path.join(root, 'api', 'src'), { recursive: true });
      fs.writeFileSync(path.join(root, 'web', 'angular.json'), JSON.stringify({ projects: { web: { architect: { build: { options: { index: 'src/shell.html', main: 'src/boot.ts' } } } } } }));
      fs.writeFileSync(path.join(root, 'web', 'src', 'shell.html'), '<script>window.console.log = function () {};</script>');
      fs.writeFileSync(path.join(root, 'web', 'src', 'boot.ts'), 'if (environment.production) { console.warn = () => {}; }\n');
      fs.writeFileSync(path.join(root, 'api', 'package.json'), '{}');
      fs.writeFileSync(path.join(root, 'api', 'src', 'index.js'), 'function start() { console.log = () => {}; }\n');
      const finder = new SilencedConsoleFinder();
      assert.deepEqual(finder.silencedFor(path.join(root, 'web', 'src', 'app', 'a.ts'), root), ['log', 'warn']);
      assert.deepEqual(finder.silencedFor(path.join(root, 'api', 'src', 'b.js'), root), []);
      assert.deepEqual(finder.silencedFor(path.join(root, 'c.js'), root), []);
      // the page of a package that also holds a server silences the browser bundle (src/), not the server's code
      fs.mkdirSync(path.join(root, 'full', 'src'), { recursive: true });
      fs.mkdirSync(path.join(root, 'full', 'server'), { recursive: true });
      fs.writeFileSync(path.join(root, 'full', 'package.json'), '{}');
      fs.mkdirSync(path.join(root, 'full', 'public'));
      fs.writeFileSync(path.join(root, 'full', 'public', 'index.html'), '<script>console.log = function () {};</script>');
      fs.writeFileSync(path.join(root, 'full', 'main.js'), 'console.debug = () => {};\n');
      assert.deepEqual(finder.silencedFor(path.join(root, 'full', 'src', 'app.js'), root), ['debug', 'log']);
      assert.deepEqual(finder.silencedFor(path.join(root, 'full', 'server', 'routes.js'), root), ['debug']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('a project scan leaves out console.log the shipped page silences and keeps console.error', async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-console-')));
    try {
      fs.mkdirSync(path.join(root, 'src'));
      fs.writeFileSync(path.join(root, 'package.json'), '{"name":"clinic-web"}');
      fs.writeFileSync(path.join(root, 'src', 'index.html'), '<script>\n  window.console.log = function () {};\n</script>');
      fs.writeFileSync(path.join(root, 'src', 'patient.js'), 'export function show(patient) {\n  console.log(patient.email);\n  console.error(patient.email);\n}\n');
      const project = new Project({ root, rules: allRules });
      const result = await project.scan();
      assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'no-phi-in-logs').map((finding) => finding.range.start.line), [3]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
