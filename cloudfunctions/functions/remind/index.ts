/**
 * Cloud entry of `remind`. Only the platform's timer trigger (no WeChat user, TRIGGER_SRC=timer)
 * runs the day's reminders and the sends; anything else — a mini-program sending
 * `{ Type: 'Timer' }` included — goes through the routes like every function (an admin may `run`).
 * The triggers are in config.json, written for China time (functions/manifest.ts).
 */
import { WechatNotifier } from '../../notify/wechat-sender';
import { runDayAndSend } from '../../services/remind';
import { cloudMain, isTimerInvocation, productionDeps } from '../cloud-entry';
import { remindRoutes } from './routes';

/** The one function that sends WeChat subscription messages (its config grants the cloud call). */
const notifier = new WechatNotifier();
const routed = cloudMain(remindRoutes, { notifier });

export async function main(event: unknown, context: { request_id?: string }) {
  if (!isTimerInvocation(context)) return routed(event, context);
  const deps = productionDeps({ notifier });
  const report = await runDayAndSend(deps);
  deps.log.info('remind timer', { ...report });
  return { ok: true, data: report };
}
