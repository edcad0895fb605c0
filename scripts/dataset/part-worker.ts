/** A worker thread loading one share of the counties (see generate.ts, load-part.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { type PartOptions, loadPart } from './load-part';

const port = parentPort!;
loadPart(workerData as PartOptions, (line) => port.postMessage({ log: line })).then(
  (done) => port.postMessage({ done }),
  (error: unknown) => port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
