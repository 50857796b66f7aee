/** Worker thread of the downloads step (src/site/integrations/downloads.ts): runs writeDownloads, posting its progress and then what it wrote. */
import { parentPort, workerData } from 'node:worker_threads';
import { writeDownloads, type DownloadsJob, type DownloadsMessage } from './downloads.ts';

const { outDir, archiveDir, sourcesDir, site } = workerData as DownloadsJob;
const post = (message: DownloadsMessage): void => parentPort!.postMessage(message);
post({ result: writeDownloads(outDir, archiveDir, sourcesDir, (done, total) => post({ done, total }), site) });
