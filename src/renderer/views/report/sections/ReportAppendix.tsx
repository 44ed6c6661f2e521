/**
 * The appendix: every revealed scenario's counts per option, told apart by where
 * they came from (groups on the screen, phones, hands), and how the figures were
 * counted. Single votes are in the CSV export.
 */
import type { SessionSummaryReport } from '../../../../shared/summary';
import { shorten } from '../reportData';
import shared from './reportShared.module.css';

export function ReportAppendix({ summary }: { summary: SessionSummaryReport }) {
  const shown = summary.questions.filter((figures) => figures.shown && figures.votes > 0 && figures.options);
  const hidden = summary.totals.votedNotRevealed;
  return (
    <section className={`${shared.section} ${shared.newPage}`} aria-labelledby="report-appendix">
      <h2 id="report-appendix">Appendix: the counts</h2>
      <p className={shared.muted}>
        Every vote on the revealed scenarios, counted once: a group’s vote on the shared screen, a phone’s vote, or a hand counted by the facilitator. The single votes are in the CSV
        export.
        {hidden > 0 ? ` The ${hidden} scenario${hidden === 1 ? '' : 's'} voted on but not revealed ${hidden === 1 ? 'is' : 'are'} left out.` : ''}
      </p>
      {shown.length > 0 && (
        <table className={`${shared.table} ${shared.compact}`}>
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col">Option</th>
              <th scope="col" className={shared.num}>
                Groups
              </th>
              <th scope="col" className={shared.num}>
                Phones
              </th>
              <th scope="col" className={shared.num}>
                Hands
              </th>
              <th scope="col" className={shared.num}>
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.flatMap((figures) =>
              figures.options!.map((option, index) => (
                <tr key={`${figures.questionId}/${option.optionId}`}>
                  <td>{index === 0 ? figures.heading : ''}</td>
                  <td>
                    {option.letter}. {shorten(option.label, 70)}
                  </td>
                  <td className={shared.num}>{option.group}</td>
                  <td className={shared.num}>{option.phone}</td>
                  <td className={shared.num}>{option.hands}</td>
                  <td className={shared.num}>{option.count}</td>
                </tr>
              )),
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                All revealed scenarios
              </th>
              <td className={shared.num}>{summary.totals.shownSources.group}</td>
              <td className={shared.num}>{summary.totals.shownSources.phone}</td>
              <td className={shared.num}>{summary.totals.shownSources.hands}</td>
              <td className={shared.num}>{summary.totals.shownVotes}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
