/**
 * R13.2 on the officials' dashboard: the region's classes under way with their share of printed
 * 签到卡 and trainer's marks among check-ins, flagged above 20 % (flagged first, as the server
 * sorts); and the 亲情代办 requests waiting to be agreed in person (R13.1).
 */
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { ClassCheckInsView } from '../../../../../cloudfunctions/contract';
import { FLAGGED_SHARE } from '../../../../../cloudfunctions/core/attendance';
import { type ApiError, call, toApiError } from '../../../../api/client';
import { RetryNotice } from '../../../../components/page-parts';
import { useFamilyStore } from '../../../../stores/use-family-store';
import { URLS } from '../../../../utils/routes';
import { EntryRow } from '../../components/entry-row';

const percent = (share: number) => `${Math.round(share * 100)}%`;

function ShareRow({ c }: { c: ClassCheckInsView }) {
  const { total, card, manual, share, flagged } = c.checkIns;
  return (
    <View className={`czt-card checkin-share ${flagged ? 'is-flagged' : ''}`} data-id={c.classId}>
      <View className="checkin-share-head">
        <Text className="checkin-share-name">{c.name}</Text>
        <Text className={`checkin-share-rate ${flagged ? 'is-flagged' : ''}`}>{percent(share)}</Text>
      </View>
      <Text className="checkin-share-line">{`${c.institution.name} · ${c.county.name}`}</Text>
      <Text className="checkin-share-line">{`签到${total}人次：签到卡${card}，老师补签${manual}`}</Text>
      {flagged ? <Text className="checkin-share-flag">{`超过${percent(FLAGGED_SHARE)}，请核实`}</Text> : null}
    </View>
  );
}

/** The classes' check-in shares of a region (the dashboard's region), loaded with it. */
export function CheckInShares({ regionCode }: { regionCode: string | undefined }) {
  const [rows, setRows] = useState<ClassCheckInsView[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(() => {
    setError(null);
    call('training', 'classCheckIns', regionCode ? { regionCode } : {})
      .then(setRows)
      .catch((e: unknown) => setError(toApiError(e)));
  }, [regionCode]);
  useEffect(load, [load]);
  return (
    <View id="checkin-shares" className="official-section checkin-shares">
      <Text className="checkin-shares-title">签到方式核查（签到卡和老师补签）</Text>
      <RetryNotice message={error ? `没有加载：${error.message}` : null} onRetry={load} />
      {rows?.length === 0 ? <Text className="czt-card-text">没有正在上课的班</Text> : null}
      {rows?.map((c) => <ShareRow key={c.classId} c={c} />)}
    </View>
  );
}

/** R13.1 the 亲情代办 requests an official of the region agrees to in person, with their count. */
export function FamilyEntry() {
  const waiting = useFamilyStore((s) => s.pending?.length ?? 0);
  useEffect(() => {
    void useFamilyStore.getState().loadPending();
  }, []);
  return <EntryRow id="go-family" title="亲情代办当面办理" text="老人带身份证来办理：核对后当面同意" url={URLS.family} count={waiting} />;
}
