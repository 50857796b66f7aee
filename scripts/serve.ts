/**
 * `npm start` serves the built site (dist/) on 127.0.0.1. PORT picks the port (default 4321;
 * 0 takes a free one). The Playwright tests start it the same way.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import sirv from 'sirv';
import { headersFor } from '../src/site/security.ts';

const CHARSET_TYPES: Record<string, string> = { '.txt': 'text/plain', '.md': 'text/markdown', '.json': 'application/json', '.xml': 'application/xml' };

export function startServer(dir = 'dist', port = Number(process.env.PORT ?? 4321)): Promise<{ url: string; close: () => void }> {
  const notFound = readFileSync(`${dir}/404.html`);
  const files = sirv(dir, {
    // Look files up per request: a rebuild of dist/ while serving must not crash or serve stale lists.
    dev: true,
    etag: true,
    // Serve the .br/.gz files the build writes beside shared assets, as a host would.
    brotli: true,
    gzip: true,
    extensions: ['html'],
    // Raw sources and downloads are UTF-8 Vietnamese: say so, or browsers guess Latin-1.
    setHeaders: (res, pathname) => {
      const type = CHARSET_TYPES[pathname.slice(pathname.lastIndexOf('.'))];
      if (type) res.setHeader('Content-Type', `${type}; charset=utf-8`);
      // The rules of dist/_headers, so the local server behaves like the real host (sirv's own
      // Cache-Control: no-cache stays for the files no rule names).
      for (const [name, value] of headersFor(pathname)) res.setHeader(name, value);
    },
  });
  const server = createServer((req, res) =>
    files(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(notFound);
    }),
  );
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ url: `http://127.0.0.1:${actual}`, close: () => server.close() });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { parseCli } = await import('./cli.ts');
  const { existsSync } = await import('node:fs');
  parseCli({
    name: 'serve',
    command: 'npm run preview --',
    summary:
      'Serves the built site (dist/) on 127.0.0.1 as its host would (headers of dist/_headers, precompressed files),\n' +
      'without building it: run `npm run build` first, or `npm start` to build and serve.',
    options: {},
    env: { PORT: 'the port to listen on (default: 4321; 0 takes a free one)' },
    examples: ['npm run preview', 'PORT=8080 npm run preview'],
  });
  if (!existsSync('dist/404.html')) {
    console.error('serve: dist/ holds no built site; run `npm run build` first (or `npm start` to build and serve).');
    process.exit(1);
  }
  const { url } = await startServer();
  console.log(`Serving dist/ at ${url}/ (Ctrl+C to stop)`);
}
