import { defineConfig } from 'vitest/config';

// Browser tests: real server, real Chromium (GENVEI_CHROMIUM, default /usr/bin/chromium).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
