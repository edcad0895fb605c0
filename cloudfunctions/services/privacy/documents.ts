/**
 * The privacy context's documents (R14.1): each WeChat account's agreement to the privacy guide.
 * The face-check documents are the kernel's (`kernel/real-name.ts`): other contexts read them.
 */
export type ConsentEvent = { event: 'agreed' | 'withdrawn'; version: string; at: string };

/** id = OPENID: whoever uses the app, registered or not (R14.1: nothing is collected before it). */
export type PrivacyConsentDoc = {
  _id: string;
  version: string;
  status: 'agreed' | 'withdrawn';
  agreedAt: string;
  withdrawnAt: string | null;
  /** Set once the agreement is in the person's county chain (registration or later). */
  ledgeredFor: string | null;
  history: ConsentEvent[];
};

/** The agreement history kept on the record (the ledger holds every entry; this is for the page). */
export const MAX_CONSENT_HISTORY = 20;
