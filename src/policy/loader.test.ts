import { describe, expect, it } from 'vitest';
import { carsonFiles, editYaml, springfieldDir } from './test-helpers.ts';
import { clause, defaultPackDir, hasClause, isCityEmail, loadPackFromDir, parsePack, PolicyPackError } from './index.ts';

function errorOf(fn: () => unknown): PolicyPackError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PolicyPackError) return e;
    throw e;
  }
  throw new Error('expected a PolicyPackError');
}

describe('loading the Carson pack', () => {
  const pack = loadPackFromDir(defaultPackDir());

  it('loads the default pack: identity, jurisdiction and a content hash', () => {
    expect(pack.id).toBe('carson');
    expect(pack.version).toBe('2016-12-07');
    expect(pack.adopted.date).toBe('2016-12-07');
    expect(pack.sourceDocument.number).toBe('Council Policy 01.01.04');
    expect(pack.jurisdiction.cityName).toBe('City of Carson');
    expect(pack.jurisdiction.timeZone).toBe('America/Los_Angeles');
    expect(pack.jurisdiction.websiteUrl).toBe('http://ci.carson.ca.us/');
    expect(pack.jurisdiction.cityPhoneNumbers).toContain('+13108307600');
    expect(pack.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.isFrozen(pack.clauses[0])).toBe(true);
  });

  it('parsePack is pure and deterministic: same files, same hash', () => {
    const files = carsonFiles();
    expect(parsePack(files).contentHash).toBe(pack.contentHash);
    expect(parsePack({ ...files }).contentHash).toBe(parsePack(files).contentHash);
  });

  it('the hash follows content, not YAML layout or key order', () => {
    const reordered = editYaml(carsonFiles(), 'pack.yaml', (doc) => {
      const { id, ...rest } = doc;
      for (const k of Object.keys(doc)) delete doc[k];
      Object.assign(doc, rest, { id });
    });
    expect(parsePack(reordered).contentHash).toBe(pack.contentHash);
  });

  it('[IV.C.15(e)] [IV.C.15(g)] [IV.A.13] settings implement named clauses, all of which resolve', () => {
    expect(pack.businessHours.clauses).toContain('IV.C.15(e)');
    expect(pack.businessHours.deMinimisOffDutyMinutes).toBe(5);
    expect(pack.authorization).toMatchObject({ reacknowledgementGraceDays: 30, totpRequiredRoles: ['city_manager', 'it_manager', 'city_clerk'] });
    expect(pack.retention.defaults.removedComments).toEqual({ years: 2, rule: 'current-year-plus', minimumYears: 2 });
    const refs = [
      ...pack.jurisdiction.clauses,
      ...pack.businessHours.clauses,
      ...pack.retention.clauses,
      ...pack.authorization.clauses,
      ...pack.screening.clauses,
      ...Object.values(pack.texts.clauses).flat(),
    ];
    expect(refs.filter((id) => !hasClause(pack, id))).toEqual([]);
  });

  it('holidays for 2026 and 2027 fall on weekdays', () => {
    const years = new Set(pack.holidays.map((h) => h.date.slice(0, 4)));
    expect([...years]).toEqual(['2026', '2027']);
    for (const h of pack.holidays) expect([0, 6], `${h.date} ${h.name}`).not.toContain(new Date(`${h.date}T12:00:00Z`).getUTCDay());
  });
});

describe('another city loads its own pack', () => {
  it('loads the Springfield fixture with its own clauses, zone, domains and texts', () => {
    const spring = loadPackFromDir(springfieldDir);
    const carson = loadPackFromDir(defaultPackDir());
    expect(spring.id).toBe('springfield');
    expect(spring.jurisdiction.timeZone).toBe('America/Chicago');
    expect(spring.version).toBe('1.0');
    expect(clause(spring, '2.1').title).toBe('City contact details');
    expect(hasClause(spring, 'IV.A.3')).toBe(false);
    expect(spring.texts.commentPolicy).toMatch(/^# Comment guidelines/);
    expect(spring.texts.acknowledgement.body).toContain('City of Springfield');
    expect(isCityEmail(spring, 'clerk@springfield.example.gov')).toBe(true);
    expect(isCityEmail(spring, 'clerk@ci.carson.ca.us')).toBe(false);
    expect(spring.contentHash).not.toBe(carson.contentHash);
  });
});

describe('loader errors name the file and the field', () => {
  it('bad YAML', () => {
    const files = { ...carsonFiles(), 'pack.yaml': 'id: carson\njurisdiction: [unclosed\n' };
    expect(() => parsePack(files)).toThrow(/^pack\.yaml: invalid YAML: .* at line \d+, column \d+$/);
  });

  it('duplicate YAML keys are refused', () => {
    const files = { ...carsonFiles(), 'clauses.yaml': 'clauses: []\nclauses: []\n' };
    expect(() => parsePack(files)).toThrow(/^clauses\.yaml: invalid YAML: .*unique/i);
  });

  it('duplicate clause id', () => {
    const files = editYaml(carsonFiles(), 'clauses.yaml', (doc) => {
      doc.clauses[12].id = doc.clauses[11].id;
    });
    const id = parsePack(carsonFiles()).clauses[11]!.id;
    const err = errorOf(() => parsePack(files));
    expect(err.message).toContain(`clauses.yaml: clauses[12].id: duplicate clause id "${id}"`);
    expect(err.issues[0]).toMatchObject({ file: 'clauses.yaml', path: 'clauses[12].id' });
    expect(err.code).toBe('policy.invalid_pack');
  });

  it('unknown parent', () => {
    const files = editYaml(carsonFiles(), 'clauses.yaml', (doc) => {
      doc.clauses[5].parent = 'IV.Z';
    });
    expect(() => parsePack(files)).toThrow('clauses.yaml: clauses[5].parent: unknown parent clause "IV.Z"');
  });

  it('a parent cycle', () => {
    const files = editYaml(carsonFiles(), 'clauses.yaml', (doc) => {
      const ii = doc.clauses.find((c: { id: string }) => c.id === 'II');
      ii.parent = 'II.post';
    });
    expect(() => parsePack(files)).toThrow(/clauses\.yaml: clauses\[\d+\]\.parent: parent cycle/);
  });

  it('bad time zone', () => {
    const files = editYaml(carsonFiles(), 'pack.yaml', (doc) => {
      doc.jurisdiction.timeZone = 'Mars/Olympus';
    });
    expect(() => parsePack(files)).toThrow('pack.yaml: jurisdiction.timeZone: unknown time zone "Mars/Olympus"');
  });

  it('a clause reference elsewhere in the pack that does not resolve', () => {
    const files = editYaml(carsonFiles(), 'pack.yaml', (doc) => {
      doc.businessHours.clauses = ['IV.C.15(e)', 'IV.C.99'];
      doc.texts.clauses.purposeNotice = ['IV.C.9x'];
    });
    const err = errorOf(() => parsePack(files));
    expect(err.message).toContain('pack.yaml: businessHours.clauses[1]: unknown clause id "IV.C.99"');
    expect(err.message).toContain('pack.yaml: texts.clauses.purposeNotice[0]: unknown clause id "IV.C.9x"');
  });

  it('business hours, domains and phone numbers are checked', () => {
    const files = editYaml(carsonFiles(), 'pack.yaml', (doc) => {
      doc.businessHours.weekly.friday = [{ start: '16:30', end: '07:30' }];
      doc.businessHours.weekly.monday = [{ start: '7:30', end: '17:30' }];
      doc.jurisdiction.cityDomains.push('Carson.CA.us');
      doc.jurisdiction.cityPhoneNumbers.push('(310) 830-7600');
    });
    const msg = errorOf(() => parsePack(files)).message;
    expect(msg).toContain('pack.yaml: businessHours.weekly.friday[0]: start 16:30 must be before end 07:30');
    expect(msg).toContain('pack.yaml: businessHours.weekly.monday[0].start: expected HH:MM');
    expect(msg).toContain('pack.yaml: jurisdiction.cityDomains[3]: domain "Carson.CA.us" must be lowercase');
    expect(msg).toContain('pack.yaml: jurisdiction.cityPhoneNumbers[2]: phone number "(310) 830-7600" is not E.164');
  });

  it('retention below the statutory minimum is refused', () => {
    const files = editYaml(carsonFiles(), 'pack.yaml', (doc) => {
      doc.retention.defaults.comments = { years: 1, rule: 'years-after-creation', minimumYears: 1 };
    });
    expect(() => parsePack(files)).toThrow('pack.yaml: retention.defaults.comments.minimumYears: below the statutory minimum of 2 years');
  });

  it('unknown keys and wrong types are named', () => {
    const files = editYaml(carsonFiles(), 'pack.yaml', (doc) => {
      doc.jurisdiction.timezone = 'America/Los_Angeles';
      doc.version = 1.1;
    });
    const msg = errorOf(() => parsePack(files)).message;
    expect(msg).toMatch(/pack\.yaml: jurisdiction: .*"timezone"/);
    expect(msg).toMatch(/pack\.yaml: version: .*string/);
  });

  it('a missing text names the text file it should come from', () => {
    const { 'texts/comment-policy.md': _gone, ...files } = carsonFiles();
    expect(() => parsePack(files)).toThrow(/^texts\/comment-policy\.md: texts\.commentPolicy: /);
    expect(() => parsePack({ ...carsonFiles(), 'texts/acknowledgement.md': '  \n' })).toThrow(/^texts\/acknowledgement\.md: texts\.acknowledgement\.body: /);
  });

  it('an unknown text file, a missing file and clauses in the wrong file are refused', () => {
    expect(() => parsePack({ ...carsonFiles(), 'texts/extra.md': 'hello' })).toThrow(/^texts\/extra\.md: unknown text file/);
    const { 'clauses.yaml': _c, ...noClauses } = carsonFiles();
    expect(() => parsePack(noClauses)).toThrow('clauses.yaml: missing file');
    const inPack = editYaml(carsonFiles(), 'pack.yaml', (doc) => {
      doc.clauses = [];
    });
    expect(() => parsePack(inPack)).toThrow('pack.yaml: clauses: clauses belong in clauses.yaml');
  });

  it('a text given both inline and as a file is refused', () => {
    const files = editYaml(carsonFiles(), 'pack.yaml', (doc) => {
      doc.texts.purposeNotice = 'inline';
    });
    expect(() => parsePack(files)).toThrow('texts/purpose-notice.md: texts.purposeNotice: also given inline in pack.yaml; keep one');
  });

  it('a missing pack folder', () => {
    expect(() => loadPackFromDir('/nonexistent/pack')).toThrow(PolicyPackError);
  });
});
