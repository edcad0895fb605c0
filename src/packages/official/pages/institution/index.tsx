/**
 * 机构详情 (R11.1, R11.2): one institution — its facts, what it may train (修改 opens the form),
 * its evaluation registrations (添加, 终止), its teachers (撤销) and 邀请老师, and 暂停 / 恢复.
 * 邀请老师 is the page's main action.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { InstitutionView } from '../../../../../cloudfunctions/contract';
import { LinkRow, RetryNotice, WideButton } from '../../../../components/page-parts';
import { neededPageState } from '../../../../components/page-data';
import { EmptyState, LoadingState, PageShell } from '../../../../components/page-shell';
import { pageParam } from '../../../../utils/page-param';
import { URLS, withQuery } from '../../../../utils/routes';
import { StatusTags, trainsText } from '../../components/institution-card';
import { InstitutionStatusCard } from '../../components/institution-status';
import { NoAccess } from '../../components/no-access';
import { RegistrationForm, RegistrationList } from '../../components/registrations';
import { StaffList } from '../../components/staff-list';
import { useOfficialRole } from '../../components/use-official-role';
import { useSupplyStore } from '../../stores/use-supply-store';
import '../../official.scss';
import '../../supply.scss';

const open = (url: string) => void Taro.navigateTo({ url });

function Facts({ institution: i }: { institution: InstitutionView }) {
  return (
    <View className="czt-card institution-facts">
      <Text className="supply-line">{`类型：${i.kindName}`}</Text>
      <Text className="supply-line">{`统一社会信用代码：${i.creditCode}`}</Text>
      <Text className="supply-line">{`地址：${i.county.name}${i.township.name} ${i.address}`}</Text>
      <Text className="supply-line">{`联系人：${i.contactName} ${i.contactPhone}`}</Text>
      <Text className="supply-section-title">可培训</Text>
      <Text id="institution-trains" className="supply-line">{trainsText(i)}</Text>
      <LinkRow id="institution-edit" className="supply-inline-link" onClick={() => open(withQuery(URLS.officialInstitutionForm, { institutionId: i.id }))}>
        修改机构信息
      </LinkRow>
    </View>
  );
}

function Teachers({ institutionId }: { institutionId: string }) {
  const members = useSupplyStore((s) => s.staff[institutionId] ?? null);
  const error = useSupplyStore((s) => s.staffErrors[institutionId] ?? null);
  const load = () => void useSupplyStore.getState().loadStaff({ institutionId });
  if (!members) return error ? <RetryNotice message={error.message} onRetry={load} /> : <LoadingState />;
  return <StaffList members={members} none="还没有老师。点“邀请老师”，请老师用微信扫码接受。" reload={load} />;
}

function Detail({ institution }: { institution: InstitutionView }) {
  const occupations = useSupplyStore((s) => s.occupations);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <View className="czt-hero">
        <Text id="institution-name" className="czt-hero-title">
          {institution.name}
        </Text>
        <StatusTags institution={institution} />
      </View>
      <WideButton id="invite-teacher" onClick={() => open(withQuery(URLS.officialNewInvitation, { institutionId: institution.id }))}>
        邀请老师
      </WideButton>
      <Facts institution={institution} />
      <Text className="supply-section">评价备案</Text>
      <RegistrationList institution={institution} />
      {adding && occupations ? (
        <RegistrationForm institutionId={institution.id} occupations={occupations} onClose={() => setAdding(false)} />
      ) : (
        <WideButton id="registration-add" kind="secondary" row onClick={() => setAdding(true)}>
          添加评价备案
        </WideButton>
      )}
      <Text className="supply-section">本机构老师</Text>
      <Teachers institutionId={institution.id} />
      <InstitutionStatusCard institution={institution} />
    </>
  );
}

export default function OfficialInstitutionPage() {
  const role = useOfficialRole();
  const institutionId = pageParam('institutionId');
  const institution = useSupplyStore((s) => s.institution[institutionId] ?? null);
  const error = useSupplyStore((s) => s.institutionErrors[institutionId] ?? null);
  const allowed = Boolean(role.binding) && institutionId !== '';
  const load = () => {
    void useSupplyStore.getState().loadInstitution(institutionId);
    void useSupplyStore.getState().loadStaff({ institutionId });
  };
  useEffect(() => {
    if (!allowed) return;
    load();
    void useSupplyStore.getState().loadOccupations();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [allowed, institutionId]);
  // Back from the form or an invitation: what is shown may have changed.
  useDidShow(() => {
    if (allowed && useSupplyStore.getState().institution[institutionId]) load();
  });
  const page = neededPageState(role.session, allowed, [{ value: institution, error, retry: load }]);
  return (
    <PageShell className="page-official-institution" {...page}>
      {!role.binding ? <NoAccess /> : !institutionId ? <EmptyState title="没有找到这个机构" text="请从机构库进入" /> : institution ? <Detail institution={institution} /> : null}
    </PageShell>
  );
}
