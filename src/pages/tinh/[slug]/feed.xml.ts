/** /tinh/<slug>/feed.xml: the Atom feed of one province's additions, corrections and withdrawals (src/site/feeds.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { PROVINCES, type Province } from '../../../shared/gazetteer.ts';
import { getDirectives } from '../../../site/collection.ts';
import { atomFeed, feedEntries } from '../../../site/feeds.ts';
import { editionDate, readRegistry } from '../../../site/registry.ts';
import { directivePath, provinceFeedPath, provincePath, ROUTES } from '../../../site/routes.ts';
import { contentTypeOf } from '../../../site/security.ts';

export const getStaticPaths = (() => PROVINCES.map((province) => ({ params: { slug: province.slug }, props: { province } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ province: Province }> = async ({ props: { province }, site }) => {
  const registry = readRegistry();
  const url = (path: string): string => new URL(path, site).href;
  const kind = province.kind === 'thành phố' ? 'thành phố' : 'tỉnh';
  const entries = feedEntries(await getDirectives(), registry, (id) => url(directivePath(id))).filter((e) => e.province === province.slug);
  const xml = atomFeed({
    self: url(provinceFeedPath(province.slug)),
    page: url(provincePath(province.slug)),
    home: url(ROUTES.home),
    title: `Văn bản chỉ đạo phòng, chống COVID-19 của ${kind} ${province.name}: văn bản mới và đính chính`,
    subtitle: `Văn bản của ${kind} ${province.name} mới bổ sung, được biên tập viên sửa thông tin hoặc rút khỏi lưu trữ.`,
    updated: editionDate(registry),
    entries,
  });
  return new Response(xml, { headers: { 'Content-Type': contentTypeOf(provinceFeedPath(province.slug))! } });
};
