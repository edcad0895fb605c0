/**
 * R7.2 certificates: the holder's wallet, public verification by number + code, and revocation
 * by an official (its payable subsidy withdrawn).
 */
import type { CertificateView, VerifyView } from '../../contract';
import { CERTIFICATE_KIND_NAMES, CERTIFICATE_STATUS_NAMES, normaliseVerifyCode } from '../../core/certificates';
import { parseDate } from '../../core/china-date';
import { followUpDates } from '../../core/employment';
import { DomainError } from '../../core/errors';
import { maskName } from '../../core/id-number';
import { where } from '../../store/port';
import { scan } from '../../store/scan';
import { type PersonDoc, personOf } from '../account';
import { recordChange } from '../books/changes';
import type { Actor } from '../books/ledger';
import { requireRole } from '../kernel/authz';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import type { CertificateDoc, CredentialsDoc, RecoveryDoc, SubsidyDoc } from './documents';
import { levelName } from './record';
import { revokedChange, settlementChange, settlementStep, subsidyWithdrawnChange } from './records';
import { onRevocation } from '../../core/settlement';
import { placeOf } from '../kernel/place';

function certificateView(c: CertificateDoc, holderName: string): CertificateView {
  return {
    number: c._id,
    verifyCode: c.verifyCode,
    kind: c.kind,
    kindName: CERTIFICATE_KIND_NAMES[c.kind],
    occupation: { code: c.occupationCode, name: c.occupationName },
    level: c.level,
    levelName: levelName(c.kind, c.level),
    issuer: { id: c.institutionId, name: c.institutionName },
    issuedOn: c.issuedOn,
    status: c.status,
    statusName: CERTIFICATE_STATUS_NAMES[c.status],
    revokedReason: c.revokedReason,
    holderName,
    followUpsDue: followUpDates(parseDate(c.issuedOn)!),
  };
}

export async function myCertificates(deps: Deps, caller: Caller): Promise<CertificateView[]> {
  const person = await personOf(deps.store, requireOpenid(caller));
  const out: CertificateView[] = [];
  for await (const c of scan<CertificateDoc>(deps.store, 'certificates', where('personId', 'eq', person._id))) {
    out.push(certificateView(c, person.name));
  }
  return out.sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || b.number.localeCompare(a.number));
}

async function verifyView(deps: Deps, c: CertificateDoc): Promise<VerifyView> {
  const person = await deps.store.get<PersonDoc>('persons', c.personId);
  return {
    number: c._id,
    holderName: person ? maskName(person.name) : '',
    kindName: CERTIFICATE_KIND_NAMES[c.kind],
    occupation: c.occupationName,
    levelName: levelName(c.kind, c.level),
    issuer: c.institutionName,
    issuedOn: c.issuedOn,
    status: c.status,
    statusName: CERTIFICATE_STATUS_NAMES[c.status],
    revokedReason: c.revokedReason,
  };
}

/** R7.2: public; a wrong code answers exactly like an unknown number. */
export async function verifyCertificate(deps: Deps, input: { number: string; code: string }): Promise<VerifyView> {
  const c = await deps.store.get<CertificateDoc>('certificates', input.number.trim());
  if (!c || c.verifyCode !== normaliseVerifyCode(input.code)) throw new DomainError('CERTIFICATE_NOT_FOUND');
  return verifyView(deps, c);
}

/** R7.2: an official of the certificate's region revokes it with a reason; its payable subsidy is withdrawn. */
export async function revokeCertificate(deps: Deps, caller: Caller, input: { number: string; reason: string }): Promise<VerifyView> {
  const openid = requireOpenid(caller);
  const reason = input.reason.trim();
  if (reason.length < 2) throw new DomainError('REVOKE_REASON_REQUIRED');
  const existing = await deps.store.get<CertificateDoc>('certificates', input.number.trim());
  if (!existing) throw new DomainError('CERTIFICATE_NOT_FOUND');
  await requireRole(deps, caller, 'official', existing.countyCode);
  const revoked = await deps.store.transaction(async (tx) => {
    const c = (await tx.get<CertificateDoc>('certificates', existing._id))!;
    if (c.status === 'revoked') throw new DomainError('ALREADY_REVOKED');
    const now = deps.clock.now();
    const actor: Actor = { openid, role: 'official' };
    await tx.update('certificates', c._id, { set: { status: 'revoked', revokedReason: reason, revokedAt: now.toISOString() } });
    await recordChange(tx, revokedChange(c, now, actor, reason));
    // R12.1 before payment the entry is withdrawn; once paid, a recovery (追回) opens for its amount.
    const subsidy = await tx.get<SubsidyDoc>('subsidies', c._id);
    const fate = subsidy ? onRevocation(subsidy.status) : 'none';
    if (subsidy && fate === 'withdraw') {
      const log = subsidy.status === 'payable' ? subsidy.settlement : [...(subsidy.settlement ?? []), settlementStep('withdrawn', now, subsidy.amountFen, openid, reason)];
      await tx.update('subsidies', c._id, { set: { status: 'withdrawn', ...(log ? { settlement: log } : {}) } });
      await recordChange(tx, subsidyWithdrawnChange(subsidy, now, actor, reason));
    } else if (subsidy && fate === 'recover') {
      await tx.update('subsidies', c._id, { set: { settlement: [...(subsidy.settlement ?? []), settlementStep('recovered', now, subsidy.amountFen, openid, reason)] } });
      await tx.create<RecoveryDoc>('recoveries', c._id, {
        ...placeOf(subsidy),
        institutionId: subsidy.institutionId,
        personId: subsidy.personId,
        amountFen: subsidy.amountFen,
        status: 'open',
        openedAt: now.toISOString(),
        reason,
      });
      await recordChange(tx, settlementChange(subsidy, 'recovered', now, actor, { reason }));
    }
    const credentials = await tx.get<CredentialsDoc>('personCredentials', c.personId);
    if (credentials) {
      await tx.set<CredentialsDoc>('personCredentials', c.personId, {
        held: credentials.held.filter((h) => h.number !== c._id),
        granted: credentials.granted.filter((g) => g.number !== c._id),
        // D26: a cohort counts people certified in the year, as issued; a revocation does not undo it.
        cohorts: credentials.cohorts ?? [],
      });
    }
    return { ...c, status: 'revoked' as const, revokedReason: reason };
  });
  return verifyView(deps, revoked);
}

