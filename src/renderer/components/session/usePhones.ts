/** Where phones join a session and how many are there, kept current by events. */
import { useEffect } from 'react';
import type { PhoneStatus } from '../../../shared/contract';
import { useApi } from '../../app/ApiContext';
import { useCommand } from '../../app/hooks';

export function usePhones(sessionId: string): PhoneStatus | undefined {
  const api = useApi();
  const phones = useCommand(
    'sessions.phones',
    { sessionId },
    (event) =>
      'sessionId' in event.data &&
      event.data.sessionId === sessionId &&
      ['phones.changed', 'vote.cast', 'slide.changed', 'vote.undone', 'session.ended', 'voting.opened'].includes(event.name),
  );
  // Phones come and go while the host is away: once it is back, ask again rather than show the old count.
  const { reload } = phones;
  useEffect(() => {
    let was: boolean | null = null;
    return api.onConnection((connected) => {
      if (connected && was === false) reload();
      was = connected;
    });
  }, [api, reload]);
  return phones.data;
}
