import { describe, expect, it } from 'vitest';
import { optionLetter } from './optionLetter';

describe('optionLetter', () => {
  it('names options A, B, C… as every screen shows them', () => {
    expect([0, 1, 2, 5].map(optionLetter)).toEqual(['A', 'B', 'C', 'F']);
  });

  it('falls back to the option’s number past Z', () => {
    expect(optionLetter(25)).toBe('Z');
    expect(optionLetter(26)).toBe('27');
  });
});
