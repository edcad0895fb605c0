/**
 * R6.4 on screen: this class's scans waiting on the phone (with 立即上传) and the queued scans
 * the server refused, each with its reason.
 */
import { Text, View } from '@tarojs/components';
import type { OfflineScan } from '../../../../cloudfunctions/contract';
import { clockTextWithSeconds } from '../../../../cloudfunctions/core/china-date';
import { offlineScanOverdue } from '../../../../cloudfunctions/core/reminders';
import type { ApiError } from '../../../api/client';
import { Button } from '../../../components/nutui';
import type { RefusedScan } from '../stores/use-scan-queue';

export interface ScanQueuePanelProps {
  pending: OfflineScan[];
  refused: RefusedScan[];
  uploading: boolean;
  uploadError: ApiError | null;
  onUpload: () => void;
  onClearRefused: () => void;
  /** The phone's time (tests pass one). */
  now?: Date;
}

export function ScanQueuePanel({ pending, refused, uploading, uploadError, onUpload, onClearRefused, now }: ScanQueuePanelProps) {
  // R10.1 (D29): only this phone knows its queue, so the 24-hour reminder is shown here.
  const at = now ?? new Date();
  const overdue = pending.filter((s) => offlineScanOverdue(new Date(s.deviceScannedAt), at)).length;
  return (
    <>
      <View className={`czt-card scan-queue ${pending.length > 0 ? 'has-pending' : ''}`}>
        <Text id="pending-count" className="scan-queue-count">{`待上传 ${pending.length} 条`}</Text>
        {pending.length === 0 ? (
          <Text className="scan-queue-text">离线签到都已上传</Text>
        ) : (
          <View className="scan-queue-list">
            {pending.map((s) => (
              <Text key={s.scanId} className="pending-scan" data-scan-id={s.scanId}>
                {`${clockTextWithSeconds(s.deviceScannedAt)} 扫码，等待上传`}
              </Text>
            ))}
          </View>
        )}
        {overdue > 0 ? (
          <Text id="overdue-scans" className="czt-error scan-queue-overdue">
            {`有${overdue}条离线签到超过24小时未上传，请尽快联网上传；超过72小时将不能记录`}
          </Text>
        ) : null}
        {uploadError && pending.length > 0 ? (
          <Text className="czt-error scan-queue-error">
            {uploadError.code === 'NETWORK' ? '网络不通，联网后自动上传' : uploadError.message}
          </Text>
        ) : null}
        <View className="czt-button-row">
          <Button
            id="upload-now"
            className="czt-secondary-button"
            size="large"
            block
            disabled={pending.length === 0}
            loading={uploading}
            onClick={onUpload}
          >
            立即上传
          </Button>
        </View>
      </View>
      {refused.length > 0 ? (
        <View className="czt-card scan-refusals">
          <Text className="scan-queue-count">{`未通过 ${refused.length} 条`}</Text>
          <View className="scan-queue-list">
            {refused.map((r) => (
              <View key={r.scan.scanId} className="refused-scan" data-scan-id={r.scan.scanId}>
                <Text className="refused-scan-time">{`${clockTextWithSeconds(r.scan.deviceScannedAt)} 扫码`}</Text>
                <Text className="refused-scan-reason">{r.message}</Text>
              </View>
            ))}
          </View>
          <View className="czt-button-row">
            <Button id="refusals-clear" className="czt-secondary-button" size="large" block onClick={onClearRefused}>
              我知道了，清除
            </Button>
          </View>
        </View>
      ) : null}
    </>
  );
}
