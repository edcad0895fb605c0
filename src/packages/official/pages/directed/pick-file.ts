/**
 * How the official's .xlsx reaches `official.issueDirected` (D47). In the mini-program the file
 * is picked from a chat (`Taro.chooseMessageFile`: a phone has no file browser) and uploaded to
 * cloud storage first, since a cloud function's call carries at most 6 MB: the call sends its
 * fileID. In H5 (the local host) an <input type="file"> reads it and the call carries it as base64.
 * Either way a file over 10 MB or not .xlsx is refused here, before anything is sent.
 */
import Taro from '@tarojs/taro';
import { MAX_DIRECTED_FILE_BYTES } from '../../../../../cloudfunctions/core/directed';
import { ERROR_MESSAGES } from '../../../../../cloudfunctions/core/errors';
import { randomId } from '../../../../utils/random-id';

/** A picked workbook: its name and size, and where its bytes are (a weapp temp path, or base64 in H5). */
export interface PickedFile {
  name: string;
  size: number;
  path?: string;
  base64?: string;
}

/** The refusal the server would give, said at once. */
export function pickedProblem(f: Pick<PickedFile, 'name' | 'size'>): string | null {
  if (f.size > MAX_DIRECTED_FILE_BYTES) return ERROR_MESSAGES.FILE_TOO_LARGE;
  if (!/\.xlsx$/i.test(f.name)) return ERROR_MESSAGES.FILE_NOT_EXCEL;
  return null;
}

/** weapp: one .xlsx from a chat (文件传输助手 or any chat the list was sent to); null when none is picked. */
export async function pickFromChat(): Promise<PickedFile | null> {
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
    const f = tempFiles[0];
    return f ? { name: f.name, size: f.size, path: f.path } : null;
  } catch {
    return null;
  }
}

/** H5: the file an <input type="file"> holds, read as base64. */
export function readInputFile(file: File): Promise<PickedFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve({ name: file.name, size: file.size, base64: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** What the call carries: the base64 (H5), or the fileID of the upload (weapp; `directed-lists/`, D47). */
export async function fileSource(f: PickedFile): Promise<{ file: { name: string; base64: string } } | { fileId: string }> {
  if (f.base64 !== undefined) return { file: { name: f.name, base64: f.base64 } };
  const { fileID } = await Taro.cloud.uploadFile({ cloudPath: `directed-lists/${randomId(24)}.xlsx`, filePath: f.path! });
  return { fileId: fileID };
}
