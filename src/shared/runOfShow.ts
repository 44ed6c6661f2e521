/**
 * Run of show: each section's planned minutes against the time actually spent,
 * ahead or behind, and what is left; and the discussion timer's time left. Pure
 * functions of a session's state and the time, computed here once so the
 * presenter, a second presenter tab and the projector agree to the second.
 */
import type { DiscussionTimer, RunOfShowState, Slide } from './model';

export interface SectionRun {
  /** The section's name as the workshop gives it ('' for slides with none). */
  name: string;
  plannedMs: number;
  spentMs: number;
  state: 'done' | 'current' | 'upcoming';
  /** The slide a section starts on (for jumping to it). */
  firstSlideIndex: number;
}

export interface RunOfShow {
  sections: SectionRun[];
  plannedTotalMs: number;
  spentTotalMs: number;
  /**
   * Positive: behind the plan by that much; negative: ahead. Sections done count
   * in full; the current one only once it runs past its plan.
   */
  driftMs: number;
  /** Planned time still to come: the rest of the current section, then every upcoming one. */
  leftMs: number;
}

interface RunOfShowInput {
  slides: readonly Pick<Slide, 'section' | 'minutes'>[];
  slideIndex: number;
  status: 'active' | 'ended';
  endedAt: string | null;
  runOfShow?: RunOfShowState | undefined;
}

const MINUTE = 60_000;

/** Time spent so far in the current slide's stay (0 once the session has ended). */
function currentStayMs(session: RunOfShowInput, now: number): number {
  const since = session.runOfShow?.slideSince;
  if (!since) return 0;
  const until = session.status === 'ended' && session.endedAt ? new Date(session.endedAt).getTime() : now;
  return Math.max(0, until - new Date(since).getTime());
}

/** The run of show at time `now` (ms since the epoch). */
export function runOfShow(session: RunOfShowInput, now: number): RunOfShow {
  // Sections in slide order, each named once (a name used twice is one section, as the clock always counted it).
  const sections: SectionRun[] = [];
  const byName = new Map<string, SectionRun>();
  session.slides.forEach((slide, index) => {
    let section = byName.get(slide.section);
    if (!section) {
      section = { name: slide.section, plannedMs: 0, spentMs: 0, state: 'upcoming', firstSlideIndex: index };
      byName.set(slide.section, section);
      sections.push(section);
    }
    section.plannedMs += slide.minutes * MINUTE;
  });
  for (const { section, ms } of session.runOfShow?.spent ?? []) {
    const run = byName.get(section);
    if (run) run.spentMs += ms;
  }
  const currentName = session.slides[session.slideIndex]?.section;
  const current = currentName === undefined ? undefined : byName.get(currentName);
  if (current) current.spentMs += currentStayMs(session, now);

  const currentPosition = current ? sections.indexOf(current) : -1;
  sections.forEach((section, index) => {
    if (session.status === 'ended') section.state = 'done';
    else if (index === currentPosition) section.state = 'current';
    // A section visited and left counts as done, even if the facilitator went back to an earlier one.
    else section.state = section.spentMs > 0 || index < currentPosition ? 'done' : 'upcoming';
  });

  let driftMs = 0;
  let leftMs = 0;
  for (const section of sections) {
    if (section.state === 'done') driftMs += section.spentMs - section.plannedMs;
    else if (section.state === 'current') {
      driftMs += Math.max(0, section.spentMs - section.plannedMs);
      leftMs += Math.max(0, section.plannedMs - section.spentMs);
    } else leftMs += section.plannedMs;
  }
  return {
    sections,
    plannedTotalMs: sections.reduce((sum, s) => sum + s.plannedMs, 0),
    spentTotalMs: sections.reduce((sum, s) => sum + s.spentMs, 0),
    driftMs,
    leftMs,
  };
}

/** Milliseconds the timer has run at `now`. */
export function timerElapsedMs(timer: DiscussionTimer, now: number): number {
  const running = timer.runningSince ? Math.max(0, now - new Date(timer.runningSince).getTime()) : 0;
  return timer.elapsedMs + running;
}

/** Milliseconds left on the timer at `now`; negative once it has run out. */
export function timerLeftMs(timer: DiscussionTimer, now: number): number {
  return timer.durationMs - timerElapsedMs(timer, now);
}
