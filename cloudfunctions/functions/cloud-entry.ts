/**
 * The CloudBase side of every function: builds the production dependencies once per container
 * (lazily, on the first call, so loading a bundle does nothing) and takes the caller's identity
 * from the platform context, never from the event (R1.1).
 */
import { randomUUID } from 'node:crypto';
import type { FunctionName } from '../contract';
import { loadSecrets, loadTemplateIds } from '../config';
import { REMINDER_KINDS } from '../core/reminders';
import type { Notifier } from '../notify/notifier';
import type { FaceVerifier } from '../services/kernel/face-verifier';
import { systemClock } from '../services/kernel/clock';
import { SequencedStore } from '../services/books/sequencer';
import { type Deps, consoleLogger } from '../services/kernel/deps';
import { IdVault } from '../services/kernel/id-vault';
import { regionDirectory } from '../services/kernel/reference-data';
import { CloudbaseExportStorage } from '../store/cloudbase-export-storage';
import { CloudbaseStore } from '../store/cloudbase-store';
import { type RouteTable, badRequestId, dispatch, requestIdOf } from './router';

interface CloudContext {
  request_id?: string;
}

interface TcbContextModule {
  getCloudbaseContext(context?: unknown): { WX_OPENID?: string; TRIGGER_SRC?: string };
}

/**
 * What a function adds to the common dependencies: the reminder sender (remind), the face-check
 * adapter (privacy, built on the first call so loading the bundle reads nothing).
 */
export interface CloudExtras {
  notifier?: Notifier;
  faceVerifier?: () => FaceVerifier | undefined;
}

/** The production dependencies; only a function that sends reminders passes a notifier. */
export function productionDeps(extra: CloudExtras = {}): Deps {
  const secrets = loadSecrets(process.env);
  // One cloud storage: export files and the app's uploads (a directed list's workbook).
  const storage = new CloudbaseExportStorage();
  return {
    // D61 CloudBase's transactions conflict: changes queue their entries for the county's sequencer.
    store: new SequencedStore(new CloudbaseStore(), consoleLogger),
    clock: systemClock,
    idVault: new IdVault({ encryptionKey: secrets.idEncryptionKey, hashKey: secrets.idHashKey }),
    regions: regionDirectory(),
    log: consoleLogger,
    exports: storage,
    uploads: storage,
    notifier: extra.notifier,
    faceVerifier: extra.faceVerifier?.(),
    templates: loadTemplateIds(process.env, Object.values(REMINDER_KINDS).map((k) => k.template), false),
  };
}

/**
 * Who called, as the platform says (R1.1): the WeChat user's OPENID (null without one: a timer,
 * the console, or a context the SDK cannot read — then nobody is logged in) and the trigger
 * source the platform sets for the invocation (`TRIGGER_SRC`, `timer` for a timer trigger).
 * Nothing here comes from the event, which is whatever the caller sent.
 */
export function platformCaller(context: unknown): { openid: string | null; triggerSource: string | null } {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tcb = require('@cloudbase/node-sdk') as TcbContextModule;
    const c = tcb.getCloudbaseContext(context as never);
    return { openid: c.WX_OPENID || null, triggerSource: c.TRIGGER_SRC || null };
  } catch {
    return { openid: null, triggerSource: null };
  }
}

/**
 * R10.3 an invocation is the timer only when the platform says so: no WeChat user, and the
 * timer trigger's own source. A mini-program's `callFunction` data is the event, so an event
 * that says `{ Type: 'Timer' }` proves nothing.
 */
export function isTimerInvocation(context: unknown): boolean {
  const { openid, triggerSource } = platformCaller(context);
  return openid === null && triggerSource === 'timer';
}

export function cloudMain<F extends FunctionName>(routes: RouteTable<F>, extra: CloudExtras = {}) {
  let deps: Deps | null = null;
  return async function main(event: unknown, context: CloudContext) {
    const id = requestIdOf(event);
    if (!id.ok) return badRequestId();
    deps ??= productionDeps(extra);
    return dispatch(routes, deps, { openid: platformCaller(context).openid, requestId: id.requestId ?? context?.request_id ?? randomUUID() }, event);
  };
}
