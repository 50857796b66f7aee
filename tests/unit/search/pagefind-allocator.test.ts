/**
 * The allocator settings the index step gives Pagefind (PAGEFIND_MALLOC_CONF in
 * src/search/build/index-step.ts): that they reach Pagefind's environment, that a caller's own win,
 * and that the installed binary's allocator reads and takes every one of them (a Pagefind built
 * without jemalloc, or with another prefix, would silently ignore them).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { INDEX_CHUNK_SIZE, PAGEFIND_MALLOC_CONF, pagefindBinary, pagefindEnv } from '../../../src/search/build/index-step.ts';

describe('pagefindEnv', () => {
  test('sets the index chunk size and the allocator settings', () => {
    const env = pagefindEnv({ PATH: '/usr/bin' });
    expect(env).toEqual({ PATH: '/usr/bin', PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(INDEX_CHUNK_SIZE), _RJEM_MALLOC_CONF: PAGEFIND_MALLOC_CONF });
  });

  test("the caller's environment wins", () => {
    const env = pagefindEnv({ _RJEM_MALLOC_CONF: 'thp:never', PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '500' });
    expect(env._RJEM_MALLOC_CONF).toBe('thp:never');
    expect(env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBe('500');
  });
});

describe("Pagefind's allocator", () => {
  test('reads every setting of PAGEFIND_MALLOC_CONF from the environment', async () => {
    // jemalloc prints its options on standard error at exit when asked to (stats_print).
    const { stderr, status } = spawnSync(await pagefindBinary(), ['--version'], {
      env: { ...pagefindEnv({}), _RJEM_MALLOC_CONF: `${PAGEFIND_MALLOC_CONF},stats_print:true` },
      encoding: 'utf8',
    });
    expect(status).toBe(0);
    expect(stderr).not.toContain('Invalid conf');
    const options = new Map([...stderr.matchAll(/^\s*opt\.(\w+): "?([^"\s]+)"?/gm)].map((m) => [m[1], m[2]]));
    expect(options.size, 'jemalloc printed no options: the binary did not read _RJEM_MALLOC_CONF').toBeGreaterThan(0);
    for (const pair of PAGEFIND_MALLOC_CONF.split(',')) {
      const [key, value] = pair.split(':');
      expect(options.get(key!), `opt.${key}`).toBe(value);
    }
  });
});
