import { describe, expect, it } from 'vitest';
import { codeFromPath, isWellFormedCode, joinPath, normaliseCode } from './code';

describe('join codes', () => {
  it('reads the code from /p/<code>, case-insensitively', () => {
    expect(codeFromPath('/p/ABC234')).toBe('ABC234');
    expect(codeFromPath('/p/abc234')).toBe('ABC234');
    expect(codeFromPath('/p/abc234/')).toBe('ABC234');
    expect(codeFromPath('/x/y/p/K7M2QX')).toBe('K7M2QX');
  });

  it('finds no code without one', () => {
    expect(codeFromPath('/')).toBe('');
    expect(codeFromPath('/p/')).toBe('');
    expect(codeFromPath('/p')).toBe('');
    expect(codeFromPath('')).toBe('');
  });

  it('passes a wrong code on, for the server (or the shape check) to refuse', () => {
    expect(codeFromPath('/p/nope')).toBe('NOPE');
    expect(isWellFormedCode(codeFromPath('/p/nope'))).toBe(false);
    expect(codeFromPath('/p/%E0%A4%A')).toBe('%E0%A4%A');
    expect(isWellFormedCode(codeFromPath('/p/%E0%A4%A'))).toBe(false);
  });

  it('normalises what was typed', () => {
    expect(normaliseCode(' ab c-23 4 ')).toBe('ABC234');
    expect(isWellFormedCode('ABC234')).toBe(true);
    expect(isWellFormedCode('ABC23')).toBe(false);
    expect(isWellFormedCode('ABC2345')).toBe(false);
    expect(isWellFormedCode('ABC23!')).toBe(false);
  });

  it('joins at /p/<CODE>', () => {
    expect(joinPath('abc 234')).toBe('/p/ABC234');
  });
});
