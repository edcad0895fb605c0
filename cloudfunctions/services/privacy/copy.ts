/**
 * R14.2 a copy of everything held about a person: every collection HOLDINGS places them in, read
 * by id, id range or indexed field (outside any transaction), secrets and keyed hashes left out,
 * each record with a line in plain Chinese for the 我的信息 page. Handing out a copy is ledgered.
 */
import type { HeldCollection, MyDataCopy } from '../../contract';
import { PRIVACY_GUIDE } from '../../core/privacy';
import type { CollectionName } from '../../store/collections';
import { type Doc, type Filter, type Store, and, fieldOf, idsUnder, where } from '../../store/port';
import { scan } from '../../store/scan';
import type { PersonDoc } from '../account';
import { recordChange } from '../books/changes';
import { actorOf } from '../books/ledger';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { registeredPerson } from './consent';
import { type Finder, HOLDINGS, type HolderKey, type Holding } from './holdings';
import { lineOf } from './lines';
import { personChange } from './records';

/** Who the copy is about. */
export type Holder = Record<HolderKey, string | null>;

type Found = Map<CollectionName, Doc[]>;

async function collect(store: Store, collection: CollectionName, filter: Filter): Promise<Doc[]> {
  const out: Doc[] = [];
  for await (const d of scan<Doc>(store, collection, filter)) out.push(d);
  return out;
}

async function byIds(store: Store, collection: CollectionName, ids: Iterable<string>): Promise<Doc[]> {
  const out: Doc[] = [];
  for (const id of new Set(ids)) {
    const d = await store.get<Doc>(collection, id);
    if (d) out.push(d);
  }
  return out;
}

const valuesOf = (docs: Doc[], field: string, array: boolean): string[] =>
  docs.flatMap((d) => {
    const v = fieldOf(d as Record<string, unknown>, field);
    return (array && Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
  });

/** One finder's documents; `found` holds what direct finders found, for `ref` and `within`. */
async function find(store: Store, collection: CollectionName, f: Finder, holder: Holder, found: Found): Promise<Doc[]> {
  switch (f.by) {
    case 'id':
      return holder[f.key] ? byIds(store, collection, [holder[f.key]!]) : [];
    case 'prefix':
      return holder[f.key] ? collect(store, collection, idsUnder(holder[f.key]!)) : [];
    case 'field':
      return holder[f.key] ? collect(store, collection, where(f.field, 'eq', holder[f.key])) : [];
    case 'ref': {
      const suffix = f.suffix ? holder[f.suffix] : '';
      if (suffix === null) return [];
      const ids = valuesOf(found.get(f.from) ?? [], f.field, f.array === true).map((v) => (f.suffix ? `${v}:${suffix}` : v));
      return byIds(store, collection, ids);
    }
    case 'within': {
      const out: Doc[] = [];
      for (const value of new Set(valuesOf(found.get(f.from) ?? [], f.field, false))) {
        out.push(...(await collect(store, collection, and(where(f.field, 'eq', value), where(f.match, 'eq', holder[f.match])))));
      }
      return out;
    }
  }
}

const direct = (f: Finder) => f.by === 'id' || f.by === 'prefix' || f.by === 'field';

/** Every document HOLDINGS places the holder in, by collection (direct finders first, then those that follow them). */
export async function heldDocuments(store: Store, holder: Holder): Promise<Found> {
  const found: Found = new Map();
  const entries = Object.entries(HOLDINGS).filter((e): e is [CollectionName, Holding] => e[1] !== null && e[1] !== undefined);
  for (const pass of [direct, (f: Finder) => !direct(f)]) {
    for (const [collection, holding] of entries) {
      for (const f of holding.find.filter(pass)) {
        const docs = await find(store, collection, f, holder, found);
        const known = found.get(collection) ?? [];
        found.set(collection, [...known, ...docs.filter((d) => !known.some((k) => k._id === d._id))]);
      }
    }
  }
  return found;
}

/** The record as handed out: secrets and keyed hashes left out. */
function redacted(holding: Holding, doc: Doc): Record<string, unknown> {
  const out: Record<string, unknown> = { ...doc };
  for (const field of holding.omit ?? []) delete out[field];
  if (holding.hideId) delete out._id;
  return out;
}

/** The copy's collections: each non-empty one with its title, lines and records. */
export function copyOf(deps: Deps, found: Found): HeldCollection[] {
  const out: HeldCollection[] = [];
  for (const [collection, docs] of found) {
    const holding = HOLDINGS[collection];
    if (!holding || docs.length === 0) continue;
    out.push({
      collection,
      title: holding.title,
      lines: docs.map((d) => lineOf(deps, collection, holding, d as Record<string, unknown>)),
      records: docs.map((d) => redacted(holding, d)),
    });
  }
  return out;
}

export const holderOf = (openid: string, person: PersonDoc | null): Holder => ({ openid, personId: person?._id ?? null, idHash: person?.idHash ?? null });

/** R14.2 everything held about me, as a copy to keep; handing it out is ledgered. */
export async function myData(deps: Deps, caller: Caller): Promise<MyDataCopy> {
  const openid = requireOpenid(caller);
  const person = await registeredPerson(deps.store, openid);
  const found = await heldDocuments(deps.store, holderOf(openid, person));
  const collections = copyOf(deps, found);
  const now = deps.clock.now();
  if (person) {
    const records = collections.reduce((n, c) => n + c.records.length, 0);
    await deps.store.transaction((tx) =>
      recordChange(tx, personChange(person, 'person.copied', now, actorOf(caller, 'laborer'), { collections: collections.length, records })),
    );
  }
  return { generatedAt: now.toISOString(), guideVersion: PRIVACY_GUIDE.version, personId: person?._id ?? null, collections };
}
