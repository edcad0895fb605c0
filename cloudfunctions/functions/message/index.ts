/** Cloud entry of `message` (deployed as its own function). */
import { cloudMain } from '../cloud-entry';
import { messageRoutes } from './routes';

export const main = cloudMain(messageRoutes);
