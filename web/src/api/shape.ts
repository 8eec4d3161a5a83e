import type { Abilities } from './types.ts';

/** A list answer: `{ <items>: [...] }` or a bare array; the helpers accept both. */
export function listOf<T>(data: unknown, ...keys: string[]): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data && typeof data === 'object') {
    for (const k of [...keys, 'items']) {
      const v = (data as Record<string, unknown>)[k];
      if (Array.isArray(v)) return v as T[];
    }
  }
  return [];
}

/**
 * A resource answer: the resource itself, or `{ <key>: resource, …extras }` (abilities, checklist…).
 * Extras are merged over the resource so the UI reads one object.
 */
export function unwrap<T extends object>(data: unknown, key: string): T | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const d = data as Record<string, unknown>;
  const inner = d[key];
  if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
    const { [key]: _omit, ...extras } = d;
    const innerAbilities = (inner as { abilities?: Abilities }).abilities;
    return { ...(inner as T), ...extras, abilities: { ...(innerAbilities ?? {}), ...((extras.abilities as Abilities | undefined) ?? {}) } } as T;
  }
  return d as T;
}
