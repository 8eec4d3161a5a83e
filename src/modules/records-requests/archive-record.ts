import type { Executor } from '../../db/index.ts';
import { fromJson } from '../../kernel/codec.ts';
import type { ArchiveService, CaptureInput } from '../archive/index.ts';

/** What changed, named in the archived item's metadata. */
export type RequestChange = 'received' | 'assigned' | 'message_added' | 'extended' | 'reviewed' | 'determined' | 'closed';

const parse = (s: string | null): unknown => {
  if (s == null) return null;
  try {
    return fromJson(s);
  } catch {
    return s;
  }
};

/**
 * The request as it stands after a change, with its whole file: the dialogue, the extension and
 * its notice, the City Attorney's reviews, each determination with its letter and withheld items
 * (IV.A.11). A records request is itself a record the City keeps (retention category
 * publicRecordsRequests), so each change is archived in the transaction that made it.
 */
export async function recordsRequestRecord(tx: Executor, requestId: string, change: RequestChange): Promise<CaptureInput> {
  const r = await tx.selectFrom('records_requests').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow();
  const messages = await tx.selectFrom('records_request_messages').selectAll().where('request_id', '=', requestId).orderBy('position').execute();
  const extensions = await tx.selectFrom('records_request_extensions').selectAll().where('request_id', '=', requestId).execute();
  const reviews = await tx.selectFrom('records_request_reviews').selectAll().where('request_id', '=', requestId).orderBy('reviewed_at').execute();
  const determinations = await tx.selectFrom('records_request_determinations').selectAll().where('request_id', '=', requestId).orderBy('determined_at').execute();
  const withheld = await tx.selectFrom('records_request_withheld').selectAll().where('request_id', '=', requestId).orderBy('position').execute();
  const latest = determinations[determinations.length - 1] ?? null;
  const rendered = [
    `Public records request ${r.reference} (${r.status}), received ${r.received_on}, determination due ${r.due_on}`,
    r.description,
    ...messages.map((m) => `[${m.recorded_at} ${m.direction.replace('_', ' ')} by ${m.channel}] ${m.body}`),
  ];
  return {
    kind: 'records_request',
    sourceTable: 'records_requests',
    sourceId: r.id,
    // The City Clerk's folder is the City's own: requests are not filed under a department.
    departmentId: null,
    platformId: null,
    native: {
      request: r,
      messages,
      extensions: extensions.map((e) => ({ ...e, ground_detail: parse(e.ground_detail) })),
      reviews,
      determinations: determinations.map((d) => ({ ...d, responsible: parse(d.responsible) })),
      withheld,
    },
    renderedText: rendered.join('\n\n'),
    metadata: {
      reference: r.reference,
      change,
      status: r.status,
      channel: r.channel,
      receivedOn: r.received_on,
      dueOn: r.due_on,
      parentIds: { determination: latest?.id ?? null },
      outcome: latest?.outcome ?? null,
      estimatedProductionOn: r.estimated_production_on,
      messages: messages.length,
    },
    createdAt: r.received_at,
  };
}

/** Archives the request after a change, when the archive is wired (module tests may leave it out). */
export function requestArchiver(archive: Pick<ArchiveService, 'capture'> | undefined) {
  return async (tx: Executor, requestId: string, change: RequestChange): Promise<void> => {
    if (archive) await archive.capture(tx, await recordsRequestRecord(tx, requestId, change));
  };
}
