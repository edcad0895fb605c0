/**
 * R2.1 the first six digits of an ID number name the county (or city) where it was issued:
 * codes never issued, and a province's own code, are refused with their own code and nothing
 * is written; a code since abolished (吕梁地区's, before 吕梁市) is a real person's and registers.
 */
import type { WhoAmI } from '../../cloudfunctions/contract';
import { sharedGateway } from '../support/gateway';
import { idNumberAged } from '../support/id-numbers';
import { agreeToGuide } from '../support/laborers';
import { countsOf } from '../support/books';

const { gw } = sharedGateway('2026-03-02T02:00:00.000Z');

let n = 0;
const registerWith = async (region: string) => {
  const client = await gw.as(`test-idregion-${++n}`);
  await agreeToGuide(client); // R14.1
  return client.call<WhoAmI>('account', 'register', { name: '测试人员', idNumber: idNumberAged(40, gw.runtime.clock.now(), { region }), townshipCode: '141127101' });
};
const written = () => countsOf(gw.runtime.deps.store, 'persons', 'idNumbers', 'ledger');

describe('R2.1 the region code of an ID number', () => {
  it('R2.1 refuses 999999, 000000 and 140000 (a province) with ID_NUMBER_REGION (their own code), writing nothing', async () => {
    const before = await written();
    for (const region of ['999999', '000000', '140000']) {
      expect(await registerWith(region)).toEqual({
        ok: false,
        code: 'ID_NUMBER_REGION',
        message: '身份证号码前6位不是任何县（市、区）的地区代码，请核对后重新输入',
      });
    }
    expect(await written()).toEqual(before);
  });

  it('R2.1 accepts today’s codes and codes since abolished: 岚县 141127, 吕梁地区 142300, 孝义 142301, 潮阳县 440524', async () => {
    for (const region of ['141127', '142300', '142301', '440524']) {
      const res = await registerWith(region);
      expect({ region, ok: res.ok }).toEqual({ region, ok: true });
    }
  });
});
