/**
 * The follow-up pack's core (src/shared/followUp.ts): a workshop session's pulse
 * (a session of its own, one open self-check), its pulse file, and pulse files
 * taken in from other laptops. `sessionId` is always the workshop's session.
 *
 * The figures: the workshop session's self-check figures get the pulses' totals
 * (`followUpTotals`), this laptop's live pulse first and then each imported
 * pulse id once, so a pulse exported here and imported back is not counted twice.
 */
import type { ApiHandlers } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import {
  FOLLOW_UP_DAYS,
  PULSE_FILE_FORMAT,
  PULSE_FILE_VERSION,
  pulseFileSchema,
  type FollowUpStatus,
  type ImportedPulse,
  type PulseFile,
  type PulseTotals,
} from '../../shared/followUp';
import { selfCheckItemIdsOf, type SelfCheckQuestion, type SessionRecord } from '../../shared/model';
import { recordOf } from '../../shared/records';
import { pulseTotalsForExport, pulseTotalsOf, selfCheckSlidesOf, type SelfCheckSlide } from '../../shared/selfCheck';
import { formatPath } from '../../shared/validation';
import { workshopFileName } from '../../shared/workshopFile';
import type { CoreDeps } from '../deps';
import type { PhonePresence } from '../phonePresence';
import type { StorePort } from '../store/store';
import { initialRunOfShow } from './runOfShow';
import { sessionView } from './sessionView';

export type FollowUpHandlers = Pick<ApiHandlers, 'pulses.get' | 'pulses.create' | 'pulses.export' | 'pulses.import'>;

/** What the follow-up needs of the session service: finding sessions, join codes, and telling the views. */
export interface FollowUpKit {
  store: StorePort;
  deps: CoreDeps;
  phones: PhonePresence;
  find(sessionId: string): SessionRecord;
  newJoinCode(): string;
  announce(name: 'session.created' | 'session.updated', session: ReturnType<typeof sessionView>): unknown;
}

/** The pulse's slide and self-check id: short, so every statement's answer id stays within 64 characters. */
export const PULSE_SLIDE_ID = 'pulse';
export const PULSE_PROMPT = 'Some weeks after the workshop: how true is each of these of you now?';

/** The self-check a pulse asks again: the session's last "after" one (its end-of-day wording), else its first "before" one. */
export function followUpSource(record: Pick<SessionRecord, 'slides'>): SelfCheckQuestion | null {
  const checks = selfCheckSlidesOf(record.slides).map(({ slide }) => slide.question);
  return checks.findLast((question) => question.phase === 'after') ?? checks.find((question) => question.phase === 'before') ?? null;
}

/** Why a session cannot be followed up, or null when it can. */
export function followUpUnavailable(record: SessionRecord): string | null {
  if (record.followUpOf !== undefined) return 'This is a follow-up pulse itself: follow up the workshop’s session instead.';
  if (record.rehearsal) return 'A rehearsal is not followed up.';
  if (!followUpSource(record)) return 'This session has no self-check, so there is nothing to ask again.';
  return null;
}

/** The pulse's one slide: the same statements and scale, now-ratings only, its own prompt. */
function pulseSlide(source: SelfCheckQuestion): SelfCheckSlide {
  const draft = { id: PULSE_SLIDE_ID, phase: 'before' as const, statements: source.statements.map(({ dimension, statement }) => ({ dimension, statement })) };
  // The source's answer ids fit in 64 characters; "pulse--<dimension>" might not when its id was shorter: then the source's id is kept.
  const id = selfCheckItemIdsOf(draft).every((itemId) => itemId.length <= 64) ? PULSE_SLIDE_ID : source.id;
  return {
    id: PULSE_SLIDE_ID,
    kind: 'selfCheck',
    section: '',
    minutes: 0,
    notes: '',
    title: 'Follow-up',
    question: { ...draft, id, prompt: PULSE_PROMPT, min: source.min, max: source.max, minLabel: source.minLabel, maxLabel: source.maxLabel, thenPrompt: source.thenPrompt },
  };
}

const addDays = (iso: string, days: number): string => new Date(new Date(iso).getTime() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

/**
 * Reads a pulse file's text, each problem in words: not JSON, not a pulse file,
 * a newer version, or damaged (the first problem, where it is).
 */
export function parsePulseFile(text: string): PulseFile {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new ApiError('invalid_input', 'This file is not a pulse file: it is not JSON. Choose the .json file Plenary saved with "Export pulse".');
  }
  const format = typeof value === 'object' && value !== null && 'format' in value ? (value as { format: unknown }).format : undefined;
  if (format !== PULSE_FILE_FORMAT) {
    const what = format === 'plenary-session' ? 'a session archive' : typeof format === 'string' ? `a "${format}" file` : 'some other JSON file';
    throw new ApiError('invalid_input', `This is ${what}, not a pulse file. Choose the file Plenary saved with "Export pulse".`);
  }
  const version = (value as { version?: unknown }).version;
  if (version !== PULSE_FILE_VERSION) {
    throw new ApiError('invalid_input', `This pulse file is version ${JSON.stringify(version ?? null)}; this Plenary reads version ${PULSE_FILE_VERSION}. Update Plenary, or export the pulse again.`);
  }
  const parsed = pulseFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = formatPath(issue.path);
    throw new ApiError('invalid_input', `This pulse file is damaged${path ? ` at ${path}` : ''}: ${issue.message}. Nothing was imported.`, path || undefined);
  }
  return parsed.data;
}

/** A pulse's totals checked against the session: its scale, its statements, and counts that add up. */
function checkPulseAgainst(source: SelfCheckQuestion, file: PulseFile): void {
  const pulse = file.pulse;
  if (pulse.min !== source.min || pulse.max !== source.max) {
    throw new ApiError('invalid_input', `This pulse was rated from ${pulse.min} to ${pulse.max}, but this session's self-check is rated from ${source.min} to ${source.max}: they cannot be compared.`);
  }
  // Dimensions the session does not ask are refused, not ignored: a pulse of this session asked
  // exactly its statements, so one more means an edited or mixed-up file, and its figures are not to be trusted.
  const asked = new Set(source.statements.map((statement) => statement.dimension));
  const stray = pulse.dimensions.find((line) => !asked.has(line.dimensionId));
  if (stray) throw new ApiError('invalid_input', `This pulse rates "${stray.dimensionId}", which this session's self-check does not ask. Nothing was imported.`);
  const seen = new Set<string>();
  for (const line of pulse.dimensions) {
    if (seen.has(line.dimensionId)) throw new ApiError('invalid_input', `This pulse file is damaged: it rates "${line.dimensionId}" twice. Nothing was imported.`);
    seen.add(line.dimensionId);
    if (line.n > pulse.respondents) throw new ApiError('invalid_input', `This pulse file is damaged: "${line.dimensionId}" has more ratings (${line.n}) than people answered (${pulse.respondents}). Nothing was imported.`);
    if (line.counts === null) continue;
    const values = Object.keys(line.counts).map(Number);
    if (values.some((value) => value < pulse.min || value > pulse.max)) throw new ApiError('invalid_input', `This pulse file is damaged: "${line.dimensionId}" has a rating off its scale. Nothing was imported.`);
    const sum = Object.values(line.counts).reduce((total, count) => total + count, 0);
    if (sum !== line.n) throw new ApiError('invalid_input', `This pulse file is damaged: the counts of "${line.dimensionId}" add up to ${sum}, not ${line.n}. Nothing was imported.`);
  }
}

export function createFollowUpHandlers(kit: FollowUpKit): { handlers: FollowUpHandlers; followUpTotals(record: SessionRecord): PulseTotals[]; pulsesOf(sessionId: string): SessionRecord[] } {
  const { store, deps, phones } = kit;
  const stamp = () => deps.now().toISOString();

  /** This laptop's pulses of a session: one is made, but a copied data folder could hold more. */
  const pulsesOf = (sessionId: string): SessionRecord[] => store.sessions().filter((record) => record.followUpOf === sessionId);
  const localPulse = (sessionId: string): SessionRecord | undefined => pulsesOf(sessionId)[0];

  /** The workshop's session, refused when it is a pulse itself (every command names the workshop's session). */
  const findWorkshopSession = (sessionId: string): SessionRecord => {
    const record = kit.find(sessionId);
    if (record.followUpOf !== undefined) throw new ApiError('invalid_input', 'This is a follow-up pulse itself: use the workshop’s session it follows up.', 'sessionId');
    return record;
  };

  /** The totals the figures merge: the local pulse's (live), then each imported pulse not the same one. */
  const followUpTotals = (record: SessionRecord): PulseTotals[] => {
    if (record.followUpOf !== undefined) return [];
    const local = pulsesOf(record.id).flatMap((pulse) => pulseTotalsOf(pulse) ?? []);
    const localIds = new Set(local.map((totals) => totals.pulseId));
    const imported = (record.importedPulses ?? []).filter((pulse) => !localIds.has(pulse.pulseId)).map(totalsOfImported);
    return [...local, ...imported];
  };

  const status = (record: SessionRecord): FollowUpStatus => {
    const unavailableReason = followUpUnavailable(record);
    const pulse = localPulse(record.id);
    const source = (pulse && followUpSource(pulse)) ?? followUpSource(record);
    const names = new Map(record.dimensions.map((dimension) => [dimension.id, dimension.name]));
    const localTotals = pulse ? pulseTotalsOf(pulse) : null;
    return {
      sessionId: record.id,
      available: unavailableReason === null,
      unavailableReason,
      statements: unavailableReason === null && source ? source.statements.map(({ dimension, statement }) => ({ dimensionId: dimension, dimensionName: names.get(dimension) ?? dimension, statement })) : [],
      min: source?.min ?? 1,
      max: source?.max ?? 5,
      minLabel: source?.minLabel ?? '',
      maxLabel: source?.maxLabel ?? '',
      suggestedOn: addDays(record.endedAt ?? record.startedAt, FOLLOW_UP_DAYS),
      pulse: pulse
        ? {
            sessionId: pulse.id,
            joinCode: pulse.joinCode,
            joinUrls: pulse.status === 'active' ? phones.joinOrigins().map((origin) => `${origin}/p/${pulse.joinCode}`) : [],
            status: pulse.status,
            respondents: localTotals?.respondents ?? 0,
            createdAt: pulse.createdAt,
          }
        : null,
      imported: (record.importedPulses ?? []).map((entry) => ({
        pulseId: entry.pulseId,
        importedAt: entry.importedAt,
        fileName: entry.fileName,
        respondents: entry.respondents,
        firstAnswerOn: entry.firstAnswerOn,
        lastAnswerOn: entry.lastAnswerOn,
        sameAsLocal: pulse?.id === entry.pulseId,
      })),
    };
  };

  const creating = new Map<string, Promise<void>>();
  const makePulse = async (record: SessionRecord): Promise<void> => {
    const unavailable = followUpUnavailable(record);
    const source = followUpSource(record);
    if (unavailable || !source) throw new ApiError('invalid_input', unavailable ?? 'This session has no self-check to follow up.', 'sessionId');
    const now = stamp();
    const slide = pulseSlide(source);
    const pulse: SessionRecord = {
      id: deps.newId('s'),
      workshopId: record.workshopId,
      workshopTitle: record.workshopTitle,
      title: `Follow-up: ${record.title}`.slice(0, 200),
      facilitator: record.facilitator,
      status: 'active',
      joinCode: kit.newJoinCode(),
      slideIndex: 0,
      votingMode: 'phones',
      groups: [],
      slides: [slide],
      dimensions: structuredClone(record.dimensions),
      // Open from the start, with no countdown: phones answer whenever the laptop lets them in, until the pulse is ended.
      questions: recordOf([[slide.question.id, { status: 'open', revealed: false, closesAt: null }]]),
      votes: [],
      handCounts: recordOf([]),
      notes: recordOf([]),
      blackout: false,
      resultsByGroup: false,
      runOfShow: initialRunOfShow(slide, now),
      createdAt: now,
      startedAt: now,
      endedAt: null,
      updatedAt: now,
      phoneLimit: record.phoneLimit,
      phoneAddressCapLifted: false,
      phones: [],
      removedDevices: [],
      followUpOf: record.id,
    };
    await store.addSession(pulse);
    kit.announce('session.created', sessionView(pulse));
  };

  const handlers: FollowUpHandlers = {
    'pulses.get': async ({ sessionId }) => status(kit.find(sessionId)),
    'pulses.create': async ({ sessionId }) => {
      const record = findWorkshopSession(sessionId);
      if (localPulse(sessionId)) return status(record);
      // Two clicks at once make one pulse: the second waits for the first's write.
      const pending = creating.get(sessionId) ?? makePulse(record).finally(() => creating.delete(sessionId));
      creating.set(sessionId, pending);
      await pending;
      return status(record);
    },
    'pulses.export': async ({ sessionId }) => {
      const record = findWorkshopSession(sessionId);
      const pulse = localPulse(sessionId);
      const totals = pulse ? pulseTotalsOf(pulse) : null;
      if (!totals) throw new ApiError('conflict', 'This session has no follow-up pulse on this laptop yet: make one first (Follow-up → Make the pulse).');
      const privacyFloor = store.settings().reportMinGroupSize;
      const file: PulseFile = {
        format: PULSE_FILE_FORMAT,
        version: PULSE_FILE_VERSION,
        followUpOf: record.id,
        sessionTitle: record.title,
        workshopId: record.workshopId,
        exportedAt: stamp(),
        privacyFloor,
        pulse: pulseTotalsForExport(totals, privacyFloor),
      };
      const base = workshopFileName(record.title).replace(/\.plenary\.json$/, '');
      return { filename: `${base}-pulse.json`, text: `${JSON.stringify(file, null, 2)}\n` };
    },
    'pulses.import': async ({ sessionId, text, fileName }) => {
      const record = findWorkshopSession(sessionId);
      const unavailable = followUpUnavailable(record);
      const source = followUpSource(record);
      if (unavailable || !source) throw new ApiError('invalid_input', unavailable ?? 'This session has no self-check to follow up.', 'sessionId');
      const file = parsePulseFile(text);
      if (file.followUpOf !== record.id) throw new ApiError('invalid_input', `This pulse follows up "${file.sessionTitle}", not this session.`);
      checkPulseAgainst(source, file);
      const entry: ImportedPulse = { ...file.pulse, importedAt: stamp(), fileName: fileName ?? '' };
      await store.updateSession(record.id, (r) => {
        // The same pulse again replaces itself (at the end: the list is oldest import first).
        r.importedPulses = [...(r.importedPulses ?? []).filter((other) => other.pulseId !== entry.pulseId), entry];
        r.updatedAt = stamp();
      });
      // The views redraw: the follow-up figures changed.
      kit.announce('session.updated', sessionView(record));
      return status(record);
    },
  };
  return { handlers, followUpTotals, pulsesOf };
}

function totalsOfImported(entry: ImportedPulse): PulseTotals {
  const { importedAt: _importedAt, fileName: _fileName, ...totals } = entry;
  return totals;
}
