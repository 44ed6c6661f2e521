/**
 * The results view (`#/results/<sessionId>`): what the room thinks, at a glance.
 * Room profile (radar), group profiles (lean, and how often each group picked the
 * leader-like answer), scenarios ranked from most divided to most agreed, then each
 * revealed scenario's result. Every figure comes from the core's session summary
 * (`reports.get`), the one the report prints. Live: it follows the session's
 * events, so a reveal in the presenter view shows up here.
 *
 * The charts here do not animate: this page is for reading, and they appear whole
 * in the first frame (the growing bars belong to the reveal on the projector).
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Group, Question, Session } from '../../../shared/model';
import { formatLean, formatShare, type QuestionSummary } from '../../../shared/profile';
import type { QuestionFigures, SessionSummaryReport } from '../../../shared/summary';
import { useLiveSession } from '../../app/hooks';
import { useSessionSummary } from '../../app/useSessionSummary';
import { SelfCheckChart } from '../../components/selfCheck/SelfCheckChart';
import { hasLearning, learningSummary } from '../../components/selfCheck/learningStory';
import type { SelfCheckFigures } from '../../../shared/selfCheck';
import { ErrorView, hostErrorHint } from '../../components/ErrorView';
import { LazyConsensusChart, LazyGroupLeanChart, LazyLeaderAnswerChart, LazyQuestionResultChart, LazyRoomRadar } from '../../components/charts/lazy';
import { UnrevealedScenarios } from './UnrevealedScenarios';
import { MovedRanking, movedScenarios } from '../../components/session/MovedRanking';
import { AnswerResults } from './AnswerResults';
import styles from './ResultsView.module.css';

const sectionIds = { room: 'results-room', groups: 'results-groups', consensus: 'results-consensus', moved: 'results-moved', learning: 'results-learning', scenarios: 'results-scenarios' } as const;
const scenarioAnchor = (questionId: string) => `results-scenario-${questionId}`;

/** Scrolls to a part of the page. Hash links are routes in this app, so anchors cannot be used. */
function scrollToId(id: string) {
  const element = document.getElementById(id);
  if (!element) return;
  element.scrollIntoView({ behavior: 'smooth', block: 'start' });
  element.focus({ preventScroll: true });
}

export default function ResultsView({ sessionId }: { sessionId: string }) {
  const live = useLiveSession(sessionId);
  const session = live.data;
  const report = useSessionSummary(sessionId, session);
  const summary = report.data;

  useEffect(() => {
    document.title = session ? `${session.title} · Results` : 'Plenary · Results';
  }, [session]);

  const error = live.error ?? report.error;
  if (error) return <ErrorView title="These results cannot be shown" error={error} hint={hostErrorHint(error)} onRetry={() => (live.reload(), report.reload())} />;
  if (!session || !summary) return <div className={styles.page} aria-busy="true" />;

  return (
    <div className={styles.page}>
      <ResultsHeader session={session} summary={summary} />
      {summary.profile.voteCount === 0 ? <EmptyState session={session} summary={summary} /> : <ResultsBody session={session} summary={summary} />}
    </div>
  );
}

function ResultsHeader({ session, summary }: { session: Session; summary: SessionSummaryReport }) {
  const { scenarios, revealed, shownVotes, votedNotRevealed } = summary.totals;
  const id = encodeURIComponent(session.id);
  return (
    <header className={styles.header}>
      <nav className={styles.nav} aria-label="Leave the results">
        <a href="#/">Library</a>
        <a href={`#/present/${id}`}>← Back to presenting</a>
      </nav>
      <div className={styles.titleRow}>
        <div>
          <p className={styles.kicker}>Results</p>
          <h1 className={styles.title}>{session.title}</h1>
          <p className={styles.meta}>
            <span className={session.status === 'active' ? styles.live : styles.ended}>{session.status === 'active' ? 'Live' : 'Ended'}</span>
            <span>
              {revealed} of {scenarios} scenario{scenarios === 1 ? '' : 's'} revealed
            </span>
            <span>
              {shownVotes} vote{shownVotes === 1 ? '' : 's'} counted
            </span>
            {votedNotRevealed > 0 && (
              <span>
                {votedNotRevealed} scenario{votedNotRevealed === 1 ? '' : 's'} voted on, not revealed
              </span>
            )}
          </p>
        </div>
        <a className={styles.reportLink} href={`#/report/${id}`}>
          Report
        </a>
      </div>
    </header>
  );
}

function EmptyState({ session, summary }: { session: Session; summary: SessionSummaryReport }) {
  const scenarioCount = summary.totals.scenarios;
  // Open questions, ratings or a self-check revealed: they are the results, shown below; the empty card then speaks of scenarios only.
  const learningShown = hasLearning(summary.selfCheck);
  const otherResultsShown = learningShown || summary.answerQuestions.some((figures) => figures.shown);
  if (otherResultsShown && scenarioCount === 0) {
    return (
      <main className={styles.main}>
        {learningShown && <LearningSection figures={summary.selfCheck!} />}
        <AnswerResults questions={summary.answerQuestions} />
      </main>
    );
  }
  return (
    <main className={styles.main}>
      <section className={styles.empty} aria-labelledby="results-empty">
        <h2 id="results-empty">{otherResultsShown ? 'No scenario results yet' : 'No results yet'}</h2>
        {scenarioCount === 0 ? (
          <p>This workshop has no scenarios to vote on, so there is nothing to chart.</p>
        ) : (
          <p>Reveal a vote in the presenter view and it appears here. The charts update by themselves as more votes are revealed.</p>
        )}
        {session.status === 'active' && scenarioCount > 0 && (
          <a className={styles.primaryLink} href={`#/present/${encodeURIComponent(session.id)}`}>
            Go to the presenter view
          </a>
        )}
      </section>
      <UnrevealedScenarios session={session} questions={summary.questions} />
      <AnswerResults questions={summary.answerQuestions} />
      {learningShown && <LearningSection figures={summary.selfCheck!} />}
    </main>
  );
}

const noScenarios: QuestionFigures[] = [];

function ResultsBody({ session, summary }: { session: Session; summary: SessionSummaryReport }) {
  const { room, groups, consensus } = summary.profile;
  const shown = useMemo(() => summary.questions.filter((figures) => figures.shown), [summary]);
  const questions = useMemo(() => new Map(session.slides.flatMap((slide) => (slide.kind === 'scenario' ? [[slide.question.id, slide.question] as [string, Question]] : []))), [session.slides]);
  const hiddenCount = summary.totals.scenarios - summary.totals.shown;
  // The list of scenarios starts below the fold: it is built just after the first
  // paint, so the charts at the top appear without waiting for it.
  const scenarios = useDeferredValue(shown, noScenarios);
  const votingGroups = groups.filter((group) => group.counts.total > 0);
  const mostDivided = consensus[0];
  const handsOnly = votingGroups.length === 0;
  return (
    <main className={styles.main}>
      <nav className={styles.jump} aria-label="Parts of the results">
        <button type="button" onClick={() => scrollToId(sectionIds.room)}>
          Room profile
        </button>
        <button type="button" onClick={() => scrollToId(sectionIds.groups)}>
          Groups
        </button>
        <button type="button" onClick={() => scrollToId(sectionIds.consensus)}>
          Consensus
        </button>
        {hasLearning(summary.selfCheck) && (
          <button type="button" onClick={() => scrollToId(sectionIds.learning)}>
            Self-check
          </button>
        )}
        <button type="button" onClick={() => scrollToId(sectionIds.scenarios)}>
          Each scenario
        </button>
      </nav>

      <ul className={styles.figures} aria-label="Key figures">
        <li>
          <strong>{formatShare(room.overall.leaderShare)}</strong>
          <span>of all choices were leader-like</span>
        </li>
        <li>
          <strong>{formatLean(room.overall.lean)}</strong>
          <span>the room’s lean, leader-like against manager-like</span>
        </li>
        <li>
          <strong>{consensus.filter((summary) => summary.divided).length}</strong>
          <span>
            of {consensus.length} scenario{consensus.length === 1 ? '' : 's'} divided the room
          </span>
        </li>
        {mostDivided && (
          <li>
            <strong className={styles.figureText}>{mostDivided.title || mostDivided.question.prompt}</strong>
            <span>split the room most ({formatShare(mostDivided.majorityShare)} for the top answer)</span>
          </li>
        )}
      </ul>

      <Section id={sectionIds.room} title="Room profile" lead="For each dimension, the share of the room’s choices that were leader-like. The further out, the more leader-like.">
        <LazyRoomRadar room={room} groups={groups} size="screen" animate={false} />
      </Section>

      <Section
        id={sectionIds.groups}
        title="Group profiles"
        // The hands sentence only where hand counts sit beside group votes: in a hands-only session the note below says it, and in one without hands it would puzzle.
        lead={`Each group’s lean from manager-like to leader-like, and how often it picked the answer the workshop calls leader-like.${!handsOnly && summary.totals.shownSources.hands > 0 ? ' Hand counts belong to no group, so they count for the room only.' : ''}`}
      >
        {handsOnly ? (
          <p className={styles.note}>
            {session.votingMode === 'hands'
              ? 'A show of hands belongs to no group (nobody knows which group raised which hand), so there are no group profiles; the room’s figures count every hand.'
              : `${session.groups.length === 0 ? 'This session has no groups' : 'No group has revealed votes yet'}: the group profiles appear once groups or phones in a group vote.`}
          </p>
        ) : (
          <div className={styles.pair}>
            <div>
              <h3 className={styles.chartTitle}>Lean</h3>
              <LazyGroupLeanChart groups={groups} size="screen" animate={false} />
            </div>
            <div>
              <h3 className={styles.chartTitle}>Picked the leader-like answer</h3>
              <LazyLeaderAnswerChart groups={groups} size="screen" animate={false} />
            </div>
          </div>
        )}
      </Section>

      <Section
        id={sectionIds.consensus}
        title="Consensus ranking: what divides the room"
        lead="Scenarios from most divided to most agreed, by the share of the most chosen answer. Below 60%, the room is divided: a good place to start the discussion."
      >
        <LazyConsensusChart ranked={consensus} size="screen" animate={false} onSelect={(summary) => scrollToId(scenarioAnchor(summary.questionId))} />
      </Section>

      {movedScenarios(summary.questions).again.length > 0 && (
        <Section
          id={sectionIds.moved}
          title="What the discussion moved"
          lead="Scenarios the room voted on again after the debrief, ranked by how far its leader share moved between the first and the last round. Groups are counted by the direction they moved; no one person is shown."
        >
          <MovedRanking questions={summary.questions} />
        </Section>
      )}
      {hasLearning(summary.selfCheck) && <LearningSection figures={summary.selfCheck} />}

      <Section id={sectionIds.scenarios} title="Each scenario" lead="The revealed results, in the order of the session.">
        <div className={styles.scenarios}>
          {scenarios.map((figures) =>
            figures.figures && questions.has(figures.questionId) ? (
              <ScenarioResult key={figures.questionId} summary={figures.figures} figures={figures} question={questions.get(figures.questionId)!} groups={summary.breakdownGroups} ungroupedName={summary.ungroupedName} />
            ) : null,
          )}
        </div>
        {session.status === 'active' && hiddenCount > 0 && (
          <p className={styles.note}>
            {hiddenCount} scenario{hiddenCount === 1 ? ' is' : 's are'} not revealed yet; {hiddenCount === 1 ? 'it appears' : 'they appear'} here once revealed.
          </p>
        )}
        {session.status === 'ended' && summary.totals.notVotedOn > 0 && (
          <p className={styles.note}>
            {summary.totals.notVotedOn} scenario{summary.totals.notVotedOn === 1 ? ' was' : 's were'} not voted on.
          </p>
        )}
        <UnrevealedScenarios session={session} questions={summary.questions} />
      </Section>
      <AnswerResults questions={summary.answerQuestions} />
    </main>
  );
}

/** Learning (issue 17): the self-check per dimension, before, then and after, with n; room figures only. */
function LearningSection({ figures }: { figures: SelfCheckFigures }) {
  return (
    <Section id={sectionIds.learning} title="Learning: the self-check" lead={learningSummary(figures)}>
      <SelfCheckChart figures={figures} showTable />
    </Section>
  );
}

function Section({ id, title, lead, children }: { id: string; title: string; lead: string; children: ReactNode }) {
  return (
    <section id={id} className={styles.section} aria-labelledby={`${id}-title`} tabIndex={-1}>
      <h2 id={`${id}-title`} className={styles.sectionTitle}>
        {title}
      </h2>
      <p className={styles.lead}>{lead}</p>
      {children}
    </section>
  );
}

function ScenarioResult({
  summary,
  figures,
  question,
  groups,
  ungroupedName,
}: {
  summary: QuestionSummary;
  figures: QuestionFigures;
  question: Question;
  groups: readonly Pick<Group, 'id' | 'name' | 'color'>[];
  ungroupedName: string;
}) {
  const [byGroup, setByGroup] = useState(false);
  const view = { totals: figures.totals, totalsByGroup: figures.totalsByGroup };
  const hasGroupVotes = (figures.breakdown ?? []).some((line) => line.kind === 'group' || line.kind === 'others');
  const headingId = `${scenarioAnchor(summary.questionId)}-title`;
  return (
    <article id={scenarioAnchor(summary.questionId)} className={styles.scenario} aria-labelledby={headingId} tabIndex={-1}>
      <p className={styles.kicker}>
        {summary.title && summary.title.toLowerCase().includes(summary.dimensionName.toLowerCase()) ? summary.title : [summary.title, summary.dimensionName].filter(Boolean).join(' · ')}
      </p>
      <h3 id={headingId} className={styles.prompt}>
        {question.prompt}
      </h3>
      {summary.voteCount === 0 ? (
        <p className={styles.note}>No votes on this scenario.</p>
      ) : (
        <>
          {hasGroupVotes && (
            <label className={styles.toggle}>
              <input type="checkbox" checked={byGroup} onChange={(event) => setByGroup(event.currentTarget.checked)} />
              Split by group
            </label>
          )}
          <WhenNear minHeight={question.options.length * 110}>
            <LazyQuestionResultChart question={question} view={view} groups={groups} ungroupedName={ungroupedName} byGroup={byGroup} size="screen" animate={false} showHeader />
          </WhenNear>
        </>
      )}
    </article>
  );
}

/**
 * Draws its content once it comes near the viewport: a session of 24 scenarios
 * then draws only the charts in sight, and the page is ready sooner. Without
 * IntersectionObserver (tests, old engines) it draws straight away.
 */
function WhenNear({ minHeight, children }: { minHeight: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement | null>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (near || !ref.current) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [near]);
  return near ? <>{children}</> : <div ref={ref} style={{ minHeight }} aria-busy="true" />;
}
