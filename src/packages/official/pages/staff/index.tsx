/**
 * 人员与邀请 (R11.2): 邀请工作人员 (the page's main action), the invitations the caller made (state,
 * QR code again, 作废), and the people holding a role the caller could grant, with 撤销.
 */
import { Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Hero, RetryNotice, WideButton } from '../../../../components/page-parts';
import { LoadingState, PageShell } from '../../../../components/page-shell';
import { URLS } from '../../../../utils/routes';
import { InvitationList } from '../../components/invitation-list';
import { NoAccess } from '../../components/no-access';
import { StaffList } from '../../components/staff-list';
import { useOfficialRole } from '../../components/use-official-role';
import { useSupplyStore } from '../../stores/use-supply-store';
import '../../official.scss';
import '../../supply.scss';

const loadAll = () => {
  void useSupplyStore.getState().loadInvitations();
  void useSupplyStore.getState().loadStaff({});
};

function Lists() {
  const s = useSupplyStore(useShallow((x) => ({ invitations: x.invitations, invitationsError: x.invitationsError, staff: x.staff[''] ?? null, staffError: x.staffErrors[''] ?? null })));
  useEffect(loadAll, []);
  useDidShow(() => {
    if (useSupplyStore.getState().invitations) loadAll();
  });
  const reloadInvitations = () => void useSupplyStore.getState().loadInvitations();
  const reloadStaff = () => void useSupplyStore.getState().loadStaff({});
  return (
    <>
      <Text className="supply-section">我的邀请</Text>
      <RetryNotice message={s.invitationsError?.message} onRetry={reloadInvitations} />
      {s.invitations ? <InvitationList invitations={s.invitations} reload={reloadInvitations} /> : s.invitationsError ? null : <LoadingState />}
      <Text className="supply-section">已有人员</Text>
      <RetryNotice message={s.staffError?.message} onRetry={reloadStaff} />
      {s.staff ? <StaffList members={s.staff} none="还没有可撤销的人员" reload={reloadStaff} /> : s.staffError ? null : <LoadingState />}
    </>
  );
}

export default function OfficialStaffPage() {
  const { session, binding } = useOfficialRole();
  return (
    <PageShell className="page-official-staff" loading={session.loading} error={session.error} onRetry={() => void session.load()}>
      {binding ? (
        <>
          <Hero title="人员与邀请" text={binding.regionName ?? '本辖区'} />
          <WideButton id="staff-invite" onClick={() => void Taro.navigateTo({ url: URLS.officialNewInvitation })}>
            邀请工作人员
          </WideButton>
          <Lists />
        </>
      ) : (
        <NoAccess />
      )}
    </PageShell>
  );
}
