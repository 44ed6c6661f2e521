/**
 * An open question's answers for the facilitator (`voting.answers`), before the
 * reveal too: the session's snapshots carry only their counts, so the list is
 * read again whenever those counts change (a new answer, one hidden or let through).
 */
import { useEffect, useState } from 'react';
import type { QuestionView } from '../../../shared/model';
import type { OpenAnswer } from '../../../shared/summary';
import { useApi } from '../../app/ApiContext';

export function useOpenAnswers(sessionId: string, questionId: string, view: Pick<QuestionView, 'voteCount' | 'hiddenCount' | 'heldBackCount' | 'status' | 'revealed' | 'round'> | undefined) {
  const api = useApi();
  const [answers, setAnswers] = useState<{ questionId: string; list: OpenAnswer[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = view ? `${view.voteCount}/${view.hiddenCount}/${view.heldBackCount}/${view.status}/${view.revealed}/${view.round ?? 1}` : '';
  useEffect(() => {
    if (!view) return;
    let live = true;
    api.call('voting.answers', { sessionId, questionId }).then(
      (result) => {
        if (!live) return;
        setAnswers({ questionId, list: result.answers });
        setError(null);
      },
      (failure: Error) => live && setError(failure.message),
    );
    return () => {
      live = false;
    };
    // `version` stands for the view's counts: the list changes only when they do.
  }, [api, sessionId, questionId, version]);
  return { answers: answers?.questionId === questionId ? answers.list : null, error };
}
