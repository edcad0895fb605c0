/**
 * Export parts and files in CloudBase cloud storage (`exports/<jobId>/…`), through the same
 * lazily loaded `@cloudbase/node-sdk` as the database adapter. The workbook is written to the
 * function's /tmp first, then uploaded. Files uploaded by the server SDK belong to no user, so
 * storage security rules cannot limit who downloads them: the `downloadExport` action checks the
 * job's owner and hands out a short-lived temporary URL (`getTempFileURL`).
 */
import { createReadStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportStorage } from './export-storage';
import type { UploadStorage } from './upload-storage';

interface TcbStorageApp {
  uploadFile(input: { cloudPath: string; fileContent: Buffer | NodeJS.ReadableStream }): Promise<{ fileID: string }>;
  getTempFileURL(input: { fileList: { fileID: string; maxAge: number }[] }): Promise<{ fileList: { fileID: string; tempFileURL: string; code: string }[] }>;
  downloadFile(input: { fileID: string }): Promise<{ fileContent: Buffer }>;
  deleteFile(input: { fileList: string[] }): Promise<unknown>;
}

interface TcbModule {
  init(config: Record<string, unknown>): TcbStorageApp;
  SYMBOL_CURRENT_ENV: symbol;
}

const partPath = (jobId: string, index: number) => `exports/${jobId}/part-${String(index).padStart(5, '0')}.ndjson`;

/** Also the app's uploads (upload-storage.ts, R12.2): the same cloud storage, read once and removed. */
export class CloudbaseExportStorage implements ExportStorage, UploadStorage {
  private app: TcbStorageApp | null = null;
  /** fileID prefix learnt from the first upload (`cloud://env.bucket/`). */
  private prefix: string | null = null;

  /** `init` options for tests and tools outside CloudBase (env, keys, serviceUrl); default: the function's own. */
  constructor(private readonly init: Record<string, unknown> | null = null) {}

  private tcb(): TcbStorageApp {
    if (!this.app) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const tcb = require('@cloudbase/node-sdk') as TcbModule;
      this.app = tcb.init(this.init ?? { env: tcb.SYMBOL_CURRENT_ENV });
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

  async downloadUrl(_jobId: string, ref: string, maxAgeSeconds: number): Promise<string> {
    const { fileList } = await this.tcb().getTempFileURL({ fileList: [{ fileID: ref, maxAge: maxAgeSeconds }] });
    const file = fileList[0];
    if (!file || file.code !== 'SUCCESS' || !file.tempFileURL) throw new Error(`no temporary URL for ${ref}: ${file?.code ?? 'no answer'}`);
    return file.tempFileURL;
  }

  async read(fileId: string, maxBytes: number): Promise<Buffer | null | 'too_large'> {
    let content: Buffer;
    try {
      ({ fileContent: content } = await this.tcb().downloadFile({ fileID: fileId }));
    } catch {
      return null;
    }
    return content.length > maxBytes ? 'too_large' : content;
  }

  async remove(fileId: string): Promise<void> {
    await this.tcb().deleteFile({ fileList: [fileId] });
  }

  async removeParts(jobId: string, count: number): Promise<void> {
    if (!this.prefix || count === 0) return;
    const fileList = Array.from({ length: count }, (_, i) => this.prefix + partPath(jobId, i));
    for (let i = 0; i < fileList.length; i += 50) await this.tcb().deleteFile({ fileList: fileList.slice(i, i + 50) });
  }
}

