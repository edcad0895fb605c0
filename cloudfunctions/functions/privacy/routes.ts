/**
 * `privacy`: the privacy guide and agreement (R14.1), a person's rights over what is held
 * (R14.2), real-name face checks and each county's policy (R14.3).
 */
import { z } from 'zod';
import {
  agreeToGuide,
  classFaceChecks,
  closeAccount,
  facePolicyView,
  finishFaceCheck,
  myData,
  privacyStatus,
  setFacePolicy,
  startFaceCheck,
  withdrawConsent,
} from '../../services/privacy';
import type { RouteTable } from '../router';
import { id, regionCode } from '../schemas';

const county = regionCode;

export const privacyRoutes: RouteTable<'privacy'> = {
  status: { schema: z.object({}), handle: (deps, caller) => privacyStatus(deps, caller), proxy: true },
  agree: { schema: z.object({ version: z.string({ error: '请阅读隐私保护指引后再同意' }).min(1).max(20) }), handle: (deps, caller, input) => agreeToGuide(deps, caller, input) },
  withdraw: { schema: z.object({}), handle: (deps, caller) => withdrawConsent(deps, caller) },
  myData: { schema: z.object({}), handle: (deps, caller) => myData(deps, caller) },
  close: {
    schema: z.object({ confirm: z.literal(true, { error: '请确认注销账号' }) }),
    handle: (deps, caller) => closeAccount(deps, caller),
  },
  startFaceCheck: {
    schema: z.object({ purpose: z.enum(['registration', 'session'], { error: '请选择核身用途' }), classId: id.optional() }),
    handle: (deps, caller, input) => startFaceCheck(deps, caller, input),
    // A relative may hold the phone for an elder (R13.1); the elder faces the camera.
    proxy: true,
    consent: 'collects',
  },
  finishFaceCheck: {
    schema: z.object({ verifyId: z.string({ error: '没有找到这次人脸核身，请重新开始' }).min(1).max(256) }),
    handle: (deps, caller, input) => finishFaceCheck(deps, caller, input),
    proxy: true,
  },
  facePolicy: { schema: z.object({ countyCode: county }), handle: (deps, caller, input) => facePolicyView(deps, caller, input) },
  setFacePolicy: {
    schema: z.object({
      countyCode: county,
      atRegistration: z.boolean({ error: '请选择是否在领券前核身' }),
      atFirstSession: z.boolean({ error: '请选择是否在首次上课时核身' }),
      laterShare: z.number({ error: '抽查比例应为0%–50%' }).min(0, { error: '抽查比例应为0%–50%' }).max(0.5, { error: '抽查比例应为0%–50%' }),
    }),
    handle: (deps, caller, input) => setFacePolicy(deps, caller, input),
  },
  classFaceChecks: { schema: z.object({ regionCode: regionCode.optional() }), handle: (deps, caller, input) => classFaceChecks(deps, caller, input) },
};
