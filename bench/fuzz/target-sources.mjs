// The `sources` target: mutated fixtures and generated code, scanned in a worker (per input) and by
// the CLI in every format (per batch of inputs, as one workspace).

import path from 'node:path';
import { fixEchoes, justificationsOf, leakOutcome, resultEchoes, silentlyDropped, skipOf } from './check.mjs';
import { judgeCliRun, runCli } from './cli.mjs';
import { indexesOf, newStats, noteTime } from './fuzz.mjs';
import { Random } from './random.mjs';
import { SOURCE_LIMITS, loadSeeds, makeSourceInput } from './sources.mjs';
import { materialize } from './workspace.mjs';

const QUICK_LIMITS = { maxDepth: 3_000, maxLongLine: 30_000, maxHugeString: 1_200_000, maxLines: 3_000 };

export function sourceInput(options, seeds, index) {
  return makeSourceInput(new Random(options.seed, 'sources', index), seeds, options.quick ? QUICK_LIMITS : SOURCE_LIMITS);
}

export async function runSources({ options, dist, pool, tempDir, recordFailure, log, repo }) {
  const stats = newStats();
  stats.info = { analysed: 0, unanalysed: 0, leaksReported: 0, leaksInPlainSkips: {}, fixEchoes: 0, cliRuns: 0 };
  const seeds = loadSeeds(repo);
  const indexes = indexesOf(options);
  const batchSize = options.quick ? 100 : 500;
  for (let start = 0; start < indexes.length && !options.stopping?.(); start += batchSize) {
    const batch = indexes.slice(start, start + batchSize);
    const verdicts = new Map();
    let next = 0;
    const lane = async () => {
      while (next < batch.length && !options.stopping?.()) {
        const index = batch[next++];
        const input = sourceInput(options, seeds, index);
        verdicts.set(index, { input, ...(await runOne(index, input)) });
      }
    };
    const runOne = async (index, input) => {
      stats.inputs++;
      const what = `${input.origin} ${input.name} [${input.mutations.join(', ') || 'no mutation'}] ${input.bytes.length} bytes`;
      const entries = [{ name: input.name, bytes: input.bytes }];
      const fail = (kind, detail) => {
        const key = { crash: 'crashes', hang: 'hangs', drop: 'drops', echo: 'echoes' }[kind] ?? 'other';
        stats[key]++;
        recordFailure({ target: 'sources', index, kind, detail, what, entries });
      };
      const run = await pool.runWithRetry({ id: index, entries }, options.budgetMs, stats);
      if (run.outcome === 'hang') return fail('hang', `no result after ${Math.round(run.ms)} ms (tried twice, the second time alone with 3× the budget): ${what}`), {};
      if (run.outcome === 'crash') return fail('crash', `${run.error}\n${what}`), {};
      const { message } = run;
      if (message.setupError) throw new Error(`could not write input ${index}: ${message.setupError}`);
      noteTime(stats, index, message.ms, what);
      if (process.env.PHI_GUARD_FUZZ_TRACE) log(`    #${index} ${Math.round(message.ms)} ms ${what}`);
      if (message.error) return fail('crash', `${message.error.name}: ${message.error.message}\n${message.error.stack}\n${what}`), {};
      const { result } = message;
      if (result.ruleErrors.length) fail('rule-error', `${result.ruleErrors.map((error) => `${error.ruleId}: ${error.message}`).join('\n')}\n${what}`);
      const dropped = silentlyDropped([input.name], result, message.progress);
      if (dropped.length) fail('drop', `neither analysed nor skipped: ${dropped.join(', ')}\n${what}`);
      const skip = skipOf(result.skipped, input.name);
      if (!skip) stats.info.analysed++;
      if (result.findings.some((finding) => finding.ruleId === 'unanalysed-file')) stats.info.unanalysed++;
      let leak;
      if (input.leak) {
        leak = leakOutcome(input, input.name, result);
        if (leak === 'reported') stats.info.leaksReported++;
        else if (leak === 'lost') fail('drop', `the appended leak is not reported and there is no unanalysed-file finding (${skip ? `skipped: ${skip.reason}, ${skip.detail}` : 'analysed'})\n${what}`);
        else stats.info.leaksInPlainSkips[leak.plain] = (stats.info.leaksInPlainSkips[leak.plain] ?? 0) + 1;
      }
      for (const echo of resultEchoes(result, message.output ?? run.output ?? '')) fail('echo', `the scan result echoes the planted ${echo.what}: …${echo.context}…\n${what}`);
      if (fixEchoes(result).length) stats.info.fixEchoes++;
      return { result, leak };
    };
    await Promise.all(Array.from({ length: options.jobs }, lane));
    await checkBatchWithCli({ options, dist, tempDir, stats, recordFailure, batch, verdicts });
    log(`  sources: ${stats.inputs}/${indexes.length} inputs, ${stats.crashes + stats.hangs + stats.drops + stats.echoes + stats.other} failures`);
  }
  return stats;
}

/**
 * The CLI on the whole batch as one workspace, in text, JSON and SARIF: documented exit codes only, no
 * stack, no echo, every file analysed or skipped, and each leak the engine reported alone reported by
 * the CLI too — so the gate (`--fail-on warning`) fails.
 */
async function checkBatchWithCli({ options, dist, tempDir, stats, recordFailure, batch: whole, verdicts }) {
  // The CLI scans what the worker scanned: a sample keeps a long campaign's time on the engine.
  const batch = whole.filter((index) => verdicts.has(index) && index % (options.quick ? 2 : 10) === 0);
  if (batch.length === 0) return;
  const dir = path.join(tempDir, 'cli-batch');
  const entries = batch.map((index) => ({ name: `i${index}/${verdicts.get(index).input.name}`, bytes: verdicts.get(index).input.bytes }));
  materialize(dir, entries);
  const timeoutMs = Math.max(options.budgetMs * 10, 120_000);
  const batchFailure = (kind, detail) => {
    const key = { crash: 'crashes', hang: 'hangs', drop: 'drops', echo: 'echoes' }[kind] ?? 'other';
    stats[key]++;
    recordFailure({ target: 'sources', index: `batch-${batch[0]}-${batch[batch.length - 1]}`, kind, detail, entries });
  };
  let json;
  let prose = [];
  for (const format of ['json', 'text', 'sarif']) {
    const run = await runCli(dist.cli, ['scan', '.', '--format', format, '--roles', 'all', '--fail-on', 'warning', '--no-color', '--verbose'], { cwd: dir, timeoutMs });
    stats.info.cliRuns++;
    if (format === 'json' && [0, 1].includes(run.code)) {
      json = JSON.parse(run.stdout);
      prose = justificationsOf(json.findings);
    }
    for (const problem of judgeCliRun(run, `phi-guard scan --format ${format} (batch of ${batch.length})`, prose)) batchFailure(problem.kind, problem.detail);
    if (run.timedOut || ![0, 1].includes(run.code)) continue;
    if (format === 'json') {
      const failing = json.findings.some((finding) => !finding.suppressed && (finding.severity === 'error' || finding.severity === 'warning'));
      if (run.code !== (failing ? 1 : 0)) batchFailure('gate', `exit ${run.code} but ${failing ? 'an' : 'no'} unsuppressed finding at warning or above`);
    }
    if (format === 'sarif') {
      try {
        JSON.parse(run.stdout);
      } catch (error) {
        batchFailure('crash', `SARIF is not JSON: ${error.message}`);
      }
    }
  }
  if (!json) return;
  const skippedFiles = new Set(json.skipped.map((skip) => skip.file));
  if (json.summary.filesScanned + skippedFiles.size !== batch.length) {
    batchFailure('drop', `${batch.length} files, ${json.summary.filesScanned} scanned + ${skippedFiles.size} skipped`);
  }
  for (const index of batch) {
    const verdict = verdicts.get(index);
    if (verdict.leak !== 'reported') continue;
    const file = `i${index}/${verdict.input.name}`;
    const reported = json.findings.some((finding) => finding.file === file && (finding.ruleId === 'unanalysed-file' || finding.ruleId === 'no-phi-in-logs'));
    if (!reported) batchFailure('drop', `the CLI does not report the leak (or unanalysed-file) in ${file}, the engine alone did`);
  }
}

