// @vitest-environment jsdom
/** The editor's form for a self-check slide: its fields, and the workshop schema's checks at the field they are about. */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../api/client';
import { ApiProvider } from '../../app/ApiContext';
import type { Workshop, WorkshopContent } from '../../../shared/model';
import { AUTOSAVE_DELAY_MS } from './useAutosave';
import { sampleWorkshop } from './testFixtures';
import { WorkshopEditor } from './WorkshopEditor';

function workshopWithSelfCheck(): Workshop {
  const workshop = sampleWorkshop();
  workshop.content.dimensions.push({ id: 'credit', name: 'Credit', leader: 'Gives it away', manager: 'Keeps it' });
  workshop.content.slides.push({
    id: 's-self',
    kind: 'selfCheck',
    section: 'Opening',
    minutes: 2,
    notes: '',
    title: 'Where do you stand?',
    question: {
      id: 'q-self',
      prompt: 'How true is each of these of you?',
      phase: 'before',
      min: 1,
      max: 5,
      minLabel: 'Not like me',
      maxLabel: 'Very like me',
      thenPrompt: 'Looking back, where were you before today?',
      statements: [{ dimension: 'power', statement: 'I let my team decide.' }],
    },
  });
  return workshop;
}

function renderEditor() {
  const call = vi.fn(async (name: string, input: unknown) => {
    if (name === 'workshops.update') return { ...workshopWithSelfCheck(), content: (input as { content: unknown }).content };
    throw new Error(`unexpected ${name}`);
  });
  const api = { call, subscribe: () => () => {}, onConnection: () => () => {}, isDesktop: false, desktop: vi.fn() } as unknown as ApiClient;
  render(
    <ApiProvider client={api}>
      <WorkshopEditor workshop={workshopWithSelfCheck()} />
    </ApiProvider>,
  );
  fireEvent.click(screen.getAllByRole('option').find((row) => row.textContent?.includes('Self-check'))!);
  return call;
}

const saved = (call: ReturnType<typeof vi.fn>) =>
  call.mock.calls.filter(([name]) => name === 'workshops.update').map(([, input]) => (input as { content: WorkshopContent }).content);

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the self-check slide in the editor', () => {
  it('edits the phase, the scale and one statement per dimension, and saves them', async () => {
    const call = renderEditor();
    const form = screen.getByRole('form', { name: /Self-check/ });
    expect(within(form).getByLabelText('Statement 1')).toHaveProperty('value', 'I let my team decide.');
    expect(within(form).queryByLabelText('The “then” question')).toBeNull();
    fireEvent.change(within(form).getByLabelText('When'), { target: { value: 'after' } });
    expect(within(form).getByLabelText('The “then” question')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Add a statement (Credit)' }));
    fireEvent.change(within(form).getByLabelText('Statement 2'), { target: { value: 'I pass the praise on.' } });
    expect(within(form).getByRole('button', { name: 'Every dimension has a statement' })).toHaveProperty('disabled', true);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    });
    const last = saved(call).at(-1)!;
    const slide = last.slides.find((s) => s.id === 's-self');
    expect(slide?.kind === 'selfCheck' && slide.question).toMatchObject({ phase: 'after', statements: [{ dimension: 'power' }, { dimension: 'credit', statement: 'I pass the praise on.' }] });
  });

  it('shows what is wrong at the field and saves nothing: an empty statement, a dimension twice, a scale of one point', async () => {
    const call = renderEditor();
    const form = screen.getByRole('form', { name: /Self-check/ });
    fireEvent.change(within(form).getByLabelText('Statement 1'), { target: { value: '  ' } });
    expect(screen.getAllByText('a statement cannot be empty').length).toBeGreaterThan(0);
    fireEvent.change(within(form).getByLabelText('Statement 1'), { target: { value: 'I let my team decide.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add a statement (Credit)' }));
    fireEvent.change(within(form).getByLabelText('Dimension of statement 2'), { target: { value: 'power' } });
    expect(screen.getAllByText(/repeats the dimension "power"/).length).toBeGreaterThan(0);
    fireEvent.change(within(form).getByLabelText('Dimension of statement 2'), { target: { value: 'credit' } });
    fireEvent.change(within(form).getByLabelText('Highest point'), { target: { value: '1' } });
    expect(screen.getAllByText(/a scale has 2 to 10 points/).length).toBeGreaterThan(0);
    expect(screen.getByRole('status').textContent).toMatch(/Not saved/);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    });
    expect(saved(call)).toHaveLength(0);
  });
});
