// Runs the scale and hostile-input tests (tests/scale, tests/hostile) one file at a time:
//   npx vitest run --config tests/scale/vitest.config.ts
// Each file ingests and builds a synthetic archive in a temporary folder; on a 2-core machine two
// Astro builds at once only slow each other down.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../../', import.meta.url)),
  test: {
    include: ['tests/scale/**/*.test.ts', 'tests/hostile/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
