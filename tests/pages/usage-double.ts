/**
 * Builders for the dashboard's usage-rate and reach section (R12.3) and the 定向发券 views
 * (R12.2), as the `official` function answers them.
 */
import type { DirectedJobView, DirectedReport, UsageView } from '../../cloudfunctions/contract';
import { builder } from './api-double';

export const aUsage = builder<UsageView>(() => ({
  total: { issued: 1200, claimed: 1100, directed: 100, used: 414, expired: 55, rate: '34.50' },
  byType: [
    { type: 'agri', name: '农业实用技术培训券', issued: 300, claimed: 300, directed: 0, used: 90, expired: 5, rate: '30.00' },
    { type: 'skills', name: '职业技能培训券', issued: 900, claimed: 800, directed: 100, used: 324, expired: 50, rate: '36.00' },
  ],
  byRegion: [
    { region: { code: '141102', name: '离石区' }, issued: 700, claimed: 650, directed: 50, used: 300, expired: 30, rate: '42.86' },
    { region: { code: '141127', name: '岚县' }, issued: 500, claimed: 450, directed: 50, used: 114, expired: 25, rate: '22.80' },
  ],
  reach: {
    total: { eligible: 5000, reached: 1150, unreached: 3850 },
    byRegion: [
      { region: { code: '141102', name: '离石区' }, eligible: 3000, reached: 680, unreached: 2320 },
      { region: { code: '141127', name: '岚县' }, eligible: 2000, reached: 470, unreached: 1530 },
    ],
  },
}));

export const aDirectedJob = builder<DirectedJobView>(() => ({
  listId: `d${'a'.repeat(32)}`,
  county: { code: '141127', name: '岚县' },
  type: 'skills',
  typeName: '职业技能培训券',
  year: 2026,
  createdAt: '2026-11-23T01:00:00.000Z',
  fileName: null,
  status: 'done',
  progress: 100,
  lines: 5,
  issued: 2,
  pending: 1,
  refused: 2,
  reasons: [
    { group: 'YEARLY_LIMIT', name: '今年已满3次', count: 1 },
    { group: 'malformed', name: '身份证号码有误', count: 1 },
  ],
  open: true,
  openUntil: '2026-12-31T16:00:00.000Z',
  closedAt: null,
  repeated: false,
}));

export function aDirectedReport(job: Partial<DirectedJobView> = {}): DirectedReport {
  return {
    job: aDirectedJob(job),
    rows: [
      { line: 2, masked: '141***********123X', status: 'refused', group: 'YEARLY_LIMIT', reason: '每人每年最多享受3次补贴性培训，本人今年的次数已用完' },
      { line: 4, masked: '141***********0011', status: 'pending', group: 'pending', reason: '还没有实名登记，登记后自动发放' },
      { line: 5, masked: '123', status: 'refused', group: 'malformed', reason: '身份证号码应为18位' },
    ],
  };
}
