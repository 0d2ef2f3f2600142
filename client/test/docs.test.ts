// Rule documentation in VS Code comes from the extension itself (rules/docs ships in the VSIX), not the web.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { bundledDoc, replaceDocLinks, ruleIdOfDocLink, showDocumentationLink } from '../src/docs';

const ROOT = path.resolve(__dirname, '../..');
const WEB = 'https://github.com/phi-guard/phi-guard/blob/main/rules/docs/no-phi-in-logs.md';

describe('bundled rule documentation', () => {
  it('recognises the documentation links the server sends, and nothing else', () => {
    assert.equal(ruleIdOfDocLink(WEB), 'no-phi-in-logs');
    assert.equal(ruleIdOfDocLink('https://example.org/other.md'), undefined);
    assert.equal(ruleIdOfDocLink('https://github.com/phi-guard/phi-guard/blob/main/rules/docs/../../x.md'), undefined);
  });

  it('finds each rule doc in the extension folder; odd ids never leave it', () => {
    assert.equal(bundledDoc(ROOT, 'no-phi-in-logs'), path.join(ROOT, 'rules', 'docs', 'no-phi-in-logs.md'));
    assert.equal(bundledDoc(ROOT, 'no-such-rule'), undefined);
    assert.equal(bundledDoc(ROOT, '../package', () => true), undefined);
  });

  it('turns the hover\'s documentation link into the command that opens the bundled doc in the preview', () => {
    const link = showDocumentationLink('no-phi-in-logs');
    assert.equal(link, `command:phiGuard.showRuleDocumentation?${encodeURIComponent('[{"ruleId":"no-phi-in-logs"}]')}`);
    const markdown = `**Logging SSN.**\n\nPHI Guard \`no-phi-in-logs\` · [documentation](${WEB})`;
    assert.equal(replaceDocLinks(markdown, showDocumentationLink), `**Logging SSN.**\n\nPHI Guard \`no-phi-in-logs\` · [documentation](${link})`);
    assert.equal(replaceDocLinks(markdown, () => undefined), markdown, 'a rule without a bundled doc keeps its web link');
  });
});
