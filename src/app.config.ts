export default defineAppConfig({
  // The laborer's pages live in the main package; tab-bar pages must be here.
  pages: [
    'pages/index/index',
    'pages/vouchers/index',
    'pages/classes/index',
    'pages/certificates/index',
    'pages/me/index',
    'pages/register/index',
    'pages/my-vouchers/index',
    'pages/my-classes/index',
    // Main package on purpose: the code must show with no network (R6.1).
    'pages/attendance-code/index',
    'pages/certificate-detail/index',
    'pages/employment/index',
    // Every role's message centre (R10), so it opens without loading a subpackage.
    'pages/messages/index',
    // R11.2 an invitation's QR code opens it: the newcomer has no role yet, so no subpackage.
    'pages/invite/index',
    // R13.1 亲情代办: relatives (often with no role and no registration), elders, and the county
    // official who agrees in person: everyone's, so the main package.
    'pages/family/index',
    // R14 the privacy guide is shown before registration, to anyone: the main package. 我的信息 and
    // the face check belong to every laborer.
    'pages/privacy/index',
    'pages/my-data/index',
    'pages/face-check/index'
  ],
  // Role areas load only for the people who use them (DESIGN "Front end").
  subPackages: [
    {
      root: 'packages/trainer',
      pages: ['pages/classes/index', 'pages/class/index', 'pages/results/index', 'pages/class-form/index', 'pages/assess/index', 'pages/card/index', 'pages/subsidies/index']
    },
    {
      root: 'packages/official',
      pages: [
        'pages/dashboard/index',
        'pages/ranking/index',
        'pages/ledger/index',
        'pages/exports/index',
        'pages/supply/index',
        'pages/institutions/index',
        'pages/institution/index',
        'pages/institution-form/index',
        'pages/staff/index',
        'pages/new-invitation/index',
        'pages/reviews/index',
        'pages/projects/index',
        'pages/settlement/index',
        'pages/application/index',
        'pages/scorecards/index',
        'pages/directed/index',
        'pages/face-checks/index'
      ]
    },
    { root: 'packages/verify', pages: ['pages/verify/index'] }
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '持证通',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f2f3f5'
  },
  tabBar: {
    color: '#333333',
    selectedColor: '#0a4fa8',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png'
      },
      {
        pagePath: 'pages/vouchers/index',
        text: '培训券',
        iconPath: 'assets/tabbar/voucher.png',
        selectedIconPath: 'assets/tabbar/voucher-active.png'
      },
      {
        pagePath: 'pages/classes/index',
        text: '课程',
        iconPath: 'assets/tabbar/class.png',
        selectedIconPath: 'assets/tabbar/class-active.png'
      },
      {
        pagePath: 'pages/certificates/index',
        text: '证书',
        iconPath: 'assets/tabbar/certificate.png',
        selectedIconPath: 'assets/tabbar/certificate-active.png'
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png'
      }
    ]
  },
  // R14.1 WeChat's privacy check: privacy interfaces wait for the user's agreement to the guide,
  // which the 隐私保护指引 page syncs (components/privacy-authorization.ts). weapp only.
  ...(process.env.TARO_ENV === 'weapp' ? { __usePrivacyCheck__: true } : {}),
  // H5 only (not a mini-program app.json field): no slide between pages, so screenshots never
  // catch a page mid-transition.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {})
})
