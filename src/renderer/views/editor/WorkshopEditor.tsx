/**
 * The editor for one loaded workshop: slide list, form, preview; validation as
 * you type, autosave of valid content, undo/redo, export.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type MouseEvent } from 'react';
import type { Slide, SlideKind, Workshop, WorkshopContent } from '../../../shared/model';
import { useApi } from '../../app/ApiContext';
import { hrefOf, navigate } from '../../app/router';
import { Button } from '../../components/Button';
import { downloadText } from '../../components/download';
import { contentOf, editorReducer, initialEditorState, replaceSlide, selectedIndex, type Selection } from './editorState';
import { EditorHeader } from './EditorHeader';
import { canRedo, canUndo } from './history';
import { Icon } from './Icon';
import { PreviewPane } from './PreviewPane';
import { ProblemSummary } from './ProblemSummary';
import { SlideForm, firstField } from './SlideForm';
import { SlideList } from './SlideList';
import { blankSlide, duplicateSlide, kindLabel, takenIds } from './slideOps';
import { useAutosave } from './useAutosave';
import { fieldDomId, fieldKey, problemCount, validateContent, type Problem } from './validation';
import { WorkshopDetailsForm } from './WorkshopDetailsForm';
import styles from './WorkshopEditor.module.css';

interface Notice {
  text: string;
  undo?: boolean;
  id: number;
}

const NOTICE_MS = 7000;

export function WorkshopEditor({ workshop }: { workshop: Workshop }) {
  const api = useApi();
  const readOnly = workshop.builtIn;
  const [state, dispatch] = useReducer(editorReducer, workshop.content, initialEditorState);
  const content = contentOf(state);
  const validation = useMemo(() => validateContent(content), [content]);
  const autosave = useAutosave({ api, workshopId: workshop.id, content, problems: validation.problems.length, readOnly });
  const { flush } = autosave;
  const index = selectedIndex(state);
  const slide = index >= 0 ? content.slides[index] : undefined;

  const [focusField, setFocusField] = useState<{ domId: string; select: boolean; nonce: number } | null>(null);
  const [rowFocus, setRowFocus] = useState<{ id: string; nonce: number } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [exporting, setExporting] = useState(false);
  const [duplicating, setDuplicating] = useState(false);
  const nonce = useRef(0);
  const next = () => ++nonce.current;

  const notify = useCallback((text: string, undo = false) => setNotice({ text, undo, id: Date.now() }), []);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  // Focus a field once the form that holds it has rendered.
  useEffect(() => {
    if (!focusField) return;
    const element = document.getElementById(focusField.domId) ?? document.getElementById('editor-slide-heading');
    if (!element) return;
    element.focus();
    if (focusField.select && (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) element.select();
  }, [focusField]);

  // ------------------------------------------------------------ editing
  const edit = useCallback((recipe: (c: WorkshopContent) => WorkshopContent, key: string) => {
    dispatch({ type: 'edit', recipe, key: key.endsWith(':structure') ? null : key, at: Date.now() });
  }, []);
  const onSlideChange = useCallback(
    (changed: Slide, field: string) => edit((c) => replaceSlide(c, changed), `${changed.id}:${field}`),
    [edit],
  );
  const select = (selection: Selection) => dispatch({ type: 'select', selection });

  const addSlide = (kind: SlideKind) => {
    const slideNew = blankSlide(kind, takenIds(content), content.dimensions[0]?.id, content.dimensions);
    const at = index >= 0 ? index + 1 : content.slides.length;
    dispatch({ type: 'insertSlide', slide: slideNew, index: at });
    setFocusField({ domId: fieldDomId('slide', firstField(kind)), select: true, nonce: next() });
    notify(`Added a ${kindLabel(kind)} slide as slide ${at + 1}.`);
  };
  const duplicate = (id: string) => {
    const at = content.slides.findIndex((s) => s.id === id);
    const original = content.slides[at];
    if (!original) return;
    dispatch({ type: 'insertSlide', slide: duplicateSlide(original, takenIds(content)), index: at + 1 });
    notify(`Duplicated slide ${at + 1} as slide ${at + 2}.`);
  };
  const remove = (id: string) => {
    const at = content.slides.findIndex((s) => s.id === id);
    const removed = content.slides[at];
    if (!removed) return;
    dispatch({ type: 'removeSlide', id });
    notify(`Removed slide ${at + 1} (${kindLabel(removed.kind)}).`, true);
  };
  const move = (id: string, to: number) => {
    const from = content.slides.findIndex((s) => s.id === id);
    const target = Math.max(0, Math.min(content.slides.length - 1, to));
    if (from < 0 || target === from) return;
    dispatch({ type: 'moveSlide', id, to: target });
    notify(`Moved slide ${from + 1} to position ${target + 1} of ${content.slides.length}.`);
  };
  const undo = useCallback(() => dispatch({ type: 'undo' }), []);
  const redo = useCallback(() => dispatch({ type: 'redo' }), []);

  // Undo and redo anywhere in the editor, inputs included: the editor's history
  // replaces the browser's per-field one, which a controlled input cannot keep.
  useEffect(() => {
    if (readOnly) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) {
        event.preventDefault();
        redo();
      } else if (key === 's' && !event.shiftKey) {
        event.preventDefault();
        void flush();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly, undo, redo, flush]);

  // ------------------------------------------------------------ problems
  const errorsOf = (scope: 'slide' | 'details' | 'workshop', slideId?: string) => (field: string) =>
    validation.byField.get(fieldKey(scope, field, slideId));
  const goToProblem = (problem: Problem) => {
    if (problem.scope === 'slide' && problem.slideId) select({ kind: 'slide', id: problem.slideId });
    if (problem.scope === 'details') select({ kind: 'details' });
    setFocusField({ domId: fieldDomId(problem.scope, problem.field), select: false, nonce: next() });
  };

  // ------------------------------------------------------------ leaving, exporting
  const onLeave = async (event: MouseEvent<HTMLAnchorElement>, href: string) => {
    event.preventDefault();
    if (!readOnly && !autosave.isSaved() && validation.problems.length > 0) {
      const leave = window.confirm(
        `Your latest changes are not saved: fix ${problemCount(validation.problems.length)} first. Leave anyway and lose them?`,
      );
      if (!leave) return;
    }
    await flush();
    window.location.hash = href;
  };

  const onExport = async () => {
    setExporting(true);
    try {
      await flush();
      const stale = !readOnly && !autosave.isSaved();
      const suffix = stale ? ` It holds the last saved version: fix ${problemCount(validation.problems.length)} to include your latest edits.` : '';
      if (api.isDesktop) {
        const result = await api.desktop('workshop.saveDialog', { workshopId: workshop.id });
        if (result.canceled) return;
        notify(`Exported to ${result.filePath}.${suffix}`);
      } else {
        const file = await api.call('workshops.export', { workshopId: workshop.id });
        downloadText(file.filename, file.text, 'application/json');
        notify(`Downloaded ${file.filename}.${suffix}`);
      }
    } catch (error) {
      notify(`Export failed: ${(error as Error).message}`);
    } finally {
      setExporting(false);
    }
  };

  const duplicateToEdit = async () => {
    setDuplicating(true);
    try {
      const copy = await api.call('workshops.duplicate', { workshopId: workshop.id });
      navigate({ view: 'editor', workshopId: copy.id });
    } catch (error) {
      notify(`Could not duplicate: ${(error as Error).message}`);
      setDuplicating(false);
    }
  };

  const detailsProblems = validation.problems.filter((p) => p.scope === 'details').length;
  const selection = state.selection;

  return (
    <div className={styles.page}>
      <EditorHeader
        title={content.title}
        titleErrors={validation.byField.get(fieldKey('workshop', 'title'))}
        onTitleChange={(title) => edit((c) => ({ ...c, title }), 'workshop:title')}
        save={autosave.state}
        onRetrySave={() => void flush()}
        onShowProblems={() => {
          const first = validation.problems[0];
          if (first) goToProblem(first);
        }}
        canUndo={canUndo(state.history)}
        canRedo={canRedo(state.history)}
        onUndo={undo}
        onRedo={redo}
        onExport={() => void onExport()}
        exporting={exporting}
        presentHref={hrefOf({ view: 'setup', workshopId: workshop.id })}
        onLeave={(event, href) => void onLeave(event, href)}
        readOnly={readOnly}
      />
      {readOnly && (
        <div className={styles.banner} role="region" aria-label="Read-only workshop">
          <p>
            <strong>This built-in workshop is read-only.</strong> Duplicate it to make your own version you can change.
          </p>
          <Button intent="primary" onClick={() => void duplicateToEdit()} disabled={duplicating}>
            <Icon name="copy" />
            {duplicating ? 'Duplicating…' : 'Duplicate to edit'}
          </Button>
        </div>
      )}
      <div className={styles.body}>
        <aside className={styles.sidebar}>
          <button
            type="button"
            className={`${styles.details} ${selection?.kind === 'details' ? styles.detailsOn : ''}`}
            aria-pressed={selection?.kind === 'details'}
            onClick={() => select({ kind: 'details' })}
          >
            <Icon name="details" />
            <span>Workshop details</span>
            {detailsProblems > 0 && (
              <span className={styles.detailsProblems}>
                <Icon name="warning" size={15} />
                <span className="visually-hidden">, {problemCount(detailsProblems)}</span>
                <span aria-hidden="true">{detailsProblems}</span>
              </span>
            )}
          </button>
          <SlideList
            slides={content.slides}
            selectedId={selection?.kind === 'slide' ? selection.id : null}
            problemsBySlide={validation.bySlide}
            readOnly={readOnly}
            onSelect={(id) => select({ kind: 'slide', id })}
            onAdd={addSlide}
            onDuplicate={duplicate}
            onRemove={remove}
            onMove={move}
            onOpen={(id) => {
              const opened = content.slides.find((s) => s.id === id);
              if (opened) setFocusField({ domId: fieldDomId('slide', firstField(opened.kind)), select: false, nonce: next() });
            }}
            focusRequest={rowFocus}
          />
        </aside>
        <main className={styles.main}>
          <div className={styles.formColumn}>
            <ProblemSummary problems={validation.problems} slides={content.slides} onGo={goToProblem} />
            {selection?.kind === 'details' ? (
              <WorkshopDetailsForm
                content={content}
                readOnly={readOnly}
                errors={errorsOf('details')}
                onChange={(patch, field) => edit((c) => ({ ...c, ...patch }), `details:${field}`)}
              />
            ) : slide ? (
              <SlideForm
                key={slide.id}
                slide={slide}
                index={index}
                total={content.slides.length}
                dimensions={content.dimensions}
                errors={errorsOf('slide', slide.id)}
                onChange={onSlideChange}
                readOnly={readOnly}
              />
            ) : (
              <div className={styles.empty}>
                <h2>No slides yet</h2>
                <p>Use “Add slide” to add the first one: a title slide is a good start.</p>
              </div>
            )}
          </div>
          {selection?.kind !== 'details' && (
            <div className={styles.previewColumn}>
              <PreviewPane slide={slide} index={index} total={content.slides.length} />
            </div>
          )}
        </main>
      </div>
      <div className={styles.noticeArea} aria-live="polite">
        {notice && (
          <div className={styles.notice} key={notice.id}>
            <span>{notice.text}</span>
            {notice.undo && canUndo(state.history) && (
              <button
                type="button"
                className={styles.noticeButton}
                onClick={() => {
                  undo();
                  setNotice(null);
                  setRowFocus(null);
                }}
              >
                Undo
              </button>
            )}
            <button type="button" className={styles.noticeClose} aria-label="Dismiss message" onClick={() => setNotice(null)}>
              ×
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
