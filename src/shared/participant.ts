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

/** The question on the current slide, as a phone may see it: never which answer the workshop calls "leader". */
export interface ParticipantQuestion {
  id: string;
  /** PROTOCOL.md "Question types on phones": every question is a choice so far. */
  type: 'choice';
  prompt: string;
  options: ParticipantOption[];
  status: 'open' | 'closed';
  /** Totals by option id, null until the facilitator reveals them. */
  results: Record<string, number> | null;
}

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

/** `POST /api/p/<code>/vote`: docs/protocol.md's body, plus the group the phone joined. */
export interface ParticipantVote {
  /** 8 to 64 of [A-Za-z0-9_-], made once by the page and kept in its storage. */
  deviceId: string;
  questionId: string;
  optionId: string;
  groupId?: string;
}

/** The events of a phone's stream, by name. */
export interface ParticipantEventPayloads {
  state: ParticipantFrame;
}
export type ParticipantEventName = keyof ParticipantEventPayloads;
