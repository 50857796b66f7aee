/**
 * Runs extraction on every core: sources are split into one chunk per core, each decoded and
 * extracted in a worker thread. Extraction is pure, so the result equals the in-process run.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { extractMany, type Extracted, type ExtractRunner, type SourceFile } from './pipeline.ts';

/** Below this many sources a worker's start-up costs more than it saves. */
const MIN_SOURCES_FOR_WORKERS = 400;

/** `onProgress` hears how many sources all workers have extracted so far (the CLI's progress line). */
export async function parallelExtract(files: SourceFile[], principlesYaml: string, principlesFile: string, onProgress?: (done: number) => void): Promise<Extracted[]> {
  const threads = Math.min(availableParallelism(), 8);
  if (threads < 2 || files.length < MIN_SOURCES_FOR_WORKERS) return extractMany(files, principlesYaml, principlesFile);
  const size = Math.ceil(files.length / threads);
  const chunks = Array.from({ length: threads }, (_, i) => files.slice(i * size, (i + 1) * size));
  const done = chunks.map(() => 0);
  const report = (worker: number, n: number): void => {
    done[worker] = n;
    onProgress?.(done.reduce((a, b) => a + b, 0));
  };
  const results = await Promise.all(chunks.map((chunk, i) => runWorker(chunk, principlesYaml, principlesFile, (n) => report(i, n))));
  return results.flat();
}
parallelExtract satisfies ExtractRunner;

/**
 * Each worker's young generation is kept to 8 MB, as the build's downloads worker's is: extraction
 * makes garbage at once, and on this project's virtual machine memory a process touches for the
 * first time is dear, so a smaller peak is time saved (docs/decisions/0023-ingest-worker-threads.md).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

/** A worker posts its count of extracted sources now and then, and its results last. */
export type WorkerMessage = { done: number } | { results: Extracted[] };

function runWorker(files: SourceFile[], principlesYaml: string, principlesFile: string, onProgress: (done: number) => void): Promise<Extracted[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: { files, principlesYaml, principlesFile }, resourceLimits: WORKER_LIMITS });
    worker.on('message', (message: WorkerMessage) => ('results' in message ? resolve(message.results) : onProgress(message.done)));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`ingest worker stopped with exit code ${code}`));
    });
  });
}
