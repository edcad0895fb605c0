/**
 * Cloud entry of `remind`. Only the platform's timer trigger (no WeChat user, TRIGGER_SRC=timer)
 * runs the day's reminders and the sends; anything else — a mini-program sending
 * `{ Type: 'Timer' }` included — goes through the routes like every function (an admin may `run`).
 * The triggers are in config.json, written for China time (functions/manifest.ts); the event of
 * a platform timer names its trigger (`TriggerName`), which only picks the work, never the caller.
 */
import { WechatNotifier } from '../../notify/wechat-sender';
import { runDayAndSend } from '../../services/remind';
import { sequenceAll } from '../../services/books/sequencer';
import { cloudMain, isTimerInvocation, productionDeps } from '../cloud-entry';
import { SEQUENCER_TRIGGER } from '../manifest';
import { remindRoutes } from './routes';

/** The one function that sends WeChat subscription messages (its config grants the cloud call). */
const notifier = new WechatNotifier();
const routed = cloudMain(remindRoutes, { notifier });

export async function main(event: unknown, context: { request_id?: string }) {
  if (!isTimerInvocation(context)) return routed(event, context);
  const deps = productionDeps({ notifier });
  // D61 every timer run first places what waits in the ledger queue; the minute trigger does only that.
  const counties = await sequenceAll(deps.store);
  if ((event as { TriggerName?: unknown } | null)?.TriggerName === SEQUENCER_TRIGGER) return { ok: true, data: { sequencedCounties: counties } };
  const report = await runDayAndSend(deps);
  deps.log.info('remind timer', { ...report });
  return { ok: true, data: report };
}
