import type { Executor } from '../../db/index.ts';
import { findConflicts } from '../../screening/index.ts';
import { C } from './clauses.ts';
import type { PostsDeps } from './deps.ts';
import { recentPostTexts } from './repo.ts';
import { templateFindings, templateForPlatform } from './templates.ts';
import type { PostFinding } from './types.ts';

const RECENT_DAYS = 90;

export interface FindingsInput {
  postId?: string;
  title: string;
  body: string;
  targets: { platformId: string; platformType: string; text: string | null }[];
  attachmentIds: string[];
  emergency: boolean;
  /** When it is (or will be) published: the reference for relative dates. */
  date: Date;
}

/**
 * Everything a human should see before approving: screening per target platform (each
 * platform's own text and limits), unmet attachment requirements, and near-duplicates or
 * contradictions among the last 90 days of posts across all departments (IV.C.15(h)).
 */
export async function computeFindings(deps: PostsDeps, executor: Executor, input: FindingsInput): Promise<PostFinding[]> {
  const attachments = input.attachmentIds.length && deps.attachments ? await deps.attachments.forPost(executor, input.attachmentIds) : [];
  const images = attachments.filter((a) => a.kind === 'image').map((a) => ({ altText: a.altText ?? undefined, name: a.filename }));

  const merged = new Map<string, PostFinding>();
  for (const t of input.targets) {
    const text = t.text ?? input.body;
    const found = await deps.screenPost({ text, platform: t.platformType, platformType: t.platformType, images, emergency: input.emergency, date: input.date });
    for (const f of found) {
      const key = `${f.ruleId}|${f.clause}|${f.message}|${f.span?.start ?? ''}`;
      const seen = merged.get(key);
      if (seen) seen.platformIds = [...(seen.platformIds ?? []), t.platformId];
      else merged.set(key, { ...f, source: 'screening', platformIds: [t.platformId] });
    }
  }
  const templates = new Map<string, Awaited<ReturnType<typeof templateForPlatform>>>();
  for (const t of input.targets) templates.set(t.platformId, await templateForPlatform(executor, t.platformId));
  const all = input.targets.length;
  const findings: PostFinding[] = [...merged.values()].map((f) => (f.platformIds?.length === all ? { ...f, platformIds: undefined } : f)).map(stripUndefined);

  findings.push(...templateFindings(input.targets.map((t) => ({ platformId: t.platformId, text: t.text ?? input.body })), templates));

  for (const a of attachments) {
    // A quarantined file always carries its IV.C.15(i)(iii) issue; this guards a module that forgot to say so.
    if (a.status !== 'clean' && !a.issues.some((i) => i.clause === C.antivirus)) {
      findings.push({ ruleId: 'attachment-quarantined', clause: C.antivirus, severity: 'block', message: `${a.filename} failed the virus scan and cannot be posted`, score: 1, source: 'attachment' });
    }
    for (const issue of a.issues) {
      findings.push({ ruleId: 'attachment-requirement', clause: issue.clause, severity: 'block', message: `${a.filename}: ${issue.message}`, score: 1, source: 'attachment' });
    }
  }

  const since = new Date(deps.clock.now().getTime() - RECENT_DAYS * 86_400_000).toISOString();
  const recent = await recentPostTexts(executor, since, input.postId);
  const conflicts = findConflicts(
    { text: `${input.title}\n${input.body}`, date: input.date },
    recent.map((r) => ({ id: r.id, text: `${r.title}\n${r.body}`, date: r.published_at ?? r.scheduled_for ?? r.created_at, department: r.department ?? undefined })),
  );
  for (const c of conflicts) {
    // Shown to the author and approvers, not blocking: a changed date may be the correction itself.
    findings.push({ ruleId: c.ruleId, clause: c.clause || C.duplicates, severity: 'advice', message: c.message, score: c.similarity, source: 'conflict', otherPostId: c.otherId });
  }
  return findings;
}

function stripUndefined(f: PostFinding): PostFinding {
  if (f.platformIds === undefined) delete f.platformIds;
  return f;
}

export const blockingFindings = (findings: readonly PostFinding[]) => findings.filter((f) => f.severity === 'block');
