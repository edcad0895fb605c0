/**
 * The WeChat subscription-message sender (R10.2), in one file, on the documented cloud call:
 * `cloud.openapi.subscribeMessage.send` of `wx-server-sdk`, with `permissions.openapi:
 * ["subscribeMessage.send"]` in the sending function's config.json (functions/manifest.ts).
 * Cloud calls need no access token; a timer-triggered call uses the timer's token (the SDK picks
 * it from TRIGGER_SRC=timer). Field values arrive already cut to WeChat's limits.
 *
 * What the API answers, as documented: success resolves `{ errCode: 0, errMsg: '…:ok' }`; a
 * failure rejects with `{ errCode, errMsg }` (43101: refused, or no send left). Anything else —
 * a reply without an error code, say — is not taken as sent: it is retried like an error.
 */
import type { Notifier, OutgoingMessage, SendResult } from './notifier';

/** The slice of `wx-server-sdk` used here. */
export interface WxCloud {
  DYNAMIC_CURRENT_ENV: unknown;
  init(options: { env: unknown }): void;
  openapi: { subscribeMessage: { send(request: Record<string, unknown>): Promise<unknown> } };
}

/** No usable error code in what came back (not a documented reply). */
export const UNKNOWN_REPLY = -2;

const numeric = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : null);

/** The error code of a reply or a rejection, in either spelling (cloud calls say errCode). */
function codeOf(value: unknown): number | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as { errCode?: unknown; errcode?: unknown };
  return numeric(v.errCode) ?? numeric(v.errcode);
}

/** R10.2 what a send's outcome means for the outbox. */
export function sendOutcome(outcome: { resolved: unknown } | { rejected: unknown }): SendResult {
  const code = 'resolved' in outcome ? codeOf(outcome.resolved) : codeOf(outcome.rejected);
  if ('resolved' in outcome && code === 0) return { ok: true };
  const errcode = code === null || code === 0 ? UNKNOWN_REPLY : code;
  // 43101: refused, or no send left; the outbox marks the consent spent and does not retry.
  return { ok: false, errcode, retry: errcode !== 43101 };
}

export class WechatNotifier implements Notifier {
  private cloud: WxCloud | null;

  constructor(
    private readonly miniprogramState: 'developer' | 'trial' | 'formal' = 'formal',
    cloud: WxCloud | null = null,
  ) {
    this.cloud = cloud;
  }

  /** Required and initialised on the first send only (loading a bundle does nothing). */
  private sdk(): WxCloud {
    if (!this.cloud) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const cloud = require('wx-server-sdk') as WxCloud;
      cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
      this.cloud = cloud;
    }
    return this.cloud;
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const data = Object.fromEntries(Object.entries(message.data).map(([k, value]) => [k, { value }]));
    const request = {
      touser: message.openid,
      templateId: message.template,
      page: message.page,
      data,
      miniprogramState: this.miniprogramState,
      lang: 'zh_CN',
    };
    try {
      return sendOutcome({ resolved: await this.sdk().openapi.subscribeMessage.send(request) });
    } catch (error) {
      return sendOutcome({ rejected: error });
    }
  }
}
