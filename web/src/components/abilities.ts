import type { Abilities } from '../api/types.ts';

/**
 * May the signed-in person take this action? The server sends `abilities` with each resource;
 * any of the given action names (modules name them `<resource>.<verb>`) counts. When a resource
 * came without abilities the server has not said, so the control is shown and the server decides.
 */
export function may(abilities: Abilities | undefined | null, ...actions: string[]): boolean {
  if (!abilities) return true;
  return actions.some((a) => abilities[a] === true);
}
