/**
 * The report's learning page (issue 17): the self-check before and after, and the
 * then-rating, per dimension with n, and the follow-up pulse weeks later once one
 * has answers; room figures only, the privacy floor applied by the core (a mean on
 * too few ratings is not shown).
 */
import type { SessionSummaryReport } from '../../../../shared/summary';
import { SelfCheckChart } from '../../../components/selfCheck/SelfCheckChart';
import { followUpText, hasLearning, learningSummary } from '../../../components/selfCheck/learningStory';
import shared from './reportShared.module.css';

export function ReportLearning({ summary }: { summary: SessionSummaryReport }) {
  const figures = summary.selfCheck;
  if (!hasLearning(figures)) return null;
  const respondents = [figures.before ? `${figures.before.respondents} answered before` : null, figures.after ? `${figures.after.respondents} after` : null].filter(Boolean).join(', ');
  return (
    <section className={`${shared.section} ${shared.newPage}`} aria-labelledby="report-learning">
      <p className={shared.kicker}>Learning</p>
      <h2 id="report-learning">The self-check: where people saw themselves, before and after</h2>
      <p>{learningSummary(figures)}</p>
      <p className={shared.lead}>
        Each person rated one statement per dimension at the start and at the end, and at the end also where they now think they were before (“then”). The figures are the
        room’s means; no one person’s ratings are kept in this report. {respondents ? `People: ${respondents}.` : ''}
        {figures.followUp ? ` ${followUpText(figures.followUp)}` : ''}
      </p>
      <SelfCheckChart figures={figures} showTable />
    </section>
  );
}
