import { defineConfig } from 'vitest/config';

// Fast tests. Builds of synthetic archives (tests/scale, tests/hostile) run one file at a time under
// tests/scale/vitest.config.ts; browser tests run under Playwright (tests/e2e).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/eval/**/*.test.ts', 'tests/ingest/**/*.test.ts', 'tests/audit/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
