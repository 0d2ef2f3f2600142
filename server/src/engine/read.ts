// Reads one workspace file into text, or says why it cannot be scanned. Never throws for anything a
// workspace can contain: every failure becomes a SkipReason with a human detail, so one bad file never
// stops a scan. The detail never contains file content (it could be PHI).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SkipReason } from '../core/types';

export type ReadResult =
  | { ok: true; text: string; bytes: number }
  | { ok: false; reason: SkipReason; detail: string };

/** Bytes looked at for NUL bytes: what git and most editors use to call a file binary. */
const BINARY_SNIFF_BYTES = 8 * 1024;
/** Below this size a long line is more likely a big literal than a bundle. */
const MINIFIED_MIN_BYTES = 20 * 1024;
const MINIFIED_AVERAGE_LINE = 500;
const MINIFIED_LONGEST_LINE = 5_000;
const MINIFIED_NAME = /\.(?:min\.(?:js|mjs|cjs)|bundle\.js)$/i;
const CODE_EXTENSION = /\.(?:[cm]?[jt]sx?|[cm]ts)$/i;

// Opening a FIFO for reading blocks until a writer appears; O_NONBLOCK makes open() return at once
// (it has no effect on regular files). Windows has no such flag and no FIFOs in the file system.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export function readSourceFile(absPath: string, maxFileSize: number): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(absPath, OPEN_FLAGS);
  } catch (error) {
    return unreadable(error);
  }
  try {
    return readOpenFile(fd, absPath, maxFileSize);
  } catch (error) {
    return unreadable(error);
  } finally {
    fs.closeSync(fd);
  }
}

function readOpenFile(fd: number, absPath: string, maxFileSize: number): ReadResult {
  // fstat on the open descriptor, not stat on the path: the file cannot be swapped in between.
  const stats = fs.fstatSync(fd);
  if (!stats.isFile()) {
    return { ok: false, reason: 'unreadable', detail: `not a regular file (${describeFileType(stats)})` };
  }
  if (stats.size > maxFileSize) {
    return { ok: false, reason: 'too-large', detail: sizeLimitDetail(stats.size, maxFileSize) };
  }
  if (MINIFIED_NAME.test(path.basename(absPath))) {
    return { ok: false, reason: 'minified', detail: 'file name marks a minified bundle' };
  }
  const bytes = readAll(fd, stats.size, maxFileSize);
  if (bytes === undefined) {
    // The file grew past the limit while we read it (a log being written, for instance).
    return { ok: false, reason: 'too-large', detail: `grew beyond the ${formatBytes(maxFileSize)} limit while being read` };
  }
  const decoded = decode(bytes);
  if (!decoded.ok) return decoded;
  if (CODE_EXTENSION.test(absPath)) {
    const minified = minifiedDetail(decoded.text, bytes.length);
    if (minified) return { ok: false, reason: 'minified', detail: minified };
  }
  return { ok: true, text: decoded.text, bytes: bytes.length };
}

/** Reads until EOF rather than trusting the stat size; returns undefined once past the limit. */
function readAll(fd: number, expectedSize: number, maxFileSize: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunkSize = Math.max(64 * 1024, Math.min(expectedSize + 1, maxFileSize + 1));
  for (;;) {
    const chunk = Buffer.allocUnsafe(chunkSize);
    const count = fs.readSync(fd, chunk, 0, chunkSize, null);
    if (count === 0) break;
    total += count;
    if (total > maxFileSize) return undefined;
    chunks.push(chunk.subarray(0, count));
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

type DecodeResult = { ok: true; text: string } | { ok: false; reason: SkipReason; detail: string };

function decode(bytes: Buffer): DecodeResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be');
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return { ok: false, reason: 'binary', detail: 'contains NUL bytes in its first 8 KB' };
  }
  try {
    // The default (ignoreBOM: false) drops a leading UTF-8 BOM, which the parsers must not see.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    return { ok: false, reason: 'invalid-encoding', detail: `invalid UTF-8 at byte offset ${offset}` };
  }
}

function decodeUtf16(bytes: Buffer, encoding: 'utf-16le' | 'utf-16be'): DecodeResult {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'invalid-encoding', detail: `invalid ${encoding.toUpperCase()} (odd length or unpaired surrogate)` };
  }
  // In UTF-16 a NUL byte is normal; a NUL character is what marks binary content.
  if (text.slice(0, BINARY_SNIFF_BYTES / 2).includes('\0')) {
    return { ok: false, reason: 'binary', detail: 'contains NUL characters in its first 8 KB' };
  }
  return { ok: true, text };
}

/**
 * Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629:
 * no overlong forms, no surrogates, nothing above U+10FFFF). Returns bytes.length if all is valid.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

/** Length of the well-formed multi-byte sequence at `i`, or 0 if it is malformed. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i];
  let length: number;
  let min = 0x80;
  let max = 0xbf;
  // The allowed range of the second byte excludes overlongs (E0, F0), surrogates (ED) and > U+10FFFF (F4).
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) min = 0xa0;
    if (lead === 0xed) max = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) min = 0x90;
    if (lead === 0xf4) max = 0x8f;
  } else return 0;
  if (i + length > bytes.length) return 0;
  const second = bytes[i + 1];
  if (second < min || second > max) return 0;
  for (let k = 2; k < length; k++) {
    const continuation = bytes[i + k];
    if (continuation < 0x80 || continuation > 0xbf) return 0;
  }
  return length;
}

/** Why a big code file looks generated, or undefined. Scanning bundles only repeats their sources' findings. */
function minifiedDetail(text: string, byteLength: number): string | undefined {
  if (byteLength <= MINIFIED_MIN_BYTES) return undefined;
  let lines = 1;
  let lineStart = 0;
  let longest = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    longest = Math.max(longest, i - lineStart);
    lineStart = i + 1;
    lines++;
  }
  longest = Math.max(longest, text.length - lineStart);
  if (longest > MINIFIED_LONGEST_LINE) {
    return `looks minified: a line is ${longest.toLocaleString('en-US')} characters long`;
  }
  const average = text.length / lines;
  if (average > MINIFIED_AVERAGE_LINE) {
    return `looks minified: lines average ${Math.round(average)} characters`;
  }
  return undefined;
}

function unreadable(error: unknown): ReadResult {
  return { ok: false, reason: 'unreadable', detail: describeFsError(error) };
}

/** "EACCES: permission denied" without the path (the caller already knows which file it is). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (!code) return message;
  // Node's messages read "EACCES: permission denied, open '/abs/path'": keep the part before the comma.
  const withoutPath = message.replace(/,\s*\w+\s+'.*$/s, '');
  return withoutPath.startsWith(code) ? withoutPath : `${code}: ${withoutPath}`;
}

export function describeFileType(stats: fs.Stats): string {
  if (stats.isFIFO()) return 'FIFO';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice()) return 'character device';
  if (stats.isBlockDevice()) return 'block device';
  if (stats.isDirectory()) return 'directory';
  return 'special file';
}

/** "5.0 MB exceeds the 1.0 MB limit". */
export function sizeLimitDetail(size: number, limit: number): string {
  return `${formatBytes(size)} exceeds the ${formatBytes(limit)} limit`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
