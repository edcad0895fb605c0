/** `npm run ledger:verify`: recompute every county's hash chain (R9.1); exit 1 on the first break. */
import { verifyAllChains } from '../../services/books/ledger';
import { runLocal } from './run-local';

runLocal('ledger:verify', {}, async (runtime) => {
  const reports = await verifyAllChains(runtime.deps.store);
  let broken = 0;
  for (const r of reports) {
    const name = runtime.deps.regions.get(r.countyCode)?.name ?? r.countyCode;
    if (r.broken) {
      broken++;
      console.log(`✗ ${r.countyCode} ${name}: broken at entry ${r.broken.id} (seq ${r.broken.seq}): ${r.broken.reason}`);
    } else {
      console.log(`✓ ${r.countyCode} ${name}: ${r.entries} entries verified`);
    }
  }
  const total = reports.reduce((n, r) => n + r.entries, 0);
  console.log(`${reports.length} chain(s), ${total} entries, ${broken} broken`);
  return broken === 0 ? 0 : 1;
});
