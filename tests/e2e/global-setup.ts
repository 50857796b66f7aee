/**
 * Serves the built site (dist/) on a free port of 127.0.0.1 for the whole run, the way `npm start`
 * does, and hands its URL to the workers in E2E_BASE_URL. The returned function is the teardown.
 */
import { existsSync } from 'node:fs';
import { startServer } from '../../scripts/serve.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  for (const file of ['dist/index.html', 'dist/404.html']) {
    if (!existsSync(file)) {
      throw new Error(`${file} is missing: build the site first (npm run build), then run the browser tests.`);
    }
  }
  const server = await startServer('dist', 0);
  process.env.E2E_BASE_URL = server.url;
  return async () => server.close();
}
