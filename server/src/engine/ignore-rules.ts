// Gitignore-style patterns (.gitignore files, the config's `ignore` and `roles` globs) compiled to a
// matcher whose cost is bounded by the sizes of the pattern and the path: no regular expression, no
// backtracking across `/`. Path segments are matched by a table over (pattern segment, path segment), so
// `a/**/**/**/…/b` against a folder 30 levels deep costs a few hundred steps, where a backtracking
// regular expression (the `ignore` package) takes minutes. One segment is matched against one name with
// the classic greedy wildcard algorithm (at most pattern length × name length steps).
//
// Semantics follow gitignore(5) and git's wildmatch: blank lines and `#` comments are skipped, `\`
// escapes, a leading `!` negates, a trailing `/` matches folders only, a pattern with a `/` before its
// end is anchored to its base folder (otherwise it matches at any depth), `**` as a whole segment
// matches zero or more folders (a trailing `/**` one or more), `*` and `?` never match `/`, `[a-z]`,
// `[!a-z]` and `[[:alpha:]]` classes; the last matching pattern wins. Matching ignores case, as the
// `ignore` package this replaces did by default.

export interface IgnoreRule {
  /** The pattern as written (for "matches `x` in .gitignore"). */
  pattern: string;
  negated: boolean;
  dirOnly: boolean;
  /** 1-based line in its file, when it came from one. */
  line?: number;
  segments: PatternSegment[];
  /** Unterminated class or similar: git's wildmatch gives up, the pattern matches nothing. */
  neverMatches: boolean;
}

type Token = { kind: 'char'; char: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negated: boolean; test: (char: string) => boolean };

type PatternSegment = { kind: 'globstar' } | { kind: 'glob'; tokens: Token[] };

export interface IgnoreResult {
  ignored: boolean;
  /** A negated pattern (`!keep.ts`) matched last: the path is re-included. */
  unignored: boolean;
  rule?: IgnoreRule;
}

const POSIX_CLASSES: Record<string, (char: string) => boolean> = {
  alnum: (c) => /^[0-9A-Za-z]$/.test(c),
  alpha: (c) => /^[A-Za-z]$/.test(c),
  blank: (c) => c === ' ' || c === '\t',
  cntrl: (c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f,
  digit: (c) => c >= '0' && c <= '9',
  graph: (c) => c > ' ' && c <= '~',
  lower: (c) => c >= 'a' && c <= 'z',
  print: (c) => c >= ' ' && c <= '~',
  punct: (c) => /^[!-/:-@[-`{-~]$/.test(c),
  space: (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r',
  upper: (c) => c >= 'A' && c <= 'Z',
  xdigit: (c) => /^[0-9A-Fa-f]$/.test(c),
};

export class IgnoreMatcher {
  readonly rules: readonly IgnoreRule[];

  constructor(patterns: readonly string[] | string) {
    const lines = typeof patterns === 'string' ? patterns.replace(/^\uFEFF/, '').split(/\r?\n/) : patterns;
    const rules: IgnoreRule[] = [];
    lines.forEach((line, index) => {
      const rule = compileRule(line, typeof patterns === 'string' ? index + 1 : undefined);
      if (rule) rules.push(rule);
    });
    this.rules = rules;
  }

  /**
   * The verdict of the last pattern that matches `relPath` itself (POSIX, relative to the patterns'
   * folder, no leading `./`). Parent folders are not looked at: a walk that checks each folder before
   * entering it does not need that.
   */
  test(relPath: string, isDirectory: boolean): IgnoreResult {
    const segments = relPath.split('/').filter((segment) => segment !== '');
    if (segments.length === 0) return { ignored: false, unignored: false };
    const folded = segments.map((segment) => segment.toLowerCase());
    for (let i = this.rules.length - 1; i >= 0; i--) {
      const rule = this.rules[i];
      if (rule.neverMatches || (rule.dirOnly && !isDirectory)) continue;
      if (matchSegments(rule.segments, segments, folded)) {
        return rule.negated ? { ignored: false, unignored: true, rule } : { ignored: true, unignored: false, rule };
      }
    }
    return { ignored: false, unignored: false };
  }

  /** Whether the path or one of its parent folders is ignored (a file under an ignored folder is). */
  ignores(relPath: string, isDirectory = false): boolean {
    const segments = relPath.split('/').filter((segment) => segment !== '');
    for (let length = 1; length <= segments.length; length++) {
      const last = length === segments.length;
      if (this.test(segments.slice(0, length).join('/'), last ? isDirectory : true).ignored) return true;
    }
    return false;
  }
}

/** One line of a .gitignore (or one glob) as a rule, or undefined for blank lines and comments. */
function compileRule(line: string, lineNumber: number | undefined): IgnoreRule | undefined {
  let text = trimTrailingSpaces(line);
  if (text === '' || text.startsWith('#')) return undefined;
  const pattern = text;
  let negated = false;
  if (text.startsWith('!')) {
    negated = true;
    text = text.slice(1);
  }
  let dirOnly = false;
  if (text.endsWith('/') && !text.endsWith('\\/')) {
    dirOnly = true;
    text = text.replace(/\/+$/, '');
  }
  if (text === '') return undefined;
  const rawSegments = splitSegments(text);
  // "If there is a separator at the beginning or middle of the pattern, it is relative to the
  // .gitignore's folder; otherwise it may match at any level below it."
  const anchored = rawSegments.length > 1;
  if (rawSegments[0] === '') rawSegments.shift();
  const segments: PatternSegment[] = anchored ? [] : [{ kind: 'globstar' }];
  let neverMatches = false;
  for (const raw of rawSegments) {
    if (raw === '') continue; // `a//b` is `a/b`
    if (/^\*{2,}$/.test(raw)) {
      // Consecutive `**` segments mean what one does: collapsing them keeps the table small.
      if (segments[segments.length - 1]?.kind !== 'globstar') segments.push({ kind: 'globstar' });
      continue;
    }
    const tokens = tokenize(raw);
    if (!tokens) {
      neverMatches = true;
      break;
    }
    segments.push({ kind: 'glob', tokens });
  }
  if (segments.length === 0) return undefined;
  return { pattern, negated, dirOnly, line: lineNumber, segments, neverMatches };
}

/** Trailing spaces are ignored unless escaped with a backslash. */
function trimTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) {
    let backslashes = 0;
    for (let i = end - 2; i >= 0 && line[i] === '\\'; i--) backslashes++;
    if (backslashes % 2 === 1) break;
    end--;
  }
  return line.slice(0, end);
}

/** Splits on `/` that are not escaped and not inside a bracket expression. */
function splitSegments(text: string): string[] {
  const segments: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length) {
      current += char + text[i + 1];
      i++;
    } else if (char === '/') {
      segments.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  segments.push(current);
  return segments;
}

/** A segment's tokens, or undefined when an unterminated bracket makes the pattern match nothing. */
function tokenize(segment: string): Token[] | undefined {
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i];
    if (char === '\\') {
      i++;
      // A trailing lone backslash matches nothing in git.
      if (i >= segment.length) return undefined;
      tokens.push({ kind: 'char', char: segment[i].toLowerCase() });
    } else if (char === '*') {
      // Several stars inside a segment are one star.
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (char === '?') {
      tokens.push({ kind: 'any' });
    } else if (char === '[') {
      const scanned = scanBracket(segment, i);
      if (!scanned) return undefined;
      tokens.push(scanned.token);
      i = scanned.end;
    } else {
      tokens.push({ kind: 'char', char: char.toLowerCase() });
    }
  }
  return tokens;
}

/** A bracket expression starting at `segment[start] === '['`, as git's wildmatch reads it. */
function scanBracket(segment: string, start: number): { token: Token; end: number } | undefined {
  let i = start + 1;
  let negated = false;
  if (segment[i] === '!' || segment[i] === '^') {
    negated = true;
    i++;
  }
  const members: Array<(char: string) => boolean> = [];
  let previous: string | undefined;
  let first = true;
  for (; i < segment.length; i++) {
    let char = segment[i];
    if (char === ']' && !first) {
      const test = (c: string) => members.some((member) => member(c) || member(c.toUpperCase()) || member(c.toLowerCase()));
      return { token: { kind: 'class', negated, test }, end: i };
    }
    first = false;
    if (char === '[' && segment[i + 1] === ':') {
      const close = segment.indexOf(':]', i + 2);
      if (close !== -1) {
        const test = POSIX_CLASSES[segment.slice(i + 2, close)];
        if (!test) return undefined;
        members.push(test);
        previous = undefined;
        i = close + 1;
        continue;
      }
    }
    if (char === '\\') {
      i++;
      if (i >= segment.length) return undefined;
      char = segment[i];
    } else if (char === '-' && previous !== undefined && i + 1 < segment.length && segment[i + 1] !== ']') {
      let to = segment[++i];
      if (to === '\\') to = segment[++i] ?? '';
      const from = previous;
      if (from <= to) members.push((c) => c >= from && c <= to);
      previous = undefined;
      continue;
    }
    const literal = char;
    members.push((c) => c === literal);
    previous = literal;
  }
  return undefined;
}

/**
 * Whether pattern segments match path segments. A table over (pattern index, path index): a glob
 * consumes one path segment, `**` zero or more (one or more when it ends the pattern). Cost:
 * pattern segments × path segments × one segment match.
 */
function matchSegments(pattern: readonly PatternSegment[], original: readonly string[], folded: readonly string[]): boolean {
  const m = pattern.length;
  const n = folded.length;
  let reach = new Uint8Array(n + 1);
  reach[0] = 1;
  for (let i = 0; i < m; i++) {
    const segment = pattern[i];
    const next = new Uint8Array(n + 1);
    let any = false;
    if (segment.kind === 'globstar') {
      const trailing = i === m - 1;
      if (trailing) {
        // "A trailing `/**` matches everything inside": at least one more segment.
        for (let j = 0; j < n; j++) if (reach[j]) return true;
        return false;
      }
      let carried = false;
      for (let j = 0; j <= n; j++) {
        carried = carried || reach[j] === 1;
        if (carried) {
          next[j] = 1;
          any = true;
        }
      }
    } else {
      for (let j = 0; j < n; j++) {
        if (reach[j] && matchGlob(segment.tokens, folded[j], original[j])) {
          next[j + 1] = 1;
          any = true;
        }
      }
    }
    if (!any) return false;
    reach = next;
  }
  return reach[n] === 1;
}

/** One glob segment against one name (folded to lower case; the original for classes). */
function matchGlob(tokens: readonly Token[], name: string, original: string): boolean {
  let t = 0;
  let s = 0;
  let starToken = -1;
  let starName = 0;
  while (s < name.length) {
    const token = tokens[t];
    if (token && token.kind !== 'star' && matchOne(token, name[s], original[s])) {
      t++;
      s++;
    } else if (token?.kind === 'star') {
      starToken = t++;
      starName = s;
    } else if (starToken !== -1) {
      t = starToken + 1;
      s = ++starName;
    } else {
      return false;
    }
  }
  while (tokens[t]?.kind === 'star') t++;
  return t === tokens.length;
}

function matchOne(token: Token, char: string, original: string): boolean {
  switch (token.kind) {
    case 'char':
      return token.char === char;
    case 'any':
      return true;
    case 'class':
      return token.test(original) !== token.negated;
    default:
      return false;
  }
}
