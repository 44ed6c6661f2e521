/**
 * One tile per group: "voted" or "waiting", never what it chose before the reveal.
 * On a touch screen a group taps its tile, then its option's letter.
 */
import { useState } from 'react';
import type { Group, Question, QuestionView } from '../../../shared/model';
import styles from './GroupTiles.module.css';
import { optionLetter } from '../../../shared/optionLetter';

interface GroupTilesProps {
  groups: Group[];
  question: Question;
  view: QuestionView;
  /** Lets a group vote by tapping (only while voting is open). */
  onVote?: (groupNumber: number, optionIndex: number) => void;
  /** A group number typed on the keyboard, waiting for its letter. */
  pendingGroup?: number | null;
}

export function GroupTiles({ groups, question, view, onVote, pendingGroup }: GroupTilesProps) {
  const [picking, setPicking] = useState<number | null>(null);
  const open = view.status === 'open' && Boolean(onVote);
  const voted = new Set(view.voterIds);
  return (
    <ul className={styles.tiles} aria-label="Groups">
      {groups.map((group, index) => {
        const number = index + 1;
        const hasVoted = voted.has(group.id);
        const isPicking = open && (picking === number || pendingGroup === number);
        return (
          <li key={group.id} style={{ ['--group-color' as string]: group.color }}>
            <button
              type="button"
              className={`${styles.tile} ${hasVoted ? styles.voted : ''} ${isPicking ? styles.picking : ''}`}
              disabled={!open}
              aria-expanded={open ? isPicking : undefined}
              onClick={() => setPicking(isPicking ? null : number)}
            >
              {/* The visible text is the accessible name: "2. Blue Waiting". */}
              <span className={styles.name}>
                {number}. {group.name}
              </span>{' '}
              <span className={styles.state}>
                {hasVoted && <span aria-hidden="true">✓ </span>}
                {hasVoted ? 'Voted' : 'Waiting'}
              </span>
            </button>
            {isPicking && (
              <div className={styles.choices} role="group" aria-label={`Vote for ${group.name}`}>
                {question.options.map((option, optionIndex) => (
                  <button
                    key={option.id}
                    type="button"
                    className={styles.choice}
                    aria-label={`${group.name} votes ${optionLetter(optionIndex)}: ${option.label}`}
                    onClick={() => {
                      onVote?.(number, optionIndex);
                      setPicking(null);
                    }}
                  >
                    {optionLetter(optionIndex)}
                  </button>
                ))}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
