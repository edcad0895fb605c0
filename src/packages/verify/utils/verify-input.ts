/** What 证书查验 accepts as typed: 16 digits and 8 letters or digits (R7.2). */

export const cleanNumber = (s: string) => s.replace(/\D/g, '').slice(0, 16);
export const cleanCode = (s: string) => s.replace(/[^0-9a-z]/gi, '').toUpperCase().slice(0, 8);

/** The first thing wrong with what was typed, or null. */
export function verifyInputProblem(number: string, code: string): string | null {
  if (!/^\d{16}$/.test(number)) return '证书编号是16位数字，请核对';
  if (!/^[0-9A-Z]{8}$/.test(code)) return '验证码是8位字母或数字，请核对';
  return null;
}
