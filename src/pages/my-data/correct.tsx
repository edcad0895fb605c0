/** R14.2 更正: the phone and the household township (name and ID number: at the township office). */
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { Profile, Region, UpdateProfileInput } from '../../../cloudfunctions/contract';
import { call } from '../../api/client';
import { TextField } from '../../components/form-field';
import { Notice, WideButton } from '../../components/page-parts';
import { RegionChooser } from '../../components/region-chooser';
import { useConfirmedAction } from '../../components/use-confirmed-action';
import { useSessionStore } from '../../stores/use-session-store';

export function CorrectProfile({ profile, onSaved }: { profile: Profile; onSaved: () => void }) {
  const updateProfile = useSessionStore((s) => s.updateProfile);
  const [regions, setRegions] = useState<Region[] | null>(null);
  const [phone, setPhone] = useState(profile.phone ?? '');
  const [countyCode, setCountyCode] = useState<string | null>(profile.county.code);
  const [townshipCode, setTownshipCode] = useState<string | null>(profile.township.code);
  const loadRegions = useCallback(() => void call('account', 'regions', {}).then(setRegions).catch(() => setRegions(null)), []);
  useEffect(loadRegions, [loadRegions]);
  const flow = useConfirmedAction((input: UpdateProfileInput, options) => updateProfile(input, options), { doneTitle: '已更正', onDone: onSaved });
  const changed = phone.trim() !== (profile.phone ?? '') || (townshipCode !== null && townshipCode !== profile.township.code);
  return (
    <View id="my-data-correct" className="czt-card my-data-correct">
      <Text className="czt-card-title">更正手机号和户籍</Text>
      <Text className="czt-card-text">姓名和身份证号码不能在手机上修改，请带身份证到乡镇人社所办理。</Text>
      <TextField id="my-data-phone" label="手机号" optional type="number" maxlength={11} placeholder="11位手机号" value={phone} onInput={setPhone} />
      {regions ? (
        <RegionChooser
          regions={regions}
          countyCode={countyCode}
          townshipCode={townshipCode}
          idPrefix="my-data"
          onChange={(c, t) => {
            setCountyCode(c);
            setTownshipCode(t);
          }}
        />
      ) : null}
      <Notice className="my-data-correct-error" text={flow.notice} />
      <WideButton
        id="my-data-save"
        row
        disabled={!changed}
        loading={flow.busy}
        onClick={() => void flow.submit({ phone: phone.trim() || null, ...(townshipCode ? { townshipCode } : {}) })}
      >
        保存更正
      </WideButton>
    </View>
  );
}
