/**
 * R10.2 the outbox: one document per reminder, its id the dedupe key, so a reminder is written
 * once however often (or however concurrently) the run that finds it goes. Sending happens after
 * the documents are committed, never inside a transaction callback (which may re-run), through a
 * `Notifier`.
 */
import { type ReminderInputs, type ReminderKind, afterSendFailure, buildReminder, consentAfterRefusal, spendConsent } from '../../core/reminders';
import type { Notifier } from '../../notify/notifier';
import { type Tx, and, isStoreError, where } from '../../store/port';
import type { Deps } from '../kernel/deps';
import { proxyOpenidsOf } from '../kernel/proxies';
import { createHash } from 'node:crypto';
import { type ConsentDoc, type OutboxDoc, type TemplateIds, consentId } from './documents';

/**
 * Writes one reminder in `tx` unless its dedupe key exists. Answers true when it was new.
 * (On CloudBase `create` is read-then-write inside the transaction; two concurrent runs
 * conflict and one retries, then finds the entry.)
 */
export async function enqueue<K extends ReminderKind>(
  tx: Tx,
  key: string,
  openid: string,
  kind: K,
  input: ReminderInputs[K],
  at: Date,
): Promise<boolean> {
  if (await tx.get<OutboxDoc>('outbox', key)) return false;
  const written = await write(tx, key, openid, kind, input, at);
  // R13.1 a laborer's relatives acting for them get the reminder too (their own consent applies).
  if (written && buildReminder(kind, input).audience === 'laborer') {
    for (const proxy of await proxyOpenidsOf(tx, openid)) await write(tx, `${key}:p:${createHash('sha256').update(proxy).digest('hex').slice(0, 12)}`, proxy, kind, input, at);
  }
  return written;
}

async function write<K extends ReminderKind>(tx: Tx, key: string, openid: string, kind: K, input: ReminderInputs[K], at: Date): Promise<boolean> {
  if (await tx.get<OutboxDoc>('outbox', key)) return false;
  const built = buildReminder(kind, input);
  try {
    await tx.create<OutboxDoc>('outbox', key, {
      kind,
      openid,
      audience: built.audience,
      template: built.template,
      title: built.title,
      text: built.text,
      data: built.data,
      page: built.page,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: at.toISOString(),
      leaseUntil: null,
      consentTaken: false,
      lastError: null,
      read: false,
      createdAt: at.toISOString(),
      sentAt: null,
    });
  } catch (e) {
    if (isStoreError(e, 'DUPLICATE')) return false;
    throw e;
  }
  return true;
}

export interface DeliveryReport {
  sent: number;
  skippedNoConsent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends what is due (pending, next attempt ≤ now), at most `limit`: takes the entry's lease and
 * the user's consent in one transaction, sends outside it, then records the outcome.
 */
export async function deliverDue(
  deps: Deps,
  notifier: Notifier,
  templates: TemplateIds,
  options: { limit?: number; budgetMs?: number } = {},
): Promise<DeliveryReport> {
  const limit = options.limit ?? 200;
  const report: DeliveryReport = { sent: 0, skippedNoConsent: 0, retrying: 0, failed: 0 };
  const now = deps.clock.now();
  const due = await deps.store.find<OutboxDoc>('outbox', and(where('status', 'eq', 'pending'), where('nextAttemptAt', 'lte', now.toISOString())), {
    orderBy: { field: 'nextAttemptAt' },
    limit: Math.min(limit, 1000),
  });
  const deadline = now.getTime() + (options.budgetMs ?? Number.POSITIVE_INFINITY);
  for (const entry of due.items) {
    // The rest wait for the next call (each keeps its place: pending, next attempt unchanged).
    if (deps.clock.now().getTime() >= deadline) break;
    const taken = await deps.store.transaction(async (tx) => {
      const e = await tx.get<OutboxDoc>('outbox', entry._id);
      const at = deps.clock.now();
      if (!e || e.status !== 'pending' || (e.nextAttemptAt ?? '') > at.toISOString()) return null;
      if (e.leaseUntil && e.leaseUntil > at.toISOString()) return null;
      if (!e.consentTaken) {
        const cid = consentId(e.openid, e.template);
        const consent = await tx.get<ConsentDoc>('consents', cid);
        const spent = spendConsent(consent ?? { oneTime: 0, longTerm: false });
        if (!spent.allowed || !templates[e.template]) {
          // R10.2: no consent (or no template configured) is not an error: kept, shown in the app.
          await tx.update('outbox', e._id, { set: { status: 'skipped_no_consent', nextAttemptAt: null } });
          return 'skipped' as const;
        }
        await tx.set<ConsentDoc>('consents', cid, { openid: e.openid, template: e.template, ...spent.next, updatedAt: at.toISOString() });
      }
      const leaseUntil = new Date(at.getTime() + 60_000).toISOString();
      await tx.update('outbox', e._id, { set: { consentTaken: true, leaseUntil } });
      return { ...e, consentTaken: true };
    });
    if (taken === null) continue;
    if (taken === 'skipped') {
      report.skippedNoConsent++;
      continue;
    }
    const attempts = taken.attempts + 1;
    let result: Awaited<ReturnType<Notifier['send']>>;
    try {
      result = await notifier.send({ dedupeKey: taken._id, openid: taken.openid, template: templates[taken.template], data: taken.data, page: taken.page });
    } catch (error) {
      result = { ok: false, errcode: -1, retry: true };
      deps.log.error('notifier threw', { key: taken._id, error: error instanceof Error ? error.message : String(error) });
    }
    const at = deps.clock.now();
    if (result.ok) {
      await deps.store.transaction((tx) =>
        tx.update('outbox', taken._id, { set: { status: 'sent', attempts, sentAt: at.toISOString(), nextAttemptAt: null, leaseUntil: null, lastError: null } }),
      );
      report.sent++;
      continue;
    }
    const next = afterSendFailure(attempts, result.errcode, at);
    await deps.store.transaction(async (tx) => {
      await tx.update('outbox', taken._id, {
        set: {
          status: next.status,
          attempts,
          nextAttemptAt: next.status === 'pending' ? next.nextAttemptAt.toISOString() : null,
          leaseUntil: null,
          lastError: String(result.ok ? '' : result.errcode),
        },
      });
      if ('consentSpent' in next && next.consentSpent) {
        // 43101: refused or no send left — the consent is gone until the user grants it again.
        await tx.set<ConsentDoc>('consents', consentId(taken.openid, taken.template), {
          openid: taken.openid,
          template: taken.template,
          ...consentAfterRefusal(),
          updatedAt: at.toISOString(),
        });
      }
    });
    if (next.status === 'failed') report.failed++;
    else if (next.status === 'skipped_no_consent') report.skippedNoConsent++;
    else report.retrying++;
  }
  return report;
}

