// Single-file components (.vue, .svelte): the script blocks are the code analysed, everything else is blanked
// out in place, so every offset, line and column is the component file's own.
import assert from 'node:assert/strict';
import { componentCode, componentMarkup, componentProblem, componentScripts } from '../../src/engine/components';
import { parseSource } from '../../src/engine/analyze';

/** Every character of `code` is the file's own or a space; line breaks stay where they are. */
function assertInPlace(text: string, code: string): void {
  assert.equal(code.length, text.length);
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' || text[i] === '\r') assert.equal(code[i], text[i], `line break kept at ${i}`);
    else assert.ok(code[i] === text[i] || code[i] === ' ', `character ${i} is the file's or blank`);
  }
}

describe('single-file components', () => {
  it('keeps a Vue file\'s two script blocks in place and blanks template, tags and style', () => {
    const text = [
      '<template>',
      '  <div @click="save">{{ patient.name }}</div>',
      '  <template v-if="ok"><span>x</span></template>',
      '</template>',
      '<script setup lang="ts">',
      "import { api } from './api';",
      'const a: number = 1;',
      '</script>',
      '<script>',
      "export default { name: 'Card' };",
      '</script>',
      '<style scoped>.a { color: red }</style>',
      '',
    ].join('\n');
    const { blocks, code, problem } = componentScripts(text);
    assert.equal(problem, undefined);
    assert.deepEqual(blocks.map((block) => [block.lang, block.setup, block.analysed]), [['ts', true, true], ['', false, true]]);
    assertInPlace(text, code);
    const lines = code.split('\n');
    assert.equal(lines[5], "import { api } from './api';");
    assert.equal(lines[9], "export default { name: 'Card' };");
    for (const i of [0, 1, 2, 3, 4, 7, 8, 10, 11]) assert.match(lines[i], /^ *$/, `line ${i + 1} blank`);
    // Offsets are the file's: the import's specifier is where it is in the component.
    assert.equal(code.indexOf("'./api'"), text.indexOf("'./api'"));
    // The markup is the other half: template and style, scripts blanked.
    const markup = componentMarkup('Card.vue', text)!;
    assert.match(markup, /patient\.name/);
    assert.doesNotMatch(markup, /import|export/);
  });

  it('reads the lang variants: ts, tsx, js, none; a src block and another language have nothing to analyse', () => {
    for (const [lang, body, analysed] of [
      [' lang="ts"', 'const n = <number>x;', true],
      [' lang="tsx"', 'const el = <div>{x}</div>;', true],
      [' lang="js"', 'const n = 1;', true],
      ['', 'const n = 1;', true],
      [" lang='ts' setup", 'const n: number = 1;', true],
      [' lang="coffee"', 'n = 1', false],
      [' src="./card.ts"', '', false],
      [' type="application/ld+json"', '{"a": 1}', false],
    ] as const) {
      const text = `<template><p/></template>\n<script${lang}>\n${body}\n</script>\n`;
      const { blocks, code } = componentScripts(text);
      assert.equal(blocks.length, 1, lang);
      assert.equal(blocks[0].analysed, analysed, lang);
      assert.equal(code.includes(body) && body !== '', analysed, lang);
      if (analysed) assert.equal(parseSource('/w/Card.vue', text).body.length, 1, `${lang} parses`);
    }
  });

  it('keeps CRLF line breaks and the columns of each line', () => {
    const text = '<template>\r\n  <p>{{ a }}</p>\r\n</template>\r\n<script>\r\n  console.log(a)\r\n</script>\r\n';
    const code = componentCode('Card.vue', text);
    assertInPlace(text, code);
    assert.equal(code.split('\r\n')[4], '  console.log(a)');
    assert.equal(code.split('\r\n').length, text.split('\r\n').length);
  });

  it('does not end a script at a </script> inside a string, template literal or block comment', () => {
    const text = [
      '<script>',
      "const a = '</script>';",
      'const b = `x</script>${"</script>"}`;',
      '/* </script> */',
      'const c = 1;',
      '</script>',
      '<template><p/></template>',
      '',
    ].join('\n');
    const { blocks, code, problem } = componentScripts(text);
    assert.equal(problem, undefined);
    assert.equal(blocks.length, 1);
    assert.match(code, /const c = 1;/);
    assert.equal(blocks[0].end, text.lastIndexOf('</script>'));
  });

  it('ends a script at its first </script> when the script cannot be followed (as a browser does)', () => {
    const text = '<script>\nconst re = /a\nconsole.log(1)\n</script>\n<template><p/></template>\n';
    const { blocks, problem } = componentScripts(text);
    assert.equal(problem, undefined);
    assert.equal(blocks[0].end, text.indexOf('</script>'));
  });

  it('reports an unterminated script block (with where it opened) instead of failing', () => {
    const text = '<template><p/></template>\n\n<script lang="ts">\nconst a = 1;\n';
    const problem = componentProblem('Card.vue', text);
    assert.ok(problem);
    assert.equal(problem.lineNumber, 3);
    assert.equal(problem.column, 0);
    assert.match(problem.message, /<script> block .* no closing <\/script>/);
    assert.ok(componentProblem('Card.vue', '<template>\n<p></p>\n<script>\nconst a = 1;\n</script>\n'));
  });

  it('finds Svelte scripts (instance and module) among markup, not the head\'s third-party script', () => {
    const text = [
      '<script context="module" lang="ts">',
      'export const prerender = true;',
      '</script>',
      '<script lang="ts">',
      '  export let patient;',
      '</script>',
      '<svelte:head>',
      '  <script src="https://example.org/widget.js"></script>',
      '</svelte:head>',
      '{#if patient}',
      '<div on:click={save}>{patient.name}</div>',
      '{/if}',
      '<style>div { color: red }</style>',
      '',
    ].join('\n');
    const { blocks, code } = componentScripts(text);
    assert.deepEqual(blocks.map((block) => block.analysed), [true, true]);
    assertInPlace(text, code);
    assert.equal(parseSource('/w/Card.svelte', text).body.length, 2);
  });

  it('is applied once: the code of a component is its own code again; other files are left as they are', () => {
    const text = '<template><p/></template>\n<script>\nconst a = 1;\n</script>\n';
    const code = componentCode('Card.vue', text);
    assert.equal(componentCode('Card.vue', code), code);
    assert.equal(componentCode('card.ts', text), text);
    // Template only, or nothing at all: blank code, no problem.
    assert.match(componentCode('Card.vue', '<template><p>{{ a }}</p></template>\n'), /^\s*$/);
    assert.equal(componentProblem('Card.vue', ''), undefined);
  });

  it('reads a component whose blocks follow a leading comment or text (Vue ignores what stands between blocks)', () => {
    const text = '// Generated file: do not edit\n<template lang="pug">\n  div(class="page") {{ a < b }}\n</template>\n<script>\nexport default { name: \'Page\' };\n</script>\n';
    const code = componentCode('Page.vue', text);
    assertInPlace(text, code);
    assert.match(code, /^\s*export default \{ name: 'Page' \};\s*$/);
    assert.equal(componentCode('Page.vue', code), code, 'applied once');
    assert.equal(parseSource('/w/Page.vue', text).body.length, 1);
    // With a byte order mark before the first block (an editor's text keeps it).
    assert.equal(componentScripts('\uFEFF<script setup lang="ts">\nconst a = 1;\n</script>\n').blocks.length, 1);
  });

  it('never throws on malformed markup', () => {
    for (const text of ['<', '<script', '<script lang="ts', '<template><template>', '<!-- <script>', '<<<>>>', '</script>', '<script/>', '<a b=c d="e\' <script>x</script>']) {
      assert.doesNotThrow(() => componentScripts(text), text);
    }
  });
});
