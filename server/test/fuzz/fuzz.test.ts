// A small fixed-seed run of the fuzz harness (bench/fuzz, `npm run fuzz`) against the built engine, CLI
// and language server: mutated sources, configs and LSP messages must produce no crash, hang, silent
// drop or PHI echo. The full campaign (10,000 inputs per target) is in docs/benchmarks.md.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, buildCli } from '../helpers/run-cli';

interface TargetStats {
  inputs: number;
  crashes: number;
  hangs: number;
  drops: number;
  echoes: number;
  other: number;
  info: Record<string, unknown>;
}
interface FuzzReport {
  seed: number;
  targets: Record<string, TargetStats>;
  failures: Array<{ target: string; index: number | string; kind: string; detail: string }>;
}

/** `import()` kept as is (the test runs as CommonJS; the harness is an ES module). */
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<any>;

describe('fuzz harness (fixed seed)', function () {
  this.timeout(600_000);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-fuzz-test-'));
  let runFuzz: (options: Record<string, unknown>, log?: (line: string) => void) => Promise<FuzzReport>;

  before(async () => {
    await buildCli();
    ({ runFuzz } = await importModule(pathToFileURL(path.join(REPO_ROOT, 'bench', 'fuzz', 'fuzz.mjs')).href));
  });
  after(() => fs.rmSync(out, { recursive: true, force: true }));

  for (const [target, count] of [
    ['sources', 200],
    ['configs', 200],
    ['lsp', 200],
  ] as const) {
    it(`${target}: ${count} inputs, no crash, hang, silent drop or PHI echo`, async () => {
      const lines: string[] = [];
      const report = await runFuzz({ seed: 20261206, count, targets: [target], quick: true, jobs: 2, out }, (line) => lines.push(line));
      const stats = report.targets[target];
      assert.equal(stats.inputs, count);
      assert.deepEqual(
        report.failures.map((failure) => `${failure.kind} #${failure.index}: ${failure.detail.slice(0, 400)}`),
        [],
        lines.join('\n'),
      );
      // The run is not vacuous: it reached the code it means to exercise.
      if (target === 'sources') {
        assert.ok((stats.info.analysed as number) > 40 && (stats.info.unanalysed as number) > 20 && (stats.info.leaksReported as number) > 50, JSON.stringify(stats.info));
        assert.ok((stats.info.cliRuns as number) >= 3);
      }
      if (target === 'configs') assert.ok((stats.info.accepted as number) > 20 && (stats.info.refused as number) > 20, JSON.stringify(stats.info));
      if (target === 'lsp') assert.ok((stats.info.invalidParamsAnswers as number) > 10 && (stats.info.closedOnFramingError as number) > 0 && (stats.info.analysisProbes as number) > 5, JSON.stringify(stats.info));
    });
  }
});
