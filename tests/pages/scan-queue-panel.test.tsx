/**
 * R10.1 (D29): the trainer's phone reminds them of offline scans not uploaded after 24 hours.
 */
import { render, screen } from '@testing-library/react';
import { ScanQueuePanel } from '../../src/packages/trainer/components/scan-queue-panel';

const scan = (scanId: string, at: string) => ({ scanId, classId: 'c1', code: 'CZT1.x.1.y', deviceScannedAt: at });
const props = { refused: [], uploading: false, uploadError: null, onUpload: () => undefined, onClearRefused: () => undefined };

describe('R10.1 offline scans not uploaded after 24 h', () => {
  it('R10.1 says how many queued scans are over 24 hours old', () => {
    render(
      <ScanQueuePanel
        {...props}
        now={new Date('2026-03-03T10:00:00.000Z')}
        pending={[scan('a', '2026-03-02T09:59:00.000Z'), scan('b', '2026-03-02T10:00:00.000Z'), scan('c', '2026-03-02T10:01:00.000Z')]}
      />,
    );
    expect(screen.getByText('有2条离线签到超过24小时未上传，请尽快联网上传；超过72小时将不能记录')).toBeTruthy();
  });

  it('R10.1 says nothing while every queued scan is under 24 hours old', () => {
    const { container } = render(
      <ScanQueuePanel {...props} now={new Date('2026-03-03T10:00:00.000Z')} pending={[scan('c', '2026-03-02T10:01:00.000Z')]} />,
    );
    expect(container.querySelector('#overdue-scans')).toBeNull();
    expect(screen.getByText('待上传 1 条')).toBeTruthy();
  });
});
