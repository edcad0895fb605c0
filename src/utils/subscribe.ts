/**
 * R10.2 consent for WeChat subscription messages. WeChat only shows its consent sheet when
 * `requestSubscribeMessage` is called from a user's tap, with at most 3 template ids, all
 * one-time (the templates the server offers are one-time: no mixing with long-term ones). So the
 * ids are fetched when the page mounts (`prefetchTemplates`) and the tap calls `askConsent`, which
 * then asks at once, without waiting for the network. H5 has no subscription messages: nothing
 * happens there. Nothing here ever throws into the caller: a refusal is a fine answer.
 */
import Taro from '@tarojs/taro';
import type { ConsentAnswer, SubscribeMoment } from '../../cloudfunctions/contract';
import { call } from '../api/client';

/** WeChat takes at most 3 template ids per request. */
export const MAX_TEMPLATES_PER_ASK = 3;

const ANSWERS: readonly ConsentAnswer[] = ['accept', 'reject', 'ban', 'filter'];

/** Template ids per moment, once fetched. */
const cache = new Map<SubscribeMoment, string[]>();
const inFlight = new Map<SubscribeMoment, Promise<string[]>>();

const isWeapp = () => process.env.TARO_ENV === 'weapp';

/** Forgets the fetched ids (tests; another person signed in). */
export function resetSubscribeCache(): void {
  cache.clear();
  inFlight.clear();
}

/**
 * Fetches the template ids for `moment` (configured ones only, at most 3) and keeps them for the
 * tap. weapp only; resolves with [] elsewhere or on any failure (then the next call tries again).
 */
export function prefetchTemplates(moment: SubscribeMoment): Promise<string[]> {
  if (!isWeapp()) return Promise.resolve([]);
  const known = cache.get(moment);
  if (known) return Promise.resolve(known);
  const pending = inFlight.get(moment);
  if (pending) return pending;
  const request = call('message', 'templates', { moment })
    .then((templates) => {
      const ids = [...new Set(templates.map((t) => t.templateId).filter((id) => typeof id === 'string' && id.trim() !== ''))].slice(
        0,
        MAX_TEMPLATES_PER_ASK,
      );
      cache.set(moment, ids);
      return ids;
    })
    .catch(() => [] as string[])
    .finally(() => {
      inFlight.delete(moment);
    });
  inFlight.set(moment, request);
  return request;
}

/** Shows WeChat's consent sheet for `tmplIds` and records the answers; never rejects. */
async function requestAndRecord(tmplIds: string[]): Promise<void> {
  if (tmplIds.length === 0) return;
  try {
    // Typed for Alipay's `entityIds` too; WeChat takes `tmplIds` alone.
    const res = (await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)) as unknown as Record<
      string,
      unknown
    >;
    const answers = tmplIds
      .map((templateId) => ({ templateId, answer: res?.[templateId] }))
      .filter((a): a is { templateId: string; answer: ConsentAnswer } => ANSWERS.includes(a.answer as ConsentAnswer));
    if (answers.length > 0) await call('message', 'consent', { answers });
  } catch {
    // Closed the sheet, an old WeChat, or the network: asking again next time is enough.
  }
}

/**
 * Asks consent for the reminders of `moment`. Call it first thing in the tap handler: with the
 * ids prefetched, `requestSubscribeMessage` runs in the same tick as the tap, as WeChat requires.
 * Without them they are fetched first (WeChat may then refuse to show the sheet; that is fine).
 */
export function askConsent(moment: SubscribeMoment): Promise<void> {
  if (!isWeapp()) return Promise.resolve();
  const known = cache.get(moment);
  if (known) return requestAndRecord(known);
  return prefetchTemplates(moment).then(requestAndRecord);
}
