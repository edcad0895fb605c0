/**
 * R14.3 the local host's stand-in for WeChat's 人脸核身: a "pretend face check" screen at
 * `/dev/face` where whoever holds the browser (a person trying the demo, or a browser test)
 * answers as the real service would — the face matches, it does not, the check is cancelled, or
 * it lapses — and `query` then replies in WeChat's own shape (`{ errcode, verify_ret }`), so the
 * server reads it through the same meaning (core/face-check.ts) as the cloud's replies.
 *
 * Local host only: it lives in the gateway, which no cloud entry may import (.dependency-cruiser.cjs
 * `dev-face-check-local-only`), and tests/integration/cloud-bundles.test.ts greps every bundle
 * for its marks.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { INVALID_VERIFY_ID, VERIFY_PASSED, type VerifyReply } from '../core/face-check';
import { maskIdNumber, maskName } from '../core/id-number';
import type { Clock } from '../services/kernel/clock';
import type { FaceQuery, FaceStart, FaceVerifier } from '../services/kernel/face-verifier';

export const DEV_FACE_PATH = '/dev/face';
/** The page's mark (also what the bundle test looks for). */
export const DEV_FACE_MARK = 'pretend-face-check';

/** The screen's answers, each as WeChat's verify_ret (or, for `lapse`, its invalid-id errcode). */
export const DEV_FACE_ANSWERS = {
  match: { label: '是本人，比对通过', reply: { errcode: 0, verify_ret: VERIFY_PASSED } },
  mismatch: { label: '不是本人（人脸与身份证照片不一致）', reply: { errcode: 0, verify_ret: 10004 } },
  cancel: { label: '取消刷脸', reply: { errcode: 0, verify_ret: 90004 } },
  lapse: { label: '让这次核身过期', reply: { errcode: INVALID_VERIFY_ID, errmsg: 'invalid verify_id' } },
} as const satisfies Record<string, { label: string; reply: VerifyReply }>;

export type DevFaceAnswer = keyof typeof DEV_FACE_ANSWERS;

interface Pending {
  req: FaceStart;
  expiresAt: number;
  reply: VerifyReply | null;
}

/** What an unanswered check replies: the recognition never finished (90017 识别过程超时). */
const UNANSWERED: VerifyReply = { errcode: 0, verify_ret: 90017 };

export class DevFaceVerifier implements FaceVerifier {
  private readonly checks = new Map<string, Pending>();

  constructor(private readonly clock: Clock) {}

  async start(req: FaceStart): Promise<{ verifyId: string; expiresInSeconds: number }> {
    const verifyId = `dev-${randomBytes(16).toString('hex')}`;
    this.checks.set(verifyId, { req, expiresAt: this.clock.now().getTime() + 3_600_000, reply: null });
    return { verifyId, expiresInSeconds: 3600 };
  }

  async query(req: FaceQuery): Promise<VerifyReply> {
    const c = this.checks.get(req.verifyId);
    if (!c || (!c.reply && this.clock.now().getTime() > c.expiresAt)) return DEV_FACE_ANSWERS.lapse.reply;
    // WeChat checks the cert info and openid against getVerifyId's and answers an errcode when they differ.
    if (c.req.openid !== req.openid || c.req.outSeqNo !== req.outSeqNo || c.req.idNumber !== req.idNumber || c.req.name !== req.name) return { errcode: -1, errmsg: 'cert_info or openid differs' };
    return c.reply ?? UNANSWERED;
  }

  /** Who the screen shows (masked, as a bystander would see it). */
  shown(verifyId: string): { name: string; idMasked: string } | null {
    const c = this.checks.get(verifyId);
    return c ? { name: maskName(c.req.name), idMasked: maskIdNumber(c.req.idNumber) } : null;
  }

  /** The screen's answer; false for an unknown id. */
  answer(verifyId: string, answer: DevFaceAnswer): boolean {
    const c = this.checks.get(verifyId);
    if (!c) return false;
    c.reply = DEV_FACE_ANSWERS[answer].reply;
    return true;
  }
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);

/** Back to the app page that started the check: an app route with a plain query, nothing else. */
const BACK = /^pages\/[\w/-]+(\?[\w=&-]*)?$/;

function screen(verifyId: string, who: { name: string; idMasked: string }, back: string): string {
  const buttons = (Object.keys(DEV_FACE_ANSWERS) as DevFaceAnswer[])
    .map((a) => `<form method="post" action="${DEV_FACE_PATH}"><input type="hidden" name="verifyId" value="${escapeHtml(verifyId)}"><input type="hidden" name="back" value="${escapeHtml(back)}"><input type="hidden" name="answer" value="${a}"><button type="submit" id="face-${a}" class="${a}">${escapeHtml(DEV_FACE_ANSWERS[a].label)}</button></form>`)
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>模拟人脸核身 · 持证通（本地开发）</title>
<style>body{font:20px/1.6 system-ui,sans-serif;margin:0;padding:20px;background:#f5f6f7;color:#111}h1{font-size:26px;margin:0 0 8px}
.face{width:180px;height:180px;border-radius:50%;margin:24px auto;border:6px solid #0b57d0;display:flex;align-items:center;justify-content:center;font-size:64px;background:#fff}
.who{background:#fff;border-radius:12px;padding:12px 16px;margin:12px 0}button{width:100%;font-size:22px;padding:16px;margin:8px 0;border:0;border-radius:12px;color:#fff;background:#1e7d32}
button.mismatch{background:#b3261e}button.cancel{background:#555}button.lapse{background:#8a5a00}small{color:#444}</style></head>
<body><main id="${DEV_FACE_MARK}"><h1>模拟人脸核身</h1><p><small>仅本地开发环境提供。正式小程序里，这一步由微信刷脸完成，结果由服务器向微信查询。</small></p>
<div class="face" aria-hidden="true">🙂</div><div class="who">核验对象：<b>${escapeHtml(who.name)}</b><br>身份证号：${escapeHtml(who.idMasked)}</div>
<p>请选择微信刷脸会给出的结果：</p>${buttons}</main></body></html>`;
}

/** The pretend screen's routes (registered only with the dev routes, on a loopback host). */
export function registerDevFaceRoutes(app: FastifyInstance, verifier: DevFaceVerifier): void {
  app.get(DEV_FACE_PATH, async (req, reply) => {
    const q = req.query as { verifyId?: unknown; back?: unknown };
    const verifyId = typeof q.verifyId === 'string' ? q.verifyId : '';
    const who = verifier.shown(verifyId);
    if (!who) return reply.code(404).type('text/plain; charset=utf-8').send('没有这次核身');
    const back = typeof q.back === 'string' && BACK.test(q.back) ? q.back : 'pages/face-check/index';
    return reply.type('text/html; charset=utf-8').send(screen(verifyId, who, back));
  });

  app.post(DEV_FACE_PATH, async (req, reply) => {
    const body = req.body as { verifyId?: unknown; answer?: unknown; back?: unknown } | undefined;
    const answer = typeof body?.answer === 'string' && body.answer in DEV_FACE_ANSWERS ? (body.answer as DevFaceAnswer) : null;
    const verifyId = typeof body?.verifyId === 'string' ? body.verifyId : '';
    if (!answer || !verifier.answer(verifyId, answer)) return reply.code(400).send({ ok: false, code: 'INVALID_INPUT', message: '没有这次核身' });
    if ((req.headers['content-type'] ?? '').includes('json')) return { ok: true, data: { verifyId, answer } };
    const back = typeof body?.back === 'string' && BACK.test(body.back) ? body.back : 'pages/face-check/index';
    // The app page finishes the check: it asks the server, which queries this adapter as it would WeChat.
    return reply.redirect(`/#/${back}${back.includes('?') ? '&' : '?'}verifyId=${encodeURIComponent(verifyId)}`, 303);
  });
}
