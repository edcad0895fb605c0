/** Cloud entry of `official` (deployed as its own function). */
import { cloudMain } from '../cloud-entry';
import { officialRoutes } from './routes';

export const main = cloudMain(officialRoutes);
