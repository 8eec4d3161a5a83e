import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClamdScanner } from '../../src/adapters/clamav/index.ts';
import { EICAR, EICAR_SIGNATURE, startClamd, type Clamd } from '../support/clamd.ts';

describe('clamd client (INSTREAM against a real clamd)', () => {
  let clamd: Clamd;
  beforeAll(async () => {
    clamd = await startClamd({ streamMaxLength: 1024 * 1024 });
  }, 90_000);
  afterAll(async () => clamd?.stop());

  it('[IV.C.15(i)(iii)] answers clean for ordinary bytes, from a buffer and from a stream', async () => {
    const s = createClamdScanner({ socket: clamd.socket });
    expect(await s.ping()).toBe(true);
    expect(await s.scan(Buffer.from('Hello Carson, the library opens at 10.'))).toEqual({ status: 'clean' });
    expect(await s.scan(Readable.from([Buffer.alloc(200_000, 7), Buffer.alloc(100_000, 9)]))).toEqual({ status: 'clean' });
  });

  it('[IV.C.15(i)(iii)] finds the EICAR test string, also inside a larger file and across chunk borders', async () => {
    const s = createClamdScanner({ socket: clamd.socket, chunkSize: 1000 });
    expect(await s.scan(Buffer.from(EICAR))).toEqual({ status: 'infected', signature: `${EICAR_SIGNATURE}.UNOFFICIAL` });
    const padded = Buffer.concat([Buffer.alloc(990, 1), Buffer.from(EICAR), Buffer.alloc(5000, 2)]);
    expect((await s.scan(padded)).status).toBe('infected');
  });

  it('reports the size limit as an error verdict, not clean', async () => {
    const s = createClamdScanner({ socket: clamd.socket });
    const r = await s.scan(Readable.from((function* () {
      for (let i = 0; i < 40; i++) yield Buffer.alloc(64 * 1024, 3);
    })()));
    expect(r.status).toBe('error');
    // clamd answers 'size limit exceeded' and hangs up; a reset may swallow the answer: either way it says why.
    expect(r.status === 'error' && r.message).toMatch(/larger than the virus scanner accepts|StreamMaxLength/);
  });

  it('reports an absent clamd as an error verdict', async () => {
    const s = createClamdScanner({ socket: `${clamd.socket}.missing`, timeoutMs: 1000 });
    expect(await s.ping()).toBe(false);
    expect((await s.scan(Buffer.from('x'))).status).toBe('error');
  });
});
