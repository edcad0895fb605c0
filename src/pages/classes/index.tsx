/**
 * 课程: upcoming classes with what the caller can do with each (报名, 已报名, or why not, as the
 * server says in `forMe`), simple filters, and enrolling with a confirmation step (R5.2).
 * Band C sees only what it can enroll in, one card per screen with one big button.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ClassMode, ClassView, PlaceRef, VoucherTypeView } from '../../../cloudfunctions/contract';
import { ApiError, isApiError, newRequestId, showError } from '../../api/client';
import { EmptyState, PageShell, RegisterPrompt } from '../../components/page-shell';
import { useSession } from '../../components/use-session';
import { type ClassFilter, useClassStore } from '../../stores/use-class-store';
import { useSessionStore } from '../../stores/use-session-store';
import { useVoucherStore } from '../../stores/use-voucher-store';
import { askConsent, prefetchTemplates } from '../../utils/subscribe';
import { ClassCard, EnrollConfirm, EnrollSuccess, cardState } from './class-card';
import './index.scss';

const goMyClasses = () => void Taro.navigateTo({ url: '/pages/my-classes/index' });

const MODES: { mode: ClassMode | null; label: string }[] = [
  { mode: null, label: '全部' },
  { mode: 'fulltime', label: '全脱产' },
  { mode: 'parttime', label: '业余' },
  { mode: 'village', label: '送培训下乡' },
];

/** Loads the list once the caller is known to be registered (band C: only what it can enroll in). */
function useClassList(registered: boolean, bandC: boolean) {
  const { loadClasses, setFilter } = useClassStore(useShallow((s) => ({ loadClasses: s.loadClasses, setFilter: s.setFilter })));
  useEffect(() => {
    if (!registered) return;
    if (bandC) void setFilter({ eligibleOnly: true, mode: null, townshipCode: null });
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

function MyClassesLink() {
  return (
    <View id="go-my-classes" className="czt-link-row class-mine-link" onClick={goMyClasses}>
      <Text>我的课程（出示签到码）</Text>
      <Text className="czt-arrow">›</Text>
    </View>
  );
}

function Toggle({ id, label, on, onChange }: { id: string; label: string; on: boolean; onChange: (on: boolean) => void }) {
  return (
    <View id={id} className={`class-toggle ${on ? 'is-on' : ''}`} role="switch" aria-checked={on} onClick={() => onChange(!on)}>
      <Text className="class-toggle-box">{on ? '✓' : ''}</Text>
      <Text className="class-toggle-label">{label}</Text>
    </View>
  );
}

interface FiltersProps {
  filter: ClassFilter;
  township: PlaceRef | null;
  onChange: (patch: Partial<ClassFilter>) => void;
}

function ClassFilters({ filter, township, onChange }: FiltersProps) {
  return (
    <View className="class-filters">
      <View className="class-modes">
        {MODES.map((m) => (
          <View
            key={m.label}
            className={`class-mode ${filter.mode === m.mode ? 'is-selected' : ''}`}
            data-mode={m.mode ?? 'all'}
            onClick={() => onChange({ mode: m.mode })}
          >
            <Text>{m.label}</Text>
          </View>
        ))}
      </View>
      <Toggle id="class-eligible-only" label="只看我能报的" on={filter.eligibleOnly} onChange={(on) => onChange({ eligibleOnly: on })} />
      {township ? (
        <Toggle
          id="class-township-only"
          label={`只看${township.name}的`}
          on={filter.townshipCode === township.code}
          onChange={(on) => onChange({ townshipCode: on ? township.code : null })}
        />
      ) : null}
    </View>
  );
}

interface ListProps {
  classes: ClassView[];
  types: VoucherTypeView[] | null;
  onEnroll: (c: ClassView) => void;
}

function ClassList({ classes, types, onEnroll, filtered }: ListProps & { filtered: boolean }) {
  if (classes.length === 0) {
    return <EmptyState title="没有找到课程" text={filtered ? '换个条件再看看' : '有新课程时，再来看看'} />;
  }
  return (
    <View className="class-list">
      {classes.map((c) => (
        <ClassCard key={c.id} c={c} types={types} onEnroll={onEnroll} onMine={goMyClasses} />
      ))}
    </View>
  );
}

/** Band C: only classes it can enroll in, one per screen. */
function OneAtATime({ classes, types, onEnroll }: ListProps) {
  const open = classes.filter((c) => cardState(c) === 'can-enroll');
  const [index, setIndex] = useState(0);
  if (open.length === 0) {
    return (
      <View className="czt-state class-none">
        <Text className="czt-state-title">现在没有您能报的课程</Text>
        <Text className="czt-state-text">报过的课程在“我的课程”里查看</Text>
      </View>
    );
  }
  const current = open[index % open.length];
  return (
    <View className="class-one">
      <ClassCard c={current} types={types} onEnroll={onEnroll} onMine={goMyClasses} />
      {open.length > 1 ? (
        <View className="czt-link-row class-next" onClick={() => setIndex((i) => (i + 1) % open.length)}>
          <Text>{`还有${open.length - 1}个班可以报，看下一个`}</Text>
          <Text className="czt-arrow">›</Text>
        </View>
      ) : null}
    </View>
  );
}

/** The confirmation's state: one request id per confirmation, kept across a network retry. */
function useEnrollFlow() {
  const { enroll, loadClasses } = useClassStore(useShallow((s) => ({ enroll: s.enroll, loadClasses: s.loadClasses })));
  const [confirming, setConfirming] = useState<ClassView | null>(null);
  const [enrolled, setEnrolled] = useState<ClassView | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const requestId = useRef<string | null>(null);
  const retriedAfterNetwork = useRef(false);
  useEffect(() => {
    void prefetchTemplates('enrolled');
  }, []);

  const open = (c: ClassView) => {
    requestId.current = newRequestId();
    retriedAfterNetwork.current = false;
    setNotice(null);
    setEnrolled(null);
    setConfirming(c);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };
  const close = () => {
    requestId.current = null;
    setConfirming(null);
    setNotice(null);
  };
  const done = (c: ClassView) => {
    requestId.current = null;
    setConfirming(null);
    setNotice(null);
    setEnrolled(c);
    void Taro.showToast({ title: '报名成功', icon: 'success' });
  };

  const confirm = async () => {
    if (!confirming || submitting) return;
    // R10.2: consent for the class reminders, in the tap itself (WeChat shows its sheet only
    // then), once per confirmation (not again on a network retry); never throws.
    if (!retriedAfterNetwork.current) void askConsent('enrolled');
    const id = requestId.current ?? newRequestId();
    requestId.current = id;
    setSubmitting(true);
    setNotice(null);
    try {
      await enroll(confirming.id, { requestId: id });
      done(confirming);
    } catch (e) {
      const err = isApiError(e) ? e : new ApiError('INTERNAL');
      if (err.code === 'ALREADY_ENROLLED' && retriedAfterNetwork.current) {
        // The first try went through before the network dropped: that is the enrollment.
        done(confirming);
        void loadClasses();
      } else if (err.code === 'NETWORK') {
        retriedAfterNetwork.current = true;
        setNotice(`${err.message}。点“确认报名”再试一次，不会重复报名`);
        showError(err);
      } else {
        // Refused (full, no voucher…): back to the list, which now says why.
        requestId.current = null;
        setConfirming(null);
        setNotice(err.message);
        void loadClasses();
        showError(err);
      }
    } finally {
      setSubmitting(false);
    }
  };
  return { confirming, enrolled, submitting, notice, open, close, confirm, clearEnrolled: () => setEnrolled(null) };
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
  const flow = useEnrollFlow();
  // Coming back to the tab after enrolling shows the list again (the note has been read).
  useDidShow(() => flow.clearEnrolled());

  const sessionBlocking = session.loading || session.error;
  const loading = session.loading || (registered && classes === null && status !== 'error');
  const pageError = session.error ?? (registered && classes === null ? error : null);
  const filtered = filter.mode !== null || filter.eligibleOnly || filter.townshipCode !== null;

  let body: ReactNode = null;
  if (!sessionBlocking && me && !registered) {
    body = <RegisterPrompt text="报名课程前，请先完成实名登记" />;
  } else if (!sessionBlocking && classes) {
    body = (
      <>
        <MyClassesLink />
        {error && !flow.confirming ? (
          <View className="czt-notice class-load-error" onClick={() => void loadClasses()}>
            <Text>{`${error.message}（点此重试）`}</Text>
          </View>
        ) : null}
        {flow.enrolled ? (
          <EnrollSuccess c={flow.enrolled} onMine={goMyClasses} onBack={flow.clearEnrolled} />
        ) : flow.confirming ? (
          <EnrollConfirm
            c={flow.confirming}
            types={types}
            submitting={flow.submitting}
            notice={flow.notice}
            onConfirm={() => void flow.confirm()}
            onCancel={flow.close}
          />
        ) : (
          <>
            {flow.notice ? (
              <View className="czt-notice class-refusal">
                <Text>{flow.notice}</Text>
              </View>
            ) : null}
            {bandC ? null : (
              <ClassFilters filter={filter} township={me?.profile?.township ?? null} onChange={(patch) => void setFilter(patch)} />
            )}
            {status === 'loading' ? <Text className="class-updating">正在更新…</Text> : null}
            {bandC ? (
              <OneAtATime classes={classes} types={types} onEnroll={flow.open} />
            ) : (
              <ClassList classes={classes} types={types} onEnroll={flow.open} filtered={filtered} />
            )}
          </>
        )}
      </>
    );
  }

  return (
    <PageShell
      className={`page-classes ${bandC ? 'class-band-c' : ''}`}
      loading={loading}
      error={pageError}
      onRetry={() => void (session.error ? session.load() : loadClasses())}
    >
      {body}
    </PageShell>
  );
}
