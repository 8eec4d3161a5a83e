import { hash, verify } from '@node-rs/argon2';
import { invalidInput } from '../../kernel/errors.ts';

/**
 * Local-account passwords: argon2id (the @node-rs/argon2 default algorithm) with its default
 * cost (19 MiB, 2 passes, 1 lane — OWASP's minimum recommendation for argon2id).
 */
export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase; bounded so a megabyte "password" cannot tie up the hasher. */
export const MAX_PASSWORD_LENGTH = 256;

/**
 * The most common passwords in public breach corpora (the top of the usual "most common" lists,
 * lower-cased). Most are shorter than 12 characters and already fail the length rule; they are
 * listed anyway so the explanation a person gets is the true one. Variants of the product and
 * policy names are added because attackers try the site's own words first.
 */
const COMMON = `123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball
abc123 football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890
michael 654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan
jennifer zxcvbnm asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou 2000
charlie robert thomas hockey ranger daniel starwars klaster 112233 george computer michelle
jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa
ginger princess joshua cheese amanda summer love ashley nicole chelsea biteme matthew access
yankees 987654321 dallas austin thunder taylor matrix minecraft password1 password12 password123
password1234 passw0rd p@ssw0rd p@ssword123 welcome welcome1 welcome123 admin admin123 administrator
qwerty123 qwerty12345 qwertyuiop123 1q2w3e4r 1q2w3e4r5t6y 123456789012 1234567890123 abcdefghijkl
iloveyou123 changeme changeme123 letmein123 trustno1234 football123 baseball123 princess123
sunshine123 monkey12345 superman123 starwars123 dragon123456 qazwsxedcrfv zaq12wsxcde3
passwordpassword correcthorsebatterystaple crier crierpassword cityofcarson carson123456
cityhall1234 springfield1`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(COMMON.split(/\s+/).filter(Boolean));

/**
 * Checks a new password and explains a refusal: a 400 naming the field, with a reason a person
 * can act on. Length is what makes a password hard to guess (NIST SP 800-63B); composition rules
 * are not imposed, but well-known and trivially patterned passwords are refused because attackers
 * try them first.
 */
export function checkNewPassword(password: string, context: { email?: string; name?: string } = {}, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw invalidInput(field, `must be at least ${MIN_PASSWORD_LENGTH} characters: length is what makes a password hard to guess (a passphrase of a few words works well)`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw invalidInput(field, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
  }
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) {
    throw invalidInput(field, 'is one of the most commonly used passwords, which attackers try first: choose something less predictable');
  }
  if (/^(.)\1+$/.test(password) || /^(.{1,3})\1+$/.test(password)) {
    throw invalidInput(field, 'is a short pattern repeated, which attackers try first: choose something less predictable');
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) {
    throw invalidInput(field, 'must not contain your email address: it is the first thing an attacker would try');
  }
}

export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, computed once: verifying against it costs the same as a real
 * verification, so an unknown email takes as long as a wrong password (no user enumeration by timing).
 */
let dummy: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hash(`dummy-${Math.random()}-${Date.now()}`);
  await verifyPassword(await dummy, password);
}
