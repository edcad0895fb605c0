/**
 * `account` through the real gateway over HTTP, on a fresh embedded store.
 */
import type { WhoAmI } from '../../cloudfunctions/contract';
import { checkCharOf } from '../../cloudfunctions/core/id-number';
import { idNumberAged, idNumberBornOn, LANXIAN_TOWNSHIP, withWrongCheck } from '../support/id-numbers';
import { sharedGateway } from '../support/gateway';
import { agreeToGuide } from '../support/laborers';
import { countsOf } from '../support/books';
import { demoInstitutionId } from '../../cloudfunctions/gateway/demo-ids';

const NOW = '2026-11-23T02:00:00.000Z';

const { gw } = sharedGateway(NOW);

const countAll = () => countsOf(gw.runtime.deps.store, 'persons', 'idNumbers', 'accounts');

describe('R1.1 identity comes from the session, never the payload', () => {
  it('answers UNAUTHENTICATED without a session', async () => {
    const res = await gw.anonymous().call('account', 'whoami');
    expect(res).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' });
  });

  it('answers UNAUTHENTICATED to a curl-style form body with JSON in it', async () => {
    const res = await gw.anonymous().raw('/api/account', { body: '{"action":"whoami"}' });
    expect(await res.json()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('ignores an openid in the payload', async () => {
    const anonymous = await gw.anonymous().call('account', 'whoami', { openid: 'dev-openid-laborer-52' });
    expect(anonymous).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    const asSixtySix = await gw.as('laborer-66');
    const me = await asSixtySix.ok<WhoAmI>('account', 'whoami', { openid: 'dev-openid-laborer-52', role: 'official' });
    expect(me.profile?.name).toBe('张德福');
    expect(me.roles).toEqual([{ role: 'laborer' }]);
  });

  it('ignores a forged session cookie', async () => {
    const res = await gw.anonymous().raw('/api/account', {
      headers: { 'content-type': 'application/json', cookie: 'czt_sid=dev-openid-laborer-52' },
      body: JSON.stringify({ action: 'whoami' }),
    });
    expect(await res.json()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('R1.2 roles', () => {
  it('gives officials their region scope and trainers their institution', async () => {
    const city = await (await gw.as('official-city')).ok<WhoAmI>('account', 'whoami');
    expect(city.registered).toBe(false);
    expect(city.roles).toEqual([
      { role: 'official', regionCode: '141100', regionName: '吕梁市' },
      { role: 'admin', regionCode: '141100', regionName: '吕梁市' },
    ]);
    const trainer = await (await gw.as('trainer')).ok<WhoAmI>('account', 'whoami');
    expect(trainer.roles).toEqual([
      { role: 'trainer', institutionId: demoInstitutionId('hugong'), institutionName: '吕梁山护工培训学校' },
    ]);
  });
});

describe('account.register (R2, R3)', () => {
  it('registers the 30-year-old persona, who is then band A with a masked ID number', async () => {
    const client = await gw.as('laborer-30');
    await agreeToGuide(client);
    const before = await client.ok<WhoAmI>('account', 'whoami');
    expect(before.registered).toBe(false);
    const idNumber = idNumberAged(30, new Date(NOW));
    const me = await client.ok<WhoAmI>('account', 'register', {
      name: '王建军',
      idNumber,
      phone: '13800000030',
      townshipCode: LANXIAN_TOWNSHIP,
    });
    expect(me.registered).toBe(true);
    expect(me.profile).toMatchObject({
      name: '王建军',
      age: 30,
      band: 'A',
      idNumberMasked: `${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`,
      county: { code: '141127', name: '岚县' },
      township: { code: LANXIAN_TOWNSHIP, name: '岚城镇' },
    });
    expect(me.roles).toEqual([{ role: 'laborer' }]);
    expect(JSON.stringify(me)).not.toContain(idNumber);
  });

  it('R2.3 refuses a second account with the same ID number and leaves the first untouched', async () => {
    const idNumber = idNumberAged(40, new Date(NOW));
    const first = await gw.as('laborer-30');
    await agreeToGuide(first);
    await gw.runtime.deps.store.transaction((tx) => tx.remove('accounts', 'dev-openid-laborer-30'));
    await first.ok('account', 'register', { name: '赵一', idNumber, townshipCode: LANXIAN_TOWNSHIP });
    const firstBefore = await first.ok<WhoAmI>('account', 'whoami');
    const counts = await countAll();

    const second = await gw.as('trainer');
    await agreeToGuide(second);
    const refused = await second.call('account', 'register', {
      name: '钱二',
      idNumber: ` ${idNumber.toLowerCase()} `,
      townshipCode: LANXIAN_TOWNSHIP,
    });
    expect(refused).toMatchObject({ ok: false, code: 'ID_NUMBER_TAKEN' });
    expect(await countAll()).toEqual(counts);
    expect(await first.ok<WhoAmI>('account', 'whoami')).toEqual({ ...firstBefore, now: expect.any(String) });
    expect((await second.ok<WhoAmI>('account', 'whoami')).registered).toBe(false);
  });

  it('R2.3 a retried registration with the same number answers like the first and writes nothing new', async () => {
    const idNumber = idNumberAged(35, new Date(NOW));
    await gw.runtime.deps.store.transaction((tx) => tx.remove('accounts', 'dev-openid-laborer-30'));
    const client = await gw.as('laborer-30');
    await agreeToGuide(client);
    const input = { name: '孙三', idNumber, townshipCode: LANXIAN_TOWNSHIP };
    await client.ok('account', 'register', input);
    const counts = await countAll();
    const again = await client.ok<WhoAmI>('account', 'register', input);
    expect(again.profile?.name).toBe('孙三');
    expect(await countAll()).toEqual(counts);
    const other = await client.call('account', 'register', { ...input, idNumber: idNumberAged(36, new Date(NOW)) });
    expect(other).toMatchObject({ ok: false, code: 'ALREADY_REGISTERED' });
  });

  const now = new Date(NOW);
  const badNumbers: [string, string, string][] = [
    ['a 15-digit number', '141127900101123', 'ID_NUMBER_15_DIGITS'],
    ['a 17-character number', '14112719900101123', 'ID_NUMBER_LENGTH'],
    ['letters inside', '1411271990A101123X', 'ID_NUMBER_FORMAT'],
    ['a wrong check character', withWrongCheck(idNumberAged(30, now)), 'ID_NUMBER_CHECKSUM'],
    ['30 February', `14112719900230123${checkCharOf('14112719900230123')}`, 'ID_NUMBER_BIRTH_DATE'],
    ['a birth date after today', idNumberBornOn({ year: 2027, month: 1, day: 1 }), 'ID_NUMBER_FUTURE_BIRTH'],
    ['a birth before 1900', idNumberBornOn({ year: 1899, month: 6, day: 1 }), 'ID_NUMBER_BIRTH_DATE'],
    ['an empty number', '   ', 'ID_NUMBER_EMPTY'],
    ['a 12-year-old', idNumberAged(12, now), 'UNDER_AGE'],
  ];

  it.each(badNumbers)('R2.2 refuses %s with its own message and writes nothing', async (_label, idNumber, code) => {
    const client = await gw.as('laborer-30');
    await agreeToGuide(client);
    await gw.runtime.deps.store.transaction((tx) => tx.remove('accounts', 'dev-openid-laborer-30'));
    const counts = await countAll();
    const res = await client.call('account', 'register', { name: '周四', idNumber, townshipCode: LANXIAN_TOWNSHIP });
    expect(res).toMatchObject({ ok: false, code });
    if (!res.ok) expect(res.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await countAll()).toEqual(counts);
  });

  it('gives each bad ID number a different message', () => {
    expect(new Set(badNumbers.map(([, , code]) => code)).size).toBe(badNumbers.length - 1);
  });

  it.each([
    ['no name', { idNumber: 'x', townshipCode: LANXIAN_TOWNSHIP }, 'INVALID_INPUT', '请输入姓名'],
    ['a name in Latin letters', { name: 'Tom', townshipCode: LANXIAN_TOWNSHIP }, 'NAME_INVALID', '请输入2–20个字的真实姓名'],
    ['a bad phone', { name: '吴五', phone: '12345', townshipCode: LANXIAN_TOWNSHIP }, 'PHONE_INVALID', '请输入11位手机号码'],
    ['a county instead of a township', { name: '吴五', townshipCode: '141127' }, 'REGION_UNKNOWN', '请选择户籍所在乡镇'],
    ['an unknown township', { name: '吴五', townshipCode: '999999999' }, 'REGION_UNKNOWN', '请选择户籍所在乡镇'],
  ])('refuses %s with a clear message and writes nothing', async (_label, payload, code, message) => {
    const client = await gw.as('laborer-30');
    await agreeToGuide(client);
    await gw.runtime.deps.store.transaction((tx) => tx.remove('accounts', 'dev-openid-laborer-30'));
    const counts = await countAll();
    const res = await client.call('account', 'register', { idNumber: idNumberAged(30, now), ...payload });
    expect(res).toEqual({ ok: false, code, message });
    expect(await countAll()).toEqual(counts);
  });

  it('answers UNKNOWN_ACTION and UNKNOWN_FUNCTION for names it does not have', async () => {
    const client = await gw.as('laborer-52');
    expect(await client.call('account', 'deleteEverything')).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    const res = await client.raw('/api/nope', { headers: { 'content-type': 'application/json' }, body: '{"action":"x"}' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ ok: false, code: 'UNKNOWN_FUNCTION' });
  });

  it('answers a malformed JSON body with INVALID_INPUT', async () => {
    const res = await gw.anonymous().raw('/api/account', { headers: { 'content-type': 'application/json' }, body: '{"action":' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

describe('account.updateProfile and regions', () => {
  it('changes phone and household township, and refuses a bad phone without writing', async () => {
    const client = await gw.as('laborer-52');
    const updated = await client.ok<WhoAmI>('account', 'updateProfile', { phone: '13912345678', townshipCode: '141127102' });
    expect(updated.profile).toMatchObject({ phone: '13912345678', township: { name: '普明镇' } });
    const refused = await client.call('account', 'updateProfile', { phone: '1391234' });
    expect(refused).toMatchObject({ ok: false, code: 'PHONE_INVALID' });
    expect((await client.ok<WhoAmI>('account', 'whoami')).profile?.phone).toBe('13912345678');
  });

  it('refuses updateProfile before registration', async () => {
    const client = await gw.as('official-county');
    expect(await client.call('account', 'updateProfile', { phone: '13912345678' })).toMatchObject({
      ok: false,
      code: 'NOT_REGISTERED',
    });
  });

  it('lists the townships of a county', async () => {
    const client = await gw.as('laborer-52');
    const towns = await client.ok<{ name: string; level: string }[]>('account', 'regions', { parent: '141127' });
    expect(towns.map((t) => t.name)).toEqual(['东村镇', '岚城镇', '普明镇', '土峪乡']);
  });
});

describe('R3 age and band follow the clock', () => {
  it('shows the 66-year-old persona as band C and the 52-year-old as band B', async () => {
    const c = await (await gw.as('laborer-66')).ok<WhoAmI>('account', 'whoami');
    expect(c.profile).toMatchObject({ age: 66, band: 'C', bandName: '60周岁以上' });
    const b = await (await gw.as('laborer-52')).ok<WhoAmI>('account', 'whoami');
    expect(b.profile).toMatchObject({ age: 52, band: 'B' });
  });
});

describe('R2.4 ID numbers at rest', () => {
  it('stores no plain ID number, only ciphertext, a keyed hash and the mask', async () => {
    const idNumber = idNumberAged(44, new Date(NOW));
    await gw.runtime.deps.store.transaction((tx) => tx.remove('accounts', 'dev-openid-laborer-30'));
    const client = await gw.as('laborer-30');
    await agreeToGuide(client);
    const me = await client.ok<WhoAmI>('account', 'register', { name: '郑六', idNumber, townshipCode: LANXIAN_TOWNSHIP });
    const person = await gw.runtime.deps.store.get<Record<string, unknown> & { _id: string }>('persons', me.profile!.personId);
    expect(JSON.stringify(person)).not.toContain(idNumber);
    expect(JSON.stringify(person)).not.toContain(idNumber.slice(6, 14));
    expect(gw.runtime.deps.idVault.decrypt(person!.idCipher as string)).toBe(idNumber);
    expect(person!.idHash).toBe(gw.runtime.deps.idVault.hash(idNumber));
  });
});
