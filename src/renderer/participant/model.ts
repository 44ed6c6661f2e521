/**
 * The page's state and the pure mapping from it to what is shown (the view
 * model). No DOM here, so it is tested on its own.
 */
import type { VoteOutcome } from './api';
import { NO_GROUP, type StoredSelfChecks } from './storage';
import type { ParticipantState } from './types';
import type { KeptCommitment } from './mine';
import type { ParticipantChoiceQuestion, ParticipantScaleQuestion, ParticipantTextQuestion } from '../../shared/participant';
import { initialSelfCheckState, selfCheckScreen, type SelfCheckScreenView, type SelfCheckState } from './selfCheckModel';
import { optionLetter } from '../../shared/optionLetter';

export type Phase = 'loading' | 'join' | 'unreachable' | 'live' | 'ended';

export interface VoteFeedback {
  /** The question and round it was for: `voteMemoryKey`. */
  questionId: string;
  /** The option, or a rating's value as text; '' for an open answer. */
  optionId: string;
  /** 'empty': an open answer with nothing in it, caught before sending. */
  outcome: VoteOutcome | 'sending' | 'empty';
}

/** PROTOCOL.md: a phone gives up to 3 answers of 1 to 140 characters to an open question. */
export const ANSWERS_PER_PHONE = 3;
export const ANSWER_MAX = 140;

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
  /** Votes the server confirmed: question id → option id (a rating: its value as text). */
  votes: Record<string, string>;
  /** Open answers the server confirmed, by question id, in the order given. */
  answers: Record<string, string[]>;
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
    answers: emptyAnswers(),
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
  closedCounted: 'Voting has closed: your answer counts',
  slow: 'Slow down a moment',
  full: 'Not counted: this session takes no more phones. Ask the facilitator.',
  network: 'Not sent: check the Wi-Fi',
  failed: 'Not sent: the host had a problem',
  invalid: 'That vote was not accepted: reload the page',
  gone: 'This session is no longer running',
  results: 'Results',
  answerLabel: 'Your answer',
  send: 'Send',
  yourAnswers: 'Your answers',
  answerReceived: 'Answer received',
  limit: 'You have given 3 answers',
  empty: 'Type an answer first',
  invalidAnswer: 'That answer was not accepted: use 1 to 140 characters',
  ratingReceived: 'Rating received',
  yourRating: 'Your rating',
  invalidRating: 'That rating was not accepted: reload the page',
  noWords: 'No answers to show',
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
  /** The slide's picture: where it loads from (the code's own address, for this question only) and its alt text. */
  picture?: { src: string; alt: string } | null;
}

/** The address of the current question's picture: the host serves it under the join code while it is on the screen. */
export function pictureSource(code: string, asset: string): string {
  return '/api/p/' + encodeURIComponent(code) + '/picture/' + encodeURIComponent(asset);
}

/** An open question on the phone: a field, the phone's own answers, and the words once revealed. */
export interface TextQuestionView {
  id: string;
  prompt: string;
  open: boolean;
  /** This phone's answers, as the host confirmed them. */
  answers: string[];
  /** The field and Send are offered: open, and fewer than 3 answers given. */
  canAnswer: boolean;
  sending: boolean;
  /** "You have given 3 answers", or ''. */
  limit: string;
  feedback: string;
  feedbackKind: 'ok' | 'error' | 'info' | '';
  retry: boolean;
  results: null | { totalText: string; words: { text: string; count: number; countText: string }[] };
  picture: { src: string; alt: string } | null;
}

export interface ScalePointView {
  value: number;
  pressed: boolean;
  busy: boolean;
  disabled: boolean;
}

/** A rating on the phone: a row of buttons from min to max, then the distribution and mean once revealed. */
export interface ScaleQuestionView {
  id: string;
  prompt: string;
  open: boolean;
  points: ScalePointView[];
  minLabel: string;
  maxLabel: string;
  feedback: string;
  feedbackKind: 'ok' | 'error' | 'info' | '';
  retry: boolean;
  results: null | { totalText: string; meanText: string; rows: { value: number; count: number; percent: number; text: string; mine: boolean }[] };
  picture: { src: string; alt: string } | null;
}

export type Screen =
  | { kind: 'loading' }
  | { kind: 'join'; code: string }
  | { kind: 'unreachable' }
  | { kind: 'groups'; groups: { id: string; name: string; pressed: boolean }[] }
  | { kind: 'waiting' }
  | { kind: 'commitments'; question: ParticipantTextQuestion; kept: KeptCommitment[]; feedback: { text: string; kind: 'ok' | 'error' | '' } }
  | { kind: 'question'; question: QuestionView }
  | { kind: 'text'; question: TextQuestionView }
  | { kind: 'scale'; question: ScaleQuestionView }
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

/** Open answers by question id, prototype-free like the votes. */
export function emptyAnswers(): Record<string, string[]> {
  return Object.create(null) as Record<string, string[]>;
}

/** This phone's open answers to a question (none: an empty list). */
export function ownAnswers(answers: Record<string, string[]>, questionId: string): string[] {
  return Object.prototype.hasOwnProperty.call(answers, questionId) ? answers[questionId]! : [];
}

/**
 * Where the page remembers its vote (or answers) on a question: the question's id
 * in round 1, `<id>~<round>` from round 2 on (voting again), so a new round starts
 * with no vote of this phone marked. `~` is never in an id, so no key is another's.
 */
export function voteMemoryKey(question: { id: string; round?: number | undefined }): string {
  const round = question.round ?? 1;
  return round > 1 ? `${question.id}~${round}` : question.id;
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
  const key = voteMemoryKey(question);
  const mine = ownVote(state.votes, key);
  const fb = state.feedback && state.feedback.questionId === key ? state.feedback : null;
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
  if (fb && fb.outcome !== 'sending' && fb.outcome !== 'empty') {
    const f = FEEDBACK[fb.outcome];
    // Once voting closes, "received" would read as if it were still open: say it closed, and that the vote counts.
    feedback = fb.outcome === 'received' && !open ? TEXT.closedCounted : f.text;
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
  const picture = question.picture ? { src: pictureSource(state.code, question.picture.asset), alt: question.picture.alt } : null;
  return { id: question.id, prompt: question.prompt, open, options, feedback, feedbackKind, retry, results, picture };
}

function answersText(count: number): string {
  return count === 1 ? '1 answer' : count + ' answers';
}

/** What happened to the latest vote on this question, in words. */
function feedbackOf(state: AppState, questionId: string, open: boolean, kind: 'choice' | 'text' | 'scale'): { feedback: string; feedbackKind: QuestionView['feedbackKind']; retry: boolean; sendingId: string | null } {
  const fb = state.feedback && state.feedback.questionId === questionId ? state.feedback : null;
  if (!fb) return { feedback: '', feedbackKind: '', retry: false, sendingId: null };
  if (fb.outcome === 'sending') return { feedback: kind === 'choice' ? '' : TEXT.sending, feedbackKind: kind === 'choice' ? '' : 'info', retry: false, sendingId: fb.optionId };
  if (fb.outcome === 'empty') return { feedback: TEXT.empty, feedbackKind: 'error', retry: false, sendingId: null };
  // A 409 on a question still open: this phone has given all its answers (PROTOCOL.md).
  if (kind === 'text' && fb.outcome === 'closed' && open) return { feedback: TEXT.limit, feedbackKind: 'error', retry: false, sendingId: null };
  const f = FEEDBACK[fb.outcome];
  let text: string = f.text;
  if (fb.outcome === 'received' && kind !== 'choice') text = kind === 'text' ? TEXT.answerReceived : TEXT.ratingReceived;
  if (fb.outcome === 'received' && !open) text = TEXT.closedCounted;
  if (fb.outcome === 'invalid' && kind !== 'choice') text = kind === 'text' ? TEXT.invalidAnswer : TEXT.invalidRating;
  return { feedback: text, feedbackKind: f.kind, retry: f.retry && open, sendingId: null };
}

function textQuestionView(state: AppState, question: ParticipantTextQuestion): TextQuestionView {
  const open = question.status === 'open';
  const answers = ownAnswers(state.answers, voteMemoryKey(question));
  const fb = feedbackOf(state, voteMemoryKey(question), open, 'text');
  const full = answers.length >= ANSWERS_PER_PHONE;
  const refusedForLimit = fb.feedback === TEXT.limit;
  const results = question.results
    ? {
        totalText: answersText(question.results.answers) + ' in all',
        words: question.results.words.map((word) => ({ text: word.text, count: word.count, countText: word.count === 1 ? '1' : String(word.count) })),
      }
    : null;
  return {
    id: question.id,
    prompt: question.prompt,
    open,
    answers,
    canAnswer: open && !full && !refusedForLimit,
    sending: fb.sendingId !== null,
    limit: open && (full || refusedForLimit) ? TEXT.limit : '',
    feedback: refusedForLimit ? '' : fb.feedback,
    feedbackKind: refusedForLimit ? '' : fb.feedbackKind,
    retry: fb.retry,
    results,
    picture: question.picture ? { src: pictureSource(state.code, question.picture.asset), alt: question.picture.alt } : null,
  };
}

/** "3.8": a mean to one decimal. */
export function meanText(mean: number): string {
  return (Math.round(mean * 10) / 10).toFixed(1);
}

function scaleQuestionView(state: AppState, question: ParticipantScaleQuestion): ScaleQuestionView {
  const open = question.status === 'open';
  const mine = ownVote(state.votes, voteMemoryKey(question));
  const fb = feedbackOf(state, voteMemoryKey(question), open, 'scale');
  const points: ScalePointView[] = [];
  for (let value = question.min; value <= question.max; value++) {
    points.push({ value, pressed: String(value) === mine, busy: String(value) === fb.sendingId, disabled: !open });
  }
  let results: ScaleQuestionView['results'] = null;
  if (question.results) {
    const counts = question.results.counts;
    let total = 0;
    for (const point of points) total += counts[String(point.value)] || 0;
    results = {
      totalText: answersText(total) + ' in all',
      meanText: question.results.mean === null ? '' : 'Average ' + meanText(question.results.mean) + ' (' + question.min + ' to ' + question.max + ')',
      rows: points.map((point) => {
        const count = counts[String(point.value)] || 0;
        const percent = total > 0 ? Math.round((count * 100) / total) : 0;
        return { value: point.value, count, percent, text: votesText(count) + ', ' + percent + '%', mine: point.pressed };
      }),
    };
  }
  return {
    id: question.id,
    prompt: question.prompt,
    open,
    points,
    minLabel: question.minLabel,
    maxLabel: question.maxLabel,
    feedback: fb.sendingId !== null ? '' : fb.feedback,
    feedbackKind: fb.sendingId !== null ? '' : fb.feedbackKind,
    retry: fb.retry,
    results,
    picture: question.picture ? { src: pictureSource(state.code, question.picture.asset), alt: question.picture.alt } : null,
  };
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
  const screen: Screen = !question
    ? { kind: 'waiting' }
    : question.type === 'scale' && question.items
      ? { kind: 'selfCheck', selfCheck: selfCheckScreen(question, state.selfCheck) }
      : question.type === 'text' && question.dimensions
        ? { kind: 'commitments', question, kept: state.commitments, feedback: state.commitmentFeedback }
        : question.type === 'text'
          ? { kind: 'text', question: textQuestionView(state, question) }
          : question.type === 'scale'
            ? { kind: 'scale', question: scaleQuestionView(state, question) }
            : { kind: 'question', question: questionView(state, question) };
  return { title, banner, status, statusKind, group, screen };
}
