/**
 * What every use case receives: ports and collaborators, never globals.
 */
import type { Store } from '../../store/port';
import type { Clock } from './clock';
import type { Notifier } from '../../notify/notifier';
import type { ExportStorage } from '../../store/export-storage';
import type { UploadStorage } from '../../store/upload-storage';
import type { IdVault } from './id-vault';
import type { FaceVerifier } from './face-verifier';
import type { RegionDirectory } from './regions';

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface Deps {
  store: Store;
  clock: Clock;
  idVault: IdVault;
  regions: RegionDirectory;
  log: Logger;
  /** Where ledger exports keep parts and files (absent where nothing exports). */
  exports?: ExportStorage;
  /** Files the app uploaded before the call (cloud storage; absent on the local host, R12.2). */
  uploads?: UploadStorage;
  /** Local host: a background runner moves export jobs on, so status calls only read. */
  exportRunner?: { kick(jobId: string): void };
  /** Sends reminders after their outbox entries commit (R10.2); absent where nothing sends. */
  notifier?: Notifier;
  /** R14.3 WeChat's 人脸核身 (absent where it is not configured: checks then answer FACE_CHECK_UNAVAILABLE). */
  faceVerifier?: FaceVerifier;
  /** WeChat subscription template ids by configuration key (`TPL_VOUCHER_EXPIRY` → id). */
  templates?: Record<string, string>;
}

/** Who is calling: the OPENID from the platform (R1.1), never from the payload. */
export interface Caller {
  openid: string | null;
  requestId: string;
  /**
   * R13.1 set only by the router, after checking an active 亲情代办 link: `openid` is then the
   * laborer's, and this the relative who is acting for them.
   */
  proxy?: { openid: string; linkId: string };
}

export const consoleLogger: Logger = {
  info: (msg, fields) => console.log(JSON.stringify({ level: 'info', msg, ...fields })),
  error: (msg, fields) => console.error(JSON.stringify({ level: 'error', msg, ...fields })),
};
