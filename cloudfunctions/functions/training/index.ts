/** Cloud entry of `training` (deployed as its own function). */
import { cloudMain } from '../cloud-entry';
import { trainingRoutes } from './routes';

export const main = cloudMain(trainingRoutes);
