/**
 * R14.2 下载副本: the copy as a JSON file — in the browser a download, in the mini-program a file
 * written to the user's folder and sent on through 微信 (文件传输助手, or any chat).
 */
import Taro from '@tarojs/taro';
import type { MyDataCopy } from '../../../cloudfunctions/contract';
import { chinaToday } from '../../../cloudfunctions/core/china-date';

export const copyFileName = (copy: MyDataCopy): string => `持证通-我的信息-${chinaToday(new Date(copy.generatedAt)).replaceAll('-', '')}.json`;

export async function saveCopy(copy: MyDataCopy): Promise<void> {
  const text = JSON.stringify(copy, null, 2);
  const fileName = copyFileName(copy);
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    URL.revokeObjectURL(url);
    return;
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8');
  await Taro.shareFileMessage({ filePath, fileName });
}
