/**
 * Every document of a collection (optionally filtered and ordered), page by page, at most 1000
 * a read (CloudBase's limit): for commands that must see all records (verify, reconcile), and
 * for jobs that work a page at a time (`scanPages`).
 */
import type { CollectionName } from './collections';
import { type Doc, type Filter, type FindOptions, MAX_PAGE, type Store } from './port';

/** Each page of ≤ 1000 documents in turn. */
export async function* scanPages<T extends Doc>(
  store: Store,
  collection: CollectionName,
  filter?: Filter,
  orderBy?: FindOptions['orderBy'],
): AsyncGenerator<T[]> {
  let after: string | undefined;
  do {
    const page = await store.find<T>(collection, filter, { orderBy, limit: MAX_PAGE, after });
    yield page.items;
    after = page.next;
  } while (after);
}

export async function* scan<T extends Doc>(
  store: Store,
  collection: CollectionName,
  filter?: Filter,
  orderBy?: FindOptions['orderBy'],
): AsyncGenerator<T> {
  for await (const page of scanPages<T>(store, collection, filter, orderBy)) yield* page;
}

/** Every matching document in one array: for sets a use case must hold whole (an application's entries). */
export async function readAll<T extends Doc>(store: Store, collection: CollectionName, filter?: Filter, orderBy?: FindOptions['orderBy']): Promise<T[]> {
  const out: T[] = [];
  for await (const page of scanPages<T>(store, collection, filter, orderBy)) out.push(...page);
  return out;
}
