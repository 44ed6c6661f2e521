/**
 * The projector's body for an open question or a rating. Before the reveal: how
 * many answered, the countdown and the join banner, never what anyone wrote.
 * Once revealed: the word cloud with a ranked list beside it, or the rating's
 * distribution and mean. The presenter draws the same component small.
 */
import type { Session, Slide } from '../../../shared/model';
import { JoinCard } from '../../components/session/JoinCard';
import { ScaleBars } from '../../components/answers/ScaleBars';
import { WordCloud } from '../../components/answers/WordCloud';
import { WordList } from '../../components/answers/WordList';
import { formatDuration, useNow } from '../present/useClock';
import styles from './AnswerPanel.module.css';

type AnswerSlide = Extract<Slide, { kind: 'open' | 'rating' }>;

interface AnswerPanelProps {
  session: Session;
  slide: AnswerSlide;
  joinUrl: string | undefined;
  preview: boolean;
}

/** The last seconds of a countdown stand out (as on a scenario). */
const FINAL_SECONDS = 10;
/** Phrases the list beside the cloud names; the cloud shows them all. */
const LIST_LIMIT = 8;

const answersText = (n: number) => `${n} answer${n === 1 ? '' : 's'}`;

export function AnswerPanel({ session, slide, joinUrl, preview }: AnswerPanelProps) {
  const question = slide.question;
  const view = session.questions[question.id];
  const now = useNow(250);
  if (!view) return null;
  const open = view.status === 'open';
  const remaining = open && view.closesAt ? new Date(view.closesAt).getTime() - now : null;
  const seconds = remaining === null ? null : Math.max(0, Math.ceil(remaining / 1000));
  const showJoin = open && Boolean(joinUrl);
  const hideFromReaders = preview || undefined;
  const revealed = view.revealed;

  let main;
  if (revealed && question.type === 'text') {
    const words = view.words ?? [];
    main =
      words.length === 0 ? (
        <p className={styles.empty}>No answers to show</p>
      ) : (
        <div className={styles.cloudRow} aria-hidden={hideFromReaders}>
          <WordCloud words={words} label={question.prompt} className={styles.cloud} />
          <WordList words={words} limit={LIST_LIMIT} className={styles.list} clamp />
        </div>
      );
  } else if (revealed && question.type === 'scale') {
    main = (
      <div className={styles.scale} aria-hidden={hideFromReaders}>
        <ScaleBars min={question.min} max={question.max} minLabel={question.minLabel} maxLabel={question.maxLabel} counts={view.totals ?? {}} mean={view.mean} label={question.prompt} />
      </div>
    );
  } else {
    main = (
      <div className={styles.waiting}>
        <p className={styles.count} data-testid="answer-count">
          <span className={styles.countNumber}>{view.voteCount}</span> {view.voteCount === 1 ? 'answer' : 'answers'}
        </p>
        <p className={styles.hint}>
          {question.type === 'text'
            ? open
              ? 'Up to 3 short answers each. They appear as a word cloud once revealed.'
              : 'The answers appear as a word cloud once revealed.'
            : `Rate from ${question.min}${question.minLabel ? ` (${question.minLabel})` : ''} to ${question.max}${question.maxLabel ? ` (${question.maxLabel})` : ''}.`}
        </p>
      </div>
    );
  }

  return (
    <div className={`${styles.body} ${showJoin ? styles.withJoin : ''} ${revealed ? styles.revealed : ''}`} data-answer-panel={question.type}>
      <div className={styles.column}>
        {main}
        <div className={styles.status} role={preview ? undefined : 'status'}>
          <span className={open ? styles.open : ''}>{open ? 'Voting is open' : revealed ? 'Results' : view.status === 'closed' ? 'Voting is closed' : ''}</span>
          <span>{answersText(view.voteCount)}</span>
          {seconds !== null && (
            <span className={`${styles.countdown} ${seconds <= FINAL_SECONDS ? styles.final : ''}`} role={preview ? undefined : 'timer'} aria-label={`Voting closes in ${seconds} seconds`}>
              {formatDuration(seconds * 1000)}
            </span>
          )}
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
