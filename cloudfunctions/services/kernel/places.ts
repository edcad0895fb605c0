/**
 * D62 a limited number of places (a county quota's vouchers, R4.2; a class's seats, R5.2) held in
 * shard documents, so concurrent takers write different documents: shard k holds its share of the
 * limit and the places it gave. A taker starts at a random shard and moves on while one is full,
 * so it is refused only when every shard is; a place goes back to the shard it came from. A shard
 * never written yet holds its share of the limit and no places (it is created when first taken).
 * A taker starts at the next shard of its process's round, not always the same one.
 */
import type { Tx } from '../../store/port';

/** Where a pool's shards live: `{collection}/{pool id}:{k}`. */
export type PlaceShardCollection = 'quotaShards' | 'seatShards';

export interface PlacePool {
  collection: PlaceShardCollection;
  /** The quota's or the class's id. */
  id: string;
  limit: number;
  shards: number;
}

/** id = `{pool}:{k}`. */
export type PlaceShardDoc = { _id: string; pool: string; k: number; limit: number; used: number };

export const placeShardId = (pool: string, k: number) => `${pool}:${k}`;

/** Shard k's share of `n` split over `shards`: the first `n mod shards` shards take one more. */
export const shareOf = (n: number, k: number, shards: number) => Math.floor(n / shards) + (k < n % shards ? 1 : 0);

/** A shard with room, found by `findPlace` and taken by `takePlace`. */
export interface FoundPlace {
  shard: PlaceShardDoc;
  exists: boolean;
  /** Places the shard has left. */
  left: number;
}

async function shardIn(tx: Tx, pool: PlacePool, k: number): Promise<{ shard: PlaceShardDoc; exists: boolean }> {
  const id = placeShardId(pool.id, k);
  const stored = await tx.get<PlaceShardDoc>(pool.collection, id);
  if (stored) return { shard: stored, exists: true };
  return { shard: { _id: id, pool: pool.id, k, limit: shareOf(pool.limit, k, pool.shards), used: 0 }, exists: false };
}

async function writeShard(tx: Tx, collection: PlaceShardCollection, shard: PlaceShardDoc, exists: boolean): Promise<void> {
  const { _id, ...data } = shard;
  if (exists) await tx.update(collection, _id, { set: { limit: shard.limit, used: shard.used } });
  else await tx.create<PlaceShardDoc>(collection, _id, data);
}

/**
 * Where this process's next taker starts: one after the other from a random point, so the takers
 * of one process at the same moment (and a taker's re-run after a conflict) start at different
 * shards, and processes start at different points.
 */
let nextStart = Math.floor(Math.random() * 1_000_003);

/** A shard with room, read inside `tx`; null when every shard is full. Writes nothing (a refusal leaves no trace). */
export async function findPlace(tx: Tx, pool: PlacePool): Promise<FoundPlace | null> {
  const start = nextStart++ % pool.shards;
  for (let i = 0; i < pool.shards; i++) {
    const { shard, exists } = await shardIn(tx, pool, (start + i) % pool.shards);
    if (shard.used < shard.limit) return { shard, exists, left: shard.limit - shard.used };
  }
  return null;
}

/** Takes the found place; answers its shard's number (kept by the taker, to give it back). */
export async function takePlace(tx: Tx, collection: PlaceShardCollection, found: FoundPlace): Promise<number> {
  if (found.exists) await tx.update(collection, found.shard._id, { inc: { used: 1 } });
  else await writeShard(tx, collection, { ...found.shard, used: 1 }, false);
  return found.shard.k;
}

/** A place goes back to shard k. */
export async function givePlaceBack(tx: Tx, collection: PlaceShardCollection, pool: string, k: number): Promise<void> {
  await tx.update(collection, placeShardId(pool, k), { inc: { used: -1 } });
}

/**
 * The pool's places used (exact, from every shard), and — unless the new limit is below them,
 * then null and nothing written — the new limit spread again over `shards` (≥ the pool's): each
 * shard keeps its places and takes its share of the room left.
 */
export async function spreadPlaces(tx: Tx, pool: PlacePool, limit: number, shards: number): Promise<{ used: number; spread: boolean }> {
  const stored: { shard: PlaceShardDoc; exists: boolean }[] = [];
  for (let k = 0; k < pool.shards; k++) stored.push(await shardIn(tx, pool, k));
  const used = stored.reduce((n, s) => n + s.shard.used, 0);
  if (limit < used) return { used, spread: false };
  for (let k = 0; k < shards; k++) {
    const shardUsed = stored[k]?.shard.used ?? 0;
    const shard: PlaceShardDoc = { _id: placeShardId(pool.id, k), pool: pool.id, k, used: shardUsed, limit: shardUsed + shareOf(limit - used, k, shards) };
    await writeShard(tx, pool.collection, shard, stored[k]?.exists ?? false);
  }
  return { used, spread: true };
}
