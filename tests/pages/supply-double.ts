/**
 * Builders for the supply side's views (机构库, 评价库, 人员与邀请, 开班审核, 项目库), as the
 * `institution`, `staff` and `training` functions answer them, and the region tree of 吕梁市 with
 * the empty county 方山县. See api-double.ts for `installApi`.
 */
import { fireEvent, screen } from '@testing-library/react';
import type { InstitutionView, InvitationView, ProjectView, Region, StaffMemberView, WhoAmI } from '../../cloudfunctions/contract';
import { creditCheckCharOf } from '../../cloudfunctions/core/credit-code';
import { ERROR_MESSAGES } from '../../cloudfunctions/core/errors';
import { useOfficialStore } from '../../src/packages/official/stores/use-official-store';
import { useSupplyStore } from '../../src/packages/official/stores/use-supply-store';
import { useSessionStore } from '../../src/stores/use-session-store';
import { __resetTaroMock, getCurrentInstance } from './__mocks__/taro';
import { type ApiCall, aRoleHolder, builder, resetStores } from './api-double';

export const NOW = '2026-03-02T02:00:00.000Z';

/** The 吕梁市 admin (and official), as the seed's official-city. */
export const aCityAdmin = (): WhoAmI => ({
  registered: false,
  profile: null,
  roles: [
    { role: 'official', regionCode: '141100', regionName: '吕梁市' },
    { role: 'admin', regionCode: '141100', regionName: '吕梁市' },
  ],
  now: NOW,
});

export const aCountyOfficial = (): WhoAmI => aRoleHolder({ role: 'official', regionCode: '141128', regionName: '方山县' }, NOW);

export const SUPPLY_REGIONS: Region[] = [
  { code: '140000', name: '山西省', level: 'province' },
  { code: '141100', name: '吕梁市', level: 'city', parent: '140000' },
  { code: '141127', name: '岚县', level: 'county', parent: '141100' },
  { code: '141128', name: '方山县', level: 'county', parent: '141100' },
  { code: '141127101', name: '岚城镇', level: 'township', parent: '141127' },
  { code: '141128100', name: '圪洞镇', level: 'township', parent: '141128' },
];

export const OCCUPATIONS = [
  { code: '4-03-02-01', name: '中式烹调师', category: 'skills', levels: [5, 4, 3, 2, 1] },
  { code: '4-10-01-05', name: '养老护理员', category: 'skills', levels: [5, 4, 3] },
  { code: '5-99-00-01', name: '庭院种植', category: 'agri', levels: [0] },
];

/** A valid credit code of 方山县 (GB 32100-2015 check character from core). */
export const CREDIT_CODE = (() => {
  const first17 = '52141128MJ0000001';
  return first17 + creditCheckCharOf(first17);
})();

export const anInstitution = builder<InstitutionView>(() => ({
  id: 'inst-9',
  name: '方山县厨师培训学校',
  creditCode: CREDIT_CODE,
  kind: 'school',
  kindName: '培训学校',
  county: { code: '141128', name: '方山县' },
  township: { code: '141128100', name: '圪洞镇' },
  address: '新华街12号',
  contactName: '王主任',
  contactPhone: '13800001111',
  trains: [{ occupationCode: '4-03-02-01', levels: [5, 4], occupationName: '中式烹调师', levelsText: '五级–四级' }],
  registrations: [],
  evaluationBody: false,
  status: 'active',
  statusName: '正常',
  statusReason: null,
  createdAt: NOW,
  updatedAt: NOW,
}));

export type Registration = InstitutionView['registrations'][number];

export const aRegistration = builder<Registration>(() => ({
  id: 'reg-1',
  occupationCode: '4-03-02-01',
  levels: [5, 4],
  registrationNo: '晋评备2026001',
  validFrom: '2026-03-02',
  validUntil: '2029-03-01',
  endedAt: null,
  occupationName: '中式烹调师',
  levelsText: '五级–四级',
  inForce: true,
}));

export const anInvitation = builder<InvitationView>(() => ({
  code: 'ABCDEFGH',
  codeText: 'ABCD-EFGH',
  role: 'trainer',
  roleName: '培训机构老师',
  region: null,
  institution: { id: 'inst-9', name: '方山县厨师培训学校' },
  inviteeNote: '张老师',
  summary: '吕梁市人社部门管理员邀请张老师成为方山县厨师培训学校的培训机构老师',
  inviterName: '吕梁市人社部门管理员',
  status: 'open',
  statusName: '待接受',
  expiresAt: '2026-03-05T02:00:00.000Z',
  createdAt: NOW,
  acceptedAt: null,
  path: '/pages/invite/index?code=ABCDEFGH',
}));

export function anOfficialInvitation(overrides: Partial<InvitationView> = {}): InvitationView {
  return anInvitation({
    code: 'KMNPQRST',
    codeText: 'KMNP-QRST',
    role: 'official',
    roleName: '人社部门工作人员',
    region: { code: '141128', name: '方山县' },
    institution: null,
    inviteeNote: '方山县王科长',
    summary: '吕梁市人社部门管理员邀请方山县王科长成为方山县的人社部门工作人员',
    path: '/pages/invite/index?code=KMNPQRST',
    ...overrides,
  });
}

export const aStaffMember = builder<StaffMemberView>(() => ({
  bindingId: 'b-1',
  role: 'trainer',
  roleName: '培训机构老师',
  region: null,
  institution: { id: 'inst-9', name: '方山县厨师培训学校' },
  name: '张老师',
  grantedAt: NOW,
  invitationCode: 'ABCDEFGH',
}));

export const aProject = builder<ProjectView>(() => ({
  id: 'proj-1',
  name: '吕梁山护工',
  region: { code: '141100', name: '吕梁市' },
  occupations: [{ code: '4-10-01-05', name: '养老护理员' }],
  bands: ['A', 'B'],
  year: 2026,
  targetTrainees: 5000,
  brand: '吕梁山护工',
  trainees: 120,
  active: true,
  createdAt: NOW,
}));

/** Before each official supply page test: Taro's mocks cleared, the page's query, empty stores. */
export function onSupplyPage(params: Record<string, string> = {}): void {
  __resetTaroMock();
  getCurrentInstance.mockReturnValue({ router: { params, path: '/packages/official/pages/x/index' }, page: {} });
  resetStores(useSessionStore, useOfficialStore, useSupplyStore);
}

/** The calls of one function's action. */
export const callsOf = (calls: ApiCall[], fn: string, action: string): ApiCall[] => calls.filter((c) => c.fn === fn && c.action === action);

/** Types into the input of a TextField by its id. */
export function typeInto(container: HTMLElement, id: string, value: string): void {
  const input = container.querySelector(`#${id}`);
  if (!input) throw new Error(`no field #${id}`);
  fireEvent.change(input, { target: { value } });
}

/** Taps the element matching `selector`. */
export function tap(container: HTMLElement, selector: string): void {
  const el = container.querySelector(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  fireEvent.click(el);
}

/** Taps `confirm` with no reason typed: the phone says a reason is needed and sends nothing to `fn.action`. */
export async function expectReasonRequired(
  container: HTMLElement,
  confirm: string,
  calls: ApiCall[],
  fn: string,
  action: string,
): Promise<void> {
  tap(container, confirm);
  expect(await screen.findByText(ERROR_MESSAGES.REASON_REQUIRED)).toBeTruthy();
  expect(callsOf(calls, fn, action)).toHaveLength(0);
}
