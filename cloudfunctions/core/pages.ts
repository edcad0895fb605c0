/**
 * The app's page routes that the server names (reminders open them). The app's own
 * `src/app.config.ts` lists the same pages; subpackage pages follow Taro's
 * `pages/<name>/index` layout.
 */
export const PAGES = {
  home: 'pages/index/index',
  vouchers: 'pages/vouchers/index',
  classes: 'pages/classes/index',
  certificates: 'pages/certificates/index',
  me: 'pages/me/index',
  myVouchers: 'pages/my-vouchers/index',
  myClasses: 'pages/my-classes/index',
  employment: 'pages/employment/index',
  messages: 'pages/messages/index',
  /** R11.2 an invitation's QR opens this page with `?code=`. */
  invite: 'pages/invite/index',
  trainerClasses: 'packages/trainer/pages/classes/index',
  officialDashboard: 'packages/official/pages/dashboard/index',
  officialRanking: 'packages/official/pages/ranking/index',
} as const;

export type PagePath = (typeof PAGES)[keyof typeof PAGES];
