#!/usr/bin/env node
// The benchmark (`npm run bench`): how much a full PHI Guard scan costs compared with only parsing.
//
//   node --expose-gc bench/run.mjs [dir] [--runs 3] [--baseline other/engine.js]
//
// Without a dir it uses .bench-corpus/, generating it first (bench/generate-corpus.mjs) when it is
// missing or was made by another generator version/seed/size. Then, each in its own child process so
// peak memory is per task:
//   parse  walk the folder, read every file, parse each code file with the engine's own `parseSource`
//          (typescript-estree with exactly the options analysis uses); JSON files are only read. The
//          floor a scan cannot go below.
//   scan   dist/engine.js `scanWorkspace({ paths: [dir], cwd: dir })`: discovery, reading, parsing,
//          indexing, analysis, rules, suppressions.
// Each child reports wall ms (the work, without loading the parser/engine module, which is shown apart),
// CPU ms and peak RSS (process.resourceUsage().maxRSS). The two tasks run `--runs`
// times alternating (parse, scan, parse, scan, …) and the medians are reported, with the ratio
// scan/parse (target ≤ 2×). If bench/lsp-latency.mjs exists (the language server's latency benchmark),
// it runs last and its output is printed, then bench/suppressions.mjs (what suppression comments cost).
// On a generated corpus it also reports how many planted leaks
// got a finding and how many findings fall on lines where nothing was planted. Ends with one JSON line.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.join(HERE, '..');
const ENGINE = process.env.PHI_GUARD_BENCH_ENGINE ? path.resolve(process.env.PHI_GUARD_BENCH_ENGINE) : path.join(ROOT, 'dist', 'engine.js');
const LSP_LATENCY = path.join(HERE, 'lsp-latency.mjs');
const TARGET_RATIO = 2;

const CODE_EXT = new Set(['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts']);
const JSON_EXT = new Set(['.json', '.jsonc']);
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', '.git', '.next', '.nuxt', '.turbo', '.cache']);

// --------------------------------------------------------------------------------------- child tasks

function listFiles(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) listFiles(abs, out);
    } else if (entry.isFile()) {
      const ext = path.extname(entry.name).toLowerCase();
      if (CODE_EXT.has(ext) || JSON_EXT.has(ext)) out.push(abs);
    }
  }
  return out;
}

function usage() {
  const u = process.resourceUsage();
  return { maxRssMB: u.maxRSS / 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 };
}

async function childParse(dir) {
  const t0 = performance.now();
  const require = createRequire(import.meta.url);
  const { parseSource } = require(ENGINE);
  if (typeof parseSource !== 'function') throw new Error('dist/engine.js does not export parseSource');
  const tLoaded = performance.now();
  let files = 0;
  let bytes = 0;
  let parsed = 0;
  let errors = 0;
  for (const abs of listFiles(dir)) {
    const text = readFileSync(abs, 'utf8');
    files += 1;
    bytes += Buffer.byteLength(text);
    const ext = path.extname(abs).toLowerCase();
    if (!CODE_EXT.has(ext)) continue;
    try {
      parseSource(abs, text);
      parsed += 1;
    } catch {
      errors += 1;
    }
  }
  const t1 = performance.now();
  return { task: 'parse', wallMs: t1 - tLoaded, loadMs: tLoaded - t0, files, bytes, parsed, parseErrors: errors, ...usage() };
}

async function childScan(dir) {
  const t0 = performance.now();
  const require = createRequire(import.meta.url);
  const engine = require(ENGINE);
  const scanWorkspace = engine.scanWorkspace ?? engine.default?.scanWorkspace;
  if (typeof scanWorkspace !== 'function') throw new Error('dist/engine.js does not export scanWorkspace (yet)');
  const tLoaded = performance.now();
  const result = await scanWorkspace({ paths: [dir], cwd: dir });
  const t1 = performance.now();
  const byRule = {};
  for (const f of result.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  const skippedByReason = {};
  for (const s of result.skipped) skippedByReason[s.reason] = (skippedByReason[s.reason] ?? 0) + 1;
  const planted = plantedRecall(dir, result.findings);
  return {
    task: 'scan',
    wallMs: t1 - tLoaded,
    loadMs: tLoaded - t0,
    files: result.filesScanned,
    bytes: result.bytesScanned,
    findings: result.findings.length,
    findingsByRule: byRule,
    skipped: result.skipped.length,
    skippedByReason,
    ruleErrors: result.ruleErrors.length,
    engineDurationMs: result.durationMs,
    planted,
    ...usage(),
  };
}

/**
 * With a generated corpus: how many planted leaks got a finding on their line (recall, by kind), and how
 * many findings are on lines where nothing was planted (the rest of the corpus is meant to be safe, so
 * these are mostly false positives worth a look).
 */
function plantedRecall(dir, findings) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(path.join(dir, '.corpus.stamp'), 'utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(stamp.planted)) return undefined;
  const hit = new Set(findings.map((f) => `${f.file}:${f.range.start.line}`));
  const plantedAt = new Set(stamp.planted.map((p) => `${p.file}:${p.line}`));
  const byKind = {};
  let found = 0;
  for (const p of stamp.planted) {
    const k = (byKind[p.kind] ??= { planted: 0, found: 0 });
    k.planted += 1;
    if (hit.has(`${p.file}:${p.line}`)) {
      k.found += 1;
      found += 1;
    }
  }
  const off = findings.filter((f) => !plantedAt.has(`${f.file}:${f.range.start.line}`));
  const offByRule = {};
  for (const f of off) offByRule[f.ruleId] = (offByRule[f.ruleId] ?? 0) + 1;
  const offSamples = off.slice(0, 5).map((f) => `${f.file}:${f.range.start.line} ${f.ruleId}`);
  return { total: stamp.planted.length, found, byKind, offPlanted: off.length, offByRule, offSamples };
}

// ---------------------------------------------------------------------------------------- the parent

function runChild(task, dir, engine = ENGINE) {
  const res = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', task, dir], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, PHI_GUARD_BENCH_ENGINE: engine },
  });
  const line = (res.stdout ?? '').trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (res.status !== 0 || !line) {
    const lines = (res.stderr || res.stdout || '').trim().split('\n').map((l) => l.trim());
    const why = lines.find((l) => /^[A-Za-z]*Error\b|^Error:/.test(l)) ?? lines.find((l) => l && !l.startsWith('at ')) ?? `exit ${res.status}`;
    return { task, error: why };
  }
  return JSON.parse(line);
}

const median = (values) => {
  const s = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

function summarize(runs) {
  const ok = runs.filter((r) => !r.error);
  if (ok.length === 0) return { error: runs[0]?.error ?? 'no runs' };
  const wallMs = median(ok.map((r) => r.wallMs));
  const last = ok[ok.length - 1];
  return {
    ...last,
    wallMs,
    maxRssMB: median(ok.map((r) => r.maxRssMB)),
    cpuMs: median(ok.map((r) => r.cpuMs)),
    loadMs: median(ok.map((r) => r.loadMs)),
    runsMs: ok.map((r) => Math.round(r.wallMs)),
    mbPerSec: last.bytes / 1024 / 1024 / (wallMs / 1000),
    failedRuns: runs.length - ok.length,
  };
}

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  const fmt = (r) => r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('   ');
  return [fmt(rows[0]), widths.map((w) => '-'.repeat(w)).join('   '), ...rows.slice(1).map(fmt)].join('\n');
}

async function ensureCorpus(dirArg) {
  const gen = await import('./generate-corpus.mjs');
  if (dirArg) {
    const dir = path.resolve(dirArg);
    if (!existsSync(dir)) throw new Error(`${dir} does not exist`);
    const stamp = gen.readStamp(dir);
    return { dir, description: stamp ? gen.describe({ dir, ...stamp }) : `workspace ${dir}`, stamp };
  }
  const dir = gen.DEFAULT_DIR;
  let stamp = gen.readStamp(dir);
  const fresh = stamp && stamp.generator === gen.GENERATOR_VERSION && stamp.seed === gen.DEFAULT_SEED && stamp.files === gen.DEFAULT_FILES;
  if (!fresh) {
    console.log(`generating the corpus into ${path.relative(process.cwd(), dir) || dir} …`);
    stamp = gen.generateCorpus({ dir });
  }
  return { dir, description: gen.describe({ dir, ...stamp }), stamp };
}

function runLspLatency(dir) {
  if (!existsSync(LSP_LATENCY)) return undefined;
  const res = spawnSync(process.execPath, [LSP_LATENCY], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PHI_GUARD_BENCH_CORPUS: dir },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 10 * 60 * 1000,
  });
  const out = `${res.stdout ?? ''}${res.stderr ? `\n${res.stderr}` : ''}`.trim();
  const jsonLine = (res.stdout ?? '').trim().split('\n').filter((l) => l.trim().startsWith('{')).pop();
  let json;
  try {
    json = jsonLine ? JSON.parse(jsonLine) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, output: out, json };
}

async function main() {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 3) : 3;
  // --baseline <engine.js>: a second engine bundle (an earlier build) scanned in the same run, alternating,
  // so the cost of a change is a ratio measured under the same machine load.
  const baselineAt = args.indexOf('--baseline');
  const baseline = baselineAt >= 0 ? path.resolve(args[baselineAt + 1]) : undefined;
  const dirArg = args.find((a, i) => !a.startsWith('--') && !(i > 0 && ['--runs', '--baseline'].includes(args[i - 1])));
  const corpus = await ensureCorpus(dirArg);
  console.log(corpus.description);
  const haveEngine = existsSync(ENGINE);
  if (!haveEngine) console.log('dist/engine.js is missing (run `npm run build`); the scan half is skipped');

  const parseRuns = [];
  const scanRuns = [];
  const baselineRuns = [];
  for (let i = 0; i < runs; i += 1) {
    parseRuns.push(runChild('parse', corpus.dir));
    if (haveEngine) scanRuns.push(runChild('scan', corpus.dir));
    if (baseline) baselineRuns.push(runChild('scan', corpus.dir, baseline));
  }
  const parse = summarize(parseRuns);
  const scan = haveEngine ? summarize(scanRuns) : { error: 'dist/engine.js missing' };
  const base = baseline ? summarize(baselineRuns) : undefined;

  const mb = (b) => (b / 1024 / 1024).toFixed(2);
  const row = (name, s) =>
    s.error
      ? [name, '-', '-', '-', '-', '-', '-', `failed: ${s.error.slice(0, 120)}`]
      : [name, s.files, mb(s.bytes), Math.round(s.wallMs), s.mbPerSec.toFixed(2), Math.round(s.maxRssMB), Math.round(s.cpuMs), `runs ${s.runsMs.join('/')} ms, module load ${Math.round(s.loadMs)} ms`];
  console.log('');
  console.log(table([['task', 'files', 'MB', 'wall ms', 'MB/s', 'peak RSS MB', 'cpu ms', 'notes'], row('parse', parse), row('scan', scan), ...(base ? [row('scan (baseline)', base)] : [])]));
  if (base && !base.error && !scan.error) {
    console.log('');
    console.log(`scan/baseline (${path.relative(ROOT, baseline) || baseline}): wall ${(scan.wallMs / base.wallMs).toFixed(3)}×, cpu ${(scan.cpuMs / base.cpuMs).toFixed(3)}×, peak RSS ${(scan.maxRssMB / base.maxRssMB).toFixed(3)}×; findings ${scan.findings} vs ${base.findings}`);
  }

  const ratio = !parse.error && !scan.error ? scan.wallMs / parse.wallMs : undefined;
  const rssRatio = !parse.error && !scan.error ? scan.maxRssMB / parse.maxRssMB : undefined;
  // CPU time is steadier than wall time on a shared machine; shown next to it.
  const cpuRatio = !parse.error && !scan.error ? scan.cpuMs / parse.cpuMs : undefined;
  console.log('');
  if (ratio !== undefined) {
    console.log(`scan/parse wall ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}), cpu ${cpuRatio.toFixed(2)}×, peak RSS ${rssRatio.toFixed(2)}×`);
    console.log(`findings ${scan.findings}${corpus.stamp?.leaks ? ` (planted leaks ${Object.values(corpus.stamp.leaks).reduce((s, n) => s + n, 0)})` : ''}, skipped ${scan.skipped}, rule errors ${scan.ruleErrors}`);
    const byRule = Object.entries(scan.findingsByRule).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
    if (byRule) console.log(`  by rule: ${byRule}`);
    if (scan.planted) {
      const p = scan.planted;
      const kinds = Object.entries(p.byKind).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} ${v.found}/${v.planted}`).join(', ');
      console.log(`planted leaks found ${p.found}/${p.total} (${((100 * p.found) / Math.max(1, p.total)).toFixed(0)}%): ${kinds}`);
      const off = Object.entries(p.offByRule).map(([k, n]) => `${k} ${n}`).join(', ');
      console.log(`findings on lines with nothing planted: ${p.offPlanted}${off ? ` (${off})` : ''}`);
      for (const sample of p.offSamples) console.log(`  e.g. ${sample}`);
    }
    if (scan.skipped) console.log(`  skipped: ${Object.entries(scan.skippedByReason).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    if (scan.files !== parse.files) console.log(`  note: the scan saw ${scan.files} files, the parse ${parse.files}`);
  }
  if (!parse.error && parse.parseErrors) console.log(`parse errors: ${parse.parseErrors}`);

  const lsp = runLspLatency(corpus.dir);
  if (lsp) {
    console.log('');
    console.log(`bench/lsp-latency.mjs${lsp.status === 0 ? '' : ` (exit ${lsp.status})`}:`);
    console.log(lsp.output);
  }

  // What suppression comments cost, and the adversarial files of issue 10 (defect 8).
  const suppressions = spawnSync(process.execPath, ['--expose-gc', path.join(HERE, 'suppressions.mjs')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PHI_GUARD_BENCH_ENGINE: ENGINE }, timeout: 10 * 60 * 1000 });
  console.log('');
  console.log(`bench/suppressions.mjs${suppressions.status === 0 ? '' : ` (exit ${suppressions.status})`}:`);
  console.log(`${suppressions.stdout ?? ''}${suppressions.stderr ?? ''}`.trim());

  const pick = (s) =>
    s.error
      ? { error: s.error }
      : { files: s.files, bytes: s.bytes, wallMs: Math.round(s.wallMs), mbPerSec: +s.mbPerSec.toFixed(3), peakRssMB: Math.round(s.maxRssMB), cpuMs: Math.round(s.cpuMs), runsMs: s.runsMs };
  const summary = {
    bench: 'phi-guard',
    node: process.version,
    corpus: { dir: corpus.dir, files: corpus.stamp?.files, bytes: corpus.stamp?.bytes, hash: corpus.stamp?.hash, seed: corpus.stamp?.seed },
    runs,
    parse: pick(parse),
    scan: scan.error
      ? { error: scan.error }
      : {
          ...pick(scan),
          findings: scan.findings,
          findingsByRule: scan.findingsByRule,
          skipped: scan.skipped,
          ruleErrors: scan.ruleErrors,
          planted: scan.planted ? { total: scan.planted.total, found: scan.planted.found, offPlanted: scan.planted.offPlanted } : null,
        },
    ratio: ratio === undefined ? null : +ratio.toFixed(3),
    cpuRatio: cpuRatio === undefined ? null : +cpuRatio.toFixed(3),
    rssRatio: rssRatio === undefined ? null : +rssRatio.toFixed(3),
    targetRatio: TARGET_RATIO,
    baseline: base ? (base.error ? { engine: baseline, error: base.error } : { engine: baseline, ...pick(base), findings: base.findings }) : null,
    lspLatency: lsp ? (lsp.json ?? { status: lsp.status }) : null,
  };
  console.log('');
  console.log(JSON.stringify(summary));
}

// ------------------------------------------------------------------------------------------- entry

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) {
  const task = process.argv[childAt + 1];
  const dir = process.argv[childAt + 2];
  const fn = task === 'parse' ? childParse : task === 'scan' ? childScan : undefined;
  if (!fn) {
    console.error(`unknown child task ${task}`);
    process.exit(2);
  }
  fn(dir).then(
    (result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      process.exit(0);
    },
    (err) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exit(1);
    },
  );
} else {
  main().catch((err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exitCode = 1;
  });
}
