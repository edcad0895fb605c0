/**
 * R14.3 WeChat's 人脸核身 from the server, in one file. These APIs have no cloud call ("本接口不支持云调用"),
 * so they go over HTTPS with the mini-program's access token, taken from the stable-token API with
 * the AppID and AppSecret (WECHAT_APPID, WECHAT_APP_SECRET) and kept until shortly before it lapses.
 * Documented shapes (read 2026-03):
 * - token: POST https://api.weixin.qq.com/cgi-bin/stable_token `{ grant_type: 'client_credential',
 *   appid, secret, force_refresh }` → `{ access_token, expires_in }` (7200 s) —
 *   https://developers.weixin.qq.com/doc/service/en/api/base/api_getstableaccesstoken.html
 * - getVerifyId and queryVerifyInfo, and what their answers mean: core/face-check.ts.
 * - cert_hash: "对 cert_info 中的 cert_type、cert_name、cert_no 字段内容进行标准 base64，按顺序拼接
 *   cert_type=xxx&cert_name=xxx&cert_no=xxx，对拼接串进行 SHA256 并输出十六进制小写结果" — the
 *   queryVerifyInfo notes (the same page's worked example is a unit test).
 * An expired or invalid token (40001, 40014, 42001) is fetched again once with force_refresh.
 */
import { createHash } from 'node:crypto';
import { loadWechatApp } from '../config';
import type { VerifyReply } from '../core/face-check';
import { type Clock, systemClock } from '../services/kernel/clock';
import { type FaceQuery, FaceServiceDown, type FaceStart, type FaceVerifier } from '../services/kernel/face-verifier';

/** POSTs JSON and answers the parsed reply (a transport failure throws). */
export type PostJson = (url: string, body: unknown) => Promise<unknown>;

export const WECHAT_API = 'https://api.weixin.qq.com';

const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
/** A token is used until this long before WeChat's expiry. */
const TOKEN_MARGIN_MS = 5 * 60_000;

export interface CertInfo {
  cert_type: 'IDENTITY_CARD';
  cert_name: string;
  cert_no: string;
}

export const certInfoOf = (name: string, idNumber: string): CertInfo => ({ cert_type: 'IDENTITY_CARD', cert_name: name, cert_no: idNumber });

/** The documented digest of cert_info that queryVerifyInfo takes instead of the number. */
export function certHash(cert: CertInfo): string {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  return createHash('sha256').update(`cert_type=${b64(cert.cert_type)}&cert_name=${b64(cert.cert_name)}&cert_no=${b64(cert.cert_no)}`).digest('hex');
}

const fetchJson: PostJson = async (url, body) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new FaceServiceDown(`HTTP ${res.status}`);
  return res.json();
};

type Reply = { errcode?: unknown; errmsg?: unknown } & Record<string, unknown>;

const errcodeOf = (r: Reply): number => (typeof r.errcode === 'number' ? r.errcode : 0);

export class WechatFaceVerifier implements FaceVerifier {
  private token: { value: string; until: number } | null = null;

  constructor(
    private readonly app: { appId: string; appSecret: string },
    private readonly post: PostJson = fetchJson,
    private readonly clock: Clock = systemClock,
  ) {}

  private async send(url: string, body: unknown): Promise<Reply> {
    let reply: unknown;
    try {
      reply = await this.post(url, body);
    } catch (e) {
      if (e instanceof FaceServiceDown) throw e;
      throw new FaceServiceDown(e instanceof Error ? e.message : String(e));
    }
    if (reply === null || typeof reply !== 'object') throw new FaceServiceDown('not a JSON object');
    return reply as Reply;
  }

  private async accessToken(force: boolean): Promise<string> {
    const now = this.clock.now().getTime();
    if (!force && this.token && this.token.until > now) return this.token.value;
    const r = await this.send(`${WECHAT_API}/cgi-bin/stable_token`, { grant_type: 'client_credential', appid: this.app.appId, secret: this.app.appSecret, force_refresh: force });
    if (typeof r.access_token !== 'string' || errcodeOf(r) !== 0) throw new FaceServiceDown(`stable_token ${String(r.errcode)} ${String(r.errmsg)}`);
    const seconds = typeof r.expires_in === 'number' ? r.expires_in : 7200;
    this.token = { value: r.access_token, until: now + seconds * 1000 - TOKEN_MARGIN_MS };
    return r.access_token;
  }

  /** One API call with the token; a stale token is replaced once. */
  private async call(path: string, body: unknown): Promise<Reply> {
    const first = await this.send(`${WECHAT_API}${path}?access_token=${encodeURIComponent(await this.accessToken(false))}`, body);
    if (!TOKEN_ERRORS.has(errcodeOf(first))) return first;
    return this.send(`${WECHAT_API}${path}?access_token=${encodeURIComponent(await this.accessToken(true))}`, body);
  }

  async start(req: FaceStart): Promise<{ verifyId: string; expiresInSeconds: number }> {
    const r = await this.call('/cityservice/face/identify/getverifyid', { out_seq_no: req.outSeqNo, cert_info: certInfoOf(req.name, req.idNumber), openid: req.openid });
    if (errcodeOf(r) !== 0 || typeof r.verify_id !== 'string') throw new FaceServiceDown(`getverifyid ${String(r.errcode)} ${String(r.errmsg)}`);
    return { verifyId: r.verify_id, expiresInSeconds: typeof r.expires_in === 'number' ? r.expires_in : 3600 };
  }

  async query(req: FaceQuery): Promise<VerifyReply> {
    const r = await this.call('/cityservice/face/identify/queryverifyinfo', {
      verify_id: req.verifyId,
      out_seq_no: req.outSeqNo,
      cert_hash: certHash(certInfoOf(req.name, req.idNumber)),
      openid: req.openid,
    });
    return {
      errcode: errcodeOf(r),
      ...(typeof r.errmsg === 'string' ? { errmsg: r.errmsg } : {}),
      ...(typeof r.verify_ret === 'number' ? { verify_ret: r.verify_ret } : {}),
    };
  }
}

/** The cloud's adapter when the AppID and AppSecret are configured (read on the first call, not at load). */
export const wechatFaceVerifierFromEnv = (): FaceVerifier | undefined => {
  const app = loadWechatApp(process.env);
  return app ? new WechatFaceVerifier(app) : undefined;
};
