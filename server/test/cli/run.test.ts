// The CLI driven in-process with a stand-in engine: argument handling, exit codes, where output goes.
// The spawned-binary tests in cli.e2e.test.ts cover the same paths with the real engine.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../src/core/config-types';
import type { ScanOptions } from '../../src/cli/deps';
import type { ScanResult } from '../../src/core/types';
import type { CliDeps, LspTransport } from '../../src/cli/deps';
import { shouldUseColor, type CliIo, type OutputStream } from '../../src/cli/io';
import { run } from '../../src/cli/run';
import { TOOL_VERSION } from '../../src/report/tool-info';
import { assertValidSarif } from '../helpers/sarif-schema';
import { emptyScanResult, sampleRules, sampleScanResult } from '../report/sample-result';

class Capture implements OutputStream {
  text = '';
  constructor(readonly isTTY = false) {}
  write(text: string, callback?: (error?: Error | null) => void): boolean {
    this.text += text;
    callback?.();
    return true;
  }
}

interface Harness {
  io: CliIo;
  stdout: Capture;
  stderr: Capture;
  scans: ScanOptions[];
  lspStarts: LspTransport[];
  deps: CliDeps;
}

function harness(options: { result?: ScanResult; error?: unknown; env?: CliIo['env']; tty?: boolean; cwd?: string } = {}): Harness {
  const stdout = new Capture(options.tty ?? false);
  const stderr = new Capture(options.tty ?? false);
  const scans: ScanOptions[] = [];
  const lspStarts: LspTransport[] = [];
  const deps: CliDeps = {
    async scanWorkspace(scanOptions) {
      scans.push(scanOptions);
      scanOptions.onProgress?.({ done: 1, total: 2, file: 'a.ts' });
      scanOptions.onProgress?.({ done: 2, total: 2, file: 'b.ts' });
      if (options.error) throw options.error;
      return options.result ?? sampleScanResult();
    },
    getRules: () => sampleRules,
    startLanguageServer: ({ transport }) => void lspStarts.push(transport),
  };
  const io: CliIo = { stdout, stderr, env: options.env ?? {}, cwd: options.cwd ?? workspace };
  return { io, stdout, stderr, scans, lspStarts, deps };
}

let workspace: string;

describe('CLI (in-process)', () => {
  before(() => {
    workspace = mkdtempSync(path.join(tmpdir(), 'phi-guard-cli-'));
    writeFileSync(path.join(workspace, 'a.ts'), 'export const a = 1;\n');
    writeFileSync(path.join(workspace, '.phi-guard.json'), '{}\n');
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  describe('exit codes', () => {
    it('is 1 when an unsuppressed finding reaches --fail-on (default warning)', async () => {
      const h = harness();
      assert.equal(await run(['scan'], h.io, h.deps), 1);
    });

    it('is 0 for a clean scan', async () => {
      const h = harness({ result: emptyScanResult() });
      assert.equal(await run(['scan'], h.io, h.deps), 0);
    });

    it('follows --fail-on', async () => {
      const onlyWarnings = sampleScanResult();
      onlyWarnings.findings = onlyWarnings.findings.filter((finding) => finding.severity !== 'error');
      const cases: Array<[string, ScanResult, number]> = [
        ['none', sampleScanResult(), 0],
        ['error', onlyWarnings, 0],
        ['error', sampleScanResult(), 1],
        ['warning', onlyWarnings, 1],
        ['note', onlyWarnings, 1],
      ];
      for (const [failOn, result, expected] of cases) {
        const h = harness({ result });
        assert.equal(await run(['scan', '--fail-on', failOn], h.io, h.deps), expected, `--fail-on ${failOn}`);
      }
    });

    it('ignores suppressed findings for the exit code', async () => {
      const result = sampleScanResult();
      result.findings = result.findings.filter((finding) => finding.suppressed);
      const h = harness({ result });
      assert.equal(await run(['scan', '--fail-on', 'note'], h.io, h.deps), 0);
    });
  });

  describe('scan options', () => {
    it('passes --roles and --include-tests on as the roles to report', async () => {
      for (const [args, expected] of [
        [['scan'], undefined],
        [['scan', '--roles', 'test,production'], ['test', 'production']],
        [['scan', '--roles', 'all'], 'all'],
        [['scan', '--include-tests'], 'all'],
      ] as const) {
        const h = harness();
        await run([...args], h.io, h.deps);
        assert.deepEqual(h.scans[0].reportRoles, expected, args.join(' '));
      }
    });

    it('passes --follow-external-links on (off by default)', async () => {
      const h = harness();
      await run(['scan'], h.io, h.deps);
      assert.equal(h.scans[0].followExternalLinks, false);
      const h2 = harness();
      await run(['scan', '--follow-external-links'], h2.io, h2.deps);
      assert.equal(h2.scans[0].followExternalLinks, true);
    });

    it('rejects an unknown role with a suggestion (exit 2)', async () => {
      const h = harness();
      assert.equal(await run(['scan', '--roles', 'tests'], h.io, h.deps), 2);
      assert.match(h.stderr.text, /Unknown role 'tests' for '--roles'; did you mean 'test'\?/);
      assert.equal(h.scans.length, 0);
    });

    it('scans the current folder by default and passes paths and --config to the engine', async () => {
      const h = harness();
      await run(['scan'], h.io, h.deps);
      assert.deepEqual(h.scans[0]!.paths, [workspace]);
      assert.equal(h.scans[0]!.cwd, workspace);
      assert.equal(h.scans[0]!.configFile, undefined);
      const h2 = harness();
      await run(['scan', 'a.ts', '--config=.phi-guard.json'], h2.io, h2.deps);
      assert.deepEqual(h2.scans[0]!.paths, [path.join(workspace, 'a.ts')]);
      assert.equal(h2.scans[0]!.configFile, path.join(workspace, '.phi-guard.json'));
    });

    it('prints text to stdout, JSON and SARIF on stdout with a summary line on stderr', async () => {
      const text = harness();
      await run(['scan'], text.io, text.deps);
      assert.match(text.stdout.text, /src\/report\.ts\n {2}5:15/);
      assert.equal(text.stderr.text, '');

      const json = harness();
      await run(['scan', '--format', 'json'], json.io, json.deps);
      assert.equal(JSON.parse(json.stdout.text).version, 1);
      assert.match(json.stderr.text, /^phi-guard: 4 findings \(2 errors, 2 warnings, 0 notes\)/);

      const sarif = harness();
      await run(['scan', '-f', 'sarif'], sarif.io, sarif.deps);
      assertValidSarif(JSON.parse(sarif.stdout.text));
    });

    it('writes the report to --output and one summary line to stderr', async () => {
      const h = harness();
      const code = await run(['scan', '--format', 'sarif', '--output', 'out/report.sarif'], h.io, h.deps);
      assert.equal(code, 1);
      assert.equal(h.stdout.text, '');
      assert.match(h.stderr.text, /^phi-guard: 4 findings .*; report written to out\/report\.sarif\n$/);
      assertValidSarif(JSON.parse(readFileSync(path.join(workspace, 'out/report.sarif'), 'utf8')));
    });

    it('writes text reports to files without colour', async () => {
      const h = harness({ env: { FORCE_COLOR: '1' } });
      await run(['scan', '-o', 'report.txt'], h.io, h.deps);
      assert.ok(!readFileSync(path.join(workspace, 'report.txt'), 'utf8').includes('\u001b'));
    });

    it('--quiet prints only findings: no summary, no progress', async () => {
      const h = harness({ tty: true });
      await run(['scan', '--quiet', '--no-color'], h.io, h.deps);
      assert.doesNotMatch(h.stdout.text, /Scanned|findings/);
      assert.match(h.stdout.text, /no-phi-in-logs/);
      assert.equal(h.stderr.text, '');
      const toFile = harness();
      await run(['scan', '-q', '-o', 'quiet.json', '-f', 'json'], toFile.io, toFile.deps);
      assert.equal(toFile.stderr.text, '');
    });

    it('shows progress on a terminal stderr and clears it, never on a pipe', async () => {
      const tty = harness({ tty: true });
      await run(['scan', '--no-color'], tty.io, tty.deps);
      assert.match(tty.stderr.text, /\r\u001b\[2KScanning 1\/2 files…/);
      assert.ok(tty.stderr.text.endsWith('\r\u001b[2K'), 'the progress line is erased at the end');
      const pipe = harness();
      await run(['scan'], pipe.io, pipe.deps);
      assert.equal(pipe.stderr.text, '');
    });

    it('lists suppressed findings with --show-suppressed and skipped files with --verbose', async () => {
      const h = harness();
      await run(['scan', '--show-suppressed', '--verbose'], h.io, h.deps);
      assert.match(h.stdout.text, /suppressed +Date of birth/);
      assert.match(h.stdout.text, /skipped vendor\/big\.js \(too-large\)/);
    });
  });

  describe('colour', () => {
    const tty = { isTTY: true, write: () => true };
    const pipe = { isTTY: false, write: () => true };
    it('is on for a terminal and off for a pipe', () => {
      assert.equal(shouldUseColor(false, {}, tty), true);
      assert.equal(shouldUseColor(false, {}, pipe), false);
    });
    it('honours --no-color, NO_COLOR, TERM=dumb and FORCE_COLOR', () => {
      assert.equal(shouldUseColor(true, {}, tty), false);
      assert.equal(shouldUseColor(true, { FORCE_COLOR: '1' }, tty), false);
      assert.equal(shouldUseColor(false, { NO_COLOR: '1' }, tty), false);
      assert.equal(shouldUseColor(false, { NO_COLOR: '' }, tty), true);
      assert.equal(shouldUseColor(false, { TERM: 'dumb' }, tty), false);
      assert.equal(shouldUseColor(false, { FORCE_COLOR: '1' }, pipe), true);
      assert.equal(shouldUseColor(false, { FORCE_COLOR: '0' }, tty), false);
    });
    it('colours the text report on a terminal', async () => {
      const h = harness({ tty: true });
      await run(['scan'], h.io, h.deps);
      assert.ok(h.stdout.text.includes('\u001b[31m'));
    });
  });

  describe('usage errors exit 2 with a --help hint', () => {
    const cases: Array<[string[], RegExp]> = [
      [['scan', '--frobnicate'], /Unknown option '--frobnicate' for 'phi-guard scan'\.\nRun 'phi-guard scan --help' for usage\./],
      [['scan', '--format', 'xml'], /Invalid value 'xml' for '--format' \(one of: text, json, sarif\)/],
      [['scan', '--fail-on', 'critical'], /Invalid value 'critical' for '--fail-on'/],
      [['scan', '--output'], /Option '--output' needs a value/],
      [['scan', 'no/such/dir'], /Path not found: 'no\/such\/dir'/],
      [['scan', '--config', 'missing.json'], /Config file not found: 'missing\.json'/],
      [['scan', '--quiet=yes'], /Option '--quiet' does not take a value/],
      [['scan', '-f', 'json', '-f', 'sarif'], /given more than once/],
      [['frobnicate'], /Unknown command 'frobnicate'.*\nRun 'phi-guard --help' for usage\./],
      [['--frobnicate'], /Unknown option '--frobnicate'\.\nRun 'phi-guard --help'/],
      [['rules', '--format', 'sarif'], /Invalid value 'sarif' for '--format' \(one of: text, json\)/],
      [['lsp'], /needs a transport: '--stdio' or '--node-ipc'.*\nRun 'phi-guard lsp --help'/],
      [['lsp', '--stdio', '--node-ipc'], /Choose one transport/],
    ];
    for (const [argv, message] of cases) {
      it(argv.join(' '), async () => {
        const h = harness();
        assert.equal(await run(argv, h.io, h.deps), 2);
        assert.match(h.stderr.text, message);
        assert.equal(h.stdout.text, '');
        assert.equal(h.scans.length, 0, 'nothing was scanned');
      });
    }

    it('prints the help to stderr and exits 2 without a command', async () => {
      const h = harness();
      assert.equal(await run([], h.io, h.deps), 2);
      assert.match(h.stderr.text, /Usage:/);
    });
  });

  describe('errors', () => {
    it('prints a config error as file:line:column reason and exits 2', async () => {
      const error = new ConfigError(path.join(workspace, '.phi-guard.json'), 3, 31, 'Property expected');
      const h = harness({ error });
      assert.equal(await run(['scan'], h.io, h.deps), 2);
      assert.equal(h.stderr.text, '.phi-guard.json:3:31 Property expected\n');
    });

    it('prints an internal error as one line without a stack trace, exit 2', async () => {
      const h = harness({ error: new TypeError('boom\n    at somewhere (file.ts:1:1)') });
      assert.equal(await run(['scan'], h.io, h.deps), 2);
      assert.match(h.stderr.text, /^phi-guard: internal error: TypeError: boom at somewhere \(file\.ts:1:1\)\nSet PHI_GUARD_DEBUG=1/);
      assert.doesNotMatch(h.stderr.text, /run\.test\.ts/);
    });

    it('adds the stack trace with PHI_GUARD_DEBUG=1', async () => {
      const h = harness({ error: new Error('boom'), env: { PHI_GUARD_DEBUG: '1' } });
      assert.equal(await run(['scan'], h.io, h.deps), 2);
      assert.match(h.stderr.text, /run\.test\.ts/);
    });

    it('reports a cancelled scan with exit 130', async () => {
      const abort = new Error('The operation was aborted');
      abort.name = 'AbortError';
      const h = harness({ error: abort });
      assert.equal(await run(['scan'], h.io, h.deps), 130);
      assert.equal(h.stderr.text, 'phi-guard: scan cancelled\n');
    });

    it('reports an unwritable --output as a one-line error, exit 2', async () => {
      const h = harness();
      assert.equal(await run(['scan', '--output', 'a.ts/report.json'], h.io, h.deps), 2);
      assert.match(h.stderr.text, /^phi-guard: Cannot write the report to '.*report\.json': /);
    });
  });

  describe('other commands', () => {
    it('prints the version', async () => {
      for (const flag of ['--version', '-v']) {
        const h = harness();
        assert.equal(await run([flag], h.io, h.deps), 0);
        assert.equal(h.stdout.text, `${TOOL_VERSION}\n`);
      }
    });

    it('prints help globally and per command', async () => {
      const expectations: Array<[string[], RegExp]> = [
        [['--help'], /phi-guard scan \[paths…\]/],
        [['-h'], /phi-guard rules/],
        [['help'], /phi-guard lsp --stdio/],
        [['help', 'scan'], /--fail-on LEVEL/],
        [['scan', '--help'], /Exit codes:/],
        [['rules', '-h'], /Lists every rule/],
        [['lsp', '--help'], /--node-ipc/],
      ];
      for (const [argv, pattern] of expectations) {
        const h = harness();
        assert.equal(await run(argv, h.io, h.deps), 0, argv.join(' '));
        assert.match(h.stdout.text, pattern, argv.join(' '));
      }
    });

    it('lists rules as a table and as JSON', async () => {
      const table = harness();
      assert.equal(await run(['rules'], table.io, table.deps), 0);
      assert.match(table.stdout.text, /^RULE +SEVERITY +CWE +HIPAA +DESCRIPTION\n/);
      assert.match(table.stdout.text, /\nno-phi-in-logs +error +CWE-532 +164\.312\(b\), 164\.502\(b\) +PHI must not be written to logs\n/);
      const json = harness();
      await run(['rules', '--format', 'json'], json.io, json.deps);
      const parsed = JSON.parse(json.stdout.text) as { rules: Array<{ id: string; docsUrl: string }> };
      assert.deepEqual(parsed.rules.map((rule) => rule.id), ['no-cleartext-transport', 'no-phi-in-logs', 'no-tls-verification-disabled']);
      assert.match(parsed.rules[0]!.docsUrl, /no-cleartext-transport\.md$/);
    });

    it('starts the language server with the chosen transport and keeps the process', async () => {
      const stdio = harness();
      assert.equal(await run(['lsp', '--stdio'], stdio.io, stdio.deps), undefined);
      const ipc = harness();
      assert.equal(await run(['lsp', '--node-ipc', '--clientProcessId=1234'], ipc.io, ipc.deps), undefined);
      assert.deepEqual([...stdio.lspStarts, ...ipc.lspStarts], ['stdio', 'ipc']);
      assert.equal(stdio.stdout.text, '', 'stdout belongs to the protocol');
    });
  });
});
