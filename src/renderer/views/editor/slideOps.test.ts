// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { idSchema, slideKinds, slideSchema } from '../../../shared/model';
import { newId } from './ids';
import { addableKinds, blankSlide, dropIndex, duplicateSlide, moveItem, slideSummary, takenIds } from './slideOps';
import { sampleContent } from './testFixtures';

describe('moveItem', () => {
  it('moves an item up and down', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'b', 'c']);
  });
  it('clamps the target and ignores a bad source', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 99)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, -5)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b'], 7, 0)).toEqual(['a', 'b']);
  });
  it('does not change its input', () => {
    const items = ['a', 'b'];
    moveItem(items, 0, 1);
    expect(items).toEqual(['a', 'b']);
  });
});

describe('dropIndex', () => {
  // Rows a b c d e; drag one and drop before/after another.
  const drop = (from: number, over: number, after: boolean) => moveItem(['a', 'b', 'c', 'd', 'e'], from, dropIndex(from, over, after)).join('');
  it('drops before or after the row under the pointer', () => {
    expect(drop(0, 3, false)).toBe('bcade');
    expect(drop(0, 3, true)).toBe('bcdae');
    expect(drop(4, 1, false)).toBe('aebcd');
    expect(drop(4, 1, true)).toBe('abecd');
  });
  it('leaves the row in place when dropped on itself or its gap', () => {
    expect(dropIndex(2, 2, false)).toBe(2);
    expect(dropIndex(2, 2, true)).toBe(2);
    expect(dropIndex(2, 1, true)).toBe(2);
    expect(dropIndex(2, 3, false)).toBe(2);
  });
});

describe('new slides', () => {
  it('offers every kind of the model', () => {
    expect([...addableKinds].sort()).toEqual([...slideKinds].sort());
  });
  it('makes a valid slide of every kind, with fresh ids', () => {
    const content = sampleContent();
    const taken = takenIds(content);
    for (const kind of addableKinds) {
      const slide = blankSlide(kind, taken, 'power');
      expect(slideSchema.safeParse(slide).success, kind).toBe(true);
      expect(taken.has(slide.id)).toBe(false);
      expect(idSchema.safeParse(slide.id).success).toBe(true);
    }
  });
  it('duplicates a scenario with new slide and question ids', () => {
    const content = sampleContent();
    const original = content.slides.find((s) => s.kind === 'scenario');
    if (original?.kind !== 'scenario') throw new Error('fixture');
    const copy = duplicateSlide(original, takenIds(content));
    if (copy.kind !== 'scenario') throw new Error('kind');
    expect(copy.id).not.toBe(original.id);
    expect(copy.question.id).not.toBe(original.question.id);
    expect(copy.question.options).toEqual(original.question.options);
    // A deep copy: editing the copy leaves the original alone.
    copy.question.options[0]!.label = 'changed';
    expect(original.question.options[0]!.label).toBe('Leader');
  });
  it('makes short ids that match the model', () => {
    const ids = new Set(Array.from({ length: 500 }, () => newId('o')));
    expect(ids.size).toBe(500);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{3,16}$/);
    expect(newId('s', ['s-aaaaaa'])).not.toBe('s-aaaaaa');
  });
});

describe('slideSummary', () => {
  it('names a slide by its text, shortened', () => {
    const [title, , , scenario] = sampleContent().slides;
    expect(slideSummary(title!)).toBe('Welcome');
    expect(slideSummary(scenario!)).toBe('A lead hands approvals to the team.');
    expect(slideSummary(scenario!, 10)).toBe('A lead ha…');
    expect(slideSummary({ ...title!, kind: 'title', title: '   ' } as never)).toBe('Untitled');
  });
});
