/**
 * An in-memory transaction for bulk loading: Maps per collection, implementing the port's Tx
 * exactly (create fails on DUPLICATE, update on NOT_FOUND, `set`/`inc` as the adapters do), so
 * the real ledger and counter writers (recordChange, appendLedger, bumpCounters) run unchanged.
 * The loader pre-loads the documents they read (ledger heads, counters, yearly summaries) and
 * flushes what they wrote through the store's bulk path.
 */
import type { CollectionName } from '../../cloudfunctions/store/collections';
import { type Doc, type DocData, StoreError, type Tx, type UpdateSpec } from '../../cloudfunctions/store/port';

export class MemTx implements Tx {
  private readonly maps = new Map<CollectionName, Map<string, Doc>>();

  map(collection: CollectionName): Map<string, Doc> {
    let m = this.maps.get(collection);
    if (!m) {
      m = new Map();
      this.maps.set(collection, m);
    }
    return m;
  }

  /** Puts a document as loaded from the store (no copy). */
  load(collection: CollectionName, doc: Doc): void {
    this.map(collection).set(doc._id, doc);
  }

  /** Takes every document of a collection out of memory (e.g. ledger entries, once written). */
  drain(collection: CollectionName): Doc[] {
    const m = this.map(collection);
    const docs = [...m.values()];
    m.clear();
    return docs;
  }

  all(collection: CollectionName): Doc[] {
    return [...this.map(collection).values()];
  }

  size(collection: CollectionName): number {
    return this.map(collection).size;
  }

  async get<T extends Doc>(collection: CollectionName, id: string): Promise<T | null> {
    // The stored object itself, not a copy: the yearly summaries hold hundreds of cells and are
    // read on every change. The writers run here (recordChange, bumpCounters) never mutate what
    // they read; `update` below changes the document in place, as the stored version would.
    return (this.map(collection).get(id) as T | undefined) ?? null;
  }

  async create<T extends Doc>(collection: CollectionName, id: string, data: DocData<T>): Promise<void> {
    const m = this.map(collection);
    if (m.has(id)) throw new StoreError('DUPLICATE', `${collection}/${id} exists`);
    const { _id: _ignored, ...rest } = data as Record<string, unknown>;
    m.set(id, { ...rest, _id: id } as Doc);
  }

  async set<T extends Doc>(collection: CollectionName, id: string, data: DocData<T>): Promise<void> {
    const { _id: _ignored, ...rest } = data as Record<string, unknown>;
    this.map(collection).set(id, { ...rest, _id: id } as Doc);
  }

  async update(collection: CollectionName, id: string, spec: UpdateSpec): Promise<void> {
    const m = this.map(collection);
    const current = m.get(id);
    if (!current) throw new StoreError('NOT_FOUND', `${collection}/${id} does not exist`);
    const next = current as Record<string, unknown>;
    if (spec.set) Object.assign(next, spec.set);
    if (spec.inc) {
      for (const field in spec.inc) {
        const prev = next[field];
        next[field] = (typeof prev === 'number' ? prev : 0) + spec.inc[field];
      }
    }
  }

  async remove(collection: CollectionName, id: string): Promise<void> {
    this.map(collection).delete(id);
  }
}
