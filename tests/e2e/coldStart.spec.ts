import type { Page } from '@playwright/test';
import { expect, test, type SessionLike } from './fixtures';

interface SentRequest {
  url: string;
  /** The scripts on the stack that sent it, innermost first. */
  scripts: string[];
}

/** Records the page's RPCs and which scripts sent them (Chromium's own record of the initiator). */
async function recordRpcs(page: Page): Promise<SentRequest[]> {
  const sent: SentRequest[] = [];
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (event) => {
    if (!event.request.url.includes('/api/rpc/')) return;
    const frames = event.initiator.stack?.callFrames ?? [];
    sent.push({ url: event.request.url, scripts: frames.map((frame) => frame.url) });
  });
  await cdp.send('Network.enable');
  return sent;
}

test('the presenter opened straight reads its session from the boot script, draws the slide, then its side panels', async ({ page, host }) => {
  const session = await host.rpc<SessionLike>('sessions.create', { workshopId: 'leader-or-manager', title: 'Cold start' });
  const sent = await recordRpcs(page);
  await host.open(page, `#/present/${session.id}`);
  await expect(page.getByRole('region', { name: 'Current slide' }).getByRole('heading', { level: 1 })).toBeVisible();
  // The side panels follow the slide.
  await expect(page.getByRole('heading', { name: 'Next', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Notes', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your notes (kept for the report)' })).toBeVisible();
  await expect(page.getByText('Phones and join address')).toBeVisible();
  // The first read of the session was sent by the boot script, and the app used it:
  // the only other read of it is the one after the event stream opened (hooks.ts).
  const reads = sent.filter((request) => request.url.endsWith('/api/rpc/sessions.get'));
  expect(reads[0]?.scripts.some((script) => /\/assets\/boot-[\w-]+\.js$/.test(script))).toBe(true);
  expect(reads.length).toBeLessThanOrEqual(2);
});

test('the results view opened straight gets its session and summary from the boot script', async ({ page, host }) => {
  const session = await host.rpc<SessionLike>('sessions.create', { workshopId: 'leader-or-manager', title: 'Cold results' });
  const sent = await recordRpcs(page);
  await host.open(page, `#/results/${session.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Cold results' })).toBeVisible();
  for (const name of ['sessions.get', 'reports.get']) {
    const reads = sent.filter((request) => request.url.endsWith(`/api/rpc/${name}`));
    expect(reads[0]?.scripts.some((script) => /\/assets\/boot-[\w-]+\.js$/.test(script)), name).toBe(true);
  }
  // One summary read: the view took the boot's.
  expect(sent.filter((request) => request.url.endsWith('/api/rpc/reports.get'))).toHaveLength(1);
});

test("the results view opened straight fetches the charts' code from the boot script, beside the app's bundle", async ({ page, host }) => {
  const session = await host.rpc<SessionLike>('sessions.create', { workshopId: 'leader-or-manager', title: 'Cold charts' });
  const isCharts = (url: string) => /\/assets\/charts-[\w-]+\.js$/.test(url);
  let chartsAsked: () => void = () => undefined;
  const charts = new Promise<'asked'>((resolve) => (chartsAsked = () => resolve('asked')));
  page.on('request', (request) => isCharts(request.url()) && chartsAsked());
  // The app's bundle is held back until the charts are asked for: only the boot script can ask first.
  let beforeBundle: 'asked' | 'not asked' = 'not asked';
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    beforeBundle = await Promise.race([charts, new Promise<'not asked'>((resolve) => setTimeout(() => resolve('not asked'), 5000))]);
    await route.continue();
  });
  await host.open(page, `#/results/${session.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Cold charts' })).toBeVisible();
  expect(beforeBundle).toBe('asked');
});
