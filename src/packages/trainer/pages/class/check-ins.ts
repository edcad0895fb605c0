/**
 * R13.2 check-in without the phone's QR, on the class page: the 8 digits a laborer's screen
 * shows, typed (`training.scanTyped`, judged at the server's time, so only with a network), and
 * the trainer's mark with a reason (`training.markPresent`). Each answers like a scan, and the
 * roster is reloaded after a check-in.
 */
import { parseAttendanceCode, parseCardCode } from '../../../../../cloudfunctions/core/attendance';
import { ApiError, type CallOptions, call, toApiError } from '../../../../api/client';
import type { ScanOutcome } from '../../stores/use-scan-queue';
import { useTrainerStore } from '../../stores/use-trainer-store';
import { isKnownOffline } from '../../../../utils/network';

/** The 8 typed digits, once spaces and dashes are dropped; null when the text is something else. */
export function typedDigits(text: string): string | null {
  const trimmed = text.trim();
  if (parseAttendanceCode(trimmed) || parseCardCode(trimmed)) return null;
  const digits = trimmed.replace(/[\s-]/g, '');
  return /^\d{8}$/.test(digits) ? digits : null;
}

const answered = async (classId: string, request: Promise<ScanOutcome>): Promise<ScanOutcome> => {
  const outcome = await request;
  if (outcome.kind === 'answered' && outcome.result.status === 'accepted') void useTrainerStore.getState().loadRoster(classId);
  return outcome;
};

export const DIGITS_OFFLINE = '没有网络：输入数字要联网。请扫码签到，扫码没有网络也能用';

/** Typed digits need the server's clock: offline, the trainer is told to scan instead (a scan works offline). */
export function submitDigits(classId: string, digits: string): Promise<ScanOutcome> {
  return answered(
    classId,
    (async (): Promise<ScanOutcome> => {
      if (await isKnownOffline()) return { kind: 'failed', error: new ApiError('NETWORK', DIGITS_OFFLINE, undefined, 'offline') };
      try {
        return { kind: 'answered', result: await call('training', 'scanTyped', { classId, digits }) };
      } catch (e) {
        return { kind: 'failed', error: toApiError(e) };
      }
    })(),
  );
}

/** Marks a person present at the session under way; rejects with an `ApiError` (the confirm step shows it). */
export async function markPresent(classId: string, personId: string, reason: string, options: CallOptions): Promise<ScanOutcome> {
  return answered(classId, call('training', 'markPresent', { classId, personId, reason }, options).then((result) => ({ kind: 'answered', result })));
}
