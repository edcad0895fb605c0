/**
 * The trainer's scans: a live scan goes straight to `training.scan`; a scan made offline (or
 * whose call never got through) waits here, on the phone, with its device time, until
 * `training.uploadOfflineScans` takes it (R6.4). The queue is kept in Taro storage, so it
 * survives closing the mini-program or reloading the page.
 *
 * Uploads are idempotent by `scanId` on the server, so a scan leaves the queue only once its
 * result is known: a batch whose answer was lost is sent again, with the same ids.
 */
import { create, type StateCreator } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ErrorCode, OfflineScan, ScanResult } from '../../../../cloudfunctions/contract';
import { parseAttendanceCode, parseCardCode } from '../../../../cloudfunctions/core/attendance';
import { ERROR_MESSAGES } from '../../../../cloudfunctions/core/errors';
import { ApiError, call, toApiError } from '../../../api/client';
import { taroStorage } from '../../../stores/taro-storage';
import { randomId } from '../../../utils/random-id';
import { withTimeout } from '../../../utils/with-timeout';
import { isKnownOffline, onReconnect } from '../utils/network';

/** The server takes at most this many scans per upload. */
export const UPLOAD_BATCH_SIZE = 500;
/** A live scan unanswered this long is queued: the trainer has the next person waiting. */
export const LIVE_SCAN_TIMEOUT_MS = 10_000;
export const SCAN_QUEUE_STORAGE_KEY = 'czt-trainer-scan-queue';

/** A queued scan the server refused on upload, with its reason in Chinese. */
export interface RefusedScan {
  scan: OfflineScan;
  reason: ErrorCode;
  message: string;
}

export type ScanOutcome =
  /** The server judged the scan now. */
  | { kind: 'answered'; result: ScanResult }
  /** Kept on the phone for upload. */
  | { kind: 'queued'; scan: OfflineScan }
  /** The request itself was refused (e.g. signed out, class closed): nothing was kept. */
  | { kind: 'failed'; error: ApiError };

export interface UploadSummary {
  accepted: number;
  duplicate: number;
  refused: number;
  /** Classes whose roster may have changed. */
  classIds: string[];
}

export interface ScanQueueState {
  /** Scans not yet uploaded, oldest first. */
  pending: OfflineScan[];
  /** Queued scans the server refused, oldest first. */
  refused: RefusedScan[];
  uploading: boolean;
  /** Why the last upload stopped (the scans stay queued); null after a clean upload. */
  uploadError: ApiError | null;
  /** The last upload that resolved at least one scan (pages refresh their roster on it). */
  lastUpload: UploadSummary | null;
  /** Submits a scanned or typed code for `classId`. Never rejects. */
  submit: (classId: string, code: string) => Promise<ScanOutcome>;
  /** Uploads every queued scan, in batches; concurrent calls share one upload. Never rejects. */
  upload: () => Promise<UploadSummary | null>;
  /** Forgets the refusals of one class (the trainer has read them). */
  clearRefused: (classId: string) => void;
}

export interface ScanQueueDeps {
  /** The device's clock (R6.4: offline scans carry device time). */
  now: () => Date;
  newScanId: () => string;
  isOffline: () => Promise<boolean>;
}

/** Random enough that two phones never collide; not a secret. */
export const newScanId = (): string => `s${randomId(24)}`;

const defaultDeps: ScanQueueDeps = { now: () => new Date(), newScanId, isOffline: isKnownOffline };

const notOurCode: ScanResult = { status: 'refused', code: 'CODE_FORGED', message: ERROR_MESSAGES.CODE_FORGED };

export const scanQueueStateCreator =
  (deps: ScanQueueDeps = defaultDeps): StateCreator<ScanQueueState> =>
  (set, get) => {
    let uploadInFlight: Promise<UploadSummary | null> | null = null;

    const enqueue = (classId: string, code: string, scannedAt: Date): OfflineScan => {
      const scan: OfflineScan = { scanId: deps.newScanId(), classId, code, deviceScannedAt: scannedAt.toISOString() };
      set({ pending: [...get().pending, scan] });
      return scan;
    };

    /** Applies one batch's answers: known results leave the queue, refusals are kept to show. */
    const settle = (batch: OfflineScan[], answers: { scanId: string; result: ScanResult }[], summary: UploadSummary) => {
      const sent = new Map(batch.map((s) => [s.scanId, s]));
      const done = new Set<string>();
      const refused: RefusedScan[] = [];
      for (const { scanId, result } of answers) {
        const scan = sent.get(scanId);
        if (!scan || done.has(scanId)) continue;
        done.add(scanId);
        if (!summary.classIds.includes(scan.classId)) summary.classIds.push(scan.classId);
        if (result.status === 'refused') {
          summary.refused += 1;
          refused.push({ scan, reason: result.code, message: result.message });
        } else {
          summary[result.status] += 1;
        }
      }
      set({ pending: get().pending.filter((s) => !done.has(s.scanId)), refused: [...get().refused, ...refused] });
    };

    const uploadAll = async (): Promise<UploadSummary | null> => {
      const queued = get().pending;
      const summary: UploadSummary = { accepted: 0, duplicate: 0, refused: 0, classIds: [] };
      set({ uploading: true, uploadError: null });
      try {
        for (let i = 0; i < queued.length; i += UPLOAD_BATCH_SIZE) {
          const batch = queued.slice(i, i + UPLOAD_BATCH_SIZE);
          const answers = await call('training', 'uploadOfflineScans', { deviceNow: deps.now().toISOString(), scans: batch });
          settle(batch, answers, summary);
        }
      } catch (e) {
        set({ uploadError: toApiError(e) });
      } finally {
        set({ uploading: false });
      }
      if (summary.classIds.length === 0) return null;
      set({ lastUpload: summary });
      return summary;
    };

    return {
      pending: [],
      refused: [],
      uploading: false,
      uploadError: null,
      lastUpload: null,
      submit: async (classId, raw) => {
        const code = raw.trim();
        // The device time of the scan, taken before anything can keep it waiting.
        const scannedAt = deps.now();
        // A phone's code or a printed 签到卡 (R13.2): both are scanned, queued and uploaded alike.
        if (!parseAttendanceCode(code) && !parseCardCode(code)) return { kind: 'answered', result: notOurCode };
        if (await deps.isOffline()) return { kind: 'queued', scan: enqueue(classId, code, scannedAt) };
        try {
          const result = await withTimeout(call('training', 'scan', { classId, code }), LIVE_SCAN_TIMEOUT_MS, () => new ApiError('NETWORK'));
          return { kind: 'answered', result };
        } catch (e) {
          const error = toApiError(e);
          // The scan may or may not have reached the server: queued, it is judged at its own
          // time, and a scan that did get through answers 已签到 on upload (R6.3).
          if (error.code === 'NETWORK') return { kind: 'queued', scan: enqueue(classId, code, scannedAt) };
          return { kind: 'failed', error };
        }
      },
      upload: () => {
        if (uploadInFlight) return uploadInFlight;
        if (get().pending.length === 0) return Promise.resolve(null);
        uploadInFlight = uploadAll().finally(() => {
          uploadInFlight = null;
        });
        return uploadInFlight;
      },
      clearRefused: (classId) => set({ refused: get().refused.filter((r) => r.scan.classId !== classId) }),
    };
  };

/** A queue store read back from storage (tests make a second one to play a reload). */
export function createScanQueue(deps: ScanQueueDeps = defaultDeps) {
  return create<ScanQueueState>()(
    persist(scanQueueStateCreator(deps), {
      name: SCAN_QUEUE_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => taroStorage),
      partialize: (s) => ({ pending: s.pending, refused: s.refused }),
    }),
  );
}

export const useScanQueue = createScanQueue();

type ScanQueueStore = ReturnType<typeof createScanQueue>;

/** Uploads `store`'s queue each time the network comes back; returns a function that stops. */
export function uploadOnReconnect(store: ScanQueueStore): () => void {
  return onReconnect(() => void store.getState().upload());
}

let watching = false;

/** Uploads the queue whenever the network comes back, for as long as the app runs (pages call it). */
export function uploadWhenOnline(): void {
  if (watching) return;
  watching = true;
  uploadOnReconnect(useScanQueue);
}
