import { describe, expect, it } from 'vitest';
import { buildWordList, shippedWordList } from './wordList';

describe('the word list that holds open answers back', () => {
  const list = buildWordList({ en: ['ass', 'ball gag'], de: ['bitte', 'fick'], ja: ['アナル', 'sm'], zh: ['13.', '13点'], tlh: ['ghuy'] });

  it('matches whole words and phrases after case folding, never inside a word', () => {
    expect(list.matches('What an ASS')).toBe(true);
    expect(list.matches('assessed my work')).toBe(false);
    expect(list.matches('a Ball   Gag!')).toBe(true);
    expect(list.matches('ball games and gags')).toBe(false);
    // Full-width letters fold to the same word (NFKC).
    expect(list.matches('ＡＳＳ')).toBe(true);
  });

  it('matches a word of an unspaced script anywhere in the answer', () => {
    expect(list.matches('これはアナルです')).toBe(true);
    expect(list.matches('他看了13点')).toBe(true);
  });

  it('leaves out what would hold back ordinary English: short words of other Latin lists, numbers alone, the joke list', () => {
    expect(list.matches('fick')).toBe(false);
    expect(list.matches('bitte')).toBe(true);
    expect(list.matches('13 years with her')).toBe(false);
    expect(list.matches('ghuy')).toBe(false);
    // Latin entries of a non-Latin list follow the same rule.
    expect(list.matches('sm')).toBe(false);
  });

  it('ships LDNOOBW in many languages, and holds back none of the answers a warm-up usually gets', () => {
    const shipped = shippedWordList();
    expect(shipped.size).toBeGreaterThan(2000);
    for (const word of ['shit', 'Scheiße', 'merde', 'Mierda']) expect(shipped.matches(`a ${word} day`), word).toBe(true);
    for (const answer of ['Listened', 'I am a fan of how she ran meetings', 'Gave me room', 'Trusted me with the budget', 'Explained the why', 'Made time for us', 'Took the blame', 'Was honest', 'Con calma', 'Mama bear for the team', '13 years and still the best']) {
      expect(shipped.matches(answer), answer).toBe(false);
    }
  });
});
