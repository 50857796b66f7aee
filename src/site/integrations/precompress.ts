/**
 * Writes `.br` and `.gz` beside the site's shared static assets (Astro's JS and CSS, Pagefind's
 * runtime, WebAssembly and entry file), which any host can serve as they are and scripts/serve.ts
 * does. Pagefind's index files are compressed already; pages are compressed on the fly by hosts.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(?:js|css|json|svg|pagefind)$/;

export async function precompress(root: string, folders = ['_astro', 'pagefind']): Promise<number> {
  let count = 0;
  for (const folder of folders) {
    const dir = join(root, folder);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => COMPRESSIBLE.test(n))) {
      const data = await readFile(join(dir, name));
      await writeFile(join(dir, `${name}.br`), brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      await writeFile(join(dir, `${name}.gz`), gzipSync(data, { level: 9 }));
      count++;
    }
  }
  return count;
}

export function precompressAssets(): AstroIntegration {
  return {
    name: 'archive-precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => logger.info(`compressed ${await precompress(fileURLToPath(dir))} shared assets (.br, .gz)`),
    },
  };
}
