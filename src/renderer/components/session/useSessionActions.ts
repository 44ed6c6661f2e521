/**
 * Everything the facilitator can do to a running session, as callbacks over the
 * API. Both the presenter and the audience view (touch screens) use them.
 *
 * Commands go to the host one after another, in the order they were given: ten
 * quick presses of → move ten slides, each from where the one before was going
 * (see nextTarget in keymap.ts). While the host cannot be reached, a command is
 * refused with a message that says so, and the message goes once it is back.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AskedQuestion, Question, SelfCheckQuestion, Session } from '../../../shared/model';
import { questionOfSlide } from '../../../shared/slideRules';
import { useApi } from '../../app/ApiContext';
import { nextTarget, revealRefusal, type SlideCursor } from './keymap';
import { optionLetter } from '../../../shared/optionLetter';

/** The question on the current slide, if it is a scenario. */
export function currentQuestion(session: Session): Question | null {
  const slide = session.slides[session.slideIndex];
  return slide?.kind === 'scenario' ? slide.question : null;
}

/** The question on the current slide, of any type: a scenario's choice, an open question or a rating. */
export function currentAskedQuestion(session: Session): AskedQuestion | null {
  return questionOfSlide(session.slides[session.slideIndex]);
}

/** The self-check on the current slide, if it is one (issue 17): voting on it is run by its own id. */
export function currentSelfCheck(session: Session): SelfCheckQuestion | null {
  const slide = session.slides[session.slideIndex];
  return slide?.kind === 'selfCheck' ? slide.question : null;
}

/** A problem to show the facilitator; `offline` ones clear when the host is back. */
export interface Problem {
  message: string;
  offline: boolean;
}

const OFFLINE = 'The host is not answering';
/** How long a message about a key stays on screen. */
const PROBLEM_SHOWN_MS = 8000;

export function useSessionActions(session: Session | undefined) {
  const api = useApi();
  const [problem, setProblemState] = useState<Problem | null>(null);
  const [connected, setConnected] = useState(true);
  // The countdown chosen beside "Open voting": V uses it too.
  const [countdown, setCountdown] = useState(0);
  const connectedRef = useRef(true);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);
  const cursor = useRef<SlideCursor>({ target: null });
  const sessionRef = useRef(session);
  sessionRef.current = session;

  useEffect(
    () =>
      api.onConnection((value) => {
        connectedRef.current = value;
        setConnected(value);
        // Back: what the host refused while it was away is no longer the news.
        if (value) setProblemState((current) => (current?.offline ? null : current));
      }),
    [api],
  );

  const setProblem = useCallback((message: string | null) => setProblemState(message ? { message, offline: false } : null), []);

  /** Runs `work` after every command given before it; `what` names it in a refusal. */
  const enqueue = useCallback((what: string, work: () => Promise<unknown>) => {
    if (!connectedRef.current) {
      setProblemState({ message: `${OFFLINE}: “${what}” was not sent. Keys work again as soon as it is back.`, offline: true });
      cursor.current.target = null;
      return;
    }
    setProblemState(null);
    pending.current += 1;
    const run = queue.current.then(work).then(
      () => undefined,
      (error: Error & { code?: string }) => {
        cursor.current.target = null;
        setProblemState(
          error.code === 'unavailable' ? { message: `${OFFLINE}: “${what}” was not sent. Keys work again as soon as it is back.`, offline: true } : { message: error.message, offline: false },
        );
      },
    );
    queue.current = run.finally(() => {
      pending.current -= 1;
    });
  }, []);

  // A message about a key goes by itself after a while; one about the host stays until it is back.
  useEffect(() => {
    if (!problem || problem.offline) return;
    const timer = setTimeout(() => setProblemState((current) => (current === problem ? null : current)), PROBLEM_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [problem]);

  // Once every move has been answered and the snapshot shows a new slide, moves start
  // from the slide shown again (another tab may have moved it too).
  const shownIndex = session?.slideIndex;
  useEffect(() => {
    if (pending.current === 0) cursor.current.target = null;
  }, [shownIndex]);

  return useMemo(() => {
    const sessionId = session?.id ?? '';
    // Voting's controls work on any question (the self-check by its own id); a group's lettered vote only on a choice.
    const question: { id: string } | null = session ? (currentAskedQuestion(session) ?? currentSelfCheck(session)) : null;
    const choice = session ? currentQuestion(session) : null;
    const state = question && session ? session.questions[question.id] : undefined;
    const move = (what: string, to: Parameters<typeof nextTarget>[3]) => {
      if (!session || session.status === 'ended') return;
      const target = nextTarget(cursor.current, session.slideIndex, session.slides.length, to);
      if (target === null) return;
      cursor.current.target = target;
      enqueue(what, () => api.call('sessions.goTo', { sessionId, slideIndex: target }));
    };
    const openVoting = (seconds?: number) =>
      question && enqueue('Open voting', () => api.call('voting.open', { sessionId, questionId: question.id, ...(seconds ? { seconds } : {}) }));
    const timer = session?.runOfShow?.timer;
    const timerOnSlide = timer && timer.slideId === session?.slides[session.slideIndex]?.id ? timer : null;
    return {
      problem,
      connected,
      countdown,
      setCountdown,
      clearProblem: () => setProblemState(null),
      /** Shows a message from the keys (a group or option that does not exist). */
      say: setProblem,
      next: () => move('Next slide', 'next'),
      previous: () => move('Previous slide', 'previous'),
      first: () => move('First slide', 'first'),
      last: () => move('Last slide', 'last'),
      goTo: (slideIndex: number) => move(`Slide ${slideIndex + 1}`, slideIndex),
      blackout: () => session && enqueue('Black screen', () => api.call('sessions.setBlackout', { sessionId, blackout: !(sessionRef.current ?? session).blackout })),
      openVoting,
      closeVoting: () => question && enqueue('Close voting', () => api.call('voting.close', { sessionId, questionId: question.id })),
      /** V: closes an open vote, or opens it with the countdown chosen in the dropdown. */
      toggleVoting: () => {
        if (!question) return setProblem('This slide has no question to vote on.');
        if (state?.status === 'open') enqueue('Close voting', () => api.call('voting.close', { sessionId, questionId: question.id }));
        else openVoting(countdown || undefined);
      },
      /** R: refused, with a message, until a vote is in; so the projector never shows an empty chart and the answer key. */
      reveal: () => {
        if (!question) return setProblem('This slide has no question to reveal.');
        const refusal = revealRefusal(state, session?.votingMode);
        if (refusal) return setProblem(refusal);
        enqueue('Reveal', () => api.call('voting.reveal', { sessionId, questionId: question.id }));
      },
      undo: () => question && enqueue('Undo', () => api.call('voting.undo', { sessionId, questionId: question.id })),
      /** N: voting again after the debrief, a new round on a revealed scenario (refused, with a message, before its reveal). */
      voteAgain: () => {
        if (!question) return setProblem('This slide has no question to vote on again.');
        if (state?.revealed !== true) return setProblem('Reveal the results first (R): the room votes again after it has seen and discussed them.');
        enqueue('Vote again', () => api.call('voting.reopen', { sessionId, questionId: question.id, ...(countdown ? { seconds: countdown } : {}) }));
      },
      /** A group's vote by its number (1-based, as on its tile) and the option's index. */
      vote: (groupNumber: number, optionIndex: number) => {
        const group = session?.groups[groupNumber - 1];
        const option = choice?.options[optionIndex];
        if (!choice) return setProblem(question ? 'On this slide, a group answers with the fields under the slide.' : 'This slide has no question to vote on.');
        if (!group) return setProblem(`There is no group ${groupNumber}: nothing was recorded.`);
        if (!option) return setProblem(`There is no option ${optionLetter(optionIndex)}: nothing was recorded.`);
        enqueue(`${group.name} votes ${optionLetter(optionIndex)}`, () =>
          api.call('voting.cast', { sessionId, questionId: choice.id, voterId: group.id, optionId: option.id }),
        );
      },
      /** A group's rating; a second replaces the first. */
      castValue: (groupId: string, value: number) =>
        question && enqueue('A group’s rating', () => api.call('voting.cast', { sessionId, questionId: question.id, voterId: groupId, value })),
      /** Hides an open answer from the cloud, the phones and the report (kept in the data), or shows it again. */
      setAnswerHidden: (answerId: string, hidden: boolean) =>
        question && enqueue(hidden ? 'Hide the answer' : 'Show the answer', () => api.call('voting.setAnswerHidden', { sessionId, questionId: question.id, answerId, hidden })),
      /** Lets through an answer the word list held back. */
      releaseAnswer: (answerId: string) =>
        question && enqueue('Let the answer through', () => api.call('voting.releaseAnswer', { sessionId, questionId: question.id, answerId, released: true })),
      /** A group's self-check at the laptop: its ratings, item id → value, in one go. */
      rateSelfCheck: (groupId: string, ratings: { itemId: string; value: number }[]) => {
        const selfCheck = session ? currentSelfCheck(session) : null;
        const group = session?.groups.find((g) => g.id === groupId);
        if (!selfCheck || !group) return setProblem('This slide has no self-check.');
        if (ratings.length === 0) return setProblem(`${group.name} has not rated any statement yet.`);
        enqueue(`${group.name}’s self-check`, () => api.call('voting.castSelfCheck', { sessionId, selfCheckId: selfCheck.id, voterId: group.id, ratings }));
      },
      setCount: (optionId: string, count: number) =>
        question && enqueue('Hand count', () => api.call('voting.setCount', { sessionId, questionId: question.id, optionId, count: Math.max(0, Math.floor(count)) })),
      toggleByGroup: () => session && enqueue('Split by group', () => api.call('sessions.setResultsView', { sessionId, byGroup: !session.resultsByGroup })),
      setNote: (slideId: string, text: string) => enqueue('Your note', () => api.call('sessions.setNote', { sessionId, slideId, text })),
      end: () => enqueue('End session', () => api.call('sessions.end', { sessionId })),
      /** The current slide's timer: T starts it, or pauses it while it runs. */
      toggleTimer: () => {
        if (!session) return;
        if (!timerOnSlide) return setProblem('This slide has no discussion timer.');
        if (timerOnSlide.runningSince) enqueue('Pause the timer', () => api.call('timer.pause', { sessionId }));
        else enqueue('Start the timer', () => api.call('timer.start', { sessionId }));
      },
      extendTimer: (seconds: number) => session && enqueue('More time', () => api.call('timer.extend', { sessionId, seconds })),
      resetTimer: () => session && enqueue('Reset the timer', () => api.call('timer.reset', { sessionId })),
    };
  }, [api, session, enqueue, problem, connected, countdown, setProblem]);
}

export type SessionActions = ReturnType<typeof useSessionActions>;
