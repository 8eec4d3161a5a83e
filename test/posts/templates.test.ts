import { beforeAll, expect, it } from 'vitest';
import { describeWithContext } from '../context.ts';
import { postsWorld, type PostsWorld } from './support.ts';

describeWithContext('posts: the IT Office template (IV.D.1)', (get) => {
  let w: PostsWorld;
  beforeAll(async () => {
    w = await postsWorld(get());
  });

  it('[IV.D.1] only the IT Office keeps templates; a platform’s template is what the editor starts from', async () => {
    await expect(get().posts.saveTemplate(w.pwHead, null, { name: 'Mine' })).rejects.toMatchObject({ code: 'forbidden', clauses: ['IV.D.1'] });
    const t = await get().posts.templateFor(w.poster, w.pwNews);
    expect(t).toMatchObject({ name: 'IT-TEMPLATE-2026', closing: 'https://ci.carson.ca.us' });
    await expect(get().posts.saveTemplate(w.it, null, { name: 'IT-TEMPLATE-2026' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('[IV.D.1] advises when a post drifts from its platform’s template, per platform', async () => {
    await get().posts.saveTemplate(w.it, (await get().posts.templateFor(w.it, w.pwNews))!.id, { name: 'IT-TEMPLATE-2026', opening: 'Public Works:', closing: 'https://ci.carson.ca.us' });
    const off = await get().posts.create(w.poster, w.draft({ body: 'Crews fix potholes on Main Street all week. https://ci.carson.ca.us/streets' }));
    expect(off.findings.find((f) => f.clause === 'IV.D.1')).toMatchObject({ severity: 'advice', message: expect.stringContaining('opening is missing') });
    const on = await get().posts.create(w.poster, w.draft({ body: 'Public Works: crews fix potholes on Main Street all week. https://ci.carson.ca.us/streets' }));
    expect(on.findings.some((f) => f.clause === 'IV.D.1')).toBe(false);
  });
});
