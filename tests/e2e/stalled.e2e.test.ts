/**
 * States everywhere (R13 issue, item 6), in the browser: with the API held for 15 s the page
 * stops waiting after 10 s, says the server did not answer, and 重试 brings the page once the
 * API answers again; a 500 with an HTML body is a server error, never "no network"; with the
 * phone offline every page says so — 消息 too.
 */
import type { Route } from 'playwright-core';
import { shot } from './support/browser';
import { phonesFor } from './support/phones';

const NOW = '2026-03-02T02:00:00.000Z';
const HELD_MS = 15_000;
/** The client's CALL_TIMEOUT_MS (src/api/client.ts; tests/pages/api-client.test.ts pins it). */
const TIMEOUT_MS = 10_000;

const kit = phonesFor(NOW);

// No fake clock here: the client's 10 s timer runs on real time, as the route's hold does.
const laborer = () => kit.open('laborer-52');

it('a stalled API: after 10 s the page says the server did not answer, and 重试 works once it answers', async () => {
  const p = await laborer();
  let holding = true;
  const hold = async (route: Route) => {
    if (holding) await new Promise((r) => setTimeout(r, HELD_MS));
    await route.continue().catch(() => undefined);
  };
  await p.page.route('**/api/voucher', hold);
  const started = Date.now();
  await p.page.goto(`${kit.gw.url}/#/pages/vouchers/index`);
  await p.page.locator('.czt-state-loading').first().waitFor();
  const failed = p.page.locator('.czt-state-offline[data-kind="timeout"]');
  await failed.waitFor({ timeout: 14_000 });
  const waited = Date.now() - started;
  expect(waited).toBeGreaterThanOrEqual(TIMEOUT_MS - 1_000);
  expect(waited).toBeLessThan(HELD_MS);
  await expect(failed.locator('.czt-state-title').textContent()).resolves.toBe('服务器没有回应');
  await expect(failed.textContent()).resolves.toContain('服务器10秒没有回应');
  await shot(p.page, 'stalled-01-timeout');

  holding = false;
  await failed.locator('.czt-primary-button').click();
  await p.page.locator('.voucher-card').first().waitFor();
  await shot(p.page, 'stalled-02-retried');
}, 60_000);

it('a 500 with an HTML body is a server error, never "no network"', async () => {
  const p = await laborer();
  await p.page.route('**/api/certificate', (route) =>
    route.fulfill({ status: 500, contentType: 'text/html', body: '<html><body><h1>500 Internal Server Error</h1></body></html>' }),
  );
  await p.page.goto(`${kit.gw.url}/#/pages/certificates/index`);
  const failed = p.page.locator('.czt-state-error[data-kind="server"]');
  await failed.waitFor();
  await expect(failed.locator('.czt-state-title').textContent()).resolves.toBe('服务器出错了');
  await expect(p.page.getByText('网络').count()).resolves.toBe(0);
  await shot(p.page, 'stalled-03-server-error');
}, 60_000);

it('offline, every page says so: 消息 too, not 暂无消息', async () => {
  const p = await laborer();
  await p.page.goto(`${kit.gw.url}/#/pages/messages/index`);
  await p.page.locator('.message-list, #messages-empty').first().waitFor();
  await p.context.setOffline(true);
  // Shown again with no network: the page says so, and what it shows may be old.
  await p.page.goto(`${kit.gw.url}/#/pages/me/index`);
  await p.page.locator('#offline-banner').waitFor();
  await p.page.click('#go-messages');
  await p.page.locator('.page-messages #offline-banner').waitFor();
  await expect(p.page.locator('.page-messages .messages-load-error').textContent()).resolves.toContain('没有网络');
  await shot(p.page, 'stalled-04-messages-offline');
  await p.context.setOffline(false);
}, 60_000);
