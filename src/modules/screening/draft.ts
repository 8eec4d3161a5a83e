/**
 * Live findings for the post editor: one draft screened once for what holds everywhere, and per
 * chosen platform type for what depends on the platform (length, hashtags). Each finding carries
 * its clause title from the loaded pack, so the editor can name the rule it cites.
 */
import { clauseTitle, hasClause, type PolicyPack } from '../../policy/index.ts';
import { screenPost as enginePost } from '../../screening/engine.ts';
import type { ScreeningConfig } from '../../screening/config.ts';
import { RULES } from '../../screening/rules/index.ts';
import type { ImageInput, PostInput, VideoInput } from '../../screening/rule.ts';
import type { Finding } from '../../screening/types.ts';

export interface DraftInput {
  text: string;
  platformTypes?: string[];
  emergency?: boolean;
  images?: ImageInput[];
  videos?: VideoInput[];
  hashtags?: string[];
}

export type TitledFinding = Finding & { clauseTitle: string | null };

export interface DraftFindings {
  /** Findings that hold on every platform (content, personal information, language, links). */
  findings: TitledFinding[];
  /** Findings only on that platform type (its length and hashtag limits). */
  byPlatform: Record<string, TitledFinding[]>;
}

/** The only rules whose findings depend on the platform (its length and hashtag limits). */
const PLATFORM_RULES = RULES.filter((r) => r.id === 'platform-length');

const key = (f: Finding): string => `${f.ruleId}|${f.clause}|${f.message}|${f.span?.start ?? ''}`;

export function titled(pack: PolicyPack, findings: readonly Finding[]): TitledFinding[] {
  return findings.map((f) => ({ ...f, clauseTitle: hasClause(pack, f.clause) ? clauseTitle(pack, f.clause) : null }));
}

export async function screenDraft(
  pack: PolicyPack,
  config: ScreeningConfig,
  screenPost: (p: PostInput) => Promise<Finding[]>,
  input: DraftInput,
): Promise<DraftFindings> {
  const post: PostInput = {
    text: input.text,
    ...(input.emergency !== undefined ? { emergency: input.emergency } : {}),
    ...(input.images ? { images: input.images } : {}),
    ...(input.videos ? { videos: input.videos } : {}),
    ...(input.hashtags ? { hashtags: input.hashtags } : {}),
  };
  const base = await screenPost(post);
  const seen = new Set(base.map(key));
  const byPlatform: Record<string, TitledFinding[]> = {};
  for (const type of new Set((input.platformTypes ?? []).map((t) => t.toLowerCase()))) {
    // only the platform's own rules: everything else was screened once above (keystroke latency)
    const extra = enginePost({ ...post, platform: type }, config, { rules: PLATFORM_RULES }).filter((f) => !seen.has(key(f)) && hasClause(pack, f.clause));
    byPlatform[type] = titled(pack, extra);
  }
  return { findings: titled(pack, base), byPlatform };
}
