/**
 * "The session in brief" (issue 17): the report's story, right after the cover,
 * in four short parts and always in this order, each only when the session has it:
 * - Reaction: the ratings (mean on their scale, how many answered, the distribution);
 * - Learning: the self-check's biggest shifts, before → after (then, weeks later);
 * - Moved most: the scenarios voted on again, ranked by MovedRanking (the one ranking);
 * - Commitments: how many, per contrast, never by whom.
 * Each part says what its figures rest on. The privacy floor is the core's: a
 * self-check mean on too few ratings and a round with too few answers arrive
 * withheld, and this section says so instead of showing them. Nothing is counted
 * here; the detailed sections after it carry the charts, tables and words.
 */
import type { ReactNode } from 'react';
import type { CommitmentFigures } from '../../../../shared/commitments';
import type { RatingFigure, SelfCheckDimensionFigures, SelfCheckFigures } from '../../../../shared/selfCheck';
import type { ScaleQuestionFigures, SessionSummaryReport } from '../../../../shared/summary';
import { ScaleBars } from '../../../components/answers/ScaleBars';
import { formatMean, formatShift, sampleLine } from '../../../components/selfCheck/SelfCheckChart';
import { biggestShifts, followUpText, hasLearning, learningSummary, withheldDimensions } from '../../../components/selfCheck/learningStory';
import { MovedRanking, movedScenarios } from '../../../components/session/MovedRanking';
import { answersRestOnText } from './ReportSummary';
import shared from './reportShared.module.css';
import styles from './ReportStory.module.css';

/** How many dimensions the learning part names; the rest are in the learning section. */
export const STORY_SHIFTS_SHOWN = 3;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The ratings the story shows: revealed (or asked for) and answered. */
function reactionRatings(summary: SessionSummaryReport): ScaleQuestionFigures[] {
  return summary.answerQuestions.filter((figures): figures is ScaleQuestionFigures => figures.type === 'scale' && figures.shown && figures.votes > 0);
}

/** The story's parts this session has, in the story's order: what the report and its tests rely on. */
export function storyParts(summary: SessionSummaryReport): ('reaction' | 'learning' | 'moved' | 'commitments')[] {
  const parts: ('reaction' | 'learning' | 'moved' | 'commitments')[] = [];
  if (reactionRatings(summary).length > 0) parts.push('reaction');
  if (hasLearning(summary.selfCheck)) parts.push('learning');
  if (movedScenarios(summary.questions).again.length > 0) parts.push('moved');
  if (summary.commitments.some((figures) => figures.count > 0)) parts.push('commitments');
  return parts;
}

export function ReportStory({ summary }: { summary: SessionSummaryReport }) {
  const parts = storyParts(summary);
  if (parts.length === 0) return null;
  return (
    <section className={styles.story} aria-labelledby="report-story">
      <p className={shared.kicker}>The story</p>
      <h2 id="report-story">The session in brief</h2>
      {parts.includes('reaction') && <ReactionPart ratings={reactionRatings(summary)} />}
      {parts.includes('learning') && <LearningPart figures={summary.selfCheck!} />}
      {parts.includes('moved') && <MovedPart summary={summary} />}
      {parts.includes('commitments') && <CommitmentsPart commitments={summary.commitments.filter((figures) => figures.count > 0)} />}
    </section>
  );
}

function Part({ id, title, restsOn, children }: { id: string; title: string; restsOn: string; children: ReactNode }) {
  return (
    <section className={styles.part} aria-labelledby={id} data-story-part={id.replace('report-story-', '')}>
      <h3 id={id}>{title}</h3>
      {children}
      <p className={`${shared.muted} ${styles.restsOn}`}>{restsOn}</p>
    </section>
  );
}

function ReactionPart({ ratings }: { ratings: readonly ScaleQuestionFigures[] }) {
  return (
    <Part id="report-story-reaction" title="Reaction: how people rated it" restsOn={ratings.length === 1 ? answersRestOnText(ratings[0]!) : 'Each rating’s answers are counted under it: a phone, a group and a counted hand once each.'}>
      <div className={styles.ratings}>
        {ratings.map((figures) => (
          <figure key={figures.questionId} className={styles.rating} aria-label={figures.heading}>
            <figcaption>
              <strong>{figures.heading}</strong> {figures.prompt}
            </figcaption>
            <ScaleBars min={figures.min} max={figures.max} minLabel={figures.minLabel} maxLabel={figures.maxLabel} counts={figures.counts ?? {}} mean={figures.mean} label={figures.prompt} layout="compact" animate={false} />
            {ratings.length > 1 && <p className={shared.muted}>{answersRestOnText(figures)}</p>}
          </figure>
        ))}
      </div>
    </Part>
  );
}

/** A mean, or why there is none (the privacy floor's words when it held it back). */
function meanText(figure: RatingFigure | null, floor: number): string {
  if (!figure) return '–';
  if (figure.withheld) return `withheld: fewer than ${floor}`;
  return formatMean(figure.mean);
}

/** "Power rose from 1.8 to 4.8 (+3.0); then 1.0; weeks later 4.1." */
export function shiftSentence(line: SelfCheckDimensionFigures, floor: number): string {
  const shift = line.shift.afterMinusBefore!;
  const rounded = Math.round(shift * 10) / 10;
  const verb = rounded > 0 ? 'rose' : rounded < 0 ? 'fell' : 'stayed';
  const move = rounded === 0 ? `${line.dimensionName} stayed at ${formatMean(line.after?.mean)}` : `${line.dimensionName} ${verb} from ${formatMean(line.before?.mean)} to ${formatMean(line.after?.mean)} (${formatShift(shift)})`;
  const extras = [line.then ? `then (looking back) ${meanText(line.then, floor)}` : null, line.followUp ? `weeks later ${meanText(line.followUp, floor)}` : null].filter(Boolean);
  return `${move}${extras.length > 0 ? `; ${extras.join('; ')}` : ''}.`;
}

function LearningPart({ figures }: { figures: SelfCheckFigures }) {
  const shifts = biggestShifts(figures);
  const named = shifts.slice(0, STORY_SHIFTS_SHOWN);
  const withheld = withheldDimensions(figures);
  const people = [figures.before ? `${plural(figures.before.respondents, 'person', 'people')} before` : null, figures.after ? `${figures.after.respondents} after` : null].filter(Boolean).join(' and ');
  const perMean = sampleLine(figures);
  return (
    <Part
      id="report-story-learning"
      title={`Learning: before, after, then${figures.followUp ? ', weeks later' : ''}`}
      restsOn={`Rests on the self-check of ${people || 'no one yet'}${perMean ? ` (${perMean})` : ''}. Room means only; no one person’s ratings are in this report.`}
    >
      {named.length === 0 ? (
        <p>{learningSummary(figures)}</p>
      ) : (
        <>
          <p>The biggest shifts in how people rated themselves, from the start of the day to its end:</p>
          <ol className={styles.shifts}>
            {named.map((line) => (
              <li key={line.dimensionId}>{shiftSentence(line, figures.privacyFloor)}</li>
            ))}
          </ol>
        </>
      )}
      {figures.followUp && <p>{followUpText(figures.followUp)}</p>}
      {withheld.length > 0 && (
        <p>
          Withheld: fewer than {figures.privacyFloor} ratings on {withheld.map((line) => line.dimensionName).join(', ')}.
        </p>
      )}
      <p className={styles.pointer}>
        {shifts.length > named.length ? `${plural(shifts.length - named.length, 'more dimension', 'more dimensions')}, and the chart: ` : 'Every dimension, with the chart: '}“The self-check” below.
      </p>
    </Part>
  );
}

function MovedPart({ summary }: { summary: SessionSummaryReport }) {
  const { again } = movedScenarios(summary.questions);
  const answers = again.flatMap((figures) => (figures.rounds ?? []).map((round) => round.votes));
  const low = Math.min(...answers);
  const high = Math.max(...answers);
  const range = low === high ? `${low}` : `${low} to ${high}`;
  return (
    <Part
      id="report-story-moved"
      title="Moved most: what the discussion moved"
      restsOn={`Rests on ${range} ${high === 1 ? 'answer' : 'answers'} per round.${summary.privacyFloor > 1 ? ` A round with fewer than ${summary.privacyFloor} answers is not compared (withheld).` : ''}`}
    >
      <p>The scenarios the room voted on again after discussing them, ranked by how far the share of leader-like answers moved from the first round to the last.</p>
      <MovedRanking questions={summary.questions} tableClassName={`${shared.table} ${shared.compact}`} />
    </Part>
  );
}

/** A commitments slide's contrasts written about, the most first (ties in the workshop's order). */
export function themesByCount(figures: CommitmentFigures) {
  return figures.themes
    .map((theme, index) => ({ theme, index }))
    .filter(({ theme }) => theme.count > 0)
    .sort((a, b) => b.theme.count - a.theme.count || a.index - b.index)
    .map(({ theme }) => theme);
}

function CommitmentsPart({ commitments }: { commitments: readonly CommitmentFigures[] }) {
  const count = commitments.reduce((sum, figures) => sum + figures.count, 0);
  // Writers are counted per slide: one person may write on two commitments slides, so they are not added up.
  const from = commitments.length === 1 ? ` from ${plural(commitments[0]!.writers, 'person or group', 'people and groups')}` : ` on ${commitments.length} slides`;
  return (
    <Part
      id="report-story-commitments"
      title="Commitments: what people will do"
      restsOn={`Rests on ${plural(count, 'commitment', 'commitments')}${from}. Counted by contrast, never by who wrote them.`}
    >
      {commitments.map((figures) => (
        <div key={figures.questionId}>
          {commitments.length > 1 && <p className={styles.slideName}>{figures.heading}</p>}
          <ul className={styles.themes} aria-label={`${figures.heading}: commitments per contrast`}>
            {themesByCount(figures).map((theme) => (
              <li key={theme.dimensionId}>
                {theme.name} <strong>{theme.count}</strong>
              </li>
            ))}
          </ul>
          {figures.hiddenCount > 0 && <p className={shared.muted}>{plural(figures.hiddenCount, 'commitment', 'commitments')} hidden by the facilitator, left out.</p>}
        </div>
      ))}
      <p className={styles.pointer}>Their words, under each contrast: “What the room will do” below.</p>
    </Part>
  );
}
