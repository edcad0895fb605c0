/**
 * The message context (R10.2): the outbox, sending with consent, the message centre and
 * subscription consents. Other contexts import this file only.
 */
export * from './documents';
export { type DeliveryReport, deliverDue, enqueue } from './outbox';
export { listMessages, markRead, recordConsents, templatesFor } from './messages';
