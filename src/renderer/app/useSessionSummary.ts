/**
 * The core's summary of a session (`reports.get`), fetched again whenever the
 * live session moves: a reveal, an end, a vote or hand count (each changes the
 * session snapshot the page already follows, reconnects included), or the
 * settings (the privacy floor). The page draws the summary; it never counts.
 */
import { useEffect, useRef } from 'react';
import type { Session } from '../../shared/model';
import type { SessionSummaryReport } from '../../shared/summary';
import { useCommand, type Loaded } from './hooks';

/** What changes when any figure may: the snapshot's time and each question's answer count. */
function fingerprint(session: Session | undefined): string {
  if (!session) return '';
  let key = session.updatedAt;
  for (const [id, question] of Object.entries(session.questions)) key += `|${id}:${question.voteCount}:${question.revealed ? 1 : 0}`;
  return key;
}

export function useSessionSummary(sessionId: string, session: Session | undefined): Loaded<SessionSummaryReport> {
  const summary = useCommand('reports.get', { sessionId }, (event) => event.name === 'settings.changed');
  const key = fingerprint(session);
  const seen = useRef(key);
  const { reload } = summary;
  useEffect(() => {
    if (seen.current === key) return;
    // The first snapshot arrives with the first summary: no second fetch for it.
    const first = seen.current === '';
    seen.current = key;
    if (!first) reload();
  }, [key, reload]);
  return summary;
}
