import dictionary from 'dictionary-en';
import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../kernel/actor.ts';
import { childClauses, defaultPackDir, loadPackFromDir, type PolicyPack } from '../../policy/index.ts';
import { catalogue } from '../../screening/catalogue.ts';
import { RULES } from '../../screening/rules/index.ts';
import { springfieldDir } from '../../policy/test-helpers.ts';
import { createScreeningService, screeningConfigFromPack } from './index.ts';

const carson = loadPackFromDir(defaultPackDir());
const withScreening = (pack: PolicyPack, patch: Partial<PolicyPack['screening']>): PolicyPack => ({ ...pack, screening: { ...pack.screening, ...patch } });
const person = (role: 'authorized_employee' | 'employee' | 'department_head'): Actor => ({ kind: 'person', personId: 'p1', name: 'Pat', roles: [{ role, departmentId: 'd1', designeeOf: null }] });

describe('screening configuration from the policy pack', () => {
  it('[IV.A.4] takes the City name, domains and phone numbers from the pack', () => {
    const c = screeningConfigFromPack(carson);
    expect(c.cityName).toBe('Carson');
    expect(c.cityDomains).toEqual(expect.arrayContaining(['ci.carson.ca.us', 'carsonca.gov']));
    expect(c.publicContactNumbers).toContain('+13108307600');
    expect(c.acronymAllowList).toEqual(expect.arrayContaining(['ADA', 'COVID-19', 'COVID']));
  });

  it('[IV.D.4] uses the pack\'s platform limits', () => {
    const c = screeningConfigFromPack(withScreening(carson, { platformLimits: { x: { maxChars: 140 }, newsite: { maxChars: 99 } } }));
    expect(c.platforms.x).toMatchObject({ count: 'x-weighted', maxLength: 140 });
    expect(c.platforms.newsite).toEqual({ count: 'characters', maxLength: 99 });
  });

  it('[IV.D.7] every item of the pack\'s list of content that may be removed is screened for in posts', () => {
    const items = childClauses(carson, 'IV.D.7').map((c) => c.id);
    expect(items.length).toBeGreaterThanOrEqual(11);
    const cited = new Set(catalogue().filter((e) => e.kind === 'post').map((e) => e.clause));
    expect(items.filter((id) => !cited.has(id))).toEqual([]);
    const c = screeningConfigFromPack(carson);
    expect(RULES.filter((r) => r.clauses.post?.startsWith('IV.D.7') && c.severity[r.id] === 'off')).toEqual([]);
  });

  it('[IV.D.3] takes the City\'s time zone from the pack, so a post\'s publication day is the City\'s', () => {
    expect(screeningConfigFromPack(carson).timeZone).toBe('America/Los_Angeles');
    expect(screeningConfigFromPack(loadPackFromDir(springfieldDir)).timeZone).toBe('America/Chicago');
  });

  it('another city\'s pack gives its own name and domains, and turns off rules citing clauses it does not have', () => {
    const c = screeningConfigFromPack(loadPackFromDir(springfieldDir));
    expect(c.cityName).toBe('Springfield');
    expect(c.cityDomains).toContain('springfield.example.gov');
    expect(c.cityDomains).not.toContain('ci.carson.ca.us');
    expect(c.publicContactNames).toEqual(['Pat Example']);
    expect(c.severity.profanity).toBe('off');
  });
});

describe('screening service', () => {
  const svc = createScreeningService({ pack: carson, dictionary });

  it('[V.3] screens a public comment with the pack\'s configuration', () => {
    expect(svc.screenComment('you are a fucking idiot').some((f) => f.severity === 'block')).toBe(true);
    expect(svc.screenComment('The council should fix the potholes on Main Street')).toEqual([]);
  });

  it('[IV.D.7(a)] exempts public-contact employees named in the pack', () => {
    const text = 'Questions? Maria Lopez phone number is on the flyer.';
    expect(svc.screenComment(text).some((f) => f.clause === 'IV.D.7(a)')).toBe(true);
    const exempt = createScreeningService({ pack: withScreening(carson, { publicContactEmployees: ['Maria Lopez'] }), dictionary: null });
    expect(exempt.screenComment(text).some((f) => f.clause === 'IV.D.7(a)')).toBe(false);
  });

  it('[IV.D.4] screens a post with spelling and the platform type\'s length limit', async () => {
    const long = 'Street sweeping on Carson Street moves to Tuesdays. '.repeat(8) + 'Please move your car to aviod a ticket. https://ci.carson.ca.us/streets';
    const findings = await svc.screenPost({ text: long, platformType: 'x' });
    expect(findings.some((f) => f.ruleId === 'spelling' && f.span?.text === 'aviod')).toBe(true);
    expect(findings.some((f) => f.ruleId === 'platform-length')).toBe(true);
    const nowhere = await svc.screenPost({ text: long });
    expect(nowhere.some((f) => f.ruleId === 'platform-length')).toBe(false);
  });

  it('[IV.C.5] gives the editor findings per platform with clause titles, to staff who may compose', async () => {
    const r = await svc.screenDraft(person('authorized_employee'), { text: 'Park cleanup Saturday at 9. '.repeat(12) + 'https://ci.carson.ca.us/parks', platformTypes: ['x', 'facebook'] });
    expect(r.byPlatform.x!.some((f) => f.ruleId === 'platform-length' && f.clauseTitle)).toBe(true);
    expect(r.byPlatform.facebook).toEqual([]);
    expect(r.findings.every((f) => 'clauseTitle' in f)).toBe(true);
    await expect(svc.screenDraft(systemActor(), { text: 'ok' })).resolves.toBeTruthy();
  });

  it('[IV.C.5] refuses the editor\'s screening to an employee who may not post', async () => {
    await expect(svc.screenDraft(person('employee'), { text: 'hello' })).rejects.toMatchObject({ code: 'forbidden', clauses: ['IV.C.5'] });
    await expect(svc.screenDraft({ kind: 'public' }, { text: 'hello' })).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
