/**
 * 保存为图片 for a card (a certificate, a 签到卡): the button, its busy state and toast, and — in
 * the mini-program — the off-screen 2d canvas it draws on (utils/card-image).
 */
import { Canvas } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { CANVAS_ID, type CardImage, IMAGE_HEIGHT, IMAGE_WIDTH, saveCardImage } from '../utils/card-image';
import { WideButton } from './page-parts';

export interface SaveImageButtonProps {
  id: string;
  label: string;
  kind?: 'primary' | 'secondary';
  /** What to draw; null: nothing to save yet. */
  image: CardImage | null;
}

export function SaveImageButton({ id, label, kind, image }: SaveImageButtonProps) {
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!image || saving) return;
    setSaving(true);
    try {
      await saveCardImage(image);
      void Taro.showToast({ title: process.env.TARO_ENV === 'weapp' ? '已保存到相册' : '已下载图片', icon: 'success' });
    } catch (e) {
      void Taro.showToast({ title: e instanceof Error && e.message ? e.message : '保存失败，请重试', icon: 'none' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <WideButton id={id} kind={kind} loading={saving} row onClick={() => void save()}>
        {label}
      </WideButton>
      {process.env.TARO_ENV === 'weapp' ? (
        <Canvas type="2d" id={CANVAS_ID} className="czt-offscreen-canvas" style={{ width: `${IMAGE_WIDTH}px`, height: `${IMAGE_HEIGHT}px` }} />
      ) : null}
    </>
  );
}
