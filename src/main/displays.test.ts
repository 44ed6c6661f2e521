import { describe, expect, it } from 'vitest';
import { pickAudienceDisplay } from './displays';

const d = (id: number, x: number) => ({ id, bounds: { x, y: 0, width: 1920, height: 1080 } });

describe('pickAudienceDisplay', () => {
  it('has nothing to pick with one display', () => {
    expect(pickAudienceDisplay([d(1, 0)], 1)).toBeNull();
    expect(pickAudienceDisplay([], null)).toBeNull();
  });

  it('picks a display the presenter is not on', () => {
    expect(pickAudienceDisplay([d(1, 0), d(2, 1920)], 1)?.id).toBe(2);
    expect(pickAudienceDisplay([d(1, 0), d(2, 1920)], 2)?.id).toBe(1);
    expect(pickAudienceDisplay([d(1, 0), d(2, 1920), d(3, 3840)], 2)?.id).toBe(1);
  });

  it('picks the first other display when the presenter is nowhere known', () => {
    expect(pickAudienceDisplay([d(1, 0), d(2, 1920)], null)?.id).toBe(1);
  });
});
