import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { firstInvalidUtf8Offset, formatBytes, readSourceFile, type ReadResult } from '../../src/engine/read';

const MB = 1024 * 1024;
/** 25 KB of ordinary code with one 5,001-character line in the middle. */
const LONG_LINE_FILE = [
  ...Array.from({ length: 300 }, (_, i) => `export const value${i} = ${i};`),
  `export const banner = "${'x'.repeat(5_001 - 26)}";`,
  ...Array.from({ length: 300 }, (_, i) => `export const other${i} = ${i};`),
].join('\n');

describe('readSourceFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-read-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function readBytes(name: string, content: string | Buffer, maxFileSize = MB): ReadResult {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return readSourceFile(file, maxFileSize);
  }

  const okCases: Array<{ name: string; file: string; content: Buffer | string; text: string }> = [
    { name: 'plain UTF-8', file: 'a.ts', content: 'const a = "é";\n', text: 'const a = "é";\n' },
    { name: 'empty file', file: 'empty.ts', content: '', text: '' },
    { name: 'UTF-8 BOM is stripped', file: 'bom.ts', content: Buffer.from('\ufeffconst a = 1;', 'utf8'), text: 'const a = 1;' },
    { name: 'UTF-16 LE with BOM', file: 'le.ts', content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('let x = 1;', 'utf16le')]), text: 'let x = 1;' },
    { name: 'UTF-16 BE with BOM', file: 'be.ts', content: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('let x = 1;', 'utf16le').swap16()]), text: 'let x = 1;' },
    { name: 'a long line in a small file is not minified', file: 'small.js', content: `const s = "${'x'.repeat(10_000)}";`, text: `const s = "${'x'.repeat(10_000)}";` },
    { name: 'one-line JSON data is not treated as minified code', file: 'data.json', content: `[${'1,'.repeat(20_000)}1]`, text: `[${'1,'.repeat(20_000)}1]` },
    // Regression (issue 10): one 5,001-character line made a whole 20 KB+ file "minified" and skipped.
    { name: 'ordinary code with one very long line is not minified', file: 'long-line.ts', content: LONG_LINE_FILE, text: LONG_LINE_FILE },
    // Regression (issue 10): a NUL byte made any file "binary" and skipped.
    { name: 'text with a stray NUL byte', file: 'nul.ts', content: 'const a = "x\0y";\nconsole.log(patient.ssn);\n', text: 'const a = "x\0y";\nconsole.log(patient.ssn);\n' },
    { name: 'a UTF-8 BOM followed by a second one (kept: it is content)', file: 'bom2.ts', content: Buffer.from('\ufeff\ufeffx', 'utf8'), text: '\ufeffx' },
  ];

  it('reads invalid UTF-8 as Windows-1252 with a note, instead of skipping it (regression: `// café` in Latin-1)', () => {
    const result = readBytes('latin1.ts', Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from('\nconsole.log(patient.ssn); // \x93quoted\x94\n', 'latin1')]));
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.text, '// café\nconsole.log(patient.ssn); // \u201cquoted\u201d\n');
    assert.equal(result.note, 'not valid UTF-8 (byte offset 6): read as Windows-1252');
  });

  it('reads UTF-16 without a byte order mark from its pattern of NUL bytes, with a note', () => {
    const le = readBytes('le-nobom.ts', Buffer.from('console.log(patient.ssn);\n', 'utf16le'));
    assert.ok(le.ok);
    assert.equal(le.text, 'console.log(patient.ssn);\n');
    assert.match(le.note ?? '', /read as UTF-16LE/);
    const be = readBytes('be-nobom.ts', Buffer.from('console.log(patient.ssn);\n', 'utf16le').swap16());
    assert.ok(be.ok);
    assert.equal(be.text, 'console.log(patient.ssn);\n');
  });

  it('has no note for plain UTF-8', () => {
    const result = readBytes('plain.ts', 'const a = "é";\n');
    assert.ok(result.ok);
    assert.equal(result.note, undefined);
  });
  for (const testCase of okCases) {
    it(`reads ${testCase.name}`, () => {
      const result = readBytes(testCase.file, testCase.content);
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.text, testCase.text);
      assert.equal(result.bytes, Buffer.byteLength(testCase.content));
    });
  }

  const skipCases: Array<{ name: string; file: string; content: Buffer | string; maxFileSize?: number; reason: string; detail: RegExp }> = [
    { name: 'PNG bytes', file: 'image.ts', content: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), reason: 'binary', detail: /NUL/ },
    { name: 'random bytes (an MPEG transport stream named .ts)', file: 'video.ts', content: pseudoRandomBytes(4096), reason: 'binary', detail: /of its first 8 KB are/ },
    { name: 'mostly NUL bytes', file: 'zeros.js', content: Buffer.concat([Buffer.from('let a = 1;\n'), Buffer.alloc(200)]), reason: 'binary', detail: /NUL/ },
    { name: 'UTF-16 with an unpaired surrogate', file: 'broken16.ts', content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0x61, 0x00, 0x00, 0xd8, 0x61, 0x00])]), reason: 'invalid-encoding', detail: /UTF-16LE/ },
    { name: 'a file over the limit', file: 'big.js', content: 'x'.repeat(2048), maxFileSize: 1024, reason: 'too-large', detail: /^2\.0 KB exceeds the 1\.0 KB limit$/ },
    { name: 'a .min.js name', file: 'vendor.min.js', content: 'var a=1;', reason: 'minified', detail: /name/ },
    { name: 'a .bundle.js name', file: 'app.bundle.js', content: 'var a=1;', reason: 'minified', detail: /name/ },
    { name: 'a big file on one line', file: 'one-line.js', content: `var a=[${'1,'.repeat(15_000)}1];`, reason: 'minified', detail: /lines average 30,010 characters/ },
    { name: 'a big file nearly all in very long lines', file: 'header.js', content: `${'// license\n'.repeat(400)}${`var a=[${'1,'.repeat(10_000)}1];\n`.repeat(3)}`, reason: 'minified', detail: /9\d% of it is in lines over 1,000 characters/ },
    { name: 'a big file with long lines on average', file: 'wide.js', content: `${'y'.repeat(900)};\n`.repeat(40), reason: 'minified', detail: /average/ },
  ];
  for (const testCase of skipCases) {
    it(`skips ${testCase.name} as ${testCase.reason}`, () => {
      const result = readBytes(testCase.file, testCase.content, testCase.maxFileSize);
      assert.ok(!result.ok);
      assert.equal(result.reason, testCase.reason);
      assert.match(result.detail, testCase.detail);
    });
  }

  it('reports a missing file as unreadable with the OS error code, without the path', () => {
    const result = readSourceFile(path.join(dir, 'missing.ts'), MB);
    assert.ok(!result.ok);
    assert.equal(result.reason, 'unreadable');
    assert.match(result.detail, /^ENOENT/);
    assert.ok(!result.detail.includes(dir));
  });

  it('reports a directory as unreadable', () => {
    fs.mkdirSync(path.join(dir, 'folder.ts'));
    const result = readSourceFile(path.join(dir, 'folder.ts'), MB);
    assert.ok(!result.ok);
    assert.equal(result.reason, 'unreadable');
  });

  it('skips a FIFO without blocking on it', function () {
    if (process.platform === 'win32') this.skip();
    const fifo = path.join(dir, 'pipe.ts');
    execFileSync('mkfifo', [fifo]);
    const result = readSourceFile(fifo, MB);
    assert.deepEqual(result, { ok: false, reason: 'unreadable', detail: 'not a regular file (FIFO)' });
  });
});

/** Deterministic bytes that look like compressed or video data. */
function pseudoRandomBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 0x2545f491;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

describe('firstInvalidUtf8Offset', () => {
  const cases: Array<[string, number[], number]> = [
    ['valid ASCII', [0x61, 0x62], 2],
    ['valid 4-byte emoji', [0xf0, 0x9f, 0x98, 0x80], 4],
    ['overlong 2-byte form', [0xc0, 0xaf], 0],
    ['overlong 3-byte form', [0x20, 0xe0, 0x80, 0xaf], 1],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['lone continuation byte', [0x61, 0x80], 1],
  ];
  for (const [name, bytes, expected] of cases) {
    it(name, () => assert.equal(firstInvalidUtf8Offset(Uint8Array.from(bytes)), expected));
  }
});

describe('formatBytes', () => {
  it('formats bytes, KB and MB', () => {
    assert.equal(formatBytes(12), '12 bytes');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(5 * MB), '5.0 MB');
  });
});
