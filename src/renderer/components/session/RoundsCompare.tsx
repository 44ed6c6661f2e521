/**
 * Voting again on the projector (and the presenter's copy): the first round beside
 * the last, with who moved, in aggregate only ("The room moved 18 points toward
 * leader", "4 groups moved toward leader"); never a person. The bars are the same
 * RevealBars as a single round's; a table says the same for screen readers.
 */
import type { Group, Question, QuestionView } from '../../../shared/model';
import { formatShare, summarizeQuestion } from '../../../shared/profile';
import { groupMovementText, movementOfTallies, roomMovementText, type RoundTally } from '../../../shared/rounds';
import { RevealBars } from './RevealBars';
import styles from './RoundsCompare.module.css';

interface RoundsCompareProps {
  question: Question;
  /** The question's view in its last round, revealed: `totals` set, `earlierRounds` present. */
  view: QuestionView;
  groups: readonly Group[];
  byGroup?: boolean;
}

const votes = (n: number) => `${n} vote${n === 1 ? '' : 's'}`;

export function RoundsCompare({ question, view, groups, byGroup = false }: RoundsCompareProps) {
  const first = view.earlierRounds?.[0];
  if (!first || !view.totals) return null;
  const last: RoundTally = { round: view.round ?? 2, totals: view.totals, totalsByGroup: view.totalsByGroup ?? {}, voteCount: view.voteCount };
  const movement = movementOfTallies(question, first, last, groups);
  const groupsText = groupMovementText(movement);
  const before = summarizeQuestion(question, first.totals);
  const after = summarizeQuestion(question, last.totals);
  return (
    <section className={styles.compare} aria-label={`Round ${first.round} and round ${last.round}`} data-rounds={`${first.round},${last.round}`}>
      <p className={styles.moved} data-direction={movement.direction}>
        <strong>{roomMovementText(movement)}</strong>
        {groupsText && <span> {groupsText}.</span>}
      </p>
      <div className={styles.columns} aria-hidden="true">
        {[first, last].map((round) => (
          <div key={round.round} className={styles.column} data-round={round.round}>
            <h3 className={styles.roundTitle}>
              Round {round.round}
              <span className={styles.count}> · {votes(round.voteCount)} · leader {formatShare(round === first ? before.leaderShare : after.leaderShare)}</span>
            </h3>
            <RevealBars question={question} totals={round.totals} view={{ totals: round.totals, totalsByGroup: round.totalsByGroup }} groups={groups} byGroup={byGroup} showTags={round !== first} />
          </div>
        ))}
      </div>
      <table className="visually-hidden">
        <caption>
          Answers in round {first.round} and round {last.round}
        </caption>
        <thead>
          <tr>
            <th scope="col">Answer</th>
            <th scope="col">Round {first.round}</th>
            <th scope="col">Round {last.round}</th>
          </tr>
        </thead>
        <tbody>
          {question.options.map((option, index) => (
            <tr key={option.id}>
              <th scope="row">
                {before.options[index]!.letter}: {option.label} ({option.style})
              </th>
              <td>
                {votes(before.options[index]!.count)}, {formatShare(before.voteCount > 0 ? before.options[index]!.share : 0)}
              </td>
              <td>
                {votes(after.options[index]!.count)}, {formatShare(after.voteCount > 0 ? after.options[index]!.share : 0)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
