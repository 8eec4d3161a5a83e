/** Display helpers (dates in the reader's locale; identifiers left as they are). */

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

/** The reader's local day of an instant ("Nov 26, 2026"). */
export function formatDay(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-US', { dateStyle: 'medium' });
}

/** The reader's local time of an instant ("6:40 AM"). */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString('en-US', { timeStyle: 'short' });
}

/** A calendar date (YYYY-MM-DD) shown as such, never shifted by time zone. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.slice(0, 10));
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toLocaleDateString('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
}

/**
 * Today's date as YYYY-MM-DD in the City's time zone when known (the server checks dates on the
 * City's calendar: "today" in UTC can be tomorrow there), else in the reader's zone.
 */
export function today(timeZone?: string): string {
  const d = new Date();
  if (timeZone) {
    try {
      const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(d);
      const get = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
      return `${get('year')}-${get('month')}-${get('day')}`;
    } catch {
      // Unknown zone: fall through to the reader's own.
    }
  }
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export const ROLE_LABELS: Record<string, string> = {
  city_manager: 'City Manager',
  assistant_city_manager: 'Assistant City Manager',
  it_manager: 'IT Manager',
  public_information_analyst: 'Public Information Analyst',
  department_head: 'Department Head',
  authorized_employee: 'Authorized Employee',
  employee: 'Employee',
  city_clerk: 'City Clerk',
  city_attorney: 'City Attorney',
  auditor: 'Auditor',
  moderator: 'Moderator',
  legislative_member: 'Legislative Body Member',
};

export const roleLabel = (role: string) => ROLE_LABELS[role] ?? humanize(role);

export const PLATFORM_STATUS_LABELS: Record<string, string> = {
  requested: 'Requested',
  it_reviewed: 'IT reviewed',
  council_approved: 'Council approved',
  active: 'Active',
  terminated: 'Terminated',
  rejected: 'Rejected',
};

export const platformStatusLabel = (s: string) => PLATFORM_STATUS_LABELS[s] ?? humanize(s);

export const PLATFORM_TYPES: { value: string; label: string }[] = [
  { value: 'bluesky', label: 'Bluesky' },
  { value: 'mastodon', label: 'Mastodon' },
  { value: 'facebook', label: 'Facebook' },
  { value: 'instagram', label: 'Instagram' },
  { value: 'x', label: 'X (Twitter)' },
  { value: 'youtube', label: 'YouTube' },
  { value: 'linkedin', label: 'LinkedIn' },
  { value: 'nextdoor', label: 'Nextdoor' },
  { value: 'other', label: 'Other' },
];

export const platformTypeLabel = (t: string) => PLATFORM_TYPES.find((p) => p.value === t)?.label ?? humanize(t);

export function humanize(s: string): string {
  const t = s.replace(/[_.-]+/g, ' ').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}
