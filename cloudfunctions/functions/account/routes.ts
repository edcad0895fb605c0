/**
 * `account`: profile, roles, whoami (R1–R3).
 */
import { z } from 'zod';
import { type OnRegistered, listRegions, register, updateProfile, whoami } from '../../services/account';
import { ledgerAgreement, rejoin } from '../../services/privacy';
import { receiveDirectedVouchers } from '../../services/voucher';
import type { RouteTable } from '../router';

const text = (message: string) => z.string({ error: message });

const onRegistered: OnRegistered = async (deps, tx, person, at) => {
  await receiveDirectedVouchers(deps, tx, person, at);
  await ledgerAgreement(deps, tx, person, at);
};

export const accountRoutes: RouteTable<'account'> = {
  whoami: {
    schema: z.object({}),
    handle: (deps, caller) => whoami(deps, caller),
    proxy: true,
  },
  register: {
    schema: z.object({
      name: text('请输入姓名').max(40, { error: '姓名太长了' }),
      idNumber: text('请输入身份证号码').max(40, { error: '身份证号码应为18位' }),
      phone: text('请输入11位手机号码').max(20, { error: '请输入11位手机号码' }).optional(),
      townshipCode: text('请选择户籍所在乡镇').max(12, { error: '请选择户籍所在乡镇' }),
    }),
    // R12.2: the directed vouchers waiting for the person come in the registration's transaction;
    // R14.1 the agreement given before it enters the county's chain there; R14.2 a number whose
    // account was closed registers again into its own history (rejoin), any other registers anew.
    handle: async (deps, caller, input) => (await rejoin(deps, caller, input, ledgerAgreement)) ?? register(deps, caller, input, onRegistered),
    consent: 'collects',
  },
  updateProfile: {
    schema: z.object({
      phone: text('请输入11位手机号码').max(20, { error: '请输入11位手机号码' }).nullable().optional(),
      townshipCode: text('请选择户籍所在乡镇').max(12, { error: '请选择户籍所在乡镇' }).optional(),
    }),
    handle: (deps, caller, input) => updateProfile(deps, caller, input),
  },
  regions: {
    schema: z.object({ parent: z.string().max(12).optional() }),
    handle: (deps, _caller, input) => listRegions(deps, input),
  },
};
