import { waitFor } from '@testing-library/react';
import type { OfflineScan } from '../../cloudfunctions/contract';
import {
  createScanQueue,
  newScanId,
  SCAN_QUEUE_STORAGE_KEY,
  type ScanQueueDeps,
  uploadOnReconnect,
  UPLOAD_BATCH_SIZE,
} from '../../src/packages/trainer/stores/use-scan-queue';
import { isKnownOffline } from '../../src/packages/trainer/utils/network';
import { __resetTaroMock, cloud, getNetworkType, getStorageSync, onNetworkStatusChange } from './__mocks__/taro';
import { installApi, ok, refusal } from './api-double';
import {
  accepted,
  aCode,
  asWeapp,
  duplicate,
  installCloud,
  networkDown,
  refused,
  scansOf,
  setBrowserOnline,
} from './trainer-double';

const T0 = new Date('2026-11-25T01:02:03.000Z');
const LATER = new Date('2026-11-25T05:00:00.000Z');

/** A store with a clock the test moves, and scan ids it can predict. */
function aQueue(start = T0) {
  const clock = { now: start };
  let n = 0;
  const deps: ScanQueueDeps = {
    now: () => clock.now,
    newScanId: () => `scan-${String(++n).padStart(16, '0')}`,
    isOffline: isKnownOffline,
  };
  return { store: createScanQueue(deps), clock, deps };
}

const uploads = <C extends { action: string }>(calls: C[]) => calls.filter((c) => c.action === 'uploadOfflineScans');

beforeEach(() => {
  __resetTaroMock();
  setBrowserOnline(true);
});
afterEach(() => {
  cloud.callFunction.mockReset();
  onNetworkStatusChange.mockReset();
});

describe('R6.4 live scans', () => {
  it('sends a scan to training.scan and answers at once, keeping nothing', async () => {
    const calls = installApi({ scan: () => ok(accepted(2)) });
    const { store } = aQueue();
    const outcome = await store.getState().submit('c-1', `  ${aCode()} `);
    expect(outcome).toEqual({ kind: 'answered', result: accepted(2) });
    expect(calls.map((c) => [c.action, c.payload])).toEqual([['scan', { classId: 'c-1', code: aCode() }]]);
    expect(store.getState().pending).toEqual([]);
  });

  it('refuses a text that is not a 持证通 code without asking the server', async () => {
    const calls = installApi({ scan: () => ok(accepted(0)) });
    const { store } = aQueue();
    const outcome = await store.getState().submit('c-1', 'https://example.com/pay');
    expect(outcome).toEqual({ kind: 'answered', result: refused('CODE_FORGED') });
    expect(calls).toHaveLength(0);
  });

  it('does not queue a scan whose request the server refused (no such class)', async () => {
    installApi({ scan: () => refusal('CLASS_NOT_FOUND') });
    const { store } = aQueue();
    const outcome = await store.getState().submit('c-1', aCode());
    expect(outcome.kind).toBe('failed');
    expect(outcome.kind === 'failed' && outcome.error.code).toBe('CLASS_NOT_FOUND');
    expect(store.getState().pending).toEqual([]);
  });
});

describe('R6.4 queueing', () => {
  it('queues a scan whose call fails with NETWORK, with the device time of the scan', async () => {
    const { store, clock } = aQueue();
    installApi({
      scan: () => {
        // The call takes a while before it fails: the scan keeps the time it was made.
        clock.now = LATER;
        return networkDown();
      },
    });
    const outcome = await store.getState().submit('c-1', aCode());
    expect(outcome.kind).toBe('queued');
    const [scan] = store.getState().pending;
    expect(scan).toEqual({ scanId: 'scan-0000000000000001', classId: 'c-1', code: aCode(), deviceScannedAt: T0.toISOString() });
    expect(outcome.kind === 'queued' && outcome.scan).toEqual(scan);
  });

  it('queues at once, without a call, when the browser says it is offline', async () => {
    const calls = installApi({ scan: () => ok(accepted(0)) });
    setBrowserOnline(false);
    const { store } = aQueue();
    expect((await store.getState().submit('c-1', aCode())).kind).toBe('queued');
    expect(calls).toHaveLength(0);
    expect(store.getState().pending).toHaveLength(1);
  });

  it('weapp: queues at once when Taro.getNetworkType says none', async () => {
    await asWeapp(async () => {
      const calls = installCloud({ scan: () => accepted(0) });
      getNetworkType.mockResolvedValueOnce({ networkType: 'none', errMsg: 'ok' });
      const { store } = aQueue();
      expect((await store.getState().submit('c-1', aCode())).kind).toBe('queued');
      expect(calls).toHaveLength(0);
      expect(getNetworkType).toHaveBeenCalled();
    });
  });

  it('makes scan ids of at least 16 random characters, never the same twice', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newScanId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id.length).toBeGreaterThanOrEqual(16);
  });
});

describe('R6.4 uploading', () => {
  /** Queues `n` scans with the network down, the first at T0, then one a second. */
  async function queued(n: number) {
    installApi({ scan: networkDown });
    const q = aQueue();
    for (let i = 0; i < n; i++) {
      q.clock.now = new Date(T0.getTime() + i * 1000);
      await q.store.getState().submit('c-1', aCode(`ref0000${i}`));
    }
    q.clock.now = LATER;
    return q;
  }

  it('uploads exactly the pending scans, once, with their ids and device times, when the browser comes back online', async () => {
    const { store } = await queued(2);
    const sent = store.getState().pending;
    const calls = installApi({
      uploadOfflineScans: (p) => ok(scansOf(p).map((s, i) => ({ scanId: s.scanId, result: i === 0 ? accepted(1) : duplicate(1) }))),
    });
    const stop = uploadOnReconnect(store);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(store.getState().pending).toEqual([]));
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 10));
    stop();

    expect(uploads(calls)).toHaveLength(1);
    expect(uploads(calls)[0].payload).toEqual({ deviceNow: LATER.toISOString(), scans: sent });
    expect(sent.map((s) => s.deviceScannedAt)).toEqual([T0.toISOString(), '2026-11-25T01:02:04.000Z']);
    expect(store.getState().lastUpload).toEqual({ accepted: 1, duplicate: 1, refused: 0, classIds: ['c-1'] });
  });

  it('weapp: uploads when Taro.onNetworkStatusChange reports the network is back', async () => {
    const { store } = await queued(1);
    const scanId = store.getState().pending[0].scanId;
    await asWeapp(async () => {
      const calls = installCloud({ uploadOfflineScans: (p) => scansOf(p).map((s) => ({ scanId: s.scanId, result: accepted(1) })) });
      const stop = uploadOnReconnect(store);
      const listener = onNetworkStatusChange.mock.calls[0][0];
      listener({ isConnected: false, networkType: 'none' });
      expect(calls).toHaveLength(0);
      listener({ isConnected: true, networkType: '4g' });
      await waitFor(() => expect(store.getState().pending).toEqual([]));
      stop();
      expect(calls.map((c) => scansOf(c.payload).map((s) => s.scanId))).toEqual([[scanId]]);
    });
  });

  it('keeps the scans when the answer is lost, and the retry sends the same scan ids', async () => {
    const { store } = await queued(2);
    const ids = store.getState().pending.map((s) => s.scanId);
    let answered = false;
    const calls = installApi({
      uploadOfflineScans: (p) => {
        if (!answered) {
          answered = true;
          // The server recorded them, but the answer never reached the phone.
          return networkDown();
        }
        return ok(scansOf(p).map((s) => ({ scanId: s.scanId, result: duplicate(1) })));
      },
    });
    await store.getState().upload();
    expect(store.getState().pending.map((s) => s.scanId)).toEqual(ids);
    expect(store.getState().uploadError?.code).toBe('NETWORK');

    await store.getState().upload();
    expect(uploads(calls).map((c) => scansOf(c.payload).map((s) => s.scanId))).toEqual([ids, ids]);
    expect(store.getState().pending).toEqual([]);
    expect(store.getState().uploadError).toBeNull();
  });

  it('moves refused scans to the refusals with their message; accepted and duplicate ones just leave', async () => {
    const { store } = await queued(3);
    const [a, b, c] = store.getState().pending;
    installApi({
      uploadOfflineScans: () =>
        ok([
          { scanId: a.scanId, result: accepted(1) },
          { scanId: b.scanId, result: refused('UPLOAD_TOO_LATE') },
          { scanId: c.scanId, result: duplicate(1) },
        ]),
    });
    await store.getState().upload();
    expect(store.getState().pending).toEqual([]);
    expect(store.getState().refused).toEqual([{ scan: b, reason: 'UPLOAD_TOO_LATE', message: '离线签到超过72小时才上传，不能再记录' }]);
    store.getState().clearRefused('c-1');
    expect(store.getState().refused).toEqual([]);
  });

  it('keeps a scan the answer does not mention', async () => {
    const { store } = await queued(2);
    const [a, b] = store.getState().pending;
    installApi({ uploadOfflineScans: () => ok([{ scanId: a.scanId, result: accepted(1) }]) });
    await store.getState().upload();
    expect(store.getState().pending).toEqual([b]);
  });

  it(`sends at most ${UPLOAD_BATCH_SIZE} scans per call`, async () => {
    const { store } = await queued(UPLOAD_BATCH_SIZE + 1);
    const calls = installApi({ uploadOfflineScans: (p) => ok(scansOf(p).map((s) => ({ scanId: s.scanId, result: accepted(1) }))) });
    await store.getState().upload();
    expect(uploads(calls).map((c) => scansOf(c.payload).length)).toEqual([UPLOAD_BATCH_SIZE, 1]);
    expect(store.getState().pending).toEqual([]);
  });

  it('shares one upload between calls made while it runs', async () => {
    const { store } = await queued(1);
    const calls = installApi({ uploadOfflineScans: (p) => ok(scansOf(p).map((s) => ({ scanId: s.scanId, result: accepted(1) }))) });
    await Promise.all([store.getState().upload(), store.getState().upload(), store.getState().upload()]);
    expect(uploads(calls)).toHaveLength(1);
  });

  it('does not call the server when nothing is queued', async () => {
    const calls = installApi({});
    const { store } = aQueue();
    expect(await store.getState().upload()).toBeNull();
    expect(calls).toHaveLength(0);
  });
});

describe('R6.4 the queue survives a reload', () => {
  it('a store made again from storage has the same pending scans and refusals', async () => {
    installApi({ scan: networkDown });
    const first = aQueue().store;
    await first.getState().submit('c-1', aCode('ref0000a'));
    await first.getState().submit('c-2', aCode('ref0000b'));
    const before: OfflineScan[] = first.getState().pending;
    installApi({ uploadOfflineScans: () => ok([{ scanId: before[1].scanId, result: refused('NOT_ENROLLED') }]) });
    await first.getState().upload();
    expect(typeof getStorageSync(SCAN_QUEUE_STORAGE_KEY)).toBe('string');

    const reloaded = aQueue().store;
    expect(reloaded.getState().pending).toEqual([before[0]]);
    expect(reloaded.getState().refused).toEqual([{ scan: before[1], reason: 'NOT_ENROLLED', message: '该学员没有报名本班' }]);
  });
});
