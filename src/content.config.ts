/**
 * One collection, `directives`, over content/directives (or ARCHIVE_CONTENT), validated by the
 * same schema ingest writes with: a malformed file fails the build naming the file and the field.
 */
import { defineCollection } from 'astro:content';
import { directiveSchema } from './shared/schema.ts';
import { ARCHIVE_DIR } from './site/paths.ts';
import { archiveLoader } from './site/archive-loader.ts';

const directives = defineCollection({ loader: archiveLoader(ARCHIVE_DIR), schema: directiveSchema });

export const collections = { directives };
