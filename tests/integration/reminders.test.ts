/**
 * R10 with a shifted clock, through the gateway and the real store: on Sunday 11 January 2026 at
 * 08:00 China time a voucher expires in 7 days, a class meets tomorrow, a trainer teaches today
 * and it is the 11th (一旬一调度). The run writes each reminder once, however often and however
 * concurrently it goes; sending needs consent, retries with backoff, and cuts long fields.
 */
import type { ClassDoc } from '../../cloudfunctions/services/training';
import type { MessageList, VoucherView } from '../../cloudfunctions/contract';
import type { Notifier, OutgoingMessage, SendResult } from '../../cloudfunctions/notify/notifier';
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import { type OutboxDoc, deliverDue } from '../../cloudfunctions/services/message';
import { reconcile } from '../../cloudfunctions/services/audit';
import { runRemind } from '../../cloudfunctions/services/remind';
import { where } from '../../cloudfunctions/store/port';
import { scan } from '../../cloudfunctions/store/scan';
import { type TestGateway, startTestGateway } from '../support/gateway';
import { aLaborer } from '../support/laborers';
import { demoClassId } from '../../cloudfunctions/gateway/demo-ids';

const START = '2026-01-10T02:00:00.000Z'; // demo classes: 护工 meets 11–20 Jan, 面点 from 12 Jan
const CLAIM_DAY = '2025-10-21T02:00:00.000Z'; // a 90-day voucher's last valid day: 18 January
const RUN = '2026-01-11T00:00:00.000Z'; // 08:00 China time on the 11th = UTC midnight
const LONG_NAME = '濩泽厨工·中式面点师（四级）周末提高班·阳城县润城镇农民夜校'; // 31 characters

let gw: TestGateway;
let expiring: Awaited<ReturnType<typeof aLaborer>>;
let enrolled: Awaited<ReturnType<typeof aLaborer>>;
beforeAll(async () => {
  gw = await startTestGateway({ devNow: START });
  const store = gw.runtime.deps.store;
  // A class with a long name meeting tomorrow (a copy of the demo 面点 class).
  const base = (await store.get<ClassDoc>('classes', demoClassId('mianshi-yangcheng')))!;
  const { _id, ...rest } = base;
  await store.transaction((tx) => tx.create<ClassDoc>('classes', 'class-long-name', { ...rest, name: LONG_NAME }));

  await gw.setNow(CLAIM_DAY);
  expiring = await aLaborer(gw, { age: 30 });
  const v = await expiring.client.ok<VoucherView>('voucher', 'claim', { type: 'skills' });
  expect(v.expiresAt).toBe('2026-01-18T16:00:00.000Z'); // 19 Jan 00:00 China: the last valid day is the 18th
  await expiring.client.ok('message', 'consent', { answers: [{ templateId: 'local-TPL_VOUCHER_EXPIRY', answer: 'accept' }] });

  await gw.setNow(START);
  enrolled = await aLaborer(gw, { age: 35 });
  await enrolled.client.ok('voucher', 'claim', { type: 'skills' });
  await enrolled.client.ok('training', 'enroll', { classId: 'class-long-name' });
  await gw.setNow(RUN);
}, 60_000);
afterAll(() => gw.close());

const outbox = async () => {
  const out: OutboxDoc[] = [];
  for await (const e of scan<OutboxDoc>(gw.runtime.deps.store, 'outbox')) out.push(e);
  return out;
};
const kindsOf = (entries: OutboxDoc[], openid: string) => entries.filter((e) => e.openid === openid).map((e) => e.kind).sort();

describe('R10.1 the run on the 11th finds what is due, once', () => {
  it('R10.1 R10.2 expiring voucher, session tomorrow, trainer today, digest on the 11th — exactly once after two concurrent runs and a third', async () => {
    const deps = gw.runtime.deps;
    const [a, b] = await Promise.all([runRemind(deps), runRemind(deps)]);
    const created = (k: string) => (a.created[k as never] ?? 0) + (b.created[k as never] ?? 0);
    expect(created('voucherExpiry')).toBe(1);
    expect(created('sessionTomorrow')).toBe(1);
    expect(created('officialDigest')).toBe(3); // the province's, the city's and the county's official
    const third = await runRemind(deps);
    expect(Object.values(third.created).reduce((s, n) => s + (n ?? 0), 0)).toBe(0);

    const entries = await outbox();
    expect(new Set(entries.map((e) => e._id)).size).toBe(entries.length);
    expect(kindsOf(entries, expiring.openid)).toEqual(['voucherExpiry']);
    expect(kindsOf(entries, enrolled.openid)).toEqual(['sessionTomorrow']);
    // 护工 class meets today (the 开班审核 result is from the demo seed's approval).
    expect(kindsOf(entries, 'dev-openid-trainer')).toEqual(['classReviewed', 'trainerSessionToday']);
    expect(kindsOf(entries, 'dev-openid-official-lanxian')).toEqual(['officialDigest']);
    expect(kindsOf(entries, 'dev-openid-official-lvliang')).toEqual(['officialDigest']); // not the 1st: no monthly ranking
    const expiry = entries.find((e) => e.kind === 'voucherExpiry')!;
    expect(expiry._id).toBe(`voucherExpiry:${(await firstVoucherId(expiring.openid))}:2026-01-18`);
    expect(expiry.text).toContain('1月18日');
  });

  it('R10.2 a value over 20 characters is cut for WeChat; the message centre keeps the whole text', async () => {
    const session = (await outbox()).find((e) => e.kind === 'sessionTomorrow')!;
    const thingValues = Object.entries(session.data).filter(([k]) => k.startsWith('thing')).map(([, v]) => v);
    expect(thingValues.every((v) => [...v].length <= 20)).toBe(true);
    expect(session.data.thing1).toBe(`${[...LONG_NAME].slice(0, 19).join('')}…`);
    expect(session.text).toContain(LONG_NAME);
  });
});

async function firstVoucherId(openid: string): Promise<string> {
  for await (const v of scan<{ _id: string; openid: string }>(gw.runtime.deps.store, 'vouchers')) if (v.openid === openid) return v._id;
  throw new Error('no voucher');
}

/** Fails the first `failures` sends of each message, then succeeds. */
class FlakyNotifier implements Notifier {
  readonly calls: OutgoingMessage[] = [];
  constructor(private readonly failures: number) {}
  async send(message: OutgoingMessage): Promise<SendResult> {
    this.calls.push(message);
    const tries = this.calls.filter((m) => m.dedupeKey === message.dedupeKey).length;
    return tries <= this.failures ? { ok: false, errcode: 45009, retry: true } : { ok: true };
  }
}

describe('R10.2 sending after commit: consent, retries, backoff', () => {
  it('R10.2 without consent → skipped_no_consent; a sender failing twice then succeeding → sent with attempts = 3', async () => {
    const deps = gw.runtime.deps;
    const notifier = new FlakyNotifier(2);
    const before = await outbox();
    const entries0 = () => before;
    const first = await deliverDue(deps, notifier, deps.templates!);
    expect(first).toMatchObject({ sent: 0, retrying: 1 });
    // No consent given: session tomorrow, two trainers today, three officials' digests, the
    // four trainers' 开班审核 results the demo seed's approvals wrote, and the month's word to the
    // two seeded laborers who hold no voucher (D51).
    expect(first.skippedNoConsent).toBe(12);
    expect(entries0().filter((e) => e.kind === 'vouchersOpen').map((e) => e.openid).sort()).toEqual(['dev-openid-laborer-52', 'dev-openid-laborer-66']);
    // Not due again until the backoff has passed.
    expect(await deliverDue(deps, notifier, deps.templates!)).toMatchObject({ sent: 0, retrying: 0 });
    await gw.setNow('2026-01-11T00:01:05.000Z');
    expect(await deliverDue(deps, notifier, deps.templates!)).toMatchObject({ retrying: 1 });
    await gw.setNow('2026-01-11T00:06:10.000Z');
    expect(await deliverDue(deps, notifier, deps.templates!)).toMatchObject({ sent: 1 });

    const entries = await outbox();
    expect(entries.find((e) => e.openid === expiring.openid)).toMatchObject({ status: 'sent', attempts: 3 });
    expect(entries.find((e) => e.openid === enrolled.openid)).toMatchObject({ status: 'skipped_no_consent', attempts: 0 });
    expect(notifier.calls.every((m) => m.openid === expiring.openid && m.template === 'local-TPL_VOUCHER_EXPIRY')).toBe(true);
    // The one-time consent was spent by that send: a new reminder would be skipped.
    expect(await deps.store.get('consents', `${expiring.openid}:TPL_VOUCHER_EXPIRY`)).toMatchObject({ oneTime: 0, longTerm: false });
    // Nothing more to send, ever.
    await gw.setNow('2026-01-12T00:00:00.000Z');
    expect(await deliverDue(deps, notifier, deps.templates!)).toEqual({ sent: 0, skippedNoConsent: 0, retrying: 0, failed: 0 });
  });

  it('R10.2 error 43101 marks the consent spent with no retry; other errors end as failed after 3 attempts', async () => {
    const deps = gw.runtime.deps;
    const store = deps.store;
    const refusing: Notifier = { send: async () => ({ ok: false, errcode: 43101, retry: false }) };
    const broken: Notifier = { send: async () => ({ ok: false, errcode: 500, retry: true }) };
    const at = deps.clock.now().toISOString();
    const entry = (openid: string): Omit<OutboxDoc, '_id'> => ({
      kind: 'voucherExpiry', openid, audience: 'laborer', template: 'TPL_VOUCHER_EXPIRY', title: 't', text: 't', data: {}, page: 'pages/index/index',
      status: 'pending', attempts: 0, nextAttemptAt: at, leaseUntil: null, consentTaken: false, lastError: null, read: false, createdAt: at, sentAt: null,
    });
    for (const who of ['test-43101', 'test-broken']) {
      await store.transaction(async (tx) => {
        await tx.create<OutboxDoc>('outbox', `manual:${who}`, entry(who));
        await tx.set('consents', `${who}:TPL_VOUCHER_EXPIRY`, { openid: who, template: 'TPL_VOUCHER_EXPIRY', oneTime: 2, longTerm: false, updatedAt: at });
      });
    }
    await store.transaction((tx) => tx.update('outbox', 'manual:test-broken', { set: { nextAttemptAt: '2099-01-01T00:00:00.000Z' } }));
    await deliverDue(deps, refusing, deps.templates!);
    expect(await store.get('outbox', 'manual:test-43101')).toMatchObject({ status: 'skipped_no_consent', attempts: 1, lastError: '43101' });
    expect(await store.get('consents', 'test-43101:TPL_VOUCHER_EXPIRY')).toMatchObject({ oneTime: 0 });

    await store.transaction((tx) => tx.update('outbox', 'manual:test-broken', { set: { nextAttemptAt: '2026-01-01T00:00:00.000Z' } }));
    for (const t of ['2026-01-12T00:00:00.000Z', '2026-01-12T00:02:00.000Z', '2026-01-12T00:08:00.000Z']) {
      await gw.setNow(t);
      await deliverDue(deps, broken, deps.templates!);
    }
    expect(await store.get('outbox', 'manual:test-broken')).toMatchObject({ status: 'failed', attempts: 3 });
    expect(await store.get('consents', 'test-broken:TPL_VOUCHER_EXPIRY')).toMatchObject({ oneTime: 1 }); // one consent for all three tries
  });
});

describe('R10.2 the message centre always shows the reminder', () => {
  it('R10.2 the laborer lists the reminder unread, reads it, and nobody else can', async () => {
    const list = await expiring.client.ok<MessageList>('message', 'list', {});
    expect(list.unread).toBe(1);
    expect(list.items[0]).toMatchObject({ kind: 'voucherExpiry', title: '培训券7天后到期', read: false, delivery: 'sent' });
    expect(await enrolled.client.call('message', 'read', { id: list.items[0].id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await expiring.client.ok('message', 'read', { id: list.items[0].id })).toEqual({ unread: 0 });
    const skipped = await enrolled.client.ok<MessageList>('message', 'list', {});
    expect(skipped.items[0]).toMatchObject({ kind: 'sessionTomorrow', delivery: 'skipped_no_consent', read: false });
    expect(await enrolled.client.ok('message', 'read', {})).toEqual({ unread: 0 });
  });

  it('R10.2 consents with unknown template ids are refused and change nothing', async () => {
    expect(await expiring.client.call('message', 'consent', { answers: [{ templateId: 'nope', answer: 'accept' }] })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    const templates = await expiring.client.ok<{ key: string; templateId: string }[]>('message', 'templates', { moment: 'voucherClaimed' });
    expect(templates.map((t) => t.key)).toEqual(['TPL_VOUCHER_EXPIRY', 'TPL_CERTIFICATE_ISSUED', 'TPL_FOLLOW_UP_DUE']);
    expect(templates.every((t) => t.templateId.startsWith('local-'))).toBe(true);
  });

  it('R9 the runs left the ledger and counters consistent', async () => {
    expect((await reconcile(gw.runtime.deps.store)).differences).toEqual([]);
    expect((await verifyAllChains(gw.runtime.deps.store)).every((c) => c.broken === null)).toBe(true);
    expect(await gw.runtime.deps.store.count('outbox', where('status', 'eq', 'pending'))).toBe(0);
  });
});
