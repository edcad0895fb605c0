import { INVITATION_CODE, invitationCode, invitationCodeText, invitationState, mayGrant, normaliseInvitationCode } from '../../../cloudfunctions/core/invitations';

/** 山西 140000 ⊃ 吕梁 141100 ⊃ 方山 141128, 岚县 141127. */
const PARENT: Record<string, string> = { '141100': '140000', '141128': '141100', '141127': '141100' };
const isWithin = (code: string, root: string): boolean => code === root || (PARENT[code] !== undefined && isWithin(PARENT[code], root));

describe('R11.2 who may invite whom', () => {
  const cityOfficial = [{ role: 'official', regionCode: '141100' }];
  const cityAdmin = [{ role: 'admin', regionCode: '141100' }];
  const countyOfficial = [{ role: 'official', regionCode: '141128' }];

  it('R11.2 an official invites officials of their own subtree, never outside it', () => {
    expect(mayGrant(cityOfficial, { role: 'official', regionCode: '141128' }, isWithin)).toBe(true);
    expect(mayGrant(cityOfficial, { role: 'official', regionCode: '141100' }, isWithin)).toBe(true);
    expect(mayGrant(countyOfficial, { role: 'official', regionCode: '141127' }, isWithin)).toBe(false);
    expect(mayGrant(countyOfficial, { role: 'official', regionCode: '141100' }, isWithin)).toBe(false);
  });

  it('R11.2 trainers of institutions in the subtree', () => {
    expect(mayGrant(countyOfficial, { role: 'trainer', institutionId: 'i', institutionCountyCode: '141128' }, isWithin)).toBe(true);
    expect(mayGrant(countyOfficial, { role: 'trainer', institutionId: 'i', institutionCountyCode: '141127' }, isWithin)).toBe(false);
  });

  it('R11.2 only an admin invites admins', () => {
    expect(mayGrant(cityOfficial, { role: 'admin', regionCode: '141128' }, isWithin)).toBe(false);
    expect(mayGrant(cityAdmin, { role: 'admin', regionCode: '141128' }, isWithin)).toBe(true);
    expect(mayGrant(cityAdmin, { role: 'admin', regionCode: '140000' }, isWithin)).toBe(false);
    expect(mayGrant([{ role: 'trainer' }, { role: 'laborer' }], { role: 'official', regionCode: '141128' }, isWithin)).toBe(false);
  });
});

describe('R11.2 the invitation code and its state', () => {
  it('R11.2 codes use the unambiguous alphabet and read as ABCD-EFGH', () => {
    const code = invitationCode(new Uint8Array([0, 1, 2, 30, 31, 62, 200, 255]));
    expect(code).toMatch(INVITATION_CODE);
    expect(invitationCodeText('ABCDEFGH')).toBe('ABCD-EFGH');
    expect(normaliseInvitationCode(' abcd-efgh ')).toBe('ABCDEFGH');
  });

  it('R11.2 open until it expires; accepted and cancelled stay so', () => {
    const inv = { status: 'open' as const, expiresAt: '2026-12-04T00:00:00.000Z' };
    expect(invitationState(inv, new Date('2026-12-03T23:59:59.999Z'))).toBe('open');
    expect(invitationState(inv, new Date('2026-12-04T00:00:00.000Z'))).toBe('expired');
    expect(invitationState({ ...inv, status: 'accepted' }, new Date('2027-01-01T00:00:00Z'))).toBe('accepted');
    expect(invitationState({ ...inv, status: 'cancelled' }, new Date('2026-12-01T00:00:00Z'))).toBe('cancelled');
  });
});
