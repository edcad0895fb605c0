/**
 * R14.3 replies of WeChat's 人脸核身 APIs in their documented shapes (the field names and codes of
 * the getVerifyId and queryVerifyInfo pages, core/face-check.ts), recorded here so the adapter is
 * tested without the network: one per case the server must tell apart.
 */
export const TOKEN = { access_token: 'ACCESS_TOKEN_1', expires_in: 7200 };
export const TOKEN_REFRESHED = { access_token: 'ACCESS_TOKEN_2', expires_in: 7200 };
export const TOKEN_EXPIRED = { errcode: 42001, errmsg: 'access_token expired rid: 6626b1c2-0a1b2c3d-4e5f6a7b' };

export const verifyIdReply = (verifyId: string) => ({ errcode: 0, errmsg: 'ok', verify_id: verifyId, expires_in: 3600 });

export const QUERY = {
  success: { errcode: 0, errmsg: 'ok', verify_ret: 10000 },
  mismatch: { errcode: 0, errmsg: 'ok', verify_ret: 10004 },
  numberMismatch: { errcode: 0, errmsg: 'ok', verify_ret: 10003 },
  userCancelled: { errcode: 0, errmsg: 'ok', verify_ret: 90004 },
  expiredVerifyId: { errcode: 84001, errmsg: 'invalid verify_id hint: [Gv2ab0663ge41]' },
  systemError: { errcode: -1, errmsg: 'system error' },
} as const;

/** A recorded exchange: answers queued per path, every request kept for the assertions. */
export class RecordedWeChat {
  readonly requests: { path: string; query: URLSearchParams; body: Record<string, unknown> }[] = [];
  private readonly queues = new Map<string, unknown[]>();

  reply(path: string, ...answers: unknown[]): this {
    this.queues.set(path, [...(this.queues.get(path) ?? []), ...answers]);
    return this;
  }

  readonly post = async (url: string, body: unknown): Promise<unknown> => {
    const u = new URL(url);
    this.requests.push({ path: u.pathname, query: u.searchParams, body: body as Record<string, unknown> });
    const queue = this.queues.get(u.pathname) ?? [];
    if (queue.length === 0) throw new Error(`no recorded reply left for ${u.pathname}`);
    return queue.shift();
  };

  calls(path: string) {
    return this.requests.filter((r) => r.path === path);
  }
}
