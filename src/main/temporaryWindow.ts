/**
 * A window made for one job (the hidden report window that becomes a PDF): it is
 * destroyed when the job ends, however it ends, its page failing to load included.
 * Only types: this runs under plain Node in its test.
 */

/** The part of a BrowserWindow this needs. */
export interface DisposableWindow {
  isDestroyed(): boolean;
  destroy(): void;
}

/** Makes a window, loads it, hands it to `use`, and destroys it afterwards, on success or failure. */
export async function withTemporaryWindow<W extends DisposableWindow, T>(create: () => W, load: (window: W) => Promise<void>, use: (window: W) => Promise<T>): Promise<T> {
  const window = create();
  try {
    await load(window);
    return await use(window);
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
}
