/**
 * A <textarea> shows its value with line breaks normalised ("\r\n" and a lone "\r" become "\n"),
 * so its selection offsets count in that normalised text. The server counts UTF-16 code units
 * in the item's text as archived: map a textarea offset back to that text.
 */
export function toOriginalOffset(original: string, normalisedOffset: number): number {
  let n = 0;
  for (let i = 0; i < original.length; i++) {
    if (n === normalisedOffset) return i;
    // "\r\n" is one character in the textarea: step over the "\r" without counting it.
    if (original[i] === '\r' && original[i + 1] === '\n') continue;
    n++;
  }
  return original.length;
}

/** The reverse: where an archived offset falls in the textarea's text (to show a selection). */
export function toNormalisedOffset(original: string, originalOffset: number): number {
  let n = 0;
  for (let i = 0; i < Math.min(originalOffset, original.length); i++) {
    if (original[i] === '\r' && original[i + 1] === '\n') continue;
    n++;
  }
  return n;
}
