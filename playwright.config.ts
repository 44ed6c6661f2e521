import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests. The browser project drives Debian's Chromium against the Node
 * host (each test file starts its own `out/main/serve.js` with a fresh data
 * folder; see tests/e2e/fixtures.ts). The electron project drives the desktop
 * app and skips, saying why, where Electron's binary is absent.
 */
const chromiumPath = process.env.PLENARY_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['line']] : [['list']],
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    },
  },
  projects: [
    { name: 'chromium', testDir: 'tests/e2e', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } },
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
