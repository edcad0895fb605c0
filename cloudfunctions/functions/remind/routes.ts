/**
 * `remind`: the daily reminder run (R10.1) and the sends after it (R10.2). The timer trigger
 * calls it with no user; an admin may also run it by hand (`run`).
 */
import { z } from 'zod';
import { requireRole } from '../../services/kernel/authz';
import { deliverDue } from '../../services/message/outbox';
import { runRemind } from '../../services/remind/run';
import type { RouteTable } from '../router';

export const remindRoutes: RouteTable<'remind'> = {
  run: {
    schema: z.object({}),
    handle: async (deps, caller) => {
      await requireRole(deps, caller, 'admin');
      const report = await runRemind(deps);
      const delivery = deps.notifier ? await deliverDue(deps, deps.notifier, deps.templates ?? {}) : null;
      return { ...report, delivery };
    },
  },
};
