/**
 * Layer rules (DESIGN.md): functions → services → core; services → store (port); adapters
 * implement the port; the front end sees only contract types and pure core helpers.
 * Run by tests/tooling/dependencies.test.ts over cloudfunctions, src, scripts and bench.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core/ imports nothing but core/ and pure-JS helpers (dayjs, @noble/hashes): no I/O, no SDK, no clock.',
      severity: 'error',
      from: { path: '^cloudfunctions/core/' },
      to: { pathNot: ['^cloudfunctions/core/', '^node_modules/dayjs/', '^node_modules/@noble/hashes/'] },
    },
    {
      name: 'services-not-edges',
      comment: 'use cases never reach up into the cloud entries or the local host.',
      severity: 'error',
      from: { path: '^cloudfunctions/services/' },
      to: { path: ['^cloudfunctions/(gateway|functions)/'] },
    },
    {
      name: 'services-use-the-port',
      comment: 'use cases talk to storage through store/port.ts, never to an adapter.',
      severity: 'error',
      from: { path: '^cloudfunctions/services/' },
      to: { path: ['^cloudfunctions/store/(sqlite|cloudbase|pg)-store', 'better-sqlite3', '@cloudbase/node-sdk', 'node_modules/pg/'] },
    },
    {
      name: 'store-below-services',
      comment: 'adapters know nothing of use cases or entries.',
      severity: 'error',
      from: { path: '^cloudfunctions/store/' },
      to: { path: ['^cloudfunctions/(services|functions|gateway)/'] },
    },
    {
      name: 'cloud-entries-not-local-host',
      comment: 'the dev login and the embedded store must never reach a cloud bundle.',
      severity: 'error',
      from: { path: '^cloudfunctions/functions/' },
      to: { path: ['^cloudfunctions/gateway/', '^cloudfunctions/store/(sqlite|pg)-store', 'better-sqlite3', 'node_modules/pg/', 'fastify'] },
    },
    {
      name: 'dev-face-check-local-only',
      comment: 'R14.3 the pretend face check stands in for WeChat on the local host only: nothing outside the gateway imports it (no cloud entry, use case, adapter or page).',
      severity: 'error',
      from: { pathNot: '^cloudfunctions/gateway/' },
      to: { path: '^cloudfunctions/gateway/face-dev' },
    },
    {
      name: 'wechat-face-check-in-privacy-entry-only',
      comment: 'R14.3 the WeChat face-check adapter (AppSecret, access token) is wired in by the privacy function alone; use cases see the port.',
      severity: 'error',
      from: { pathNot: '^cloudfunctions/functions/privacy/' },
      to: { path: '^cloudfunctions/notify/face-wechat' },
    },
    {
      name: 'front-end-sees-contract-and-core-only',
      comment: 'src/ may import cloudfunctions/contract/ (types) and cloudfunctions/core/ (pure helpers) only.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^cloudfunctions/', pathNot: ['^cloudfunctions/contract(\\.ts$|/)', '^cloudfunctions/core/'] },
    },
    {
      name: 'contexts-through-their-index',
      comment: 'a context reaches another context only through its public index.ts (or not at all).',
      severity: 'error',
      from: { path: '^cloudfunctions/services/([^/]+)/' },
      to: {
        path: '^cloudfunctions/services/[^/]+/',
        pathNot: ['^cloudfunctions/services/$1/', '^cloudfunctions/services/(kernel|books)/', '^cloudfunctions/services/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'kernel-and-books-know-no-context',
      comment: 'the kernel and the books are what every context builds on: they import no context (the kernel not even the books).',
      severity: 'error',
      from: { path: '^cloudfunctions/services/(kernel|books)/' },
      to: { path: '^cloudfunctions/services/', pathNot: ['^cloudfunctions/services/(kernel|books)/'] },
    },
    {
      name: 'kernel-below-books',
      comment: 'the books use the kernel (places), never the other way round.',
      severity: 'error',
      from: { path: '^cloudfunctions/services/kernel/' },
      to: { path: '^cloudfunctions/services/books/' },
    },
    {
      name: 'no-circular',
      comment: 'no import circles anywhere: functions, app, commands and benchmarks.',
      severity: 'error',
      from: { path: '^(cloudfunctions|src|scripts|bench)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
