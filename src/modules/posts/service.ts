import { abilities, authorize } from '../../authz/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { createComposeActions } from './compose.ts';
import type { PostsDeps } from './deps.ts';
import { postsPolicy } from './policy.ts';
import { createPublisher, type PublisherOptions } from './publish.ts';
import { createRemoveActions } from './remove.ts';
import { createReviewActions } from './review.ts';
import { createTemplateActions } from './templates.ts';
import { listPostIds, loadPost, loadPosts, type PostFilter } from './repo.ts';
import type { Post } from './types.ts';

export type PostView = Post & { abilities: Record<string, boolean> };

export function createPostsService(deps: PostsDeps) {
  const compose = createComposeActions(deps);
  const review = createReviewActions(deps);
  const removal = createRemoveActions(deps);
  const templates = createTemplateActions(deps);

  const view = (actor: Actor, p: Post): PostView => ({ ...p, abilities: abilities(postsPolicy, actor, { departmentId: p.departmentId, authorId: p.authorId }) });

  async function list(actor: Actor, filter: PostFilter = {}): Promise<PostView[]> {
    authorize(postsPolicy, actor, 'post.read', null);
    const posts = await loadPosts(deps.db, await listPostIds(deps.db, filter));
    return posts.map((p) => view(actor, p));
  }

  async function get(actor: Actor, id: string): Promise<PostView> {
    authorize(postsPolicy, actor, 'post.read', null);
    return view(actor, await loadPost(deps.db, id));
  }

  return {
    list,
    get,
    ...compose,
    ...review,
    ...removal,
    ...templates,
    /** The outbox worker (jobs/ runs it on a schedule; `crier worker` in its own process). */
    publisher: (options?: PublisherOptions) => createPublisher(deps, options),
  };
}

export type PostsService = ReturnType<typeof createPostsService>;
