/**
 * The participant protocol (phones on the room's network), typed once: what
 * `GET /api/p/<code>` answers, what `POST /api/p/<code>/vote` takes, and what its
 * event stream sends. The core builds these, the server sends them, the phone
 * page reads them; docs/protocol.md describes them. Types and one pure function
 * only: the phone's small bundle carries nothing of it but `endedState`.
 */

export interface ParticipantOption {
  id: string;
  label: string;
}

/** What every question on a phone carries (PROTOCOL.md "Question types on phones"). */
interface ParticipantQuestionBase {
  id: string;
  prompt: string;
  status: 'open' | 'closed';
  /** Voting again (PROTOCOL.md): the round running, present from round 2 on; a phone's vote of an earlier round is not its vote in this one. */
  round?: number;
  /** The slide's picture, when it has one: the page shows it from `/api/p/<code>/picture/<asset>`. */
  picture?: ParticipantPicture;
}

/** A picture on the current question's slide: its hash and its alt text. */
export interface ParticipantPicture {
  asset: string;
  alt: string;
}

/** A choice, as a phone may see it: never which answer the workshop calls "leader". */
export interface ParticipantChoiceQuestion extends ParticipantQuestionBase {
  type: 'choice';
  options: ParticipantOption[];
  /** Totals by option id, null until the facilitator reveals them. */
  results: Record<string, number> | null;
  /**
   * Once revealed only (absent before): the contrast this scenario probes and how
   * the workshop tags each option, so the phone can work out its own person's
   * profile by itself (docs/protocol.md, "Each person's own profile").
   */
  answerKey?: ParticipantAnswerKey;
}

/** How a revealed scenario counts towards a profile: its dimension, and each option's lean. */
export interface ParticipantAnswerKey {
  dimension: { id: string; name: string };
  /** Option id → the workshop's tag for it. Prototype-free when the core makes it. */
  styles: Record<string, 'leader' | 'manager' | 'neutral'>;
}

/** One revealed scenario in `GET /api/p/<code>/profile-key`. */
export interface ProfileKeyScenario {
  id: string;
  prompt: string;
  dimensionId: string;
  options: { id: string; label: string; style: 'leader' | 'manager' | 'neutral' }[];
  /** The room's totals by option id (hand counts included), as revealed. */
  totals: Record<string, number>;
}

/**
 * `GET /api/p/<code>/profile-key`: what a phone needs to work out its own
 * person's profile, the same for every phone (it names no device and takes none):
 * the workshop's dimensions and the scenarios the facilitator has revealed, with
 * each option's lean and the room's totals. Nothing of a question not revealed.
 */
export interface ParticipantProfileKey {
  dimensions: { id: string; name: string }[];
  scenarios: ProfileKeyScenario[];
  /**
   * The room's self-check means per dimension, of the self-checks revealed (null
   * where not revealed, or resting on fewer ratings than the privacy floor).
   */
  selfCheck?: { dimensionId: string; before: number | null; after: number | null; then: number | null }[];
}

/** A word of the revealed cloud: an answer (case-folded, trimmed; a few words count as one phrase) and how many gave it. */
export interface ParticipantWord {
  text: string;
  count: number;
}

/** An open answer: up to 3 short answers per phone. */
export interface ParticipantTextQuestion extends ParticipantQuestionBase {
  type: 'text';
  /**
   * Most frequent first, at most 50, answers the facilitator hid left out; null until revealed.
   * On a commitments slide also `themes`: per dimension written about, how many (docs/protocol.md "Commitments").
   */
  results: { answers: number; words: ParticipantWord[]; themes?: ParticipantTheme[] } | null;
  /**
   * Commitments only (absent on a plain open question): the workshop's dimensions,
   * one of which each answer names as `dimensionId` in its body.
   */
  dimensions?: { id: string; name: string }[];
}

/** One theme of the revealed commitments: a dimension and how many commitments are about it. */
export interface ParticipantTheme {
  dimensionId: string;
  name: string;
  count: number;
}

/** A rating from `min` to `max`, labelled at both ends. */
export interface ParticipantScaleQuestion extends ParticipantQuestionBase {
  type: 'scale';
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
  /** Answers per value ("1"…"5"), and their mean; null until revealed. */
  results: { answers: number; counts: Record<string, number>; mean: number | null } | null;
  /**
   * A self-check (issue 17, docs/protocol.md): the statements, each answered with the
   * ordinary scale body under its own `id` (while the self-check is the current
   * slide). Absent on a plain rating. On a self-check, `results` counts people
   * who answered (`counts` empty, `mean` null); each item's room figure is its own.
   */
  items?: ParticipantSelfCheckItem[];
  /** A self-check's phase: "after" asks a then-rating per statement too. */
  phase?: 'before' | 'after';
  /** A self-check's question for the then-ratings ("Looking back, where were you before today?"). */
  thenPrompt?: string;
}

/** One statement of a self-check on a phone, or its then-rating. */
export interface ParticipantSelfCheckItem {
  id: string;
  /** The statement ("I let my team decide how to reach a goal"). */
  prompt: string;
  /** The workshop's dimension it speaks to (its id), for the phone's own before/after. */
  dimension: string;
  /** The then-rating of the statement before it: "Looking back, where were you before today?". */
  then?: true;
  /** Once revealed, the room's ratings; null until then, or when too few answered to show them (the privacy floor). */
  results: { answers: number; counts: Record<string, number>; mean: number | null } | null;
}

/** The question on the current slide, as a phone may see it. */
export type ParticipantQuestion = ParticipantChoiceQuestion | ParticipantTextQuestion | ParticipantScaleQuestion;

export interface ParticipantGroup {
  id: string;
  name: string;
}

/** `GET /api/p/<code>`: the current question only, results once revealed. */
export interface ParticipantState {
  session: { title: string; groups: ParticipantGroup[] };
  question: ParticipantQuestion | null;
}

/** The last frame of a phone's event stream, when the session ends (or is deleted): then the stream closes. */
export interface ParticipantEndedState extends ParticipantState {
  question: null;
  ended: true;
}

/** One `event: state` frame of `GET /api/p/<code>/events`. */
export type ParticipantFrame = ParticipantState | ParticipantEndedState;

/** The frame that tells phones the session is over. Groups stay out: nothing more to choose. */
export function endedState(title: string): ParticipantEndedState {
  return { session: { title, groups: [] }, question: null, ended: true };
}

/**
 * `POST /api/p/<code>/vote`: docs/protocol.md's body, plus the group the phone
 * joined. Exactly one of `optionId` (choice), `text` (open answer) or `value`
 * (scale), by the question's type.
 */
export interface ParticipantVote {
  /** 8 to 64 of [A-Za-z0-9_-], made once by the page and kept in its storage. */
  deviceId: string;
  questionId: string;
  optionId?: string;
  /** An open answer: 1 to 140 characters after trimming; up to 3 per device and question, each kept. */
  text?: string;
  /** A rating: an integer from the question's `min` to `max`; a second replaces the first. */
  value?: number;
  /** A commitment's dimension (commitments slides only): one of the question's `dimensions`. */
  dimensionId?: string;
  groupId?: string;
}

/** The events of a phone's stream, by name. */
export interface ParticipantEventPayloads {
  state: ParticipantFrame;
}
export type ParticipantEventName = keyof ParticipantEventPayloads;
