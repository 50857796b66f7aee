import { describe, expect, test } from 'vitest';
import { parseCitedCuration, readCitedCurations, unknownCurations, type CitedCurationIO } from '../../../src/site/cited-curation.ts';

const FILE = 'content/curation/dan-chieu/16-ct-ttg.yml';
const GOOD = 'title:\n  value: "Về thực hiện các biện pháp cấp bách phòng, chống dịch COVID-19"\n  note: "Cổng Thông tin điện tử Chính phủ"\nnote:\n  value: "Áp dụng giãn cách xã hội toàn quốc từ 1/4/2020"\n  note: "Văn bản gốc, điểm 1"\n';

/** A folder in memory. */
const memory = (files: Record<string, string>): CitedCurationIO => ({
  listFiles: (dir) => {
    const names = Object.keys(files).filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1));
    return names.length > 0 ? names : null;
  },
  readFile: (path) => files[path]!,
});

describe('parseCitedCuration', () => {
  test('reads a title and a note, each with its source', () => {
    expect(parseCitedCuration(GOOD, FILE)).toEqual({
      title: { value: 'Về thực hiện các biện pháp cấp bách phòng, chống dịch COVID-19', note: 'Cổng Thông tin điện tử Chính phủ' },
      note: { value: 'Áp dụng giãn cách xã hội toàn quốc từ 1/4/2020', note: 'Văn bản gốc, điểm 1' },
    });
  });
  test('an empty file curates nothing', () => {
    expect(parseCitedCuration('', FILE)).toEqual({});
  });
  test('refuses a field other than title and note, naming the file and the field', () => {
    expect(() => parseCitedCuration('date:\n  value: "2020-03-31"\n  note: "x"\n', FILE)).toThrow(`${FILE} → date: cannot be curated for a cited document; use title or note`);
  });
  test('refuses a title without its source', () => {
    expect(() => parseCitedCuration('title:\n  value: "Về …"\n', FILE)).toThrow(`${FILE} → title: needs "note:", saying where the title comes from`);
  });
  test('refuses a title without a value', () => {
    expect(() => parseCitedCuration('title: "Về …"\n', FILE)).toThrow(`${FILE} → title: needs "value:"`);
  });
  test('refuses a file that is not YAML, naming it', () => {
    expect(() => parseCitedCuration('title: [', FILE)).toThrow(`${FILE}: not valid YAML`);
  });
});

describe('readCitedCurations', () => {
  const DIR = 'content/curation/dan-chieu';
  test('reads every file by its slug and skips hidden ones; a missing folder has none', () => {
    const found = readCitedCurations(DIR, memory({ [FILE]: GOOD, [`${DIR}/.DS_Store`]: 'x' }));
    expect([...found.keys()]).toEqual(['16-ct-ttg']);
    expect(readCitedCurations('nowhere', memory({})).size).toBe(0);
  });
  test('refuses a file whose name is not a slug, naming it', () => {
    expect(() => readCitedCurations(DIR, memory({ [`${DIR}/16-CT-TTg.yml`]: GOOD }))).toThrow(`${DIR}/16-CT-TTg.yml: the name must be the slug of a page /dan-chieu/<slug>/`);
  });
  test('refuses a file that is not .yml', () => {
    expect(() => readCitedCurations(DIR, memory({ [`${DIR}/16-ct-ttg.yaml`]: GOOD }))).toThrow(`${DIR}/16-ct-ttg.yaml: not a curation file; name it <slug>.yml`);
  });
  test('warns of a file whose slug no citation has', () => {
    const found = readCitedCurations(DIR, memory({ [FILE]: GOOD, [`${DIR}/17-ct-ttg.yml`]: GOOD }));
    expect(unknownCurations(found, new Set(['16-ct-ttg']), DIR)).toEqual([
      `${DIR}/17-ct-ttg.yml: no directive of the archive cites a document at /dan-chieu/17-ct-ttg/; its title and note are not shown (a typo in the name, or a document no batch cites yet)`,
    ]);
  });
});
