import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Frozen: never edit after it has landed; add a new migration instead.
 * Archive search (SPEC §5; IV.A.11): full text over archive_items plus the metadata people filter
 * by, saved searches, and what a records request collected from the archive.
 *
 * archive_items is append-only and hash-chained, so nothing is added to its rows: an AFTER INSERT
 * trigger fills a side row per item (archive_search_entries: the filterable metadata pulled out of
 * the JSON and the searchable metadata text) and the full-text index, in the capture's own
 * transaction. SQLite: an FTS5 table whose content is a view over the item and its side row
 * (external content: the text is not stored twice). PostgreSQL: a weighted tsvector in the side
 * row with a GIN index. Items already in the archive are indexed here.
 *
 * Metadata is the item's canonical JSON; a value that is not JSON (never written by capture) or
 * not the expected shape indexes as empty instead of failing the capture. Text beyond
 * TEXT_LIMIT characters is not indexed (PostgreSQL's tsvector is limited to 1 MB).
 */
const TEXT_LIMIT = 250_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('archive_search_entries')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('created_on_platform_at', 'text')
    .addColumn('author_name', 'text')
    .addColumn('author_handle', 'text')
    .addColumn('author_person_id', 'text')
    .addColumn('status', 'text')
    .addColumn('meta_text', 'text', (c) => c.notNull())
    .$call((t) => (postgres ? t.addColumn('document', sql`tsvector`, (c) => c.notNull()) : t))
    .execute();
  await db.schema.createIndex('archive_search_entries_created').on('archive_search_entries').columns(['created_on_platform_at']).execute();
  await db.schema.createIndex('archive_search_entries_author_name').on('archive_search_entries').columns(['author_name']).execute();
  await db.schema.createIndex('archive_search_entries_author_handle').on('archive_search_entries').columns(['author_handle']).execute();
  await db.schema.createIndex('archive_search_entries_author_person').on('archive_search_entries').columns(['author_person_id']).execute();
  await db.schema.createIndex('archive_search_entries_status').on('archive_search_entries').columns(['status']).execute();

  await db.schema
    .createTable('archive_search_clauses')
    .addColumn('clause', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('archive_search_clauses_pk', ['clause', 'seq'])
    .execute();

  if (postgres) await postgresIndex(db);
  else await sqliteIndex(db);

  await db.schema
    .createTable('archive_saved_searches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'text')
    .execute();
  await db.schema.createIndex('archive_saved_searches_owner').on('archive_saved_searches').columns(['owner_id', 'created_at']).execute();

  await db.schema
    .createTable('records_request_collections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('records_requests.id'))
    .addColumn('saved_search_id', 'text', (c) => c.references('archive_saved_searches.id'))
    .addColumn('query', 'text')
    .addColumn('filters', 'text')
    .addColumn('explicit_ids', 'integer', (c) => c.notNull())
    .addColumn('matched', 'integer', (c) => c.notNull())
    .addColumn('added', 'integer', (c) => c.notNull())
    .addColumn('collected_by', 'text', (c) => c.notNull())
    .addColumn('collected_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('records_request_collections_request').on('records_request_collections').columns(['request_id', 'collected_at']).execute();

  await db.schema
    .createTable('records_request_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('records_requests.id'))
    .addColumn('archive_item_id', 'text', (c) => c.notNull().references('archive_items.id'))
    .addColumn('archive_seq', 'integer', (c) => c.notNull())
    .addColumn('collection_id', 'text', (c) => c.notNull().references('records_request_collections.id'))
    .addColumn('collected_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('records_request_items_unique').on('records_request_items').columns(['request_id', 'archive_item_id']).unique().execute();
  await db.schema.createIndex('records_request_items_order').on('records_request_items').columns(['request_id', 'archive_seq']).execute();
}

/** SQLite: the side row from JSON1, an FTS5 index over a view (external content), a trigger. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function sqliteIndex(db: Kysely<any>): Promise<void> {
  const entryFrom = (row: string) => {
    const m = `(CASE WHEN json_valid(${row}.metadata) THEN ${row}.metadata ELSE '{}' END)`;
    const str = (path: string) => `(CASE WHEN json_type(${m}, '${path}') IN ('text', 'integer', 'real') THEN json_extract(${m}, '${path}') END)`;
    const clauses = `(CASE WHEN json_type(${m}, '$.clauses') = 'array' THEN (SELECT group_concat(value, ' ') FROM json_each(${m}, '$.clauses') WHERE type = 'text') END)`;
    return `${row}.seq, ${row}.id,
      strftime('%Y-%m-%dT%H:%M:%fZ', ${str('$.createdOnPlatformAt')}),
      lower(${str('$.author.name')}), lower(ltrim(${str('$.author.handle')}, '@')), ${str('$.author.personId')},
      coalesce(${str('$.status')}, ${str('$.decision')}, ${str('$.change')}),
      trim(coalesce(${str('$.author.name')}, '') || ' ' || coalesce(${str('$.author.handle')}, '') || ' ' || coalesce(${str('$.reason')}, '') || ' ' || coalesce(${str('$.decision')}, '') || ' ' || coalesce(${clauses}, ''))`;
  };
  /** The item's clause ids, one row each; `from` names the item row (and the table it comes from, when not a trigger's `new`). */
  const clausesFrom = (row: string, from: string) => {
    const m = `(CASE WHEN json_valid(${row}.metadata) THEN ${row}.metadata ELSE '{}' END)`;
    return `SELECT DISTINCT j.value, ${row}.seq FROM ${from}json_each(CASE WHEN json_type(${m}, '$.clauses') = 'array' THEN json_extract(${m}, '$.clauses') ELSE '[]' END) j WHERE j.type = 'text'`;
  };
  const columns = 'seq, item_id, created_on_platform_at, author_name, author_handle, author_person_id, status, meta_text';
  await sql.raw(`INSERT INTO archive_search_entries (${columns}) SELECT ${entryFrom('a')} FROM archive_items a`).execute(db);
  await sql.raw(`INSERT OR IGNORE INTO archive_search_clauses (clause, seq) ${clausesFrom('a', 'archive_items a, ')}`).execute(db);
  await sql.raw(`CREATE VIEW archive_search_content AS SELECT a.seq AS seq, substr(a.rendered_text, 1, ${TEXT_LIMIT}) AS body, e.meta_text AS meta FROM archive_items a JOIN archive_search_entries e ON e.seq = a.seq`).execute(db);
  await sql.raw(`CREATE VIRTUAL TABLE archive_search_fts USING fts5(body, meta, content='archive_search_content', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2')`).execute(db);
  await sql.raw(`INSERT INTO archive_search_fts (archive_search_fts) VALUES ('rebuild')`).execute(db);
  await sql
    .raw(
      `CREATE TRIGGER archive_search_index AFTER INSERT ON archive_items BEGIN
        INSERT INTO archive_search_entries (${columns}) SELECT ${entryFrom('new')};
        INSERT OR IGNORE INTO archive_search_clauses (clause, seq) ${clausesFrom('new', '')};
        INSERT INTO archive_search_fts (rowid, body, meta) SELECT new.seq, substr(new.rendered_text, 1, ${TEXT_LIMIT}), e.meta_text FROM archive_search_entries e WHERE e.seq = new.seq;
      END`,
    )
    .execute(db);
}

/** PostgreSQL: one function builds the side row (used by the trigger and to index what is there). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function postgresIndex(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `CREATE FUNCTION archive_search_add(p_seq integer, p_id text, p_text text, p_metadata text) RETURNS void LANGUAGE plpgsql AS $fn$
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
        INSERT INTO archive_search_entries (seq, item_id, created_on_platform_at, author_name, author_handle, author_person_id, status, meta_text, document)
        VALUES (p_seq, p_id, created, lower(str_name), lower(ltrim(str_handle, '@')), str_person, str_status, meta,
          setweight(to_tsvector('english', left(p_text, ${TEXT_LIMIT})), 'A') || setweight(to_tsvector('english', meta), 'B'));
        IF clauses IS NOT NULL THEN
          INSERT INTO archive_search_clauses (clause, seq) SELECT c, p_seq FROM unnest(clauses) c ON CONFLICT DO NOTHING;
        END IF;
      END $fn$`,
    )
    .execute(db);
  await sql.raw(`CREATE FUNCTION archive_search_index() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN PERFORM archive_search_add(NEW.seq, NEW.id, NEW.rendered_text, NEW.metadata); RETURN NULL; END $fn$`).execute(db);
  await sql.raw(`SELECT archive_search_add(seq, id, rendered_text, metadata) FROM archive_items ORDER BY seq`).execute(db);
  await sql.raw(`CREATE INDEX archive_search_entries_document ON archive_search_entries USING gin (document)`).execute(db);
  await sql.raw(`CREATE TRIGGER archive_search_index AFTER INSERT ON archive_items FOR EACH ROW EXECUTE FUNCTION archive_search_index()`).execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await sql.raw('DROP TRIGGER IF EXISTS archive_search_index ON archive_items').execute(db);
    await sql.raw('DROP FUNCTION IF EXISTS archive_search_index()').execute(db);
    await sql.raw('DROP FUNCTION IF EXISTS archive_search_add(integer, text, text, text)').execute(db);
  } else {
    await sql.raw('DROP TRIGGER IF EXISTS archive_search_index').execute(db);
    await sql.raw('DROP TABLE IF EXISTS archive_search_fts').execute(db);
    await sql.raw('DROP VIEW IF EXISTS archive_search_content').execute(db);
  }
  for (const t of ['records_request_items', 'records_request_collections', 'archive_saved_searches', 'archive_search_clauses', 'archive_search_entries']) await db.schema.dropTable(t).ifExists().execute();
}
