/**
 * The groups' page: each group's lean, and a table of what each lean rests on.
 * Groups below the privacy floor are merged into "Other groups" by the core.
 */
import { formatLean, formatShare } from '../../../../shared/profile';
import type { SessionSummaryReport } from '../../../../shared/summary';
import { GroupLeanChart } from '../../../components/charts';
import { GroupName } from './GroupName';
import shared from './reportShared.module.css';

export function ReportGroups({ summary }: { summary: SessionSummaryReport }) {
  const voting = summary.profile.groups.filter((group) => group.counts.total > 0);
  const merged = summary.participants.groups.filter((group) => group.merged).length;
  if (voting.length === 0) return null;
  return (
    <section className={`${shared.section} ${shared.newPage}`} aria-labelledby="report-groups">
      <h2 id="report-groups">Groups</h2>
      <p className={shared.lead}>Each group’s lean: how far its choices went toward the leader-like or the manager-like answers. Neutral answers take no side.</p>
      <GroupLeanChart groups={voting} size="print" animate={false} showTable={false} />
      <table className={`${shared.table} ${shared.compact}`}>
        <caption>What each group’s figures rest on</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" className={shared.num}>
              Votes
            </th>
            <th scope="col" className={shared.num}>
              Scenarios
            </th>
            <th scope="col">Lean</th>
            <th scope="col" className={shared.num}>
              Leader-like
            </th>
          </tr>
        </thead>
        <tbody>
          {voting.map((group) => (
            <tr key={group.groupId}>
              <th scope="row">{group.ungrouped ? group.name : <GroupName group={group} />}</th>
              <td className={shared.num}>{group.counts.total}</td>
              <td className={shared.num}>{group.questionCount}</td>
              <td>{formatLean(group.lean)}</td>
              <td className={shared.num}>{formatShare(group.leaderLikeShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={shared.muted}>
        {summary.privacyFloor > 1
          ? `Groups of fewer than ${summary.privacyFloor} people are not shown on their own${merged > 0 ? `: ${merged} group${merged === 1 ? ' is' : 's are'} counted in “Other groups”, or in the room alone when even together they are fewer` : ''}. `
          : ''}
        Hand counts belong to no group: they count for the room only.
      </p>
    </section>
  );
}
