/**
 * IV.D.7(a) — any personal information, except the names of employees whose job duties include
 * being available for contact by the public (config.publicContactNames). Runs on the ORIGINAL
 * text (digits matter): e-mail, phone (libphonenumber-js), SSN, payment card (Luhn), date of
 * birth, home address and other personal data tied to a named person. City contact numbers and
 * addresses at City domains are not personal information.
 */
import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/min';
import type { ScreeningConfig } from '../config.ts';
import { Pattern } from '../patterns.ts';
import type { Rule, RuleContext } from '../rule.ts';
import type { Hit } from '../types.ts';

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b/g;
const NAME_AT = /[A-Za-z0-9._%+-]@[A-Za-z0-9-]/;
const SSN = /\b(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}\b|\b(?:ssn|social security(?: number| no\.?| #)?)\s*(?:is|:|#)?\s*\d{9}\b/gi;
const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;
const DOB = /\b(?:dob|d\.o\.b\.|date of birth|born on|birthday is)\s*(?:is|:)?\s*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|[A-Z][a-z]+\.? \d{1,2},? \d{4})/gi;
const ADDRESS = /\b\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:[A-Za-z0-9]+\s+){1,3}(?:street|st|avenue|ave|boulevard|blvd|road|rd|drive|dr|lane|ln|way|court|ct|place|pl|circle|cir|terrace|ter|parkway|pkwy|highway|hwy)\b\.?(?:,?\s*(?:apt|apartment|unit|#|suite|ste)\.?\s*#?\s*\w+)?/gi;
const RESIDENCE = /\b(?:lives?|living|resides?|staying) (?:at|on)\b|\b(?:home|house|residence|personal) (?:address|is at)\b|\b(?:his|her|their|my) (?:home|house|apartment|address|place)\b/i;
const NAMED_PERSONAL = /\b([A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z'-]+)+)(?:'s|’s)? (?:lives at|lives on|home address|home phone|cell(?: phone)?(?: number)?|phone number|date of birth|DOB|social security|SSN|license plate|driver'?s license|medical (?:condition|records?)|diagnosis|salary|bank account)\b/g;

const PHONE_SHAPE = /\d{3}\D{0,2}\d{3}\D{0,2}\d{4}|\+\d[\d ().-]{6,}|\d{7,}/;
/** NAMED_PERSONAL only runs where one of these words is; the needles spare most texts even this scan. */
const PERSONAL_WORDS = new Pattern([['lives home cell phone birth dob social ssn license driver medical diagnosis salary bank', '\\b(?:lives|home|cell|phone|birth|dob|social security|ssn|license|driver|medical|diagnosis|salary|bank)\\b']]);

function luhn(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (dbl) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

function each(re: RegExp, text: string, limit: number, f: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(text)) !== null && n++ < limit) f(m);
}

const digitsOnly = (s: string): string => s.replace(/\D/g, '');

/** What the rule needs from a configuration, worked out once per configuration object, not per text. */
interface ContactFacts { cityDomains: string[]; cityEmails: Set<string>; cityNumbers: Set<string>; exempt: Set<string> }
const factsByConfig = new WeakMap<ScreeningConfig, ContactFacts>();
function contactFacts(cfg: ScreeningConfig): ContactFacts {
  let f = factsByConfig.get(cfg);
  if (!f) {
    f = {
      cityDomains: cfg.cityDomains.map((d) => d.toLowerCase()),
      cityEmails: new Set(cfg.publicContactEmails.map((e) => e.toLowerCase())),
      cityNumbers: new Set(cfg.publicContactNumbers.map(digitsOnly).map((d) => d.slice(-10))),
      exempt: new Set(cfg.publicContactNames.map((n) => n.toLowerCase())),
    };
    factsByConfig.set(cfg, f);
  }
  return f;
}

function check(ctx: RuleContext): Hit[] {
  const text = ctx.text;
  const cfg = ctx.config;
  const hits: Hit[] = [];
  const raw = (start: number, end: number, message: string, score: number, weak = false): void => {
    const h: Hit = { message, score, start, end, raw: true };
    if (weak) h.weak = true;
    hits.push(h);
  };
  const { cityDomains, cityEmails, cityNumbers, exempt } = contactFacts(cfg);
  // mentions ("@user") are not addresses: the address regex only where a name part precedes an '@'
  if (text.includes('@') && NAME_AT.test(text)) {
    each(EMAIL, text, 20, (m) => {
      const addr = m[0].toLowerCase();
      const domain = addr.slice(addr.indexOf('@') + 1);
      if (cityEmails.has(addr) || cityDomains.some((d) => domain === d || domain.endsWith('.' + d))) return;
      raw(m.index, m.index + m[0].length, 'e-mail address (personal information)', 0.95);
    });
  }
  let digitCount = 0;
  for (let i = 0; i < text.length && digitCount < 7; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digitCount++;
  }
  if (digitCount >= 7) {
    const taken: Array<[number, number]> = [];
    each(SSN, text, 10, (m) => {
      raw(m.index, m.index + m[0].length, 'social security number (personal information)', 0.95);
      taken.push([m.index, m.index + m[0].length]);
    });
    each(CARD, text, 10, (m) => {
      const d = digitsOnly(m[0]);
      if (d.length >= 13 && d.length <= 19 && luhn(d) && !/^(\d)\1+$/.test(d)) {
        raw(m.index, m.index + m[0].length, 'payment card number (personal information)', 0.95);
        taken.push([m.index, m.index + m[0].length]);
      }
    });
    if (PHONE_SHAPE.test(text)) try {
      // libphonenumber is the slowest check: only for text with a phone-shaped digit run, bounded
      const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
      for (const p of findPhoneNumbersInText(sample, cfg.phoneRegion as CountryCode).slice(0, 10)) {
        if (taken.some(([a, b]) => p.startsAt < b && p.endsAt > a)) continue;
        const national = digitsOnly(p.number.nationalNumber).slice(-10);
        if (cityNumbers.has(national)) continue;
        raw(p.startsAt, p.endsAt, 'phone number (personal information unless it is a City contact number)', 0.9);
      }
    } catch {
      /* malformed input: no phone numbers */
    }
    each(DOB, text, 5, (m) => raw(m.index, m.index + m[0].length, 'date of birth (personal information)', 0.9));
  }
  if (/\d/.test(text)) {
    each(ADDRESS, text, 5, (m) => {
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      const residence = RESIDENCE.test(before);
      raw(m.index, m.index + m[0].length, residence ? 'home address (personal information)' : 'street address: make sure it is not a private residence', residence ? 0.9 : 0.4, !residence);
    });
  }
  if (PERSONAL_WORDS.test(ctx)) each(NAMED_PERSONAL, text, 5, (m) => {
    if (exempt.has(m[1]!.toLowerCase())) return;
    raw(m.index, m.index + m[0].length, `personal information about "${m[1]}"`, 0.85);
  });
  return hits;
}

export const personalInfoRule: Rule = {
  id: 'personal-info',
  clauses: { comment: 'IV.D.7(a)', post: 'IV.D.7(a)' },
  defaultSeverity: 'block',
  title: 'Personal information (except public-contact employees\' names)',
  check,
};
