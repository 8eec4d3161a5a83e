/** An unpaired UTF-16 surrogate: not text, and PostgreSQL refuses it (as it does NUL). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** True when both databases can store the string as it is. */
export const isStorableText = (s: string): boolean => !s.includes('\u0000') && !LONE_SURROGATE.test(s);

/** The string with NUL and unpaired surrogates replaced by U+FFFD, so both databases can store it. */
export const storableText = (s: string): string => s.replaceAll('\u0000', '\uFFFD').replace(LONE_SURROGATES, '\uFFFD');
