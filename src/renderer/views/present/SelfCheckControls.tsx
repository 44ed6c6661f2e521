/**
 * The facilitator's panel for a self-check slide (issue 17): open, close and
 * reveal it, see how many answered (never what), and with groups on the shared
 * screen, enter each group's own ratings in one form. A person's answers are
 * not in this view: the core gives it counts only.
 */
import { useState } from 'react';
import type { SelfCheckQuestion, Session } from '../../../shared/model';
import { selfCheckItems } from '../../../shared/selfCheck';
import { Button } from '../../components/Button';
import { revealRefusal } from '../../components/session/keymap';
import type { SessionActions } from '../../components/session/useSessionActions';
import presenter from './PresenterView.module.css';
import styles from './SelfCheckControls.module.css';

export function SelfCheckControls({ session, selfCheck, actions }: { session: Session; selfCheck: SelfCheckQuestion; actions: SessionActions }) {
  const view = session.questions[selfCheck.id];
  if (!view) return null;
  const ended = session.status === 'ended';
  const open = view.status === 'open';
  const groupsDone = view.voterIds.length;
  return (
    <section className={`${presenter.panel} ${presenter.voting}`} aria-labelledby="selfcheck-heading">
      <div className={presenter.votingHead}>
        <h2 id="selfcheck-heading">Self-check ({selfCheck.phase})</h2>
        <p className={`${presenter.status} ${open ? presenter.statusOpen : ''}`} role="status">
          {open ? 'The self-check is open' : view.status === 'closed' ? 'The self-check is closed' : 'The self-check has not started'}
          {view.revealed ? ' · revealed' : ''} · {view.voteCount} answered
          {session.groups.length > 0 ? ` (${groupsDone} of ${session.groups.length} groups at the laptop, ${view.phoneVotes} phones)` : ''}
        </p>
      </div>
      {!ended && (
        <div className={presenter.votingRow}>
          {open ? (
            <Button size="small" intent="primary" onClick={actions.closeVoting}>
              Close the self-check (V)
            </Button>
          ) : (
            <Button size="small" intent="primary" onClick={() => actions.openVoting()}>
              {view.status === 'closed' ? 'Reopen the self-check (V)' : 'Open the self-check (V)'}
            </Button>
          )}
          <Button size="small" onClick={actions.reveal} disabled={view.revealed} title={revealRefusal(view, session.votingMode) ?? 'Show the room’s averages per dimension'}>
            Reveal the room’s averages (R)
          </Button>
          <Button size="small" onClick={actions.undo} disabled={!open || view.voteCount === 0}>
            Undo last rating (U)
          </Button>
        </div>
      )}
      {view.selfCheckAnswersNeeded !== undefined && (
        <p className={styles.privacy} role="note">
          {view.selfCheckAnswersNeeded} more {view.selfCheckAnswersNeeded === 1 ? 'answer' : 'answers'} needed before the room’s averages can change: until then a reveal shows the averages shown last, so no one person’s rating can be read off the difference.
        </p>
      )}
      <p className={styles.privacy}>Each person’s ratings stay theirs: you and the screen see how many answered and, once revealed, the room’s averages only.</p>
      {session.groups.length > 0 && session.votingMode === 'groups' && open && <GroupSelfCheckForm session={session} selfCheck={selfCheck} actions={actions} done={view.voterIds} />}
    </section>
  );
}

function GroupSelfCheckForm({ session, selfCheck, actions, done }: { session: Session; selfCheck: SelfCheckQuestion; actions: SessionActions; done: string[] }) {
  const [groupId, setGroupId] = useState(session.groups[0]?.id ?? '');
  const [ratings, setRatings] = useState<Map<string, number>>(() => new Map());
  const items = selfCheckItems(selfCheck);
  const values: number[] = [];
  for (let value = selfCheck.min; value <= selfCheck.max; value += 1) values.push(value);
  const group = session.groups.find((g) => g.id === groupId);
  const rated = items.filter((item) => ratings.has(item.id)).length;
  return (
    <form
      className={styles.form}
      aria-label="A group’s self-check"
      onSubmit={(event) => {
        event.preventDefault();
        actions.rateSelfCheck(groupId, [...ratings].map(([itemId, value]) => ({ itemId, value })));
        setRatings(new Map());
      }}
    >
      <label className={styles.groupPick}>
        Group rating itself{' '}
        <select
          value={groupId}
          onChange={(event) => {
            setGroupId(event.target.value);
            setRatings(new Map());
          }}
        >
          {session.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
              {done.includes(g.id) ? ' (rated)' : ''}
            </option>
          ))}
        </select>
      </label>
      <table className={styles.grid}>
        <caption className="visually-hidden">
          {group?.name ?? 'The group'}’s ratings, from {selfCheck.min} ({selfCheck.minLabel || 'low'}) to {selfCheck.max} ({selfCheck.maxLabel || 'high'})
        </caption>
        <thead>
          <tr>
            <th scope="col">Statement</th>
            {values.map((value, index) => (
              <th scope="col" key={value}>
                {value}
                {index === 0 && selfCheck.minLabel ? <span className={styles.end}>{selfCheck.minLabel}</span> : null}
                {index === values.length - 1 && selfCheck.maxLabel ? <span className={styles.end}>{selfCheck.maxLabel}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const name = item.then ? `${item.prompt} (${selfCheck.thenPrompt || 'before today'})` : item.prompt;
            return (
              <tr key={item.id} className={item.then ? styles.thenRow : undefined}>
                <th scope="row">{item.then ? <span className={styles.thenLabel}>Before today</span> : item.prompt}</th>
                {values.map((value) => (
                  <td key={value}>
                    <input
                      type="radio"
                      name={`${groupId}-${item.id}`}
                      aria-label={`${name}: ${value}`}
                      checked={ratings.get(item.id) === value}
                      onChange={() => setRatings((current) => new Map(current).set(item.id, value))}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className={styles.submitRow}>
        <span>
          {rated} of {items.length} rated
        </span>
        <button type="submit" className={styles.submit} disabled={rated === 0}>
          Save {group?.name ?? 'the group'}’s ratings
        </button>
      </div>
    </form>
  );
}
