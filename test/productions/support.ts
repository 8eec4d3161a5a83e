import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import type { ArchiveItem } from '../../src/modules/archive/index.ts';
import type { TestContext } from '../context.ts';

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
export const scratchDir = (name: string) => mkdtempSync(join(tmpdir(), `crier-${name}-`));

export interface Seeded {
  pw: string;
  cs: string;
  bluesky: string;
  mastodon: string;
  items: ArchiveItem[];
  attachment: ArchiveItem;
  mediaBytes: Buffer;
}

let n = 0;
/**
 * An archive with posts, comments and removals in two departments and the City's folder, on two
 * platforms, over three days, and one attachment whose stored file is on disk.
 */
export async function seedArchive(ctx: TestContext): Promise<Seeded> {
  const db = ctx.db.db;
  const now = '2026-11-01T00:00:00.000Z';
  const k = ++n;
  const pw = `dept-pw-${k}`;
  const cs = `dept-cs-${k}`;
  await db.insertInto('departments').values([
    { id: pw, name: 'Public Works', code: `PW${k}`, kind: 'department', created_at: now, archived_at: null },
    { id: cs, name: 'Community Services', code: `CS${k}`, kind: 'department', created_at: now, archived_at: null },
  ]).execute();
  const platform = (id: string, name: string, type: string) => ({ id, name, type, department_id: null, handle: null, url: null, domain: null, purpose: 'City news', status: 'active', requested_by: null, requested_at: now, it_reviewed_by: null, it_reviewed_at: null, it_review_notes: null, council_approved_on: null, council_agenda_item: null, activated_by: null, activated_at: null, terminated_by: null, terminated_at: null, termination_reason: null, comments_enabled: 0, comments_authorized_by: null, comments_authorized_at: null, profile: '{}', contact_email: null, contact_phone: null, template: null, created_at: now, updated_at: now });
  const bluesky = `plat-bsky-${k}`;
  const mastodon = `plat-masto-${k}`;
  await db.insertInto('platforms').values([platform(bluesky, 'Carson on Bluesky', 'bluesky'), platform(mastodon, 'Carson on Mastodon', 'mastodon')]).execute();

  const mediaBytes = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'binary'), Buffer.from(`fake image ${k}`)]);
  const mediaSha = sha256(mediaBytes);
  mkdirSync(join(ctx.config.dataDir, 'attachments', mediaSha.slice(0, 2)), { recursive: true });
  writeFileSync(join(ctx.config.dataDir, 'attachments', mediaSha.slice(0, 2), `${mediaSha}.png`), mediaBytes);

  const items: ArchiveItem[] = [];
  const days = ['2026-11-17T18:00:00Z', '2026-11-18T18:00:00Z', '2026-11-19T18:00:00Z'];
  let attachment: ArchiveItem | undefined;
  for (const [d, day] of days.entries()) {
    ctx.clock.set(day);
    await db.transaction().execute(async (tx) => {
      items.push(await ctx.archive.capture(tx, { kind: 'post_version', sourceId: `post-${k}-${d}`, departmentId: pw, platformId: bluesky, native: { title: `Street sweeping ${d}`, body: 'Tuesday <b>north</b> side, "quoted", commas, too', version: 1 }, renderedText: `Street sweeping ${d}\n\nTuesday <b>north</b> side`, metadata: { author: { name: 'Pat Poster' }, platformIds: { remoteUrl: `https://bsky.app/profile/carson/post/${k}${d}` }, createdOnPlatformAt: day } }));
      items.push(await ctx.archive.capture(tx, { kind: 'comment', sourceId: `comment-${k}-${d}`, departmentId: cs, platformId: mastodon, native: { text: `Résident comment ${d} ✓` }, renderedText: `Résident comment ${d} ✓`, metadata: { author: { handle: `resident${d}@example.social` } } }));
      items.push(await ctx.archive.capture(tx, { kind: 'removal', sourceId: `removal-${k}-${d}`, departmentId: null, platformId: mastodon, native: { decision: 'remove', clauses: ['V.1'] }, renderedText: 'Removed: obscenity', metadata: { clauses: ['V'], reason: 'obscene' } }));
      if (d === 1) {
        attachment = await ctx.archive.capture(tx, { kind: 'attachment', sourceId: `att-${k}`, departmentId: pw, platformId: null, native: { id: `att-${k}`, filename: 'sweeper.png', mime_type: 'image/png', stored_sha256: mediaSha }, renderedText: 'sweeper.png' });
        items.push(attachment);
      }
    });
  }
  ctx.clock.set('2026-11-19T18:00:00Z');
  return { pw, cs, bluesky, mastodon, items, attachment: attachment!, mediaBytes };
}

/** Every file under a directory, relative, with forward slashes. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const manifestLines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const m = /^([0-9a-f]{64})[ \t]+(.+)$/.exec(l);
      expect(m, `manifest line: ${l}`).not.toBeNull();
      return { sha: m![1]!, path: decodeURIComponent(m![2]!) };
    });

/**
 * Validates a bag the way a BagIt validator does (RFC 8493): bagit.txt, every payload file
 * listed in the manifest with its recomputed SHA-256 and nothing else, Payload-Oxum, and the tag
 * manifest over every tag file.
 */
export function validateBag(dir: string): { payload: string[]; info: Map<string, string[]> } {
  expect(readFileSync(join(dir, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
  const files = listFiles(dir);
  const payload = files.filter((f) => f.startsWith('data/'));
  const manifest = manifestLines(readFileSync(join(dir, 'manifest-sha256.txt'), 'utf8'));
  expect(manifest.map((l) => l.path).sort()).toEqual(payload);
  let bytes = 0;
  for (const l of manifest) {
    const b = readFileSync(join(dir, l.path));
    bytes += b.length;
    expect(sha256(b), l.path).toBe(l.sha);
  }
  const info = new Map<string, string[]>();
  for (const line of readFileSync(join(dir, 'bag-info.txt'), 'utf8').split('\n').filter(Boolean)) {
    const i = line.indexOf(': ');
    info.set(line.slice(0, i), [...(info.get(line.slice(0, i)) ?? []), line.slice(i + 2)]);
  }
  expect(info.get('Payload-Oxum')).toEqual([`${bytes}.${payload.length}`]);
  expect(info.get('Bagging-Date')?.[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const tags = files.filter((f) => !f.startsWith('data/') && f !== 'tagmanifest-sha256.txt');
  const tagManifest = manifestLines(readFileSync(join(dir, 'tagmanifest-sha256.txt'), 'utf8'));
  expect(tagManifest.map((l) => l.path).sort()).toEqual(tags);
  for (const l of tagManifest) expect(sha256(readFileSync(join(dir, l.path))), l.path).toBe(l.sha);
  return { payload, info };
}

/** RFC 4180 CSV (the load file). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

export const isEmptyOrMissing = (p: string) => !statSync(p, { throwIfNoEntry: false }) || readdirSync(p).length === 0;
