/**
 * Phase: results, certificates and subsidy entries (R7, D23, D24, D26), in the order recorded —
 * as recordResult does it: a direct assessment redeems its 技能等级评价券 first (redeemedChange);
 * the result (newResult, resultChange); for a pass the county's next certificate number, the
 * certificate (newCertificate, issuedChange, judged on the credentials before it), the subsidy
 * entry granted or refused (newSubsidy, subsidyChange) and the credentials after
 * (credentialsAfter). The vouchers are final here and written.
 */
import {
  type OccupationCategory,
  certificateKindOf,
  certificateNumber,
  subsidyFenOf,
  subsidyRefusal,
  verificationCode,
} from '../../../cloudfunctions/core/certificates';
import { bandOrNull } from '../../../cloudfunctions/core/age';
import { chinaDateOf, parseDate } from '../../../cloudfunctions/core/china-date';
import {
  type ResultDoc,
  type SeqDoc,
  certificateSeqId,
  credentialsAfter,
  issuedChange,
  newCertificate,
  newResult,
  newSubsidy,
  noCredentials,
  resultChange,
  subsidyChange,
} from '../../../cloudfunctions/services/certificate';
import type { Actor } from '../../../cloudfunctions/services/books/ledger';
import type { Place } from '../../../cloudfunctions/services/kernel/place';
import { placeOf } from '../../../cloudfunctions/services/kernel/place';
import { redeemedChange } from '../../../cloudfunctions/services/voucher';
import type { PResult } from '../plan';
import { type LoaderContext, inOrder, institutionOf, placeOfPerson, record, recordUse, trainerOf } from './context';
import { voucherRedeemed } from './transitions';

export async function loadCertificates(ctx: LoaderContext): Promise<void> {
  const { plan, sink } = ctx;
  const seqs = new Map<string, number>();
  for (const ri of inOrder(plan.results, (r) => ctx.mine(plan.personCounty[r.person]), (r) => r.at)) {
    const r = plan.results[ri];
    const inst = institutionOf(ctx, plan.personCounty[r.person], r.institution);
    const actor: Actor = { openid: trainerOf(inst._id), role: 'trainer' };
    const result = await recordResult(ctx, r, inst._id, actor, seqs);
    await sink.put('results', result);
    if (result.certificateNumber) await issue(ctx, r, result, inst, actor);
  }
  for (const [id, seq] of seqs) await sink.put('certificateSeqs', { _id: id, seq } satisfies SeqDoc);
  for (const v of ctx.vouchers) if (v) await sink.put('vouchers', v);
  ctx.vouchers.length = 0;
  await sink.flushAll();
}

/** The result, for a completed enrollment or directly for an evaluation voucher (R7.1), numbered when passed. */
async function recordResult(ctx: LoaderContext, r: PResult, institutionId: string, actor: Actor, seqs: Map<string, number>): Promise<ResultDoc> {
  const { plan } = ctx;
  const at = new Date(r.at);
  const personId = ctx.personIds[r.person];
  const direct = r.enrollment < 0;
  const e = direct ? null : ctx.enrollments[r.enrollment];
  if (e && e.status !== 'completed') throw new Error(`result for ${e._id}, which is ${e.status}`);
  const v = direct ? ctx.vouchers[r.voucher] : null;
  const resultId = e ? e._id : `voucher:${v!._id}`;
  if (v) {
    if (v.type !== 'evaluation' || v.status !== 'unused') throw new Error(`voucher ${v._id} cannot be assessed directly`);
    await record(ctx, redeemedChange(v, at, actor, { subjects: { resultId } }));
    await recordUse(ctx, v);
    ctx.vouchers[r.voucher] = voucherRedeemed(v, at);
  }
  const place: Place = e ? placeOf(e) : placeOf(v!);
  const assessedOn = parseDate(r.assessedOn)!;
  let certificateNo: string | null = null;
  if (r.passed) {
    // The county's next number of the year (recordResult's nextNumber), in the holder's county.
    const seqKey = certificateSeqId(placeOfPerson(ctx, r.person).countyCode, assessedOn.year);
    const seq = (seqs.get(seqKey) ?? 0) + 1;
    seqs.set(seqKey, seq);
    certificateNo = certificateNumber(assessedOn.year, placeOfPerson(ctx, r.person).countyCode, seq);
  }
  const result = newResult({
    id: resultId,
    place,
    personId,
    classId: e ? e.classId : null,
    projectId: e ? (e.projectId ?? null) : null,
    voucherId: v ? v._id : null,
    institutionId,
    occupationCode: r.occupation,
    level: r.level,
    passed: r.passed,
    score: r.score,
    assessedOn,
    at,
    recordedBy: actor.openid!,
    certificateNumber: certificateNo,
    band: e ? bandOrNull(e.band) : v!.band,
  });
  if (e && (e.occupationCode !== r.occupation || plan.classes[plan.enrollments[r.enrollment].cls].level !== r.level)) {
    throw new Error(`plan/result mismatch for ${resultId}`);
  }
  await record(ctx, resultChange(result, actor));
  return result;
}

/** R7.2, R7.3: the certificate of a pass, its subsidy entry, and the holder's credentials after. */
async function issue(ctx: LoaderContext, r: PResult, result: ResultDoc, inst: { _id: string; name: string }, actor: Actor): Promise<void> {
  const { sink } = ctx;
  const personId = ctx.personIds[r.person];
  const o = ctx.occupation.get(r.occupation)!;
  const before = ctx.credentials.get(r.person) ?? noCredentials(personId);
  const certificate = newCertificate({
    number: result.certificateNumber!,
    result,
    holder: { ...placeOfPerson(ctx, r.person), _id: personId },
    kind: certificateKindOf(o.category as OccupationCategory),
    occupationName: o.name,
    institutionName: inst.name,
    verifyCode: verificationCode(ctx.rng.bytes(8)),
    at: new Date(result.recordedAt),
  });
  await sink.put('certificates', certificate);
  await record(ctx, issuedChange(certificate, before, actor));
  const fundedByVoucher = r.enrollment < 0 || ctx.enrollments[r.enrollment].voucherId !== null;
  const refusal = subsidyRefusal({
    fundedByVoucher,
    occupationCode: r.occupation,
    level: r.level,
    date: parseDate(result.assessedOn)!,
    today: chinaDateOf(new Date(result.recordedAt)),
    held: before.held,
    granted: before.granted,
  });
  const subsidyFen = Object.fromEntries(Object.entries(o.subsidy).map(([level, yuan]) => [level, Math.round(yuan * 100)]));
  const amountFen = subsidyFenOf(subsidyFen, r.level);
  if (amountFen === null) throw new Error(`no subsidy amount for ${r.occupation} level ${r.level}`);
  const subsidy = newSubsidy(certificate, amountFen, refusal, result.classId);
  await sink.put('subsidies', subsidy);
  await record(ctx, subsidyChange(subsidy, actor));
  ctx.credentials.set(r.person, credentialsAfter(before, certificate, subsidy));
}
