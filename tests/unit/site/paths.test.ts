/** The check that every directive's source is where the build will copy it from (src/site/paths.ts). */
import { describe, expect, test } from 'vitest';
import { missingSourcesMessage, type SourcesCheckIO } from '../../../src/site/paths.ts';

/** Folders as name → files, and each directive file's frontmatter. */
function io(folders: Record<string, string[]>, heads: Record<string, string> = {}): SourcesCheckIO {
  return { listFiles: (dir) => folders[dir] ?? null, readHead: (path) => heads[path] ?? '' };
}

describe('missingSourcesMessage', () => {
  test('says nothing when every directive has its source (by stem, whatever the extension)', () => {
    expect(missingSourcesMessage('/x/directives', '/x/sources', io({ '/x/directives': ['a.md', 'b.md', 'permalinks.json'], '/x/sources': ['a.txt', 'b.TXT'] }))).toBeNull();
  });

  test('says nothing for an archive with no directives', () => {
    expect(missingSourcesMessage('/x/directives', '/x/sources', io({ '/x/directives': [] }))).toBeNull();
  });

  test("names the missing source from the directive's source_file, the folder looked in, and ARCHIVE_SOURCES", () => {
    const message = missingSourcesMessage(
      '/x/directives',
      '/x/sources',
      io({ '/x/directives': ['a.md', 'b.md'], '/x/sources': ['a.txt'] }, { '/x/directives/b.md': '---\nid: "kon-tum/x"\nsource_file: "b.txt"\n---\n' }),
    );
    expect(message).toBe(
      [
        "The archive's raw sources are not where the build looks for them: 1 of 2 directives have no source in /x/sources.",
        'Missing:',
        '  /x/sources/b.txt (the source of /x/directives/b.md)',
        'The build copies each source beside its page. Set ARCHIVE_SOURCES to the folder the archive was ingested from,',
        'e.g. `ARCHIVE_SOURCES=/path/to/sources npm run build` (without it, sources are read from content/sources, or from',
        '<ARCHIVE_CONTENT>/../sources when ARCHIVE_CONTENT is set).',
      ].join('\n'),
    );
  });

  test('says when the sources folder does not exist, and counts the missing beyond the first three', () => {
    const message = missingSourcesMessage('/x/directives', '/x/sources', io({ '/x/directives': ['a.md', 'b.md', 'c.md', 'd.md', 'e.md'] }));
    expect(message).toContain('/x/sources does not exist.');
    expect(message).toContain('  /x/sources/c.* (the source of /x/directives/c.md)\n  and 2 more\n');
  });
});
