/**
 * The results of the open questions and ratings (issue 19) the facilitator
 * revealed: a word cloud and the ranked phrases, or the distribution and mean.
 * The figures are the summary's (`answerQuestions`): hidden answers are not in them.
 */
import type { AnswerQuestionFigures } from '../../../shared/summary';
import { ScaleBars } from '../../components/answers/ScaleBars';
import { WordCloud } from '../../components/answers/WordCloud';
import { WordList } from '../../components/answers/WordList';
import styles from './AnswerResults.module.css';

export const answersSectionId = 'results-answers';

export function AnswerResults({ questions }: { questions: readonly AnswerQuestionFigures[] }) {
  const shown = questions.filter((figures) => figures.shown);
  const waiting = questions.filter((figures) => !figures.shown && figures.votes > 0).length;
  if (shown.length === 0 && waiting === 0) return null;
  return (
    <section id={answersSectionId} className={styles.section} aria-labelledby={`${answersSectionId}-title`} tabIndex={-1}>
      <h2 id={`${answersSectionId}-title`} className={styles.title}>
        Open questions and ratings
      </h2>
      <p className={styles.lead}>What the room wrote and how it rated, once revealed. Answers you hid are left out.</p>
      <div className={styles.list}>
        {shown.map((figures) => (
          <article key={figures.questionId} className={styles.item} aria-labelledby={`answer-result-${figures.questionId}`}>
            <p className={styles.kicker}>
              {figures.heading}
              {figures.dimensionName ? ` · ${figures.dimensionName}` : ''}
            </p>
            <h3 id={`answer-result-${figures.questionId}`} className={styles.prompt}>
              {figures.prompt}
            </h3>
            {figures.type === 'text' ? (
              figures.words && figures.words.length > 0 ? (
                <div className={styles.cloudRow}>
                  <WordCloud words={figures.words} label={figures.prompt} className={styles.cloud} />
                  <WordList words={figures.words} limit={12} />
                </div>
              ) : (
                <p className={styles.note}>No answers to show.</p>
              )
            ) : (
              <ScaleBars min={figures.min} max={figures.max} minLabel={figures.minLabel} maxLabel={figures.maxLabel} counts={figures.counts ?? {}} mean={figures.mean} label={figures.prompt} />
            )}
          </article>
        ))}
      </div>
      {waiting > 0 && (
        <p className={styles.note}>
          {waiting} {waiting === 1 ? 'question has' : 'questions have'} answers not revealed yet.
        </p>
      )}
    </section>
  );
}
