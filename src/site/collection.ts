/** The archive as the site sees it: every directive, loaded once per build. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Directive } from '../shared/schema.ts';

export type DirectiveEntry = CollectionEntry<'directives'>;

let cached: Promise<DirectiveEntry[]> | null = null;

export const getEntries = (): Promise<DirectiveEntry[]> => (cached ??= getCollection('directives'));

export const getDirectives = async (): Promise<Directive[]> => (await getEntries()).map((e) => e.data);
