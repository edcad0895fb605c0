/**
 * R13.1 a relative asks to act for an elder: the elder's name and ID number as on their card, the
 * relation (large choices), and the relative's own name, which the elder is shown. The ID number
 * gets the same instant hints as 实名登记; the server checks everything again.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ProxyLinkView, Relation, RequestProxyInput } from '../../cloudfunctions/contract';
import { RELATIONS } from '../../cloudfunctions/core/proxies';
import type { CallOptions } from '../api/client';
import { idNumberHint } from '../utils/id-number-hint';
import { ChoiceField, TextField } from './form-field';
import { Notice, WideButton } from './page-parts';
import { useConfirmedAction } from './use-confirmed-action';

const RELATION_CHOICES = RELATIONS.map((r) => ({ value: r, name: r }));

export interface FamilyRequestProps {
  request: (input: RequestProxyInput, options: CallOptions) => Promise<ProxyLinkView>;
  onSent: (link: ProxyLinkView) => void;
}

export function FamilyRequestForm({ request, onSent }: FamilyRequestProps) {
  const [elderName, setElderName] = useState('');
  const [elderId, setElderId] = useState('');
  const [relation, setRelation] = useState<Relation | null>(null);
  const [proxyName, setProxyName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const flow = useConfirmedAction(request, { onDone: (link) => onSent(link) });
  const hint = idNumberHint(elderId, elderId.length > 0, new Date());
  const changed = (set: (v: string) => void) => (v: string) => {
    set(v);
    setProblem(null);
    flow.renew();
  };

  const submit = () => {
    if (elderName.trim().length < 2) return setProblem('请填写老人的姓名');
    if (hint.kind !== 'ok') return setProblem(hint.kind === 'error' ? hint.message : '请填写老人的身份证号码');
    if (!relation) return setProblem('请选择您和老人的关系');
    if (proxyName.trim().length < 2) return setProblem('请填写您自己的姓名');
    setProblem(null);
    void flow.submit({ elderName: elderName.trim(), elderIdNumber: elderId.trim(), relation, proxyName: proxyName.trim() });
  };

  return (
    <View id="family-request" className="czt-card family-request">
      <Text className="czt-card-title">为家里老人代办</Text>
      <Text className="czt-card-text">填写后，老人在自己的手机上点同意就可以了；老人没有手机，可以带老人和身份证到县人社局当面办理</Text>
      <TextField id="family-elder-name" label="老人姓名" type="text" maxlength={20} placeholder="与身份证一致" value={elderName} onInput={changed(setElderName)} />
      <TextField
        id="family-elder-id"
        label="老人身份证号"
        type="idcard"
        maxlength={18}
        placeholder="18位身份证号码"
        value={elderId}
        onInput={changed(setElderId)}
        invalid={hint.kind === 'error'}
        error={hint.kind === 'error' ? hint.message : null}
      />
      <ChoiceField
        idPrefix="family-relation"
        label="您是老人的"
        choices={RELATION_CHOICES}
        chosen={relation}
        onChoose={(r) => {
          setRelation(r);
          flow.renew();
        }}
      />
      <TextField id="family-proxy-name" label="您的姓名" type="text" maxlength={20} placeholder="老人会看到" value={proxyName} onInput={changed(setProxyName)} />
      <Notice className="family-request-error" text={problem ?? flow.notice} />
      <WideButton id="family-request-submit" loading={flow.busy} row onClick={submit}>
        提交申请
      </WideButton>
    </View>
  );
}
