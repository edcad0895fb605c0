/** 培训机构工作台: the trainer's institution; class and attendance tools arrive later. */
import { Text, View } from '@tarojs/components';
import { EmptyState, PageShell } from '../../../components/page-shell';
import { useSession } from '../../../components/use-session';

export default function TrainerHomePage() {
  const { loading, error, me, load } = useSession();
  const trainer = me?.roles.find((r) => r.role === 'trainer');
  return (
    <PageShell className="page-trainer" loading={loading} error={error} onRetry={load}>
      {trainer ? (
        <>
          <View className="czt-hero">
            <Text className="czt-hero-title" id="trainer-institution">
              {trainer.institutionName ?? '培训机构'}
            </Text>
            <Text className="czt-hero-text">培训机构工作台</Text>
          </View>
          <EmptyState title="开班、签到功能即将开放" />
        </>
      ) : (
        <EmptyState title="您还不是培训机构人员" text="如需开通，请联系所在县人社部门" />
      )}
    </PageShell>
  );
}
