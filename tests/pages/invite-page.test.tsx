import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ERROR_MESSAGES } from '../../cloudfunctions/core/errors';
import InvitePage from '../../src/pages/invite/index';
import { useSessionStore } from '../../src/stores/use-session-store';
import { getCurrentInstance, redirectTo, switchTab } from './__mocks__/taro';
import { aNewcomer, installApi, ok, refusal } from './api-double';
import { anInvitation, anOfficialInvitation, callsOf, onSupplyPage, typeInto } from './supply-double';

const onInvitePage = (params: Record<string, string> = {}) => {
  onSupplyPage(params);
  getCurrentInstance.mockReturnValue({ router: { params, path: '/pages/invite/index' }, page: {} });
};

const asTrainer = () => ({ ...aNewcomer(), roles: [{ role: 'trainer' as const, institutionId: 'inst-9', institutionName: '方山县厨师培训学校' }] });

describe('接受邀请 (R11.2)', () => {
  it('reads ?code=, says in one sentence what is accepted, and accepting opens the new workbench', async () => {
    onInvitePage({ code: 'abcd-efgh' });
    const calls = installApi({ whoami: () => ok(aNewcomer()), invitation: () => ok(anInvitation()), accept: () => ok(asTrainer()) });
    const { container } = render(<InvitePage />);
    expect((await screen.findByText(anInvitation().summary)).id).toBe('invite-summary');
    expect(callsOf(calls, 'staff', 'invitation').map((c) => c.payload)).toEqual([{ code: 'ABCDEFGH' }]);
    fireEvent.click(container.querySelector('#invite-accept')!);
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/trainer/pages/classes/index?institutionId=inst-9' }));
    const accepts = callsOf(calls, 'staff', 'accept');
    expect(accepts.map((c) => c.payload)).toEqual([{ code: 'ABCDEFGH' }]);
    // The new role is known at once: the workbench opens without asking whoami again.
    expect(useSessionStore.getState().me?.roles[0]).toMatchObject({ role: 'trainer', institutionId: 'inst-9' });
  });

  it('an official invitation opens that region’s dashboard', async () => {
    onInvitePage({ code: 'KMNPQRST' });
    installApi({ whoami: () => ok(aNewcomer()), invitation: () => ok(anOfficialInvitation()), accept: () => ok(aNewcomer()) });
    const { container } = render(<InvitePage />);
    await screen.findByText(anOfficialInvitation().summary);
    fireEvent.click(container.querySelector('#invite-accept')!);
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/official/pages/dashboard/index?regionCode=141128' }));
  });

  it('a retry after a lost answer sends the same request id; the second answer is the one kept', async () => {
    onInvitePage({ code: 'ABCDEFGH' });
    let lose = true;
    const calls = installApi({
      whoami: () => ok(aNewcomer()),
      invitation: () => ok(anInvitation()),
      accept: () => {
        if (lose) {
          lose = false;
          throw new TypeError('Failed to fetch');
        }
        return ok(asTrainer());
      },
    });
    const { container } = render(<InvitePage />);
    await screen.findByText(anInvitation().summary);
    fireEvent.click(container.querySelector('#invite-accept')!);
    await screen.findByText(ERROR_MESSAGES.NETWORK, { selector: '.invite-notice span' });
    fireEvent.click(container.querySelector('#invite-accept')!);
    await waitFor(() => expect(redirectTo).toHaveBeenCalledTimes(1));
    const ids = callsOf(calls, 'staff', 'accept').map((c) => c.requestId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it('a refusal is said in the server’s words and nothing else changes; the invitation is asked again', async () => {
    onInvitePage({ code: 'ABCDEFGH' });
    let used = false;
    const calls = installApi({
      whoami: () => ok(aNewcomer()),
      invitation: () => ok(used ? anInvitation({ status: 'accepted', statusName: '已接受' }) : anInvitation()),
      accept: () => {
        used = true;
        return refusal('INVITATION_USED');
      },
    });
    const { container } = render(<InvitePage />);
    await screen.findByText(anInvitation().summary);
    fireEvent.click(container.querySelector('#invite-accept')!);
    expect((await screen.findByText(ERROR_MESSAGES.INVITATION_USED)).closest('#invite-state')).not.toBeNull();
    expect(redirectTo).not.toHaveBeenCalled();
    expect(useSessionStore.getState().me?.roles).toEqual([]);
    expect(callsOf(calls, 'staff', 'invitation')).toHaveLength(2);
    expect(container.querySelector('#invite-accept')).toBeNull();
    fireEvent.click(container.querySelector('#invite-home')!);
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' });
  });

  it.each([
    ['expired', '已过期', ERROR_MESSAGES.INVITATION_EXPIRED],
    ['cancelled', '已作废', ERROR_MESSAGES.INVITATION_CANCELLED],
    ['accepted', '已接受', ERROR_MESSAGES.INVITATION_USED],
  ] as const)('an invitation %s says so and offers no 接受', async (status, statusName, message) => {
    onInvitePage({ code: 'ABCDEFGH' });
    installApi({ whoami: () => ok(aNewcomer()), invitation: () => ok(anInvitation({ status, statusName })) });
    const { container } = render(<InvitePage />);
    expect((await screen.findByText(message)).id).toBe('invite-state');
    expect(container.querySelector('#invite-accept')).toBeNull();
  });

  it('one already accepted by this person leads to its workbench', async () => {
    onInvitePage({ code: 'ABCDEFGH' });
    installApi({ whoami: () => ok(asTrainer()), invitation: () => ok(anInvitation({ status: 'accepted', statusName: '已接受' })) });
    const { container } = render(<InvitePage />);
    await screen.findByText('您已接受这个邀请');
    fireEvent.click(container.querySelector('#invite-workbench')!);
    expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/trainer/pages/classes/index?institutionId=inst-9' });
  });

  it('without a code the code is typed; an unknown one is said under the field and may be typed again', async () => {
    onInvitePage();
    const calls = installApi({
      whoami: () => ok(aNewcomer()),
      invitation: (p) => ((p as { code: string }).code === 'ABCDEFGH' ? ok(anInvitation()) : refusal('INVITATION_NOT_FOUND')),
    });
    const { container } = render(<InvitePage />);
    await waitFor(() => expect(container.querySelector('#invite-code-input')).not.toBeNull());
    typeInto(container, 'invite-code-input', 'zzzz-zzzz');
    fireEvent.click(container.querySelector('#invite-look')!);
    expect((await screen.findByText(ERROR_MESSAGES.INVITATION_NOT_FOUND)).className).toContain('invite-code-error');
    typeInto(container, 'invite-code-input', 'abcd efgh');
    fireEvent.click(container.querySelector('#invite-look')!);
    await screen.findByText(anInvitation().summary);
    expect(callsOf(calls, 'staff', 'invitation').map((c) => c.payload)).toEqual([{ code: 'ZZZZZZZZ' }, { code: 'ABCDEFGH' }]);
  });

  it('offline is said as offline, with 重试', async () => {
    onInvitePage({ code: 'ABCDEFGH' });
    let down = true;
    installApi({
      whoami: () => ok(aNewcomer()),
      invitation: () => {
        if (down) throw new TypeError('Failed to fetch');
        return ok(anInvitation());
      },
    });
    const { container } = render(<InvitePage />);
    await screen.findByText('网络连接不上');
    down = false;
    fireEvent.click(container.querySelector('#invite-retry')!);
    await screen.findByText(anInvitation().summary);
  });
});
