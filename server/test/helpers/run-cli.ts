// Runs the built `phi-guard` binary (dist/phi-guard.js) the way users do, capturing stdout, stderr
// and the exit code. A run that does not finish in time is killed and fails the test instead of
// hanging the suite.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const CLI_PATH = path.join(REPO_ROOT, 'dist', 'phi-guard.js');

export interface CliRun {
  stdout: string;
  stderr: string;
  /** null when the process was ended by a signal. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunCliOptions {
  cwd?: string;
  /** Added to a cleaned copy of the test's environment (colour and debug variables removed). */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  /** Written to stdin, which is then closed. */
  input?: string;
}

/** Variables that change the CLI's output; tests set them explicitly when they mean to. */
const OUTPUT_AFFECTING_ENV = ['FORCE_COLOR', 'NO_COLOR', 'PHI_GUARD_DEBUG', 'TERM'];

function childEnv(extra: RunCliOptions['env']): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of OUTPUT_AFFECTING_ENV) delete env[name];
  for (const [name, value] of Object.entries(extra ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliRun> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: childEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `phi-guard ${args.join(' ')} did not finish within ${timeoutMs} ms (killed).\nstderr so far:\n${stderr.slice(-2000)}`,
        ),
      );
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, exitCode, signal });
    });
    child.stdin.end(options.input ?? '');
  });
}

let build: Promise<void> | undefined;

/** Builds dist/ with `node esbuild.mjs` once per test process (later calls share the first build). */
export function buildCli(timeoutMs = 120_000): Promise<void> {
  build ??= new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node esbuild.mjs did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`node esbuild.mjs failed (exit ${code}):\n${output}`));
    });
  });
  return build;
}

/** A Node stack frame ("    at fn (file:1:2)"): the CLI must never print one unless debugging. */
export const STACK_FRAME = /^\s+at .+[:(]/m;
