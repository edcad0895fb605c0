/** Cloud entry of `certificate` (deployed as its own function). */
import { cloudMain } from '../cloud-entry';
import { certificateRoutes } from './routes';

export const main = cloudMain(certificateRoutes);
