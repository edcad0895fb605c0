/**
 * Request and response types of every action. The front end imports types only from here.
 * Wire format: request body `{ action, payload, requestId }`; answer `ApiResponse<Output>`.
 */
import type { Band } from './core/age';
import type { ErrorCode } from './core/errors';

export type { Band } from './core/age';
export type { ErrorCode } from './core/errors';

export type ApiResponse<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; requestId?: string };

export interface CallRequest<P = unknown> {
  action: string;
  payload?: P;
  /** Client-made id: makes retries idempotent and ties logs to a tap. */
  requestId?: string;
}

export type Role = 'laborer' | 'trainer' | 'official' | 'admin';

export interface RoleBinding {
  role: Role;
  /** official/admin: the region subtree they see (province, city or county code). */
  regionCode?: string;
  regionName?: string;
  /** trainer: the institution they work for. */
  institutionId?: string;
  institutionName?: string;
}

export type RegionLevel = 'province' | 'city' | 'county' | 'township';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parent?: string;
}

export interface PlaceRef {
  code: string;
  name: string;
}

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

/** Every function, its actions, and their input and output types. */
export interface Actions {
  account: {
    whoami: { input: Record<string, never>; output: WhoAmI };
    register: { input: RegisterInput; output: WhoAmI };
    updateProfile: { input: UpdateProfileInput; output: WhoAmI };
    regions: { input: RegionsInput; output: Region[] };
  };
}

export type FunctionName = keyof Actions;
export type ActionName<F extends FunctionName> = keyof Actions[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Actions[F][A] extends {
  input: infer I;
}
  ? I
  : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Actions[F][A] extends {
  output: infer O;
}
  ? O
  : never;
