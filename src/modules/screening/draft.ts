/**
 * Live findings for the post editor: one draft screened once for what holds everywhere, and per
 * chosen platform type for what depends on the platform (length, hashtags). Each finding carries
 * its clause title from the loaded pack, so the editor can name the rule it cites.
 */
import { clauseTitle, hasClause, wallTime, type PolicyPack } from '../../policy/index.ts';
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
  /** When the post is to go out: City wall time 'YYYY-MM-DDTHH:mm' or an ISO instant; none: now. */
  scheduledFor?: string | null;
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

/**
 * The instant a draft goes out. The editor sends what the author has typed so far; a time not yet
 * complete or not a time at all falls back to now (the compose form itself reports the error on save).
 */
export function publicationDate(pack: PolicyPack, scheduledFor: string | null | undefined, now: Date): Date {
  if (!scheduledFor) return now;
  const wall = wallTime(pack.jurisdiction.timeZone, scheduledFor);
  if (wall) return wall.at;
  const at = new Date(scheduledFor);
  return /^\d{4}-\d{2}-\d{2}T/.test(scheduledFor) && !Number.isNaN(at.getTime()) ? at : now;
}

export async function screenDraft(
  pack: PolicyPack,
  config: ScreeningConfig,
  screenPost: (p: PostInput) => Promise<Finding[]>,
  input: DraftInput,
  now: Date,
): Promise<DraftFindings> {
  const post: PostInput = {
    text: input.text,
    date: publicationDate(pack, input.scheduledFor, now),
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
