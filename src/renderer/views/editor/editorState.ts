/**
 * The editor's state: the content with its undo history, and what is selected.
 * A pure reducer; anything random (new ids) is made before dispatching, so the
 * reducer gives the same answer when React runs it twice.
 */
import type { Slide, WorkshopContent } from '../../../shared/model';
import { createHistory, pushHistory, redoHistory, undoHistory, type History } from './history';
import { moveItem } from './slideOps';

/** A slide by id, or the workshop's details (description and dimensions). */
export type Selection = { kind: 'slide'; id: string } | { kind: 'details' };

export interface Snapshot {
  content: WorkshopContent;
  /** What was selected just before this edit (selected again when it is undone). */
  before: Selection | null;
  /** What the edit left selected (selected again when it is redone). */
  after: Selection | null;
}

export interface EditorState {
  history: History<Snapshot>;
  selection: Selection | null;
}

export type EditorAction =
  | { type: 'edit'; recipe: (content: WorkshopContent) => WorkshopContent; key: string | null; at: number }
  | { type: 'select'; selection: Selection | null }
  | { type: 'insertSlide'; slide: Slide; index: number }
  | { type: 'removeSlide'; id: string }
  | { type: 'moveSlide'; id: string; to: number }
  | { type: 'undo' }
  | { type: 'redo' };

export function initialEditorState(content: WorkshopContent): EditorState {
  const first = content.slides[0];
  const selection: Selection | null = first ? { kind: 'slide', id: first.id } : null;
  return { history: createHistory<Snapshot>({ content, before: null, after: null }), selection };
}

export const contentOf = (state: EditorState) => state.history.present.content;

/** The selection if it still exists in this content, else a sensible neighbour. */
function settle(selection: Selection | null, content: WorkshopContent, fallbackIndex = 0): Selection | null {
  if (selection?.kind === 'details') return selection;
  if (selection && content.slides.some((slide) => slide.id === selection.id)) return selection;
  const slide = content.slides[Math.min(Math.max(0, fallbackIndex), content.slides.length - 1)];
  return slide ? { kind: 'slide', id: slide.id } : null;
}

export function selectedIndex(state: EditorState): number {
  const selection = state.selection;
  if (selection?.kind !== 'slide') return -1;
  return contentOf(state).slides.findIndex((slide) => slide.id === selection.id);
}

function commit(
  state: EditorState,
  content: WorkshopContent,
  after: Selection | null,
  key: string | null = null,
  at = 0,
): EditorState {
  const snapshot: Snapshot = { content, before: state.selection, after };
  return { history: pushHistory(state.history, snapshot, { key, at }), selection: after };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const content = contentOf(state);
  switch (action.type) {
    case 'edit': {
      const next = action.recipe(content);
      if (next === content) return state;
      return commit(state, next, state.selection, action.key, action.at);
    }
    case 'select':
      return { ...state, selection: settle(action.selection, content) };
    case 'insertSlide': {
      const slides = [...content.slides];
      const index = Math.max(0, Math.min(slides.length, action.index));
      slides.splice(index, 0, action.slide);
      // A scenario must name one of the workshop's dimensions: the first scenario of
      // a workshop without any brings a "General" one along, in the same undo step.
      const dimension = action.slide.kind === 'scenario' ? action.slide.question.dimension : null;
      const dimensions =
        dimension !== null && !content.dimensions.some((d) => d.id === dimension)
          ? [...content.dimensions, { id: dimension, name: 'General', leader: 'The leader-like response', manager: 'The manager-like response' }]
          : content.dimensions;
      return commit(state, { ...content, dimensions, slides }, { kind: 'slide', id: action.slide.id });
    }
    case 'removeSlide': {
      const index = content.slides.findIndex((slide) => slide.id === action.id);
      if (index < 0) return state;
      const slides = content.slides.filter((slide) => slide.id !== action.id);
      const neighbour = slides[Math.min(index, slides.length - 1)];
      const after: Selection | null = neighbour ? { kind: 'slide', id: neighbour.id } : null;
      // Undo brings the slide back selected: `before` names it.
      const snapshot: Snapshot = { content: { ...content, slides }, before: { kind: 'slide', id: action.id }, after };
      return { history: pushHistory(state.history, snapshot), selection: after };
    }
    case 'moveSlide': {
      const from = content.slides.findIndex((slide) => slide.id === action.id);
      if (from < 0) return state;
      const to = Math.max(0, Math.min(content.slides.length - 1, action.to));
      if (to === from) return state;
      const moved: Selection = { kind: 'slide', id: action.id };
      const snapshot: Snapshot = { content: { ...content, slides: moveItem(content.slides, from, to) }, before: moved, after: moved };
      return { history: pushHistory(state.history, snapshot), selection: moved };
    }
    case 'undo': {
      if (state.history.past.length === 0) return state;
      const undone = state.history.present;
      const history = undoHistory(state.history);
      const index = selectedIndex(state);
      return { history, selection: settle(undone.before ?? state.selection, history.present.content, index) };
    }
    case 'redo': {
      if (state.history.future.length === 0) return state;
      const history = redoHistory(state.history);
      const index = selectedIndex(state);
      return { history, selection: settle(history.present.after ?? state.selection, history.present.content, index) };
    }
  }
}

/** Replaces one slide (by id) in the content. */
export function replaceSlide(content: WorkshopContent, slide: Slide): WorkshopContent {
  const index = content.slides.findIndex((s) => s.id === slide.id);
  if (index < 0) return content;
  const slides = [...content.slides];
  slides[index] = slide;
  return { ...content, slides };
}
