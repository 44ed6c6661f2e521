/**
 * Sessions and voting: the state of the room, kept in the core. Every change is
 * on disk before it is acknowledged or announced.
 */
import type { ApiHandlers } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import {
  askedQuestionsOf,
  defaultPhoneLimit,
  OPEN_ANSWERS_PER_VOTER,
  questionOfSlide,
  type AdmittedPhone,
  type AskedQuestion,
  type QuestionState,
  type SessionRecord,
  type SessionSummary,
  type Vote,
} from '../../shared/model';
import { emptyRecord, hasKey, recordOf } from '../../shared/records';
import { currentRound, openAnswerList, summarizeSession as summarizeSessionFigures } from '../../shared/summary';
import { answerTextProblem, tidyAnswer } from '../../shared/openAnswers';
import { answerKeys } from '../../shared/tally';
import { openAnswersOf, removeVoteAt } from '../../shared/voteList';
import { workshopFileName } from '../../shared/workshopFile';
import type { CoreDeps } from '../deps';
import type { EventBus } from '../events';
import type { PhonePresence } from '../phonePresence';
import type { StorePort } from '../store/store';
import type { WorkshopService } from '../workshops/workshopService';
import { buildGroups, defaultGroupNames, makeJoinCode, normaliseJoinCode } from './groups';
import { createTimerHandlers, initialRunOfShow, moveToSlide, stopRunOfShow } from './runOfShow';
import { endedState, type ParticipantProfileKey, type ParticipantFrame, type ParticipantState, type ParticipantVote } from '../../shared/participant';
import { sessionArchive, sessionCsv } from './exports';
import { PhoneGate } from './phoneAdmission';
import { heldBackByWordList, participantProfileKey, participantState, questionView, sessionView } from './sessionView';
import { resultsOf } from './results';
import { startNextRound } from './rounds';
import { figuresToKeep, selfCheckFigures, selfCheckItemIndex, selfCheckSlidesOf } from '../../shared/selfCheck';
import { selfCheckQuestionView } from './selfCheckView';
import { checkCommitment, commitmentsQuestionView, commitmentsSlideOf, type CommitmentsSlide } from './commitmentsView';
import type { SelfCheckQuestion } from '../../shared/model';
import { createFollowUpHandlers } from './followUp';

type SessionHandlers = Pick<
  ApiHandlers,
  | 'sessions.create'
  | 'sessions.get'
  | 'sessions.list'
  | 'sessions.goTo'
  | 'sessions.end'
  | 'sessions.setNote'
  | 'sessions.setBlackout'
  | 'sessions.setResultsView'
  | 'sessions.rename'
  | 'sessions.phones'
  | 'sessions.delete'
  | 'sessions.setPhoneLimit'
  | 'sessions.setAddressCap'
  | 'sessions.admittedPhones'
  | 'sessions.removePhone'
  | 'voting.open'
  | 'voting.close'
  | 'voting.reveal'
  | 'voting.cast'
  | 'voting.castSelfCheck'
  | 'voting.undo'
  | 'voting.reopen'
  | 'voting.setCount'
  | 'voting.answers'
  | 'voting.setAnswerHidden'
  | 'voting.releaseAnswer'
  | 'results.get'
  | 'reports.get'
  | 'reports.csv'
  | 'sessions.exportJson'
  | 'timer.start'
  | 'timer.pause'
  | 'timer.extend'
  | 'timer.reset'
  | 'pulses.get'
  | 'pulses.create'
  | 'pulses.export'
  | 'pulses.import'
>;

/** A phone's vote, as the participant protocol carries it (already schema-checked). */
export type DeviceVote = ParticipantVote;

/** A rehearsal untouched this long is removed when the core starts. */
export const STALE_REHEARSAL_MS = 24 * 60 * 60 * 1000;

/** How often, at most, a question's vote progress is announced during a burst. */
export const VOTE_EVENT_MS = 100;

export interface SessionService {
  handlers: SessionHandlers;
  /** The participant state for a join code; not_found when no running session has it. */
  participantState(code: string): ParticipantState;
  /** What phones need to work out their own profile (revealed scenarios only); not_found like participantState. */
  profileKey(code: string): ParticipantProfileKey;
  /** The session id behind a join code (running sessions only). */
  sessionIdForCode(code: string): string;
  /** What a session's phones should see now: its state, or the last frame once it ended or is gone. */
  phoneFrame(sessionId: string): ParticipantFrame;
  /** Whether a running session has this join code. */
  isJoinCode(code: string): boolean;
  /**
   * A phone's vote; resolves once on disk. `address` is where it came from (for
   * admission); `allow` runs once every check has passed, just before the write,
   * and may throw (the host's per-device rate limit): a refused vote spends nothing.
   */
  castFromDevice(code: string, vote: DeviceVote, from?: { address?: string; allow?: () => void }): Promise<void>;
  /** Stops the countdown timers (on shutdown). */
  dispose(): void;
}

export function summarizeSession(record: SessionRecord): SessionSummary {
  const { totals, participants, answerQuestions } = summarizeSessionFigures(record);
  return {
    id: record.id,
    title: record.title,
    status: record.status,
    workshopId: record.workshopId,
    workshopTitle: record.workshopTitle,
    facilitator: record.facilitator,
    createdAt: record.createdAt,
    endedAt: record.endedAt,
    groupCount: record.groups.length,
    // Every answer: the scenarios' votes, and the open questions' and ratings' answers.
    voteCount: totals.votes + answerQuestions.reduce((sum, figures) => sum + figures.votes, 0),
    votedOn: totals.votedOn,
    revealed: totals.revealed,
    scenarioCount: totals.scenarios,
    participants: participants.count,
    followUpOf: record.followUpOf ?? null,
    canFollowUp: record.followUpOf === undefined && record.slides.some((slide) => slide.kind === 'selfCheck'),
  };
}

/** A question's state in a session; never one inherited from Object.prototype (a question id may be `constructor`). */
export function questionStateOf(record: SessionRecord, questionId: string): QuestionState | undefined {
  return hasKey(record.questions, questionId) ? record.questions[questionId] : undefined;
}

export function createSessionService(store: StorePort, deps: CoreDeps, events: EventBus, workshops: WorkshopService, phones: PhonePresence): SessionService {
  const countdowns = new Map<string, ReturnType<typeof setTimeout>>();
  const stamp = () => deps.now().toISOString();
  const gate = new PhoneGate(events, deps.now, (id) => store.session(id));

  const find = (sessionId: string): SessionRecord => {
    const record = store.session(sessionId);
    if (!record) throw new ApiError('not_found', `There is no session ${sessionId}.`);
    return record;
  };
  const findActive = (sessionId: string): SessionRecord => {
    const record = find(sessionId);
    if (record.status === 'ended') throw new ApiError('conflict', 'This session has ended; start a new one to vote again.');
    return record;
  };
  // A session's slides never change, so its questions are indexed once (every vote looks one up).
  const questionIndex = new WeakMap<SessionRecord['slides'], Map<string, AskedQuestion>>();
  const findQuestion = (record: SessionRecord, questionId: string): AskedQuestion => {
    let byId = questionIndex.get(record.slides);
    if (!byId) {
      byId = new Map(askedQuestionsOf(record.slides).map((q) => [q.id, q]));
      questionIndex.set(record.slides, byId);
    }
    const question = byId.get(questionId);
    if (!question) throw new ApiError('not_found', `There is no question ${questionId} in this session.`);
    return question;
  };
  /** The self-check with this id, if the session has one. */
  const findSelfCheck = (record: SessionRecord, questionId: string): SelfCheckQuestion | undefined =>
    selfCheckSlidesOf(record.slides).find(({ slide }) => slide.question.id === questionId)?.slide.question;
  /** A question whose voting the facilitator runs (open, close, reveal, undo): a scenario's or a self-check's. */
  const findRunQuestion = (record: SessionRecord, questionId: string): void => {
    if (!findSelfCheck(record, questionId) && !commitmentsSlideOf(record, questionId)) findQuestion(record, questionId);
  };
  /** Keeps a commitment (checked), from a group or a phone, and tells the presenter how many there are. */
  const castCommitment = async (record: SessionRecord, slide: CommitmentsSlide, vote: Omit<Vote, 'optionId' | 'text' | 'dimensionId' | 'at'>, given: { text?: string | undefined; dimensionId?: string | undefined }, phoneCheck?: () => AdmittedPhone | null) => {
    const question = slide.question;
    const text = checkCommitment(record, question, vote, given.text, given.dimensionId);
    if (questionStateOf(record, question.id)?.status !== 'open') throw new ApiError('conflict', 'Commitments are not being taken now.');
    const phone = phoneCheck?.() ?? null;
    const round = questionStateOf(record, question.id)?.round;
    // The answer's id is random: nothing of the device (or the moment) can be read from it.
    const written = store.castVote(record.id, { ...vote, optionId: deps.newId('a'), text, dimensionId: given.dimensionId!, ...(round && round > 1 ? { round } : {}), at: stamp() }, phone ?? undefined);
    if (phone) gate.admitted(record, phone);
    await written;
    throttledProgress(record, question.id, () => events.emit('vote.cast', { sessionId: record.id, questionId: question.id, question: commitmentsQuestionView(record, question) }));
  };
  /** Applies a change durably, then returns the fresh view. */
  const update = async (record: SessionRecord, change: (record: SessionRecord) => void) => {
    await store.updateSession(record.id, (r) => {
      change(r);
      r.updatedAt = stamp();
    });
    return sessionView(record);
  };
  const announce = (
    name: 'session.created' | 'slide.changed' | 'voting.opened' | 'voting.closed' | 'voting.revealed' | 'vote.undone' | 'session.updated' | 'session.ended',
    session: ReturnType<typeof sessionView>,
  ) => {
    events.emit(name, { sessionId: session.id, session });
    return session;
  };
  const announceQuestion = (name: 'vote.cast' | 'count.set', record: SessionRecord, question: AskedQuestion) => {
    events.emit(name, { sessionId: record.id, questionId: question.id, question: questionView(record, question) });
  };
  /**
   * Vote progress goes out at once, then at most every VOTE_EVENT_MS per question:
   * under a burst of a thousand phones the presenter gets a few dozen updates, each
   * with the latest count, instead of a thousand that each tally every vote again.
   */
  const voteAnnouncements = new Map<string, { timer: ReturnType<typeof setTimeout>; pending: boolean }>();
  const announceVote = (record: SessionRecord, question: AskedQuestion) => throttledProgress(record, question.id, () => announceQuestion('vote.cast', record, question));
  const throttledProgress = (record: SessionRecord, questionId: string, send: () => void) => {
    const key = `${record.id}/${questionId}`;
    const throttle = voteAnnouncements.get(key);
    if (throttle) {
      throttle.pending = true;
      return;
    }
    send();
    const state = { pending: false, timer: setTimeout(function flush() {
      if (!state.pending) {
        voteAnnouncements.delete(key);
        return;
      }
      state.pending = false;
      if (store.session(record.id)) send();
      state.timer = setTimeout(flush, VOTE_EVENT_MS);
      state.timer.unref?.();
    }, VOTE_EVENT_MS) };
    state.timer.unref?.();
    voteAnnouncements.set(key, state);
  };
  /** A self-check's progress: how many answered, never what. */
  const announceSelfCheck = (record: SessionRecord, selfCheck: SelfCheckQuestion) => {
    events.emit('vote.cast', { sessionId: record.id, questionId: selfCheck.id, question: selfCheckQuestionView(record, selfCheck) });
  };
  /** The same, at most every VOTE_EVENT_MS under a burst of phones (twelve answers each). */
  const announceSelfCheckThrottled = (record: SessionRecord, selfCheck: SelfCheckQuestion) => throttledProgress(record, selfCheck.id, () => announceSelfCheck(record, selfCheck));
  /** Join code → session id; checked on every use, rebuilt on a miss (a new, ended or deleted session). */
  let codeIndex = new Map<string, string>();
  const activeByCode = (code: string): SessionRecord => {
    const wanted = normaliseJoinCode(code);
    const lookUp = () => {
      const id = codeIndex.get(wanted);
      const record = id === undefined ? undefined : store.session(id);
      return record && record.status === 'active' && record.joinCode === wanted ? record : undefined;
    };
    let record = lookUp();
    if (!record) {
      codeIndex = new Map(store.sessions().filter((s) => s.status === 'active').map((s) => [s.joinCode, s.id]));
      record = lookUp();
    }
    if (!record) throw new ApiError('not_found', 'No running session has that code. Check the code on the screen.');
    return record;
  };
  const newJoinCode = (): string => {
    const taken = new Set(store.sessions().filter((s) => s.status === 'active').map((s) => s.joinCode));
    for (;;) {
      const code = makeJoinCode(deps.randomInt);
      if (!taken.has(code)) return code;
    }
  };

  const followUp = createFollowUpHandlers({ store, deps, phones, find, newJoinCode, announce });
  /** The privacy floor and the follow-up pulses' totals: what every self-check figure of a session is made with. */
  const figureOptions = (record: SessionRecord) => ({ privacyFloor: store.settings().reportMinGroupSize, followUp: followUp.followUpTotals(record) });

  const scheduleCountdown = (sessionId: string, questionId: string, closesAt: string) => {
    const key = `${sessionId}/${questionId}`;
    clearTimeout(countdowns.get(key));
    const delay = Math.max(0, new Date(closesAt).getTime() - deps.now().getTime());
    const timer = setTimeout(() => {
      countdowns.delete(key);
      const record = store.session(sessionId);
      const state = record ? questionStateOf(record, questionId) : undefined;
      if (!record || record.status === 'ended' || state?.status !== 'open' || state.closesAt !== closesAt) return;
      void closeQuestion(record, questionId).catch((error: unknown) => console.error('Plenary: the countdown could not close voting', error));
    }, delay);
    timer.unref?.();
    countdowns.set(key, timer);
  };
  const clearCountdown = (sessionId: string, questionId: string) => {
    const key = `${sessionId}/${questionId}`;
    clearTimeout(countdowns.get(key));
    countdowns.delete(key);
  };
  const closeQuestion = async (record: SessionRecord, questionId: string) => {
    clearCountdown(record.id, questionId);
    const view = await update(record, (r) => {
      const state = questionStateOf(r, questionId);
      if (state) Object.assign(state, { status: 'closed', closesAt: null });
    });
    return announce('voting.closed', view);
  };
  const castVote = async (record: SessionRecord, question: AskedQuestion, vote: Vote, phone?: AdmittedPhone) => {
    // The store adds it to the list (replacing this voter's earlier vote) and logs it;
    // its memory changes at once, before the write (rolled back if the write fails).
    const written = store.castVote(record.id, vote, phone);
    if (phone) gate.admitted(record, phone);
    await written;
    announceVote(record, question);
  };
  /**
   * What an answer is, by the question's type (PROTOCOL.md "Question types on
   * phones"): the vote's key and, for an open answer, its words. Exactly one of
   * `optionId`, `text` or `value`, the one the type takes; anything else is
   * invalid_input (400), an unknown option `unknownOption` (the group's command
   * has always answered not_found for it, the phone 400).
   */
  const readAnswer = (question: AskedQuestion, given: { optionId?: string | undefined; text?: string | undefined; value?: number | undefined }, unknownOption: 'not_found' | 'invalid_input') => {
    const fields = (['optionId', 'text', 'value'] as const).filter((field) => given[field] !== undefined);
    const wanted = question.type === 'choice' ? 'optionId' : question.type === 'text' ? 'text' : 'value';
    const what = question.type === 'choice' ? 'an option (optionId)' : question.type === 'text' ? 'an answer (text)' : 'a value (value)';
    const stray = fields.find((field) => field !== wanted);
    if (stray !== undefined) throw new ApiError('invalid_input', `This question takes ${what} only, not ${stray}.`, stray);
    if (fields.length === 0) throw new ApiError('invalid_input', `This question takes ${what}.`, wanted);
    if (question.type === 'choice') {
      if (!question.options.some((o) => o.id === given.optionId)) {
        throw new ApiError(unknownOption, unknownOption === 'not_found' ? `There is no option ${given.optionId} in this question.` : 'That is not one of the options.', 'optionId');
      }
      return { optionId: given.optionId! };
    }
    if (question.type === 'text') {
      const text = tidyAnswer(given.text!);
      const problem = answerTextProblem(text);
      if (problem) throw new ApiError('invalid_input', problem, 'text');
      return { optionId: deps.newId('a'), text };
    }
    const value = given.value!;
    if (!Number.isInteger(value) || value < question.min || value > question.max) {
      throw new ApiError('invalid_input', `The value must be a whole number from ${question.min} to ${question.max}.`, 'value');
    }
    return { optionId: String(value) };
  };
  /** A voter's fourth open answer to a question is refused (409): three are kept, each. */
  const checkAnswerRoom = (record: SessionRecord, vote: Pick<Vote, 'questionId' | 'round' | 'voterKind' | 'voterId' | 'text'>) => {
    if (vote.text === undefined) return;
    if (openAnswersOf(record.votes, vote) >= OPEN_ANSWERS_PER_VOTER) {
      throw new ApiError('conflict', `Each ${vote.voterKind === 'group' ? 'group' : 'phone'} gives at most ${OPEN_ANSWERS_PER_VOTER} answers to this question.`);
    }
  };
  /** The round a new vote belongs to: absent for the first, so a session without rounds is written as before. */
  const roundField = (record: SessionRecord, questionId: string) => {
    const round = currentRound(record, questionId);
    return round > 1 ? { round } : {};
  };
  /** An open question's answer, anywhere in its rounds; not_found when there is none. */
  const findAnswer = (record: SessionRecord, questionId: string, answerId: string) => {
    const question = findQuestion(record, questionId);
    if (question.type !== 'text') throw new ApiError('invalid_input', 'Only an open question has answers to hide.', 'questionId');
    const vote = record.votes.find((v) => v.questionId === questionId && v.text !== undefined && v.optionId === answerId);
    if (!vote) throw new ApiError('not_found', `There is no answer ${answerId} to this question.`);
    return { question, vote };
  };
  /** Adds or removes an answer id in one of a question's lists (hidden, released). */
  const toggleAnswer = (r: SessionRecord, questionId: string, list: 'hiddenAnswers' | 'releasedAnswers', answerId: string, on: boolean) => {
    const state = questionStateOf(r, questionId) ?? (r.questions[questionId] = { status: 'idle', revealed: false, closesAt: null });
    const ids = (state[list] ?? []).filter((id) => id !== answerId);
    if (on) ids.push(answerId);
    if (ids.length > 0) state[list] = ids;
    else delete state[list];
  };

  /** The admission figures and each admitted phone's vote count. */
  const admissionList = (record: SessionRecord) => {
    const votes = new Map<string, number>();
    for (const vote of record.votes) if (vote.voterKind === 'device') votes.set(vote.voterId, (votes.get(vote.voterId) ?? 0) + 1);
    return { ...gate.status(record), phones: record.phones.map((phone) => ({ ...phone, votes: votes.get(phone.deviceId) ?? 0 })) };
  };

  // A rehearsal left running (its tab closed) is not kept for ever out of sight: a day after its last change it goes.
  for (const record of store.sessions()) {
    if (!record.rehearsal || deps.now().getTime() - new Date(record.updatedAt).getTime() < STALE_REHEARSAL_MS) continue;
    void store.deleteSession(record.id).catch((error: unknown) => console.error('Plenary: an old rehearsal could not be removed', error));
  }
  // A restart resumes the countdowns where they stood (or closes those that ran out).
  for (const record of store.sessions()) {
    if (record.status !== 'active' || (record.rehearsal && deps.now().getTime() - new Date(record.updatedAt).getTime() >= STALE_REHEARSAL_MS)) continue;
    for (const [questionId, state] of Object.entries(record.questions)) {
      if (state.status === 'open' && state.closesAt) scheduleCountdown(record.id, questionId, state.closesAt);
    }
  }

  const handlers: SessionHandlers = {
    'sessions.create': async (input) => {
      const workshop = workshops.find(input.workshopId);
      const content = structuredClone(workshop.content);
      const votingMode = input.votingMode ?? 'groups';
      const groupSetup = input.groups ?? (votingMode === 'phones' ? [] : defaultGroupNames(store.settings().defaultGroupCount));
      const groups = buildGroups(groupSetup);
      if (new Set(groups.map((g) => g.id)).size !== groups.length) throw new ApiError('invalid_input', 'Two groups have the same id.', 'groups');
      if (votingMode === 'groups' && groups.length === 0) {
        throw new ApiError('invalid_input', 'Voting by groups needs at least one group.', 'groups');
      }
      const now = stamp();
      const date = now.slice(0, 10);
      const record: SessionRecord = {
        id: deps.newId('s'),
        workshopId: workshop.id,
        workshopTitle: content.title,
        title: input.title || `${content.title} · ${date}`,
        facilitator: input.facilitator ?? '',
        status: 'active',
        joinCode: newJoinCode(),
        slideIndex: 0,
        votingMode,
        groups,
        slides: content.slides,
        dimensions: content.dimensions,
        // Prototype-free records: question and slide ids are a file's to choose.
        questions: recordOf(
          [...askedQuestionsOf(content.slides).map((q) => q.id), ...selfCheckSlidesOf(content.slides).map(({ slide }) => slide.question.id)].map(
            (id) => [id, { status: 'idle', revealed: false, closesAt: null }] as const,
          ),
        ),
        votes: [],
        handCounts: emptyRecord(),
        notes: emptyRecord(),
        blackout: false,
        resultsByGroup: false,
        runOfShow: initialRunOfShow(content.slides[0], now),
        ...(input.rehearsal ? { rehearsal: true } : {}),
        createdAt: now,
        startedAt: now,
        endedAt: null,
        updatedAt: now,
        phoneLimit: input.phoneLimit ?? defaultPhoneLimit(groups),
        phoneAddressCapLifted: false,
        phones: [],
        removedDevices: [],
      };
      await store.addSession(record);
      return announce('session.created', sessionView(record));
    },
    'sessions.get': async ({ sessionId }) => sessionView(find(sessionId)),
    'sessions.list': async () =>
      store
        .sessions()
        // A rehearsal stays out of History and the sessions in progress.
        .filter((record) => !record.rehearsal)
        .map(summarizeSession)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    'sessions.goTo': async ({ sessionId, slideIndex }) => {
      const record = findActive(sessionId);
      if (slideIndex >= record.slides.length) {
        throw new ApiError('invalid_input', `slideIndex: this session has ${record.slides.length} slides (0 to ${record.slides.length - 1}).`, 'slideIndex');
      }
      return announce('slide.changed', await update(record, (r) => moveToSlide(r, slideIndex, stamp())));
    },
    'sessions.end': async ({ sessionId }) => {
      const record = findActive(sessionId);
      for (const questionId of Object.keys(record.questions)) clearCountdown(sessionId, questionId);
      const view = await update(record, (r) => {
        r.status = 'ended';
        r.endedAt = stamp();
        stopRunOfShow(r, r.endedAt);
        r.blackout = false;
        for (const state of Object.values(r.questions)) if (state.status === 'open') Object.assign(state, { status: 'closed', closesAt: null });
      });
      announce('session.ended', view);
      // A rehearsal leaves nothing behind: its views hear that it ended, then it goes.
      if (record.rehearsal) {
        await store.deleteSession(sessionId);
        events.emit('session.deleted', { sessionId });
      }
      return view;
    },
    'sessions.setNote': async ({ sessionId, slideId, text }) => {
      const record = find(sessionId);
      if (!record.slides.some((slide) => slide.id === slideId)) throw new ApiError('not_found', `There is no slide ${slideId} in this session.`);
      return announce('session.updated', await update(record, (r) => void (r.notes[slideId] = text)));
    },
    'sessions.setBlackout': async ({ sessionId, blackout }) => {
      const record = findActive(sessionId);
      return announce('session.updated', await update(record, (r) => void (r.blackout = blackout)));
    },
    'sessions.setResultsView': async ({ sessionId, byGroup }) => {
      const record = find(sessionId);
      return announce('session.updated', await update(record, (r) => void (r.resultsByGroup = byGroup)));
    },
    'sessions.rename': async ({ sessionId, title }) => {
      const record = find(sessionId);
      return announce('session.updated', await update(record, (r) => void (r.title = title)));
    },
    'sessions.phones': async ({ sessionId }) => {
      const record = find(sessionId);
      const slide = record.slides[record.slideIndex];
      const questionId = questionOfSlide(slide)?.id ?? null;
      // Phones, not answers: a phone's three open answers count once.
      const round = questionId ? currentRound(record, questionId) : 1;
      const voted = questionId
        ? new Set(record.votes.filter((v) => v.questionId === questionId && v.voterKind === 'device' && (v.round ?? 1) === round).map((v) => v.voterId)).size
        : slide?.kind === 'selfCheck'
          ? selfCheckQuestionView(record, slide.question).phoneVotes
          : 0;
      const joinUrls = record.status === 'active' ? phones.joinOrigins().map((origin) => `${origin}/p/${record.joinCode}`) : [];
      return { joinUrls, connected: phones.connected(sessionId), voted, admission: gate.status(record) };
    },
    'sessions.setPhoneLimit': async ({ sessionId, phoneLimit }) => {
      const record = findActive(sessionId);
      const view = await update(record, (r) => void (r.phoneLimit = phoneLimit));
      gate.announce(sessionId);
      return announce('session.updated', view);
    },
    'sessions.setAddressCap': async ({ sessionId, lifted }) => {
      const record = findActive(sessionId);
      const view = await update(record, (r) => void (r.phoneAddressCapLifted = lifted));
      gate.announce(sessionId);
      return announce('session.updated', view);
    },
    'sessions.admittedPhones': async ({ sessionId }) => admissionList(find(sessionId)),
    'sessions.removePhone': async ({ sessionId, deviceId }) => {
      const record = find(sessionId);
      if (!record.phones.some((phone) => phone.deviceId === deviceId)) throw new ApiError('not_found', 'That phone is not in this session.');
      const view = await update(record, (r) => {
        // New arrays, not edits in place: the vote and phone indexes are keyed by the arrays.
        r.phones = r.phones.filter((phone) => phone.deviceId !== deviceId);
        r.votes = r.votes.filter((vote) => !(vote.voterKind === 'device' && vote.voterId === deviceId));
        r.removedDevices = [...r.removedDevices, deviceId];
      });
      gate.announce(sessionId);
      announce('session.updated', view);
      return admissionList(record);
    },
    /** Deleting a workshop's session deletes its follow-up pulse on this laptop too (each announced as deleted): the UI warns. */
    'sessions.delete': async ({ sessionId }) => {
      const record = find(sessionId);
      // Its pulses first: should a write fail half-way, deleting again finishes the job, and no pulse is left following nothing.
      for (const doomed of [...followUp.pulsesOf(sessionId), record]) {
        for (const questionId of Object.keys(doomed.questions)) clearCountdown(doomed.id, questionId);
        await store.deleteSession(doomed.id);
        gate.forget(doomed.id);
        events.emit('session.deleted', { sessionId: doomed.id });
      }
      return { ok: true };
    },

    'voting.open': async ({ sessionId, questionId, seconds }) => {
      const record = findActive(sessionId);
      findRunQuestion(record, questionId);
      const closesAt = seconds ? new Date(deps.now().getTime() + seconds * 1000).toISOString() : null;
      const view = await update(record, (r) => {
        // One question is open at a time: the room answers one thing at once.
        for (const [id, state] of Object.entries(r.questions)) {
          if (id !== questionId && state.status === 'open') Object.assign(state, { status: 'closed', closesAt: null });
        }
        const state = questionStateOf(r, questionId);
        // A new round after a reveal is hidden again: a result that moves would mislead the room.
        if (state) Object.assign(state, { status: 'open', closesAt, revealed: false });
        else r.questions[questionId] = { status: 'open', revealed: false, closesAt };
      });
      for (const id of Object.keys(record.questions)) if (id !== questionId) clearCountdown(sessionId, id);
      if (closesAt) scheduleCountdown(sessionId, questionId, closesAt);
      else clearCountdown(sessionId, questionId);
      return announce('voting.opened', view);
    },
    'voting.close': async ({ sessionId, questionId }) => {
      const record = findActive(sessionId);
      findRunQuestion(record, questionId);
      if (questionStateOf(record, questionId)?.status !== 'open') throw new ApiError('conflict', 'Voting on this question is not open.');
      return closeQuestion(record, questionId);
    },
    'voting.reveal': async ({ sessionId, questionId }) => {
      const record = find(sessionId);
      findRunQuestion(record, questionId);
      clearCountdown(sessionId, questionId);
      const selfCheck = findSelfCheck(record, questionId);
      const view = await update(record, (r) => {
        const state = questionStateOf(r, questionId) ?? { status: 'idle', revealed: false, closesAt: null };
        // A self-check's figures, once shown, move only on enough new ratings (src/shared/selfCheck.ts "Differencing").
        const kept = selfCheck ? { shownFigures: figuresToKeep(r, selfCheck, store.settings().reportMinGroupSize) } : {};
        // Revealing ends the vote: a result that can still move would mislead the room.
        r.questions[questionId] = { ...state, status: state.status === 'open' ? 'closed' : state.status, closesAt: null, revealed: true, ...kept };
      });
      return announce('voting.revealed', view);
    },
    'voting.cast': async ({ sessionId, questionId, voterId, optionId, text, value, dimensionId }) => {
      const commitments = commitmentsSlideOf(find(sessionId), questionId);
      if (commitments) {
        const record = find(sessionId);
        const group = record.groups.find((g) => g.id === voterId);
        if (!group) throw new ApiError('not_found', `There is no group ${voterId} in this session.`);
        if (record.status === 'ended') throw new ApiError('conflict', 'This session has ended.');
        await castCommitment(record, commitments, { questionId, voterId, voterKind: 'group', groupId: group.id }, { text, dimensionId });
        return { ok: true };
      }
      const record = find(sessionId);
      const question = findQuestion(record, questionId);
      const group = record.groups.find((g) => g.id === voterId);
      if (!group) throw new ApiError('not_found', `There is no group ${voterId} in this session.`);
      const answer = readAnswer(question, { optionId, text, value }, 'not_found');
      if (record.status === 'ended') throw new ApiError('conflict', 'This session has ended.');
      if (questionStateOf(record, questionId)?.status !== 'open') throw new ApiError('conflict', 'Voting on this question is not open.');
      const vote: Vote = { questionId, voterId, voterKind: 'group', groupId: group.id, ...answer, ...roundField(record, questionId), at: stamp() };
      checkAnswerRoom(record, vote);
      await castVote(record, question, vote);
      return { ok: true };
    },
    'voting.castSelfCheck': async ({ sessionId, selfCheckId, voterId, ratings }) => {
      const record = find(sessionId);
      const selfCheck = findSelfCheck(record, selfCheckId);
      if (!selfCheck) throw new ApiError('not_found', `There is no self-check ${selfCheckId} in this session.`);
      const group = record.groups.find((g) => g.id === voterId);
      if (!group) throw new ApiError('not_found', `There is no group ${voterId} in this session.`);
      const items = selfCheckItemIndex(record.slides);
      ratings.forEach(({ itemId, value }, index) => {
        if (items.get(itemId)?.question.id !== selfCheckId) throw new ApiError('not_found', `There is no statement ${itemId} in this self-check.`, `ratings.${index}.itemId`);
        if (value < selfCheck.min || value > selfCheck.max) throw new ApiError('invalid_input', `A rating is from ${selfCheck.min} to ${selfCheck.max}.`, `ratings.${index}.value`);
      });
      if (record.status === 'ended') throw new ApiError('conflict', 'This session has ended.');
      if (questionStateOf(record, selfCheckId)?.status !== 'open') throw new ApiError('conflict', 'The self-check is not open.');
      const at = stamp();
      // Cast in one turn, they join one write.
      await Promise.all(ratings.map(({ itemId, value }) => store.castVote(record.id, { questionId: itemId, voterId, voterKind: 'group', groupId: group.id, optionId: String(value), at })));
      announceSelfCheck(record, selfCheck);
      return { ok: true };
    },
    'voting.undo': async ({ sessionId, questionId }) => {
      const record = findActive(sessionId);
      findRunQuestion(record, questionId);
      if (questionStateOf(record, questionId)?.status !== 'open') throw new ApiError('conflict', 'Votes can be undone only while voting is open.');
      const round = currentRound(record, questionId);
      // A self-check's answers are kept under its statements' ids: undo takes back the latest of them.
      // Otherwise the round's last answer: an earlier round's votes are its record, not something to take back.
      const items = selfCheckItemIndex(record.slides);
      const belongs = findSelfCheck(record, questionId)
        ? (v: Vote) => items.get(v.questionId)?.question.id === questionId
        : (v: Vote) => v.questionId === questionId && (v.round ?? 1) === round;
      const last = record.votes.findLastIndex(belongs);
      if (last < 0) throw new ApiError('conflict', 'There is no vote to undo.');
      return announce('vote.undone', await update(record, (r) => removeVoteAt(r.votes, last)));
    },
    'voting.reopen': async ({ sessionId, questionId, seconds }) => {
      const record = findActive(sessionId);
      findQuestion(record, questionId);
      if (questionStateOf(record, questionId)?.revealed !== true) throw new ApiError('conflict', 'Only a revealed question can be voted on again: reveal its results first.');
      const closesAt = seconds ? new Date(deps.now().getTime() + seconds * 1000).toISOString() : null;
      const view = await update(record, (r) => {
        // One question is open at a time, as voting.open does.
        for (const [id, state] of Object.entries(r.questions)) {
          if (id !== questionId && state.status === 'open') Object.assign(state, { status: 'closed', closesAt: null });
        }
        startNextRound(r, questionId, closesAt);
      });
      for (const id of Object.keys(record.questions)) if (id !== questionId) clearCountdown(sessionId, id);
      if (closesAt) scheduleCountdown(sessionId, questionId, closesAt);
      else clearCountdown(sessionId, questionId);
      return announce('voting.opened', view);
    },
    'voting.setCount': async ({ sessionId, questionId, optionId, count }) => {
      const record = findActive(sessionId);
      const question = findQuestion(record, questionId);
      if (question.type === 'text') throw new ApiError('invalid_input', 'An open question takes answers, not a hand count.', 'questionId');
      if (!answerKeys(question).includes(optionId)) {
        throw new ApiError('not_found', question.type === 'scale' ? `${optionId} is not a value of this scale (${question.min} to ${question.max}).` : `There is no option ${optionId} in this question.`);
      }
      await store.updateSession(sessionId, (r) => {
        const counts = hasKey(r.handCounts, questionId) ? r.handCounts[questionId]! : (r.handCounts[questionId] = emptyRecord());
        counts[optionId] = count;
        r.updatedAt = stamp();
      });
      announceQuestion('count.set', record, question);
      return { ok: true };
    },
    'voting.answers': async ({ sessionId, questionId }) => {
      const record = find(sessionId);
      const question = findQuestion(record, questionId);
      if (question.type !== 'text') throw new ApiError('invalid_input', 'Only an open question has answers to list.', 'questionId');
      const votes = record.votes.filter((v) => v.questionId === questionId);
      const answers = openAnswerList(question, votes, questionStateOf(record, questionId), heldBackByWordList);
      if (!commitmentsSlideOf(record, questionId)) return { questionId, answers };
      // Commitments: sorted by their words, with no time and no phone's group, so none can be matched to a phone's arrival.
      const anonymous = answers.map((answer) => ({ ...answer, at: '', groupId: answer.source === 'group' ? answer.groupId : null }));
      return { questionId, answers: anonymous.sort((a, b) => a.text.localeCompare(b.text, 'en')) };
    },
    'voting.setAnswerHidden': async ({ sessionId, questionId, answerId, hidden }) => {
      const record = find(sessionId);
      findAnswer(record, questionId, answerId);
      // session.updated: the views redraw the cloud, and the phones get a new state.
      return announce('session.updated', await update(record, (r) => toggleAnswer(r, questionId, 'hiddenAnswers', answerId, hidden)));
    },
    'voting.releaseAnswer': async ({ sessionId, questionId, answerId, released }) => {
      const record = find(sessionId);
      findAnswer(record, questionId, answerId);
      return announce('session.updated', await update(record, (r) => toggleAnswer(r, questionId, 'releasedAnswers', answerId, released !== false)));
    },
    'results.get': async ({ sessionId }) => {
      const record = find(sessionId);
      // The self-check's means are people's own ratings in aggregate: the privacy floor applies here too.
      return { ...resultsOf(record, heldBackByWordList), selfCheck: selfCheckFigures(record, figureOptions(record)) };
    },
    'reports.get': async ({ sessionId, includeUnrevealed }) => {
      const record = find(sessionId);
      return summarizeSessionFigures(record, { includeUnrevealed, heldBack: heldBackByWordList, ...figureOptions(record) });
    },
    'reports.csv': async ({ sessionId, includeUnrevealed }) => {
      const record = find(sessionId);
      const base = workshopFileName(record.title).replace(/\.plenary\.json$/, '');
      const filename = includeUnrevealed ? `${base}-votes-including-unrevealed.csv` : `${base}-votes.csv`;
      return { filename, csv: sessionCsv(record, { includeUnrevealed, ...figureOptions(record) }) };
    },
    /**
     * The session as kept, wrapped with a format name and version so a later reader
     * knows what it holds, and its summary. Choices on questions the facilitator
     * did not reveal are left out unless asked for; `withheld` says what was left out.
     */
    'sessions.exportJson': async ({ sessionId, includeUnrevealed }) => {
      const record = find(sessionId);
      const base = workshopFileName(record.title).replace(/\.plenary\.json$/, '');
      const json = JSON.stringify(sessionArchive(record, stamp(), { includeUnrevealed, ...figureOptions(record) }), null, 2);
      const filename = includeUnrevealed ? `${base}-session-including-unrevealed.json` : `${base}-session.json`;
      return { filename, json: `${json}\n` };
    },
    ...createTimerHandlers({ findActive, update, announce: (session) => announce('session.updated', session), stamp }),
    ...followUp.handlers,
  };

  return {
    handlers,
    participantState: (code) => participantState(activeByCode(code), store.settings().reportMinGroupSize),
    profileKey: (code) => participantProfileKey(activeByCode(code), store.settings().reportMinGroupSize),
    sessionIdForCode: (code) => activeByCode(code).id,
    phoneFrame: (sessionId) => {
      const record = store.session(sessionId);
      return record && record.status !== 'ended' ? participantState(record, store.settings().reportMinGroupSize) : endedState(record?.title ?? '');
    },
    isJoinCode: (code) => {
      try {
        activeByCode(code);
        return true;
      } catch {
        return false;
      }
    },
    castFromDevice: async (code, { deviceId, questionId, optionId, text, value, dimensionId, groupId }, from = {}) => {
      const record = activeByCode(code);
      const current = record.slides[record.slideIndex];
      if (current?.kind === 'commitments') {
        if (current.question.id !== questionId) throw new ApiError('conflict', 'That question is not on the screen now.');
        if (groupId !== undefined && !record.groups.some((g) => g.id === groupId)) throw new ApiError('invalid_input', 'That group is not in this session.', 'groupId');
        await castCommitment(record, current, { questionId, voterId: deviceId, voterKind: 'device', groupId: groupId ?? null }, { text, dimensionId }, () => {
          const phone = gate.check(record, deviceId, from.address ?? '');
          from.allow?.();
          return phone;
        });
        return;
      }
      if (current?.kind === 'selfCheck') {
        // A self-check's statement: the ordinary scale body under the statement's own id.
        const selfCheck = current.question;
        if (selfCheckItemIndex(record.slides).get(questionId)?.question.id !== selfCheck.id) throw new ApiError('conflict', 'That question is not on the screen now.');
        if (value === undefined || !Number.isInteger(value) || value < selfCheck.min || value > selfCheck.max) {
          throw new ApiError('invalid_input', `A rating is a whole number from ${selfCheck.min} to ${selfCheck.max}.`, 'value');
        }
        if (groupId !== undefined && !record.groups.some((g) => g.id === groupId)) throw new ApiError('invalid_input', 'That group is not in this session.', 'groupId');
        if (questionStateOf(record, selfCheck.id)?.status !== 'open') throw new ApiError('conflict', 'The self-check is closed.');
        const phone = gate.check(record, deviceId, from.address ?? '');
        from.allow?.();
        const written = store.castVote(record.id, { questionId, voterId: deviceId, voterKind: 'device', groupId: groupId ?? null, optionId: String(value), at: stamp() }, phone ?? undefined);
        if (phone) gate.admitted(record, phone);
        await written;
        announceSelfCheckThrottled(record, selfCheck);
        return;
      }
      const question = questionOfSlide(current);
      // One answer for every question not on the screen, whether it exists or not:
      // a phone must not be able to list the questions still to come.
      if (!question || question.id !== questionId) throw new ApiError('conflict', 'That question is not on the screen now.');
      const answer = readAnswer(question, { optionId, text, value }, 'invalid_input');
      if (groupId !== undefined && !record.groups.some((g) => g.id === groupId)) throw new ApiError('invalid_input', 'That group is not in this session.', 'groupId');
      if (questionStateOf(record, questionId)?.status !== 'open') throw new ApiError('conflict', 'Voting on this question is closed.');
      const vote: Vote = { questionId, voterId: deviceId, voterKind: 'device', groupId: groupId ?? null, ...answer, ...roundField(record, questionId), at: stamp() };
      // Before admission and the rate limit: a refused fourth answer spends nothing.
      checkAnswerRoom(record, vote);
      const phone = gate.check(record, deviceId, from.address ?? '');
      from.allow?.();
      await castVote(record, question, vote, phone ?? undefined);
    },
    dispose: () => {
      for (const timer of countdowns.values()) clearTimeout(timer);
      countdowns.clear();
      for (const { timer } of voteAnnouncements.values()) clearTimeout(timer);
      voteAnnouncements.clear();
      gate.dispose();
    },
  };
}
