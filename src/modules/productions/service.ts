import { authorize } from '../../authz/index.ts';
import type { Db } from '../../db/index.ts';
import { actorLabel, type Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { invalidInput } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { hasClause, localDate, type PolicyPack } from '../../policy/index.ts';
import type { AuditService } from '../audit/index.ts';
import { writeBag } from './bagit.ts';
import { assertFreshOutput } from './files.ts';
import { describeFilter, resolveFilter } from './filters.ts';
import { productionsPolicy } from './policy.ts';
import type { OnProgress, ProductionFilterInput, ProductionResult, ResolvedFilter } from './types.ts';
import { writeWarc } from './warc.ts';

export interface ProductionsDeps {
  db: Db;
  clock: Clock;
  pack: PolicyPack;
  audit: Pick<AuditService, 'record'>;
  /** Where attachments are stored (media) and UI productions are kept for download. */
  dataDir: string;
  /** Crier's public address (the WARC records' target URIs). */
  publicUrl: string;
  /** Days a UI production's file is kept for download after it finished (default 30); then it is removed, the record kept. */
  expiryDays?: number;
}

export interface ExportInput {
  /** The bag's directory (new or empty), or the WARC file (new). */
  out: string;
  filter?: ProductionFilterInput;
  /** Bates prefix, e.g. CARSON (default: from the City's name in the pack). */
  batesPrefix?: string | null;
  /** WARC only: gzip each record (default true). */
  gzip?: boolean;
  /** Who ran the CLI, when the actor is the system (recorded in the custody log). */
  operator?: string | null;
  onProgress?: OnProgress;
  /** A UI production passes its job id; the CLI gets a new one. */
  productionId?: string;
  pageSize?: number;
}

export const SOFTWARE = 'Crier (City social media records system), productions module';

/** "City of Carson" → CARSON. */
export const defaultBatesPrefix = (pack: PolicyPack): string =>
  pack.jurisdiction.cityName
    .replace(/^(the\s+)?(city|town|county)\s+of\s+/i, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 20) || 'CRIER';

export function checkBatesPrefix(pack: PolicyPack, value: string | null | undefined): string {
  const v = (value ?? '').trim().toUpperCase();
  if (!v) return defaultBatesPrefix(pack);
  if (!/^[A-Z][A-Z0-9_-]{0,19}$/.test(v)) throw invalidInput('batesPrefix', `"${value}" is not a Bates prefix: 1–20 letters, digits, - or _, starting with a letter`);
  return v;
}

/**
 * Productions and e-discovery exports (IV.A.12): BagIt bags and WARC files of archived records,
 * streamed page by page, each item checked against the archive's hashes before it is written.
 */
export function createProductionsService(deps: ProductionsDeps) {
  const { db, clock, pack, audit } = deps;
  const cite = (...ids: string[]) => ids.filter((id) => hasClause(pack, id));

  async function prepare(actor: Actor, input: ExportInput, kind: 'directory' | 'file') {
    authorize(productionsPolicy, actor, 'productions.create', null);
    if (!input.out?.trim()) throw invalidInput('out', 'where to write the production is required');
    const batesPrefix = checkBatesPrefix(pack, input.batesPrefix);
    await assertFreshOutput(input.out, 'out', kind);
    const filter = await resolveFilter(db, pack, input.filter ?? {});
    const now = clock.now();
    const exportedBy = `${actorLabel(actor)}${input.operator ? ` (operator: ${input.operator})` : ''}`;
    return { batesPrefix, filter, now, exportedBy, productionId: input.productionId ?? newId() };
  }

  async function recorded(actor: Actor, r: ProductionResult, filter: ResolvedFilter, productionId: string): Promise<ProductionResult> {
    await db.transaction().execute((tx) =>
      audit.record(tx, actor, {
        action: 'production.exported',
        targetType: 'production',
        targetId: productionId,
        targetLabel: `${r.format === 'bagit' ? 'BagIt' : 'WARC'} production ${productionId}`,
        after: { format: r.format, path: r.path, items: r.items, media: r.media, firstBates: r.firstBates, lastBates: r.lastBates, bytes: r.bytes, sha256: r.sha256, filters: describeFilter(filter), archiveHead: r.archive.headHash },
        clauses: cite('IV.A.12'),
      }),
    );
    return r;
  }

  /** `crier export bagit`: a BagIt 1.0 bag (RFC 8493) at `out`. */
  async function exportBagit(actor: Actor, input: ExportInput): Promise<ProductionResult> {
    const p = await prepare(actor, input, 'directory');
    const r = await writeBag({ db, dataDir: deps.dataDir, out: input.out, filter: p.filter, batesPrefix: p.batesPrefix, productionId: p.productionId, cityName: pack.jurisdiction.cityName, exportedBy: p.exportedBy, exportedAt: p.now, baggingDate: localDate(pack, p.now), software: SOFTWARE, onProgress: input.onProgress, pageSize: input.pageSize });
    return recorded(actor, r, p.filter, p.productionId);
  }

  /** `crier export warc`: WARC 1.1 captures of the rendered items at `out`. */
  async function exportWarc(actor: Actor, input: ExportInput): Promise<ProductionResult> {
    const p = await prepare(actor, input, 'file');
    const r = await writeWarc({ db, out: input.out, filter: p.filter, batesPrefix: p.batesPrefix, productionId: p.productionId, cityName: pack.jurisdiction.cityName, baseUrl: deps.publicUrl, exportedBy: p.exportedBy, exportedAt: p.now, software: SOFTWARE, gzip: input.gzip ?? true, onProgress: input.onProgress, pageSize: input.pageSize });
    return recorded(actor, r, p.filter, p.productionId);
  }

  /** Checks a filter without exporting (the UI validates before it queues a job). */
  async function checkFilter(actor: Actor, filter: ProductionFilterInput): Promise<ResolvedFilter> {
    authorize(productionsPolicy, actor, 'productions.create', null);
    return resolveFilter(db, pack, filter);
  }

  return { exportBagit, exportWarc, checkFilter, checkBatesPrefix: (v: string | null | undefined) => checkBatesPrefix(pack, v) };
}

export type ProductionsExporter = ReturnType<typeof createProductionsService>;
