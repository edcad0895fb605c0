/** The trainer's network questions: the app's one answer (src/utils/network.ts). */
export { isKnownOffline, onReconnect } from '../../../utils/network';
