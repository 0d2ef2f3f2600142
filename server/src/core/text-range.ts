// Offset ↔ line/column conversion shared by the engine, the rules' reports and suppressions.
// Lines are split on \n, \r\n and lone \r, like editors and the TypeScript scanner do, so that
// positions agree with what VS Code shows.
import type { Position, Range } from './types';

/** 0-based offsets at which each line starts; the first entry is always 0. */
export function computeLineStarts(text: string): number[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      lineStarts.push(i + 1);
    } else if (code === 0x0a) {
      lineStarts.push(i + 1);
    }
  }
  return lineStarts;
}

/** 1-based line and column (UTF-16 code units) of a 0-based offset; offsets are clamped to ≥ 0. */
export function positionAt(lineStarts: readonly number[], offset: number): Position {
  const target = Math.max(0, offset);
  let low = 0;
  let high = lineStarts.length - 1;
  // Binary search for the last line starting at or before the offset: files can have 100k lines.
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle] <= target) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: target - lineStarts[low] + 1 };
}

export function rangeFromOffsets(lineStarts: readonly number[], start: number, end: number): Range {
  const safeEnd = Math.max(start, end);
  return {
    start: positionAt(lineStarts, start),
    end: positionAt(lineStarts, safeEnd),
    startOffset: start,
    endOffset: safeEnd,
  };
}
