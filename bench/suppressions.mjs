#!/usr/bin/env node
// What suppression comments cost (run by `npm run bench`, or alone: `node bench/suppressions.mjs`).
//
// 1. Finding the comments. In code files the engine takes them from the syntax tree the analysis parsed
//    anyway (only the nodes around a `//` or `/*` are visited). Compared here with the parse itself and
//    with asking typescript-estree for every comment (`comment: true`), on a large real file (lodash.js,
//    550 KB, not minified) with a directive planted every 200 lines: the difference between scanning it
//    with and without the directives is what the suppressions cost.
// 2. Adversarial files: 202 KB and 810 KB of directives without a reason, each naming 20 unknown rules
//    (the probe's defect 8: 100,000 warnings, a 100 MB SARIF, minutes). Reported: wall time of the scan,
//    findings, and the size of the result as JSON.
//
// Uses dist/engine.js (npm run build first). Prints a table and one JSON line.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// PHI_GUARD_BENCH_ENGINE: another build of dist/engine.js, to compare (as bench/run.mjs).
const engine = require(process.env.PHI_GUARD_BENCH_ENGINE ? path.resolve(process.env.PHI_GUARD_BENCH_ENGINE) : path.join(ROOT, 'dist', 'engine.js'));
const { parse } = require('@typescript-eslint/typescript-estree');

const RUNS = 7;
const gc = globalThis.gc ?? (() => undefined);

/** Medians of the tasks, run alternating (a, b, a, b, …) after a warm-up, each after a collection. */
async function alternating(tasks) {
  const samples = tasks.map(() => []);
  for (const task of tasks) await task();
  for (let run = 0; run < RUNS; run++) {
    for (const [index, task] of tasks.entries()) {
      gc();
      const start = performance.now();
      await task();
      samples[index].push(performance.now() - start);
    }
  }
  return samples.map((list) => list.sort((a, b) => a - b)[RUNS >> 1]);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-suppressions-'));
const results = {};
try {
  // 1. the cost of finding the comments
  const source = readFileSync(require.resolve('lodash/lodash.js'), 'utf8');
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i += 200) lines.splice(i, 0, '// phi-guard-disable-next-line no-phi-in-logs -- synthetic benchmark line');
  const withDirectives = lines.join('\n');
  const withoutDirectives = withDirectives.replaceAll('phi-guard-disable-next-line', 'phi-guard-note-next-line');
  const options = { range: true, loc: true, tokens: false, jsx: true, errorOnUnknownASTType: false, suppressDeprecatedPropertyWarnings: true, jsDocParsingMode: 'none' };
  const [parseMs, parseWithCommentsMs] = await alternating([() => parse(withDirectives, { ...options, comment: false }), () => parse(withDirectives, { ...options, comment: true })]);
  writeFileSync(path.join(dir, 'with.js'), withDirectives);
  writeFileSync(path.join(dir, 'without.js'), withoutDirectives);
  const scanOne = async (name) => {
    const result = await engine.scanWorkspace({ paths: [path.join(dir, name)], cwd: dir, reportRoles: 'all' });
    if (result.skipped.length) throw new Error(`${name} was skipped: ${result.skipped[0].reason}`);
    return result;
  };
  const [scanWith, scanWithout] = await alternating([() => scanOne('with.js'), () => scanOne('without.js')]);
  const directives = (withDirectives.match(/phi-guard-disable-next-line/g) ?? []).length;
  results.comments = {
    kb: Math.round(withDirectives.length / 1024),
    directives,
    parseMs: Math.round(parseMs),
    commentTrueExtraMs: Math.round(parseWithCommentsMs - parseMs),
    scanMs: Math.round(scanWithout),
    suppressionsExtraMs: Math.round(scanWith - scanWithout),
  };

  // 2. adversarial files
  const letters = 'abcdefghijklmnopqrst';
  const line = `// phi-guard-disable-line ${[...letters].join(' ')}\n`;
  for (const kb of [202, 810]) {
    const file = path.join(dir, `broken-${kb}.ts`);
    writeFileSync(file, line.repeat(Math.floor((kb * 1000) / line.length)));
    let result;
    const [ms] = await alternating([
      async () => {
        result = await engine.scanWorkspace({ paths: [file], cwd: dir });
      },
    ]);
    results[`broken${kb}`] = { ms: Math.round(ms), findings: result.findings.length, resultBytes: JSON.stringify(result).length };
    rmSync(file);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const { comments, broken202, broken810 } = results;
console.log(`suppression comments (medians of ${RUNS}):`);
console.log(`  ${comments.kb} KB file, ${comments.directives} directives: parse ${comments.parseMs} ms, with comment: true +${comments.commentTrueExtraMs} ms; scan ${comments.scanMs} ms, with the directives +${comments.suppressionsExtraMs} ms`);
for (const [label, entry] of [['202 KB', broken202], ['810 KB', broken810]]) {
  console.log(`  ${label} of broken directives: scan ${entry.ms} ms, ${entry.findings} findings, result ${Math.round(entry.resultBytes / 1024)} KB as JSON`);
}
console.log(JSON.stringify(results));
