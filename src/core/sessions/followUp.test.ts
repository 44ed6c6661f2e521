/**
 * The follow-up pack in the core (src/core/sessions/followUp.ts): the pulse made
 * once, its answers on different days, the floor on the merged n across the local
 * pulse and an imported one, imports kept across a restart and out of the session
 * view, and the pulse deleted with its session.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlenaryEvent } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import type { PulseFile } from '../../shared/followUp';
import { openCore, type Core } from '../createCore';
import { fixedDeps } from '../deps';
import { LEADER_OR_MANAGER_ID } from '../workshops/leaderOrManager';

const DAY = 24 * 60 * 60 * 1000;
let dir: string;
let deps: ReturnType<typeof fixedDeps>;
let cores: Core[] = [];

async function startCore(): Promise<Core> {
  const core = await openCore(dir, deps);
  cores.push(core);
  return core;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the call to fail');
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-followup-core-'));
  deps = fixedDeps();
});

afterEach(async () => {
  await Promise.all(cores.map((core) => core.close()));
  cores = [];
  await rm(dir, { recursive: true, force: true });
});

describe('the follow-up pulse in the core', () => {
  it('is unavailable without a self-check: pulses.get says why, pulses.create refuses', async () => {
    const core = await startCore();
    const workshop = await core.call('workshops.create', { title: 'No self-check here' });
    const session = await core.call('sessions.create', { workshopId: workshop.id, votingMode: 'phones' });
    const status = await core.call('pulses.get', { sessionId: session.id });
    expect(status).toMatchObject({ available: false, unavailableReason: 'This session has no self-check, so there is nothing to ask again.', statements: [], pulse: null });
    const refused = await failure(core.call('pulses.create', { sessionId: session.id }));
    expect(refused.code).toBe('invalid_input');
    expect(refused.message).toMatch(/no self-check/);
    expect((await core.call('sessions.list', {})).find((summary) => summary.id === session.id)).toMatchObject({ canFollowUp: false, followUpOf: null });
  });

  it('merges the local pulse and an imported one under the floor on the merged n; imports survive a restart and stay out of the session view', async () => {
    let core = await startCore();
    const session = await core.call('sessions.create', { workshopId: LEADER_OR_MANAGER_ID, title: 'March', votingMode: 'phones' });
    const beside = await core.call('sessions.create', { workshopId: LEADER_OR_MANAGER_ID, title: 'Beside', votingMode: 'phones' });
    const events: PlenaryEvent[] = [];
    core.events.on((event) => void events.push(event));
    const made = await core.call('pulses.create', { sessionId: session.id });
    const pulse = made.pulse!;
    expect(events.some((event) => event.name === 'session.created' && event.data.sessionId === pulse.sessionId)).toBe(true);
    expect(new Set([session.joinCode, beside.joinCode, pulse.joinCode]).size).toBe(3);
    for (const code of [session.joinCode, beside.joinCode, pulse.joinCode]) expect(core.sessions.isJoinCode(code)).toBe(true);
    expect((await core.call('sessions.list', {})).find((summary) => summary.id === pulse.sessionId)).toMatchObject({ followUpOf: session.id, canFollowUp: false });

    // Two phones, on two days: under the floor of 3, the follow-up figure is withheld, its n given.
    await core.sessions.castFromDevice(pulse.joinCode, { deviceId: 'phone-one', questionId: 'pulse--power', value: 4 });
    deps.advance(2 * DAY);
    await core.sessions.castFromDevice(pulse.joinCode, { deviceId: 'phone-two', questionId: 'pulse--power', value: 2 });
    let figures = (await core.call('results.get', { sessionId: session.id })).selfCheck!;
    expect(figures.followUp).toEqual({ pulses: 1, respondents: 2, firstAnswerOn: '2026-01-15', lastAnswerOn: '2026-01-17' });
    expect(figures.dimensions[0]!.followUp).toEqual({ n: 2, mean: null, counts: null, withheld: true });
    // The other statements were not answered: n 0.
    expect(figures.dimensions[1]!.followUp).toMatchObject({ n: 0, mean: null });

    // Its file withholds the counts too.
    const file = JSON.parse((await core.call('pulses.export', { sessionId: session.id })).text) as PulseFile;
    expect(file.pulse.dimensions[0]).toEqual({ dimensionId: 'power', n: 2, counts: null });

    // A pulse from another laptop with one rating of power: merged, 3 ratings, shown.
    const other: PulseFile = {
      ...file,
      pulse: { ...file.pulse, pulseId: 'other-laptop-pulse', respondents: 1, firstAnswerOn: '2026-01-20', lastAnswerOn: '2026-01-20', dimensions: [{ dimensionId: 'power', n: 1, counts: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 } }] },
    };
    await core.call('pulses.import', { sessionId: session.id, text: JSON.stringify(other), fileName: 'other.json' });
    figures = (await core.call('results.get', { sessionId: session.id })).selfCheck!;
    expect(figures.followUp).toEqual({ pulses: 2, respondents: 3, firstAnswerOn: '2026-01-15', lastAnswerOn: '2026-01-20' });
    expect(figures.dimensions[0]!.followUp).toMatchObject({ n: 3, mean: (4 + 2 + 5) / 3, withheld: false });

    // A restart: the import is on disk, the figures the same, the pulse still open to phones.
    await core.close();
    cores = cores.filter((kept) => kept !== core);
    core = await startCore();
    const reopened = await core.call('pulses.get', { sessionId: session.id });
    expect(reopened.imported).toEqual([expect.objectContaining({ pulseId: 'other-laptop-pulse', fileName: 'other.json', respondents: 1, sameAsLocal: false })]);
    expect((await core.call('results.get', { sessionId: session.id })).selfCheck).toEqual(figures);
    expect(core.sessions.isJoinCode(pulse.joinCode)).toBe(true);
    expect(core.sessions.isJoinCode(beside.joinCode)).toBe(true);
    const view = await core.call('sessions.get', { sessionId: session.id });
    expect('importedPulses' in view).toBe(false);

    // Ending the pulse closes it to phones; the figures keep its answers.
    await core.call('sessions.end', { sessionId: pulse.sessionId });
    expect(core.sessions.isJoinCode(pulse.joinCode)).toBe(false);
    expect((await core.call('pulses.get', { sessionId: session.id })).pulse).toMatchObject({ status: 'ended', joinUrls: [], respondents: 2 });
    expect((await core.call('pulses.create', { sessionId: session.id })).pulse!.sessionId).toBe(pulse.sessionId);
  });

  it('makes one pulse when asked twice at once, with the statements and scale of the last "after" self-check', async () => {
    const core = await startCore();
    const session = await core.call('sessions.create', { workshopId: LEADER_OR_MANAGER_ID, votingMode: 'phones', phoneLimit: 40 });
    const [first, second] = await Promise.all([core.call('pulses.create', { sessionId: session.id }), core.call('pulses.create', { sessionId: session.id })]);
    expect(second.pulse!.sessionId).toBe(first.pulse!.sessionId);
    expect((await core.call('sessions.list', {})).filter((summary) => summary.followUpOf === session.id)).toHaveLength(1);
    const after = session.slides.flatMap((slide) => (slide.kind === 'selfCheck' && slide.question.phase === 'after' ? [slide.question] : [])).at(-1)!;
    const pulse = await core.call('sessions.get', { sessionId: first.pulse!.sessionId });
    expect(pulse).toMatchObject({ phoneLimit: 40, slideIndex: 0, groups: [], votingMode: 'phones' });
    expect(pulse.slides).toHaveLength(1);
    const slide = pulse.slides[0]!;
    if (slide.kind !== 'selfCheck') throw new Error('the pulse asks a self-check');
    expect(slide.question).toMatchObject({ phase: 'before', min: after.min, max: after.max, minLabel: after.minLabel, maxLabel: after.maxLabel });
    expect(slide.question.statements).toEqual(after.statements);
    expect(pulse.questions[slide.question.id]).toMatchObject({ status: 'open', closesAt: null, revealed: false });
    expect(first.statements.map((line) => line.statement)).toEqual(after.statements.map((line) => line.statement));
  });

  it('deletes the pulse with its workshop session, announcing both', async () => {
    const core = await startCore();
    const session = await core.call('sessions.create', { workshopId: LEADER_OR_MANAGER_ID, votingMode: 'phones' });
    const { pulse } = await core.call('pulses.create', { sessionId: session.id });
    const deleted: string[] = [];
    core.events.on((event) => {
      if (event.name === 'session.deleted') deleted.push(event.data.sessionId);
    });
    await core.call('sessions.delete', { sessionId: session.id });
    expect(deleted.sort()).toEqual([session.id, pulse!.sessionId].sort());
    expect((await failure(core.call('sessions.get', { sessionId: pulse!.sessionId }))).code).toBe('not_found');
    expect(core.sessions.isJoinCode(pulse!.joinCode)).toBe(false);
  });
});
