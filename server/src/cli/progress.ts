// "Scanning 120/2000 files…" on stderr, rewritten in place with `\r`. Only on an interactive terminal:
// in CI logs and pipes a carriage-return animation is noise.
import type { OutputStream } from './io';

const MIN_INTERVAL_MS = 100;

export interface Progress {
  update(done: number, total: number): void;
  /** Erases the line so the report starts on a clean line. */
  clear(): void;
}

const NO_PROGRESS: Progress = { update: () => undefined, clear: () => undefined };

export function createProgress(stream: OutputStream, enabled: boolean, now: () => number = Date.now): Progress {
  if (!enabled || stream.isTTY !== true) return NO_PROGRESS;
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total) {
      const time = now();
      // Throttled: redrawing for every file would cost more than scanning small ones.
      if (done < total && time - lastDraw < MIN_INTERVAL_MS) return;
      lastDraw = time;
      drawn = true;
      stream.write(`\r\u001b[2KScanning ${done}/${total} files…`);
    },
    clear() {
      if (drawn) stream.write('\r\u001b[2K');
      drawn = false;
    },
  };
}
