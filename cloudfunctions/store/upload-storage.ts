/**
 * Files the app uploads before a call that needs them (R12.2: a directed list's workbook). A
 * cloud function's event is at most 6 MB, so the mini-program puts a workbook of up to 10 MB in
 * cloud storage (`wx.cloud.uploadFile`) and sends its fileID; the function reads it here once
 * and removes it (CloudBase: `cloudbase-export-storage.ts`, the same cloud storage as exports). The local host has none: there the workbook travels in the call itself.
 */
export interface UploadStorage {
  /** The file's bytes; null when there is no such file; `too_large` when it holds more than `maxBytes`. */
  read(fileId: string, maxBytes: number): Promise<Buffer | null | 'too_large'>;
  remove(fileId: string): Promise<void>;
}

/** Where the mini-program uploads directed lists (`directed-lists/<random>.xlsx`); any other fileID is refused unread. */
export const DIRECTED_UPLOAD_DIR = 'directed-lists';
export const isDirectedUpload = (fileId: string): boolean => /^cloud:\/\/[\w.-]+\/directed-lists\/[\w-]{8,64}\.xlsx$/.test(fileId);
