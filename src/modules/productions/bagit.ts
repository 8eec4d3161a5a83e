import { hash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { rename, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { conflict } from '../../kernel/errors.ts';
import type { Db, Row } from '../../db/index.ts';
import { bagInfoTxt, bagitTxt, certificationTemplate, custodyLog, manifestPath, type CustodyFacts } from './custody.ts';
import { copyHashing, csvLine, ensureDir, HashingWriter, removeQuietly } from './files.ts';
import { extensionOf, findStoredFile, mediaOf } from './media.ts';
import { batesNumber, renderItemHtml } from './render.ts';
import { archiveState, countItems, exportableItems } from './source.ts';
import { describeFilter } from './filters.ts';
import { redactedRow, redactionList, redactionsFor, withheldNative, writePaintedImage, type ItemRedactions } from './redacted.ts';
import type { OnProgress, ProductionResult, ResolvedFilter } from './types.ts';

export interface BagOptions {
  db: Db;
  dataDir: string;
  out: string;
  filter: ResolvedFilter;
  batesPrefix: string;
  productionId: string;
  cityName: string;
  exportedBy: string;
  exportedAt: Date;
  /** The City date of the export. */
  baggingDate: string;
  software: string;
  onProgress?: OnProgress;
  pageSize?: number;
}

const YIELD_EVERY = 200;

export const LOAD_FILE_COLUMNS = ['BegBates', 'EndBates', 'ItemId', 'Seq', 'Kind', 'SourceId', 'Platform', 'PlatformId', 'Department', 'DepartmentId', 'CreatedOnPlatform', 'CapturedAt', 'RetainUntil', 'SHA256', 'NativePath', 'HtmlPath', 'MediaPath', 'MediaSHA256', 'Redactions'];

export async function nameMaps(db: Db) {
  const departments = new Map((await db.selectFrom('departments').select(['id', 'name']).execute()).map((d) => [d.id, d.name]));
  const platforms = new Map((await db.selectFrom('platforms').select(['id', 'name']).execute()).map((p) => [p.id, p.name]));
  return { departments, platforms };
}

/**
 * Writes a BagIt 1.0 bag (RFC 8493) into a hidden temporary directory beside `out`, one page of
 * items at a time, and renames it into place only when every tag file is written: an export that
 * fails or is killed leaves no bag that looks complete.
 */
export async function writeBag(o: BagOptions): Promise<ProductionResult> {
  const tmp = join(dirname(o.out), `.${basename(o.out)}.partial-${randomUUID()}`);
  await ensureDir(join(tmp, 'data', 'native'));
  await ensureDir(join(tmp, 'data', 'html'));
  await ensureDir(join(tmp, 'data', 'media'));
  const manifest = new HashingWriter(join(tmp, 'manifest-sha256.txt'));
  const loadFile = new HashingWriter(join(tmp, 'data', 'loadfile.csv'));
  const records = new HashingWriter(join(tmp, 'data', 'archive-records.jsonl'));
  const writers = [manifest, loadFile, records];
  try {
    const names = await nameMaps(o.db);
    const archive = await archiveState(o.db);
    const total = await countItems(o.db, o.filter);
    await o.onProgress?.({ phase: 'writing', done: 0, total });
    let payloadBytes = 0;
    let payloadFiles = 0;
    let n = 0;
    let items = 0;
    let media = 0;
    let firstBates: string | null = null;
    let lastBates: string | null = null;
    const flags: string[] = [];
    const payload = async (rel: string, sha: string, bytes: number) => {
      await manifest.write(`${sha}  ${manifestPath(rel)}\n`);
      payloadBytes += bytes;
      payloadFiles += 1;
    };
    // Small files written synchronously: half the CPU of the promise API for 200,000 files of a few KB
    // (measured in bench/exports); the loop yields every YIELD_EVERY items so a server stays responsive.
    // `sha256` when the content's hash is already known (checked against it), so it is not hashed twice.
    const writePayload = async (rel: string, content: string, sha256?: string) => {
      writeFileSync(join(tmp, rel), content, { flag: 'wx' });
      await payload(rel, sha256 ?? hash('sha256', content, 'hex'), Buffer.byteLength(content, 'utf8'));
    };

    await loadFile.write(csvLine(LOAD_FILE_COLUMNS));
    const redactions = await redactionsFor(o.db, o.filter);
    for await (const original of exportableItems(o.db, o.filter, { pageSize: o.pageSize })) {
      const red = redactions.get(original.id);
      const r = red ? redactedRow(original, red) : original;
      const bates = batesNumber(o.batesPrefix, ++n);
      firstBates ??= bates;
      const nativeRel = `data/native/${bates}.json`;
      const htmlRel = `data/html/${bates}.html`;
      // The native file holds the payload exactly as stored: its SHA-256 is the archive's content_sha256
      // (exportableItems checked the payload against it).
      if (red) await writePayload(nativeRel, withheldNative(original, red, o.filter.request!.reference));
      else await writePayload(nativeRel, original.native, original.content_sha256);
      if (red) flags.push(`${bates} (archive item ${r.id}): produced redacted for ${o.filter.request!.reference} (${redactionList(red)}); its native payload is withheld and its text shows the markers`);
      const m = await copyMedia(o, tmp, r, bates, n, flags, red);
      if (m) {
        n += 1;
        media += 1;
        await payload(m.rel, m.sha256, m.bytes);
      }
      const endBates = m ? m.bates : bates;
      lastBates = endBates;
      const departmentName = r.department_id ? (names.departments.get(r.department_id) ?? null) : 'City';
      const platformName = r.platform_id ? (names.platforms.get(r.platform_id) ?? null) : null;
      await writePayload(htmlRel, renderItemHtml(r, { bates, mediaBates: m?.bates ?? null, mediaPath: m?.rel ?? null, nativePath: nativeRel, cityName: o.cityName, departmentName, platformName }));
      await loadFile.write(csvLine([bates, endBates, r.id, r.seq, r.kind, r.source_id, platformName, r.platform_id, departmentName, r.department_id, createdOnPlatform(r), r.captured_at, r.retain_until, r.content_sha256, nativeRel, htmlRel, m?.rel ?? null, m?.sha256 ?? null, red ? redactionList(red) : null]));
      await records.write(`${recordLine(r, bates, nativeRel, !!red)}\n`);
      items += 1;
      if (items % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      if (items % 500 === 0) await o.onProgress?.({ phase: 'writing', done: items, total });
    }
    await o.onProgress?.({ phase: 'finishing', done: items, total });

    for (const [w, rel] of [
      [loadFile, 'data/loadfile.csv'],
      [records, 'data/archive-records.jsonl'],
    ] as const) {
      const sha = await w.close();
      await payload(rel, sha, w.bytes);
    }
    const manifestSha256 = await manifest.close();

    const exportedAt = o.exportedAt.toISOString();
    const facts: CustodyFacts = { productionId: o.productionId, cityName: o.cityName, exportedBy: o.exportedBy, exportedAt, baggingDate: o.baggingDate, filterLines: describeFilter(o.filter), items, media, payloadBytes, payloadFiles, firstBates, lastBates, archive, manifestSha256, flags, software: o.software };
    const tagFiles: [string, string][] = [
      ['bagit.txt', bagitTxt()],
      ['bag-info.txt', bagInfoTxt(facts)],
      ['chain-of-custody.txt', custodyLog(facts)],
      ['certification-fre-902-14.txt', certificationTemplate(facts)],
    ];
    const tagLines = [`${manifestSha256}  manifest-sha256.txt\n`];
    for (const [name, text] of tagFiles) {
      await writeFile(join(tmp, name), text, { flag: 'wx' });
      tagLines.push(`${hash('sha256', text, 'hex')}  ${name}\n`);
    }
    // Written last: a bag without its tag manifest is visibly unfinished.
    await writeFile(join(tmp, 'tagmanifest-sha256.txt'), tagLines.join(''), { flag: 'wx' });

    // An empty directory may already stand at `out` (checked before): replace it.
    if ((await stat(o.out).catch(() => null))?.isDirectory()) await rmdir(o.out);
    await rename(tmp, o.out);
    return { format: 'bagit', path: o.out, items, media, firstBates, lastBates, bytes: payloadBytes, sha256: manifestSha256, archive, exportedAt, exportedBy: o.exportedBy };
  } catch (e) {
    for (const w of writers) w.destroy();
    await removeQuietly(tmp);
    throw e;
  }
}

/** Read from the metadata text without parsing it all (the renderer parses it once already). */
function createdOnPlatform(r: Row<'archive_items'>): string | null {
  const m = /"createdOnPlatformAt":"([^"\\]{1,40})"/.exec(r.metadata);
  return m ? m[1]! : null;
}

/** The archive row without its payload (which is in the native file): enough to recompute item_hash. */
function recordLine(r: Row<'archive_items'>, bates: string, nativePath: string, redacted: boolean): string {
  const { native: _native, ...rest } = r;
  // A redacted record's text carries the markers, so its chain hash cannot be recomputed from the bag.
  return JSON.stringify({ bates, native_path: nativePath, ...rest, seq: Number(r.seq), ...(redacted ? { redacted: true } : {}) });
}

async function copyMedia(o: BagOptions, tmp: string, r: Row<'archive_items'>, itemBates: string, n: number, flags: string[], red?: ItemRedactions) {
  const ref = mediaOf(r);
  if (!ref) return null;
  const from = await findStoredFile(o.dataDir, ref.storedSha256);
  if (!from) {
    flags.push(`${itemBates} (archive item ${r.id}): the stored file ${ref.storedSha256} (${ref.filename}) was not found in attachment storage; the record is produced without it`);
    return null;
  }
  const bates = batesNumber(o.batesPrefix, n + 1);
  if (red?.regions.length) {
    const painted = `data/media/${bates}.png`;
    return { bates, rel: painted, ...(await writePaintedImage(from, ref.storedSha256, red.regions, join(tmp, painted), Number(r.seq))) };
  }
  const rel = `data/media/${bates}.${extensionOf(ref.filename)}`;
  const copied = await copyHashing(from, join(tmp, rel));
  if (copied.sha256 !== ref.storedSha256) {
    throw conflict(`The stored file of archive item #${r.seq} (attachment ${r.source_id}) does not match the SHA-256 recorded when it was stored: it was altered. Nothing was exported.`, ['IV.A.12']);
  }
  return { bates, rel, ...copied };
}
