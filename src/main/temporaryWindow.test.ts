import { describe, expect, it } from 'vitest';
import { withTemporaryWindow } from './temporaryWindow';

function fakeWindow() {
  return {
    destroyed: false,
    isDestroyed() {
      return this.destroyed;
    },
    destroy() {
      this.destroyed = true;
    },
  };
}

describe('a window made for one job', () => {
  it('is destroyed once the job is done, and gives back its result', async () => {
    const window = fakeWindow();
    expect(await withTemporaryWindow(() => window, async () => undefined, async () => 'pdf')).toBe('pdf');
    expect(window.destroyed).toBe(true);
  });

  it('is destroyed when its page fails to load, and the failure reaches the caller', async () => {
    const window = fakeWindow();
    let used = false;
    const job = withTemporaryWindow(
      () => window,
      async () => {
        throw new Error('ERR_FILE_NOT_FOUND');
      },
      async () => {
        used = true;
      },
    );
    await expect(job).rejects.toThrow('ERR_FILE_NOT_FOUND');
    expect(window.destroyed).toBe(true);
    expect(used).toBe(false);
  });

  it('is destroyed when the job fails', async () => {
    const window = fakeWindow();
    await expect(withTemporaryWindow(() => window, async () => undefined, async () => Promise.reject(new Error('timeout')))).rejects.toThrow('timeout');
    expect(window.destroyed).toBe(true);
  });
});
