import { render, screen, waitFor } from '@testing-library/react';
import { ERROR_MESSAGES } from '../../cloudfunctions/core/errors';
import NewInvitationPage from '../../src/packages/official/pages/new-invitation/index';
import StaffPage from '../../src/packages/official/pages/staff/index';
import { useSupplyStore } from '../../src/packages/official/stores/use-supply-store';
import { installApi, ok, refusal } from './api-double';
import { SUPPLY_REGIONS, aCityAdmin, aCountyOfficial, aStaffMember, anInstitution, anInvitation, anOfficialInvitation, callsOf, onSupplyPage, tap, typeInto } from './supply-double';

type Handlers = Record<string, (p: unknown) => ReturnType<typeof ok>>;

const api = (extra: Handlers = {}) => installApi({ whoami: () => ok(aCityAdmin()), regions: () => ok(SUPPLY_REGIONS), ...extra });

describe('邀请人员 (R11.2)', () => {
  it('an official of a county inside mine, chosen from tiles; the invitation shows a QR code, its code and expiry', async () => {
    onSupplyPage();
    const calls = api({ invite: () => ok(anOfficialInvitation()) });
    const { container: c } = render(<NewInvitationPage />);
    await waitFor(() => expect(c.querySelector('#invite-region')).not.toBeNull());
    expect(c.querySelector('#invite-role-admin')).not.toBeNull();
    tap(c, '#invite-region');
    tap(c, '.invite-region-option[data-code="141128"]');
    expect(c.querySelector('#invite-region')?.textContent).toContain('方山县');
    typeInto(c, 'invite-note', '方山县人社局王科长');
    tap(c, '#invite-make');
    await waitFor(() => expect(c.querySelector('#invitation-card')).not.toBeNull());
    expect(c.querySelector('#invitation-code')?.textContent).toBe('KMNP-QRST');
    expect(c.querySelector('#invitation-expiry')?.textContent).toBe('2026年3月5日 10:00 前有效，只能用一次');
    expect(c.querySelector<HTMLImageElement>('#invitation-qr')?.src).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(callsOf(calls, 'staff', 'invite').map((x) => x.payload)).toEqual([{ role: 'official', regionCode: '141128', inviteeNote: '方山县人社局王科长', hours: 72 }]);
    expect(useSupplyStore.getState().invitations?.[0].code).toBe('KMNPQRST');
  });

  it('a county official cannot invite admins, and without a region nothing is sent', async () => {
    onSupplyPage();
    const calls = installApi({ whoami: () => ok(aCountyOfficial()), regions: () => ok(SUPPLY_REGIONS) });
    const { container: c } = render(<NewInvitationPage />);
    await waitFor(() => expect(c.querySelector('#invite-region')).not.toBeNull());
    expect(c.querySelector('#invite-role-admin')).toBeNull();
    typeInto(c, 'invite-note', '王科长');
    tap(c, '#invite-make');
    expect(await screen.findByText('请先选择负责的地区')).toBeTruthy();
    expect(callsOf(calls, 'staff', 'invite')).toHaveLength(0);
  });

  it('a teacher of the institution it was opened for; a refusal keeps the form and its request id', async () => {
    onSupplyPage({ institutionId: 'inst-9' });
    let refuse = true;
    const calls = api({ get: () => ok(anInstitution()), invite: () => (refuse ? refusal('FORBIDDEN') : ok(anInvitation())) });
    const { container: c } = render(<NewInvitationPage />);
    expect((await screen.findByText('方山县厨师培训学校的培训机构老师')).id).toBe('invite-for');
    expect(c.querySelector('#invite-region')).toBeNull();
    typeInto(c, 'invite-note', '张老师');
    tap(c, '#invite-hours-168');
    tap(c, '#invite-make');
    expect(await screen.findByText(ERROR_MESSAGES.FORBIDDEN)).toBeTruthy();
    expect(c.querySelector('#invitation-card')).toBeNull();
    expect((c.querySelector('#invite-note') as HTMLInputElement).value).toBe('张老师');
    refuse = false;
    tap(c, '#invite-make');
    await waitFor(() => expect(c.querySelector('#invitation-card')).not.toBeNull());
    const sent = callsOf(calls, 'staff', 'invite');
    expect(sent.map((x) => x.payload)).toEqual([
      { role: 'trainer', institutionId: 'inst-9', inviteeNote: '张老师', hours: 168 },
      { role: 'trainer', institutionId: 'inst-9', inviteeNote: '张老师', hours: 168 },
    ]);
    expect(sent[1].requestId).toBe(sent[0].requestId);
  });
});

describe('人员与邀请 (R11.2)', () => {
  beforeEach(() => onSupplyPage());

  const lists = (extra: Handlers = {}) =>
    api({
      invitations: () => ok([anInvitation(), anOfficialInvitation({ status: 'accepted', statusName: '已接受' })]),
      'staff.list': () => ok([aStaffMember(), aStaffMember({ bindingId: 'b-2', role: 'official', roleName: '人社部门工作人员', region: { code: '141128', name: '方山县' }, institution: null, name: '方山县王科长' })]),
      ...extra,
    });

  it('lists my invitations with their state and the staff I could revoke', async () => {
    lists();
    const { container: c } = render(<StaffPage />);
    await waitFor(() => expect(c.querySelectorAll('.invitation-row')).toHaveLength(2));
    expect(c.querySelector('.invitation-row[data-code="ABCDEFGH"] .invitation-status')?.textContent).toBe('待接受');
    expect(c.querySelector('.invitation-row[data-code="KMNPQRST"] .invitation-status')?.textContent).toBe('已接受');
    expect(c.querySelector('.invitation-row[data-code="KMNPQRST"] .invitation-cancel')).toBeNull();
    await waitFor(() => expect(c.querySelectorAll('.staff-row')).toHaveLength(2));
    tap(c, '.invitation-row[data-code="ABCDEFGH"] .invitation-show');
    expect(c.querySelector('#invitation-code')?.textContent).toBe('ABCD-EFGH');
  });

  it('作废 asks first, sends once, and shows the invitation as cancelled', async () => {
    const calls = lists({ cancelInvitation: () => ok(anInvitation({ status: 'cancelled', statusName: '已作废' })) });
    const { container: c } = render(<StaffPage />);
    await waitFor(() => expect(c.querySelector('.invitation-cancel')).not.toBeNull());
    tap(c, '.invitation-cancel');
    tap(c, '#invitation-cancel-confirm');
    await waitFor(() => expect(c.querySelector('.invitation-row[data-code="ABCDEFGH"] .invitation-status')?.textContent).toBe('已作废'));
    expect(callsOf(calls, 'staff', 'cancelInvitation').map((x) => x.payload)).toEqual([{ code: 'ABCDEFGH' }]);
  });

  it('a refused 撤销 says why and keeps the person listed', async () => {
    const calls = lists({ revoke: () => refusal('BINDING_NOT_FOUND') });
    const { container: c } = render(<StaffPage />);
    await waitFor(() => expect(c.querySelectorAll('.staff-revoke')).toHaveLength(2));
    tap(c, '.staff-row[data-binding-id="b-2"] .staff-revoke');
    tap(c, '#staff-revoke-confirm');
    expect(await screen.findByText(ERROR_MESSAGES.BINDING_NOT_FOUND)).toBeTruthy();
    expect(c.querySelectorAll('.staff-row')).toHaveLength(2);
    expect(callsOf(calls, 'staff', 'revoke')).toHaveLength(1);
    // The list is asked again: it may be out of date.
    await waitFor(() => expect(callsOf(calls, 'staff', 'list')).toHaveLength(2));
  });
});
