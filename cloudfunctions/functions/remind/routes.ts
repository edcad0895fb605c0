/**
 * `remind`: the daily reminder run (R10.1) and the sends after it (R10.2). The timer trigger
 * calls it with no user; an admin may also run it by hand (`run`).
 */
import { z } from 'zod';
import { adminRunDay } from '../../services/remind';
import type { RouteTable } from '../router';

export const remindRoutes: RouteTable<'remind'> = {
  run: {
    schema: z.object({}),
    handle: (deps, caller) => adminRunDay(deps, caller),
  },
};
