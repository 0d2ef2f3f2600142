// Linear-time checks without a wall-clock limit: a shared CI machine makes any limit flaky, and the
// project's rule is that speed is measured in `npm run bench`, not asserted in unit tests. What a test
// can assert is the shape: eight times the input must take about eight times as long (linear), not
// sixty-four times (quadratic). Best of three runs per size, after a warm-up, with a 1 ms floor for noise.
import * as assert from 'node:assert/strict';

export function assertLinearTime(run: (size: number) => void, fullSize: number): void {
  const bestOf3 = (size: number) => {
    let best = Infinity;
    for (let attempt = 0; attempt < 3; attempt++) {
      const started = performance.now();
      run(size);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  bestOf3(Math.max(1, Math.floor(fullSize / 32))); // warm-up: compiled patterns and JIT
  const small = Math.max(bestOf3(Math.floor(fullSize / 8)), 1);
  const large = bestOf3(fullSize);
  const ratio = large / small;
  assert.ok(ratio < 24, `8x the input took ${ratio.toFixed(1)}x the time (${Math.round(small)} ms -> ${Math.round(large)} ms): not linear`);
}
