/**
 * The screening engine: normalise once, classify once (lazily), run every rule for the content
 * kind, turn hits into findings citing clause ids. Pure and deterministic.
 */
import { carsonDefaults, type ScreeningConfig } from './config.ts';
import { loadModel, type Model } from './model.ts';
import { modelData } from './model/carson-model.ts';
import { normalize, tokenize, toSpan, type Normalized, type Token } from './normalize.ts';
import type { PostInput, Rule, RuleContext } from './rule.ts';
import { RULES } from './rules/index.ts';
import type { ContentKind, Finding, Hit, Severity } from './types.ts';

let defaultModel: Model | null = null;
/** The model shipped with the engine (src/screening/model/carson-model.ts). */
export function bundledModel(): Model {
  defaultModel ??= loadModel(modelData);
  return defaultModel;
}

export interface ScreenOptions {
  config?: ScreeningConfig;
  /** Defaults to the bundled model; pass `null` to screen with rules only. */
  model?: Model | null;
  /** Rules to run (default: the whole catalogue). */
  rules?: readonly Rule[];
}

export interface CommentOptions extends ScreenOptions {
  /** Text of the post the comment answers (for V.1 relatedness). */
  context?: string;
}

const MAX_HITS_PER_RULE = 10;
const labelMaps = new WeakMap<Model, Map<string, { block: number; advice: number }>>();
const NO_LABELS = new Map<string, { block: number; advice: number }>();
let lastModel: Model | null = null;
let lastLabels = NO_LABELS;
function labelIndex(model: Model | null): Map<string, { block: number; advice: number }> {
  if (!model) return NO_LABELS;
  if (model === lastModel) return lastLabels;
  let m = labelMaps.get(model);
  if (!m) {
    m = new Map(model.data.labels.map((l) => [l.clause, { block: l.block, advice: l.advice }]));
    labelMaps.set(model, m);
  }
  lastModel = model;
  lastLabels = m;
  return m;
}

interface ActiveRule { rule: Rule; clause: string; severity: Severity }
/**
 * The rules that run for a kind under a configuration, with their clause and severity resolved
 * once (not per comment). Keyed by the rules list and the configuration object: a configuration
 * is treated as immutable once screening has used it.
 */
const activeCache = new WeakMap<readonly Rule[], WeakMap<ScreeningConfig, Record<ContentKind, ActiveRule[]>>>();
/** The last answer (a stream screens every text under one configuration). */
let lastActive: { rules: readonly Rule[]; config: ScreeningConfig; both: Record<ContentKind, ActiveRule[]> } | null = null;
function activeRules(rules: readonly Rule[], config: ScreeningConfig, kind: ContentKind): ActiveRule[] {
  if (lastActive !== null && lastActive.rules === rules && lastActive.config === config) return lastActive.both[kind];
  let byConfig = activeCache.get(rules);
  if (!byConfig) { byConfig = new WeakMap(); activeCache.set(rules, byConfig); }
  let both = byConfig.get(config);
  if (!both) {
    const make = (k: ContentKind): ActiveRule[] => {
      const out: ActiveRule[] = [];
      for (const rule of rules) {
        const clause = rule.clauses[k];
        if (!clause || rule.moderatorOnly) continue;
        const configured = config.severity[rule.id];
        if (configured === 'off') continue;
        out.push({ rule, clause, severity: configured ?? rule.defaultSeverity });
      }
      return out;
    };
    both = { comment: make('comment'), post: make('post') };
    byConfig.set(config, both);
  }
  lastActive = { rules, config, both };
  return both[kind];
}

/**
 * A rule context: one object per text, its methods on the prototype (two closures per text
 * before); the classifier runs at the first `scores()` and is kept.
 */
class Context implements RuleContext {
  context?: string;
  post?: PostInput;
  private s: Record<string, number> | null = null;
  constructor(
    readonly kind: ContentKind,
    readonly text: string,
    readonly norm: Normalized,
    readonly tokens: Token[],
    readonly config: ScreeningConfig,
    private readonly model: Model | null,
    private readonly labels: Map<string, { block: number; advice: number }>,
  ) {}
  scores(): Record<string, number> {
    return (this.s ??= this.model && this.norm.text.trim() ? this.model.predict(this.norm.text, this.text) : {});
  }
  threshold(clause: string): { block: number; advice: number } {
    return this.labels.get(clause) ?? this.config.thresholds;
  }
}

function run(kind: ContentKind, text: string, opts: ScreenOptions, post?: PostInput, context?: string): Finding[] {
  const config = opts.config ?? carsonDefaults;
  const model = opts.model === undefined ? bundledModel() : opts.model;
  const safeText = typeof text === 'string' ? text : String(text ?? '');
  const norm = normalize(safeText);
  const ctx = new Context(kind, safeText, norm, tokenize(norm.text), config, model, labelIndex(model));
  if (post) ctx.post = post;
  if (context !== undefined) ctx.context = context;
  const findings: Finding[] = [];
  const active = activeRules(opts.rules ?? RULES, config, kind);
  for (let r = 0; r < active.length; r++) {
    const { rule, clause, severity } = active[r]!;
    let hits: Hit[];
    try {
      hits = rule.check(ctx);
    } catch (err) {
      // A rule must never take the whole screening down; report it as advice for a human.
      hits = [{ message: `rule failed: ${(err as Error)?.message ?? String(err)}`, score: 0, weak: true }];
    }
    const n = Math.min(hits.length, MAX_HITS_PER_RULE);
    for (let k = 0; k < n; k++) {
      const h = hits[k]!;
      const f: Finding = {
        ruleId: rule.id,
        clause: h.clause ?? clause,
        severity: h.weak ? 'advice' : severity,
        message: h.message,
        score: Math.round(Math.max(0, Math.min(1, h.score)) * 1000) / 1000,
      };
      if (h.start !== undefined && h.end !== undefined) {
        f.span = h.raw ? { start: h.start, end: h.end, text: safeText.slice(h.start, h.end) } : toSpan(norm, h.start, h.end);
      }
      findings.push(f);
    }
  }
  return findings;
}

/** Screen a public comment against V.1–V.15 and IV.D.7(a). */
export function screenComment(text: string, opts: CommentOptions = {}): Finding[] {
  return run('comment', text, opts, undefined, opts.context);
}

/** Screen a City post (synchronous rules; see screenPostLanguage for spelling and grammar). */
export function screenPost(post: PostInput, config?: ScreeningConfig, opts: Omit<ScreenOptions, 'config'> = {}): Finding[] {
  return run('post', post.text, { ...opts, ...(config ? { config } : {}) }, post);
}

/** Does any finding block? */
export function isBlocked(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'block');
}
