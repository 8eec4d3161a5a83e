import { describe, expect, it } from 'vitest';
import { carsonFiles, editYaml, springfieldDir } from './test-helpers.ts';
import { clause, diffPacks, loadPackFromDir, parsePack } from './index.ts';

describe('[IV.A.18] amendments', () => {
  const current = parsePack(carsonFiles());

  it('an amended pack gets a new content hash and diffPacks lists the changed clause', () => {
    let files = editYaml(carsonFiles(), 'clauses.yaml', (doc) => {
      const c = doc.clauses.find((x: { id: string }) => x.id === 'IV.A.3');
      c.text = `${c.text} Platforms shall also display the City's accessibility statement.`;
    });
    files = editYaml(files, 'pack.yaml', (doc) => {
      doc.version = '2026-12-01';
      doc.adopted = { date: '2026-12-01', agendaItem: '12' };
    });
    const amended = parsePack(files);
    expect(amended.contentHash).not.toBe(current.contentHash);
    const d = diffPacks(current, amended);
    expect(d).toMatchObject({ changed: ['IV.A.3'], added: [], removed: [], identical: false });
    expect(d.settings).toEqual(['adopted.agendaItem', 'adopted.date', 'version']);
    expect(d.from.version).toBe('2016-12-07');
    expect(d.to.version).toBe('2026-12-01');
    expect(clause(current, 'IV.A.3').text).not.toBe(clause(amended, 'IV.A.3').text);
  });

  it('lists added and removed clauses and changed settings', () => {
    let files = editYaml(carsonFiles(), 'clauses.yaml', (doc) => {
      doc.clauses = doc.clauses.filter((x: { id: string }) => x.id !== 'III.H');
      doc.clauses.push({ id: 'IV.A.19', parent: 'IV.A', title: 'New rule', kind: 'procedure', section: 'IV', text: 'A new rule.' });
    });
    files = { ...files, 'texts/purpose-notice.md': 'A different notice.' };
    files = editYaml(files, 'pack.yaml', (doc) => {
      doc.authorization.reacknowledgementGraceDays = 14;
    });
    const d = diffPacks(current, parsePack(files));
    expect(d.added).toEqual(['IV.A.19']);
    expect(d.removed).toEqual(['III.H']);
    expect(d.changed).toEqual([]);
    expect(d.settings).toEqual(['authorization.reacknowledgementGraceDays', 'texts.purposeNotice']);
  });

  it('the same pack is identical to itself', () => {
    const d = diffPacks(current, parsePack(carsonFiles()));
    expect(d).toMatchObject({ added: [], removed: [], changed: [], settings: [], identical: true });
  });

  it('diffs across cities too (every clause differs)', () => {
    const d = diffPacks(current, loadPackFromDir(springfieldDir));
    expect(d.removed).toContain('V.3');
    expect(d.added).toContain('2.1');
    expect(d.settings).toContain('id');
  });
});
