/**
 * 补贴 (R12.1) as both sides see it: one entry (the person, the certificate, the amount, where it
 * stands and what it rests on) and one application in a line or two.
 */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { ApplicationView, SubsidyEntryView } from '../../cloudfunctions/contract';
import { SUBSIDY_STATUS_NAMES } from '../../cloudfunctions/core/certificates';
import { dateTextOf } from '../../cloudfunctions/core/china-date';
import { yuanText } from '../utils/numbers';
import './settlement-cards.scss';

export function evidenceText(e: SubsidyEntryView['evidence']): string {
  const parts = [
    e.className ?? '评价券直接鉴定',
    e.attended !== null && e.sessions ? `出勤 ${e.attended}/${e.sessions} 节（${e.attendancePercent}%）` : null,
    e.score !== null ? `成绩 ${e.score} 分` : null,
    e.voucherType,
  ];
  return parts.filter(Boolean).join('，');
}

export function EntryCard({ e, children }: { e: SubsidyEntryView; children?: ReactNode }) {
  return (
    <View className="czt-card subsidy-entry" data-number={e.certificateNumber} data-status={e.status}>
      <View className="subsidy-entry-head">
        <Text className="subsidy-entry-name">{e.personName}</Text>
        <Text className="subsidy-entry-amount">{yuanText(e.amountFen)}</Text>
      </View>
      <Text className="czt-card-text">{`${e.occupation}${e.levelName ? ` ${e.levelName}` : ''}`}</Text>
      <Text className="czt-card-text subsidy-entry-evidence">{evidenceText(e.evidence)}</Text>
      <Text className="czt-footnote">{`证书 ${e.certificateNumber}　${e.idNumber}`}</Text>
      <Text className={`subsidy-entry-status subsidy-status-${e.status}`}>{e.statusName}</Text>
      {e.reviewReason ? <Text className="subsidy-entry-reason">{`原因：${e.reviewReason}`}</Text> : null}
      {children}
    </View>
  );
}

/** 已申领 3，已审核 2，已拨付 1 — in the order money moves. */
export function countsText(counts: ApplicationView['counts']): string {
  const order = ['applied', 'approved', 'rejected', 'paid', 'withdrawn'] as const;
  return order.flatMap((s) => (counts[s] ? [`${SUBSIDY_STATUS_NAMES[s]} ${counts[s]}`] : [])).join('，') || '已全部退回修改';
}

export function ApplicationCard({ a, onOpen }: { a: ApplicationView; onOpen?: () => void }) {
  return (
    <View className="czt-card subsidy-application" data-id={a.id} data-settled={a.settled ? 'yes' : 'no'} onClick={onOpen}>
      <Text className="czt-card-title">{a.className ?? `${a.institution.name}的申领`}</Text>
      <Text className="czt-card-text">{`${a.institution.name} · ${a.county.name}`}</Text>
      <Text className="czt-card-text">{`${dateTextOf(a.appliedAt)}申领 ${a.submitted} 条，合计 ${yuanText(a.amountFen)}`}</Text>
      <Text className="czt-card-text application-counts">{countsText(a.counts)}</Text>
      <Text className="czt-card-text application-paid">{`已拨付 ${yuanText(a.paidFen)}`}</Text>
      <Text className={`subsidy-entry-status ${a.settled ? 'subsidy-status-paid' : 'subsidy-status-applied'}`}>{a.settled ? '已办结' : '办理中'}</Text>
    </View>
  );
}
