// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useChartColors } from './chartKit';

let renders = 0;
function Swatch() {
  const colors = useChartColors('screen');
  renders += 1;
  return <p>{colors.leader}</p>;
}

/** Lets the MutationObserver's records reach the hook. */
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

afterEach(() => {
  document.documentElement.removeAttribute('data-theme');
  document.documentElement.removeAttribute('style');
});

describe('useChartColors', () => {
  it("draws the chart again when the theme's colours change, not when <html> is written with what it had", async () => {
    render(<Swatch />);
    expect(screen.getByText('#0072b2')).toBeTruthy();
    const before = renders;
    // At start-up the app writes the theme and the text scale: nothing a chart draws changes.
    document.documentElement.dataset.theme = 'light';
    document.documentElement.style.setProperty('--text-scale', '1');
    await settle();
    expect(renders).toBe(before);
    document.documentElement.style.setProperty('--leader', '#123456');
    await settle();
    expect(screen.getByText('#123456')).toBeTruthy();
    expect(renders).toBeGreaterThan(before);
  });
});
