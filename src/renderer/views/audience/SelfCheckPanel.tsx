/**
 * A self-check on the projector (issue 17). While the room answers: the scale,
 * how many have answered (never what), the join card; once revealed: the room
 * per dimension (before, then, after), from the core's summary. One person's
 * ratings never reach this view: the summary has room figures only.
 */
import type { SelfCheckQuestion, Session } from '../../../shared/model';
import { useSessionSummary } from '../../app/useSessionSummary';
import { JoinCard } from '../../components/session/JoinCard';
import { SelfCheckChart } from '../../components/selfCheck/SelfCheckChart';
import styles from './ProjectedSlide.module.css';

interface SelfCheckPanelProps {
  session: Session;
  selfCheck: SelfCheckQuestion;
  joinUrl: string | undefined;
  preview: boolean;
}

export function SelfCheckPanel({ session, selfCheck, joinUrl, preview }: SelfCheckPanelProps) {
  const view = session.questions[selfCheck.id];
  const summary = useSessionSummary(session.id, session);
  if (!view) return null;
  const open = view.status === 'open';
  const answered = view.voteCount;
  const hideFromReaders = preview || undefined;
  const figures = summary.data?.selfCheck;
  if (view.revealed) {
    return (
      <div className={styles.selfCheckReveal} aria-hidden={hideFromReaders}>
        {figures ? <SelfCheckChart figures={figures} size="projector" /> : <p aria-busy="true">Loading the room’s figures…</p>}
      </div>
    );
  }
  const showJoin = open && Boolean(joinUrl);
  return (
    <div className={`${styles.body} ${showJoin ? styles.withJoin : ''}`}>
      <div className={styles.column}>
        <p className={styles.selfCheckHint}>
          {session.votingMode === 'groups' && !joinUrl
            ? 'Each group agrees on its own rating of each statement; the facilitator enters them.'
            : `On your phone: rate each of the ${selfCheck.statements.length} statements from ${selfCheck.min} (${selfCheck.minLabel || 'low'}) to ${selfCheck.max} (${selfCheck.maxLabel || 'high'})${selfCheck.phase === 'after' ? ', now and looking back' : ''}.`}
        </p>
        <p className={styles.selfCheckHint}>Your answers stay yours: this screen shows only the room’s averages.</p>
        <div className={styles.status} role={preview ? undefined : 'status'}>
          <span className={open ? styles.open : ''}>{open ? 'The self-check is open' : view.status === 'closed' ? 'The self-check is closed' : ''}</span>
          <span>
            {answered} {answered === 1 ? 'has' : 'have'} answered
          </span>
        </div>
      </div>
      {showJoin && (
        <div className={styles.joinSide} aria-hidden={hideFromReaders}>
          <JoinCard url={joinUrl!} code={session.joinCode} className={styles.banner} />
        </div>
      )}
    </div>
  );
}
