// A worker thread that runs the built engine (dist/engine.js) on one input at a time. The harness
// terminates it when an input runs over its time budget (a hang) and starts a new one.
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { materialize } from './workspace.mjs';

const require = createRequire(import.meta.url);
const engine = require(workerData.engine);

parentPort.on('message', async (job) => {
  const dir = path.join(workerData.dir, 'ws');
  try {
    materialize(dir, job.entries.map((entry) => (entry.bytes ? { ...entry, bytes: Buffer.from(entry.bytes) } : entry)));
  } catch (error) {
    parentPort.postMessage({ id: job.id, setupError: String(error?.stack ?? error) });
    return;
  }
  const progress = [];
  const started = performance.now();
  try {
    const result = await engine.scanWorkspace({
      paths: [dir],
      cwd: dir,
      reportRoles: 'all',
      configFile: job.configFile === undefined ? undefined : path.resolve(dir, job.configFile),
      onProgress: ({ file }) => progress.push(file),
    });
    const ms = performance.now() - started;
    parentPort.postMessage({
      id: job.id,
      ms,
      result: {
        filesScanned: result.filesScanned,
        findings: result.findings.map((finding) => ({
          ruleId: finding.ruleId,
          severity: finding.severity,
          message: finding.message,
          file: finding.file,
          line: finding.range.start.line,
          column: finding.range.start.column,
          related: finding.related.map((related) => related.message),
          suppressed: finding.suppressed ? { justification: finding.suppressed.justification, until: finding.suppressed.until } : undefined,
          fixes: finding.fixes.map((fix) => ({ description: fix.description, edits: fix.edits.map((edit) => edit.text) })),
          fingerprint: finding.fingerprint,
        })),
        skipped: result.skipped,
        notes: result.notes ?? [],
        ruleErrors: result.ruleErrors,
        configFiles: result.configFiles,
      },
      progress,
    });
  } catch (error) {
    parentPort.postMessage({
      id: job.id,
      ms: performance.now() - started,
      error: {
        name: error?.name,
        message: String(error?.message ?? error),
        isConfigError: error instanceof engine.ConfigError,
        stack: String(error?.stack ?? ''),
      },
      progress,
    });
  }
});
