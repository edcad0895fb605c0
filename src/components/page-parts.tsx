/**
 * The small pieces every page is built of, in large type: a full-width button, a tappable row
 * with an arrow, and a notice. One way to draw each, so they look and work alike everywhere.
 */
import { Text, View } from '@tarojs/components';
import type { CSSProperties, ReactNode } from 'react';
import { Button } from './nutui';

export interface WideButtonProps {
  id?: string;
  /** Primary (blue, the page's one action) or secondary (the way back, a lesser action). */
  kind?: 'primary' | 'secondary';
  className?: string;
  size?: 'xlarge' | 'large';
  loading?: boolean;
  disabled?: boolean;
  /** Wrapped in a `czt-button-row`, as a row of its own. */
  row?: boolean;
  onClick: () => void;
  children: ReactNode;
}

/** A full-width NutUI button. */
export function WideButton({ kind = 'primary', className, size = 'xlarge', row, children, ...rest }: WideButtonProps) {
  const button = (
    <Button
      {...rest}
      className={className ? `czt-${kind}-button ${className}` : `czt-${kind}-button`}
      type={kind === 'primary' ? 'primary' : 'default'}
      size={size}
      block
    >
      {children}
    </Button>
  );
  return row ? <View className="czt-button-row">{button}</View> : button;
}

/** A tappable row that leads somewhere: its text, then ›. */
export interface LinkRowProps {
  id?: string;
  className?: string;
  style?: CSSProperties;
  /** Omitted when the whole card around the row is the tap target. */
  onClick?: () => void;
  children: ReactNode;
}

export function LinkRow({ id, className, style, onClick, children }: LinkRowProps) {
  return (
    <View id={id} className={className ? `czt-link-row ${className}` : 'czt-link-row'} style={style} onClick={onClick}>
      <Text>{children}</Text>
      <Text className="czt-arrow">›</Text>
    </View>
  );
}

/** A notice in the page (a refusal, a failure); nothing when there is no text. */
export function Notice({ id, className, text, onClick }: { id?: string; className?: string; text: string | null | undefined; onClick?: () => void }) {
  if (!text) return null;
  return (
    <View id={id} className={className ? `czt-notice ${className}` : 'czt-notice'} onClick={onClick}>
      <Text>{text}</Text>
    </View>
  );
}

/** A failed reload above what is still shown: tap to try again. */
export function RetryNotice({ className, message, onRetry }: { className?: string; message: string | null | undefined; onRetry: () => void }) {
  return <Notice className={className} text={message ? `${message}（点此重试）` : null} onClick={onRetry} />;
}

export interface HeroProps {
  title: ReactNode;
  titleId?: string;
  /** The line under the title (what the page is for, or how many wait). */
  text?: ReactNode;
  textId?: string;
  children?: ReactNode;
}

/** The page's head: its title in large type and one line under it. */
export function Hero({ title, titleId, text, textId, children }: HeroProps) {
  return (
    <View className="czt-hero">
      <Text className="czt-hero-title" id={titleId}>
        {title}
      </Text>
      {text !== undefined ? (
        <Text className="czt-hero-text" id={textId}>
          {text}
        </Text>
      ) : null}
      {children}
    </View>
  );
}
