/**
 * The follow-up pack (issue 17): weeks after a workshop, the same statements
 * again, as a third point in time beside "before" and "after".
 *
 * How it runs, offline and without accounts:
 * - From History the facilitator makes the session's *pulse*: a session of its
 *   own (`followUpOf` names the workshop's session) with one slide, a self-check
 *   of the same statements (now-ratings only), open from the start and kept open
 *   until the facilitator ends it. Its join code is printed on a one-page sheet
 *   with a QR code; when the laptop lets phones in again (a follow-up meeting, or
 *   the office network), people scan it and answer on their phones as they did
 *   in the room.
 * - A pulse run on another laptop (a colleague's, or the facilitator's other
 *   machine) comes back as a pulse file (`plenary-pulse`, below): totals per
 *   statement, never a person's answers. Importing it merges those totals into
 *   the session's figures. Importing the same pulse again replaces it, so nothing
 *   is counted twice; the local pulse of this laptop is the same pulse (by id) as
 *   its export.
 *
 * The figures (src/shared/selfCheck.ts `followUp` beside before/after/then) are
 * the room's only: means per statement with how many ratings they rest on, the
 * privacy floor applied as everywhere else.
 */
import { z } from 'zod';
import { idSchema } from './idSchema';

export const PULSE_FILE_FORMAT = 'plenary-pulse';
export const PULSE_FILE_VERSION = 1;
/** A pulse file is small: totals per statement. Anything larger is not one. */
export const PULSE_FILE_MAX_BYTES = 1_000_000;
/** Days after the workshop the sheet suggests for the pulse. */
export const FOLLOW_UP_DAYS = 30;

/** One statement's ratings in a pulse: how many of each value. Totals only. */
export const pulseDimensionSchema = z
  .object({
    dimensionId: z.string().min(1).max(64),
    /** Ratings given. */
    n: z.number().int().min(0).max(1_000_000),
    /** Ratings per value ("1"…"5"); null when fewer than the exporting laptop's privacy floor (then only n travels). */
    counts: z.record(z.string().regex(/^-?\d+$/), z.number().int().min(0).max(1_000_000)).nullable(),
  })
  .strict();
export type PulseDimension = z.infer<typeof pulseDimensionSchema>;

/** The totals of one pulse, as a session keeps an imported one and as a pulse file carries it. */
export const pulseTotalsSchema = z
  .object({
    /** The pulse session's id where it ran: the same pulse imported twice replaces itself. */
    pulseId: idSchema,
    /** The scale of its statements. */
    min: z.number().int().min(0).max(10),
    max: z.number().int().min(1).max(11),
    /** People (phones) who answered at least one statement. */
    respondents: z.number().int().min(0).max(1_000_000),
    /** When its first and last answers came (ISO dates, to the day); null without answers. */
    firstAnswerOn: z.string().max(10).nullable(),
    lastAnswerOn: z.string().max(10).nullable(),
    dimensions: z.array(pulseDimensionSchema).max(64),
  })
  .strict();
export type PulseTotals = z.infer<typeof pulseTotalsSchema>;

/** A pulse the session took in from a file (`pulses.import`). */
export const importedPulseSchema = pulseTotalsSchema.extend({ importedAt: z.string(), fileName: z.string().max(260).default('') }).strict();
export type ImportedPulse = z.infer<typeof importedPulseSchema>;

/** The pulse file (`pulses.export`, `pulses.import`). */
export const pulseFileSchema = z
  .object({
    format: z.literal(PULSE_FILE_FORMAT),
    version: z.literal(PULSE_FILE_VERSION),
    /** The workshop's session the pulse follows up: an import into any other session is refused. */
    followUpOf: idSchema,
    sessionTitle: z.string().max(400),
    workshopId: z.string().max(64),
    exportedAt: z.string(),
    /** The privacy floor the exporting laptop applied to each statement's counts. */
    privacyFloor: z.number().int().min(0).max(1000),
    pulse: pulseTotalsSchema,
  })
  .strict();
export type PulseFile = z.infer<typeof pulseFileSchema>;

/** Where a session's follow-up stands: what History and the follow-up page show. */
export interface FollowUpStatus {
  /** The workshop's session. */
  sessionId: string;
  /** Whether it has a self-check to follow up (without one there is nothing to ask again). */
  available: boolean;
  /** Why not, in words, when `available` is false. */
  unavailableReason: string | null;
  /** The statements the pulse asks, in order. */
  statements: { dimensionId: string; dimensionName: string; statement: string }[];
  /** The scale they are rated on. */
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
  /** The day the sheet suggests (the session's end, else its start, plus FOLLOW_UP_DAYS), YYYY-MM-DD. */
  suggestedOn: string;
  /** This laptop's pulse session, once made. */
  pulse: {
    sessionId: string;
    joinCode: string;
    /** Addresses phones can open now; empty when no server lets phones in. */
    joinUrls: string[];
    status: 'active' | 'ended';
    respondents: number;
    createdAt: string;
  } | null;
  /** Pulses taken in from files, oldest first. */
  imported: {
    pulseId: string;
    importedAt: string;
    fileName: string;
    respondents: number;
    firstAnswerOn: string | null;
    lastAnswerOn: string | null;
    /** It is this laptop's own pulse (its export, imported back): counted once, from the live pulse. */
    sameAsLocal: boolean;
  }[];
}
