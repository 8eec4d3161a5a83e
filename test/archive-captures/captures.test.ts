import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../src/kernel/actor.ts';
import type { ArchiveItemSummary } from '../../src/modules/archive/index.ts';
import { createAttachmentsService } from '../../src/modules/attachments/index.ts';
import { createProfileSnapshots } from '../../src/modules/profile-snapshots/index.ts';
import type { ConnectorFactory, PlatformConnector } from '../../src/ports/platform-connector.ts';
import type { VirusScanner } from '../../src/ports/virus-scanner.ts';
import { describeWithContext } from '../context.ts';
import { desk, FORM, type Desk } from '../records-requests/support.ts';
import { vaultWorld, type VaultWorld } from '../vault/support.ts';

const PW_NEWS = 'Carson Public Works News';

/** A scanner that finds nothing (the real clamd is exercised by test/attachments). */
const cleanScanner: VirusScanner = {
  description: 'test scanner',
  async scan(input) {
    if (!Buffer.isBuffer(input)) for await (const _ of input as AsyncIterable<Uint8Array>) void _;
    return { status: 'clean' };
  },
  ping: async () => true,
};

describeWithContext('archive captures wired into platforms, attachments and records requests', (get) => {
  let w: VaultWorld;
  let d: Desk;
  let pwNews: { id: string; departmentId: string | null };
  const system = systemActor('test');
  const itemsOf = async (kind: string, sourceId: string): Promise<ArchiveItemSummary[]> => (await get().archive.list(system, { kind, limit: 500 })).items.filter((i) => i.sourceId === sourceId);

  beforeAll(async () => {
    w = await vaultWorld(get());
    d = await desk(get());
    pwNews = await w.platform(PW_NEWS);
  });

  it('[IV.A.13] a profile edit is archived as a snapshot in the department folder, in the same transaction', async () => {
    const ctx = get();
    const before = (await itemsOf('profile_snapshot', pwNews.id)).length;
    await ctx.platforms.updateProfile(w.pwHead, pwNews.id, { profile: { brandingText: 'Official news of Carson Public Works (snapshot test)' } });
    const after = await itemsOf('profile_snapshot', pwNews.id);
    expect(after).toHaveLength(before + 1);
    const snap = after[after.length - 1]!;
    expect(snap).toMatchObject({ departmentId: pwNews.departmentId, platformId: pwNews.id, retentionCategory: 'profileChanges' });
    expect(((await ctx.archive.get(d.clerk, snap.id)).native as { profile: { brandingText: string } }).profile.brandingText).toBe('Official news of Carson Public Works (snapshot test)');
    // A refused edit writes nothing, the snapshot included.
    await expect(ctx.platforms.updateProfile(w.poster, pwNews.id, { profile: { brandingText: 'Not allowed' } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await itemsOf('profile_snapshot', pwNews.id)).toHaveLength(before + 1);
  });

  it('[IV.A.13] refreshing a profile reads it through the connector and archives what the platform shows, naming where it differs from the registry', async () => {
    const ctx = get();
    const connector = {
      type: 'city_feed',
      label: 'test feed',
      capabilities: { publish: true, deletePost: true, editPost: true, fetchComments: false, hideComment: false, deleteComment: false, readProfile: true },
      readProfile: async () => ({ displayName: 'Carson PW News', description: 'Changed on the platform', avatarUrl: null, website: 'https://ci.carson.ca.us/pw', native: { raw: 'profile' } }),
    } as unknown as PlatformConnector;
    const connectors: ConnectorFactory = (type) => (type === 'city_feed' ? connector : null);
    const snapshots = createProfileSnapshots({ db: ctx.db.db, audit: ctx.audit, archive: ctx.archive, connectors, tokenFor: () => Promise.reject(new Error('no secret needed')) });
    const r = await snapshots.refresh(w.pwHead, pwNews.id);
    expect(r.differences).toContainEqual({ field: 'description', registry: 'Official news of Carson Public Works (snapshot test)', platform: 'Changed on the platform' });
    const item = await ctx.archive.get(d.clerk, r.archiveItemId);
    expect(item).toMatchObject({ kind: 'profile_snapshot', sourceId: pwNews.id, departmentId: pwNews.departmentId, metadata: { source: 'platform' } });
    expect(item.native).toMatchObject({ remote: { displayName: 'Carson PW News', native: { raw: 'profile' } } });
    expect(item.renderedText).toContain('Changed on the platform');
    await expect(snapshots.refresh(w.poster, pwNews.id)).rejects.toMatchObject({ code: 'forbidden' });
    const bluesky = await w.platform('Carson Public Works on Bluesky');
    await expect(snapshots.refresh(w.it, bluesky.id)).rejects.toThrow('The bluesky connector cannot read a profile from the platform');
    // The platform not answering: a clear "unavailable", and nothing archived.
    const down = createProfileSnapshots({ db: ctx.db.db, audit: ctx.audit, archive: ctx.archive, connectors: () => ({ ...connector, readProfile: () => Promise.reject(new Error('connect ECONNREFUSED')) }) as PlatformConnector, tokenFor: () => Promise.reject(new Error('unused')) });
    const count = (await itemsOf('profile_snapshot', pwNews.id)).length;
    await expect(down.refresh(w.it, pwNews.id)).rejects.toMatchObject({ code: 'unavailable', message: 'Carson Public Works News: the profile could not be read from the platform (connect ECONNREFUSED)' });
    expect(await itemsOf('profile_snapshot', pwNews.id)).toHaveLength(count);
    expect((await ctx.archive.verify()).ok).toBe(true);
  });

  it('[IV.A.13] an uploaded attachment and each change to its description are archived with the uploader', async () => {
    const ctx = get();
    const attachments = createAttachmentsService({ db: ctx.db.db, clock: ctx.clock, pack: ctx.pack, audit: ctx.audit, notifications: ctx.notifications, scanner: cleanScanner, dataDir: mkdtempSync(join(tmpdir(), 'crier-cap-')), maxBytes: { image: 2 ** 21, video: 2 ** 22, pdf: 2 ** 21 }, archive: ctx.archive.hooks });
    const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: { r: 10, g: 90, b: 160 } } }).png().toBuffer();
    const a = await attachments.upload(w.poster, { filename: 'crew.png', contentLength: png.length, body: (async function* () { yield png; })() });
    const [first] = await itemsOf('attachment', a.id);
    expect(first).toMatchObject({ kind: 'attachment', departmentId: w.poster.roles[0]!.departmentId, metadata: { author: { personId: w.poster.personId }, status: 'clean' } });
    await attachments.describe(w.poster, a.id, { altText: 'A Public Works crew repaving Avalon Boulevard at dawn' });
    const all = await itemsOf('attachment', a.id);
    expect(all).toHaveLength(2);
    expect(all[1]!.renderedText).toContain('A Public Works crew repaving Avalon Boulevard at dawn');
  });

  it('[IV.A.11] a records request is archived when received and after each step; the determination carries its letter', async () => {
    const ctx = get();
    const r = await ctx.recordsRequests.create(d.clerk, { ...FORM, channel: 'email' });
    await ctx.recordsRequests.extend(d.clerk, r.id, { ground: 'voluminous', days: 7, noticeText: 'We need more time to search the archive of posts and comments for the period you named.' });
    await ctx.recordsRequests.determine(d.clerk, r.id, { outcome: 'disclose_full', reasons: 'All responsive posts and comments will be produced.', estimatedProductionOn: '2026-12-15' });
    const items = await itemsOf('records_request', r.id);
    expect(items.map((i) => i.metadata.change)).toEqual(['received', 'extended', 'determined']);
    expect(items.every((i) => i.departmentId === null && i.retentionCategory === 'publicRecordsRequests')).toBe(true);
    const determined = items[2]!;
    expect(determined.metadata).toMatchObject({ reference: r.reference, status: 'determined', estimatedProductionOn: '2026-12-15' });
    expect(determined.renderedText).toContain('Persons responsible for this determination');
    const full = await ctx.archive.get(d.clerk, determined.id);
    expect((full.native as { determinations: { letter_text: string }[] }).determinations[0]!.letter_text).toContain('The records will be made available by 2026-12-15');
    // A refused step (a second extension) archives nothing.
    await expect(ctx.recordsRequests.extend(d.clerk, r.id, { ground: 'voluminous', days: 3, noticeText: 'Another extension we are not allowed to take.' })).rejects.toMatchObject({ code: 'policy_refusal' });
    expect(await itemsOf('records_request', r.id)).toHaveLength(3);
    expect((await ctx.archive.verify()).ok).toBe(true);
  });
});
