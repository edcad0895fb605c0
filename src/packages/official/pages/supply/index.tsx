/**
 * 机构与人员 (issue 14): the libraries a county keeps, one row each — 开班审核 (with the count
 * waiting), 机构库, 评价库, 人员与邀请, 项目库.
 */
import { View } from '@tarojs/components';
import { PageShell } from '../../../../components/page-shell';
import { NoAccess } from '../../components/no-access';
import { SupplyEntries, usePendingCount } from '../../components/supply-entries';
import { useOfficialRole } from '../../components/use-official-role';
import { Hero } from '../../../../components/page-parts';
import '../../official.scss';
import '../../supply.scss';

function Hub({ regionName }: { regionName: string }) {
  const count = usePendingCount();
  return (
    <>
      <Hero title="机构与人员" text={regionName} />
      <View className="supply-entries">
        <SupplyEntries count={count} />
      </View>
    </>
  );
}

export default function OfficialSupplyPage() {
  const { session, binding } = useOfficialRole();
  return (
    <PageShell className="page-official-supply" loading={session.loading} error={session.error} onRetry={() => void session.load()}>
      {binding ? <Hub regionName={binding.regionName ?? '本辖区'} /> : <NoAccess />}
    </PageShell>
  );
}
