/**
 * Step 0: which names in the sources folder are sources. Every name gets a verdict before anything
 * is read or written: a source, a rejection with its reason, or "not a source" (hidden files,
 * folders). A source `<stem>.txt` (or `.pdf`, `.docx`, `.doc`: originals/formats.ts) becomes `<stem>.md` and takes its corrections from
 * `<stem>.yml`, so two names that one file system could store as one file are refused together.
 */

import { EXTENSION_LIST, formatOf } from './originals/formats.ts';

/** The extension of a curation file (content/curation/<stem>.yml). */
export const CURATION_EXTENSION = '.yml';
/**
 * Longest source name, in UTF-8 bytes. File names are limited to 255 bytes (ext4, APFS; NTFS: 255
 * UTF-16 units); 200 leaves room for the output `<stem>.md` and a temporary name beside it
 * (`<stem>.md` plus a suffix of up to 55 bytes) while writing.
 */
export const MAX_SOURCE_NAME_BYTES = 200;

/** What a listing returns for a subfolder: its name with a trailing "/" (see IngestIO.listFiles). */
export const isFolderEntry = (name: string): boolean => name.endsWith('/');

export type NameVerdict =
  | { source: string; status: 'source' }
  | { source: string; status: 'rejected'; reason: string }
  | { source: string; status: 'skipped'; kind: 'hidden' | 'folder'; reason: string };

const utf8Bytes = (s: string): number => new TextEncoder().encode(s).length;
const withoutExtension = (name: string): string => name.replace(/\.[^.]*$/, '');

/**
 * The file a name becomes on macOS and Windows, whose file systems ignore letter case and (macOS)
 * the Unicode form: "Chỉ thị.TXT" and the NFD spelling of "chỉ thị.txt" both give "chỉ thị".
 * Extensions are dropped because every source's output is `<stem>.md`.
 */
export const collisionKey = (name: string): string => withoutExtension(name).normalize('NFC').toLowerCase();

/**
 * Characters a name must not hold: controls and bidirectional controls (they hide or reorder what
 * a curator reads in a listing or a report), and those Windows cannot store in a file name.
 */
const UNSAFE_NAME_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"\\|?*]/u;
/** Device names Windows reserves whatever follows the first dot ("con.txt", "NUL.txt"). */
const WINDOWS_DEVICE_NAME = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/** Why a single name cannot be a source, or null. Collisions need the whole listing (see screenSources). */
export function nameProblems(name: string): string[] {
  const problems: string[] = [];
  if (!formatOf(name)) {
    problems.push(`not a source: the name must end in ${EXTENSION_LIST} (UTF-8 text, PDF, Word); rename it or move it out of the sources folder`);
  }
  const bytes = utf8Bytes(name);
  if (bytes > MAX_SOURCE_NAME_BYTES) {
    problems.push(`name is ${bytes} bytes long, over the ${MAX_SOURCE_NAME_BYTES}-byte limit for a source name (its output and temporary files must fit the 255-byte limit of file names); shorten it`);
  }
  const unsafe = UNSAFE_NAME_CHARACTERS.exec(name);
  if (unsafe) {
    const code = `U+${unsafe[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    problems.push(`name holds the character ${code}, which is invisible, reorders text or cannot be stored on Windows; rename it`);
  }
  if (WINDOWS_DEVICE_NAME.test(name.split('.')[0]!.trimEnd())) problems.push('name is a device name Windows reserves (CON, PRN, AUX, NUL, COM1, LPT1 …); rename it');
  return problems;
}

/**
 * Verdicts for a sources folder listing, in the listing's order. `curations` lists the curation
 * folder: a curation file that matches a source only up to letter case or Unicode form would apply
 * on macOS and Windows but not on Linux, so that source is rejected until the file is renamed.
 */
export function screenSources(listing: string[], curations: string[]): NameVerdict[] {
  const candidates = listing.filter((n) => !n.startsWith('.') && !isFolderEntry(n));
  const byKey = groupBy(candidates, collisionKey);
  const curationsByKey = groupBy(
    curations.filter((c) => c.toLowerCase().endsWith(CURATION_EXTENSION)),
    collisionKey,
  );
  return listing.map((name): NameVerdict => {
    if (isFolderEntry(name)) {
      return { source: name, status: 'skipped', kind: 'folder', reason: 'folder: sources are read from the sources folder itself, not from its subfolders' };
    }
    if (name.startsWith('.')) {
      return { source: name, status: 'skipped', kind: 'hidden', reason: 'hidden file (the name starts with "."): not a source, not read' };
    }
    const problems = nameProblems(name);
    const key = collisionKey(name);
    const others = byKey.get(key)!.filter((n) => n !== name);
    if (others.length > 0) {
      problems.push(
        `name collides with ${others.join(', ')}: names that differ only in letter case, extension or Unicode form (NFC/NFD) would share one output file (.md) and one curation file (.yml), and are one file on macOS and Windows; rename or remove all but one`,
      );
    }
    const ownCuration = `${withoutExtension(name)}${CURATION_EXTENSION}`;
    const lookalikes = (curationsByKey.get(key) ?? []).filter((c) => c !== ownCuration);
    if (lookalikes.length > 0) {
      problems.push(
        `curation file ${lookalikes.join(', ')} differs from this source's name only in letter case, extension or Unicode form: it would apply on macOS and Windows but not on Linux; rename it to ${ownCuration}`,
      );
    }
    return problems.length > 0 ? { source: name, status: 'rejected', reason: problems.join('; ') } : { source: name, status: 'source' };
  });
}

function groupBy(names: string[], key: (name: string) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const k = key(name);
    const group = groups.get(k);
    if (group) group.push(name);
    else groups.set(k, [name]);
  }
  return groups;
}
