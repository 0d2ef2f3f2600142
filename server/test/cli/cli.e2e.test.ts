// The built binary (dist/phi-guard.js) on fixture workspaces in test-fixtures/cli: what users and CI
// see — reports, exit codes, files written, messages on stderr.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JsonReport } from '../../src/report/json';
import type { SarifLog } from '../../src/report/sarif';
import { writeBadInputWorkspace } from '../helpers/bad-input';
import { CLI_PATH, REPO_ROOT, STACK_FRAME, buildCli, runCli } from '../helpers/run-cli';
import {
  assertValidSarif,
  formatMultitoolIssues,
  multitoolUnavailableReason,
  validateWithMultitool,
} from '../helpers/sarif-schema';

const FIXTURES = path.join(REPO_ROOT, 'test-fixtures', 'cli');
const CLEAN = path.join(FIXTURES, 'clean');
const LEAKY = path.join(FIXTURES, 'leaky');
const INVALID_CONFIG = path.join(FIXTURES, 'invalid-config');
/** A string literal in leaky/src/seed.ts: no report may contain it. */
const LITERAL_IN_SOURCE = '512-44-2398';

interface ExpectedFinding {
  file: string;
  line: number;
  ruleId: string;
}

/** Reads the `// expect: <rule-id>` markers of a fixture workspace. */
function readExpectations(root: string): ExpectedFinding[] {
  const expectations: ExpectedFinding[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.[cm]?[jt]sx?$/.test(entry.name)) {
        readFileSync(full, 'utf8')
          .split('\n')
          .forEach((text, index) => {
            const marker = /\/\/ expect: ([a-z0-9-]+)/.exec(text);
            if (marker) expectations.push({ file: path.relative(root, full).split(path.sep).join('/'), line: index + 1, ruleId: marker[1]! });
          });
      }
    }
  };
  walk(root);
  return expectations;
}

function assertHasFindings(found: ReadonlyArray<{ file: string; line: number; ruleId: string }>, expected: readonly ExpectedFinding[]): void {
  const key = (finding: { file: string; line: number; ruleId: string }) => `${finding.file}:${finding.line} ${finding.ruleId}`;
  const foundKeys = new Set(found.map(key));
  const missing = expected.filter((finding) => !foundKeys.has(key(finding)));
  assert.deepEqual(missing.map(key), [], `missing findings; found:\n${[...foundKeys].join('\n')}`);
}

function parseJsonReport(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

describe('phi-guard CLI (built binary)', function () {
  this.timeout(120_000);
  const leakyExpectations = readExpectations(LEAKY);

  before(async () => {
    await buildCli();
  });

  describe('phi-guard scan', () => {
    it('exits 0 on a clean workspace and says so', async () => {
      const run = await runCli(['scan', '.'], { cwd: CLEAN });
      assert.equal(run.exitCode, 0, run.stderr);
      assert.match(run.stdout, /✔ No findings/);
      assert.match(run.stdout, /Scanned [1-9]\d* files? /);
      assert.equal(run.stderr, '');
    });

    it('scans the current folder when no path is given', async () => {
      const run = await runCli(['scan', '--format', 'json'], { cwd: LEAKY });
      assert.equal(run.exitCode, 1, run.stderr);
      const report = parseJsonReport(run.stdout);
      assert.equal(report.root, LEAKY);
    });

    it('reports files relative to the working directory when scanning a folder inside it', async () => {
      const run = await runCli(['scan', path.relative(REPO_ROOT, LEAKY), '--format', 'json'], { cwd: REPO_ROOT });
      assert.equal(run.exitCode, 1, run.stderr);
      const report = parseJsonReport(run.stdout);
      assert.equal(report.root, REPO_ROOT);
      assert.ok(report.findings.some((finding) => finding.file === 'test-fixtures/cli/leaky/src/report.ts'));
    });

    it('exits 1 on the leaky workspace with a text report grouped by file', async () => {
      const run = await runCli(['scan', '.'], { cwd: LEAKY });
      assert.equal(run.exitCode, 1, run.stderr);
      assert.match(run.stdout, /^src\/report\.ts$/m);
      assert.match(run.stdout, /^ {2}9:\d+ +\w+ +.+ {2}no-phi-in-logs$/m);
      assert.match(run.stdout, /^ {2}13:\d+ +\w+ +.+ {2}no-cleartext-transport$/m);
      assert.match(run.stdout, /^src\/tls\.ts$/m);
      assert.match(run.stdout, /✖ \d+ findings? \(/);
      assert.match(run.stdout, /Scanned 3 files/);
      assert.ok(!run.stdout.includes('\u001b['), 'no colour on a pipe');
      assert.ok(!run.stderr.includes('\r'), 'no progress line when stderr is not a terminal');
    });

    it('writes a JSON report with every finding, suppressed ones marked', async () => {
      const run = await runCli(['scan', '.', '--format', 'json'], { cwd: LEAKY });
      assert.equal(run.exitCode, 1, run.stderr);
      const report = parseJsonReport(run.stdout);
      assert.equal(report.version, 1);
      assert.equal(report.tool.name, 'PHI Guard');
      assert.equal(report.summary.filesScanned, 3);
      assertHasFindings(
        report.findings.map((finding) => ({ file: finding.file, line: finding.range.start.line, ruleId: finding.ruleId })),
        leakyExpectations,
      );
      const suppressed = report.findings.filter((finding) => finding.suppressed);
      assert.equal(report.summary.suppressed, suppressed.length);
      assert.ok(
        suppressed.some((finding) => finding.file === 'src/report.ts' && finding.range.start.line === 18),
        'the suppressed log call is kept and marked',
      );
      assert.match(run.stderr, /^phi-guard: \d+ findings? \(/);
      assert.ok(!run.stdout.includes(LITERAL_IN_SOURCE), 'no source literal in the report');
    });

    it('writes SARIF that passes the schema and the SARIF multitool (Sarif;Gh)', async function () {
      const run = await runCli(['scan', '.', '--format', 'sarif'], { cwd: LEAKY });
      assert.equal(run.exitCode, 1, run.stderr);
      assert.ok(!run.stdout.includes(LITERAL_IN_SOURCE), 'no source literal in the report');
      const log = JSON.parse(run.stdout) as SarifLog;
      assertValidSarif(log);
      const sarifRun = log.runs[0]!;
      assertHasFindings(
        sarifRun.results.map((result) => ({
          file: result.locations[0]!.physicalLocation.artifactLocation.uri,
          line: result.locations[0]!.physicalLocation.region!.startLine,
          ruleId: result.ruleId,
        })),
        leakyExpectations,
      );
      const rules = JSON.parse((await runCli(['rules', '--format', 'json'])).stdout) as { rules: Array<{ id: string }> };
      const described = new Set(sarifRun.tool.driver.rules.map((rule) => rule.id));
      for (const rule of rules.rules) assert.ok(described.has(rule.id), `rule ${rule.id} is described`);
      assert.ok(sarifRun.results.some((result) => result.suppressions?.[0]?.kind === 'inSource'));
      assert.equal(sarifRun.originalUriBaseIds['%SRCROOT%']!.uri, `file://${LEAKY}/`);

      const unavailable = multitoolUnavailableReason();
      if (unavailable) {
        console.warn(`multitool check skipped: the SARIF multitool cannot run on this machine: ${unavailable}`);
        return;
      }
      const outcome = validateWithMultitool(log);
      const problems = [...outcome.errors, ...outcome.warnings];
      assert.equal(problems.length, 0, `multitool reported:\n${formatMultitoolIssues(problems)}`);
    });

    it('writes the report to --output with a one-line summary on stderr', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'phi-guard-out-'));
      try {
        const output = path.join(dir, 'reports', 'phi-guard.sarif');
        const run = await runCli(['scan', '.', '--format', 'sarif', '--output', output], { cwd: LEAKY });
        assert.equal(run.exitCode, 1, run.stderr);
        assert.equal(run.stdout, '');
        assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
        assert.match(run.stderr, /report written to .*phi-guard\.sarif/);
        assertValidSarif(JSON.parse(readFileSync(output, 'utf8')));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('--fail-on none always exits 0; --fail-on error follows the error findings', async () => {
      const none = await runCli(['scan', '.', '--fail-on', 'none', '--quiet'], { cwd: LEAKY });
      assert.equal(none.exitCode, 0, none.stderr);
      const json = parseJsonReport((await runCli(['scan', '.', '--format', 'json'], { cwd: LEAKY })).stdout);
      const errorRun = await runCli(['scan', '.', '--fail-on', 'error', '--quiet'], { cwd: LEAKY });
      assert.equal(errorRun.exitCode, json.summary.findingsBySeverity.error > 0 ? 1 : 0);
    });

    it('--fail-on compares against the severities the config sets', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'phi-guard-severity-'));
      try {
        cpSync(LEAKY, dir, { recursive: true });
        const rules = JSON.parse((await runCli(['rules', '--format', 'json'])).stdout) as { rules: Array<{ id: string }> };
        const allNotes = Object.fromEntries(rules.rules.map((rule) => [rule.id, 'note']));
        writeFileSync(path.join(dir, '.phi-guard.json'), JSON.stringify({ rules: allNotes }));
        const warning = await runCli(['scan', '.', '--fail-on', 'warning', '--format', 'json'], { cwd: dir });
        assert.equal(warning.exitCode, 0, warning.stderr);
        const report = parseJsonReport(warning.stdout);
        assert.ok(report.findings.length > 0);
        assert.ok(report.findings.every((finding) => finding.severity === 'note'));
        const note = await runCli(['scan', '.', '--fail-on', 'note', '--quiet'], { cwd: dir });
        assert.equal(note.exitCode, 1, note.stderr);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('--quiet prints the findings only', async () => {
      const run = await runCli(['scan', '.', '--quiet'], { cwd: LEAKY });
      assert.equal(run.exitCode, 1);
      assert.match(run.stdout, /no-phi-in-logs/);
      assert.doesNotMatch(run.stdout, /Scanned|✖/);
      assert.equal(run.stderr, '');
      const clean = await runCli(['scan', '.', '--quiet'], { cwd: CLEAN });
      assert.equal(clean.stdout, '');
    });

    it('colours output with FORCE_COLOR unless --no-color or NO_COLOR', async () => {
      assert.ok((await runCli(['scan'], { cwd: LEAKY, env: { FORCE_COLOR: '1' } })).stdout.includes('\u001b['));
      assert.ok(!(await runCli(['scan', '--no-color'], { cwd: LEAKY, env: { FORCE_COLOR: '1' } })).stdout.includes('\u001b['));
      assert.ok(!(await runCli(['scan'], { cwd: LEAKY, env: { NO_COLOR: '1' } })).stdout.includes('\u001b['));
    });

    it('prints a configuration error as file:line:column reason and exits 2', async () => {
      const run = await runCli(['scan', '.'], { cwd: INVALID_CONFIG });
      assert.equal(run.exitCode, 2);
      assert.match(run.stderr, /\.phi-guard\.json:3:\d+ \S.*\n$/);
      assert.doesNotMatch(run.stderr, STACK_FRAME);
      assert.equal(run.stdout, '');
    });

    it('rejects a rule option of the wrong type as a configuration error (exit 2, file:line:column)', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'phi-guard-bad-option-'));
      try {
        writeFileSync(path.join(dir, '.phi-guard.json'), '{\n  "rules": {\n    "no-phi-in-logs": ["error", { "loggerNames": "audit" }]\n  }\n}\n');
        writeFileSync(path.join(dir, 'a.ts'), 'export const x = 1;\n');
        const run = await runCli(['scan', '.'], { cwd: dir });
        assert.equal(run.exitCode, 2);
        assert.match(run.stderr, /\.phi-guard\.json:3:50 Rule "no-phi-in-logs": option "loggerNames" must be array\n$/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    // Regression (issue 10): deep nesting was "Cannot read the configuration" (a stack overflow), a 12.9 MB
    // config aborted out of memory, and a config that is a folder, a FIFO or a dangling link was ignored.
    it('reports configuration edge cases as errors naming the file (exit 2), never a crash or a silent default', async function () {
      const dir = mkdtempSync(path.join(tmpdir(), 'phi-guard-config-edges-'));
      try {
        writeFileSync(path.join(dir, 'a.ts'), 'export const x = 1;\n');
        const config = path.join(dir, '.phi-guard.json');
        const expectError = async (reason: RegExp, args: string[] = ['scan', '.']) => {
          const run = await runCli(args, { cwd: dir, timeoutMs: 60_000 });
          assert.equal(run.exitCode, 2, run.stderr);
          assert.match(run.stderr, reason);
          assert.doesNotMatch(run.stderr, STACK_FRAME);
          assert.doesNotMatch(run.stderr, /Cannot read the configuration|heap out of memory/);
        };
        writeFileSync(config, `{ "ignore": ${'['.repeat(5_000)}${']'.repeat(5_000)} }`);
        await expectError(/\.phi-guard\.json:1:\d+ Nested more than 64 levels deep/);
        writeFileSync(config, `{ "notPhiNames": [${'"visitorId",'.repeat(1_100_000)} "x"] }`);
        await expectError(/\.phi-guard\.json:1:1 The configuration is 12\.\d MB; a configuration is at most 1\.0 MB/);
        rmSync(config);
        mkdirSync(config);
        await expectError(/\.phi-guard\.json:1:1 The configuration is not a regular file \(directory\)/);
        mkdirSync(path.join(dir, 'configs'));
        await expectError(/configs:1:1 The configuration is not a regular file \(directory\)/, ['scan', '.', '--config', 'configs']);
        rmSync(config, { recursive: true });
        try {
          symlinkSync('missing.json', config);
        } catch {
          this.skip();
        }
        await expectError(/\.phi-guard\.json:1:1 The configuration is a symbolic link to a missing file/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('exits 2 with a --help hint on usage errors', async () => {
      const unknown = await runCli(['scan', '--no-such-flag']);
      assert.equal(unknown.exitCode, 2);
      assert.match(unknown.stderr, /Unknown option '--no-such-flag'.*\nRun 'phi-guard scan --help' for usage\./);
      const badValue = await runCli(['scan', '--format', 'html']);
      assert.equal(badValue.exitCode, 2);
      assert.match(badValue.stderr, /Invalid value 'html' for '--format'/);
      const missing = await runCli(['scan', path.join(FIXTURES, 'no-such-folder')]);
      assert.equal(missing.exitCode, 2);
      assert.match(missing.stderr, /Path not found/);
      for (const run of [unknown, badValue, missing]) assert.doesNotMatch(run.stderr, STACK_FRAME);
    });

    it('scans a workspace of hostile inputs: skips each with reason and detail, still finds the leak', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'phi-guard-bad-input-'));
      try {
        const workspace = writeBadInputWorkspace(dir);
        const run = await runCli(['scan', '.', '--format', 'json'], { cwd: dir, timeoutMs: 90_000 });
        assert.ok(run.exitCode === 0 || run.exitCode === 1, `exit ${run.exitCode}: ${run.stderr}`);
        assert.doesNotMatch(run.stderr, STACK_FRAME);
        const report = parseJsonReport(run.stdout);
        for (const [file, reason] of Object.entries(workspace.expectedSkips)) {
          const folder = file.endsWith('/') ? file.slice(0, -1) : undefined;
          const skip = report.skipped.find((candidate) => candidate.file === file || (folder !== undefined && candidate.file.replace(/\/$/, '') === folder));
          assert.ok(skip, `${file} is reported as skipped (${reason}); skipped: ${JSON.stringify(report.skipped.map((s) => s.file))}`);
          assert.equal(skip.reason, reason, file);
          assert.ok(skip.detail.trim().length > 0, `${file} has a detail`);
        }
        for (const file of workspace.expectedScanned) {
          assert.ok(!report.skipped.some((skip) => skip.file === file), `${file} is scanned, not skipped`);
        }
        for (const [file, reason] of Object.entries(workspace.mayBeSkipped)) {
          const skip = report.skipped.find((candidate) => candidate.file === file);
          if (!skip) continue;
          // Deep nesting can fail in the parser (stack overflow while parsing) or later in the analysis;
          // either is an honest reason as long as it is said, with a detail.
          assert.ok([reason, 'parse-error'].includes(skip.reason), `${file}: ${skip.reason}`);
          assert.ok(skip.detail.trim().length > 0, `${file} has a detail`);
        }
        assert.ok(
          report.findings.some((finding) => finding.file === workspace.leakFile && finding.range.start.line === 2 && finding.ruleId === 'no-phi-in-logs'),
          'the ordinary leak is still found',
        );
        for (const [file, pattern] of Object.entries(workspace.expectedNotes)) {
          assert.match(report.notes.find((note) => note.file === file)?.detail ?? '', pattern, `${file} has a note on how it was read`);
        }
        const unanalysed = new Set(report.findings.filter((finding) => finding.ruleId === 'unanalysed-file').map((finding) => finding.file));
        for (const file of workspace.expectedUnanalysed) assert.ok(unanalysed.has(file), `${file} is an unanalysed-file finding`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  // Regression (issue 10): each of these made a leaking file a skip, and the gate passed with "No findings".
  describe('fails closed: a leak cannot be hidden by how its file is written', () => {
    const LEAK = 'export function show(patient: { ssn: string }) {\n  console.log(patient.ssn);\n}\n';

    async function gate(files: Record<string, string | Buffer>, config?: object): Promise<{ exitCode: number | null; report: JsonReport }> {
      const dir = mkdtempSync(path.join(tmpdir(), 'phi-guard-fail-closed-'));
      try {
        for (const [file, content] of Object.entries(files)) {
          mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
          writeFileSync(path.join(dir, file), content);
        }
        if (config) writeFileSync(path.join(dir, '.phi-guard.json'), JSON.stringify(config));
        const run = await runCli(['scan', '.', '--fail-on', 'warning', '--format', 'json'], { cwd: dir });
        assert.doesNotMatch(run.stderr, STACK_FRAME);
        return { exitCode: run.exitCode, report: parseJsonReport(run.stdout) };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    const rulesOf = (report: JsonReport, file: string) => report.findings.filter((finding) => finding.file === file && !finding.suppressed).map((finding) => finding.ruleId);

    it('a Latin-1 byte: read as Windows-1252, the leak is found, the note says how', async () => {
      const { exitCode, report } = await gate({ 'src/leak.ts': Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from(`\n${LEAK}`)]) });
      assert.equal(exitCode, 1);
      assert.deepEqual(rulesOf(report, 'src/leak.ts'), ['no-phi-in-logs']);
      assert.deepEqual(report.notes, [{ file: 'src/leak.ts', detail: 'not valid UTF-8 (byte offset 6): read as Windows-1252' }]);
      assert.deepEqual(report.skipped, []);
    });

    it('a NUL byte in a comment: the leak is found; outside any string or comment: unanalysed-file', async () => {
      const inComment = await gate({ 'src/leak.ts': `// marker \u0000\n${LEAK}` });
      assert.equal(inComment.exitCode, 1);
      assert.deepEqual(rulesOf(inComment.report, 'src/leak.ts'), ['no-phi-in-logs']);
      const inCode = await gate({ 'src/leak.ts': `${LEAK}\u0000\n` });
      assert.equal(inCode.exitCode, 1);
      assert.deepEqual(rulesOf(inCode.report, 'src/leak.ts'), ['unanalysed-file']);
      const finding = inCode.report.findings[0];
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /^Not analysed, syntax error at 4:1 Invalid character: PHI leaks in this file are not reported$/);
      assert.deepEqual(inCode.report.skipped.map((skip) => [skip.file, skip.reason]), [['src/leak.ts', 'parse-error']]);
    });

    it('one 5,001-character line in a 25 KB file: not taken for minified, the leak is found', async () => {
      const filler = Array.from({ length: 600 }, (_, i) => `export const value${i} = ${i};`).join('\n');
      const { exitCode, report } = await gate({ 'src/leak.ts': `${filler}\nexport const banner = "${'x'.repeat(5_001)}";\n${LEAK}` });
      assert.equal(exitCode, 1);
      assert.deepEqual(rulesOf(report, 'src/leak.ts'), ['no-phi-in-logs']);
    });

    it('a 3,000-term string concatenation: regrouped and analysed, the leak is found', async () => {
      const terms = Array.from({ length: 3_000 }, (_, i) => `'part ${i} '`).join(' +\n    ');
      const { exitCode, report } = await gate({ 'src/leak.ts': `export function show(patient: { ssn: string }) {\n  console.log(\n    ${terms} +\n    patient.ssn);\n}\n` });
      assert.equal(exitCode, 1);
      assert.deepEqual(rulesOf(report, 'src/leak.ts'), ['no-phi-in-logs']);
    });

    it('a file over maxFileSize: unanalysed-file with the size, unless the rule is turned off', async () => {
      const big = `${LEAK}${'// padding\n'.repeat(200)}`;
      const { exitCode, report } = await gate({ 'src/leak.ts': big, 'src/ok.ts': 'export const ok = 1;\n' }, { maxFileSize: 1024 });
      assert.equal(exitCode, 1);
      assert.deepEqual(rulesOf(report, 'src/leak.ts'), ['unanalysed-file']);
      assert.match(report.findings[0].message, /^Not analysed, 2\.\d KB exceeds the 1\.0 KB limit \(`maxFileSize`\)/);
      const off = await gate({ 'src/leak.ts': big }, { maxFileSize: 1024, rules: { 'unanalysed-file': 'off' } });
      assert.equal(off.exitCode, 0);
      assert.deepEqual(off.report.skipped.map((skip) => skip.reason), ['too-large']);
    });

    it('binary, minified and generated files stay plain skips', async () => {
      const { exitCode, report } = await gate({
        'src/video.ts': Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)),
        'src/app.min.js': 'console.log(patient.ssn)',
        'src/generated/api.ts': 'export const = ;',
      });
      assert.equal(exitCode, 0);
      assert.deepEqual(report.findings, []);
      assert.deepEqual(report.skipped.map((skip) => [skip.file, skip.reason]), [['src/app.min.js', 'minified'], ['src/generated/api.ts', 'parse-error'], ['src/video.ts', 'binary']]);
    });
  });

  describe('symbolic links', () => {
    it('scans a symlink DAG (d0…d20, two links each to the next) once per folder, and keeps to the scanned folder', async function () {
      const dir = mkdtempSync(path.join(tmpdir(), 'phi-guard-dag-'));
      try {
        for (let i = 0; i <= 20; i++) {
          mkdirSync(path.join(dir, `d${i}`));
          writeFileSync(path.join(dir, `d${i}`, 'f.ts'), `export const x${i} = ${i};\n`);
        }
        try {
          for (let i = 0; i < 20; i++) for (const name of ['a', 'b']) symlinkSync(`../d${i + 1}`, path.join(dir, `d${i}`, name), 'dir');
        } catch {
          this.skip();
        }
        const all = parseJsonReport((await runCli(['scan', '.', '--format', 'json'], { cwd: dir })).stdout);
        assert.equal(all.summary.filesScanned, 21);
        assert.deepEqual(all.summary.skippedByReason, { duplicate: 40 });
        const fromD0 = parseJsonReport((await runCli(['scan', 'd0', '--format', 'json'], { cwd: dir })).stdout);
        assert.equal(fromD0.summary.filesScanned, 1);
        assert.deepEqual(fromD0.summary.skippedByReason, { 'external-link': 2 });
        const followed = parseJsonReport((await runCli(['scan', 'd0', '--follow-external-links', '--format', 'json'], { cwd: dir })).stdout);
        assert.equal(followed.summary.filesScanned, 21);
        assert.deepEqual(followed.summary.skippedByReason, { duplicate: 20 });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('phi-guard rules', () => {
    it('lists every rule with severity, CWE, HIPAA and description', async () => {
      const table = await runCli(['rules']);
      assert.equal(table.exitCode, 0, table.stderr);
      assert.match(table.stdout, /^RULE +SEVERITY +CWE +HIPAA +DESCRIPTION$/m);
      const json = await runCli(['rules', '--format', 'json']);
      const { rules } = JSON.parse(json.stdout) as { rules: Array<{ id: string; defaultSeverity: string; docsUrl: string }> };
      assert.ok(rules.length > 0);
      for (const rule of rules) {
        assert.match(table.stdout, new RegExp(`^${rule.id} +${rule.defaultSeverity} `, 'm'));
        assert.match(rule.docsUrl, new RegExp(`${rule.id}\\.md$`));
      }
    });
  });

  describe('phi-guard lsp', () => {
    it('answers initialize over --stdio', async () => {
      const child = spawn(process.execPath, [CLI_PATH, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      try {
        const response = await new Promise<string>((resolve, reject) => {
          let stdout = '';
          const timer = setTimeout(() => reject(new Error(`no initialize response within 20 s; got: ${stdout}`)), 20_000);
          child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
            stdout += chunk;
            if (/"id":1,"result"/.test(stdout)) {
              clearTimeout(timer);
              resolve(stdout);
            }
          });
          child.on('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`server exited (${code}) before answering`));
          });
          const request = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
          child.stdin.write(`Content-Length: ${Buffer.byteLength(request)}\r\n\r\n${request}`);
        });
        assert.match(response, /^Content-Length: \d+\r\n\r\n/, 'stdout carries only protocol messages');
        assert.match(response, /"capabilities":/);
      } finally {
        child.kill();
      }
    });

    it('exits 2 without a transport', async () => {
      const run = await runCli(['lsp']);
      assert.equal(run.exitCode, 2);
      assert.match(run.stderr, /--stdio' or '--node-ipc'/);
    });
  });

  describe('help and version', () => {
    it('prints the package version', async () => {
      const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
      const run = await runCli(['--version']);
      assert.equal(run.exitCode, 0);
      assert.equal(run.stdout, `${version}\n`);
    });

    it('prints global and per-command help', async () => {
      const global = await runCli(['--help']);
      assert.equal(global.exitCode, 0);
      assert.match(global.stdout, /phi-guard scan/);
      const scan = await runCli(['scan', '--help']);
      assert.equal(scan.exitCode, 0);
      assert.match(scan.stdout, /--fail-on LEVEL/);
      const lsp = await runCli(['lsp', '--help']);
      assert.equal(lsp.exitCode, 0);
      assert.match(lsp.stdout, /--stdio/);
    });

    it('the bundle exists where package.json bin points', () => {
      assert.ok(existsSync(path.join(REPO_ROOT, 'dist', 'phi-guard.js')));
    });
  });
});
