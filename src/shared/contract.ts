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
  settingsUpdateSchema,
  votingModeSchema,
  workshopContentSchema,
  type QuestionView,
  type Session,
  type SessionSummary,
  type Settings,
  type Workshop,
  type WorkshopSummary,
} from './model';

const empty = z.object({}).strict();
const sessionRef = z.object({ sessionId: idSchema }).strict();
const workshopRef = z.object({ workshopId: idSchema }).strict();
const questionRef = z.object({ sessionId: idSchema, questionId: idSchema }).strict();

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

  /** Starts a session of a workshop; the session keeps a snapshot of the workshop. */
  'sessions.create': z
    .object({
      workshopId: idSchema,
      title: z.string().trim().max(200).optional(),
      facilitator: z.string().trim().max(120).optional(),
      groups: z.array(z.union([z.string().trim().min(1).max(60), groupSetupSchema])).max(12, 'at most 12 groups').optional(),
      votingMode: votingModeSchema.optional(),
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
  /** Ends a session: voting stops, the join code stops working, all results show. */
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
  /** A group's vote on the shared screen (voterId: the group's id); replaces its earlier vote. */
  'voting.cast': z.object({ sessionId: idSchema, questionId: idSchema, voterId: idSchema, optionId: idSchema }).strict(),
  /** Takes back the most recent vote on an open question. */
  'voting.undo': questionRef,
  /** A hand count for one option. */
  'voting.setCount': z
    .object({ sessionId: idSchema, questionId: idSchema, optionId: idSchema, count: z.number().int().min(0).max(100000) })
    .strict(),

  /** Totals per question (hidden ones stay empty until revealed or the session ends). */
  'results.get': sessionRef,
  /** One CSV row per vote, ready for a spreadsheet. */
  'reports.csv': sessionRef,
  /** The whole session as JSON for the facilitator's archive: the record as kept, every vote, hand count and note included. */
  'sessions.exportJson': sessionRef,
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

export interface QuestionResult {
  questionId: string;
  prompt: string;
  dimension: string;
  revealed: boolean;
  /** Votes per option id; every option present (0 when none), empty when still hidden. */
  totals: Record<string, number>;
  totalsByGroup: Record<string, Record<string, number>>;
  voteCount: number;
}

export interface ResultsOutput {
  questions: QuestionResult[];
}

export interface PhoneStatus {
  /** Addresses phones can open (with the join code), e.g. `http://192.168.1.20:4800/p/ABC234`; empty when no server lets phones in. */
  joinUrls: string[];
  /** Phones connected to the session now. */
  connected: number;
  /** Phones that voted on the current question. */
  voted: number;
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
  'timer.start': Session;
  'timer.pause': Session;
  'timer.extend': Session;
  'timer.reset': Session;
  'voting.open': Session;
  'voting.close': Session;
  'voting.reveal': Session;
  'voting.cast': { ok: true };
  'voting.undo': Session;
  'voting.setCount': { ok: true };
  'results.get': ResultsOutput;
  'reports.csv': ExportedFile & { csv: string };
  'sessions.exportJson': ExportedFile & { json: string };
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
  /** The desktop app's menu asks the page to do something (desktop only). */
  'menu.command': { command: MenuCommand; workshopId?: string };
  /** Phones joined or left a session's page. */
  'phones.changed': { sessionId: string; connected: number };
}

/** What the desktop menu can ask of the page. */
export type MenuCommand =
  | 'new-workshop'
  | 'workshop-imported'
  | 'export-pdf'
  | 'show-presenter'
  | 'open-audience'
  | 'start-session'
  | 'voting-keys'
  | 'keyboard-shortcuts';

export type EventName = keyof EventPayloads;
export type PlenaryEvent = { [N in EventName]: { name: N; data: EventPayloads[N] } }[EventName];

export { eventNames } from './eventNames';

/** The IPC channel names the preload allows: one prefix, nothing else crosses. */
export const IPC_INVOKE_CHANNEL = 'plenary:invoke';
export const IPC_EVENT_CHANNEL = 'plenary:event';
