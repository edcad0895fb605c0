/**
 * The CloudBase side of every function: builds the production dependencies once per container
 * (lazily, on the first call, so loading a bundle does nothing) and takes the caller's identity
 * from the platform context, never from the event (R1.1).
 */
import { randomUUID } from 'node:crypto';
import type { FunctionName } from '../contract';
import { loadSecrets, loadTemplateIds } from '../config';
import { REMINDER_KINDS } from '../core/reminders';
import { WechatNotifier } from '../notify/wechat-sender';
import { systemClock } from '../services/kernel/clock';
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
  getCloudbaseContext(context?: unknown): { WX_OPENID?: string };
}

export function productionDeps(): Deps {
  const secrets = loadSecrets(process.env);
  return {
    store: new CloudbaseStore(),
    clock: systemClock,
    idVault: new IdVault({ encryptionKey: secrets.idEncryptionKey, hashKey: secrets.idHashKey }),
    regions: regionDirectory(),
    log: consoleLogger,
    exports: new CloudbaseExportStorage(),
    notifier: new WechatNotifier(),
    templates: loadTemplateIds(process.env, Object.values(REMINDER_KINDS).map((k) => k.template), false),
  };
}

/**
 * The caller's OPENID as the platform gives it; null when called without a WeChat user
 * (a timer, the console) or with a context the SDK cannot read — then nobody is logged in.
 */
function openidOf(context: unknown): string | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tcb = require('@cloudbase/node-sdk') as TcbContextModule;
    return tcb.getCloudbaseContext(context).WX_OPENID || null;
  } catch {
    return null;
  }
}

export function cloudMain<F extends FunctionName>(routes: RouteTable<F>) {
  let deps: Deps | null = null;
  return async function main(event: unknown, context: CloudContext) {
    const id = requestIdOf(event);
    if (!id.ok) return badRequestId();
    deps ??= productionDeps();
    return dispatch(routes, deps, { openid: openidOf(context), requestId: id.requestId ?? context?.request_id ?? randomUUID() }, event);
  };
}
