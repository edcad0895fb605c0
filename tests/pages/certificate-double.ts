/** Builders for certificates, verification answers and employment, as the server answers them. */
import type { CertificateView, EmploymentView, FollowUpView, VerifyView } from '../../cloudfunctions/contract';
import { builder } from './api-double';

export const NUMBER = '2026141127000012';
export const CODE = 'K7M2Q9XH';

/** 养老护理员（五级）, issued 12 March 2026 by 吕梁山护工培训学校. */
export const aCertificate = builder<CertificateView>(() => ({
  number: NUMBER,
  verifyCode: CODE,
  kind: 'skill_level',
  kindName: '职业技能等级证书',
  occupation: { code: '4-10-01-05', name: '养老护理员' },
  level: 5,
  levelName: '五级/初级工',
  issuer: { id: 'inst-lvliang-hugong', name: '吕梁山护工培训学校' },
  issuedOn: '2026-03-12',
  status: 'valid',
  statusName: '有效',
  revokedReason: null,
  holderName: '张秀萍',
  followUpsDue: ['2026-06-12', '2026-09-12'],
}));

export const revoked = (reason = '考核材料不实'): Partial<CertificateView> => ({
  status: 'revoked',
  statusName: '已撤销',
  revokedReason: reason,
});

export const aVerifyView = builder<VerifyView>(() => ({
  number: NUMBER,
  holderName: '张*萍',
  kindName: '职业技能等级证书',
  occupation: '养老护理员',
  levelName: '五级/初级工',
  issuer: '吕梁山护工培训学校',
  issuedOn: '2026-03-12',
  status: 'valid',
  statusName: '有效',
  revokedReason: null,
}));

export const aFollowUp = builder<FollowUpView>(() => ({
  certificateNumber: NUMBER,
  occupation: '养老护理员',
  months: 3,
  dueOn: '2026-06-12',
  status: 'due',
}));

export const anEmployment = builder<EmploymentView>(() => ({
  id: 'emp-1',
  status: 'employed',
  statusName: '单位就业',
  employer: '吕梁康养中心',
  occupation: '养老护理员',
  place: 'province',
  placeName: '县外省内',
  region: null,
  placeDetail: '太原市小店区',
  startDate: '2026-04-01',
  monthlyIncomeFen: 350_000,
  transfer: true,
  reportedAt: '2026-11-20T02:00:00.000Z',
}));
