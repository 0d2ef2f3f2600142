#!/usr/bin/env node
// Looks into the results run.mjs saved (.accuracy-results/<repository>.findings.json) against the labels,
// so a change can be reasoned about finding by finding, not only by its totals.
//
//   node bench/accuracy/inspect.mjs missed --split S [--pattern P] [--results DIR]
//       hand-found exposures no finding of their rules covers, then found/total per pattern
//   node bench/accuracy/inspect.mjs falses --split S [--results DIR]
//       findings that carry a judged false or debatable verdict, with the judge's reason
//   node bench/accuracy/inspect.mjs diff BASE_DIR NEW_DIR --split S
//       findings that appeared (+) or disappeared (-) between two result folders, with any judged verdict
//   node bench/accuracy/inspect.mjs splits RUN.json
//       totals per split of a run.mjs --json report
//   node bench/accuracy/inspect.mjs score --split S [--results DIR]
//       a results folder scored against the labels as they are now (verdicts recorded after the scan count):
//       per repository, per rule and per pattern, with the findings no verdict covers yet
//
// --split names one split of manifest.json, or `seen` (every split but the sealed held-out ones, manifest.json's `sealed`). Splits that
// are still held out for a final measurement are refused unless --final is given: looking at them while
// changing PHI Guard would spend the only unseen part of the benchmark.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entriesOfSplit, loadLabels, matchHand, matchJudged, sealedSplits, takeFlag, takeOption } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => takeOption(args, name, fallback);
const flag = (name) => takeFlag(args, name);

const manifest = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8'));
const sealed = sealedSplits(manifest);
const final = flag('--final');
const resultsDir = resolve(option('--results', join(repoRoot, '.accuracy-results')));
const split = option('--split', undefined);
const pattern = option('--pattern', undefined);
const [command, ...rest] = args;

function repositoriesOf(wanted) {
  if (!wanted) fail('name a split with --split (one of manifest.json\'s splits, or "seen")');
  if ((sealed.has(wanted) || (wanted === 'all' && sealed.size)) && !final) fail(`"${wanted}" is held out for the final measurement; pass --final only for that measurement`);
  try {
    return entriesOfSplit(manifest, wanted);
  } catch (error) {
    fail(error.message);
  }
}

function findingsIn(dir, name) {
  const file = join(dir, `${name}.findings.json`);
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(readFileSync(file, 'utf8'));
  return parsed.findings ?? parsed;
}

function fail(message) {
  console.error(`inspect: ${message}`);
  process.exit(2);
}

const span = (label) => `${label.line}${label.endLine !== label.line ? `-${label.endLine}` : ''}`;

if (command === 'missed') {
  const perPattern = new Map();
  for (const entry of repositoriesOf(split)) {
    const findings = findingsIn(resultsDir, entry.name);
    if (!findings) continue;
    for (const label of loadLabels(here, entry.name)) {
      if (label.source !== 'hand' || label.verdict !== 'true') continue;
      const labelPattern = label.pattern ?? 'other';
      const found = matchHand(label, findings);
      const counts = perPattern.get(labelPattern) ?? { found: 0, total: 0 };
      counts.total++;
      if (found) counts.found++;
      perPattern.set(labelPattern, counts);
      if (!found && (!pattern || pattern === labelPattern)) console.log(`${entry.name} ${label.file}:${span(label)} [${label.rules.join(',')}] ${labelPattern}: ${label.reason}`);
    }
  }
  console.log('\nfound / hand-found, per pattern');
  for (const [name, counts] of [...perPattern].sort((a, b) => b[1].total - a[1].total)) console.log(`  ${name}: ${counts.found}/${counts.total}`);
} else if (command === 'falses') {
  for (const entry of repositoriesOf(split)) {
    const findings = findingsIn(resultsDir, entry.name);
    if (!findings) continue;
    const labels = loadLabels(here, entry.name);
    for (const { finding, verdict } of matchJudged(findings, labels)) {
      if (verdict === 'true') continue;
      const label = labels.find((candidate) => candidate.source === 'judged' && candidate.file === finding.file && candidate.line === finding.line && (candidate.rule ?? candidate.rules[0]) === finding.ruleId);
      console.log(`${entry.name} ${finding.file}:${finding.line} ${finding.ruleId} [${verdict}] ${finding.message}\n    judge: ${label?.reason ?? '—'}`);
    }
  }
} else if (command === 'diff') {
  const [baseDir, newDir] = rest.map((dir) => resolve(dir));
  if (!baseDir || !newDir) fail('diff needs two result folders: BASE_DIR NEW_DIR');
  const key = (finding) => `${finding.file}:${finding.line}:${finding.ruleId}`;
  const counts = { added: 0, removed: 0 };
  for (const entry of repositoriesOf(split)) {
    const before = findingsIn(baseDir, entry.name);
    const after = findingsIn(newDir, entry.name);
    if (!before || !after) continue;
    const judged = new Map(loadLabels(here, entry.name).filter((label) => label.source === 'judged').map((label) => [`${label.file}:${label.line}:${label.rule ?? label.rules[0]}`, label.verdict]));
    const beforeKeys = new Map(before.map((finding) => [key(finding), finding]));
    const afterKeys = new Map(after.map((finding) => [key(finding), finding]));
    for (const [k, finding] of afterKeys) if (!beforeKeys.has(k)) (counts.added++, console.log(`+ ${entry.name} ${k} [${judged.get(k) ?? 'unjudged'}] ${finding.message}`));
    for (const [k, finding] of beforeKeys) if (!afterKeys.has(k)) (counts.removed++, console.log(`- ${entry.name} ${k} [${judged.get(k) ?? 'unjudged'}] ${finding.message}`));
  }
  console.log(`\n${counts.added} added, ${counts.removed} removed`);
} else if (command === 'splits') {
  const [runFile] = rest;
  if (!runFile) fail('splits needs the JSON report of run.mjs --json');
  const report = JSON.parse(readFileSync(runFile, 'utf8'));
  const bySplit = new Map();
  const fields = ['findings', 'judged', 'true', 'false', 'debatable', 'hand', 'handFound', 'lines'];
  for (const row of report.rows) {
    const totals = bySplit.get(row.split) ?? Object.fromEntries([['repositories', 0], ...fields.map((field) => [field, 0])]);
    totals.repositories++;
    for (const field of fields) totals[field] += row[field];
    bySplit.set(row.split, totals);
  }
  const pct = (n, d) => (d === 0 ? '—' : `${Math.round((100 * n) / d)} %`);
  for (const [name, t] of bySplit) {
    console.log(`${name}: ${t.repositories} repositories, ${(t.lines / 1000).toFixed(0)} kLOC, ${t.findings} findings; judged ${t.judged} (true ${t.true}, false ${t.false}, debatable ${t.debatable}) precision ${pct(t.true, t.judged)}; recall ${t.handFound}/${t.hand} = ${pct(t.handFound, t.hand)}`);
  }
} else if (command === 'score') {
  const pct = (n, d) => (d === 0 ? '—' : `${Math.round((100 * n) / d)} %`);
  const emptyTally = () => ({ findings: 0, true: 0, false: 0, debatable: 0, hand: 0, handFound: 0 });
  const total = emptyTally();
  const byRule = new Map();
  const byPattern = new Map();
  const tallyOf = (map, name) => map.get(name) ?? (map.set(name, emptyTally()), map.get(name));
  for (const entry of repositoriesOf(split)) {
    const findings = findingsIn(resultsDir, entry.name);
    if (!findings) {
      console.log(`${entry.name}: no results in ${resultsDir}`);
      continue;
    }
    const labels = loadLabels(here, entry.name);
    const row = emptyTally();
    row.findings = findings.length;
    for (const finding of findings) tallyOf(byRule, finding.ruleId).findings++;
    for (const { finding, verdict } of matchJudged(findings, labels)) {
      row[verdict]++;
      tallyOf(byRule, finding.ruleId)[verdict]++;
    }
    for (const label of labels) {
      if (label.source !== 'hand' || label.verdict !== 'true') continue;
      const found = matchHand(label, findings);
      const patternTally = tallyOf(byPattern, label.pattern ?? 'other');
      row.hand++;
      patternTally.hand++;
      if (found) (row.handFound++, patternTally.handFound++);
    }
    for (const field of Object.keys(total)) total[field] += row[field];
    const judged = row.true + row.false + row.debatable;
    console.log(`${entry.name}: ${row.findings} findings, judged ${judged} (true ${row.true}, false ${row.false}, debatable ${row.debatable}, unjudged ${row.findings - judged}) precision ${pct(row.true, judged)}; recall ${row.handFound}/${row.hand} = ${pct(row.handFound, row.hand)}`);
  }
  const judgedTotal = total.true + total.false + total.debatable;
  console.log(`\nall: ${total.findings} findings, judged ${judgedTotal} (true ${total.true}, false ${total.false}, debatable ${total.debatable}, unjudged ${total.findings - judgedTotal}) precision ${pct(total.true, judgedTotal)}; recall ${total.handFound}/${total.hand} = ${pct(total.handFound, total.hand)}`);
  console.log('\nper rule (judged precision, debatable counted as false)');
  for (const [name, t] of [...byRule].sort((a, b) => b[1].findings - a[1].findings)) {
    const judged = t.true + t.false + t.debatable;
    console.log(`  ${name}: ${t.findings} findings, ${t.true}/${judged} true = ${pct(t.true, judged)}${t.debatable ? ` (${t.debatable} debatable)` : ''}`);
  }
  console.log('\nfound / hand-found, per pattern');
  for (const [name, t] of [...byPattern].sort((a, b) => b[1].hand - a[1].hand)) console.log(`  ${name}: ${t.handFound}/${t.hand}`);
} else {
  fail('usage: inspect.mjs missed|falses|diff|splits|score … (see the comment at the top of this file)');
}
