/** Cloud entry of `settlement` (deployed as its own function). */
import { cloudMain } from '../cloud-entry';
import { settlementRoutes } from './routes';

export const main = cloudMain(settlementRoutes);
