/**
 * Cloud entry of `remind`. A timer trigger's event (`{ Type: 'Timer', TriggerName, Time }`)
 * runs the day's reminders and sends; anything else goes through the routes like every function.
 * The trigger's cron is in config.json, written for 08:00 China time (core/reminders.ts).
 */
import { cloudMain, productionDeps } from '../cloud-entry';
import { runDayAndSend } from '../../services/remind';
import { remindRoutes } from './routes';

const routed = cloudMain(remindRoutes);

export async function main(event: unknown, context: { request_id?: string }) {
  const e = event as { Type?: string; TriggerName?: string } | undefined;
  if (e?.Type === 'Timer' || e?.TriggerName) {
    const deps = productionDeps();
    const report = await runDayAndSend(deps);
    deps.log.info('remind timer', { ...report });
    return { ok: true, data: report };
  }
  return routed(event, context);
}
