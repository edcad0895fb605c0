/** R4.6 ids of settlement documents, derived from the request that made them: a retry finds them. */
import { idFromKey } from '../kernel/requests';

export const applicationIdOf = (requestKey: string): string => idFromKey('a', requestKey);
export const paymentIdOf = (requestKey: string): string => idFromKey('p', requestKey);
