/**
 * Everything the facilitator can do to a running session, as callbacks over the
 * API. Both the presenter and the audience view (touch screens) use them.
 */
import { useCallback, useMemo, useState } from 'react';
import type { Question, Session } from '../../../shared/model';
import { useApi } from '../../app/ApiContext';
import { optionLetter } from '../../../shared/optionLetter';

/** The question on the current slide, if it is a scenario. */
export function currentQuestion(session: Session): Question | null {
  const slide = session.slides[session.slideIndex];
  return slide?.kind === 'scenario' ? slide.question : null;
}

export function useSessionActions(session: Session | undefined) {
  const api = useApi();
  const [problem, setProblem] = useState<string | null>(null);
  const guard = useCallback(
    (work: () => Promise<unknown>) => {
      setProblem(null);
      work().catch((error: Error) => setProblem(error.message));
    },
    [],
  );

  return useMemo(() => {
    const sessionId = session?.id ?? '';
    const question = session ? currentQuestion(session) : null;
    const state = question && session ? session.questions[question.id] : undefined;
    const goTo = (slideIndex: number) => {
      if (!session || slideIndex < 0 || slideIndex >= session.slides.length || slideIndex === session.slideIndex) return;
      guard(() => api.call('sessions.goTo', { sessionId, slideIndex }));
    };
    return {
      problem,
      clearProblem: () => setProblem(null),
      next: () => session && goTo(session.slideIndex + 1),
      previous: () => session && goTo(session.slideIndex - 1),
      goTo,
      blackout: () => session && guard(() => api.call('sessions.setBlackout', { sessionId, blackout: !session.blackout })),
      openVoting: (seconds?: number) => question && guard(() => api.call('voting.open', { sessionId, questionId: question.id, ...(seconds ? { seconds } : {}) })),
      closeVoting: () => question && guard(() => api.call('voting.close', { sessionId, questionId: question.id })),
      toggleVoting: () => {
        if (!question) return;
        if (state?.status === 'open') guard(() => api.call('voting.close', { sessionId, questionId: question.id }));
        else guard(() => api.call('voting.open', { sessionId, questionId: question.id }));
      },
      reveal: () => question && guard(() => api.call('voting.reveal', { sessionId, questionId: question.id })),
      undo: () => question && guard(() => api.call('voting.undo', { sessionId, questionId: question.id })),
      /** A group's vote by its number (1-based, as on its tile) and the option's index. */
      vote: (groupNumber: number, optionIndex: number) => {
        const group = session?.groups[groupNumber - 1];
        const option = question?.options[optionIndex];
        if (!question) return;
        if (!group) return setProblem(`There is no group ${groupNumber}.`);
        if (!option) return setProblem(`There is no option ${optionLetter(optionIndex)}.`);
        guard(() => api.call('voting.cast', { sessionId, questionId: question.id, voterId: group.id, optionId: option.id }));
      },
      setCount: (optionId: string, count: number) =>
        question && guard(() => api.call('voting.setCount', { sessionId, questionId: question.id, optionId, count: Math.max(0, Math.floor(count)) })),
      toggleByGroup: () => session && guard(() => api.call('sessions.setResultsView', { sessionId, byGroup: !session.resultsByGroup })),
      setNote: (slideId: string, text: string) => guard(() => api.call('sessions.setNote', { sessionId, slideId, text })),
      end: () => guard(() => api.call('sessions.end', { sessionId })),
    };
  }, [api, session, guard, problem]);
}

export type SessionActions = ReturnType<typeof useSessionActions>;
