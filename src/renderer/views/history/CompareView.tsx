/**
 * Cohort comparison (`#/compare?ids=a,b`): sessions of one workshop as one picture.
 * Their room profiles overlaid on one radar with the same axes (a dimension a
 * session did not cover has no point there, and says so), the leader share per
 * dimension as a table beside it, each scenario's result per session, and, where
 * the workshop has a self-check, the learning per dimension at four points in time
 * (before, then, after, and weeks later from the follow-up pulses). Every
 * figure is from each session's summary (`reports.get`). Sessions of different
 * workshops are refused: their scenarios and dimensions need not match.
 */
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import type { Session } from '../../../shared/model';
import type { SessionSummaryReport } from '../../../shared/summary';
import { formatShare } from '../../../shared/profile';
import { useApi } from '../../app/ApiContext';
import { hrefOf } from '../../app/router';
import { AppHeader } from '../../components/AppHeader';
import { ErrorView, hostErrorHint } from '../../components/ErrorView';
import { CompareRadar, seriesColor } from '../../components/charts';
import { HtmlSwatch, DASHES } from '../../components/charts/chartKit';
import { answerRows, compareAxes, compared, dimensionRows, formatWhen, scenarioCellText, scenarioRows, type ComparedSession } from './historyData';
import { CompareLearning } from './CompareLearning';
import styles from './CompareView.module.css';

export default function CompareView({ sessionIds }: { sessionIds: string[] }) {
  const api = useApi();
  const ids = useMemo(() => [...new Set(sessionIds)], [sessionIds]);
  const key = ids.join(',');
  const [state, setState] = useState<{ sessions?: Session[]; summaries?: SessionSummaryReport[]; error?: Error }>({});
  const [tick, setTick] = useState(0);

  useEffect(() => {
    document.title = 'Plenary · Compare sessions';
  }, []);

  useEffect(() => {
    let live = true;
    const wanted = key ? key.split(',') : [];
    setState({});
    const load = () =>
      Promise.all([
        Promise.all(wanted.map((sessionId) => api.call('sessions.get', { sessionId }))),
        Promise.all(wanted.map((sessionId) => api.call('reports.get', { sessionId }))),
      ]).then(
        ([sessions, summaries]) => live && setState({ sessions, summaries }),
        (error: Error) => live && setState({ error }),
      );
    void load();
    // A reveal, a rename or the end of one of them shows here too: its figures come anew from the core.
    const unsubscribe = api.subscribe((event) => {
      if (!live || !('session' in event.data) || !wanted.includes(event.data.sessionId)) return;
      void load();
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, key, tick]);

  const items = useMemo(() => (state.sessions && state.summaries ? compared(state.sessions, state.summaries) : null), [state.sessions, state.summaries]);

  if (ids.length < 2) {
    return <Refusal title="Choose at least two sessions" text="Comparison puts sessions of one workshop side by side. Tick two or more in the history, then choose Compare." />;
  }
  if (state.error) {
    return <ErrorView title="These sessions cannot be compared" error={state.error} hint={hostErrorHint(state.error) ?? 'One of them may have been deleted. Choose again in the history.'} onRetry={() => setTick((t) => t + 1)} />;
  }
  if (!items) {
    return (
      <div className={styles.page}>
        <AppHeader current="history" />
        <main className={styles.main} aria-busy="true">
          <p>Loading sessions…</p>
        </main>
      </div>
    );
  }
  const workshops = new Set(items.map(({ session }) => session.workshopId));
  if (workshops.size > 1) {
    return (
      <Refusal
        title="These sessions are from different workshops"
        text="Only sessions of the same workshop can be compared: their scenarios and dimensions must be the same for the figures to mean the same thing."
        sessions={items.map(({ session }) => session)}
      />
    );
  }
  return <Comparison items={items} />;
}

function Refusal({ title, text, sessions = [] }: { title: string; text: string; sessions?: Session[] }) {
  return (
    <div className={styles.page}>
      <AppHeader current="history" />
      <main className={styles.main}>
        <section className={styles.refusal} role="alert" aria-labelledby="compare-refusal">
          <h1 id="compare-refusal">{title}</h1>
          <p>{text}</p>
          {sessions.length > 0 && (
            <ul>
              {sessions.map((session) => (
                <li key={session.id}>
                  <strong>{session.title}</strong>: {session.workshopTitle}
                </li>
              ))}
            </ul>
          )}
          <a className={styles.primaryLink} href="#/history">
            Back to the history
          </a>
        </section>
      </main>
    </div>
  );
}

function Comparison({ items }: { items: ComparedSession[] }) {
  const dimensions = useMemo(() => dimensionRows(items), [items]);
  const scenarios = useMemo(() => scenarioRows(items), [items]);
  const answers = useMemo(() => answerRows(items), [items]);
  const { axes, uncovered } = useMemo(() => compareAxes(items), [items]);
  const series = items.map(({ session }, index) => ({ key: `s${index}`, name: session.title }));
  const first = items[0]!.session;
  const columns = { '--columns': String(items.length) } as CSSProperties;
  return (
    <div className={styles.page}>
      <AppHeader current="history" />
      <main className={styles.main}>
        <nav className={styles.back} aria-label="Leave the comparison">
          <a href="#/history">← History</a>
        </nav>
        <p className={styles.kicker}>Compare sessions · {first.workshopTitle}</p>
        <h1 className={styles.heading}>{items.length} sessions side by side</h1>

        <ul className={styles.sessions} style={columns} aria-label="Sessions compared">
          {items.map(({ session, summary }, index) => (
            <li key={session.id}>
              <h2 className={styles.sessionTitle}>
                <HtmlSwatch color={seriesColor(index)} dash={DASHES[index % DASHES.length]} />
                {session.title}
              </h2>
              <p className={styles.meta}>
                {formatWhen(session.startedAt)} · {summary.participants.count > 0 ? `${summary.participants.count} people · ` : ''}
                {summary.totals.votes} vote{summary.totals.votes === 1 ? '' : 's'}
                {session.status === 'active' ? ' · still running' : ''}
              </p>
              <p className={styles.meta}>
                <strong>{formatShare(summary.profile.room.overall.leaderShare)}</strong> leader-like choices · {summary.totals.revealed} of {summary.totals.scenarios} scenarios revealed
              </p>
              <p className={styles.meta}>
                <a href={hrefOf({ view: 'results', sessionId: session.id })}>Results</a> · <a href={hrefOf({ view: 'report', sessionId: session.id })}>Report</a>
              </p>
            </li>
          ))}
        </ul>

        <section className={styles.section} aria-labelledby="compare-profiles">
          <h2 id="compare-profiles">Room profiles</h2>
          <p className={styles.lead}>For each dimension, the share of each room’s choices that were leader-like: the further out, the more leader-like. One radar, the same spokes for every session.</p>
          <div className={styles.picture}>
            <div className={styles.radar}>
              <CompareRadar series={series} axes={axes} uncovered={uncovered} size="screen" />
            </div>
            <div className={styles.scroll}>
              <table className={styles.table}>
                <caption className="visually-hidden">Share of leader-like choices per dimension, one column per session</caption>
                <thead>
                  <tr>
                    <th scope="col">Dimension</th>
                    {items.map(({ session }) => (
                      <th key={session.id} scope="col" className={styles.num}>
                        {session.title}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {dimensions.map((row) => (
                    <tr key={row.dimensionId}>
                      <th scope="row">{row.name}</th>
                      {row.cells.map((cell, index) => (
                        <td key={index} className={styles.num}>
                          <strong>{cell.leaderShare === null ? 'not covered' : formatShare(cell.leaderShare)}</strong>
                          <span className={styles.small}>
                            {cell.votes} vote{cell.votes === 1 ? '' : 's'}
                          </span>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">All dimensions</th>
                    {items.map(({ session, summary }) => (
                      <td key={session.id} className={styles.num}>
                        <strong>{formatShare(summary.profile.room.overall.leaderShare)}</strong>
                        <span className={styles.small}>
                          {summary.profile.voteCount} vote{summary.profile.voteCount === 1 ? '' : 's'}
                        </span>
                      </td>
                    ))}
                  </tr>
                </tfoot>
              </table>
            </div>
          </div>
        </section>

        <section className={styles.section} aria-labelledby="compare-scenarios">
          <h2 id="compare-scenarios">Scenario results</h2>
          <p className={styles.lead}>The answer most chosen in each session and its share of the votes, then the share of leader-like choices.</p>
          <div className={styles.scroll}>
            <table className={styles.table}>
              <caption className="visually-hidden">Each scenario’s most chosen answer per session</caption>
              <thead>
                <tr>
                  <th scope="col">Scenario</th>
                  {items.map(({ session }) => (
                    <th key={session.id} scope="col">
                      {session.title}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {scenarios.map((row) => (
                  <tr key={row.questionId}>
                    <th scope="row" className={styles.scenario}>
                      {row.name}
                      <span className={styles.prompt}>{row.prompt}</span>
                    </th>
                    {row.cells.map((cell, index) => (
                      <td key={index}>
                        <span className={cell.state === 'voted' ? styles.answer : styles.muted}>{scenarioCellText(cell)}</span>
                        {cell.state === 'voted' && (
                          <span className={styles.small}>
                            {formatShare(cell.leaderShare)} leader-like · {cell.votes} vote{cell.votes === 1 ? '' : 's'}
                            {cell.divided ? ' · divided' : ''}
                          </span>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <CompareLearning items={items} />

        {answers.length > 0 && (
          <section className={styles.section} aria-labelledby="compare-answers">
            <h2 id="compare-answers">Open questions and ratings</h2>
            <p className={styles.lead}>Each room’s most given answers, with how many gave them, and each rating’s average, once revealed.</p>
            <div className={styles.scroll}>
              <table className={styles.table}>
                <caption className="visually-hidden">Each open question’s top answers and each rating’s average per session</caption>
                <thead>
                  <tr>
                    <th scope="col">Question</th>
                    {items.map(({ session }) => (
                      <th key={session.id} scope="col">
                        {session.title}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {answers.map((row) => (
                    <tr key={row.questionId}>
                      <th scope="row" className={styles.scenario}>
                        {row.name}
                        <span className={styles.prompt}>{row.prompt}</span>
                      </th>
                      {row.cells.map((cell, index) => (
                        <td key={index}>
                          <span className={cell.state === 'shown' ? styles.answer : styles.muted}>{cell.text}</span>
                          {cell.state !== 'none' && (
                            <span className={styles.small}>
                              {cell.answers} answer{cell.answers === 1 ? '' : 's'}
                            </span>
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
      </main>
    </div>
  );
}
