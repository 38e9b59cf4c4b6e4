import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../dashboard/export/csv.ts';

describe('CSV export', () => {
  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const hostile of ['=1+1', '+7 900', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil.example")']) {
      const cell = csvCell(hostile);
      expect(cell.replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('quotes separators and keeps plain values and numbers as they are', () => {
    expect(csvCell('КоАП 18.8')).toBe('КоАП 18.8');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(toCsv([['table', 'value'], ['month', 2]])).toBe('table,value\r\nmonth,2\r\n');
  });
});
