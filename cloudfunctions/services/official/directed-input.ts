/**
 * R12.2 how a directed list reaches the function (D47): pasted text, an .xlsx in the call
 * (base64; the local host), or an .xlsx the mini-program uploaded to cloud storage (its fileID).
 * Each is read into lines before anything is written; a file over 10 MB is FILE_TOO_LARGE, one
 * that is not a workbook FILE_NOT_EXCEL. Workbooks are read with exceljs, as exports write them:
 * here in the officials' console, so exceljs stays out of every other function's bundle. The
 * voucher context issues what is read (`issueDirected`).
 */
import ExcelJS from 'exceljs';
import type { DirectedIssueInput, DirectedJobView } from '../../contract';
import { type ListLine, MAX_DIRECTED_FILE_BYTES, MAX_DIRECTED_LINES, checkListSize, linesOfText } from '../../core/directed';
import { DomainError } from '../../core/errors';
import { isDirectedUpload } from '../../store/upload-storage';
import type { Caller, Deps } from '../kernel/deps';
import { directedCounty, issueDirected } from '../voucher';

/** base64 of a 10 MB file, with room for padding: anything longer is too large before decoding. */
const MAX_BASE64 = Math.ceil(MAX_DIRECTED_FILE_BYTES / 3) * 4 + 4;
/** A zip archive (every .xlsx is one) starts with `PK\x03\x04`. */
const ZIP_MAGIC = 0x04034b50;
/** Rows above the first number (titles, headers) looked at to find the ID-number column. */
const HEADER_ROWS = 10;

export interface ReadSource {
  lines: ListLine[];
  fileName: string | null;
  /** A cloud-storage upload to remove once the job is written. */
  uploaded: string | null;
}

/** Exactly one of text, file and fileId (LIST_SOURCE_REQUIRED otherwise). */
export async function readSource(deps: Deps, input: DirectedIssueInput): Promise<ReadSource> {
  const given = [input.text !== undefined, input.file !== undefined, input.fileId !== undefined].filter(Boolean).length;
  if (given !== 1) throw new DomainError('LIST_SOURCE_REQUIRED');
  if (input.text !== undefined) {
    const lines = linesOfText(input.text);
    checkListSize(lines.length);
    return { lines, fileName: null, uploaded: null };
  }
  if (input.file) {
    if (input.file.base64.length > MAX_BASE64) throw new DomainError('FILE_TOO_LARGE');
    const bytes = Buffer.from(input.file.base64, 'base64');
    return { lines: await linesOfWorkbook(bytes), fileName: input.file.name, uploaded: null };
  }
  const fileId = input.fileId!;
  if (!deps.uploads || !isDirectedUpload(fileId)) throw new DomainError('FILE_NOT_FOUND');
  const bytes = await deps.uploads.read(fileId, MAX_DIRECTED_FILE_BYTES);
  if (bytes === null) throw new DomainError('FILE_NOT_FOUND');
  if (bytes === 'too_large') throw new DomainError('FILE_TOO_LARGE');
  return { lines: await linesOfWorkbook(bytes), fileName: fileId.slice(fileId.lastIndexOf('/') + 1), uploaded: fileId };
}

/** A cell's text as the person typed it; a number cell keeps what Excel kept (an 18-digit number loses its last digits). */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isSafeInteger(v) ? String(v) : v.toExponential();
  if (typeof v === 'string') return v;
  return cell.text ?? '';
}

const looksLikeIdNumber = (text: string) => /^\s*[0-9０-９]{17}[0-9０-９xXＸ]\s*$/.test(text);

/**
 * The ID-number column: the first column whose header (in the first rows) says 身份证 or 证件号;
 * else the first column holding something shaped like a number; else the first. Data starts
 * below the header, or at the first row whose cell in that column holds a digit.
 */
function idColumnOf(sheet: ExcelJS.Worksheet): { column: number; firstRow: number } {
  const last = Math.min(sheet.rowCount, HEADER_ROWS);
  for (let r = 1; r <= last; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= row.cellCount; c++) {
      if (/身份证|证件号/.test(cellText(row.getCell(c)))) return { column: c, firstRow: r + 1 };
    }
  }
  for (let r = 1; r <= last; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= row.cellCount; c++) if (looksLikeIdNumber(cellText(row.getCell(c)))) return { column: c, firstRow: r };
  }
  let firstRow = 1;
  while (firstRow <= last && !/[0-9０-９]/.test(cellText(sheet.getRow(firstRow).getCell(1)))) firstRow++;
  return { column: 1, firstRow };
}

/** The first worksheet's ID numbers, one line per non-empty row (its row number as the line). */
export async function linesOfWorkbook(bytes: Buffer): Promise<ListLine[]> {
  if (bytes.length > MAX_DIRECTED_FILE_BYTES) throw new DomainError('FILE_TOO_LARGE');
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== ZIP_MAGIC) throw new DomainError('FILE_NOT_EXCEL');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('FILE_NOT_EXCEL');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new DomainError('LIST_EMPTY');
  const { column, firstRow } = idColumnOf(sheet);
  const lines: ListLine[] = [];
  for (let r = firstRow; r <= sheet.rowCount; r++) {
    const cell = sheet.getRow(r).getCell(column);
    const text = cellText(cell).trim();
    if (text === '') continue;
    lines.push({ line: r, text, ...(typeof cell.value === 'number' ? { numeric: true } : {}) });
    // Bounded before the whole sheet is read into lines.
    if (lines.length > MAX_DIRECTED_LINES) break;
  }
  checkListSize(lines.length > MAX_DIRECTED_LINES ? sheet.rowCount - firstRow + 1 : lines.length);
  return lines;
}

/**
 * R12.2 定向发券: the caller's region first (nothing is read for someone who may not issue), then
 * the list as given, then the voucher context's issue. A cloud upload is removed once read into
 * the job (the list's numbers live on only as keyed hashes).
 */
export async function issueDirectedList(deps: Deps, caller: Caller, input: DirectedIssueInput, budgetMs: number): Promise<DirectedJobView> {
  await directedCounty(deps, caller, input.countyCode);
  const source = await readSource(deps, input);
  const job = await issueDirected(deps, caller, { countyCode: input.countyCode, type: input.type, lines: source.lines, fileName: source.fileName }, budgetMs);
  if (source.uploaded) await deps.uploads?.remove(source.uploaded).catch((e: unknown) => deps.log.error('upload not removed', { fileId: source.uploaded, error: String(e) }));
  return job;
}
