import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../createCore';
import { fixedDeps } from '../deps';
import { LEADER_OR_MANAGER_ID } from '../workshops/leaderOrManager';
import { sessionFileText } from './sessionFileText';

describe('the session file text', () => {
  it('is the session as JSON, votes and all, and follows every new vote', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plenary-text-'));
    const core = await openCore(dir, fixedDeps());
    try {
      const session = await core.call('sessions.create', { workshopId: LEADER_OR_MANAGER_ID, groups: ['A', 'B', 'C'] });
      const slideIndex = session.slides.findIndex((slide) => slide.kind === 'scenario');
      const slide = session.slides[slideIndex]!;
      if (slide.kind !== 'scenario') throw new Error('no scenario');
      await core.call('sessions.goTo', { sessionId: session.id, slideIndex });
      await core.call('voting.open', { sessionId: session.id, questionId: slide.question.id });
      const record = core.store.session(session.id)!;
      const file = { schemaVersion: 2, voteLog: 3, session: record };
      expect(JSON.parse(sessionFileText(file))).toEqual(JSON.parse(JSON.stringify(file)));

      for (const [voterId, option] of [['g1', 0], ['g2', 1], ['g1', 1], ['g3', 0]] as const) {
        await core.call('voting.cast', { sessionId: session.id, questionId: slide.question.id, voterId, optionId: slide.question.options[option]!.id });
        expect(JSON.parse(sessionFileText(file))).toEqual(JSON.parse(JSON.stringify(file)));
      }
      await core.call('voting.undo', { sessionId: session.id, questionId: slide.question.id });
      await core.call('sessions.setNote', { sessionId: session.id, slideId: slide.id, text: 'A "quoted" note, with a comma' });
      expect(JSON.parse(sessionFileText(file))).toEqual(JSON.parse(JSON.stringify(file)));
      expect(record.votes).toHaveLength(2);
    } finally {
      await core.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
