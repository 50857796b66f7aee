/**
 * The local server (scripts/serve.ts) on a tiny site of its own in a temporary folder: how it
 * answers a request Node refuses (an over-long URL, over-long headers, garbage), a missing page and
 * Pagefind's files. The site's files are placeholders, not directives.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clientErrorStatus, startServer } from '../../../scripts/serve.ts';

const SECURITY_HEADERS = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy'];

let site: string;
let server: { url: string; close: () => void };
let port: number;

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'archive-synthetic-serve-'));
  writeFileSync(join(site, 'index.html'), '<!DOCTYPE html><title>Trang thử</title>');
  writeFileSync(join(site, '404.html'), '<!DOCTYPE html><title>Không tìm thấy trang</title>');
  writeFileSync(join(site, '_headers'), '/*\n  X-Frame-Options: DENY\n');
  mkdirSync(join(site, 'pagefind/fragment'), { recursive: true });
  writeFileSync(join(site, 'pagefind/fragment/vi_1.pf_fragment'), Buffer.from([0x1f, 0x8b, 0x08, 0x00]));
  server = await startServer(site, 0);
  port = Number(new URL(server.url).port);
});
afterAll(() => {
  server?.close();
  rmSync(site, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/** Sends `request` byte for byte (fetch would refuse to send some of these) and reads the whole answer. */
function raw(request: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    socket.on('data', (chunk) => chunks.push(chunk));
    // The server closes after answering, possibly before it has read all we sent.
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
  });
}

const expectReadablePage = (response: RawResponse): void => {
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  for (const name of SECURITY_HEADERS) expect(response.headers.has(name), name).toBe(true);
  expect(response.body).toMatch(/^<!DOCTYPE html>/);
  expect(response.body).toContain('<html lang="vi">');
  expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(response.body));
};

describe('startServer: a request Node refuses gets a readable page', () => {
  test('a 20 kB URL is answered 414 with a page in Vietnamese saying the address is too long', async () => {
    const response = await raw(`GET /tim-kiem/?q=${'a+'.repeat(10_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    expect(response.status).toBe(414);
    expectReadablePage(response);
    expect(response.body).toContain('Địa chỉ quá dài');
    expect(response.body).toContain('32 từ đầu tiên');
  });
  test('headers over the limit with a short URL are answered 431 with a page saying the request is too large', async () => {
    const response = await raw(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${'c'.repeat(20_000)}\r\n\r\n`);
    expect(response.status).toBe(431);
    expectReadablePage(response);
    expect(response.body).toContain('Yêu cầu quá lớn');
  });
  test('a request that is not HTTP is answered 400 with a page', async () => {
    const response = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(response.status).toBe(400);
    expectReadablePage(response);
    expect(response.body).toContain('Yêu cầu không hợp lệ');
  });
});

describe('startServer: headers and types', () => {
  test('a missing page is answered 404 with the site\'s 404 page and the security headers', async () => {
    const response = await fetch(`${server.url}/van-ban/khong-co/`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    for (const name of SECURITY_HEADERS) expect(response.headers.has(name), name).toBe(true);
    expect(await response.text()).toContain('Không tìm thấy trang');
  });
  test('a missing Pagefind file is not cached for a year like the one it names', async () => {
    const response = await fetch(`${server.url}/pagefind/fragment/vi_khong_co.pf_fragment`);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control') ?? '').not.toContain('immutable');
  });
  test('a Pagefind fragment is application/octet-stream, _headers is text/plain', async () => {
    const fragment = await fetch(`${server.url}/pagefind/fragment/vi_1.pf_fragment`);
    expect(fragment.headers.get('content-type')).toBe('application/octet-stream');
    // gzip data that Pagefind unpacks itself: a Content-Encoding would make the browser unpack it first.
    expect(fragment.headers.get('content-encoding')).toBeNull();
    const headersFile = await fetch(`${server.url}/_headers`);
    expect(headersFile.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });
});

describe('clientErrorStatus', () => {
  const LIMIT = 16_384;
  test('reads a request line longer than the limit as a URL too long (414)', () => {
    expect(clientErrorStatus('HPE_HEADER_OVERFLOW', Buffer.from(`GET /${'a'.repeat(LIMIT + 10)} HTTP/1.1\r\n`), LIMIT)).toBe(414);
    expect(clientErrorStatus('HPE_HEADER_OVERFLOW', Buffer.from(`GET /${'a'.repeat(LIMIT + 10)}`), LIMIT)).toBe(414);
  });
  test('reads a short request line with long headers, or a later piece of a request, as headers too large (431)', () => {
    expect(clientErrorStatus('HPE_HEADER_OVERFLOW', Buffer.from(`GET / HTTP/1.1\r\nCookie: ${'c'.repeat(LIMIT)}`), LIMIT)).toBe(431);
    expect(clientErrorStatus('HPE_HEADER_OVERFLOW', Buffer.from('a'.repeat(LIMIT + 10)), LIMIT)).toBe(431);
    expect(clientErrorStatus('HPE_HEADER_OVERFLOW', undefined, LIMIT)).toBe(431);
  });
  test('answers the other refusals as Node does: 413, 408, else 400', () => {
    expect(clientErrorStatus('HPE_CHUNK_EXTENSIONS_OVERFLOW', undefined, LIMIT)).toBe(413);
    expect(clientErrorStatus('ERR_HTTP_REQUEST_TIMEOUT', undefined, LIMIT)).toBe(408);
    expect(clientErrorStatus('HPE_INVALID_METHOD', undefined, LIMIT)).toBe(400);
  });
});
