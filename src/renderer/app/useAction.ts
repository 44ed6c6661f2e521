import { useCallback, useState } from 'react';

/** What an action said when it ended: done (a line for a status region) or failed (for an alert). */
export interface ActionMessage {
  text: string;
  error: boolean;
}

/**
 * Runs a button's action one at a time: `busy` while it runs (to disable the
 * buttons), then its line (or its error's message) in `message`. An action that
 * returns null (the user cancelled a dialog) says nothing.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const run = useCallback(async (action: () => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      const done = await action();
      if (done) setMessage({ text: done, error: false });
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, message, run };
}
