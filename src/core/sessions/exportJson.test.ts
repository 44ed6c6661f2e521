import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors';
import { sessionRecordSchema, type Session, type Slide } from '../../shared/model';
import { openCore, type Core } from '../createCore';
import { fixedDeps } from '../deps';
import { LEADER_OR_MANAGER_ID } from '../workshops/leaderOrManager';

let dir: string;
let core: Core;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-export-json-'));
  core = await openCore(dir, fixedDeps());
});
afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

type Scenario = Extract<Slide, { kind: 'scenario' }>;

describe('sessions.exportJson', () => {
  it('holds the whole record: votes, notes and groups, under a format name, with a file name from the title', async () => {
    const session: Session = await core.call('sessions.create', {
      workshopId: LEADER_OR_MANAGER_ID,
      title: 'Tuesday cohort',
      groups: ['Red', '=HYPERLINK("x")'],
    });
    const index = session.slides.findIndex((slide) => slide.kind === 'scenario');
    const slide = session.slides[index] as Scenario;
    const q = slide.question;
    await core.call('sessions.goTo', { sessionId: session.id, slideIndex: index });
    await core.call('voting.open', { sessionId: session.id, questionId: q.id });
    await core.call('voting.cast', { sessionId: session.id, questionId: q.id, voterId: 'g1', optionId: q.options[0]!.id });
    await core.call('voting.cast', { sessionId: session.id, questionId: q.id, voterId: 'g2', optionId: q.options[1]!.id });
    await core.call('sessions.setNote', { sessionId: session.id, slideId: slide.id, text: 'Red argued for "control".' });

    const { filename, json } = await core.call('sessions.exportJson', { sessionId: session.id });
    expect(filename).toBe('tuesday-cohort-session.json');
    const parsed = JSON.parse(json) as { format: string; version: number; exportedAt: string; session: unknown };
    expect(parsed).toMatchObject({ format: 'plenary-session', version: 1, exportedAt: '2026-01-15T09:00:00.000Z' });
    // The export reads back as a session record, unchanged.
    const record = sessionRecordSchema.parse(parsed.session);
    expect(record.id).toBe(session.id);
    expect(record.groups.map((group) => group.name)).toEqual(['Red', '=HYPERLINK("x")']);
    expect(record.notes[slide.id]).toBe('Red argued for "control".');
    // Unlike the session view, the archive keeps who chose what, even before a reveal.
    expect(record.votes.map((vote) => [vote.voterId, vote.optionId])).toEqual([
      ['g1', q.options[0]!.id],
      ['g2', q.options[1]!.id],
    ]);
  });

  it('answers not_found for an unknown session', async () => {
    await expect(core.call('sessions.exportJson', { sessionId: 'nope' })).rejects.toSatisfy((error) => error instanceof ApiError && error.code === 'not_found');
  });
});
