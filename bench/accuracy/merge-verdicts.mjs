#!/usr/bin/env node
// Adds a judge's verdicts to the repositories' label files as `judged` labels.
//   node bench/accuracy/merge-verdicts.mjs VERDICTS.json [...]
// A verdicts file is a JSON array of { repository, file, line, rule, verdict, reason }.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const manifest = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8'));
const commits = new Map(manifest.repositories.map((entry) => [entry.name, entry.commit]));
const VERDICTS = new Set(['true', 'false', 'debatable']);
let added = 0;
let replaced = 0;
for (const input of process.argv.slice(2)) {
  const verdicts = JSON.parse(readFileSync(input, 'utf8'));
  const byRepository = new Map();
  for (const verdict of verdicts) {
    if (!commits.has(verdict.repository)) throw new Error(`${input}: unknown repository ${verdict.repository}`);
    if (!VERDICTS.has(verdict.verdict)) throw new Error(`${input}: verdict must be true, false or debatable (${verdict.file}:${verdict.line})`);
    if (!verdict.reason || /[\n]/.test(verdict.reason)) throw new Error(`${input}: one-line reason required (${verdict.file}:${verdict.line})`);
    byRepository.set(verdict.repository, [...(byRepository.get(verdict.repository) ?? []), verdict]);
  }
  for (const [repository, list] of byRepository) {
    const file = join(here, 'labels', `${repository}.json`);
    const labels = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { repository, commit: commits.get(repository), labels: [] };
    for (const verdict of list) {
      const label = { file: verdict.file, line: verdict.line, rule: verdict.rule, rules: [verdict.rule], verdict: verdict.verdict, reason: verdict.reason, source: 'judged' };
      const at = labels.labels.findIndex((existing) => existing.source === 'judged' && existing.file === label.file && existing.line === label.line && existing.rule === label.rule);
      if (at === -1) {
        labels.labels.push(label);
        added++;
      } else {
        labels.labels[at] = label;
        replaced++;
      }
    }
    writeFileSync(file, `${JSON.stringify(labels, null, 2)}\n`);
  }
}
console.log(`added ${added} judged labels, replaced ${replaced}`);
