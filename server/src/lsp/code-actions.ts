// Code actions for PHI Guard diagnostics: the findings' own fixes, "Wrap with <redactor>(…)",
// "Suppress <rule> for this line", "Show documentation for <rule>", and source.fixAll.phiGuard.
// Edits are always computed from an analysis of the document's current version, never from the
// (possibly stale) diagnostic the client sends back.
import * as path from 'node:path';
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type SnippetTextEdit,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { componentCode, componentScripts, docsUrl, isComponentPath, type AnyRule as Rule, type Finding, type Fix } from '../engine';
import { Commands, DIAGNOSTIC_SOURCE, FIX_ALL_CODE_ACTION_KIND, type ShowRuleDocumentationArgs } from '../shared/protocol';
import type { AnalysisOutcome } from './analyzer';
import { languageOfPath } from '../shared/file-kinds';
import { isDiagnosticData, toDiagnostic, toLspRange } from './diagnostics';
import { toPosix, uriToPath } from './paths';
import type { RedactorChoice } from './settings';

/** Rule categories whose findings a redactor call resolves (the value reaches a sink). */
const REDACTABLE_CATEGORIES = new Set(['logging', 'storage', 'third-party']);

export interface CodeActionInput {
  params: CodeActionParams;
  doc: TextDocument;
  /** Analysis of exactly `doc.version`. */
  outcome: AnalysisOutcome;
  redactor?: RedactorChoice;
  rulesById: ReadonlyMap<string, Rule>;
  supportsDocumentChanges: boolean;
  supportsSnippets: boolean;
}

export function computeCodeActions(input: CodeActionInput): CodeAction[] {
  const { params, doc, outcome } = input;
  const only = params.context.only;
  const wants = (kind: string): boolean =>
    !only || only.length === 0 || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));

  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const seenSuppress = new Set<string>();
    const seenDocs = new Set<string>();
    for (const { finding, diagnostic } of matchFindings(params, doc, outcome)) {
      finding.fixes.forEach((fix, index) => {
        actions.push({
          title: fix.description,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: index === 0,
          edit: workspaceEdit(input, fixEdits(doc, fix)),
        });
      });
      const wrap = wrapAction(input, finding, diagnostic);
      if (wrap) actions.push(wrap);
      const line = finding.range.start.line;
      if (!seenSuppress.has(`${finding.ruleId}:${line}`) && supportsComments(doc)) {
        seenSuppress.add(`${finding.ruleId}:${line}`);
        actions.push(suppressAction(input, finding, diagnostic));
      }
      if (!seenDocs.has(finding.ruleId)) {
        seenDocs.add(finding.ruleId);
        const args: ShowRuleDocumentationArgs = { ruleId: finding.ruleId, url: docsUrl(finding.ruleId) };
        const title = `Show documentation for ${finding.ruleId}`;
        actions.push({
          title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title, command: Commands.showRuleDocumentation, arguments: [args] },
        });
      }
    }
  }
  if (wants(FIX_ALL_CODE_ACTION_KIND)) {
    const fixAll = fixAllAction(input);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/** The current findings the request is about, each with the diagnostic to attach to its actions. */
function matchFindings(params: CodeActionParams, doc: TextDocument, outcome: AnalysisOutcome): Array<{ finding: Finding; diagnostic: Diagnostic }> {
  const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE || isDiagnosticData(d.data));
  const matched: Array<{ finding: Finding; diagnostic: Diagnostic }> = [];
  const used = new Set<Finding>();
  for (const diagnostic of ours) {
    const data = isDiagnosticData(diagnostic.data) ? diagnostic.data : undefined;
    const ruleId = data?.ruleId ?? (typeof diagnostic.code === 'string' ? diagnostic.code : undefined);
    if (!ruleId) continue;
    const finding =
      (data && outcome.active.find((f) => f.ruleId === ruleId && f.fingerprint === data.fingerprint && !used.has(f))) ??
      outcome.active.find((f) => f.ruleId === ruleId && !used.has(f) && sameRange(toLspRange(f.range), diagnostic.range));
    if (!finding) continue;
    used.add(finding);
    matched.push({ finding, diagnostic });
  }
  if (ours.length === 0) {
    // Clients that send no diagnostics (or none of ours): the findings touching the requested range.
    const start = doc.offsetAt(params.range.start);
    const end = doc.offsetAt(params.range.end);
    for (const finding of outcome.active) {
      if (finding.range.startOffset <= end && finding.range.endOffset >= start) {
        matched.push({ finding, diagnostic: toDiagnostic(finding, doc.uri, outcome.root, doc.version) });
      }
    }
  }
  return matched;
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return (
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character
  );
}

function fixEdits(doc: TextDocument, fix: Fix): LspTextEdit[] {
  return fix.edits.map((edit) => ({
    range: { start: doc.positionAt(edit.range.startOffset), end: doc.positionAt(edit.range.endOffset) },
    newText: edit.text,
  }));
}

/**
 * A workspace edit for this document. With `documentChanges` the edit names the document version, so
 * a client rejects it when the document changed since.
 */
function workspaceEdit(input: CodeActionInput, edits: Array<LspTextEdit | SnippetTextEdit>): WorkspaceEdit {
  const { doc } = input;
  if (input.supportsDocumentChanges) {
    return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
  }
  const plain = edits.map((edit) =>
    'snippet' in edit ? { range: edit.range, newText: edit.snippet.value } : edit,
  );
  return { changes: { [doc.uri]: plain } };
}

function wrapAction(input: CodeActionInput, finding: Finding, diagnostic: Diagnostic): CodeAction | undefined {
  const { doc, redactor } = input;
  if (!redactor || languageOfPath(doc.uri) !== 'code') return undefined;
  const category = input.rulesById.get(finding.ruleId)?.meta.category;
  if (!category || !REDACTABLE_CATEGORIES.has(category)) return undefined;
  const start = finding.range.startOffset;
  const end = finding.range.endOffset;
  if (end <= start) return undefined;
  const text = doc.getText().slice(start, end);
  if (text.startsWith(`${redactor.name}(`)) return undefined;
  const edits: LspTextEdit[] = [
    { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, newText: `${redactor.name}(${text})` },
  ];
  const importEdit = importEditFor(doc, redactor);
  if (importEdit) edits.unshift(importEdit);
  return {
    title: `Wrap with \`${redactor.name}(…)\``,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: workspaceEdit(input, edits),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The import of the redactor, unless the document already imports or declares it. */
export function importEditFor(doc: TextDocument, redactor: RedactorChoice): LspTextEdit | undefined {
  if (!redactor.module) return undefined;
  const docPath = uriToPath(doc.uri);
  // A single-file component's code is its script blocks (the rest blanked in place): imports go there.
  const text = docPath && isComponentPath(docPath) ? componentCode(docPath, doc.getText()) : doc.getText();
  const name = escapeRegExp(redactor.name);
  const alreadyThere = new RegExp(
    `(?:\\bimport\\b[^;]*?\\b${name}\\b[^;]*?\\bfrom\\b)|(?:\\b(?:const|let|var)\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*=\\s*require\\s*\\()|(?:\\b(?:function|const|let|var|class)\\s+${name}\\b)`,
  );
  if (alreadyThere.test(text)) return undefined;
  let specifier = redactor.module;
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    const target = path.resolve(redactor.baseDir, specifier);
    if (docPath) {
      specifier = toPosix(path.relative(path.dirname(docPath), target));
      if (!specifier.startsWith('.')) specifier = `./${specifier}`;
    }
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const usesRequire = /\brequire\s*\(/.test(text) && !/^\s*import\s/m.test(text);
  const statement = usesRequire
    ? `const { ${redactor.name} } = require('${specifier}');`
    : `import { ${redactor.name} } from '${specifier}';`;
  // After the last import statement at the top, else after a shebang / directive prologue, else first.
  const importPattern = /^import\s[^;]*?from\s*['"][^'"\n]+['"];?[^\S\r\n]*$|^import\s*['"][^'"\n]+['"];?[^\S\r\n]*$/gm;
  let lastImportEnd = -1;
  for (const match of text.matchAll(importPattern)) lastImportEnd = (match.index ?? 0) + match[0].length;
  if (lastImportEnd >= 0) {
    const position = doc.positionAt(lastImportEnd);
    return { range: { start: position, end: position }, newText: `${eol}${statement}` };
  }
  if (docPath && isComponentPath(docPath)) {
    // No import yet: at the start of the component's first script block, on a line of its own.
    const block = componentScripts(doc.getText()).blocks.find((candidate) => candidate.analysed);
    if (!block) return undefined;
    const position = doc.positionAt(block.start);
    return { range: { start: position, end: position }, newText: `${eol}${statement}` };
  }
  let line = 0;
  const lines = text.split(/\r?\n/);
  while (line < lines.length && (/^#!/.test(lines[line]) || /^\s*['"]use (strict|client|server)['"];?\s*$/.test(lines[line]))) line += 1;
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${statement}${eol}` };
}

function supportsComments(doc: TextDocument): boolean {
  // Plain .json has no comments; code files and JSON with comments do.
  return languageOfPath(doc.uri) === 'code' || /\.jsonc$/i.test(doc.uri) || /(?:^|\/)(?:\.phi-guard|tsconfig[^/]*|jsconfig)\.json$/i.test(doc.uri);
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** What "Suppress for this line" writes after `--`: a placeholder that is not accepted as a reason. */
export const REASON_PLACEHOLDER = '<why this is not a PHI leak>';

function suppressAction(input: CodeActionInput, finding: Finding, diagnostic: Diagnostic): CodeAction {
  const { doc } = input;
  const line = Math.max(0, finding.range.start.line - 1);
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
  const prefix = `${indent}// phi-guard-disable-next-line ${finding.ruleId} -- `;
  const at = { start: { line, character: 0 }, end: { line, character: 0 } };
  const useSnippet = input.supportsSnippets && input.supportsDocumentChanges;
  // The placeholder is not a reason (valid-suppression reports `<…>` as one): left as it is, by Escape or
  // by a client without snippets, the comment suppresses nothing until the user writes why.
  const edit: LspTextEdit | SnippetTextEdit = useSnippet
    ? { range: at, snippet: { kind: 'snippet', value: `${escapeSnippet(prefix)}\${1:${escapeSnippet(REASON_PLACEHOLDER)}}${eol}` } }
    : { range: at, newText: `${prefix}${REASON_PLACEHOLDER}${eol}` };
  return {
    title: `Suppress ${finding.ruleId} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: workspaceEdit(input, [edit]),
  };
}

/** All first fixes of the file's findings in one edit; a fix overlapping an earlier one is left out. */
function fixAllAction(input: CodeActionInput): CodeAction | undefined {
  const { doc, outcome } = input;
  const fixes = outcome.active
    .filter((finding) => finding.fixes.length > 0 && finding.fixes[0].edits.length > 0)
    .map((finding) => finding.fixes[0])
    .sort((a, b) => minStart(a) - minStart(b));
  const taken: Array<[number, number]> = [];
  const edits: LspTextEdit[] = [];
  const seen = new Set<string>();
  for (const fix of fixes) {
    const key = JSON.stringify(fix.edits.map((e) => [e.range.startOffset, e.range.endOffset, e.text]));
    if (seen.has(key)) continue; // two findings offering the very same fix
    const spans = fix.edits.map((e): [number, number] => [e.range.startOffset, e.range.endOffset]);
    const overlaps = spans.some(([s, e]) => taken.some(([ts, te]) => s < te && ts < e || (s === e && s === ts && ts === te)));
    if (overlaps) continue;
    seen.add(key);
    taken.push(...spans);
    edits.push(...fixEdits(doc, fix));
  }
  if (edits.length === 0) return undefined;
  return {
    title: 'Fix all safe PHI Guard problems',
    kind: FIX_ALL_CODE_ACTION_KIND,
    edit: workspaceEdit(input, edits),
  };
}

function minStart(fix: Fix): number {
  return Math.min(...fix.edits.map((edit) => edit.range.startOffset));
}
