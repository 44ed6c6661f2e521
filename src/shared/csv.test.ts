import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv, UTF8_BOM } from './csv';

describe('toCsv', () => {
  it('writes the same cells for a value repeated on many rows as for one written once', () => {
    const rows = Array.from({ length: 300 }, (_, i) => [`voter-${i % 7}`, 'Say "why" first', '=SUM(A1)', i % 2 === 0 ? 1 : '1', null, undefined, '']);
    const text = toCsv(['voter', 'label', 'formula', 'count', 'none', 'missing', 'empty'], rows);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const table = parseCsv(text.slice(UTF8_BOM.length));
    expect(table).toHaveLength(301);
    for (const [i, row] of table.slice(1).entries()) expect(row).toEqual([`voter-${i % 7}`, 'Say "why" first', "'=SUM(A1)", '1', '', '', '']);
    expect(text.split('\r\n')[1]).toBe('"voter-0","Say ""why"" first","\'=SUM(A1)","1","","",""');
  });
});
