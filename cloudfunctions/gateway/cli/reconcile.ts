/** `npm run reconcile`: recount from records and print any difference (R9.2); exit 1 if any. */
import { reconcile } from '../../services/audit';
import { runLocal } from './run-local';

runLocal('reconcile', {}, async (runtime) => {
  const { checked, differences } = await reconcile(runtime.deps.store);
  console.log(`checked ${Object.entries(checked).map(([k, v]) => `${v} ${k}`).join(', ')}`);
  for (const d of differences.slice(0, 100)) {
    console.log(`✗ ${d.what} ${d.id}: stored ${d.stored}, recounted ${d.recounted}`);
  }
  if (differences.length > 100) console.log(`… and ${differences.length - 100} more`);
  console.log(differences.length === 0 ? 'reconcile clean: 0 differences' : `${differences.length} difference(s)`);
  return differences.length === 0 ? 0 : 1;
});
