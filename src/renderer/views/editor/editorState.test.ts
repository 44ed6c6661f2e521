// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Slide } from '../../../shared/model';
import { contentOf, editorReducer, initialEditorState, replaceSlide, type EditorState } from './editorState';
import { sampleContent } from './testFixtures';

const ids = (state: EditorState) => contentOf(state).slides.map((s) => s.id);
const newSlide: Slide = { id: 's-new', kind: 'title', section: '', minutes: 1, notes: '', title: 'New', subtitle: '' };

describe('editorReducer', () => {
  it('starts with the first slide selected', () => {
    expect(initialEditorState(sampleContent()).selection).toEqual({ kind: 'slide', id: 's-title' });
  });

  it('inserts, selects, and undoes back to the previous selection', () => {
    let state = initialEditorState(sampleContent());
    state = editorReducer(state, { type: 'select', selection: { kind: 'slide', id: 's-bullets' } });
    state = editorReducer(state, { type: 'insertSlide', slide: newSlide, index: 2 });
    expect(ids(state).slice(0, 3)).toEqual(['s-title', 's-bullets', 's-new']);
    expect(state.selection).toEqual({ kind: 'slide', id: 's-new' });
    state = editorReducer(state, { type: 'undo' });
    expect(ids(state)).not.toContain('s-new');
    expect(state.selection).toEqual({ kind: 'slide', id: 's-bullets' });
    state = editorReducer(state, { type: 'redo' });
    expect(state.selection).toEqual({ kind: 'slide', id: 's-new' });
  });

  it('brings a "General" dimension along with the first scenario of a workshop that has none, in one undo step', () => {
    const bare = { ...sampleContent(), dimensions: [], slides: sampleContent().slides.filter((s) => s.kind !== 'scenario') };
    const scenario: Slide = {
      id: 's-q',
      kind: 'scenario',
      section: '',
      minutes: 2,
      notes: '',
      title: '',
      question: { id: 'q-new', type: 'choice', kind: 'classify', prompt: 'Which?', dimension: 'general', debrief: '', options: [] },
    };
    let state = editorReducer(initialEditorState(bare), { type: 'insertSlide', slide: scenario, index: 1 });
    expect(contentOf(state).dimensions.map((d) => [d.id, d.name])).toEqual([['general', 'General']]);
    state = editorReducer(state, { type: 'undo' });
    expect(contentOf(state).dimensions).toEqual([]);
    expect(ids(state)).not.toContain('s-q');
  });

  it('removes a slide, selects its neighbour, and undo brings it back selected', () => {
    let state = initialEditorState(sampleContent());
    state = editorReducer(state, { type: 'removeSlide', id: 's-title' });
    expect(ids(state)[0]).toBe('s-bullets');
    expect(state.selection).toEqual({ kind: 'slide', id: 's-bullets' });
    state = editorReducer(state, { type: 'undo' });
    expect(ids(state)[0]).toBe('s-title');
    expect(state.selection).toEqual({ kind: 'slide', id: 's-title' });
  });

  it('moves a slide and keeps it selected', () => {
    let state = initialEditorState(sampleContent());
    state = editorReducer(state, { type: 'moveSlide', id: 's-title', to: 2 });
    expect(ids(state).slice(0, 3)).toEqual(['s-bullets', 's-compare', 's-title']);
    expect(state.selection).toEqual({ kind: 'slide', id: 's-title' });
    // Out of range moves clamp; a move to the same place is no step.
    const same = editorReducer(state, { type: 'moveSlide', id: 's-title', to: 2 });
    expect(same).toBe(state);
  });

  it('merges typing in one field and selects the edited slide on undo', () => {
    let state = initialEditorState(sampleContent());
    const type = (title: string, at: number) =>
      editorReducer(state, {
        type: 'edit',
        key: 's-bullets:title',
        at,
        recipe: (c) => {
          const slide = c.slides.find((s) => s.id === 's-bullets');
          return slide?.kind === 'bullets' ? replaceSlide(c, { ...slide, title }) : c;
        },
      });
    state = editorReducer(state, { type: 'select', selection: { kind: 'slide', id: 's-bullets' } });
    state = type('The ideas', 1000);
    state = type('The ideas!', 1100);
    expect(state.history.past).toHaveLength(1);
    state = editorReducer(state, { type: 'select', selection: { kind: 'slide', id: 's-title' } });
    state = editorReducer(state, { type: 'undo' });
    expect(state.selection).toEqual({ kind: 'slide', id: 's-bullets' });
    const slide = contentOf(state).slides[1];
    expect(slide?.kind === 'bullets' && slide.title).toBe('The idea');
  });

  it('ignores an edit that changes nothing', () => {
    const state = initialEditorState(sampleContent());
    expect(editorReducer(state, { type: 'edit', key: null, at: 0, recipe: (c) => c })).toBe(state);
  });
});
