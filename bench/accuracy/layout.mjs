#!/usr/bin/env node
// Lays out every repository of manifest.json at its pinned commit under the corpus folder, from bare
// git directories that the search tool's `fetch` verb (or `git clone --bare`) left in a mirror folder.
// Usage: node bench/accuracy/layout.mjs [--mirror /work/.mirror] [--corpus .accuracy-corpus] [name…]
// Nothing laid out here is committed: the corpus folder is git-ignored.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { takeOption } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => takeOption(args, name, fallback);
const mirror = resolve(option('--mirror', '/work/.mirror'));
const corpus = resolve(option('--corpus', join(here, '..', '..', '.accuracy-corpus')));
const manifest = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8'));
const wanted = new Set(args);

let failed = 0;
for (const entry of manifest.repositories) {
  if (wanted.size > 0 && !wanted.has(entry.name)) continue;
  const target = join(corpus, entry.name);
  const stamp = join(target, '.accuracy-commit');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === entry.commit) {
    console.log(`${entry.name}: already laid out at ${entry.commit.slice(0, 12)}`);
    continue;
  }
  // fetch leaves a bare directory (…/repo) or, for some snapshots, a checkout's git directory (…/repo/.git).
  const candidates = [join(mirror, entry.repo.replace('/', '+'), 'repo'), join(mirror, entry.repo.replace('/', '+'), 'repo', '.git'), join(mirror, entry.repo.replace('/', '+'))];
  const gitDir = candidates.find((dir) => existsSync(join(dir, 'objects')));
  if (!gitDir) {
    console.error(`${entry.name}: no bare git directory for ${entry.repo} under ${mirror} (fetch it first)`);
    failed++;
    continue;
  }
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const missing = layOut(gitDir, entry.commit, target);
  if (missing.length > 0) console.log(`${entry.name}: ${missing.length} blob(s) absent from the snapshot (files of 4 MiB and more): ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}`);
  writeFileSync(stamp, `${entry.commit}\n`);
  console.log(`${entry.name}: laid out ${entry.repo}@${entry.commit.slice(0, 12)} in ${target}`);
}
process.exitCode = failed ? 1 : 0;

/** Writes every blob of the commit's tree under target; returns the paths whose blobs the snapshot lacks. */
function layOut(gitDir, commit, target) {
  const tree = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', commit], { maxBuffer: 1 << 30 }).toString('utf8');
  const blobs = [];
  for (const record of tree.split('\0')) {
    const match = /^(\d+) blob ([0-9a-f]+)\t(.*)$/s.exec(record);
    if (match && match[1] !== '120000' && match[1] !== '160000') blobs.push({ sha: match[2], path: match[3] });
  }
  const batch = spawnSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
    input: blobs.map((blob) => blob.sha).join('\n') + '\n',
    maxBuffer: 1 << 31 - 1,
  });
  const out = batch.stdout;
  const missing = [];
  let at = 0;
  for (const blob of blobs) {
    const headerEnd = out.indexOf(10, at);
    const header = out.subarray(at, headerEnd).toString('utf8');
    at = headerEnd + 1;
    if (header.endsWith(' missing')) {
      missing.push(blob.path);
      continue;
    }
    const size = Number(header.split(' ')[2]);
    const file = join(target, blob.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, out.subarray(at, at + size));
    at += size + 1;
  }
  return missing;
}
