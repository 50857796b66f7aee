/** Worker thread body for parallel.ts: extract one chunk, saying how far it is, and post the results. */
import { parentPort, workerData } from 'node:worker_threads';
import { extractMany, type Extracted, type SourceFile } from './pipeline.ts';
import type { WorkerMessage } from './parallel.ts';

/** Sources extracted between two progress messages: a message costs next to nothing at this size. */
const PROGRESS_EVERY = 250;

const { files, principlesYaml, principlesFile } = workerData as { files: SourceFile[]; principlesYaml: string; principlesFile: string };
const results: Extracted[] = [];
for (let i = 0; i < files.length; i += PROGRESS_EVERY) {
  results.push(...extractMany(files.slice(i, i + PROGRESS_EVERY), principlesYaml, principlesFile));
  parentPort!.postMessage({ done: results.length } satisfies WorkerMessage);
}
parentPort!.postMessage({ results } satisfies WorkerMessage);
