/**
 * Open answers and ratings (issue 19): how an answer is read, how a cloud's
 * phrases are counted, and a rating's mean. Pure and shared: the core counts with
 * these for every view, phone and export, so the numbers agree everywhere.
 *
 * The word list that holds answers back is NOT here: it lives in the core
 * (src/core/sessions/wordList.ts), so no page's bundle carries it.
 */
import type { ScaleQuestion, Vote } from './model';
import { OPEN_ANSWER_MAX, scaleValues } from './slideRules';
import type { WordCount } from './summary';

/** The most phrases a phone gets of a cloud (PROTOCOL.md). */
export const PHONE_WORDS_MAX = 50;

/**
 * An answer as kept: every run of white space (new lines, tabs) one space, trimmed
 * at both ends. Its length (what the 1 to 140 characters count) is that of the
 * string, in UTF-16 code units, as a browser's `maxlength` counts them.
 */
export function tidyAnswer(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Why an open answer is refused, or null when it may be kept (after tidyAnswer). */
export function answerTextProblem(tidied: string): string | null {
  if (tidied.length === 0) return 'An answer needs at least one character.';
  if (tidied.length > OPEN_ANSWER_MAX) return `An answer is at most ${OPEN_ANSWER_MAX} characters (this one has ${tidied.length}).`;
  return null;
}

/**
 * The phrase an answer counts as in the cloud: case-folded (NFKC, then lower
 * case, so "Listened", "LISTENED" and full-width letters agree), trimmed of white
 * space and of sentence punctuation at its ends ("Listened!" is "listened";
 * quotes and brackets stay, so they stay paired). An answer of
 * a few words stays one phrase: "gave me room" is counted whole, never as three
 * words. Empty when nothing but punctuation was given.
 */
export function phraseOf(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.,;:!?¡¿…。、！？，．]+|[\s.,;:!?¡¿…。、！？，．]+$/gu, '')
    .trim();
}

/**
 * Counts the phrases of some answers: most frequent first, ties in code-point
 * order of the phrase (the same on every machine). An answer of nothing but
 * punctuation counts under its own tidied text, so no answer goes uncounted.
 */
export function countPhrases(texts: Iterable<string>): WordCount[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const phrase = phraseOf(text) || tidyAnswer(text).toLowerCase();
    if (phrase.length === 0) continue;
    counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
  }
  return [...counts]
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

/** The mean of a rating's counts per value ("1"…"5"), null without answers. Rounded to two decimals, as every view shows it. */
export function scaleMean(question: Pick<ScaleQuestion, 'min' | 'max'>, counts: Readonly<Record<string, number>>): number | null {
  let answers = 0;
  let sum = 0;
  for (const value of scaleValues(question)) {
    const key = String(value);
    const count = Object.hasOwn(counts, key) ? counts[key]! : 0;
    answers += count;
    sum += count * value;
  }
  return answers === 0 ? null : Math.round((sum / answers) * 100) / 100;
}

/** The round a vote belongs to (absent means 1). */
export const roundOfVote = (vote: Pick<Vote, 'round'>): number => vote.round ?? 1;

/** Whether a vote is an open answer (it carries words). */
export const isOpenAnswer = (vote: Pick<Vote, 'text'>): boolean => vote.text !== undefined;
