import { describe, it, expect } from 'vitest';
import { questionsOf, workshopContentSchema, type Slide } from '../../shared/model';
import { LEADER_OR_MANAGER_ID, leaderOrManagerWorkshop } from './leaderOrManager';

const DIMENSION_IDS = [
  'power',
  'guidance',
  'language',
  'horizon',
  'outcome',
  'accountability',
  'credit',
  'direction',
  'method',
  'focus',
  'change',
  'risk',
];

const workshop = leaderOrManagerWorkshop;
const scenarios = workshop.slides.filter((slide): slide is Extract<Slide, { kind: 'scenario' }> => slide.kind === 'scenario');
const questions = questionsOf(workshop.slides);

describe('the built-in "Leader or Manager?" workshop', () => {
  it('has a stable, valid id', () => {
    expect(LEADER_OR_MANAGER_ID).toBe('leader-or-manager');
  });

  it('parses with the workshop schema, unchanged', () => {
    const result = workshopContentSchema.safeParse(workshop);
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues, null, 2)).toBe(true);
    // Every field is spelled out, so parsing adds no defaults.
    expect(result.data).toEqual(workshop);
  });

  it('is titled "Leader or Manager?" and has a description', () => {
    expect(workshop.title).toBe('Leader or Manager?');
    expect(workshop.description.trim()).not.toBe('');
  });

  it('defines the twelve contrasts, once each', () => {
    expect(workshop.dimensions.map((dimension) => dimension.id).sort()).toEqual([...DIMENSION_IDS].sort());
  });

  it('has at least 12 scenarios covering every dimension, and only known dimensions', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(12);
    const covered = new Set(questions.map((question) => question.dimension));
    for (const id of DIMENSION_IDS) expect(covered, `no scenario for "${id}"`).toContain(id);
    for (const question of questions) expect(DIMENSION_IDS).toContain(question.dimension);
  });

  it('uses both question kinds', () => {
    const kinds = new Set(questions.map((question) => question.kind));
    expect(kinds).toEqual(new Set(['classify', 'choose']));
  });

  it('gives every question exactly one leader option and at least one manager option', () => {
    for (const question of questions) {
      const styles = question.options.map((option) => option.style);
      expect(styles.filter((style) => style === 'leader'), question.id).toHaveLength(1);
      expect(styles.filter((style) => style === 'manager').length, question.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('shapes classify questions as Leader/Manager and choose questions as 2-3 responses', () => {
    for (const question of questions) {
      if (question.kind === 'classify') {
        expect(question.options.map((option) => option.style).sort(), question.id).toEqual(['leader', 'manager']);
      } else {
        expect(question.options.length, question.id).toBeGreaterThanOrEqual(2);
        expect(question.options.length, question.id).toBeLessThanOrEqual(3);
        expect(question.options.filter((option) => option.style === 'manager'), question.id).toHaveLength(1);
      }
    }
  });

  it('does not give the answer away in option ids or by always listing the leader first', () => {
    for (const question of questions) {
      for (const option of question.options) expect(option.id, question.id).not.toMatch(/leader|manager/i);
    }
    const leaderPositions = new Set(questions.map((question) => question.options.findIndex((o) => o.style === 'leader')));
    expect(leaderPositions.size).toBeGreaterThan(1);
  });

  it('has a debrief for every scenario', () => {
    for (const question of questions) expect(question.debrief.trim(), question.id).not.toBe('');
  });

  it('has facilitator notes and a section on every slide', () => {
    for (const slide of workshop.slides) {
      expect(slide.notes.trim(), slide.id).not.toBe('');
      expect(slide.section.trim(), slide.id).not.toBe('');
    }
  });

  it('runs between 60 and 90 minutes in total', () => {
    const total = workshop.slides.reduce((sum, slide) => sum + slide.minutes, 0);
    expect(total).toBeGreaterThanOrEqual(60);
    expect(total).toBeLessThanOrEqual(90);
  });

  it('has a Leader/Manager comparison slide with all twelve contrasts on each side', () => {
    const comparison = workshop.slides.find((slide) => slide.kind === 'comparison');
    expect(comparison).toBeDefined();
    if (comparison?.kind !== 'comparison') return;
    expect(comparison.left.heading).toBe('Leader');
    expect(comparison.right.heading).toBe('Manager');
    expect(comparison.left.items).toHaveLength(12);
    expect(comparison.right.items).toHaveLength(12);
  });

  it('contains every slide kind a session needs', () => {
    const kinds = new Set(workshop.slides.map((slide) => slide.kind));
    for (const kind of ['title', 'bullets', 'comparison', 'quote', 'discussion', 'results', 'scenario'] as const) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it('asks the self-check before the first idea and again after the last scenario, one statement per contrast', () => {
    const kinds = workshop.slides.map((slide) => slide.kind);
    const checks = workshop.slides.flatMap((slide, index) => (slide.kind === 'selfCheck' ? [{ slide, index }] : []));
    expect(checks.map(({ slide }) => slide.question.phase)).toEqual(['before', 'after']);
    const [before, after] = checks;
    expect(before!.index).toBeLessThan(kinds.indexOf('bullets'));
    expect(after!.index).toBeGreaterThan(kinds.lastIndexOf('scenario'));
    for (const { slide } of checks) {
      expect(slide.question.statements.map((statement) => statement.dimension)).toEqual(DIMENSION_IDS);
      expect(slide.question.min).toBe(1);
      expect(slide.question.max).toBe(5);
      expect(slide.question.minLabel).not.toBe('');
      expect(slide.question.maxLabel).not.toBe('');
      expect(slide.notes).toMatch(/private|never one person/);
    }
    expect(after!.slide.question.thenPrompt).toBe('Looking back, where were you before today?');
  });

  it('warms up with an open answer and closes with a 1 to 5 rating labelled at both ends', () => {
    const warmUp = workshop.slides.find((slide) => slide.kind === 'open');
    expect(warmUp?.section).toBe('Opening');
    expect(warmUp?.kind === 'open' && warmUp.question).toMatchObject({ type: 'text', prompt: 'One thing the best person you worked for did' });
    const rating = workshop.slides.find((slide) => slide.kind === 'rating');
    expect(rating?.section).toBe('Closing');
    expect(rating?.kind === 'rating' && rating.question).toMatchObject({ type: 'scale', prompt: 'How useful was this for your work?', min: 1, max: 5 });
    if (rating?.kind !== 'rating') return;
    expect(rating.question.minLabel.trim()).not.toBe('');
    expect(rating.question.maxLabel.trim()).not.toBe('');
    // The rating comes after the results and the commitment, before the last word.
    const ids = workshop.slides.map((slide) => slide.id);
    expect(ids.indexOf(rating.id)).toBeGreaterThan(ids.indexOf('s-results'));
    expect(ids.indexOf(rating.id)).toBe(ids.length - 2);
  });

  it('opens with a title slide', () => {
    expect(workshop.slides[0]?.kind).toBe('title');
  });

  it('uses unique slide ids and unique question ids', () => {
    const slideIds = workshop.slides.map((slide) => slide.id);
    expect(new Set(slideIds).size).toBe(slideIds.length);
    const questionIds = questions.map((question) => question.id);
    expect(new Set(questionIds).size).toBe(questionIds.length);
  });
});
