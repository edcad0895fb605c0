/**
 * Layer rules (DESIGN.md): functions → services → core; services → store (port); adapters
 * implement the port; the front end sees only contract types and pure core helpers.
 * Run by tests/tooling/dependencies.test.ts over cloudfunctions, src, scripts and bench.
 */
/** A rule that fails the run; `comment` is what a violation prints. */
const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

module.exports = {
  forbidden: [
    forbid('core-is-pure', 'core/ imports nothing but core/ and pure-JS helpers (dayjs, @noble/hashes, js-base64): no I/O, no SDK, no clock.',
      { path: '^cloudfunctions/core/' }, { pathNot: ['^cloudfunctions/core/', '^node_modules/dayjs/', '^node_modules/@noble/hashes/', '^node_modules/js-base64/'] }),
    forbid('services-not-edges', 'use cases never reach up into the cloud entries or the local host.',
      { path: '^cloudfunctions/services/' }, { path: ['^cloudfunctions/(gateway|functions)/'] }),
    forbid('services-use-the-port', 'use cases talk to storage through store/port.ts, never to an adapter.',
      { path: '^cloudfunctions/services/' }, { path: ['^cloudfunctions/store/(sqlite|cloudbase|pg)-store', 'better-sqlite3', '@cloudbase/node-sdk', 'node_modules/pg/'] }),
    forbid('store-below-services', 'adapters know nothing of use cases or entries.',
      { path: '^cloudfunctions/store/' }, { path: ['^cloudfunctions/(services|functions|gateway)/'] }),
    forbid('cloud-entries-not-local-host', 'the dev login and the embedded store must never reach a cloud bundle.',
      { path: '^cloudfunctions/functions/' }, { path: ['^cloudfunctions/gateway/', '^cloudfunctions/store/(sqlite|pg)-store', 'better-sqlite3', 'node_modules/pg/', 'fastify'] }),
    forbid('dev-face-check-local-only', 'R14.3 the pretend face check stands in for WeChat on the local host only: nothing outside the gateway imports it (no cloud entry, use case, adapter or page).',
      { pathNot: '^cloudfunctions/gateway/' }, { path: '^cloudfunctions/gateway/face-dev' }),
    forbid('wechat-face-check-in-privacy-entry-only', 'R14.3 the WeChat face-check adapter (AppSecret, access token) is wired in by the privacy function alone; use cases see the port.',
      { pathNot: '^cloudfunctions/functions/privacy/' }, { path: '^cloudfunctions/notify/face-wechat' }),
    forbid('front-end-sees-contract-and-core-only', 'src/ may import cloudfunctions/contract/ (types) and cloudfunctions/core/ (pure helpers) only.',
      { path: '^src/' }, { path: '^cloudfunctions/', pathNot: ['^cloudfunctions/contract(\\.ts$|/)', '^cloudfunctions/core/'] }),
    forbid('contexts-through-their-index', 'a context reaches another context only through its public index.ts (or not at all).',
      { path: '^cloudfunctions/services/([^/]+)/' }, { path: '^cloudfunctions/services/[^/]+/', pathNot: ['^cloudfunctions/services/$1/', '^cloudfunctions/services/(kernel|books)/', '^cloudfunctions/services/[^/]+/index\\.ts$'] }),
    forbid('kernel-and-books-know-no-context', 'the kernel and the books are what every context builds on: they import no context (the kernel not even the books).',
      { path: '^cloudfunctions/services/(kernel|books)/' }, { path: '^cloudfunctions/services/', pathNot: ['^cloudfunctions/services/(kernel|books)/'] }),
    forbid('kernel-below-books', 'the books use the kernel (places), never the other way round.',
      { path: '^cloudfunctions/services/kernel/' }, { path: '^cloudfunctions/services/books/' }),
    forbid('no-circular', 'no import circles anywhere: functions, app, commands and benchmarks.',
      { path: '^(cloudfunctions|src|scripts|bench)/' }, { circular: true }),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
