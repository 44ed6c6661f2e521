import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../shared/errors';
import { failure, safeFileName, settle } from './ipcResult';

describe('failure', () => {
  it('passes an ApiError through as its body', () => {
    const log = vi.fn();
    expect(failure(new ApiError('not_found', 'No such session.', 'sessionId'), 'x', log)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No such session.', path: 'sessionId' },
    });
    expect(log).not.toHaveBeenCalled();
  });

  it('hides anything else behind a generic message, and logs it', () => {
    const log = vi.fn();
    const result = failure(new Error('ENOENT: /home/me/secret'), 'sessions.get', log);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.not.stringContaining('secret') as unknown } });
    expect(log).toHaveBeenCalledOnce();
  });
});

describe('settle', () => {
  it('wraps values', async () => {
    await expect(settle('x', async () => 42)).resolves.toEqual({ ok: true, value: 42 });
  });
});

describe('safeFileName', () => {
  it('keeps ordinary titles', () => {
    expect(safeFileName('Leader or Manager? – Team A', 'pdf')).toBe('Leader or Manager – Team A.pdf');
  });

  it('removes what file systems refuse', () => {
    expect(safeFileName('a/b\\c:d*e"f<g>h|i', 'csv')).toBe('a b c d e f g h i.csv');
    expect(safeFileName('..hidden. ', 'pdf')).toBe('hidden.pdf');
    expect(safeFileName('line\nbreak', 'pdf')).toBe('line break.pdf');
  });

  it('falls back for empty and reserved names', () => {
    expect(safeFileName('   ', 'pdf')).toBe('Plenary.pdf');
    expect(safeFileName('CON', 'pdf')).toBe('Plenary.pdf');
    expect(safeFileName('???', 'pdf', 'Report')).toBe('Report.pdf');
  });

  it('keeps names short', () => {
    expect(safeFileName('x'.repeat(500), 'pdf').length).toBeLessThanOrEqual(124);
  });
});
