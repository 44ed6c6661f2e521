/**
 * The cockpit's top line: the session's name (cut with an ellipsis, whole on
 * hover), then what the facilitator must never have to guess: is the host
 * answering, how many phones are here, is every vote being kept, and the time.
 * While the host is away it says so in words, the phone count is not trusted, and
 * keys are refused with a message (useSessionActions); all of it clears once it is back.
 */
import type { PhoneStatus } from '../../../shared/contract';
import type { Session } from '../../../shared/model';
import { timeOfDay } from './clockFormat';
import { formatDuration } from './useClock';
import styles from './StatusBar.module.css';

interface StatusBarProps {
  session: Session;
  connected: boolean;
  phones: PhoneStatus | undefined;
  now: number;
}

export function StatusBar({ session, connected, phones, now }: StatusBarProps) {
  const ended = session.status === 'ended';
  const endedAt = ended && session.endedAt ? new Date(session.endedAt).getTime() : null;
  const elapsed = (endedAt ?? now) - new Date(session.startedAt).getTime();
  const phonesHere = connected ? (phones?.connected ?? 0) : null;
  return (
    <header className={styles.bar}>
      <a className={styles.back} href="#/" aria-label="Back to the library">
        ← Library
      </a>
      <h1 className={styles.title} title={session.title}>
        {session.title}
      </h1>
      {session.rehearsal && (
        <span className={`${styles.pill} ${styles.rehearsal}`} title="This run is not kept in History; it is removed when it ends.">
          Rehearsal
        </span>
      )}
      <ul className={styles.items} aria-label="Status">
        <li className={`${styles.pill} ${connected ? styles.ok : styles.bad}`}>
          <span className={styles.dot} aria-hidden="true" />
          <span role="status">{connected ? 'Host connected' : 'Host not answering: reconnecting…'}</span>
        </li>
        {!ended && (
          <li className={styles.pill} title={phones?.joinUrls[0] ?? 'Phones cannot reach this computer yet'}>
            {phonesHere === null ? 'Phones: unknown' : `${phonesHere} phone${phonesHere === 1 ? '' : 's'} connected`}
            <span className={styles.code} title="Join code">· {session.joinCode}</span>
          </li>
        )}
        {!ended && connected && (phones?.admission?.turnedAway ?? 0) > 0 && (
          <li className={`${styles.pill} ${styles.warn}`} title="Phones refused because the session is full; change the limit under Phones and join address">
            {phones?.admission?.turnedAway} turned away
          </li>
        )}
        <li className={`${styles.pill} ${ended ? '' : connected && !session.rehearsal ? styles.recording : styles.warn}`}>
          {ended ? 'Ended' : session.rehearsal ? 'Rehearsal: not kept' : connected ? '● Recording' : 'Not saving until the host is back'}
        </li>
      </ul>
      <div className={styles.clock} aria-label="Clock">
        {ended ? (
          <span title="From the start of the session to its end">Ran for {formatDuration(elapsed)}</span>
        ) : (
          <span title="Time since the session started">Elapsed {formatDuration(elapsed)}</span>
        )}
      </div>
      {!ended && (
        <time className={styles.time} aria-label="Time of day">
          {timeOfDay(now)}
        </time>
      )}
    </header>
  );
}
