/**
 * R12.2 directed vouchers (定向券) through the gateway over HTTP on a fresh embedded store: a list
 * of 1,000 ID numbers issues exactly the 600 it may, reports the other 400 with their reasons and
 * issues nothing new the second time; someone not registered gets the voucher when they register;
 * a real .xlsx built by exceljs is read; a 10 MB or non-Excel file is refused with nothing written.
 */
import ExcelJS from 'exceljs';
import type { DirectedJobView, DirectedReport, VoucherView, WhoAmI } from '../../cloudfunctions/contract';
import { register } from '../../cloudfunctions/services/account';
import { reconcile } from '../../cloudfunctions/services/audit';
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import type { OutboxDoc } from '../../cloudfunctions/services/message';
import { type VoucherDoc, claimVoucher, receiveDirectedVouchers } from '../../cloudfunctions/services/voucher';
import { where } from '../../cloudfunctions/store/port';
import { scan } from '../../cloudfunctions/store/scan';
import { type ApiClient, sharedGateway } from '../support/gateway';
import { idNumberAged, withWrongCheck } from '../support/id-numbers';
import { agreeToGuide } from '../support/laborers';

const START = '2026-03-02T02:00:00.000Z';
const LANXIAN = '141127';
const LINXIAN = '141124';

const { gw, persona } = sharedGateway(START);
const county = persona('official-county');
const city = persona('official-city');
let serial = 0;

const deps = () => gw.runtime.deps;
const store = () => deps().store;
const now = () => gw.runtime.clock.now();

/** Registers a person in-process, wired as the route wires it (without the HTTP round trip); answers their openid. */
async function registered(idNumber: string, townshipCode = '141127101'): Promise<string> {
  const openid = `test-directed-${process.pid}-${++serial}`;
  await register(deps(), { openid, requestId: `reg-${serial}` }, { name: '测试人员', idNumber, townshipCode }, receiveDirectedVouchers);
  return openid;
}

const numbers = (n: number, age = 30, region = LANXIAN) => Array.from({ length: n }, () => idNumberAged(age, now(), { region }));

async function issue(client: ApiClient, payload: Record<string, unknown>) {
  return client.call<DirectedJobView>('official', 'issueDirected', { countyCode: LANXIAN, type: 'skills', ...payload });
}

async function expectBooksClean() {
  expect((await verifyAllChains(store())).filter((c) => c.broken)).toEqual([]);
  expect((await reconcile(store())).differences).toEqual([]);
}

/** Everything a refused upload must leave untouched. */
const footprint = async () => ({
  jobs: await store().count('directedJobs'),
  lines: await store().count('directedLines'),
  vouchers: await store().count('vouchers'),
  ledger: await store().count('ledger'),
  outbox: await store().count('outbox'),
});

beforeAll(async () => {
  // Three more band-A types, so people can already hold three vouchers this year without a skills one.
  for (const code of ['test-a', 'test-b', 'test-c']) {
    await city.ok('official', 'upsertVoucherType', { code, name: `测试券${code.slice(-1)}`, bands: ['A'], validityDays: 90, defaultCountyQuota: 1000, categories: ['skills'], active: true });
  }
});

describe('R12.2 a directed list of 1,000 ID numbers', () => {
  let eligible: string[];
  let overLimit: string[];
  let unregistered: string[];
  let text: string;
  let first: DirectedJobView;

  beforeAll(async () => {
    eligible = numbers(600);
    overLimit = numbers(150);
    unregistered = numbers(100);
    for (const n of eligible) await registered(n);
    for (const n of overLimit) {
      const openid = await registered(n);
      for (const type of ['test-a', 'test-b', 'test-c']) await claimVoucher(deps(), { openid, requestId: `c-${type}-${openid}` }, { type });
    }
    const malformed = numbers(100).map((n, i) => (i % 4 === 0 ? withWrongCheck(n) : i % 4 === 1 ? n.slice(0, 17) : i % 4 === 2 ? n.slice(0, 15) : `${n.slice(0, 10)}AB${n.slice(12)}`));
    const duplicates = eligible.slice(0, 50);
    // Mixed as an official's list would be: malformed lines and repeats among the others.
    const lines = [...eligible.slice(0, 300), ...malformed.slice(0, 50), ...overLimit, ...duplicates, ...unregistered, ...eligible.slice(300), ...malformed.slice(50)];
    expect(lines).toHaveLength(1000);
    text = lines.join('\n');
  });

  it('issues exactly 600 vouchers, each with its ledger entry, counters and message, and reports the other 400', async () => {
    const before = await footprint();
    const t0 = performance.now();
    const res = await issue(county, { text });
    const ms = performance.now() - t0;
    console.log(`R12.2 directed issue of 1,000 ID numbers: ${Math.round(ms)} ms`);
    if (!res.ok) throw new Error(res.message);
    first = res.data;
    expect(first).toMatchObject({ status: 'done', progress: 100, lines: 1000, issued: 600, pending: 100, refused: 300, repeated: false, open: true });
    expect(first.reasons.map((r) => [r.group, r.count])).toEqual([
      ['YEARLY_LIMIT', 150],
      ['malformed', 100],
      ['DUPLICATE_IN_LIST', 50],
    ]);
    const after = await footprint();
    expect(after.vouchers - before.vouchers).toBe(600);
    expect(after.outbox - before.outbox).toBe(600);
    // 600 voucher entries and the job's own.
    expect(after.ledger - before.ledger).toBe(601);
    const directed: VoucherDoc[] = [];
    for await (const v of scan<VoucherDoc>(store(), 'vouchers')) if (v.listId === first.listId) directed.push(v);
    expect(directed).toHaveLength(600);
    expect(directed.every((v) => v.origin === 'directed' && v.type === 'skills' && v.status === 'unused' && v.countyCode === LANXIAN)).toBe(true);
    const message = await store().get<OutboxDoc>('outbox', `voucherDirected:${directed[0]._id}:2026-03-02`);
    expect(message?.text).toBe('岚县人社部门为您发放了一张职业技能培训券，2026年5月30日前有效，请到“我的培训券”查看并报名培训。');

    const report = await county.ok<DirectedReport>('official', 'directedJob', { listId: first.listId });
    expect(report.rows).toHaveLength(400);
    const byGroup = (g: string) => report.rows.filter((r) => r.group === g);
    expect(byGroup('YEARLY_LIMIT')).toHaveLength(150);
    expect(byGroup('YEARLY_LIMIT')[0].reason).toBe('每人每年最多享受3次补贴性培训，本人今年的次数已用完');
    expect(byGroup('pending')).toHaveLength(100);
    expect(byGroup('pending')[0]).toMatchObject({ status: 'pending', reason: '还没有实名登记，登记后自动发放' });
    expect(byGroup('malformed')).toHaveLength(100);
    expect(new Set(byGroup('malformed').map((r) => r.reason))).toEqual(new Set(['身份证号码校验位不正确，请核对后重新输入', '身份证号码应为18位', '请使用18位身份证号码', '身份证号码只能包含数字，最后一位可以是X']));
    expect(byGroup('DUPLICATE_IN_LIST')).toHaveLength(50);
    expect(byGroup('DUPLICATE_IN_LIST')[0].reason).toBe('与第1行重复，只按第1行发放');
    // R2.4: masked, never in full.
    expect(report.rows.every((r) => !/\d{18}/.test(r.masked))).toBe(true);
    expect([...new Set(report.rows.map((r) => r.line))]).toHaveLength(400);
    await expectBooksClean();
  });

  it('issues nothing new when the same list is issued again, in any order', async () => {
    const before = await footprint();
    const again = await issue(county, { text });
    expect(again.ok && again.data).toMatchObject({ listId: first.listId, repeated: true, issued: 600, pending: 100, refused: 300 });
    const shuffled = text.split('\n').reverse().join('\n');
    const third = await city.call<DirectedJobView>('official', 'issueDirected', { countyCode: LANXIAN, type: 'skills', text: shuffled });
    expect(third.ok && third.data).toMatchObject({ listId: first.listId, repeated: true, issued: 600 });
    expect(await footprint()).toEqual(before);
  });

  it('gives a listed person who registers later their voucher, in the registration’s transaction', async () => {
    const client = await gw.as(`test-directed-late-${process.pid}`);
    await agreeToGuide(client); // R14.1
    const me = await client.ok<WhoAmI>('account', 'register', { name: '后来登记', idNumber: unregistered[0], townshipCode: '141127101' });
    expect(me.registered).toBe(true);
    const mine = await client.ok<VoucherView[]>('voucher', 'mine');
    expect(mine).toMatchObject([{ type: 'skills', status: 'unused' }]);
    const report = await county.ok<DirectedReport>('official', 'directedJob', { listId: first.listId });
    expect(report.job).toMatchObject({ issued: 601, pending: 99 });
    expect(report.rows).toHaveLength(399);
    expect(await store().get('directedPending', deps().idVault.hash(unregistered[0]))).toBeNull();
    await expectBooksClean();
  });

  it('R12.3 counts directed vouchers as issued, apart from claims, on the dashboard', async () => {
    const d = await county.ok<{ usage: { byType: { type: string; directed: number; issued: number }[] } }>('official', 'dashboard', {});
    const skills = d.usage.byType.find((t) => t.type === 'skills')!;
    expect(skills.directed).toBe(601);
    expect(skills.issued).toBeGreaterThanOrEqual(601);
  });
});

describe('R12.2 bad input gets its own message and writes nothing', () => {
  const file = (bytes: Buffer, name = 'list.xlsx') => ({ file: { name, base64: bytes.toString('base64') } });

  it.each([
    ['a file over 10 MB', () => file(Buffer.alloc(10 * 1024 * 1024 + 1, 0x50)), 'FILE_TOO_LARGE'],
    ['a file that is not Excel', () => file(Buffer.from('姓名,身份证号码\n张三,141127199001011234\n'), 'list.csv'), 'FILE_NOT_EXCEL'],
    ['a zip that is not a workbook', () => file(Buffer.from('504b0304140000000000', 'hex')), 'FILE_NOT_EXCEL'],
    ['an empty list', () => ({ text: '\n  \n' }), 'LIST_EMPTY'],
    ['more than 5000 lines', () => ({ text: Array.from({ length: 5001 }, () => '141127199001011234').join('\n') }), 'LIST_TOO_LONG'],
    ['both text and a file', () => ({ text: '141127199001011234', ...file(Buffer.from('x')) }), 'LIST_SOURCE_REQUIRED'],
    ['a fileID on the local host', () => ({ fileId: 'cloud://env.bucket/directed-lists/abcdefgh.xlsx' }), 'FILE_NOT_FOUND'],
  ])('%s → its code', async (_what, payload, code) => {
    const before = await footprint();
    const res = await issue(county, payload());
    expect(res.ok ? 'ok' : res.code).toBe(code);
    expect(await footprint()).toEqual(before);
  });

  it('R1.2 a county official may not issue from another county’s quota; the city official may', async () => {
    const n = numbers(1, 30, LINXIAN);
    const res = await county.call('official', 'issueDirected', { countyCode: LINXIAN, type: 'skills', text: n.join('\n') });
    expect(res.ok ? 'ok' : res.code).toBe('FORBIDDEN');
    await registered(n[0], '141124100');
    const ok = await city.ok<DirectedJobView>('official', 'issueDirected', { countyCode: LINXIAN, type: 'skills', text: n.join('\n') });
    expect(ok).toMatchObject({ county: { code: LINXIAN }, issued: 1 });
  });
});

describe('R12.2 the rules a listed person is checked against', () => {
  it('refuses people of another county, the ineligible (registered or not) and those past the quota', async () => {
    await city.ok('official', 'setCountyQuota', { type: 'test-c', countyCode: LANXIAN, year: 2026, limit: 152 }); // 150 used above
    const here = numbers(3);
    for (const n of here) await registered(n);
    const elsewhere = numbers(1, 30, LINXIAN);
    await registered(elsewhere[0], '141124100');
    const older = numbers(1, 52);
    await registered(older[0]);
    const child = numbers(1, 12); // never registered: ruled out by age at once
    const job = await county.ok<DirectedJobView>('official', 'issueDirected', { countyCode: LANXIAN, type: 'test-c', text: [...here, ...elsewhere, ...older, ...child].join('\n') });
    expect(job).toMatchObject({ issued: 2, pending: 0 });
    const report = await county.ok<DirectedReport>('official', 'directedJob', { listId: job.listId });
    expect(report.rows.map((r) => [r.line, r.group])).toEqual([
      [3, 'QUOTA_EXHAUSTED'],
      [4, 'NOT_IN_REGION'],
      [5, 'NOT_ELIGIBLE'],
      [6, 'NOT_ELIGIBLE'],
    ]);
    expect(report.rows[2].reason).toBe('该券面向18–45周岁劳动者，本人今年52周岁');
    expect(report.rows[3].reason).toBe('该券面向18–45周岁劳动者，本人今年12周岁，未满18周岁');
    await expectBooksClean();
  });

  it('D50 a closed issue gives nothing to someone who registers after it closed', async () => {
    const n = numbers(1);
    const job = await county.ok<DirectedJobView>('official', 'issueDirected', { countyCode: LANXIAN, type: 'test-b', text: n[0] });
    expect(job.pending).toBe(1);
    const closed = await county.ok<DirectedJobView>('official', 'closeDirected', { listId: job.listId });
    expect(closed).toMatchObject({ open: false });
    const openid = await registered(n[0]);
    const vouchers = await store().count('vouchers', where('openid', 'eq', openid));
    expect(vouchers).toBe(0);
    const report = await county.ok<DirectedReport>('official', 'directedJob', { listId: job.listId });
    expect(report.job).toMatchObject({ pending: 0, refused: 1 });
    expect(report.rows[0]).toMatchObject({ group: 'DIRECTED_CLOSED', reason: '这次定向发放已截止' });
  });
});

describe('R12.2 an .xlsx list, read with exceljs', () => {
  it('finds the ID-number column by its header and reports number cells, repeats and blank rows', async () => {
    const [a, b] = numbers(2);
    await registered(a);
    await registered(b);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['2026年岚县定向发放名单']);
    sheet.addRow(['序号', '姓名', '身份证号码', '电话']);
    sheet.addRow([1, '甲', a, '13800000001']);
    sheet.addRow([2, '乙', Number(b), '13800000002']); // typed as a number: Excel has already changed it
    sheet.addRow([]);
    sheet.addRow([3, '丙', b.toLowerCase(), '']);
    sheet.addRow([4, '丁', a, '']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const job = await county.ok<DirectedJobView>('official', 'issueDirected', { countyCode: LANXIAN, type: 'test-a', file: { name: '名单.xlsx', base64: bytes.toString('base64') } });
    expect(job).toMatchObject({ fileName: '名单.xlsx', lines: 4, issued: 2, refused: 2 });
    const report = await county.ok<DirectedReport>('official', 'directedJob', { listId: job.listId });
    expect(report.rows.map((r) => [r.line, r.group])).toEqual([
      [4, 'malformed'],
      [7, 'DUPLICATE_IN_LIST'],
    ]);
    expect(report.rows[0].reason).toBe('这一格是数字格式，Excel已改动了身份证号码的后几位，请把这一列设为文本后重新填写');
  });
});
