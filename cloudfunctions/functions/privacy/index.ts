/** Cloud entry of `privacy` (deployed as its own function): the only one that calls WeChat's 人脸核身. */
import { wechatFaceVerifierFromEnv } from '../../notify/face-wechat';
import { cloudMain } from '../cloud-entry';
import { privacyRoutes } from './routes';

export const main = cloudMain(privacyRoutes, { faceVerifier: wechatFaceVerifierFromEnv });
