// @vitest-environment jsdom
/**
 * The self-check on a phone: what one screen shows (statements, progress, the
 * room's averages once revealed), what the phone keeps of its own answers, and
 * that the person's own before/after comes from them alone.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParticipantScaleQuestion } from '../../shared/participant';
import { ownSelfCheckProfile } from '../../shared/selfCheck';
import { initialState, toViewModel, type AppState } from './model';
import { initialSelfCheckState, selfCheckScreen } from './selfCheckModel';
import { keepOwnRating, openStorage, readOwnSelfChecks, selfCheckKey, type SimpleStorage, type StoredSelfChecks } from './storage';
import { parseState } from './types';
import { createView, type ViewHandlers } from './view';

const DIMENSIONS = ['power', 'guidance', 'language'];

function selfCheck(patch: Partial<ParticipantScaleQuestion> = {}, phase: 'before' | 'after' = 'before'): ParticipantScaleQuestion {
  const items = DIMENSIONS.flatMap((dimension) => {
    const now = { id: `q-self-${phase}--${dimension}`, prompt: `Statement about ${dimension}`, dimension, results: null };
    return phase === 'after' ? [now, { ...now, id: `q-self-after--then--${dimension}`, then: true as const }] : [now];
  });
  return { id: `q-self-${phase}`, type: 'scale', prompt: 'How true is each of these of you?', status: 'open', min: 1, max: 5, minLabel: 'Not like me', maxLabel: 'Very like me', results: null, phase, thenPrompt: 'Looking back, where were you before today?', items, ...patch };
}

function memory(): SimpleStorage {
  return openStorage({});
}

const none = (): StoredSelfChecks => ({ checks: Object.create(null) as StoredSelfChecks['checks'], order: [] });

function live(question: ParticipantScaleQuestion, own = none()): AppState {
  return { ...initialState('ABC234'), phase: 'live', server: { session: { title: 'Team day', groups: [] }, question }, selfCheck: initialSelfCheckState(own) };
}

describe('the self-check screen (model)', () => {
  it('shows every statement with a row of five points, and counts what this phone answered', () => {
    const storage = memory();
    let own = none();
    own = keepOwnRating(storage, 'ABC234', own, { selfCheckId: 'q-self-before', phase: 'before', dimension: 'power', then: false, value: 4 });
    const view = selfCheckScreen(selfCheck(), initialSelfCheckState(own));
    expect(view.statements.map((s) => s.prompt)).toEqual(DIMENSIONS.map((d) => `Statement about ${d}`));
    expect(view.statements[0]!.rows[0]!.points.map((p) => p.value)).toEqual([1, 2, 3, 4, 5]);
    expect(view.statements[0]!.rows[0]!.points.find((p) => p.pressed)?.value).toBe(4);
    expect(view.progress).toBe('1 of 3 answered');
    expect(view.note).toMatch(/stay yours/);
  });

  it('pairs each statement with its then-rating on an "after" self-check', () => {
    const view = selfCheckScreen(selfCheck({}, 'after'), initialSelfCheckState(none()));
    expect(view.statements).toHaveLength(3);
    expect(view.statements[0]!.rows.map((row) => row.heading)).toEqual(['Now', 'Before today']);
    expect(view.thenPrompt).toBe('Looking back, where were you before today?');
    expect(view.progress).toBe('0 of 6 answered');
  });

  it('shows the room’s average per statement once revealed, or that too few answered', () => {
    const question = selfCheck({ results: { answers: 12, counts: {}, mean: null } });
    question.items![0]!.results = { answers: 12, counts: {}, mean: 3.4166 };
    const view = selfCheckScreen(question, initialSelfCheckState(none()));
    expect(view.statements[0]!.rows[0]!.room).toBe('Room average 3.4 (12 answers)');
    expect(view.statements[1]!.rows[0]!.room).toMatch(/Too few/);
  });

  it('is the page’s screen when the question is a scale with statements', () => {
    const vm = toViewModel(live(selfCheck()));
    expect(vm.screen.kind).toBe('selfCheck');
  });
});

describe('what the phone keeps (storage.ts selfCheckKey)', () => {
  it('keeps confirmed answers per self-check in the documented shape, and reads them back', () => {
    const storage = memory();
    let own = none();
    own = keepOwnRating(storage, 'ABC234', own, { selfCheckId: 'q-self-before', phase: 'before', dimension: 'power', then: false, value: 2 });
    own = keepOwnRating(storage, 'ABC234', own, { selfCheckId: 'q-self-after', phase: 'after', dimension: 'power', then: false, value: 4 });
    own = keepOwnRating(storage, 'ABC234', own, { selfCheckId: 'q-self-after', phase: 'after', dimension: 'power', then: true, value: 1 });
    keepOwnRating(storage, 'ABC234', own, { selfCheckId: 'q-self-before', phase: 'before', dimension: 'power', then: false, value: 3 });
    expect(JSON.parse(storage.get(selfCheckKey('ABC234'))!)).toEqual({
      checks: { 'q-self-before': { phase: 'before', now: { power: 3 }, then: {} }, 'q-self-after': { phase: 'after', now: { power: 4 }, then: { power: 1 } } },
      order: ['q-self-before', 'q-self-after'],
    });
    const read = readOwnSelfChecks(storage, 'ABC234');
    expect(read.order).toEqual(['q-self-before', 'q-self-after']);
    // The person's own before/after, from this phone's answers alone.
    expect(ownSelfCheckProfile(read.checks, read.order)).toEqual([{ dimensionId: 'power', before: 3, after: 4, then: 1, afterMinusBefore: 1, afterMinusThen: 3 }]);
  });

  it('reads a broken or foreign value as nothing kept', () => {
    const storage = memory();
    storage.set(selfCheckKey('ABC234'), '{not json');
    expect(readOwnSelfChecks(storage, 'ABC234').order).toEqual([]);
    storage.set(selfCheckKey('ABC234'), JSON.stringify({ checks: { x: { phase: 'sideways' } }, order: ['x', '__proto__'] }));
    expect(readOwnSelfChecks(storage, 'ABC234').order).toEqual([]);
  });
});

describe('the self-check screen (DOM)', () => {
  let root: HTMLElement;
  beforeEach(() => {
    document.body.textContent = '';
    root = document.createElement('div');
    document.body.appendChild(root);
  });

  it('puts every statement on one screen; a tap rates it; progress reads "n of 12 answered"', () => {
    const handlers: ViewHandlers = { vote: vi.fn(), retry: vi.fn(), reload: vi.fn(), pickGroup: vi.fn(), changeGroup: vi.fn(), join: vi.fn(), answer: vi.fn(), rate: vi.fn(), rateStatement: vi.fn(), retryRating: vi.fn(), addCommitment: vi.fn(), downloadText: vi.fn(), downloadCalendar: vi.fn(), showMine: vi.fn(), showVote: vi.fn() };
    const view = createView(root, handlers);
    view.update(toViewModel(live(selfCheck())));
    const groups = Array.from(root.querySelectorAll('.self-points'));
    expect(groups).toHaveLength(3);
    expect(groups[0]!.getAttribute('aria-label')).toBe('Statement about power');
    const four = root.querySelector<HTMLButtonElement>('button[data-item-id="q-self-before--guidance"][data-value="4"]')!;
    four.click();
    expect(handlers.rateStatement).toHaveBeenCalledWith('q-self-before--guidance', 4);
    expect(root.querySelector('#self-progress')!.textContent).toBe('0 of 3 answered');
    expect(root.querySelector('button[data-value="5"]')!.getAttribute('aria-label')).toBe('5, Very like me');
    // Closed: the buttons say so and do nothing.
    view.update(toViewModel(live(selfCheck({ status: 'closed' }))));
    four.click();
    expect(handlers.rateStatement).toHaveBeenCalledTimes(1);
    expect(four.getAttribute('aria-disabled')).toBe('true');
  });

  it('reads the host’s JSON for a self-check, dropping what is not an item', () => {
    const parsed = parseState({ session: { title: 'T', groups: [] }, question: { ...selfCheck({}, 'after'), items: [...selfCheck({}, 'after').items!, { nope: 1 }] } });
    const question = parsed!.question as ParticipantScaleQuestion;
    expect(question.items).toHaveLength(6);
    expect(question.items![1]).toMatchObject({ then: true, dimension: 'power' });
    expect(question.phase).toBe('after');
  });
});
