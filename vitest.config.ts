import { defineConfig } from 'vitest/config';

// The README's `npm test`: unit and integration tests beside the code, on PGlite by default
// (GENVEI_TEST_DATABASE_URL runs the same suite against a PostgreSQL server).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
