/**
 * The page's controller: joins the session in the address, follows it live and
 * sends votes (docs/protocol.md's participant part). State in, view model out.
 */
import { fetchState, hasEventSource, openStream, sendVote, type Stream, type VoteBody } from './api';
import { codeFromPath, isWellFormedCode, joinPath, normaliseCode } from './code';
import { emptyVotes, initialState, ownVote, toViewModel, validGroup, type AppState } from './model';
import { deviceIdFrom, groupKey, keepOwnRating, NO_GROUP, openStorage, readOwnSelfChecks, voteKey } from './storage';
import { initialSelfCheckState } from './selfCheckModel';
import type { ParticipantState } from './types';
import { createView } from './view';

const RETRY_MS = 3000;

/** Runs the page in `root`, for the address in `location`. */
export function startApp(root: HTMLElement): { stop(): void } {
  const storage = openStorage();
  const deviceId = deviceIdFrom(storage);
  const code = codeFromPath(location.pathname);
  let state: AppState = initialState(code);
  let stream: Stream | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let loading = false;
  let voteSeq = 0;
  let lastVote: { questionId: string; optionId: string } | null = null;
  let pollTimer: ReturnType<typeof setInterval> | null = null;

  const view = createView(root, {
    vote,
    retry: () => {
      if (lastVote) vote(lastVote.optionId);
    },
    reload: () => void load(),
    pickGroup,
    changeGroup: () => set({ choosingGroup: true }),
    join,
    rate,
    retryRating: () => {
      const failed = state.selfCheck.failed;
      if (failed) rate(failed.itemId, failed.value);
    },
  });

  function set(patch: Partial<AppState>): void {
    state = Object.assign({}, state, patch);
    view.update(toViewModel(state));
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
    if ('ended' in next) {
      closeStream();
      set({ phase: 'ended', server: next, reconnecting: false });
      return;
    }
    let votes = state.votes;
    const question = next.question;
    if (question && ownVote(votes, question.id) === undefined) {
      const stored = storage.get(voteKey(code, question.id));
      if (stored !== null) {
        votes = Object.assign(emptyVotes(), votes);
        votes[question.id] = stored;
      }
    }
    set({ phase: 'live', server: next, votes });
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

  function vote(optionId: string): void {
    const question = state.server ? state.server.question : null;
    if (!question || question.status !== 'open' || state.phase !== 'live') return;
    const questionId = question.id;
    const seq = ++voteSeq;
    lastVote = { questionId, optionId };
    const body: VoteBody = { deviceId, questionId, optionId };
    const group = validGroup(state);
    if (group !== null && group !== NO_GROUP) body.groupId = group;
    set({ feedback: { questionId, optionId, outcome: 'sending' } });
    void sendVote(code, body).then((outcome) => {
      if (seq !== voteSeq) return; // A later tap took over.
      const patch: Partial<AppState> = { feedback: { questionId, optionId, outcome } };
      if (outcome === 'received') {
        const votes = Object.assign(emptyVotes(), state.votes);
        votes[questionId] = optionId;
        patch.votes = votes;
        storage.set(voteKey(code, questionId), optionId);
      }
      set(patch);
      // The page may have missed a change (closed, moved on, ended): ask again.
      if (outcome === 'closed' || outcome === 'not-found') void load();
    });
  }

  /**
   * One self-check answer: sent as the ordinary scale body; kept on this phone once
   * the host confirmed it. A phone that taps faster than the host takes (429) sends
   * it again a moment later, as the person would.
   */
  function rate(itemId: string, value: number, attempt = 0): void {
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
        setTimeout(() => rate(itemId, value, attempt + 1), 1000);
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
    const mine = question ? ownVote(state.votes, question.id) : undefined;
    if (before !== null && before !== groupId && question && question.status === 'open' && mine !== undefined) vote(mine);
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
