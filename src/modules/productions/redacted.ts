import { hash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { Db, Row } from '../../db/index.ts';
import { conflict } from '../../kernel/errors.ts';
import { paintRegions, redactText, redactionsInForce, type ItemRedactions } from '../redactions/index.ts';
import type { ResolvedFilter } from './types.ts';

export type { ItemRedactions };

/**
 * A production made for a public records request applies that request's redactions (IV.A.11):
 * the requester never receives a part the City withheld. Productions made for anything else
 * (a litigation hold, an audit) are of the originals.
 */
export async function redactionsFor(db: Db, filter: ResolvedFilter): Promise<Map<string, ItemRedactions>> {
  return filter.request ? redactionsInForce(db, filter.request.id) : new Map();
}

/** The row as produced: each redacted span of the text replaced by its marker. */
export function redactedRow(r: Row<'archive_items'>, red: ItemRedactions): Row<'archive_items'> {
  return red.spans.length ? { ...r, rendered_text: redactText(r.rendered_text, red.spans) } : r;
}

/** Log numbers and citations, for the load file and the custody log: "#1 Gov. Code 7927.700; #3 …". */
export const redactionList = (red: ItemRedactions): string => red.entries.map((e) => `#${e.position} ${e.citation}`).join('; ');

/**
 * In place of the native payload, which holds the redacted words: what it was (its SHA-256 in the
 * archive), the text as produced, and the redactions applied.
 */
export function withheldNative(r: Row<'archive_items'>, red: ItemRedactions, requestReference: string): string {
  return `${JSON.stringify(
    {
      withheld: `The native payload of this record is withheld: it is produced redacted for public records request ${requestReference}. The City keeps the original unchanged in its archive.`,
      archiveItemId: r.id,
      archiveContentSha256: r.content_sha256,
      renderedText: redactedRow(r, red).rendered_text,
      redactions: red.entries,
    },
    null,
    2,
  )}\n`;
}

/** The redacted copy of a stored image (regions painted black, metadata gone), after checking the stored file is the one archived. */
export async function writePaintedImage(from: string, expectedSha256: string, regions: ItemRedactions['regions'], to: string, seq: number): Promise<{ sha256: string; bytes: number }> {
  const bytes = await readFile(from);
  if (hash('sha256', bytes, 'hex') !== expectedSha256) {
    throw conflict(`The stored file of archive item #${seq} does not match the SHA-256 recorded when it was stored: it was altered. Nothing was exported.`, ['IV.A.12']);
  }
  const png = await paintRegions(bytes, regions);
  await writeFile(to, png, { flag: 'wx' });
  return { sha256: hash('sha256', png, 'hex'), bytes: png.length };
}
