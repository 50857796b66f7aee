/** The raw source, byte for byte as received, at a stable URL next to the directive's page. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getEntries } from '../../../lib/collection.ts';
import { SOURCES_DIR } from '../../../lib/paths.ts';

export const getStaticPaths = (async () =>
  (await getEntries()).map((e) => ({ params: { id: e.data.id }, props: { source: e.data.source_file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(new Uint8Array(await readFile(join(SOURCES_DIR, props.source as string))), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
