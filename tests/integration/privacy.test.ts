/**
 * R14.1, R14.2 through the gateway: nothing personal before the privacy guide is agreed (a new
 * version asks again, withdrawing stops collection); a person sees and downloads everything held
 * about them — every collection that names them — corrects phone and township, and closes the
 * account, after which the same ID number registers again and finds its certificates, with the
 * ledger verifying and reconcile clean throughout.
 */
import type { CertificateView, CloseAccountResult, MyDataCopy, PrivacyStatus, WhoAmI } from '../../cloudfunctions/contract';
import { ERROR_MESSAGES } from '../../cloudfunctions/core/errors';
import { PRIVACY_GUIDE } from '../../cloudfunctions/core/privacy';
import { demoClassId } from '../../cloudfunctions/gateway/demo-ids';
import { reconcile } from '../../cloudfunctions/services/audit';
import { type LedgerEntryDoc, verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import { HOLDINGS, type Holding } from '../../cloudfunctions/services/privacy';
import type { CollectionName } from '../../cloudfunctions/store/collections';
import { where } from '../../cloudfunctions/store/port';
import { type ApiClient, type TestGateway, startTestGateway } from '../support/gateway';
import { idNumberAged } from '../support/id-numbers';
import { aLaborer, agreeToGuide, attendanceCodes, scanEach } from '../support/laborers';

const NOW = '2026-03-02T02:00:00.000Z';
const HUGONG = demoClassId('hugong-lishi');
const dayOf = (i: number) => `2026-03-${String(3 + i).padStart(2, '0')}T01:10:00.000Z`;

let gw: TestGateway;
const store = () => gw.runtime.deps.store;
beforeAll(async () => {
  gw = await startTestGateway({ devNow: NOW });
});
afterAll(() => gw.close());

const entriesOf = async (personId: string, type: string) =>
  (await store().find<LedgerEntryDoc>('ledger', where('subjects.personId', 'eq', personId), { limit: 500 })).items.filter((e) => e.type === type);

const booksBalance = async () => {
  expect((await verifyAllChains(store())).filter((c) => c.broken)).toEqual([]);
  expect((await reconcile(store())).differences).toEqual([]);
};

describe('R14.1 nothing personal before the guide is agreed', () => {
  it('R14.1 registration, a relative’s request and a face check are refused with a stable code and Chinese message, writing nothing; public pages answer', async () => {
    const client = await gw.as('test-privacy-none');
    const persons = await store().count('persons');
    const refused = { ok: false, code: 'PRIVACY_CONSENT_REQUIRED', message: ERROR_MESSAGES.PRIVACY_CONSENT_REQUIRED };
    expect(await client.call('account', 'register', { name: '钱五', idNumber: idNumberAged(30, new Date(NOW)), townshipCode: '141127101' })).toEqual(refused);
    expect(await client.call('family', 'request', { elderIdNumber: idNumberAged(70, new Date(NOW)), elderName: '钱老汉', relation: '子女', proxyName: '钱五' })).toEqual(refused);
    expect(await client.call('privacy', 'startFaceCheck', { purpose: 'registration' })).toEqual(refused);
    expect(await store().count('persons')).toBe(persons);
    expect(await client.ok<PrivacyStatus>('privacy', 'status')).toMatchObject({ consent: 'none', registered: false, guideVersion: PRIVACY_GUIDE.version });
    expect(await gw.anonymous().call('certificate', 'verify', { number: '2026141127000001', code: 'ABCDEFGH' })).toMatchObject({ ok: false, code: 'CERTIFICATE_NOT_FOUND' });
    expect(await gw.anonymous().ok<PrivacyStatus>('privacy', 'status')).toMatchObject({ consent: 'none' });
  });

  it('R14.1 an agreement names the version in force; it is recorded, and ledgered in the registration’s transaction', async () => {
    const client = await gw.as('test-privacy-agree');
    expect(await client.call('privacy', 'agree', { version: '2020.01' })).toMatchObject({ ok: false, code: 'PRIVACY_VERSION_STALE' });
    const agreed = await agreeToGuide(client);
    expect(agreed).toMatchObject({ consent: 'agreed', consentName: '已同意', agreedVersion: PRIVACY_GUIDE.version, agreedAt: expect.any(String) });
    const me = await client.ok<WhoAmI>('account', 'register', { name: '孙六', idNumber: idNumberAged(40, new Date(NOW)), townshipCode: '141127101' });
    const [entry] = await entriesOf(me.profile!.personId, 'privacy.agreed');
    expect(entry).toMatchObject({ countyCode: '141127', data: { version: PRIVACY_GUIDE.version, agreedAt: agreed.agreedAt }, actor: { role: 'laborer' } });
  });

  it('R14.1 a new version of the guide asks again before anything more is collected', async () => {
    const { client, me, openid } = await aLaborer(gw, { age: 30 });
    // The guide moves on: the stored agreement is to an older version now.
    await store().transaction((tx) => tx.update('privacyConsents', openid, { set: { version: '2025.01' } }));
    expect(await client.call('voucher', 'claim', { type: 'skills' })).toEqual({ ok: false, code: 'PRIVACY_GUIDE_UPDATED', message: ERROR_MESSAGES.PRIVACY_GUIDE_UPDATED });
    expect((await client.ok<PrivacyStatus>('privacy', 'status')).consent).toBe('outdated');
    await agreeToGuide(client);
    expect(await client.call('voucher', 'claim', { type: 'skills' })).toMatchObject({ ok: true });
    expect(await entriesOf(me.profile!.personId, 'privacy.agreed')).toHaveLength(2);
  });

  it('R14.2 withdrawing stops claims, enrolling and reports (it says why); seeing, downloading and agreeing again still work', async () => {
    const { client, me } = await aLaborer(gw, { age: 30 });
    expect(await client.ok<PrivacyStatus>('privacy', 'withdraw')).toMatchObject({ consent: 'withdrawn', consentName: '已撤回同意' });
    for (const [fn, action, payload] of [
      ['voucher', 'claim', { type: 'skills' }],
      ['training', 'enroll', { classId: HUGONG, claim: 'skills' }],
      ['employment', 'report', { status: 'seeking' }],
    ] as const) {
      expect(await client.call(fn, action, payload)).toMatchObject({ ok: false, code: 'PRIVACY_CONSENT_REQUIRED' });
    }
    expect(await client.call('privacy', 'myData')).toMatchObject({ ok: true });
    expect(await entriesOf(me.profile!.personId, 'privacy.withdrawn')).toHaveLength(1);
    await agreeToGuide(client);
    expect(await client.call('voucher', 'claim', { type: 'skills' })).toMatchObject({ ok: true });
  });
});

/** One document per holding collection, each where its finder looks (`ref` targets through their source documents). */
async function seedOneOfEach(holder: { personId: string; openid: string; idHash: string }): Promise<CollectionName[]> {
  const entries = Object.entries(HOLDINGS).filter((e): e is [CollectionName, Holding] => Boolean(e[1]));
  const extras = new Map<CollectionName, Record<string, unknown>>();
  for (const [name, h] of entries) {
    for (const f of h.find) {
      if ((f.by === 'ref' || f.by === 'within') && f.field !== '_id') {
        extras.set(f.from, { ...extras.get(f.from), [f.field]: f.by === 'ref' && f.array ? [`seed-${name}`] : `seed-${name}` });
      }
    }
  }
  const keyOf = (k: 'personId' | 'openid' | 'idHash') => holder[k];
  await store().transaction(async (tx) => {
    for (const [name, h] of entries) {
      const f = h.find[0];
      const extra = extras.get(name) ?? {};
      if (f.by === 'id') {
        if (await tx.get(name, keyOf(f.key))) await tx.update(name, keyOf(f.key), { set: extra });
        else await tx.create(name, keyOf(f.key), { seeded: true, ...extra });
      } else if (f.by === 'prefix') await tx.create(name, `${keyOf(f.key)}:seeded`, { seeded: true, ...extra });
      else if (f.by === 'field') {
        const [top, sub] = f.field.split('.');
        await tx.create(name, `seed-${name}`, { seeded: true, at: NOW, ...extra, [top]: sub ? { [sub]: keyOf(f.key) } : keyOf(f.key) });
      }
    }
  });
  await store().transaction(async (tx) => {
    for (const [name, h] of entries) {
      const f = h.find[0];
      if (f.by === 'ref') {
        const value = f.field === '_id' ? `seed-${f.from}` : `seed-${name}`;
        await tx.create(name, f.suffix ? `${value}:${keyOf(f.suffix)}` : value, { seeded: true });
      } else if (f.by === 'within') await tx.create(name, `seed-${name}`, { seeded: true, [f.field]: `seed-${name}`, [f.match]: holder.personId });
    }
  });
  return entries.map(([name]) => name);
}

describe('R14.2 see and download everything held', () => {
  it('R14.2 the copy names every collection that holds the person (one of each seeded), secrets and keyed hashes left out; handing it out is ledgered', async () => {
    // Its own host: the seeded documents are shapes only, which the recounts of the shared one would trip on.
    const main = gw;
    gw = await startTestGateway({ devNow: NOW });
    try {
      await copyNamesEveryHolding();
    } finally {
      await gw.close();
      gw = main;
    }
  });

  async function copyNamesEveryHolding() {
    const { client, me } = await aLaborer(gw, { age: 30 });
    const personId = me.profile!.personId;
    const person = (await store().get<{ _id: string; openid: string; idHash: string }>('persons', personId))!;
    const holding = await seedOneOfEach({ personId, openid: person.openid, idHash: person.idHash });
    const copy = await client.ok<MyDataCopy>('privacy', 'myData');
    expect(copy.collections.map((c) => c.collection).sort()).toEqual([...holding].sort());
    for (const c of copy.collections) {
      expect(c.records.length).toBeGreaterThan(0);
      expect(c.lines).toHaveLength(c.records.length);
      expect(c.title).toMatch(/[\u4e00-\u9fa5]/);
    }
    // The page's lines are plain Chinese: no internal id in them, the ledger's types in words.
    for (const c of copy.collections) for (const line of c.lines) expect(line).not.toContain(personId);
    expect(copy.collections.find((c) => c.collection === 'ledger')!.lines).toEqual(expect.arrayContaining([expect.stringMatching(/^登记信息登记 · \d{4}年/)]));
    const text = JSON.stringify(copy);
    expect(text).not.toContain(person.idHash);
    const persons = copy.collections.find((c) => c.collection === 'persons')!.records[0];
    expect(persons).not.toHaveProperty('idCipher');
    expect(persons).toMatchObject({ name: '测试人员', idMasked: me.profile!.idNumberMasked });
    expect(await entriesOf(personId, 'person.copied')).toHaveLength(1);
  }

  it('R14.2 phone and township are corrected in the app and ledgered (the phone itself stays out of the ledger)', async () => {
    const { client, me } = await aLaborer(gw, { age: 30 });
    await client.ok('account', 'updateProfile', { phone: '13912345678', townshipCode: '141127100' });
    const [entry] = await entriesOf(me.profile!.personId, 'person.updated');
    expect(entry.data).toEqual({ fields: ['phone', 'townshipCode'], fromTownshipCode: '141127101', toTownshipCode: '141127100' });
    expect(JSON.stringify(entry)).not.toContain('13912345678');
    const copy = await client.ok<MyDataCopy>('privacy', 'myData');
    expect(copy.collections.find((c) => c.collection === 'persons')!.records[0]).toMatchObject({ phone: '13912345678', townshipCode: '141127100' });
  });
});

describe('R14.2 closing the account', () => {
  let holder: ApiClient;
  let openid: string;
  let personId: string;
  let idNumber: string;
  let certificate: CertificateView;

  beforeAll(async () => {
    idNumber = idNumberAged(30, new Date(NOW), { region: '141127' });
    openid = `test-close-${process.pid}`;
    holder = await gw.as(openid);
    await agreeToGuide(holder);
    personId = (await holder.ok<WhoAmI>('account', 'register', { name: '周秀兰', idNumber, phone: '13800001111', townshipCode: '141127101' })).profile!.personId;
    await holder.ok('voucher', 'claim', { type: 'skills' });
    await holder.ok('training', 'enroll', { classId: HUGONG });
    const { codeAt } = await attendanceCodes(holder);
    const trainer = await gw.as('trainer');
    await scanEach(gw, trainer, HUGONG, codeAt, Array.from({ length: 10 }, (_, i) => dayOf(i)));
    await gw.setNow('2026-03-12T09:30:00.000Z');
    await trainer.ok('training', 'closeClass', { classId: HUGONG });
    await trainer.ok('certificate', 'record', { classId: HUGONG, personId, passed: true, score: 88 });
    [certificate] = await holder.ok<CertificateView[]>('certificate', 'mine', {});
    await holder.ok('employment', 'report', { status: 'seeking' });
    // A message in 消息, as a reminder would leave it.
    await store().transaction((tx) => tx.create('outbox', `test:${openid}`, { openid, kind: 'certificateIssued', title: '证书已发放', text: '您的证书已发放', createdAt: NOW, read: false, status: 'sent' }));
  }, 90_000);

  it('R14.2 a training under way or an unused voucher refuses it, saying why', async () => {
    const { client } = await aLaborer(gw, { age: 30 });
    await client.ok('voucher', 'claim', { type: 'skills' });
    expect(await client.call('privacy', 'close', { confirm: true })).toEqual({ ok: false, code: 'ACCOUNT_HAS_VOUCHERS', message: ERROR_MESSAGES.ACCOUNT_HAS_VOUCHERS });
    expect(await client.call('privacy', 'close', {})).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '请确认注销账号' });
    expect(await (await gw.as('official-county')).call('privacy', 'close', { confirm: true })).toMatchObject({ ok: false, code: 'NOT_REGISTERED' });
  });

  it('R14.2 closing removes the WeChat binding, phone and messages; certificates, subsidies and the ledger stay with the person; the books balance', async () => {
    const closed = await holder.ok<CloseAccountResult>('privacy', 'close', { confirm: true });
    expect(closed).toMatchObject({ closed: true, messagesRemoved: 1, kept: expect.arrayContaining(['台账记录', '鉴定成绩和证书', '培训补贴']) });
    expect(await holder.ok<WhoAmI>('account', 'whoami')).toMatchObject({ registered: false, profile: null });
    expect(await store().get('accounts', openid)).toBeNull();
    expect(await store().get('privacyConsents', openid)).toBeNull();
    expect(await store().count('outbox', where('openid', 'eq', openid))).toBe(0);
    const person = await store().get<{ _id: string; openid: string; phone: string | null; closedAt: string | null }>('persons', personId);
    expect(person).toMatchObject({ openid: '', phone: null, closedAt: expect.any(String) });
    expect(await store().get('certificates', certificate.number)).toMatchObject({ personId, status: 'valid' });
    expect(await store().get('subsidies', certificate.number)).toMatchObject({ personId });
    expect(await holder.call('voucher', 'claim', { type: 'skills' })).toMatchObject({ ok: false, code: 'NOT_REGISTERED' });
    expect(await entriesOf(personId, 'account.closed')).toHaveLength(1);
    await booksBalance();
  });

  it('R14.2 the same ID number registers again from a new account and finds its certificates; another name is refused', async () => {
    const newcomer = await gw.as(`test-rejoin-${process.pid}`);
    await agreeToGuide(newcomer);
    expect(await newcomer.call('account', 'register', { name: '冒名者', idNumber, townshipCode: '141127101' })).toMatchObject({ ok: false, code: 'ID_NUMBER_TAKEN' });
    const me = await newcomer.ok<WhoAmI>('account', 'register', { name: '周秀兰', idNumber, phone: '13900002222', townshipCode: '141127101' });
    expect(me.profile).toMatchObject({ personId, name: '周秀兰', phone: '13900002222' });
    const mine = await newcomer.ok<CertificateView[]>('certificate', 'mine', {});
    expect(mine.map((c) => [c.number, c.status])).toEqual([[certificate.number, 'valid']]);
    expect(await entriesOf(personId, 'account.reopened')).toHaveLength(1);
    expect(await entriesOf(personId, 'privacy.agreed')).toHaveLength(2);
    // Only one registration was ever counted: the person is the same.
    expect(await store().count('persons', where('_id', 'eq', personId))).toBe(1);
    await booksBalance();
  });
});
