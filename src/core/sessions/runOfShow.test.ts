import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/model';
import { runOfShow, timerLeftMs } from '../../shared/runOfShow';
import { openCore, type CoreWithStore } from '../createCore';
import { fixedDeps } from '../deps';
import { LEADER_OR_MANAGER_ID } from '../workshops/leaderOrManager';

const MIN = 60_000;
let dir: string;
let deps: ReturnType<typeof fixedDeps>;
let core: CoreWithStore;
const now = () => deps.now().getTime();

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-runofshow-'));
  deps = fixedDeps();
  core = await openCore(dir, deps);
});
afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

const create = (extra: { rehearsal?: boolean } = {}): Promise<Session> =>
  core.call('sessions.create', { workshopId: LEADER_OR_MANAGER_ID, groups: ['Red', 'Blue'], ...extra });
const sectionStarts = (session: Session) => runOfShow(session, now()).sections.map((s) => s.firstSlideIndex);

describe('run of show', () => {
  it('adds the time on each slide to its section, and says how far ahead or behind the plan the room is', async () => {
    const session = await create();
    const plan = runOfShow(session, now());
    expect(plan.sections.length).toBeGreaterThan(2);
    const [first, second] = plan.sections as [(typeof plan.sections)[0], (typeof plan.sections)[0]];
    expect(first.state).toBe('current');
    expect(plan.leftMs).toBe(plan.plannedTotalMs);

    // Two minutes over the first section's plan, then on to the second.
    deps.advance(first.plannedMs + 2 * MIN);
    const moved = await core.call('sessions.goTo', { sessionId: session.id, slideIndex: sectionStarts(session)[1]! });
    const after = runOfShow(moved, now());
    expect(after.sections[0]).toMatchObject({ state: 'done', spentMs: first.plannedMs + 2 * MIN });
    expect(after.sections[1]).toMatchObject({ state: 'current', spentMs: 0 });
    expect(after.driftMs).toBe(2 * MIN);
    expect(after.leftMs).toBe(plan.plannedTotalMs - first.plannedMs);

    // A minute into the second section: nothing more behind yet, a minute less left.
    deps.advance(MIN);
    const later = runOfShow(await core.call('sessions.get', { sessionId: session.id }), now());
    expect(later.sections[1]!.spentMs).toBe(MIN);
    expect(later.driftMs).toBe(2 * MIN);
    expect(later.leftMs).toBe(plan.plannedTotalMs - first.plannedMs - Math.min(MIN, second.plannedMs));
  });

  it('survives a restart: the spent time and the current stay are read back from disk', async () => {
    const session = await create();
    deps.advance(3 * MIN);
    await core.call('sessions.goTo', { sessionId: session.id, slideIndex: sectionStarts(session)[1]! });
    deps.advance(MIN);
    const before = runOfShow(await core.call('sessions.get', { sessionId: session.id }), now());
    await core.close();
    core = await openCore(dir, deps);
    const after = runOfShow(await core.call('sessions.get', { sessionId: session.id }), now());
    expect(after).toEqual(before);
    expect(after.sections[0]!.spentMs).toBe(3 * MIN);
  });

  it('stops counting when the session ends', async () => {
    const session = await create();
    deps.advance(5 * MIN);
    const ended = await core.call('sessions.end', { sessionId: session.id });
    deps.advance(60 * MIN);
    const run = runOfShow(ended, now());
    expect(run.spentTotalMs).toBe(5 * MIN);
    expect(run.sections.every((s) => s.state === 'done')).toBe(true);
  });
});

describe('the discussion timer', () => {
  async function onDiscussion() {
    const session = await create();
    const index = session.slides.findIndex((slide) => slide.kind === 'discussion' && slide.seconds > 0);
    const slide = session.slides[index] as Extract<Session['slides'][number], { kind: 'discussion' }>;
    const moved = await core.call('sessions.goTo', { sessionId: session.id, slideIndex: index });
    return { session: moved, seconds: slide.seconds };
  }

  it('waits, full, until the facilitator starts it; pauses and resumes without losing time; extends', async () => {
    const { session, seconds } = await onDiscussion();
    const timer = () => core.call('sessions.get', { sessionId: session.id }).then((s) => s.runOfShow!.timer!);
    expect(timerLeftMs(session.runOfShow!.timer!, now())).toBe(seconds * 1000);
    deps.advance(10_000);
    expect(timerLeftMs(await timer(), now())).toBe(seconds * 1000);

    await core.call('timer.start', { sessionId: session.id });
    deps.advance(30_000);
    expect(timerLeftMs(await timer(), now())).toBe(seconds * 1000 - 30_000);
    await core.call('timer.pause', { sessionId: session.id });
    deps.advance(120_000);
    expect(timerLeftMs(await timer(), now())).toBe(seconds * 1000 - 30_000);
    await core.call('timer.start', { sessionId: session.id });
    deps.advance(10_000);
    await core.call('timer.extend', { sessionId: session.id, seconds: 60 });
    expect(timerLeftMs(await timer(), now())).toBe(seconds * 1000 - 40_000 + 60_000);
    await core.call('timer.reset', { sessionId: session.id });
    expect(await timer()).toMatchObject({ durationMs: seconds * 1000, elapsedMs: 0, runningSince: null });
  });

  it('a minute more on a timer that ran out means a minute from now', async () => {
    const { session, seconds } = await onDiscussion();
    await core.call('timer.start', { sessionId: session.id });
    deps.advance(seconds * 1000 + 45_000);
    const extended = await core.call('timer.extend', { sessionId: session.id, seconds: 60 });
    expect(timerLeftMs(extended.runOfShow!.timer!, now())).toBe(60_000);
  });

  it('is refused on a slide without one, unless given a length', async () => {
    const session = await create();
    await expect(core.call('timer.start', { sessionId: session.id })).rejects.toMatchObject({ code: 'conflict' });
    const started = await core.call('timer.start', { sessionId: session.id, seconds: 90 });
    expect(timerLeftMs(started.runOfShow!.timer!, now())).toBe(90_000);
  });

  it('keeps running across a restart', async () => {
    const { session, seconds } = await onDiscussion();
    await core.call('timer.start', { sessionId: session.id });
    deps.advance(20_000);
    await core.close();
    core = await openCore(dir, deps);
    deps.advance(5_000);
    const resumed = await core.call('sessions.get', { sessionId: session.id });
    expect(timerLeftMs(resumed.runOfShow!.timer!, now())).toBe(seconds * 1000 - 25_000);
  });
});

describe('a rehearsal', () => {
  it('runs like a session but is not listed, and is removed when it ends', async () => {
    const real = await create();
    const rehearsal = await create({ rehearsal: true });
    expect(rehearsal.rehearsal).toBe(true);
    await core.call('sessions.goTo', { sessionId: rehearsal.id, slideIndex: 1 });
    expect((await core.call('sessions.list', {})).map((s) => s.id)).toEqual([real.id]);
    const ended = await core.call('sessions.end', { sessionId: rehearsal.id });
    expect(ended.status).toBe('ended');
    await expect(core.call('sessions.get', { sessionId: rehearsal.id })).rejects.toMatchObject({ code: 'not_found' });
    expect((await core.call('sessions.list', {})).map((s) => s.id)).toEqual([real.id]);
  });

  it('left running for more than a day, it is removed when the core starts again', async () => {
    const left = await create({ rehearsal: true });
    const fresh = await create({ rehearsal: true });
    deps.advance(25 * 60 * MIN);
    await core.call('sessions.goTo', { sessionId: fresh.id, slideIndex: 1 });
    await core.close();
    core = await openCore(dir, deps);
    await expect.poll(() => core.call('sessions.get', { sessionId: left.id }).then(() => 'kept', (error: { code?: string }) => error.code)).toBe('not_found');
    expect((await core.call('sessions.get', { sessionId: fresh.id })).rehearsal).toBe(true);
  });
});
