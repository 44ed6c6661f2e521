import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code; the renderer's run in jsdom, the rest in Node.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    // 2 cores here: more workers only fight each other for the disk.
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
