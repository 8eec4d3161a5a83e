/**
 * The lines of a byte stream, split as node:readline splits them, for `crier screen`'s comment
 * stream: readline is a terminal line editor, and its per-chunk regular expression, arrays of
 * offsets and one event per line were a measurable share of a stream of short comments.
 *
 * Same lines as `readline.createInterface({ input, crlfDelay: Infinity })`: a line ends at "\n",
 * "\r\n" or a lone "\r" (a "\r\n" split between chunks is one end); bytes are decoded as UTF-8
 * across chunks (string chunks are taken as they are); at the end, a last line without an end is
 * given if it is not empty, and an incomplete character there is dropped (readline does not
 * flush its decoder).
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

export interface LineHandlers {
  line(line: string): void;
  end(): void;
  error(err: Error): void;
}

/** Calls `line` for every line of the input in order, then `end`; the input may be paused and resumed meanwhile. */
export function eachLine(input: Readable, on: LineHandlers): void {
  const decoder = new StringDecoder('utf8');
  /** The start of a line whose end has not come yet. */
  let pending = '';
  /** The last chunk ended with "\r": a "\n" first in this one ends no line. */
  let afterReturn = false;
  input.on('data', (chunk: Buffer | string) => {
    let s = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (afterReturn) {
      if (s.charCodeAt(0) === 10) s = s.slice(1);
      afterReturn = false;
    }
    let from = 0;
    if (s.indexOf('\r') < 0) {
      // the common case: "\n" only
      for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', from)) {
        const line = pending === '' ? s.slice(from, i) : pending + s.slice(from, i);
        pending = '';
        from = i + 1;
        on.line(line);
      }
    } else {
      for (let i = from; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        const line = pending === '' ? s.slice(from, i) : pending + s.slice(from, i);
        pending = '';
        if (c === 13 && s.charCodeAt(i + 1) === 10) i++;
        from = i + 1;
        on.line(line);
      }
      afterReturn = s.charCodeAt(s.length - 1) === 13;
    }
    if (from < s.length) pending += s.slice(from);
  });
  input.on('end', () => {
    if (pending.length > 0) on.line(pending);
    on.end();
  });
  input.on('error', (err: Error) => on.error(err));
}
