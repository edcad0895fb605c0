/**
 * `message`: the message centre every role has (R10.2) and subscription consents.
 */
import { z } from 'zod';
import { listMessages, markRead, recordConsents, templatesFor } from '../../services/message';
import type { RouteTable } from '../router';

export const messageRoutes: RouteTable<'message'> = {
  list: {
    schema: z.object({
      after: z.string().max(2000).optional(),
      limit: z.number().int().min(1).max(100, { error: '每页最多100条' }).optional(),
    }),
    handle: (deps, caller, input) => listMessages(deps, caller, input),
    proxy: true,
  },
  read: {
    schema: z.object({ id: z.string().min(1).max(300).optional() }),
    handle: (deps, caller, input) => markRead(deps, caller, input),
    proxy: true,
  },
  templates: {
    schema: z.object({ moment: z.enum(['voucherClaimed', 'enrolled', 'dashboard'], { error: '订阅时机不正确' }) }),
    handle: (deps, caller, input) => templatesFor(deps, caller, input.moment),
  },
  consent: {
    schema: z.object({
      answers: z
        .array(
          z.object({
            templateId: z.string().min(1).max(100),
            answer: z.enum(['accept', 'reject', 'ban', 'filter'], { error: '订阅结果不正确' }),
          }),
        )
        .min(1)
        .max(3, { error: '一次最多订阅3个消息' }),
      longTerm: z.boolean().optional(),
    }),
    handle: (deps, caller, input) => recordConsents(deps, caller, input),
  },
};
