// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../api/client';
import { ApiProvider } from '../../app/ApiContext';
import type { Workshop } from '../../../shared/model';
import { AUTOSAVE_DELAY_MS } from './useAutosave';
import { sampleWorkshop } from './testFixtures';
import { WorkshopEditor } from './WorkshopEditor';

function fakeApi() {
  const call = vi.fn(async (name: string, input: unknown) => {
    if (name === 'workshops.update') return { ...sampleWorkshop(), content: (input as { content: unknown }).content };
    if (name === 'workshops.duplicate') return { ...sampleWorkshop(), id: 'w-copy' };
    if (name === 'workshops.export') return { filename: 'test-workshop.plenary.json', text: '{}' };
    throw new Error(`unexpected ${name}`);
  });
  const api = { call, subscribe: () => () => {}, onConnection: () => () => {}, isDesktop: false, desktop: vi.fn() };
  return { api: api as unknown as ApiClient, call };
}

function renderEditor(workshop: Workshop = sampleWorkshop()) {
  const { api, call } = fakeApi();
  render(
    <ApiProvider client={api}>
      <WorkshopEditor workshop={workshop} />
    </ApiProvider>,
  );
  return { call };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('WorkshopEditor', () => {
  it('lists the slides and selects one by click', () => {
    renderEditor();
    const list = screen.getByRole('listbox', { name: 'Slides' });
    const rows = within(list).getAllByRole('option');
    expect(rows).toHaveLength(7);
    expect(rows[3]?.textContent).toBe('Slide 4: Scenario, A lead hands approvals to the team.');
    fireEvent.click(rows[3]!);
    expect(rows[3]?.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('form', { name: /Scenario/ })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Slide preview' })).toBeTruthy();
  });

  it('does not save invalid content and saves valid content after a pause', async () => {
    const { call } = renderEditor();
    expect(screen.getByRole('status').textContent).toBe('Saved');
    fireEvent.click(screen.getAllByRole('option').find((row) => row.textContent?.startsWith('Slide 4:'))!);
    const prompt = screen.getByLabelText('Prompt');
    fireEvent.change(prompt, { target: { value: '' } });
    expect(screen.getByRole('status').textContent).toBe('Not saved: fix 1 problem');
    expect(screen.getAllByText('a prompt cannot be empty').length).toBeGreaterThan(0);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    });
    expect(call).not.toHaveBeenCalledWith('workshops.update', expect.anything());

    fireEvent.change(prompt, { target: { value: 'A fixed prompt' } });
    expect(screen.getByRole('status').textContent).toBe('Saving…');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    });
    expect(call).toHaveBeenCalledTimes(1);
    const [name, input] = call.mock.calls[0] as [string, { workshopId: string; content: Workshop['content'] }];
    expect(name).toBe('workshops.update');
    const saved = input.content.slides[3];
    expect(saved?.kind === 'scenario' && saved.question.prompt).toBe('A fixed prompt');
    expect(screen.getByRole('status').textContent).toBe('Saved');
  });

  it('undoes and redoes with the buttons and the keyboard', () => {
    renderEditor();
    const title = screen.getByLabelText('Workshop title') as HTMLInputElement;
    fireEvent.change(title, { target: { value: 'Renamed' } });
    expect(title.value).toBe('Renamed');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(title.value).toBe('Test workshop');
    fireEvent.click(screen.getByRole('button', { name: 'Redo' }));
    expect(title.value).toBe('Renamed');
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(title.value).toBe('Test workshop');
    fireEvent.keyDown(window, { key: 'y', ctrlKey: true });
    expect(title.value).toBe('Renamed');
  });

  it('adds, moves and removes slides', () => {
    renderEditor();
    const list = screen.getByRole('listbox', { name: 'Slides' });
    fireEvent.click(screen.getByRole('button', { name: 'Add slide' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Quote' }));
    let rows = within(list).getAllByRole('option');
    expect(rows).toHaveLength(8);
    expect(rows[1]?.textContent).toMatch(/^Slide 2: Quote/);
    expect(rows[1]?.getAttribute('aria-selected')).toBe('true');

    fireEvent.keyDown(rows[1]!, { key: 'ArrowDown', altKey: true });
    rows = within(list).getAllByRole('option');
    expect(rows[2]?.textContent).toMatch(/^Slide 3: Quote/);
    fireEvent.click(screen.getByRole('button', { name: 'Move slide up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move slide up' }));
    rows = within(list).getAllByRole('option');
    expect(rows[0]?.textContent).toMatch(/^Slide 1: Quote/);

    fireEvent.click(screen.getByRole('button', { name: 'Duplicate slide' }));
    expect(within(list).getAllByRole('option')).toHaveLength(9);
    fireEvent.click(screen.getByRole('button', { name: 'Remove slide' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove slide' }));
    // The copy went, then the title slide that took its place.
    rows = within(list).getAllByRole('option');
    expect(rows).toHaveLength(7);
    expect(rows.map((row) => row.textContent?.split(',')[0])).toEqual([
      'Slide 1: Quote',
      'Slide 2: Bullets',
      'Slide 3: Comparison',
      'Slide 4: Scenario',
      'Slide 5: Quote',
      'Slide 6: Discussion',
      'Slide 7: Results',
    ]);
  });

  it('shows a built-in workshop read-only, with a way to duplicate it', async () => {
    const { call } = renderEditor(sampleWorkshop(true));
    expect(screen.getByRole('status').textContent).toBe('Read-only');
    expect(screen.queryByRole('button', { name: 'Add slide' })).toBeNull();
    expect(screen.getByLabelText('Title').matches(':disabled')).toBe(true);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Duplicate to edit' }));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(call).toHaveBeenCalledWith('workshops.duplicate', { workshopId: 'w-test' });
    expect(window.location.hash).toBe('#/edit/w-copy');
  });
});
