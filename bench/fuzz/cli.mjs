// Runs the built CLI (dist/phi-guard.js) under a time budget and judges what it printed.
import { spawn } from 'node:child_process';
import { echoesIn } from './planted.mjs';

/** A Node stack frame: the CLI prints none unless PHI_GUARD_DEBUG is set. */
const STACK_FRAME = /^\s+at .+[:(]/m;
/** The documented exit codes of `phi-guard scan`. */
export const DOCUMENTED_EXITS = new Set([0, 1, 2]);

export function runCli(cli, args, { cwd, timeoutMs }) {
  return new Promise((resolve) => {
    const env = { ...process.env };
    for (const name of ['FORCE_COLOR', 'NO_COLOR', 'PHI_GUARD_DEBUG', 'TERM']) delete env[name];
    const started = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, ms: performance.now() - started, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

/**
 * Problems with one CLI run: [{ kind, detail }] — a hang, a crash (a signal, an undocumented exit code,
 * "internal error", a stack trace), an echo of a planted value.
 */
export function judgeCliRun(run, what, prose = []) {
  const problems = [];
  if (run.timedOut) problems.push({ kind: 'hang', detail: `${what}: no result after ${Math.round(run.ms)} ms` });
  else if (run.signal || !DOCUMENTED_EXITS.has(run.code)) problems.push({ kind: 'crash', detail: `${what}: exit ${run.code} signal ${run.signal}\n${run.stderr.slice(-2000)}` });
  if (/internal error/i.test(run.stderr)) problems.push({ kind: 'crash', detail: `${what}: ${run.stderr.slice(0, 2000)}` });
  if (STACK_FRAME.test(run.stderr) || STACK_FRAME.test(run.stdout)) problems.push({ kind: 'crash', detail: `${what}: prints a stack trace\n${run.stderr.slice(0, 2000)}` });
  for (const echo of echoesIn(run.stdout + run.stderr, prose)) problems.push({ kind: 'echo', detail: `${what}: echoes the planted ${echo.what}: …${echo.context}…` });
  return problems;
}
