/**
 * `npm ci` on a fresh machine refuses a lock that lacks entries for optional dependencies the
 * registry here cannot serve (see scripts/lock-optional-placeholders.js).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { missingOptional } = require('../../scripts/lock-optional-placeholders.js') as {
  missingOptional(lock: unknown): Map<string, unknown>;
};

it('package-lock.json has an entry for every optional dependency, so npm ci accepts it', () => {
  const lock = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package-lock.json'), 'utf8'));
  expect([...missingOptional(lock).keys()]).toEqual([]);
});

it('finds an optional dependency that has no lock entry', () => {
  const lock = { packages: { '': {}, 'node_modules/a': { optionalDependencies: { 'b-darwin-arm64': '1.0.0' } } } };
  expect([...missingOptional(lock).entries()]).toEqual([
    ['b-darwin-arm64', { version: '1.0.0', optional: true, os: ['darwin'], cpu: ['arm64'] }],
  ]);
});
