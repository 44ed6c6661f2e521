// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { JoinCard } from './JoinCard';

afterEach(cleanup);

describe('JoinCard', () => {
  it('shows the address, the join code and a QR code of the address', async () => {
    render(<JoinCard url="http://192.168.1.20:4800/p/ABC234" code="ABC234" />);
    const card = screen.getByRole('complementary', { name: 'Join from your phone' });
    expect(card.textContent).toContain('192.168.1.20:4800/p/ABC234');
    expect(card.textContent).toContain('Code ABC234');
    // The QR encoder loads on first use, then draws the code as an SVG image.
    const qr = (await screen.findByRole('img', { name: 'QR code for http://192.168.1.20:4800/p/ABC234' }, { timeout: 5000 })) as HTMLImageElement;
    const svg = decodeURIComponent(qr.src.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 (\d+) \1"/);
    expect(svg).toContain('<path');
  });
});
