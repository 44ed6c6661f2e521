import { describe, expect, it } from 'vitest';
import { countText, contentWidthMm, cssString, pageCss, shorten } from './reportData';

describe('words', () => {
  it('counts in words and shortens long text', () => {
    expect(countText(1)).toBe('1 vote');
    expect(countText(12, 'phone')).toBe('12 phones');
    expect(shorten('abcdefghij', 6)).toBe('abcde…');
    expect(shorten('abc', 6)).toBe('abc');
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
