import { describe, expect, it } from 'vitest';
import { defaultPackDir, loadPackFromDir } from '../../policy/index.ts';
import { checklistPasses, isCityUrl, matchingBrandingPhrase, profileChecklist, type ChecklistFacts } from './checklist.ts';
import { completeProfile } from './test/factory.ts';
import { EMPTY_PROFILE, type PlatformProfile } from './types.ts';

const pack = loadPackFromDir(defaultPackDir());

function facts(over: Partial<PlatformProfile> = {}, rest: Partial<Omit<ChecklistFacts, 'profile'>> = {}): ChecklistFacts {
  const c = completeProfile('Public Works');
  return {
    profile: { ...EMPTY_PROFILE, ...c.profile, ...over },
    commentsEnabled: false,
    contactEmail: c.contactEmail,
    contactPhone: c.contactPhone,
    template: 'Department standard v1',
    departmentName: 'Public Works',
    ...rest,
  };
}

const item = (f: ChecklistFacts, id: string) => profileChecklist(pack, f).find((i) => i.id === id)!;

describe('profile checklist', () => {
  it('a complete profile passes; every item carries id, label, clause, ok and detail', () => {
    const items = profileChecklist(pack, facts());
    expect(checklistPasses(items)).toBe(true);
    expect(items.map((i) => i.id)).toEqual([
      'name',
      'seal_logo',
      'branding',
      'website_link',
      'privacy_link',
      'terms_link',
      'records_disclaimer',
      'public_forum_notice',
      'liability_disclaimer',
      'comment_policy',
      'contact_email',
      'contact_phone',
      'template',
    ]);
    for (const i of items) expect(i).toEqual({ id: expect.any(String), label: expect.any(String), clause: expect.any(String), ok: true, detail: expect.any(String) });
  });

  it('an empty profile fails every item except the comment policy of a one-way platform', () => {
    const items = profileChecklist(pack, { profile: EMPTY_PROFILE, commentsEnabled: false, contactEmail: null, contactPhone: null, template: null, departmentName: null });
    expect(items.filter((i) => i.ok).map((i) => i.id)).toEqual(['comment_policy']);
  });

  it('[IV.A.3] name, seal or logo, and branding with the department filled in', () => {
    expect(item(facts({ displayName: ' ' }), 'name')).toMatchObject({ ok: false, clause: 'IV.A.3' });
    expect(item(facts({ sealOrLogo: null }), 'seal_logo')).toMatchObject({ ok: false, clause: 'IV.A.3' });
    expect(item(facts({ brandingText: "The official platform of the City of Carson's Public Works Department" }), 'branding').ok).toBe(true);
    expect(item(facts({ brandingText: 'Welcome! The official platform of the City of Carson’s Public Works Division.' }), 'branding').ok).toBe(true);
    expect(item(facts({ brandingText: 'The official platform of the City of Carson' }), 'branding').ok).toBe(true);
    const wrongDept = item(facts({ brandingText: "The official platform of the City of Carson's Library Department" }), 'branding');
    expect(wrongDept).toMatchObject({ ok: false, clause: 'IV.A.3' });
    expect(wrongDept.detail).toContain("The official platform of the City of Carson's Public Works Department");
    expect(item(facts({ brandingText: 'Carson news' }), 'branding').ok).toBe(false);
    // A City platform takes only the City-wide phrase.
    expect(matchingBrandingPhrase(pack, 'The official platform of the City of Carson.', null)).toBe('The official platform of the City of Carson');
    expect(matchingBrandingPhrase(pack, "The official platform of the City of Carson's Public Works Department", null)).toBeNull();
    expect(matchingBrandingPhrase(pack, 'Official Carson', null)).toBeNull();
  });

  it('[IV.A.4] links back to the City website', () => {
    expect(item(facts({ websiteUrl: null }), 'website_link')).toMatchObject({ ok: false, clause: 'IV.A.4' });
    expect(item(facts({ websiteUrl: 'https://carson-news.example.com/' }), 'website_link').ok).toBe(false);
    expect(item(facts({ websiteUrl: 'https://ci.carson.ca.us/publicworks' }), 'website_link').ok).toBe(true);
    expect(isCityUrl(pack, 'javascript:alert(1)')).toBe(false);
    expect(isCityUrl(pack, 'https://evilcarson.ca.us/')).toBe(false);
  });

  it('[IV.A.15] links to the privacy policy and terms of use on the City website', () => {
    expect(item(facts({ privacyPolicyUrl: null }), 'privacy_link')).toMatchObject({ ok: false, clause: 'IV.A.15' });
    expect(item(facts({ termsOfUseUrl: 'https://facebook.com/terms' }), 'terms_link')).toMatchObject({ ok: false, clause: 'IV.A.15' });
    expect(item(facts(), 'privacy_link').ok && item(facts(), 'terms_link').ok).toBe(true);
  });

  it('[IV.A.11] the public records disclaimer is shown or linked', () => {
    expect(item(facts({ recordsDisclaimer: null }), 'records_disclaimer')).toMatchObject({ ok: false, clause: 'IV.A.11' });
    expect(item(facts({ recordsDisclaimer: { how: 'link', url: 'not a url' } }), 'records_disclaimer').ok).toBe(false);
    expect(item(facts({ recordsDisclaimer: { how: 'link', url: 'https://crier.example.org/public/records' } }), 'records_disclaimer').ok).toBe(true);
  });

  it('[IV.C.9] the not-a-public-forum notice', () => {
    expect(item(facts({ publicForumNotice: null }), 'public_forum_notice')).toMatchObject({ ok: false, clause: 'IV.C.9' });
    expect(item(facts({ publicForumNotice: { how: 'text' } }), 'public_forum_notice').ok).toBe(true);
  });

  it('[IV.C.10] the liability disclaimer', () => {
    expect(item(facts({ liabilityDisclaimer: null }), 'liability_disclaimer')).toMatchObject({ ok: false, clause: 'IV.C.10' });
    expect(item(facts({ liabilityDisclaimer: { how: 'link', url: null } }), 'liability_disclaimer').ok).toBe(false);
  });

  it('[IV.C.11] the public comment policy is required only when comments are on', () => {
    expect(item(facts({ commentPolicy: null }), 'comment_policy')).toMatchObject({ ok: true, clause: 'V' });
    expect(item(facts({ commentPolicy: null }, { commentsEnabled: true }), 'comment_policy')).toMatchObject({ ok: false, clause: 'V' });
    expect(item(facts({ commentPolicy: { how: 'text' } }, { commentsEnabled: true }), 'comment_policy').ok).toBe(true);
  });

  it('[IV.C.8] contact email and phone must be City ones', () => {
    const personal = item(facts({}, { contactEmail: 'someone@gmail.com' }), 'contact_email');
    expect(personal).toMatchObject({ ok: false, clause: 'IV.C.8' });
    expect(personal.detail).toMatch(/personal/);
    expect(item(facts({}, { contactEmail: 'pio@carsonca.gov' }), 'contact_email').ok).toBe(true);
    expect(item(facts({}, { contactPhone: '310-555-0100' }), 'contact_phone')).toMatchObject({ ok: false, clause: 'IV.C.8' });
    expect(item(facts({}, { contactPhone: '310.830.7600' }), 'contact_phone').ok).toBe(true);
    expect(item(facts({}, { contactPhone: null }), 'contact_phone').ok).toBe(false);
  });

  it('[IV.D.1] the department template from IT', () => {
    expect(item(facts({}, { template: null }), 'template')).toMatchObject({ ok: false, clause: 'IV.D.1' });
  });
});
