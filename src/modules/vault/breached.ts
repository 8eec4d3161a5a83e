/**
 * A small local list of passwords and password stems seen in breaches and password-spraying
 * lists (IV.C.15(i)(i)). A password is refused when, once lower-cased, with common character
 * substitutions undone and leading/trailing digits and symbols removed, it is one of these or one
 * of these repeated — "P@ssw0rd2026!" and "Summer2025" are caught as "password" and "summer".
 * zxcvbn's own dictionaries catch far more; this list adds the stems it scores too kindly
 * once decorated, and the City's own words.
 */
export const BREACHED_STEMS: readonly string[] = [
  'password', 'passw', 'passwort', 'pass', 'letmein', 'welcome', 'qwerty', 'qwertyuiop', 'asdfgh', 'asdfghjkl', 'zxcvbn', 'abc', 'abcdef',
  'iloveyou', 'admin', 'administrator', 'root', 'login', 'master', 'monkey', 'dragon', 'sunshine', 'princess', 'football', 'baseball',
  'soccer', 'superman', 'batman', 'trustno', 'shadow', 'michael', 'jennifer', 'secret', 'changeme', 'default', 'guest', 'test',
  'spring', 'summer', 'autumn', 'fall', 'winter', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december', 'monday', 'friday', 'hello', 'freedom', 'whatever', 'starwars', 'pokemon',
  'facebook', 'twitter', 'instagram', 'linkedin', 'youtube', 'tiktok', 'bluesky', 'mastodon', 'google', 'microsoft', 'socialmedia',
  'carson', 'cityofcarson', 'carsonca', 'carsoncity', 'city', 'cityhall', 'california', 'losangeles', 'government', 'council',
];

/** The digits-and-keyboard runs breach lists are full of. */
export const BREACHED_EXACT: readonly string[] = ['123456', '1234567', '12345678', '123456789', '1234567890', '111111', '000000', '654321', '121212', '112233', '123123', '1q2w3e4r', '1qaz2wsx', 'zaq12wsx', 'qazwsx'];

const SUBSTITUTIONS: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', '$': 's', '5': 's', '7': 't', '+': 't' };

/** Lower-cased, separators dropped, decorations trimmed, substitutions undone. */
export function stemOf(password: string): string {
  const lower = password.toLowerCase().replace(/[\s_.-]+/g, '');
  const trimmed = lower.replace(/^[^a-z]+/, '').replace(/[^a-z]+$/, '');
  const core = trimmed || lower;
  return [...core].map((ch) => SUBSTITUTIONS[ch] ?? ch).join('');
}

/** The list entry the password is built on, or null. */
export function breachedMatch(password: string): string | null {
  const lower = password.toLowerCase();
  if (BREACHED_EXACT.includes(lower)) return lower;
  const stem = stemOf(password);
  if (!stem) return null;
  for (const s of BREACHED_STEMS) {
    if (stem === s) return s;
    // The stem repeated, or stems joined ("passwordpassword", "welcomecarson").
    if (stem.length % s.length === 0 && s.repeat(stem.length / s.length) === stem) return s;
  }
  const joined = BREACHED_STEMS.find((a) => stem.startsWith(a) && BREACHED_STEMS.includes(stem.slice(a.length).replace(/^[^a-z]+/, '')));
  return joined ?? null;
}
