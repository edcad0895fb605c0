/**
 * R12.2 directed lists and R12.3 the usage rate and reach, pure (core/directed.ts, core/dashboard.ts).
 */
import { chinaDateOf } from '../../../cloudfunctions/core/china-date';
import { unreachedOf, usageRate } from '../../../cloudfunctions/core/dashboard';
import {
  MAX_DIRECTED_LINES,
  directedOpenUntil,
  forOfficial,
  isDirectedOpen,
  linesOfText,
  maskLine,
  readList,
  reasonGroupOf,
} from '../../../cloudfunctions/core/directed';
import { idNumberAged, withWrongCheck } from '../../support/id-numbers';

const NOW = new Date('2026-03-02T02:00:00.000Z');
const known = (code: string) => code.startsWith('14');
const lines = (...texts: string[]) => texts.map((text, i) => ({ line: i + 1, text }));

describe('R12.2 reading a directed list', () => {
  it('R12.2 pasted lines keep their numbers; other cells copied along are ignored', () => {
    const a = idNumberAged(30, NOW);
    expect(linesOfText(`张三\t${a}\t13800000000\n\n  ${a.toLowerCase()} ,李四\r\n王五`)).toEqual([
      { line: 1, text: a },
      { line: 3, text: a.toLowerCase() },
      { line: 4, text: '王五' },
    ]);
  });

  it('R12.2 each malformed number is refused with the registration check’s own reason', () => {
    const a = idNumberAged(30, NOW);
    const read = readList(lines(withWrongCheck(a), a.slice(0, 15), a.slice(0, 17), '王五', `${a.slice(0, 17)}Y`), NOW, known);
    expect(read.entries).toEqual([]);
    expect(read.refused.map((r) => r.code)).toEqual(['ID_NUMBER_CHECKSUM', 'ID_NUMBER_15_DIGITS', 'ID_NUMBER_LENGTH', 'ID_NUMBER_LENGTH', 'ID_NUMBER_FORMAT']);
    expect(read.refused[0].masked).toBe(`${a.slice(0, 3)}***********${withWrongCheck(a).slice(-4)}`);
  });

  it('R12.2 D31 a number whose region code was never issued is malformed too', () => {
    const read = readList(lines(idNumberAged(30, NOW, { region: '520102' })), NOW, known);
    expect(read.refused).toMatchObject([{ line: 1, code: 'ID_NUMBER_REGION' }]);
  });

  it('R12.2 a repeat counts once: later lines are refused as duplicates of the first, full-width or lowercase alike', () => {
    const valid = idNumberAged(30, NOW);
    const fullWidth = valid.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const read = readList(lines(valid, fullWidth, ` ${valid.toLowerCase()} `), NOW, known);
    expect(read.entries.map((e) => e.line)).toEqual([1]);
    expect(read.refused).toMatchObject([
      { line: 2, code: 'DUPLICATE_IN_LIST', message: '与第1行重复，只按第1行发放' },
      { line: 3, code: 'DUPLICATE_IN_LIST' },
    ]);
  });

  it('R12.2 an empty list and one over 5000 lines are refused whole', () => {
    expect(() => readList([], NOW, known)).toThrow(expect.objectContaining({ code: 'LIST_EMPTY' }));
    const many = Array.from({ length: MAX_DIRECTED_LINES + 1 }, (_, i) => ({ line: i + 1, text: 'x' }));
    expect(() => readList(many, NOW, known)).toThrow(expect.objectContaining({ code: 'LIST_TOO_LONG' }));
    expect(readList(many.slice(0, MAX_DIRECTED_LINES), NOW, known).lines).toBe(MAX_DIRECTED_LINES);
  });

  it('R12.2 a number cell of a workbook is told to be made text', () => {
    const read = readList([{ line: 4, text: '1.42301199001011e+17', numeric: true }], NOW, known);
    expect(read.refused[0].message).toBe('这一格是数字格式，Excel已改动了身份证号码的后几位，请把这一列设为文本后重新填写');
  });

  it('R2.4 a report shows a line masked', () => {
    expect(maskLine(' 141127199001011234 ')).toBe('141***********1234');
    expect(maskLine('王五')).toBe('**');
  });

  it('R12.2 reasons are grouped for the report and said about the person, not to them', () => {
    expect(reasonGroupOf('refused', 'ID_NUMBER_CHECKSUM')).toBe('malformed');
    expect(reasonGroupOf('refused', 'YEARLY_LIMIT')).toBe('YEARLY_LIMIT');
    expect(reasonGroupOf('pending', null)).toBe('pending');
    expect(reasonGroupOf('issued', null)).toBeNull();
    expect(forOfficial('该券面向18–45周岁劳动者，您今年52周岁')).toBe('该券面向18–45周岁劳动者，本人今年52周岁');
  });
});

describe('D50 how long a directed issue stays open for later registrations', () => {
  it('D50 until 00:00 China time on 1 January after its year, or until closed', () => {
    const made = new Date('2026-12-31T15:59:59.000Z'); // 23:59:59 on 31 December, China time
    const until = directedOpenUntil(made);
    expect(until.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(chinaDateOf(until)).toEqual({ year: 2027, month: 1, day: 1 });
    const job = { openUntil: until.toISOString(), closedAt: null };
    expect(isDirectedOpen(job, made)).toBe(true);
    expect(isDirectedOpen(job, until)).toBe(false);
    expect(isDirectedOpen({ ...job, closedAt: made.toISOString() }, made)).toBe(false);
  });
});

describe('R12.3 usage rate and reach', () => {
  it('R12.3 usage rate = used ÷ issued × 100, half-up to 2 decimals; none issued has no rate', () => {
    expect(usageRate(84_000, 1_757_000)).toBe('4.78');
    expect(usageRate(1, 8)).toBe('12.50');
    expect(usageRate(1, 3)).toBe('33.33');
    expect(usageRate(2, 3)).toBe('66.67');
    expect(usageRate(0, 10)).toBe('0.00');
    expect(usageRate(0, 0)).toBeNull();
  });

  it('D49 the unreached are the eligible registered not reached this year, never below 0', () => {
    expect(unreachedOf(5000, 1150)).toBe(3850);
    expect(unreachedOf(3, 4)).toBe(0);
  });
});
