/**
 * Builders for registered laborers through the real API: `aLaborer(gw, { age: 52 })`.
 */
import type { WhoAmI } from '../../cloudfunctions/contract';
import type { ApiClient, TestGateway } from './gateway';
import { idNumberAged } from './id-numbers';

let next = 0;

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
  const me = await client.ok<WhoAmI>('account', 'register', {
    name: options.name ?? '测试人员',
    idNumber: idNumberAged(options.age ?? 30, on, { region: townshipCode.slice(0, 6) }),
    townshipCode,
  });
  return { client, me, openid };
}
