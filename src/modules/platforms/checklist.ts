import { brandingPhrasesFor, isCityEmail, isCityPhone, type PolicyPack } from '../../policy/index.ts';
import { C } from './clauses.ts';
import type { ChecklistItem, Notice, PlatformProfile } from './types.ts';

/** The facts the profile checklist reads. Pure: same pack and facts, same answer. */
export interface ChecklistFacts {
  profile: PlatformProfile;
  commentsEnabled: boolean;
  contactEmail: string | null;
  contactPhone: string | null;
  template: string | null;
  /** The owning department's name; null for a City platform. */
  departmentName: string | null;
}

/** Lower-case, straight quotes, single spaces, no trailing punctuation: for phrase matching. */
export function normalizeText(s: string): string {
  return s
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!,;:]+$/, '')
    .toLowerCase();
}

/** True when `phrase` occurs in `text` as a whole phrase (not the start of a longer one: "…City of Carson's Library …"). */
function containsPhrase(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const next = text.charAt(at + phrase.length);
    if (!/[a-z0-9']/.test(next)) return true;
  }
  return false;
}

/** The branding phrase the text carries, if any (IV.A.3). */
export function matchingBrandingPhrase(pack: PolicyPack, text: string | null, departmentName: string | null): string | null {
  if (!text?.trim()) return null;
  const t = normalizeText(text);
  return brandingPhrasesFor(pack, departmentName ?? undefined).find((p) => containsPhrase(t, normalizeText(p))) ?? null;
}

export function httpUrl(s: string | null | undefined): URL | null {
  if (!s) return null;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** A URL on one of the City's domains (or a subdomain of one). */
export function isCityUrl(pack: PolicyPack, s: string | null | undefined): boolean {
  const u = httpUrl(s);
  if (!u) return false;
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  return pack.jurisdiction.cityDomains.some((d) => host === d || host.endsWith(`.${d}`));
}

function noticeItem(id: string, label: string, clause: string, n: Notice | null): ChecklistItem {
  if (!n) return { id, label, clause, ok: false, detail: 'Not shown on the profile: show the text or link to it.' };
  if (n.how === 'text') return { id, label, clause, ok: true, detail: 'Shown in the profile text.' };
  return httpUrl(n.url)
    ? { id, label, clause, ok: true, detail: `Linked: ${n.url}` }
    : { id, label, clause, ok: false, detail: 'Marked as linked, but the link is missing or not an http(s) address.' };
}

function linkItem(pack: PolicyPack, id: string, label: string, clause: string, url: string | null, expected: string): ChecklistItem {
  if (!url) return { id, label, clause, ok: false, detail: `No link. Expected a link to ${expected}.` };
  if (!isCityUrl(pack, url)) return { id, label, clause, ok: false, detail: `${url} is not on the City's website (${pack.jurisdiction.cityDomains.join(', ')}).` };
  return { id, label, clause, ok: true, detail: `Links to ${url}` };
}

/**
 * The profile checklist a platform must pass before activation (IV.A.3, IV.A.4, IV.A.15, IV.A.11,
 * IV.C.9, IV.C.10, V with IV.C.11 when comments are on, IV.C.8, IV.D.1). One item per requirement.
 */
export function profileChecklist(pack: PolicyPack, facts: ChecklistFacts): ChecklistItem[] {
  const { profile: p } = facts;
  const items: ChecklistItem[] = [];
  const has = (s: string | null | undefined) => !!s && s.trim().length > 0;

  items.push(
    has(p.displayName)
      ? { id: 'name', label: 'Platform name', clause: C.councilApprovalAndBranding, ok: true, detail: `Shown as "${p.displayName}".` }
      : { id: 'name', label: 'Platform name', clause: C.councilApprovalAndBranding, ok: false, detail: 'The profile must bear the name.' },
  );
  items.push(
    has(p.sealOrLogo)
      ? { id: 'seal_logo', label: 'City seal or logo', clause: C.councilApprovalAndBranding, ok: true, detail: 'Seal or logo present.' }
      : { id: 'seal_logo', label: 'City seal or logo', clause: C.councilApprovalAndBranding, ok: false, detail: 'The profile must bear the official City seal or logo.' },
  );
  const phrases = brandingPhrasesFor(pack, facts.departmentName ?? undefined);
  const matched = matchingBrandingPhrase(pack, p.brandingText, facts.departmentName);
  items.push({
    id: 'branding',
    label: 'Official branding',
    clause: C.councilApprovalAndBranding,
    ok: matched !== null,
    detail: matched
      ? `Branded "${matched}".`
      : has(p.brandingText)
        ? `"${p.brandingText}" does not carry an official branding phrase. Use one of: ${phrases.map((x) => `"${x}"`).join('; ')}.`
        : `No branding text. Use one of: ${phrases.map((x) => `"${x}"`).join('; ')}.`,
  });
  items.push(linkItem(pack, 'website_link', "Link to the City's official website", C.linkBack, p.websiteUrl, pack.jurisdiction.websiteUrl));
  items.push(linkItem(pack, 'privacy_link', "Link to the City's privacy policy", C.privacyAndTerms, p.privacyPolicyUrl, pack.jurisdiction.privacyPolicyUrl));
  items.push(linkItem(pack, 'terms_link', "Link to the City's terms of use", C.privacyAndTerms, p.termsOfUseUrl, pack.jurisdiction.termsOfUseUrl));
  items.push(noticeItem('records_disclaimer', 'Public records disclaimer', C.recordsDisclaimer, p.recordsDisclaimer));
  items.push(noticeItem('public_forum_notice', 'Not a public forum notice', C.purposeNotice, p.publicForumNotice));
  items.push(noticeItem('liability_disclaimer', 'Liability disclaimer', C.liabilityDisclaimer, p.liabilityDisclaimer));
  items.push(
    facts.commentsEnabled
      ? { ...noticeItem('comment_policy', 'Public comment policy', C.publicUsePolicy, p.commentPolicy) }
      : { id: 'comment_policy', label: 'Public comment policy', clause: C.publicUsePolicy, ok: true, detail: 'Not required: comments are off (one-way platform).' },
  );
  items.push(contactItem('contact_email', 'City contact email', facts.contactEmail, (v) => isCityEmail(pack, v), `an address at ${pack.jurisdiction.cityDomains.join(', ')}`));
  items.push(contactItem('contact_phone', 'City contact phone', facts.contactPhone, (v) => isCityPhone(pack, v), 'a City number'));
  items.push(
    has(facts.template)
      ? { id: 'template', label: 'Department template from IT', clause: C.template, ok: true, detail: `Template "${facts.template}".` }
      : { id: 'template', label: 'Department template from IT', clause: C.template, ok: false, detail: 'The IT Manager has not assigned a template.' },
  );
  return items;
}

function contactItem(id: string, label: string, value: string | null, isCity: (v: string) => boolean, expected: string): ChecklistItem {
  if (!value) return { id, label, clause: C.cityContacts, ok: false, detail: `Not set. Use ${expected}.` };
  return isCity(value)
    ? { id, label, clause: C.cityContacts, ok: true, detail: `${value} is a City one.` }
    : { id, label, clause: C.cityContacts, ok: false, detail: `${value} is not a City one: personal contacts are not allowed. Use ${expected}.` };
}

export const checklistPasses = (items: ChecklistItem[]) => items.every((i) => i.ok);
