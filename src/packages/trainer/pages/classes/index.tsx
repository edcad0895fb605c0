/**
 * 我的班级: the trainer's classes (newest first) with state, sessions, today's session and
 * enrollment; a tap opens the class for 扫码签到. Scans still waiting on the phone are shown
 * and go up from here too.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TrainerClassView } from '../../../../../cloudfunctions/contract';
import { listPageState } from '../../../../components/page-data';
import { Notice } from '../../../../components/page-parts';
import { EmptyState, PageShell } from '../../../../components/page-shell';
import { useSession } from '../../../../components/use-session';
import { URLS, withQuery } from '../../../../utils/routes';
import { uploadWhenOnline, useScanQueue } from '../../stores/use-scan-queue';
import { useTrainerStore } from '../../stores/use-trainer-store';
import { sessionName, sessionTimeText } from '../../utils/format';
import '../../trainer.scss';

const openClass = (id: string) => void Taro.navigateTo({ url: withQuery(URLS.trainerClass, { classId: id }) });

function ClassCard({ c, waiting }: { c: TrainerClassView; waiting: number }) {
  const current = c.currentSession;
  return (
    <View className={`czt-card trainer-class is-${c.state}`} data-class-id={c.id} onClick={() => openClass(c.id)}>
      <View className="trainer-class-head">
        <Text className="czt-card-title trainer-class-name">{c.name}</Text>
        <Text className={`class-state is-${c.state}`}>{c.stateName}</Text>
      </View>
      <View className="trainer-class-facts">
        <Text className="trainer-class-fact">
          {current === null ? `共 ${c.sessions.length} 节，已全部上完` : `${sessionName(current)}（共 ${c.sessions.length} 节）  ${sessionTimeText(c.sessions[current])}`}
        </Text>
        <Text className="trainer-class-fact">{`报名 ${c.enrolled}/${c.capacity} 人`}</Text>
        {waiting > 0 ? <Text className="trainer-class-waiting">{`${waiting} 条签到待上传`}</Text> : null}
      </View>
      <Text className="trainer-class-open">{c.state === 'closed' ? '查看名单 ›' : '去签到 ›'}</Text>
    </View>
  );
}

export default function TrainerClassesPage() {
  const session = useSession();
  const trainer = session.me?.roles.find((r) => r.role === 'trainer');
  const { classes, classesError, loadClasses } = useTrainerStore(
    useShallow((s) => ({ classes: s.classes, classesError: s.classesError, loadClasses: s.loadClasses })),
  );
  const pending = useScanQueue((s) => s.pending);

  const isTrainer = Boolean(trainer);
  useEffect(() => {
    if (!isTrainer) return;
    void loadClasses();
    uploadWhenOnline();
    void useScanQueue.getState().upload();
  }, [isTrainer, loadClasses]);
  // Back from a class page: states and counts may have changed.
  useDidShow(() => {
    if (useTrainerStore.getState().classes) void useTrainerStore.getState().loadClasses();
  });

  const page = listPageState({ session, allowed: isTrainer, value: classes, error: classesError, load: loadClasses });

  return (
    <PageShell className="page-trainer" loading={page.loading} error={page.error} onRetry={page.onRetry}>
      {trainer ? (
        <>
          <View className="czt-hero">
            <Text className="czt-hero-title" id="trainer-institution">
              {trainer.institutionName ?? '培训机构'}
            </Text>
            <Text className="czt-hero-text">我的班级：点班级进入扫码签到</Text>
          </View>
          <Notice
            id="trainer-pending"
            text={pending.length > 0 ? `有 ${pending.length} 条离线签到待上传，联网后自动上传（点此立即上传）` : null}
            onClick={() => void useScanQueue.getState().upload()}
          />
          {classes && classes.length > 0 ? (
            <View className="trainer-class-list">
              {classes.map((c) => (
                <ClassCard key={c.id} c={c} waiting={pending.filter((s) => s.classId === c.id).length} />
              ))}
            </View>
          ) : classes ? (
            <EmptyState title="还没有班级" text="本机构开班后，班级会显示在这里" />
          ) : null}
        </>
      ) : (
        <EmptyState title="您还不是培训机构人员" text="如需开通，请联系所在县人社部门" />
      )}
    </PageShell>
  );
}
