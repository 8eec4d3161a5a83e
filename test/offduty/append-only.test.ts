import { expect, it } from 'vitest';
import type { Db } from '../../src/db/index.ts';

/**
 * The time log is append-only (IV.C.15(e)(i)(B)–(C)): its columns are `Frozen` in the schema, so
 * code that tries to edit an entry does not compile (checked by `tsc`, which covers test/).
 */
function editsAnEntry(db: Db) {
  // @ts-expect-error — offduty_entries columns cannot be updated
  return db.updateTable('offduty_entries').set({ minutes: 1 });
}

function editsAnActivity(db: Db) {
  // @ts-expect-error — offduty_activities columns cannot be updated
  return db.updateTable('offduty_activities').set({ what: 'something else' });
}

it('[IV.C.15(e)(i)(C)] time entries and logged activities cannot be edited, only added to (checked at compile time)', () => {
  expect(typeof editsAnEntry).toBe('function');
  expect(typeof editsAnActivity).toBe('function');
});
