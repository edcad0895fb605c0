/**
 * Every deployable function by name (the local gateway serves them all; each cloud entry
 * imports only its own routes to keep its bundle small).
 */
import type { FunctionName } from '../contract';
import { accountRoutes } from './account/routes';
import { certificateRoutes } from './certificate/routes';
import { employmentRoutes } from './employment/routes';
import { familyRoutes } from './family/routes';
import { settlementRoutes } from './settlement/routes';
import { privacyRoutes } from './privacy/routes';
import { institutionRoutes } from './institution/routes';
import { messageRoutes } from './message/routes';
import { officialRoutes } from './official/routes';
import { remindRoutes } from './remind/routes';
import { staffRoutes } from './staff/routes';
import { trainingRoutes } from './training/routes';
import { voucherRoutes } from './voucher/routes';
import type { RouteTable } from './router';

export const FUNCTIONS: { [F in FunctionName]: RouteTable<F> } = {
  account: accountRoutes,
  voucher: voucherRoutes,
  training: trainingRoutes,
  official: officialRoutes,
  certificate: certificateRoutes,
  employment: employmentRoutes,
  message: messageRoutes,
  remind: remindRoutes,
  institution: institutionRoutes,
  staff: staffRoutes,
  family: familyRoutes,
  settlement: settlementRoutes,
  privacy: privacyRoutes,
};

export const isFunctionName = (name: string): name is FunctionName =>
  Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
