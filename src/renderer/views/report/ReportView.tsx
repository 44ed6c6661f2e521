/**
 * The report (`#/report/<sessionId>`): the session as a document to send. One
 * layout for the screen and for paper: the desktop app prints this route to PDF
 * (it waits for `document.body.dataset.reportReady`), a browser prints it with the
 * print dialog. Every figure comes from the core's session summary
 * (`reports.get`, src/shared/summary.ts), with the privacy floor of the settings
 * applied; this view and its sections only lay it out.
 *
 * It reads as one story: the cover, "The session in brief" (reaction, learning,
 * moved most, commitments: ReportStory), the learning and the commitments in full,
 * then the details (the room's choices, groups, each scenario, the open questions
 * and ratings, contrasts, notes, pictures, the counts).
 *
 * The page is laid out at the paper's printable width on screen too, so the charts
 * measure, on screen, the width they will print at.
 */
import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import { ownValue } from '../../../shared/records';
import type { Question, Session } from '../../../shared/model';
import type { SessionSummaryReport } from '../../../shared/summary';
import { useCommand, useLiveSession } from '../../app/hooks';
import { useSessionSummary } from '../../app/useSessionSummary';
import { ErrorView, hostErrorHint } from '../../components/ErrorView';
import { contentWidthMm, pageCss, type PaperSize } from './reportData';
import { ReportAnswers } from './sections/ReportAnswers';
import { ReportAppendix } from './sections/ReportAppendix';
import { ReportCommitments } from './sections/ReportCommitments';
import { ReportContrasts } from './sections/ReportContrasts';
import { ReportCover } from './sections/ReportCover';
import { ReportGroups } from './sections/ReportGroups';
import { ReportLearning } from './sections/ReportLearning';
import { ReportNotes } from './sections/ReportNotes';
import { ReportOtherScenarios } from './sections/ReportOtherScenarios';
import { ReportPictures } from './sections/ReportPictures';
import { ReportScenario } from './sections/ReportScenario';
import { ReportStory } from './sections/ReportStory';
import { ReportSummary } from './sections/ReportSummary';
import { ReportToolbar } from './sections/ReportToolbar';
import { useReportReady } from './useReportReady';
import shared from './sections/reportShared.module.css';
import styles from './ReportView.module.css';

/** The radar needs votes on three dimensions to draw (RoomRadar's own rule). */
const RADAR_MIN_AXES = 3;

export default function ReportView({ sessionId }: { sessionId: string }) {
  const live = useLiveSession(sessionId);
  const settings = useCommand('settings.get', {}, (event) => event.name === 'settings.changed');
  const session = live.data;
  const summary = useSessionSummary(sessionId, session);
  const paper: PaperSize = settings.data?.paperSize ?? 'A4';

  useEffect(() => {
    document.title = session ? `${session.title} · Report` : 'Plenary · Report';
  }, [session]);

  const error = live.error ?? summary.error;
  if (error) return <ErrorView title="This report cannot be drawn" error={error} hint={hostErrorHint(error)} onRetry={() => (live.reload(), summary.reload())} />;
  // Settings only choose the paper: when they fail, A4 will do.
  if (!session || !summary.data || (settings.loading && !settings.error)) return <div className={styles.screen} aria-busy="true" />;
  return <Report session={session} summary={summary.data} paper={paper} />;
}

function Report({ session, summary, paper }: { session: Session; summary: SessionSummaryReport; paper: PaperSize }) {
  const questions = useMemo(() => new Map(session.slides.flatMap((slide) => (slide.kind === 'scenario' ? [[slide.question.id, slide.question] as [string, Question]] : []))), [session.slides]);
  const headings = useMemo(() => new Map(summary.questions.map((figures) => [figures.questionId, figures.heading])), [summary]);
  const charted = summary.questions.filter((figures) => figures.shown && figures.votes > 0 && questions.has(figures.questionId));
  const votingGroups = summary.profile.groups.filter((group) => group.counts.total > 0);
  const radarDrawn = summary.profile.room.dimensions.filter((dimension) => dimension.leaderShare !== null).length >= RADAR_MIN_AXES;
  const expectedCharts = charted.length + (radarDrawn ? 1 : 0) + (votingGroups.length > 0 ? 1 : 0);

  const reportRef = useRef<HTMLElement>(null);
  useReportReady(reportRef, expectedCharts, `${session.updatedAt}|${summary.totals.votes}|${summary.privacyFloor}|${paper}`);

  const style = { '--content-width': `${contentWidthMm(paper)}mm` } as CSSProperties;
  return (
    <div className={styles.screen}>
      <style>{pageCss(paper, session.title)}</style>
      <ReportToolbar session={session} paper={paper} />
      <article ref={reportRef} className={styles.report} style={style} data-report aria-label={`Report: ${session.title}`}>
        <ReportCover session={session} summary={summary} />
        {/* The story first (reaction, learning, moved most, commitments), then each in full where the story is short, then the details. */}
        <ReportStory summary={summary} />
        <ReportLearning summary={summary} />
        <ReportCommitments commitments={summary.commitments} />
        <ReportSummary summary={summary} nameOf={(questionId) => headings.get(questionId) ?? questionId} radarDrawn={radarDrawn} />
        <ReportGroups summary={summary} />
        {charted.length > 0 && (
          <section className={`${shared.section} ${shared.newPage}`} aria-labelledby="report-scenarios">
            <h2 id="report-scenarios">
              Scenarios voted on: {charted.length} of {summary.totals.scenarios}
            </h2>
            {charted.map((figures) => (
              <ReportScenario
                key={figures.questionId}
                figures={figures}
                question={questions.get(figures.questionId)!}
                scenarioCount={summary.totals.scenarios}
                groups={summary.breakdownGroups}
                ungroupedName={summary.ungroupedName}
                note={ownValue(session.notes, figures.slideId)?.trim() ?? ''}
                picture={session.slides.find((slide) => slide.id === figures.slideId)?.picture}
              />
            ))}
          </section>
        )}
        {summary.totals.scenarios === 0 && <p>This workshop has no scenarios to vote on.</p>}
        <ReportOtherScenarios questions={summary.questions} />
        <ReportAnswers
          questions={summary.answerQuestions}
          notes={(slideId) => ownValue(session.notes, slideId)?.trim() ?? ''}
          debriefs={new Map(session.slides.flatMap((slide) => (slide.kind === 'open' || slide.kind === 'rating' ? [[slide.question.id, slide.question.debrief] as [string, string]] : [])))}
        />
        <ReportContrasts room={summary.profile.room} />
        <ReportNotes session={session} printed={new Set([...charted.map((figures) => figures.slideId), ...summary.answerQuestions.filter((figures) => figures.shown && figures.votes > 0).map((figures) => figures.slideId)])} />
        <ReportPictures session={session} printed={new Set(charted.map((figures) => figures.slideId))} />
        <ReportAppendix summary={summary} />
      </article>
    </div>
  );
}
