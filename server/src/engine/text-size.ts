// The size limit (`maxFileSize`, bytes on disk) applied to text an editor hands over: an open document
// over the limit is treated as the CLI treats the file, not analysed.

/**
 * The UTF-8 size of `text` when it exceeds `limit`, else undefined. A UTF-16 code unit takes at most
 * 3 UTF-8 bytes, so short texts are settled by their length alone (counting 5 MB takes about 1 ms).
 */
export function sizeOverLimit(text: string, limit: number): number | undefined {
  if (text.length * 3 <= limit) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > limit ? bytes : undefined;
}
