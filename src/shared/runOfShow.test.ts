import { describe, expect, it } from 'vitest';
import { runOfShow, timerLeftMs } from './runOfShow';

const MIN = 60_000;
const T0 = Date.parse('2026-01-15T09:00:00.000Z');
const iso = (ms: number) => new Date(T0 + ms).toISOString();
const slides = [
  { section: 'Opening', minutes: 5 },
  { section: 'Opening', minutes: 5 },
  { section: 'Middle', minutes: 20 },
  { section: 'Close', minutes: 10 },
];

describe('runOfShow', () => {
  it('is ahead when a section took less than planned, and counts the rest of the plan as left', () => {
    const run = runOfShow(
      { slides, slideIndex: 2, status: 'active', endedAt: null, runOfShow: { slideSince: iso(6 * MIN), spent: [{ section: 'Opening', ms: 6 * MIN }], timer: null } },
      T0 + 16 * MIN,
    );
    expect(run.sections.map((s) => [s.name, s.state, s.spentMs / MIN, s.plannedMs / MIN])).toEqual([
      ['Opening', 'done', 6, 10],
      ['Middle', 'current', 10, 20],
      ['Close', 'upcoming', 0, 10],
    ]);
    expect(run.driftMs).toBe(-4 * MIN);
    expect(run.leftMs).toBe(20 * MIN);
    expect(run.plannedTotalMs).toBe(40 * MIN);
  });

  it('is behind once the current section runs past its plan', () => {
    const run = runOfShow({ slides, slideIndex: 0, status: 'active', endedAt: null, runOfShow: { slideSince: iso(0), spent: [], timer: null } }, T0 + 13 * MIN);
    expect(run.driftMs).toBe(3 * MIN);
    expect(run.leftMs).toBe(30 * MIN);
  });

  it('ignores time spent under a section name the slides no longer have, and a session kept before run of show existed', () => {
    const run = runOfShow({ slides, slideIndex: 0, status: 'active', endedAt: null, runOfShow: { slideSince: null, spent: [{ section: '__proto__', ms: MIN }], timer: null } }, T0);
    expect(run.spentTotalMs).toBe(0);
    expect(runOfShow({ slides, slideIndex: 0, status: 'active', endedAt: null }, T0).spentTotalMs).toBe(0);
  });
});

describe('timerLeftMs', () => {
  it('counts only while running, and goes below zero once it has run out', () => {
    const timer = { slideId: 's', durationMs: 5 * MIN, runningSince: iso(0), elapsedMs: MIN };
    expect(timerLeftMs(timer, T0 + MIN)).toBe(3 * MIN);
    expect(timerLeftMs({ ...timer, runningSince: null }, T0 + 60 * MIN)).toBe(4 * MIN);
    expect(timerLeftMs(timer, T0 + 5 * MIN)).toBe(-MIN);
  });
});
