#!/usr/bin/env node
// The fuzz harness (issue 10): seeded mutation of source files, configs and LSP messages against the
// built engine (dist/engine.js), CLI (dist/phi-guard.js) and language server (`phi-guard lsp --stdio`).
// Reports crashes, hangs, silent drops, PHI echoes and the slowest input; failing inputs are written to
// a folder with a command that reproduces them; exits 1 on any failure.
//
//   node bench/fuzz/fuzz.mjs [--seed N] [--count N] [--target sources,configs,lsp] [--out DIR]
//                            [--jobs N] [--budget-ms N] [--only INDEX] [--quick] [--json]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshSeed } from './random.mjs';
import { ScanPool } from './pool.mjs';
import { runSources } from './target-sources.mjs';
import { runConfigs } from './target-configs.mjs';
import { runLsp } from './target-lsp.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TARGETS = { sources: runSources, configs: runConfigs, lsp: runLsp };

const USAGE = `Usage: node bench/fuzz/fuzz.mjs [options]   (npm run fuzz -- [options])

  --seed N         Seed of the run (default: from the clock; always printed).
  --count N        Inputs per target (default 200).
  --target LIST    Comma-separated targets: sources, configs, lsp (default: all).
  --only INDEX     Run only input INDEX of each target (reproduce a failure with its seed).
  --jobs N         Scan workers and language servers run side by side (default: 2).
  --budget-ms N    Time budget per input before it counts as a hang (default: 20000).
  --out DIR        Where failing inputs are written (default: .fuzz-failures).
  --quick          Smaller inputs (for the run inside npm test).
  --json           Print the report as JSON.
`;

export function parseArgs(argv) {
  const options = { seed: undefined, count: 200, targets: Object.keys(TARGETS), only: undefined, jobs: 2, budgetMs: 20_000, out: path.join(REPO, '.fuzz-failures'), quick: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    const integer = () => {
      const text = value();
      if (!/^\d+$/.test(text)) throw new Error(`${arg} needs a whole number, got ${text}`);
      return Number(text);
    };
    switch (arg) {
      case '--seed': options.seed = integer() >>> 0; break;
      case '--count': options.count = integer(); break;
      case '--target': options.targets = value().split(',').map((name) => name.trim()).filter(Boolean); break;
      case '--only': options.only = integer(); break;
      case '--jobs': options.jobs = Math.max(1, integer()); break;
      case '--budget-ms': options.budgetMs = Math.max(1, integer()); break;
      case '--out': options.out = path.resolve(value()); break;
      case '--quick': options.quick = true; break;
      case '--json': options.json = true; break;
      case '-h': case '--help': options.help = true; break;
      default: throw new Error(`unknown option ${arg}`);
    }
  }
  for (const target of options.targets) if (!TARGETS[target]) throw new Error(`unknown target ${target} (sources, configs, lsp)`);
  return options;
}

/** The input indexes of a run: 0…count-1, or just --only. */
export function indexesOf(options) {
  return options.only !== undefined ? [options.only] : Array.from({ length: options.count }, (_, i) => i);
}

/**
 * Runs the campaign. Returns { seed, targets: { name: stats }, failures, ok }. `log` receives progress
 * lines (stderr by default).
 */
export async function runFuzz(rawOptions, log = (line) => process.stderr.write(`${line}\n`)) {
  const options = { ...parseArgs([]), ...rawOptions };
  options.seed ??= freshSeed();
  // PHI_GUARD_FUZZ_DIST: a copy of dist/ to fuzz, so a long campaign is not changed by rebuilds under it.
  const distDir = process.env.PHI_GUARD_FUZZ_DIST ? path.resolve(process.env.PHI_GUARD_FUZZ_DIST) : path.join(REPO, 'dist');
  const dist = {
    engine: path.join(distDir, 'engine.js'),
    cli: path.join(distDir, 'phi-guard.js'),
  };
  for (const file of Object.values(dist)) if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`node esbuild.mjs\` first`);
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-fuzz-'));
  const failures = [];
  const report = { seed: options.seed, count: options.count, targets: {}, failures, ok: true };
  const recordFailure = (failure) => {
    failures.push(failure);
    writeFailure(options, failure);
    log(`  ✗ ${failure.target} #${failure.index}: ${failure.kind}: ${failure.detail.split('\n')[0].slice(0, 200)}`);
  };
  log(`phi-guard fuzz: seed ${options.seed}, ${options.only !== undefined ? `input ${options.only}` : `${options.count} inputs`} per target (${options.targets.join(', ')})`);
  let pool;
  try {
    for (const target of options.targets) {
      const started = performance.now();
      if (target !== 'lsp') pool ??= new ScanPool({ size: options.jobs, engine: dist.engine, tempDir });
      const stats = await TARGETS[target]({ options, dist, pool, tempDir, recordFailure, log, repo: REPO });
      stats.wallMs = Math.round(performance.now() - started);
      report.targets[target] = stats;
      log(summaryLine(target, stats));
    }
  } finally {
    await pool?.close();
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
  report.ok = failures.length === 0;
  return report;
}

export function summaryLine(target, stats) {
  const slowest = stats.slowest ? `slowest ${Math.round(stats.slowest.ms)} ms (#${stats.slowest.index}: ${stats.slowest.what})` : '';
  const extra = Object.entries(stats.info ?? {}).map(([key, value]) => `${key} ${typeof value === 'object' ? JSON.stringify(value) : value}`).join(', ');
  return `${target}: ${stats.inputs} inputs in ${(stats.wallMs / 1000).toFixed(1)} s — ${stats.crashes} crashes, ${stats.hangs} hangs, ${stats.drops} silent drops, ${stats.echoes} PHI echoes, ${stats.other} other failures; ${slowest}${extra ? `\n  ${extra}` : ''}`;
}

export function newStats() {
  return { inputs: 0, crashes: 0, hangs: 0, drops: 0, echoes: 0, other: 0, slowest: undefined, info: {} };
}

export function noteTime(stats, index, ms, what) {
  if (!stats.slowest || ms > stats.slowest.ms) stats.slowest = { index, ms, what };
}

function writeFailure(options, failure) {
  const dir = path.join(options.out, `${failure.target}-seed${options.seed}-${failure.index}-${failure.kind}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const { entries, messages, ...meta } = failure;
  for (const entry of entries ?? []) {
    const target = path.join(dir, 'input', entry.name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (entry.bytes) fs.writeFileSync(target, entry.bytes);
    else fs.writeFileSync(`${target}.${entry.kind}.txt`, entry.target ? `${entry.kind} → ${entry.target}\n` : `${entry.kind}\n`);
  }
  if (messages) fs.writeFileSync(path.join(dir, 'messages.json'), JSON.stringify(messages, null, 1));
  const repro = `node bench/fuzz/fuzz.mjs --seed ${options.seed} --target ${failure.target} --only ${failure.index}${options.quick ? ' --quick' : ''}`;
  fs.writeFileSync(path.join(dir, 'failure.json'), `${JSON.stringify({ ...meta, seed: options.seed, reproduce: repro }, null, 2)}\n`);
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`fuzz: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  // SIGTERM or Ctrl-C: no new inputs; the report covers those run so far.
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stderr.write('fuzz: stopping after the inputs under way (again to abort)\n');
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  options.stopping = () => stopping;
  const report = await runFuzz(options);
  if (stopping) report.stoppedEarly = true;
  if (options.json) process.stdout.write(`${JSON.stringify(report, (key, value) => (key === 'entries' || key === 'messages' ? undefined : value), 2)}\n`);
  const total = report.failures.length;
  process.stderr.write(total === 0 ? `✔ no failures (seed ${report.seed})\n` : `✗ ${total} failures (seed ${report.seed}); inputs written to ${path.relative(process.cwd(), options.out) || '.'}\n`);
  process.exitCode = total === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  main().catch((error) => {
    process.stderr.write(`fuzz: ${error?.stack ?? error}\n`);
    process.exit(2);
  });
}
