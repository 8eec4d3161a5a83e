import { AppError } from '../../kernel/errors.ts';
import { isCityEmail, isCityPhone, type PolicyPack } from '../../policy/index.ts';
import { C } from './clauses.ts';

/**
 * IV.C.8: account contact email and phone must be City ones. Refused when set, not only at
 * activation, so a personal address never lands in the registry.
 */
export function assertCityContacts(pack: PolicyPack, input: { contactEmail?: string | null; contactPhone?: string | null }): void {
  const problems: { path: string; message: string }[] = [];
  if (input.contactEmail && !isCityEmail(pack, input.contactEmail)) {
    problems.push({
      path: 'body.contactEmail',
      message: `${input.contactEmail} is not a City email address. Personal email accounts may not be used to set up, monitor or access City social media; use an address at ${pack.jurisdiction.cityDomains.join(', ')}.`,
    });
  }
  if (input.contactPhone && !isCityPhone(pack, input.contactPhone)) {
    problems.push({
      path: 'body.contactPhone',
      message: `${input.contactPhone} is not a City phone number. Personal phone numbers may not be used to set up, monitor or access City social media; use a number on the City's list.`,
    });
  }
  if (problems.length) throw new AppError('policy_refusal', problems.map((p) => p.message).join(' '), { clauses: [C.cityContacts], fields: problems });
}
