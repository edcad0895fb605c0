/**
 * Every collection and its indexes, declared once. The embedded adapter creates these
 * indexes; docs/deploy.md lists them for CloudBase (create them in the console or CLI).
 */
export interface IndexSpec {
  /** Fields in index order. */
  fields: string[];
  unique?: boolean;
}

export const COLLECTIONS = {
  /** id = caller's OPENID: role bindings and the link to a person. */
  accounts: { indexes: [{ fields: ['personId'] }] as IndexSpec[] },
  /** id = person id; the ID number only encrypted + keyed hash (R2.4). */
  persons: {
    indexes: [{ fields: ['countyCode'] }, { fields: ['townshipCode'] }, { fields: ['birthDate'] }] as IndexSpec[],
  },
  /** id = HMAC of the ID number: one number binds one account (R2.3). */
  idNumbers: { indexes: [] as IndexSpec[] },
  /** Local bookkeeping: seed version and the like. */
  meta: { indexes: [] as IndexSpec[] },
  /** Test and tooling scratch space (contract tests). */
  scratch: { indexes: [{ fields: ['group'] }, { fields: ['group', 'rank'] }] as IndexSpec[] },
} as const;

export type CollectionName = keyof typeof COLLECTIONS;

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

export const isCollectionName = (name: string): name is CollectionName =>
  Object.prototype.hasOwnProperty.call(COLLECTIONS, name);
