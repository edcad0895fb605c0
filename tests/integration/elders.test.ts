/**
 * R13 for the oldest and the farthest: enrolling with the voucher claimed in the same step,
 * classes near home first, the 评价券 explained, 亲情代办 (a relative acting for an elder), and
 * check-in without a smartphone (printed card, the trainer's mark, the typed digits).
 */
import type { AttendanceKey, ClassCheckInsView, ClassView, EnrollmentView, ProxyLinkView, RosterView, ScanResult, VoucherTypeView, VoucherView, WhoAmI } from '../../cloudfunctions/contract';
import { shortCode } from '../../cloudfunctions/core/attendance';
import { demoClassId } from '../../cloudfunctions/gateway/demo-ids';
import { PERSONAS, demoIdNumber } from '../../cloudfunctions/gateway/personas';
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import { reconcile } from '../../cloudfunctions/services/audit';
import { where } from '../../cloudfunctions/store/port';
import type { ApiClient } from '../support/gateway';
import { sharedGateway } from '../support/gateway';
import { aLaborer, agreeToGuide } from '../support/laborers';

jest.setTimeout(60_000);

const NOW = '2026-03-02T02:00:00.000Z'; // the demo classes start tomorrow
const BIANZHI = demoClassId('bianzhi-dongcun'); // 送培训下乡 in 岚县东村镇, 3–5 March 09:00–11:30
const HUGONG = demoClassId('hugong-lishi'); // 离石区, skills or enterprise vouchers

const { gw, persona } = sharedGateway(NOW, { timeout: 60_000 });
const elder = persona('laborer-66');

const ledgerOf = async (type: string) => (await gw.runtime.deps.store.find<{ _id: string; type: string; actor: { openid: string | null; role: string; onBehalfOf?: string }; subjects: Record<string, string> }>('ledger', where('type', 'eq', type), { limit: 1000 })).items;

describe('R13 four taps: enrolling claims the voucher the class needs, in one transaction', () => {
  it('R13 the class says it can be joined by claiming its voucher; 报名 does both; a retry answers the same', async () => {
    const l = await aLaborer(gw, { age: 66, townshipCode: '141127100' });
    const classes = await l.client.ok<ClassView[]>('training', 'listClasses', {});
    const bianzhi = classes.find((c) => c.id === BIANZHI)!;
    expect(bianzhi.forMe).toMatchObject({ canEnroll: false, reasonCode: 'NO_USABLE_VOUCHER', claimable: 'village', distance: 'township', distanceText: '本乡镇' });
    const first = await l.client.call<EnrollmentView>('training', 'enroll', { classId: BIANZHI, claim: 'village' }, 'tap-4');
    const again = await l.client.call<EnrollmentView>('training', 'enroll', { classId: BIANZHI, claim: 'village' }, 'tap-4');
    expect(first.ok && again.ok && first.data.id === again.data.id).toBe(true);
    const vouchers = await l.client.ok<VoucherView[]>('voucher', 'mine', {});
    expect(vouchers.map((v) => [v.type, v.status])).toEqual([['village', 'reserved']]);
  });

  it('R13 when the enrollment fails the claim is not written either', async () => {
    const l = await aLaborer(gw, { age: 30, townshipCode: '141127100' });
    const vouchersBefore = await gw.runtime.deps.store.count('vouchers');
    // 护工 takes skills or enterprise; asking it with a type it does not take is refused, nothing written.
    expect(await l.client.call('training', 'enroll', { classId: HUGONG, claim: 'agri' })).toMatchObject({ ok: false, code: 'VOUCHER_TYPE_UNKNOWN' });
    // A 66-year-old is not eligible for skills: the claim's refusal, and no enrollment.
    const old = await aLaborer(gw, { age: 66, townshipCode: '141127100' });
    expect(await old.client.call('training', 'enroll', { classId: HUGONG, claim: 'skills' })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    expect(await gw.runtime.deps.store.count('vouchers')).toBe(vouchersBefore);
    expect(await gw.runtime.deps.store.count('enrollments', where('classId', 'eq', HUGONG))).toBe(0);
  });
});

describe('R13 near home first, and what each voucher is for', () => {
  it('R13 classes are ordered township, county, then farther, each saying how far', async () => {
    const l = await aLaborer(gw, { age: 30, townshipCode: '141127100' });
    const classes = await l.client.ok<ClassView[]>('training', 'listClasses', {});
    expect(classes.map((c) => c.forMe?.distanceText)).toEqual(['本乡镇', '另一个县', '另一个市', '另一个市']);
    expect(classes[0].id).toBe(BIANZHI);
  });

  it('R13 the 评价券 says it is used at an evaluation body and lists them; class vouchers say how many classes take them', async () => {
    const l = await aLaborer(gw, { age: 30, townshipCode: '141127100' });
    const types = await l.client.ok<VoucherTypeView[]>('voucher', 'listTypes', {});
    const evaluation = types.find((t) => t.code === 'evaluation')!;
    expect(evaluation.usedAt).toBe('evaluationBody');
    expect(evaluation.evaluationBodies?.map((b) => b.name)).toEqual(['吕梁山护工培训学校']);
    expect(evaluation.howToUse).toContain('不用上课');
    const skills = types.find((t) => t.code === 'skills')!;
    expect(skills).toMatchObject({ usedAt: 'class', nearbyClasses: 0 });
    expect(skills.howToUse).toBe('本县暂时没有收这种券的班，领了也要等开班。');
    // What the laborer can use near home comes before the 评价券.
    expect(types.findIndex((t) => t.code === 'skills')).toBeLessThan(types.findIndex((t) => t.code === 'evaluation'));
  });
});

describe('R13.1 亲情代办', () => {
  let relative: ApiClient;
  let link: ProxyLinkView;
  const elderPersona = PERSONAS.find((p) => p.key === 'laborer-66')!;

  it('R13.1 a relative asks; the elder is told and agrees on their own phone', async () => {
    relative = await gw.as('test-relative-1');
    await agreeToGuide(relative); // R14.1 the relative gives the elder's number and their own name
    expect(await relative.call('family', 'request', { elderIdNumber: demoIdNumber(elderPersona, new Date(NOW))!, elderName: '张德', relation: '子女', proxyName: '张小明' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    link = await relative.ok<ProxyLinkView>('family', 'request', { elderIdNumber: demoIdNumber(elderPersona, new Date(NOW))!, elderName: '张德福', relation: '子女', proxyName: '张小明' });
    expect(link).toMatchObject({ status: 'requested', elderName: '张*福' });
    expect(await relative.call('voucher', 'mine', {}, undefined)).toMatchObject({ ok: false });
    const messages = await elder.ok<{ items: { kind: string }[] }>('message', 'list', {});
    expect(messages.items.map((m) => m.kind)).toContain('proxyRequested');
    const asElder = await elder.ok<{ asElder: ProxyLinkView[] }>('family', 'mine', {});
    expect(asElder.asElder.map((x) => x.linkId)).toEqual([link.linkId]);
    expect(await elder.ok<ProxyLinkView>('family', 'answer', { linkId: link.linkId, agree: true })).toMatchObject({ status: 'active', approvedBy: 'elder' });
  });

  it('R13.1 the relative claims and enrolls in the elder’s name; the ledger names the relative as actor', async () => {
    const act = (fn: string, action: string, payload: unknown) =>
      relative.raw(`/api/${fn}`, { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action, payload, actingFor: link.elderPersonId }) }).then((r) => r.json() as Promise<{ ok: boolean; code?: string; data?: unknown }>);
    expect(await act('training', 'enroll', { classId: BIANZHI, claim: 'village' })).toMatchObject({ ok: true });
    const mine = (await act('voucher', 'mine', {})) as { data: VoucherView[] };
    expect(mine.data.map((v) => v.status)).toEqual(['reserved']);
    const who = (await act('account', 'whoami', {})) as { data: WhoAmI };
    expect(who.data.profile?.name).toBe('张德福');
    const claimed = (await ledgerOf('voucher.claimed')).filter((e) => e.actor.role === 'proxy');
    expect(claimed.map((e) => e.actor)).toEqual([{ openid: 'test-relative-1', role: 'proxy', onBehalfOf: 'dev-openid-laborer-66' }]);
    expect((await ledgerOf('enrollment.created')).some((e) => e.actor.openid === 'test-relative-1' && e.actor.role === 'proxy')).toBe(true);
    // Never the attendance code or key; never an action not open to relatives.
    expect(await act('training', 'attendanceKey', {})).toMatchObject({ ok: false, code: 'PROXY_NOT_ALLOWED' });
    expect(await act('account', 'updateProfile', { phone: '13900000000' })).toMatchObject({ ok: false, code: 'PROXY_NOT_ALLOWED' });
    // The elder's reminders reach the relative too.
    expect(await act('message', 'list', {})).toMatchObject({ ok: true });
    // Someone with no link is refused at once.
    const stranger = await gw.as('test-stranger');
    const res = await stranger.raw('/api/voucher', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'mine', actingFor: link.elderPersonId }) });
    expect(await res.json()).toMatchObject({ ok: false, code: 'PROXY_NOT_ACTIVE' });

    // The elder ends it: the next act in their name is refused.
    await elder.ok('family', 'end', { linkId: link.linkId });
    expect(await act('voucher', 'mine', {})).toMatchObject({ ok: false, code: 'PROXY_NOT_ACTIVE' });
  });

  it('R13.1 at most 2 relatives per elder; an official can agree in person', async () => {
    const elder52 = PERSONAS.find((p) => p.key === 'laborer-52')!;
    const idNumber = demoIdNumber(elder52, new Date(NOW))!;
    const ask = async (who: string) => {
      const client = await gw.as(who);
      await agreeToGuide(client); // R14.1
      return client.ok<ProxyLinkView>('family', 'request', { elderIdNumber: idNumber, elderName: '李秀兰', relation: '子女', proxyName: '李小红' });
    };
    const official = await gw.as('official-county');
    const links = [await ask('test-rel-a'), await ask('test-rel-b'), await ask('test-rel-c')];
    const pending = await official.ok<ProxyLinkView[]>('family', 'pending', {});
    expect(pending.map((p) => p.linkId)).toEqual(expect.arrayContaining(links.map((l) => l.linkId)));
    expect(await official.call('family', 'approveInPerson', { linkId: links[0].linkId, idCardSeen: false })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await official.ok<ProxyLinkView>('family', 'approveInPerson', { linkId: links[0].linkId, idCardSeen: true })).toMatchObject({ status: 'active', approvedBy: 'official' });
    await official.ok('family', 'approveInPerson', { linkId: links[1].linkId, idCardSeen: true });
    expect(await official.call('family', 'approveInPerson', { linkId: links[2].linkId, idCardSeen: true })).toMatchObject({ ok: false, code: 'PROXY_LIMIT_ELDER' });
    expect(await (await gw.as('official-city')).call('family', 'approveInPerson', { linkId: links[2].linkId, idCardSeen: true })).toMatchObject({ ok: false, code: 'PROXY_LIMIT_ELDER' });
    expect(await (await gw.as('trainer')).call('family', 'approveInPerson', { linkId: links[2].linkId, idCardSeen: true })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('R13.1 at most 3 elders per relative', async () => {
    const helper = await gw.as('test-busy-helper');
    await agreeToGuide(helper);
    const official = await gw.as('official-county');
    const elders = [];
    for (let i = 0; i < 4; i++) elders.push(await aLaborer(gw, { age: 70, townshipCode: '141127101', name: `王老${'一二三四'[i]}` }));
    const results = [];
    for (const [i, e] of elders.entries()) {
      const profile = e.me.profile!;
      const person = (await gw.runtime.deps.store.get<{ _id: string; idCipher: string }>('persons', profile.personId))!;
      const l = await helper.ok<ProxyLinkView>('family', 'request', { elderIdNumber: gw.runtime.deps.idVault.decrypt(person.idCipher), elderName: `王老${'一二三四'[i]}`, relation: '其他亲属', proxyName: '王助手' });
      results.push(await official.call('family', 'approveInPerson', { linkId: l.linkId, idCardSeen: true }));
    }
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['ok', 'ok', 'ok', 'PROXY_LIMIT_HELPER']);
  });
});

describe('R13.2 check-in without a smartphone', () => {
  it('R13.2 a printed card and the trainer’s mark check people in, flagged; the class’s share is counted', async () => {
    const trainer = await gw.as('trainer');
    const people = [];
    for (let i = 0; i < 4; i++) {
      const l = await aLaborer(gw, { age: 30, townshipCode: '141102001' });
      await l.client.ok('voucher', 'claim', { type: 'skills' });
      await l.client.ok('training', 'enroll', { classId: HUGONG });
      people.push(l);
    }
    const [withCard, marked, typed, phone] = people;
    const card = await trainer.ok<{ code: string; holderName: string }>('training', 'issueCard', { personId: withCard.me.profile!.personId });
    expect(card.code).toMatch(/^CZTK1\.[23456789A-HJKMNP-Z]{16}$/);
    expect(await (await gw.as('trainer-lanxian')).call('training', 'issueCard', { personId: withCard.me.profile!.personId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await gw.setNow('2026-03-03T01:10:00.000Z'); // 09:10 China, session 1
    expect(await trainer.ok<ScanResult>('training', 'scan', { classId: HUGONG, code: card.code })).toMatchObject({ status: 'accepted', session: 0 });
    expect(await trainer.call('training', 'markPresent', { classId: HUGONG, personId: marked.me.profile!.personId, reason: '' })).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(await trainer.ok<ScanResult>('training', 'markPresent', { classId: HUGONG, personId: marked.me.profile!.personId, reason: '手机没电，本人在场' })).toMatchObject({ status: 'accepted' });
    const key = await typed.client.ok<AttendanceKey>('training', 'attendanceKey', {});
    const digits = shortCode(new Uint8Array(Buffer.from(key.secret, 'base64')), key.personRef, gw.runtime.clock.now());
    expect(await trainer.ok<ScanResult>('training', 'scanTyped', { classId: HUGONG, digits: '00000000' === digits ? '00000001' : '00000000' })).toMatchObject({ status: 'refused', code: 'CODE_FORGED' });
    expect(await trainer.ok<ScanResult>('training', 'scanTyped', { classId: HUGONG, digits })).toMatchObject({ status: 'accepted' });
    void phone;

    const roster = await trainer.ok<RosterView>('training', 'roster', { classId: HUGONG });
    expect(roster.checkIns).toEqual({ total: 3, card: 1, manual: 1, share: 2 / 3, flagged: true });
    expect(roster.people.find((p) => p.personId === withCard.me.profile!.personId)?.cardSessions).toEqual([0]);
    expect(roster.people.find((p) => p.personId === marked.me.profile!.personId)?.manualSessions).toEqual([0]);
    const flagged = await (await gw.as('official-city')).ok<ClassCheckInsView[]>('training', 'classCheckIns', {});
    expect(flagged[0]).toMatchObject({ classId: HUGONG, checkIns: { flagged: true } });
    const entries = (await ledgerOf('attendance.recorded')).map((e) => (e as unknown as { data: { method?: string; flagged?: boolean } }).data);
    expect(entries.filter((d) => d.flagged).map((d) => d.method).sort()).toEqual(['card', 'manual']);

    // A re-issued card replaces the old one at once.
    const second = await (await gw.as('official-city')).ok<{ code: string }>('training', 'issueCard', { personId: withCard.me.profile!.personId });
    await gw.setNow('2026-03-04T01:10:00.000Z');
    expect(await trainer.ok<ScanResult>('training', 'scan', { classId: HUGONG, code: card.code })).toMatchObject({ status: 'refused', code: 'CARD_REVOKED' });
    expect(await trainer.ok<ScanResult>('training', 'scan', { classId: HUGONG, code: second.code })).toMatchObject({ status: 'accepted', session: 1 });
    await gw.setNow(NOW);
  });

  it('R9.1 R9.2 the books are clean after all this', async () => {
    expect((await verifyAllChains(gw.runtime.deps.store)).filter((c) => c.broken)).toEqual([]);
    expect((await reconcile(gw.runtime.deps.store)).differences).toEqual([]);
  });
});
