import type { PolicyPack } from '../../policy/index.ts';
import { OUTCOMES, PRODUCING, type Outcome } from './statutes.ts';

export interface LetterInput {
  reference: string;
  receivedOn: string;
  determinedOn: string;
  outcome: Outcome;
  reasons: string;
  estimatedProductionOn: string | null;
  withheld: { item: string; citation: string; label: string; explanation: string | null }[];
  responsible: { name: string; title: string | null }[];
  /** Parts redacted from the records produced, each with its exemption (the redaction log). */
  redacted?: { part: string; citation: string; label: string }[];
}

/**
 * The determination letter (Gov. Code 7922.535(a): the determination and the reasons; the
 * estimated date records will be available; 7922.540: a denial, in whole or in part, names each
 * person responsible and their title). Plain text: kept as written, sent as written.
 */
export function determinationLetter(pack: PolicyPack, l: LetterInput): string {
  const lines = [
    `${pack.jurisdiction.cityName} — Office of the City Clerk`,
    `Public records request ${l.reference}, received ${l.receivedOn}`,
    `Determination dated ${l.determinedOn}: ${OUTCOMES[l.outcome]}.`,
    '',
    l.reasons,
    '',
  ];
  if (PRODUCING.includes(l.outcome)) lines.push(`The records will be made available by ${l.estimatedProductionOn} (estimated).`);
  else if (l.estimatedProductionOn) lines.push(`Estimated date of any production: ${l.estimatedProductionOn}.`);
  else lines.push('No records will be produced in response to this request.');
  if (l.withheld.length) {
    lines.push('', 'Records withheld, each with the exemption that applies:');
    l.withheld.forEach((w, i) => lines.push(`${i + 1}. ${w.item} — ${w.citation} (${w.label})${w.explanation ? `. ${w.explanation}` : ''}`));
  }
  if (l.redacted?.length) {
    lines.push('', 'Parts redacted from the records produced, each with the exemption that applies:');
    for (const r of l.redacted) lines.push(`- ${r.part} — ${r.citation} (${r.label})`);
  }
  lines.push('', 'Persons responsible for this determination:');
  for (const p of l.responsible) lines.push(`- ${p.name}, ${p.title ?? pack.jurisdiction.cityName}`);
  return lines.join('\n');
}
