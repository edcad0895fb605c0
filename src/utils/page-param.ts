/** The current page's query value by name (`?classId=…`), decoded; `''` when absent. */
import Taro from '@tarojs/taro';
import { decodeParam } from './routes';

export const pageParam = (name: string): string => decodeParam(Taro.getCurrentInstance().router?.params[name]);
