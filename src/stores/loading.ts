/**
 * How the stores load what the server answers: one request at a time (calls made while one is
 * under way share it), or the latest request winning; the answer, its status and its error kept
 * side by side under three keys of the store. Loads never reject: a failure is an `ApiError` in
 * the error key.
 */
import { toApiError } from '../api/client';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** A request that concurrent callers share; `running()` is the one under way, if any. */
export interface SharedRequest {
  (): Promise<void>;
  running: () => Promise<void> | null;
}

/** `run` at most once at a time: a call made while it runs gets the same promise. */
export function sharedRequest(run: () => Promise<void>): SharedRequest {
  let inFlight: Promise<void> | null = null;
  const start = () => {
    if (!inFlight) {
      inFlight = run().finally(() => {
        inFlight = null;
      });
    }
    return inFlight;
  };
  return Object.assign(start, { running: () => inFlight });
}

type SetState<S> = (patch: Partial<S>) => void;

/** The store keys one load fills: the answer, its status and the last failure. */
export type LoadKeys<S, V extends keyof S> = readonly [value: V, status: keyof S, error: keyof S];

const patch = <S>(entries: [keyof S, unknown][]): Partial<S> => Object.fromEntries(entries) as Partial<S>;

/** Sets the status to loading, awaits `request` and keeps its answer, or the failure. */
async function loadOnce<S, V extends keyof S>(
  set: SetState<S>,
  [value, status, error]: LoadKeys<S, V>,
  request: () => Promise<NonNullable<S[V]>>,
  isCurrent: () => boolean = () => true,
  then?: (answer: NonNullable<S[V]>) => void,
): Promise<void> {
  set(patch<S>([[status, 'loading'], [error, null]]));
  try {
    const answer = await request();
    if (!isCurrent()) return;
    set(patch<S>([[value, answer], [status, 'ready'], [error, null]]));
    then?.(answer);
  } catch (e) {
    if (isCurrent()) set(patch<S>([[status, 'error'], [error, toApiError(e)]]));
  }
}

/** A load that concurrent callers share (`then` runs with each answer kept). */
export function sharedLoad<S, V extends keyof S>(
  set: SetState<S>,
  keys: LoadKeys<S, V>,
  request: () => Promise<NonNullable<S[V]>>,
  then?: (answer: NonNullable<S[V]>) => void,
): SharedRequest {
  return sharedRequest(() => loadOnce(set, keys, request, undefined, then));
}

/** A load whose latest call wins: an answer to an older call is dropped. */
export function latestLoad<S, V extends keyof S, I>(
  set: SetState<S>,
  keys: LoadKeys<S, V>,
  request: (input: I) => Promise<NonNullable<S[V]>>,
  then?: (answer: NonNullable<S[V]>) => void,
): (input: I) => Promise<void> {
  let seq = 0;
  return (input) => {
    const mine = ++seq;
    return loadOnce(set, keys, () => request(input), () => mine === seq, then);
  };
}

/**
 * After a change, reloads what is already shown (`shown`, or a load under way). A load started
 * before the change may answer with the old state, so the reload waits for it and asks again.
 */
export function reloadAfterChange(shown: unknown, running: Promise<void> | null, load: () => unknown): void {
  if (shown || running) void (running ?? Promise.resolve()).then(() => load());
}

/** `item` in place of the one in `list` with the same key, or first when the list has none (a list newest first). */
export function putFirst<T>(list: readonly T[] | null, item: T, key: (t: T) => string): T[] {
  const all = list ?? [];
  const k = key(item);
  return all.some((x) => key(x) === k) ? all.map((x) => (key(x) === k ? item : x)) : [item, ...all];
}
