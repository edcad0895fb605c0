/** Cloud entry of `family` (deployed as its own function). */
import { cloudMain } from '../cloud-entry';
import { familyRoutes } from './routes';

export const main = cloudMain(familyRoutes);
