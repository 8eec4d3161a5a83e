import type { AppContext } from '../../src/context.ts';
import { newId } from '../../src/kernel/ids.ts';
import type { ArchiveMetadata, CaptureInput } from '../../src/modules/archive/index.ts';

export { refusal } from '../offduty/support.ts';
export { desk, staff, FORM, type Desk } from '../records-requests/support.ts';

/** Captures one record the way a writer does: inside a transaction. Returns its archive id. */
export async function capture(ctx: AppContext, over: Partial<CaptureInput> & { renderedText: string; metadata?: ArchiveMetadata }): Promise<string> {
  const input: CaptureInput = {
    kind: 'comment',
    sourceId: newId(),
    departmentId: null,
    platformId: null,
    native: { text: over.renderedText },
    ...over,
  };
  const item = await ctx.db.db.transaction().execute((tx) => ctx.archive.capture(tx, input));
  return item.id;
}

/** The ids of a page of hits, in order. */
export const ids = (page: { hits: { id: string }[] }) => page.hits.map((h) => h.id);
