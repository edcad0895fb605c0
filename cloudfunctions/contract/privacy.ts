/**
 * privacy: the privacy guide and agreement (R14.1), a person's rights over what is held (R14.2),
 * real-name face checks (R14.3).
 */
import type { PlaceRef } from './common';
import type { ConsentState } from '../core/privacy';
import type { FaceOutcome, FacePurpose } from '../core/face-check';

export type { ConsentState } from '../core/privacy';
export type { FaceOutcome, FacePurpose } from '../core/face-check';

export interface PrivacyStatus {
  /** The guide in force on the server (the app shows core's PRIVACY_GUIDE; a stale app sees the difference). */
  guideVersion: string;
  consent: ConsentState;
  consentName: string;
  agreedVersion: string | null;
  agreedAt: string | null;
  withdrawnAt: string | null;
  registered: boolean;
  realName: {
    /** The household county asks for a check before claiming (R14.3). */
    required: boolean;
    verified: boolean;
    verifiedAt: string | null;
  };
  /** Classes with a session today where the county asks for a check before this check-in. */
  sessionChecks: { classId: string; className: string; required: boolean; passed: boolean }[];
}

export interface FaceCheckStart {
  /** Give this to `wx.requestFacialVerify` (H5 on the local host: the pretend screen). */
  verifyId: string;
  expiresAt: string;
  purpose: FacePurpose;
  classId: string | null;
}

export interface FaceCheckResult {
  outcome: FaceOutcome;
  outcomeName: string;
  /** Plain Chinese for the person. */
  message: string;
  purpose: FacePurpose;
  classId: string | null;
  /** After this check: may the person claim (registration), or check in today (session)? */
  verified: boolean;
}

export interface FacePolicyInput {
  countyCode: string;
  atRegistration: boolean;
  atFirstSession: boolean;
  /** 0–0.5, whole percent. */
  laterShare: number;
}

export interface FacePolicyView extends Omit<FacePolicyInput, 'countyCode'> {
  county: PlaceRef;
  updatedAt: string | null;
}

export interface ClassFaceChecksView {
  classId: string;
  name: string;
  institution: { id: string; name: string };
  county: PlaceRef;
  /** Trainees not withdrawn. */
  trainees: number;
  /** Of them, those with a passed check for the class. */
  verified: number;
  /** verified ÷ trainees, 0–1. */
  share: number;
}

/** One collection of the copy: every document held that names the person (R14.2). */
export interface HeldCollection {
  collection: string;
  title: string;
  /** One line per record, for the page. */
  lines: string[];
  /** The records themselves (secrets and keyed hashes left out). */
  records: Record<string, unknown>[];
}

export interface MyDataCopy {
  generatedAt: string;
  guideVersion: string;
  personId: string | null;
  collections: HeldCollection[];
}

export interface CloseAccountResult {
  closed: true;
  messagesRemoved: number;
  /** What stays, tied to the person and no WeChat account, in words. */
  kept: string[];
}
