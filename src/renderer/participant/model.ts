/**
 * The page's state and the pure mapping from it to what is shown (the view
 * model). No DOM here, so it is tested on its own.
 */
import type { VoteOutcome } from './api';
import { NO_GROUP, type StoredSelfChecks } from './storage';
import type { ParticipantState } from './types';
import type { KeptCommitment } from './mine';
import type { ParticipantTextQuestion } from '../../shared/participant';
import type { ParticipantChoiceQuestion } from '../../shared/participant';
import { initialSelfCheckState, selfCheckScreen, type SelfCheckScreenView, type SelfCheckState } from './selfCheckModel';
import { optionLetter } from '../../shared/optionLetter';

export type Phase = 'loading' | 'join' | 'unreachable' | 'live' | 'ended';

export interface VoteFeedback {
  questionId: string;
  optionId: string;
  outcome: VoteOutcome | 'sending';
}

export interface AppState {
  phase: Phase;
  /** The join code being used (normalised), or what was typed when it was wrong. */
  code: string;
  /** On the join form: why the code given did not work ('' when none was given). */
  joinError: '' | 'no-session' | 'bad-shape';
  server: ParticipantState | null;
  /** The event stream dropped and is being re-established. */
  reconnecting: boolean;
  /** The group picked for this session: a group id, NO_GROUP, or null (not asked yet). */
  group: string | null;
  /** The participant asked to change their group. */
  choosingGroup: boolean;
  /** Votes the server confirmed: question id → option id. */
  votes: Record<string, string>;
  /** The latest vote sent, and how it went. */
  feedback: VoteFeedback | null;
  /** The person's own self-check answers, kept on this phone, and those on their way. */
  selfCheck: SelfCheckState;
  /** The commitments written on this phone for this session (its storage's), and how the last one went. */
  commitments: KeptCommitment[];
  commitmentFeedback: { text: string; kind: 'ok' | 'error' | '' };
  /** The person is looking at "My profile" rather than the vote. */
  showingMine: boolean;
}

export function initialState(code: string): AppState {
  return {
    phase: 'loading',
    code,
    joinError: '',
    server: null,
    reconnecting: false,
    group: null,
    choosingGroup: false,
    votes: emptyVotes(),
    feedback: null,
    selfCheck: initialSelfCheckState({ checks: Object.create(null) as StoredSelfChecks['checks'], order: [] }),
    commitments: [],
    commitmentFeedback: { text: '', kind: '' },
    showingMine: false,
  };
}

export const TEXT = {
  brand: 'Plenary',
  connecting: 'Connecting…',
  joinTitle: 'Join a session',
  joinHint: 'Type the code shown on the screen.',
  noSession: 'No running session has that code',
  badShape: 'A join code has 6 letters and digits',
  unreachable: 'Cannot reach the session: check the Wi-Fi',
  open: 'Voting is open',
  closed: 'Voting is closed',
  waiting: 'Waiting for the next question',
  waitingHint: 'Keep this page open: the next question appears here by itself.',
  ended: 'This session has ended. Thank you!',
  reconnecting: 'Reconnecting…',
  whichGroup: 'Which group are you in?',
  noGroup: 'No group',
  sending: 'Sending…',
  yourVote: 'Your vote',
  received: 'Vote received',
  votingClosed: 'Voting has closed',
  slow: 'Slow down a moment',
  full: 'Not counted: this session takes no more phones. Ask the facilitator.',
  network: 'Not sent: check the Wi-Fi',
  failed: 'Not sent: the host had a problem',
  invalid: 'That vote was not accepted: reload the page',
  gone: 'This session is no longer running',
  results: 'Results',
} as const;

export interface OptionView {
  id: string;
  letter: string;
  label: string;
  /** This is the participant's vote, as the server confirmed it. */
  pressed: boolean;
  /** "Sending…" while this option's vote is on its way, "Your vote" once confirmed. */
  note: string;
  busy: boolean;
  disabled: boolean;
}

export interface ResultRow {
  id: string;
  letter: string;
  label: string;
  count: number;
  percent: number;
  /** "12 votes, 40%" */
  text: string;
  mine: boolean;
}

export interface QuestionView {
  id: string;
  prompt: string;
  open: boolean;
  options: OptionView[];
  /** What happened to the latest vote; '' when there is nothing to say. */
  feedback: string;
  feedbackKind: 'ok' | 'error' | 'info' | '';
  /** Offer "Try again" (the vote did not reach the host). */
  retry: boolean;
  results: null | { total: number; totalText: string; rows: ResultRow[] };
}

export type Screen =
  | { kind: 'loading' }
  | { kind: 'join'; code: string }
  | { kind: 'unreachable' }
  | { kind: 'groups'; groups: { id: string; name: string; pressed: boolean }[] }
  | { kind: 'waiting' }
  | { kind: 'commitments'; question: ParticipantTextQuestion; kept: KeptCommitment[]; feedback: { text: string; kind: 'ok' | 'error' | '' } }
  | { kind: 'question'; question: QuestionView }
  | { kind: 'selfCheck'; selfCheck: SelfCheckScreenView }
  | { kind: 'ended' };

export interface ViewModel {
  title: string;
  banner: string;
  status: string;
  statusKind: 'open' | 'closed' | 'info' | 'error';
  /** "Your group: …" with a Change button; null when the session has no groups or it is being chosen. */
  group: string | null;
  screen: Screen;
}


/**
 * Votes by question id, prototype-free: a workshop may name a question
 * `__proto__` or `toString`, and that must be a key like any other.
 */
export function emptyVotes(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

/** This phone's vote on a question, never a property inherited from Object.prototype. */
export function ownVote(votes: Record<string, string>, questionId: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(votes, questionId) ? votes[questionId] : undefined;
}

export function votesText(count: number): string {
  return count === 1 ? '1 vote' : count + ' votes';
}

const FEEDBACK: Record<VoteOutcome, { text: string; kind: 'ok' | 'error'; retry: boolean }> = {
  received: { text: TEXT.received, kind: 'ok', retry: false },
  closed: { text: TEXT.votingClosed, kind: 'error', retry: false },
  slow: { text: TEXT.slow, kind: 'error', retry: false },
  full: { text: TEXT.full, kind: 'error', retry: false },
  invalid: { text: TEXT.invalid, kind: 'error', retry: false },
  'not-found': { text: TEXT.gone, kind: 'error', retry: false },
  network: { text: TEXT.network, kind: 'error', retry: true },
  failed: { text: TEXT.failed, kind: 'error', retry: true },
};

/** The group picked, if it is still one of the session's (or NO_GROUP); else null. */
export function validGroup(state: AppState): string | null {
  const groups = state.server ? state.server.session.groups : [];
  if (state.group === NO_GROUP) return NO_GROUP;
  for (const group of groups) if (group.id === state.group) return group.id;
  return null;
}

function groupName(state: AppState, id: string): string {
  if (id === NO_GROUP || !state.server) return TEXT.noGroup;
  for (const group of state.server.session.groups) if (group.id === id) return group.name;
  return TEXT.noGroup;
}

function questionView(state: AppState, question: ParticipantChoiceQuestion): QuestionView {
  const open = question.status === 'open';
  const mine = ownVote(state.votes, question.id);
  const fb = state.feedback && state.feedback.questionId === question.id ? state.feedback : null;
  const sendingId = fb && fb.outcome === 'sending' ? fb.optionId : null;
  const options = question.options.map((option, index): OptionView => {
    const pressed = option.id === mine;
    const busy = option.id === sendingId;
    return {
      id: option.id,
      letter: optionLetter(index),
      label: option.label,
      pressed,
      busy,
      note: busy ? TEXT.sending : pressed ? TEXT.yourVote : '',
      disabled: !open,
    };
  });
  let feedback = '';
  let feedbackKind: QuestionView['feedbackKind'] = '';
  let retry = false;
  if (fb && fb.outcome !== 'sending') {
    const f = FEEDBACK[fb.outcome];
    feedback = f.text;
    feedbackKind = f.kind;
    retry = f.retry && open;
  }
  let results: QuestionView['results'] = null;
  if (question.results) {
    const counts = question.results;
    let total = 0;
    for (const option of question.options) total += counts[option.id] || 0;
    const rows = question.options.map((option, index): ResultRow => {
      const count = counts[option.id] || 0;
      const percent = total > 0 ? Math.round((count * 100) / total) : 0;
      return {
        id: option.id,
        letter: optionLetter(index),
        label: option.label,
        count,
        percent,
        text: votesText(count) + ', ' + percent + '%',
        mine: option.id === mine,
      };
    });
    results = { total, totalText: votesText(total) + ' in all', rows };
  }
  return { id: question.id, prompt: question.prompt, open, options, feedback, feedbackKind, retry, results };
}

/** Everything the page shows, from the page's state. */
export function toViewModel(state: AppState): ViewModel {
  const server = state.server;
  const title = server && server.session.title ? server.session.title : TEXT.brand;
  switch (state.phase) {
    case 'loading':
      return { title, banner: '', status: TEXT.connecting, statusKind: 'info', group: null, screen: { kind: 'loading' } };
    case 'join':
      return {
        title: TEXT.joinTitle,
        banner: '',
        status: state.joinError === 'no-session' ? TEXT.noSession : state.joinError === 'bad-shape' ? TEXT.badShape : TEXT.joinHint,
        statusKind: state.joinError ? 'error' : 'info',
        group: null,
        screen: { kind: 'join', code: state.code },
      };
    case 'unreachable':
      return { title, banner: '', status: TEXT.unreachable, statusKind: 'error', group: null, screen: { kind: 'unreachable' } };
    case 'ended':
      return { title, banner: '', status: TEXT.ended, statusKind: 'info', group: null, screen: { kind: 'ended' } };
    case 'live':
      break;
  }
  const question = server ? server.question : null;
  const status = !question ? TEXT.waiting : question.status === 'open' ? TEXT.open : TEXT.closed;
  const statusKind: ViewModel['statusKind'] = !question ? 'info' : question.status === 'open' ? 'open' : 'closed';
  const banner = state.reconnecting ? TEXT.reconnecting : '';
  const groups = server ? server.session.groups : [];
  const picked = validGroup(state);
  if (groups.length > 0 && (picked === null || state.choosingGroup)) {
    const choices = groups.map((g) => ({ id: g.id, name: g.name, pressed: g.id === picked }));
    choices.push({ id: NO_GROUP, name: TEXT.noGroup, pressed: picked === NO_GROUP });
    return { title, banner, status, statusKind, group: null, screen: { kind: 'groups', groups: choices } };
  }
  const group = groups.length > 0 && picked !== null ? groupName(state, picked) : null;
  const screen: Screen =
    question?.type === 'choice'
      ? { kind: 'question', question: questionView(state, question) }
      : question?.type === 'text' && question.dimensions
        ? { kind: 'commitments', question, kept: state.commitments, feedback: state.commitmentFeedback }
        : question?.type === 'scale' && question.items
        ? { kind: 'selfCheck', selfCheck: selfCheckScreen(question, state.selfCheck) }
        : { kind: 'waiting' };
  return { title, banner, status, statusKind, group, screen };
}
