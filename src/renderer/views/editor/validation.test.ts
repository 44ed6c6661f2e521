// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { WorkshopContent } from '../../../shared/model';
import { sampleContent } from './testFixtures';
import { formatPath } from '../../../shared/validation';
import { fieldDomId, fieldKey, fieldLabel, fieldOfPath, problemPlace, validateContent } from './validation';

function withScenario(edit: (content: WorkshopContent) => void): WorkshopContent {
  const content = structuredClone(sampleContent());
  edit(content);
  return content;
}

describe('formatPath', () => {
  it('writes paths the way import errors name them', () => {
    expect(formatPath(['slides', 3, 'question', 'options'])).toBe('slides[3].question.options');
    expect(formatPath(['title'])).toBe('title');
    expect(formatPath(['slides', 0, 'bullets', 2])).toBe('slides[0].bullets[2]');
  });
});

describe('fieldOfPath', () => {
  it('maps slide paths to the slide and its field', () => {
    expect(fieldOfPath(['slides', 3, 'question', 'options'])).toEqual({ scope: 'slide', slideIndex: 3, field: 'question.options' });
    expect(fieldOfPath(['slides', 3, 'question', 'options', 1, 'label'])).toEqual({
      scope: 'slide',
      slideIndex: 3,
      field: 'question.options.1.label',
    });
    expect(fieldOfPath(['slides', 1, 'bullets', 0])).toEqual({ scope: 'slide', slideIndex: 1, field: 'bullets.0' });
    expect(fieldOfPath(['slides', 2, 'left', 'items', 4])).toEqual({ scope: 'slide', slideIndex: 2, field: 'left.items.4' });
  });
  it('shows id problems where the user can see them', () => {
    expect(fieldOfPath(['slides', 2, 'id']).field).toBe('');
    expect(fieldOfPath(['slides', 2, 'question', 'id']).field).toBe('');
    expect(fieldOfPath(['slides', 2, 'question', 'options', 1, 'id']).field).toBe('question.options.1.label');
  });
  it('maps workshop-level paths', () => {
    expect(fieldOfPath(['title'])).toEqual({ scope: 'workshop', slideIndex: null, field: 'title' });
    expect(fieldOfPath(['slides'])).toEqual({ scope: 'workshop', slideIndex: null, field: '' });
    expect(fieldOfPath(['dimensions', 0, 'name'])).toEqual({ scope: 'details', slideIndex: null, field: 'dimensions.0.name' });
    expect(fieldOfPath(['description'])).toEqual({ scope: 'details', slideIndex: null, field: 'description' });
  });
  it('gives each field a DOM id and a label', () => {
    expect(fieldDomId('slide', 'question.options.1.label')).toBe('editor-slide-question-options-1-label');
    expect(fieldDomId('workshop', 'title')).toBe('editor-workshop-title');
    expect(fieldLabel('slide', 'question.options.1.label')).toBe('Option B');
    expect(fieldLabel('slide', 'question.options.2.style')).toBe('Option C style');
    expect(fieldLabel('slide', 'bullets.0')).toBe('Bullet 1');
    expect(fieldLabel('slide', 'right.items.2')).toBe('Right item 3');
    expect(fieldLabel('details', 'dimensions.1.leader')).toBe('Dimension 2 leader side');
  });
});

describe('validateContent', () => {
  it('accepts the sample', () => {
    const result = validateContent(sampleContent());
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
  });

  it('puts each scenario problem on its field', () => {
    const content = withScenario((c) => {
      const slide = c.slides[3];
      if (slide?.kind !== 'scenario') throw new Error('fixture');
      slide.question.prompt = '  ';
      slide.question.options = [slide.question.options[0]!];
    });
    const result = validateContent(content);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.path, p.message])).toEqual([
      ['slides[3].question.prompt', 'a prompt cannot be empty'],
      ['slides[3].question.options', 'needs at least 2 options'],
    ]);
    expect(result.byField.get(fieldKey('slide', 'question.options', 's-scenario'))).toEqual(['needs at least 2 options']);
    expect(result.bySlide.get('s-scenario')).toBe(2);
    expect(problemPlace(result.problems[1]!, content.slides)).toBe('Slide 4 (Scenario) · Options');
  });

  it('says number problems plainly', () => {
    const content = withScenario((c) => {
      const discussion = c.slides[5];
      if (discussion?.kind !== 'discussion') throw new Error('fixture');
      discussion.seconds = 5000;
      discussion.minutes = Number.NaN;
      c.slides[0]!.minutes = -1;
    });
    const messages = Object.fromEntries(validateContent(content).problems.map((p) => [p.path, p.message]));
    expect(messages).toEqual({
      'slides[0].minutes': 'must be at least 0',
      'slides[5].minutes': 'needs a number',
      'slides[5].seconds': 'must be at most 3600',
    });
  });

  it('flags an empty workshop title and bullet', () => {
    const content = withScenario((c) => {
      c.title = '';
      const bullets = c.slides[1];
      if (bullets?.kind !== 'bullets') throw new Error('fixture');
      bullets.bullets[1] = '';
    });
    const result = validateContent(content);
    expect(result.byField.get('workshop/title')).toEqual(['a title cannot be empty']);
    expect(result.byField.get(fieldKey('slide', 'bullets.1', 's-bullets'))).toEqual(['a bullet cannot be empty']);
  });
});
