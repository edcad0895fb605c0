/**
 * Payload shapes the route tables share (zod): dates, codes, ids, sessions, levels. The checks
 * of meaning (a real date, a county that exists, an occupation the institution may train) are
 * the use cases'; these only keep malformed input out, with a Chinese message.
 */
import { z } from 'zod';

export const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为YYYY-MM-DD' });
export const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { error: '时间格式不正确' });
export const regionCode = z.string().regex(/^\d{6}$/, { error: '请选择县（市、区）及以上的地区' });
export const townshipCode = z.string({ error: '请选择乡镇' }).regex(/^\d{9}$/, { error: '请选择乡镇' });
export const year = z.number({ error: '请选择年度' }).int({ error: '年度不正确' }).min(2019, { error: '年度不正确' }).max(2100, { error: '年度不正确' });
export const id = z.string().min(1).max(64);
export const text = (max: number, error: string) => z.string({ error }).max(max, { error });
export const occupationCode = z.string({ error: '请选择职业（工种）' }).min(1, { error: '请选择职业（工种）' }).max(20);
export const level = z.number({ error: '请选择等级' }).int({ error: '等级不正确' }).min(0, { error: '等级不正确' }).max(5, { error: '等级不正确' });
export const levels = z.array(level).max(6, { error: '等级不正确' });
export const classId = z.object({ classId: z.string({ error: '请选择班级' }).min(1, { error: '请选择班级' }).max(64) });
export const sessions = z
  .array(z.object({ date, start: z.string().max(5), end: z.string().max(5) }), { error: '请安排上课时间' })
  .max(60, { error: '一个班最多安排60节课' });
