/**
 * /opensearch.xml: tells browsers how to search the archive from their address bar
 * (OpenSearch 1.1), through the search page's own URL (/tim-kiem/?q=…). Every page links it.
 */
import type { APIRoute } from 'astro';
import { SEARCH_PARAMS } from '../search/shared/constants.ts';
import { xmlText } from '../site/feeds.ts';
import { OPENSEARCH_PATH, ROUTES } from '../site/routes.ts';
import { contentTypeOf } from '../site/security.ts';

/** OpenSearch allows at most 16 characters here. */
export const SHORT_NAME = 'Văn bản COVID-19';

export const GET: APIRoute = ({ site }) => {
  const url = (path: string): string => xmlText(new URL(path, site).href);
  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">',
    `  <ShortName>${SHORT_NAME}</ShortName>`,
    '  <Description>Tìm toàn văn trong lưu trữ văn bản chỉ đạo phòng, chống COVID-19 (2020–2022)</Description>',
    '  <Language>vi</Language>',
    '  <InputEncoding>UTF-8</InputEncoding>',
    '  <OutputEncoding>UTF-8</OutputEncoding>',
    `  <Image width="16" height="16" type="image/svg+xml">${url('/favicon.svg')}</Image>`,
    `  <Url type="text/html" method="get" template="${url(ROUTES.search)}?${SEARCH_PARAMS.query}={searchTerms}"/>`,
    `  <Url type="application/opensearchdescription+xml" rel="self" template="${url(OPENSEARCH_PATH)}"/>`,
    '</OpenSearchDescription>',
    '',
  ].join('\n');
  return new Response(xml, { headers: { 'Content-Type': contentTypeOf(OPENSEARCH_PATH)! } });
};
