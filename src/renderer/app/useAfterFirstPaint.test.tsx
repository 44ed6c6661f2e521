// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useAfterFirstPaint } from './useAfterFirstPaint';

function Page() {
  const later = useAfterFirstPaint();
  return (
    <main>
      <h1>First</h1>
      {later && <aside>Later</aside>}
    </main>
  );
}

describe('useAfterFirstPaint', () => {
  it('leaves the later part out of the first render, and draws it once that render is painted', async () => {
    vi.useFakeTimers();
    try {
      render(<Page />);
      expect(screen.getByRole('heading', { name: 'First' })).toBeTruthy();
      expect(screen.queryByText('Later')).toBeNull();
      await act(async () => {
        await vi.runAllTimersAsync();
      });
      expect(screen.getByText('Later')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});
