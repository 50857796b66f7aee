/**
 * One collection, `directives`, over content/directives (or ARCHIVE_CONTENT), validated by the
 * same schema ingest writes with: a malformed file fails the build naming the file and the field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { directiveSchema } from './lib/schema.ts';
import { ARCHIVE_DIR } from './lib/paths.ts';

const directives = defineCollection({
  loader: glob({
    pattern: '*.md',
    base: ARCHIVE_DIR,
    // The permalink id from the frontmatter, not the file name: pages live at /van-ban/<id>/.
    generateId: ({ data, entry }) => (typeof data.id === 'string' ? data.id : entry),
  }),
  schema: directiveSchema,
});

export const collections = { directives };
