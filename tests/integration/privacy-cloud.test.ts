/**
 * R14 on CloudBase's terms: the privacy use cases run on the CloudBase adapter (the real
 * `@cloudbase/node-sdk`, only its network replaced by the double): the agreement ledgered in the
 * registration's transaction, a face check, the copy found by id ranges and the ledger's
 * `subjects.personId` index, closing (removals by id range, a batch a transaction) and the same
 * number registering again; the chains verify.
 */
import { PRIVACY_GUIDE } from '../../cloudfunctions/core/privacy';
import { register } from '../../cloudfunctions/services/account';
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import type { Caller } from '../../cloudfunctions/services/kernel/deps';
import { agreeToGuide, closeAccount, finishFaceCheck, ledgerAgreement, myData, rejoin, startFaceCheck } from '../../cloudfunctions/services/privacy';
import { idsUnder, where } from '../../cloudfunctions/store/port';
import { sharedCloudDeps } from '../support/cloud-deps';
import { idNumberAged } from '../support/id-numbers';

const NOW = '2026-03-02T02:00:00.000Z';
const { gw, deps } = sharedCloudDeps(NOW, { timeout: 60_000 });
const me: Caller = { openid: 'cloud-privacy-1', requestId: 'r1' };
const input = { name: '刘桂兰', idNumber: idNumberAged(45, new Date(NOW), { region: '141127' }), townshipCode: '141127101' };


it('R14 agreement, face check, copy, closing and registering again work on the CloudBase adapter', async () => {
  await agreeToGuide(deps, me, { version: PRIVACY_GUIDE.version });
  const person = (await register(deps, me, input, ledgerAgreement)).profile!;
  const started = await startFaceCheck(deps, me, { purpose: 'registration' });
  gw.runtime.faceDev.answer(started.verifyId, 'match');
  expect(await finishFaceCheck(deps, me, { verifyId: started.verifyId })).toMatchObject({ outcome: 'passed' });
  // What an account leaves under ids that start with its OPENID, and a message.
  await deps.store.transaction(async (tx) => {
    await tx.set('consents', `${me.openid}:TPL_VOUCHER_EXPIRY`, { openid: me.openid, template: 'TPL_VOUCHER_EXPIRY', oneTime: 1, longTerm: false, updatedAt: NOW });
    await tx.set('requests', `${me.openid}:voucher.claim:req-1`, { result: '{}', at: NOW });
    await tx.set('outbox', 'msg-1', { openid: me.openid, title: '提醒', text: '提醒', createdAt: NOW, read: false, status: 'sent' });
  });

  const copy = await myData(deps, me);
  expect(copy.collections.map((c) => c.collection)).toEqual(
    expect.arrayContaining(['accounts', 'persons', 'idNumbers', 'ledger', 'privacyConsents', 'faceChecks', 'realNames', 'consents', 'requests', 'outbox']),
  );
  expect(copy.collections.find((c) => c.collection === 'ledger')!.records.length).toBeGreaterThanOrEqual(3);

  expect(await closeAccount(deps, me)).toMatchObject({ closed: true, messagesRemoved: 1 });
  for (const collection of ['consents', 'requests'] as const) expect(await deps.store.count(collection, idsUnder(me.openid!))).toBe(0);
  expect(await deps.store.count('outbox', where('openid', 'eq', me.openid))).toBe(0);
  expect(await deps.store.get('accounts', me.openid!)).toBeNull();

  const again: Caller = { openid: 'cloud-privacy-2', requestId: 'r2' };
  await agreeToGuide(deps, again, { version: PRIVACY_GUIDE.version });
  const back = await rejoin(deps, again, input, ledgerAgreement);
  expect(back?.profile).toMatchObject({ personId: person.personId, name: '刘桂兰' });
  expect((await verifyAllChains(deps.store)).filter((c) => c.broken)).toEqual([]);
}, 60_000);
