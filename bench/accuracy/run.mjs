#!/usr/bin/env node
// The accuracy benchmark: scans every laid-out repository of manifest.json from its root (as a user
// would: `phi-guard scan .` in the repository) with dist/engine.js, matches the findings against the
// labels, and prints per repository and per rule: findings, findings per 1,000 lines, judged
// true/false/debatable, precision, and recall on hand-found exposures.
//
//   node bench/accuracy/run.mjs [--split tune|holdout|…|seen|all] [--repos a,b] [--corpus DIR] [--json FILE] [--final]
//                               [--options JSON]   (extra scan options, e.g. '{"includeTests":true}')
//                               [--results DIR]    (where findings go; default .accuracy-results)
//                               [--engine FILE]    (another build's dist/engine.js, e.g. a worktree of the
//                                                   round's start, measured against this manifest and labels)
//
// Not part of `npm test`: CI has no copies of the repositories (lay them out with layout.mjs).
// Each scan's findings are saved to <results>/<name>.findings.json for sample.mjs and inspect.mjs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countCodeLines, entriesOfSplit, loadLabels, matchJudged, matchHand, ruleMatches, sealedSplits, takeFlag, takeOption } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => takeOption(args, name, fallback);
const split = option('--split', 'all');
const only = option('--repos', undefined)?.split(',');
const corpus = resolve(option('--corpus', join(repoRoot, '.accuracy-corpus')));
const jsonOut = option('--json', undefined);
const scanOptions = JSON.parse(option('--options', '{}'));
// Precision on one round's random sample (sample.mjs), not on every finding that happens to carry a verdict.
const sampleRound = option('--sample', undefined);
const resultsDir = resolve(option('--results', join(repoRoot, '.accuracy-results')));
mkdirSync(resultsDir, { recursive: true });

const require = createRequire(import.meta.url);
const engine = require(resolve(option('--engine', join(repoRoot, 'dist', 'engine.js'))));
const manifest = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8'));
const sample = sampleRound ? JSON.parse(readFileSync(join(resultsDir, `sample-${sampleRound}.json`), 'utf8')) : undefined;

const pct = (n, d) => (d === 0 ? '—' : `${Math.round((100 * n) / d)}%`);
const rows = [];
const byRule = new Map();
const totals = { findings: 0, lines: 0, judged: 0, true: 0, false: 0, debatable: 0, hand: 0, handFound: 0 };

// Sealed held-out splits are scanned only for their final measurement (`--final`): a look at them while changing
// PHI Guard would spend the only unseen part of the benchmark.
const sealed = sealedSplits(manifest);
const final = takeFlag(args, '--final');
let heldOut = 0;
let entries;
try {
  entries = entriesOfSplit(manifest, split);
} catch (error) {
  console.error(`run: ${error.message}`);
  process.exit(2);
}
for (const entry of entries) {
  if (only && !only.includes(entry.name)) continue;
  if (sealed.has(entry.split) && !final) {
    heldOut++;
    continue;
  }
  const dir = join(corpus, entry.name);
  const stamp = join(dir, '.accuracy-commit');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== entry.commit) {
    console.error(`${entry.name}: not laid out at ${entry.commit.slice(0, 12)} (node bench/accuracy/layout.mjs)`);
    continue;
  }
  const started = performance.now();
  const result = await engine.scanWorkspace({ paths: [dir], cwd: dir, ...scanOptions });
  const seconds = (performance.now() - started) / 1000;
  const findings = result.findings
    .filter((finding) => !finding.suppressed)
    .map((finding) => ({
      ruleId: finding.ruleId,
      file: finding.file,
      line: finding.range.start.line,
      column: finding.range.start.column,
      endLine: finding.range.end.line,
      severity: finding.severity,
      precision: finding.precision,
      kinds: finding.phiKinds,
      message: finding.message,
      role: finding.role,
      related: finding.related.map((related) => `${related.file}:${related.range.start.line} ${related.message}`),
    }));
  writeFileSync(join(resultsDir, `${entry.name}.findings.json`), JSON.stringify({ repository: entry.name, commit: entry.commit, findings, hidden: result.hidden ?? undefined }, null, 1));
  const lines = countCodeLines(dir);
  const labels = loadLabels(here, entry.name);
  const sampled = sample ? new Set(sample.repositories[entry.name]?.sampled ?? []) : undefined;
  const judged = matchJudged(sampled ? findings.filter((f) => sampled.has(`${f.file}:${f.line}:${f.ruleId}`)) : findings, labels);
  const hand = labels.filter((label) => label.source === 'hand' && label.verdict === 'true');
  const found = hand.filter((label) => matchHand(label, findings));
  const row = {
    repository: entry.name,
    split: entry.split,
    files: result.filesScanned,
    lines,
    findings: findings.length,
    perKloc: lines ? (1000 * findings.length) / lines : 0,
    judged: judged.length,
    true: judged.filter((j) => j.verdict === 'true').length,
    false: judged.filter((j) => j.verdict === 'false').length,
    debatable: judged.filter((j) => j.verdict === 'debatable').length,
    hand: hand.length,
    handFound: found.length,
    seconds,
    skipped: result.skipped.length,
    ruleErrors: result.ruleErrors.length,
  };
  rows.push(row);
  for (const key of Object.keys(totals)) totals[key] += row[key];
  for (const finding of findings) {
    const stats = byRule.get(finding.ruleId) ?? { findings: 0, judged: 0, true: 0, false: 0, debatable: 0, hand: 0, handFound: 0 };
    stats.findings++;
    byRule.set(finding.ruleId, stats);
  }
  for (const { finding, verdict } of judged) {
    const stats = byRule.get(finding.ruleId);
    stats.judged++;
    stats[verdict]++;
  }
  for (const label of hand) {
    for (const ruleId of label.rules) {
      const stats = byRule.get(ruleId) ?? { findings: 0, judged: 0, true: 0, false: 0, debatable: 0, hand: 0, handFound: 0 };
      stats.hand++;
      if (findings.some((finding) => ruleMatches(label, finding, ruleId))) stats.handFound++;
      byRule.set(ruleId, stats);
      break; // a label counts once, under its first rule
    }
  }
  console.error(`${entry.name}: ${findings.length} findings in ${seconds.toFixed(1)} s`);
}

const line = (cells) => `| ${cells.join(' | ')} |`;
if (heldOut) console.error(`${heldOut} repositories of the sealed split(s) ${[...sealed].join(', ')} left out (pass --final for their final measurement)`);
console.log(`\nAccuracy on whole repositories (split: ${split}${sampleRound ? `, precision on sample ${sampleRound}` : ''}), ${new Date().toISOString().slice(0, 10)}\n`);
console.log(line(['repository', 'split', 'files', 'kLOC', 'findings', '/kLOC', 'judged', 'true', 'false', 'debatable', 'precision', 'hand labels', 'found', 'recall']));
console.log(line(Array(14).fill('---')));
for (const row of rows) {
  console.log(
    line([row.repository, row.split, row.files, (row.lines / 1000).toFixed(1), row.findings, row.perKloc.toFixed(2), row.judged, row.true, row.false, row.debatable, pct(row.true, row.judged), row.hand, row.handFound, pct(row.handFound, row.hand)]),
  );
}
console.log(
  line(['**all**', '', '', (totals.lines / 1000).toFixed(1), totals.findings, totals.lines ? ((1000 * totals.findings) / totals.lines).toFixed(2) : '0', totals.judged, totals.true, totals.false, totals.debatable, pct(totals.true, totals.judged), totals.hand, totals.handFound, pct(totals.handFound, totals.hand)]),
);
console.log('\n' + line(['rule', 'findings', 'judged', 'true', 'false', 'debatable', 'precision', 'hand labels', 'found', 'recall']));
console.log(line(Array(10).fill('---')));
for (const [ruleId, stats] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(line([ruleId, stats.findings, stats.judged, stats.true, stats.false, stats.debatable, pct(stats.true, stats.judged), stats.hand, stats.handFound, pct(stats.handFound, stats.hand)]));
}
console.log('\nPrecision counts debatable as false. Recall: hand-found exposures (verdict true) matched by a finding of one of their rules within their lines.');
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ date: new Date().toISOString(), split, rows, totals, byRule: Object.fromEntries(byRule) }, null, 2));
