/**
 * Screening of public comments with the pack's configuration: the one definition the server's
 * screening service and the worker threads of the comment pool both use, so a comment screened
 * in a worker gets exactly the findings it would get on the main thread.
 */
import { hasClause, type PolicyPack } from '../../policy/index.ts';
// engine.ts, not the screening index: the index also loads retext, which only posts need
import { screenComment as engineComment } from '../../screening/engine.ts';
import type { ScreeningConfig } from '../../screening/config.ts';
import type { Finding } from '../../screening/types.ts';

/** A comment to screen, with the text of the post it replies to (V.1 relatedness). */
export interface CommentToScreen {
  text: string;
  context?: string | undefined;
}

export type CommentScreener = (text: string, context?: string) => Finding[];

/** V.1–V.15 and IV.D.7(a); findings citing a clause the pack does not have are dropped. */
export function commentScreener(pack: PolicyPack, config: ScreeningConfig): CommentScreener {
  return (text, context) => engineComment(text, { config, ...(context !== undefined ? { context } : {}) }).filter((f) => hasClause(pack, f.clause));
}
