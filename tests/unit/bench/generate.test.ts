import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateArchive, oldTones, QUIRKS, seedParagraphs, SYNTHETIC_SENTENCE } from '../../../scripts/bench/generate.ts';
import { modernizeTones } from '../../../src/shared/vietnamese.ts';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'syn-gen-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function contents(files: string[]): Promise<Buffer[]> {
  return Promise.all(files.map((f) => readFile(f)));
}

describe('generateArchive', () => {
  test('two runs with the same seed and count write byte-identical files', async () => {
    const a = await generateArchive({ count: 50, seed: 7, outDir: await tempDir() });
    const b = await generateArchive({ count: 50, seed: 7, outDir: await tempDir() });
    expect(a.files.map((f) => basename(f))).toEqual(b.files.map((f) => basename(f)));
    const [bytesA, bytesB] = [await contents(a.files), await contents(b.files)];
    bytesA.forEach((bytes, i) => expect(bytes.equals(bytesB[i]!)).toBe(true));
    expect(a.quirks).toEqual(b.quirks);
  });

  test('writes exactly count files, all named syn_NNNNNN_<8 hex>.txt', async () => {
    const outDir = await tempDir();
    const { files } = await generateArchive({ count: 50, seed: 1, outDir });
    expect(files).toHaveLength(50);
    const names = (await readdir(outDir)).sort();
    expect(names).toHaveLength(50);
    for (const name of names) expect(name).toMatch(/^syn_\d{6}_[0-9a-f]{8}\.txt$/);
  });

  test('every file says it is synthetic, after NFC normalisation', async () => {
    const { files } = await generateArchive({ count: 50, seed: 3, outDir: await tempDir(), quirkRate: 0.5 });
    for (const bytes of await contents(files)) expect(bytes.toString('utf8').normalize('NFC')).toContain(SYNTHETIC_SENTENCE);
  });

  test('bodies are as long as the real seeds they are made from', async () => {
    // Too long a body inflates every cost the benchmark measures (build, index, search bytes).
    const seedsDir = join(import.meta.dirname, '../../../content/sources');
    const seedWords = await Promise.all(
      (await readdir(seedsDir)).map(async (n) => {
        const { intros, items, closings } = seedParagraphs(await readFile(join(seedsDir, n), 'utf8'));
        return [...intros.flat(), ...items, ...closings].join(' ').split(/\s+/).length;
      }),
    );
    const { files } = await generateArchive({ count: 200, seed: 5, outDir: await tempDir(), quirkRate: 0 });
    const bodyWords = (await contents(files)).map((b) => {
      const text = b.toString('utf8');
      return text.slice(text.indexOf(SYNTHETIC_SENTENCE)).split(/\s+/).length;
    });
    const mean = bodyWords.reduce((a, b) => a + b, 0) / bodyWords.length;
    expect(mean).toBeGreaterThanOrEqual(Math.min(...seedWords));
    expect(mean).toBeLessThanOrEqual(Math.max(...seedWords));
  });

  test('different seeds give different files', async () => {
    const a = await generateArchive({ count: 50, seed: 1, outDir: await tempDir() });
    const b = await generateArchive({ count: 50, seed: 2, outDir: await tempDir() });
    expect(a.files.map((f) => basename(f))).not.toEqual(b.files.map((f) => basename(f)));
  });

  test('reports every quirk, and the counts match the files written', async () => {
    const { files, quirks } = await generateArchive({ count: 300, seed: 11, outDir: await tempDir(), quirkRate: 0.5 });
    expect(Object.keys(quirks).sort()).toEqual([...QUIRKS].sort());
    for (const q of QUIRKS) expect(quirks[q], q).toBeGreaterThan(0);

    const texts = (await contents(files)).map((b) => b.toString('utf8'));
    const seen = new Set<string>();
    let duplicates = 0;
    for (const t of texts) {
      if (seen.has(t)) duplicates++;
      seen.add(t);
    }
    expect(duplicates).toBe(quirks.duplicate);
    // Duplicates copy earlier files, quirks included, so the counts below are at least the reported ones.
    const bom = texts.filter((t) => t.startsWith('\uFEFF') && t.includes('\r\n')).length;
    expect(bom).toBeGreaterThanOrEqual(quirks.crlfBom);
    const nfd = texts.filter((t) => t !== t.normalize('NFC')).length;
    expect(nfd).toBeGreaterThanOrEqual(quirks.nfd);
    const pages = texts.filter((t) => /^- 2 -$/m.test(t)).length;
    expect(pages).toBeGreaterThanOrEqual(quirks.pageNumber);
  });

  test('with quirkRate 0 no file has a quirk', async () => {
    const { files, quirks } = await generateArchive({ count: 50, seed: 5, outDir: await tempDir(), quirkRate: 0 });
    expect(Object.values(quirks).every((n) => n === 0)).toBe(true);
    for (const t of (await contents(files)).map((b) => b.toString('utf8'))) {
      expect(t.startsWith('\uFEFF')).toBe(false);
      expect(t).toBe(t.normalize('NFC'));
      expect(t).toMatch(/, ngày \d{1,2} tháng \d{1,2} năm 202[012]/u);
    }
  });

  test('refuses to write into the archive content folder', async () => {
    await expect(generateArchive({ count: 1, outDir: join(import.meta.dirname, '../../../content/x') })).rejects.toThrow(/real directives only/);
  });
});

describe('oldTones', () => {
  test('moves tone marks to the old position and modernizeTones moves them back', () => {
    expect(oldTones('Tỉnh ủy Hòa Bình, sức khỏe, quý, thủy lợi')).toBe('Tỉnh uỷ Hoà Bình, sức khoẻ, quý, thuỷ lợi');
    expect(modernizeTones(oldTones('Tỉnh ủy Hòa Bình, sức khỏe, quý'))).toBe('Tỉnh ủy Hòa Bình, sức khỏe, quý');
  });
});
