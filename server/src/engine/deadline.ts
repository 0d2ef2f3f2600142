// A time limit for one file's analysis (the editor's: a document must not hold up the others). The
// walk asks a check as it goes; past the deadline it throws DeadlineExceeded, which rule isolation
// hands on, and the analysis ends without a result. The CLI sets no deadline.

/** Thrown out of `Project.analyze()` when the analysis ran past its deadline; the partial result is dropped. */
export class DeadlineExceeded extends Error {
  override name = 'DeadlineExceeded';

  constructor() {
    super('the analysis ran past its deadline');
  }
}

/** Checks between clock reads: `performance.now()` is cheap, but the walk calls the check for most nodes. */
const CALLS_PER_CLOCK_READ = 64;

/** Throws DeadlineExceeded when `performance.now()` is past `deadline` (undefined: no deadline). */
export function throwIfPastDeadline(deadline: number | undefined): void {
  if (deadline !== undefined && performance.now() > deadline) throw new DeadlineExceeded();
}

/** The same check for the walk: it reads the clock every CALLS_PER_CLOCK_READ calls. */
export function deadlineCheck(deadline: number | undefined): () => void {
  if (deadline === undefined) return () => undefined;
  let calls = 0;
  return () => {
    if (++calls % CALLS_PER_CLOCK_READ === 0) throwIfPastDeadline(deadline);
  };
}
