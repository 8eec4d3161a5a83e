import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('offduty: payroll CSV', () => {
  it('[IV.C.15(e)(i)(B)] cells a spreadsheet would run as formulas are escaped', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","pay")')).toBe(`"'=HYPERLINK(""http://evil.example"",""pay"")"`);
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('Jordan Patel')).toBe('Jordan Patel');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
  });

  it('[IV.C.15(e)(i)(B)] quotes commas, quotes and line breaks; lines end in CRLF', () => {
    expect(toCsv(['A', 'B'], [['x, y', 'say "hi"\nbye']])).toBe('A,B\r\n"x, y","say ""hi""\nbye"\r\n');
  });
});
