// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Slide } from '../../../shared/model';
import { SlideForm } from './SlideForm';
import { blankSlide } from './slideOps';
import { sampleContent } from './testFixtures';
import { fieldKey, validateContent } from './validation';
import { PreviewPane } from './PreviewPane';

afterEach(cleanup);

const dimensions = sampleContent().dimensions;

function withSlide(slide: Slide) {
  const content = sampleContent();
  content.slides.push(slide);
  return content;
}

describe('the open question form', () => {
  it('shows its fields, labelled, and reports each edit', () => {
    const slide = blankSlide('open', new Set());
    if (slide.kind !== 'open') throw new Error('kind');
    const onChange = vi.fn();
    render(<SlideForm slide={slide} index={0} total={1} dimensions={dimensions} errors={() => undefined} onChange={onChange} />);
    expect(screen.getByRole('form', { name: /Open question/ })).toBeTruthy();
    expect((screen.getByLabelText('Prompt') as HTMLTextAreaElement).value).toBe('One word for the best boss you ever had');
    expect((screen.getByLabelText('Dimension') as HTMLSelectElement).value).toBe('');
    fireEvent.change(screen.getByLabelText('Prompt'), { target: { value: 'One thing they did' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...slide, question: { ...slide.question, prompt: 'One thing they did' } }, 'question.prompt');
    fireEvent.change(screen.getByLabelText('Dimension'), { target: { value: 'power' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...slide, question: { ...slide.question, dimension: 'power' } }, 'question.dimension');
  });

  it('leaves the dimension out when None is picked', () => {
    const slide = blankSlide('open', new Set());
    if (slide.kind !== 'open') throw new Error('kind');
    slide.question.dimension = 'power';
    const onChange = vi.fn();
    render(<SlideForm slide={slide} index={0} total={1} dimensions={dimensions} errors={() => undefined} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('Dimension'), { target: { value: '' } });
    const [changed] = onChange.mock.lastCall as [Extract<Slide, { kind: 'open' }>];
    expect('dimension' in changed.question).toBe(false);
    expect(validateContent(withSlide(changed)).ok).toBe(true);
  });

  it('says an empty prompt is a problem, next to the field', () => {
    const slide = blankSlide('open', new Set());
    if (slide.kind !== 'open') throw new Error('kind');
    slide.question.prompt = '';
    const { byField } = validateContent(withSlide(slide));
    render(<SlideForm slide={slide} index={7} total={8} dimensions={dimensions} errors={(field) => byField.get(fieldKey('slide', field, slide.id))} onChange={() => {}} />);
    const prompt = screen.getByLabelText('Prompt');
    expect(prompt.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('a prompt cannot be empty')).toBeTruthy();
  });
});

describe('the rating form', () => {
  it('shows the scale, its points and end labels', () => {
    const slide = blankSlide('rating', new Set());
    const onChange = vi.fn();
    render(<SlideForm slide={slide} index={0} total={1} dimensions={dimensions} errors={() => undefined} onChange={onChange} />);
    expect((screen.getByLabelText('Statement') as HTMLTextAreaElement).value).toBe('How useful was this for your work?');
    expect((screen.getByLabelText('Lowest value') as HTMLInputElement).value).toBe('1');
    expect((screen.getByLabelText('Highest value') as HTMLInputElement).value).toBe('5');
    expect(screen.getByText('5 points: 1, 2, 3, 4, 5.')).toBeTruthy();
    expect((screen.getByLabelText('Label at the low end') as HTMLInputElement).value).toBe('Not at all');
    fireEvent.change(screen.getByLabelText('Highest value'), { target: { value: '10' } });
    const [changed] = onChange.mock.lastCall as [Extract<Slide, { kind: 'rating' }>];
    expect(changed.question.max).toBe(10);
    fireEvent.change(screen.getByLabelText('Label at the high end'), { target: { value: 'Very much' } });
    expect((onChange.mock.lastCall as [Extract<Slide, { kind: 'rating' }>])[0].question.maxLabel).toBe('Very much');
  });

  it('refuses a scale of more than 10 points, at the highest value', () => {
    const slide = blankSlide('rating', new Set());
    if (slide.kind !== 'rating') throw new Error('kind');
    slide.question.min = 0;
    slide.question.max = 11;
    const { byField, problems } = validateContent(withSlide(slide));
    expect(problems.map((p) => p.field)).toContain('question.max');
    render(<SlideForm slide={slide} index={7} total={8} dimensions={dimensions} errors={(field) => byField.get(fieldKey('slide', field, slide.id))} onChange={() => {}} />);
    expect(screen.getByLabelText('Highest value').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/a scale has 2 to 10 points/)).toBeTruthy();
    expect(screen.getByText('A scale has 2 to 10 points.')).toBeTruthy();
  });

  it('previews the scale as the room will see it', () => {
    const slide = blankSlide('rating', new Set());
    render(<PreviewPane slide={slide} index={0} total={1} />);
    const points = screen.getByRole('list', { name: 'A scale from 1 to 5' });
    expect(points.textContent).toBe('12345');
    expect(screen.getByText('1 = Not at all')).toBeTruthy();
    expect(screen.getByText('5 = Very')).toBeTruthy();
  });
});
