import { describe, expect, it } from 'vitest';
import { initialState, TEXT, toViewModel, type AppState } from './model';
import { NO_GROUP } from './storage';
import type { ParticipantState } from './types';
import type { ParticipantChoiceQuestion } from '../../shared/participant';

function server(question: Partial<ParticipantChoiceQuestion> | null, groups: { id: string; name: string }[] = []): ParticipantState {
  return {
    session: { title: 'Leader or manager?', groups },
    question:
      question === null
        ? null
        : {
            id: 'q1',
            type: 'choice',
            prompt: 'What would you do?',
            options: [
              { id: 'a', label: 'Ask the team' },
              { id: 'b', label: 'Decide alone' },
              { id: 'c', label: 'Wait' },
            ],
            status: 'open',
            results: null,
            ...question,
          },
  };
}

function live(patch: Partial<AppState> = {}, s: ParticipantState = server({})): AppState {
  return { ...initialState('ABC234'), phase: 'live', server: s, ...patch };
}

describe('toViewModel', () => {
  it('starts connecting', () => {
    const vm = toViewModel(initialState('ABC234'));
    expect(vm.status).toBe(TEXT.connecting);
    expect(vm.screen.kind).toBe('loading');
  });

  it('shows the join form, with the error for a wrong code', () => {
    expect(toViewModel({ ...initialState(''), phase: 'join' })).toMatchObject({ title: 'Join a session', status: TEXT.joinHint, screen: { kind: 'join' } });
    const wrong = toViewModel({ ...initialState('ZZZZZZ'), phase: 'join', joinError: 'no-session' });
    expect(wrong.status).toBe('No running session has that code');
    expect(wrong.statusKind).toBe('error');
    expect(wrong.screen).toEqual({ kind: 'join', code: 'ZZZZZZ' });
  });

  it('shows the title, the prompt and lettered options while voting is open', () => {
    const vm = toViewModel(live());
    expect(vm.title).toBe('Leader or manager?');
    expect(vm.status).toBe('Voting is open');
    expect(vm.banner).toBe('');
    if (vm.screen.kind !== 'question') throw new Error('expected the question');
    const q = vm.screen.question;
    expect(q.prompt).toBe('What would you do?');
    expect(q.options.map((o) => o.letter + ' ' + o.label)).toEqual(['A Ask the team', 'B Decide alone', 'C Wait']);
    expect(q.options.every((o) => !o.pressed && !o.disabled && o.note === '')).toBe(true);
    expect(q.results).toBeNull();
  });

  it('takes a question named after Object.prototype (toString, __proto__) as a plain id: no vote is seen where none was cast', () => {
    for (const id of ['toString', 'constructor', '__proto__']) {
      const view = toViewModel(live({}, server({ id, options: [{ id: 'valueOf', label: 'Value' }, { id: 'hasOwnProperty', label: 'Own' }] })));
      if (view.screen.kind !== 'question') throw new Error('expected the question');
      expect(view.screen.question.options.map((o) => [o.pressed, o.note]), id).toEqual([[false, ''], [false, '']]);
    }
  });

  it('says when voting is closed and when there is no question', () => {
    const closed = toViewModel(live({}, server({ status: 'closed' })));
    expect(closed.status).toBe('Voting is closed');
    if (closed.screen.kind !== 'question') throw new Error('expected the question');
    expect(closed.screen.question.options.every((o) => o.disabled)).toBe(true);
    const waiting = toViewModel(live({}, server(null)));
    expect(waiting.status).toBe('Waiting for the next question');
    expect(waiting.screen.kind).toBe('waiting');
  });

  it('marks "Sending…" on the tapped option, and "Vote received" only once confirmed', () => {
    const sending = toViewModel(live({ feedback: { questionId: 'q1', optionId: 'b', outcome: 'sending' } }));
    if (sending.screen.kind !== 'question') throw new Error('expected the question');
    expect(sending.screen.question.options[1]).toMatchObject({ note: 'Sending…', busy: true, pressed: false });
    expect(sending.screen.question.feedback).toBe('');

    const received = toViewModel(live({ votes: { q1: 'b' }, feedback: { questionId: 'q1', optionId: 'b', outcome: 'received' } }));
    if (received.screen.kind !== 'question') throw new Error('expected the question');
    expect(received.screen.question.options[1]).toMatchObject({ note: 'Your vote', busy: false, pressed: true });
    expect(received.screen.question.feedback).toBe('Vote received');
    expect(received.screen.question.feedbackKind).toBe('ok');
  });

  it('once voting closes, a received vote reads "Voting has closed: your answer counts", not as if still open', () => {
    const closed = toViewModel(live({ votes: { q1: 'b' }, feedback: { questionId: 'q1', optionId: 'b', outcome: 'received' } }, server({ status: 'closed' })));
    if (closed.screen.kind !== 'question') throw new Error('expected the question');
    expect(closed.screen.question.feedback).toBe('Voting has closed: your answer counts');
    expect(closed.screen.question.options[1]).toMatchObject({ note: 'Your vote', pressed: true, disabled: true });
  });

  it('names each failure, and offers a retry only when the vote did not arrive', () => {
    const cases: [AppState['feedback'], string, boolean][] = [
      [{ questionId: 'q1', optionId: 'a', outcome: 'closed' }, 'Voting has closed', false],
      [{ questionId: 'q1', optionId: 'a', outcome: 'slow' }, 'Slow down a moment', false],
      [{ questionId: 'q1', optionId: 'a', outcome: 'network' }, 'Not sent: check the Wi-Fi', true],
    ];
    for (const [feedback, text, retry] of cases) {
      const vm = toViewModel(live({ feedback }));
      if (vm.screen.kind !== 'question') throw new Error('expected the question');
      expect(vm.screen.question.feedback).toBe(text);
      expect(vm.screen.question.retry).toBe(retry);
    }
  });

  it('ignores feedback about another question', () => {
    const vm = toViewModel(live({ feedback: { questionId: 'old', optionId: 'a', outcome: 'received' } }));
    if (vm.screen.kind !== 'question') throw new Error('expected the question');
    expect(vm.screen.question.feedback).toBe('');
  });

  it('shows results only once revealed, with counts and percentages', () => {
    const vm = toViewModel(live({ votes: { q1: 'a' } }, server({ status: 'closed', results: { a: 3, b: 1 } })));
    if (vm.screen.kind !== 'question') throw new Error('expected the question');
    const results = vm.screen.question.results;
    expect(results && results.totalText).toBe('4 votes in all');
    expect(results && results.rows.map((r) => [r.letter, r.label, r.text, r.mine])).toEqual([
      ['A', 'Ask the team', '3 votes, 75%', true],
      ['B', 'Decide alone', '1 vote, 25%', false],
      ['C', 'Wait', '0 votes, 0%', false],
    ]);
  });

  it('handles revealed results with no votes', () => {
    const vm = toViewModel(live({}, server({ status: 'closed', results: {} })));
    if (vm.screen.kind !== 'question') throw new Error('expected the question');
    expect(vm.screen.question.results && vm.screen.question.results.rows.every((r) => r.percent === 0)).toBe(true);
  });

  it('asks for the group once when the session has groups', () => {
    const groups = [
      { id: 'g1', name: 'Blue' },
      { id: 'g2', name: 'Red' },
    ];
    const ask = toViewModel(live({}, server({}, groups)));
    expect(ask.screen).toEqual({
      kind: 'groups',
      groups: [
        { id: 'g1', name: 'Blue', pressed: false },
        { id: 'g2', name: 'Red', pressed: false },
        { id: NO_GROUP, name: 'No group', pressed: false },
      ],
    });
    const picked = toViewModel(live({ group: 'g2' }, server({}, groups)));
    expect(picked.group).toBe('Red');
    expect(picked.screen.kind).toBe('question');
    expect(toViewModel(live({ group: NO_GROUP }, server({}, groups))).group).toBe('No group');
    // A group that no longer exists is asked again.
    expect(toViewModel(live({ group: 'g9' }, server({}, groups))).screen.kind).toBe('groups');
    const changing = toViewModel(live({ group: 'g1', choosingGroup: true }, server({}, groups)));
    expect(changing.screen.kind === 'groups' && changing.screen.groups[0]!.pressed).toBe(true);
    // No groups: nothing to ask.
    expect(toViewModel(live({ group: 'g1' })).group).toBeNull();
  });

  it('shows the reconnecting banner and the end', () => {
    expect(toViewModel(live({ reconnecting: true })).banner).toBe('Reconnecting…');
    const ended = toViewModel(live({ phase: 'ended' }));
    expect(ended.status).toBe('This session has ended. Thank you!');
    expect(ended.screen.kind).toBe('ended');
  });
});

describe('voting again on a phone', () => {
  it('shows a new round as open with no vote of this phone marked, and marks its vote of that round once given', () => {
    const votes = Object.assign(Object.create(null) as Record<string, string>, { q1: 'b' });
    const feedback = { questionId: 'q1', optionId: 'b', outcome: 'received' as const };
    const round1 = toViewModel(live({ votes, feedback }, server({})));
    if (round1.screen.kind !== 'question') throw new Error('expected the question');
    expect(round1.screen.question.options.find((o) => o.pressed)?.id).toBe('b');

    const round2 = toViewModel(live({ votes, feedback }, server({ round: 2 })));
    if (round2.screen.kind !== 'question') throw new Error('expected the question');
    expect(round2.status).toBe(TEXT.open);
    expect(round2.screen.question.options.some((o) => o.pressed || o.note !== '')).toBe(false);
    expect(round2.screen.question.feedback).toBe('');

    const voted = toViewModel(live({ votes: Object.assign(Object.create(null) as Record<string, string>, { q1: 'b', 'q1~2': 'a' }) }, server({ round: 2, status: 'closed', results: { a: 3, b: 1, c: 0 } })));
    if (voted.screen.kind !== 'question') throw new Error('expected the question');
    expect(voted.screen.question.results!.rows.find((row) => row.mine)?.id).toBe('a');
  });
});
