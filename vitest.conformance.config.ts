import { defineConfig } from 'vitest/config';

// Conformance tests read the public test material in ../shared/data in place.
export default defineConfig({
  test: {
    include: ['src/**/*.conformance.ts'],
    passWithNoTests: true,
    testTimeout: 120_000,
  },
});
