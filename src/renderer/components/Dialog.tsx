/**
 * Modal dialogs on the native <dialog> element: focus is trapped and Esc closes,
 * as assistive technology expects. Plus a toast with an Undo button.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from './Button';
import styles from './Dialog.module.css';

interface DialogProps {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  actions: ReactNode;
  /** For a dialog that needs more room than the standard width (the slide picker). */
  className?: string;
}

export function Dialog({ title, open, onClose, children, actions, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal?.();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className={`${styles.dialog} ${className ?? ''}`} aria-label={title} onClose={onClose} onCancel={onClose}>
      <h2>{title}</h2>
      {children}
      <div className={styles.actions}>{actions}</div>
    </dialog>
  );
}

interface ConfirmProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  open: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ title, message, confirmLabel, danger, open, onConfirm, onCancel }: ConfirmProps) {
  return (
    <Dialog
      title={title}
      open={open}
      onClose={onCancel}
      actions={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button intent={danger ? 'danger' : 'primary'} onClick={onConfirm} autoFocus>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <p>{message}</p>
    </Dialog>
  );
}

interface PromptProps {
  title: string;
  label: string;
  initial: string;
  confirmLabel: string;
  open: boolean;
  onSubmit: (value: string) => void;
  onCancel: () => void;
}

export function PromptDialog({ title, label, initial, confirmLabel, open, onSubmit, onCancel }: PromptProps) {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    if (open) setValue(initial);
  }, [open, initial]);
  const submit = () => value.trim() && onSubmit(value.trim());
  return (
    <Dialog
      title={title}
      open={open}
      onClose={onCancel}
      actions={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button intent="primary" onClick={submit} disabled={!value.trim()}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <label className={styles.field}>
        <span>{label}</span>
        <input
          value={value}
          autoFocus
          maxLength={200}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => event.key === 'Enter' && submit()}
        />
      </label>
    </Dialog>
  );
}

/** A message at the bottom of the screen, with an optional action (Undo). */
export function Toast({ message, actionLabel, onAction, onDismiss }: { message: string; actionLabel?: string; onAction?: () => void; onDismiss: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, 8000);
    return () => clearTimeout(timer);
  }, [onDismiss, message]);
  return (
    <div className={styles.toast} role="status">
      <span>{message}</span>
      {actionLabel && onAction && (
        <Button size="small" onClick={onAction}>
          {actionLabel}
        </Button>
      )}
    </div>
  );
}
