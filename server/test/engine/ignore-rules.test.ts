// The gitignore matcher: git's semantics (as the `ignore` package implemented them before), and a cost
// bounded by pattern × path size where a backtracking regular expression explodes.
import { strict as assert } from 'node:assert';
import { IgnoreMatcher } from '../../src/engine/ignore-rules';

type Case = [pattern: string | string[], path: string, isDirectory: boolean, expected: 'ignored' | 'unignored' | 'none'];

const CASES: Case[] = [
  // no slash: any depth, files and folders
  ['*.log', 'x.log', false, 'ignored'],
  ['*.log', 'a/b/x.log', false, 'ignored'],
  ['*.log', 'x.logs', false, 'none'],
  ['build', 'src/build', true, 'ignored'],
  ['Build', 'build', false, 'ignored'], // case-insensitive, like the `ignore` package's default
  // trailing slash: folders only
  ['generated/', 'generated', true, 'ignored'],
  ['generated/', 'generated', false, 'none'],
  ['generated/', 'pkg/generated', true, 'ignored'],
  // a slash at the start or in the middle anchors to the file's folder
  ['/only-here.ts', 'only-here.ts', false, 'ignored'],
  ['/only-here.ts', 'sub/only-here.ts', false, 'none'],
  ['doc/frotz', 'doc/frotz', true, 'ignored'],
  ['doc/frotz', 'a/doc/frotz', true, 'none'],
  ['src/*.gen.ts', 'src/x.gen.ts', false, 'ignored'],
  ['src/*.gen.ts', 'src/sub/x.gen.ts', false, 'none'],
  // ** as a whole segment
  ['**/foo', 'foo', false, 'ignored'],
  ['**/foo', 'a/b/foo', false, 'ignored'],
  ['a/**/b', 'a/b', false, 'ignored'],
  ['a/**/b', 'a/x/y/b', false, 'ignored'],
  ['a/**/b', 'x/a/b', false, 'none'],
  ['a/**', 'a/x', false, 'ignored'],
  ['a/**', 'a', true, 'none'],
  ['**', 'anything/at/all.ts', false, 'ignored'],
  ['a/**/**/**/b', 'a/b', true, 'ignored'],
  // ** inside a segment is a plain star
  ['a**b.ts', 'axxb.ts', false, 'ignored'],
  ['a**b.ts', 'a/b.ts', false, 'none'],
  // ?, classes, escapes
  ['x?z', 'xyz', false, 'ignored'],
  ['x?z', 'x/z', false, 'none'],
  ['[a-c]*.js', 'bee.js', false, 'ignored'],
  ['[a-c]*.js', 'dee.js', false, 'none'],
  ['[!a]b.ts', 'bb.ts', false, 'ignored'],
  ['[!a]b.ts', 'ab.ts', false, 'none'],
  ['[[:digit:]]*.ts', '1a.ts', false, 'ignored'],
  ['q[', 'q[', false, 'none'], // unterminated class: matches nothing, as in git
  ['\\#hash', '#hash', false, 'ignored'],
  ['\\!bang', '!bang', false, 'ignored'],
  ['abc\\*', 'abc*', false, 'ignored'],
  ['abc\\*', 'abcd', false, 'none'],
  ['trailing   ', 'trailing', false, 'ignored'],
  ['# comment', '# comment', false, 'none'],
  // negation: the last matching pattern wins
  [['*.ts', '!keep.ts'], 'keep.ts', false, 'unignored'],
  [['*.ts', '!keep.ts'], 'other.ts', false, 'ignored'],
  [['!a.ts', 'a.ts'], 'a.ts', false, 'ignored'],
  [['src/**', '!src/ok/'], 'src/ok', true, 'unignored'],
];

describe('IgnoreMatcher', () => {
  for (const [pattern, relPath, isDirectory, expected] of CASES) {
    it(`${JSON.stringify(pattern)} on ${relPath}${isDirectory ? '/' : ''}: ${expected}`, () => {
      const result = new IgnoreMatcher(Array.isArray(pattern) ? pattern : [pattern]).test(relPath, isDirectory);
      assert.equal(result.ignored ? 'ignored' : result.unignored ? 'unignored' : 'none', expected);
    });
  }

  it('reads a .gitignore text: BOM, CRLF, comments, and the line of the matching pattern', () => {
    const matcher = new IgnoreMatcher('\uFEFF# generated code\r\n\r\ngenerated/\r\n*.gen.ts\r\n');
    assert.equal(matcher.test('x.gen.ts', false).rule?.line, 4);
    assert.equal(matcher.test('generated', true).rule?.pattern, 'generated/');
  });

  it('ignores() also looks at parent folders (role and ignore globs for files below a folder)', () => {
    const matcher = new IgnoreMatcher(['qa/', 'legacy/**']);
    assert.equal(matcher.ignores('qa/x.ts'), true);
    assert.equal(matcher.ignores('legacy/a/b.ts'), true);
    assert.equal(matcher.ignores('src/qa.ts'), false);
  });

  it('matches patterns that make a backtracking matcher explode, against deep and long paths (regression: a .gitignore line hung the scan)', () => {
    const deep = ['a', ...Array.from({ length: 30 }, (_, i) => `l${i}`)].join('/');
    const repeated = new IgnoreMatcher(['a/**/**/**/**/**/**/**/**/**/**/**/**/b']);
    assert.equal(repeated.test(`${deep}/c.ts`, false).ignored, false);
    assert.equal(repeated.test(`${deep}/b`, true).ignored, true);
    const alternating = new IgnoreMatcher(['**/x/**/x/**/x/**/x/**/x/**/x/**/y', '*a*a*a*a*a*a*a*a*a*a*a*a*b']);
    assert.equal(alternating.test(Array.from({ length: 40 }, () => 'x').join('/'), true).ignored, false);
    assert.equal(alternating.test('a'.repeat(250), false).ignored, false);
    assert.equal(alternating.test(`${'a'.repeat(250)}b`, false).ignored, true);
  });
});
