/**
 * The slide exactly as the projector shows it: black screen, the scenario with its
 * vote (tiles, countdown, join banner), the revealed result, a discussion's timer.
 * The audience view draws it full screen; the presenter draws the same component
 * small (`preview`), so what the facilitator sees is what the room sees.
 */
import { useEffect, type ReactNode } from 'react';
import type { Question, Session } from '../../../shared/model';
import { optionLetter } from '../../../shared/optionLetter';
import { timerLeftMs } from '../../../shared/runOfShow';
import { GroupTiles } from '../../components/session/GroupTiles';
import { JoinCard } from '../../components/session/JoinCard';
import { RevealBars } from '../../components/session/RevealBars';
import { RoundsCompare } from '../../components/session/RoundsCompare';
import { currentQuestion, type SessionActions } from '../../components/session/useSessionActions';
import { preloadCharts } from '../../components/charts/lazy';
import { SlideView } from '../../components/slide/SlideView';
import { ResultsSlideBody } from '../results/ResultsSlideBody';
import { AnswerPanel } from './AnswerPanel';
import { CommitmentsPanel } from './CommitmentsPanel';
import { formatDuration, useNow } from '../present/useClock';
import { SelfCheckPanel } from './SelfCheckPanel';
import styles from './ProjectedSlide.module.css';

interface ProjectedSlideProps {
  session: Session;
  /** Where phones join; the banner shows only when there is one. */
  joinUrl: string | undefined;
  /** Lets groups vote by tapping their tile (the projector as a touch screen). */
  actions?: SessionActions;
  pendingGroup?: number | null;
  /** The presenter's small copy: nothing in it is a control, and screen readers skip what the presenter says in words. */
  preview?: boolean;
  label: string;
  className?: string;
}

/** The last seconds of a countdown stand out. */
const FINAL_SECONDS = 10;

export function ProjectedSlide({ session, joinUrl, actions, pendingGroup = null, preview = false, label, className }: ProjectedSlideProps) {
  const slide = session.slides[session.slideIndex];
  const question = currentQuestion(session);
  if (session.blackout) {
    return (
      <div className={`${styles.black} ${className ?? ''}`} role="img" aria-label={preview ? 'The projector is black (B brings it back)' : 'The screen is blacked out'}>
        {preview && <span className={styles.blackNote}>Black screen · B to show it again</span>}
      </div>
    );
  }
  if (!slide) return null;
  const phonesMatter = Boolean(joinUrl) && session.status === 'active';
  return (
    <div className={`${styles.slot} ${className ?? ''}`} data-preview={preview || undefined}>
      {phonesMatter && session.slideIndex === 0 && (
        <div className={styles.openingJoin} aria-hidden={preview || undefined}>
          <JoinCard url={joinUrl!} code={session.joinCode} className={styles.banner} />
        </div>
      )}
      <SlideView
        slide={slide}
        className={styles.slide}
        label={label}
        body={
          question ? (
            <ScenarioPanel session={session} question={question} actions={preview ? undefined : actions} pendingGroup={pendingGroup} joinUrl={phonesMatter ? joinUrl : undefined} preview={preview} />
          ) : slide.kind === 'open' || slide.kind === 'rating' ? (
            <AnswerPanel session={session} slide={slide} joinUrl={phonesMatter ? joinUrl : undefined} preview={preview} />
          ) : slide.kind === 'selfCheck' ? (
            <SelfCheckPanel session={session} selfCheck={slide.question} joinUrl={phonesMatter ? joinUrl : undefined} preview={preview} />
          ) : slide.kind === 'results' ? (
            <ResultsSlideBody session={session} />
          ) : slide.kind === 'commitments' ? (
            <CommitmentsPanel session={session} questionId={slide.question.id} preview={preview} />
          ) : slide.kind === 'discussion' ? (
            <DiscussionTimer session={session} />
          ) : undefined
        }
      />
    </div>
  );
}

interface ScenarioPanelProps {
  session: Session;
  question: Question;
  actions: SessionActions | undefined;
  pendingGroup: number | null;
  joinUrl: string | undefined;
  preview: boolean;
}

function ScenarioPanel({ session, question, actions, pendingGroup, joinUrl, preview }: ScenarioPanelProps) {
  const view = session.questions[question.id];
  const now = useNow(250);
  // The chart code loads while the room votes, so the results view draws at once later.
  useEffect(() => {
    if (view?.status === 'open') void preloadCharts();
  }, [view?.status]);
  if (!view) return null;
  const open = view.status === 'open';
  const remaining = open && view.closesAt ? new Date(view.closesAt).getTime() - now : null;
  const seconds = remaining === null ? null : Math.max(0, Math.ceil(remaining / 1000));
  const showTiles = !view.totals && session.groups.length > 0 && session.votingMode !== 'hands';
  const showJoin = open && Boolean(joinUrl);
  // What the presenter says in words elsewhere is hidden from screen readers in its preview.
  const hideFromReaders = preview || undefined;

  const main: ReactNode = view.totals && view.earlierRounds?.length ? (
    <div className={styles.reveal} aria-hidden={hideFromReaders}>
      <RoundsCompare question={question} view={view} groups={session.groups} byGroup={session.resultsByGroup && session.groups.length > 0} />
    </div>
  ) : view.totals ? (
    <div className={styles.reveal} aria-hidden={hideFromReaders}>
      <RevealBars question={question} totals={view.totals} view={view} groups={session.groups} byGroup={session.resultsByGroup && session.groups.length > 0} />
    </div>
  ) : (
    <ol className={styles.options}>
      {question.options.map((option, index) => (
        <li key={option.id} className={styles.option} data-option-id={option.id}>
          <span className={styles.letter} aria-hidden="true">
            {optionLetter(index)}
          </span>
          <span className={styles.optionText}>{option.label}</span>
        </li>
      ))}
    </ol>
  );

  return (
    <div className={`${styles.body} ${showJoin ? styles.withJoin : ''}`}>
      <div className={styles.column}>
        {main}
        <div className={styles.status} role={preview ? undefined : 'status'}>
          {(view.round ?? 1) > 1 && <span data-testid="round">Round {view.round}</span>}
          <span className={open ? styles.open : ''}>{open ? 'Voting is open' : view.revealed ? 'Results' : view.status === 'closed' ? 'Voting is closed' : ''}</span>
          <span>
            {view.voteCount} vote{view.voteCount === 1 ? '' : 's'}
          </span>
          {seconds !== null && (
            <span
              className={`${styles.countdown} ${seconds <= FINAL_SECONDS ? styles.final : ''}`}
              role={preview ? undefined : 'timer'}
              aria-label={`Voting closes in ${seconds} seconds`}
              data-final={seconds <= FINAL_SECONDS || undefined}
            >
              {formatDuration(seconds * 1000)}
            </span>
          )}
        </div>
        {showTiles && (
          <div className={styles.tiles} aria-hidden={hideFromReaders} inert={preview || undefined}>
            <GroupTiles groups={session.groups} question={question} view={view} onVote={actions?.vote} pendingGroup={pendingGroup} />
          </div>
        )}
      </div>
      {showJoin && (
        <div className={styles.joinSide} aria-hidden={hideFromReaders}>
          <JoinCard url={joinUrl!} code={session.joinCode} className={styles.banner} />
        </div>
      )}
    </div>
  );
}

/** A discussion's timer, from the core: started, paused and extended by the presenter. */
function DiscussionTimer({ session }: { session: Session }) {
  const now = useNow(250);
  const slide = session.slides[session.slideIndex];
  const timer = session.runOfShow?.timer;
  if (!timer || timer.slideId !== slide?.id) return null;
  const left = timerLeftMs(timer, now);
  const up = left <= 0;
  const seconds = Math.ceil(Math.max(0, left) / 1000);
  const running = Boolean(timer.runningSince);
  return (
    <div className={styles.timerBox}>
      <span
        className={`${styles.timer} ${up ? styles.timeUp : seconds <= FINAL_SECONDS && running ? styles.final : ''} ${!running && !up ? styles.waiting : ''}`}
        role="timer"
        aria-label="Discussion time left"
      >
        {up ? 'Time is up' : formatDuration(seconds * 1000)}
      </span>
      {!up && !running && timer.elapsedMs > 0 && <span className={styles.timerState}>Paused</span>}
    </div>
  );
}
