import { sql, type Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * Off-duty work (IV.C.15(e)(i)(A)–(C)) and recurring review tasks (IV.C.15(f)(iii), IV.D.2):
 * - offduty_preauths: requests for pre-authorization of off-duty work and their decision.
 * - offduty_sessions: one row per off-duty session; changes only while open (last activity, end).
 * - offduty_activities: append-only, one row per logged activity (written in the action's transaction).
 * - offduty_entries: append-only time log; a correction is a new row naming the entry it corrects.
 * - review_tasks: one row per platform × kind × period (unique, so scheduling is idempotent).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('offduty_preauths')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('department_id', 'text')
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('window_end', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('platform_ids', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema.createIndex('offduty_preauths_person').on('offduty_preauths').columns(['person_id', 'status']).execute();

  await db.schema
    .createTable('offduty_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('department_id', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('last_activity_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('ended_by', 'text')
    .addColumn('activity_count', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('violation_notified_at', 'text')
    .execute();
  await db.schema.createIndex('offduty_sessions_person').on('offduty_sessions').columns(['person_id', 'ended_at']).execute();
  // At most one open session per person, even under concurrent writers (partial unique index, both dialects).
  await db.schema.createIndex('offduty_sessions_one_open').on('offduty_sessions').column('person_id').unique().where(sql.ref('ended_at'), 'is', null).execute();

  await db.schema
    .createTable('offduty_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('offduty_sessions.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('offduty_activities_session').on('offduty_activities').column('session_id').execute();

  await db.schema
    .createTable('offduty_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('department_id', 'text')
    .addColumn('session_id', 'text', (c) => c.notNull().references('offduty_sessions.id'))
    .addColumn('corrects_id', 'text', (c) => c.references('offduty_entries.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('preauth_id', 'text')
    .addColumn('flags', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('offduty_entries_person').on('offduty_entries').columns(['person_id', 'started_at']).execute();
  await db.schema.createIndex('offduty_entries_department').on('offduty_entries').columns(['department_id', 'started_at']).execute();
  // A correction supersedes exactly one entry, once: a second correction corrects the correction.
  await db.schema.createIndex('offduty_entries_corrects').on('offduty_entries').column('corrects_id').unique().execute();

  await db.schema
    .createTable('review_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('platforms.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('owner_role', 'text', (c) => c.notNull())
    .addColumn('owner_department_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('completed_by', 'text')
    .addColumn('outcome', 'text')
    .addColumn('findings', 'text')
    .addColumn('notes', 'text')
    .addColumn('cancelled_reason', 'text')
    .execute();
  await db.schema.createIndex('review_tasks_period').on('review_tasks').columns(['platform_id', 'kind', 'period']).unique().execute();
  await db.schema.createIndex('review_tasks_status').on('review_tasks').columns(['status', 'due_on']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_tasks').execute();
  await db.schema.dropTable('offduty_entries').execute();
  await db.schema.dropTable('offduty_activities').execute();
  await db.schema.dropTable('offduty_sessions').execute();
  await db.schema.dropTable('offduty_preauths').execute();
}
