/**
 * 课程: upcoming classes near home first, with what the caller can do with each (报名, 领券并报名,
 * 已报名, or why not, as the server says in `forMe`), simple filters, and enrolling with a
 * confirmation step (R5.2; R13 the voucher claimed in the same step).
 * Band C sees only what it can take, one card per screen with one big button.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { type ReactNode, useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ClassCard, EnrollConfirm, EnrollSuccess, OneClassAtATime, takeable } from '../../components/class-card';
import { ClassFilters } from '../../components/class-filters';
import { listPageState } from '../../components/page-data';
import { ListWithConfirm } from '../../components/list-with-confirm';
import { EmptyState, PageShell, RegisterPrompt } from '../../components/page-shell';
import { useEnrollFlow } from '../../components/use-enroll-flow';
import { useSession } from '../../components/use-session';
import { useClassStore } from '../../stores/use-class-store';
import { useSessionStore } from '../../stores/use-session-store';
import { useVoucherStore } from '../../stores/use-voucher-store';
import { URLS } from '../../utils/routes';
import './index.scss';

const goMyClasses = () => void Taro.navigateTo({ url: URLS.myClasses });

/** Loads the list once the caller is known to be registered (band C: every class, then only what it can take). */
function useClassList(registered: boolean, bandC: boolean) {
  const { loadClasses, setFilter } = useClassStore(useShallow((s) => ({ loadClasses: s.loadClasses, setFilter: s.setFilter })));
  useEffect(() => {
    if (!registered) return;
    if (bandC) void setFilter({ eligibleOnly: false, mode: null, townshipCode: null });
    else void loadClasses();
  }, [registered, bandC, loadClasses, setFilter]);
  useDidShow(() => {
    if (useSessionStore.getState().me?.registered) void useClassStore.getState().loadClasses();
  });
  // Voucher names for the cards: the catalogue is often loaded already; if not, in the background.
  useEffect(() => {
    const vouchers = useVoucherStore.getState();
    if (registered && vouchers.types === null && vouchers.status === 'idle') void vouchers.loadTypes();
  }, [registered]);
}

export default function ClassesPage() {
  const session = useSession();
  const me = session.me;
  const registered = me?.registered === true;
  const bandC = me?.profile?.band === 'C';
  useClassList(registered, bandC);
  const { classes, status, error, filter, loadClasses, setFilter } = useClassStore(
    useShallow((s) => ({ classes: s.classes, status: s.status, error: s.error, filter: s.filter, loadClasses: s.loadClasses, setFilter: s.setFilter })),
  );
  const types = useVoucherStore((s) => s.types);
  const { flow, done: enrolled, open, close, clearDone: clearEnrolled } = useEnrollFlow(loadClasses);
  // Coming back to the tab after enrolling shows the list again (the note has been read).
  useDidShow(() => clearEnrolled());

  const page = listPageState({ session, allowed: registered, value: classes, error, load: loadClasses });
  const shown = classes && filter.eligibleOnly ? classes.filter(takeable) : classes;
  const filtered = filter.mode !== null || filter.eligibleOnly || filter.townshipCode !== null;
  const confirming = flow.asking;
  const card = { types, onEnroll: open, onMine: goMyClasses };

  let body: ReactNode = null;
  if (!session.loading && !session.error && me && !registered) {
    body = <RegisterPrompt text="报名课程前，请先完成实名登记" />;
  } else if (!session.loading && !session.error && classes && shown) {
    body = (
      <ListWithConfirm
        prefix="class"
        mine={{ id: 'go-my-classes', label: '我的课程（出示签到码）', onClick: goMyClasses }}
        error={error}
        onRetry={() => void loadClasses()}
        success={enrolled ? <EnrollSuccess c={enrolled} onMine={goMyClasses} onBack={clearEnrolled} /> : null}
        confirm={
          confirming ? (
            <EnrollConfirm c={confirming} types={types} submitting={flow.busy} notice={flow.notice} onConfirm={() => void flow.confirm()} onCancel={close} />
          ) : null
        }
        notice={flow.notice}
      >
        {bandC ? null : <ClassFilters filter={filter} township={me?.profile?.township ?? null} onChange={(patch) => void setFilter(patch)} />}
        {status === 'loading' ? <Text className="class-updating">正在更新…</Text> : null}
        {bandC ? (
          <OneClassAtATime classes={classes} {...card} />
        ) : shown.length === 0 ? (
          <EmptyState title="没有找到课程" text={filtered ? '换个条件再看看' : '有新课程时，再来看看'} />
        ) : (
          <View className="class-list">
            {shown.map((c) => (
              <ClassCard key={c.id} c={c} {...card} />
            ))}
          </View>
        )}
      </ListWithConfirm>
    );
  }

  return (
    <PageShell className={`page-classes ${bandC ? 'class-band-c' : ''}`} loading={page.loading} error={page.error} onRetry={page.onRetry}>
      {body}
    </PageShell>
  );
}
