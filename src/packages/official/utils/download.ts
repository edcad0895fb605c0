/**
 * 下载 an export: asks `official.downloadExport` for a short-lived link (the job's owner only;
 * in the cloud a temporary storage URL), then H5 hands it to the browser and weapp downloads it
 * and opens WeChat's viewer. Any failure is said as a toast; the button stays to try again.
 */
import Taro from '@tarojs/taro';
import { call, showError } from '../../../api/client';

export async function downloadExport(jobId: string): Promise<void> {
  let url: string;
  try {
    url = (await call('official', 'downloadExport', { jobId })).url;
  } catch (e) {
    showError(e);
    return;
  }
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank');
    return;
  }
  try {
    void Taro.showLoading({ title: '正在下载' });
    const res = await Taro.downloadFile({ url, timeout: 60_000 });
    if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true });
  } catch {
    void Taro.showToast({ title: '下载没有成功，请重试', icon: 'none', duration: 2500 });
  } finally {
    void Taro.hideLoading();
  }
}
