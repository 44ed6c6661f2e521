/**
 * The open questions and ratings (issue 19), a page each once revealed: an open
 * question's word cloud and its phrases ranked with their counts (answers the
 * facilitator hid, or the word list held back, are not in the summary's words);
 * a rating's distribution, its mean and the split by group after the privacy
 * floor. Those answered but never revealed give only how many answered.
 */
import type { AnswerQuestionFigures, ScaleQuestionFigures, TextQuestionFigures } from '../../../../shared/summary';
import { ScaleBars, formatMean } from '../../../components/answers/ScaleBars';
import { WordCloud } from '../../../components/answers/WordCloud';
import { countText } from '../reportData';
import { GroupName } from './GroupName';
import { answersRestOnText } from './ReportSummary';
import shared from './reportShared.module.css';
import styles from './ReportAnswers.module.css';

interface ReportAnswersProps {
  questions: readonly AnswerQuestionFigures[];
  notes: (slideId: string) => string;
  debriefs: ReadonlyMap<string, string>;
}

export function ReportAnswers({ questions, notes, debriefs }: ReportAnswersProps) {
  const pages = questions.filter((figures) => figures.shown && figures.votes > 0);
  const unrevealed = questions.filter((figures) => figures.votes > 0 && !figures.shown);
  if (pages.length === 0 && unrevealed.length === 0) return null;
  return (
    <section className={`${shared.section} ${shared.newPage}`} aria-labelledby="report-answers">
      <h2 id="report-answers">Open questions and ratings</h2>
      {pages.map((figures) => (
        <section key={figures.questionId} className={styles.page} aria-labelledby={`report-answer-${figures.slideId}`} data-report-answer={figures.type}>
          <p className={shared.kicker}>
            {figures.type === 'text' ? 'Open question' : 'Rating'}
            {figures.dimensionName ? ` · ${figures.dimensionName}` : ''}
          </p>
          <h3 id={`report-answer-${figures.slideId}`}>{figures.heading}</h3>
          <p className={styles.prompt}>{figures.prompt}</p>
          {figures.type === 'text' ? <OpenPage figures={figures} /> : <RatingPage figures={figures} />}
          <p className={shared.muted}>{answersRestOnText(figures)}</p>
          <Commentary note={notes(figures.slideId)} debrief={debriefs.get(figures.questionId) ?? ''} />
        </section>
      ))}
      {unrevealed.length > 0 && (
        <table className={`${shared.table} ${shared.compact}`}>
          <caption>Answered, not revealed</caption>
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col" className={shared.num}>
                Answers
              </th>
            </tr>
          </thead>
          <tbody>
            {unrevealed.map((figures) => (
              <tr key={figures.questionId}>
                <th scope="row">{figures.heading}</th>
                <td className={shared.num}>{figures.votes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unrevealed.length > 0 && <p className={shared.muted}>What was answered is left out of this report because it was never shown to the room.</p>}
    </section>
  );
}

function OpenPage({ figures }: { figures: TextQuestionFigures }) {
  const words = figures.words ?? [];
  if (words.length === 0) return <p>No answers to show{figures.hiddenCount > 0 ? ': the facilitator hid them' : ''}.</p>;
  return (
    <>
      <div className={styles.cloudBox}>
        <WordCloud words={words} label={figures.prompt} className={styles.cloud} />
      </div>
      <table className={`${shared.table} ${shared.compact} ${styles.ranked}`}>
        <caption>
          Answers, most given first ({countText(figures.cloudAnswers ?? 0, 'answer')}
          {figures.hiddenCount > 0 ? `; ${figures.hiddenCount} hidden by the facilitator, left out` : ''})
        </caption>
        <thead>
          <tr>
            <th scope="col" className={shared.num}>
              #
            </th>
            <th scope="col">Answer</th>
            <th scope="col" className={shared.num}>
              Count
            </th>
          </tr>
        </thead>
        <tbody>
          {words.map((word, index) => (
            <tr key={word.text}>
              <td className={shared.num}>{index + 1}</td>
              <td className={styles.answerText}>{word.text}</td>
              <td className={shared.num}>{word.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function RatingPage({ figures }: { figures: ScaleQuestionFigures }) {
  const lines = figures.breakdown ?? [];
  const values = figures.values ?? [];
  return (
    <>
      <div className={styles.scale}>
        <ScaleBars min={figures.min} max={figures.max} minLabel={figures.minLabel} maxLabel={figures.maxLabel} counts={figures.counts ?? {}} mean={figures.mean} label={figures.prompt} animate={false} />
      </div>
      {lines.length >= 2 && (
        <table className={`${shared.table} ${shared.compact}`}>
          <caption>Answers per group</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              {values.map((value) => (
                <th key={value.value} scope="col" className={shared.num}>
                  {value.value}
                </th>
              ))}
              <th scope="col" className={shared.num}>
                Average
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.key}>
                <th scope="row">{line.color ? <GroupName group={{ name: line.name, color: line.color }} /> : line.name}</th>
                {line.counts.map((count, index) => (
                  <td key={index} className={shared.num}>
                    {count}
                  </td>
                ))}
                <td className={shared.num}>{line.mean === null ? '–' : formatMean(line.mean)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Room</th>
              {values.map((value) => (
                <td key={value.value} className={shared.num}>
                  {value.count}
                </td>
              ))}
              <td className={shared.num}>{figures.mean === null ? '–' : formatMean(figures.mean)}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </>
  );
}

function Commentary({ note, debrief }: { note: string; debrief: string }) {
  if (!note && !debrief.trim()) return null;
  return (
    <div className={styles.commentary}>
      {note && (
        <div>
          <h4>Facilitator’s notes</h4>
          <p>{note}</p>
        </div>
      )}
      {debrief.trim() && (
        <div>
          <h4>Debrief</h4>
          <p>{debrief}</p>
        </div>
      )}
    </div>
  );
}
