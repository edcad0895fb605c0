/**
 * R12.3 usage and reach through the gateway on a fresh embedded store: the dashboard's issued,
 * used and expired figures and the usage rate follow claims, enrollments and withdrawals (D48);
 * the reach figure follows registrations and first claims of the year (D49); and the monthly
 * reminder tells the people who hold nothing, once a month (D51).
 */
import type { DashboardView, MessageList, UsageView, VoucherView } from '../../cloudfunctions/contract';
import { reconcile } from '../../cloudfunctions/services/audit';
import type { OutboxDoc } from '../../cloudfunctions/services/message';
import { runRemind } from '../../cloudfunctions/services/remind';
import { where } from '../../cloudfunctions/store/port';
import { sharedGateway } from '../support/gateway';
import { aLaborer } from '../support/laborers';

// Early March, so the year's vouchers have not expired and next month is the same year.
const START = '2026-03-02T00:00:00.000Z'; // 08:00 China time
const LANXIAN = '141127';

const { gw, persona } = sharedGateway(START);
const county = persona('official-county');

const usage = async (): Promise<UsageView> => (await county.ok<DashboardView>('official', 'dashboard', {})).usage;
const skillsOf = (u: UsageView) => u.byType.find((t) => t.type === 'skills')!;
const outboxOf = async (openid: string, kind: string) =>
  (await gw.runtime.deps.store.find<OutboxDoc>('outbox', where('openid', 'eq', openid), { limit: 100 })).items.filter((e) => e.kind === kind);

describe('R12.3 usage rate and reach on the dashboard', () => {
  it('R12.3 D48 used follows the voucher: enrolled counts, withdrawn before the class does not', async () => {
    const before = await usage();
    const { client } = await aLaborer(gw, { age: 30 });
    const v = await client.ok<VoucherView>('voucher', 'claim', { type: 'skills' });
    let now = await usage();
    expect(skillsOf(now).issued - skillsOf(before).issued).toBe(1);
    expect(skillsOf(now).claimed - skillsOf(before).claimed).toBe(1);
    expect(skillsOf(now).used).toBe(skillsOf(before).used);
    // R5.2 enrolling reserves it: any approved class taking skills (the demo seed's).
    const classes = await client.ok<{ id: string; acceptedTypes: string[] }[]>('training', 'listClasses', {});
    const c = classes.find((x) => x.acceptedTypes.includes('skills'))!;
    expect(c).toBeDefined();
    {
      await client.ok('training', 'enroll', { classId: c.id });
      now = await usage();
      expect(skillsOf(now).used - skillsOf(before).used).toBe(1);
      expect(now.total.rate).toBe(
        // used ÷ issued, 2 decimals
        ((Math.round((now.total.used * 10000) / now.total.issued) / 100).toFixed(2)),
      );
      await client.ok('training', 'withdraw', { classId: c.id });
      now = await usage();
      expect(skillsOf(now).used).toBe(skillsOf(before).used);
    }
    expect(v.status).toBe('unused');
    expect((await reconcile(gw.runtime.deps.store)).differences).toEqual([]);
  });

  it('D49 reach: a registration adds one eligible person, their first voucher of the year reaches them, a second does not', async () => {
    const before = (await usage()).reach.byRegion.find((r) => r.region.code === LANXIAN)!;
    const { client } = await aLaborer(gw, { age: 30 });
    let row = (await usage()).reach.byRegion.find((r) => r.region.code === LANXIAN)!;
    expect(row).toMatchObject({ eligible: before.eligible + 1, reached: before.reached, unreached: before.unreached + 1 });
    await client.ok('voucher', 'claim', { type: 'skills' });
    row = (await usage()).reach.byRegion.find((r) => r.region.code === LANXIAN)!;
    expect(row).toMatchObject({ eligible: before.eligible + 1, reached: before.reached + 1, unreached: before.unreached });
    await client.ok('voucher', 'claim', { type: 'evaluation' });
    expect((await usage()).reach.byRegion.find((r) => r.region.code === LANXIAN)).toEqual(row);
    expect((await reconcile(gw.runtime.deps.store)).differences).toEqual([]);
  });
});

describe('D51 the monthly word to people who hold nothing', () => {
  it('D51 tells a laborer with no voucher what is open to them, once a month; not one who holds a voucher', async () => {
    const idle = await aLaborer(gw, { age: 30 });
    const holder = await aLaborer(gw, { age: 30 });
    await holder.client.ok('voucher', 'claim', { type: 'skills' });
    await runRemind(gw.runtime.deps);
    const told = await outboxOf(idle.openid, 'vouchersOpen');
    expect(told).toHaveLength(1);
    expect(told[0]._id).toBe(`vouchersOpen:${idle.me.profile!.personId}:2026-03`);
    expect(told[0].text).toBe('您今年还没有领培训券。岚县现在可以领技能等级评价券、职业技能培训券。到“培训券”页就能领取。');
    expect(await outboxOf(holder.openid, 'vouchersOpen')).toEqual([]);
    // Consent respected: without one the message waits in the message centre, unsent.
    const list = await idle.client.ok<MessageList>('message', 'list', {});
    expect(list.items.find((m) => m.kind === 'vouchersOpen')).toBeTruthy();

    // Later runs of the month write nothing more; next month one more.
    await gw.setNow('2026-03-15T00:00:00.000Z');
    await runRemind(gw.runtime.deps);
    expect(await outboxOf(idle.openid, 'vouchersOpen')).toHaveLength(1);
    await gw.setNow('2026-04-01T00:00:00.000Z');
    await runRemind(gw.runtime.deps);
    expect((await outboxOf(idle.openid, 'vouchersOpen')).map((e) => e._id.slice(-7))).toEqual(['2026-03', '2026-04']);
  });
});
