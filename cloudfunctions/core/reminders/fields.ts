/**
 * R10.2 WeChat subscription-message field limits (a `thing` at most 20 code points, …).
 */

export type FieldKind = 'thing' | 'time' | 'phrase' | 'number' | 'character_string' | 'name';

export const FIELD_LIMITS: Readonly<Record<FieldKind, number>> = {
  thing: 20,
  time: 32,
  phrase: 5,
  number: 32,
  character_string: 32,
  name: 10,
};

/** Letters-and-symbols names may be 20 long; names with Chinese characters 10. */
export const NAME_ASCII_LIMIT = 20;

/** Code points, so an emoji (two UTF-16 units) counts once and is never cut in half. */
const codePoints = (s: string): string[] => Array.from(s);

/**
 * A `thing` value of at most 20 code points: longer text keeps its first 19 and ends in '…', so
 * the reader sees it was cut. A 20-code-point text is kept whole.
 */
export function cutThing(value: string): string {
  return cutWithEllipsis(value.trim(), FIELD_LIMITS.thing);
}

function cutWithEllipsis(value: string, limit: number): string {
  const cps = codePoints(value);
  return cps.length <= limit ? value : `${cps.slice(0, limit - 1).join('')}…`;
}

const cutHard = (value: string, limit: number): string => codePoints(value).slice(0, limit).join('');

/**
 * A value cut to WeChat's limit for its field kind: `thing` as cutThing; `name` cut hard to 10
 * (20 when it is all ASCII letters/symbols), no ellipsis; `phrase` hard to 5; `number`,
 * `character_string` and `time` hard to 32. Values are trimmed first.
 */
export function fitField(kind: FieldKind, value: string): string {
  const v = value.trim();
  switch (kind) {
    case 'thing':
      return cutThing(v);
    case 'name':
      return cutHard(v, /^[\x20-\x7e]*$/.test(v) ? NAME_ASCII_LIMIT : FIELD_LIMITS.name);
    default:
      return cutHard(v, FIELD_LIMITS[kind]);
  }
}

export interface TemplateField {
  kind: FieldKind;
  value: string;
}

/** `{ thing1: {kind, value}, … }` → `{ thing1: 'cut value', … }` (OutgoingMessage.data). */
export function fitTemplateData(fields: Record<string, TemplateField>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, f] of Object.entries(fields)) out[key] = fitField(f.kind, f.value);
  return out;
}
