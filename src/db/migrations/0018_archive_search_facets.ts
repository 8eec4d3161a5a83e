import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * Archive search facets (issue 6): the item's kind, department, platform and capture time copied
 * into its search side row (archive_search_entries), so a search filtered by them reads the narrow
 * side row instead of joining every candidate to the wide archive_items row (native payload,
 * text, metadata). archive_items is untouched (append-only, hash-chained).
 *
 * Existing side rows are backfilled from their items. The capture trigger of 0013 is replaced by
 * one that writes the same side row with the four columns taken from the inserted row itself (no
 * extra statement or lookup per capture). The JSON extraction below is 0013's, copied: a migration
 * is a snapshot and may not import another.
 */
const TEXT_LIMIT = 250_000;
const FACETS = ['kind', 'department_id', 'platform_id', 'captured_at'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await postgresUp(db);
  else await sqliteUp(db);
}

/** 0013's side row from an archive_items row `row` (SQLite JSON1), with or without the facet columns. */
function sqliteEntry(row: string, facets: boolean): { columns: string; values: string } {
  const m = `(CASE WHEN json_valid(${row}.metadata) THEN ${row}.metadata ELSE '{}' END)`;
  const str = (path: string) => `(CASE WHEN json_type(${m}, '${path}') IN ('text', 'integer', 'real') THEN json_extract(${m}, '${path}') END)`;
  const clauses = `(CASE WHEN json_type(${m}, '$.clauses') = 'array' THEN (SELECT group_concat(value, ' ') FROM json_each(${m}, '$.clauses') WHERE type = 'text') END)`;
  const values = `${row}.seq, ${row}.id,
      strftime('%Y-%m-%dT%H:%M:%fZ', ${str('$.createdOnPlatformAt')}),
      lower(${str('$.author.name')}), lower(ltrim(${str('$.author.handle')}, '@')), ${str('$.author.personId')},
      coalesce(${str('$.status')}, ${str('$.decision')}, ${str('$.change')}),
      trim(coalesce(${str('$.author.name')}, '') || ' ' || coalesce(${str('$.author.handle')}, '') || ' ' || coalesce(${str('$.reason')}, '') || ' ' || coalesce(${str('$.decision')}, '') || ' ' || coalesce(${clauses}, ''))`;
  const columns = 'seq, item_id, created_on_platform_at, author_name, author_handle, author_person_id, status, meta_text';
  return facets ? { columns: `${columns}, ${FACETS.join(', ')}`, values: `${values}, ${FACETS.map((c) => `${row}.${c}`).join(', ')}` } : { columns, values };
}

/** 0013's capture trigger (SQLite), writing the facet columns when `facets`. */
function sqliteTrigger(facets: boolean): string {
  const entry = sqliteEntry('new', facets);
  const m = `(CASE WHEN json_valid(new.metadata) THEN new.metadata ELSE '{}' END)`;
  return `CREATE TRIGGER archive_search_index AFTER INSERT ON archive_items BEGIN
        INSERT INTO archive_search_entries (${entry.columns}) SELECT ${entry.values};
        INSERT OR IGNORE INTO archive_search_clauses (clause, seq) SELECT DISTINCT j.value, new.seq FROM json_each(CASE WHEN json_type(${m}, '$.clauses') = 'array' THEN json_extract(${m}, '$.clauses') ELSE '[]' END) j WHERE j.type = 'text';
        INSERT INTO archive_search_fts (rowid, body, meta) SELECT new.seq, substr(new.rendered_text, 1, ${TEXT_LIMIT}), e.meta_text FROM archive_search_entries e WHERE e.seq = new.seq;
      END`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function sqliteUp(db: Kysely<any>): Promise<void> {
  for (const c of FACETS) await sql.raw(`ALTER TABLE archive_search_entries ADD COLUMN ${c} TEXT`).execute(db);
  await sql
    .raw(`UPDATE archive_search_entries SET (${FACETS.join(', ')}) = (${FACETS.map((c) => `a.${c}`).join(', ')}) FROM archive_items a WHERE a.seq = archive_search_entries.seq`)
    .execute(db);
  await sql.raw('DROP TRIGGER archive_search_index').execute(db);
  await sql.raw(sqliteTrigger(true)).execute(db);
}

/** 0013's archive_search_add (PostgreSQL), with the facet columns as four more arguments when `facets`. */
function postgresAdd(facets: boolean): string {
  const params = facets ? ', p_kind text, p_department text, p_platform text, p_captured text' : '';
  const columns = facets ? `, ${FACETS.join(', ')}` : '';
  const values = facets ? ', p_kind, p_department, p_platform, p_captured' : '';
  return `CREATE FUNCTION archive_search_add(p_seq integer, p_id text, p_text text, p_metadata text${params}) RETURNS void LANGUAGE plpgsql AS $fn$
      DECLARE
        m jsonb;
        created text;
        clauses text[];
        meta text;
        str_name text; str_handle text; str_person text; str_status text;
      BEGIN
        BEGIN m := p_metadata::jsonb; EXCEPTION WHEN others THEN m := '{}'::jsonb; END;
        IF jsonb_typeof(m) <> 'object' THEN m := '{}'::jsonb; END IF;
        IF jsonb_typeof(m->'createdOnPlatformAt') = 'string' THEN
          BEGIN created := to_char((m->>'createdOnPlatformAt')::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
          EXCEPTION WHEN others THEN created := NULL; END;
        END IF;
        IF jsonb_typeof(m->'clauses') = 'array' THEN
          SELECT array_agg(DISTINCT x) INTO clauses FROM jsonb_array_elements(m->'clauses') e, LATERAL (SELECT e #>> '{}' AS x) v WHERE jsonb_typeof(e) = 'string';
        END IF;
        IF jsonb_typeof(m->'author') = 'object' THEN
          str_name := CASE WHEN jsonb_typeof(m->'author'->'name') IN ('string', 'number') THEN m->'author'->>'name' END;
          str_handle := CASE WHEN jsonb_typeof(m->'author'->'handle') IN ('string', 'number') THEN m->'author'->>'handle' END;
          str_person := CASE WHEN jsonb_typeof(m->'author'->'personId') IN ('string', 'number') THEN m->'author'->>'personId' END;
        END IF;
        str_status := coalesce(
          CASE WHEN jsonb_typeof(m->'status') IN ('string', 'number') THEN m->>'status' END,
          CASE WHEN jsonb_typeof(m->'decision') IN ('string', 'number') THEN m->>'decision' END,
          CASE WHEN jsonb_typeof(m->'change') IN ('string', 'number') THEN m->>'change' END);
        meta := trim(concat_ws(' ', str_name, str_handle,
          CASE WHEN jsonb_typeof(m->'reason') IN ('string', 'number') THEN m->>'reason' END,
          CASE WHEN jsonb_typeof(m->'decision') IN ('string', 'number') THEN m->>'decision' END,
          array_to_string(clauses, ' ')));
        INSERT INTO archive_search_entries (seq, item_id, created_on_platform_at, author_name, author_handle, author_person_id, status, meta_text, document${columns})
        VALUES (p_seq, p_id, created, lower(str_name), lower(ltrim(str_handle, '@')), str_person, str_status, meta,
          setweight(to_tsvector('english', left(p_text, ${TEXT_LIMIT})), 'A') || setweight(to_tsvector('english', meta), 'B')${values});
        IF clauses IS NOT NULL THEN
          INSERT INTO archive_search_clauses (clause, seq) SELECT c, p_seq FROM unnest(clauses) c ON CONFLICT DO NOTHING;
        END IF;
      END $fn$`;
}

const postgresIndexFn = (facets: boolean) =>
  `CREATE OR REPLACE FUNCTION archive_search_index() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN PERFORM archive_search_add(NEW.seq, NEW.id, NEW.rendered_text, NEW.metadata${facets ? ', NEW.kind, NEW.department_id, NEW.platform_id, NEW.captured_at' : ''}); RETURN NULL; END $fn$`;

/** archive_search_entries' columns before 0018, and its indexes (0013), re-created on the rebuilt table. */
const ENTRY_COLUMNS = ['seq', 'item_id', 'created_on_platform_at', 'author_name', 'author_handle', 'author_person_id', 'status', 'meta_text', 'document'];
const ENTRY_INDEXES: [string, string][] = [
  ['archive_search_entries_created', 'created_on_platform_at'],
  ['archive_search_entries_author_name', 'author_name'],
  ['archive_search_entries_author_handle', 'author_handle'],
  ['archive_search_entries_author_person', 'author_person_id'],
  ['archive_search_entries_status', 'status'],
];

/**
 * PostgreSQL: the side table is rebuilt with the columns rather than updated in place. An UPDATE
 * of every row writes a second copy of each (the old ones stay as dead space, doubling the table
 * every search reads) and inserts each again into the GIN index one row at a time.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function postgresUp(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `CREATE TABLE archive_search_entries_0018 AS SELECT ${ENTRY_COLUMNS.map((c) => `e.${c}`).join(', ')}, ${FACETS.map((c) => `a.${c}`).join(', ')}
      FROM archive_search_entries e LEFT JOIN archive_items a ON a.seq = e.seq ORDER BY e.seq`,
    )
    .execute(db);
  await sql.raw('DROP TABLE archive_search_entries').execute(db);
  await sql.raw('ALTER TABLE archive_search_entries_0018 RENAME TO archive_search_entries').execute(db);
  for (const c of ['item_id', 'meta_text', 'document']) await sql.raw(`ALTER TABLE archive_search_entries ALTER COLUMN ${c} SET NOT NULL`).execute(db);
  await sql.raw('ALTER TABLE archive_search_entries ADD CONSTRAINT archive_search_entries_pkey PRIMARY KEY (seq)').execute(db);
  for (const [name, column] of ENTRY_INDEXES) await sql.raw(`CREATE INDEX ${name} ON archive_search_entries (${column})`).execute(db);
  await sql.raw('CREATE INDEX archive_search_entries_document ON archive_search_entries USING gin (document)').execute(db);
  // The trigger function is replaced in place (same trigger), then the old four-argument builder goes.
  await sql.raw(postgresAdd(true)).execute(db);
  await sql.raw(postgresIndexFn(true)).execute(db);
  await sql.raw('DROP FUNCTION archive_search_add(integer, text, text, text)').execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql.raw(postgresAdd(false)).execute(db);
    await sql.raw(postgresIndexFn(false)).execute(db);
    await sql.raw('DROP FUNCTION archive_search_add(integer, text, text, text, text, text, text, text)').execute(db);
  } else {
    await sql.raw('DROP TRIGGER archive_search_index').execute(db);
    await sql.raw(sqliteTrigger(false)).execute(db);
  }
  for (const c of FACETS) await sql.raw(`ALTER TABLE archive_search_entries DROP COLUMN ${c}`).execute(db);
}
