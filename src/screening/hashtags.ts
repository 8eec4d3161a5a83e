/**
 * Step 0 of normalisation (normalize.ts): the words of a CamelCase hashtag read apart, so
 * "#WomenSuck" is seen as "#women suck" by every rule and the classifier.
 */
import { MapBuilder } from './offset-map.ts';

/** A hashtag written in CamelCase ("#SendThemBack", "#BanISISNow"): its words' boundaries. */
const CAMEL_HASHTAG = /#[A-Za-z0-9]*[a-z0-9][A-Z][A-Za-z0-9]*|#[A-Z]{2,}[a-z][A-Za-z0-9]*/g;
const BOUNDARY = /(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/g;

/**
 * Step 0 (ASCII texts, whose folding keeps every offset): a space between the words of a CamelCase
 * hashtag, so "#WomenSuck" is read as "#women suck" by every rule and the classifier. The space
 * maps to the letter after it.
 */
export function splitHashtags(source: string, text: string, map: Int32Array | null): { text: string; map: Int32Array | null } {
  if (map !== null || !source.includes('#')) return { text, map };
  let out: MapBuilder | null = null;
  const parts: string[] = [];
  let last = 0;
  CAMEL_HASHTAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CAMEL_HASHTAG.exec(source)) !== null) {
    BOUNDARY.lastIndex = 0;
    let b: RegExpExecArray | null;
    while ((b = BOUNDARY.exec(m[0])) !== null) {
      if (b.index === 0) { BOUNDARY.lastIndex++; continue; }
      const at = m.index + b.index;
      out ??= new MapBuilder(text.length + 16);
      parts.push(text.slice(last, at), ' ');
      out.run(last, at);
      out.push(at);
      last = at;
      BOUNDARY.lastIndex++;
    }
  }
  if (out === null) return { text, map };
  parts.push(text.slice(last));
  out.run(last, text.length);
  return { text: parts.join(''), map: out.a.subarray(0, out.n) };
}
