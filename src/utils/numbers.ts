/** Numbers and money as the consoles write them (R7.5: money is kept in fen, shown in yuan). */

/** `12345` → `12,345`. */
export function groupDigits(n: number): string {
  const negative = n < 0;
  const text = String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return negative ? `-${text}` : text;
}

/** Fen → `¥1,200.00` (yuan with 2 decimals). */
export function yuanText(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.round(fen));
  return `${negative ? '-' : ''}¥${groupDigits(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}
