/**
 * The facilitator's voting panel for the current scenario: open (with an optional
 * countdown, which V uses too), close, reveal (once a vote is in), undo; progress
 * per group; hand counts; the revealed bars, drawn as the projector draws them.
 */
import { useEffect, useState } from 'react';
import { revealRefusal, voteAgainLabel } from '../../components/session/keymap';
import type { Question, Session } from '../../../shared/model';
import { Button } from '../../components/Button';
import { GroupTiles } from '../../components/session/GroupTiles';
import { RevealBars } from '../../components/session/RevealBars';
import { RoundsCompare } from '../../components/session/RoundsCompare';
import { VoteProgressLine } from '../../components/session/VoteProgressLine';
import { preloadCharts } from '../../components/charts/lazy';
import type { SessionActions } from '../../components/session/useSessionActions';
import { formatDuration, useNow } from './useClock';
import styles from './PresenterView.module.css';
import { optionLetter } from '../../../shared/optionLetter';
import { ownValue } from '../../../shared/records';
import { CountdownSelect } from './CountdownSelect';


export function VotingControls({ session, question, actions, pendingGroup }: { session: Session; question: Question; actions: SessionActions; pendingGroup: number | null }) {
  const view = session.questions[question.id];
  const { countdown, setCountdown } = actions;
  const now = useNow(500);
  if (!view) return null;
  const ended = session.status === 'ended';
  const open = view.status === 'open';
  const remaining = view.closesAt ? new Date(view.closesAt).getTime() - now : null;

  return (
    <section className={`${styles.panel} ${styles.voting}`} aria-labelledby="voting-heading">
      <div className={styles.votingHead}>
      <h2 id="voting-heading">Voting</h2>
      <p className={`${styles.status} ${open ? styles.statusOpen : ''}`} role="status">
        {(view.round ?? 1) > 1 ? `Round ${view.round} · ` : ''}
        {open ? 'Voting is open' : view.status === 'closed' ? 'Voting is closed' : 'Voting has not started'}
        {view.revealed ? ' · revealed' : ''}
        {remaining !== null && remaining > 0 ? ` · closes in ${formatDuration(remaining)}` : ''}
      </p>
      {/* Hands belong to no group: "0 of 4 groups" would read as nobody voting. */}
      <VoteProgressLine progress={view.progress} groupCount={session.votingMode === 'hands' ? 0 : session.groups.length} />
      </div>
      {!ended && (
        <div className={styles.votingRow}>
          {open ? (
            <Button size="small" intent="primary" onClick={actions.closeVoting}>
              Close voting (V)
            </Button>
          ) : (
            <>
              <Button
                size="small"
                intent="primary"
                onClick={() => {
                  void preloadCharts();
                  actions.openVoting(countdown || undefined);
                }}
              >
                {view.revealed ? 'Reopen this round (V)' : view.status === 'closed' ? 'Reopen voting (V)' : 'Open voting (V)'}
              </Button>
              <CountdownSelect value={countdown} onChange={setCountdown} />
            </>
          )}
          <Button size="small" onClick={actions.reveal} disabled={view.revealed} title={revealRefusal(view, session.votingMode) ?? 'Show the room what it chose'}>
            Reveal (R)
          </Button>
          <Button size="small" onClick={actions.undo} disabled={!open || view.voterIds.length + view.phoneVotes === 0}>
            Undo last vote (U)
          </Button>
          {view.revealed && (
            <Button size="small" onClick={actions.voteAgain} title="After the debrief: a new round, the results hidden again; the first round is kept">
              {voteAgainLabel(view)}
            </Button>
          )}
          {view.revealed && session.groups.length > 0 && (
            <Button size="small" onClick={actions.toggleByGroup} aria-pressed={session.resultsByGroup}>
              Split by group (G)
            </Button>
          )}
        </div>
      )}
      {session.groups.length > 0 && session.votingMode !== 'hands' && !view.revealed && (
        <div className={styles.tilesWrap}>
          <GroupTiles groups={session.groups} question={question} view={view} onVote={actions.vote} pendingGroup={pendingGroup} />
        </div>
      )}
      {session.votingMode === 'hands' && !ended && <HandCounts question={question} counts={view.handCounts} onChange={actions.setCount} />}
      {view.totals && (
        <div className={styles.barsWrap}>
          {view.earlierRounds?.length ? (
            <RoundsCompare question={question} view={view} groups={session.groups} byGroup={session.resultsByGroup && session.groups.length > 0} />
          ) : (
            <RevealBars question={question} totals={view.totals} view={view} groups={session.groups} byGroup={session.resultsByGroup && session.groups.length > 0} />
          )}
        </div>
      )}
    </section>
  );
}

function HandCounts({ question, counts, onChange }: { question: Question; counts: Record<string, number>; onChange: (optionId: string, count: number) => void }) {
  // Steps count from what was last clicked, not from the last snapshot: two quick
  // clicks on "+" must add two, even before the first comes back from the core.
  const [local, setLocal] = useState(counts);
  useEffect(() => setLocal(counts), [counts]);
  const change = (optionId: string, count: number) => {
    const value = Math.max(0, count);
    setLocal((current) => ({ ...current, [optionId]: value }));
    onChange(optionId, value);
  };
  return (
    <div>
      <h3 className="visually-hidden">Hand count</h3>
      {question.options.map((option, index) => {
        const count = ownValue(local, option.id) ?? 0;
        const letter = optionLetter(index);
        return (
          <div key={option.id} className={styles.countRow}>
            <strong>{letter}</strong>
            <span>{option.label}</span>
            <span className={styles.stepper}>
              <Button size="small" aria-label={`One less for ${letter}`} onClick={() => change(option.id, count - 1)} disabled={count <= 0}>
                −
              </Button>
              <input
                type="number"
                min={0}
                aria-label={`Hands for ${letter}: ${option.label}`}
                value={count}
                onChange={(e) => change(option.id, Number(e.target.value) || 0)}
              />
              <Button size="small" aria-label={`One more for ${letter}`} onClick={() => change(option.id, count + 1)}>
                +
              </Button>
            </span>
          </div>
        );
      })}
    </div>
  );
}
