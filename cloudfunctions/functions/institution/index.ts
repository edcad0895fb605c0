/** Cloud entry of `institution` (deployed as its own function). */
import { cloudMain } from '../cloud-entry';
import { institutionRoutes } from './routes';

export const main = cloudMain(institutionRoutes);
