/** This directive as Markdown with YAML frontmatter, exactly the archive file. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile } from 'node:fs/promises';
import { getEntries, type DirectiveEntry } from '../../../lib/collection.ts';

export const getStaticPaths = (async () => (await getEntries()).map((entry) => ({ params: { id: entry.data.id }, props: { entry } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { filePath } = props.entry as DirectiveEntry;
  return new Response(await readFile(filePath!, 'utf8'), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
