/**
 * R5.2 a class's seats: counted on the class itself, or — for classes the app creates — held in
 * seat shards (D62, kernel/places.ts) so an enrollment rush writes different documents.
 */
import { DomainError } from '../../core/errors';
import type { Tx } from '../../store/port';
import { type FoundPlace, findPlace, givePlaceBack, takePlace } from '../kernel/places';
import { type ClassDoc, type EnrollmentDoc, seatPool } from './documents';

type SeatClass = Pick<ClassDoc, '_id' | 'capacity' | 'seatShards'>;

/** A seat shard with room, found before the checks that need the seats left; null for a class counted on itself, or when every shard is full. */
export const findSeat = (tx: Tx, c: SeatClass): Promise<FoundPlace | null> => (c.seatShards ? findPlace(tx, seatPool(c)) : Promise.resolve(null));

/** An enrollment takes its seat: from the shard found (its number is returned, kept on the enrollment), or on the class's count. */
export async function takeSeat(tx: Tx, c: SeatClass, found: FoundPlace | null): Promise<number | null> {
  if (!c.seatShards) {
    await tx.update('classes', c._id, { inc: { enrolled: 1 } });
    return null;
  }
  // The checks refuse a full class before this; a shard found is required.
  if (!found) throw new DomainError('CLASS_FULL');
  return takePlace(tx, 'seatShards', found);
}

/** A withdrawn enrollment's seat goes back (to the shard it came from). */
export async function giveSeatBack(tx: Tx, c: Pick<ClassDoc, '_id' | 'seatShards'>, e: Pick<EnrollmentDoc, 'seat'>): Promise<void> {
  if (c.seatShards) await givePlaceBack(tx, 'seatShards', c._id, e.seat ?? 0);
  else await tx.update('classes', c._id, { inc: { enrolled: -1 } });
}
