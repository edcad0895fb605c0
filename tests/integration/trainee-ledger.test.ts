/**
 * D64 through the gateway over HTTP: an enrollment carries what the trainee ledger (R9.5) shows of
 * its person — name, masked ID number, household township as at enrollment — so the ledger reads
 * no person for it; an enrollment written before D64 still shows its person, read.
 */
import type { EnrollmentView, LedgerPage, VoucherView } from '../../cloudfunctions/contract';
import { demoClassId } from '../../cloudfunctions/gateway/demo-ids';
import type { EnrollmentDoc } from '../../cloudfunctions/services/training';
import { sharedGateway } from '../support/gateway';
import { aLaborer } from '../support/laborers';

const NOW = '2026-03-02T02:00:00.000Z';
const HUGONG = demoClassId('hugong-lishi');

const { gw, persona } = sharedGateway(NOW);
const county = persona('official-county');

const store = () => gw.runtime.deps.store;

async function enrolled(name: string) {
  const laborer = await aLaborer(gw, { age: 40, name, townshipCode: '141127101' });
  await laborer.client.ok<VoucherView>('voucher', 'claim', { type: 'skills' });
  const e = await laborer.client.ok<EnrollmentView>('training', 'enroll', { classId: HUGONG });
  return { ...laborer, enrollmentId: e.id };
}

async function rowOf(name: string) {
  const page = await county.ok<LedgerPage>('official', 'ledger', { ledger: 'trainees', limit: 200 });
  return page.rows.find((r) => r.name === name);
}

/** Counts the store's reads of `persons` while `run` runs. */
async function personReads(run: () => Promise<unknown>): Promise<number> {
  const spy = jest.spyOn(store(), 'find');
  try {
    await run();
    return spy.mock.calls.filter(([collection]) => collection === 'persons').length;
  } finally {
    spy.mockRestore();
  }
}

describe('D64 the trainee ledger reads what the enrollment carries', () => {
  it('D64 an enrollment carries the name, masked ID number and household township, and the ledger reads no person', async () => {
    const { me, enrollmentId } = await enrolled('贺晓梅');
    const doc = (await store().get<EnrollmentDoc>('enrollments', enrollmentId))!;
    expect(doc).toMatchObject({ name: '贺晓梅', idMasked: me.profile!.idNumberMasked, townshipCode: '141127101', countyCode: '141127' });
    let row: Awaited<ReturnType<typeof rowOf>>;
    expect(await personReads(async () => (row = await rowOf('贺晓梅')))).toBe(0);
    expect(row).toMatchObject({ name: '贺晓梅', idNumber: me.profile!.idNumberMasked, household: '岚县 岚城镇', status: '在训' });
  });

  it('D64 the household is the one at enrollment: moving township later does not rewrite the record', async () => {
    const { client } = await enrolled('刘建军');
    await client.ok('account', 'updateProfile', { townshipCode: '141127102' });
    expect(await rowOf('刘建军')).toMatchObject({ household: '岚县 岚城镇' });
  });

  it('D64 an enrollment made before D64 (without the copies) still shows its person, read by id', async () => {
    const { me, enrollmentId } = await enrolled('王桂兰');
    const { _id, name, idMasked, townshipCode, ...older } = (await store().get<EnrollmentDoc>('enrollments', enrollmentId))!;
    await store().transaction((tx) => tx.set('enrollments', enrollmentId, older));
    let row: Awaited<ReturnType<typeof rowOf>>;
    expect(await personReads(async () => (row = await rowOf('王桂兰')))).toBe(1);
    expect(row).toMatchObject({ name: '王桂兰', idNumber: me.profile!.idNumberMasked, household: '岚县 岚城镇' });
  });
});
