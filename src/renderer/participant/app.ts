/**
 * The page's controller: joins the session in the address, follows it live and
 * sends votes (docs/protocol.md's participant part). State in, view model out.
 */
import { fetchProfileKey, fetchState, hasEventSource, openStream, sendVote, type CommitmentBody, type Stream, type VoteBody } from './api';
import { codeFromPath, isWellFormedCode, joinPath, normaliseCode } from './code';
import { ANSWER_MAX, emptyAnswers, emptyVotes, initialState, ownAnswers, ownVote, toViewModel, validGroup, voteMemoryKey, type AppState } from './model';
import { answersKey, deviceIdFrom, groupKey, keepOwnRating, makeDeviceId, NO_GROUP, openStorage, parseStoredAnswers, readOwnSelfChecks, voteKey } from './storage';
import { initialSelfCheckState } from './selfCheckModel';
import type { ParticipantState } from './types';
import { createView } from './view';
import { commitmentsFileName, commitmentsText, reminderCalendar } from './calendar';
import { keepCommitment, keepProfileKey, keepRevealedFrame, keptCommitments, keptProfileKey } from './mine';
import { mineNav, mineView, type MineHandlers } from './mineView';
import { myProfile, parseProfileKey } from './myProfile';
import { mySelfCheck } from './mySelfCheck';
import { downloadFile } from './download';

const RETRY_MS = 3000;

/** Runs the page in `root`, for the address in `location`. */
export function startApp(root: HTMLElement): { stop(): void } {
  const storage = openStorage();
  const deviceId = deviceIdFrom(storage);
  const code = codeFromPath(location.pathname);
  let state: AppState = Object.assign(initialState(code), { commitments: code ? keptCommitments(storage, code) : [] });
  const mineHandlers: MineHandlers = {
    addCommitment: (text, dimensionId) => addCommitment(text, dimensionId),
    downloadText: () => downloadFile(commitmentsFileName(sessionTitle(), 'txt'), commitmentsText(sessionTitle(), commitmentLines(), new Date()), 'text/plain;charset=utf-8'),
    downloadCalendar: () =>
      downloadFile(commitmentsFileName(sessionTitle(), 'ics'), reminderCalendar({ sessionTitle: sessionTitle(), commitments: commitmentLines(), now: new Date(), uid: makeDeviceId() }), 'text/calendar;charset=utf-8'),
    showMine: () => showMine(true),
    showVote: () => showMine(false),
  };
  let stream: Stream | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let loading = false;
  let voteSeq = 0;
  /** The last thing sent, for "Try again": a choice, a rating or an open answer. */
  let lastVote: { questionId: string; optionId?: string; text?: string; value?: number } | null = null;
  let pollTimer: ReturnType<typeof setInterval> | null = null;

  const view = createView(root, {
    vote,
    answer,
    rate,
    retry: () => {
      if (!lastVote) return;
      if (lastVote.text !== undefined) answer(lastVote.text);
      else if (lastVote.value !== undefined) rate(lastVote.value);
      else if (lastVote.optionId !== undefined) vote(lastVote.optionId);
    },
    reload: () => void load(),
    pickGroup,
    changeGroup: () => set({ choosingGroup: true }),
    join,
    rateStatement,
    retryRating: () => {
      const failed = state.selfCheck.failed;
      if (failed) rateStatement(failed.itemId, failed.value);
    },
    ...mineHandlers,
  });
  // "My profile": this person's own figures, worked out here; the switch sits under the header.
  const nav = mineNav(document, mineHandlers);
  const mine = mineView(document, mineHandlers);
  const header = root.querySelector('header');
  if (header) header.appendChild(nav.root);
  root.appendChild(mine.root);
  nav.set(false);

  function set(patch: Partial<AppState>): void {
    state = Object.assign({}, state, patch);
    view.update(toViewModel(state));
    if (state.showingMine) drawMine();
  }

  function drawMine(): void {
    const key = keptProfileKey(storage, code) ?? { dimensions: [], scenarios: [] };
    mine.update(
      myProfile(key, (questionId) => storage.get(voteKey(code, questionId))),
      mySelfCheck(readOwnSelfChecks(storage, code), key),
      state.commitments,
    );
  }

  function showMine(on: boolean): void {
    const main = root.querySelector<HTMLElement>('#main');
    if (main) main.hidden = on;
    mine.root.hidden = !on;
    nav.set(on);
    set({ showingMine: on });
    if (on) {
      const heading = mine.root.querySelector<HTMLElement>('h2');
      if (heading) heading.focus();
      // The freshest figures while the session runs; what was kept otherwise.
      if (state.phase === 'live') {
        void fetchProfileKey(code).then((json) => {
          const fresh = parseProfileKey(json);
          if (fresh) keepProfileKey(storage, code, fresh);
          if (state.showingMine) drawMine();
        });
      }
    }
  }

  function addCommitment(text: string, dimensionId: string): void {
    const question = state.server ? state.server.question : null;
    if (!question || question.type !== 'text' || !question.dimensions || state.phase !== 'live') return;
    const dimension = question.dimensions.find((d) => d.id === dimensionId);
    if (!dimension) return;
    const words = text.trim();
    const body: CommitmentBody = { deviceId, questionId: question.id, text: words, dimensionId };
    const group = validGroup(state);
    if (group !== null && group !== NO_GROUP) body.groupId = group;
    set({ commitmentFeedback: { text: 'Sending…', kind: '' } });
    void sendVote(code, body).then((outcome) => {
      if (outcome === 'received') {
        const commitments = keepCommitment(storage, code, { text: words, dimensionId, dimensionName: dimension.name, at: new Date().toISOString() });
        set({ commitments, commitmentFeedback: { text: 'Kept: it is on your list below', kind: 'ok' } });
        return;
      }
      const why = outcome === 'closed' ? 'Not kept: commitments are closed, or you have written three' : outcome === 'network' ? 'Not sent: check the Wi-Fi' : outcome === 'invalid' ? 'Not kept: write 1 to 140 characters and pick a contrast' : 'Not kept: try again';
      set({ commitmentFeedback: { text: why, kind: 'error' } });
    });
  }

  function commitmentLines() {
    return state.commitments.map((c) => ({ text: c.text, dimension: c.dimensionName }));
  }

  function sessionTitle(): string {
    return state.server && state.server.session.title ? state.server.session.title : 'Plenary';
  }

  function closeStream(): void {
    if (stream) stream.close();
    stream = null;
  }

  function scheduleLoad(): void {
    if (retryTimer !== null) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void load();
    }, RETRY_MS);
  }

  function applyState(next: ParticipantState): void {
    // A revealed scenario's answer key is kept here, so this person's profile still shows once the session has ended.
    if (!('ended' in next)) keepRevealedFrame(storage, code, next.question);
    if ('ended' in next) {
      closeStream();
      set({ phase: 'ended', server: next, reconnecting: false });
      return;
    }
    let votes = state.votes;
    let answers = state.answers;
    const question = next.question;
    // Remembered per question and round (voting again): a new round starts with nothing of this phone's.
    const memory = question ? voteMemoryKey(question) : '';
    if (question && question.type !== 'text' && ownVote(votes, memory) === undefined) {
      const stored = storage.get(voteKey(code, memory));
      if (stored !== null) {
        votes = Object.assign(emptyVotes(), votes);
        votes[memory] = stored;
      }
    }
    if (question && question.type === 'text' && !Object.prototype.hasOwnProperty.call(answers, memory)) {
      answers = Object.assign(emptyAnswers(), answers);
      answers[memory] = parseStoredAnswers(storage.get(answersKey(code, memory)));
    }
    set({ phase: 'live', server: next, votes, answers });
  }

  /** GET /api/p/<code>; opens the event stream once the session is found. */
  async function load(): Promise<void> {
    if (loading || state.phase === 'ended') return;
    loading = true;
    const result = await fetchState(code);
    loading = false;
    if (result.kind === 'ok') {
      applyState(result.state);
      if (state.phase === 'live' && !stream) openLive();
    } else if (result.kind === 'not-found') {
      closeStream();
      // Known before: it ended while this phone was away. Never known: a wrong code.
      if (state.server) set({ phase: 'ended', reconnecting: false });
      else set({ phase: 'join', joinError: 'no-session' });
    } else {
      if (!state.server) set({ phase: 'unreachable' });
      scheduleLoad();
    }
  }

  function openLive(): void {
    if (!hasEventSource()) {
      // Browsers without EventSource poll instead.
      if (pollTimer === null) pollTimer = setInterval(() => void load(), RETRY_MS);
      return;
    }
    stream = openStream(code, {
      onState: (next) => {
        if (state.reconnecting) set({ reconnecting: false });
        applyState(next);
      },
      onOpen: () => {
        if (!state.reconnecting) return;
        set({ reconnecting: false });
        void load();
      },
      onError: (closed) => {
        if (state.phase !== 'live') return;
        if (!state.reconnecting) set({ reconnecting: true });
        // The browser retries by itself unless it gave up (a 404, say): then we do.
        if (closed) {
          closeStream();
          scheduleLoad();
        }
      },
    });
  }

  /** Sends a vote on the open question: `key` is the option, the rating as text, or '' for an open answer. */
  function send(body: VoteBody, key: string, received: (patch: Partial<AppState>) => void): void {
    const questionId = state.server?.question ? voteMemoryKey(state.server.question) : body.questionId;
    const seq = ++voteSeq;
    const group = validGroup(state);
    if (group !== null && group !== NO_GROUP) body.groupId = group;
    set({ feedback: { questionId, optionId: key, outcome: 'sending' } });
    void sendVote(code, body).then((outcome) => {
      if (seq !== voteSeq) return; // A later tap took over.
      const patch: Partial<AppState> = { feedback: { questionId, optionId: key, outcome } };
      if (outcome === 'received') received(patch);
      set(patch);
      // The page may have missed a change (closed, moved on, ended): ask again.
      if (outcome === 'closed' || outcome === 'not-found') void load();
    });
  }

  function openQuestion(type: 'choice' | 'text' | 'scale') {
    const question = state.server ? state.server.question : null;
    return question && question.type === type && question.status === 'open' && state.phase === 'live' ? question : null;
  }

  function vote(optionId: string): void {
    const question = openQuestion('choice');
    if (!question) return;
    const questionId = question.id;
    const memory = voteMemoryKey(question);
    lastVote = { questionId, optionId };
    send({ deviceId, questionId, optionId }, optionId, (patch) => {
      const votes = Object.assign(emptyVotes(), state.votes);
      votes[memory] = optionId;
      patch.votes = votes;
      storage.set(voteKey(code, memory), optionId);
    });
  }

  /** A rating: a second one replaces the first (PROTOCOL.md). */
  function rate(value: number): void {
    const question = openQuestion('scale');
    if (!question) return;
    const questionId = question.id;
    const memory = voteMemoryKey(question);
    lastVote = { questionId, value };
    send({ deviceId, questionId, value }, String(value), (patch) => {
      const votes = Object.assign(emptyVotes(), state.votes);
      votes[memory] = String(value);
      patch.votes = votes;
      storage.set(voteKey(code, memory), String(value));
    });
  }

  /** An open answer: each one kept, up to 3 (the host refuses a 4th with 409). */
  function answer(typed: string): void {
    const question = openQuestion('text');
    if (!question) return;
    const questionId = question.id;
    const memory = voteMemoryKey(question);
    const text = typed.trim();
    if (text === '') {
      set({ feedback: { questionId: memory, optionId: '', outcome: 'empty' } });
      return;
    }
    lastVote = { questionId, text: text.slice(0, ANSWER_MAX) };
    send({ deviceId, questionId, text: text.slice(0, ANSWER_MAX) }, '', (patch) => {
      const answers = Object.assign(emptyAnswers(), state.answers);
      answers[memory] = ownAnswers(state.answers, memory).concat([text.slice(0, ANSWER_MAX)]);
      patch.answers = answers;
      storage.set(answersKey(code, memory), JSON.stringify(answers[memory]));
      lastVote = null;
    });
  }

  /**
   * One self-check answer: sent as the ordinary scale body; kept on this phone once
   * the host confirmed it. A phone that taps faster than the host takes (429) sends
   * it again a moment later, as the person would.
   */
  function rateStatement(itemId: string, value: number, attempt = 0): void {
    const question = state.server ? state.server.question : null;
    if (!question || question.type !== 'scale' || !question.items || question.status !== 'open' || state.phase !== 'live') return;
    const item = question.items.find((entry) => entry.id === itemId);
    if (!item) return;
    const selfCheckId = question.id;
    const phase = question.phase === 'after' ? 'after' : 'before';
    const body: VoteBody = { deviceId, questionId: itemId, value };
    const group = validGroup(state);
    if (group !== null && group !== NO_GROUP) body.groupId = group;
    const pending = Object.assign(Object.create(null) as Record<string, number>, state.selfCheck.pending);
    pending[itemId] = value;
    set({ selfCheck: { ...state.selfCheck, pending, failed: null } });
    void sendVote(code, body).then((outcome) => {
      const current = state.selfCheck;
      // A later tap on the same statement took over.
      if (!Object.prototype.hasOwnProperty.call(current.pending, itemId) || current.pending[itemId] !== value) return;
      if (outcome === 'slow' && attempt < 5) {
        setTimeout(() => rateStatement(itemId, value, attempt + 1), 1000);
        return;
      }
      const left = Object.assign(Object.create(null) as Record<string, number>, current.pending);
      delete left[itemId];
      if (outcome === 'received') {
        const own = keepOwnRating(storage, code, current.own, { selfCheckId, phase, dimension: item.dimension, then: item.then === true, value });
        set({ selfCheck: { own, pending: left, failed: null } });
      } else {
        set({ selfCheck: { ...current, pending: left, failed: { itemId, value, outcome } } });
        if (outcome === 'closed' || outcome === 'not-found') void load();
      }
    });
  }

  function pickGroup(groupId: string): void {
    storage.set(groupKey(code), groupId);
    const before = validGroup(state);
    set({ group: groupId, choosingGroup: false });
    // A vote already cast on the open question goes again, under the new group.
    const question = state.server ? state.server.question : null;
    const mine = question && question.type !== 'text' ? ownVote(state.votes, voteMemoryKey(question)) : undefined;
    if (before !== null && before !== groupId && question && question.status === 'open' && mine !== undefined) {
      if (question.type === 'scale') rate(Number(mine));
      else vote(mine);
    }
  }

  function join(typed: string): void {
    const wanted = normaliseCode(typed);
    if (!isWellFormedCode(wanted)) {
      set({ joinError: 'bad-shape', code: typed });
      return;
    }
    location.assign(joinPath(wanted));
  }

  const onOnline = () => {
    if (state.phase === 'unreachable' || (state.phase === 'live' && !stream)) void load();
  };
  window.addEventListener('online', onOnline);

  if (!code) {
    set({ phase: 'join' });
  } else if (!isWellFormedCode(code)) {
    set({ phase: 'join', joinError: 'no-session' });
  } else {
    set({ group: storage.get(groupKey(code)), selfCheck: initialSelfCheckState(readOwnSelfChecks(storage, code)) });
    void load();
  }

  return {
    stop: () => {
      closeStream();
      if (retryTimer !== null) clearTimeout(retryTimer);
      if (pollTimer !== null) clearInterval(pollTimer);
      window.removeEventListener('online', onOnline);
    },
  };
}
