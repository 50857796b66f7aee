/** The address absolute links are built on (src/site/site-url.ts), and the warning when it is the local one. */
import { describe, expect, test } from 'vitest';
import { LOCAL_SITE_URL, localSiteWarning, siteUrl } from '../../../src/site/site-url.ts';

describe('siteUrl', () => {
  test('is SITE_URL when set, else the local server http://127.0.0.1:4321', () => {
    expect(siteUrl({ SITE_URL: 'https://archive.example.org' })).toBe('https://archive.example.org');
    expect(siteUrl({})).toBe('http://127.0.0.1:4321');
    expect(siteUrl({ SITE_URL: '' })).toBe(LOCAL_SITE_URL);
  });
});

describe('localSiteWarning', () => {
  test('says, without SITE_URL, that permalinks, citations and the sitemap point at the local address, and how to set SITE_URL', () => {
    expect(localSiteWarning({})).toBe(
      'SITE_URL is not set: permalinks, citations and the sitemap point at the local address http://127.0.0.1:4321. ' +
        'Fine for `npm start` and tests; to publish, build with the public address, e.g. `SITE_URL=https://archive.example.org npm run build`.',
    );
  });

  test('says nothing when SITE_URL is set', () => {
    expect(localSiteWarning({ SITE_URL: 'https://archive.example.org' })).toBeNull();
  });
});
