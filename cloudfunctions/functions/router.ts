/**
 * One dispatcher for every function, in the cloud and in the local gateway: validates the
 * payload with the action's schema, runs the use case, and answers `{ ok, data }` or
 * `{ ok: false, code, message }`. Expected refusals are DomainErrors; anything else is logged
 * with the request id and answered as INTERNAL without details.
 */
import type { z } from 'zod';
import type { ActionInput, ActionName, ActionOutput, ApiResponse, FunctionName } from '../contract';
import { DomainError, ERROR_MESSAGES } from '../core/errors';
import { actingCaller } from '../services/family';
import { requireConsent, requireRealName } from '../services/privacy';
import type { Caller, Deps } from '../services/kernel/deps';
import { isStoreError } from '../store/port';

export interface Route<I, O> {
  schema: z.ZodType<I>;
  handle(deps: Deps, caller: Caller, input: I): Promise<O> | O;
  /** R13.1 a relative may call it in an elder's name (the request's `actingFor`). */
  proxy?: true;
  /**
   * R14.1 the current privacy guide must be agreed first: `collects` — it takes personal
   * information (always asked); `uses` — it works on a registered person's (an unregistered
   * caller is left to the use case, which answers NOT_REGISTERED).
   */
  consent?: 'collects' | 'uses';
  /** R14.3 it claims a voucher: where the household county asks, the real-name check must have passed. */
  realName?: true;
}

/** A function's routes, typed against the contract: every action, its input and output. */
export type RouteTable<F extends FunctionName> = {
  [A in ActionName<F>]: Route<ActionInput<F, A>, ActionOutput<F, A>>;
};

type AnyRoutes = Record<string, Route<unknown, unknown>>;

const hasChinese = (s: string): boolean => /[\u4e00-\u9fa5]/.test(s);

/** R4.6 a client's request id: 1–100 characters of letters, digits and `_ - : .`. */
export const REQUEST_ID = /^[A-Za-z0-9_:.-]{1,100}$/;

/**
 * The one requestId rule, for the cloud entry and the local host alike: the body's own id when
 * it is well formed, else none (a missing id gets the platform's). A malformed one is refused.
 */
export function requestIdOf(body: unknown): { ok: true; requestId: string | null } | { ok: false } {
  const id = body !== null && typeof body === 'object' ? (body as { requestId?: unknown }).requestId : undefined;
  if (id === undefined || id === null) return { ok: true, requestId: null };
  return typeof id === 'string' && REQUEST_ID.test(id) ? { ok: true, requestId: id } : { ok: false };
}

/** The answer to a malformed request id. */
export const badRequestId = (): ApiResponse<never> => ({ ok: false, code: 'REQUEST_ID_INVALID', message: ERROR_MESSAGES.REQUEST_ID_INVALID });

function invalid(message?: string): ApiResponse<never> {
  return {
    ok: false,
    code: 'INVALID_INPUT',
    message: message && hasChinese(message) ? message : ERROR_MESSAGES.INVALID_INPUT,
  };
}

export async function dispatch<F extends FunctionName>(
  routes: RouteTable<F>,
  deps: Deps,
  caller: Caller,
  body: unknown,
): Promise<ApiResponse<unknown>> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return invalid();
  const { action, payload } = body as { action?: unknown; payload?: unknown };
  const table = routes as unknown as AnyRoutes;
  if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(table, action)) {
    return { ok: false, code: 'UNKNOWN_ACTION', message: ERROR_MESSAGES.UNKNOWN_ACTION };
  }
  const route = table[action];
  // Unknown payload keys (openid, role, userId …) are stripped by the schema: never trusted (R1.1).
  const parsed = route.schema.safeParse(payload ?? {});
  if (!parsed.success) return invalid(parsed.error.issues[0]?.message);
  const actingFor = (body as { actingFor?: unknown }).actingFor;
  if (actingFor !== undefined && (typeof actingFor !== 'string' || !/^[\w-]{1,64}$/.test(actingFor))) return invalid();
  if (actingFor !== undefined && !route.proxy) return { ok: false, code: 'PROXY_NOT_ALLOWED', message: ERROR_MESSAGES.PROXY_NOT_ALLOWED };
  try {
    // R13.1 acting for an elder: the link must be active now; the use case then runs as the elder, the relative its actor.
    const who = actingFor === undefined ? caller : await actingCaller(deps, caller, actingFor);
    if (route.consent) await requireConsent(deps, who, route.consent);
    if (route.realName) await requireRealName(deps, who);
    return { ok: true, data: await route.handle(deps, who, parsed.data) };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, code: error.code, message: error.message };
    if (isStoreError(error, 'BUSY')) return { ok: false, code: 'BUSY', message: ERROR_MESSAGES.BUSY };
    deps.log.error('unexpected error', {
      requestId: caller.requestId,
      action,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL, requestId: caller.requestId };
  }
}
