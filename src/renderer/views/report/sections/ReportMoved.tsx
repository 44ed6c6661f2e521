/** The report's "What the discussion moved": the scenarios voted on again, ranked by the room's shift (src/renderer/components/session/MovedRanking.tsx). */
import type { SessionSummaryReport } from '../../../../shared/summary';
import { MovedRanking, movedScenarios } from '../../../components/session/MovedRanking';
import shared from './reportShared.module.css';

export function ReportMoved({ summary }: { summary: SessionSummaryReport }) {
  if (movedScenarios(summary.questions).again.length === 0) return null;
  return (
    <section className={shared.section} aria-labelledby="report-moved">
      <h2 id="report-moved">What the discussion moved</h2>
      <p className={shared.lead}>
        Scenarios the room voted on again after discussing them, ranked by how far the share of leader-like answers moved from the first round to the last.
        {summary.privacyFloor > 1 ? ` A round with fewer than ${summary.privacyFloor} answers is not compared.` : ''}
      </p>
      <MovedRanking questions={summary.questions} tableClassName={`${shared.table} ${shared.compact}`} />
    </section>
  );
}
