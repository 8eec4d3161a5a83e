import { authorize } from '../../authz/index.ts';
import type { Executor } from '../../db/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { toIso } from '../../kernel/codec.ts';
import { conflict, invalidInput, notFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { C } from './clauses.ts';
import type { PostsDeps } from './deps.ts';
import { postsPolicy } from './policy.ts';
import type { PostFinding } from './types.ts';

export interface PostTemplate {
  id: string;
  name: string;
  opening: string;
  closing: string;
  guidance: string;
  status: 'active' | 'retired';
  updatedAt: string;
}

export interface TemplateInput {
  name: string;
  opening?: string;
  closing?: string;
  guidance?: string;
  status?: 'active' | 'retired';
}

const toView = (r: { id: string; name: string; opening: string; closing: string; guidance: string; status: string; updated_at: string }): PostTemplate => ({
  id: r.id,
  name: r.name,
  opening: r.opening,
  closing: r.closing,
  guidance: r.guidance,
  status: r.status as PostTemplate['status'],
  updatedAt: r.updated_at,
});

/** The active template a platform was given at its IT review (platforms.template names it), if any. */
export async function templateForPlatform(db: Executor, platformId: string): Promise<PostTemplate | null> {
  const r = await db
    .selectFrom('platforms as p')
    .innerJoin('post_templates as t', 't.name', 'p.template')
    .selectAll('t')
    .where('p.id', '=', platformId)
    .where('t.status', '=', 'active')
    .executeTakeFirst();
  return r ? toView(r) : null;
}

/** IV.D.1 advice: the text should carry its platform's template (opening and closing lines). */
export function templateFindings(targets: { platformId: string; text: string }[], templates: Map<string, PostTemplate | null>): PostFinding[] {
  const out: PostFinding[] = [];
  for (const t of targets) {
    const tpl = templates.get(t.platformId);
    if (!tpl) continue;
    const missing = [tpl.opening.trim() && !t.text.includes(tpl.opening.trim()) ? 'opening' : null, tpl.closing.trim() && !t.text.includes(tpl.closing.trim()) ? 'closing' : null].filter(Boolean);
    if (missing.length) {
      out.push({ ruleId: 'department-template', clause: C.template, severity: 'advice', message: `Does not follow the IT Office's template "${tpl.name}": the ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing`, score: 1, source: 'screening', platformIds: [t.platformId] });
    }
  }
  return out;
}

/** IV.D.1: the IT Office keeps the templates; everyone who composes reads them. */
export function createTemplateActions(deps: PostsDeps) {
  const { db, clock, audit } = deps;

  async function listTemplates(actor: Actor): Promise<PostTemplate[]> {
    authorize(postsPolicy, actor, 'post.read', null);
    return (await db.selectFrom('post_templates').selectAll().orderBy('name').execute()).map(toView);
  }

  async function templateFor(actor: Actor, platformId: string): Promise<PostTemplate | null> {
    authorize(postsPolicy, actor, 'post.read', null);
    const exists = await db.selectFrom('platforms').select('id').where('id', '=', platformId).executeTakeFirst();
    if (!exists) throw notFound('platform', platformId);
    return templateForPlatform(db, platformId);
  }

  async function saveTemplate(actor: Actor, id: string | null, input: TemplateInput): Promise<PostTemplate> {
    authorize(postsPolicy, actor, 'template.manage', null);
    const name = input.name?.trim();
    if (!name) throw invalidInput('body.name', 'A template needs a name (platforms refer to it by name)');
    const at = toIso(clock.now());
    const by = actor.kind === 'person' ? actor.personId : null;
    const values = { name, opening: input.opening ?? '', closing: input.closing ?? '', guidance: input.guidance ?? '', status: input.status ?? 'active', updated_by: by, updated_at: at };
    const taken = await db.selectFrom('post_templates').select('id').where('name', '=', name).executeTakeFirst();
    if (taken && taken.id !== id) throw conflict(`A template named "${name}" already exists`);
    const templateId = id ?? newId();
    await db.transaction().execute(async (tx) => {
      let before: unknown = null;
      if (id) {
        const old = await tx.selectFrom('post_templates').selectAll().where('id', '=', id).executeTakeFirst();
        if (!old) throw notFound('template', id);
        before = toView(old);
        await tx.updateTable('post_templates').set(values).where('id', '=', id).execute();
      } else {
        await tx.insertInto('post_templates').values({ id: templateId, ...values, created_by: by, created_at: at }).execute();
      }
      await audit.record(tx, actor, { action: id ? 'post_template.updated' : 'post_template.created', targetType: 'post_template', targetId: templateId, targetLabel: name, before, after: values, clauses: [C.template] });
    });
    return toView((await db.selectFrom('post_templates').selectAll().where('id', '=', templateId).executeTakeFirstOrThrow()));
  }

  return { listTemplates, templateFor, saveTemplate };
}
