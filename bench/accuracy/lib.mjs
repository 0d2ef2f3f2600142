// Shared pieces of the accuracy benchmark scripts: labels, matching findings to labels, a seeded PRNG.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CODE = /\.(?:[cm]?[jt]sx?)$/i;
const SKIPPED = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', '.git', '.next', '.nuxt', '.turbo', '.cache']);

/** Lines of TypeScript/JavaScript in the repository (outside dependency and build folders). */
export function countCodeLines(dir) {
  let lines = 0;
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) walk(join(folder, entry.name));
      } else if (entry.isFile() && CODE.test(entry.name)) {
        const path = join(folder, entry.name);
        if (statSync(path).size > 1024 * 1024) continue;
        const text = readFileSync(path, 'utf8');
        for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
      }
    }
  };
  walk(dir);
  return lines;
}

/** Every label of a repository: labels/<name>.json (hand-found and judged). */
export function loadLabels(labelsDir, name) {
  const file = join(labelsDir, 'labels', `${name}.json`);
  if (!existsSync(file)) return [];
  const parsed = JSON.parse(readFileSync(file, 'utf8'));
  return (parsed.labels ?? []).map((label) => ({ ...label, endLine: label.endLine ?? label.line, rules: label.rules ?? (label.rule ? [label.rule] : []) }));
}

/** A finding of `ruleId` (one of the label's rules) whose lines overlap the label's. */
export function ruleMatches(label, finding, ruleId = finding.ruleId) {
  if (finding.ruleId !== ruleId || !label.rules.includes(ruleId) || finding.file !== label.file) return false;
  const end = finding.endLine ?? finding.line;
  return finding.line <= label.endLine && end >= label.line;
}

export function matchHand(label, findings) {
  return findings.some((finding) => ruleMatches(label, finding));
}

/** The findings that carry a judged verdict (same file, start line and rule as a judged label). */
export function matchJudged(findings, labels) {
  const judged = new Map();
  for (const label of labels) if (label.source === 'judged') judged.set(`${label.file}:${label.line}:${label.rule ?? label.rules[0]}`, label.verdict);
  const out = [];
  for (const finding of findings) {
    const verdict = judged.get(`${finding.file}:${finding.line}:${finding.ruleId}`);
    if (verdict) out.push({ finding, verdict });
  }
  return out;
}

/**
 * The held-out splits still kept for a final measurement: manifest.json's `sealed` list, or else the newest
 * `holdout-*` split. A split is sealed from when it is labelled until its final scan; more than one can be
 * sealed at once (one measured this session, one labelled for the next).
 */
export function sealedSplits(manifest) {
  if (Array.isArray(manifest.sealed)) return new Set(manifest.sealed);
  const newest = [...new Set(manifest.repositories.map((entry) => entry.split))].filter((name) => name.startsWith('holdout')).pop();
  return new Set(newest ? [newest] : []);
}

/**
 * Which manifest entries a `--split` names: one split of manifest.json, `all`, or `seen` (every split but the sealed
 * ones). An unknown name is an error, not an empty run: `--split seen` once scanned nothing and printed an empty table.
 */
export function entriesOfSplit(manifest, split) {
  const names = [...new Set(manifest.repositories.map((entry) => entry.split))];
  if (split !== 'all' && split !== 'seen' && !names.includes(split)) {
    throw new Error(`no split "${split}" in manifest.json (have: ${names.join(', ')}, seen, all)`);
  }
  const sealed = sealedSplits(manifest);
  return manifest.repositories.filter((entry) => split === 'all' || (split === 'seen' ? !sealed.has(entry.split) : entry.split === split));
}

/** mulberry32: a small seeded PRNG, so a sample can be drawn again. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Removes `--name value` from a command line's arguments and returns the value (or the fallback). */
export function takeOption(args, name, fallback) {
  const at = args.indexOf(name);
  if (at === -1) return fallback;
  const [, value] = args.splice(at, 2);
  return value;
}

/** Removes a bare `--name` from a command line's arguments; whether it was there. */
export function takeFlag(args, name) {
  const at = args.indexOf(name);
  if (at !== -1) args.splice(at, 1);
  return at !== -1;
}
