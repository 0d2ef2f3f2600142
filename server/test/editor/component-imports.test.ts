// The "wrap with the redactor" quick fix adds the redactor's import: in a single-file component it goes into
// the script block (after its imports, or first in the block), never before the template.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { importEditFor } from '../../src/lsp/code-actions';

const REDACTOR = { name: 'redact', module: 'phi-redact', baseDir: '/w' };

function withImport(uri: string, text: string): string {
  const doc = TextDocument.create(uri, 'vue', 1, text);
  const edit = importEditFor(doc, REDACTOR);
  assert.ok(edit);
  return TextDocument.applyEdits(doc, [edit]);
}

describe('redactor import in a single-file component', () => {
  it('goes after the script block\'s last import', () => {
    const text = "<template>\n  <p>x</p>\n</template>\n<script setup lang=\"ts\">\nimport axios from 'axios';\nconsole.log(1);\n</script>\n";
    assert.equal(withImport('file:///w/src/A.vue', text), text.replace("import axios from 'axios';", "import axios from 'axios';\nimport { redact } from 'phi-redact';"));
  });

  it('goes first in the script block when it imports nothing, not before the template', () => {
    const text = '<template>\n  <p>x</p>\n</template>\n<script>\nexport default { created() { console.log(this.patient); } };\n</script>\n';
    assert.equal(withImport('file:///w/src/A.vue', text), text.replace('<script>\n', "<script>\nimport { redact } from 'phi-redact';\n"));
    const svelte = '<script>\n  export let patient;\n</script>\n<p>{patient.name}</p>\n';
    assert.equal(withImport('file:///w/src/B.svelte', svelte), svelte.replace('<script>\n', "<script>\nimport { redact } from 'phi-redact';\n"));
  });

  it('is not added twice', () => {
    const text = "<template><p/></template>\n<script>\nimport { redact } from 'phi-redact';\n</script>\n";
    assert.equal(importEditFor(TextDocument.create('file:///w/src/A.vue', 'vue', 1, text), REDACTOR), undefined);
  });
});
