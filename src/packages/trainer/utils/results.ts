/**
 * 录入鉴定结果's rows as typed (D23): the score and 合格/不合格, checked on the phone before the
 * batch goes (the server checks again).
 */

/** D23: a pass needs a score of 60 or more. */
export const PASS_SCORE = 60;
export const SCORE_INVALID = '成绩应为0–100的整数';
export const SCORE_MISMATCH = '合格与否与成绩不一致（60分及以上为合格）';

/** 合格/不合格: follows the score until the trainer taps one. */
export type Verdict = 'auto' | 'pass' | 'fail';

export interface RowInput {
  score: string;
  verdict: Verdict;
}

export const EMPTY_ROW: RowInput = { score: '', verdict: 'auto' };

/** The score typed, or null when it is not an integer 0–100. */
export function scoreOf(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return null;
  const n = Number(t);
  return n <= 100 ? n : null;
}

/** 合格 as shown: the trainer's tap, else what the score says (nothing until a score is typed). */
export function passedOf(row: RowInput): boolean | null {
  if (row.verdict !== 'auto') return row.verdict === 'pass';
  const score = scoreOf(row.score);
  return score === null ? null : score >= PASS_SCORE;
}

export const filled = (row: RowInput | undefined): row is RowInput => !!row && (row.score.trim() !== '' || row.verdict !== 'auto');

/** The phone's check of one filled row (the server checks again): null when it may go. */
export function problemOf(row: RowInput): string | null {
  const score = scoreOf(row.score);
  if (score === null) return SCORE_INVALID;
  if (passedOf(row) !== score >= PASS_SCORE) return SCORE_MISMATCH;
  return null;
}
