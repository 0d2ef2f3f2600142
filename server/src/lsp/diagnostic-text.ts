// Messages in the editor: a finding's message says what is wrong and then what to do, in 80–230
// characters; the Problems panel cuts such a line off. A diagnostic shows the headline (its first
// sentence: what is wrong, at most about HEADLINE_MAX characters) and the hover shows the whole message
// with the advice. The CLI, JSON and SARIF keep the whole message; rules write one message and know
// nothing of this.

export const HEADLINE_MAX = 100;

export interface SplitMessage {
  /** What is wrong: the first sentence, or its part before a colon or semicolon when that is too long. */
  headline: string;
  /** The rest of the message (the why and the advice), or '' when the headline is all of it. */
  advice: string;
  /** The headline before it was cut short (with "…") for a long sentence without a place to split. */
  uncut?: string;
}

/** Offsets of `separator` in `text` outside `code spans` (a `.` in `req.body` ends no sentence). */
function boundaries(text: string, test: (text: string, index: number) => boolean): number[] {
  const found: number[] = [];
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '`') inCode = !inCode;
    else if (!inCode && test(text, i)) found.push(i);
  }
  return found;
}

/** `. ` before a capital, a digit or a code span: the end of a sentence (not "e.g. foo" or "v1.2"). */
const endsSentence = (text: string, i: number) => text[i] === '.' && text[i + 1] === ' ' && /[A-Z0-9`(]/.test(text[i + 2] ?? '');
/** `: ` or `; ` : what is wrong before it, why after it. */
const endsClause = (text: string, i: number) => (text[i] === ':' || text[i] === ';') && text[i + 1] === ' ';

/** Cuts at the last word boundary that fits, with an ellipsis; the whole text stays in the advice. */
function shorten(text: string): string {
  const cut = text.lastIndexOf(' ', HEADLINE_MAX - 1);
  return `${text.slice(0, cut > HEADLINE_MAX / 2 ? cut : HEADLINE_MAX - 1).replace(/[\s,;:]+$/, '')}…`;
}

/** How a cross-file finding reaches its sink, appended to the message by the engine: part of what is wrong. */
const THROUGH = /\s\(through `[^`]*`, [^()]*\)$/;

export function splitMessage(message: string): SplitMessage {
  const through = THROUGH.exec(message.trim());
  if (through) {
    const split = splitMessage(message.trim().slice(0, through.index));
    const withThrough = (text: string) => `${text.replace(/\.$/, '')}${through[0]}.`;
    return { ...split, headline: withThrough(split.headline), uncut: split.uncut && withThrough(split.uncut) };
  }
  const text = message.trim();
  const sentenceEnd = boundaries(text, endsSentence)[0];
  const first = sentenceEnd === undefined ? text : text.slice(0, sentenceEnd + 1);
  if (first.length <= HEADLINE_MAX) return { headline: first, advice: text.slice(first.length).trim() };
  const clause = boundaries(first, endsClause).filter((i) => i + 1 <= HEADLINE_MAX).pop();
  if (clause !== undefined && clause >= 20) {
    return { headline: `${first.slice(0, clause)}.`, advice: text.slice(clause + 1).trim().replace(/^./, (c) => c.toUpperCase()) };
  }
  // One long sentence without a place to split: the headline is cut, the hover has it whole.
  return { headline: shorten(first), advice: text.slice(first.length).trim(), uncut: first };
}

/** The hover of a finding: the rule, the whole message (headline in bold, then the advice), the doc link. */
export function hoverMarkdown(ruleId: string, message: string, docHref: string): string {
  const split = splitMessage(message);
  const headline = split.uncut ?? split.headline;
  const body = split.advice ? `**${escapeMarkdown(headline)}**\n\n${escapeMarkdown(split.advice)}` : `**${escapeMarkdown(headline)}**`;
  return `${body}\n\nPHI Guard \`${ruleId}\` · [documentation](${docHref})`;
}

/** Markdown would read `*`, `_`, `<`… in messages as markup, except inside code spans, which are meant as code. */
function escapeMarkdown(text: string): string {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/([\\*_[\]<>#|])/g, '\\$1')))
    .join('`');
}
