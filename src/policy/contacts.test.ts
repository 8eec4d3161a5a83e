import { describe, expect, it } from 'vitest';
import { springfieldDir } from './test-helpers.ts';
import { brandingPhrasesFor, defaultPackDir, emergencySystemFor, isCityEmail, isCityPhone, loadPackFromDir, normalizePhone } from './index.ts';

const carson = loadPackFromDir(defaultPackDir());
const spring = loadPackFromDir(springfieldDir);

describe('[IV.C.8] City contact information vs personal', () => {
  it('accepts City email domains and their subdomains, case-insensitively', () => {
    expect(isCityEmail(carson, 'pio@ci.carson.ca.us')).toBe(true);
    expect(isCityEmail(carson, 'IT.Manager@CarsonCA.gov')).toBe(true);
    expect(isCityEmail(carson, 'parks@rec.carsonca.gov')).toBe(true);
    expect(isCityEmail(carson, ' clerk@carson.ca.us ')).toBe(true);
  });

  it('refuses personal and look-alike addresses', () => {
    expect(isCityEmail(carson, 'jane.doe@gmail.com')).toBe(false);
    expect(isCityEmail(carson, 'pio@evilcarsonca.gov')).toBe(false);
    expect(isCityEmail(carson, 'pio@carsonca.gov.example.com')).toBe(false);
    expect(isCityEmail(carson, 'a@b@carsonca.gov')).toBe(false);
    expect(isCityEmail(carson, 'carsonca.gov')).toBe(false);
    expect(isCityEmail(carson, '')).toBe(false);
  });

  it('accepts City phone numbers however they are written', () => {
    for (const p of ['+13108307600', '(310) 830-7600', '310.830.7600', '1-310-830-7600', '+1 310 830 7600', '310-830-7600 ext. 1234', 'tel:+1-310-830-7600']) {
      expect(isCityPhone(carson, p), p).toBe(true);
    }
    expect(normalizePhone(carson, '(310) 830-7600 x12')).toBe('+13108307600');
  });

  it('refuses personal or unreadable phone numbers', () => {
    for (const p of ['(310) 555-0142', '+44 20 7946 0000', '830-7600', 'call me', '']) {
      expect(isCityPhone(carson, p), p).toBe(false);
    }
    expect(normalizePhone(carson, '1-800-FLOWERS')).toBeNull();
  });

  it("another city's contacts are its own", () => {
    expect(isCityPhone(spring, '217-555-0100')).toBe(true);
    expect(isCityPhone(spring, '(310) 830-7600')).toBe(false);
    expect(isCityPhone(carson, '217-555-0100')).toBe(false);
  });
});

describe('[IV.A.3] branding phrases', () => {
  it('City-wide platforms: "The official platform of the City of Carson"', () => {
    expect(brandingPhrasesFor(carson)).toEqual(['The official platform of the City of Carson']);
    expect(brandingPhrasesFor(carson, '  ')).toEqual(['The official platform of the City of Carson']);
  });

  it("department platforms: the City of Carson's [X] Department/Division", () => {
    expect(brandingPhrasesFor(carson, 'Public Works')).toEqual([
      'The official platform of the City of Carson',
      "The official platform of the City of Carson's Public Works Department",
      "The official platform of the City of Carson's Public Works Division",
    ]);
    expect(brandingPhrasesFor(carson, 'Community Services Department')).toContain(
      "The official platform of the City of Carson's Community Services Department",
    );
    expect(brandingPhrasesFor(carson, 'Community Services Department').some((p) => p.includes('Department Department'))).toBe(false);
  });

  it("another city brands its own way", () => {
    expect(brandingPhrasesFor(spring, 'Parks')).toContain('Official account of the City of Springfield Parks Department');
  });
});

describe('[IV.A.5] emergency information systems', () => {
  it('recognises the City website and Nixle', () => {
    expect(emergencySystemFor(carson, 'http://ci.carson.ca.us/news/evacuation')?.name).toBe('City website');
    expect(emergencySystemFor(carson, 'https://alerts.carsonca.gov/1')?.name).toBe('City website');
    expect(emergencySystemFor(carson, 'https://local.nixle.com/alert/123456/')?.name).toBe('Nixle');
  });

  it('does not let look-alike URLs pass', () => {
    expect(emergencySystemFor(carson, 'https://nixle.com.example.net/alert')).toBeUndefined();
    expect(emergencySystemFor(carson, 'https://example.net/x.carsonca.gov/')).toBeUndefined();
    expect(emergencySystemFor(carson, 'https://ci.carson.ca.us@example.net/')).toBeUndefined();
    expect(emergencySystemFor(carson, 'not a url')).toBeUndefined();
  });
});
