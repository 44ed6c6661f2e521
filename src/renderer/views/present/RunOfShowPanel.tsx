/**
 * Run of show: each section's plan against the time spent, ahead or behind, and
 * what is left, from the core's record (so a second presenter tab agrees); and the
 * discussion timer's controls on a slide that has one.
 */
import { useEffect, useRef } from 'react';
import type { Session } from '../../../shared/model';
import { runOfShow, timerLeftMs } from '../../../shared/runOfShow';
import { Button } from '../../components/Button';
import type { SessionActions } from '../../components/session/useSessionActions';
import { formatDuration } from './useClock';
import styles from './RunOfShowPanel.module.css';

const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

/** "2 min behind", "1 min ahead", "on time": within half a minute counts as on time. */
export function driftText(driftMs: number): string {
  if (Math.abs(driftMs) < 30_000) return 'On time';
  return `${minutes(Math.abs(driftMs))} ${driftMs > 0 ? 'behind' : 'ahead'}`;
}

export function RunOfShowPanel({ session, now, actions, className }: { session: Session; now: number; actions: SessionActions; className?: string }) {
  const run = runOfShow(session, now);
  const ended = session.status === 'ended';
  // The current section stays in sight in a pane too short for the whole list; only the list scrolls,
  // so the heading's figures and the timer's controls never scroll away.
  const list = useRef<HTMLOListElement>(null);
  const currentIndex = run.sections.findIndex((s) => s.state === 'current');
  useEffect(() => {
    const pane = list.current;
    const item = pane?.children[currentIndex] as HTMLElement | undefined;
    if (item && pane) pane.scrollTop = Math.max(0, item.offsetTop + item.offsetHeight / 2 - pane.clientHeight / 2);
  }, [currentIndex]);
  return (
    <section className={`${className ?? ''} ${styles.panel}`} aria-labelledby="run-heading">
      <h2 id="run-heading">
        Run of show
        <span className={`${styles.drift} ${run.driftMs >= 30_000 ? styles.behind : ''}`}>{driftText(run.driftMs)}</span>
        {!ended && <span className={styles.left}>{minutes(run.leftMs)} left</span>}
      </h2>
      <TimerControls session={session} now={now} actions={actions} />
      <ol className={styles.sections} ref={list}>
        {run.sections.map((section) => {
          const over = section.spentMs > section.plannedMs && section.plannedMs > 0;
          return (
            <li key={`${section.firstSlideIndex}`} className={`${styles.section} ${styles[section.state]}`} aria-current={section.state === 'current' ? 'step' : undefined}>
              <span className={styles.name} title={section.name || 'Slides without a section'}>
                {section.name || 'No section'}
              </span>
              <span className={`${styles.figures} ${over ? styles.over : ''}`}>
                {section.state === 'upcoming' ? `${minutes(section.plannedMs)} planned` : `${formatDuration(section.spentMs)} of ${minutes(section.plannedMs)}`}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Start, pause, a minute more, reset: on a slide with a discussion timer. */
function TimerControls({ session, now, actions }: { session: Session; now: number; actions: SessionActions }) {
  const slide = session.slides[session.slideIndex];
  const timer = session.runOfShow?.timer;
  if (session.status === 'ended' || !timer || timer.slideId !== slide?.id) return null;
  const left = timerLeftMs(timer, now);
  const running = Boolean(timer.runningSince);
  return (
    <div className={styles.timer} role="group" aria-label="Discussion timer">
      <span className={`${styles.timeLeft} ${left <= 0 ? styles.over : ''}`} aria-label="Discussion time left">
        {left > 0 ? formatDuration(Math.ceil(left / 1000) * 1000) : 'Time is up'}
      </span>
      <Button size="small" intent={running ? 'default' : 'primary'} onClick={actions.toggleTimer}>
        {running ? 'Pause (T)' : timer.elapsedMs > 0 && left > 0 ? 'Resume (T)' : 'Start timer (T)'}
      </Button>
      <Button size="small" onClick={() => actions.extendTimer(60)}>
        +1 min
      </Button>
      <Button size="small" onClick={actions.resetTimer} disabled={timer.elapsedMs === 0 && !running}>
        Reset
      </Button>
    </div>
  );
}
