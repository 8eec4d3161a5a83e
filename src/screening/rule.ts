/** The contract every rule file implements. */
import type { ScreeningConfig } from './config.ts';
import type { Normalized, Token } from './normalize.ts';
import type { ContentKind, Hit, Severity } from './types.ts';

export interface ImageInput {
  altText?: string;
  /** File name, to catch alt text that is only the file name. */
  name?: string;
  /** IV.D.7(b): attestation that the photo is NOT from a public social event (false) or is (true). */
  publicSocialEvent?: boolean;
  /** IV.D.7(c): the image shows the City logo or seal; with the authorization reference if any. */
  showsCitySeal?: boolean;
  sealAuthorization?: string;
  /** IV.D.6(e): content not fully created and owned by the City needs a permission record. */
  ownedByCity?: boolean;
  permission?: string;
}

export interface VideoInput {
  captions?: boolean;
  ownedByCity?: boolean;
  permission?: string;
}

export interface PostInput {
  text: string;
  platform?: string;
  images?: ImageInput[];
  videos?: VideoInput[];
  /** Extra hashtags not in the text (some platforms keep them apart). */
  hashtags?: string[];
  /** Instant the post is written or scheduled: reference for relative dates (IV.C.15(h)). */
  date?: string | Date;
  /** Marked as an emergency post (IV.A.5): relaxes link-back advice. */
  emergency?: boolean;
}

export interface RuleContext {
  kind: ContentKind;
  /** Original text. */
  text: string;
  norm: Normalized;
  tokens: Token[];
  config: ScreeningConfig;
  /** For comments: the text of the post commented on. */
  context?: string;
  post?: PostInput;
  /** Classifier probabilities per clause id (computed once, lazily). */
  scores(): Record<string, number>;
  /** Model thresholds per clause id (block/advice), falling back to config.thresholds. */
  threshold(clause: string): { block: number; advice: number };
}

export interface Rule {
  id: string;
  /** Clause cited for comments and for posts; a rule without one does not run for that kind. */
  clauses: { comment?: string; post?: string };
  defaultSeverity: Severity;
  title: string;
  /** Other clauses some of its findings cite (hit.clause), listed in the catalogue. */
  alsoCites?: { comment?: string[]; post?: string[] };
  /** Catalogue-only rules (moderator clauses) never raise findings. */
  moderatorOnly?: boolean;
  check(ctx: RuleContext): Hit[];
}
