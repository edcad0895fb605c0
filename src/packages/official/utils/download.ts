/** 下载 an export: H5 hands the address to the browser; weapp downloads it and opens WeChat's viewer. */
import Taro from '@tarojs/taro';
import type { ExportJobView } from '../../../../cloudfunctions/contract';

/** H5: the browser downloads the file; weapp: download, then open it in WeChat's viewer. */
export async function downloadExport(job: ExportJobView): Promise<void> {
  const url = job.downloadUrl;
  if (!url) return;
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank');
    return;
  }
  try {
    void Taro.showLoading({ title: '正在下载' });
    const res = await Taro.downloadFile({ url });
    if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true });
  } catch {
    void Taro.showToast({ title: '下载没有成功，请重试', icon: 'none', duration: 2500 });
  } finally {
    void Taro.hideLoading();
  }
}
