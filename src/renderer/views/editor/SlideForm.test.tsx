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

describe('SlideForm: the picture', () => {
  const asset = 'ab'.repeat(32);

  it('asks for a picture on any slide, and for alt text once one is chosen, naming the problem beside the field', () => {
    const slide = scenarioOf();
    const { rerender } = render(<SlideForm slide={slide} index={3} total={7} dimensions={[]} errors={() => undefined} onChange={() => {}} />);
    expect(screen.getByRole('button', { name: 'Choose a picture…' })).toBeTruthy();
    const pictured = { ...slide, picture: { asset, alt: '', mediaType: 'image/png' as const } };
    const content = sampleContent();
    content.slides[3] = pictured;
    const validation = validateContent(content);
    const errors = (field: string) => validation.byField.get(fieldKey('slide', field, pictured.id));
    rerender(<SlideForm slide={pictured} index={3} total={7} dimensions={[]} errors={errors} onChange={() => {}} />);
    const alt = screen.getByLabelText('Alt text (required)');
    expect(alt.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/a picture needs alt text/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove picture' })).toBeTruthy();
  });

  it('types alt text into the picture, and removes the picture altogether', () => {
    const slide = { ...scenarioOf(), picture: { asset, alt: 'A flag', mediaType: 'image/png' as const } };
    const onChange = vi.fn();
    render(<SlideForm slide={slide} index={3} total={7} dimensions={[]} errors={() => undefined} onChange={onChange} />);
    expect(screen.getByRole('img', { name: 'A flag' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Alt text (required)'), { target: { value: 'A blue flag' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...slide, picture: { ...slide.picture, alt: 'A blue flag' } }, 'picture.alt');
    fireEvent.click(screen.getByRole('button', { name: 'Remove picture' }));
    const { picture: _gone, ...without } = slide;
    expect(onChange).toHaveBeenLastCalledWith(without, 'picture');
  });

  it('refuses a file over 5 MB before sending it, in MB', async () => {
    render(<SlideForm slide={scenarioOf()} index={3} total={7} dimensions={[]} errors={() => undefined} onChange={() => {}} />);
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'holiday.jpg', { type: 'image/jpeg' });
    fireEvent.drop(screen.getByTestId('picture-field'), { dataTransfer: { files: [big], types: ['Files'] } });
    expect((await screen.findByRole('alert')).textContent).toBe('“holiday.jpg” is 5.0 MB; a picture can be at most 5 MB. Make it smaller and try again.');
  });
});
