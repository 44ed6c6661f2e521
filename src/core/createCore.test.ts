import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlenaryEvent } from '../shared/contract';
import { ApiError } from '../shared/errors';
import { askedQuestionsOf, questionsOf, type Session, type Slide } from '../shared/model';
import { parseCsv, UTF8_BOM } from '../shared/csv';
import { openCore, type Core } from './createCore';
import { fixedDeps } from './deps';
import { JOIN_CODE_ALPHABET } from './sessions/groups';
import { VOTE_EVENT_MS } from './sessions/sessionService';
import { SESSIONS_DIR } from './store/store';
import { LEADER_OR_MANAGER_ID } from './workshops/leaderOrManager';
import { sessionOnDisk } from './testing/sessionOnDisk';

let dir: string;
let deps: ReturnType<typeof fixedDeps>;
const cores: Core[] = [];

async function startCore(): Promise<Core> {
  const core = await openCore(dir, deps);
  cores.push(core);
  return core;
}

async function stopCore(core: Core): Promise<void> {
  cores.splice(cores.indexOf(core), 1);
  await core.close();
}

/** The ApiError a call fails with (fails the test if it succeeds). */
async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the call to fail');
}

type Scenario = Extract<Slide, { kind: 'scenario' }>;
function scenarios(session: Session): { slide: Scenario; index: number }[] {
  return session.slides.flatMap((slide, index) => (slide.kind === 'scenario' ? [{ slide, index }] : []));
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-core-'));
  deps = fixedDeps();
});

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(cores.splice(0).map((core) => core.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('the workshop library', () => {
  it('lists the built-in workshop first, marked builtIn', async () => {
    const core = await startCore();
    const list = await core.call('workshops.list', {});
    expect(list[0]).toMatchObject({ id: LEADER_OR_MANAGER_ID, title: 'Leader or Manager?', builtIn: true });
    expect(list[0]!.scenarioCount).toBeGreaterThanOrEqual(12);
  });

  it('refuses to edit the built-in workshop, and a duplicate is editable and listed', async () => {
    const core = await startCore();
    const builtIn = await core.call('workshops.get', { workshopId: LEADER_OR_MANAGER_ID });
    expect((await failure(core.call('workshops.update', { workshopId: LEADER_OR_MANAGER_ID, content: builtIn.content }))).code).toBe('conflict');
    const copy = await core.call('workshops.duplicate', { workshopId: LEADER_OR_MANAGER_ID });
    expect(copy).toMatchObject({ builtIn: false, id: 'w0001' });
    expect(copy.content.title).toBe('Leader or Manager? (copy)');
    expect((await core.call('workshops.list', {})).map((w) => [w.id, w.builtIn])).toEqual([
      [LEADER_OR_MANAGER_ID, true],
      ['w0001', false],
    ]);
  });
});

describe('a session of the built-in workshop', () => {
  it('has at least 12 questions over 12 distinct dimensions, each with a leader and a manager option', async () => {
    const core = await startCore();
    const session = await core.call('sessions.create', { workshopId: LEADER_OR_MANAGER_ID });
    const questions = questionsOf(session.slides);
    expect(questions.length).toBeGreaterThanOrEqual(12);
    expect(new Set(questions.map((q) => q.dimension)).size).toBe(12);
    for (const question of questions) {
      const styles = question.options.map((o) => o.style);
      expect(styles, question.id).toContain('leader');
      expect(styles, question.id).toContain('manager');
    }
    // Every question is in the session's state, idle: the scenarios', the open question's, the rating's and the two self-checks'.
    const selfChecks = session.slides.flatMap((slide) => (slide.kind === 'selfCheck' ? [slide.question.id] : []));
    expect(selfChecks).toHaveLength(2);
    expect(Object.keys(session.questions).sort()).toEqual([...askedQuestionsOf(session.slides).map((q) => q.id), ...selfChecks].sort());
    expect(askedQuestionsOf(session.slides).map((q) => q.type).filter((type) => type !== 'choice')).toEqual(['text', 'text', 'scale']);
    expect(Object.values(session.questions).every((q) => q.status === 'idle' && !q.revealed)).toBe(true);
  });

  it('starts active on slide 0 with a join code from the unambiguous alphabet and default groups', async () => {
    const core = await startCore();
    const session = await core.call('sessions.create', { workshopId: LEADER_OR_MANAGER_ID });
    expect(session).toMatchObject({ id: 's0001', status: 'active', slideIndex: 0, title: 'Leader or Manager? · 2026-01-15' });
    expect(session.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(session.joinCode).not.toMatch(/[01OI]/);
    expect(session.groups.map((g) => [g.id, g.name])).toEqual([
      ['g1', 'Group 1'],
      ['g2', 'Group 2'],
      ['g3', 'Group 3'],
      ['g4', 'Group 4'],
    ]);
  });

  it('keeps its snapshot of the workshop when the workshop is edited later', async () => {
    const core = await startCore();
    const copy = await core.call('workshops.duplicate', { workshopId: LEADER_OR_MANAGER_ID });
    const original = structuredClone(copy.content);
    const before = await core.call('sessions.create', { workshopId: copy.id, title: 'Before the edit' });
    const edited = structuredClone(copy.content);
    edited.slides = edited.slides.slice(0, 2);
    edited.title = 'Short version';
    await core.call('workshops.update', { workshopId: copy.id, content: edited });
    const after = await core.call('sessions.create', { workshopId: copy.id, title: 'After the edit' });

    const reread = await core.call('sessions.get', { sessionId: before.id });
    expect(reread.slides).toEqual(original.slides);
    expect((await core.call('workshops.get', { workshopId: copy.id })).content.slides).toHaveLength(2);
    expect(reread.workshopTitle).toBe('Leader or Manager? (copy)');
    expect(after.slides).toHaveLength(2);
    expect(after.workshopTitle).toBe('Short version');
  });

  it('cannot be created from a workshop that does not exist', async () => {
    const core = await startCore();
    expect((await failure(core.call('sessions.create', { workshopId: 'nope' }))).code).toBe('not_found');
  });
});

describe('voting', () => {
  async function roomOfThree(core: Core) {
    const session = await core.call('sessions.create', {
      workshopId: LEADER_OR_MANAGER_ID,
      title: 'Tuesday cohort',
      groups: ['Red', '=HYPERLINK("x")', 'Blue'],
    });
    const [first, second, third] = scenarios(session);
    return { session, first: first!, second: second!, third: third! };
  }

  it('keeps choices hidden until the reveal, replaces a second vote, then shows totals', async () => {
    const core = await startCore();
    const { session, first } = await roomOfThree(core);
    const q = first.slide.question.id;
    const sessionId = session.id;
    const events: PlenaryEvent[] = [];
    const castTimes: number[] = [];
    core.events.on((event) => {
      events.push(event);
      if (event.name === 'vote.cast') castTimes.push(performance.now());
    });

    await core.call('sessions.goTo', { sessionId, slideIndex: first.index });
    const opened = await core.call('voting.open', { sessionId, questionId: q });
    expect(opened.questions[q]!.status).toBe('open');

    const [a, b] = first.slide.question.options.map((o) => o.id) as [string, string];
    expect(await core.call('voting.cast', { sessionId, questionId: q, voterId: 'g1', optionId: a })).toEqual({ ok: true });
    await core.call('voting.cast', { sessionId, questionId: q, voterId: 'g2', optionId: b });
    await core.call('voting.cast', { sessionId, questionId: q, voterId: 'g3', optionId: b });
    // Red changes its mind: the second vote replaces the first.
    await core.call('voting.cast', { sessionId, questionId: q, voterId: 'g1', optionId: b });

    const hidden = await core.call('sessions.get', { sessionId });
    const view = hidden.questions[q]!;
    expect(view.totals).toBeNull();
    expect(view.totalsByGroup).toBeNull();
    expect([...view.voterIds].sort()).toEqual(['g1', 'g2', 'g3']);
    expect(view.voteCount).toBe(3);
    // Neither the session nor any event so far carries a vote's choice.
    for (const json of [JSON.stringify(hidden), JSON.stringify(events)]) {
      expect(json).not.toContain('"optionId"');
      expect(json).not.toContain('"votes"');
    }
    for (const event of events) {
      if (event.name === 'vote.cast') expect(event.data.question.totals).toBeNull();
    }
    const hiddenResults = await core.call('results.get', { sessionId });
    expect(hiddenResults.questions.find((r) => r.questionId === q)).toMatchObject({ revealed: false, totals: {}, voteCount: 3 });

    const revealed = await core.call('voting.reveal', { sessionId, questionId: q });
    expect(revealed.questions[q]).toMatchObject({ revealed: true, status: 'closed', totals: { [a]: 0, [b]: 3 } });
    expect(revealed.questions[q]!.totalsByGroup).toEqual({ g1: { [a]: 0, [b]: 1 }, g2: { [a]: 0, [b]: 1 }, g3: { [a]: 0, [b]: 1 } });
    const results = await core.call('results.get', { sessionId });
    expect(results.questions.find((r) => r.questionId === q)).toMatchObject({ revealed: true, totals: { [a]: 0, [b]: 3 }, voteCount: 3 });
    // Vote progress is announced at once, then at most every VOTE_EVENT_MS, the last
    // announcement with the latest count. How many announcements four votes make
    // depends on how fast the machine casts them, so the test checks the spacing.
    const names = events.map((e) => e.name);
    expect(names.slice(0, 3)).toEqual(['slide.changed', 'voting.opened', 'vote.cast']);
    expect(names.filter((name) => name !== 'vote.cast')).toEqual(['slide.changed', 'voting.opened', 'voting.revealed']);
    await new Promise((resolve) => setTimeout(resolve, VOTE_EVENT_MS * 2));
    const progress = events.filter((e) => e.name === 'vote.cast');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.length).toBeLessThanOrEqual(4);
    for (let i = 1; i < castTimes.length; i += 1) expect(castTimes[i]! - castTimes[i - 1]!).toBeGreaterThanOrEqual(VOTE_EVENT_MS - 5);
    const latest = progress.at(-1)!;
    expect(latest.name === 'vote.cast' && latest.data.question.voteCount).toBe(3);
  });

  it('refuses a vote on a question that is not open (409 conflict), and on an idle one', async () => {
    const core = await startCore();
    const { session, first, second } = await roomOfThree(core);
    const sessionId = session.id;
    const q = first.slide.question.id;
    const option = first.slide.question.options[0]!.id;
    const idle = await failure(core.call('voting.cast', { sessionId, questionId: second.slide.question.id, voterId: 'g1', optionId: option }));
    expect(idle.code).toBe('conflict');
    await core.call('voting.open', { sessionId, questionId: q });
    await core.call('voting.close', { sessionId, questionId: q });
    const closed = await failure(core.call('voting.cast', { sessionId, questionId: q, voterId: 'g1', optionId: option }));
    expect(closed.code).toBe('conflict');
    expect(closed.message).toMatch(/not open/);
    expect((await core.call('sessions.get', { sessionId })).questions[q]!.voteCount).toBe(0);
  });

  it('opening a question closes the one that was open', async () => {
    const core = await startCore();
    const { session, first, second } = await roomOfThree(core);
    await core.call('voting.open', { sessionId: session.id, questionId: first.slide.question.id });
    const view = await core.call('voting.open', { sessionId: session.id, questionId: second.slide.question.id });
    expect(view.questions[first.slide.question.id]!.status).toBe('closed');
    expect(view.questions[second.slide.question.id]!.status).toBe('open');
  });

  it('answers not_found for an unknown session, question, group or option', async () => {
    const core = await startCore();
    const { session, first } = await roomOfThree(core);
    const q = first.slide.question.id;
    await core.call('voting.open', { sessionId: session.id, questionId: q });
    expect((await failure(core.call('sessions.get', { sessionId: 'nope' }))).code).toBe('not_found');
    expect((await failure(core.call('voting.open', { sessionId: 'nope', questionId: q }))).code).toBe('not_found');
    expect((await failure(core.call('voting.open', { sessionId: session.id, questionId: 'nope' }))).code).toBe('not_found');
    expect((await failure(core.call('voting.cast', { sessionId: session.id, questionId: q, voterId: 'g9', optionId: 'a' }))).code).toBe('not_found');
    expect((await failure(core.call('voting.cast', { sessionId: session.id, questionId: q, voterId: 'g1', optionId: 'zz' }))).code).toBe('not_found');
  });

  it('answers invalid_input with a path when the input fails its schema', async () => {
    const core = await startCore();
    const { session } = await roomOfThree(core);
    const missing = await failure(core.call('voting.open', { sessionId: session.id }));
    expect(missing.code).toBe('invalid_input');
    expect(missing.path).toBe('questionId');
    expect(missing.message).toMatch(/^questionId: /);
    const negative = await failure(core.call('sessions.goTo', { sessionId: session.id, slideIndex: -1 }));
    expect(negative).toMatchObject({ code: 'invalid_input', path: 'slideIndex' });
    const extra = await failure(core.call('sessions.get', { sessionId: session.id, surprise: true }));
    expect(extra.code).toBe('invalid_input');
    const badId = await failure(core.call('sessions.get', { sessionId: '../etc/passwd' }));
    expect(badId).toMatchObject({ code: 'invalid_input', path: 'sessionId' });
    const pastTheEnd = await failure(core.call('sessions.goTo', { sessionId: session.id, slideIndex: session.slides.length }));
    expect(pastTheEnd).toMatchObject({ code: 'invalid_input', path: 'slideIndex' });
  });

  it('undo takes back the most recent vote only', async () => {
    const core = await startCore();
    const { session, first } = await roomOfThree(core);
    const sessionId = session.id;
    const q = first.slide.question.id;
    const [a, b] = first.slide.question.options.map((o) => o.id) as [string, string];
    await core.call('voting.open', { sessionId, questionId: q });
    await core.call('voting.cast', { sessionId, questionId: q, voterId: 'g1', optionId: a });
    await core.call('voting.cast', { sessionId, questionId: q, voterId: 'g2', optionId: b });
    const undone = await core.call('voting.undo', { sessionId, questionId: q });
    expect(undone.questions[q]!.voterIds).toEqual(['g1']);
    const revealed = await core.call('voting.reveal', { sessionId, questionId: q });
    expect(revealed.questions[q]!.totals).toEqual({ [a]: 1, [b]: 0 });
  });

  it('adds hand counts into the totals', async () => {
    const core = await startCore();
    const { session, first } = await roomOfThree(core);
    const sessionId = session.id;
    const q = first.slide.question.id;
    const [a, b] = first.slide.question.options.map((o) => o.id) as [string, string];
    await core.call('voting.open', { sessionId, questionId: q });
    expect(await core.call('voting.setCount', { sessionId, questionId: q, optionId: a, count: 5 })).toEqual({ ok: true });
    await core.call('voting.setCount', { sessionId, questionId: q, optionId: b, count: 2 });
    await core.call('voting.setCount', { sessionId, questionId: q, optionId: b, count: 3 });
    await core.call('voting.cast', { sessionId, questionId: q, voterId: 'g1', optionId: a });
    const revealed = await core.call('voting.reveal', { sessionId, questionId: q });
    expect(revealed.questions[q]).toMatchObject({ totals: { [a]: 6, [b]: 3 }, voteCount: 9, handCounts: { [a]: 5, [b]: 3 } });
  });

  it('a countdown closes voting by itself when its time is up', async () => {
    const core = await startCore();
    const { session, first } = await roomOfThree(core);
    const q = first.slide.question.id;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const closed = new Promise<PlenaryEvent>((resolve) => core.events.on((event) => event.name === 'voting.closed' && resolve(event)));
    const opened = await core.call('voting.open', { sessionId: session.id, questionId: q, seconds: 30 });
    expect(opened.questions[q]).toMatchObject({ status: 'open', closesAt: '2026-01-15T09:00:30.000Z' });
    vi.advanceTimersByTime(29_999);
    expect((await core.call('sessions.get', { sessionId: session.id })).questions[q]!.status).toBe('open');
    vi.advanceTimersByTime(1);
    const event = await closed;
    expect(event.name === 'voting.closed' && event.data.session.questions[q]!.status).toBe('closed');
    expect((await core.call('sessions.get', { sessionId: session.id })).questions[q]).toMatchObject({ status: 'closed', closesAt: null });
  });

  it('a countdown that ran out while the app was closed closes on restart', async () => {
    const core = await startCore();
    const { session, first } = await roomOfThree(core);
    const q = first.slide.question.id;
    await core.call('voting.open', { sessionId: session.id, questionId: q, seconds: 60 });
    await stopCore(core);
    deps.advance(120_000);
    const again = await startCore();
    await vi.waitFor(async () => {
      expect((await again.call('sessions.get', { sessionId: session.id })).questions[q]!.status).toBe('closed');
    });
  });

  it('ending a session stops voting and the join code, and reveals nothing by itself', async () => {
    const core = await startCore();
    const { session, first } = await roomOfThree(core);
    const sessionId = session.id;
    const q = first.slide.question.id;
    const [a] = first.slide.question.options.map((o) => o.id) as [string];
    await core.call('sessions.goTo', { sessionId, slideIndex: first.index });
    await core.call('voting.open', { sessionId, questionId: q });
    await core.call('voting.cast', { sessionId, questionId: q, voterId: 'g1', optionId: a });
    expect(core.sessions.participantState(session.joinCode).question?.id).toBe(q);
    // Read case-insensitively.
    expect(core.sessions.participantState(session.joinCode.toLowerCase()).session.title).toBe('Tuesday cohort');

    const ended = await core.call('sessions.end', { sessionId });
    expect(ended).toMatchObject({ status: 'ended', endedAt: '2026-01-15T09:00:00.000Z' });
    expect(ended.questions[q]).toMatchObject({ status: 'closed', revealed: false, totals: null, voteCount: 1 });
    // The facilitator can still reveal it afterwards.
    const revealed = await core.call('voting.reveal', { sessionId, questionId: q });
    expect(revealed.questions[q]).toMatchObject({ revealed: true, totals: { [a]: 1 } });
    expect((await failure(Promise.resolve().then(() => core.sessions.participantState(session.joinCode)))).code).toBe('not_found');
    expect(
      (await failure(core.sessions.castFromDevice(session.joinCode, { deviceId: 'device-0001', questionId: q, optionId: a }))).code,
    ).toBe('not_found');
    expect((await failure(core.call('voting.open', { sessionId, questionId: q }))).code).toBe('conflict');
    expect((await core.call('sessions.list', {}))[0]).toMatchObject({ id: sessionId, title: 'Tuesday cohort', status: 'ended' });
  });
});

describe('reports.csv', () => {
  it('has a BOM, the protocol columns, one row per vote, and neutralised formulas', async () => {
    const core = await startCore();
    const session = await core.call('sessions.create', {
      workshopId: LEADER_OR_MANAGER_ID,
      title: 'Tuesday cohort',
      groups: ['Red', '=HYPERLINK("x")'],
    });
    const sessionId = session.id;
    const [first, second] = scenarios(session) as [{ slide: Scenario; index: number }, { slide: Scenario; index: number }];
    const q1 = first.slide.question;
    const q2 = second.slide.question;
    await core.call('voting.open', { sessionId, questionId: q1.id });
    await core.call('voting.cast', { sessionId, questionId: q1.id, voterId: 'g1', optionId: q1.options[0]!.id });
    deps.advance(1000);
    await core.call('voting.cast', { sessionId, questionId: q1.id, voterId: 'g2', optionId: q1.options[1]!.id });
    await core.call('sessions.goTo', { sessionId, slideIndex: second.index });
    await core.call('voting.open', { sessionId, questionId: q2.id });
    deps.advance(1000);
    await core.sessions.castFromDevice(session.joinCode, { deviceId: 'phone-abc-123', questionId: q2.id, optionId: q2.options[0]!.id });
    // Nothing is revealed yet: an export made without asking holds no choice.
    const before = parseCsv((await core.call('reports.csv', { sessionId })).csv.slice(UTF8_BOM.length));
    expect(before).toHaveLength(1);
    await core.call('voting.reveal', { sessionId, questionId: q1.id });
    await core.call('voting.reveal', { sessionId, questionId: q2.id });

    const { filename, csv } = await core.call('reports.csv', { sessionId });
    expect(filename).toBe('tuesday-cohort-votes.csv');
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toMatch(/(^|,)"=/m);

    const [header, ...rows] = parseCsv(csv.slice(UTF8_BOM.length));
    expect(header!.slice(0, 4)).toEqual(['questionId', 'voterId', 'optionId', 'at']);
    const col = (name: string) => header!.indexOf(name);
    expect(rows).toHaveLength(3);
    const pick = (row: string[]) => [row[col('questionId')], row[col('voterId')], row[col('optionId')], row[col('at')]];
    expect(rows.map(pick)).toEqual([
      [q1.id, 'g1', q1.options[0]!.id, '2026-01-15T09:00:00.000Z'],
      [q1.id, 'g2', q1.options[1]!.id, '2026-01-15T09:00:01.000Z'],
      [q2.id, 'phone-abc-123', q2.options[0]!.id, '2026-01-15T09:00:02.000Z'],
    ]);
    expect(rows[1]![col('groupName')]).toBe(`'=HYPERLINK("x")`);
  });
});

describe('restarting', () => {
  it('resumes the session where it stood: slide, votes, notes, open and closed questions', async () => {
    const core = await startCore();
    const session = await core.call('sessions.create', { workshopId: LEADER_OR_MANAGER_ID, groups: ['Red', 'Blue'] });
    const sessionId = session.id;
    const [first, second] = scenarios(session) as [{ slide: Scenario; index: number }, { slide: Scenario; index: number }];
    const q1 = first.slide.question;
    const q2 = second.slide.question;
    await core.call('voting.open', { sessionId, questionId: q1.id });
    await core.call('voting.cast', { sessionId, questionId: q1.id, voterId: 'g1', optionId: q1.options[0]!.id });
    await core.call('voting.close', { sessionId, questionId: q1.id });
    await core.call('sessions.goTo', { sessionId, slideIndex: second.index });
    await core.call('voting.open', { sessionId, questionId: q2.id });
    await core.call('voting.cast', { sessionId, questionId: q2.id, voterId: 'g2', optionId: q2.options[1]!.id });
    await core.call('sessions.setNote', { sessionId, slideId: second.slide.id, text: 'Blue argued for a long time' });
    const before = await core.call('sessions.get', { sessionId });
    await stopCore(core);

    const again = await startCore();
    const after = await again.call('sessions.get', { sessionId });
    expect(after).toEqual(before);
    expect(after.slideIndex).toBe(second.index);
    expect(after.questions[q1.id]).toMatchObject({ status: 'closed', voterIds: ['g1'] });
    expect(after.questions[q2.id]).toMatchObject({ status: 'open', voterIds: ['g2'] });
    expect(after.notes).toEqual({ [second.slide.id]: 'Blue argued for a long time' });
    // Voting goes on where it stopped, and the join code still works.
    await again.call('voting.cast', { sessionId, questionId: q2.id, voterId: 'g1', optionId: q2.options[1]!.id });
    expect(again.sessions.participantState(session.joinCode).question).toMatchObject({ id: q2.id, status: 'open' });
    const revealed = await again.call('voting.reveal', { sessionId, questionId: q2.id });
    expect(revealed.questions[q2.id]!.totals![q2.options[1]!.id]).toBe(2);
  });

  it('reads what it wrote: the session file on disk holds the votes', async () => {
    const core = await startCore();
    const session = await core.call('sessions.create', { workshopId: LEADER_OR_MANAGER_ID, groups: ['Red'] });
    const q = scenarios(session)[0]!.slide.question;
    await core.call('voting.open', { sessionId: session.id, questionId: q.id });
    await core.call('voting.cast', { sessionId: session.id, questionId: q.id, voterId: 'g1', optionId: q.options[0]!.id });
    const onDisk = await sessionOnDisk(join(dir, SESSIONS_DIR), session.id);
    expect(onDisk.votes).toEqual([expect.objectContaining({ voterId: 'g1', optionId: q.options[0]!.id })]);
  });
});
