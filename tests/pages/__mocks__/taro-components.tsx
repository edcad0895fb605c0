/**
 * Taro components as plain HTML elements, so pages render under jsdom.
 * Taro-only props are dropped; Input reports its value as Taro does (`detail.value`).
 */
import React, { type CSSProperties, type ReactNode } from 'react';

interface AnyProps {
  [key: string]: unknown;
  children?: ReactNode;
}

interface InputProps extends AnyProps {
  value?: string;
  type?: string;
  placeholder?: string;
  maxlength?: number;
  src?: string;
  onInput?: (e: { detail: { value: string } }) => void;
  onBlur?: (e: { detail: { value: string } }) => void;
  onFocus?: (e: { detail: { value: string } }) => void;
}

/** Props a DOM element understands: ids, classes, events, data-* and aria-*. */
function domProps(props: AnyProps): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key === 'children') continue;
    if (key === 'style') {
      if (value && typeof value === 'object') out.style = value as CSSProperties;
      continue;
    }
    if (
      key === 'id' ||
      key === 'className' ||
      key === 'role' ||
      key === 'title' ||
      key === 'disabled' ||
      key.startsWith('data-') ||
      key.startsWith('aria-') ||
      /^on(Click|TouchStart|TouchMove|TouchEnd|TouchCancel|Focus|Blur|Scroll)$/.test(key)
    ) {
      out[key] = value;
    }
  }
  return out;
}

// forwardRef: NutUI passes refs to View and friends for measuring.
function element(tag: string, displayName: string) {
  const C = React.forwardRef<HTMLElement, object>((props, ref) =>
    React.createElement(tag, { ...domProps(props as AnyProps), ref }, (props as AnyProps).children),
  );
  C.displayName = displayName;
  return C;
}

export const View = element('div', 'View');
export const Text = element('span', 'Text');
export const ScrollView = element('div', 'ScrollView');
export const Swiper = element('div', 'Swiper');
export const SwiperItem = element('div', 'SwiperItem');
export const Form = element('form', 'Form');
export const Label = element('label', 'Label');
export const Canvas = element('canvas', 'Canvas');
export const Video = element('video', 'Video');

export const Image = React.forwardRef<HTMLImageElement, object>((props, ref) => (
  <img {...domProps(props as AnyProps)} src={(props as InputProps).src} ref={ref} alt="" />
));
Image.displayName = 'Image';

export const Button = React.forwardRef<HTMLButtonElement, object>((props, ref) => (
  <button type="button" {...domProps(props as AnyProps)} ref={ref}>
    {(props as AnyProps).children}
  </button>
));
Button.displayName = 'Button';

export const Input = React.forwardRef<HTMLInputElement, object>((rawProps, ref) => {
  const props = rawProps as InputProps;
  const { value, type, placeholder, maxlength, onInput, onBlur, onFocus } = props;
  return (
    <input
      {...domProps(props)}
      ref={ref}
      type={type === 'password' ? 'password' : 'text'}
      value={value ?? ''}
      placeholder={placeholder}
      maxLength={maxlength}
      onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
      onBlur={(e) => onBlur?.({ detail: { value: e.target.value } })}
      onFocus={(e) => onFocus?.({ detail: { value: e.target.value } })}
    />
  );
});
Input.displayName = 'Input';

export const Textarea = React.forwardRef<HTMLTextAreaElement, object>((rawProps, ref) => {
  const props = rawProps as InputProps;
  return (
    <textarea
      {...domProps(props)}
      ref={ref}
      value={props.value ?? ''}
      onChange={(e) => props.onInput?.({ detail: { value: e.target.value } })}
    />
  );
});
Textarea.displayName = 'Textarea';

interface PickerProps extends AnyProps {
  mode?: string;
  value?: string;
  onChange?: (e: { detail: { value: string } }) => void;
}

/** Picker: its children, plus an input standing for the wheel (change it to pick a value). */
export const Picker = React.forwardRef<HTMLDivElement, object>((rawProps, ref) => {
  const props = rawProps as PickerProps;
  return (
    <div {...domProps(props)} ref={ref}>
      {props.children}
      <input
        className="picker-value"
        data-mode={props.mode}
        value={props.value ?? ''}
        onChange={(e) => props.onChange?.({ detail: { value: e.target.value } })}
      />
    </div>
  );
});
Picker.displayName = 'Picker';
