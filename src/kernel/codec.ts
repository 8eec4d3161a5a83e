/**
 * Storage codecs shared by both dialects: instants as ISO-8601 UTC text (sortable as text),
 * booleans as 0/1, JSON as text.
 */
export const toIso = (d: Date): string => d.toISOString();

export const toFlag = (b: boolean): number => (b ? 1 : 0);
export const fromFlag = (n: number | boolean | null | undefined): boolean => n === 1 || n === true;

export const toJson = (v: unknown): string => JSON.stringify(v ?? null);
export function fromJson<T = unknown>(s: string | null | undefined): T {
  return (s == null ? null : JSON.parse(s)) as T;
}

/** YYYY-MM-DD calendar dates are kept as text too. */
export const isCalendarDate = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
