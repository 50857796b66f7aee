/** An in-memory file system for ingest tests: nothing touches the disk. */
import { readFileSync } from 'node:fs';
import type { IngestIO, IngestOptions } from '../../scripts/ingest/pipeline.ts';

export const PRINCIPLES_YML = readFileSync(new URL('../../content/principles.yml', import.meta.url), 'utf8');

export function memoryIO(initial: Record<string, string | Uint8Array> = {}): IngestIO & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const put = (path: string, data: string | Uint8Array): void => {
    files.set(path, typeof data === 'string' ? new TextEncoder().encode(data) : data);
  };
  for (const [path, data] of Object.entries({ 'content/principles.yml': PRINCIPLES_YML, ...initial })) put(path, data);
  return {
    files,
    async listFiles(dir) {
      // As the CLI's listing: the files in `dir`, and each subfolder once, as "name/".
      const prefix = `${dir}/`;
      const names = [...files.keys()].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length).replace(/\/.*$/s, '/'));
      return [...new Set(names)];
    },
    async readFile(path) {
      return files.get(path) ?? null;
    },
    async writeFile(path, text) {
      put(path, text);
    },
    async removeFile(path) {
      files.delete(path);
    },
  };
}

export const OPTIONS: IngestOptions = {
  sourcesDir: 'content/sources',
  outDir: 'content/directives',
  curationDir: 'content/curation',
  principlesFile: 'content/principles.yml',
  registryFile: 'content/permalinks.json',
  check: false,
  today: '2026-11-25',
};

export const text = (io: { files: Map<string, Uint8Array> }, path: string): string => new TextDecoder().decode(io.files.get(path));
