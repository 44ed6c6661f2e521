import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../shared/csv';
import { parseCsv } from '../../../shared/csv';
import { contentWidthMm, cssString, pageCss, participantsOf, unguardId, voterName, votesFromCsv } from './reportData';

describe('reading reports.csv back', () => {
  it('parses what toCsv writes: BOM, quotes, doubled quotes, commas and line breaks inside fields', () => {
    const csv = toCsv(['a', 'b'], [['x, "y"', 'line\r\nbreak'], ['=1+1', '']]);
    expect(parseCsv(csv)).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line\r\nbreak'],
      ["'=1+1", ''],
    ]);
  });

  it('finds the votes by column name and undoes the formula guard on ids only', () => {
    const header = ['questionId', 'voterId', 'optionId', 'at', 'voterKind', 'groupId', 'groupName'];
    const csv = toCsv(header, [
      ['q1', 'g1', 'a', '2026-01-15T09:00:00.000Z', 'group', 'g1', '=HYPERLINK("x")'],
      ['q1', '-phone-0001', 'b', '2026-01-15T09:00:01.000Z', 'device', '', ''],
    ]);
    expect(votesFromCsv(csv)).toEqual([
      { questionId: 'q1', voterId: 'g1', voterKind: 'group', groupId: 'g1', optionId: 'a', at: '2026-01-15T09:00:00.000Z' },
      { questionId: 'q1', voterId: '-phone-0001', voterKind: 'device', groupId: null, optionId: 'b', at: '2026-01-15T09:00:01.000Z' },
    ]);
    expect(unguardId("'plain")).toBe("'plain");
  });

  it('an empty CSV has no votes', () => {
    expect(votesFromCsv('')).toEqual([]);
    expect(votesFromCsv(toCsv(['questionId', 'voterId'], []))).toEqual([]);
  });
});

describe('voters and participants', () => {
  const groups = [
    { id: 'g1', name: 'Red', size: 5 },
    { id: 'g2', name: 'Blue', size: 4 },
  ];
  it('names a group by its name and a phone by the end of its id, with its group', () => {
    expect(voterName({ voterId: 'g1', voterKind: 'group', groupId: 'g1' }, groups)).toBe('Red');
    expect(voterName({ voterId: 'device-abcdef123456', voterKind: 'device', groupId: null }, groups)).toBe('phone …123456');
    expect(voterName({ voterId: 'device-abcdef123456', voterKind: 'device', groupId: 'g2' }, groups)).toBe('phone …123456 (Blue)');
  });

  it('adds the group sizes when every group has one, else counts the distinct voters', () => {
    const votes = [
      { voterId: 'g1', voterKind: 'group' as const },
      { voterId: 'g1', voterKind: 'group' as const },
      { voterId: 'g1', voterKind: 'device' as const },
    ];
    expect(participantsOf(groups, votes)).toEqual({ count: 9, basis: 'group sizes' });
    const unsized = [...groups, { id: 'g3', name: 'Green', size: null }];
    expect(participantsOf(unsized, votes)).toEqual({ count: 2, basis: 'voters' });
  });
});

describe('the page rules', () => {
  it('escapes the title into a CSS string that cannot end the string or the sheet', () => {
    const css = cssString('A "quoted" </style> title\\');
    expect(css).not.toMatch(/[<>\\]style|"[^"]*"[^"]*"/);
    expect(css.startsWith('"A ')).toBe(true);
    expect(css).toContain('\\22 quoted\\22 ');
  });

  it('sets the paper size, the footer with page N of M, and no footer on the cover', () => {
    const css = pageCss('Letter', 'Cohort 7');
    expect(css).toContain('size: Letter');
    expect(css).toContain('counter(page) " of " counter(pages)');
    expect(css).toContain('@page :first { @bottom-center { content: none; } }');
  });

  it('lays the report out at the printable width of the paper', () => {
    expect(contentWidthMm('A4')).toBe(178);
    expect(contentWidthMm('Letter')).toBe(183.9);
  });
});
