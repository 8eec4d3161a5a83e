/**
 * The statutes the desk applies (California Public Records Act, Gov. Code Division 10). These
 * lists are the City Attorney's to maintain: a change in the law is a change here, reviewed by
 * the City Attorney's Office. Texts are summaries for staff, with the citation to read in full.
 */

/** Gov. Code 7922.535(a): the determination is due within 10 days from receipt. */
export const DETERMINATION_DAYS = 10;
/** Gov. Code 7922.535(b): no notice may extend the time by more than 14 days. */
export const MAX_EXTENSION_DAYS = 14;

export const EXTENSION_GROUNDS = {
  field_facilities: {
    citation: 'Gov. Code 7922.535(c)(1)',
    label: 'Records in field facilities',
    text: 'The need to search for and collect the requested records from field facilities or other establishments that are separate from the office processing the request.',
  },
  voluminous: {
    citation: 'Gov. Code 7922.535(c)(2)',
    label: 'Voluminous records',
    text: 'The need to search for, collect, and appropriately examine a voluminous amount of separate and distinct records that are demanded in a single request.',
  },
  consultation: {
    citation: 'Gov. Code 7922.535(c)(3)',
    label: 'Consultation with another agency',
    text: 'The need for consultation, conducted with all practicable speed, with another agency having substantial interest in the determination of the request, or among two or more components of the agency having substantial subject matter interest therein.',
  },
  compiling_data: {
    citation: 'Gov. Code 7922.535(c)(4)',
    label: 'Compiling data or writing programming',
    text: 'The need to compile data, to write programming language or a computer program, or to construct a computer report to extract data.',
  },
  state_of_emergency: {
    citation: 'Gov. Code 7922.535(c)(5)',
    label: 'Declared state of emergency',
    text: "The need to search for, collect, and appropriately examine records during a proclaimed state of emergency in the agency's jurisdiction, where the emergency directly affects the agency's ability to respond timely (staffing shortages or closure of facilities).",
  },
  cyberattack: {
    citation: 'Gov. Code 7922.535(c)(6)',
    label: 'Cyberattack',
    text: "The agency's inability, because of a cyberattack, to access its electronic servers or systems to search for and obtain the records (added by AB 370, 2025).",
  },
} as const;
export type ExtensionGround = keyof typeof EXTENSION_GROUNDS;
export const EXTENSION_GROUND_IDS = Object.keys(EXTENSION_GROUNDS) as [ExtensionGround, ...ExtensionGround[]];

/** Exemptions cited per withheld item (Gov. Code 7922.540 requires the denial in writing, naming who is responsible). */
export const EXEMPTIONS = {
  preliminary_drafts: { citation: 'Gov. Code 7927.500', label: 'Preliminary drafts, notes, or interagency or intra-agency memoranda not retained in the ordinary course of business' },
  pending_litigation: { citation: 'Gov. Code 7927.200', label: 'Records pertaining to pending litigation to which the City is a party' },
  personal_privacy: { citation: 'Gov. Code 7927.700', label: 'Personnel, medical, or similar files: an unwarranted invasion of personal privacy' },
  other_law_privilege: { citation: 'Gov. Code 7927.705', label: 'Exempt or prohibited under other federal or state law, including Evidence Code privileges (e.g. attorney-client)' },
  public_interest: { citation: 'Gov. Code 7922.000', label: 'The public interest in withholding clearly outweighs the public interest in disclosure' },
} as const;
export type Exemption = keyof typeof EXEMPTIONS;
export const EXEMPTION_IDS = Object.keys(EXEMPTIONS) as [Exemption, ...Exemption[]];

export const OUTCOMES = {
  disclose_full: 'Disclose in full',
  disclose_part: 'Disclose in part',
  deny: 'Deny',
  no_records: 'No responsive records',
} as const;
export type Outcome = keyof typeof OUTCOMES;
export const OUTCOME_IDS = Object.keys(OUTCOMES) as [Outcome, ...Outcome[]];

/** Outcomes that withhold something: each withheld item names its exemption, and the City Attorney concurs first. */
export const WITHHOLDING: readonly Outcome[] = ['disclose_part', 'deny'];
/** Outcomes where records are produced: they carry the estimated production date (7922.535(a)). */
export const PRODUCING: readonly Outcome[] = ['disclose_full', 'disclose_part'];
