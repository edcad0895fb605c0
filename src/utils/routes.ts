/**
 * Every page's address for navigateTo, redirectTo and switchTab. The pages the server names
 * (reminders open them) come from core/pages.ts, so a reminder and a tap open the same page; the
 * others are the app's own. src/app.config.ts lists the same routes (tests/pages/routes.test.ts
 * checks that they agree).
 */
import { PAGES } from '../../cloudfunctions/core/pages';
import { PRIVACY_URLS } from './privacy-routes';

const at = (route: string) => `/${route}`;

export const URLS = {
  home: at(PAGES.home),
  vouchers: at(PAGES.vouchers),
  classes: at(PAGES.classes),
  certificates: at(PAGES.certificates),
  me: at(PAGES.me),
  myVouchers: at(PAGES.myVouchers),
  myClasses: at(PAGES.myClasses),
  employment: at(PAGES.employment),
  messages: at(PAGES.messages),
  invite: at(PAGES.invite),
  register: '/pages/register/index',
  family: '/pages/family/index',
  attendanceCode: '/pages/attendance-code/index',
  certificateDetail: '/pages/certificate-detail/index',
  trainerClasses: at(PAGES.trainerClasses),
  trainerClass: '/packages/trainer/pages/class/index',
  trainerResults: '/packages/trainer/pages/results/index',
  trainerClassForm: '/packages/trainer/pages/class-form/index',
  trainerAssess: '/packages/trainer/pages/assess/index',
  trainerCard: '/packages/trainer/pages/card/index',
  officialDashboard: at(PAGES.officialDashboard),
  officialRanking: at(PAGES.officialRanking),
  officialLedger: '/packages/official/pages/ledger/index',
  officialExports: '/packages/official/pages/exports/index',
  officialSupply: '/packages/official/pages/supply/index',
  officialInstitutions: '/packages/official/pages/institutions/index',
  officialInstitution: '/packages/official/pages/institution/index',
  officialInstitutionForm: '/packages/official/pages/institution-form/index',
  officialStaff: '/packages/official/pages/staff/index',
  officialNewInvitation: '/packages/official/pages/new-invitation/index',
  officialReviews: '/packages/official/pages/reviews/index',
  officialProjects: '/packages/official/pages/projects/index',
  officialSettlement: '/packages/official/pages/settlement/index',
  officialApplication: '/packages/official/pages/application/index',
  officialScorecards: '/packages/official/pages/scorecards/index',
  officialDirected: '/packages/official/pages/directed/index',
  trainerSubsidies: '/packages/trainer/pages/subsidies/index',
  verify: '/packages/verify/pages/verify/index',
  // R14: the guide, 我的信息, the face check; officials' 实名核验.
  ...PRIVACY_URLS,
  officialFaceChecks: '/packages/official/pages/face-checks/index',
} as const;

/** Tab-bar pages: only `switchTab` opens them (and it takes no query). */
export const TAB_URLS: readonly string[] = [URLS.home, URLS.vouchers, URLS.classes, URLS.certificates, URLS.me];

/** `url?a=1&b=2`, each value encoded. */
export const withQuery = (url: string, query: Record<string, string | number>): string =>
  `${url}?${Object.entries(query)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&')}`;

/** A page's query value, decoded (the mini-program hands them over as written); a stray `%` stays as is. */
export function decodeParam(raw: string | undefined): string {
  if (!raw) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** What a QR code of an app page says: the path in the mini-program; a full address in H5 (hash router). */
export function linkText(path: string): string {
  return process.env.TARO_ENV === 'h5' ? `${window.location.origin}/#${path}` : path;
}
