/**
 * 登记拨付 (R12.1): the transfer for an application's approved, unpaid entries — the amount (in
 * yuan, exactly what was approved; the server refuses any other), the date (not after today) and
 * the bank's reference — checked on the phone as the server checks it, then sent once.
 */
import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ApplicationView } from '../../../../cloudfunctions/contract';
import { chinaToday } from '../../../../cloudfunctions/core/china-date';
import { ERROR_MESSAGES } from '../../../../cloudfunctions/core/errors';
import { paymentProblem, transferRefProblem } from '../../../../cloudfunctions/core/settlement';
import { TextField } from '../../../components/form-field';
import { Notice, WideButton } from '../../../components/page-parts';
import { yuanText } from '../../../utils/numbers';

export interface Payment {
  applicationId: string;
  certificateNumbers: string[];
  amountFen: number;
  paidOn: string;
  transferRef: string;
}

/** `1,200.50` or `1200.5` → 120050 fen; null when it is not an amount. */
export function fenOfYuan(text: string): number | null {
  const t = text.replace(/[,，\s¥]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const [whole, cents = ''] = t.split('.');
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

export function PaymentForm({ a, busy, notice, onPay }: { a: ApplicationView; busy: boolean; notice: string | null; onPay: (p: Payment) => void }) {
  const approved = (a.entries ?? []).filter((e) => e.status === 'approved');
  const dueFen = approved.reduce((sum, e) => sum + e.amountFen, 0);
  const today = chinaToday(new Date());
  const [amount, setAmount] = useState((dueFen / 100).toFixed(2));
  const [paidOn, setPaidOn] = useState(today);
  const [ref, setRef] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; ref?: string }>({});
  if (approved.length === 0) return null;
  const send = () => {
    const fen = fenOfYuan(amount);
    const amountCode = fen === null ? 'PAYMENT_AMOUNT_INVALID' : paymentProblem(fen, dueFen);
    const refCode = transferRefProblem(ref);
    setErrors({ amount: amountCode ? ERROR_MESSAGES[amountCode] : undefined, ref: refCode ? ERROR_MESSAGES[refCode] : undefined });
    if (amountCode || refCode || fen === null) return;
    onPay({ applicationId: a.id, certificateNumbers: approved.map((e) => e.certificateNumber), amountFen: fen, paidOn, transferRef: ref.trim() });
  };
  return (
    <View id="payment-form" className="czt-card payment-form">
      <Text className="czt-card-title">登记拨付</Text>
      <Text className="czt-card-text">{`审核通过未拨付 ${approved.length} 条，应拨 ${yuanText(dueFen)}`}</Text>
      <TextField id="payment-amount" label="拨付金额（元）" type="text" maxlength={16} placeholder="与审核通过的金额一致" value={amount} onInput={setAmount} error={errors.amount} />
      <View className="czt-field">
        <Text className="czt-label">拨付日期</Text>
        <Picker mode="date" value={paidOn} end={today} onChange={(e) => setPaidOn(String(e.detail.value))}>
          <View id="payment-date" className="czt-input">
            <Text>{paidOn}</Text>
          </View>
        </Picker>
      </View>
      <TextField id="payment-ref" label="转账凭证号" type="text" maxlength={40} placeholder="银行回单上的编号" value={ref} onInput={setRef} error={errors.ref} />
      <Notice className="payment-notice" text={notice} />
      <WideButton id="payment-confirm" loading={busy} disabled={busy} onClick={send}>
        确认拨付
      </WideButton>
    </View>
  );
}
