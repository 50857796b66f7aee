/** Worker thread of the downloads step (src/site/integrations/downloads.ts): runs writeDownloads and posts the count. */
import { parentPort, workerData } from 'node:worker_threads';
import { writeDownloads, type DownloadsJob } from './downloads.ts';

const { outDir, archiveDir, sourcesDir } = workerData as DownloadsJob;
parentPort!.postMessage(writeDownloads(outDir, archiveDir, sourcesDir));
