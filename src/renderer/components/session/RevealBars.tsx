/**
 * The revealed result as bars in HTML: letter, the whole label, count and share,
 * the workshop's tag, and a mark on the most chosen answer. The projector and the
 * presenter draw the same component, so their bars have the same colours; its
 * type is in em of the slide, so it follows the audience text size and shrinks
 * with the slide's fit-to-frame (an SVG chart laid out in pixels cannot). The bars
 * grow in once (the global reduced-motion rule stops that for those who ask).
 */
import type { Group, Question, QuestionView } from '../../../shared/model';
import { formatShare, groupBreakdown, styleTag, summarizeQuestion } from '../../../shared/profile';
import styles from './RevealBars.module.css';

interface RevealBarsProps {
  question: Question;
  totals: Record<string, number>;
  /** With `groups`, splits each bar by group (G on the projector). */
  view?: Pick<QuestionView, 'totals' | 'totalsByGroup'>;
  groups?: readonly Group[];
  byGroup?: boolean;
  /** Shows the workshop's leader/manager tag beside each answer. */
  showTags?: boolean;
  className?: string;
}

const votes = (n: number) => `${n} vote${n === 1 ? '' : 's'}`;

export function RevealBars({ question, totals, view, groups = [], byGroup = false, showTags = true, className }: RevealBarsProps) {
  const summary = summarizeQuestion(question, totals);
  const top = new Set(summary.majorityOptionIds);
  const breakdown = byGroup && view ? groupBreakdown(question, view, groups) : null;
  const maxCount = Math.max(1, ...summary.options.map((o) => o.count));
  return (
    <ol className={`${styles.bars} ${className ?? ''}`} aria-label="Results">
      {summary.options.map((option, index) => {
        const isTop = top.has(option.id);
        const width = (option.count / maxCount) * 100;
        const segments = breakdown?.series
          .map((s) => ({ key: s.key, name: s.name, color: s.color, count: breakdown.rows[index]?.counts[s.key] ?? 0 }))
          .filter((s) => s.count > 0);
        return (
          <li key={option.id} className={`${styles.row} ${isTop ? styles.top : ''}`} data-option-id={option.id} data-style={option.style}>
            <span className={styles.letter} aria-hidden="true">
              {option.letter}
            </span>
            <div className={styles.main}>
              <div className={styles.label}>
                <span className={styles.text}>{option.label}</span>
                <span className={styles.figure}>
                  {votes(option.count)} · {formatShare(summary.voteCount > 0 ? option.share : 0)}
                </span>
              </div>
              <div className={styles.track}>
                <div className={styles.fill} style={{ width: `${width}%`, animationDelay: `${index * 90}ms` }}>
                  {segments?.map((s) => (
                    <span key={s.key} className={styles.segment} style={{ flexGrow: s.count, background: s.color ?? 'var(--neutral)' }} title={`${s.name}: ${s.count}`}>
                      <span className={styles.segmentText}>{s.name}</span>
                    </span>
                  ))}
                </div>
              </div>
              {(showTags || isTop) && (
                <div className={styles.tags}>
                  {isTop && <span className={styles.topMark}>★ Most chosen</span>}
                  {showTags && <span className={styles.tag}>{styleTag(option.style)}</span>}
                </div>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
