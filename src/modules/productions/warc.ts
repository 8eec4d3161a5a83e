import { hash, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import type { Db, Row } from '../../db/index.ts';
import { fromJson } from '../../kernel/codec.ts';
import { nameMaps } from './bagit.ts';
import { custodyLog } from './custody.ts';
import { describeFilter } from './filters.ts';
import { redactedRow, redactionsFor } from './redacted.ts';
import { HashingWriter, removeQuietly } from './files.ts';
import { batesNumber, renderItemHtml } from './render.ts';
import { archiveState, countItems, exportableItems } from './source.ts';
import type { OnProgress, ProductionResult, ResolvedFilter } from './types.ts';

export interface WarcOptions {
  db: Db;
  out: string;
  filter: ResolvedFilter;
  batesPrefix: string;
  productionId: string;
  cityName: string;
  /** Crier's public address: each record's WARC-Target-URI is the item's address under it. */
  baseUrl: string;
  exportedBy: string;
  exportedAt: Date;
  software: string;
  /** Gzip each record on its own (a .warc.gz readers can seek into). */
  gzip: boolean;
  onProgress?: OnProgress;
  pageSize?: number;
}

const WARC = 'WARC/1.1' as const;

/**
 * warcio serializes the record; each record is then gzipped on its own with zlib (a valid
 * per-record .warc.gz member), which costs a fraction of warcio's web-stream compression.
 */
async function writeRecord(w: HashingWriter, record: WARCRecord, gzip: boolean): Promise<void> {
  const bytes = Buffer.from(await new WARCSerializer(record, { gzip: false, digest: { algo: 'sha-256', prefix: 'sha256:' } }).readFully());
  await w.write(gzip ? gzipSync(bytes) : bytes);
}

/**
 * A WARC 1.1 file: a warcinfo record, then one `resource` record per item holding its rendered
 * HTML. Written to a temporary file beside `out` and renamed into place when complete.
 */
export async function writeWarc(o: WarcOptions): Promise<ProductionResult> {
  const tmp = join(dirname(o.out), `.${basename(o.out)}.partial-${randomUUID()}`);
  const file = new HashingWriter(tmp);
  try {
    const names = await nameMaps(o.db);
    const archive = await archiveState(o.db);
    const total = await countItems(o.db, o.filter);
    await o.onProgress?.({ phase: 'writing', done: 0, total });
    const exportedAt = o.exportedAt.toISOString();
    const info: Record<string, string> = {
      software: o.software,
      format: 'WARC file version 1.1',
      conformsTo: 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
      operator: `${o.exportedBy} for the ${o.cityName}`,
      description: `Production ${o.productionId} of archived social media records (Policy IV.A.12): each record is the HTML rendering of one archived item, stamped with its Bates number.`,
      isPartOf: o.productionId,
      'crier-archive-head': `#${archive.headSeq} ${archive.headHash}`,
      'crier-archive-last-seal': archive.lastSeal ? `${archive.lastSeal.date} ${archive.lastSeal.sealHash}` : 'none yet',
      'crier-filter': describeFilter(o.filter).join('; '),
    };
    await writeRecord(file, WARCRecord.createWARCInfo({ filename: basename(o.out), warcVersion: WARC, date: exportedAt }, info), o.gzip);

    let items = 0;
    let firstBates: string | null = null;
    let lastBates: string | null = null;
    const redactions = await redactionsFor(o.db, o.filter);
    for await (const original of exportableItems(o.db, o.filter, { pageSize: o.pageSize })) {
      const red = redactions.get(original.id);
      // A production for a records request shows the text with that request's redactions applied (IV.A.11).
      const r = red ? redactedRow(original, red) : original;
      const bates = batesNumber(o.batesPrefix, ++items);
      firstBates ??= bates;
      lastBates = bates;
      const departmentName = r.department_id ? (names.departments.get(r.department_id) ?? null) : 'City';
      const platformName = r.platform_id ? (names.platforms.get(r.platform_id) ?? null) : null;
      const html = Buffer.from(renderItemHtml(r, { bates, mediaBates: null, mediaPath: null, nativePath: `archive item ${r.id}`, cityName: o.cityName, departmentName, platformName }), 'utf8');
      const digest = hash('sha256', html, 'hex');
      const record = WARCRecord.create(
        {
          url: itemUri(o.baseUrl, r),
          date: r.captured_at,
          type: 'resource',
          warcVersion: WARC,
          // The block is the payload (no HTTP headers): one SHA-256, computed here, is both digests.
          warcHeaders: { 'Content-Type': 'text/html; charset=utf-8', 'WARC-Payload-Digest': `sha256:${digest}`, 'WARC-Block-Digest': `sha256:${digest}`, 'WARC-Crier-Item-Id': r.id, 'WARC-Crier-Bates': bates, 'WARC-Crier-Content-SHA256': r.content_sha256, ...platformUrl(r) },
        },
        [html],
      );
      await writeRecord(file, record, o.gzip);
      // Serializing and gzipping are synchronous: yield now and then so a server stays responsive.
      if (items % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
      if (items % 500 === 0) await o.onProgress?.({ phase: 'writing', done: items, total });
    }
    await o.onProgress?.({ phase: 'finishing', done: items, total });
    const sha256 = await file.close();
    await rename(tmp, o.out);
    const custody = custodyLog({ productionId: o.productionId, cityName: o.cityName, exportedBy: o.exportedBy, exportedAt, baggingDate: exportedAt.slice(0, 10), filterLines: describeFilter(o.filter), items, media: 0, payloadBytes: file.bytes, payloadFiles: 1, firstBates, lastBates, archive, manifestSha256: sha256, flags: [], software: o.software }, true);
    return { format: 'warc', path: o.out, items, media: 0, firstBates, lastBates, bytes: file.bytes, sha256, archive, exportedAt, exportedBy: o.exportedBy, custodyLog: custody };
  } catch (e) {
    file.destroy();
    await removeQuietly(tmp);
    throw e;
  }
}

export const itemUri = (baseUrl: string, r: Pick<Row<'archive_items'>, 'id'>) => `${baseUrl.replace(/\/+$/, '')}/records/archive/${r.id}`;

/** Where the record lived on its platform, when the capture knew it. */
function platformUrl(r: Row<'archive_items'>): Record<string, string> {
  const m = fromJson<{ platformIds?: Record<string, string | null> }>(r.metadata);
  const url = m?.platformIds?.remoteUrl;
  return url && /^https?:\/\//.test(url) ? { 'WARC-Crier-Platform-URL': url } : {};
}
