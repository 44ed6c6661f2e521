/** Data hooks shared by the views: a command's answer, and a live session. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommandInput, CommandName, CommandOutput, PlenaryEvent } from '../../shared/contract';
import type { Session } from '../../shared/model';
import { useApi } from './ApiContext';

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs a command and keeps its answer; runs it again when `refreshOn` says an
 * event matters (e.g. `workshops.changed` for the library).
 */
export function useCommand<N extends CommandName>(
  name: N,
  input: CommandInput<N>,
  refreshOn?: (event: PlenaryEvent) => boolean,
): Loaded<CommandOutput<N>> {
  const api = useApi();
  // A read started ahead that has already come is drawn in the first render.
  const [state, setState] = useState<{ data?: CommandOutput<N>; error?: Error; loading: boolean }>(() => {
    const data = api.peekPrefetched(name, input);
    return data === undefined ? { loading: true } : { data, loading: false };
  });
  const key = JSON.stringify(input);
  const refreshRef = useRef(refreshOn);
  refreshRef.current = refreshOn;
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    let live = true;
    api.call(name, JSON.parse(key) as CommandInput<N>).then(
      // The same answer as the first render's (the read started ahead) changes nothing.
      (data) => live && setState((s) => (s.data === data ? s : { data, loading: false })),
      (error: Error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [api, name, key, tick]);

  useEffect(() => api.subscribe((event) => refreshRef.current?.(event) && reload()), [api, reload]);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** A session kept current by the core's events: windows render snapshots, never hold the truth. */
export function useLiveSession(sessionId: string): Loaded<Session> {
  const api = useApi();
  const [state, setState] = useState<{ data?: Session; error?: Error; loading: boolean }>(() => {
    const data = api.peekPrefetched('sessions.get', { sessionId });
    return data === undefined ? { loading: true } : { data, loading: false };
  });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    let live = true;
    const unsubscribe = api.subscribe((event) => {
      if (!live || !('sessionId' in event.data) || event.data.sessionId !== sessionId) return;
      if (event.name === 'vote.cast' || event.name === 'count.set') {
        const { questionId, question } = event.data;
        setState((s) => (s.data ? { ...s, data: { ...s.data, questions: { ...s.data.questions, [questionId]: question } } } : s));
      } else if ('session' in event.data) {
        const session = event.data.session;
        setState({ data: session, loading: false });
      } else if (event.name === 'session.deleted') {
        setState({ error: new Error('This session was deleted.'), loading: false });
      }
    });
    // Subscribe first, then fetch: nothing that happens in between is missed.
    api.call('sessions.get', { sessionId }).then(
      (data) => live && setState((s) => (s.data && (s.data === data || s.data.updatedAt > data.updatedAt) ? s : { data, loading: false })),
      (error: Error) => live && setState({ error, loading: false }),
    );
    // After a dropped stream, fetch again: events sent meanwhile were lost. This
    // includes the stream's first opening, which may come after the first fetch.
    // An unchanged session keeps the state as it is: re-rendering a page of charts
    // for the same numbers costs the facilitator a frozen moment.
    let wasConnected: boolean | null = null;
    const unwatch = api.onConnection((connected) => {
      if (connected && wasConnected === false) {
        api.call('sessions.get', { sessionId }).then(
          (data) => live && setState((s) => (s.data && sameSession(s.data, data) ? s : { data, loading: false })),
          () => undefined,
        );
      }
      wasConnected = connected;
    });
    return () => {
      live = false;
      unsubscribe();
      unwatch();
    };
  }, [api, sessionId, tick]);

  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** Same content: compared as JSON, which is how it came over the wire (a few ms for a large session). */
function sameSession(a: Session, b: Session): boolean {
  return a.updatedAt === b.updatedAt && JSON.stringify(a) === JSON.stringify(b);
}
