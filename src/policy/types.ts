// Policy pack schema: the council-adopted policy as data (clause catalogue + settings + texts).
// Pure: no I/O. The loader (loader.ts) reads files and hands them to parsePack (parse.ts).
import { z } from 'zod';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const E164 = /^\+[1-9]\d{1,14}$/;
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

export const isoDate = z.string().regex(ISO_DATE, 'expected a date as YYYY-MM-DD').refine(isRealDate, 'not a calendar date');
const clauseRef = z.string().min(1);
/** Clause ids this part of the pack implements; each must exist in `clauses` (checked). */
const clauseRefs = z.array(clauseRef).default([]);

export const CLAUSE_KINDS = ['purpose', 'definition', 'goal', 'procedure', 'content-rule', 'comment-rule', 'exception', 'form'] as const;
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export const RETENTION_RULES = ['current-year-plus', 'years-after-creation'] as const;

export const ClauseSchema = z.strictObject({
  /** The policy's own outline: 'IV.C.15(e)(i)', 'V.3', 'II.city-manager', 'Att.A'. */
  id: z.string().min(1).regex(/^\S+$/, 'clause id must not contain spaces'),
  parent: z.string().min(1).optional(),
  /** A short label for lists and citations; not policy text. */
  title: z.string().min(1),
  /** The policy's own words. */
  text: z.string().min(1),
  kind: z.enum(CLAUSE_KINDS),
  /** Top-level section of the outline ('I'…'VI', 'Att.A'); a child shares its parent's section. */
  section: z.string().min(1),
});

const IntervalSchema = z.strictObject({
  start: z.string().regex(HH_MM, 'expected HH:MM'),
  end: z.string().regex(HH_MM, 'expected HH:MM'),
});

const WeeklySchema = z.strictObject({
  monday: z.array(IntervalSchema),
  tuesday: z.array(IntervalSchema),
  wednesday: z.array(IntervalSchema),
  thursday: z.array(IntervalSchema),
  friday: z.array(IntervalSchema),
  saturday: z.array(IntervalSchema),
  sunday: z.array(IntervalSchema),
});

const EmergencySystemSchema = z.strictObject({
  name: z.string().min(1),
  /** Glob-style URL patterns ('*' matches anything), e.g. 'https://*.nixle.com/*'. */
  urlPatterns: z.array(z.string().regex(/^https?\*?:\/\//, 'expected a pattern starting with http:// or https://')).min(1),
});

const RetentionDefaultSchema = z.strictObject({
  years: z.number().int().positive(),
  /** 'current-year-plus': kept through the end of the creation year plus `years`. */
  rule: z.enum(RETENTION_RULES),
  /** Never destroyed before this many years after creation. */
  minimumYears: z.number().int().nonnegative(),
});

const PackShape = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lowercase slug'),
  name: z.string().min(1),
  /** The policy version (a new one on every amendment, IV.A.18 for Carson). */
  version: z.string().min(1),
  adopted: z.strictObject({ date: isoDate, agendaItem: z.string().min(1).optional() }),
  sourceDocument: z.strictObject({
    title: z.string().min(1),
    number: z.string().min(1),
    originatingDepartment: z.string().min(1).optional(),
  }),
  jurisdiction: z.strictObject({
    cityName: z.string().min(1),
    timeZone: z.string().min(1),
    websiteUrl: z.url(),
    privacyPolicyUrl: z.url(),
    termsOfUseUrl: z.url(),
    cityDomains: z.array(z.string()).min(1),
    /** E.164, e.g. '+13108307600'. */
    cityPhoneNumbers: z.array(z.string()).min(1),
    /** Country calling code assumed for numbers written without one ('1' for NANP). */
    defaultCallingCode: z.string().regex(/^[1-9]\d{0,2}$/),
    emergencySystems: z.array(EmergencySystemSchema),
    clauses: clauseRefs,
  }),
  businessHours: z.strictObject({
    weekly: WeeklySchema,
    /** Off-duty work longer than this is not de minimis and must be pre-authorized and logged. */
    deMinimisOffDutyMinutes: z.number().int().nonnegative(),
    clauses: clauseRefs,
  }),
  holidays: z.array(z.strictObject({ date: isoDate, name: z.string().min(1) })),
  retention: z.strictObject({
    statutoryMinimumYears: z.number().int().nonnegative(),
    authority: z.string().min(1).optional(),
    defaults: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'expected a camelCase record type'), RetentionDefaultSchema),
    clauses: clauseRefs,
  }),
  authorization: z.strictObject({
    reacknowledgementGraceDays: z.number().int().nonnegative(),
    totpRequiredRoles: z.array(z.string().min(1)),
    clauses: clauseRefs,
  }),
  screening: z.strictObject({
    publicContactEmployees: z.array(z.string().min(1)),
    acronymAllowList: z.array(z.string().min(1)),
    platformLimits: z.record(z.string().min(1), z.strictObject({ maxChars: z.number().int().positive() })),
    clauses: clauseRefs,
  }),
  texts: z.strictObject({
    commentPolicy: z.string().min(1),
    recordsDisclaimer: z.string().min(1),
    purposeNotice: z.string().min(1),
    liabilityDisclaimer: z.string().min(1),
    /** `{department}` is replaced by the department or division name. */
    brandingPhrases: z.array(z.string().min(1)).min(1),
    acknowledgement: z.strictObject({
      title: z.string().min(1),
      body: z.string().min(1),
      fields: z.strictObject({
        name: z.string().min(1),
        signature: z.string().min(1),
        date: z.string().min(1),
        departmentAndTitle: z.string().min(1),
      }),
    }),
    /** Which clauses each text implements. */
    clauses: z.record(z.string(), clauseRefs).default({}),
  }),
  clauses: z.array(ClauseSchema).min(1),
};

export const PolicyPackSchema = z.strictObject(PackShape).superRefine((pack, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

  // Clauses: unique ids, parents exist, no cycles, a child shares its parent's section.
  const byId = new Map<string, z.infer<typeof ClauseSchema>>();
  pack.clauses.forEach((c, i) => {
    if (byId.has(c.id)) issue(['clauses', i, 'id'], `duplicate clause id "${c.id}"`);
    else byId.set(c.id, c);
  });
  pack.clauses.forEach((c, i) => {
    if (c.parent === undefined) return;
    const parent = byId.get(c.parent);
    if (!parent) return issue(['clauses', i, 'parent'], `unknown parent clause "${c.parent}"`);
    if (parent.section !== c.section) issue(['clauses', i, 'section'], `section "${c.section}" differs from parent "${parent.id}" (section "${parent.section}")`);
    const seen = new Set([c.id]);
    for (let p: typeof parent | undefined = parent; p; p = p.parent ? byId.get(p.parent) : undefined) {
      if (seen.has(p.id)) return issue(['clauses', i, 'parent'], `parent cycle through "${p.id}"`);
      seen.add(p.id);
    }
  });

  // Every clause reference elsewhere in the pack resolves.
  const refs: [(string | number)[], string[]][] = [
    [['jurisdiction', 'clauses'], pack.jurisdiction.clauses],
    [['businessHours', 'clauses'], pack.businessHours.clauses],
    [['retention', 'clauses'], pack.retention.clauses],
    [['authorization', 'clauses'], pack.authorization.clauses],
    [['screening', 'clauses'], pack.screening.clauses],
    ...Object.entries(pack.texts.clauses).map(([k, v]): [(string | number)[], string[]] => [['texts', 'clauses', k], v]),
  ];
  for (const [path, ids] of refs) {
    ids.forEach((id, i) => {
      if (!byId.has(id)) issue([...path, i], `unknown clause id "${id}"`);
    });
  }
  for (const key of Object.keys(pack.texts.clauses)) {
    if (!(key in pack.texts) || key === 'clauses') issue(['texts', 'clauses', key], `no text named "${key}"`);
  }

  // Jurisdiction: time zone, domains, phone numbers.
  if (!isValidTimeZone(pack.jurisdiction.timeZone)) {
    issue(['jurisdiction', 'timeZone'], `unknown time zone "${pack.jurisdiction.timeZone}"`);
  }
  pack.jurisdiction.cityDomains.forEach((d, i) => {
    if (d !== d.toLowerCase()) issue(['jurisdiction', 'cityDomains', i], `domain "${d}" must be lowercase`);
    else if (!HOSTNAME.test(d)) issue(['jurisdiction', 'cityDomains', i], `"${d}" is not a domain name`);
  });
  pack.jurisdiction.cityPhoneNumbers.forEach((p, i) => {
    if (!E164.test(p)) issue(['jurisdiction', 'cityPhoneNumbers', i], `phone number "${p}" is not E.164 (e.g. +13105550100)`);
  });

  // Business hours: start < end, no overlaps within a day.
  for (const day of WEEKDAYS) {
    const intervals = pack.businessHours.weekly[day];
    intervals.forEach((iv, i) => {
      if (minutesOf(iv.start) >= minutesOf(iv.end)) {
        issue(['businessHours', 'weekly', day, i], `start ${iv.start} must be before end ${iv.end}`);
      }
      intervals.forEach((other, j) => {
        if (j > i && minutesOf(iv.start) < minutesOf(other.end) && minutesOf(other.start) < minutesOf(iv.end)) {
          issue(['businessHours', 'weekly', day, j], `overlaps ${iv.start}–${iv.end}`);
        }
      });
    });
  }
  const holidayDates = new Set<string>();
  pack.holidays.forEach((h, i) => {
    if (holidayDates.has(h.date)) issue(['holidays', i, 'date'], `duplicate holiday date ${h.date}`);
    holidayDates.add(h.date);
  });

  // Retention: nothing below the statutory minimum.
  const floor = pack.retention.statutoryMinimumYears;
  for (const [type, r] of Object.entries(pack.retention.defaults)) {
    if (r.minimumYears < floor) issue(['retention', 'defaults', type, 'minimumYears'], `below the statutory minimum of ${floor} years`);
    if (r.rule === 'years-after-creation' && r.years < r.minimumYears) {
      issue(['retention', 'defaults', type, 'years'], `${r.years} years is below minimumYears ${r.minimumYears}`);
    }
  }

  // Branding phrases: the placeholder, if any, is exactly `{department}`.
  pack.texts.brandingPhrases.forEach((p, i) => {
    const placeholders = p.match(/\{[^}]*\}/g) ?? [];
    if (placeholders.some((ph) => ph !== '{department}')) issue(['texts', 'brandingPhrases', i], 'the only placeholder allowed is {department}');
  });
});

export type Clause = z.infer<typeof ClauseSchema>;
export type ClauseKind = Clause['kind'];
export type Weekday = (typeof WEEKDAYS)[number];
export type BusinessInterval = z.infer<typeof IntervalSchema>;
export type EmergencySystem = z.infer<typeof EmergencySystemSchema>;
export type RetentionDefault = z.infer<typeof RetentionDefaultSchema>;
/** The pack as validated, before its content hash is attached. */
export type PolicyPackData = z.infer<typeof PolicyPackSchema>;
/** A loaded pack: validated data plus the sha256 of its canonical JSON. */
export type PolicyPack = PolicyPackData & { readonly contentHash: string };

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
