/**
 * Every page's root: applies large-text mode, draws the page's bars (title, acting for an elder,
 * no network) and shows loading, offline, sign-in and error states the same way everywhere, so
 * pages only draw their ready state.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import type { ApiError, FailureKind } from '../api/client';
import { useSessionStore } from '../stores/use-session-store';
import { useLargeText } from '../stores/use-ui-store';
import { URLS } from '../utils/routes';
import { workbenchesOf } from '../utils/workbenches';
import { Empty, Loading } from './nutui';
import { ActingBar, H5Title, OfflineBanner } from './page-bars';
import { WideButton } from './page-parts';

export interface PageShellProps {
  /** Extra class for the page root, e.g. `page-me`. */
  className?: string;
  loading?: boolean;
  error?: ApiError | null;
  /** Shown as 重试 under an error; omit to hide the button. */
  onRetry?: () => void;
  children?: ReactNode;
}

export function PageShell({ className, loading, error, onRetry, children }: PageShellProps) {
  const large = useLargeText();
  const classes = ['czt-page', large ? 'czt-large' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View className={classes}>
      <H5Title />
      <ActingBar />
      <OfflineBanner />
      {loading ? <LoadingState /> : error ? <ErrorState error={error} onRetry={onRetry} /> : children}
    </View>
  );
}

/** NutUI's spinner, in the large type of every state (app.scss sizes its icon). */
export function LoadingState({ id }: { id?: string }) {
  return (
    <View id={id} className="czt-state czt-state-loading">
      <Loading className="czt-loading" direction="vertical">
        <Text className="czt-state-title">正在加载…</Text>
      </Loading>
    </View>
  );
}

function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  if (error.code === 'UNAUTHENTICATED') return <SignInState />;
  if (error.code === 'NOT_REGISTERED') return <RegisterPrompt />;
  return <FailedState error={error} onRetry={onRetry} />;
}

/** Each way a call can fail, said plainly: no network is never called a server error, nor the other way. */
const FAILURE_TITLES: Record<FailureKind, string> = {
  offline: '没有网络',
  timeout: '服务器没有回应',
  unreachable: '网络连接不上',
  server: '服务器出错了',
};

function failedTitle(error: ApiError): string {
  const kind = error.kind ?? (error.code === 'NETWORK' ? 'unreachable' : null);
  if (kind) return FAILURE_TITLES[kind];
  return error.code === 'PROXY_NOT_ALLOWED' ? '需要本人办理' : '出了点问题';
}

/** A failed load in place of what it would show: what went wrong, the message, and 重试. */
export function FailedState({ id, retryId, error, onRetry }: { id?: string; retryId?: string; error: ApiError; onRetry?: () => void }) {
  const offline = error.code === 'NETWORK';
  return (
    <View id={id} className={`czt-state ${offline ? 'czt-state-offline' : 'czt-state-error'}`} data-kind={error.kind ?? error.code}>
      <Text className="czt-state-title">{failedTitle(error)}</Text>
      <Text className="czt-state-text">{error.message}</Text>
      {onRetry ? (
        <WideButton id={retryId} onClick={onRetry}>
          重试
        </WideButton>
      ) : null}
    </View>
  );
}

/** Only the local H5 host asks for sign-in: it has no WeChat identity, so a demo one is chosen. */
export function SignInState() {
  const chooseDemoIdentity = () => {
    // Back to this page afterwards (an invitation link keeps its code).
    if (process.env.TARO_ENV === 'h5') window.location.href = `/dev/login?next=${encodeURIComponent(window.location.hash.replace(/^#\/?/, ''))}`;
  };
  return (
    <View className="czt-state czt-state-signin">
      <Text className="czt-state-title">请先登录</Text>
      <Text className="czt-state-text">登录后才能查看个人信息</Text>
      {process.env.TARO_ENV === 'h5' ? (
        <WideButton id="demo-login" onClick={chooseDemoIdentity}>
          选择演示身份
        </WideButton>
      ) : (
        <Text className="czt-state-text">请关闭后重新打开小程序</Text>
      )}
    </View>
  );
}

/** The one way into 实名登记 from any page. */
export function RegisterButton({ id }: { id: string }) {
  return (
    <WideButton id={id} onClick={() => void Taro.navigateTo({ url: URLS.register })}>
      立即登记
    </WideButton>
  );
}

/** Each workbench the caller holds, as a big button (staff land there, not on 实名登记). */
export function WorkbenchButtons({ idPrefix }: { idPrefix: string }) {
  const roles = useSessionStore((s) => s.me?.roles);
  return (
    <>
      {workbenchesOf(roles ?? []).map((w, i) => (
        <WideButton key={w.key} id={`${idPrefix}-${i}`} className="czt-workbench-button" row onClick={() => void Taro.navigateTo({ url: w.url })}>
          {w.place ? `进入${w.title}（${w.place}）` : `进入${w.title}`}
        </WideButton>
      ))}
    </>
  );
}

/**
 * Shown wherever a feature needs 实名登记 first. Staff (trainers, officials) are first shown the
 * way to their workbench; registering as a laborer too is the lesser action.
 */
export function RegisterPrompt({ text = '使用培训券、报名课程前，请先完成实名登记' }: { text?: string }) {
  const staff = useSessionStore((s) => workbenchesOf(s.me?.roles ?? []).length > 0);
  if (staff) {
    return (
      <View className="czt-state czt-state-staff">
        <Text className="czt-state-title">您是工作人员</Text>
        <Text className="czt-state-text">请进入您的工作台。如果您也要参加培训，请先实名登记</Text>
        <WorkbenchButtons idPrefix="go-workbench" />
        <WideButton id="go-register" kind="secondary" row onClick={() => void Taro.navigateTo({ url: URLS.register })}>
          实名登记
        </WideButton>
      </View>
    );
  }
  return (
    <View className="czt-state czt-state-register">
      <Text className="czt-state-title">您还没有实名登记</Text>
      <Text className="czt-state-text">{text}</Text>
      <RegisterButton id="go-register" />
    </View>
  );
}

/** NutUI's Empty with our own mark (its pictures load from a third-party CDN) and large type. */
export function EmptyState({ title, text, children }: { title: string; text?: string; children?: ReactNode }) {
  return (
    <Empty
      className="czt-state czt-state-empty"
      image={<View className="czt-empty-mark" />}
      title={<Text className="czt-state-title">{title}</Text>}
      description={text ? <Text className="czt-state-text">{text}</Text> : null}
    >
      {children}
    </Empty>
  );
}
