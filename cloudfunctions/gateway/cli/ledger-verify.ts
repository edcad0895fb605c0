/**
 * `npm run ledger:verify`: recompute every county's hash chain (R9.1) and say how many entries
 * still wait for their place (D61); exit 1 on the first break or when an entry has waited past
 * the limit (5 minutes).
 */
import { verifyAllChains } from '../../services/books/ledger';
import { PENDING_LIMIT_MS, pendingEntries } from '../../services/books/sequencer';
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
  const waiting = await pendingEntries(runtime.deps.store, runtime.deps.clock.now());
  const late = waiting.filter((w) => w.late);
  for (const w of waiting) {
    const name = runtime.deps.regions.get(w.countyCode)?.name ?? w.countyCode;
    console.log(`${w.late ? '✗' : '…'} ${w.countyCode} ${name}: ${w.waiting} entr${w.waiting === 1 ? 'y' : 'ies'} waiting for their place since ${w.oldestAt}${w.late ? ` (over ${PENDING_LIMIT_MS / 60_000} minutes)` : ''}`);
  }
  const total = reports.reduce((n, r) => n + r.entries, 0);
  console.log(`${reports.length} chain(s), ${total} entries, ${broken} broken, ${waiting.reduce((n, w) => n + w.waiting, 0)} waiting (${late.length} count${late.length === 1 ? 'y' : 'ies'} late)`);
  return broken === 0 && late.length === 0 ? 0 : 1;
});
