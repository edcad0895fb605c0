/**
 * R13.1 亲情代办 on the wire: while a relative acts for an elder, every call is made in the elder's
 * name (`actingFor` = the elder's person id) — except the `family` function itself, which is the
 * relative's own business (their links, ending one). The server decides what a relative may do
 * (routes marked `proxy: true`) and refuses the rest with PROXY_NOT_ALLOWED, so a relative
 * acting for an elder can never register, report employment or fetch the attendance key as
 * anyone, by mistake, from a page that forgot to check.
 *
 * The family store owns the state; the client only reads it here, and tells the store when the
 * server says the link has ended (PROXY_NOT_ACTIVE).
 */
import type { FunctionName } from '../../cloudfunctions/contract';

let actingFor: string | null = null;
const endedListeners = new Set<() => void>();

/** The elder's person id, or null when acting as oneself. */
export const actingForNow = (): string | null => actingFor;

export function setActingFor(personId: string | null): void {
  actingFor = personId;
}

/** The `actingFor` to send with a call of `fn`, if any. */
export const actingForCall = (fn: FunctionName): string | undefined => (actingFor !== null && fn !== 'family' ? actingFor : undefined);

/** Called when the server answers PROXY_NOT_ACTIVE to a call sent in an elder's name. */
export function onActingEnded(listener: () => void): () => void {
  endedListeners.add(listener);
  return () => endedListeners.delete(listener);
}

export function actingEnded(): void {
  for (const listener of [...endedListeners]) listener();
}
