// The CLI's view of the process, passed in so `run()` can be driven by tests without spawning.

export interface OutputStream {
  write(text: string, callback?: (error?: Error | null) => void): boolean;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Aborted on Ctrl-C so a long scan stops cleanly. */
  signal?: AbortSignal;
}

/** Resolves once the text has been handed to the OS, so exiting afterwards loses nothing. */
export function writeAll(stream: OutputStream, text: string): Promise<void> {
  if (text === '') return Promise.resolve();
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * Colour on a terminal only. `--no-color` always wins; FORCE_COLOR forces it (FORCE_COLOR=0 turns it
 * off, as in chalk and Node); NO_COLOR (https://no-color.org, any non-empty value) and TERM=dumb disable it.
 */
export function shouldUseColor(noColorFlag: boolean, env: CliIo['env'], stream: OutputStream): boolean {
  if (noColorFlag) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}
