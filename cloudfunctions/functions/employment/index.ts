/** Cloud entry of `employment` (deployed as its own function). */
import { cloudMain } from '../cloud-entry';
import { employmentRoutes } from './routes';

export const main = cloudMain(employmentRoutes);
