/**
 * The layer rules of DESIGN.md, checked with dependency-cruiser on the real tree, and shown
 * to bite on a fixture that breaks each of them.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const bin = join(root, 'node_modules', '.bin', 'depcruise');
const config = join(root, '.dependency-cruiser.cjs');

/** Runs dependency-cruiser; its output without colour codes (it colours under CI=true). */
function cruise(cwd: string) {
  const run = spawnSync(bin, ['--config', config, '--output-type', 'err', 'cloudfunctions', 'src', 'scripts', 'bench'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  // eslint-disable-next-line no-control-regex
  const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
  return { status: run.status, stdout: plain(run.stdout), stderr: plain(run.stderr) };
}

describe('layer rules', () => {
  it('the project has no dependency violations', () => {
    const run = cruise(root);
    expect(run.stdout + run.stderr).toContain('no dependency violations found');
    expect(run.status).toBe(0);
  }, 120_000);

  it('fail when core does I/O or imports services, services import the gateway, or src imports server code', () => {
    const run = cruise(join(__dirname, 'fixtures', 'layer-violations'));
    const out = run.stdout + run.stderr;
    expect(run.status).not.toBe(0);
    expect(out).toMatch(/core-is-pure: cloudfunctions\/core\/leaky\.ts → (node:)?fs/);
    expect(out).toMatch(/core-is-pure: cloudfunctions\/core\/leaky\.ts → cloudfunctions\/services\/use-case\.ts/);
    expect(out).toMatch(/services-not-edges: cloudfunctions\/services\/use-case\.ts → cloudfunctions\/gateway\/host\.ts/);
    expect(out).toMatch(/front-end-sees-contract-and-core-only: src\/page\.ts → cloudfunctions\/services\/use-case\.ts/);
    expect(out).not.toMatch(/src\/page\.ts → cloudfunctions\/contract\.ts/);
  }, 120_000);

  it('fail when an adapter, an entry, a context, the kernel or the books cross their line, and on any import circle', () => {
    const out = cruise(join(__dirname, 'fixtures', 'layer-violations'));
    const text = out.stdout + out.stderr;
    expect(text).toMatch(/services-use-the-port: cloudfunctions\/services\/voucher\/claim\.ts → cloudfunctions\/store\/sqlite-store\.ts/);
    expect(text).toMatch(/store-below-services: cloudfunctions\/store\/sqlite-store\.ts → cloudfunctions\/services\/use-case\.ts/);
    expect(text).toMatch(/cloud-entries-not-local-host: cloudfunctions\/functions\/account\/index\.ts → cloudfunctions\/gateway\/host\.ts/);
    expect(text).toMatch(/contexts-through-their-index: cloudfunctions\/services\/voucher\/claim\.ts → cloudfunctions\/services\/account\/documents\.ts/);
    expect(text).not.toMatch(/contexts-through-their-index: cloudfunctions\/services\/voucher\/claim\.ts → cloudfunctions\/services\/account\/index\.ts/);
    expect(text).toMatch(/kernel-and-books-know-no-context: cloudfunctions\/services\/books\/ledger\.ts → cloudfunctions\/services\/account\/index\.ts/);
    expect(text).toMatch(/kernel-below-books: cloudfunctions\/services\/kernel\/place\.ts → cloudfunctions\/services\/books\/ledger\.ts/);
    expect(text).toMatch(/no-circular: bench\/(a|b)\.ts → /);
  }, 120_000);

  it('R14.3 fail when anything outside the local host imports the pretend face check, or anything but the privacy entry the WeChat adapter', () => {
    const out = cruise(join(__dirname, 'fixtures', 'layer-violations'));
    const text = out.stdout + out.stderr;
    expect(text).toMatch(/dev-face-check-local-only: cloudfunctions\/services\/privacy\/face\.ts → cloudfunctions\/gateway\/face-dev\.ts/);
    expect(text).toMatch(/wechat-face-check-in-privacy-entry-only: cloudfunctions\/services\/privacy\/face\.ts → cloudfunctions\/notify\/face-wechat\.ts/);
  }, 120_000);
});
