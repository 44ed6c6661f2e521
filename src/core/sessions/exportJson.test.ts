import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors';
import { sessionRecordSchema, type Session, type Slide } from '../../shared/model';
import type { SessionSummaryReport } from '../../shared/summary';
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
interface Archive {
  format: string;
  version: number;
  exportedAt: string;
  includesUnrevealed: boolean;
  withheld: { questions: number; answers: number };
  summary: SessionSummaryReport;
  session: unknown;
}

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

    // Not revealed: the archive made without asking keeps who voted out of it, and says what it withheld.
    const hidden = JSON.parse((await core.call('sessions.exportJson', { sessionId: session.id })).json) as Archive;
    expect(hidden).toMatchObject({ format: 'plenary-session', version: 2, includesUnrevealed: false, withheld: { questions: 1, answers: 2 } });
    expect(sessionRecordSchema.parse(hidden.session).votes).toEqual([]);
    expect(hidden.summary.questions.find((figures) => figures.questionId === q.id)).toMatchObject({ votes: 2, shown: false, options: null });

    // Asked for, it holds them, and says so in its name and its fields.
    const asked = await core.call('sessions.exportJson', { sessionId: session.id, includeUnrevealed: true });
    expect(asked.filename).toBe('tuesday-cohort-session-including-unrevealed.json');
    const withAll = JSON.parse(asked.json) as Archive;
    expect(withAll).toMatchObject({ includesUnrevealed: true, withheld: { questions: 0, answers: 0 } });
    expect(sessionRecordSchema.parse(withAll.session).votes.map((vote) => [vote.voterId, vote.optionId])).toEqual([
      ['g1', q.options[0]!.id],
      ['g2', q.options[1]!.id],
    ]);

    await core.call('voting.reveal', { sessionId: session.id, questionId: q.id });
    const { filename, json } = await core.call('sessions.exportJson', { sessionId: session.id });
    expect(filename).toBe('tuesday-cohort-session.json');
    const parsed = JSON.parse(json) as Archive;
    expect(parsed).toMatchObject({ format: 'plenary-session', version: 2, exportedAt: '2026-01-15T09:00:00.000Z', includesUnrevealed: false });
    // The export reads back as a session record.
    const record = sessionRecordSchema.parse(parsed.session);
    expect(record.id).toBe(session.id);
    expect(record.groups.map((group) => group.name)).toEqual(['Red', '=HYPERLINK("x")']);
    expect(record.notes[slide.id]).toBe('Red argued for "control".');
    // Revealed, the archive keeps who chose what.
    expect(record.votes.map((vote) => [vote.voterId, vote.optionId])).toEqual([
      ['g1', q.options[0]!.id],
      ['g2', q.options[1]!.id],
    ]);
    expect(parsed.summary.totals).toMatchObject({ votes: 2, votedOn: 1, revealed: 1 });
  });

  it('carries hand counts of revealed questions, and withholds those not revealed', async () => {
    const session: Session = await core.call('sessions.create', { workshopId: LEADER_OR_MANAGER_ID, votingMode: 'hands', groups: [] });
    const [first, second] = session.slides.filter((slide): slide is Scenario => slide.kind === 'scenario');
    for (const slide of [first!, second!]) {
      await core.call('voting.open', { sessionId: session.id, questionId: slide.question.id });
      await core.call('voting.setCount', { sessionId: session.id, questionId: slide.question.id, optionId: slide.question.options[0]!.id, count: 7 });
      await core.call('voting.close', { sessionId: session.id, questionId: slide.question.id });
    }
    await core.call('voting.reveal', { sessionId: session.id, questionId: first!.question.id });
    const archive = JSON.parse((await core.call('sessions.exportJson', { sessionId: session.id })).json) as Archive;
    const record = sessionRecordSchema.parse(archive.session);
    expect(record.handCounts).toEqual({ [first!.question.id]: { [first!.question.options[0]!.id]: 7 } });
    expect(archive.withheld).toEqual({ questions: 1, answers: 7, selfCheckAnswers: 0, commitmentAnswers: 0 });
    expect(archive.summary.totals).toMatchObject({ votes: 14, votedOn: 2, revealed: 1, shownVotes: 7 });
  });

  it('answers not_found for an unknown session', async () => {
    await expect(core.call('sessions.exportJson', { sessionId: 'nope' })).rejects.toSatisfy((error) => error instanceof ApiError && error.code === 'not_found');
  });
});
