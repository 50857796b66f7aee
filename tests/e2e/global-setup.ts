/**
 * Serves the built site on a free port of 127.0.0.1 for the whole run, the way `npm start` does,
 * and hands its URL to the workers in E2E_BASE_URL. The returned function is the teardown.
 * The site is dist/ (E2E_DIST names another build, e.g. one made with `astro build --outDir`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.ts';
import { DIST_DIR } from './support/archive.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  for (const file of ['index.html', '404.html']) {
    if (!existsSync(join(DIST_DIR, file))) {
      throw new Error(`${join(DIST_DIR, file)} is missing: build the site first (npm run build), then run the browser tests.`);
    }
  }
  const server = await startServer(DIST_DIR, 0);
  process.env.E2E_BASE_URL = server.url;
  return async () => server.close();
}
