import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childClauses, clause, clauseAncestors, clauseTitle, defaultPackDir, hasClause, loadPackFromDir, UnknownClauseError } from './index.ts';

const pack = loadPackFromDir(defaultPackDir());
const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);
const letters = (prefix: string, last: string) =>
  Array.from({ length: last.charCodeAt(0) - 96 }, (_, i) => `${prefix}(${String.fromCharCode(97 + i)})`);
const roman = ['i', 'ii', 'iii', 'iv', 'v', 'vi'];

/** Every clause id of Council Policy 01.01.04's outline. */
const OUTLINE = [
  'I',
  'II',
  ...['authorized-employee', 'city-manager', 'city-social-media', 'employee', 'legislative-body', 'post', 'social-media', 'social-media-platforms'].map((d) => `II.${d}`),
  'III',
  ...'ABCDEFGH'.split('').map((l) => `III.${l}`),
  'IV',
  'IV.A',
  ...range('IV.A.', 1, 18),
  'IV.B',
  'IV.C',
  ...range('IV.C.', 1, 15),
  ...letters('IV.C.15', 'k'),
  'IV.C.15(e)(i)',
  'IV.C.15(e)(i)(A)',
  'IV.C.15(e)(i)(B)',
  'IV.C.15(e)(i)(C)',
  ...roman.slice(0, 5).map((r) => `IV.C.15(f)(${r})`),
  ...roman.map((r) => `IV.C.15(i)(${r})`),
  'IV.D',
  ...range('IV.D.', 1, 7),
  ...letters('IV.D.6', 'e'),
  ...letters('IV.D.7', 'k'),
  'IV.E',
  'V',
  ...range('V.', 1, 15),
  'VI',
  'Att.A',
];

/** The adopted text with PDF artefacts removed, for "the policy's own words" checks. */
function normalise(s: string): string {
  return s
    .replace(/\*+/g, '')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:])/g, '$1')
    .trim();
}
const source = normalise(readFileSync(join(defaultPackDir(), 'source.txt'), 'utf8'));

describe('Carson clause catalogue', () => {
  it('has every clause id of the policy outline, and nothing else', () => {
    const missing = OUTLINE.filter((id) => !hasClause(pack, id));
    expect(missing).toEqual([]);
    expect(pack.clauses.map((c) => c.id).sort()).toEqual([...OUTLINE].sort());
    expect(pack.clauses).toHaveLength(125);
  });

  it("every clause's text is the policy's own words", () => {
    const notVerbatim = pack.clauses.filter((c) => !source.includes(normalise(c.text))).map((c) => c.id);
    expect(notVerbatim).toEqual([]);
  });

  it('nests clauses by the outline and kinds follow the policy', () => {
    expect(clause(pack, 'IV.C.15(e)(i)(A)').parent).toBe('IV.C.15(e)(i)');
    expect(clauseAncestors(pack, 'IV.C.15(e)(i)').map((c) => c.id)).toEqual(['IV.C.15(e)', 'IV.C.15', 'IV.C', 'IV']);
    expect(childClauses(pack, 'IV.D.7').map((c) => c.id)).toEqual(letters('IV.D.7', 'k'));
    for (const id of [...letters('IV.D.6', 'e'), ...letters('IV.D.7', 'k'), ...roman.slice(0, 5).map((r) => `IV.C.15(f)(${r})`)]) {
      expect(clause(pack, id).kind, id).toBe('content-rule');
    }
    for (const id of range('V.', 1, 15)) expect(clause(pack, id).kind, id).toBe('comment-rule');
    expect(pack.clauses.filter((c) => c.section === 'II').every((c) => c.kind === 'definition')).toBe(true);
    expect(clause(pack, 'VI').kind).toBe('exception');
    expect(clause(pack, 'Att.A').kind).toBe('form');
    expect(clause(pack, 'IV.C.15(i)(vi)').section).toBe('IV');
  });

  it('[II] the definitions are the policy\'s', () => {
    expect(clause(pack, 'II.city-manager').text).toBe('City Manager means the City Manager of the City of Carson, and includes his or her designee.');
    expect(clause(pack, 'II.employee').text).toContain("Members of the City's legislative bodies are excluded from this definition.");
  });

  it('a citation must resolve: clause() throws on an unknown id', () => {
    expect(() => clause(pack, 'IV.Z.99')).toThrow(UnknownClauseError);
    expect(() => clauseTitle(pack, 'V.16')).toThrow(/unknown clause id "V.16" in policy pack "carson"/);
    expect(hasClause(pack, 'V.16')).toBe(false);
    expect(clauseTitle(pack, 'IV.C.15(e)')).toBe('Post only on duty during normal business hours');
  });
});

describe('Carson public texts', () => {
  it('[V] the comment policy lists V.1–V.15 in the policy\'s words', () => {
    const lines = pack.texts.commentPolicy.split('\n');
    for (let n = 1; n <= 15; n++) expect(lines, `V.${n}`).toContain(`${n}. ${clause(pack, `V.${n}`).text}`);
    expect(pack.texts.commentPolicy).toContain('regardless of viewpoint');
    expect(pack.texts.commentPolicy).toContain('limited public forum');
    expect(source).toContain(normalise(pack.texts.commentPolicy.replace(/^#.*$/m, '').replace(/^\d+\. /gm, '')).slice(0, 400));
  });

  it('[Att.A] acknowledgement text present, verbatim, with the form fields', () => {
    const ack = pack.texts.acknowledgement;
    expect(ack.body).toBe(clause(pack, 'Att.A').text);
    expect(ack.body).toMatch(/^I hereby acknowledge receiving a copy of the City's Social Media Policy/);
    expect(ack.body).toMatch(/up to and including termination\.$/);
    expect(ack.fields).toEqual({ name: 'Name (printed)', signature: 'Signature', date: 'Date', departmentAndTitle: 'Department and Title' });
    expect(pack.texts.clauses.acknowledgement).toContain('IV.C.15(g)');
  });

  it('[IV.A.11] the records disclaimer directs requests to the City Clerk', () => {
    expect(pack.texts.recordsDisclaimer).toContain(
      'is intended to serve as a vehicle for communication between the City of Carson and the public. All public records requests should be directed to the office of the City of Carson City Clerk.',
    );
  });

  it('[IV.C.9] [IV.C.10] the purpose notice and liability disclaimer use the policy\'s words', () => {
    expect(pack.texts.purposeNotice).toContain("to serve as a means of communication between the City's Departments and members of the public");
    expect(pack.texts.purposeNotice).toContain('not intended to create a quasi-public or public forum');
    expect(pack.texts.liabilityDisclaimer).toContain('disclaims any and all responsibility and liability for any materials posted on this platform');
  });
});
