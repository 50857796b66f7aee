/** /feed.xml: the Atom feed of the whole archive's additions, corrections and withdrawals (src/site/feeds.ts). */
import type { APIRoute } from 'astro';
import { getDirectives } from '../site/collection.ts';
import { atomFeed, feedEntries } from '../site/feeds.ts';
import { editionDate, readRegistry } from '../site/registry.ts';
import { archiveFeedPath, directivePath, ROUTES } from '../site/routes.ts';
import { contentTypeOf } from '../site/security.ts';

export const GET: APIRoute = async ({ site }) => {
  const registry = readRegistry();
  const url = (path: string): string => new URL(path, site).href;
  const xml = atomFeed({
    self: url(archiveFeedPath),
    page: url(ROUTES.home),
    home: url(ROUTES.home),
    title: 'Lưu trữ văn bản chỉ đạo phòng, chống COVID-19: văn bản mới và đính chính',
    subtitle: 'Văn bản mới bổ sung, văn bản được biên tập viên sửa thông tin và văn bản rút khỏi lưu trữ.',
    updated: editionDate(registry),
    entries: feedEntries(await getDirectives(), registry, (id) => url(directivePath(id))),
  });
  return new Response(xml, { headers: { 'Content-Type': contentTypeOf(archiveFeedPath)! } });
};
