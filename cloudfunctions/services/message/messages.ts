/**
 * The message centre (R10.2: every reminder is always shown there) and the user's answers to
 * WeChat's subscription requests.
 */
import type { ConsentAnswer, MessageList, MessageView, SubscribeMoment, SubscribeTemplate } from '../../contract';
import { DomainError } from '../../core/errors';
import { REMINDER_KINDS, type ReminderKind, consentAfterRefusal, grantConsent } from '../../core/reminders';
import { and, isStoreError, where } from '../../store/port';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { type ConsentDoc, type OutboxDoc, type TemplateIds, consentId } from './documents';

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

export function templatesFor(deps: Deps, caller: Caller, moment: SubscribeMoment): SubscribeTemplate[] {
  requireOpenid(caller);
  const templates: TemplateIds = deps.templates ?? {};
  return MOMENTS[moment].map((kind) => {
    const spec = REMINDER_KINDS[kind];
    return { key: spec.template, templateId: templates[spec.template] ?? '', title: spec.title };
  });
}

/** Records the answers of one `requestSubscribeMessage`: each accept is one more one-time send. */
export async function recordConsents(
  deps: Deps,
  caller: Caller,
  input: { answers: { templateId: string; answer: ConsentAnswer }[]; longTerm?: boolean },
): Promise<{ recorded: number }> {
  const openid = requireOpenid(caller);
  const templates: TemplateIds = deps.templates ?? {};
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

