// A pool of scan workers. Each job runs under a time budget: over it, the worker is terminated (the
// input is a hang) and replaced; a worker that dies (out of memory, an uncaught error) is a crash.
import path from 'node:path';
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';

const WORKER = new URL('./scan-worker.mjs', import.meta.url);

export class ScanPool {
  constructor({ size, engine, tempDir, memoryMb = 3072 }) {
    this.engine = engine;
    this.tempDir = tempDir;
    this.memoryMb = memoryMb;
    this.idle = [];
    this.waiting = [];
    this.count = 0;
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  spawn() {
    const dir = path.join(this.tempDir, `worker-${this.count++}`);
    fs.mkdirSync(dir, { recursive: true });
    const worker = new Worker(WORKER, {
      workerData: { engine: this.engine, dir },
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    worker.unref();
    // A worker's own console output is the engine's: collected, and searched for echoes.
    worker.output = [];
    worker.stdout.on('data', (chunk) => worker.output.push(String(chunk)));
    worker.stderr.on('data', (chunk) => worker.output.push(String(chunk)));
    return worker;
  }

  async acquire() {
    if (this.idle.length) return this.idle.pop();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(worker) {
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }

  /** Resolves to { outcome: 'done', message } | { outcome: 'hang', ms } | { outcome: 'crash', error }. */
  async run(job, budgetMs) {
    const worker = await this.acquire();
    worker.output.length = 0;
    const started = performance.now();
    const outcome = await new Promise((resolve) => {
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (message) => {
        if (message.id !== job.id) return;
        cleanup();
        resolve({ outcome: 'done', message, output: worker.output.join('') });
      };
      const onError = (error) => {
        cleanup();
        resolve({ outcome: 'crash', error: `${error?.code ?? ''} ${error?.stack ?? error}`.trim() });
      };
      const onExit = (code) => {
        cleanup();
        resolve({ outcome: 'crash', error: `worker exited with code ${code}` });
      };
      const timer = setTimeout(() => {
        cleanup();
        resolve({ outcome: 'hang', ms: performance.now() - started });
      }, budgetMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job);
    });
    if (outcome.outcome === 'done') {
      this.release(worker);
    } else {
      await worker.terminate().catch(() => undefined);
      this.release(this.spawn());
    }
    return outcome;
  }

  /**
   * Like run, but an input over its budget is tried once more, alone in a fresh worker, with three
   * times the budget: on a loaded machine a slow input is not a hang. Only a second miss is a hang;
   * a pass the second time is reported as `retried` (the time it took is kept).
   */
  async runWithRetry(job, budgetMs, stats) {
    const first = await this.run(job, budgetMs);
    if (first.outcome !== 'hang') return first;
    const second = await this.run(job, budgetMs * 3);
    if (second.outcome === 'done') {
      stats.info.slowButFinished = (stats.info.slowButFinished ?? 0) + 1;
      second.retried = true;
    }
    return second;
  }

  async close() {
    await Promise.all(this.idle.map((worker) => worker.terminate()));
  }
}
