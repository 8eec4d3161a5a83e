/**
 * The screening configuration built FROM THE LOADED POLICY PACK, so a city's own pack (its
 * domains, phone numbers, public-contact employees, acronyms, platform limits and clause outline)
 * drives what is screened. The server (service.ts) and `crier screen` both use this builder.
 */
import { getCountries, getCountryCallingCode } from 'libphonenumber-js';
import { hasClause, type PolicyPack } from '../../policy/index.ts';
import { carsonDefaults, type PlatformLimit, type ScreeningConfig } from '../../screening/config.ts';
import { RULES } from '../../screening/rules/index.ts';

/** Acronyms that are plain English anywhere (not city-specific); the pack adds its own. */
const GENERIC_ACRONYMS = ['I', 'II', 'III', 'IV', 'VI', 'US', 'USA', 'TV', 'AM', 'PM', 'OK', 'ID', 'FAQ', 'PDF', 'COVID', 'EV', 'DIY', 'FYI', 'RSVP', 'ADA', 'ASL', 'CPR'];

/** "City of Carson" → "Carson"; "Springfield" stays. */
export function shortCityName(name: string): string {
  return name.replace(/^\s*(?:the\s+)?(?:city|town|village|county|borough)\s+of\s+/i, '').trim() || name;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Calling code '1' → 'US' (the main country of a shared code comes first in libphonenumber's list for US). */
function regionFor(callingCode: string): string {
  if (callingCode === '1') return 'US';
  return getCountries().find((c) => getCountryCallingCode(c) === callingCode) ?? carsonDefaults.phoneRegion;
}

const uniq = (xs: string[]): string[] => [...new Set(xs)];

/**
 * Rules whose every clause is missing from the pack are turned off: code never cites a clause
 * the City's policy does not have (a pack with another outline maps its own screening later).
 */
function severityFor(pack: PolicyPack): ScreeningConfig['severity'] {
  const out: ScreeningConfig['severity'] = {};
  for (const rule of RULES) {
    const cited = [rule.clauses.comment, rule.clauses.post].filter((c): c is string => !!c);
    if (cited.length && !cited.some((c) => hasClause(pack, c))) out[rule.id] = 'off';
  }
  return out;
}

/** Bump screening/config.ts's SCREENING_CONFIG_VERSION when screeningConfigFromPack changes what it builds. */
export { SCREENING_CONFIG_VERSION } from '../../screening/config.ts';

export function screeningConfigFromPack(pack: PolicyPack): ScreeningConfig {
  const j = pack.jurisdiction;
  const s = pack.screening;
  const cityName = shortCityName(j.cityName);
  const platforms: Record<string, PlatformLimit> = { ...carsonDefaults.platforms };
  for (const [type, limit] of Object.entries(s.platformLimits)) {
    const known = platforms[type.toLowerCase()];
    platforms[type.toLowerCase()] = known ? { ...known, maxLength: limit.maxChars } : { count: 'characters', maxLength: limit.maxChars };
  }
  const domains = uniq([...j.cityDomains, ...[j.websiteUrl, j.privacyPolicyUrl, j.termsOfUseUrl].map(hostOf).filter((h): h is string => !!h)].map((d) => d.toLowerCase()));
  return {
    ...carsonDefaults,
    cityName,
    cityDomains: domains,
    publicContactNames: [...s.publicContactEmployees],
    publicContactNumbers: [...j.cityPhoneNumbers],
    publicContactEmails: [],
    // the pack writes "COVID-19"; the acronym rule sees the letters
    acronymAllowList: uniq([...GENERIC_ACRONYMS, ...s.acronymAllowList.flatMap((a) => [a, a.replace(/[^A-Za-z]+.*$/, '')]).filter(Boolean)]),
    phoneRegion: regionFor(j.defaultCallingCode),
    platforms,
    severity: severityFor(pack),
    localTerms: uniq([...carsonDefaults.localTerms.filter((t) => t !== 'carson'), ...cityName.toLowerCase().split(/\s+/)]),
    timeZone: j.timeZone,
  };
}
