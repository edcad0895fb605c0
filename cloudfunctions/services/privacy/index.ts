/**
 * The privacy context (R14): the privacy guide and agreement, a person's rights over what is held
 * (see, copy, correct, withdraw, close; the same ID number registering again), and real-name
 * face checks with each county's policy. Other contexts import this file only.
 */
export * from './documents';
export { agreeToGuide, ledgerAgreement, privacyStatus, requireConsent, withdrawConsent } from './consent';
export { finishFaceCheck, requireRealName, startFaceCheck } from './face';
export { facePolicyView, setFacePolicy } from './policy';
export { classFaceChecks } from './shares';
export { HOLDINGS, type Finder, type Holding, type HolderKey } from './holdings';
export { copyOf, heldDocuments, holderOf, myData } from './copy';
export { closeAccount } from './close';
export { rejoin } from './rejoin';
