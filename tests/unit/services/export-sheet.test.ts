/**
 * R9.5 the pieces an export job writes its file with (issue 17): the sheet sink's two engines
 * write the same workbook from the same parts, and a writer that fails says so; the ledgers'
 * China times, formatted by UTC+8 arithmetic (not a dayjs a cell), read as China's clock does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { isoMinuteText } from '../../../cloudfunctions/core/china-date';
import { chinaTime } from '../../../cloudfunctions/services/official/ledger-defs';
import { type SheetEngine, openSheetSink, workerAvailable, zipBacklog } from '../../../cloudfunctions/services/official/sheet-sink';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'czt-sheet-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const head = [['导出人：张科长（吕梁市）', '导出时间：2026年5月20日 10:00'], ['姓名', '身份证号', '出勤节数', '结业时间']];
/** Three parts, the middle one without rows (a page that came back empty). */
const parts = [
  [['王建军', '141***********1234', 4, '2021-12-11 17:44'], ['李秀兰', '141***********567X', null, null]],
  [],
  [['张"德福"<&>', '141***********0001', 0, '2021-01-01 08:00']],
].map((rows) => rows.map((r) => JSON.stringify(r)).join('\n'));

async function written(engine: SheetEngine): Promise<unknown[][]> {
  const filename = join(dir, `${engine}.xlsx`);
  const sink = openSheetSink({ filename, sheetName: '培训学员台账', head }, engine);
  expect(sink.engine).toBe(engine);
  for (const part of parts) await sink.write(part);
  expect(sink.parts).toBe(3);
  await sink.close();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(filename);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['培训学员台账']);
  return workbook.worksheets[0]
    .getSheetValues()
    .filter(Boolean)
    .map((r) => Array.from({ length: 4 }, (_, k) => (r as unknown[])[k + 1] ?? null));
}

describe('R9.5 the sheet an export streams its parts into', () => {
  it('R9.5 can run in a worker thread here', () => {
    expect(workerAvailable()).toBe(true);
  });

  it('R9.5 writes the head rows, then each part’s rows in order, the same in a worker thread and in this one', async () => {
    const inline = await written('inline');
    expect(inline).toEqual([
      ['导出人：张科长（吕梁市）', '导出时间：2026年5月20日 10:00', null, null],
      ['姓名', '身份证号', '出勤节数', '结业时间'],
      ['王建军', '141***********1234', 4, '2021-12-11 17:44'],
      ['李秀兰', '141***********567X', null, null],
      ['张"德福"<&>', '141***********0001', 0, '2021-01-01 08:00'],
    ]);
    expect(await written('worker')).toEqual(inline);
  });

  it('R9.5 sees the XML waiting in the zip stream, so a writer can wait for it (memory stays bounded)', async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, 'backlog.xlsx'), useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet('x');
    const backlog = zipBacklog(sheet);
    // exceljs writes without backpressure: 10,000 rows added at once all wait in the stream.
    for (let i = 0; i < 10_000; i++) sheet.addRow(['王建军', '141***********1234', i, '2021-12-11 17:44']).commit();
    expect(backlog.bytes()).toBeGreaterThan(1 << 20);
    await backlog.drained();
    expect(backlog.bytes()).toBe(0);
    sheet.commit();
    await workbook.commit();
  });

  it('R9.5 a worker that cannot write a part fails the write or the close, not silently', async () => {
    const sink = openSheetSink({ filename: join(dir, 'broken.xlsx'), sheetName: 'x', head: [] }, 'worker');
    await expect(
      (async () => {
        await sink.write('not json');
        await sink.write('["a"]');
        await sink.close();
      })(),
    ).rejects.toThrow(/sheet writer/);
    await sink.abort();
  });
});

/** China's wall clock from the platform's time-zone data (UTC+8 without daylight saving since 1991). */
const SHANGHAI = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
function shanghaiMinute(d: Date): string {
  const part = Object.fromEntries(SHANGHAI.formatToParts(d).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

describe('R3.1 ledger times in China time, to the minute, whatever the host’s zone', () => {
  it('R3.1 any stored instant reads as China’s wall clock does', () => {
    const instant = fc.date({ min: new Date('1992-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true });
    fc.assert(fc.property(instant, (d) => chinaTime(d.toISOString()) === shanghaiMinute(d)), { numRuns: 2_000 });
    expect(chinaTime('2021-12-31T15:59:00.000Z')).toBe('2021-12-31 23:59');
    expect(chinaTime('2021-12-31T16:00:00.000Z')).toBe('2022-01-01 00:00');
    // The hour a zone behind UTC moves its clocks (2021-03-14 02:00 in Los Angeles) changes nothing in China.
    expect(chinaTime('2021-03-14T10:30:00.000Z')).toBe('2021-03-14 18:30');
    expect(chinaTime(null)).toBeNull();
    expect(chinaTime('')).toBeNull();
    // Not a stored instant: left to isoMinuteText as before.
    expect(chinaTime('2021-06-01 10:00')).toBe(isoMinuteText('2021-06-01 10:00'));
  });
});
