import { fromJson } from '../../kernel/codec.ts';
import { invalidInput } from '../../kernel/errors.ts';
import type { DialectName, Executor } from '../../db/index.ts';
import type { PolicyPack } from '../../policy/index.ts';
import { seqBounds, HIT_END, HIT_START, RANK_WINDOW, type Cursor, type SearchEngine } from './engine.ts';
import { normalizeFilters } from './filters.ts';
import { postgresEngine } from './postgres.ts';
import { parseQuery, type ParsedQuery } from './query.ts';
import { sqliteEngine } from './sqlite.ts';
import type { SearchFilters, SearchHit, SearchPage, SnippetPart } from './types.ts';

export const engineFor = (dialect: DialectName): SearchEngine => (dialect === 'postgres' ? postgresEngine : sqliteEngine);

export interface SearchInput {
  q?: string | null;
  filters?: SearchFilters;
  cursor?: string | null;
  limit?: number;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c.score === null ? [c.seq] : [c.seq, c.score])).toString('base64url');
}

export function decodeCursor(value: string, ranked: boolean): Cursor {
  const bad = () => invalidInput('cursor', 'is not the next-page value of a previous search');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || !Number.isSafeInteger(parsed[0]) || parsed.length !== (ranked ? 2 : 1)) throw bad();
  if (ranked && !Number.isFinite(parsed[1])) throw bad();
  return { seq: parsed[0] as number, score: ranked ? (parsed[1] as number) : null };
}

/** Splits an engine's marked snippet into plain and matched parts (the text is never HTML). */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let hit = false;
  let buf = '';
  const flush = () => {
    if (buf) parts.push({ text: buf, hit });
    buf = '';
  };
  for (const ch of marked) {
    if (ch === HIT_START || ch === HIT_END) {
      flush();
      hit = ch === HIT_START;
    } else buf += ch;
  }
  flush();
  return parts;
}

const EXCERPT = 240;
const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text);

/** The page's items with their metadata, in the engine's order. */
async function loadHits(ex: Executor, rows: { seq: number; score: number | null }[], marked: Map<number, string>): Promise<SearchHit[]> {
  if (rows.length === 0) return [];
  const seqs = rows.map((r) => r.seq);
  const items = await ex
    .selectFrom('archive_items as a')
    .leftJoin('archive_search_entries as e', 'e.seq', 'a.seq')
    .select(['a.seq', 'a.id', 'a.kind', 'a.department_id', 'a.platform_id', 'a.captured_at', 'a.metadata', 'e.created_on_platform_at', 'e.status'])
    .select((eb) => eb.fn<string>('substr', ['a.rendered_text', eb.val(1), eb.val(EXCERPT + 1)]).as('head'))
    .where('a.seq', 'in', seqs)
    .execute();
  const clauses = await ex.selectFrom('archive_search_clauses').select(['seq', 'clause']).where('seq', 'in', seqs).orderBy('clause').execute();
  const bySeq = new Map(items.map((i) => [Number(i.seq), i]));
  return rows.flatMap((r) => {
    const i = bySeq.get(r.seq);
    if (!i) return [];
    const meta = (fromJson<{ author?: { name?: unknown; handle?: unknown; personId?: unknown } }>(i.metadata) ?? {}) as { author?: Record<string, unknown> };
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    const m = marked.get(r.seq);
    return [
      {
        id: i.id,
        seq: r.seq,
        kind: i.kind,
        departmentId: i.department_id,
        platformId: i.platform_id,
        capturedAt: i.captured_at,
        createdOnPlatformAt: i.created_on_platform_at ?? null,
        author: { name: str(meta.author?.name), handle: str(meta.author?.handle), personId: str(meta.author?.personId) },
        status: i.status ?? null,
        clauses: clauses.filter((c) => Number(c.seq) === r.seq).map((c) => c.clause),
        score: r.score,
        snippet: m !== undefined && m !== '' ? snippetParts(m) : [{ text: excerpt(i.head ?? ''), hit: false }],
      },
    ];
  });
}

/** One page of results: ranked when there are words to look for, newest first when only filters. */
export async function runSearch(ex: Executor, dialect: DialectName, pack: PolicyPack, input: SearchInput): Promise<SearchPage & { query: ParsedQuery | null }> {
  const engine = engineFor(dialect);
  const q = parseQuery(input.q);
  const f = await seqBounds(ex, dialect, normalizeFilters(pack, input.filters));
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 20), 1), 100);
  const after = input.cursor ? decodeCursor(input.cursor, q !== null) : null;
  const rows = await engine.page(ex, q, f, after, limit);
  const marked = q ? await engine.snippets(ex, q, rows.map((r) => r.seq)) : new Map<number, string>();
  const hits = await loadHits(ex, rows, marked);
  const last = rows[rows.length - 1];
  return { hits, next: rows.length === limit && last ? encodeCursor(last) : null, rankedWithin: rows.some((r) => r.windowFull) ? RANK_WINDOW : null, query: q };
}
