/**
 * `npm run sweep`: what the timer does: expire unused vouchers past their validity (R4.5) and
 * complete classes whose last session ended over 72 hours ago (R6.5).
 */
import { sweepClassCompletion } from '../../services/training';
import { sweepExpiredVouchers } from '../../services/voucher';
import { runLocal } from './run-local';

runLocal('sweep', {}, async (runtime) => {
  const { expired } = await sweepExpiredVouchers(runtime.deps);
  const classes = await sweepClassCompletion(runtime.deps);
  const at = runtime.clock.now().toISOString();
  console.log(`expired ${expired} voucher(s) at ${at}`);
  console.log(`completed ${classes.classes} class(es): ${classes.completed} completed, ${classes.notCompleted} not completed`);
  return 0;
}, { writes: true });
