// The rule documentation inside the extension (rules/docs/<rule-id>.md ships in the VSIX): Show
// Documentation, the rule id in Problems and the hover's link open it offline instead of the web page
// the server names (the server's links stay web URLs for every other client and for SARIF).
// Pure (no vscode import) so it is unit-tested with plain mocha.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Commands, type ShowRuleDocumentationArgs } from '../../server/src/shared/protocol';

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A PHI Guard documentation link: `…/rules/docs/<rule-id>.md`. */
const DOC_LINK = /^https?:\/\/[^\s()]*\/rules\/docs\/([a-z0-9-]+)\.md$/;
const DOC_LINK_IN_MARKDOWN = /\]\((https?:\/\/[^\s()]*\/rules\/docs\/([a-z0-9-]+)\.md)\)/g;

/** The rule a documentation link is about, or undefined for any other link. */
export function ruleIdOfDocLink(url: string): string | undefined {
  return DOC_LINK.exec(url)?.[1];
}

/** The bundled doc of a rule, if the extension has it (an unknown or odd id has none). */
export function bundledDoc(extensionPath: string, ruleId: string, exists: (file: string) => boolean = fs.existsSync): string | undefined {
  if (!RULE_ID.test(ruleId)) return undefined;
  const file = path.join(extensionPath, 'rules', 'docs', `${ruleId}.md`);
  return exists(file) ? file : undefined;
}

/** A `command:` link that opens a rule's documentation (the extension's own command). */
export function showDocumentationLink(ruleId: string): string {
  const args: Partial<ShowRuleDocumentationArgs>[] = [{ ruleId }];
  return `command:${Commands.showRuleDocumentation}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** Markdown with each documentation link `](…/rules/docs/<id>.md)` turned into `](link(id))` when `link` gives one. */
export function replaceDocLinks(markdown: string, link: (ruleId: string) => string | undefined): string {
  return markdown.replace(DOC_LINK_IN_MARKDOWN, (whole, _url: string, ruleId: string) => {
    const replacement = link(ruleId);
    return replacement ? `](${replacement})` : whole;
  });
}
