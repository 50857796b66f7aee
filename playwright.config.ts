/**
 * Browser tests (tests/e2e) against the built site in dist/, served by scripts/serve.ts on a free
 * port of 127.0.0.1 (started in tests/e2e/global-setup.ts). The site must already be built:
 * `npm run build` comes first; this config never builds.
 *
 * Chromium only, the machine's own (scripts/check-chromium.mjs): Playwright never downloads one.
 */
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath, NO_CHROMIUM } from './scripts/check-chromium.mjs';

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

const executablePath = chromiumPath();
if (!executablePath) throw new Error(NO_CHROMIUM);

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  use: {
    // Set by global-setup.ts in the runner; workers inherit it.
    baseURL: process.env.E2E_BASE_URL,
    trace: 'off',
    screenshot: 'off',
    video: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
});
