import { PassThrough, Readable } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { formatReport, registerScreenCommand, screenStream } from './screen.ts';

async function run(input: string, kind: 'comment' | 'post' = 'comment', platform?: string): Promise<{ out: string; err: string; result: Awaited<ReturnType<typeof screenStream>> }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = '';
  let e = '';
  out.on('data', (d: Buffer) => { o += d.toString(); });
  err.on('data', (d: Buffer) => { e += d.toString(); });
  const result = await screenStream(Readable.from([input]), out, err, { kind, ...(platform ? { platform } : {}), language: false });
  return { out: o, err: e, result };
}

describe('crier screen', () => {
  it('[V.3] writes one findings line per input line, in order, with ids', async () => {
    const { out, err, result } = await run('{"id":"a","text":"this is bullshit"}\n{"id":"b","text":"Thanks for fixing the park!"}\n{"id":3,"text":"call me 310-555-0199","context":"Park hours"}\n');
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; findings: Array<{ clause: string }> });
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 3]);
    expect(lines[0]!.findings.map((f) => f.clause)).toContain('V.3');
    expect(lines[1]!.findings).toEqual([]);
    expect(lines[2]!.findings.map((f) => f.clause)).toContain('IV.D.7(a)');
    expect(err).toBe('');
    expect(result).toEqual({ lines: 3, screened: 3, invalid: 0 });
  });
  it('reports invalid JSON lines on stderr with their line number and goes on', async () => {
    const { out, err, result } = await run('{"id":1,"text":"ok"}\n{not json\n\n{"id":2}\n[1,2]\n{"id":3,"text":"fine"}\n');
    expect(out.trim().split('\n').map((l) => (JSON.parse(l) as { id: number }).id)).toEqual([1, 3]);
    expect(err).toMatch(/^line 2: invalid input/m);
    expect(err).toMatch(/^line 4: invalid input: "text" must be a string/m);
    expect(err).toMatch(/^line 5: invalid input/m);
    expect(result.invalid).toBe(3);
  });
  it('[IV.A.8] screens posts with the --platform default', async () => {
    const { out } = await run(JSON.stringify({ id: 'p', text: 'x'.repeat(301) + ' https://ci.carson.ca.us' }) + '\n', 'post', 'bluesky');
    const line = JSON.parse(out) as { findings: Array<{ clause: string; ruleId: string }> };
    expect(line.findings.some((f) => f.ruleId === 'platform-length' && f.clause === 'IV.A.8')).toBe(true);
  });
  it('registers a screen command on a commander program', () => {
    const program = new Command();
    registerScreenCommand(program);
    const cmd = program.commands.find((c) => c.name() === 'screen');
    expect(cmd?.options.map((o) => o.long)).toEqual(expect.arrayContaining(['--kind', '--platform', '--text', '--no-language']));
  });
  it('formats a readable report', () => {
    expect(formatReport('x', [])).toBe('No findings.\n');
    expect(formatReport('x', [{ ruleId: 'profanity', clause: 'V.3', severity: 'block', message: 'profanity', score: 0.95, span: { start: 0, end: 4, text: 'shit' } }])).toContain('[BLOCK] V.3 profanity (0.95)');
  });
});
