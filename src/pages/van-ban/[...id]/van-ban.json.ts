/** This directive as JSON: its frontmatter and its Markdown body. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEntries, type DirectiveEntry } from '../../../lib/collection.ts';

export const getStaticPaths = (async () => (await getEntries()).map((entry) => ({ params: { id: entry.data.id }, props: { entry } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { data, body } = props.entry as DirectiveEntry;
  return new Response(`${JSON.stringify({ ...data, body: body ?? '' }, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
