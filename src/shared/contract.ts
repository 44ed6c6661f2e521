/**
 * The one API contract. Every command the renderer (over IPC or HTTP), the Node
 * host's RPC and scripts can call: its name, its input schema and its output type,
 * plus the events the core emits. The core implements `ApiHandlers`; both
 * transports validate inputs with `commandInputs` before the core sees them.
 */
import { z } from 'zod';
import {
  groupSchema,
  idSchema,
  phoneLimitSchema,
  settingsUpdateSchema,
  votingModeSchema,
  workshopContentSchema,
  type PictureMediaType,
  type QuestionView,
  type Session,
  type SessionSummary,
  type Settings,
  type Workshop,
  type WorkshopSummary,
} from './model';
import { PICTURE_MAX_BYTES } from './limits';
import type { OpenAnswer, SessionSummaryReport, WordCount } from './summary';
import type { Movement } from './rounds';
import type { SelfCheckFigures } from './selfCheck';
import type { MenuCommandData } from './menu';
import { PULSE_FILE_MAX_BYTES, type FollowUpStatus } from './followUp';

const empty = z.object({}).strict();
const sessionRef = z.object({ sessionId: idSchema }).strict();
const workshopRef = z.object({ workshopId: idSchema }).strict();
const questionRef = z.object({ sessionId: idSchema, questionId: idSchema }).strict();
/** A session's summary or export; `includeUnrevealed` brings in what the facilitator has not revealed (and the export says so). */
const exportRef = z.object({ sessionId: idSchema, includeUnrevealed: z.boolean().optional() }).strict();

/** A group as the facilitator sets it up; colour and id are filled in when missing. */
export const groupSetupSchema = groupSchema.partial({ id: true, color: true, size: true });

export const commandInputs = {
  /** Facts about the running host: version, data folder, store recoveries. */
  'app.info': empty,

  /** The facilitator's preferences. */
  'settings.get': empty,
  /** Changes some preferences; the rest stay. */
  'settings.update': settingsUpdateSchema,

  /** Every workshop in the library, built-in first. */
  'workshops.list': empty,
  /** One workshop with its content. */
  'workshops.get': workshopRef,
  /** A new, almost empty workshop with the given title. */
  'workshops.create': z.object({ title: z.string().trim().min(1, 'needs a title').max(200) }).strict(),
  /** An editable copy of any workshop (the way to change the built-in one). */
  'workshops.duplicate': workshopRef,
  /** Replaces a workshop's content (the editor's autosave). Built-in workshops are read-only. */
  'workshops.update': z.object({ workshopId: idSchema, content: workshopContentSchema }).strict(),
  /** Changes a workshop's title only. */
  'workshops.rename': z.object({ workshopId: idSchema, title: z.string().trim().min(1, 'needs a title').max(200) }).strict(),
  /** Removes a workshop; the answer carries it whole so the library can undo. */
  'workshops.delete': workshopRef,
  /** Puts back a workshop that `workshops.delete` returned (undo). */
  'workshops.restore': z.object({ workshopId: idSchema, content: workshopContentSchema, createdAt: z.string() }).strict(),
  /** Adds a workshop from the text of a `.plenary.json` file; refuses bad files and changes nothing. */
  'workshops.import': z.object({ text: z.string(), fileName: z.string().max(260).optional() }).strict(),
  /** The `.plenary.json` text of a workshop, with a file name to save it under. */
  'workshops.export': workshopRef,

  /**
   * Keeps a picture for a slide in the data folder (once per content) and names it
   * by its SHA-256: PNG, JPEG, SVG without scripts or WebP, told by its bytes, at
   * most 5 MB. `fileName` is only for messages. A slide then shows it with
   * `picture: {asset, alt, mediaType}`.
   */
  'assets.add': z
    .object({
      // A third more than the largest picture, and a margin: the core names a picture that is too big in MB.
      dataBase64: z.string().min(1, 'needs the picture').max(Math.ceil((PICTURE_MAX_BYTES * 4) / 3) + 1024 * 1024, 'this picture is over 5 MB'),
      fileName: z.string().max(260).optional(),
    })
    .strict(),

  /** Starts a session of a workshop; the session keeps a snapshot of the workshop. */
  'sessions.create': z
    .object({
      workshopId: idSchema,
      title: z.string().trim().max(200).optional(),
      facilitator: z.string().trim().max(120).optional(),
      groups: z.array(z.union([z.string().trim().min(1).max(60), groupSetupSchema])).max(12, 'at most 12 groups').optional(),
      votingMode: votingModeSchema.optional(),
      /** The most phones it admits; without it, the groups' sizes and a fifth (at least 10) more, else 100. */
      phoneLimit: phoneLimitSchema.optional(),
      /** A rehearsal: runs like a session but stays out of History and is removed when it ends. */
      rehearsal: z.boolean().optional(),
    })
    .strict(),
  /** A session as the facilitator sees it (choices hidden until revealed). */
  'sessions.get': sessionRef,
  /** Every session, newest first. */
  'sessions.list': empty,
  /** Moves the session to a slide. */
  'sessions.goTo': z.object({ sessionId: idSchema, slideIndex: z.number().int().min(0) }).strict(),
  /** Ends a session: voting stops, the join code stops working. Unrevealed results stay hidden (they can still be revealed). */
  'sessions.end': sessionRef,
  /** Keeps the facilitator's note for a slide with the session (the report prints it). */
  'sessions.setNote': z.object({ sessionId: idSchema, slideId: idSchema, text: z.string().max(8000) }).strict(),
  /** Blacks out the projector, or brings it back. */
  'sessions.setBlackout': z.object({ sessionId: idSchema, blackout: z.boolean() }).strict(),
  /** Splits the projector's revealed results by group, or shows the room as one. */
  'sessions.setResultsView': z.object({ sessionId: idSchema, byGroup: z.boolean() }).strict(),
  /** Renames a session. */
  'sessions.rename': z.object({ sessionId: idSchema, title: z.string().trim().min(1, 'needs a title').max(200) }).strict(),
  /** Where phones join this session and how many are connected (the host's servers report it). */
  'sessions.phones': sessionRef,
  /** Deletes a session and its votes for good. */
  'sessions.delete': sessionRef,
  // ---- Phone admission (docs/protocol.md, "Integrity on the room's network") ----
  /** Changes the most phones the session admits while it runs; phones already in stay. */
  'sessions.setPhoneLimit': z.object({ sessionId: idSchema, phoneLimit: phoneLimitSchema }).strict(),
  /** Lets one network address bring more than 4 phones (a venue network that puts phones behind one address), or not. */
  'sessions.setAddressCap': z.object({ sessionId: idSchema, lifted: z.boolean() }).strict(),
  /** The phones a session admitted (device id, address, votes) and where admission stands. */
  'sessions.admittedPhones': sessionRef,
  /** Removes an admitted phone: its votes go with it, and it is not let back in. */
  'sessions.removePhone': z.object({ sessionId: idSchema, deviceId: z.string().min(1).max(64) }).strict(),

  // ---- run of show: the discussion timer (issue 15)
  /** Starts or resumes the current slide's timer; `seconds` sets its length on a slide that has none. */
  'timer.start': z.object({ sessionId: idSchema, seconds: z.number().int().min(5).max(3600).optional() }).strict(),
  /** Pauses the current slide's timer, keeping the time it has run. */
  'timer.pause': sessionRef,
  /** Adds time to the current slide's timer (a minute more for a discussion that is going well). */
  'timer.extend': z.object({ sessionId: idSchema, seconds: z.number().int().min(5).max(3600) }).strict(),
  /** Puts the current slide's timer back to its full length, stopped. */
  'timer.reset': sessionRef,

  /** Opens voting on a question, optionally closing by itself after `seconds`. */
  'voting.open': z.object({ sessionId: idSchema, questionId: idSchema, seconds: z.number().int().min(5).max(3600).optional() }).strict(),
  /** Closes voting on a question. */
  'voting.close': questionRef,
  /** Shows the room what it chose. */
  'voting.reveal': questionRef,
  /**
   * A group's answer on the shared screen (voterId: the group's id), by the question's type:
   * `optionId` (choice; replaces its earlier vote), `text` (an open answer, 1 to 140 characters
   * after trimming; up to 3 per group, each kept) or `value` (a rating from min to max; replaces
   * the earlier one). Exactly one of them.
   */
  'voting.cast': z
    .object({
      sessionId: idSchema,
      questionId: idSchema,
      voterId: idSchema,
      optionId: idSchema.optional(),
      text: z.string().max(1000).optional(),
      value: z.number().optional(),
      /** A commitment's dimension (commitments slides only): one of the session's dimension ids. */
      dimensionId: idSchema.optional(),
    })
    .strict(),
  /**
   * A group's self-check at the laptop (groups on the shared screen): its ratings of
   * some or all of the self-check's statements (`itemId`: an answer id from
   * src/shared/selfCheck.ts `selfCheckItems`), each replacing its earlier one. One write for all.
   */
  'voting.castSelfCheck': z
    .object({
      sessionId: idSchema,
      selfCheckId: idSchema,
      voterId: idSchema,
      ratings: z.array(z.object({ itemId: idSchema, value: z.number().int().min(0).max(11) }).strict()).min(1).max(48),
    })
    .strict(),
  /** Takes back the most recent vote on an open question. */
  'voting.undo': questionRef,
  /**
   * Voting again (PROTOCOL.md): a new round on a revealed question. Its results hide
   * again and voting opens; phones and groups vote afresh, the earlier rounds kept.
   */
  'voting.reopen': z.object({ sessionId: idSchema, questionId: idSchema, seconds: z.number().int().min(5).max(3600).optional() }).strict(),
  /** A hand count for one option. */
  'voting.setCount': z
    .object({ sessionId: idSchema, questionId: idSchema, optionId: idSchema, count: z.number().int().min(0).max(100000) })
    .strict(),

  /** An open question's answers, for the facilitator to hide or let through (before the reveal too): never which phone gave one. */
  'voting.answers': questionRef,
  /** Hides an open answer (out of the cloud, the phones and the report; kept in the data, marked hidden), or shows it again. */
  'voting.setAnswerHidden': z.object({ sessionId: idSchema, questionId: idSchema, answerId: idSchema, hidden: z.boolean() }).strict(),
  /** Lets through an answer the word list held back (or, `released: false`, holds it back again). */
  'voting.releaseAnswer': z.object({ sessionId: idSchema, questionId: idSchema, answerId: idSchema, released: z.boolean().optional() }).strict(),

  /** Totals per question (a question the facilitator has not revealed stays empty, even after the session ends). */
  'results.get': sessionRef,
  /**
   * The one session summary (src/shared/summary.ts): per question its state, counts by source and, once
   * revealed, its choices; participants; totals; lean and consensus. Every view's figures come from it.
   * The report's privacy floor (settings) applies to its breakdowns by group.
   */
  'reports.get': exportRef,
  /** One CSV row per vote and per hand-counted option, ready for a spreadsheet; unrevealed questions only when asked for. */
  'reports.csv': exportRef,
  /** The session as JSON for the facilitator's archive, with its summary; unrevealed choices only when asked for (the file then says so). */
  'sessions.exportJson': exportRef,

  // Follow-up pack (src/shared/followUp.ts): `sessionId` is always the workshop's session, never its pulse.
  /** Where the session's follow-up stands: its statements, this laptop's pulse (join code, addresses, respondents) and imported pulses. */
  'pulses.get': sessionRef,
  /** Makes the session's pulse (a session of one open self-check, `followUpOf` the session), or returns the one it has; the session must have a self-check. */
  'pulses.create': sessionRef,
  /** This laptop's pulse as a pulse file (totals per statement, the privacy floor applied), to import on another laptop. */
  'pulses.export': sessionRef,
  /** Takes in a pulse file of this session: its totals join the session's follow-up figures; the same pulse again replaces itself. */
  'pulses.import': z.object({ sessionId: idSchema, text: z.string().max(PULSE_FILE_MAX_BYTES), fileName: z.string().max(260).optional() }).strict(),
} as const;

export type CommandName = keyof typeof commandInputs;
export type CommandInput<N extends CommandName> = z.input<(typeof commandInputs)[N]>;
export type ParsedInput<N extends CommandName> = z.output<(typeof commandInputs)[N]>;

/** Something the store had to repair when it opened; shown to the user once. */
export interface RecoveryNotice {
  file: string;
  movedTo: string;
  restoredFrom: string | null;
  message: string;
}

export interface AppInfo {
  version: string;
  dataDir: string;
  recoveries: RecoveryNotice[];
}

/** What `results.get` says of every question, whatever its type. */
interface QuestionResultBase {
  questionId: string;
  prompt: string;
  /** The contrast it probes ("" for an open or rating question without one). */
  dimension: string;
  revealed: boolean;
  /** Answers counted (in the last round), all sources; never secret. */
  voteCount: number;
  /** The round the top-level figures are of (1 unless voted on again). */
  round: number;
}

/** One round's figures of a choice (PROTOCOL.md): totals per option id. */
export interface ChoiceRoundResult {
  round: number;
  voteCount: number;
  /** Votes per option id; every option present (0 when none), empty when still hidden. */
  totals: Record<string, number>;
  totalsByGroup: Record<string, Record<string, number>>;
  /** Whether this round's choices are shown: an earlier round always (it was revealed before the next began), the last once revealed. */
  revealed: boolean;
}
/** One round's figures of an open question: as phones get them (PROTOCOL.md). Empty words when still hidden. */
export interface TextRoundResult {
  round: number;
  voteCount: number;
  revealed: boolean;
  /** Answers in the cloud (hidden and held-back ones left out); 0 while hidden. */
  answers: number;
  /** Every phrase with its count, most frequent first; empty while hidden. */
  words: WordCount[];
}
/** One round's figures of a rating: counts per value and the mean (null without answers or while hidden). */
export interface ScaleRoundResult {
  round: number;
  voteCount: number;
  revealed: boolean;
  answers: number;
  /** Answers per value, every value present; empty while hidden. */
  counts: Record<string, number>;
  mean: number | null;
}

export interface ChoiceQuestionResult extends QuestionResultBase, Omit<ChoiceRoundResult, 'round' | 'voteCount' | 'revealed'> {
  type: 'choice';
  /** Voting again (PROTOCOL.md): every round, first to last; present once a second round began. */
  rounds?: ChoiceRoundResult[];
  /** How the room moved from the first to the last round (src/shared/rounds.ts); null until both are shown. Present with `rounds`. */
  movement?: Movement | null;
}
export interface TextQuestionResult extends QuestionResultBase, Omit<TextRoundResult, 'round' | 'voteCount' | 'revealed'> {
  type: 'text';
  rounds?: TextRoundResult[];
}
export interface ScaleQuestionResult extends QuestionResultBase, Omit<ScaleRoundResult, 'round' | 'voteCount' | 'revealed'> {
  type: 'scale';
  min: number;
  max: number;
  rounds?: ScaleRoundResult[];
}
export type QuestionResult = ChoiceQuestionResult | TextQuestionResult | ScaleQuestionResult;

export interface ResultsOutput {
  questions: QuestionResult[];
  /**
   * The self-check (issue 17), room totals only: per dimension before, after and
   * then (mean and n) and the shifts; null when the session has none. A mean on
   * fewer ratings than the privacy floor is withheld.
   */
  selfCheck: SelfCheckFigures | null;
}

export interface PhoneStatus {
  /** Addresses phones can open (with the join code), e.g. `http://192.168.1.20:4800/p/ABC234`; empty when no server lets phones in. */
  joinUrls: string[];
  /** Phones connected to the session now. */
  connected: number;
  /** Phones that voted on the current question. */
  voted: number;
  /** Phone admission: the limit, phones admitted, phones turned away, whether one address may bring more than 4. */
  admission: AdmissionStatus;
}

/** Where a session's phone admission stands. */
export interface AdmissionStatus {
  limit: number;
  admitted: number;
  /** Phones refused since the host started: session full, address full, or removed. */
  turnedAway: number;
  addressCapLifted: boolean;
}

/** One admitted phone, for the facilitator (never what it chose). */
export interface AdmittedPhoneView {
  deviceId: string;
  address: string;
  admittedAt: string;
  votes: number;
}

/** A picture the data folder now keeps: what a slide's `picture` names. */
export interface AddedPicture {
  asset: string;
  mediaType: PictureMediaType;
  /** Its size in bytes. */
  bytes: number;
}

export interface ExportedFile {
  filename: string;
}

export interface CommandOutputs {
  'app.info': AppInfo;
  'settings.get': Settings;
  'settings.update': Settings;
  'workshops.list': WorkshopSummary[];
  'workshops.get': Workshop;
  'workshops.create': Workshop;
  'workshops.duplicate': Workshop;
  'workshops.update': Workshop;
  'workshops.rename': Workshop;
  'workshops.delete': Workshop;
  'workshops.restore': Workshop;
  'workshops.import': Workshop;
  'workshops.export': ExportedFile & { text: string };
  'assets.add': AddedPicture;
  'sessions.create': Session;
  'sessions.get': Session;
  'sessions.list': SessionSummary[];
  'sessions.goTo': Session;
  'sessions.end': Session;
  'sessions.setNote': Session;
  'sessions.setBlackout': Session;
  'sessions.setResultsView': Session;
  'sessions.rename': Session;
  'sessions.phones': PhoneStatus;
  'sessions.delete': { ok: true };
  'sessions.setPhoneLimit': Session;
  'sessions.setAddressCap': Session;
  'sessions.admittedPhones': AdmissionStatus & { phones: AdmittedPhoneView[] };
  'sessions.removePhone': AdmissionStatus & { phones: AdmittedPhoneView[] };
  'timer.start': Session;
  'timer.pause': Session;
  'timer.extend': Session;
  'timer.reset': Session;
  'voting.open': Session;
  'voting.close': Session;
  'voting.reveal': Session;
  'voting.cast': { ok: true };
  'voting.castSelfCheck': { ok: true };
  'voting.undo': Session;
  'voting.setCount': { ok: true };
  'voting.answers': { questionId: string; answers: OpenAnswer[] };
  'voting.setAnswerHidden': Session;
  'voting.releaseAnswer': Session;
  'voting.reopen': Session;
  'results.get': ResultsOutput;
  'reports.get': SessionSummaryReport;
  'reports.csv': ExportedFile & { csv: string };
  'sessions.exportJson': ExportedFile & { json: string };
  'pulses.get': FollowUpStatus;
  'pulses.create': FollowUpStatus;
  'pulses.export': ExportedFile & { text: string };
  'pulses.import': FollowUpStatus;
}

export type CommandOutput<N extends CommandName> = CommandOutputs[N];

/** What the core implements, once, for every transport. Inputs arrive already validated. */
export type ApiHandlers = { [N in CommandName]: (input: ParsedInput<N>) => Promise<CommandOutput<N>> };

export const commandNames = Object.keys(commandInputs) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commandInputs, name);
}

// ---------------------------------------------------------------- events

/** Session events carry the new snapshot, so a window replaces its copy and never drifts. */
export interface SessionEventData {
  sessionId: string;
  session: Session;
}

export interface EventPayloads {
  'session.created': SessionEventData;
  'slide.changed': SessionEventData;
  'voting.opened': SessionEventData;
  'voting.closed': SessionEventData;
  'voting.revealed': SessionEventData;
  /** A vote arrived: only the question's progress, which stays small under a burst of phones. */
  'vote.cast': { sessionId: string; questionId: string; question: QuestionView };
  'vote.undone': SessionEventData;
  'count.set': { sessionId: string; questionId: string; question: QuestionView };
  'session.updated': SessionEventData;
  'session.ended': SessionEventData;
  'session.deleted': { sessionId: string };
  'workshops.changed': { workshopId: string };
  'settings.changed': { settings: Settings };
  /** The desktop app's menu asks the page to do something (desktop only; src/shared/menu.ts). */
  'menu.command': MenuCommandData;
  /** Phones joined or left a session's page. */
  'phones.changed': { sessionId: string; connected: number };
  /** A phone was admitted, turned away or removed, or the limit changed (at most every 250 ms per session). */
  'phones.admitted': { sessionId: string } & AdmissionStatus;
}

export type EventName = keyof EventPayloads;
export type PlenaryEvent = { [N in EventName]: { name: N; data: EventPayloads[N] } }[EventName];

export { eventNames } from './eventNames';

/** The IPC channel names the preload allows: one prefix, nothing else crosses. */
export const IPC_INVOKE_CHANNEL = 'plenary:invoke';
export const IPC_EVENT_CHANNEL = 'plenary:event';
