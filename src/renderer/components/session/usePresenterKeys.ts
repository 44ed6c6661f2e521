/** Binds the presenter's keys (keymap.ts) to a session's actions, on the whole window. */
import { useEffect, useRef, useState } from 'react';
import { leaveFullScreen, toggleFullScreen } from '../../app/fullScreen';
import { initialKeyState, interpretKey, isTypingTarget, type KeyAction } from './keymap';
import type { SessionActions } from './useSessionActions';

export interface KeyHandlers {
  actions: SessionActions;
  onHelp: () => void;
  onFullscreen: () => void;
}

/** A typed group number waits this long for its letter. */
const PENDING_MS = 4000;

export function usePresenterKeys({ actions, onHelp, onFullscreen }: KeyHandlers): number | null {
  const [pendingGroup, setPendingGroup] = useState<number | null>(null);
  const state = useRef(initialKeyState);
  const handlers = useRef({ actions, onHelp, onFullscreen });
  handlers.current = { actions, onHelp, onFullscreen };

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = (action: KeyAction) => {
      const { actions: a, onHelp: help, onFullscreen: fullscreen } = handlers.current;
      switch (action.type) {
        case 'next':
          return a.next();
        case 'previous':
          return a.previous();
        case 'blackout':
          return a.blackout();
        case 'fullscreen':
          return fullscreen();
        case 'exitFullscreen':
          return void leaveFullScreen();
        case 'toggleVoting':
          return a.toggleVoting();
        case 'reveal':
          return a.reveal();
        case 'undo':
          return a.undo();
        case 'byGroup':
          return a.toggleByGroup();
        case 'help':
          return help();
        case 'pickGroup':
          return;
        case 'vote':
          return a.vote(action.groupNumber, action.optionIndex);
      }
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      // A dialog (help, confirm) owns the keyboard while it is open.
      if (document.querySelector('dialog[open]')) return;
      const { action, state: next } = interpretKey(event.key, state.current);
      state.current = next;
      setPendingGroup(next.pendingGroup);
      clearTimeout(timer);
      if (next.pendingGroup !== null) {
        timer = setTimeout(() => {
          state.current = initialKeyState;
          setPendingGroup(null);
        }, PENDING_MS);
      }
      if (!action) return;
      // Space and arrows would otherwise scroll or press a focused button.
      if (action.type !== 'exitFullscreen') event.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      clearTimeout(timer);
    };
  }, []);
  return pendingGroup;
}

/** Full screen: the window, by the shell, in the desktop app; the page in a browser (app/fullScreen.ts). */
export function toggleFullscreen(): void {
  void toggleFullScreen();
}
