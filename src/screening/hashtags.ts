/**
 * Step 0 of normalisation (normalize.ts): the words of a CamelCase hashtag read apart, so
 * "#WomenSuck" is seen as "#women suck" by every rule and the classifier.
 */
import { MapBuilder } from './offset-map.ts';

/** A hashtag written in CamelCase ("#SendThemBack", "#BanISISNow"): its words' boundaries. */
const CAMEL_HASHTAG = /#[A-Za-z0-9]*[a-z0-9][A-Z][A-Za-z0-9]*|#[A-Z]{2,}[a-z][A-Za-z0-9]*/g;
const BOUNDARY = /(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/g;

/**
 * Step 0 for ASCII texts (their folding only lower-cases, so `text` has the source's offsets): a
 * space between the words of a CamelCase hashtag, so "#WomenSuck" is read as "#women suck" by
 * every rule and the classifier. The space maps to the letter after it; `map` is null when no
 * hashtag was split.
 */
export function splitHashtags(source: string, text: string): { text: string; map: Int32Array | null } {
  if (!source.includes('#')) return { text, map: null };
  let out: MapBuilder | null = null;
  const parts: string[] = [];
  let last = 0;
  CAMEL_HASHTAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CAMEL_HASHTAG.exec(source)) !== null) {
    // the boundaries are empty matches after a letter or digit, never at the '#': step past each
    BOUNDARY.lastIndex = 0;
    let b: RegExpExecArray | null;
    while ((b = BOUNDARY.exec(m[0])) !== null) {
      const at = m.index + b.index;
      out ??= new MapBuilder(text.length + 16);
      parts.push(text.slice(last, at), ' ');
      out.run(last, at);
      out.push(at);
      last = at;
      BOUNDARY.lastIndex++;
    }
  }
  if (out === null) return { text, map: null };
  parts.push(text.slice(last));
  out.run(last, text.length);
  return { text: parts.join(''), map: out.a.subarray(0, out.n) };
}
