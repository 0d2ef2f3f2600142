import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { firstInvalidUtf8Offset, formatBytes, readSourceFile, type ReadResult } from '../../src/engine/read';

const MB = 1024 * 1024;

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
  ];
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
    { name: 'invalid UTF-8', file: 'bad.ts', content: Buffer.from([0x61, 0x62, 0xc3, 0x28]), reason: 'invalid-encoding', detail: /byte offset 2$/ },
    { name: 'a UTF-8 encoded surrogate', file: 'surrogate.ts', content: Buffer.from([0x61, 0xed, 0xa0, 0x80]), reason: 'invalid-encoding', detail: /byte offset 1$/ },
    { name: 'a truncated sequence at the end', file: 'cut.ts', content: Buffer.from([0x61, 0x62, 0x63, 0xe2, 0x82]), reason: 'invalid-encoding', detail: /byte offset 3$/ },
    { name: 'a file over the limit', file: 'big.js', content: 'x'.repeat(2048), maxFileSize: 1024, reason: 'too-large', detail: /^2\.0 KB exceeds the 1\.0 KB limit$/ },
    { name: 'a .min.js name', file: 'vendor.min.js', content: 'var a=1;', reason: 'minified', detail: /name/ },
    { name: 'a .bundle.js name', file: 'app.bundle.js', content: 'var a=1;', reason: 'minified', detail: /name/ },
    { name: 'a big file with a very long line', file: 'one-line.js', content: `var a=[${'1,'.repeat(15_000)}1];`, reason: 'minified', detail: /line is 30,010 characters long/ },
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
