/**
 * The facilitator's panel for an open question or a rating (issue 19): open,
 * close and reveal as for a scenario (V, R, U too); for an open question the
 * answers as they come in, each hidden or shown with one click, and those the
 * word list held back waiting to be let through, plus a field per group for the
 * answers a group types at the laptop; for a rating, each group's rating and the
 * hand count per value. The revealed figures are drawn as the projector draws them.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { Group, Session, Slide } from '../../../shared/model';
import { OPEN_ANSWER_MAX, OPEN_ANSWERS_PER_VOTER, scaleValues } from '../../../shared/slideRules';
import type { OpenAnswer } from '../../../shared/summary';
import { ownValue } from '../../../shared/records';
import { useApi } from '../../app/ApiContext';
import { Button } from '../../components/Button';
import { revealRefusal, voteAgainLabel } from '../../components/session/keymap';
import { VoteProgressLine } from '../../components/session/VoteProgressLine';
import type { SessionActions } from '../../components/session/useSessionActions';
import { ScaleBars } from '../../components/answers/ScaleBars';
import { WordList } from '../../components/answers/WordList';
import { useOpenAnswers } from './useOpenAnswers';
import { formatDuration, useNow } from './useClock';
import styles from './PresenterView.module.css';
import own from './AnswerControls.module.css';
import { CountdownSelect } from './CountdownSelect';

type AnswerSlide = Extract<Slide, { kind: 'open' | 'rating' }>;


interface AnswerControlsProps {
  session: Session;
  slide: AnswerSlide;
  actions: SessionActions;
}

export function AnswerControls({ session, slide, actions }: AnswerControlsProps) {
  const question = slide.question;
  const view = session.questions[question.id];
  const now = useNow(500);
  if (!view) return null;
  const ended = session.status === 'ended';
  const open = view.status === 'open';
  const remaining = view.closesAt ? new Date(view.closesAt).getTime() - now : null;
  const groupsAnswer = session.groups.length > 0 && session.votingMode !== 'hands';
  const { countdown, setCountdown } = actions;

  return (
    <section className={`${styles.panel} ${styles.voting}`} aria-labelledby="voting-heading">
      <div className={styles.votingHead}>
        <h2 id="voting-heading">{question.type === 'text' ? 'Open answers' : 'Rating'}</h2>
        <p className={`${styles.status} ${open ? styles.statusOpen : ''}`} role="status">
          {open ? 'Voting is open' : view.status === 'closed' ? 'Voting is closed' : 'Voting has not started'}
          {view.revealed ? ' · revealed' : ''}
          {view.round && view.round > 1 ? ` · round ${view.round}` : ''}
          {remaining !== null && remaining > 0 ? ` · closes in ${formatDuration(remaining)}` : ''}
        </p>
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
              <Button size="small" intent="primary" onClick={() => actions.openVoting(countdown || undefined)}>
                {view.status === 'closed' ? 'Reopen voting (V)' : 'Open voting (V)'}
              </Button>
              <CountdownSelect value={countdown} onChange={setCountdown} />
            </>
          )}
          <Button size="small" onClick={actions.reveal} disabled={view.revealed} title={revealRefusal(view, session.votingMode) ?? 'Show the room the answers'}>
            Reveal (R)
          </Button>
          <Button size="small" onClick={actions.undo} disabled={!open || view.voterIds.length + view.phoneVotes === 0}>
            Undo last answer (U)
          </Button>
          {view.revealed && (
            <Button size="small" onClick={actions.voteAgain} title="A new round: the results hide again and everyone answers afresh; this round stays in the report">
              {voteAgainLabel(view)}
            </Button>
          )}
        </div>
      )}
      {question.type === 'text' ? (
        <OpenAnswersPanel session={session} questionId={question.id} actions={actions} groupsAnswer={groupsAnswer && !ended} />
      ) : (
        <>
          {groupsAnswer && !ended && !view.revealed && <GroupRatings groups={session.groups} values={scaleValues(question)} voted={new Set(view.progress.groupsVoted)} open={open} onRate={actions.castValue} />}
          {session.votingMode === 'hands' && !ended && <ValueHandCounts values={scaleValues(question)} counts={view.handCounts} onChange={actions.setCount} />}
          {view.revealed && view.totals && (
            <div className={own.figures}>
              <ScaleBars min={question.min} max={question.max} minLabel={question.minLabel} maxLabel={question.maxLabel} counts={view.totals} mean={view.mean} label={question.prompt} layout="compact" />
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** The answers as they come in: each with Hide/Show; held back by the word list: Let through. */
function OpenAnswersPanel({ session, questionId, actions, groupsAnswer }: { session: Session; questionId: string; actions: SessionActions; groupsAnswer: boolean }) {
  const view = session.questions[questionId];
  const { answers, error } = useOpenAnswers(session.id, questionId, view);
  const groupName = (groupId: string | null) => (groupId === null ? null : (session.groups.find((group) => group.id === groupId)?.name ?? null));
  const list = answers ?? [];
  const heldBack = list.filter((answer) => answer.heldBack && !answer.hidden);
  const rest = list.filter((answer) => !(answer.heldBack && !answer.hidden));
  return (
    <>
      {groupsAnswer && view?.status === 'open' && <GroupAnswerFields sessionId={session.id} questionId={questionId} groups={session.groups} answers={list} />}
      {error && (
        <p className={own.error} role="alert">
          {error}
        </p>
      )}
      {heldBack.length > 0 && (
        <section aria-labelledby="held-back-heading" className={own.heldBack}>
          <h3 id="held-back-heading" className={own.subheading}>
            Held back by the word list ({heldBack.length})
          </h3>
          <ul className={own.answers}>
            {heldBack.map((answer) => (
              <AnswerRow key={answer.answerId} answer={answer} group={groupName(answer.groupId)} actions={actions} />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="answers-heading">
        <h3 id="answers-heading" className={own.subheading}>
          Answers ({rest.length}){view && view.hiddenCount > 0 ? ` · ${view.hiddenCount} hidden` : ''}
        </h3>
        {answers === null && !error ? (
          <p className={own.muted}>Reading the answers…</p>
        ) : rest.length === 0 ? (
          <p className={own.muted}>No answers yet.</p>
        ) : (
          <ul className={own.answers}>
            {rest.map((answer) => (
              <AnswerRow key={answer.answerId} answer={answer} group={groupName(answer.groupId)} actions={actions} />
            ))}
          </ul>
        )}
      </section>
      {view?.revealed && view.words && view.words.length > 0 && (
        <details className={own.words}>
          <summary>The cloud’s words ({view.words.length})</summary>
          <WordList words={view.words} />
        </details>
      )}
    </>
  );
}

function AnswerRow({ answer, group, actions }: { answer: OpenAnswer; group: string | null; actions: SessionActions }) {
  const held = answer.heldBack && !answer.hidden;
  return (
    <li className={`${own.answer} ${answer.hidden ? own.hidden : ''}`} data-answer-id={answer.answerId}>
      <span className={own.text}>{answer.text}</span>
      <span className={own.meta}>
        {answer.hidden ? 'Hidden · ' : held ? 'Held back · ' : ''}
        {answer.source === 'group' ? (group ?? 'A group') : group ? `Phone, ${group}` : 'Phone'}
      </span>
      <span className={own.buttons}>
        {held && (
          <Button size="small" onClick={() => actions.releaseAnswer(answer.answerId)} aria-label={`Let through: ${answer.text}`}>
            Let through
          </Button>
        )}
        <Button size="small" onClick={() => actions.setAnswerHidden(answer.answerId, !answer.hidden)} aria-label={`${answer.hidden ? 'Show' : 'Hide'}: ${answer.text}`} aria-pressed={answer.hidden}>
          {answer.hidden ? 'Show' : 'Hide'}
        </Button>
      </span>
    </li>
  );
}

/** A field per group for the answers it types at the laptop, up to 3 each. */
function GroupAnswerFields({ sessionId, questionId, groups, answers }: { sessionId: string; questionId: string; groups: Group[]; answers: readonly OpenAnswer[] }) {
  return (
    <div className={own.groupFields}>
      <h3 className={own.subheading}>Groups’ answers</h3>
      {groups.map((group) => (
        <GroupAnswerField key={group.id} sessionId={sessionId} questionId={questionId} group={group} given={answers.filter((answer) => answer.source === 'group' && answer.groupId === group.id).length} />
      ))}
    </div>
  );
}

function GroupAnswerField({ sessionId, questionId, group, given }: { sessionId: string; questionId: string; group: Group; given: number }) {
  const api = useApi();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = `group-answer-${group.id}`;
  const full = given >= OPEN_ANSWERS_PER_VOTER;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return setProblem('Type the group’s answer first.');
    setSending(true);
    setProblem(null);
    // The text stays in the field until the host has it: nothing typed is lost to a refusal.
    api.call('voting.cast', { sessionId, questionId, voterId: group.id, text: trimmed }).then(
      () => {
        setText('');
        setSending(false);
      },
      (error: Error) => {
        setProblem(error.message);
        setSending(false);
      },
    );
  };
  return (
    <form className={own.groupField} onSubmit={submit} style={{ ['--group-color' as string]: group.color }}>
      <label htmlFor={id} className={own.groupName}>
        {group.name} <span className={own.muted}>({given} of {OPEN_ANSWERS_PER_VOTER})</span>
      </label>
      <input id={id} type="text" value={text} maxLength={OPEN_ANSWER_MAX} disabled={full} placeholder={full ? `${OPEN_ANSWERS_PER_VOTER} answers given` : 'The group’s answer'} onChange={(e) => setText(e.target.value)} aria-describedby={problem ? `${id}-problem` : undefined} />
      <Button size="small" type="submit" disabled={full || sending}>
        Add
      </Button>
      {problem && (
        <p id={`${id}-problem`} className={own.error} role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

/** Each group's rating: a button per value; the chosen one is not shown before the reveal (only that the group rated). */
function GroupRatings({ groups, values, voted, open, onRate }: { groups: Group[]; values: number[]; voted: Set<string>; open: boolean; onRate: (groupId: string, value: number) => void }) {
  return (
    <div className={own.groupRatings}>
      <h3 className={own.subheading}>Groups’ ratings</h3>
      {groups.map((group) => (
        <div key={group.id} className={own.ratingRow} role="group" aria-label={`${group.name}’s rating`} style={{ ['--group-color' as string]: group.color }}>
          <span className={own.groupName}>
            {group.name} <span className={own.muted}>{voted.has(group.id) ? '✓ Rated' : 'Waiting'}</span>
          </span>
          <span className={own.values}>
            {values.map((value) => (
              <Button key={value} size="small" disabled={!open} onClick={() => onRate(group.id, value)} aria-label={`${group.name} rates ${value}`}>
                {value}
              </Button>
            ))}
          </span>
        </div>
      ))}
    </div>
  );
}

/** Hand counts per value of the scale. */
function ValueHandCounts({ values, counts, onChange }: { values: number[]; counts: Record<string, number>; onChange: (optionId: string, count: number) => void }) {
  // Steps count from what was last clicked, as for a scenario's hand counts.
  const [local, setLocal] = useState(counts);
  useEffect(() => setLocal(counts), [counts]);
  const change = (key: string, count: number) => {
    const value = Math.max(0, count);
    setLocal((current) => ({ ...current, [key]: value }));
    onChange(key, value);
  };
  return (
    <div>
      <h3 className={own.subheading}>Hands per value</h3>
      {values.map((value) => {
        const key = String(value);
        const count = ownValue(local, key) ?? 0;
        return (
          <div key={value} className={styles.countRow}>
            <strong>{value}</strong>
            <span />
            <span className={styles.stepper}>
              <Button size="small" aria-label={`One less for ${value}`} onClick={() => change(key, count - 1)} disabled={count <= 0}>
                −
              </Button>
              <input type="number" min={0} aria-label={`Hands for ${value}`} value={count} onChange={(e) => change(key, Number(e.target.value) || 0)} />
              <Button size="small" aria-label={`One more for ${value}`} onClick={() => change(key, count + 1)}>
                +
              </Button>
            </span>
          </div>
        );
      })}
    </div>
  );
}
