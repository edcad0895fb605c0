/**
 * Where the loader's documents go: buffered per collection and written through the SQLite
 * adapter's bulk path in batches (the ledger entries drained from the in-memory transaction the
 * same way), counting the rows written.
 */
import type { CollectionName } from '../../../cloudfunctions/store/collections';
import type { Doc } from '../../../cloudfunctions/store/port';
import type { BulkPutOptions, SqliteStore } from '../../../cloudfunctions/store/sqlite-store';
import type { MemTx } from '../mem-tx';

/** Documents buffered per collection before a bulk write. */
const FLUSH_AT = 50_000;

export class BulkSink {
  readonly rows: Record<string, number> = {};
  private readonly buffers = new Map<CollectionName, Doc[]>();

  constructor(
    private readonly store: SqliteStore,
    private readonly tx: MemTx,
    private readonly options: BulkPutOptions = {},
  ) {}

  /** Buffers a document; writes the collection's buffer once it is full. */
  put<T extends Doc>(c: CollectionName, doc: T): Promise<void> | void {
    let docs = this.buffers.get(c);
    if (!docs) {
      docs = [];
      this.buffers.set(c, docs);
    }
    docs.push(doc);
    if (docs.length >= FLUSH_AT) return this.flush(c);
  }

  async flush(c: CollectionName): Promise<void> {
    const docs = this.buffers.get(c);
    if (!docs || docs.length === 0) return;
    this.buffers.set(c, []);
    // Random keys (HMACs): inserting a batch in key order visits the table's pages in order.
    if (c === 'idNumbers') docs.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    await this.write(c, docs);
  }

  /** Writes the ledger entries the in-memory transaction holds, once there are many (or always, with `force`). */
  flushLedger(force = false): Promise<void> | void {
    if (!force && this.tx.size('ledger') < FLUSH_AT) return;
    return this.drainLedger();
  }

  async flushAll(): Promise<void> {
    for (const c of this.buffers.keys()) await this.flush(c);
    await this.flushLedger(true);
  }

  private async drainLedger(): Promise<void> {
    const docs = this.tx.drain('ledger');
    if (docs.length > 0) await this.write('ledger', docs);
  }

  private async write(c: CollectionName, docs: Doc[]): Promise<void> {
    await this.store.bulkPut(c, docs, this.options);
    this.rows[c] = (this.rows[c] ?? 0) + docs.length;
  }
}
