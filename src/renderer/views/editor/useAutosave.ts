/**
 * Autosave: valid content is written ~600 ms after the last edit, one request at a
 * time, always the newest content. Invalid content is never sent.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../api/client';
import type { WorkshopContent } from '../../../shared/model';

export const AUTOSAVE_DELAY_MS = 600;

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'invalid'; problems: number }
  | { kind: 'failed'; message: string }
  | { kind: 'readOnly' };

interface AutosaveOptions {
  api: ApiClient;
  workshopId: string;
  content: WorkshopContent;
  /** Number of validation problems; content with any is not saved. */
  problems: number;
  readOnly: boolean;
  delayMs?: number;
}

export interface Autosave {
  state: SaveState;
  /** Saves now what is waiting (before export, leaving, presenting). */
  flush: () => Promise<void>;
  /** True when what is on disk is the content on screen. */
  isSaved: () => boolean;
}

export function useAutosave({ api, workshopId, content, problems, readOnly, delayMs = AUTOSAVE_DELAY_MS }: AutosaveOptions): Autosave {
  const [state, setState] = useState<SaveState>(readOnly ? { kind: 'readOnly' } : { kind: 'saved' });
  // WARNING: history snapshots are immutable, so "saved" is a reference check; an
  // undo back to the saved content needs no request.
  const savedRef = useRef<WorkshopContent>(content);
  const latestRef = useRef({ content, problems, readOnly, workshopId });
  latestRef.current = { content, problems, readOnly, workshopId };
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlightRef = useRef<Promise<void> | null>(null);
  const mountedRef = useRef(true);

  const update = useCallback((next: SaveState) => {
    if (mountedRef.current) setState(next);
  }, []);

  const save = useCallback(async (): Promise<void> => {
    if (timerRef.current) {
      clearTimeout(timerRef.current);
      timerRef.current = null;
    }
    // One request at a time: wait for the one on its way, then send what is newest.
    while (inFlightRef.current) await inFlightRef.current;
    const { content: current, problems: count, readOnly: locked, workshopId: id } = latestRef.current;
    if (locked || count > 0 || current === savedRef.current) return;
    update({ kind: 'saving' });
    const request = api.call('workshops.update', { workshopId: id, content: current }).then(
      () => {
        savedRef.current = current;
        const latest = latestRef.current;
        if (latest.content === current) update({ kind: 'saved' });
        else if (latest.problems > 0) update({ kind: 'invalid', problems: latest.problems });
      },
      (error: Error) => {
        update({ kind: 'failed', message: error.message || 'the host did not answer' });
      },
    );
    inFlightRef.current = request.finally(() => {
      inFlightRef.current = null;
    });
    await inFlightRef.current;
    // Edits made while the request travelled are saved next, after their own delay.
  }, [api, update]);

  useEffect(() => {
    if (readOnly) {
      update({ kind: 'readOnly' });
      return;
    }
    if (problems > 0) {
      if (timerRef.current) clearTimeout(timerRef.current);
      timerRef.current = null;
      update({ kind: 'invalid', problems });
      return;
    }
    if (content === savedRef.current) {
      if (timerRef.current) clearTimeout(timerRef.current);
      timerRef.current = null;
      if (!inFlightRef.current) update({ kind: 'saved' });
      return;
    }
    update({ kind: 'saving' });
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => {
      timerRef.current = null;
      void save();
    }, delayMs);
  }, [content, problems, readOnly, delayMs, save, update]);

  // Leaving the editor (or the page) saves what is waiting rather than dropping it.
  useEffect(() => {
    mountedRef.current = true;
    const onHide = () => void save();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      mountedRef.current = false;
      if (timerRef.current) void save();
    };
  }, [save]);

  const isSaved = useCallback(() => latestRef.current.content === savedRef.current, []);
  return { state, flush: save, isSaved };
}
