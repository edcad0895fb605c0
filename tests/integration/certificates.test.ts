/**
 * R7 through the gateway over HTTP: results for completed trainees and for 评价券 holders,
 * certificates numbered without gaps under concurrency, public verification, revocation, and the
 * subsidy entries; the books balance afterwards.
 */
import type { CertificateView, ResultView, VerifyView, VoucherView } from '../../cloudfunctions/contract';
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import { reconcile } from '../../cloudfunctions/services/audit';
import { type ApiClient, sharedGateway } from '../support/gateway';
import { aLaborer, aTrainee } from '../support/laborers';
import { demoClassId } from '../../cloudfunctions/gateway/demo-ids';

const NOW = '2026-03-02T02:00:00.000Z';
const HUGONG = demoClassId('hugong-lishi'); // 吕梁山护工培训学校 (a registered evaluation body), 10 sessions from 3 March
const dayOf = (i: number) => `2026-03-${String(3 + i).padStart(2, '0')}T01:10:00.000Z`;
const AFTER = '2026-03-12T09:30:00.000Z';

const { gw, persona } = sharedGateway(NOW, { timeout: 60_000 });
const trainer = persona('trainer');
let passed: Awaited<ReturnType<typeof trainee>>;
let failed: Awaited<ReturnType<typeof trainee>>;
let absent: Awaited<ReturnType<typeof trainee>>;

async function trainee() {
  const t = await aTrainee(gw, HUGONG, { age: 30, name: '王秀英' });
  return { ...t, personId: t.me.profile!.personId };
}

beforeAll(async () => {
  passed = await trainee();
  failed = await trainee();
  absent = await trainee();
  for (let i = 0; i < 10; i++) {
    await gw.setNow(dayOf(i));
    for (const t of [passed, failed]) await trainer.ok('training', 'scan', { classId: HUGONG, code: t.codeAt(dayOf(i)) });
  }
  await gw.setNow(AFTER);
  await trainer.ok('training', 'closeClass', { classId: HUGONG });
}, 60_000);

const record = (client: ApiClient, input: object) => client.call<ResultView>('certificate', 'record', input);

describe('R7.1 results', () => {
  it('R7.1 only completed enrollments get results; a laborer cannot record any', async () => {
    expect(await record(trainer, { classId: HUGONG, personId: absent.personId, passed: true, score: 80 })).toMatchObject({
      ok: false,
      code: 'NOT_COMPLETED',
    });
    expect(await record(passed.client, { classId: HUGONG, personId: passed.personId, passed: true, score: 80 })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await record(trainer, { classId: HUGONG, personId: passed.personId, passed: true, score: 50 })).toMatchObject({
      ok: false,
      code: 'RESULT_SCORE_MISMATCH',
    });
    expect(await record(trainer, { classId: HUGONG, personId: passed.personId, passed: true, score: 101 })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '成绩应为0–100的整数',
    });
  });

  it('R7.2 a pass issues one certificate with a subsidy for the institution; a fail issues none', async () => {
    const pass = await trainer.ok<ResultView>('certificate', 'record', { classId: HUGONG, personId: passed.personId, passed: true, score: 86 });
    expect(pass.certificate).toMatchObject({ kindName: '职业技能等级证书', levelName: '五级/初级工' });
    expect(pass.certificate!.number).toMatch(/^2026141127\d{6}$/);
    expect(pass.subsidy).toEqual({ status: 'payable', statusName: '待申领', amountFen: 120_000, reason: null });
    const fail = await trainer.ok<ResultView>('certificate', 'record', { classId: HUGONG, personId: failed.personId, passed: false, score: 41 });
    expect(fail).toMatchObject({ certificate: null, subsidy: null });
    expect(await record(trainer, { classId: HUGONG, personId: passed.personId, passed: true, score: 90 })).toMatchObject({
      ok: false,
      code: 'RESULT_EXISTS',
    });
    const mine = await passed.client.ok<CertificateView[]>('certificate', 'mine', {});
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ holderName: '王秀英', status: 'valid', issuedOn: '2026-03-12', followUpsDue: ['2026-06-12', '2026-09-12'] });
    expect(await failed.client.ok<CertificateView[]>('certificate', 'mine', {})).toEqual([]);
  });
});

describe('R7.2 verification and revocation', () => {
  it('R7.2 anyone verifies number + code and sees the masked name; a wrong code says not found', async () => {
    const [cert] = await passed.client.ok<CertificateView[]>('certificate', 'mine', {});
    const anonymous = gw.anonymous();
    const seen = await anonymous.ok<VerifyView>('certificate', 'verify', { number: cert.number, code: cert.verifyCode.toLowerCase() });
    expect(seen).toMatchObject({ holderName: '王*英', occupation: '养老护理员', levelName: '五级/初级工', issuer: '吕梁山护工培训学校', status: 'valid', statusName: '有效' });
    expect(await anonymous.call('certificate', 'verify', { number: cert.number, code: 'ABCDEFGH' })).toMatchObject({
      ok: false,
      code: 'CERTIFICATE_NOT_FOUND',
    });
  });

  it('R7.2 an official of the county revokes with a reason; verification then says revoked; the subsidy is withdrawn', async () => {
    const [cert] = await passed.client.ok<CertificateView[]>('certificate', 'mine', {});
    expect(await trainer.call('certificate', 'revoke', { number: cert.number, reason: '材料不实' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const official = await gw.as('official-county');
    expect(await official.call('certificate', 'revoke', { number: cert.number, reason: ' ' })).toMatchObject({ ok: false, code: 'REVOKE_REASON_REQUIRED' });
    const revoked = await official.ok<VerifyView>('certificate', 'revoke', { number: cert.number, reason: '鉴定材料不实' });
    expect(revoked).toMatchObject({ status: 'revoked', statusName: '已撤销', revokedReason: '鉴定材料不实' });
    const seen = await gw.anonymous().ok<VerifyView>('certificate', 'verify', { number: cert.number, code: cert.verifyCode });
    expect(seen.status).toBe('revoked');
    expect(await official.call('certificate', 'revoke', { number: cert.number, reason: '再次撤销' })).toMatchObject({ ok: false, code: 'ALREADY_REVOKED' });
  });
});

describe('R7.2 numbers under concurrency', () => {
  it('R7.2 500 concurrent issues in one county get 500 distinct consecutive numbers', async () => {
    await gw.setNow(AFTER);
    const holders = await Promise.all(
      Array.from({ length: 500 }, async () => {
        const l = await aLaborer(gw, { age: 35 });
        return l.client.ok<VoucherView>('voucher', 'claim', { type: 'evaluation' });
      }),
    );
    const results = await Promise.all(
      holders.map((v) =>
        trainer.call<ResultView>('certificate', 'record', { voucherId: v.id, occupationCode: '4-10-01-05', level: 5, passed: true, score: 75 }),
      ),
    );
    const numbers = results.map((r) => (r.ok ? r.data.certificate!.number : `refused ${r.code}`));
    expect(numbers.filter((n) => n.startsWith('refused'))).toEqual([]);
    const seqs = numbers.map((n) => Number(n.slice(10))).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(500);
    // One certificate was issued in this county before: 2 … 501, no gaps.
    expect(seqs[0]).toBe(2);
    expect(seqs[499]).toBe(501);
    const used = await Promise.all(holders.slice(0, 3).map((v) => gw.runtime.deps.store.get<{ _id: string; status: string }>('vouchers', v.id)));
    expect(used.map((v) => v!.status)).toEqual(['redeemed', 'redeemed', 'redeemed']);
  }, 60_000);

  it('R9 after the runs the ledger verifies and reconcile finds no differences', async () => {
    const store = gw.runtime.deps.store;
    expect((await verifyAllChains(store)).filter((r) => r.broken)).toEqual([]);
    const clean = await reconcile(store);
    expect(clean.differences).toEqual([]);
    expect(clean.checked.credentialRecords).toBeGreaterThan(1000); // results, certificates, subsidies
    // And it would notice: one certificate counted twice is a difference.
    const page = await store.find<{ _id: string; metric: string }>('counters', undefined, { limit: 1000 });
    const issued = page.items.find((c) => c.metric === 'newSkilled')!;
    await store.transaction((tx) => tx.update('counters', issued._id, { inc: { value: 1 } }));
    // Both the counter document and its county's yearly summary disagree with the records.
    const differences = (await reconcile(store)).differences;
    expect(differences).toHaveLength(3); // the counter, and its month cell and band cell in the summary
    expect(differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: 'counter', id: issued._id }),
        expect.objectContaining({ what: 'yearly summary cell', id: expect.stringMatching(/^141127:\d{4}\/newSkilled\|\d\d$/) }),
        expect.objectContaining({ what: 'yearly summary cell', id: expect.stringMatching(/^141127:\d{4}\/newSkilled\|bA$/) }),
      ]),
    );
    await store.transaction((tx) => tx.update('counters', issued._id, { inc: { value: -1 } }));
  });
});
