import { ruleCatalog } from '../helpers/rules';
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigResolver } from '../../src/engine/config';
import { defaultConfig, type ResolvedConfig } from '../../src/core/config-types';
import { discoverFiles, type DiscoverOptions, type DiscoveryResult } from '../../src/engine/discover';
import { readSourceFile } from '../../src/engine/read';
import type { SkipReason } from '../../src/core/types';
import { removeBadInputWorkspace, writeBadInputWorkspace } from '../helpers/bad-input';

describe('discoverFiles', () => {
  let root: string;
  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-discover-')));
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  function write(files: Record<string, string>): void {
    for (const [relPath, content] of Object.entries(files)) {
      const absPath = path.join(root, relPath);
      fs.mkdirSync(path.dirname(absPath), { recursive: true });
      fs.writeFileSync(absPath, content);
    }
  }

  function options(overrides: Partial<ResolvedConfig> = {}): DiscoverOptions {
    return { root, configFor: () => ({ ...defaultConfig(root), ...overrides }) };
  }

  async function discover(roots: string[] = [root], discoverOptions = options()): Promise<DiscoveryResult> {
    return discoverFiles(roots, discoverOptions);
  }

  const relPaths = (result: DiscoveryResult) => result.files.map((file) => file.relPath);
  const skips = (result: DiscoveryResult) => Object.fromEntries(result.skipped.map((skip) => [skip.file, skip.reason]));

  it('finds code and JSON files by extension, sorted, with language and size', async () => {
    write({
      'src/b.tsx': 'x', 'src/a.ts': 'xy', 'lib/c.mjs': '', 'lib/d.cjs': '', 'lib/e.mts': '', 'lib/f.cts': '', 'lib/g.jsx': '', 'lib/h.js': '',
      'tsconfig.json': '{}', '.vscode/settings.jsonc': '{}', '.phi-guard.json': '{}', 'README.md': '#', 'logo.png': 'x',
    });
    const result = await discover();
    assert.deepEqual(relPaths(result), [
      '.phi-guard.json', '.vscode/settings.jsonc', 'lib/c.mjs', 'lib/d.cjs', 'lib/e.mts', 'lib/f.cts', 'lib/g.jsx', 'lib/h.js', 'src/a.ts', 'src/b.tsx', 'tsconfig.json',
    ]);
    const aTs = result.files.find((file) => file.relPath === 'src/a.ts');
    assert.deepEqual(aTs, { absPath: path.join(root, 'src/a.ts'), relPath: 'src/a.ts', size: 2, language: 'code' });
    assert.equal(result.files.find((file) => file.relPath === 'tsconfig.json')?.language, 'json');
    assert.deepEqual(result.skipped, [], 'files of other types are not listed as skipped');
  });

  it('records each always-skipped folder once, not the files inside it', async () => {
    write({
      'node_modules/a/index.js': '', 'node_modules/b/index.js': '', 'dist/app.js': '', 'build/x.js': '', 'out/x.js': '', 'coverage/x.json': '',
      '.git/config.json': '', '.next/x.js': '', '.nuxt/x.js': '', '.turbo/x.json': '', '.cache/x.json': '', 'packages/p/node_modules/q/i.js': '', 'src/ok.ts': '',
    });
    const result = await discover();
    assert.deepEqual(relPaths(result), ['src/ok.ts']);
    assert.deepEqual(result.skipped.map((skip) => skip.file), [
      '.cache/', '.git/', '.next/', '.nuxt/', '.turbo/', 'build/', 'coverage/', 'dist/', 'node_modules/', 'out/', 'packages/p/node_modules/',
    ]);
    assert.deepEqual(result.skipped.find((skip) => skip.file === 'node_modules/'), { file: 'node_modules/', reason: 'ignored', detail: 'dependency folder' });
  });

  it('skips lockfiles', async () => {
    write({ 'package-lock.json': '{}', 'npm-shrinkwrap.json': '{}', 'yarn.lock': '', 'pnpm-lock.yaml': '', 'package.json': '{}' });
    const result = await discover();
    assert.deepEqual(relPaths(result), ['package.json']);
    assert.deepEqual(skips(result), { 'npm-shrinkwrap.json': 'ignored', 'package-lock.json': 'ignored', 'pnpm-lock.yaml': 'ignored', 'yarn.lock': 'ignored' });
  });

  it('honours the root .gitignore and nested ones relative to their folder, including negation', async () => {
    write({
      '.gitignore': 'generated/\n*.gen.ts\n',
      'generated/a.ts': '', 'src/x.gen.ts': '', 'src/keep.ts': '',
      'pkg/.gitignore': 'local.ts\n!important.gen.ts\n/only-here.ts\n',
      'pkg/local.ts': '', 'pkg/important.gen.ts': '', 'pkg/only-here.ts': '', 'pkg/sub/only-here.ts': '', 'other/local.ts': '',
    });
    const result = await discover();
    assert.deepEqual(relPaths(result), ['other/local.ts', 'pkg/important.gen.ts', 'pkg/sub/only-here.ts', 'src/keep.ts']);
    assert.deepEqual(skips(result), {
      'generated/': 'ignored', 'src/x.gen.ts': 'ignored', 'pkg/local.ts': 'ignored', 'pkg/only-here.ts': 'ignored',
    });
    assert.match(result.skipped.find((skip) => skip.file === 'generated/')?.detail ?? '', /`generated\/` in \.gitignore/);
  });

  it('honours .gitignore files above a folder given as a root', async () => {
    write({ '.gitignore': 'src/secret/\n', 'src/secret/a.ts': '', 'src/b.ts': '' });
    const result = await discover([path.join(root, 'src')]);
    assert.deepEqual(relPaths(result), ['src/b.ts']);
    assert.deepEqual(skips(result), { 'src/secret/': 'ignored' });
  });

  it('scans a folder given as a root even when an ancestor .gitignore ignores it (regression: the bench corpus)', async () => {
    write({ '.gitignore': '.corpus/\n', '.corpus/a.ts': '', '.corpus/sub/b.ts': '', '.corpus/.gitignore': 'sub/\n' });
    const result = await discover([path.join(root, '.corpus')]);
    assert.deepEqual(relPaths(result), ['.corpus/a.ts']);
    assert.deepEqual(skips(result), { '.corpus/sub/': 'ignored' });
  });

  it('honours the config ignore globs relative to the config folder', async () => {
    write({
      'app/.phi-guard.json': '{ "ignore": ["fixtures/", "**/*.spec.ts"] }',
      'app/fixtures/f.ts': '', 'app/src/a.spec.ts': '', 'app/src/a.ts': '', 'fixtures/top.ts': '', 'top.spec.ts': '',
    });
    const resolver = new ConfigResolver({ rules: ruleCatalog([]), fallbackBaseDir: root });
    const result = await discover([root], { root, configFor: (absPath) => resolver.forFile(absPath) });
    assert.deepEqual(relPaths(result), ['app/.phi-guard.json', 'app/src/a.ts', 'fixtures/top.ts', 'top.spec.ts']);
    assert.deepEqual(skips(result), { 'app/fixtures/': 'ignored', 'app/src/a.spec.ts': 'ignored' });
    assert.match(result.skipped[0].detail, /ignore glob `fixtures\/` in \.phi-guard\.json/);
  });

  it('scans files given explicitly even when a glob ignores them', async () => {
    write({ '.gitignore': '*.gen.ts\n', 'a.gen.ts': '', 'dist/b.js': '' });
    const result = await discover([path.join(root, 'a.gen.ts'), path.join(root, 'dist/b.js')], options({ ignore: ['a.gen.ts'] }));
    assert.deepEqual(relPaths(result), ['a.gen.ts', 'dist/b.js']);
  });

  it('still applies the size limit to explicit files and says by how much', async () => {
    write({ 'big.ts': 'x'.repeat(3000) });
    const result = await discover([path.join(root, 'big.ts')], options({ maxFileSize: 1024 }));
    assert.deepEqual(result.files, []);
    assert.deepEqual(result.skipped, [{ file: 'big.ts', reason: 'too-large', detail: '2.9 KB exceeds the 1.0 KB limit' }]);
  });

  it('de-duplicates files reached from overlapping roots', async () => {
    write({ 'src/a.ts': '' });
    const result = await discover([root, path.join(root, 'src'), path.join(root, 'src/a.ts')]);
    assert.deepEqual(relPaths(result), ['src/a.ts']);
  });

  it('reports a missing root as unreadable', async () => {
    const result = await discover([path.join(root, 'nope')]);
    assert.deepEqual(result.files, []);
    assert.equal(result.skipped[0].reason, 'unreadable');
    assert.match(result.skipped[0].detail, /^ENOENT/);
  });

  function symlinks(links: Array<[target: string, linkPath: string]>, context: Mocha.Context): void {
    try {
      for (const [target, linkPath] of links) fs.symlinkSync(target, path.join(root, linkPath), 'dir');
    } catch {
      context.skip();
    }
  }

  it('follows links inside the roots once, stops at a loop, and scans a linked folder at its own path', async function () {
    write({ 'a/x.ts': '', 'shared/y.ts': '' });
    symlinks([['..', 'a/up'], ['../shared', 'a/shared-link'], ['self.ts', 'self.ts']], this);
    const result = await discover();
    assert.deepEqual(relPaths(result), ['a/x.ts', 'shared/y.ts']);
    assert.deepEqual(skips(result), { 'a/shared-link/': 'duplicate', 'a/up/': 'symlink-loop', 'self.ts': 'symlink-loop' });
    assert.equal(result.skipped.find((skip) => skip.file === 'a/shared-link/')?.detail, 'symbolic link to a folder scanned as shared/');
  });

  it('visits each folder of a symlink DAG once (d0…d20, two links each to the next): no explosion, no duplicate files', async function () {
    for (let i = 0; i <= 20; i++) write({ [`d${i}/f${i}.ts`]: `export const x${i} = ${i};\n` });
    symlinks(Array.from({ length: 20 }, (_, i) => [[`../d${i + 1}`, `d${i}/a`], [`../d${i + 1}`, `d${i}/b`]] as Array<[string, string]>).flat(), this);
    const all = await discover();
    assert.equal(all.foldersVisited, 22, 'the root and d0…d20');
    assert.deepEqual(relPaths(all), Array.from({ length: 21 }, (_, i) => `d${i}/f${i}.ts`).sort());
    assert.equal(all.skipped.length, 40);
    assert.ok(all.skipped.every((skip) => skip.reason === 'duplicate'));
    // From d0 alone, d1… are outside the scanned folder: not followed unless asked.
    const fromD0 = await discover([path.join(root, 'd0')]);
    assert.deepEqual(relPaths(fromD0), ['d0/f0.ts']);
    assert.deepEqual(skips(fromD0), { 'd0/a/': 'external-link', 'd0/b/': 'external-link' });
    const followed = await discover([path.join(root, 'd0')], { ...options(), followExternalLinks: true });
    assert.equal(followed.foldersVisited, 21);
    assert.equal(followed.files.length, 21, 'each real file once');
    assert.equal(new Set(followed.files.map((file) => fs.realpathSync(file.absPath))).size, 21);
    assert.equal(followed.skipped.filter((skip) => skip.reason === 'duplicate').length, 20);
    assert.equal(followed.files[0].relPath, 'd0/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/f20.ts');
  });

  it('does not follow links that leave the scanned roots unless asked, and says why', async function () {
    const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-outside-')));
    try {
      fs.writeFileSync(path.join(outside, 'leak.ts'), 'console.log(patient.ssn);\n');
      write({ 'src/a.ts': '' });
      symlinks([[outside, 'src/outside'], [path.join(outside, 'leak.ts'), 'src/leak.ts']], this);
      const result = await discover();
      assert.deepEqual(relPaths(result), ['src/a.ts']);
      assert.deepEqual(skips(result), { 'src/leak.ts': 'external-link', 'src/outside/': 'external-link' });
      assert.match(result.skipped[0].detail, /outside the scanned folders; --follow-external-links follows it/);
      const followed = await discover([root], { ...options(), followExternalLinks: true });
      assert.deepEqual(relPaths(followed), ['src/a.ts', 'src/leak.ts']);
      assert.deepEqual(skips(followed), { 'src/outside/leak.ts': 'duplicate' });
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('scans a file reached through several links once, at its own path', async function () {
    write({ 'src/a.ts': '', 'src/z.ts': '' });
    symlinks([['a.ts', 'src/alias.ts'], ['src', 'lib'], ['src/z.ts', 'lib-z.ts']], this);
    const result = await discover();
    assert.deepEqual(relPaths(result), ['src/a.ts', 'src/z.ts']);
    assert.deepEqual(skips(result), { 'lib-z.ts': 'duplicate', 'lib/': 'duplicate', 'src/alias.ts': 'duplicate' });
    assert.equal(result.skipped.find((skip) => skip.file === 'src/alias.ts')?.detail, 'same file as src/a.ts');
  });

  it('keeps the path through a link when the target is only reached that way (its real folder is ignored)', async function () {
    write({ '.gitignore': 'private/\n', 'private/p.ts': '' });
    symlinks([['private', 'public']], this);
    const result = await discover();
    assert.deepEqual(relPaths(result), ['public/p.ts']);
    assert.deepEqual(skips(result), { 'private/': 'ignored' });
  });

  it('matches a pathological .gitignore pattern against a 30-level folder in bounded time (regression: catastrophic backtracking)', async () => {
    const deep = ['a', ...Array.from({ length: 30 }, (_, i) => `l${i}`)].join('/');
    write({ '.gitignore': '# nested\na/**/**/**/**/**/**/**/**/**/**/**/**/b\n', [`${deep}/x.ts`]: '', [`${deep}/b/y.ts`]: '' });
    const result = await discover();
    assert.deepEqual(relPaths(result), [`${deep}/x.ts`]);
    assert.deepEqual(skips(result), { [`${deep}/b/`]: 'ignored' });
    assert.equal(result.skipped[0].detail, 'matches `a/**/**/**/**/**/**/**/**/**/**/**/**/b` in .gitignore:2');
  });

  it('does not hang on a .gitignore that is a FIFO, and says its patterns are not applied', async function () {
    if (process.platform === 'win32') this.skip();
    write({ 'src/a.ts': '' });
    execFileSync('mkfifo', [path.join(root, '.gitignore')]);
    const result = await discover();
    assert.deepEqual(relPaths(result), ['src/a.ts']);
    assert.deepEqual(result.skipped, [{ file: '.gitignore', reason: 'unreadable', detail: 'not a regular file (FIFO); its patterns are not applied' }]);
  });

  it('records a dangling symlink and a FIFO as unreadable without hanging', async function () {
    if (process.platform === 'win32') this.skip();
    fs.symlinkSync('missing.ts', path.join(root, 'dangling.ts'));
    execFileSync('mkfifo', [path.join(root, 'pipe.ts')]);
    const result = await discover();
    assert.deepEqual(result.files, []);
    assert.deepEqual(skips(result), { 'dangling.ts': 'unreadable', 'pipe.ts': 'unreadable' });
    assert.equal(result.skipped.find((skip) => skip.file === 'pipe.ts')?.detail, 'not a regular file (FIFO)');
    assert.equal(result.skipped.find((skip) => skip.file === 'dangling.ts')?.detail, 'broken symbolic link: its target does not exist');
  });

  it('records an unreadable folder with the OS error code (when not running as root)', async function () {
    write({ 'locked/a.ts': '' });
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    try {
      const readable = (() => {
        try {
          fs.readdirSync(path.join(root, 'locked'));
          return true;
        } catch {
          return false;
        }
      })();
      if (readable) this.skip(); // root ignores permission bits
      const result = await discover();
      assert.deepEqual(result.skipped, [{ file: 'locked/', reason: 'unreadable', detail: 'EACCES: permission denied' }]);
    } finally {
      fs.chmodSync(path.join(root, 'locked'), 0o755);
    }
  });

  it('throws an AbortError when the signal is aborted', async () => {
    write({ 'a/b.ts': '' });
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(discover([root], { ...options(), signal: controller.signal }), { name: 'AbortError' });
  });

  it('copes with the bad-input workspace: every skip has the expected reason and the rest is readable', async () => {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-bad-input-'));
    try {
      const expected = writeBadInputWorkspace(workspace);
      const result = await discoverFiles([workspace], { root: workspace, configFor: () => defaultConfig(workspace) });
      const actualSkips: Record<string, SkipReason> = skips(result);
      const scanned: string[] = [];
      const notes: Record<string, string> = {};
      for (const file of result.files) {
        const read = readSourceFile(file.absPath, 1024 * 1024);
        if (read.ok) scanned.push(file.relPath);
        else actualSkips[file.relPath] = read.reason;
        if (read.ok && read.note) notes[file.relPath] = read.note;
      }
      assert.deepEqual(Object.keys(notes).sort(), Object.keys(expected.expectedNotes).sort());
      for (const [file, pattern] of Object.entries(expected.expectedNotes)) assert.match(notes[file], pattern);
      // Syntax errors are the parser's to report; at this stage those files read fine.
      const expectedHere = Object.fromEntries(Object.entries(expected.expectedSkips).filter(([, reason]) => reason !== 'parse-error'));
      assert.deepEqual(actualSkips, expectedHere);
      const parseErrors = Object.keys(expected.expectedSkips).filter((file) => expected.expectedSkips[file] === 'parse-error');
      assert.deepEqual(scanned.sort(), [...expected.expectedScanned, ...Object.keys(expected.mayBeSkipped), ...parseErrors].sort());
    } finally {
      removeBadInputWorkspace(workspace);
    }
  });
});
