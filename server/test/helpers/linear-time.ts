// Linear-time checks without a wall-clock limit: a shared CI machine makes any limit flaky, and the
// project's rule is that speed is measured in `npm run bench`, not asserted in unit tests. What a test
// can assert is the shape: eight times the input must take about eight times as long (linear), not
// sixty-four times (quadratic).
//
// Noise is the enemy of a ratio: a 2 ms run next to one GC pause or a busy neighbour reads as 40x. So each
// size is run repeatedly until at least MIN_SAMPLE_MS have passed (the time per run is the mean), the best
// of three such samples counts, and a ratio over the limit is measured again up to twice: a quadratic
// loop fails every attempt, a load spike does not last through three.
import * as assert from 'node:assert/strict';

const MIN_SAMPLE_MS = 40;
const LIMIT = 24;

function timePerRun(run: (size: number) => void, size: number): number {
  let best = Infinity;
  for (let sample = 0; sample < 3; sample++) {
    let runs = 0;
    const started = performance.now();
    let elapsed = 0;
    do {
      run(size);
      runs++;
      elapsed = performance.now() - started;
    } while (elapsed < MIN_SAMPLE_MS);
    best = Math.min(best, elapsed / runs);
  }
  return best;
}

export function assertLinearTime(run: (size: number) => void, fullSize: number): void {
  run(Math.max(1, Math.floor(fullSize / 32))); // warm-up: compiled patterns and JIT
  let small = 0;
  let large = 0;
  let ratio = Infinity;
  for (let attempt = 0; attempt < 3 && ratio >= LIMIT; attempt++) {
    small = Math.max(timePerRun(run, Math.floor(fullSize / 8)), 0.05);
    large = timePerRun(run, fullSize);
    ratio = large / small;
  }
  assert.ok(ratio < LIMIT, `8x the input took ${ratio.toFixed(1)}x the time (${small.toFixed(1)} ms -> ${large.toFixed(1)} ms), three times over: not linear`);
}
