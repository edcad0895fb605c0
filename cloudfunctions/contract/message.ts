/**
 * message: the message centre and subscription consents (R10).
 */
import type { OutboxStatus, ReminderKind } from '../core/reminders';

export type { OutboxStatus, ReminderKind } from '../core/reminders';

// ---- Reminders and the message centre (R10) ----


export interface MessageView {
  id: string;
  kind: ReminderKind;
  title: string;
  text: string;
  /** The app page the message opens (e.g. the dashboard for an official's digest). */
  page: string;
  read: boolean;
  createdAt: string;
  /** How the WeChat push went; the message centre shows the message whatever it says. */
  delivery: OutboxStatus;
}

export interface MessageList {
  items: MessageView[];
  unread: number;
  next?: string;
}

/** One template the app may ask consent for (`Taro.requestSubscribeMessage`, ≤ 3 per tap). */
export interface SubscribeTemplate {
  /** Configuration key, e.g. `TPL_VOUCHER_EXPIRY`. */
  key: string;
  /** The WeChat template id from configuration (empty when not configured: skip asking). */
  templateId: string;
  title: string;
}

export type SubscribeMoment = 'voucherClaimed' | 'enrolled' | 'dashboard';

/** What `requestSubscribeMessage` answered for each template id. */
export type ConsentAnswer = 'accept' | 'reject' | 'ban' | 'filter';
