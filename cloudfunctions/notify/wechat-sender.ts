/**
 * The WeChat subscription-message sender (R10.2), in one file: `subscribeMessage.send` through
 * the CloudBase SDK's WeChat OpenAPI call (`callWxOpenApi`, cloud calls need no access token).
 * Field values arrive already cut to WeChat's limits (core/reminders.ts `fitTemplateData`).
 * Not run against a real environment here (no credentials): see docs/deploy.md.
 */
import type { Notifier, OutgoingMessage, SendResult } from './notifier';

interface TcbWxApp {
  callWxOpenApi(options: { apiName: string; requestData: unknown }): Promise<{ result?: unknown }>;
}

interface TcbModule {
  init(config: Record<string, unknown>): TcbWxApp;
  SYMBOL_CURRENT_ENV: symbol;
}

/** WeChat's answer, whether the SDK hands it over as an object, a string or a buffer. */
function errcodeOf(result: unknown): number {
  let body = result;
  if (Buffer.isBuffer(body)) body = body.toString('utf8');
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return -1;
    }
  }
  const code = (body as { errcode?: unknown } | undefined)?.errcode;
  return typeof code === 'number' ? code : 0;
}

export class WechatNotifier implements Notifier {
  private app: TcbWxApp | null = null;

  constructor(private readonly miniprogramState: 'developer' | 'trial' | 'formal' = 'formal') {}

  private tcb(): TcbWxApp {
    if (!this.app) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const tcb = require('@cloudbase/node-sdk') as TcbModule;
      this.app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
    }
    return this.app;
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const data = Object.fromEntries(Object.entries(message.data).map(([k, value]) => [k, { value }]));
    const { result } = await this.tcb().callWxOpenApi({
      apiName: '/cgi-bin/message/subscribe/send',
      requestData: {
        touser: message.openid,
        template_id: message.template,
        page: message.page,
        data,
        miniprogram_state: this.miniprogramState,
        lang: 'zh_CN',
      },
    });
    const errcode = errcodeOf(result);
    // 43101: refused, or no send left; the outbox marks the consent spent and does not retry.
    return errcode === 0 ? { ok: true } : { ok: false, errcode, retry: errcode !== 43101 };
  }
}
