/**
 * The one way the front end calls the back end.
 * weapp: `Taro.cloud.callFunction`; H5 (local host): `POST /api/<function>` on the gateway.
 * `process.env.TARO_ENV` is a build-time literal, so each bundle keeps only its own branch.
 */
import Taro from '@tarojs/taro';
import type {
  ActionInput,
  ActionName,
  ActionOutput,
  ApiResponse,
  CallRequest,
  FunctionName,
} from '../../cloudfunctions/contract';
import { ERROR_MESSAGES, type ErrorCode } from '../../cloudfunctions/core/errors';
import { isKnownOffline } from '../utils/network';
import { randomId } from '../utils/random-id';
import { withTimeout } from '../utils/with-timeout';
import { actingEnded, actingForCall } from './acting';

/**
 * How a call failed before any answer of ours came back: no network on the phone, no answer in
 * time, or a server that answered with something that is not an API answer (a 500 page).
 * Pages say each plainly: 没有网络 is never shown for a server error, and the other way round.
 */
export type FailureKind = 'offline' | 'timeout' | 'unreachable' | 'server';

/** A refusal or failure with a stable code and a Chinese message fit to show as is. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly requestId?: string;
  /** Set when the call itself failed (see FailureKind); absent for the server's own refusals. */
  readonly kind?: FailureKind;
  constructor(code: ErrorCode, message: string = ERROR_MESSAGES[code], requestId?: string, kind?: FailureKind) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.requestId = requestId;
    this.kind = kind;
    // Keeps `instanceof` true when the class is compiled down to ES5.
    Object.setPrototypeOf(this, ApiError.prototype);
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** Any thrown value as an `ApiError` (what is not one already is an INTERNAL failure). */
export const toApiError = (e: unknown): ApiError => (isApiError(e) ? e : new ApiError('INTERNAL'));

export interface CallOptions {
  /** Reuse the same id when retrying the same tap, so the server can treat it as one request. */
  requestId?: string;
}

let sequence = 0;
/** Random enough to tell taps apart in logs and make retries idempotent; not a secret. */
export function newRequestId(): string {
  sequence = (sequence + 1) % 1_000_000;
  return `${randomId(16)}-${sequence}`;
}

let cloudReady = false;
function ensureCloud(): void {
  if (cloudReady) return;
  // Empty → the mini-program's default CloudBase environment.
  const env = process.env.TARO_APP_CLOUD_ENV;
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true });
  cloudReady = true;
}

/**
 * A wait has an end: an answer not in by then is a failure of kind `timeout`, which the pages
 * show with 重试 (the same request id makes the retry the same request).
 */
export const CALL_TIMEOUT_MS = 10_000;

/** What each failed call says (the pages add a title: 没有网络, 服务器没有回应 …). */
export const FAILURE_MESSAGES: Record<FailureKind, string> = {
  offline: '手机没有网络，请打开网络后再试',
  timeout: '服务器10秒没有回应，请稍后再试',
  unreachable: ERROR_MESSAGES.NETWORK,
  server: '服务器出错了，请稍后再试',
};

/** A call failure of `kind` (offline, timeout and unreachable are NETWORK: the request may not have arrived). */
export const failure = (kind: FailureKind, requestId?: string): ApiError =>
  new ApiError(kind === 'server' ? 'INTERNAL' : 'NETWORK', FAILURE_MESSAGES[kind], requestId, kind);

class Timeout extends Error {}

/** The server answered, but not with JSON (an HTML error page, an empty body). */
class NotJson extends Error {}

/** Sends one request and returns whatever the function answered (not yet checked). */
async function transport(fn: FunctionName, body: CallRequest): Promise<unknown> {
  if (process.env.TARO_ENV === 'weapp') {
    ensureCloud();
    const res = await Taro.cloud.callFunction({ name: fn, data: body as unknown as TaroGeneral.IAnyObject });
    return res.result;
  }
  const res = await fetch(`/api/${fn}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  // The gateway answered: whatever follows is the server's doing, not the network's.
  return res.json().catch(() => {
    throw new NotJson();
  });
}

/** Why a call got no answer of ours. */
async function failureKindOf(e: unknown): Promise<FailureKind> {
  if (e instanceof Timeout) return 'timeout';
  if (e instanceof NotJson) return 'server';
  if (await isKnownOffline()) return 'offline';
  // weapp: a function that crashed or is missing fails with an errCode from the platform.
  if (process.env.TARO_ENV === 'weapp' && typeof (e as { errCode?: unknown } | null)?.errCode === 'number') return 'server';
  return 'unreachable';
}

function isApiResponse(x: unknown): x is ApiResponse<unknown> {
  return typeof x === 'object' && x !== null && typeof (x as { ok?: unknown }).ok === 'boolean';
}

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, code);
}

/** Calls `fn.action` with `payload`; resolves with its data or throws an `ApiError`. */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  payload: ActionInput<F, A>,
  options: CallOptions = {},
): Promise<ActionOutput<F, A>> {
  const requestId = options.requestId ?? newRequestId();
  const actingFor = actingForCall(fn);
  const body: CallRequest = actingFor ? { action, payload, actingFor, requestId } : { action, payload, requestId };
  let answer: unknown;
  try {
    answer = await withTimeout(transport(fn, body), CALL_TIMEOUT_MS, () => new Timeout());
  } catch (e) {
    throw failure(await failureKindOf(e), requestId);
  }
  // JSON, but not one of our answers: a proxy's or a platform's error page.
  if (!isApiResponse(answer)) throw failure('server', requestId);
  if (answer.ok) return answer.data as ActionOutput<F, A>;
  const code: ErrorCode = isErrorCode(answer.code) ? answer.code : 'INTERNAL';
  // R13.1 the elder (or the relative) ended the link: stop acting at once.
  if (actingFor && code === 'PROXY_NOT_ACTIVE') actingEnded();
  throw new ApiError(code, answer.message || ERROR_MESSAGES[code], answer.requestId ?? requestId);
}

/** The Chinese message to show for any thrown value. */
export function messageOf(e: unknown): string {
  return toApiError(e).message;
}

/** Shows the error's Chinese message as a toast (long messages get more time to read). */
export function showError(e: unknown): void {
  const title = messageOf(e);
  void Taro.showToast({ title, icon: 'none', duration: title.length > 14 ? 3500 : 2000 });
}
