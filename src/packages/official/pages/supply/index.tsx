/**
 * 机构与人员 (issue 14): the libraries a county keeps, one row each — 开班审核 (with the count
 * waiting), 机构库, 评价库, 人员与邀请, 项目库.
 */
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../../components/page-shell';
import { NoAccess } from '../../components/no-access';
import { SupplyEntries, usePendingCount } from '../../components/supply-entries';
import { useOfficialRole } from '../../components/use-official-role';
import '../../official.scss';
import '../../supply.scss';

function Hub({ regionName }: { regionName: string }) {
  const count = usePendingCount();
  return (
    <>
      <View className="czt-hero">
        <Text className="czt-hero-title">机构与人员</Text>
        <Text className="czt-hero-text">{regionName}</Text>
      </View>
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
