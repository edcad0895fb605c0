/** Cloud entry of `staff` (deployed as its own function). */
import { cloudMain } from '../cloud-entry';
import { staffRoutes } from './routes';

export const main = cloudMain(staffRoutes);
