export { boundedText as text } from '../../kernel/text.ts';

export const LIMITS = { note: 4_000, consent: 10_000, reason: 4_000, number: 100 } as const;
