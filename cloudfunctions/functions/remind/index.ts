/**
 * Cloud entry of `remind`. A timer trigger's event (`{ Type: 'Timer', TriggerName, Time }`)
 * runs the day's reminders and sends; anything else goes through the routes like every function.
 * The trigger's cron is in config.json, written for 08:00 China time (core/reminders.ts).
 */
import { cloudMain, productionDeps } from '../cloud-entry';
import { deliverDue } from '../../services/message/outbox';
import { runRemind } from '../../services/remind/run';
import { remindRoutes } from './routes';

const routed = cloudMain(remindRoutes);

export async function main(event: unknown, context: { request_id?: string }) {
  const e = event as { Type?: string; TriggerName?: string } | undefined;
  if (e?.Type === 'Timer' || e?.TriggerName) {
    const deps = productionDeps();
    const report = await runRemind(deps);
    const delivery = deps.notifier ? await deliverDue(deps, deps.notifier, deps.templates ?? {}) : null;
    deps.log.info('remind timer', { ...report, delivery });
    return { ok: true, data: { ...report, delivery } };
  }
  return routed(event, context);
}
