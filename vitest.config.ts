import { defineConfig } from 'vitest/config';

// Unit and ingest tests only; browser tests run under Playwright (tests/e2e).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/eval/**/*.test.ts', 'tests/ingest/**/*.test.ts', 'tests/build/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
