/**
 * Run of show in the core: time on each slide is added to its section when the
 * facilitator moves on, and the discussion timer is started, paused and extended
 * here, with the injected clock. So a restart, a second presenter tab and the
 * projector all read the same state (see ../../shared/runOfShow.ts for the figures).
 */
import type { ApiHandlers } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import type { DiscussionTimer, RunOfShowState, Session, SessionRecord, Slide } from '../../shared/model';
import { timerElapsedMs } from '../../shared/runOfShow';

/** The run of show of a session that has just started at `at`. */
export function initialRunOfShow(slide: Slide | undefined, at: string): RunOfShowState {
  return { slideSince: at, spent: [], timer: timerFor(slide) };
}

/** A stopped, full timer for a discussion slide with a length; null for other slides. */
function timerFor(slide: Slide | undefined): DiscussionTimer | null {
  if (slide?.kind !== 'discussion' || slide.seconds <= 0) return null;
  return { slideId: slide.id, durationMs: slide.seconds * 1000, runningSince: null, elapsedMs: 0 };
}

/** Adds the time since the current slide was reached to its section (mutates the record). */
function closeStay(record: SessionRecord, at: string): RunOfShowState {
  const state = (record.runOfShow ??= { slideSince: null, spent: [], timer: null });
  const section = record.slides[record.slideIndex]?.section ?? '';
  if (state.slideSince) {
    const ms = Math.max(0, new Date(at).getTime() - new Date(state.slideSince).getTime());
    const entry = state.spent.find((e) => e.section === section);
    if (entry) entry.ms += ms;
    else state.spent.push({ section, ms });
  }
  state.slideSince = at;
  return state;
}

/**
 * Moves the record to `slideIndex` at time `at`: the stay on the old slide counts
 * to its section, and a discussion slide gets its own stopped timer.
 */
export function moveToSlide(record: SessionRecord, slideIndex: number, at: string): void {
  const state = closeStay(record, at);
  const slide = record.slides[slideIndex];
  record.slideIndex = slideIndex;
  if (state.timer?.slideId !== slide?.id) state.timer = timerFor(slide);
}

/** Stops the clocks when the session ends at `at`: the last stay counts, a running timer stops. */
export function stopRunOfShow(record: SessionRecord, at: string): void {
  const state = closeStay(record, at);
  state.slideSince = null;
  if (state.timer?.runningSince) state.timer = pausedAt(state.timer, at);
}

function pausedAt(timer: DiscussionTimer, at: string): DiscussionTimer {
  return { ...timer, elapsedMs: timerElapsedMs(timer, new Date(at).getTime()), runningSince: null };
}

type TimerHandlers = Pick<ApiHandlers, 'timer.start' | 'timer.pause' | 'timer.extend' | 'timer.reset'>;

/** What the timer commands need from the session service. */
export interface TimerKit {
  findActive(sessionId: string): SessionRecord;
  update(record: SessionRecord, change: (record: SessionRecord) => void): Promise<Session>;
  announce(session: Session): Session;
  stamp(): string;
}

/** The `timer.*` commands, which act on the current slide's discussion timer. */
export function createTimerHandlers({ findActive, update, announce, stamp }: TimerKit): TimerHandlers {
  const currentTimer = (record: SessionRecord): DiscussionTimer => {
    const timer = record.runOfShow?.timer;
    const slide = record.slides[record.slideIndex];
    if (!timer || timer.slideId !== slide?.id) throw new ApiError('conflict', 'This slide has no timer. Start one with a length in seconds.');
    return timer;
  };
  const change = async (sessionId: string, edit: (timer: DiscussionTimer | null, record: SessionRecord, at: string) => DiscussionTimer) => {
    const record = findActive(sessionId);
    const at = stamp();
    const next = edit(record.runOfShow?.timer && record.runOfShow.timer.slideId === record.slides[record.slideIndex]?.id ? record.runOfShow.timer : null, record, at);
    return announce(
      await update(record, (r) => {
        r.runOfShow ??= { slideSince: at, spent: [], timer: null };
        r.runOfShow.timer = next;
      }),
    );
  };
  return {
    'timer.start': ({ sessionId, seconds }) =>
      change(sessionId, (timer, record, at) => {
        const slide = record.slides[record.slideIndex];
        if (!slide) throw new ApiError('conflict', 'This session has no slide to time.');
        if (seconds) return { slideId: slide.id, durationMs: seconds * 1000, runningSince: at, elapsedMs: 0 };
        if (!timer) throw new ApiError('conflict', 'This slide has no timer. Start one with a length in seconds.');
        if (timer.runningSince) return timer;
        // A timer that ran out starts again from its full length.
        const fresh = timer.elapsedMs >= timer.durationMs ? { ...timer, elapsedMs: 0 } : timer;
        return { ...fresh, runningSince: at };
      }),
    'timer.pause': ({ sessionId }) =>
      change(sessionId, (_timer, record, at) => {
        const timer = currentTimer(record);
        return timer.runningSince ? pausedAt(timer, at) : timer;
      }),
    'timer.extend': ({ sessionId, seconds }) =>
      change(sessionId, (_timer, record, at) => {
        const timer = currentTimer(record);
        // A timer that had run out counts on from where it stopped: "one more minute" means one from now.
        const elapsed = timerElapsedMs(timer, new Date(at).getTime());
        const base = elapsed > timer.durationMs ? { ...timer, durationMs: elapsed } : timer;
        return { ...base, durationMs: base.durationMs + seconds * 1000 };
      }),
    'timer.reset': ({ sessionId }) =>
      change(sessionId, (_timer, record) => {
        const timer = currentTimer(record);
        const slide = record.slides[record.slideIndex];
        const planned = slide?.kind === 'discussion' && slide.seconds > 0 ? slide.seconds * 1000 : timer.durationMs;
        return { ...timer, durationMs: planned, elapsedMs: 0, runningSince: null };
      }),
  };
}
