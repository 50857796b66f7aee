/** The archive as the site sees it: every directive, loaded once per build. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Directive } from '../shared/schema.ts';
import { indexCitations, type CitationIndex } from './cited-documents.ts';

export type DirectiveEntry = CollectionEntry<'directives'>;

let cached: Promise<DirectiveEntry[]> | null = null;

export const getEntries = (): Promise<DirectiveEntry[]> => (cached ??= getCollection('directives'));

export const getDirectives = async (): Promise<Directive[]> => (await getEntries()).map((e) => e.data);

let citations: Promise<CitationIndex> | null = null;

/** Who cites what across the archive (src/site/cited-documents.ts), indexed once per build. */
export const getCitations = (): Promise<CitationIndex> => (citations ??= getDirectives().then(indexCitations));
