/**
 * Screening types. A finding always cites one clause id of the loaded policy pack.
 * Shape fixed by DESIGN.md ("Decisions that stand") and issue 3.
 */
export type Severity = 'block' | 'advice';

export interface Span {
  /** UTF-16 offsets into the ORIGINAL text (not the normalised one). */
  start: number;
  end: number;
  text: string;
}

export interface Finding {
  ruleId: string;
  clause: string;
  severity: Severity;
  message: string;
  /** Confidence 0–1. */
  score: number;
  span?: Span;
}

export type ContentKind = 'comment' | 'post';

/** What a rule reports before the engine attaches clause and severity. */
export interface Hit {
  message: string;
  score: number;
  /** Offsets into the normalised text (`ctx.norm.text`) unless `raw` is true. */
  start?: number;
  end?: number;
  /** The offsets are already offsets into the original text. */
  raw?: boolean;
  /** Weak evidence is reported as advice whatever the rule's severity. */
  weak?: boolean;
  /** Cite this clause instead of the rule's default one for this kind. */
  clause?: string;
}
