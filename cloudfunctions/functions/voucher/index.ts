/** Cloud entry of `voucher` (deployed as its own function). */
import { cloudMain } from '../cloud-entry';
import { voucherRoutes } from './routes';

export const main = cloudMain(voucherRoutes);
