/** One scenario voted on and revealed: its page, with the chart, the split by group, what it rests on, the notes and the debrief. */
import type { Group, Picture, Question } from '../../../../shared/model';
import type { QuestionFigures } from '../../../../shared/summary';
import { QuestionResultChart } from '../../../components/charts';
import { countText } from '../reportData';
import { GroupName } from './GroupName';
import { ReportScenarioPicture } from './ReportPictures';
import { sourcesText } from './ReportSummary';
import shared from './reportShared.module.css';
import styles from './ReportScenario.module.css';

interface ReportScenarioProps {
  figures: QuestionFigures;
  question: Question;
  scenarioCount: number;
  groups: readonly Pick<Group, 'id' | 'name' | 'color'>[];
  ungroupedName: string;
  note: string;
  /** The picture the scenario's slide showed, if any. */
  picture?: Picture | undefined;
}

export function ReportScenario({ figures, question, scenarioCount, groups, ungroupedName, note, picture }: ReportScenarioProps) {
  const headingId = `report-scenario-${figures.slideId}`;
  const view = { totals: figures.totals, totalsByGroup: figures.totalsByGroup };
  return (
    <section className={styles.scenario} aria-labelledby={headingId}>
      <p className={shared.kicker}>
        Scenario {figures.number} of {scenarioCount} · {figures.dimensionName}
      </p>
      <h3 id={headingId}>{figures.heading}</h3>
      <p className={styles.prompt}>{question.prompt}</p>
      {picture && <ReportScenarioPicture picture={picture} />}
      <QuestionResultChart question={question} view={view} groups={groups} ungroupedName={ungroupedName} byGroup size="print" animate={false} showTable={false} />
      <p className={styles.restsOn}>
        Rests on {countText(figures.votes)}: {sourcesText(figures.sources)}.
      </p>
      {/* The counts beside the notes: a scenario of twelve groups still fits on one page. */}
      <div className={styles.details}>
        <GroupTable figures={figures} />
        {(note || question.debrief.trim()) && (
          <div className={styles.commentary}>
            {note && (
              <div className={styles.notes}>
                <h4>Facilitator’s notes</h4>
                <p>{note}</p>
              </div>
            )}
            {question.debrief.trim() && (
              <div className={styles.debrief}>
                <h4>Debrief</h4>
                <p>{question.debrief}</p>
              </div>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

/** The answers per group (after the privacy floor), phones without one, and hand counts: a column per option. */
function GroupTable({ figures }: { figures: QuestionFigures }) {
  const lines = figures.breakdown ?? [];
  const options = figures.options ?? [];
  // One line alone (only hands, or only phones with no group) is the room's row again.
  if (lines.length < 2) return null;
  return (
    <table className={`${shared.table} ${shared.compact} ${shared.groupTable}`}>
      <caption>Votes per group</caption>
      <thead>
        <tr>
          <th scope="col">Group</th>
          {options.map((option) => (
            <th key={option.optionId} scope="col" className={shared.num}>
              {option.letter}
            </th>
          ))}
          <th scope="col" className={shared.num}>
            Total
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
            <td className={shared.num}>{line.total}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Room</th>
          {options.map((option) => (
            <td key={option.optionId} className={shared.num}>
              {option.count}
            </td>
          ))}
          <td className={shared.num}>{figures.votes}</td>
        </tr>
      </tfoot>
    </table>
  );
}
