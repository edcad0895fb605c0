/**
 * R14.3 the face-check port: WeChat's 人脸核身 as the server sees it. `start` is getVerifyId (a
 * session for a name + ID number, bound to the WeChat user holding the phone), `query` is
 * queryVerifyInfo (the true result; the phone's own callback is not one). Adapters:
 * `notify/face-wechat.ts` (the cloud: HTTPS with the access token) and, on the local host only,
 * `gateway/face-dev.ts` (a pretend screen that answers as WeChat would).
 */
import type { VerifyReply } from '../../core/face-check';

export interface FaceStart {
  /** Our serial number for the check (5–32 of `[A-Za-z0-9_-]`, unique per AppID). */
  outSeqNo: string;
  /** The WeChat user who will face the camera: the same OPENID must call `wx.requestFacialVerify`. */
  openid: string;
  name: string;
  /** The full, checked number (decrypted only for this call). */
  idNumber: string;
}

export interface FaceQuery extends FaceStart {
  verifyId: string;
}

export interface FaceVerifier {
  start(req: FaceStart): Promise<{ verifyId: string; expiresInSeconds: number }>;
  /** WeChat's documented reply; a transport failure throws FaceServiceDown. */
  query(req: FaceQuery): Promise<VerifyReply>;
}

/** The face service could not be reached or refused the call itself (not a result about the person). */
export class FaceServiceDown extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaceServiceDown';
  }
}
