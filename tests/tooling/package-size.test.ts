/**
 * WeChat's limits (2 MB a package) and ours: the weapp main package ≤ 1 MB, each
 * subpackage ≤ 500 KB. Measured on the build `npm test` makes before jest.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MAIN_BUDGET_BYTES, SUBPACKAGE_BUDGET_BYTES, measureWeapp } from '../../scripts/size';

const weapp = join(__dirname, '..', '..', 'dist', 'weapp');

describe('weapp package sizes', () => {
  beforeAll(() => {
    if (!existsSync(join(weapp, 'app.json'))) throw new Error('dist/weapp missing: run npm run build:weapp first');
  });

  it('keeps the main package within 1 MB', () => {
    const { mainBytes } = measureWeapp(weapp);
    expect(MAIN_BUDGET_BYTES).toBe(1_048_576);
    expect(mainBytes).toBeGreaterThan(100_000);
    expect(mainBytes).toBeLessThanOrEqual(MAIN_BUDGET_BYTES);
  });

  it('has the trainer, official and verify subpackages, each within 500 KB', () => {
    const { subpackages } = measureWeapp(weapp);
    expect(Object.keys(subpackages).sort()).toEqual(['official', 'trainer', 'verify']);
    for (const bytes of Object.values(subpackages)) {
      expect(bytes).toBeGreaterThan(0);
      expect(bytes).toBeLessThanOrEqual(SUBPACKAGE_BUDGET_BYTES);
    }
  });
});
