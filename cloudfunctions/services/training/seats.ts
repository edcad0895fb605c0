/**
 * R5.2 a class's seats: counted on the class itself, or — for classes the app creates — held in
 * seat shards (D62, kernel/places.ts) so an enrollment rush writes different documents.
 */
import type { Tx } from '../../store/port';
import { givePlaceBack } from '../kernel/places';
import type { ClassDoc, EnrollmentDoc } from './documents';

/** A withdrawn enrollment's seat goes back (to the shard it came from). */
export async function giveSeatBack(tx: Tx, c: Pick<ClassDoc, '_id' | 'seatShards'>, e: Pick<EnrollmentDoc, 'seat'>): Promise<void> {
  if (c.seatShards) await givePlaceBack(tx, 'seatShards', c._id, e.seat ?? 0);
  else await tx.update('classes', c._id, { inc: { enrolled: -1 } });
}
