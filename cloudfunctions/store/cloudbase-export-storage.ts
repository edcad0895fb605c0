/**
 * Export parts and files in CloudBase cloud storage (`exports/<jobId>/…`), through the same
 * lazily loaded `@cloudbase/node-sdk` as the database adapter. The workbook is written to the
 * function's /tmp first, then uploaded; the app downloads it by file ID
 * (`Taro.cloud.downloadFile`), which cloud storage rules limit to its owner.
 * Not run against a real environment here (no credentials): see docs/deploy.md.
 */
import { createReadStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportStorage } from './export-storage';

interface TcbStorageApp {
  uploadFile(input: { cloudPath: string; fileContent: Buffer | NodeJS.ReadableStream }): Promise<{ fileID: string }>;
  downloadFile(input: { fileID: string }): Promise<{ fileContent: Buffer }>;
  deleteFile(input: { fileList: string[] }): Promise<unknown>;
}

interface TcbModule {
  init(config: Record<string, unknown>): TcbStorageApp;
  SYMBOL_CURRENT_ENV: symbol;
}

const partPath = (jobId: string, index: number) => `exports/${jobId}/part-${String(index).padStart(5, '0')}.ndjson`;

export class CloudbaseExportStorage implements ExportStorage {
  private app: TcbStorageApp | null = null;
  /** fileID prefix learnt from the first upload (`cloud://env.bucket/`). */
  private prefix: string | null = null;

  private tcb(): TcbStorageApp {
    if (!this.app) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const tcb = require('@cloudbase/node-sdk') as TcbModule;
      this.app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
    }
    return this.app;
  }

  private async upload(cloudPath: string, fileContent: Buffer | NodeJS.ReadableStream): Promise<string> {
    const { fileID } = await this.tcb().uploadFile({ cloudPath, fileContent });
    this.prefix ??= fileID.slice(0, fileID.length - cloudPath.length);
    return fileID;
  }

  async writePart(jobId: string, index: number, ndjson: string): Promise<void> {
    await this.upload(partPath(jobId, index), Buffer.from(ndjson, 'utf8'));
  }

  async readPart(jobId: string, index: number): Promise<string> {
    // A new container learns the environment's fileID prefix from one small upload.
    if (!this.prefix) await this.upload(`exports/${jobId}/probe`, Buffer.from('1'));
    const { fileContent } = await this.tcb().downloadFile({ fileID: this.prefix! + partPath(jobId, index) });
    return fileContent.toString('utf8');
  }

  outputPath(jobId: string, fileName: string): string {
    const dir = join('/tmp', 'exports', jobId);
    mkdirSync(dir, { recursive: true });
    return join(dir, fileName);
  }

  async publish(jobId: string, fileName: string): Promise<string> {
    return this.upload(`exports/${jobId}/${fileName}`, createReadStream(this.outputPath(jobId, fileName)));
  }

  async removeParts(jobId: string, count: number): Promise<void> {
    if (!this.prefix || count === 0) return;
    const fileList = Array.from({ length: count }, (_, i) => this.prefix + partPath(jobId, i));
    for (let i = 0; i < fileList.length; i += 50) await this.tcb().deleteFile({ fileList: fileList.slice(i, i + 50) });
  }
}

