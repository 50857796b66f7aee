/**
 * `npm start` serves the built site (dist/) on 127.0.0.1. PORT picks the port (default 4321;
 * 0 takes a free one). The Playwright tests start it the same way.
 *
 * It answers the way the real host does with dist/_headers: every response carries the security
 * headers (src/site/security.ts), a "not found" included, and every file its Content-Type. A request
 * Node cannot read (a URL or headers over its 16 kB limit, a malformed request) gets a short page in
 * Vietnamese saying what happened, not a bare status line.
 */
import { createServer, maxHeaderSize, STATUS_CODES } from 'node:http';
import { readFileSync } from 'node:fs';
import sirv from 'sirv';
import { CONTENT_TYPES, contentTypeOf, headersFor, NOT_FOUND_PAGE } from '../src/site/security.ts';
import { QUERY_LIMITS } from '../src/search/shared/query.ts';

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
    setHeaders: (res, pathname) => {
      // sirv knows neither Pagefind's extensions nor any charset but HTML's. A path without an
      // extension is a page: sirv serves it from <path>.html or <path>/index.html.
      const type = contentTypeOf(pathname) ?? (/\/[^/.]*$/.test(pathname) ? CONTENT_TYPES['.html']! : null);
      if (type) res.setHeader('Content-Type', type);
      // The rules of dist/_headers, so the local server behaves like the real host (sirv's own
      // Cache-Control: no-cache stays for the files no rule names).
      for (const [name, value] of headersFor(pathname)) res.setHeader(name, value);
    },
  });
  const server = createServer((req, res) =>
    files(req, res, () => {
      res.writeHead(404, [...headersFor(NOT_FOUND_PAGE), ['Content-Type', 'text/html; charset=utf-8']]);
      res.end(notFound);
    }),
  );
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket) => {
    // A client that went away needs no answer; one already answered (a long request errs again on
    // each further chunk) gets no second.
    if (error.code === 'ECONNRESET' || !socket.writable || socket.writableEnded) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorResponse(clientErrorStatus(error.code, error.rawPacket, maxHeaderSize)));
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ url: `http://127.0.0.1:${actual}`, close: () => server.close() });
    });
  });
}

/**
 * The status of a request Node's parser refused, as Node itself would answer it (431 for headers
 * over the limit, 413, 408, else 400), except that a request line alone over the limit is what it
 * is, a URL too long (414): the limit counts the URL with the headers, and a search link pasted
 * whole is the usual way to reach it. `rawPacket` is what had arrived when the parser gave up.
 */
export function clientErrorStatus(code: string | undefined, rawPacket: Buffer | undefined, limit: number): number {
  if (code === 'HPE_HEADER_OVERFLOW') {
    const start = rawPacket?.toString('latin1', 0, limit + 2) ?? '';
    const lineEnd = start.indexOf('\r\n');
    return /^[A-Z]+ /.test(start) && (lineEnd === -1 || lineEnd > limit) ? 414 : 431;
  }
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return 413;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/** What each refusal tells the reader: what happened and what to do. */
const CLIENT_ERROR_TEXT: Record<number, { title: string; advice: string }> = {
  414: {
    title: 'Địa chỉ quá dài',
    advice: `Đường dẫn này dài hơn mức máy chủ nhận được. Nếu bạn đang tìm kiếm, hãy rút ngắn từ khóa: trang tìm kiếm chỉ dùng ${QUERY_LIMITS.words} từ đầu tiên.`,
  },
  431: {
    title: 'Yêu cầu quá lớn',
    advice: 'Địa chỉ hoặc phần đầu của yêu cầu (cookie, tiêu đề) dài hơn mức máy chủ nhận được. Hãy rút ngắn đường dẫn hoặc xóa cookie của trang rồi thử lại.',
  },
  408: { title: 'Hết thời gian chờ', advice: 'Máy chủ không nhận được yêu cầu đầy đủ trong thời gian cho phép. Hãy thử lại.' },
  413: { title: 'Yêu cầu quá lớn', advice: 'Yêu cầu dài hơn mức máy chủ nhận được. Hãy thử lại với một đường dẫn ngắn hơn.' },
  400: { title: 'Yêu cầu không hợp lệ', advice: 'Máy chủ không đọc được yêu cầu này. Hãy kiểm tra lại đường dẫn.' },
};

/**
 * A whole HTTP response for a refused request: a short page in Vietnamese, with the security
 * headers of every page, and the connection closed (the rest of the request is never read).
 */
export function clientErrorResponse(status: number): Buffer {
  const { title, advice } = CLIENT_ERROR_TEXT[status] ?? CLIENT_ERROR_TEXT[400]!;
  const body = Buffer.from(
    `<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n<h1>${title}</h1>\n<p>${advice}</p>\n<p><a href="/">Trang chủ</a> · <a href="/tim-kiem/">Tìm kiếm</a></p>\n</body>\n</html>\n`,
  );
  const headers: Array<[string, string | number]> = [
    ...headersFor(NOT_FOUND_PAGE),
    ['Content-Type', 'text/html; charset=utf-8'],
    ['Content-Length', body.length],
    ['Connection', 'close'],
  ];
  const head = `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers.map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
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
