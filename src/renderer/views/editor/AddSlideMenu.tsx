/** "Add slide": a menu button offering each slide kind. */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SlideKind } from '../../../shared/model';
import { Icon } from './Icon';
import { addableKinds, kindDescriptions, kindLabels } from './slideOps';
import styles from './AddSlideMenu.module.css';

interface AddSlideMenuProps {
  onAdd: (kind: SlideKind) => void;
  disabled?: boolean;
}

export function AddSlideMenu({ onAdd, disabled }: AddSlideMenuProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);

  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const go = (index: number) => all[(index + all.length) % all.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        go(at + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        go(at - 1);
        break;
      case 'Home':
        event.preventDefault();
        go(0);
        break;
      case 'End':
        event.preventDefault();
        go(all.length - 1);
        break;
      case 'Escape':
        event.preventDefault();
        close(true);
        break;
      case 'Tab':
        close(false);
        break;
    }
  };

  const pick = (kind: SlideKind) => {
    setOpen(false);
    onAdd(kind);
  };

  return (
    <div className={styles.wrap} ref={wrapRef}>
      <button
        ref={buttonRef}
        type="button"
        className={styles.button}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <Icon name="plus" />
        Add slide
      </button>
      {open && (
        <ul id={menuId} ref={menuRef} role="menu" aria-label="Slide kind" className={styles.menu} onKeyDown={onMenuKey}>
          {addableKinds.map((kind) => (
            <li
              key={kind}
              role="menuitem"
              tabIndex={-1}
              className={styles.item}
              aria-labelledby={`${menuId}-${kind}-name`}
              aria-describedby={`${menuId}-${kind}`}
              onClick={() => pick(kind)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  pick(kind);
                }
              }}
            >
              <span id={`${menuId}-${kind}-name`} className={styles.kindName}>
                {kindLabels[kind]}
              </span>
              <span id={`${menuId}-${kind}`} className={styles.kindHint}>
                {kindDescriptions[kind]}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
