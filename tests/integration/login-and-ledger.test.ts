/**
 * R1.1, R9.1 found in the cloud-path review: a profile change is a state change and is ledgered;
 * recording a batch of results and listing message templates need a login like every
 * non-public action.
 */
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import { and, where } from '../../cloudfunctions/store/port';
import { sharedGateway } from '../support/gateway';
import { aLaborer } from '../support/laborers';
import { demoClassId } from '../../cloudfunctions/gateway/demo-ids';

const { gw } = sharedGateway('2026-03-02T02:00:00.000Z');

const entries = (type: string, personId: string) =>
  gw.runtime.deps.store.find<{ _id: string; type: string; data: Record<string, unknown> }>('ledger', and(where('type', 'eq', type), where('subjects.personId', 'eq', personId)), { limit: 10 });

describe('R9.1 a profile change is ledgered', () => {
  it('R9.1 a new phone and a new township in the county write person.updated; the phone stays out of it', async () => {
    const { client, me } = await aLaborer(gw, { age: 30 });
    await client.ok('account', 'updateProfile', { phone: '13912345678' });
    await client.ok('account', 'updateProfile', { townshipCode: '141127102' });
    const updates = (await entries('person.updated', me.profile!.personId)).items;
    expect(updates.map((e) => e.data)).toEqual([{ fields: ['phone'] }, { fields: ['townshipCode'], fromTownshipCode: '141127101', toTownshipCode: '141127102' }]);
    expect(JSON.stringify(updates)).not.toContain('13912345678');
    // The same values again change nothing and write nothing.
    await client.ok('account', 'updateProfile', { phone: '13912345678', townshipCode: '141127102' });
    expect((await entries('person.updated', me.profile!.personId)).items).toHaveLength(2);
  });

  it('R9.1 a move to another county is person.moved on the new county’s chain; the chains verify', async () => {
    const { client, me } = await aLaborer(gw, { age: 52 });
    await client.ok('account', 'updateProfile', { townshipCode: '141124100' });
    const moved = (await entries('person.moved', me.profile!.personId)).items;
    expect(moved).toHaveLength(1);
    expect(moved[0]._id.startsWith('141124:')).toBe(true);
    expect((await verifyAllChains(gw.runtime.deps.store)).filter((c) => c.broken)).toEqual([]);
  });
});

describe('R1.1 non-public actions need a login', () => {
  it('R1.1 certificate.recordBatch and message.templates answer UNAUTHENTICATED to an anonymous caller', async () => {
    const anonymous = gw.anonymous();
    expect(await anonymous.call('certificate', 'recordBatch', { classId: demoClassId('hugong-lishi'), results: [{ personId: 'p1', passed: true, score: 80 }] })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await anonymous.call('message', 'templates', { moment: 'voucherClaimed' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await (await gw.as('laborer-52')).call('certificate', 'recordBatch', { classId: demoClassId('hugong-lishi'), results: [{ personId: 'p1', passed: true, score: 80 }] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
