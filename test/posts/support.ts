import type { AppContext } from '../../src/context.ts';
import type { PersonActor } from '../../src/kernel/actor.ts';
import type { ComposeInput } from '../../src/modules/posts/index.ts';
import { vaultWorld, type VaultWorld } from '../vault/support.ts';

export const PW_NEWS = 'Carson Public Works News';
export const CITY_NEWS = 'Carson City News';

export interface PostsWorld extends VaultWorld {
  pwNews: string;
  cityNews: string;
  /** A compose input for the PW news feed (the demo poster is designated for it). */
  draft(over?: Partial<ComposeInput>): ComposeInput;
  /** Draft → submitted → department approval → IT review: scheduled. */
  schedule(input?: Partial<ComposeInput>, author?: PersonActor): Promise<string>;
}

let n = 0;

export async function postsWorld(ctx: AppContext): Promise<PostsWorld> {
  const w = await vaultWorld(ctx);
  const pwNews = (await w.platform(PW_NEWS)).id;
  const cityNews = (await w.platform(CITY_NEWS)).id;
  const draft = (over: Partial<ComposeInput> = {}): ComposeInput => ({
    title: `Street sweeping update ${++n}`,
    body: `Street sweeping on Avalon Boulevard moves to Tuesday mornings in district ${n}. Details: https://ci.carson.ca.us/sweeping`,
    targets: [{ platformId: pwNews }],
    ...over,
  });
  async function schedule(input: Partial<ComposeInput> = {}, author: PersonActor = w.poster): Promise<string> {
    const p = await ctx.posts.create(author, draft(input));
    await ctx.posts.submit(author, p.id);
    await ctx.posts.approve(w.pwHead, p.id);
    await ctx.posts.itReview(w.it, p.id);
    return p.id;
  }
  return { ...w, pwNews, cityNews, draft, schedule };
}
