/** Binds the presenter's keys (keymap.ts) to a session's actions, on the whole window. */
import { useEffect, useRef, useState } from 'react';
import type { Session } from '../../../shared/model';
import { leaveFullScreen, toggleFullScreen } from '../../app/fullScreen';
import { initialKeyState, interpretKey, isTypingTarget, PENDING_MS, pendingGroupOf, type KeyAction } from './keymap';
import { currentQuestion, type SessionActions } from './useSessionActions';

export interface KeyHandlers {
  session: Session | undefined;
  actions: SessionActions;
  onHelp: () => void;
  onFullscreen: () => void;
  /** J: the slide picker (the presenter only). */
  onPicker?: () => void;
}

export function usePresenterKeys({ session, actions, onHelp, onFullscreen, onPicker }: KeyHandlers): number | null {
  const [pendingGroup, setPendingGroup] = useState<number | null>(null);
  const state = useRef(initialKeyState);
  const handlers = useRef({ session, actions, onHelp, onFullscreen, onPicker });
  handlers.current = { session, actions, onHelp, onFullscreen, onPicker };

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = (action: KeyAction) => {
      const { actions: a, onHelp: help, onFullscreen: fullscreen, onPicker: picker } = handlers.current;
      switch (action.type) {
        case 'next':
          return a.next();
        case 'previous':
          return a.previous();
        case 'first':
          return a.first();
        case 'last':
          return a.last();
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
        case 'voteAgain':
          return a.voteAgain();
        case 'byGroup':
          return a.toggleByGroup();
        case 'timer':
          return a.toggleTimer();
        case 'picker':
          return picker?.();
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
      // A dialog (help, confirm, the slide picker) owns the keyboard while it is open.
      if (document.querySelector('dialog[open]')) return;
      const { session: s, actions: a } = handlers.current;
      const question = s ? currentQuestion(s) : null;
      const now = Date.now();
      const { action, state: next, message } = interpretKey(event.key, state.current, now, {
        groupCount: s?.groups.length ?? 0,
        optionCount: question?.options.length ?? 0,
      });
      state.current = next;
      setPendingGroup(pendingGroupOf(next, now));
      clearTimeout(timer);
      if (next.lastDigitAt !== null) {
        timer = setTimeout(() => {
          state.current = initialKeyState;
          setPendingGroup(null);
        }, PENDING_MS);
      }
      if (message) {
        event.preventDefault();
        a.say(message);
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
