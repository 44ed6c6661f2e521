// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Slide } from '../../../shared/model';
import { SlideForm } from './SlideForm';
import { sampleContent } from './testFixtures';
import { fieldKey, validateContent } from './validation';

afterEach(cleanup);

const scenarioOf = (): Extract<Slide, { kind: 'scenario' }> => {
  const slide = sampleContent().slides[3];
  if (slide?.kind !== 'scenario') throw new Error('fixture');
  return slide;
};

describe('SlideForm', () => {
  it('shows every field of a scenario, labelled', () => {
    const slide = scenarioOf();
    render(<SlideForm slide={slide} index={3} total={7} dimensions={sampleContent().dimensions} errors={() => undefined} onChange={() => {}} />);
    expect(screen.getByRole('form', { name: /Scenario/ })).toBeTruthy();
    expect((screen.getByLabelText('Prompt') as HTMLTextAreaElement).value).toBe('A lead hands approvals to the team.');
    expect((screen.getByLabelText('Question') as HTMLSelectElement).value).toBe('classify');
    expect((screen.getByLabelText('Dimension') as HTMLSelectElement).value).toBe('power');
    expect((screen.getByLabelText('Option A') as HTMLTextAreaElement).value).toBe('Leader');
    expect((screen.getByLabelText('Option B style') as HTMLSelectElement).value).toBe('manager');
    expect((screen.getByLabelText('Debrief') as HTMLTextAreaElement).value).toBe('Talk about trust.');
    expect((screen.getByLabelText('Section') as HTMLInputElement).value).toBe('Scenarios');
    expect((screen.getByLabelText('Minutes') as HTMLInputElement).value).toBe('3');
    expect((screen.getByLabelText('Facilitator notes') as HTMLTextAreaElement).value).toBe('Read it aloud');
    expect(screen.getByRole('button', { name: 'Add option' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove option B' })).toBeTruthy();
  });

  it('reports edits with the field they touched', () => {
    const slide = scenarioOf();
    const onChange = vi.fn();
    render(<SlideForm slide={slide} index={3} total={7} dimensions={[]} errors={() => undefined} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('Prompt'), { target: { value: 'New prompt' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...slide, question: { ...slide.question, prompt: 'New prompt' } }, 'question.prompt');
    fireEvent.change(screen.getByLabelText('Option B style'), { target: { value: 'neutral' } });
    const [changed] = onChange.mock.lastCall as [Extract<Slide, { kind: 'scenario' }>];
    expect(changed.question.options[1]?.style).toBe('neutral');
    fireEvent.click(screen.getByRole('button', { name: 'Add option' }));
    const [added] = onChange.mock.lastCall as [Extract<Slide, { kind: 'scenario' }>];
    expect(added.question.options).toHaveLength(3);
    expect(added.question.options[2]?.id).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('shows each problem next to its field', () => {
    const content = sampleContent();
    const slide = content.slides[3];
    if (slide?.kind !== 'scenario') throw new Error('fixture');
    slide.question.prompt = '';
    slide.question.options = [slide.question.options[0]!];
    const { byField } = validateContent(content);
    render(
      <SlideForm
        slide={slide}
        index={3}
        total={7}
        dimensions={content.dimensions}
        errors={(field) => byField.get(fieldKey('slide', field, slide.id))}
        onChange={() => {}}
      />,
    );
    const prompt = screen.getByLabelText('Prompt');
    expect(prompt.getAttribute('aria-invalid')).toBe('true');
    const describedBy = prompt.getAttribute('aria-describedby') ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
    expect(document.getElementById(errorId ?? '')?.textContent).toBe('a prompt cannot be empty');
    const options = screen.getByRole('group', { name: /Options/ });
    expect(within(options).getByText('needs at least 2 options')).toBeTruthy();
  });

  it('edits bullets: Enter adds one, and each has its own label', () => {
    const slide = sampleContent().slides[1]!;
    const onChange = vi.fn();
    render(<SlideForm slide={slide} index={1} total={7} dimensions={[]} errors={() => undefined} onChange={onChange} />);
    expect((screen.getByLabelText('Bullet 2') as HTMLInputElement).value).toBe('Two');
    fireEvent.keyDown(screen.getByLabelText('Bullet 1'), { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith({ ...slide, bullets: ['One', '', 'Two'] }, 'bullets:structure');
  });
});
