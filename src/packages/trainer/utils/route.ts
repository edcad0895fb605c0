/** The class a trainer page is about: `?classId=…`. */
import Taro from '@tarojs/taro';
import { decodeParam } from '../../../utils/routes';

export const classIdParam = (): string => decodeParam(Taro.getCurrentInstance().router?.params.classId);
