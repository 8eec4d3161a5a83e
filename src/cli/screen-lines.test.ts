import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { eachLine } from './screen-lines.ts';

async function viaReadline(chunks: Array<Buffer | string>): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: Readable.from(chunks), crlfDelay: Infinity })) lines.push(line);
  return lines;
}

function viaEachLine(chunks: Array<Buffer | string>): Promise<string[]> {
  const lines: string[] = [];
  return new Promise((resolve, reject) => eachLine(Readable.from(chunks), { line: (l) => lines.push(l), end: () => resolve(lines), error: reject }));
}

/** The bytes cut at the given offsets. */
function cut(bytes: Buffer, at: number[]): Buffer[] {
  const out: Buffer[] = [];
  let from = 0;
  for (const a of [...at, bytes.length]) {
    out.push(bytes.subarray(from, a));
    from = a;
  }
  return out;
}

describe('eachLine', () => {
  const texts = [
    '{"id":1}\n{"id":2}\n',
    'a\r\nb\rc\n\nd',
    '\r\n\r\n\n\r\r',
    'no end',
    '',
    'é\n日本語\r\n😀 x\n',
    'trailing return\r',
    'x\n\u2028y\n',
  ];
  it('gives the lines readline gives, however the bytes are cut', async () => {
    let seed = 7;
    const rnd = (n: number): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    for (const text of texts) {
      const bytes = Buffer.from(text, 'utf8');
      const cuts: number[][] = [[], [...Array(bytes.length).keys()].slice(1)];
      for (let k = 0; k < 20; k++) cuts.push([...new Set(Array.from({ length: rnd(4) }, () => rnd(bytes.length + 1)))].sort((a, b) => a - b));
      for (const at of cuts) {
        const chunks = cut(bytes, at);
        expect(await viaEachLine(chunks)).toEqual(await viaReadline(chunks));
      }
      expect(await viaEachLine([text])).toEqual(await viaReadline([text]));
    }
  });
  it('drops an incomplete character at the very end, as readline does', async () => {
    const chunks = [Buffer.from('ok\nab'), Buffer.from([0xe6, 0x97])];
    expect(await viaEachLine(chunks)).toEqual(await viaReadline(chunks));
  });
});
