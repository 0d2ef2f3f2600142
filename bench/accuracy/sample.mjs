#!/usr/bin/env node
// Draws the judging sample: for each repository, a random sample of its findings (fixed seed),
// stratified by rule (every rule with findings gets at least one, the rest in proportion), from the
// findings run.mjs saved. Findings that already carry a judged verdict keep it; the others go into a
// judging packet for a reviewer who did not write the change.
//
//   node bench/accuracy/sample.mjs --round NAME [--per-repo 30] [--seed 20261206] [--split …] [--repos a,b] [--added-since DIR] [--results DIR]
//
// --added-since DIR draws only from the findings that a results folder of an earlier run (DIR, as run.mjs saved it)
// did not have: what a change added, for a judge to look at before it is counted.
//
// Writes <results>/sample-NAME.json (default .accuracy-results) (the sample: what precision is computed on) and
// <results>/packet-NAME-<repository>.md (the findings left to judge, with the rubric's questions).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entriesOfSplit, loadLabels, prng, takeOption } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => takeOption(args, name, fallback);
const round = option('--round', undefined);
if (!round) throw new Error('--round NAME is required');
const perRepo = Number(option('--per-repo', '30'));
const seed = Number(option('--seed', '20261206'));
const split = option('--split', 'all');
const only = option('--repos', undefined)?.split(',');
const addedSince = option('--added-since', undefined);
const resultsDir = resolve(option('--results', join(repoRoot, '.accuracy-results')));
const manifest = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8'));

/** Proportional allocation with at least one per stratum, summing to n (or everything when fewer). */
function allocate(counts, n) {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total <= n) return new Map(counts);
  const quota = new Map([...counts].map(([key, count]) => [key, Math.min(count, 1)]));
  let left = n - [...quota.values()].reduce((a, b) => a + b, 0);
  while (left > 0) {
    // Give the next place to the stratum furthest below its proportional share.
    let best;
    let bestGap = -Infinity;
    for (const [key, count] of counts) {
      const have = quota.get(key);
      if (have >= count) continue;
      const gap = (n * count) / total - have;
      if (gap > bestGap) [best, bestGap] = [key, gap];
    }
    if (best === undefined) break;
    quota.set(best, quota.get(best) + 1);
    left--;
  }
  return quota;
}

const sample = { round, seed, perRepo, date: new Date().toISOString().slice(0, 10), repositories: {} };
let entries;
try {
  entries = entriesOfSplit(manifest, split);
} catch (error) {
  console.error(`sample: ${error.message}`);
  process.exit(2);
}
for (const entry of entries) {
  if (only && !only.includes(entry.name)) continue;
  const file = join(resultsDir, `${entry.name}.findings.json`);
  if (!existsSync(file)) {
    console.error(`${entry.name}: no findings saved (run run.mjs first)`);
    continue;
  }
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  const earlierFile = addedSince ? join(resolve(addedSince), `${entry.name}.findings.json`) : undefined;
  const earlier = earlierFile && existsSync(earlierFile) ? new Set((JSON.parse(readFileSync(earlierFile, 'utf8')).findings ?? []).map((f) => `${f.file}:${f.line}:${f.ruleId}`)) : undefined;
  const findings = addedSince ? (saved.findings ?? []).filter((f) => !earlier?.has(`${f.file}:${f.line}:${f.ruleId}`)) : saved.findings;
  const random = prng(seed ^ [...entry.name].reduce((hash, char) => Math.imul(hash, 31) + char.charCodeAt(0), 7));
  const byRule = new Map();
  for (const finding of findings) byRule.set(finding.ruleId, [...(byRule.get(finding.ruleId) ?? []), finding]);
  const quota = allocate(new Map([...byRule].map(([rule, list]) => [rule, list.length])), perRepo);
  const picked = [];
  for (const [rule, list] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
    const pool = [...list];
    for (let i = 0; i < quota.get(rule); i++) picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  }
  const judged = new Map(loadLabels(here, entry.name).filter((label) => label.source === 'judged').map((label) => [`${label.file}:${label.line}:${label.rule}`, label.verdict]));
  const toJudge = picked.filter((finding) => !judged.has(`${finding.file}:${finding.line}:${finding.ruleId}`));
  sample.repositories[entry.name] = { total: findings.length, sampled: picked.map((f) => `${f.file}:${f.line}:${f.ruleId}`), toJudge: toJudge.length };
  if (toJudge.length > 0) {
    const lines = [
      `# Judging packet: ${entry.name} (round ${round})`,
      '',
      `Repository laid out at \`.accuracy-corpus/${entry.name}/\` (commit ${entry.commit}). ${toJudge.length} findings to judge.`,
      'For each, read the code around the line (and where the data comes from) and decide with bench/accuracy/RUBRIC.md:',
      '`true` (a real exposure in shipped code or real data), `false` (anything else), `debatable` (cannot tell; say why).',
      '',
    ];
    toJudge.forEach((finding, index) => {
      lines.push(`## ${index + 1}. \`${finding.file}:${finding.line}:${finding.column}\` — ${finding.ruleId}`);
      lines.push(`- message: ${finding.message}`);
      if (finding.kinds.length) lines.push(`- PHI kinds claimed: ${finding.kinds.join(', ')}`);
      for (const related of finding.related.slice(0, 4)) lines.push(`- related: ${related}`);
      lines.push('');
    });
    writeFileSync(join(resultsDir, `packet-${round}-${entry.name}.md`), lines.join('\n'));
  }
  console.log(`${entry.name}: ${findings.length} findings, sampled ${picked.length}, ${toJudge.length} to judge`);
}
writeFileSync(join(resultsDir, `sample-${round}.json`), JSON.stringify(sample, null, 1));
