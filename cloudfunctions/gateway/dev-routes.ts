/**
 * Dev-only endpoints of the local host: persona login, logout, and the shifted clock.
 * They exist only in the gateway, which is never bundled for the cloud.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LocalRuntime } from './local-runtime';
import { PERSONAS, demoIdNumber, personaByKey } from './personas';
import { SESSION_COOKIE } from './session';
import { registerDevFaceRoutes } from './face-dev';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Where to go after logging in: a page of the app with its query, nothing else. */
const NEXT = /^(pages|packages)\/[\w/-]+(\?[\w=&-]*)?$/;

function loginPage(runtime: LocalRuntime, next: string | null): string {
  const back = next ? `<input type="hidden" name="next" value="${escapeHtml(next)}">` : '';
  const now = runtime.clock.now();
  const items = PERSONAS.map((p) => {
    const id = !p.registered ? demoIdNumber(p, now) : null;
    const hint = id
      ? `<small>演示身份证号：<code class="demo-id" data-persona="${p.key}">${id}</code>，户籍：岚县岚城镇</small>`
      : '';
    return `<li><form method="post" action="/dev/login"><input type="hidden" name="persona" value="${p.key}">${back}
      <button type="submit" id="persona-${p.key}">${escapeHtml(p.label)}</button></form>${hint}</li>`;
  }).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>选择演示身份 · 持证通（本地开发）</title>
<style>body{font:18px/1.6 system-ui,sans-serif;margin:0;padding:20px;background:#f5f6f7;color:#111}
h1{font-size:24px}ul{list-style:none;padding:0}li{margin:0 0 16px}
button{width:100%;font-size:20px;padding:14px;border:0;border-radius:10px;background:#0b57d0;color:#fff;text-align:left}
small{display:block;margin-top:6px;color:#333}code{font-size:16px}</style></head>
<body><h1>选择演示身份</h1><p>仅本地开发环境提供，正式小程序使用微信身份。</p><ul>${items}
<li><form method="post" action="/dev/login"><input type="hidden" name="fresh" value="1">${back}
<button type="submit" id="persona-fresh" style="background:#1e7d32">新的微信身份（未登记、没有岗位，可用来接受邀请）</button></form></li></ul>
<form method="post" action="/dev/logout"><button type="submit" id="logout" style="background:#555">退出登录</button></form>
</body></html>`;
}

const wantsJson = (req: FastifyRequest): boolean => (req.headers['content-type'] ?? '').includes('json');

export function registerDevRoutes(app: FastifyInstance, runtime: LocalRuntime): void {
  registerDevFaceRoutes(app, runtime.faceDev);
  app.get('/dev/login', async (req, reply) => {
    const next = (req.query as { next?: unknown }).next;
    return reply.type('text/html; charset=utf-8').send(loginPage(runtime, typeof next === 'string' && NEXT.test(next) ? next : null));
  });

  app.get('/dev/personas', async () => ({
    ok: true,
    data: PERSONAS.map((p) => ({
      key: p.key,
      label: p.label,
      registered: p.registered,
      demoIdNumber: demoIdNumber(p, runtime.clock.now()),
      townshipCode: p.laborer?.townshipCode ?? null,
      name: p.laborer?.name ?? null,
    })),
  }));

  app.post('/dev/login', async (req: FastifyRequest, reply: FastifyReply) => {
    const body = req.body as { persona?: unknown; openid?: unknown; fresh?: unknown; next?: unknown } | undefined;
    const persona = typeof body?.persona === 'string' ? personaByKey(body.persona) : undefined;
    // Tests and benchmarks log in as many synthetic users: `{ "openid": "test-…" }`; `fresh`
    // is a WeChat identity never seen before (to accept an invitation, R11.2).
    const synthetic = typeof body?.openid === 'string' && /^test-[\w-]{1,60}$/.test(body.openid) ? body.openid : null;
    const fresh = body?.fresh ? `test-wx-${randomBytes(6).toString('hex')}` : null;
    const openid = persona?.openid ?? synthetic ?? fresh;
    if (!openid) return reply.code(400).send({ ok: false, code: 'INVALID_INPUT', message: '没有这个演示身份' });
    reply.setCookie(SESSION_COOKIE, openid, { signed: true, httpOnly: true, sameSite: 'lax', path: '/' });
    if (wantsJson(req)) return { ok: true, data: { persona: persona?.key ?? null, openid } };
    // Back to the page that asked (an invitation link), or 我的.
    const next = typeof body?.next === 'string' && NEXT.test(body.next) ? body.next : 'pages/me/index';
    return reply.redirect(`/#/${next}`, 303);
  });

  app.post('/dev/logout', async (req, reply) => {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    if (wantsJson(req)) return { ok: true, data: null };
    return reply.redirect('/dev/login', 303);
  });

  app.get('/dev/clock', async () => ({ ok: true, data: { now: runtime.clock.now().toISOString() } }));

  app.post('/dev/clock', async (req, reply) => {
    const at = (req.body as { now?: unknown } | undefined)?.now;
    if (at !== null && (typeof at !== 'string' || Number.isNaN(Date.parse(at)))) {
      return reply.code(400).send({ ok: false, code: 'INVALID_INPUT', message: 'now 应为 ISO 时间或 null' });
    }
    runtime.clock.setNow(at === null ? null : new Date(at));
    return { ok: true, data: { now: runtime.clock.now().toISOString() } };
  });
}
