/** A worker thread loading one share of the counties (see generate.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { type PartOptions, loadPart } from './generate';

const port = parentPort!;
loadPart(workerData as PartOptions, (line) => port.postMessage({ log: line })).then(
  (done) => port.postMessage({ done }),
  (error: unknown) => port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
