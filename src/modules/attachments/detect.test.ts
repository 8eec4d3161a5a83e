import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPackFromDir, defaultPackDir } from '../../policy/index.ts';
import { detect, findPolyglot } from './detect.ts';
import { altTextProblem, isCityWebsiteUrl } from './requirements.ts';

const dir = mkdtempSync(join(tmpdir(), 'crier-detect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
};

describe('type detection from content', () => {
  it('knows caption files and SVG (with a BOM, an XML declaration or a comment first)', async () => {
    expect((await detect(Buffer.from('\uFEFFWEBVTT - Council recap\n\n00:00.000 --> 00:01.000\nHi\n'))).mime).toBe('text/vtt');
    expect((await detect(Buffer.from('1\r\n00:00:00,000 --> 00:00:01,500\r\nHello\r\n'))).mime).toBe('application/x-subrip');
    for (const svg of ['<svg xmlns="http://www.w3.org/2000/svg"/>', '<?xml version="1.0"?><!-- logo --><svg>', '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg viewBox="0 0 1 1">']) {
      expect((await detect(Buffer.from(svg))).mime, svg).toBe('image/svg+xml');
    }
    expect(await detect(Buffer.from('just some words'))).toMatchObject({ kind: 'other', label: 'plain text' });
    expect(await detect(Buffer.from([0, 1, 2, 3, 250, 251]))).toMatchObject({ kind: 'other', label: 'a file of unrecognized type' });
  });

  it('calls a file a ZIP polyglot only when an end record leads to a real central directory', async () => {
    const stray = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(30, 7), Buffer.from('\n%%EOF\n')]);
    expect(await findPolyglot(file('stray.pdf', stray), stray.length, 'pdf')).toBeNull();
  });
});

describe('describing rules', () => {
  it('[IV.A.9] refuses alt text that describes nothing and accepts a description', () => {
    expect(altTextProblem('Children planting trees at Dolphin Park', 'x.jpg')).toBeNull();
    for (const bad of ['', 'image', 'an image', 'IMG_2044', 'photo 3', 'park.jpeg', 'x', '...']) expect(altTextProblem(bad, 'park.jpg'), bad).not.toBeNull();
    expect(altTextProblem('park', 'park.jpg')).toMatch(/file name/);
  });

  it('[IV.D.5] takes only addresses on the City website domains from the pack', () => {
    const pack = loadPackFromDir(defaultPackDir());
    expect(isCityWebsiteUrl(pack, 'https://carsonca.gov/videos/recap')).toBe(true);
    expect(isCityWebsiteUrl(pack, 'https://www.ci.carson.ca.us/media/1')).toBe(true);
    for (const bad of ['https://carsonca.gov.example.com/x', 'https://evilcarsonca.gov/x', 'javascript:alert(1)', 'ftp://carsonca.gov/x', 'not a url']) expect(isCityWebsiteUrl(pack, bad), bad).toBe(false);
  });
});
