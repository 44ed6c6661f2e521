import { describe, expect, it } from 'vitest';
import { cloudWords, MAX_WEIGHT, wordWeight } from './cloudLayout';

describe('the word cloud layout', () => {
  it('places every phrase once, the most frequent in the middle', () => {
    const words = [
      { text: 'trust', count: 9 },
      { text: 'listens', count: 4 },
      { text: 'fair', count: 2 },
      { text: 'kind', count: 1 },
      { text: 'clear', count: 1 },
    ];
    const laidOut = cloudWords(words);
    expect(laidOut.map((w) => w.text).sort()).toEqual(['clear', 'fair', 'kind', 'listens', 'trust']);
    expect(laidOut.map((w) => w.text)).toEqual(['clear', 'listens', 'trust', 'fair', 'kind']);
    expect(laidOut.find((w) => w.text === 'trust')!.weight).toBe(MAX_WEIGHT);
    expect(laidOut.find((w) => w.text === 'kind')!.weight).toBe(1);
  });

  it('is the same for the same answers, whatever order they came in', () => {
    const a = cloudWords([{ text: 'b', count: 1 }, { text: 'a', count: 1 }, { text: 'c', count: 3 }]);
    const b = cloudWords([{ text: 'c', count: 3 }, { text: 'a', count: 1 }, { text: 'b', count: 1 }]);
    expect(a).toEqual(b);
  });

  it('grows a phrase with the square root of its count, between 1 and the largest size', () => {
    expect(wordWeight(1, 100, 1)).toBe(1);
    expect(wordWeight(100, 100, 1)).toBe(MAX_WEIGHT);
    const quarter = wordWeight(25, 100, 1);
    expect(quarter).toBeGreaterThan(1);
    expect(quarter).toBeLessThan(MAX_WEIGHT / 1.5);
    // All alike: one size for all.
    expect(wordWeight(2, 2, 2)).toBe(wordWeight(2, 2, 2));
    expect(cloudWords([])).toEqual([]);
  });
});
