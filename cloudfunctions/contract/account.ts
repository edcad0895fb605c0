/**
 * account: who am I, registration (R1, R2, R3).
 */
import type { Band, PlaceRef, RoleBinding } from './common';

export interface Profile {
  personId: string;
  /** The holder's own view: the full name. */
  name: string;
  /** R2.4: `142***********123X`. */
  idNumberMasked: string;
  gender: 'male' | 'female';
  /** `YYYY-MM-DD` */
  birthDate: string;
  /** R3.1: completed years today, China time. */
  age: number;
  /** R3.2: null under 18. */
  band: Band | null;
  bandName: string | null;
  phone: string | null;
  township: PlaceRef;
  county: PlaceRef;
  city: PlaceRef;
  registeredAt: string;
}

export interface WhoAmI {
  registered: boolean;
  profile: Profile | null;
  roles: RoleBinding[];
  /** Server time (ISO), so the app can show dates consistently. */
  now: string;
}

export interface RegisterInput {
  name: string;
  idNumber: string;
  phone?: string;
  /** Household township code from `account.regions`. */
  townshipCode: string;
}

export interface UpdateProfileInput {
  phone?: string | null;
  townshipCode?: string;
}

export interface RegionsInput {
  /** Children of this region; omitted → the whole tree. */
  parent?: string;
}
