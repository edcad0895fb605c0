/**
 * R12.2 on CloudBase's terms: a directed list issued through the CloudBase adapter (the real
 * `@cloudbase/node-sdk`, its network replaced by the double), where transactions do not share a
 * group commit: the people are decided one transaction at a time, the report and the second
 * issue read the same, and a listed person who registers later gets the voucher.
 */
import type { DirectedJobView } from '../../cloudfunctions/contract';
import { register } from '../../cloudfunctions/services/account';
import { reconcile } from '../../cloudfunctions/services/audit';
import { importCatalogue } from '../../cloudfunctions/services/catalogue';
import type { Deps } from '../../cloudfunctions/services/kernel/deps';
import { issueDirectedList as issueDirected } from '../../cloudfunctions/services/official';
import { directedJob, receiveDirectedVouchers } from '../../cloudfunctions/services/voucher';
import ExcelJS from 'exceljs';
import { CloudbaseExportStorage } from '../../cloudfunctions/store/cloudbase-export-storage';
import { where } from '../../cloudfunctions/store/port';
import { sharedCloudDeps } from '../support/cloud-deps';
import { idNumberAged, withWrongCheck } from '../support/id-numbers';

const cloud = sharedCloudDeps('2026-03-02T02:00:00.000Z');
let deps: Deps;
let storage: CloudbaseExportStorage;
const OFFICIAL = { openid: 'cloud-official-lanxian', requestId: 'r-1' };

beforeAll(async () => {
  storage = new CloudbaseExportStorage({ env: 'double-env', secretId: 'id', secretKey: 'key', serviceUrl: cloud.serviceUrl() });
  deps = { ...cloud.deps, uploads: storage };
  await importCatalogue(cloud.store, deps.clock.now());
  await cloud.store.transaction((tx) => tx.set('accounts', OFFICIAL.openid, { roles: [{ role: 'official', regionCode: '141127' }] }));
});

const registered = (idNumber: string, n: number) =>
  register(deps, { openid: `cloud-laborer-${n}`, requestId: `reg-${n}` }, { name: '测试人员', idNumber, townshipCode: '141127101' }, receiveDirectedVouchers);

describe('R12.2 a directed list on CloudBase', () => {
  it('issues one person per transaction, reports the rest, repeats nothing, and gives a late registrant theirs', async () => {
    expect(deps.store.groupCommit).toBeUndefined();
    const now = deps.clock.now();
    const people = Array.from({ length: 5 }, () => idNumberAged(30, now));
    for (const [i, n] of people.entries()) await registered(n, i);
    const late = idNumberAged(30, now);
    const text = [...people, late, withWrongCheck(people[0]), people[1]].join('\n');
    const job: DirectedJobView = await issueDirected(deps, OFFICIAL, { countyCode: '141127', type: 'skills', text }, 20_000);
    expect(job).toMatchObject({ status: 'done', lines: 8, issued: 5, pending: 1, refused: 2, repeated: false });
    expect(await deps.store.count('vouchers', where('listId', 'eq', job.listId))).toBe(5);

    const again = await issueDirected(deps, OFFICIAL, { countyCode: '141127', type: 'skills', text }, 20_000);
    expect(again).toMatchObject({ repeated: true, issued: 5 });
    expect(await deps.store.count('vouchers', where('listId', 'eq', job.listId))).toBe(5);
    const report = await directedJob(deps, OFFICIAL, { listId: job.listId }, 0);
    expect(report.rows.map((r) => [r.line, r.group])).toEqual([
      [6, 'pending'],
      [7, 'malformed'],
      [8, 'DUPLICATE_IN_LIST'],
    ]);

    await registered(late, 99);
    expect(await deps.store.count('vouchers', where('listId', 'eq', job.listId))).toBe(6);
    expect((await directedJob(deps, OFFICIAL, { listId: job.listId }, 0)).job).toMatchObject({ issued: 6, pending: 0 });
    expect((await reconcile(deps.store)).differences).toEqual([]);
  }, 60_000);
  it('reads a workbook the mini-program uploaded to cloud storage by its fileID, once, and removes it', async () => {
    const n = idNumberAged(30, deps.clock.now());
    await registered(n, 200);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('名单').addRows([['身份证号码'], [n]]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    // As wx.cloud.uploadFile would put it (the app's own upload).
    const upload = (storage as unknown as { upload(path: string, content: Buffer): Promise<string> }).upload.bind(storage);
    const fileId = await upload('directed-lists/abcdefgh12345678.xlsx', bytes);
    const job = await issueDirected(deps, OFFICIAL, { countyCode: '141127', type: 'evaluation', fileId }, 20_000);
    expect(job).toMatchObject({ fileName: 'abcdefgh12345678.xlsx', lines: 1, issued: 1 });
    expect(await storage.read(fileId, 1_000_000)).toBeNull();
    const elsewhere = await upload('exports/x/list.xlsx', bytes);
    await expect(issueDirected(deps, OFFICIAL, { countyCode: '141127', type: 'evaluation', fileId: elsewhere }, 20_000)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    const big = await upload('directed-lists/toolarge12345678.xlsx', Buffer.alloc(10 * 1024 * 1024 + 1));
    await expect(issueDirected(deps, OFFICIAL, { countyCode: '141127', type: 'evaluation', fileId: big }, 20_000)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
  }, 60_000);
});
