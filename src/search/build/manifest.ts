/**
 * What the index step needs to know about the directives a build published: each page's folder and
 * date of issue (to cut the index into bundles and order results by date), and every word Pagefind
 * will index (for the vocabulary page each bundle carries, src/search/build/vocabulary.ts).
 *
 * The build's downloads step reads every record anyway, so it collects this as it writes them
 * (src/site/integrations/downloads.ts) and leaves it in dist/ as SEARCH_MANIFEST_FILE; the index step reads
 * that one file instead of walking every folder and parsing every record again, and removes it
 * (docs/decisions/0007-downloads-worker.md). Run on a site without it (an index rebuilt on its own), the index step collects the
 * same manifest from the records beside the pages.
 */
import type { Directive } from '../../shared/schema.ts';
import { directivePath } from '../../site/routes.ts';
import { indexedTexts } from './indexed-fields.ts';
import { indexWords, stringsOf } from './vocabulary.ts';

export interface ManifestPage {
  /** The page's folder under dist/, e.g. "van-ban/kon-tum/2021-07-21-235-cv-tu". */
  dir: string;
  date: string | null;
}

export interface SearchManifest {
  /** Sorted by folder. */
  pages: ManifestPage[];
  /** Sorted. */
  words: string[];
}

/** Where the build leaves the manifest, relative to dist/ (the index step removes it). */
export const SEARCH_MANIFEST_FILE = '_chi-muc-tam.json';

/** A directive's record as the downloads write it (van-ban.json): its frontmatter and its body. */
export type DirectiveRecord = Directive & { body: string };

/** Collects a manifest one record at a time, in any order. */
export class ManifestCollector {
  private readonly pages: ManifestPage[] = [];
  private readonly words = new Set<string>();
  // Tokens already split: an archive repeats the same few thousand millions of times (indexWords).
  private readonly seen = new Set<string>();

  add(record: DirectiveRecord): void {
    this.pages.push({ dir: directivePath(record.id).slice(1, -1), date: record.date_issued });
    for (const text of stringsOf(indexedTexts(record))) indexWords(text, this.words, this.seen);
  }

  manifest(): SearchManifest {
    return {
      pages: [...this.pages].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0)),
      words: [...this.words].sort(),
    };
  }
}

/** The manifest's shape, checked: a file of another version or a truncated write fails here, naming the file. */
export function parseManifest(text: string, file: string): SearchManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message}); build the site again`, { cause: error });
  }
  const m = value as Partial<SearchManifest>;
  const pagesOk = Array.isArray(m.pages) && m.pages.every((p) => typeof p?.dir === 'string' && (p.date === null || typeof p.date === 'string'));
  const wordsOk = Array.isArray(m.words) && m.words.every((w) => typeof w === 'string');
  if (!pagesOk || !wordsOk) throw new Error(`${file}: not a search manifest (needs "pages" with dir and date, and "words"); build the site again`);
  return m as SearchManifest;
}
