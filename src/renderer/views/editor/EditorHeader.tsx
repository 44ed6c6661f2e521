/** The editor's header: back, the title, the saved state, undo/redo, export, present. */
import type { MouseEvent } from 'react';
import { Button } from '../../components/Button';
import { describedBy, FieldErrors } from './Fields';
import { Icon } from './Icon';
import type { SaveState } from './useAutosave';
import { fieldDomId, problemCount } from './validation';
import styles from './EditorHeader.module.css';

interface EditorHeaderProps {
  title: string;
  titleErrors?: readonly string[] | undefined;
  onTitleChange: (title: string) => void;
  save: SaveState;
  onRetrySave: () => void;
  /** Goes to the first problem that stops saving. */
  onShowProblems: () => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onExport: () => void;
  exporting: boolean;
  presentHref: string;
  /** Saves what is waiting, then follows the link. */
  onLeave: (event: MouseEvent<HTMLAnchorElement>, href: string) => void;
  readOnly: boolean;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

/** The words of the saved-state indicator. */
export function saveText(save: SaveState): string {
  switch (save.kind) {
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'invalid':
      return `Not saved: fix ${problemCount(save.problems)}`;
    case 'failed':
      return `Not saved: ${save.message}`;
    case 'readOnly':
      return 'Read-only';
  }
}

export function EditorHeader(props: EditorHeaderProps) {
  const { title, titleErrors, onTitleChange, save, onRetrySave, onShowProblems, canUndo, canRedo, onUndo, onRedo } = props;
  const { onExport, exporting, presentHref, onLeave, readOnly } = props;
  const titleId = fieldDomId('workshop', 'title');
  return (
    <header className={styles.header}>
      <a href="#/" className={styles.back} onClick={(event) => onLeave(event, '#/')} aria-label="Back to the library">
        <Icon name="back" />
        <span>Library</span>
      </a>
      <div className={styles.titleWrap}>
        <label htmlFor={titleId} className="visually-hidden">
          Workshop title
        </label>
        <input
          id={titleId}
          className={styles.title}
          value={title}
          readOnly={readOnly}
          aria-invalid={titleErrors?.length ? true : undefined}
          aria-describedby={describedBy(titleId, false, titleErrors)}
          onChange={(event) => onTitleChange(event.target.value)}
        />
        <FieldErrors id={titleId} errors={titleErrors} />
      </div>
      <div className={styles.statusWrap}>
        <p role="status" className={`${styles.status} ${styles[save.kind]}`} title={saveText(save)}>
          {save.kind === 'saved' && <Icon name="check" size={16} />}
          {(save.kind === 'invalid' || save.kind === 'failed') && <Icon name="warning" size={16} />}
          <span className={styles.statusText}>{saveText(save)}</span>
        </p>
        {save.kind === 'invalid' && (
          <Button size="small" onClick={onShowProblems} aria-label="Show problems">
            Show
          </Button>
        )}
        {save.kind === 'failed' && (
          <Button size="small" onClick={onRetrySave}>
            Try again
          </Button>
        )}
      </div>
      <div className={styles.actions}>
        {!readOnly && (
          <div className={styles.history} role="group" aria-label="History">
            <button
              type="button"
              className={styles.iconButton}
              onClick={onUndo}
              disabled={!canUndo}
              aria-label="Undo"
              aria-keyshortcuts={isMac ? 'Meta+Z' : 'Control+Z'}
              title={`Undo (${mod}Z)`}
            >
              <Icon name="undo" />
            </button>
            <button
              type="button"
              className={styles.iconButton}
              onClick={onRedo}
              disabled={!canRedo}
              aria-label="Redo"
              aria-keyshortcuts={isMac ? 'Meta+Shift+Z' : 'Control+Shift+Z Control+Y'}
              title={`Redo (${mod}Shift+Z)`}
            >
              <Icon name="redo" />
            </button>
          </div>
        )}
        <Button onClick={onExport} disabled={exporting} title="Save this workshop as a .plenary.json file">
          <Icon name="download" />
          Export
        </Button>
        <a href={presentHref} className={styles.present} onClick={(event) => onLeave(event, presentHref)}>
          <Icon name="play" />
          Present
        </a>
      </div>
    </header>
  );
}
