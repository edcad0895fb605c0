/** The class a trainer page is about: `?classId=…`. */
import { pageParam } from '../../../utils/page-param';

export const classIdParam = (): string => pageParam('classId');
