import { randomBytes } from 'node:crypto';
import { AppError, invalidInput } from '../../kernel/errors.ts';
import { isCalendarDate } from '../../kernel/codec.ts';
import { boundedText as text } from '../../kernel/text.ts';

export { text };

export const LIMITS = { description: 10_000, name: 200, email: 254, phone: 40, postalAddress: 500, preferredFormat: 200, message: 10_000, note: 5_000, notice: 10_000, item: 1_000 } as const;

// Text from the public is kept as text (markup stays literal); control characters other than
// line breaks and tabs are refused, not stored (NUL is refused earlier, at the HTTP boundary).
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]{7,40}$/;


export const optionalText = (path: string, value: string | null | undefined, max: number): string | null => (value == null || value.trim() === '' ? null : text(path, value, max));

export function calendarDate(path: string, value: string): string {
  if (!isCalendarDate(value)) throw invalidInput(path, 'expected a date as YYYY-MM-DD');
  return value;
}

export interface IntakeInput {
  description: string;
  /** Optional: the CPRA does not require a requester to identify themselves. */
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  postalAddress?: string | null;
  preferredFormat?: string | null;
}

export interface Intake {
  description: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
  preferredFormat: string | null;
}

/** Validates a request: a description and at least one way to respond. */
export function validateIntake(input: IntakeInput): Intake {
  const description = text('description', input.description ?? '', LIMITS.description, 5);
  const name = optionalText('name', input.name, LIMITS.name);
  const email = optionalText('email', input.email, LIMITS.email);
  if (email && !EMAIL.test(email)) throw invalidInput('email', 'is not an email address');
  const phone = optionalText('phone', input.phone, LIMITS.phone);
  if (phone && !(PHONE.test(phone) && phone.replace(/\D/g, '').length >= 7)) throw invalidInput('phone', 'is not a phone number');
  const postalAddress = optionalText('postalAddress', input.postalAddress, LIMITS.postalAddress);
  if (postalAddress && postalAddress.length < 10) throw invalidInput('postalAddress', 'give a full postal address (street, city, ZIP)');
  if (!email && !phone && !postalAddress) {
    const message =
      'give at least one way to respond: an email address, a phone number or a postal address. You may stay anonymous (the California Public Records Act does not require a name), but the City Clerk must be able to deliver the response.';
    throw new AppError('invalid_input', `contact: ${message}`, { fields: ['email', 'phone', 'postalAddress'].map((path) => ({ path, message })) });
  }
  const preferredFormat = optionalText('preferredFormat', input.preferredFormat, LIMITS.preferredFormat);
  return { description, name, email, phone, postalAddress, preferredFormat };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** PRR-<year>-<8 random characters>: short enough to read on the phone, too random to guess. */
export function newReference(year: string): string {
  const bytes = randomBytes(8);
  let s = '';
  for (const b of bytes) s += CROCKFORD[b % 32];
  return `PRR-${year}-${s}`;
}

/** Accepts a reference as people type it (any case, spaces, Crockford's I/L/O look-alikes). */
export function normalizeReference(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, '').replace(/[IL]/g, '1').replace(/O/g, '0').replace(/^PRR-?(\d{4})-?/, 'PRR-$1-');
}
