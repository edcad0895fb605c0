/**
 * Every page's root: applies large-text mode and shows loading, offline, sign-in and error
 * states the same way everywhere, so pages only draw their ready state.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { useLargeText } from '../stores/use-ui-store';
import { Button } from './nutui';

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

export function LoadingState() {
  return (
    <View className="czt-state czt-state-loading">
      <View className="czt-spinner" />
      <Text className="czt-state-title">正在加载…</Text>
    </View>
  );
}

function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  if (error.code === 'UNAUTHENTICATED') return <SignInState />;
  if (error.code === 'NOT_REGISTERED') return <RegisterPrompt />;
  const offline = error.code === 'NETWORK';
  return (
    <View className={`czt-state ${offline ? 'czt-state-offline' : 'czt-state-error'}`}>
      <Text className="czt-state-title">{offline ? '网络连接不上' : '出了点问题'}</Text>
      <Text className="czt-state-text">{error.message}</Text>
      {onRetry ? (
        <Button className="czt-primary-button" type="primary" size="xlarge" block onClick={onRetry}>
          重试
        </Button>
      ) : null}
    </View>
  );
}

/** Only the local H5 host asks for sign-in: it has no WeChat identity, so a demo one is chosen. */
export function SignInState() {
  const chooseDemoIdentity = () => {
    if (process.env.TARO_ENV === 'h5') window.location.href = '/dev/login';
  };
  return (
    <View className="czt-state czt-state-signin">
      <Text className="czt-state-title">请先登录</Text>
      <Text className="czt-state-text">登录后才能查看个人信息</Text>
      {process.env.TARO_ENV === 'h5' ? (
        <Button id="demo-login" className="czt-primary-button" type="primary" size="xlarge" block onClick={chooseDemoIdentity}>
          选择演示身份
        </Button>
      ) : (
        <Text className="czt-state-text">请关闭后重新打开小程序</Text>
      )}
    </View>
  );
}

/** Shown wherever a feature needs 实名登记 first. */
/** The one way into 实名登记 from any page. */
export function RegisterButton({ id }: { id: string }) {
  return (
    <Button
      id={id}
      className="czt-primary-button"
      type="primary"
      size="xlarge"
      block
      onClick={() => void Taro.navigateTo({ url: '/pages/register/index' })}
    >
      立即登记
    </Button>
  );
}

export function RegisterPrompt({ text = '使用培训券、报名课程前，请先完成实名登记' }: { text?: string }) {
  return (
    <View className="czt-state czt-state-register">
      <Text className="czt-state-title">您还没有实名登记</Text>
      <Text className="czt-state-text">{text}</Text>
      <RegisterButton id="go-register" />
    </View>
  );
}

/** A plain empty state: NutUI's Empty loads its pictures from a third-party CDN, so it is not used. */
export function EmptyState({ title, text, children }: { title: string; text?: string; children?: ReactNode }) {
  return (
    <View className="czt-state czt-state-empty">
      <View className="czt-empty-mark" />
      <Text className="czt-state-title">{title}</Text>
      {text ? <Text className="czt-state-text">{text}</Text> : null}
      {children}
    </View>
  );
}
