/** `npm run sweep`: expire unused vouchers past their validity (R4.5), as the remind timer does. */
import { sweepExpiredVouchers } from '../../services/vouchers';
import { runLocal } from './run-local';

runLocal('sweep', async (runtime) => {
  const { expired } = await sweepExpiredVouchers(runtime.deps);
  console.log(`expired ${expired} voucher(s) at ${runtime.clock.now().toISOString()}`);
  return 0;
});
