/** The report's cover: workshop, title, date, facilitator, voting mode, status, and who took part. */
import type { Session } from '../../../../shared/model';
import type { SessionSummaryReport } from '../../../../shared/summary';
import { sessionDate, votingModeText } from '../reportData';
import { GroupName } from './GroupName';
import shared from './reportShared.module.css';
import styles from './ReportCover.module.css';

/** The status line: how far the session got, in the summary's numbers. */
export function statusText(session: Pick<Session, 'status'>, summary: SessionSummaryReport): string {
  const { votes, votedOn, scenarios, revealed } = summary.totals;
  const counted = `${votes} vote${votes === 1 ? '' : 's'} on ${votedOn} of ${scenarios} scenario${scenarios === 1 ? '' : 's'}; ${revealed} revealed`;
  return session.status === 'ended' ? `Ended; ${counted}` : `Still running: ${counted} so far`;
}

export function ReportCover({ session, summary }: { session: Session; summary: SessionSummaryReport }) {
  const groups = summary.participants.groups;
  return (
    <section className={styles.cover} aria-labelledby="report-title">
      <p className={shared.kicker}>Workshop report</p>
      <p className={styles.workshop}>{session.workshopTitle}</p>
      <h1 id="report-title" className={styles.title}>
        {session.title}
      </h1>
      <dl className={styles.facts}>
        <dt>Date</dt>
        <dd>{sessionDate(session)}</dd>
        <dt>Facilitator</dt>
        <dd>{session.facilitator.trim() || '—'}</dd>
        <dt>Voting</dt>
        <dd>{votingModeText(session.votingMode)}</dd>
        <dt>Status</dt>
        <dd>{statusText(session, summary)}</dd>
      </dl>
      {groups.length > 0 ? (
        <table className={`${shared.table} ${styles.groups}`}>
          <caption>Groups</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col" className={shared.num}>
                People
              </th>
              <th scope="col" className={shared.num}>
                Phones
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.id}>
                <th scope="row">
                  <GroupName group={group} />
                </th>
                <td className={shared.num}>{group.size ?? '—'}</td>
                <td className={shared.num}>{group.phones}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No groups: {session.votingMode === 'hands' ? 'the facilitator counted hands.' : 'everyone voted on their own phone.'}</p>
      )}
    </section>
  );
}
