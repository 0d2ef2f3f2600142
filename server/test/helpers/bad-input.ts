// Builds a workspace full of inputs that must not crash or hang a scan, plus one real leak so tests can
// check that the scan goes on past them. Generated at test time: the big and special files are never
// committed.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SkipReason } from '../../src/core/types';

export interface BadInputWorkspace {
  /** Workspace-relative POSIX path (folders end with "/") → the reason it must be skipped for. */
  expectedSkips: Record<string, SkipReason>;
  /** Files that must be analysed (and must not crash anything). */
  expectedScanned: string[];
  /** Files that are either analysed or skipped with this reason (deep nesting may hit parser limits). */
  mayBeSkipped: Record<string, SkipReason>;
  /** Files that are analysed with a note on how they were read. */
  expectedNotes: Record<string, RegExp>;
  /** Files the scan reports as `unanalysed-file` findings (source it could not analyse). */
  expectedUnanalysed: string[];
  /** The file holding the real PHI leak (`console.log(patient.ssn)`), line 2. */
  leakFile: string;
  /** Notes on what could not be produced here (e.g. running as root), for test output. */
  notes: string[];
}

const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082', 'hex');

export function writeBadInputWorkspace(dir: string): BadInputWorkspace {
  const workspace: BadInputWorkspace = { expectedSkips: {}, expectedScanned: [], mayBeSkipped: {}, expectedNotes: {}, expectedUnanalysed: [], leakFile: 'src/leak.ts', notes: [] };
  const write = (relPath: string, content: string | Buffer) => {
    const absPath = path.join(dir, relPath);
    fs.mkdirSync(path.dirname(absPath), { recursive: true });
    fs.writeFileSync(absPath, content);
    return absPath;
  };

  write('src/leak.ts', 'export function show(patient: { ssn: string }) {\n  console.log(patient.ssn);\n}\n');
  workspace.expectedScanned.push('src/leak.ts');

  write('src/syntax-error.ts', 'export const broken = ;\nfunction (patient {\n');
  workspace.expectedSkips['src/syntax-error.ts'] = 'parse-error';
  workspace.expectedUnanalysed.push('src/syntax-error.ts');

  write('src/image.ts', PNG_BYTES);
  workspace.expectedSkips['src/image.ts'] = 'binary';

  // 0xC3 0x28: a two-byte lead followed by a non-continuation byte, at byte offset 11: read as Windows-1252.
  write('src/invalid-utf8.ts', Buffer.concat([Buffer.from('const a = "'), Buffer.from([0xc3, 0x28]), Buffer.from('";\n')]));
  workspace.expectedScanned.push('src/invalid-utf8.ts');
  workspace.expectedNotes['src/invalid-utf8.ts'] = /byte offset 11\): read as Windows-1252/;

  write('src/huge.js', generateLargeScript(5 * 1024 * 1024));
  workspace.expectedSkips['src/huge.js'] = 'too-large';
  workspace.expectedUnanalysed.push('src/huge.js');

  write('src/vendor.min.js', 'var a=1;');
  workspace.expectedSkips['src/vendor.min.js'] = 'minified';

  write('src/empty.ts', '');
  workspace.expectedScanned.push('src/empty.ts');

  write('src/deep-parens.ts', deepParentheses(10_000));
  workspace.mayBeSkipped['src/deep-parens.ts'] = 'analysis-error';
  // A long sum is regrouped and analysed (issue 10: it used to overflow the stack and be skipped).
  write('src/deep-sum.ts', longSum(10_000));
  workspace.expectedScanned.push('src/deep-sum.ts');

  write('config/settings.jsonc', '{\n  // where the API lives\n  "apiUrl": "https://api.example.test", /* inline */\n  "retries": [1, 2, 3,],\n}\n');
  workspace.expectedScanned.push('config/settings.jsonc');

  write('node_modules/some-package/index.js', 'console.log(patient.ssn);\n');
  workspace.expectedSkips['node_modules/'] = 'ignored';

  fs.mkdirSync(path.join(dir, 'loop'), { recursive: true });
  write('loop/inside.ts', 'export const inside = 1;\n');
  workspace.expectedScanned.push('loop/inside.ts');
  if (trySymlink('.', path.join(dir, 'loop', 'link'), 'dir')) {
    workspace.expectedSkips['loop/link/'] = 'symlink-loop';
  } else {
    workspace.notes.push('symbolic links are not available: no symlink loop');
  }

  if (trySymlink('does-not-exist.ts', path.join(dir, 'src', 'dangling.ts'), 'file')) {
    workspace.expectedSkips['src/dangling.ts'] = 'unreadable';
  }

  if (tryMkfifo(path.join(dir, 'src', 'pipe.ts'))) {
    // Opening a FIFO for reading blocks until a writer comes: it must be skipped, never read.
    workspace.expectedSkips['src/pipe.ts'] = 'unreadable';
  } else {
    workspace.notes.push('mkfifo is not available: no FIFO');
  }

  const lockedPath = write('src/locked.ts', 'export const locked = 1;\n');
  fs.chmodSync(lockedPath, 0o000);
  if (canRead(lockedPath)) {
    // Root (as in CI containers) reads through mode 000, so the file is scanned like any other.
    workspace.expectedScanned.push('src/locked.ts');
    workspace.notes.push('running with permission to read mode-000 files (root): src/locked.ts is expected to be scanned');
  } else {
    workspace.expectedSkips['src/locked.ts'] = 'unreadable';
  }

  return workspace;
}

/** Restores permissions changed by writeBadInputWorkspace so the folder can be removed. */
export function removeBadInputWorkspace(dir: string): void {
  const locked = path.join(dir, 'src', 'locked.ts');
  if (fs.existsSync(locked)) fs.chmodSync(locked, 0o644);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Ordinary short lines, so the file is skipped for its size and nothing else. */
function generateLargeScript(minBytes: number): string {
  const line = 'export const value = "lorem ipsum dolor sit amet, consectetur adipiscing elit";\n';
  return line.repeat(Math.ceil(minBytes / line.length));
}

/** `const x = ((((…1…))));` split over lines of 100 characters so it does not look minified. */
function deepParentheses(depth: number): string {
  return `export const x = ${wrapLines('('.repeat(depth))}1${wrapLines(')'.repeat(depth))};\n`;
}

function longSum(terms: number): string {
  const sum = Array.from({ length: terms }, () => 'a').join(' + ');
  return `const a = 1;\nexport const total =\n${wrapLines(sum)};\n`;
}

function wrapLines(text: string): string {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 100) lines.push(text.slice(i, i + 100));
  return lines.join('\n');
}

function trySymlink(target: string, linkPath: string, type: 'dir' | 'file'): boolean {
  try {
    fs.symlinkSync(target, linkPath, type);
    return true;
  } catch {
    return false;
  }
}

function tryMkfifo(fifoPath: string): boolean {
  if (process.platform === 'win32') return false;
  try {
    execFileSync('mkfifo', [fifoPath], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function canRead(filePath: string): boolean {
  try {
    fs.readFileSync(filePath);
    return true;
  } catch {
    return false;
  }
}
