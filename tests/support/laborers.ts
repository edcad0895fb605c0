/**
 * Builders for registered laborers through the real API: `aLaborer(gw, { age: 52 })`.
 */
import type { PrivacyStatus, WhoAmI } from '../../cloudfunctions/contract';
import { PRIVACY_GUIDE } from '../../cloudfunctions/core/privacy';
import type { ApiClient, TestGateway } from './gateway';
import { idNumberAged } from './id-numbers';

let next = 0;

/** R14.1 what the app asks first: agree to the privacy guide in force. */
export const agreeToGuide = (client: ApiClient): Promise<PrivacyStatus> => client.ok<PrivacyStatus>('privacy', 'agree', { version: PRIVACY_GUIDE.version });

export interface LaborerOptions {
  age?: number;
  townshipCode?: string;
  name?: string;
  /** The date the age holds on (default: the gateway's clock). */
  on?: Date;
}

export async function aLaborer(gw: TestGateway, options: LaborerOptions = {}): Promise<{ client: ApiClient; me: WhoAmI; openid: string }> {
  next++;
  const openid = `test-laborer-${process.pid}-${next}`;
  const client = await gw.as(openid);
  const on = options.on ?? gw.runtime.clock.now();
  const townshipCode = options.townshipCode ?? '141127101';
  await agreeToGuide(client);
  const me = await client.ok<WhoAmI>('account', 'register', {
    name: options.name ?? '测试人员',
    idNumber: idNumberAged(options.age ?? 30, on, { region: townshipCode.slice(0, 6) }),
    townshipCode,
  });
  return { client, me, openid };
}
