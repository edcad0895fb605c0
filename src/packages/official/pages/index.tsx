/** 人社工作台: the official's region; review and statistics tools arrive later. */
import { Text, View } from '@tarojs/components';
import { EmptyState, PageShell } from '../../../components/page-shell';
import { useSession } from '../../../components/use-session';

export default function OfficialHomePage() {
  const { loading, error, me, load } = useSession();
  const official = me?.roles.find((r) => r.role === 'official' || r.role === 'admin');
  return (
    <PageShell className="page-official" loading={loading} error={error} onRetry={load}>
      {official ? (
        <>
          <View className="czt-hero">
            <Text className="czt-hero-title" id="official-region">
              {official.regionName ?? '全部地区'}
            </Text>
            <Text className="czt-hero-text">人社工作台</Text>
          </View>
          <EmptyState title="审核、统计功能即将开放" />
        </>
      ) : (
        <EmptyState title="无权限" text="此页面仅供人社部门工作人员使用" />
      )}
    </PageShell>
  );
}
