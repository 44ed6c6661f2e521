/** Where phones join a session and how many are there, kept current by events. */
import type { PhoneStatus } from '../../../shared/contract';
import { useCommand } from '../../app/hooks';

export function usePhones(sessionId: string): PhoneStatus | undefined {
  const phones = useCommand(
    'sessions.phones',
    { sessionId },
    (event) =>
      'sessionId' in event.data &&
      event.data.sessionId === sessionId &&
      ['phones.changed', 'vote.cast', 'slide.changed', 'vote.undone', 'session.ended', 'voting.opened'].includes(event.name),
  );
  return phones.data;
}
