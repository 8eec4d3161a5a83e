/**
 * Reads the elements of the first JSON array in a stream of text, one at a time, without holding
 * the whole file: platform downloads can be hundreds of megabytes. Each element comes with its
 * position and the line it starts on, so a malformed record is reported where it is and the
 * records around it are still taken.
 */

export interface JsonElement {
  /** 1-based position in the array. */
  index: number;
  /** 1-based line of the file the element starts on. */
  line: number;
  /** Parsed value, or the parser's complaint. */
  value?: unknown;
  error?: string;
}

export interface ArrayOpening {
  /** The text before the array's `[` (e.g. `window.YTD.tweets.part0 = ` or `{"comments_v2": `), at most 300 characters. */
  prefix: string;
}

/** The stream ended inside the array, or no array was found. */
export class TruncatedJson extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly index: number | null,
  ) {
    super(message);
    this.name = 'TruncatedJson';
  }
}

const OPEN = new Set(['{', '[']);
const CLOSE = new Set(['}', ']']);

/**
 * Yields the opening (once) and then every element of the first top-level JSON array. An element
 * that does not parse is yielded with `error`; a stream that ends before the array closes throws
 * TruncatedJson naming where (the elements before it have been yielded already).
 */
export async function* jsonArrayElements(chunks: AsyncIterable<string | Buffer>): AsyncGenerator<ArrayOpening | JsonElement> {
  let phase: 'seek' | 'between' | 'element' | 'done' = 'seek';
  let prefix = '';
  let inString = false;
  let escaped = false;
  let depth = 0;
  let line = 1;
  let index = 0;
  let startLine = 0;
  let parts: string[] = [];

  const finish = (): JsonElement => {
    const text = parts.join('').trim();
    parts = [];
    try {
      return { index, line: startLine, value: JSON.parse(text) as unknown };
    } catch (e) {
      return { index, line: startLine, error: e instanceof Error ? e.message : String(e) };
    }
  };

  for await (const raw of chunks) {
    const chunk = typeof raw === 'string' ? raw : raw.toString('utf8');
    let from = 0; // start of the current element's text within this chunk
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c === '\n') line++;
      if (phase === 'done') break;
      if (phase === 'seek' && prefix.length < 4096 && !(c === '[' && !inString)) prefix += c;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
        continue;
      }
      if (phase === 'seek') {
        if (c === '"') inString = true;
        else if (c === '[') {
          yield { prefix: prefix.slice(-300) };
          phase = 'between';
          continue;
        }
        continue;
      }
      if (phase === 'between') {
        if (c === ']') {
          phase = 'done';
          continue;
        }
        if (c === ',' || c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
        phase = 'element';
        index++;
        startLine = line;
        from = i;
        depth = 0;
      }
      // phase === 'element'
      if (c === '"') inString = true;
      else if (OPEN.has(c)) depth++;
      else if (CLOSE.has(c) && depth > 0) depth--;
      else if (depth === 0 && (c === ',' || c === ']')) {
        parts.push(chunk.slice(from, i));
        yield finish();
        phase = c === ']' ? 'done' : 'between';
      }
    }
    if (phase === 'element') parts.push(chunk.slice(from));
  }
  if (phase === 'seek') throw new TruncatedJson('no JSON array was found in the file', line, null);
  if (phase === 'element') {
    throw new TruncatedJson(`the file ends inside record ${index} (begun on line ${startLine}): it is truncated`, startLine, index);
  }
  if (phase === 'between') throw new TruncatedJson(`the file ends before the list of records is closed (after record ${index})`, line, null);
}
