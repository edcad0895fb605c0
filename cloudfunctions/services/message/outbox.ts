/**
 * R10.2 the outbox: one document per reminder, its id the dedupe key, so a reminder is written
 * once however often (or however concurrently) the run that finds it goes. The message centre
 * lists these documents; sending happens after they are committed, never inside a transaction
 * callback (which may re-run), through a `Notifier`.
 */
import type { ConsentAnswer, MessageList, MessageView, SubscribeMoment, SubscribeTemplate } from '../../contract';
import {
  type Consent,
  type OutboxStatus,
  type ReminderKind,
  afterSendFailure,
  buildReminder,
  type ReminderInputs,
  REMINDER_KINDS,
  consentAfterRefusal,
  grantConsent,
  spendConsent,
} from '../../core/reminders';
import { DomainError } from '../../core/errors';
import type { Notifier } from '../../notify/notifier';
import { type Tx, and, isStoreError, where } from '../../store/port';
import { requireOpenid } from '../account/account';
import type { Caller, Deps } from '../kernel/deps';

export type OutboxDoc = {
  _id: string;
  kind: ReminderKind;
  openid: string;
  audience: string;
  /** Configuration key of the WeChat template (e.g. `TPL_VOUCHER_EXPIRY`). */
  template: string;
  title: string;
  text: string;
  /** WeChat fields, already cut to WeChat's limits. */
  data: Record<string, string>;
  page: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string | null;
  /** A sender holds the entry until then (two senders never send one entry twice). */
  leaseUntil: string | null;
  consentTaken: boolean;
  lastError: string | null;
  read: boolean;
  createdAt: string;
  sentAt: string | null;
};

export type ConsentDoc = { _id: string; openid: string; template: string } & Consent & { updatedAt: string };

const consentId = (openid: string, template: string) => `${openid}:${template}`;

/** Template ids from configuration: `TPL_VOUCHER_EXPIRY=…` etc. (empty when not configured). */
export type TemplateIds = Record<string, string>;

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
export async function deliverDue(deps: Deps, notifier: Notifier, templates: TemplateIds, limit = 200): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, skippedNoConsent: 0, retrying: 0, failed: 0 };
  const now = deps.clock.now();
  const due = await deps.store.find<OutboxDoc>('outbox', and(where('status', 'eq', 'pending'), where('nextAttemptAt', 'lte', now.toISOString())), {
    orderBy: { field: 'nextAttemptAt' },
    limit: Math.min(limit, 1000),
  });
  for (const entry of due.items) {
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

function messageView(e: OutboxDoc): MessageView {
  return { id: e._id, kind: e.kind, title: e.title, text: e.text, page: e.page, read: e.read, createdAt: e.createdAt, delivery: e.status };
}

async function unreadCount(deps: Deps, openid: string): Promise<number> {
  return deps.store.count('outbox', and(where('openid', 'eq', openid), where('read', 'eq', false)));
}

/** The message centre: every reminder of the caller, newest first (R10.2: always shown). */
export async function listMessages(deps: Deps, caller: Caller, input: { after?: string; limit?: number }): Promise<MessageList> {
  const openid = requireOpenid(caller);
  let page;
  try {
    page = await deps.store.find<OutboxDoc>('outbox', where('openid', 'eq', openid), {
      orderBy: { field: 'createdAt', direction: 'desc' },
      limit: input.limit ?? 30,
      after: input.after,
    });
  } catch (e) {
    if (isStoreError(e, 'INVALID_QUERY')) throw new DomainError('INVALID_INPUT', '翻页标记无效，请重新打开消息');
    throw e;
  }
  return { items: page.items.map(messageView), unread: await unreadCount(deps, openid), ...(page.next ? { next: page.next } : {}) };
}

export async function markRead(deps: Deps, caller: Caller, input: { id?: string }): Promise<{ unread: number }> {
  const openid = requireOpenid(caller);
  if (input.id) {
    await deps.store.transaction(async (tx) => {
      const e = await tx.get<OutboxDoc>('outbox', input.id!);
      if (!e || e.openid !== openid) throw new DomainError('NOT_FOUND');
      if (!e.read) await tx.update('outbox', e._id, { set: { read: true } });
    });
  } else {
    for (;;) {
      const page = await deps.store.find<OutboxDoc>('outbox', and(where('openid', 'eq', openid), where('read', 'eq', false)), { limit: 100 });
      if (page.items.length === 0) break;
      await deps.store.transaction(async (tx) => {
        for (const e of page.items) await tx.update('outbox', e._id, { set: { read: true } });
      });
    }
  }
  return { unread: await unreadCount(deps, openid) };
}

/** Which templates to ask at a moment (≤ 3, one-time only: WeChat refuses a mix). */
const MOMENTS: Record<SubscribeMoment, ReminderKind[]> = {
  voucherClaimed: ['voucherExpiry', 'certificateIssued', 'followUpDue'],
  enrolled: ['sessionTomorrow', 'certificateIssued', 'followUpDue'],
  dashboard: ['officialDigest', 'monthlyRanking', 'quotaAlmostUsed'],
};

export function templatesFor(templates: TemplateIds, moment: SubscribeMoment): SubscribeTemplate[] {
  return MOMENTS[moment].map((kind) => {
    const spec = REMINDER_KINDS[kind];
    return { key: spec.template, templateId: templates[spec.template] ?? '', title: spec.title };
  });
}

/** Records the answers of one `requestSubscribeMessage`: each accept is one more one-time send. */
export async function recordConsents(
  deps: Deps,
  caller: Caller,
  templates: TemplateIds,
  input: { answers: { templateId: string; answer: ConsentAnswer }[]; longTerm?: boolean },
): Promise<{ recorded: number }> {
  const openid = requireOpenid(caller);
  const keyOf = new Map(Object.entries(templates).filter(([, id]) => id).map(([key, id]) => [id, key]));
  const known = input.answers.filter((a) => keyOf.has(a.templateId));
  if (known.length !== input.answers.length) throw new DomainError('INVALID_INPUT', '订阅的消息模板不正确');
  await deps.store.transaction(async (tx) => {
    const at = deps.clock.now().toISOString();
    for (const a of known) {
      const template = keyOf.get(a.templateId)!;
      const id = consentId(openid, template);
      const current = (await tx.get<ConsentDoc>('consents', id)) ?? { oneTime: 0, longTerm: false };
      const next = a.answer === 'accept' ? grantConsent(current, input.longTerm ? 'longTerm' : 'oneTime') : a.answer === 'ban' ? consentAfterRefusal() : current;
      await tx.set<ConsentDoc>('consents', id, { openid, template, oneTime: next.oneTime, longTerm: next.longTerm, updatedAt: at });
    }
  });
  return { recorded: known.filter((a) => a.answer === 'accept').length };
}
