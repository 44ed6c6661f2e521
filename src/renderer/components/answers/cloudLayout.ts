/**
 * The word cloud's layout, as pure functions: which phrase goes where in the flow
 * and how big it is. Deterministic (no random spiral, unlike d3-cloud), so the
 * same answers always draw the same cloud, and every phrase is placed: a flow of
 * wrapped lines never drops a word that does not fit, it shrinks them all
 * (WordCloud measures and fits). The biggest phrases sit in the middle.
 */
import type { WordCount } from '../../../shared/summary';

export interface CloudWord {
  text: string;
  count: number;
  /** Its size relative to the cloud's base type: 1 for the rarest, MAX_WEIGHT for the most frequent. */
  weight: number;
  /** Its place in the most-frequent-first list (0 = most frequent): picks its colour. */
  rank: number;
}

/** The most frequent phrase is this many times the size of the rarest. */
export const MAX_WEIGHT = 3.2;

/** Size by count: area grows with the count, so the side grows with its square root. */
export function wordWeight(count: number, maxCount: number, minCount: number): number {
  if (maxCount <= minCount) return maxCount > 0 && count > 0 ? MAX_WEIGHT * 0.75 : 1;
  const t = (Math.sqrt(count) - Math.sqrt(minCount)) / (Math.sqrt(maxCount) - Math.sqrt(minCount));
  return Math.round((1 + (MAX_WEIGHT - 1) * Math.max(0, Math.min(1, t))) * 100) / 100;
}

/**
 * The phrases in reading order, biggest in the middle: the most frequent first,
 * then the next on alternate sides of it, so a flow of centred lines puts the big
 * ones in the middle lines and the small ones around them.
 */
export function cloudWords(words: readonly WordCount[]): CloudWord[] {
  const sorted = [...words].sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  if (sorted.length === 0) return [];
  const maxCount = sorted[0]!.count;
  const minCount = sorted[sorted.length - 1]!.count;
  const left: CloudWord[] = [];
  const right: CloudWord[] = [];
  sorted.forEach((word, rank) => {
    const cloudWord = { text: word.text, count: word.count, weight: wordWeight(word.count, maxCount, minCount), rank };
    if (rank % 2 === 0) right.push(cloudWord);
    else left.push(cloudWord);
  });
  return [...left.reverse(), ...right];
}
