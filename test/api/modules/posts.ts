import type { Policy } from '../../../src/authz/index.ts';
import type { PersonActor } from '../../../src/kernel/actor.ts';
import { postsPolicy, type ComposeInput } from '../../../src/modules/posts/index.ts';
import type { Fixture, World } from '../matrix-fixtures.ts';

const PW_NEWS = 'Carson Public Works News';

const actorOf = async (w: World, email: string) => (await w.ctx.people.actorFor(w.person(email))) as PersonActor;
const poster = (w: World) => actorOf(w, 'jpatel@carsonca.gov');

function compose(w: World, over: Partial<ComposeInput> = {}): ComposeInput {
  const i = w.seq();
  return { title: `Matrix notice ${i}`, body: `Hydrant flushing in tract ${i} this week. Details: https://ci.carson.ca.us/water`, targets: [{ platformId: w.platform(PW_NEWS).id }], ...over };
}

/** A fresh post by the demo poster, walked to the given state. */
async function freshPost(w: World, upTo: 'draft' | 'submitted' | 'approved' | 'published', over: Partial<ComposeInput> = {}) {
  const author = await poster(w);
  const p = await w.ctx.posts.create(author, compose(w, over));
  if (upTo === 'draft') return p;
  await w.ctx.posts.submit(author, p.id);
  if (upTo === 'submitted') return p;
  await w.ctx.posts.approve(await actorOf(w, 'pw.director@carsonca.gov'), p.id);
  if (upTo === 'approved') return p;
  await w.ctx.posts.itReview(await actorOf(w, 'it@carsonca.gov'), p.id);
  await w.ctx.posts.publisher().runDue();
  return p;
}

const resourceOf = (p: { departmentId: string | null; authorId: string }) => ({ departmentId: p.departmentId, authorId: p.authorId });

/** Matrix fixtures for the posts module's routes (see test/api/matrix-fixtures.ts for the shape). */
export const postsFixtures: Record<string, Fixture> = {
  'GET /api/posts': async () => ({ resource: null }),
  'GET /api/posts/:id': async (w) => ({ params: { id: (await freshPost(w, 'draft')).id }, resource: null }),
  'POST /api/posts': async (w, as) => ({ body: compose(w), resource: { departmentId: null, authorId: as.personId } }),
  'PUT /api/posts/:id': async (w) => {
    const p = await freshPost(w, 'draft');
    return { params: { id: p.id }, body: compose(w), resource: resourceOf(p) };
  },
  'POST /api/posts/:id/submit': async (w) => {
    const p = await freshPost(w, 'draft');
    return { params: { id: p.id }, resource: resourceOf(p) };
  },
  'POST /api/posts/:id/approve': async (w) => {
    const p = await freshPost(w, 'submitted');
    return { params: { id: p.id }, body: { comment: 'Matrix' }, resource: resourceOf(p) };
  },
  'POST /api/posts/:id/it-review': async (w) => {
    const p = await freshPost(w, 'approved');
    return { params: { id: p.id }, body: {}, resource: resourceOf(p) };
  },
  // A submitted post is rejected at the department stage: the department approvers decide.
  'POST /api/posts/:id/reject': async (w) => {
    const p = await freshPost(w, 'submitted');
    return { params: { id: p.id }, body: { comment: 'Matrix' }, resource: resourceOf(p), action: 'post.approve' };
  },
  'POST /api/posts/:id/override': async (w) => {
    const p = await freshPost(w, 'submitted', { body: 'Questions? Call Jane at 310-555-0199. Details: https://ci.carson.ca.us/water' });
    return { params: { id: p.id }, body: { reason: 'Matrix' }, resource: resourceOf(p) };
  },
  'POST /api/posts/:id/direct': async (w) => {
    const p = await freshPost(w, 'draft');
    return { params: { id: p.id }, body: { reason: 'Matrix' }, resource: resourceOf(p) };
  },
  'GET /api/post-templates': async () => ({ resource: null }),
  'GET /api/platforms/:id/post-template': async (w) => ({ params: { id: w.platform(PW_NEWS).id }, resource: null }),
  'POST /api/post-templates': async (w) => ({ body: { name: `Matrix template ${w.seq()}`, closing: 'https://ci.carson.ca.us' }, resource: null }),
  'PUT /api/post-templates/:id': async (w) => {
    const t = await w.ctx.posts.saveTemplate(w.system, null, { name: `Matrix template ${w.seq()}` });
    return { params: { id: t.id }, body: { name: t.name, closing: 'https://ci.carson.ca.us' }, resource: null };
  },
  'POST /api/posts/:id/remove': async (w) => {
    const p = await freshPost(w, 'published');
    return { params: { id: p.id }, body: { reason: 'Matrix' }, resource: resourceOf(p) };
  },
};

/** The posts module's policy, keyed by the module name used in its routes' actions ('posts:…'). */
export const postsPolicies: Record<string, Policy> = { posts: postsPolicy };
