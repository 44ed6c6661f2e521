/**
 * The text of a session file, made fast for the hot path: each vote rewrites the
 * session, and serialising a thousand votes and the workshop's slides anew for
 * every flush would cost more than the disk. Votes never change once cast (a new
 * vote replaces an old one in the list), and a session's slides never change, so
 * their JSON is cached by object and only what is new is serialised.
 */
import type { SessionRecord, Vote } from '../../shared/model';

const voteText = new WeakMap<Vote, string>();
const slidesText = new WeakMap<SessionRecord['slides'], string>();

/** A vote's JSON, made once: the same text serves its line in the vote log and every later snapshot. */
export function voteLine(vote: Vote): string {
  let text = voteText.get(vote);
  if (text === undefined) {
    text = JSON.stringify(vote);
    voteText.set(vote, text);
  }
  return text;
}

function cachedSlides(slides: SessionRecord['slides']): string {
  let text = slidesText.get(slides);
  if (text === undefined) {
    text = JSON.stringify(slides);
    slidesText.set(slides, text);
  }
  return text;
}

/**
 * The same JSON as `JSON.stringify(file)` but for key order (slides and votes go
 * last). WARNING: it relies on votes and the slides array never being mutated in
 * place; the core replaces a vote rather than editing it.
 */
export function sessionFileText(file: { schemaVersion: number; voteLog: number; voteLogHeader?: boolean | undefined; session: SessionRecord }): string {
  const { votes, slides, ...rest } = file.session;
  const head = JSON.stringify(rest);
  const header = file.voteLogHeader === undefined ? '' : `"voteLogHeader":${JSON.stringify(file.voteLogHeader)},`;
  return `{"schemaVersion":${JSON.stringify(file.schemaVersion)},"voteLog":${JSON.stringify(file.voteLog)},${header}"session":${head.slice(0, -1)},"slides":${cachedSlides(slides)},"votes":[${votes.map(voteLine).join(',')}]}}`;
}
