/**
 * `npm run remind [-- --at 2026-01-11T00:00:00Z]`: one reminder run (R10.1) at the given time
 * (default now), then the sends that are due (to DATA_DIR/outbox.log locally).
 */
import { deliverDue } from '../../services/message/outbox';
import { parseAt, runRemind } from '../../services/remind/run';
import { argValue, runLocal } from './run-local';

runLocal('remind', async (runtime, args) => {
  const atText = argValue(args, '--at');
  if (atText !== undefined) {
    const at = parseAt(atText);
    if (!at) {
      console.error('--at needs an ISO time, e.g. 2026-01-11T00:00:00Z');
      return 2;
    }
    runtime.clock.setNow(at);
  }
  const report = await runRemind(runtime.deps);
  const sent = await deliverDue(runtime.deps, runtime.deps.notifier!, runtime.deps.templates ?? {});
  console.log(JSON.stringify({ ...report, delivery: sent }, null, 2));
  return 0;
});
