/**
 * Where export jobs keep their parts and finished files (DESIGN.md "Long work"): locally
 * `DATA_DIR/exports/<jobId>/`; in the cloud, a temp folder plus cloud storage
 * (`cloudbase-export-storage.ts`). Parts are NDJSON, one per chunk, written before the job's
 * cursor moves past them, so a job cut short resumes from its last chunk.
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

export interface ExportStorage {
  writePart(jobId: string, index: number, ndjson: string): Promise<void>;
  readPart(jobId: string, index: number): Promise<string>;
  /** A local file path to stream the finished workbook into before `publish`. */
  outputPath(jobId: string, fileName: string): string;
  /** Stores the finished file; answers the reference the download uses. */
  publish(jobId: string, fileName: string): Promise<string>;
  /** Drops the parts once the file is published. */
  removeParts(jobId: string, count: number): Promise<void>;
  /**
   * A link the owner's phone downloads the published file from, valid for about `maxAgeSeconds`
   * (cloud: a temporary URL; locally: the gateway's path, which checks the owner itself).
   */
  downloadUrl(jobId: string, ref: string, maxAgeSeconds: number): Promise<string>;
  /** Local only: a stream of a published file (the gateway serves it to its owner). */
  open?(ref: string): Readable | null;
}

const partName = (index: number) => `part-${String(index).padStart(5, '0')}.ndjson`;

export class LocalExportStorage implements ExportStorage {
  constructor(private readonly root: string) {}

  private dir(jobId: string): string {
    if (!/^[A-Za-z0-9_-]+$/.test(jobId)) throw new Error(`bad job id ${jobId}`);
    const dir = join(this.root, jobId);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  async writePart(jobId: string, index: number, ndjson: string): Promise<void> {
    writeFileSync(join(this.dir(jobId), partName(index)), ndjson);
  }

  async readPart(jobId: string, index: number): Promise<string> {
    return readFileSync(join(this.dir(jobId), partName(index)), 'utf8');
  }

  outputPath(jobId: string, fileName: string): string {
    return join(this.dir(jobId), fileName);
  }

  async publish(jobId: string, fileName: string): Promise<string> {
    return `${jobId}/${fileName}`;
  }

  async removeParts(jobId: string, count: number): Promise<void> {
    for (let i = 0; i < count; i++) rmSync(join(this.dir(jobId), partName(i)), { force: true });
  }

  async downloadUrl(jobId: string): Promise<string> {
    return `/exports/${jobId}`;
  }

  open(ref: string): Readable | null {
    const [jobId, fileName, ...rest] = ref.split('/');
    if (rest.length > 0 || !jobId || !fileName || fileName.includes('..')) return null;
    const path = join(this.root, jobId, fileName);
    return existsSync(path) ? createReadStream(path) : null;
  }
}
