/**
 * The screening service for the server: the pure engine (src/screening) with a configuration
 * built from the loaded policy pack, and the spelling / grammar pass (retext with dictionary-en)
 * loaded once, lazily, on the first post screened.
 */
import { hasClause, type PolicyPack } from '../../policy/index.ts';
// engine.ts, not the screening index: the index also loads retext, which only posts need
import { screenPost as enginePost } from '../../screening/engine.ts';
import type { ScreeningConfig } from '../../screening/config.ts';
import type { HunspellDictionary } from '../../screening/language.ts';
import type { PostInput } from '../../screening/rule.ts';
import type { Finding } from '../../screening/types.ts';
import { authorize } from '../../authz/index.ts';
import type { Actor } from '../../kernel/actor.ts';
import { commentScreener, type CommentToScreen } from './comments.ts';
import { screeningConfigFromPack } from './config.ts';
import { screenDraft, type DraftFindings, type DraftInput } from './draft.ts';
import { screeningPolicy } from './policy.ts';
import { defaultPoolSize, ScreeningPool } from './pool.ts';
import { systemClock, type Clock } from '../../kernel/clock.ts';

export interface ScreeningDeps {
  pack: PolicyPack;
  /** Tests may pass a dictionary (or null for none); default: dictionary-en, loaded on first use. */
  dictionary?: HunspellDictionary | null;
  /** Worker threads for batches of comments (default: one per core, at most four; 0: screen on the calling thread). */
  workers?: number;
  /** Batches smaller than this are screened on the calling thread (a worker round trip costs more). Default 64. */
  poolMinBatch?: number;
  /** "Now" for a draft that is not scheduled: the day it would go out (IV.D.3). Default: the system clock. */
  clock?: Clock;
}

export interface ScreenPostInput extends PostInput {
  /** The platform's registry type ('x', 'bluesky', 'facebook', …): selects its length limits. */
  platformType?: string;
}

export interface ScreeningService {
  /** Structural rules and language rules (spelling, grammar, plain language, readability). */
  screenPost(input: ScreenPostInput): Promise<Finding[]>;
  /** The public-comment rules (V.1–V.15, IV.D.7(a)); `context` is the post commented on. */
  screenComment(text: string, context?: string): Finding[];
  /** The same, for a batch, across worker threads; findings in the batch's order. */
  screenComments(items: readonly CommentToScreen[]): Promise<Finding[][]>;
  /** Stops the worker threads (they also let the process exit whenever they are idle). */
  close(): Promise<void>;
  /** The post editor's live findings, for staff who may compose (screening.post). */
  screenDraft(actor: Actor, input: DraftInput): Promise<DraftFindings>;
  readonly config: ScreeningConfig;
}

type LanguagePass = (post: PostInput) => Promise<Finding[]>;

export function createScreeningService(deps: ScreeningDeps): ScreeningService {
  const config = screeningConfigFromPack(deps.pack);
  const cites = (f: Finding): boolean => hasClause(deps.pack, f.clause);
  const screenOne = commentScreener(deps.pack, config);
  const workers = deps.workers ?? defaultPoolSize();
  const pool = workers > 0 ? new ScreeningPool(deps.pack, workers) : null;
  const minBatch = deps.poolMinBatch ?? 64;
  const inline = (items: readonly CommentToScreen[]) => items.map((c) => screenOne(c.text, c.context));
  let language: Promise<LanguagePass> | null = null;

  const loadLanguage = (): Promise<LanguagePass> =>
    (language ??= (async () => {
      const [{ screenPostLanguage }, dictionary] = await Promise.all([
        import('../../screening/language.ts'),
        deps.dictionary !== undefined ? Promise.resolve(deps.dictionary) : import('dictionary-en').then((m) => m.default as HunspellDictionary),
      ]);
      return (post: PostInput) => screenPostLanguage(post, config, dictionary ? { dictionary } : {});
    })().catch((e: unknown) => {
      language = null; // try again next time rather than caching a failure
      throw e;
    }));

  const service: ScreeningService = {
    config,
    async screenPost(input) {
      const { platformType, ...post } = input;
      const platform = post.platform ?? platformType;
      const p: PostInput = { ...post, text: typeof post.text === 'string' ? post.text : '', ...(platform ? { platform: platform.toLowerCase() } : {}) };
      const structural = enginePost(p, config);
      const lang = await (await loadLanguage())(p);
      return structural.concat(lang).filter(cites);
    },
    screenComment(text, context) {
      return screenOne(text, context);
    },
    async screenComments(items) {
      if (!pool || items.length < minBatch) return inline(items);
      // Screening is pure: if a worker fails, the same findings come from this thread.
      return pool.screen(items).catch(() => inline(items));
    },
    close: async () => pool?.close(),
    async screenDraft(actor, input) {
      authorize(screeningPolicy, actor, 'screening.post', null);
      return screenDraft(deps.pack, config, (p) => service.screenPost(p), input, (deps.clock ?? systemClock).now());
    },
  };
  return service;
}
