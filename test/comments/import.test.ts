import type { FastifyInstance } from 'fastify';
import { beforeAll, afterAll, expect, it } from 'vitest';
import type { PersonActor } from '../../src/kernel/actor.ts';
import { createCommentIntake, MAX_IMPORT_BYTES, type CommentIntake } from '../../src/modules/comment-intake/index.ts';
import { snapshot } from '../api/db-snapshot.ts';
import { appWithPersonas, as } from '../api/personas.ts';
import { describeWithContext } from '../context.ts';
import { PW_BLUESKY, vaultWorld, type VaultWorld } from '../vault/support.ts';

const POST = 'at://did:plc:carsonpw/app.bsky.feed.post/3kimport';
const jsonl = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

describeWithContext('comments: export-file import', (get) => {
  let w: VaultWorld;
  let moderator: PersonActor;
  let intake: CommentIntake;
  let pw: string;
  let n = 0;
  const rid = () => `at://did:plc:resident/app.bsky.feed.post/imp${++n}`;

  beforeAll(async () => {
    const ctx = get();
    w = await vaultWorld(ctx);
    moderator = await w.actor('moderator@carsonca.gov');
    pw = (await w.platform(PW_BLUESKY)).id;
    intake = createCommentIntake({ db: ctx.db.db, clock: ctx.clock, audit: ctx.audit, comments: ctx.comments });
  });

  it('[IV.C.11] reads a CSV export, keeps the good lines and names each malformed line by its number', async () => {
    const [a, b, c] = [rid(), rid(), rid()];
    const csv = [
      'remote_id,post_remote_id,parent_remote_id,author_handle,author_name,text,created_at,edited_at,deleted,url',
      `${a},${POST},,ana.bsky.social,Ana,"Thanks for the update, see you Friday",2026-11-18T09:00:00Z,,,`,
      `${b},${POST},${a},ben.bsky.social,Ben,"A reply
over two lines with a ""quote""",2026-11-18T09:05:00-08:00,,false,https://bsky.app/profile/ben/post/1`,
      `${rid()},${POST},,carl.bsky.social,Carl,too few fields`,
      `${rid()},${POST},,dee.bsky.social,Dee,hello,yesterday,,,`,
      `,${POST},,eve.bsky.social,Eve,no id,2026-11-18T09:00:00Z,,,`,
      '',
      `${c},${POST},,fay.bsky.social,Fay,"Gone now",1763456400,,yes,`,
      `${rid()},${POST},,gus.bsky.social,Gus,hello,2026-11-18T09:00:00Z,,maybe,`,
      `${rid()},${POST},,hal.bsky.social,Hal,"never closed,2026-11-18T09:00:00Z,,,`,
    ].join('\n');
    const r = await intake.importFile(moderator, { platformId: pw, format: 'csv', content: csv, fileName: 'bluesky-export.csv' });
    expect(r).toMatchObject({ created: 3, edited: 0, refused: [] });
    expect(r.malformed).toEqual([
      { line: 5, reason: 'has 6 fields, the header has 10' },
      { line: 6, reason: 'created_at "yesterday" is not a date' },
      { line: 7, reason: 'remote_id is missing' },
      { line: 10, reason: 'deleted must be true or false' },
      { line: 11, reason: expect.stringMatching(/quote not closed/i) },
    ]);
    const rows = await get().db.db.selectFrom('comments').select(['remote_id', 'text', 'source', 'parent_remote_id', 'created_on_platform_at', 'deleted_on_platform_at', 'url']).where('remote_id', 'in', [a, b, c]).orderBy('remote_id').execute();
    expect(rows.find((x) => x.remote_id === b)).toMatchObject({ text: 'A reply\nover two lines with a "quote"', source: 'import', parent_remote_id: a, created_on_platform_at: '2026-11-18T17:05:00.000Z', url: 'https://bsky.app/profile/ben/post/1' });
    expect(rows.find((x) => x.remote_id === c)).toMatchObject({ created_on_platform_at: '2025-11-18T09:00:00.000Z' });
    expect(rows.find((x) => x.remote_id === c)!.deleted_on_platform_at).not.toBeNull();
    const ev = await get().db.db.selectFrom('audit_events').select(['action', 'actor_id', 'after_json']).where('action', '=', 'comments.imported').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(ev.actor_id).toBe(moderator.personId);
    expect(JSON.parse(ev.after_json!)).toMatchObject({ fileName: 'bluesky-export.csv', records: 8, created: 3, malformed: 5 });
  });

  it('the same file delivered twice adds nothing the second time', async () => {
    const file = jsonl([
      { remote_id: rid(), post_remote_id: POST, author_handle: 'ivy.bsky.social', text: 'When is bulky item pickup?', created_at: '2026-11-18T10:00:00Z' },
      { remote_id: rid(), post_remote_id: POST, author_handle: 'jon.bsky.social', text: 'Same question', created_at: '2026-11-18T10:01:00Z' },
    ]);
    expect(await intake.importFile(moderator, { platformId: pw, format: 'jsonl', content: file })).toMatchObject({ created: 2, unchanged: 0 });
    const versions = await get().db.db.selectFrom('comment_versions').select('id').execute();
    expect(await intake.importFile(moderator, { platformId: pw, format: 'jsonl', content: file })).toMatchObject({ created: 0, edited: 0, unchanged: 2 });
    expect(await get().db.db.selectFrom('comment_versions').select('id').execute()).toHaveLength(versions.length);
  });

  it('[IV.C.11] an older edit arriving after a newer one is kept as a version; the current text stays the newest', async () => {
    const id = rid();
    const base = { remote_id: id, post_remote_id: POST, author_handle: 'kim.bsky.social', created_at: '2026-11-18T11:00:00Z' };
    await intake.importFile(moderator, { platformId: pw, format: 'jsonl', content: jsonl([{ ...base, text: 'first words' }]) });
    await intake.importFile(moderator, { platformId: pw, format: 'jsonl', content: jsonl([{ ...base, text: 'third words (newest)', edited_at: '2026-11-18T11:30:00Z' }]) });
    const late = await intake.importFile(moderator, { platformId: pw, format: 'jsonl', content: jsonl([{ ...base, text: 'second words (older)', edited_at: '2026-11-18T11:10:00Z' }]) });
    expect(late).toMatchObject({ edited: 1 });
    const row = await get().db.db.selectFrom('comments').select(['id', 'text']).where('remote_id', '=', id).executeTakeFirstOrThrow();
    expect(row.text).toBe('third words (newest)');
    const c = await get().comments.get(moderator, row.id);
    expect(c.versions.map((v) => v.text)).toEqual(['first words', 'third words (newest)', 'second words (older)']);
  });

  it('reports malformed JSON lines by number and keeps the rest', async () => {
    const good = { remote_id: rid(), post_remote_id: POST, text: 'ok', created_at: '2026-11-18T12:00:00Z' };
    const content = [JSON.stringify(good), '{"remote_id": "x", ', '[1,2]', JSON.stringify({ ...good, remote_id: rid(), text: { html: 'ok' } }), '', JSON.stringify({ ...good, remote_id: rid(), created_at: 'soon' })].join('\n');
    const r = await intake.importFile(moderator, { platformId: pw, format: 'jsonl', content });
    expect(r.created).toBe(1);
    expect(r.malformed).toEqual([
      { line: 2, reason: 'not valid JSON' },
      { line: 3, reason: 'not a JSON object' },
      { line: 4, reason: 'text must be text' },
      { line: 6, reason: 'created_at "soon" is not a date' },
    ]);
  });

  it('refuses an oversized file, a file with no readable line and a CSV without its header, writing nothing', async () => {
    const before = await snapshot(get().db.db);
    const line = JSON.stringify({ remote_id: 'r', post_remote_id: POST, text: 'x'.repeat(1000), created_at: '2026-11-18T12:00:00Z' }) + '\n';
    const huge = line.repeat(Math.ceil((MAX_IMPORT_BYTES + 1) / line.length));
    await expect(intake.importFile(moderator, { platformId: pw, format: 'jsonl', content: huge })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('MiB') });
    await expect(intake.importFile(moderator, { platformId: pw, format: 'jsonl', content: 'nope\n{"a":1}\n' })).rejects.toMatchObject({ code: 'invalid_input', fields: [{ path: 'content.line.1' }, { path: 'content.line.2' }] });
    await expect(intake.importFile(moderator, { platformId: pw, format: 'csv', content: 'id,text\n1,hi\n' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('remote_id, post_remote_id, created_at') });
    expect(await snapshot(get().db.db)).toBe(before);
  });

  it('[IV.A.6] refuses a file for a platform whose comments the City Manager has not authorized', async () => {
    const feed = (await w.platform('Carson City News')).id;
    const before = await snapshot(get().db.db);
    await expect(intake.importFile(moderator, { platformId: feed, format: 'jsonl', content: jsonl([{ remote_id: 'x1', post_remote_id: 'p', text: 'hi', created_at: '2026-11-18T12:00:00Z' }]) })).rejects.toMatchObject({ code: 'policy_refusal', clauses: ['IV.A.6'] });
    await expect(intake.importFile(w.poster, { platformId: pw, format: 'jsonl', content: '' })).rejects.toMatchObject({ code: 'forbidden', clauses: ['IV.A.6'] });
    expect(await snapshot(get().db.db)).toBe(before);
  });

  describeHttp(get, () => ({ pw, moderator }));
});

/** POST /api/comments/import: the same import over HTTP, with its own body limit. */
function describeHttp(get: () => import('../context.ts').TestContext, world: () => { pw: string; moderator: PersonActor }) {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appWithPersonas(get(), new Map([['mod', world().moderator]]));
  });
  afterAll(async () => app?.close());

  it('takes a file over HTTP and answers with the line report; a body past the limit is refused before it is read (413)', async () => {
    const content = 'remote_id,post_remote_id,text,created_at\nhttp-1,p-1,From the API,2026-11-18T12:00:00Z\nhttp-2,p-1,bad date,later\n';
    const res = await app.inject({ method: 'POST', url: '/api/comments/import', headers: as('mod'), payload: { platformId: world().pw, format: 'csv', content, fileName: 'x.csv' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, malformed: [{ line: 3, reason: 'created_at "later" is not a date' }] });
    const before = await snapshot(get().db.db);
    const big = await app.inject({ method: 'POST', url: '/api/comments/import', headers: { ...as('mod'), 'content-type': 'application/json' }, payload: JSON.stringify({ platformId: world().pw, format: 'csv', content: 'x'.repeat(2 * MAX_IMPORT_BYTES + 1) }) });
    expect(big.statusCode).toBe(413);
    expect(await snapshot(get().db.db)).toBe(before);
  });
}
