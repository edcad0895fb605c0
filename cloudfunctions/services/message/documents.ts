/**
 * The message context's documents (R10.2): one outbox entry per reminder (its id the dedupe key;
 * the message centre lists them) and each user's subscription consents per template.
 */
import type { Consent, OutboxStatus, ReminderKind } from '../../core/reminders';

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

export const consentId = (openid: string, template: string) => `${openid}:${template}`;

/** Template ids from configuration: `TPL_VOUCHER_EXPIRY=…` etc. (empty when not configured). */
export type TemplateIds = Record<string, string>;
