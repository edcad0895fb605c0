/**
 * R9.5 export jobs (DESIGN "Long work", issue 17): each chunk is saved as a part before the job's
 * cursor moves on and written into the workbook while the next page is read — in a worker thread
 * or in this one. A job cut short anywhere (its workbook lost between steps, as when another
 * process or a restarted one goes on with it; a step failing) still ends with exactly the rows of
 * its query, in order, and the same job document and ledger entry.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chinaDateOf } from '../../cloudfunctions/core/china-date';
import { type LocalRuntime, openLocalRuntime } from '../../cloudfunctions/gateway/local-runtime';
import type { LedgerEntryDoc } from '../../cloudfunctions/services/books/ledger';
import { type ExportJobDoc, LEDGER_DEFS, advanceExport, loadNames, readLedgerPage, resolveLedgerQuery, startExport } from '../../cloudfunctions/services/official';
import { dropLive } from '../../cloudfunctions/services/official/export-steps';
import type { SheetEngine } from '../../cloudfunctions/services/official/sheet-sink';
import { type Store, where } from '../../cloudfunctions/store/port';

const NOW = '2026-05-20T02:00:00.000Z';
const CALLER = { openid: 'dev-openid-official-lvliang', requestId: 'export-jobs' };
const FILTERS = { ledger: 'vouchers', regionCode: '141127', from: '2019-01-01', to: '2019-12-31' } as const;
/** Three chunks: 1,000 + 1,000 + 345. */
const ROWS = 2_345;
const COLUMNS = LEDGER_DEFS.vouchers.columns;

let runtime: LocalRuntime;
let dataDir: string;
let expected: unknown[][];

/** 2,345 vouchers of 2019 in 岚县 and their holders; every third claim at the same minute as another (ties go by id). */
async function loadVouchers(store: Store): Promise<void> {
  const persons = [];
  const vouchers = [];
  for (let i = 0; i < ROWS; i++) {
    const personId = `p_export_${String(i).padStart(5, '0')}`;
    persons.push({ _id: personId, openid: `gen:x${i}`, name: `测试${i}`, idCipher: '', idHash: `h${i}`, idMasked: `141***********${String(i % 10_000).padStart(4, '0')}`, birthDate: '1990-01-01', gender: 'male', phone: null, townshipCode: '141127101', countyCode: '141127', cityCode: '141100', provinceCode: '140000', registeredAt: '2019-01-01T00:00:00.000Z', updatedAt: '2019-01-01T00:00:00.000Z' });
    const claimed = Date.parse('2019-01-02T01:00:00.000Z') + Math.floor(i / 3) * 3 * 3_600_000;
    vouchers.push({ _id: `v_export_${String((i * 7919) % ROWS).padStart(5, '0')}`, personId, openid: `gen:x${i}`, type: 'skills', typeName: '职业技能培训券', band: 'A', ageAtClaim: 29, townshipCode: '141127101', countyCode: '141127', cityCode: '141100', provinceCode: '140000', year: 2019, status: i % 4 === 0 ? 'expired' : 'used', claimedAt: new Date(claimed).toISOString(), expiresAt: new Date(claimed + 90 * 86_400_000).toISOString(), ...(i % 2 === 0 ? { endedAt: new Date(claimed + 86_400_000).toISOString() } : {}), requestId: `r${i}` });
  }
  for (const [collection, docs] of [['persons', persons], ['vouchers', vouchers]] as const) {
    for (let i = 0; i < docs.length; i += 500) {
      await store.transaction(async (tx) => {
        for (const { _id, ...data } of docs.slice(i, i + 500)) await tx.set(collection, _id, data);
      });
    }
  }
}

/** The ledger query's rows, page by page, as the export's cells. */
async function queryRows(): Promise<unknown[][]> {
  const deps = runtime.deps;
  const query = resolveLedgerQuery(deps.regions.get(FILTERS.regionCode)!, { ...FILTERS }, chinaDateOf(deps.clock.now()));
  const names = await loadNames(deps.store);
  const rows: unknown[][] = [];
  let after: string | undefined;
  do {
    const page = await readLedgerPage(deps, query, { after, limit: 1000, fullIdNumbers: false, names });
    for (const r of page.rows) rows.push(COLUMNS.map((c) => r[c.key] ?? null));
    after = page.next;
  } while (after);
  return rows;
}

/** Runs a job in steps of one chunk each; `between` runs after each unfinished step. */
async function runJob(engine: SheetEngine, between?: (jobId: string, step: number) => Promise<void>): Promise<ExportJobDoc> {
  const { jobId } = await startExport(runtime.deps, CALLER, { ...FILTERS });
  let steps = 0;
  while (!(await advanceExport(runtime.deps, jobId, 1, { engine }))) await between?.(jobId, ++steps);
  return (await runtime.deps.store.get<ExportJobDoc>('exportJobs', jobId))!;
}

/** The file's rows, padded to the columns (empty trailing cells are not stored). */
async function fileRows(job: ExportJobDoc): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(dataDir, 'exports', job._id, job.fileName));
  return workbook.worksheets[0]
    .getSheetValues()
    .filter(Boolean)
    .map((r) => Array.from({ length: COLUMNS.length }, (_, k) => (r as unknown[])[k + 1] ?? null));
}

async function expectExported(job: ExportJobDoc, attempts: number): Promise<void> {
  expect(job).toMatchObject({ status: 'done', total: ROWS, rows: ROWS, parts: 3, rowsDone: true, attempts, error: null, leaseUntil: null });
  const [watermark, header, ...rows] = await fileRows(job);
  expect(String(watermark[0])).toMatch(/^导出人：.+（吕梁市）$/);
  expect(header).toEqual(COLUMNS.map((c) => c.title));
  expect(rows).toEqual(expected);
  // The parts and any half-written workbook are gone: the job's folder holds its file alone.
  expect(readdirSync(join(dataDir, 'exports', job._id))).toEqual([job.fileName]);
  const entries = await runtime.deps.store.find<LedgerEntryDoc>('ledger', where('type', 'eq', 'ledger.exported'), { limit: 100 });
  const entry = entries.items.find((e) => e.subjects.jobId === job._id);
  expect(entry?.data).toMatchObject({ ledger: 'vouchers', rows: ROWS, fullIdNumbers: false });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'czt-export-jobs-'));
  runtime = await openLocalRuntime({ dataDir, inMemory: true, devNow: NOW });
  // The tests drive the jobs themselves, step by step, like the cloud's status calls.
  runtime.deps.exportRunner = undefined;
  await loadVouchers(runtime.deps.store);
  expected = await queryRows();
}, 60_000);
afterAll(async () => {
  await runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('R9.5 an export written while it is read', () => {
  it('R9.5 the query has the rows the export is checked against', () => {
    expect(expected).toHaveLength(ROWS);
    // Newest first, ties by id: the same minute appears three times.
    expect(new Set(expected.map((r) => r[6])).size).toBe(Math.ceil(ROWS / 3));
  });

  it.each(['inline', 'worker'] as const)('R9.5 in one step (%s) the file has exactly the rows of the query', async (engine) => {
    const { jobId } = await startExport(runtime.deps, CALLER, { ...FILTERS });
    expect(await advanceExport(runtime.deps, jobId, 60_000, { engine })).toBe(true);
    await expectExported((await runtime.deps.store.get<ExportJobDoc>('exportJobs', jobId))!, 0);
  });

  it.each(['inline', 'worker'] as const)('R9.5 its workbook lost after every step (%s), a job still ends with exactly its rows', async (engine) => {
    const lost: number[] = [];
    const job = await runJob(engine, async (jobId, step) => {
      // As if another process, or this one restarted, took the next step: it starts from the saved parts.
      await dropLive(jobId);
      lost.push(step);
    });
    expect(lost).toEqual([1, 2]);
    await expectExported(job, 0);
  });

  it('R9.5 a step that fails is tried again from the saved parts, and the file is still exact', async () => {
    const storage = runtime.deps.exports!;
    const writePart = storage.writePart.bind(storage);
    let failed = false;
    storage.writePart = async (jobId, index, ndjson) => {
      if (index === 1 && !failed) {
        failed = true;
        throw new Error('disk full');
      }
      return writePart(jobId, index, ndjson);
    };
    try {
      const job = await runJob('worker');
      expect(failed).toBe(true);
      await expectExported(job, 1);
    } finally {
      storage.writePart = writePart;
    }
  });
});
