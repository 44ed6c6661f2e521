/**
 * Phone admission in the core: the per-address cap, which the HTTP tests cannot
 * reach from loopback (the laptop itself is exempt). The addresses here are only
 * strings handed to the core, as the host hands it each request's address.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session, Slide } from '../../shared/model';
import { openCore, type Core } from '../createCore';
import { fixedDeps } from '../deps';
import { LEADER_OR_MANAGER_ID } from '../workshops/leaderOrManager';
import { isLoopback } from './phoneAdmission';

let dir: string;
let core: Core;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-admission-'));
  core = await openCore(dir, fixedDeps());
});
afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

type Scenario = Extract<Slide, { kind: 'scenario' }>;
async function phoneRoom() {
  const session: Session = await core.call('sessions.create', { workshopId: LEADER_OR_MANAGER_ID, votingMode: 'phones' });
  const index = session.slides.findIndex((slide) => slide.kind === 'scenario');
  const question = (session.slides[index] as Scenario).question;
  await core.call('sessions.goTo', { sessionId: session.id, slideIndex: index });
  await core.call('voting.open', { sessionId: session.id, questionId: question.id });
  const vote = (deviceId: string, address: string) =>
    core.sessions.castFromDevice(session.joinCode, { deviceId, questionId: question.id, optionId: question.options[0]!.id }, { address }).then(
      () => 'ok',
      (error: { code: string }) => error.code,
    );
  return { session, vote };
}

describe('phones from one network address', () => {
  it('admits 4, turns the 5th away with address_full, and counts it', async () => {
    const { session, vote } = await phoneRoom();
    const outcomes = [];
    for (let n = 1; n <= 6; n++) outcomes.push(await vote(`venue-phone-${n}`, '192.0.2.10'));
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'ok', 'address_full', 'address_full']);
    // Another address is another household.
    expect(await vote('other-phone-1', '192.0.2.11')).toBe('ok');
    // An admitted phone votes again whatever the cap.
    expect(await vote('venue-phone-2', '192.0.2.10')).toBe('ok');
    const { admission } = await core.call('sessions.phones', { sessionId: session.id });
    expect(admission).toEqual({ limit: 100, admitted: 5, turnedAway: 2, addressCapLifted: false });
  });

  it('admits more once the facilitator lifts the cap, and the cap comes back when set again', async () => {
    const { session, vote } = await phoneRoom();
    for (let n = 1; n <= 4; n++) await vote(`venue-phone-${n}`, '192.0.2.10');
    expect((await core.call('sessions.setAddressCap', { sessionId: session.id, lifted: true })).phoneAddressCapLifted).toBe(true);
    expect(await vote('venue-phone-5', '192.0.2.10')).toBe('ok');
    await core.call('sessions.setAddressCap', { sessionId: session.id, lifted: false });
    expect(await vote('venue-phone-6', '192.0.2.10')).toBe('address_full');
  });

  it('never caps the laptop itself (loopback, IPv4, IPv6 and IPv4-mapped)', async () => {
    const { vote } = await phoneRoom();
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      for (let n = 1; n <= 5; n++) expect(await vote(`${address}-phone-${n}`, address), address).toBe('ok');
    }
    expect([isLoopback('127.8.0.1'), isLoopback('10.0.0.1'), isLoopback('::ffff:10.0.0.1')]).toEqual([true, false, false]);
  });
});
