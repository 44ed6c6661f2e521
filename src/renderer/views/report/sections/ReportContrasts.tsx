/** The workshop's contrasts, each with the room's leader-like share and the answers it rests on. */
import { formatShare, type RoomProfile } from '../../../../shared/profile';
import shared from './reportShared.module.css';

export function ReportContrasts({ room }: { room: RoomProfile }) {
  const dimensions = room.dimensions;
  return (
    <section className={`${shared.section} ${shared.newPage}`} aria-labelledby="report-contrasts">
      <h2 id="report-contrasts">The {dimensions.length === 12 ? 'twelve ' : ''}contrasts</h2>
      {dimensions.length === 0 ? (
        <p>This workshop names no contrasts.</p>
      ) : (
        <table className={shared.table}>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">Leader-like</th>
              <th scope="col">Manager-like</th>
              <th scope="col" className={shared.num}>
                Room
              </th>
              <th scope="col" className={shared.num}>
                Votes
              </th>
            </tr>
          </thead>
          <tbody>
            {dimensions.map((dimension) => (
              <tr key={dimension.dimensionId}>
                <th scope="row">{dimension.name}</th>
                <td>{dimension.leaderSide}</td>
                <td>{dimension.managerSide}</td>
                <td className={shared.num}>{dimension.leaderShare === null ? 'not covered' : formatShare(dimension.leaderShare)}</td>
                <td className={shared.num}>{dimension.counts.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className={shared.muted}>
        “Room”: the share of the room’s choices on that dimension’s revealed scenarios that were leader-like; “Votes”: how many choices it rests on. “Not covered”: no revealed
        votes on that dimension.
      </p>
    </section>
  );
}
