// Jurisdiction helpers: City contact information (IV.C.8 in Carson's pack), branding phrases
// (IV.A.3), emergency systems (IV.A.5). Pure.
import type { EmergencySystem, PolicyPack } from './types.ts';

/** True when the address is at one of the City's domains or a subdomain of one. */
export function isCityEmail(pack: PolicyPack, email: string): boolean {
  const m = /^([^\s@]+)@([^\s@]+)$/.exec(email.trim().replace(/^mailto:/i, ''));
  if (!m) return false;
  const domain = (m[2] ?? '').toLowerCase().replace(/\.$/, '');
  return pack.jurisdiction.cityDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/**
 * The number in E.164, or null if it cannot be read. Accepts punctuation, spaces, a leading
 * '+' or international '00', a trailing extension ('x12', 'ext. 12', which is dropped), and
 * national numbers written without the country code (jurisdiction.defaultCallingCode).
 */
export function normalizePhone(pack: PolicyPack, phone: string): string | null {
  const withoutExt = phone.trim().replace(/\s*(?:;ext=|ext\.?|extension|x|#)\s*\d{1,6}\s*$/i, '');
  if (/[^\d\s().+\-/]/.test(withoutExt.replace(/^tel:/i, ''))) return null;
  const s = withoutExt.replace(/^tel:/i, '');
  let digits = s.replace(/\D/g, '');
  const cc = pack.jurisdiction.defaultCallingCode;
  if (s.trim().startsWith('+')) return plausible(`+${digits}`);
  if (digits.startsWith('00')) return plausible(`+${digits.slice(2)}`);
  if (cc === '1') {
    // NANP: 10-digit national number, or 11 digits starting with 1.
    if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
    return digits.length === 10 ? `+1${digits}` : null;
  }
  return plausible(`+${cc}${digits.replace(/^0/, '')}`);
}

function plausible(e164: string): string | null {
  return /^\+[1-9]\d{6,14}$/.test(e164) ? e164 : null;
}

export function isCityPhone(pack: PolicyPack, phone: string): boolean {
  const n = normalizePhone(pack, phone);
  return n !== null && pack.jurisdiction.cityPhoneNumbers.includes(n);
}

/**
 * Branding phrases a platform profile may carry. Without a department: the City-wide phrases
 * (those without `{department}`). With one: every phrase, `{department}` filled in; a trailing
 * "Department"/"Division" in the name is dropped so it is not doubled.
 */
export function brandingPhrasesFor(pack: PolicyPack, departmentName?: string): string[] {
  const phrases = pack.texts.brandingPhrases;
  const name = departmentName?.trim().replace(/\s+(department|division)$/i, '').trim();
  if (!name) return phrases.filter((p) => !p.includes('{department}'));
  return [...new Set(phrases.map((p) => p.replaceAll('{department}', name)))];
}

/** The emergency information system an URL belongs to, if any (IV.A.5). */
export function emergencySystemFor(pack: PolicyPack, url: string): EmergencySystem | undefined {
  let href: string;
  try {
    const u = new URL(url);
    if (u.username || u.password) return undefined;
    href = u.href;
  } catch {
    return undefined;
  }
  return pack.jurisdiction.emergencySystems.find((s) => s.urlPatterns.some((p) => globToRegExp(p).test(href)));
}

/** '*' matches within one URL segment (no '/'); a trailing '*' matches the rest of the URL. */
function globToRegExp(pattern: string): RegExp {
  const trailing = pattern.endsWith('*');
  const body = trailing ? pattern.slice(0, -1) : pattern;
  const re = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${re}${trailing ? '.*' : ''}$`, 'i');
}
