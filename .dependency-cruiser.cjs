/**
 * Layer rules (DESIGN.md): functions → services → core; services → store (port); adapters
 * implement the port; the front end sees only contract types and pure core helpers.
 * Run by tests/tooling/dependencies.test.ts.
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
      to: { path: ['^cloudfunctions/store/(sqlite|cloudbase)-store', 'better-sqlite3', '@cloudbase/node-sdk'] },
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
      to: { path: ['^cloudfunctions/gateway/', '^cloudfunctions/store/sqlite-store', 'better-sqlite3', 'fastify'] },
    },
    {
      name: 'front-end-sees-contract-and-core-only',
      comment: 'src/ may import cloudfunctions/contract.ts (types) and cloudfunctions/core/ (pure helpers) only.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^cloudfunctions/', pathNot: ['^cloudfunctions/contract\\.ts$', '^cloudfunctions/core/'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^(cloudfunctions|src)/' },
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
