// Reads one workspace file into text, or says why it cannot be scanned. Never throws for anything a
// workspace can contain: every failure becomes a SkipReason with a human detail, so one bad file never
// stops a scan. The detail never contains file content (it could be PHI).
//
// It decodes what can be decoded rather than skip it: a skipped file is a leak the CI gate cannot see.
// UTF-8 (a BOM is dropped), UTF-16 with a BOM or, without one, by its pattern of NUL bytes, and any other
// bytes as Windows-1252 (a superset of Latin-1) with a note saying so. A stray NUL or control byte does
// not make a file binary; a sniff in which they (and invalid UTF-8) are more than a tenth does. A file
// is minified when the file as a whole looks it (long lines on average, or nearly all of it in very long
// lines), not because one line is long.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SkipReason } from '../core/types';

export type ReadResult =
  | {
      ok: true;
      text: string;
      bytes: number;
      /** How the bytes were read when not plain UTF-8, e.g. "not valid UTF-8 (byte offset 11): read as Windows-1252". */
      note?: string;
    }
  | { ok: false; reason: SkipReason; detail: string };

/** Bytes looked at to tell text from binary (what git and most editors look at). */
const BINARY_SNIFF_BYTES = 8 * 1024;
/** Share of the sniff that must be NUL, control bytes or invalid UTF-8 for a file to be binary. */
const BINARY_SHARE = 0.1;
/** Below this size a long line is more likely a big literal than a bundle. */
const MINIFIED_MIN_BYTES = 20 * 1024;
const MINIFIED_AVERAGE_LINE = 500;
/** A line this long is a bundle's line; when such lines hold nearly all of a file, it is a bundle. */
const MINIFIED_LONG_LINE = 1_000;
const MINIFIED_LONG_LINE_SHARE = 0.9;
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
  return decoded.note === undefined ? { ok: true, text: decoded.text, bytes: bytes.length } : { ok: true, text: decoded.text, bytes: bytes.length, note: decoded.note };
}

/** The UTF-8 text of a regular file no larger than `maxBytes`, or undefined (missing, not a file, too large, unreadable). */
export function readSmallTextFile(absPath: string, maxBytes: number): string | undefined {
  try {
    const stats = fs.statSync(absPath);
    if (!stats.isFile() || stats.size > maxBytes) return undefined;
    return fs.readFileSync(absPath, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The start of a file as text (for its role: a generated-file banner, the imports), when the whole of
 * it is not read (over the size limit). Best effort: '' when it cannot be read or decoded.
 */
export function readHead(absPath: string, maxBytes = 4096): string {
  let fd: number | undefined;
  try {
    fd = fs.openSync(absPath, OPEN_FLAGS);
    if (!fs.fstatSync(fd).isFile()) return '';
    const buffer = Buffer.alloc(maxBytes);
    const count = fs.readSync(fd, buffer, 0, maxBytes, 0);
    const decoded = decode(buffer.subarray(0, count));
    return decoded.ok ? decoded.text : '';
  } catch {
    return '';
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
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

type DecodeResult = { ok: true; text: string; note?: string } | { ok: false; reason: SkipReason; detail: string };

export function decode(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3));
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  const utf16 = bomlessUtf16(bytes);
  if (utf16) {
    const decoded = decodeUtf16(bytes, utf16);
    return decoded.ok ? { ...decoded, note: `no byte order mark: read as ${utf16.toUpperCase()} from its pattern of NUL bytes` } : decoded;
  }
  const binary = binaryDetail(bytes);
  if (binary) return { ok: false, reason: 'binary', detail: binary };
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): DecodeResult {
  try {
    // ignoreBOM: a second BOM after the first is content, not something to drop silently.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    // Not UTF-8: a file saved as Latin-1 or Windows-1252 (`// café` in ISO-8859-1). Every byte is a
    // character there, so the file is analysed rather than skipped; the note says how it was read.
    const offset = firstInvalidUtf8Offset(bytes);
    return { ok: true, text: decodeWindows1252(bytes), note: `not valid UTF-8 (byte offset ${offset}): read as Windows-1252` };
  }
}

/** Windows-1252's characters for 0x80–0x9F (Latin-1 has C1 controls there); undefined bytes stay controls. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/**
 * Windows-1252, by table: Node's TextDecoder('windows-1252') decodes Latin-1 (0x93 stays U+0093 instead
 * of a quotation mark), which is close but not what an editor on Windows saved.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (char) => String.fromCharCode(WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]));
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodeResult {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'invalid-encoding', detail: `invalid ${encoding.toUpperCase()} (odd length or unpaired surrogate)` };
  }
  // In UTF-16 a NUL byte is normal; NUL characters are what mark binary content.
  const sniff = text.slice(0, BINARY_SNIFF_BYTES / 2);
  const nuls = sniff.split('\0').length - 1;
  if (sniff.length > 0 && nuls / sniff.length > BINARY_SHARE) {
    return { ok: false, reason: 'binary', detail: `${percent(nuls / sniff.length)} of its first 8 KB are NUL characters` };
  }
  return { ok: true, text };
}

/**
 * UTF-16 without a byte order mark, told by its NUL bytes: ASCII text in UTF-16 LE has a NUL at every
 * odd offset and almost none at even ones (BE the reverse). Binary files have NULs on both sides.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length, BINARY_SNIFF_BYTES) & ~1;
  if (length < 4) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = length / 2;
  if (oddNuls >= pairs * 0.4 && evenNuls <= pairs * 0.02) return 'utf-16le';
  if (evenNuls >= pairs * 0.4 && oddNuls <= pairs * 0.02) return 'utf-16be';
  return undefined;
}

/**
 * Why the first 8 KB look binary, or undefined: NUL bytes, control bytes other than whitespace and
 * escape, and bytes that are not valid UTF-8 make up more than a tenth of them. A source file with a
 * stray NUL or a Latin-1 byte is text; an image, an archive or an MPEG transport stream (`.ts`!) is not.
 */
function binaryDetail(bytes: Uint8Array): string | undefined {
  const length = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  if (length === 0) return undefined;
  let nuls = 0;
  let suspicious = 0;
  for (let i = 0; i < length; ) {
    const byte = bytes[i];
    if (byte < 0x80) {
      if (byte === 0) nuls++;
      if (byte === 0 || (byte < 0x20 && !TEXT_CONTROLS.has(byte)) || byte === 0x7f) suspicious++;
      i++;
      continue;
    }
    const sequence = utf8SequenceLength(bytes, i);
    if (sequence === 0) suspicious++;
    i += sequence || 1;
  }
  if (suspicious / length <= BINARY_SHARE) return undefined;
  return nuls > 0
    ? `contains NUL bytes: ${percent(suspicious / length)} of its first 8 KB are NUL, control or invalid bytes`
    : `${percent(suspicious / length)} of its first 8 KB are control or invalid bytes`;
}

/** Tab, line feed, vertical tab, form feed, carriage return, escape: control bytes text files contain. */
const TEXT_CONTROLS: ReadonlySet<number> = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b]);

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
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

/**
 * Why a big code file looks generated, or undefined. Scanning bundles only repeats their sources'
 * findings. The whole file decides: one long line (a data URL, a long literal) in ordinary code does not.
 */
export function minifiedDetail(text: string, byteLength: number): string | undefined {
  if (byteLength <= MINIFIED_MIN_BYTES || text.length === 0) return undefined;
  let lines = 0;
  let inLongLines = 0;
  let lineStart = 0;
  for (let end = text.indexOf('\n'); ; end = text.indexOf('\n', lineStart)) {
    const lineEnd = end === -1 ? text.length : end;
    lines++;
    if (lineEnd - lineStart > MINIFIED_LONG_LINE) inLongLines += lineEnd - lineStart;
    if (end === -1) break;
    lineStart = end + 1;
  }
  const average = text.length / lines;
  if (average > MINIFIED_AVERAGE_LINE) {
    return `looks minified: lines average ${Math.round(average).toLocaleString('en-US')} characters`;
  }
  const share = inLongLines / text.length;
  if (share > MINIFIED_LONG_LINE_SHARE) {
    return `looks minified: ${percent(share)} of it is in lines over ${MINIFIED_LONG_LINE.toLocaleString('en-US')} characters`;
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
