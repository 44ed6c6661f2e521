/**
 * The follow-up sheet (issue 17): one printed page per session to hand out or
 * send, weeks after the workshop. The workshop, the day it was held, the pulse's
 * short join code in large type, a QR code of the address phones open, the day
 * the pulse is suggested for, a few words for the participants, and the
 * statements they will rate again. On paper it is exactly one page (the page's
 * own size comes from the settings' paper, see FollowUpView).
 */
import type { FollowUpStatus } from '../../../shared/followUp';
import { QrImage } from '../../components/session/QrImage';
import { dayText } from '../history/historyData';
import styles from './FollowUpSheet.module.css';

export interface FollowUpSheetProps {
  sessionTitle: string;
  workshopTitle: string;
  /** The day the workshop was held, in words. */
  heldOn: string;
  status: FollowUpStatus;
  /** The pulse's join code. */
  joinCode: string;
  /** The address phones open, or null when none lets phones in yet (the sheet then gives the code alone). */
  joinUrl: string | null;
}

export function FollowUpSheet({ sessionTitle, workshopTitle, heldOn, status, joinCode, joinUrl }: FollowUpSheetProps) {
  const count = status.statements.length;
  return (
    <article className={styles.sheet} aria-label="The follow-up sheet" data-testid="follow-up-sheet">
      <header className={styles.head}>
        <p className={styles.kicker}>Follow-up · {workshopTitle}</p>
        <h1 className={styles.title}>{sessionTitle}</h1>
        <p className={styles.held}>Workshop held on {heldOn}</p>
      </header>

      <p className={styles.lead}>
        A few weeks on: how true are the workshop’s statements of you at work now? It takes two minutes, on your phone, with no account and no app.
      </p>

      <section className={styles.join} aria-label="How to answer">
        {joinUrl ? <QrImage url={joinUrl} className={styles.qr} /> : null}
        <div className={styles.joinWords}>
          <p className={styles.when}>
            Please answer on or around <strong>{dayText(status.suggestedOn, undefined, true)}</strong>
          </p>
          <p className={styles.codeLabel}>Your code</p>
          <p className={styles.code} data-testid="follow-up-code">
            {joinCode}
          </p>
          {joinUrl ? (
            <p className={styles.address}>
              Scan the code with your phone’s camera, or open <strong className={styles.url}>{joinUrl.replace(/^https?:\/\//, '')}</strong>
            </p>
          ) : (
            <p className={styles.address}>Open the address your facilitator gives you, then enter this code.</p>
          )}
        </div>
      </section>

      <ol className={styles.steps}>
        <li>Join the same network as the facilitator’s laptop (the Wi-Fi of the follow-up meeting or the office), then scan or open the address.</li>
        <li>
          Rate each of the {count} statements from {status.min} ({status.minLabel || 'low'}) to {status.max} ({status.maxLabel || 'high'}), as true of you at work today: the same
          statements as at the workshop.
        </li>
        <li>Your answers stay yours: the facilitator sees only the group’s averages, beside those from the workshop.</li>
      </ol>

      <section aria-labelledby="follow-up-statements">
        <h2 id="follow-up-statements" className={styles.listTitle}>
          The {count} statements
        </h2>
        <ol className={styles.statements}>
          {status.statements.map((statement) => (
            <li key={statement.dimensionId}>
              <span className={styles.dimension}>{statement.dimensionName}</span> {statement.statement}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
