/** Worker thread body for parallel.ts: extract one chunk and post it back. */
import { parentPort, workerData } from 'node:worker_threads';
import { extractMany, type SourceFile } from './pipeline.ts';

const { files, principlesYaml, principlesFile } = workerData as { files: SourceFile[]; principlesYaml: string; principlesFile: string };
parentPort!.postMessage(extractMany(files, principlesYaml, principlesFile));
