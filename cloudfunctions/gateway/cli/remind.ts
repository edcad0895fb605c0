/**
 * `npm run remind [-- --at 2026-01-11T00:00:00Z]`: one reminder run (R10.1) at the given time
 * (default now), then the sends that are due (to DATA_DIR/outbox.log locally).
 */
import { runDayAndSend } from '../../services/remind';
import { runLocal } from './run-local';

runLocal('remind', { at: { type: 'string' } }, async (runtime, values) => {
  if (typeof values.at === 'string') {
    if (Number.isNaN(Date.parse(values.at))) {
      console.error('--at needs an ISO time, e.g. 2026-01-11T00:00:00Z');
      return 2;
    }
    runtime.clock.setNow(new Date(values.at));
  }
  console.log(JSON.stringify(await runDayAndSend(runtime.deps), null, 2));
  return 0;
}, { writes: true });
