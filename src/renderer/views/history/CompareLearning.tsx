/**
 * The comparison's learning table (issue 17, "the cohort comparison as a third
 * point in time"): per dimension, each session's room before, then (looking back),
 * after, and weeks later from its follow-up pulses, each mean with the n it rests
 * on. The figures are each summary's `selfCheck`, the privacy floor applied by the
 * core: a withheld mean says so, with its n. Cells read as the self-check's own
 * table does (SelfCheckChart's formatters).
 */
import { Fragment, useMemo } from 'react';
import type { RatingFigure } from '../../../shared/selfCheck';
import { hrefOf } from '../../app/router';
import { FOLLOW_UP_LABEL, figureParts } from '../../components/selfCheck/SelfCheckChart';
import { followUpLine, learningRows, type ComparedSession, type LearningCell } from './historyData';
import styles from './CompareView.module.css';

const POINTS: { key: keyof Omit<LearningCell, 'noSelfCheck'>; label: string }[] = [
  { key: 'before', label: 'Before' },
  { key: 'then', label: 'Then' },
  { key: 'after', label: 'After' },
  { key: 'followUp', label: FOLLOW_UP_LABEL },
];

export function CompareLearning({ items }: { items: readonly ComparedSession[] }) {
  const rows = useMemo(() => learningRows(items), [items]);
  if (rows.length === 0) return null;
  const floor = Math.max(...items.map(({ summary }) => summary.selfCheck?.privacyFloor ?? 0));
  return (
    <section className={styles.section} aria-labelledby="compare-learning">
      <h2 id="compare-learning">Learning: before, after and weeks later</h2>
      <p className={styles.lead}>
        Each room’s mean rating of the self-check’s statements at the start, looking back at the end (“then”), at the end, and in the follow-up pulse weeks later, with how many
        ratings each rests on (n).{floor > 1 ? ` A mean of fewer than ${floor} ratings is not shown.` : ''}
      </p>
      <ul className={styles.pulses} aria-label="Follow-up pulses">
        {items.map(({ session, summary }) => (
          <li key={session.id}>
            <strong>{session.title}</strong>, {FOLLOW_UP_LABEL.toLowerCase()}: {summary.selfCheck ? followUpLine(summary.selfCheck.followUp) : 'no self-check in this session'}
            {summary.selfCheck && session.followUpOf === null && (
              <>
                {' · '}
                <a href={hrefOf({ view: 'followUp', sessionId: session.id })}>
                  Follow-up page<span className="visually-hidden"> of {session.title}</span>
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
      <div className={styles.scroll}>
        <table className={styles.table} data-testid="compare-learning">
          <caption className="visually-hidden">The room’s self-check per dimension and session: before, then, after and {FOLLOW_UP_LABEL.toLowerCase()}, each mean with its n</caption>
          <colgroup>
            <col />
          </colgroup>
          {items.map(({ session }) => (
            <colgroup key={session.id} span={POINTS.length} className={styles.sessionColumns} />
          ))}
          <thead>
            <tr>
              <td />
              {items.map(({ session }) => (
                <th key={session.id} scope="colgroup" colSpan={POINTS.length} className={styles.groupHead}>
                  {session.title}
                </th>
              ))}
            </tr>
            <tr>
              <th scope="col">Dimension</th>
              {items.map(({ session }) => (
                <Fragment key={session.id}>
                  {POINTS.map((point) => (
                    <th key={point.key} scope="col" className={styles.num}>
                      {point.label}
                    </th>
                  ))}
                </Fragment>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.dimensionId}>
                <th scope="row">{row.name}</th>
                {row.cells.map((cell, index) =>
                  cell.noSelfCheck ? (
                    <td key={index} colSpan={POINTS.length} className={styles.muted}>
                      no self-check in this session
                    </td>
                  ) : (
                    <Fragment key={index}>
                      {POINTS.map((point) => (
                        <FigureCell key={point.key} figure={cell[point.key]} />
                      ))}
                    </Fragment>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function FigureCell({ figure }: { figure: RatingFigure | null }) {
  const { value, n, shown } = figureParts(figure);
  return (
    <td className={styles.num}>
      {shown ? <strong>{value}</strong> : <span className={styles.muted}>{value}</span>}
      {n && <span className={styles.small}>{n}</span>}
    </td>
  );
}
