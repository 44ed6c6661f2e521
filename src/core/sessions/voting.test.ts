import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session, Slide } from '../../shared/model';
import { openCore, type CoreWithStore } from '../createCore';
import { fixedDeps } from '../deps';
import { LEADER_OR_MANAGER_ID } from '../workshops/leaderOrManager';

let dir: string;
let core: CoreWithStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-voting-'));
  core = await openCore(dir, fixedDeps());
});
afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

type Scenario = Extract<Slide, { kind: 'scenario' }>;
async function roomOn(groups: (string | { name: string; id: string })[]) {
  const session: Session = await core.call('sessions.create', { workshopId: LEADER_OR_MANAGER_ID, groups, votingMode: 'groups' });
  const index = session.slides.findIndex((slide) => slide.kind === 'scenario');
  const question = (session.slides[index] as Scenario).question;
  await core.call('sessions.goTo', { sessionId: session.id, slideIndex: index });
  await core.call('voting.open', { sessionId: session.id, questionId: question.id });
  const [a, b] = question.options.map((o) => o.id) as [string, string];
  return { session, q: question.id, a, b };
}

describe('a question voted on again after its reveal', () => {
  it('hides the choices again while the new round is open, on the screen and on the phones', async () => {
    const { session, q, a, b } = await roomOn(['Red', 'Blue']);
    await core.call('voting.cast', { sessionId: session.id, questionId: q, voterId: 'g1', optionId: a });
    const first = await core.call('voting.reveal', { sessionId: session.id, questionId: q });
    expect(first.questions[q]!.totals).toEqual({ [a]: 1, [b]: 0 });

    // After the discussion, the facilitator lets the room vote again.
    const reopened = await core.call('voting.open', { sessionId: session.id, questionId: q });
    expect(reopened.questions[q]).toMatchObject({ status: 'open', revealed: false, totals: null, totalsByGroup: null });
    await core.call('voting.cast', { sessionId: session.id, questionId: q, voterId: 'g2', optionId: b });
    expect((await core.call('sessions.get', { sessionId: session.id })).questions[q]!.totals).toBeNull();
    expect(core.sessions.participantState(session.joinCode).question).toMatchObject({ status: 'open', results: null });
    expect((await core.call('results.get', { sessionId: session.id })).questions.find((r) => r.questionId === q)).toMatchObject({ type: 'choice', totals: {} });

    const second = await core.call('voting.reveal', { sessionId: session.id, questionId: q });
    expect(second.questions[q]!.totals).toEqual({ [a]: 1, [b]: 1 });
  });
});

describe('phones and groups in one room', () => {
  it('a phone whose id equals a group id does not replace that group’s vote', async () => {
    const { session, q, a, b } = await roomOn([{ name: 'Red table', id: 'table-red' }]);
    await core.call('voting.cast', { sessionId: session.id, questionId: q, voterId: 'table-red', optionId: a });
    // The phone page shows group ids (to join one), so a phone can pick one as its device id.
    await core.sessions.castFromDevice(session.joinCode, { deviceId: 'table-red', questionId: q, optionId: b });
    const revealed = await core.call('voting.reveal', { sessionId: session.id, questionId: q });
    expect(revealed.questions[q]!.totals).toEqual({ [a]: 1, [b]: 1 });
    expect(revealed.questions[q]!.voteCount).toBe(2);
  });

  it('a phone voting twice still replaces only its own vote', async () => {
    const { session, q, a, b } = await roomOn(['Red']);
    await core.call('voting.cast', { sessionId: session.id, questionId: q, voterId: 'g1', optionId: a });
    await core.sessions.castFromDevice(session.joinCode, { deviceId: 'phone-0001', questionId: q, optionId: a });
    await core.sessions.castFromDevice(session.joinCode, { deviceId: 'phone-0001', questionId: q, optionId: b });
    const revealed = await core.call('voting.reveal', { sessionId: session.id, questionId: q });
    expect(revealed.questions[q]!.totals).toEqual({ [a]: 1, [b]: 1 });
  });
});

describe('a vote replacing an earlier one', () => {
  const devicesOf = (sessionId: string, q: string) =>
    core.store
      .session(sessionId)!
      .votes.filter((vote) => vote.questionId === q)
      .map((vote) => `${vote.voterId} ${vote.optionId}`);

  it('keeps one vote per voter among many, the newest last', async () => {
    const { session, q, a, b } = await roomOn(['Red']);
    for (let i = 0; i < 50; i++) await core.sessions.castFromDevice(session.joinCode, { deviceId: `phone-${String(i).padStart(4, '0')}`, questionId: q, optionId: a });
    await core.sessions.castFromDevice(session.joinCode, { deviceId: 'phone-0007', questionId: q, optionId: b });
    const rows = devicesOf(session.id, q);
    expect(rows).toHaveLength(50);
    expect(rows.filter((row) => row.startsWith('phone-0007 '))).toEqual([`phone-0007 ${b}`]);
    expect(rows.at(-1)).toBe(`phone-0007 ${b}`);
  });

  it('after an undo removed it, a new vote by the same voter is simply added', async () => {
    const { session, q, a, b } = await roomOn(['Red', 'Blue']);
    await core.call('voting.cast', { sessionId: session.id, questionId: q, voterId: 'g1', optionId: a });
    await core.call('voting.cast', { sessionId: session.id, questionId: q, voterId: 'g2', optionId: a });
    await core.call('voting.undo', { sessionId: session.id, questionId: q });
    await core.call('voting.cast', { sessionId: session.id, questionId: q, voterId: 'g2', optionId: b });
    await core.call('voting.cast', { sessionId: session.id, questionId: q, voterId: 'g1', optionId: b });
    expect(devicesOf(session.id, q)).toEqual([`g2 ${b}`, `g1 ${b}`]);
  });

  it('after a restart, a vote still replaces the one cast before it', async () => {
    const { session, q, a, b } = await roomOn(['Red']);
    await core.sessions.castFromDevice(session.joinCode, { deviceId: 'phone-0001', questionId: q, optionId: a });
    await core.sessions.castFromDevice(session.joinCode, { deviceId: 'phone-0002', questionId: q, optionId: a });
    await core.close();
    core = await openCore(dir, fixedDeps());
    await core.sessions.castFromDevice(session.joinCode, { deviceId: 'phone-0001', questionId: q, optionId: b });
    expect(devicesOf(session.id, q)).toEqual([`phone-0002 ${a}`, `phone-0001 ${b}`]);
  });
});
