/**
 * The projector: the slide alone, large enough for the back of the room. On a
 * scenario, the voting panel (a tile per group, "voted" or "waiting"), then the
 * revealed result. Follows the presenter through the session's events.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Question, Session } from '../../../shared/model';
import { useLiveSession } from '../../app/hooks';
import { ErrorView, hostErrorHint } from '../../components/ErrorView';
import { GroupTiles } from '../../components/session/GroupTiles';
import { JoinCard } from '../../components/session/JoinCard';
import { KeyHelp } from '../../components/session/KeyHelp';
import { usePhones } from '../../components/session/usePhones';
import { RevealBars } from '../../components/session/RevealBars';
import { toggleFullscreen, usePresenterKeys } from '../../components/session/usePresenterKeys';
import { currentQuestion, useSessionActions, type SessionActions } from '../../components/session/useSessionActions';
import { LazyQuestionResultChart, preloadCharts } from '../../components/charts/lazy';
import { ResultsSlideBody } from '../results/ResultsSlideBody';
import { SlideView } from '../../components/slide/SlideView';
import { formatDuration, useNow } from '../present/useClock';
import styles from './AudienceView.module.css';
import { optionLetter } from '../../../shared/optionLetter';

export default function AudienceView({ sessionId }: { sessionId: string }) {
  const live = useLiveSession(sessionId);
  const session = live.data;
  const actions = useSessionActions(session);
  const [help, setHelp] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  const pendingGroup = usePresenterKeys({ actions, onHelp: openHelp, onFullscreen: toggleFullscreen });
  const phones = usePhones(sessionId);

  useEffect(() => {
    document.title = session ? `${session.title} · Audience` : 'Plenary · Audience';
  }, [session]);

  if (live.error) return <ErrorView title="This session cannot be shown" error={live.error} hint={hostErrorHint(live.error)} onRetry={live.reload} />;
  if (!session) return <div className={styles.screen} aria-busy="true" />;
  if (session.blackout) return <div className={styles.black} aria-label="The screen is blacked out" role="img" />;

  const slide = session.slides[session.slideIndex];
  const question = currentQuestion(session);
  const joinUrl = session.status === 'active' ? phones?.joinUrls[0] : undefined;
  // The join card shows where phones matter: on the opening slide, and beside every open vote.
  const joinCard = joinUrl ? <JoinCard url={joinUrl} code={session.joinCode} className={styles.joinInline} /> : null;
  return (
    <main className={styles.screen}>
      <div className={styles.slot}>
        {joinUrl && session.slideIndex === 0 && <JoinCard url={joinUrl} code={session.joinCode} className={styles.join} />}
        {slide && (
          <SlideView
            slide={slide}
            className={styles.slide}
            label="Slide"
            body={
              question ? (
                <ScenarioPanel session={session} question={question} actions={actions} pendingGroup={pendingGroup} joinCard={joinCard} />
              ) : slide.kind === 'results' ? (
                <ResultsSlideBody session={session} />
              ) : undefined
            }
            footer={slide.kind === 'discussion' && slide.seconds > 0 ? <DiscussionTimer key={slide.id} seconds={slide.seconds} /> : undefined}
          />
        )}
      </div>
      <KeyHelp open={help} onClose={() => setHelp(false)} />
    </main>
  );
}

interface ScenarioPanelProps {
  session: Session;
  question: Question;
  actions: SessionActions;
  pendingGroup: number | null;
  joinCard: ReactNode;
}

function ScenarioPanel({ session, question, actions, pendingGroup, joinCard }: ScenarioPanelProps) {
  const view = session.questions[question.id];
  const now = useNow(500);
  // The chart code loads while the room votes, so the reveal draws at once.
  useEffect(() => {
    if (view?.status === 'open') void preloadCharts();
  }, [view?.status]);
  if (!view) return null;
  const remaining = view.closesAt ? new Date(view.closesAt).getTime() - now : null;
  let result: ReactNode = null;
  if (view.totals) {
    result = (
      <div className={styles.reveal}>
        <LazyQuestionResultChart
          question={question}
          view={view}
          groups={session.groups}
          byGroup={session.resultsByGroup && session.groups.length > 0}
          size="projector"
          animate
          showTable={false}
          className={styles.chart}
        />
        {/* The same numbers as text, for screen readers. */}
        <div className="visually-hidden">
          <RevealBars question={question} totals={view.totals} />
        </div>
      </div>
    );
  }
  return (
    <div className={styles.body}>
      {result ?? (
        <ol className={styles.options}>
          {question.options.map((option, index) => (
            <li key={option.id} className={styles.option}>
              <span className={styles.letter} aria-hidden="true">
                {optionLetter(index)}
              </span>
              {option.label}
            </li>
          ))}
        </ol>
      )}
      <div className={styles.status} role="status">
        <span className={view.status === 'open' ? styles.open : ''}>
          {view.status === 'open' ? 'Voting is open' : view.revealed ? 'Results' : view.status === 'closed' ? 'Voting is closed' : ''}
        </span>
        {remaining !== null && remaining > 0 && <span>Closes in {formatDuration(remaining)}</span>}
        <span>
          {view.voteCount} vote{view.voteCount === 1 ? '' : 's'}
        </span>
      </div>
      <div className={styles.bottomRow}>
        {!view.totals && session.groups.length > 0 && session.votingMode !== 'hands' && (
          <div className={styles.tiles}>
            <GroupTiles groups={session.groups} question={question} view={view} onVote={actions.vote} pendingGroup={pendingGroup} />
          </div>
        )}
        {view.status === 'open' && joinCard}
      </div>
    </div>
  );
}

/** A discussion's countdown, from when the slide appeared on this screen. */
function DiscussionTimer({ seconds }: { seconds: number }) {
  const [start] = useState(() => Date.now());
  const now = useNow(250);
  const left = seconds * 1000 - (now - start);
  return (
    <span className={styles.timer} role="timer" aria-label="Discussion time left">
      {left > 0 ? formatDuration(left) : 'Time'}
    </span>
  );
}
