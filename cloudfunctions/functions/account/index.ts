/** Cloud entry of `account` (deployed as its own function). */
import { cloudMain } from '../cloud-entry';
import { accountRoutes } from './routes';

export const main = cloudMain(accountRoutes);
