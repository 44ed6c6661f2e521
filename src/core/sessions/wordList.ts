/**
 * The offline word list that holds open answers back until the facilitator lets
 * one through (issue 19). The lists are LDNOOBW's "List of Dirty, Naughty,
 * Obscene and Otherwise Bad Words" in 27 languages, through the `naughty-words`
 * npm package (CC-BY-4.0; README's credits). Loaded here, in the core, only: no
 * page's bundle carries it, and a phone never learns which words are on it.
 *
 * Matching, after case folding (NFKC, lower case):
 * - an entry with a character of a script written without spaces (Han, Hiragana,
 *   Katakana, Thai, Lao, Khmer, Myanmar) matches anywhere in the answer;
 * - any other entry matches whole words only: "ass" holds back "what an ass" but
 *   not "assess"; a phrase ("ball gag") matches the same words in a row.
 * WARNING: short entries of other languages' lists are ordinary words in English
 * ("am", "fan", "con", "mama", "trio"), and would hold back "I am a fan": of the
 * Latin-script lists other than English only entries of 5 or more letters, or
 * phrases, are taken. Held back is never lost: the facilitator lets it through.
 */
import naughtyWords from 'naughty-words';

/** Klingon is on the list as a joke; its three words are ordinary syllables. */
const SKIPPED_LISTS = new Set(['tlh']);
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const LATIN_ONLY = /^[\p{Script=Latin}\p{M}\s'’-]+$/u;
/** A word: letters, marks and digits (so "p0rn" is one word, and "don't" two). */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

const fold = (text: string) => text.normalize('NFKC').toLowerCase();
const wordsOf = (text: string) => fold(text).match(WORD) ?? [];

export interface WordList {
  /** Whether an answer has a word or phrase on the list. */
  matches(text: string): boolean;
  /** Entries taken from the lists (for tests and the docs). */
  readonly size: number;
}

/** Builds a matcher from lists of entries, per language code ('en' is taken whole). */
export function buildWordList(lists: Readonly<Record<string, readonly string[]>>): WordList {
  const phrases = new Set<string>();
  const substrings = new Set<string>();
  let longest = 1;
  for (const [language, entries] of Object.entries(lists)) {
    if (SKIPPED_LISTS.has(language)) continue;
    for (const entry of entries) {
      const folded = fold(entry).trim();
      if (folded.length === 0) continue;
      if (UNSPACED.test(folded)) {
        substrings.add(folded.replace(/\s+/gu, ''));
        continue;
      }
      const words = wordsOf(folded);
      // "13." (on the Chinese list beside "13点") would hold back every "13 years": numbers alone are no word.
      if (words.length === 0 || words.every((word) => /^\p{N}+$/u.test(word))) continue;
      if (language !== 'en' && LATIN_ONLY.test(folded) && words.length === 1 && folded.length < 5) continue;
      phrases.add(words.join(' '));
      longest = Math.max(longest, words.length);
    }
  }
  const unspaced = [...substrings];
  return {
    size: phrases.size + unspaced.length,
    matches(text) {
      const words = wordsOf(text);
      for (let start = 0; start < words.length; start += 1) {
        let phrase = '';
        for (let length = 1; length <= longest && start + length <= words.length; length += 1) {
          phrase = length === 1 ? words[start]! : `${phrase} ${words[start + length - 1]!}`;
          if (phrases.has(phrase)) return true;
        }
      }
      if (!UNSPACED.test(text)) return false;
      const squeezed = fold(text).replace(/\s+/gu, '');
      return unspaced.some((entry) => squeezed.includes(entry));
    },
  };
}

let shipped: WordList | undefined;

/** The list shipped with the app, built on first use. */
export function shippedWordList(): WordList {
  shipped ??= buildWordList(naughtyWords);
  return shipped;
}
