/** Builders for 亲情代办 links (R13.1), as the `family` function answers them. */
import type { ProxyLinkView } from '../../cloudfunctions/contract';
import { builder } from './api-double';

export const aLink = builder<ProxyLinkView>(() => ({
  linkId: 'link-1',
  elderPersonId: 'p-elder',
  elderName: '张*福',
  proxyName: '张小明',
  relation: '子女',
  status: 'requested',
  statusName: '等待同意',
  approvedBy: null,
  requestedAt: '2026-11-23T02:00:00.000Z',
  county: { code: '141127', name: '岚县' },
}));

export const anActiveLink = (overrides: Partial<ProxyLinkView> = {}): ProxyLinkView =>
  aLink({ status: 'active', statusName: '代办中', approvedBy: 'elder', ...overrides });

export const links = (asProxy: ProxyLinkView[] = [], asElder: ProxyLinkView[] = []) => ({ asProxy, asElder });
