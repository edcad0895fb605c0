/**
 * 台账 cards as people read them: headed by the person and the thing (张*萍 · 职业技能培训券), not
 * by a record id; the id stays as a line of the card; dates in words, one way (utils/dates).
 */
import type { LedgerPage } from '../../cloudfunctions/contract';
import { chinaDateWords } from './dates';

type Column = LedgerPage['columns'][number];
type Row = LedgerPage['rows'][number];

/** The thing a ledger's row is about, by the first of these columns it has. */
const THING_KEYS = ['type', 'className', 'occupation', 'kind', 'employer', 'status'] as const;
const PERSON_KEY = 'name';

/** A cell as shown: `—` for nothing, China dates in words. */
export function cellText(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? chinaDateWords(value) : String(value);
}

/** The card's title (person · thing) and the columns left for its lines. */
export function ledgerCard(columns: readonly Column[], row: Row): { title: string; lines: Column[] } {
  const person = columns.find((c) => c.key === PERSON_KEY);
  const thing = THING_KEYS.map((k) => columns.find((c) => c.key === k)).find(Boolean);
  const parts = [person, thing].filter((c): c is Column => Boolean(c)).map((c) => cellText(row[c.key]));
  const used = new Set([person?.key, thing?.key]);
  return { title: parts.join(' · '), lines: columns.filter((c) => !used.has(c.key)) };
}
