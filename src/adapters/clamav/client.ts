import { connect, type Socket } from 'node:net';
import type { Readable } from 'node:stream';
import type { ScanResult, VirusScanner } from '../../ports/virus-scanner.ts';

/**
 * A clamd client on node:net: INSTREAM over clamd's unix socket or TCP. Written here (a few dozen
 * lines) rather than taken from npm: the clamd packages there either shell out to clamdscan,
 * buffer whole files, or are unmaintained; this one streams, bounds every wait, and reports a
 * scanner failure as a verdict ('error') instead of throwing.
 *
 * Protocol (clamd(8)): `zINSTREAM\0`, then chunks each prefixed with their length as a 4-byte
 * big-endian integer, then a zero-length chunk. clamd answers `stream: OK`, `stream: <name> FOUND`
 * or `<message> ERROR` (e.g. `INSTREAM size limit exceeded. ERROR` past StreamMaxLength, after
 * which it closes the connection while we may still be writing).
 */
export interface ClamdOptions {
  /** Path of clamd's LocalSocket. */
  socket?: string;
  host?: string;
  port?: number;
  /** Gives up on a silent clamd after this long (default 60 s; a large video takes a while). */
  timeoutMs?: number;
  /** Bytes per INSTREAM chunk (default 64 KiB; must stay below clamd's StreamMaxLength). */
  chunkSize?: number;
}

const DEFAULT_PORT = 3310;

export function clamdAddress(o: ClamdOptions): string {
  return o.socket ? o.socket : `${o.host ?? '127.0.0.1'}:${o.port ?? DEFAULT_PORT}`;
}

function open(o: ClamdOptions): Socket {
  const s = o.socket ? connect({ path: o.socket }) : connect({ host: o.host ?? '127.0.0.1', port: o.port ?? DEFAULT_PORT });
  s.setTimeout(o.timeoutMs ?? 60_000, () => s.destroy(new Error(`clamd at ${clamdAddress(o)} did not answer in time`)));
  return s;
}

/** One exchange: the reply up to the first NUL (z-commands) or the close; rejects on socket errors without a reply. */
function session(o: ClamdOptions, write: (s: Socket, closed: () => boolean) => Promise<void>): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = open(o);
    const parts: Buffer[] = [];
    let done = false;
    let closed = false;
    let failure: Error | null = null;
    const reply = () => Buffer.concat(parts).toString('utf8');
    const finish = () => {
      if (done) return;
      done = true;
      const text = reply();
      if (text.length) resolve(text.replace(/\0[\s\S]*$/, '').trim());
      else reject(failure ?? new Error(`clamd at ${clamdAddress(o)} closed the connection without an answer`));
      s.destroy();
    };
    s.on('data', (d: Buffer) => {
      parts.push(d);
      if (d.includes(0)) finish();
    });
    s.on('error', (e) => {
      // EPIPE/ECONNRESET after clamd answered early (size limit): the answer still counts.
      failure = e;
    });
    s.on('close', () => {
      closed = true;
      finish();
    });
    s.once('connect', () => {
      write(s, () => closed || done).catch((e: unknown) => {
        failure = e instanceof Error ? e : new Error(String(e));
        // Leave the socket open: clamd may still be sending its (error) answer.
        if (!s.writableEnded) s.end();
      });
    });
  });
}

function writeAll(s: Socket, data: Buffer, stop: () => boolean): Promise<void> {
  if (stop()) return Promise.resolve();
  if (s.write(data)) return Promise.resolve();
  return new Promise((resolve) => {
    const go = () => {
      s.off('drain', go);
      s.off('close', go);
      resolve();
    };
    s.on('drain', go);
    s.on('close', go);
  });
}

async function* chunksOf(input: Buffer | Readable | AsyncIterable<Uint8Array>): AsyncIterable<Buffer> {
  if (Buffer.isBuffer(input)) {
    yield input;
    return;
  }
  for await (const c of input as AsyncIterable<Uint8Array | string>) yield typeof c === 'string' ? Buffer.from(c) : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
}

/** Reads clamd's INSTREAM answer. */
export function parseReply(reply: string): ScanResult {
  const line = reply.trim();
  if (/^stream: OK$/.test(line)) return { status: 'clean' };
  const found = /^stream: (.+) FOUND$/.exec(line);
  if (found) return { status: 'infected', signature: found[1]! };
  if (/size limit exceeded/i.test(line)) return { status: 'error', message: 'the file is larger than the virus scanner accepts (clamd StreamMaxLength)' };
  if (/ERROR$/.test(line)) return { status: 'error', message: `clamd: ${line.replace(/\s*ERROR$/, '')}` };
  return { status: 'error', message: `clamd gave an unexpected answer: ${line.slice(0, 200)}` };
}

export function createClamdScanner(o: ClamdOptions): VirusScanner {
  const chunkSize = o.chunkSize ?? 64 * 1024;
  const description = `clamd at ${clamdAddress(o)}`;
  return {
    description,
    async scan(input) {
      try {
        const reply = await session(o, async (s, stop) => {
          await writeAll(s, Buffer.from('zINSTREAM\0'), stop);
          for await (const chunk of chunksOf(input)) {
            for (let at = 0; at < chunk.length; at += chunkSize) {
              if (stop()) return;
              const piece = chunk.subarray(at, at + chunkSize);
              const len = Buffer.alloc(4);
              len.writeUInt32BE(piece.length);
              await writeAll(s, Buffer.concat([len, piece]), stop);
            }
          }
          await writeAll(s, Buffer.alloc(4), stop);
        });
        return parseReply(reply);
      } catch (e) {
        // Past StreamMaxLength clamd answers and hangs up; a reset can swallow that answer.
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EPIPE' || code === 'ECONNRESET' || /without an answer/.test(String(e))) return { status: 'error', message: `${description} closed the connection while the file was being sent (is the file larger than clamd's StreamMaxLength?)` };
        return { status: 'error', message: `${description}: ${e instanceof Error ? e.message : String(e)}` };
      }
    },
    async ping() {
      try {
        return (await session(o, async (s, stop) => writeAll(s, Buffer.from('zPING\0'), stop))) === 'PONG';
      } catch {
        return false;
      }
    },
  };
}
