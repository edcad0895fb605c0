/**
 * A Store wrapper for benchmarks and tests (issue 17): records each committed transaction's read
 * and write sets (collection/id), and counts the attempts that ended BUSY, so a storm can say which
 * documents its transactions fight over and how many database operations an action costs.
 */
import type { CollectionName } from '../cloudfunctions/store/collections';
import { type Doc, type DocData, type Filter, type FindOptions, type Page, type Store, type Tx, type UpdateSpec, isStoreError } from '../cloudfunctions/store/port';

export interface TxRecord {
  reads: string[];
  writes: string[];
}

/** What one or more recording stores saw (several host processes can share one). */
export class Recording {
  readonly committed: TxRecord[] = [];
  busy = 0;
  /** Reads outside transactions (queries and gets). */
  outsideReads = 0;

  /** Per document, the share of committed transactions that wrote it, highest first (`except`: documents a rule itself puts in every writer's way). */
  hottest(top = 5, except: (doc: string) => boolean = () => false): { doc: string; share: number }[] {
    const writers = new Map<string, number>();
    for (const r of this.committed) for (const w of new Set(r.writes)) if (!except(w)) writers.set(w, (writers.get(w) ?? 0) + 1);
    const n = this.committed.length || 1;
    return [...writers.entries()]
      .map(([doc, count]) => ({ doc, share: Number((count / n).toFixed(4)) }))
      .sort((a, b) => b.share - a.share)
      .slice(0, top);
  }

  /** Average reads and writes of the committed transactions. */
  perTransaction(): { reads: number; writes: number } | null {
    const n = this.committed.length;
    if (n === 0) return null;
    const round = (x: number) => Number((x / n).toFixed(1));
    return { reads: round(this.committed.reduce((a, r) => a + r.reads.length, 0)), writes: round(this.committed.reduce((a, r) => a + r.writes.length, 0)) };
  }
}

export class RecordingStore implements Store {
  constructor(
    private readonly inner: Store,
    readonly recording = new Recording(),
  ) {}

  get committed(): TxRecord[] {
    return this.recording.committed;
  }

  get busy(): number {
    return this.recording.busy;
  }

  async transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R> {
    let record: TxRecord = { reads: [], writes: [] };
    try {
      const value = await this.inner.transaction((tx) => {
        // The callback may run again after a conflict: only the last run's sets count.
        record = { reads: [], writes: [] };
        return fn(recordingTx(tx, record));
      });
      this.recording.committed.push(record);
      return value;
    } catch (error) {
      if (isStoreError(error, 'BUSY')) this.recording.busy++;
      throw error;
    }
  }

  get<T extends Doc>(collection: CollectionName, id: string): Promise<T | null> {
    this.recording.outsideReads++;
    return this.inner.get<T>(collection, id);
  }

  find<T extends Doc>(collection: CollectionName, filter?: Filter, options?: FindOptions): Promise<Page<T>> {
    this.recording.outsideReads++;
    return this.inner.find<T>(collection, filter, options);
  }

  count(collection: CollectionName, filter?: Filter): Promise<number> {
    this.recording.outsideReads++;
    return this.inner.count(collection, filter);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  hottest(top = 5): { doc: string; share: number }[] {
    return this.recording.hottest(top);
  }
}

function recordingTx(tx: Tx, record: TxRecord): Tx {
  const key = (c: string, id: string) => `${c}/${id}`;
  return {
    get: <T extends Doc>(c: CollectionName, id: string) => {
      record.reads.push(key(c, id));
      return tx.get<T>(c, id);
    },
    create: <T extends Doc>(c: CollectionName, id: string, data: DocData<T>) => {
      record.writes.push(key(c, id));
      return tx.create<T>(c, id, data);
    },
    set: <T extends Doc>(c: CollectionName, id: string, data: DocData<T>) => {
      record.writes.push(key(c, id));
      return tx.set<T>(c, id, data);
    },
    update: (c: CollectionName, id: string, spec: UpdateSpec) => {
      record.writes.push(key(c, id));
      return tx.update(c, id, spec);
    },
    remove: (c: CollectionName, id: string) => {
      record.writes.push(key(c, id));
      return tx.remove(c, id);
    },
  };
}
