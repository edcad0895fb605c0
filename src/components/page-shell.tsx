/**
 * Every page's root: applies large-text mode and shows loading, offline, sign-in and error
 * states the same way everywhere, so pages only draw their ready state.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { useLargeText } from '../stores/use-ui-store';
import { URLS } from '../utils/routes';
import { Empty, Loading } from './nutui';
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
  return <View className={classes}>{loading ? <LoadingState /> : error ? <ErrorState error={error} onRetry={onRetry} /> : children}</View>;
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

/** A failed load in place of what it would show: offline or not, the message, and 重试. */
export function FailedState({ id, retryId, error, onRetry }: { id?: string; retryId?: string; error: ApiError; onRetry?: () => void }) {
  const offline = error.code === 'NETWORK';
  return (
    <View id={id} className={`czt-state ${offline ? 'czt-state-offline' : 'czt-state-error'}`}>
      <Text className="czt-state-title">{offline ? '网络连接不上' : '出了点问题'}</Text>
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

/** Shown wherever a feature needs 实名登记 first. */
export function RegisterPrompt({ text = '使用培训券、报名课程前，请先完成实名登记' }: { text?: string }) {
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
