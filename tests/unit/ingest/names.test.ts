import { describe, expect, test } from 'vitest';
import { collisionKey, MAX_SOURCE_NAME_BYTES, nameProblems, screenSources, type NameVerdict } from '../../../scripts/ingest/names.ts';

const NFC = 'chỉ thị.txt'.normalize('NFC');
const NFD = 'chỉ thị.txt'.normalize('NFD');

/** source → "source" or the reason it is not one. */
const verdicts = (listing: string[], curations: string[] = []): Record<string, string> =>
  Object.fromEntries(screenSources(listing, curations).map((v: NameVerdict) => [v.source, v.status === 'source' ? 'source' : `${v.status}: ${v.reason}`]));

describe('collisionKey', () => {
  test('gives "same" for same.txt, same.TXT, Same.md and same', () => {
    expect(['same.txt', 'same.TXT', 'Same.md', 'same'].map(collisionKey)).toEqual(['same', 'same', 'same', 'same']);
  });
  test('gives one key for the NFC and NFD spellings of a Vietnamese name', () => {
    expect(NFC).not.toBe(NFD);
    expect(collisionKey(NFD)).toBe(collisionKey(NFC));
  });
});

describe('nameProblems', () => {
  test('accepts a plain "<stem>.txt"', () => {
    expect(nameProblems('000_4711a643476f2105.txt')).toEqual([]);
  });
  test('accepts "<stem>.pdf", "<stem>.docx" and "<stem>.doc" as sources', () => {
    expect(['a.pdf', 'a.docx', 'a.doc'].map(nameProblems)).toEqual([[], [], []]);
  });
  test('says a name in no accepted format is not a source, listing the formats', () => {
    expect(nameProblems('notes.odt')).toEqual(['not a source: the name must end in ".txt", ".pdf", ".docx" or ".doc" (UTF-8 text, PDF, Word); rename it or move it out of the sources folder']);
    expect(nameProblems('same.TXT')[0]).toMatch(/^not a source: the name must end in "\.txt"/);
    expect(nameProblems('scan.PDF')[0]).toMatch(/^not a source: the name must end in "\.txt"/);
  });
  test(`accepts a name of ${MAX_SOURCE_NAME_BYTES} bytes and refuses one of ${MAX_SOURCE_NAME_BYTES + 1}, counting UTF-8 bytes`, () => {
    expect(nameProblems(`${'a'.repeat(MAX_SOURCE_NAME_BYTES - 4)}.txt`)).toEqual([]);
    expect(nameProblems(`${'a'.repeat(MAX_SOURCE_NAME_BYTES - 3)}.txt`)).toEqual([
      `name is ${MAX_SOURCE_NAME_BYTES + 1} bytes long, over the ${MAX_SOURCE_NAME_BYTES}-byte limit for a source name (its output and temporary files must fit the 255-byte limit of file names); shorten it`,
    ]);
    // "ỉ" is three bytes in UTF-8: 67 of them and ".txt" make 205 bytes in 71 characters.
    expect(nameProblems(`${'ỉ'.repeat(67)}.txt`)[0]).toMatch(/^name is 205 bytes long/);
  });
  test('refuses a bidirectional override, a control character and a character Windows cannot store', () => {
    expect(nameProblems('a\u202Etxt.exe.txt')).toEqual(['name holds the character U+202E, which is invisible, reorders text or cannot be stored on Windows; rename it']);
    expect(nameProblems('a\nb.txt')[0]).toMatch(/U\+000A/);
    expect(nameProblems('Chỉ thị 15: phòng dịch.txt')[0]).toMatch(/U\+003A/);
  });
  test('refuses the device names Windows reserves, whatever their extension or case', () => {
    expect(nameProblems('nul.txt')).toEqual(['name is a device name Windows reserves (CON, PRN, AUX, NUL, COM1, LPT1 …); rename it']);
    expect(nameProblems('COM1.txt')).toHaveLength(1);
    expect(nameProblems('console.txt')).toEqual([]);
  });
});

describe('screenSources', () => {
  test('rejects same.txt, same.TXT, same.md and same together, each naming the others', () => {
    const v = verdicts(['a.txt', 'same', 'same.TXT', 'same.md', 'same.txt']);
    expect(v['a.txt']).toBe('source');
    expect(v['same.txt']).toBe(
      'rejected: name collides with same, same.TXT, same.md: names that differ only in letter case, extension or Unicode form (NFC/NFD) would share one output file (.md) and one curation file (.yml), and are one file on macOS and Windows; rename or remove all but one',
    );
    expect(v['same.TXT']).toMatch(/^rejected: not a source: .*; name collides with same, same\.md, same\.txt: /);
    expect(v['same.md']).toMatch(/; name collides with same, same\.TXT, same\.txt: /);
    expect(v['same']).toMatch(/; name collides with same\.TXT, same\.md, same\.txt: /);
  });
  test('rejects the NFC and NFD spellings of one Vietnamese name together', () => {
    const v = verdicts([NFC, NFD]);
    expect(v[NFC]).toMatch(new RegExp(`^rejected: name collides with ${NFD}: `));
    expect(v[NFD]).toMatch(new RegExp(`^rejected: name collides with ${NFC}: `));
  });
  test('reports hidden files and folders as not sources, and they collide with nothing', () => {
    expect(verdicts(['.DS_Store', '.a.txt', 'a.txt', '2021/'])).toEqual({
      '.DS_Store': 'skipped: hidden file (the name starts with "."): not a source, not read',
      '.a.txt': 'skipped: hidden file (the name starts with "."): not a source, not read',
      'a.txt': 'source',
      '2021/': 'skipped: folder: sources are read from the sources folder itself, not from its subfolders',
    });
  });
  test('gives one verdict per listed name, in the listing order', () => {
    const listing = ['b.txt', '.x', 'a.TXT', 'a.txt', 'c/'];
    expect(screenSources(listing, []).map((v) => v.source)).toEqual(listing);
  });
  test('rejects a source whose curation file differs from its name only in case, naming the file and the fix', () => {
    const v = verdicts(['chi-thi.txt', 'other.txt'], ['Chi-thi.yml', 'other.yml']);
    expect(v['chi-thi.txt']).toBe(
      'rejected: curation file Chi-thi.yml differs from this source\'s name only in letter case, extension or Unicode form: it would apply on macOS and Windows but not on Linux; rename it to chi-thi.yml',
    );
    expect(v['other.txt']).toBe('source');
  });
  test('accepts a source beside its own curation file', () => {
    expect(verdicts([NFD], [NFD.replace(/\.txt$/, '.yml')])[NFD]).toBe('source');
  });
});
