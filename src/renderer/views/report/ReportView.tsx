/**
 * The report (`#/report/<sessionId>`): the session as a document to send. One
 * layout for the screen and for paper: the desktop app prints this route to PDF
 * (it waits for `document.body.dataset.reportReady`), a browser prints it with the
 * print dialog. The charts are the results view's own components at size `print`;
 * every figure comes from src/shared/profile.ts, so the report and the screen agree.
 *
 * The page is laid out at the paper's printable width on screen too, so the charts
 * measure, on screen, the width they will print at.
 */
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { Group, Question, QuestionView, Session, Slide } from '../../../shared/model';
import {
  formatLean,
  formatShare,
  groupBreakdown,
  sessionProfile,
  styleTag,
  type QuestionSummary,
  type SessionProfile,
} from '../../../shared/profile';
import { useApi } from '../../app/ApiContext';
import { useCommand, useLiveSession } from '../../app/hooks';
import { Button } from '../../components/Button';
import { ErrorView, hostErrorHint } from '../../components/ErrorView';
import { GroupLeanChart, QuestionResultChart, RoomRadar } from '../../components/charts';
import { downloadText } from '../../components/download';
import {
  contentWidthMm,
  pageCss,
  participantsOf,
  scenarioHeading,
  sessionDate,
  timeOfDay,
  voterName,
  votesFromCsv,
  votingModeText,
  type AppendixVote,
  type PaperSize,
} from './reportData';
import { useReportReady } from './useReportReady';
import styles from './ReportView.module.css';
import { optionLetter } from '../../../shared/optionLetter';

type ScenarioSlide = Extract<Slide, { kind: 'scenario' }>;

interface ScenarioEntry {
  slide: ScenarioSlide;
  /** Position among the session's scenarios (0-based). */
  number: number;
  question: Question;
  view: QuestionView | undefined;
  visible: boolean;
  /** Visible with votes: drawn as a chart (a scenario nobody voted on gets a line instead). */
  charted: boolean;
  summary: QuestionSummary | undefined;
}

/** The radar needs votes on three dimensions to draw (RoomRadar's own rule). */
const RADAR_MIN_AXES = 3;

export default function ReportView({ sessionId }: { sessionId: string }) {
  const live = useLiveSession(sessionId);
  const settings = useCommand('settings.get', {}, (event) => event.name === 'settings.changed');
  // The appendix changes only when more votes become visible: a reveal, an undo, the end.
  const csv = useCommand('reports.csv', { sessionId }, (event) =>
    (event.name === 'voting.revealed' || event.name === 'session.ended' || event.name === 'vote.undone') && event.data.sessionId === sessionId,
  );
  const session = live.data;
  const paper: PaperSize = settings.data?.paperSize ?? 'A4';

  useEffect(() => {
    document.title = session ? `${session.title} · Report` : 'Plenary · Report';
  }, [session]);

  const error = live.error ?? csv.error;
  if (error) return <ErrorView title="This report cannot be drawn" error={error} hint={hostErrorHint(error)} onRetry={() => (live.reload(), csv.reload())} />;
  // Settings only choose the paper: when they fail, A4 will do.
  if (!session || !csv.data || (settings.loading && !settings.error)) return <div className={styles.screen} aria-busy="true" />;
  return <Report session={session} csvText={csv.data.csv} paper={paper} />;
}

function Report({ session, csvText, paper }: { session: Session; csvText: string; paper: PaperSize }) {
  const profile = useMemo(() => sessionProfile(session), [session]);
  const allVotes = useMemo(() => votesFromCsv(csvText), [csvText]);
  const scenarios = useMemo(() => scenarioEntries(session, profile), [session, profile]);
  const visibleIds = useMemo(() => new Set(scenarios.filter((entry) => entry.visible).map((entry) => entry.question.id)), [scenarios]);
  // A running session's unrevealed choices stay out of the report, as on the screen.
  const votes = useMemo(() => allVotes.filter((vote) => visibleIds.has(vote.questionId)), [allVotes, visibleIds]);
  const votingGroups = profile.groups.filter((group) => group.counts.total > 0);
  const radarDrawn = profile.room.dimensions.filter((dimension) => dimension.leaderShare !== null).length >= RADAR_MIN_AXES;
  const expectedCharts = scenarios.filter((entry) => entry.charted).length + (radarDrawn ? 1 : 0) + (votingGroups.length > 0 ? 1 : 0);

  const reportRef = useRef<HTMLElement>(null);
  useReportReady(reportRef, expectedCharts, `${session.updatedAt}|${csvText.length}|${paper}`);

  const style = { '--content-width': `${contentWidthMm(paper)}mm` } as CSSProperties;
  return (
    <div className={styles.screen}>
      <style>{pageCss(paper, session.title)}</style>
      <Toolbar session={session} paper={paper} />
      <article ref={reportRef} className={styles.report} style={style} data-report aria-label={`Report: ${session.title}`}>
        <Cover session={session} profile={profile} />
        <Summary session={session} profile={profile} allVotes={allVotes} radarDrawn={radarDrawn} />
        {votingGroups.length > 0 && (
          <section className={styles.section} aria-labelledby="report-groups">
            <h2 id="report-groups">Groups</h2>
            <p className={styles.lead}>
              Each group’s lean: how far its choices went toward the leader-like or the manager-like answers. Neutral answers take no side.
            </p>
            <GroupLeanChart groups={votingGroups} size="print" animate={false} />
          </section>
        )}
        <section className={styles.section} aria-labelledby="report-scenarios">
          <h2 id="report-scenarios">Scenarios</h2>
          {scenarios.length === 0 ? (
            <p>This workshop has no scenarios to vote on.</p>
          ) : (
            scenarios.map((entry) => <ScenarioSection key={entry.slide.id} entry={entry} session={session} count={scenarios.length} />)
          )}
        </section>
        <Contrasts profile={profile} />
        <OtherNotes session={session} />
        <Appendix session={session} votes={votes} hiddenCount={scenarios.filter((entry) => !entry.visible).length} scenarios={scenarios} />
      </article>
    </div>
  );
}

function scenarioEntries(session: Session, profile: SessionProfile): ScenarioEntry[] {
  const summaries = new Map(profile.questions.map((summary) => [summary.questionId, summary]));
  const entries: ScenarioEntry[] = [];
  for (const slide of session.slides) {
    if (slide.kind !== 'scenario') continue;
    const view = session.questions[slide.question.id];
    const summary = summaries.get(slide.question.id);
    const visible = Boolean(view?.totals);
    entries.push({ slide, number: entries.length, question: slide.question, view, visible, charted: visible && (summary?.voteCount ?? 0) > 0, summary });
  }
  return entries;
}

// ---------------------------------------------------------------- toolbar (screen only)

function Toolbar({ session, paper }: { session: Session; paper: PaperSize }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const id = encodeURIComponent(session.id);

  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      const done = await action();
      if (done) setMessage({ text: done, error: false });
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };

  const exportPdf = () =>
    run(async () => {
      const saved = await api.desktop('report.exportPdf', { sessionId: session.id });
      return saved.canceled ? null : `Saved ${saved.filePath}`;
    });
  const downloadCsv = () =>
    run(async () => {
      if (api.isDesktop) {
        const saved = await api.desktop('csv.saveDialog', { sessionId: session.id });
        return saved.canceled ? null : `Saved ${saved.filePath}`;
      }
      const file = await api.call('reports.csv', { sessionId: session.id });
      downloadText(file.filename, file.csv, 'text/csv;charset=utf-8');
      return null;
    });
  const downloadJson = () =>
    run(async () => {
      const file = await api.call('sessions.exportJson', { sessionId: session.id });
      downloadText(file.filename, file.json, 'application/json');
      return null;
    });

  return (
    <div className={styles.toolbar}>
      <nav className={styles.links} aria-label="Leave the report">
        <a href={`#/results/${id}`}>← Results</a>
        <a href="#/history">History</a>
        {session.status === 'active' && <a href={`#/present/${id}`}>Presenter</a>}
      </nav>
      <span className={styles.paper}>
        {paper} paper · <a href="#/settings">change</a>
      </span>
      <div className={styles.actions}>
        {api.isDesktop && (
          <Button intent="primary" disabled={busy} onClick={() => void exportPdf()}>
            Export PDF…
          </Button>
        )}
        <Button intent={api.isDesktop ? 'default' : 'primary'} onClick={() => window.print()}>
          Print / Save as PDF
        </Button>
        <Button disabled={busy} onClick={() => void downloadCsv()}>
          Download CSV
        </Button>
        <Button disabled={busy} onClick={() => void downloadJson()}>
          Download JSON
        </Button>
      </div>
      {message && (
        <p className={message.error ? styles.problem : styles.done} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
}

// ---------------------------------------------------------------- cover and summary

function Cover({ session, profile }: { session: Session; profile: SessionProfile }) {
  const scenarioCount = profile.questions.length + profile.hiddenCount;
  return (
    <section className={styles.cover} aria-labelledby="report-title">
      <p className={styles.kicker}>Workshop report</p>
      <p className={styles.workshop}>{session.workshopTitle}</p>
      <h1 id="report-title" className={styles.title}>
        {session.title}
      </h1>
      <dl className={styles.facts}>
        <dt>Date</dt>
        <dd>{sessionDate(session)}</dd>
        <dt>Facilitator</dt>
        <dd>{session.facilitator.trim() || '—'}</dd>
        <dt>Voting</dt>
        <dd>{votingModeText(session.votingMode)}</dd>
        <dt>Status</dt>
        <dd>
          {session.status === 'ended'
            ? `Ended; ${profile.voteCount} votes on ${scenarioCount} scenarios`
            : `Still running: ${profile.questions.length} of ${scenarioCount} scenarios revealed so far`}
        </dd>
      </dl>
      {session.groups.length > 0 ? (
        <table className={styles.table}>
          <caption>Groups</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col" className={styles.num}>
                People
              </th>
            </tr>
          </thead>
          <tbody>
            {session.groups.map((group) => (
              <tr key={group.id}>
                <th scope="row">
                  <GroupName group={group} />
                </th>
                <td className={styles.num}>{group.size ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No groups: everyone voted on their own phone.</p>
      )}
    </section>
  );
}

function GroupName({ group }: { group: Pick<Group, 'name' | 'color'> }) {
  return (
    <span className={styles.groupName}>
      <span className={styles.dot} style={{ background: group.color }} aria-hidden="true" />
      {group.name}
    </span>
  );
}

/** "B", or "A / B" on a tie, with the first one's label. */
function majorityText(summary: QuestionSummary): string {
  const top = summary.options.filter((option) => summary.majorityOptionIds.includes(option.id));
  const first = top[0];
  if (!first) return 'No votes';
  const letters = top.map((option) => option.letter).join(' / ');
  // Some labels are quotes already ("“We set out…”"): no second pair of quotation marks.
  const label = /^["“‘']/.test(first.label) ? first.label : `“${first.label}”`;
  return `${formatShare(summary.majorityShare)} chose ${letters}${top.length === 1 ? `: ${label}` : ''}`;
}

function Summary({ session, profile, allVotes, radarDrawn }: { session: Session; profile: SessionProfile; allVotes: AppendixVote[]; radarDrawn: boolean }) {
  const participants = participantsOf(session.groups, allVotes);
  const scenarioCount = profile.questions.length + profile.hiddenCount;
  const ranked = profile.consensus;
  const mostDivided = ranked[0];
  const mostAgreed = ranked.length > 1 ? ranked[ranked.length - 1] : undefined;
  const nameOf = (summary: QuestionSummary) => scenarioHeading(summary.title, scenarioIndex(session, summary.questionId));
  return (
    <section className={`${styles.section} ${styles.summary}`} aria-labelledby="report-summary">
      <h2 id="report-summary">Summary</h2>
      <dl className={styles.figures}>
        <div>
          <dt>Participants</dt>
          <dd className={styles.figure}>{participants.count}</dd>
          <dd>{participants.basis === 'group sizes' ? 'the groups’ sizes added up' : 'groups and phones that voted'}</dd>
        </div>
        <div>
          <dt>Votes counted</dt>
          <dd className={styles.figure}>{profile.voteCount}</dd>
          <dd>
            on {ranked.length} of {scenarioCount} scenario{scenarioCount === 1 ? '' : 's'}
            {profile.hiddenCount > 0 ? `; ${profile.hiddenCount} not revealed yet` : ''}
          </dd>
        </div>
        <div>
          <dt>Leader-like choices</dt>
          <dd className={styles.figure}>{formatShare(profile.room.overall.leaderShare)}</dd>
          <dd>of all the room’s choices; lean: {formatLean(profile.room.overall.lean)}</dd>
        </div>
      </dl>
      <div className={styles.extremes}>
        <div>
          <h3>Most divided</h3>
          {mostDivided ? (
            <>
              <p className={styles.extremeName}>{nameOf(mostDivided)}</p>
              <p>{majorityText(mostDivided)}</p>
            </>
          ) : (
            <p>No revealed votes yet.</p>
          )}
        </div>
        <div>
          <h3>Most agreed</h3>
          {mostAgreed ? (
            <>
              <p className={styles.extremeName}>{nameOf(mostAgreed)}</p>
              <p>{majorityText(mostAgreed)}</p>
            </>
          ) : (
            <p>{mostDivided ? 'Only one scenario has revealed votes.' : 'No revealed votes yet.'}</p>
          )}
        </div>
      </div>
      <h3>Room profile</h3>
      <p className={styles.lead}>
        For each dimension, the share of the room’s choices that were leader-like.{' '}
        {radarDrawn ? 'The further out, the more leader-like.' : ''}
      </p>
      <RoomRadar room={profile.room} size="print" animate={false} showControls={false} showTable={false} height={400} />
    </section>
  );
}

function scenarioIndex(session: Session, questionId: string): number {
  let index = 0;
  for (const slide of session.slides) {
    if (slide.kind !== 'scenario') continue;
    if (slide.question.id === questionId) return index;
    index += 1;
  }
  return -1;
}

// ---------------------------------------------------------------- scenarios

function ScenarioSection({ entry, session, count }: { entry: ScenarioEntry; session: Session; count: number }) {
  const { question, view, summary } = entry;
  const note = session.notes[entry.slide.id]?.trim() ?? '';
  const dimension = session.dimensions.find((d) => d.id === question.dimension)?.name ?? question.dimension;
  const headingId = `report-scenario-${entry.slide.id}`;
  return (
    <section className={styles.scenario} aria-labelledby={headingId}>
      <p className={styles.kicker}>
        Scenario {entry.number + 1} of {count} · {dimension}
      </p>
      <h3 id={headingId}>{scenarioHeading(entry.slide.title, entry.number)}</h3>
      <p className={styles.prompt}>{question.prompt}</p>
      {entry.charted && view ? (
        <QuestionResultChart question={question} view={view} groups={session.groups} byGroup size="print" animate={false} showTable={false} />
      ) : (
        <>
          <ol className={styles.options}>
            {question.options.map((option, index) => (
              <li key={option.id}>
                <strong>{optionLetter(index)}</strong> <span className={styles[`tag_${option.style}`]}>{styleTag(option.style)}</span> {option.label}
              </li>
            ))}
          </ol>
          <p className={styles.hidden}>{entry.visible ? 'No votes on this scenario' : 'Not revealed yet'}</p>
        </>
      )}
      {/* The counts beside the notes: a scenario of twelve groups still fits on one page. */}
      <div className={styles.details}>
        {entry.charted && view && <GroupTable question={question} view={view} groups={session.groups} summary={summary} />}
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

/** The votes per group: a row per group (and phones without one, and hand counts), a column per option. */
function GroupTable({ question, view, groups, summary }: { question: Question; view: QuestionView; groups: readonly Group[]; summary: QuestionSummary | undefined }) {
  const breakdown = groupBreakdown(question, view, groups);
  if (breakdown.series.length === 0) return <p className={styles.muted}>Nobody voted on this scenario.</p>;
  const letters = question.options.map((_, index) => optionLetter(index));
  return (
    <table className={`${styles.table} ${styles.compact} ${styles.groupTable}`}>
      <caption>Votes per group</caption>
      <thead>
        <tr>
          <th scope="col">Group</th>
          {letters.map((letter) => (
            <th key={letter} scope="col" className={styles.num}>
              {letter}
            </th>
          ))}
          <th scope="col" className={styles.num}>
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {breakdown.series.map((series) => {
          const counts = breakdown.rows.map((row) => row.counts[series.key] ?? 0);
          return (
            <tr key={series.key}>
              <th scope="row">{series.color ? <GroupName group={{ name: series.name, color: series.color }} /> : series.name}</th>
              {counts.map((count, index) => (
                <td key={index} className={styles.num}>
                  {count}
                </td>
              ))}
              <td className={styles.num}>{counts.reduce((sum, count) => sum + count, 0)}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Room</th>
          {breakdown.rows.map((row) => (
            <td key={row.optionId} className={styles.num}>
              {row.total}
            </td>
          ))}
          <td className={styles.num}>{summary?.voteCount ?? breakdown.rows.reduce((sum, row) => sum + row.total, 0)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

// ---------------------------------------------------------------- contrasts, notes, appendix

function Contrasts({ profile }: { profile: SessionProfile }) {
  const dimensions = profile.room.dimensions;
  return (
    <section className={`${styles.section} ${styles.newPage}`} aria-labelledby="report-contrasts">
      <h2 id="report-contrasts">The {dimensions.length === 12 ? 'twelve ' : ''}contrasts</h2>
      {dimensions.length === 0 ? (
        <p>This workshop names no contrasts.</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">Leader-like</th>
              <th scope="col">Manager-like</th>
              <th scope="col" className={styles.num}>
                Room
              </th>
            </tr>
          </thead>
          <tbody>
            {dimensions.map((dimension) => (
              <tr key={dimension.dimensionId}>
                <th scope="row">{dimension.name}</th>
                <td>{dimension.leaderSide}</td>
                <td>{dimension.managerSide}</td>
                <td className={styles.num}>{formatShare(dimension.leaderShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className={styles.muted}>“Room”: the share of the room’s choices on that dimension’s scenarios that were leader-like.</p>
    </section>
  );
}

/** Text cut to `max` characters, with "…" when cut. */
function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function slideLabel(slide: Slide, index: number): string {
  const head = `Slide ${index + 1}`;
  switch (slide.kind) {
    case 'quote':
      return `${head}: “${shorten(slide.quote, 80)}”`;
    case 'discussion':
      return `${head}: ${shorten(slide.prompt, 80)}`;
    case 'scenario':
    case 'results':
      return slide.title ? `${head}: ${slide.title}` : head;
    default:
      return `${head}: ${slide.title}`;
  }
}

/** Notes the facilitator kept on slides other than scenarios (the scenarios print theirs in place). */
function OtherNotes({ session }: { session: Session }) {
  const notes = session.slides.flatMap((slide, index) => {
    const text = slide.kind === 'scenario' ? '' : (session.notes[slide.id]?.trim() ?? '');
    return text ? [{ slide, index, text }] : [];
  });
  if (notes.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="report-notes">
      <h2 id="report-notes">Other notes</h2>
      {notes.map(({ slide, index, text }) => (
        <div key={slide.id} className={styles.notes}>
          <h4>{slideLabel(slide, index)}</h4>
          <p>{text}</p>
        </div>
      ))}
    </section>
  );
}

function Appendix({ session, votes, hiddenCount, scenarios }: { session: Session; votes: AppendixVote[]; hiddenCount: number; scenarios: ScenarioEntry[] }) {
  const byId = new Map(scenarios.map((entry) => [entry.question.id, entry]));
  const optionText = (questionId: string, optionId: string) => {
    const question = byId.get(questionId)?.question;
    const index = question?.options.findIndex((option) => option.id === optionId) ?? -1;
    const option = question?.options[index];
    // The full label is in the scenario's section; here one or two lines keep the list readable.
    return option ? `${optionLetter(index)}. ${shorten(option.label, 90)}` : optionId;
  };
  const handCounts = scenarios.flatMap((entry) =>
    entry.visible && entry.view
      ? entry.question.options.flatMap((option, index) => {
          const count = entry.view?.handCounts[option.id] ?? 0;
          return count > 0 ? [{ entry, letter: optionLetter(index), label: option.label, count }] : [];
        })
      : [],
  );
  return (
    <section className={`${styles.section} ${styles.newPage}`} aria-labelledby="report-appendix">
      <h2 id="report-appendix">Appendix: every vote</h2>
      <p className={styles.muted}>
        {votes.length} vote{votes.length === 1 ? '' : 's'}, in the order they were cast, as in the CSV export.
        {hiddenCount > 0 ? ` Votes on the ${hiddenCount} scenario${hiddenCount === 1 ? '' : 's'} not revealed yet are left out.` : ''}
      </p>
      {votes.length > 0 && (
        <table className={`${styles.table} ${styles.compact} ${styles.votes}`}>
          <colgroup>
            <col className={styles.colScenario} />
            <col className={styles.colVoter} />
            <col />
            <col className={styles.colTime} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col">Voter</th>
              <th scope="col">Option</th>
              <th scope="col">Time</th>
            </tr>
          </thead>
          <tbody>
            {votes.map((vote, index) => {
              const entry = byId.get(vote.questionId);
              return (
                <tr key={index}>
                  <td>{entry ? scenarioHeading(entry.slide.title, entry.number) : vote.questionId}</td>
                  <td>{voterName(vote, session.groups)}</td>
                  <td className={styles.clip}>{optionText(vote.questionId, vote.optionId)}</td>
                  <td className={styles.time}>{timeOfDay(vote.at)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {handCounts.length > 0 && (
        <table className={`${styles.table} ${styles.compact}`}>
          <caption>Hand counts (counted by the facilitator, not single votes)</caption>
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col">Option</th>
              <th scope="col" className={styles.num}>
                Hands
              </th>
            </tr>
          </thead>
          <tbody>
            {handCounts.map(({ entry, letter, label, count }) => (
              <tr key={`${entry.question.id}-${letter}`}>
                <td>{scenarioHeading(entry.slide.title, entry.number)}</td>
                <td>
                  {letter}. {label}
                </td>
                <td className={styles.num}>{count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
