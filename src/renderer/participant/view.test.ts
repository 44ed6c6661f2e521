// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { initialState, toViewModel, type AppState } from './model';
import { participantState } from './testFixtures';
import type { ParticipantState } from './types';
import type { ParticipantChoiceQuestion } from '../../shared/participant';
import { createView, type ViewHandlers } from './view';

/** Markup in the host's text, to show the page writes it as text. */
function server(question: Partial<ParticipantChoiceQuestion> | null, groups: { id: string; name: string }[] = []): ParticipantState {
  return participantState(question, groups, { title: 'Team <b>day</b>', prompt: 'What would you <i>do</i>?' });
}

function live(patch: Partial<AppState> = {}, s: ParticipantState = server({})): AppState {
  return { ...initialState('ABC234'), phase: 'live', server: s, ...patch };
}

function handlers(): ViewHandlers {
  return { vote: vi.fn(), answer: vi.fn(), rate: vi.fn(), rateStatement: vi.fn(), retry: vi.fn(), reload: vi.fn(), pickGroup: vi.fn(), changeGroup: vi.fn(), join: vi.fn(), retryRating: vi.fn(), addCommitment: vi.fn(), downloadText: vi.fn(), downloadCalendar: vi.fn(), showMine: vi.fn(), showVote: vi.fn() };
}

const $ = (selector: string) => document.querySelector<HTMLElement>(selector);
const options = () => Array.from(document.querySelectorAll<HTMLButtonElement>('button.option'));

let root: HTMLElement;
beforeEach(() => {
  document.body.textContent = '';
  root = document.createElement('div');
  document.body.appendChild(root);
});

describe('the participant view', () => {
  it('shows the title, the prompt and the options as buttons, as text (never markup)', () => {
    const view = createView(root, handlers());
    view.update(toViewModel(live()));
    expect($('h1')!.textContent).toBe('Team <b>day</b>');
    expect($('#prompt')!.textContent).toBe('What would you <i>do</i>?');
    expect(document.querySelector('b, i')).toBeNull();
    expect($('#status')!.textContent).toBe('Voting is open');
    expect(options().map((b) => b.textContent)).toEqual(['AAsk the team', 'BDecide alone']);
    expect(options().map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'false']);
    expect(options()[0]!.type).toBe('button');
    expect(document.title).toBe('Team <b>day</b> · Plenary');
  });

  it('keeps results hidden until they are revealed', () => {
    const view = createView(root, handlers());
    view.update(toViewModel(live()));
    expect($('#results')!.hidden).toBe(true);
    view.update(toViewModel(live({ votes: { q1: 'b' } }, server({ status: 'closed', results: { a: 1, b: 3 } }))));
    expect($('#results')!.hidden).toBe(false);
    const rows = Array.from(document.querySelectorAll('#results li')).map((li) => li.textContent);
    expect(rows).toEqual(['A. Ask the team1 vote, 25%', 'B. Decide alone (your vote)3 votes, 75%']);
    const bars = Array.from(document.querySelectorAll<HTMLProgressElement>('#results progress'));
    expect(bars.map((b) => [b.value, b.getAttribute('aria-hidden')])).toEqual([
      [25, 'true'],
      [75, 'true'],
    ]);
  });

  it('calls vote on a tap, and marks the sending then the confirmed option', () => {
    const h = handlers();
    const view = createView(root, h);
    view.update(toViewModel(live()));
    const first = options()[1]!;
    first.click();
    expect(h.vote).toHaveBeenCalledWith('b');

    view.update(toViewModel(live({ feedback: { questionId: 'q1', optionId: 'b', outcome: 'sending' } })));
    expect(options()[1]).toBe(first); // the same button: focus stays put
    expect(first.textContent).toContain('Sending…');
    expect(first.getAttribute('aria-busy')).toBe('true');
    expect($('#vote-status')!.textContent).toBe('');

    view.update(toViewModel(live({ votes: { q1: 'b' }, feedback: { questionId: 'q1', optionId: 'b', outcome: 'received' } })));
    expect(first.getAttribute('aria-pressed')).toBe('true');
    expect(first.hasAttribute('aria-busy')).toBe(false);
    expect($('#vote-status')!.textContent).toBe('Vote received');
    expect($('#vote-status')!.getAttribute('role')).toBe('status');
  });

  it('offers a retry after a network failure, and ignores taps once voting closed', () => {
    const h = handlers();
    const view = createView(root, h);
    view.update(toViewModel(live({ feedback: { questionId: 'q1', optionId: 'a', outcome: 'network' } })));
    expect($('#vote-status')!.textContent).toBe('Not sent: check the Wi-Fi');
    const retry = $('#retry') as HTMLButtonElement;
    expect(retry.hidden).toBe(false);
    retry.click();
    expect(h.retry).toHaveBeenCalled();

    view.update(toViewModel(live({}, server({ status: 'closed' }))));
    expect($('#status')!.textContent).toBe('Voting is closed');
    expect(options()[0]!.getAttribute('aria-disabled')).toBe('true');
    options()[0]!.click();
    expect(h.vote).not.toHaveBeenCalled();
  });

  it('rebuilds the options for a new question and waits between questions', () => {
    const view = createView(root, handlers());
    view.update(toViewModel(live()));
    view.update(toViewModel(live({}, server(null))));
    expect($('#status')!.textContent).toBe('Waiting for the next question');
    expect(options()).toEqual([]);
    view.update(toViewModel(live({}, server({ id: 'q2', prompt: 'Next?', options: [{ id: 'x', label: 'Yes' }] }))));
    expect($('#prompt')!.textContent).toBe('Next?');
    expect(options().map((b) => b.textContent)).toEqual(['AYes']);
  });

  it('asks for the group with large buttons, then shows it with a way to change it', () => {
    const h = handlers();
    const view = createView(root, h);
    const groups = [{ id: 'g1', name: 'Blue' }];
    view.update(toViewModel(live({}, server({}, groups))));
    expect($('h2')!.textContent).toBe('Which group are you in?');
    const buttons = Array.from(document.querySelectorAll<HTMLButtonElement>('button.group-choice'));
    expect(buttons.map((b) => b.textContent)).toEqual(['Blue', 'No group']);
    buttons[0]!.click();
    expect(h.pickGroup).toHaveBeenCalledWith('g1');

    view.update(toViewModel(live({ group: 'g1' }, server({}, groups))));
    expect($('#group')!.hidden).toBe(false);
    expect($('#group')!.textContent).toBe('Your group: Blue Change group');
    ($('#change-group') as HTMLButtonElement).click();
    expect(h.changeGroup).toHaveBeenCalled();
  });

  it('shows the join form with the error, and submits what was typed', () => {
    const h = handlers();
    const view = createView(root, h);
    view.update(toViewModel({ ...initialState('ZZZZZZ'), phase: 'join', joinError: 'no-session' }));
    expect($('#status')!.textContent).toBe('No running session has that code');
    const input = $('#code') as HTMLInputElement;
    expect(input.value).toBe('ZZZZZZ');
    expect(document.querySelector('label[for="code"]')!.textContent).toBe('Join code');
    input.value = 'abc234';
    ($('form') as HTMLFormElement).dispatchEvent(new Event('submit', { cancelable: true }));
    expect(h.join).toHaveBeenCalledWith('abc234');
  });

  it('shows the reconnecting banner and the end of the session', () => {
    const view = createView(root, handlers());
    view.update(toViewModel(live({ reconnecting: true })));
    expect($('#banner')!.textContent).toBe('Reconnecting…');
    view.update(toViewModel(live({ reconnecting: false })));
    expect($('#banner')!.textContent).toBe('');
    view.update(toViewModel(live({ phase: 'ended' })));
    expect($('#status')!.textContent).toBe('This session has ended. Thank you!');
    expect(options()).toEqual([]);
  });
});
